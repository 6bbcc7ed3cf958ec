"""One subscription API for live events, whichever database is behind it.

A station creates an :class:`EventFeed` and either blocks in :meth:`EventFeed.wait` (command
line, tests, a worker thread) or, in Qt, watches :meth:`EventFeed.fileno` with a
``QSocketNotifier`` and calls :meth:`EventFeed.fetch` (when it is ``None``, as on SQLite, a
``QTimer`` of :attr:`EventFeed.poll_interval` does the same). The events themselves always
come from the ``events`` table after the feed's cursor, so a station that lost the database
catches up on everything it missed once it reconnects.

The invariant: **every committed event is delivered exactly once, and an event whose
transaction committed before another transaction inserted its event comes first.** What
the cursor is differs, because the two databases commit differently:

* SQLite serialises writers (every writing unit of work starts with ``BEGIN IMMEDIATE``,
  db/engine.py): an event's id is taken under the write lock and the next writer gets the
  lock only after the commit, so ids become visible in order and "ids above the last one
  delivered" cannot skip. The highest id is polled, an indexed look-up.
* PostgreSQL takes an id at INSERT and commits transactions in any order: a transaction
  that inserted event 7 and commits after the one that inserted event 8 would be skipped
  for good by an id cursor. So the cursor is the *snapshot* of the previous read
  (:class:`Snapshot`: which transactions had committed). Each event stores the transaction
  that inserted it (``events.xact``, migration 0014), and the next read, in one
  REPEATABLE READ snapshot, takes the events of exactly the transactions that the previous
  snapshot could not see: those running then (``xip``) and those started since (from
  ``xmax`` on). A transaction that had not committed then is either visible now (delivered
  now) or still running (in the new snapshot's ``xip``: asked for again next time) or
  rolled back (nothing to deliver); one visible then was delivered then. Nothing waits for
  an unrelated long transaction. Order: reads follow commits; within one read, by id, and
  an event inserted after another transaction committed has a higher id than all of that
  transaction's events. Transactions that overlapped have no commit order a reader could
  observe (PostgreSQL keeps none without ``track_commit_timestamp``); neither is "first".
  A dedicated autocommit connection LISTENs on ``loket_events``; NOTIFY is sent by a
  trigger and delivered at COMMIT (migration 0003), so a read follows every commit with no
  polling delay.

A feed counts its reconnections (:attr:`EventFeed.reconnects`): a station re-reads its
whole state after one, and on a slow timer (ui/live.py), so even an event lost some other
way cannot leave a wrong screen.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, any_, bindparam, func, or_, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError

from app.queue.events import CHANNEL
from app.store import Store
from db.models import Event, Office

BATCH = 500  # SQLite: rows per read; the next read goes on from the last one
RESYNC_SECONDS = 45.0  # default; the office's ``live_resync_seconds`` setting overrides it
RESYNC_BOUNDS = (5.0, 3600.0)

events = Event.__table__
_COLUMNS = (events.c.id, events.c.kind, events.c.at, events.c.payload)
_SNAPSHOT = text("SELECT pg_current_snapshot()::text")
# the events of the transactions a snapshot did not see: running then, or started since
_NEW_SINCE = or_(events.c.xact >= bindparam("xmax"),
                 events.c.xact == any_(bindparam("running", type_=ARRAY(BigInteger))))


@dataclass(frozen=True)
class EventInfo:
    id: int
    kind: str
    at: datetime
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "at": self.at.isoformat(), **self.payload}


@dataclass(frozen=True)
class Snapshot:
    """Which transactions a PostgreSQL snapshot sees: all below ``xmax`` except ``running``.

    ``xmin`` (the oldest still running) is kept for reading only; the feed needs ``xmax``
    and ``running`` to name exactly what the snapshot could not see.
    """

    xmin: int
    xmax: int
    running: tuple[int, ...]

    @classmethod
    def parse(cls, value: str) -> Snapshot:
        """``pg_snapshot`` as text: ``xmin:xmax:xip,xip,...``."""
        xmin, xmax, xip = value.split(":")
        return cls(int(xmin), int(xmax), tuple(int(x) for x in xip.split(",") if x))


class _Listener:
    """LISTEN on PostgreSQL with its own connection; reconnects when the server comes back."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.conn: Any = None
        self.connects = 0  # successful connections; more than one: it reconnected
        self.connect()

    def connect(self) -> bool:
        import psycopg
        from psycopg import sql

        self.close()
        try:
            self.conn = psycopg.connect(self.conninfo, autocommit=True, connect_timeout=5)
            self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        except psycopg.OperationalError:
            self.conn = None
            return False
        self.connects += 1
        return True

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



