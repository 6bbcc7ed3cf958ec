"""One subscription API for live events, whichever database is behind it.

A station creates an :class:`EventFeed` and either blocks in :meth:`EventFeed.wait` (command
line, tests, a worker thread) or, in Qt, watches :meth:`EventFeed.fileno` with a
``QSocketNotifier`` and calls :meth:`EventFeed.fetch` (when it is ``None``, as on SQLite, a
``QTimer`` of :attr:`EventFeed.poll_interval` does the same). The events themselves always
come from the ``events`` table after the feed's cursor, so a station that lost the database
catches up on everything it missed once it reconnects.

* PostgreSQL: a dedicated autocommit connection LISTENs on ``loket_events``; NOTIFY is sent in
  the same transaction as the change, so it arrives at COMMIT, with no polling delay.
* SQLite (one PC, several processes): the highest event id is polled, an indexed look-up.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import DBAPIError

from app.queue.events import CHANNEL
from app.store import Store
from db.models import Event, Office

BATCH = 500


@dataclass(frozen=True)
class EventInfo:
    id: int
    kind: str
    at: datetime
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "at": self.at.isoformat(), **self.payload}


class _Listener:
    """LISTEN on PostgreSQL with its own connection; reconnects when the server comes back."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.conn: Any = None
        self.connect()

    def connect(self) -> bool:
        import psycopg
        from psycopg import sql

        self.close()
        try:
            self.conn = psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5)
            self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
            return True
        except psycopg.OperationalError:
            self.conn = None
            return False

    def fileno(self) -> int | None:
        return self.conn.fileno() if self.conn is not None else None

    def wait(self, timeout: float) -> bool:
        """Block until a notification or ``timeout``; False if the connection was lost."""
        import psycopg

        if self.conn is None and not self.connect():
            time.sleep(min(timeout, 1.0))  # the server is down: retry at most once a second
            return False
        try:
            for _ in self.conn.notifies(timeout=timeout, stop_after=1):
                pass
            return True
        except psycopg.OperationalError:
            self.conn = None
            return False

    def drain(self) -> bool:
        import psycopg

        if self.conn is None:
            return self.connect()
        try:
            for _ in self.conn.notifies(timeout=0):
                pass
            return True
        except psycopg.OperationalError:
            self.conn = None
            return False

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None


class EventFeed:
    """Events of one office (and office-wide ones) after a cursor."""

    poll_interval = 0.2  # seconds, for SQLite

    def __init__(self, store: Store, office_code: str | None = None,
                 cursor: int | None = None) -> None:
        self.store = store
        self.office_id: int | None = None
        with store.uow(read_only=True) as uow:
            if office_code:
                self.office_id = uow.session.scalar(
                    select(Office.id).where(Office.code == office_code))
            self.cursor = cursor if cursor is not None else int(
                uow.session.scalar(select(func.max(Event.id))) or 0)
        self._listener: _Listener | None = None
        if store.backend == "postgresql":
            url = store.engine.url.set(drivername="postgresql")
            self._listener = _Listener(url.render_as_string(hide_password=False))
        self._stop = threading.Event()

    def fileno(self) -> int | None:
        """A socket that becomes readable when events may be waiting (PostgreSQL only)."""
        return self._listener.fileno() if self._listener else None

    def fetch(self) -> list[EventInfo]:
        """Everything after the cursor; advances it. Safe to call at any time."""
        if self._listener is not None:
            self._listener.drain()
        try:
            with self.store.uow(read_only=True) as uow:
                query = select(Event).where(Event.id > self.cursor).order_by(Event.id).limit(BATCH)
                if self.office_id is not None:
                    query = query.where(or_(Event.office_id == self.office_id,
                                            Event.office_id.is_(None)))
                rows = uow.session.scalars(query).all()
                events = [EventInfo(e.id, e.kind, e.at, dict(e.payload)) for e in rows]
        except DBAPIError:
            return []  # database unreachable: nothing now, everything once it is back
        if events:
            self.cursor = events[-1].id
        return events

    def _marker(self) -> int:
        try:
            with self.store.uow(read_only=True) as uow:
                return int(uow.session.scalar(select(func.max(Event.id))) or 0)
        except DBAPIError:
            return self.cursor

    def wait(self, timeout: float) -> list[EventInfo]:
        """Events after the cursor, waiting up to ``timeout`` seconds for the first one."""
        deadline = time.monotonic() + timeout
        while True:
            events = self.fetch()
            left = deadline - time.monotonic()
            if events or left <= 0 or self._stop.is_set():
                return events
            if self._listener is not None:
                self._listener.wait(left)
            else:
                while self._marker() <= self.cursor and not self._stop.is_set():
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return []
                    self._stop.wait(min(self.poll_interval, left))

    def stop(self) -> None:
        """Wake a thread blocked in :meth:`wait` (SQLite) so it can exit."""
        self._stop.set()

    def close(self) -> None:
        self.stop()
        if self._listener is not None:
            self._listener.close()
