"""The spoken call on the waiting-room TV: chime, ticket, destination, one call at a time.

Calls from several lokets can arrive in the same second; they are queued and spoken in
order, never over each other and never dropped. Audio goes through a small
:class:`AudioSink` so tests (and a station without sound) can use another one. A broken
segment is skipped, never allowed to hang the queue: the sink has a watchdog per segment
and the announcer one per call.
"""

from __future__ import annotations

import logging
import wave
from collections import deque
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

import resources
from app.stations import voice

log = logging.getLogger(__name__)

SEGMENT_MARGIN_MS = 1500  # beyond a segment's length before the sink gives up on it
CALL_MARGIN_MS = 5000  # beyond a call's length before the announcer gives up on the sink
UNKNOWN_SEGMENT_MS = 5000  # a file whose length cannot be read


def wav_duration_ms(path: Path) -> int:
    """The length of a WAV file, or ``UNKNOWN_SEGMENT_MS`` if it cannot be read."""
    try:
        with wave.open(str(path), "rb") as w:
            return int(1000 * w.getnframes() / w.getframerate())
    except (OSError, EOFError, wave.Error, ZeroDivisionError):
        return UNKNOWN_SEGMENT_MS


class AudioSink(QObject):
    """Plays WAV files one after another and emits :attr:`finished` once at the end.

    ``play`` is only called when the previous list has finished or was stopped; ``stop``
    ends the current list without emitting ``finished``.
    """

    finished = Signal()

    def play(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        """0..100."""
        raise NotImplementedError


class QtAudioSink(AudioSink):
    """QMediaPlayer chained on ``mediaStatusChanged``.

    QSoundEffect is not used: with no audio server it goes to Error, while QMediaPlayer
    still plays to EndOfMedia in real time.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # imported here: QtMultimedia needs libpulse0; a fake sink must not need it
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self._status = QMediaPlayer.MediaStatus
        self._output = QAudioOutput(self)
        self._player = QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        self._player.mediaStatusChanged.connect(self._on_media_status_changed)
        self._player.errorOccurred.connect(self._on_error)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._pending: deque[Path] = deque()
        self._current: Path | None = None
        self._generation = 0  # bumped by play and stop: a stale "next" from before is ignored

    def play(self, paths: list[Path]) -> None:
        self.stop()
        self._pending = deque(paths)
        self._on_next(self._generation)

    def stop(self) -> None:
        self._generation += 1
        self._pending.clear()
        self._current = None
        self._watchdog.stop()
        self._player.stop()

    def set_volume(self, volume: int) -> None:
        self._output.setVolume(max(0, min(100, volume)) / 100)

    def _on_next(self, generation: int) -> None:
        if generation != self._generation:
            return
        if not self._pending:
            self._current = None
            self._generation += 1
            self.finished.emit()
            return
        self._current = self._pending.popleft()
        self._watchdog.start(wav_duration_ms(self._current) + SEGMENT_MARGIN_MS)
        self._player.setSource(QUrl())  # setting the same file twice ("A", "A") is a no-op
        self._player.setSource(QUrl.fromLocalFile(str(self._current)))
        self._player.play()

    def _advance(self) -> None:
        # the next source is set from the event loop, not inside the player's own signal;
        # with the sink as the call's context, a sink deleted meanwhile (its window closed)
        # is not called at all, instead of touching its deleted player and timer
        if self._current is None:
            return
        self._current = None
        self._watchdog.stop()
        QTimer.singleShot(0, self, partial(self._on_next, self._generation))

    def _on_media_status_changed(self, status: object) -> None:
        if status == self._status.EndOfMedia:
            self._advance()
        elif status == self._status.InvalidMedia and self._current is not None:
            log.warning("cannot play voice segment %s: invalid media", self._current)
            self._advance()

    def _on_error(self, _error: object, message: str) -> None:
        if self._current is not None:
            log.warning("cannot play voice segment %s: %s", self._current, message)
            self._advance()

    def _on_watchdog(self) -> None:
        log.warning("voice segment %s did not finish in time; skipped", self._current)
        self._player.stop()
        self._advance()


@dataclass(frozen=True)
class Announcement:
    """One spoken call, as given to :meth:`Announcer.announce` and what will be played."""

    ticket: str
    counter_number: int
    call_name: str
    segments: tuple[str, ...]
    paths: tuple[Path, ...]


class Announcer(QObject):
    """Queues calls and speaks them one at a time through an :class:`AudioSink`."""

    started = Signal(object)  # Announcement
    # Announcement: its first segment handed to the audio player (not when muted or silent);
    # the moment the waiting room starts to hear the call, as near as the player tells
    playing = Signal(object)
    finished = Signal(object)  # Announcement, also when muted or cut short

    def __init__(self, sink: AudioSink | None = None, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder) if folder is not None else resources.path("voice", "id")
        self._sink = sink if sink is not None else QtAudioSink(self)
        self._sink.finished.connect(self._on_sink_finished)
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._muted = False
        self._playing = False  # the sink is playing the current call
        self._volume = 100
        self._guard = QTimer(self)
        self._guard.setSingleShot(True)
        self._guard.timeout.connect(self._on_guard)
        self._sink.set_volume(self._volume)

    @property
    def muted(self) -> bool:
        """Muted calls play nothing but still emit started and finished, in order.

        Muting cuts the call being spoken short.
        """
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)
        if self._muted and self._playing:
            self._sink.stop()
            self._finish_current()

    @property
    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        """0..100; out-of-range values are clamped."""
        self._volume = max(0, min(100, int(volume)))
        self._sink.set_volume(self._volume)

    @property
    def busy(self) -> bool:
        return self._current is not None

    def pending(self) -> int:
        """Calls waiting behind the one being spoken."""
        return len(self._queue)

    def announce(self, ticket: str, counter_number: int, call_name: str = "") -> Announcement:
        """Queue a call; it is spoken after the ones already queued.

        A call that cannot be spoken (odd ticket, unknown characters) still gets its chime,
        and a missing segment file is skipped with a warning: the display never crashes.
        """
        try:
            segments = voice.announcement(ticket, counter_number, call_name)
        except ValueError as exc:
            log.warning("cannot speak call %r: %s; chime only", ticket, exc)
            segments = ["chime"]
        paths = []
        for segment in segments:
            path = self.folder / f"{segment}.wav"
            if path.is_file():
                paths.append(path)
            else:
                log.warning("voice segment missing: %s", path)
        item = Announcement(ticket, counter_number, call_name or "", tuple(segments),
                            tuple(paths))
        self._queue.append(item)
        if self._current is None:
            self._start_next()
        return item

    def stop(self) -> None:
        """Drop the queued calls and cut the current one short (it still emits finished)."""
        self._queue.clear()
        if self._current is not None:
            if self._playing:
                self._sink.stop()
            self._finish_current()

    def shutdown(self) -> None:
        """Stop for good, before the window that speaks goes: the player is stopped while
        its owner is alive, not destroyed mid-segment later by the garbage collector (the
        media back-end's decoding thread then reads freed memory)."""
        self.stop()
        self._guard.stop()
        self._sink.stop()

    def _start_next(self) -> None:
        if self._current is not None or not self._queue:
            return
        item = self._current = self._queue.popleft()
        self.started.emit(item)
        if self._current is not item:  # a slot on started stopped or muted us
            return
        if self._muted or not item.paths:
            self._guard.start(0)  # finish from the event loop, like a real sink
            return
        # later than every per-segment watchdog of the sink: this one is for a broken sink
        self._guard.start(sum(wav_duration_ms(p) + SEGMENT_MARGIN_MS for p in item.paths)
                          + CALL_MARGIN_MS)
        self._playing = True
        self._sink.play(list(item.paths))
        if self._current is item and self._playing:  # the sink may have finished at once
            self.playing.emit(item)

    def _finish_current(self) -> None:
        item, self._current = self._current, None
        self._playing = False
        self._guard.stop()
        if item is not None:
            self.finished.emit(item)
        self._start_next()

    def _on_sink_finished(self) -> None:
        if self._current is not None:
            self._finish_current()

    def _on_guard(self) -> None:
        if self._playing and self._current is not None:
            log.warning("call %s not finished by the audio sink in time; skipped",
                        self._current.ticket)
            self._sink.stop()
        self._finish_current()
