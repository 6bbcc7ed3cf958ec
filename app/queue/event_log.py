"""The live events kept bounded: events older than the office's catch-up window are deleted.

Every change writes a row to ``events`` (:mod:`app.queue.events`) for the stations to catch up
from (:mod:`app.queue.feed`); nothing else reads them once the stations have. A station that
was off longer than the window (the office's ``events_keep_days``, 7 days unless set:
:mod:`app.office_settings`) re-reads its whole state on reconnecting anyway, so what is older
goes. The day close prunes its office (:func:`app.queue.day.close_day`) and ``loket events
prune`` every office, for a nightly job.

Deleting a year of events must not stop the counters meanwhile, so it goes in batches, each
its own short transaction: at most ``batch`` rows (:data:`BATCH`) of one id range, found
through an index (the primary key, or ``ix_events_office_id`` for one office), so SQLite's
write lock and PostgreSQL's row locks are held a few milliseconds at a time; after each batch
the prune rests as long as the batch took (:data:`REST`), so the counters' writers take their
turn between two batches.

Where the window ends is found without an index on ``at``: ids grow with time (they are
taken at INSERT, a moment after ``at`` is read), so a binary search over the ids, each probe
one primary-key look-up, finds the last id written before the cutoff. Ids are only roughly
in ``at`` order (concurrent writers), so every DELETE also says ``at < cutoff``: an event
inside the window is never deleted, and an old one the search placed after the boundary
goes next time.

The newest event is never deleted: SQLite hands out ``max(id) + 1``, so deleting the highest
ids would give new events ids a station's cursor has already passed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Table, delete, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import audit
from app.access import SYSTEM, Actor
from app.clock import moment
from app.errors import LoketError
from app.i18n import register
from app.office_settings import EVENTS_KEEP_BOUNDS, EVENTS_KEEP_DAYS, settings_of
from app.queue.config import resolve_office
from app.store import Store
from db.models import Event, Office

register({
    "events.keep_days": ("peristiwa disimpan {low} sampai {high} hari, bukan {value}",
                         "events are kept {low} to {high} days, not {value}"),
})

BATCH = 1000  # rows per transaction: about 3 ms of deleting (bench/prune.py, SQLite)
# between two batches, rest this many times as long as the batch took: on SQLite the prune
# would otherwise take the writer gate again before a waiting counter's process is even
# woken (bench/prune.py: the counter's p99 3.2x its idle figure without the rest, 1.3-1.4x
# with it)
REST = 1.0

events: Table = Event.__table__  # type: ignore[assignment]  # a mapped class's Table


@dataclass(frozen=True)
class PruneResult:
    """What one prune did: the rows deleted (per office code; ``""`` for the events of no
    office), the batches (transactions) it took and the longest one's duration."""

    deleted: int = 0
    batches: int = 0
    longest_batch_ms: float = 0.0
    by_office: tuple[tuple[str, int], ...] = ()
    cutoffs: tuple[tuple[str, str], ...] = ()  # office code: the instant before which events go

    def __add__(self, other: PruneResult) -> PruneResult:
        return PruneResult(self.deleted + other.deleted, self.batches + other.batches,
                           max(self.longest_batch_ms, other.longest_batch_ms),
                           self.by_office + other.by_office, self.cutoffs + other.cutoffs)

    def to_json(self) -> dict[str, Any]:
        return {"deleted": self.deleted, "batches": self.batches,
                "longest_batch_ms": round(self.longest_batch_ms, 2),
                "offices": [{"office": code or None, "deleted": n,
                             "before": dict(self.cutoffs).get(code)}
                            for code, n in self.by_office]}


def check_keep_days(value: int) -> int:
    """``keep_days`` given by a caller: a whole number of days within the setting's bounds."""
    low, high = EVENTS_KEEP_BOUNDS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise LoketError("events.keep_days", low=low, high=high, value=value)
    return value


def last_id_before(session: Session, cutoff: datetime) -> int | None:
    """The last event id written before ``cutoff`` by a binary search over the ids (each
    probe the first event at or after an id: one primary-key look-up), never the newest
    event's; None when there is nothing to delete."""
    first, newest = session.execute(select(func.min(events.c.id), func.max(events.c.id))).one()
    if first is None:
        return None
    low, high = int(first) - 1, int(newest)  # low: the last id known to be before the cutoff
    while low < high:
        middle = (low + high + 1) // 2
        row = session.execute(select(events.c.id, events.c.at).where(
            events.c.id >= middle).order_by(events.c.id).limit(1)).first()
        if row is not None and row.at < cutoff:
            low = min(int(row.id), high)
        else:
            high = middle - 1
    boundary = min(low, int(newest) - 1)
    return boundary if boundary >= first else None


def _office_filter(office_id: int | None) -> ColumnElement[bool]:
    if office_id is None:
        return events.c.office_id.is_(None)
    return events.c.office_id == office_id


