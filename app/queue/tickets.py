"""Tickets: taking a number for a service (from the kiosk, the command line or an
appointment), the priority lane, and what a ticket shows (people ahead, estimated wait).

A visit keeps its ticket number through every stage; the day's numbering is
:mod:`app.queue.numbering`, in the same transaction as the visit it numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.access import SYSTEM, Act, Actor
from app.clock import local_day, utcnow
from app.errors import LoketError
from app.queue import deadline
from app.queue import statements as sql
from app.queue.config import resolve_office, service_conf
from app.queue.day import ensure_open, office_hours
from app.queue.eta import estimate_minutes
from app.queue.history import log_change, record_change
from app.queue.lookups import acting, find_visit, office_state, open_record, today_start
from app.queue.numbering import next_number, ticket_label
from app.store import UnitOfWork, end_reading
from db.enums import VisitStatus
from db.models import Appointment, Office, Service, StageRecord, Visit

PRIORITY_REASONS = ("lansia", "disabilitas", "hamil", "anak")
KIOSK = Actor.system("kiosk")


@dataclass(frozen=True)
class TicketInfo:
    id: int
    ticket: str
    office: str
    service: str
    service_name: str
    stage: str | None
    status: str
    priority: str | None
    issued_at: datetime
    due_at: datetime | None
    ahead: int
    eta_minutes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "ticket": self.ticket, "office": self.office,
            "service": self.service, "service_name": self.service_name, "stage": self.stage,
            "status": self.status, "priority": self.priority,
            "issued_at": self.issued_at.isoformat(),
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "ahead": self.ahead, "eta_minutes": self.eta_minutes,
        }


# --- what a ticket shows -----------------------------------------------------------------


def _ahead_statement(priority: bool) -> Select[int]:
    earlier = or_(
        StageRecord.sort_at < bindparam("sort_at"),
        and_(StageRecord.sort_at == bindparam("sort_at"), StageRecord.id < bindparam("rid")),
    )
    before = (and_(StageRecord.priority.is_(True), earlier) if priority
              else or_(StageRecord.priority.is_(True), earlier))
    return select(func.count(StageRecord.id)).where(
        StageRecord.stage_id == bindparam("stage_id"),
        StageRecord.status == VisitStatus.WAITING,
        StageRecord.queued_at >= bindparam("since"),
        StageRecord.id != bindparam("rid"),
        before,
    )


_AHEAD = {False: _ahead_statement(False), True: _ahead_statement(True)}


def _ahead_of(session: Session | Any, *, stage_id: int, record_id: int, sort_at: datetime,
              priority: bool, since: datetime) -> int:
    """Visits that will be called before this one at its stage (priority first, then order)."""
    return int(session.execute(_AHEAD[priority], {
        "stage_id": stage_id, "rid": record_id, "sort_at": sort_at, "since": since,
    }).scalar() or 0)


def _ahead(session: Session, record: StageRecord, since: datetime) -> int:
    return _ahead_of(session, stage_id=record.stage_id, record_id=record.id,
                     sort_at=record.sort_at, priority=record.priority, since=since)


def ticket_info(session: Session, office: Office, visit: Visit, record: StageRecord | None,
                now: datetime) -> TicketInfo:
    ahead = eta = 0
    if record is not None and record.status is VisitStatus.WAITING:
        ahead = _ahead(session, record, today_start(office, now))
        eta = estimate_minutes(session, office, record.stage_id, ahead, now)
    return TicketInfo(
        id=visit.id, ticket=visit.ticket, office=office.code, service=visit.service.code,
        service_name=visit.service.name, stage=record.stage.code if record else None,
        status=visit.status.value, priority=visit.priority_reason, issued_at=visit.issued_at,
        due_at=visit.due_at, ahead=ahead, eta_minutes=eta,
    )


def position(session: Session, visit: Visit, office: Office,
             now: datetime) -> tuple[int, int]:
    """``(people ahead, estimated minutes)`` of a waiting visit; ``(0, 0)`` otherwise."""
    if visit.status is not VisitStatus.WAITING:
        return 0, 0
    record = open_record(session, visit, lock=False)
    if record is None:
        return 0, 0
    ahead = _ahead(session, record, today_start(office, now))
    return ahead, estimate_minutes(session, office, record.stage_id, ahead, now)


# --- issuing -----------------------------------------------------------------------------


def check_priority(reason: str | None) -> str | None:
    if reason is None:
        return None
    value = reason.strip().lower()
    if value not in PRIORITY_REASONS:
        raise LoketError("queue.bad_priority", reason=reason, choices=", ".join(PRIORITY_REASONS))
    return value


def issue_ticket(
    uow: UnitOfWork,
    service_code: str,
    *,
    office_code: str | None = None,
    priority: str | None = None,
    actor: Actor = KIOSK,
    station_id: int | None = None,
    now: datetime | None = None,
    early: bool = False,
    _appointment: Appointment | None = None,
) -> TicketInfo:
    """Take a number for a service: the visit waits at the service's first stage.

    ``early``: also before today's opening (the kiosk, when the office allows it).

    The write transaction holds only the inserts (number, visit, stage record, history);
    the service's configuration comes from a short-lived cache and the people ahead and the
    estimated wait are read after the commit, outside the write lock.
    """
    now = now or utcnow()
    reason = check_priority(priority)
    s = uow.session
    office = office_state(s, office_code)
    svc = service_conf(s, office.id, office.code, service_code)
    ensure_open(s, office, now, svc.calendar, early=early)
    day = local_day(now, office.zone)
    conn = s.connection()
    number = next_number(s, office.id, day, svc.prefix)
    hours = office_hours(office)
    due = deadline.due_at(svc.standard, now, office.zone, svc.calendar,
                          hours[1] if hours else deadline.DEFAULT_CLOSE)
    ticket = ticket_label(svc.prefix, number)
    stage_id, stage_code = svc.stage_ids[0], svc.stage_codes[0]
    visit_id = conn.execute(sql.insert_visit, {
        "office_id": office.id, "service_id": svc.id, "service_date": day,
        "prefix": svc.prefix, "number": number, "ticket": ticket,
        "status": VisitStatus.WAITING, "priority_reason": reason,
        "priority_granted_by": actor.user_id if reason else None, "issued_at": now,
        "due_at": due, "stage_position": 0, "current_stage_id": stage_id,
        "issued_by_station_id": station_id,
        "appointment_code": _appointment.code if _appointment else None,
        "appointment_at": _appointment.at if _appointment else None,
    }).scalar_one()
    sort_at = _appointment.at if _appointment else now
    record_id = conn.execute(sql.insert_record, {
        "visit_id": visit_id, "stage_id": stage_id, "seq": 1, "status": VisitStatus.WAITING,
        "priority": reason is not None, "sort_at": sort_at, "queued_at": now,
        "target_counter_id": None,
    }).scalar_one()
    data = {"priority": reason} if reason else {}
    if _appointment:
        data["appointment"] = _appointment.code
    payload = {
        "visit_id": visit_id, "ticket": ticket, "service": svc.code, "stage": stage_code,
        "status": VisitStatus.WAITING.value, "priority": reason, "counter": None,
        "counter_number": None, "call_name": None,
    }
    record_change(s, office_id=office.id, payload=payload, record_id=record_id,
                  record_status=VisitStatus.WAITING.value, action="issued", before=None,
                  counter_id=None, actor=actor, now=now, data=data)
    uow.commit()
    reader = uow.session.connection(execution_options={"sqlite_begin": "DEFERRED"})
    ahead = _ahead_of(reader, stage_id=stage_id, record_id=record_id, sort_at=sort_at,
                      priority=reason is not None, since=today_start(office, now))
    eta = estimate_minutes(s, office, stage_id, ahead, now)
    end_reading(s)
    return TicketInfo(
        id=visit_id, ticket=ticket, office=office.code, service=svc.code,
        service_name=svc.name, stage=stage_code, status=VisitStatus.WAITING.value,
        priority=reason, issued_at=now, due_at=due, ahead=ahead, eta_minutes=eta,
    )


def grant_priority(uow: UnitOfWork, ticket: str, reason: str, *, actor: Actor,
                   office_code: str | None = None, now: datetime | None = None) -> TicketInfo:
    """An officer grants the priority lane afterwards; recorded with who and why."""
    now = now or utcnow()
    value = check_priority(reason)
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.COUNTER_WORK, office.id, now)
    visit = find_visit(s, office, ticket, now)
    record = open_record(s, visit)
    before = visit.status.value
    visit.priority_reason = value
    visit.priority_granted_by = actor.user_id
    if record is not None:
        record.priority = True
    log_change(s, office=office, visit=visit, record=record, action="priority", before=before,
               counter=None, actor=actor, now=now, data={"priority": value})
    info = ticket_info(s, office, visit, record, now)
    uow.commit()
    return info


# --- appointments ------------------------------------------------------------------------


def book_appointment(uow: UnitOfWork, service_code: str, at: datetime, code: str, *,
                     office_code: str | None = None, name: str = "", actor: Actor = SYSTEM,
                     now: datetime | None = None) -> dict[str, Any]:
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.COUNTER_WORK, office.id, now or utcnow())
    service = s.scalar(select(Service).where(Service.office_id == office.id,
                                             Service.code == service_code))
    if service is None:
        raise LoketError("queue.unknown_service", code=service_code, office=office.code)
    appointment = Appointment(office_id=office.id, service_id=service.id, code=code, at=at,
                              name=name)
    s.add(appointment)
    s.flush()
    audit.record(s, actor=actor.name, user_id=actor.user_id, office_id=office.id,
                 action="appointment.book", entity="appointment", entity_id=appointment.id,
                 after={"code": code, "service": service_code, "at": at.isoformat()})
    uow.commit()
    return {"code": code, "service": service_code, "at": at.isoformat()}


def check_in(uow: UnitOfWork, code: str, *, office_code: str | None = None,
             actor: Actor = KIOSK, now: datetime | None = None) -> TicketInfo:
    """A booking code becomes a ticket, placed in the queue by its appointment time."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    appointment = s.scalar(select(Appointment).where(
        Appointment.office_id == office.id, Appointment.code == code.strip().upper(),
        Appointment.status == "booked").with_for_update())
    if appointment is None:
        raise LoketError("queue.appointment_unknown", code=code)
    day = local_day(appointment.at, office.zone)
    if day != local_day(now, office.zone):
        raise LoketError("queue.appointment_day", code=code, day=day)
    service = s.get(Service, appointment.service_id)
    assert service is not None
    appointment.status = "checked_in"
    info = issue_ticket(uow, service.code, office_code=office.code, actor=actor, now=now,
                        _appointment=appointment)
    return info
