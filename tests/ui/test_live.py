"""Live events reach a Qt station on both databases, within a bounded wait; after a lost
database and on a slow timer the station is asked to read its whole state again, so a
missed event cannot leave a wrong screen."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.queue import engine as q_
from app.store import Store
from db.models import Office
from tests.app.queue.conftest import MONDAY_9
from tests.helpers import queue_only
from ui.display import DisplayWindow
from ui.live import LiveEvents

OFFICE = "SAMSAT-PTK1"


def issue(store: Store) -> str:
    with store.uow() as uow:
        return q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE, now=MONDAY_9).ticket


def test_a_ticket_issued_elsewhere_reaches_the_station(qtbot, catalog_store: Store) -> None:
    live = LiveEvents(catalog_store, OFFICE)
    try:
        with qtbot.waitSignal(live.received, timeout=5000) as blocker:
            issue(catalog_store)
        event = blocker.args[0]
        assert event.kind == "ticket.issued" and event.payload["ticket"] == "A-001"
    finally:
        live.close()


def test_the_events_of_one_read_come_together_after_each_alone(
        qtbot, catalog_store: Store) -> None:
    """``batch`` carries every event of one read, once, after their ``received``: three
    tickets issued before the station looks are one batch of three."""
    live = LiveEvents(catalog_store, OFFICE)
    try:
        live._timer.stop()  # the test says when the station reads
        seen: list[object] = []
        live.received.connect(lambda event: seen.append(event.payload["ticket"]))
        live.batch.connect(lambda events: seen.append([e.payload["ticket"] for e in events]))
        tickets = [issue(catalog_store) for _ in range(3)]
        if live._notifier is not None:  # PostgreSQL: the notifications are there too
            qtbot.waitUntil(lambda: len(seen) == 4, timeout=5000)
        else:
            live._on_ready()
        assert seen == [*tickets, tickets]
        live._on_ready()  # nothing new: no batch
        assert len(seen) == 4
    finally:
        live.close()


def test_the_station_is_asked_to_read_again_on_a_slow_timer(qtbot,
                                                           catalog_store: Store) -> None:
    live = LiveEvents(catalog_store, OFFICE, resync_ms=50)
    try:
        with qtbot.waitSignal(live.resync, timeout=3000):
            pass
    finally:
        live.close()


@pytest.mark.parametrize(("setting", "ms"), [(None, 45_000), (90, 90_000), ("soon", 45_000),
                                             (1, 5_000), (10**9, 3_600_000)])
def test_the_timer_is_the_offices_setting_within_bounds(catalog_store: Store, setting,
                                                        ms: int) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code=OFFICE).one()
        settings = dict(office.settings or {})
        settings.pop("live_resync_seconds", None)
        if setting is not None:
            settings["live_resync_seconds"] = setting
        office.settings = settings
        uow.commit()
    live = LiveEvents(catalog_store, OFFICE)
    try:
        assert live.resync_ms == ms
    finally:
        live.close()


def test_after_a_failed_read_the_station_catches_up_and_reads_again(
        qtbot, catalog_store: Store, monkeypatch) -> None:
    live = LiveEvents(catalog_store, OFFICE, resync_ms=3_600_000)
    try:
        name = "_read_committed" if catalog_store.backend == "postgresql" else "_read_after"
        read = getattr(live.feed, name)
        failures = [OperationalError("SELECT", {}, Exception("server closed the connection"))]

        def flaky() -> list:
            if failures:
                raise failures.pop()
            return read()

        monkeypatch.setattr(live.feed, name, flaky)
        with qtbot.assertNotEmitted(live.resync):
            live.feed.fetch()  # the database is away: nothing, and the feed knows it
        assert not live.feed.online
        seen: list[str] = []
        live.received.connect(lambda event: seen.append(event.payload["ticket"]))
        live.resync.connect(lambda: seen.append("resync"))
        with qtbot.waitSignal(live.resync, timeout=5000):
            ticket = issue(catalog_store)
        assert seen == [ticket, "resync"]  # caught up, then asked to read everything
        assert live.feed.online and live.feed.reconnects == 1
    finally:
        live.close()


@pytest.mark.parametrize("catalog_db_url", ["postgresql"], indirect=True)
def test_a_lost_listen_connection_asks_for_a_read_when_it_is_back(
        qtbot, catalog_store: Store) -> None:
    live = LiveEvents(catalog_store, OFFICE, resync_ms=3_600_000)
    try:
        pid = live.feed._listener.conn.info.backend_pid
        # the server drops the listener
        with qtbot.waitSignal(live.resync, timeout=10_000), \
                catalog_store.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            conn.commit()
        assert live.feed._listener.conn.info.backend_pid != pid
        with qtbot.waitSignal(live.received, timeout=5000) as blocker:
            ticket = issue(catalog_store)
        assert blocker.args[0].payload["ticket"] == ticket
    finally:
        live.close()


def test_a_display_that_missed_every_event_is_right_after_its_timer(
        qtbot, catalog_store: Store, monkeypatch) -> None:
    queue_only(catalog_store)
    window = DisplayWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9)
    qtbot.addWidget(window)
    try:
        monkeypatch.setattr(window.live.feed, "fetch", lambda: [])  # every event lost
        ticket = issue(catalog_store)
        with catalog_store.uow() as uow:
            q_.call_ticket(uow, "CF", ticket, office_code=OFFICE, now=MONDAY_9)
        assert window.tiles["CF"].ticket.text() != ticket
        with qtbot.waitSignal(window.board_changed, timeout=5000):
            window.live._resync.start(50)
        assert window.tiles["CF"].ticket.text() == ticket
    finally:
        window.close()