def delete_before(session: Session, office_id: int | None, cutoff: datetime, *,
                  batch: int = BATCH, rest: float = REST) -> tuple[int, int, float]:
    """Delete the events of one office (None: of no office) written before ``cutoff``,
    ``batch`` ids at a time, committing ``session`` after each batch (and after the search,
    so no lock is held between batches) and resting ``rest`` times the batch's duration
    before the next. (rows deleted, batches, longest batch in ms)."""
    boundary = last_id_before(session, cutoff)
    session.commit()
    if boundary is None:
        return 0, 0, 0.0
    mine = _office_filter(office_id)
    deleted = batches = 0
    longest = 0.0
    after = 0
    while after < boundary:
        started = time.perf_counter()
        # the batch's last id: the batch-th of this office's ids after the previous batch
        upper = session.scalar(
            select(events.c.id).where(mine, events.c.id > after, events.c.id <= boundary)
            .order_by(events.c.id).offset(batch - 1).limit(1))
        upper = boundary if upper is None else int(upper)
        gone: CursorResult[Any] = session.execute(delete(events).where(  # type: ignore[assignment]
            mine, events.c.id > after, events.c.id <= upper, events.c.at < cutoff))
        session.commit()
        took = time.perf_counter() - started
        longest = max(longest, took * 1000)
        deleted += gone.rowcount or 0
        batches += 1
        after = upper
        if rest and after < boundary:
            time.sleep(took * rest)  # the other writers' turn (a throttle, not a wait)
    return deleted, batches, longest


def _prune_office(session: Session, office_id: int | None, code: str, days: int, *,
                  now: datetime, batch: int, rest: float = REST) -> PruneResult:
    cutoff = now - timedelta(days=days)
    deleted, batches, longest = delete_before(session, office_id, cutoff, batch=batch,
                                              rest=rest)
    return PruneResult(deleted, batches, longest, ((code, deleted),),
                       ((code, cutoff.isoformat()),))


def _audit(session: Session, actor: Actor, office_id: int | None, code: str,
           result: PruneResult, keep_days: int) -> None:
    audit.record(session, actor=actor.name, user_id=actor.user_id, office_id=office_id,
                 action="events.pruned", entity="office", entity_id=code,
                 after={"deleted": result.deleted, "batches": result.batches,
                        "before": dict(result.cutoffs).get(code), "keep_days": keep_days})
    session.commit()


def prune_after_close(session: Session, office: Office, keep_days: int, *, actor: Actor,
                      now: datetime, batch: int = BATCH) -> PruneResult | None:
    """The day close's prune, once the close has committed: the office's events older than
    ``keep_days`` (its window, read before the close so a bad setting refuses the close
    itself), audited as ``actor`` with the count. None when the database refuses this PC
    the DELETE (a PostgreSQL station role made before the grant, app/setup/db_roles.py): the
    day stays closed and the nightly ``loket events prune`` does it."""
    code, office_id = office.code, office.id
    try:
        result = _prune_office(session, office_id, code, keep_days, now=now, batch=batch)
    except DBAPIError as exc:
        session.rollback()
        if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient privilege
            return None
        raise
    _audit(session, actor, office_id, code, result, keep_days)
    return result


def prune_events(store: Store, *, office_code: str | None = None,
                 now: datetime | None = None, keep_days: int | None = None,
                 batch: int = BATCH, rest: float = REST,
                 actor: Actor = SYSTEM) -> PruneResult:
    """Delete the events older than the catch-up window, in batches of ``batch`` rows, each
    followed by a rest ``rest`` times as long as it took (:data:`REST`).

    ``office_code``: that office's events only; None: every office's, each by its own window,
    and the events of no office by the longest of them. ``keep_days`` (1-365) overrides the
    offices' windows. Every window is read before anything is deleted (a bad setting is
    refused with its key, nothing changed). One audit row per office with the count, by
    ``actor``."""
    now = moment(now)
    if keep_days is not None:
        check_keep_days(keep_days)
    if batch < 1 or rest < 0:
        raise ValueError("batch must be 1 or more, rest 0 or more")
    total = PruneResult()
    with store.uow() as uow:
        s = uow.session
        if office_code:
            offices = [resolve_office(s, office_code)]
        else:
            offices = list(s.scalars(select(Office).order_by(Office.code)))
        windows = [(o.id, o.code, keep_days or settings_of(o).events_keep_days)
                   for o in offices]
        s.commit()
        for office_id, code, days in windows:
            result = _prune_office(s, office_id, code, days, now=now, batch=batch,
                                   rest=rest)
            _audit(s, actor, office_id, code, result, days)
            total += result
        if not office_code:  # the events of no office, by the longest window
            days = max((days for _, _, days in windows), default=EVENTS_KEEP_DAYS)
            total += _prune_office(s, None, "", days, now=now, batch=batch, rest=rest)
    return total
