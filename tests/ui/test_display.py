"""The queue display: calls arrive through the live events, flash and are announced; each
counter's box shows only the visit it calls or serves now, and a closed counter says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.access import Actor
from app.queue import engine as q_
from app.stations.display import Board
from app.store import Store
from tests.app.queue.conftest import MONDAY_9
from tests.helpers import queue_only
from ui.display import CLOSED, IDLE, DisplayWindow

OFFICE = "SAMSAT-PTK1"
SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))


class RecordingAnnouncer:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str]] = []

    def announce(self, ticket: str, number: int, call_name: str = "") -> None:
        self.calls.append((ticket, number, call_name))


def act(store: Store, fn, *args, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=MONDAY_9, **kw)


@pytest.fixture
def catalog_store(catalog_store: Store) -> Store:
    """The catalog's office with stages that record no work: visits move on when finished."""
    queue_only(catalog_store)
    return catalog_store


def boxes(window: DisplayWindow) -> dict[str, str]:
    """What each counter's box says, as a visitor reads it."""
    return {code: tile.ticket.text() for code, tile in window.tiles.items()}


def past_cek_fisik(store: Store) -> str:
    ticket = act(store, q_.issue_ticket, "STNK-PERPANJANGAN").ticket
    act(store, q_.call_ticket, "CF", ticket)
    act(store, q_.finish, "CF")
    return ticket


@pytest.fixture
def display(qtbot, catalog_store: Store):
    announcer = RecordingAnnouncer()
    window = DisplayWindow(catalog_store, OFFICE, announcer=announcer, clock=lambda: MONDAY_9)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.announcer_log = announcer
    yield window
    window.close()


def test_a_call_reaches_the_display_flashes_and_is_announced(qtbot, display,
                                                              catalog_store: Store) -> None:
    act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    with qtbot.waitSignal(display.called, timeout=5000) as blocker:
        act(catalog_store, q_.call_next, "CF")
    call = blocker.args[0]
    assert (call.ticket, call.counter, call.number) == ("A-001", "CF", 0)
    assert display.tiles["CF"].ticket.text() == "A-001"
    assert display.tiles["CF"].flashing
    assert display.announcer_log.calls == [("A-001", 0, "tempat cek fisik")]
    assert "A-001" in display.recent.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    display.grab().save(str(SHOTS / "display-call.png"))


