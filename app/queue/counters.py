"""Counters and recovery: opening and closing a counter, its sign of life, and the visits
left at a counter that vanished (taken back, taken over, or recovered when it went silent)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select

from app import audit
from app.access import SYSTEM, Act, Actor
from app.clock import utcnow
from app.errors import LoketError
from app.inputs import check_number
from app.office_settings import MAX_RECOVER_AFTER_MINUTES, settings_of
from app.queue.calls import CallInfo, call_info, claim_counter, requeue, ticket_to_counter
from app.queue.config import resolve_office
from app.queue.events import publish
from app.queue.history import log_change
from app.queue.lookups import ACTIVE, acting, find_counter, find_visit, open_record, require_free
from app.queue.tickets import TicketInfo
from app.store import UnitOfWork
from db.enums import VisitStatus
from db.models import Counter, StageRecord


def set_counter_open(uow: UnitOfWork, counter_code: str, is_open: bool, *,
                     office_code: str | None = None, actor: Actor = SYSTEM,
                     now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    counter = find_counter(s, office, counter_code)
    # an officer takes a seat at any counter (a colleague who forgot to sign out included)
    # and closes their own; closing another officer's counter takes a supervisor
    actor = acting(s, actor, Act.COUNTERS, office.id, now, counter_officer_id=(
        counter.officer_id if counter.is_open and not is_open else None))
    if not is_open:
        require_free(s, counter)
    counter.is_open = is_open
    counter.last_seen_at = now
    counter.officer_id = actor.user_id if is_open else None
    kind = "counter.opened" if is_open else "counter.closed"
    audit.record(s, actor=actor.name, user_id=actor.user_id, office_id=office.id, action=kind,
                 entity="counter", entity_id=counter.id, after={"counter": counter.code})
    publish(s, office.id, kind, counter=counter.code, counter_number=counter.display_number)
    uow.commit()
    return {"counter": counter.code, "open": is_open}


def heartbeat(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
              now: datetime | None = None) -> None:
    """A counter station's sign of life; stale counters' visits can be recovered."""
    s = uow.session
    office = resolve_office(s, office_code)
    find_counter(s, office, counter_code).last_seen_at = now or utcnow()
    uow.commit()


# --- recovery ----------------------------------------------------------------------------


def take_back(uow: UnitOfWork, ticket: str, *, office_code: str | None = None,
              actor: Actor = SYSTEM, now: datetime | None = None) -> TicketInfo:
    """Supervisor: a visit stuck at a counter (called, serving or held) goes back to its queue."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.RECOVER, office.id, now)
    visit = find_visit(s, office, ticket, now)
    record = open_record(s, visit)
    if record is None or record.counter_id is None:
        raise LoketError("queue.not_stuck", ticket=visit.ticket)
    counter = s.get(Counter, record.counter_id)
    info = requeue(s, office, record, counter, "taken_back", actor, now)
    uow.commit()
    return info


def take_over(uow: UnitOfWork, ticket: str, counter_code: str, *,
              office_code: str | None = None, actor: Actor = SYSTEM,
              now: datetime | None = None) -> CallInfo:
    """Another counter takes over a visit left at a counter that vanished."""
    now = now or utcnow()
    s, office, counter, visit, record, actor = ticket_to_counter(
        uow, counter_code, ticket, office_code, now, actor, Act.RECOVER)
    if record is None or record.counter_id is None:
        raise LoketError("queue.not_stuck", ticket=visit.ticket)
    before = record.status.value
    previous = record.counter_id
    record.counter_id = counter.id
    record.officer_id = actor.user_id
    record.status = VisitStatus.SERVING
    record.started_at = record.started_at or now
    visit.status = VisitStatus.SERVING
    claim_counter(s, counter, actor, now)
    log_change(s, office=office, visit=visit, record=record, action="taken_over", before=before,
               counter=counter, actor=actor, now=now, data={"from_counter_id": previous})
    info = call_info(record, counter)
    uow.commit()
    return info


def recover_stale(uow: UnitOfWork, *, office_code: str | None = None,
                  after_minutes: int | None = None, actor: Actor = SYSTEM,
                  now: datetime | None = None) -> list[str]:
    """Return to the queue every visit called or served at a counter silent for too long.

    "Silent" means no heartbeat or action for ``after_minutes`` (office setting
    ``recover_after_minutes``, 15 by default). Run by the supervisor station periodically,
    or by ``loket queue recover``. Held visits are left alone: parking is deliberate.
    """
    if after_minutes is not None:  # 0 or less would take back every visit at a counter
        check_number(after_minutes, "--after", 1, MAX_RECOVER_AFTER_MINUTES)
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.RECOVER, office.id, now)
    minutes = after_minutes or settings_of(office).recover_after_minutes
    limit = now - timedelta(minutes=minutes)
    stale = s.scalars(
        select(StageRecord)
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(
            Counter.office_id == office.id,
            StageRecord.status.in_(ACTIVE),
            or_(Counter.last_seen_at.is_(None), Counter.last_seen_at < limit),
            StageRecord.called_at < limit,
        )
        .with_for_update(skip_locked=True)
    ).all()
    tickets = []
    for record in stale:
        counter = s.get(Counter, record.counter_id)
        requeue(s, office, record, counter, "recovered", actor, now)
        if counter is not None:
            counter.is_open = False
        tickets.append(record.visit.ticket)
    uow.commit()
    return tickets