def _resync_seconds(settings: dict[str, Any] | None) -> float:
    """The office's ``live_resync_seconds``, within bounds; the default if unusable."""
    try:
        value = float((settings or {}).get("live_resync_seconds", RESYNC_SECONDS))
    except (TypeError, ValueError):
        return RESYNC_SECONDS
    if value != value:  # NaN
        return RESYNC_SECONDS
    return min(max(value, RESYNC_BOUNDS[0]), RESYNC_BOUNDS[1])


class EventFeed:
    """Events of one office (and office-wide ones) not delivered yet; see the module."""

    poll_interval = 0.2  # seconds, for SQLite

    def __init__(self, store: Store, office_code: str | None = None) -> None:
        self.store = store
        self.office_id: int | None = None
        self.resync_seconds = RESYNC_SECONDS
        self.cursor = 0  # SQLite: the last id delivered
        self._seen: Snapshot | None = None  # PostgreSQL: the snapshot of the last read
        self._recoveries = 0
        self._lost = False
        self._listener: _Listener | None = None
        if store.backend == "postgresql":
            # listening before the first snapshot: every commit after it is heard
            url = store.engine.url.set(drivername="postgresql")
            self._listener = _Listener(url.render_as_string(hide_password=False))
            self._reader = store.engine.execution_options(isolation_level="REPEATABLE READ",
                                                          postgresql_readonly=True)
        with store.uow(read_only=True) as uow:
            if office_code:
                row = uow.session.execute(select(Office.id, Office.settings).where(
                    Office.code == office_code)).first()
                if row is not None:
                    self.office_id = row.id
                    self.resync_seconds = _resync_seconds(row.settings)
            if self._listener is not None:
                self._seen = Snapshot.parse(uow.session.scalar(_SNAPSHOT))
            else:
                self.cursor = int(uow.session.scalar(select(func.max(events.c.id))) or 0)
        self._stop = threading.Event()

    @property
    def reconnects(self) -> int:
        """How often the feed found the database again after losing it (reads or LISTEN)."""
        relistens = self._listener.connects - 1 if self._listener is not None else 0
        return self._recoveries + max(relistens, 0)

    @property
    def online(self) -> bool:
        """False from a read that failed until one succeeds again."""
        return not self._lost

    def fileno(self) -> int | None:
        """A socket that becomes readable when events may be waiting (PostgreSQL only)."""
        return self._listener.fileno() if self._listener else None

    def fetch(self) -> list[EventInfo]:
        """Every event not delivered yet, in order; advances the cursor. Safe at any time."""
        if self._listener is not None:
            self._listener.drain()
        try:
            found = self._read_committed() if self._seen is not None else self._read_after()
        except DBAPIError:
            self._lost = True
            return []  # database unreachable: nothing now, everything once it is back
        if self._lost:
            self._lost = False
            self._recoveries += 1
        return found

    def _mine(self, query: Any) -> Any:
        if self.office_id is None:
            return query
        return query.where(or_(events.c.office_id == self.office_id,
                               events.c.office_id.is_(None)))

    def _read_committed(self) -> list[EventInfo]:
        """PostgreSQL: the events of the transactions the last snapshot did not see, in one
        new snapshot, which becomes the cursor."""
        assert self._seen is not None
        query = self._mine(select(*_COLUMNS).where(_NEW_SINCE)).order_by(events.c.id)
        with self._reader.connect() as conn:
            now = Snapshot.parse(conn.scalar(_SNAPSHOT))
            rows = conn.execute(query, {"xmax": self._seen.xmax,
                                        "running": list(self._seen.running)}).all()
            conn.commit()  # not a rollback: psycopg keeps its prepared statements
        self._seen = now
        return [EventInfo(r.id, r.kind, r.at, dict(r.payload)) for r in rows]

    def _read_after(self) -> list[EventInfo]:
        """SQLite: ids above the last one delivered (ids commit in order there)."""
        query = self._mine(select(*_COLUMNS).where(events.c.id > self.cursor))
        with self.store.uow(read_only=True) as uow:
            rows = uow.session.execute(query.order_by(events.c.id).limit(BATCH)).all()
            found = [EventInfo(r.id, r.kind, r.at, dict(r.payload)) for r in rows]
        if found:
            self.cursor = found[-1].id
        return found

    def _marker(self) -> int:
        try:
            with self.store.uow(read_only=True) as uow:
                return int(uow.session.scalar(select(func.max(events.c.id))) or 0)
        except DBAPIError:
            return self.cursor

    def wait(self, timeout: float) -> list[EventInfo]:
        """Events not delivered yet, waiting up to ``timeout`` seconds for the first one."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.fetch()
            left = deadline - time.monotonic()
            if found or left <= 0 or self._stop.is_set():
                return found
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