def test_three_calls_at_once_are_all_shown_and_announced_in_order(qtbot, display,
                                                                   catalog_store: Store) -> None:
    """Lokets 3, 2 and 1 call within one moment: all three tiles change and all three
    calls are announced, in the order they were made."""
    first, second, third = (act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
                            for _ in range(3))
    route = {first.ticket: ("CF", "L1", "L2"), second.ticket: ("CF", "L1"),
             third.ticket: ("CF",)}
    for ticket, counters in route.items():
        for counter in counters:
            act(catalog_store, q_.call_ticket, counter, ticket)
            act(catalog_store, q_.finish, counter)
    qtbot.waitUntil(lambda: len(display.announcer_log.calls) == 6, timeout=5000)
    with qtbot.waitSignals([display.called] * 3, timeout=5000):
        act(catalog_store, q_.call_next, "L3")
        act(catalog_store, q_.call_next, "L2")
        act(catalog_store, q_.call_next, "L1")
    assert display.announcer_log.calls[-3:] == [("A-001", 3, ""), ("A-002", 2, ""),
                                                ("A-003", 1, "")]
    assert [display.tiles[c].ticket.text() for c in ("L1", "L2", "L3")] == [
        "A-003", "A-002", "A-001"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    display.grab().save(str(SHOTS / "display-three.png"))


def test_calls_that_come_together_are_read_once_and_each_shown_and_spoken(
        qtbot, display, catalog_store: Store) -> None:
    """Two lokets call before the display looks: one read of the board for both (each read
    is the whole board), both tiles show their numbers, flash and are spoken in order."""
    with qtbot.waitSignal(display.board_changed, check_params_cb=shows(), timeout=5000):
        moved = past_cek_fisik(catalog_store)
    waiting = act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN").ticket
    reads: list[Board] = []
    read = display.station.board
    display.station.board = lambda: reads.append(read()) or reads[-1]
    with qtbot.waitSignals([display.called] * 2, timeout=5000):
        act(catalog_store, q_.call_next, "L1")
        act(catalog_store, q_.call_next, "CF")
    assert len(reads) == 1
    assert (boxes(display)["L1"], boxes(display)["CF"]) == (moved, waiting)
    assert display.tiles["L1"].flashing and display.tiles["CF"].flashing
    assert display.announcer_log.calls[-2:] == [(moved, 1, ""), (waiting, 0, "tempat cek fisik")]


def test_board_shown_comes_after_the_repaint_that_drew_the_board(
        qtbot, display, catalog_store: Store) -> None:
    """``board_shown`` carries the board ``board_changed`` did, once the window has painted
    the new number; a change that draws nothing (called -> serving) is shown at once."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            self.count += event.type() == QEvent.Type.Paint
            return False

    paints = Paints()
    display.tiles["CF"].ticket.installEventFilter(paints)
    order: list[tuple[str, object, int]] = []
    display.board_changed.connect(lambda b: order.append(("changed", b, paints.count)))
    display.board_shown.connect(lambda b: order.append(("shown", b, paints.count)))
    act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    with qtbot.waitSignal(display.board_shown, timeout=5000,
                          check_params_cb=lambda b: b.counter("CF").ticket == "A-001"):
        act(catalog_store, q_.call_next, "CF")
    (changed, board, painted_before), (shown, same, painted_after) = order[-2:]
    assert (changed, shown) == ("changed", "shown") and same is board
    assert painted_after > painted_before  # the number was painted in between
    order.clear()
    with qtbot.waitSignal(display.board_shown, timeout=5000,
                          check_params_cb=lambda b: b.counter("CF").status == "serving"):
        act(catalog_store, q_.start, "CF")
    (changed, board, painted_before), (shown, same, painted_after) = order
    assert (changed, shown) == ("changed", "shown") and same is board
    assert painted_after == painted_before  # at once: no repaint was waited for


def test_a_board_drawn_but_not_yet_painted_is_not_shown_by_a_later_one(
        qtbot, display, catalog_store: Store) -> None:
    """A number drawn and, before the window repainted, a change that draws nothing: the
    second board is not 'shown at once', since the number is not on the screen yet."""
    with qtbot.waitSignal(display.board_changed, timeout=5000):  # one waiting
        act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    shown: list[Board] = []
    display.board_shown.connect(shown.append)
    act(catalog_store, q_.call_next, "CF")
    display._refresh()  # read and drawn, the event loop not run: not painted
    act(catalog_store, q_.start, "CF")
    display._refresh()  # called -> serving: nothing new to draw
    assert shown == [] and display.unshown is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0].counter("CF").ticket == "A-001"
    assert shown[0].counter("CF").status == "serving"


def test_loket_station_display_runs_and_exits(catalog_db_url: str) -> None:
    """``loket station display`` in its own process, offscreen, quitting by itself."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", catalog_db_url, "station", "display",
         "--office", OFFICE, "--windowed", "--quit-after", "1"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr


def test_unknown_station_kind_exits_2(catalog_db_url: str, capsys) -> None:
    from app.cli import main

    assert main(["--db", catalog_db_url, "station", "jukebox"]) == 2
    assert "jukebox" in capsys.readouterr().err


def test_the_display_speaks_each_call_through_the_announcer(qtbot, catalog_store: Store) -> None:
    """Display and announcer together: a call at loket 1 is spoken as its segments."""
    from tests.ui.test_announcer import FakeSink
    from ui.announcer import Announcer

    sink = FakeSink(auto=True)
    announcer = Announcer(sink)
    window = DisplayWindow(catalog_store, OFFICE, announcer=announcer, clock=lambda: MONDAY_9)
    qtbot.addWidget(window)
    info = act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    act(catalog_store, q_.call_ticket, "CF", info.ticket)
    act(catalog_store, q_.finish, "CF")
    with qtbot.waitSignals([announcer.finished] * 2, timeout=10000):
        act(catalog_store, q_.call_next, "L1")
    spoken = [[p.stem for p in paths] for paths in sink.played]
    assert spoken[0][1:] == ["nomor_antrian", "a", "satu", "silakan_menuju",
                             "tempat_cek_fisik"]
    assert spoken[1][1:] == ["nomor_antrian", "a", "satu", "silakan_menuju", "loket", "satu"]
    window.close()


def test_closing_the_display_stops_its_voice_while_it_speaks(qtbot,
                                                             catalog_store: Store) -> None:
    """A display closed mid-call stops the player itself and takes the announcer with it:
    a player left to the garbage collector, destroyed while its decoding thread still
    reads, crashed the process (the demo's tiles, one test run in four)."""
    from tests.ui.test_announcer import FakeSink
    from ui.announcer import Announcer

    sink = FakeSink(auto=False)  # a segment that is still playing
    announcer = Announcer(sink)
    window = DisplayWindow(catalog_store, OFFICE, announcer=announcer, clock=lambda: MONDAY_9)
    assert announcer.parent() is window  # (deleted by the test itself, not qtbot)
    info = act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    with qtbot.waitSignal(announcer.playing, timeout=10000):
        act(catalog_store, q_.call_ticket, "CF", info.ticket)
    assert sink.active == 1 and sink.stops == 0
    with qtbot.waitSignal(window.destroyed, timeout=5000):
        window.close()
        window.deleteLater()
    assert sink.stops >= 1 and sink.active == 0  # stopped before it went


def test_mute_volume_and_recordings_come_from_the_settings(qtbot, catalog_store: Store,
                                                          tmp_path) -> None:
    """Office settings say muted at 40; the TV's own station settings unmute it and point
    at a folder of human recordings."""
    from app.catalog.service import import_file
    from db.models import Office, Station
    from resources import path
    from ui.station import make_announcer

    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
        office = uow.session.query(Office).filter_by(code=OFFICE).one()
        office.settings = dict(office.settings) | {"voice": {"muted": True, "volume": 40}}
        uow.commit()
    announcer = make_announcer(catalog_store, OFFICE)
    assert announcer.muted is True and announcer.volume == 40
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code=OFFICE).one()
        tv = uow.session.query(Station).filter_by(code="TV-1", office_id=office.id).one()
        tv.settings = {"voice": {"muted": False, "folder": str(tmp_path)}}
        uow.commit()
    announcer = make_announcer(catalog_store, OFFICE, "TV-1")
    assert announcer.muted is False and announcer.volume == 40
    assert announcer.folder == tmp_path


