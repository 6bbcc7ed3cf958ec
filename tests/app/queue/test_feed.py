"""Live events reach other stations: LISTEN/NOTIFY on PostgreSQL, a polled marker on SQLite."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from sqlalchemy import text

from app.queue import engine as q_
from app.queue.events import publish
from app.queue.feed import EventFeed
from app.store import Store
from db.models import Office

OFFICE = "SAMSAT-PTK1"


@pytest.fixture
def open_office(catalog_store: Store) -> Store:
    with catalog_store.uow() as uow:
        uow.session.query(Office).filter_by(code=OFFICE).one().settings = {}
        uow.commit()
    return catalog_store


def test_events_of_a_change_reach_a_feed(open_office: Store) -> None:
    feed = EventFeed(open_office, OFFICE)
    try:
        assert feed.fetch() == []
        with open_office.uow() as uow:
            info = q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE)
        events = feed.wait(10)
        assert [(e.kind, e.payload["ticket"], e.payload["stage"]) for e in events] == [
            ("ticket.issued", info.ticket, "cek-fisik")]
        with open_office.uow() as uow:
            q_.call_next(uow, "CF", office_code=OFFICE)
        (called,) = feed.wait(10)
        assert called.kind == "ticket.called"
        assert (called.payload["counter"], called.payload["call_name"]) == ("CF",
                                                                            "tempat cek fisik")
        assert feed.fetch() == []
    finally:
        feed.close()


def test_a_feed_waits_for_another_process(open_office: Store, catalog_db_url: str) -> None:
    """A kiosk process issues a ticket; the display's feed, blocked in wait(), gets it."""
    feed = EventFeed(open_office, OFFICE)
    got: list = []
    waiter = threading.Thread(target=lambda: got.extend(feed.wait(30)))
    waiter.start()
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--db", catalog_db_url, "ticket", "issue", "STNK-HILANG",
         "--office", OFFICE, "--json"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    waiter.join(timeout=40)
    feed.close()
    assert not waiter.is_alive()
    assert [(e.kind, e.payload["ticket"]) for e in got] == [("ticket.issued", "B-001")]


def test_rolled_back_changes_publish_nothing(open_office: Store) -> None:
    feed = EventFeed(open_office, OFFICE)
    try:
        with open_office.uow() as uow:
            publish(uow.session, None, "ticket.issued", ticket="X-999")
            # no commit: rolled back on leaving
        assert feed.wait(0.5) == []
    finally:
        feed.close()


def test_other_offices_events_are_filtered(open_office: Store) -> None:
    feed = EventFeed(open_office, "BPS-BANTEN")
    try:
        with open_office.uow() as uow:
            q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE)
        assert feed.wait(0.5) == []
    finally:
        feed.close()


@pytest.mark.parametrize("catalog_db_url", ["postgresql"], indirect=True)
def test_postgres_listener_reconnects_and_catches_up(open_office: Store) -> None:
    """LISTEN/NOTIFY is PostgreSQL's; on SQLite there is no connection to lose."""
    assert open_office.backend == "postgresql"
    feed = EventFeed(open_office, OFFICE)
    try:
        pid = feed._listener.conn.info.backend_pid
        with open_office.engine.connect() as conn:  # the server drops the listener
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            conn.commit()
        with open_office.uow() as uow:
            info = q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE)
        events = feed.wait(10)
        while not events:  # the first wait may only notice the lost connection
            events = feed.wait(10)
        assert [e.payload["ticket"] for e in events] == [info.ticket]  # caught up
        # the next wait notices the dead connection and listens again on a new one
        assert feed.wait(2) == []
        assert feed.fileno() is not None
        assert feed._listener.conn.info.backend_pid != pid
        with open_office.uow() as uow:
            again = q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE)
        assert [e.payload["ticket"] for e in feed.wait(10)] == [again.ticket]
    finally:
        feed.close()
