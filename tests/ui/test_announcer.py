"""Spoken calls are queued, spoken one at a time, never dropped, and never hang the display."""

from __future__ import annotations

import logging
import shutil
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

import resources
from ui.announcer import Announcement, Announcer, AudioSink, QtAudioSink

VOICE_DIR = resources.path("voice", "id")
WAIT_MS = 5000


class FakeSink(AudioSink):
    """Records what it is asked to play; finishes when told, or by itself on a 0 ms timer."""

    def __init__(self, auto: bool = False) -> None:
        super().__init__()
        self.auto = auto
        self.played: list[list[Path]] = []
        self.active = 0
        self.max_active = 0
        self.stops = 0
        self.volume = -1

    def play(self, paths: list[Path]) -> None:
        self.active += 1
        self.max_active = max(self.max_active, self.active)
        self.played.append(list(paths))
        if self.auto:
            QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        if self.active:
            self.active -= 1
            self.finished.emit()

    def stop(self) -> None:
        self.stops += 1
        self.active = 0

    def set_volume(self, volume: int) -> None:
        self.volume = volume


def stems(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_three_calls_at_once_are_spoken_in_order_one_at_a_time(qtbot) -> None:
    sink = FakeSink()
    announcer = Announcer(sink)
    started: list[Announcement] = []
    announcer.started.connect(started.append)
    with qtbot.waitSignals([announcer.finished] * 3, timeout=WAIT_MS, order="strict"):
        announcer.announce("A-001", 1)
        announcer.announce("B-002", 2)
        announcer.announce("A-003", 0, "tempat cek fisik")
        for spoken in range(1, 4):
            assert len(sink.played) == spoken and sink.active == 1
            assert announcer.pending() == 3 - spoken
            sink.complete()  # the test says when each call has been spoken
    assert sink.max_active == 1
    assert [a.ticket for a in started] == ["A-001", "B-002", "A-003"]
    assert stems(sink.played[0])[-4:] == ["satu", "silakan_menuju", "loket", "satu"]
    assert stems(sink.played[1])[2:4] == ["b", "dua"]
    assert stems(sink.played[2])[-1] == "tempat_cek_fisik"
    assert not announcer.busy and announcer.pending() == 0


def test_finished_carries_each_call_in_order(qtbot) -> None:
    sink = FakeSink(auto=True)
    announcer = Announcer(sink)
    done: list[str] = []
    announcer.finished.connect(lambda a: done.append(a.ticket))
    tickets = [f"C-{n:03d}" for n in range(1, 11)]
    with qtbot.waitSignals([announcer.finished] * len(tickets), timeout=WAIT_MS):
        for n, ticket in enumerate(tickets):
            announcer.announce(ticket, n % 3 + 1)
    assert done == tickets
    assert sink.max_active == 1 and len(sink.played) == len(tickets)


def test_a_call_arriving_while_one_is_spoken_waits_for_it(qtbot) -> None:
    sink = FakeSink()
    announcer = Announcer(sink)
    announcer.announce("A-001", 1)
    with qtbot.waitSignal(announcer.started, timeout=WAIT_MS) as later:
        announcer.announce("A-002", 2)
        assert len(sink.played) == 1
        sink.complete()
    assert later.args[0].ticket == "A-002"
    assert sink.max_active == 1


def test_muted_calls_play_nothing_but_still_emit(qtbot) -> None:
    sink = FakeSink(auto=True)
    announcer = Announcer(sink)
    announcer.muted = True
    with qtbot.waitSignals([announcer.started, announcer.finished] * 2, timeout=WAIT_MS,
                           order="strict"):
        announcer.announce("A-001", 1)
        announcer.announce("A-002", 2)
    assert sink.played == []
    announcer.muted = False
    with qtbot.waitSignal(announcer.finished, timeout=WAIT_MS):
        announcer.announce("A-003", 3)
    assert len(sink.played) == 1


def test_playing_says_when_each_call_is_handed_to_the_player(qtbot) -> None:
    """``playing`` comes once per call, as the sink gets its segments (after ``started``),
    in order, and never for a muted call, which plays nothing."""
    sink = FakeSink()
    announcer = Announcer(sink)
    seen: list[tuple[str, str, int]] = []
    announcer.started.connect(lambda a: seen.append(("started", a.ticket, len(sink.played))))
    announcer.playing.connect(lambda a: seen.append(("playing", a.ticket, len(sink.played))))
    announcer.announce("A-001", 1)
    announcer.announce("A-002", 2)
    assert seen == [("started", "A-001", 0), ("playing", "A-001", 1)]
    with qtbot.waitSignal(announcer.playing, timeout=WAIT_MS) as blocker:
        sink.complete()
    assert blocker.args[0].ticket == "A-002" and seen[-1] == ("playing", "A-002", 2)
    sink.complete()
    announcer.muted = True
    with qtbot.assertNotEmitted(announcer.playing), \
            qtbot.waitSignal(announcer.finished, timeout=WAIT_MS):
        announcer.announce("A-003", 3)
    assert len(sink.played) == 2


def test_muting_cuts_the_current_call_short(qtbot) -> None:
    sink = FakeSink()
    announcer = Announcer(sink)
    announcer.announce("A-001", 1)
    with qtbot.waitSignal(announcer.finished, timeout=WAIT_MS):
        announcer.muted = True
    assert sink.stops == 1 and not announcer.busy


def test_volume_is_clamped_and_passed_to_the_sink(qtbot) -> None:
    sink = FakeSink()
    announcer = Announcer(sink)
    assert sink.volume == 100
    announcer.set_volume(35)
    assert (announcer.volume, sink.volume) == (35, 35)
    announcer.set_volume(250)
    assert sink.volume == 100
    announcer.set_volume(-5)
    assert sink.volume == 0


def test_missing_segments_are_skipped_with_a_warning(qtbot, tmp_path: Path, caplog) -> None:
    for stem in ("chime", "nomor_antrian", "a", "silakan_menuju", "loket"):
        shutil.copy(VOICE_DIR / f"{stem}.wav", tmp_path)
    sink = FakeSink(auto=True)
    announcer = Announcer(sink, folder=tmp_path)
    with caplog.at_level(logging.WARNING, logger="ui.announcer"), \
            qtbot.waitSignal(announcer.finished, timeout=WAIT_MS):
        announcer.announce("A-001", 2)
    assert stems(sink.played[0]) == ["chime", "nomor_antrian", "a", "silakan_menuju", "loket"]
    assert "satu.wav" in caplog.text and "dua.wav" in caplog.text


def test_an_empty_folder_still_emits(qtbot, tmp_path: Path) -> None:
    sink = FakeSink(auto=True)
    announcer = Announcer(sink, folder=tmp_path)
    with qtbot.waitSignals([announcer.started, announcer.finished], timeout=WAIT_MS):
        announcer.announce("A-001", 2)
    assert sink.played == []


def test_a_call_that_cannot_be_spoken_gets_the_chime(qtbot, caplog) -> None:
    sink = FakeSink(auto=True)
    announcer = Announcer(sink)
    with caplog.at_level(logging.WARNING, logger="ui.announcer"), \
            qtbot.waitSignal(announcer.finished, timeout=WAIT_MS) as done:
        announcer.announce("A?-1", 1)
    assert done.args[0].segments == ("chime",)
    assert stems(sink.played[0]) == ["chime"]
    assert "A?-1" in caplog.text


def test_a_sink_that_never_finishes_does_not_hang_the_queue(qtbot, tmp_path: Path,
                                                          monkeypatch) -> None:
    import ui.announcer as module

    monkeypatch.setattr(module, "CALL_MARGIN_MS", 0)
    monkeypatch.setattr(module, "SEGMENT_MARGIN_MS", 0)
    shutil.copy(VOICE_DIR / "a.wav", tmp_path / "chime.wav")  # a short call: one segment
    sink = FakeSink()  # never told to complete
    announcer = Announcer(sink, folder=tmp_path)
    with qtbot.waitSignals([announcer.finished] * 2, timeout=WAIT_MS):
        announcer.announce("A?", 1)
        announcer.announce("B?", 1)
    assert sink.stops == 2 and len(sink.played) == 2


def test_stop_drops_the_queue_and_finishes_the_current_call(qtbot) -> None:
    sink = FakeSink()
    announcer = Announcer(sink)
    first = announcer.announce("A-001", 1)
    announcer.announce("A-002", 2)
    with qtbot.waitSignal(announcer.finished, timeout=WAIT_MS) as done:
        announcer.stop()
    assert done.args[0] is first
    assert not announcer.busy and announcer.pending() == 0 and len(sink.played) == 1


def wav_ms(path: Path) -> int:
    with wave.open(str(path), "rb") as w:
        return int(1000 * w.getnframes() / w.getframerate())


@pytest.fixture
def qt_sink(qtbot) -> Iterator[QtAudioSink]:
    # QtMultimedia needs libpulse0 (Debian); its absence must fail here, not skip
    sink = QtAudioSink()
    yield sink
    sink.stop()


def test_real_sink_plays_the_chime_to_the_end(qtbot, qt_sink: QtAudioSink, caplog) -> None:
    chime = VOICE_DIR / "chime.wav"
    clock = QElapsedTimer()
    clock.start()
    with caplog.at_level(logging.WARNING, logger="ui.announcer"), \
            qtbot.waitSignal(qt_sink.finished, timeout=wav_ms(chime) + 4000):
        qt_sink.play([chime])
    assert caplog.text == ""  # ended by EndOfMedia: no error, no watchdog
    assert clock.elapsed() >= 0.8 * wav_ms(chime)  # really played, in real time


def test_real_sink_chains_segments_and_skips_a_broken_one(qtbot, qt_sink: QtAudioSink,
                                                         tmp_path: Path, caplog) -> None:
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not a wave at all")
    a = VOICE_DIR / "a.wav"  # twice in a row, as for prefix "AA"
    with caplog.at_level(logging.WARNING, logger="ui.announcer"), \
            qtbot.waitSignal(qt_sink.finished, timeout=2 * wav_ms(a) + 6000):
        qt_sink.play([a, a, broken, tmp_path / "missing.wav", VOICE_DIR / "dua.wav"])
    assert "broken.wav" in caplog.text and "missing.wav" in caplog.text
    assert "did not finish" not in caplog.text  # errors are reported, not waited out


def test_announcer_with_the_real_sink_speaks_queued_calls(qtbot, tmp_path: Path) -> None:
    for stem in ("a", "b", "dua"):  # a short vocabulary keeps the test quick
        shutil.copy(VOICE_DIR / f"{stem}.wav", tmp_path)
    announcer = Announcer(folder=tmp_path)
    done: list[str] = []
    announcer.finished.connect(lambda a: done.append(a.ticket))
    with qtbot.waitSignals([announcer.finished] * 2, timeout=10_000):
        announcer.announce("A-2", 0)
        announcer.announce("B-2", 0)
    assert done == ["A-2", "B-2"]
    announcer.stop()