def shows(**tickets: str | None):
    """A ``board_changed`` check: the board has exactly these tickets in these boxes."""
    def check(b: Board) -> bool:
        return {c.counter: c.ticket for c in b.counters} == {
            code: tickets.get(code) for code in ("CF", "L1", "L2", "L3")}
    return check


def test_a_visit_moving_on_leaves_its_box_as_the_events_arrive(qtbot, display,
                                                               catalog_store: Store) -> None:
    """The autopilot bug: A-001 stood at loket 1, 2 and 3 at once. Now each step moves it."""
    with qtbot.waitSignal(display.board_changed, check_params_cb=shows(), timeout=5000):
        ticket = past_cek_fisik(catalog_store)
    assert boxes(display)["CF"] == "-" and display.tiles["CF"].state == IDLE
    with qtbot.waitSignal(display.called, timeout=5000):
        act(catalog_store, q_.call_next, "L1")
    assert boxes(display)["L1"] == ticket and display.tiles["L1"].flashing
    with qtbot.waitSignal(display.board_changed, check_params_cb=shows(), timeout=5000):
        act(catalog_store, q_.finish, "L1")  # now waiting for loket 2
    assert boxes(display)["L1"] == "-" and not display.tiles["L1"].flashing
    with qtbot.waitSignal(display.called, timeout=5000):
        act(catalog_store, q_.call_next, "L2")
    assert [boxes(display)[c] for c in ("L1", "L2")] == ["-", ticket]
    assert display.tiles["L2"].flashing
    assert display.announcer_log.calls[-2:] == [(ticket, 1, ""), (ticket, 2, "")]
    for step, again in ((q_.hold, q_.resume), (q_.return_to_queue, q_.call_ticket)):
        with qtbot.waitSignal(display.board_changed, check_params_cb=shows(), timeout=5000):
            act(catalog_store, step, "L2")
        assert boxes(display)["L2"] == "-"
        with qtbot.waitSignal(display.board_changed, check_params_cb=shows(L2=ticket),
                              timeout=5000):
            act(catalog_store, again, "L2", ticket)
        assert boxes(display)["L2"] == ticket
    with qtbot.waitSignal(display.board_changed, check_params_cb=shows(), timeout=5000):
        act(catalog_store, q_.skip, "L2")
    assert boxes(display) == {"CF": "-", "L1": "-", "L2": "-", "L3": "TUTUP"}
    # the history still tells who was called where
    assert display.recent.text().count(ticket) >= 3


