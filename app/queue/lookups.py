"""What every queue action looks up first: the acting officer, the office, a counter, today's
visit by its ticket and the stage record it is at, and what a counter is busy with.

Shared by :mod:`app.queue.tickets`, :mod:`app.queue.calls`, :mod:`app.queue.counters`,
:mod:`app.queue.day` and :mod:`app.queue.status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app import access
from app.access import Act, Actor
from app.clock import day_bounds, local_day
from app.errors import LoketError
from app.queue import statements as sql
from app.queue.config import resolve_office
from db.enums import OPEN_STATUSES, VisitStatus, Zone
from db.models import Counter, Office, Service, ServiceStage, StageRecord, Visit

ACTIVE = (VisitStatus.CALLED, VisitStatus.SERVING)


def acting(session: Session, actor: Actor, act: Act, office_id: int, now: datetime,
           **kw: Any) -> Actor:
    """The actor, checked for ``act`` at the office (app.access), with its user id."""
    return access.require(session, actor, act, office_id=office_id, now=now, **kw).actor


@dataclass(frozen=True)
class OfficeState:
    """What issuing a ticket needs of an office, read fresh in one statement."""

    id: int
    code: str
    zone: Zone
    active: bool
    settings: dict[str, Any]


def office_state(session: Session, code: str | None) -> OfficeState:
    if code:
        row = session.connection().execute(sql.office_by_code, {"code": code}).first()
        if row is None:
            raise LoketError("office.unknown", code=code)
        return OfficeState(*row)
    office = resolve_office(session, None)
    return OfficeState(office.id, office.code, office.zone, office.active,
                       dict(office.settings))


def find_counter(session: Session, office: Office, code: str) -> Counter:
    counter = session.scalar(
        select(Counter).where(Counter.office_id == office.id, Counter.code == code)
    )
    if counter is None:
        raise LoketError("queue.unknown_counter", code=code, office=office.code)
    if not counter.active:
        raise LoketError("queue.counter_closed", counter=code)
    return counter


def find_visit(session: Session, office: Office, ticket: str, now: datetime) -> Visit:
    visit = session.scalar(
        select(Visit).where(
            Visit.office_id == office.id,
            Visit.service_date == local_day(now, office.zone),
            Visit.ticket == ticket.strip().upper(),
        )
    )
    if visit is None:
        raise LoketError("queue.unknown_ticket", ticket=ticket, office=office.code)
    return visit


def today_start(office: Office | OfficeState, now: datetime) -> datetime:
    return day_bounds(local_day(now, office.zone), office.zone)[0]


def open_record(session: Session, visit: Visit, *, lock: bool = True) -> StageRecord | None:
    """The visit's stage record not yet finished; locked unless only read (a row lock needs
    the UPDATE privilege, which the kiosk's and the display's roles do not have)."""
    query = (select(StageRecord)
             .where(StageRecord.visit_id == visit.id, StageRecord.status.in_(OPEN_STATUSES))
             .order_by(StageRecord.seq.desc()))
    return session.scalar(query.with_for_update() if lock else query)


# what every counter action reads about the record it acts on, in the same query
_RECORD_WITH_VISIT = (
    joinedload(StageRecord.stage),
    joinedload(StageRecord.visit).joinedload(Visit.service)
    .selectinload(Service.stage_links).joinedload(ServiceStage.stage),
)


def current_record(session: Session, counter: Counter) -> StageRecord | None:
    """The visit this counter has called or is serving (locked for this transaction)."""
    return session.scalar(
        select(StageRecord)
        .where(StageRecord.counter_id == counter.id, StageRecord.status.in_(ACTIVE))
        .options(*_RECORD_WITH_VISIT)
        .with_for_update(of=StageRecord)
    )


def require_free(session: Session, counter: Counter) -> None:
    record = current_record(session, counter)
    if record is not None:
        raise LoketError("queue.counter_busy", counter=counter.code,
                         ticket=record.visit.ticket)