def test_a_closed_counter_says_tutup_and_looks_unlike_an_idle_one(qtbot, display,
                                                                  catalog_store: Store) -> None:
    act(catalog_store, q_.set_counter_open, "L3", True)
    qtbot.waitUntil(lambda: display.tiles["L3"].state == IDLE, timeout=5000)
    with qtbot.waitSignal(
            display.board_changed, timeout=5000,
            check_params_cb=lambda b: b.counter("L3").is_open is False):
        act(catalog_store, q_.set_counter_open, "L3", False)
    closed, idle = display.tiles["L3"], display.tiles["CF"]
    assert (closed.ticket.text(), closed.state) == ("TUTUP", CLOSED)
    act(catalog_store, q_.set_counter_open, "CF", True)
    qtbot.waitUntil(lambda: idle.state == IDLE, timeout=5000)
    assert idle.ticket.text() == "-"
    # a visitor can tell them apart from afar: the tiles are not painted alike
    closed_look = closed.grab().toImage().pixelColor(8, closed.height() // 2)
    idle_look = idle.grab().toImage().pixelColor(8, idle.height() // 2)
    assert closed_look != idle_look
    with qtbot.waitSignal(display.board_changed, timeout=5000,
                          check_params_cb=lambda b: not any(c.is_open for c in b.counters)):
        act(catalog_store, q_.close_day)
    assert set(boxes(display).values()) == {"TUTUP"}


def test_the_display_switched_on_later_shows_the_same_as_one_that_watched(
        qtbot, display, catalog_store: Store) -> None:
    """The first read of the board and the live events agree; the screenshot of the README:
    a visit moved from loket 1 to loket 2, loket 3 closed, cek fisik serving the next one."""
    first = past_cek_fisik(catalog_store)
    second, third = (act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN").ticket
                     for _ in range(2))
    act(catalog_store, q_.issue_ticket, "STNK-HILANG")
    act(catalog_store, q_.call_ticket, "CF", second)
    act(catalog_store, q_.finish, "CF")
    act(catalog_store, q_.call_next, "L1")  # the first one: it came before the second
    act(catalog_store, q_.finish, "L1")
    act(catalog_store, q_.set_counter_open, "L3", True)
    act(catalog_store, q_.set_counter_open, "L3", False)
    with qtbot.waitSignal(display.called, timeout=5000):
        act(catalog_store, q_.call_next, "L2")
    act(catalog_store, q_.call_ticket, "CF", third)
    act(catalog_store, q_.start, "CF")
    expected = {"CF": third, "L1": "-", "L2": first, "L3": "TUTUP"}
    qtbot.waitUntil(lambda: boxes(display) == expected, timeout=5000)
    later = DisplayWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9)
    qtbot.addWidget(later)
    later.resize(1920, 1080)
    later.show()
    later.layout().activate()  # lay out with the fonts the resize chose, before the grab
    assert boxes(later) == expected
    assert later.recent.text() == display.recent.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    later.grab().save(str(SHOTS / "display-moved.png"))
    later.close()
