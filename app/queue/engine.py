"""Counter-office queue operations, each one transaction with its history, audit and event.

A visit keeps its ticket number through every stage (cek fisik -> loket 1 -> 2 -> 3); its
stay at each stage is a :class:`StageRecord`. A counter serves the stages it is configured
for and has at most one visit called or being served at a time; it may have several parked
(held). "Call next" is one ``UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED)``
statement, so twenty counters pressing it at once each get a different visit or none; on
SQLite the writers are serialised by ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

import app.areas  # noqa: F401  (every area registers its stage-leaving rules)
from app import access, audit
from app.access import SYSTEM, Act, Actor
from app.calendar import WorkingCalendar
from app.errors import LoketError
from app.inputs import check_number
from app.queue import deadline
from app.queue import statements as sql
from app.queue.clock import day_bounds, local, local_day, utcnow
from app.queue.config import CounterConf, counter_conf, resolve_office, service_conf
from app.queue.eta import estimate_minutes
from app.queue.events import publish
from app.queue.numbering import next_number, ticket_label
from app.stage_work import check_leaving, governed
from app.store import UnitOfWork, end_reading
from db.enums import OPEN_STATUSES, VisitStatus, Zone
from db.models import (
    Appointment,
    Counter,
    Office,
    Service,
    ServiceStage,
    Stage,
    StageRecord,
    Visit,
    VisitTransition,
)

PRIORITY_REASONS = ("lansia", "disabilitas", "hamil", "anak")
OUTCOMES = ("done", "incomplete", "cancelled")
# what a visit becomes when a stage ends it with that outcome
CLOSED_AS = {"done": VisitStatus.DONE, "incomplete": VisitStatus.INCOMPLETE,
             "cancelled": VisitStatus.CANCELLED}
RECALL_LIMIT = 3
ACTIVE = (VisitStatus.CALLED, VisitStatus.SERVING)


KIOSK = Actor.system("kiosk")


def _acting(session: Session, actor: Actor, act: Act, office_id: int, now: datetime,
            **kw: Any) -> Actor:
    """The actor, checked for ``act`` at the office (app.access), with its user id."""
    return access.require(session, actor, act, office_id=office_id, now=now, **kw).actor


# --- look-ups ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeState:
    """What issuing a ticket needs of an office, read fresh in one statement."""

    id: int
    code: str
    zone: Zone
    active: bool
    settings: dict[str, Any]


def _office_state(session: Session, code: str | None) -> OfficeState:
    if code:
        row = session.connection().execute(sql.office_by_code, {"code": code}).first()
        if row is None:
            raise LoketError("office.unknown", code=code)
        return OfficeState(*row)
    office = resolve_office(session, None)
    return OfficeState(office.id, office.code, office.zone, office.active,
                       dict(office.settings))


def _counter(session: Session, office: Office, code: str) -> Counter:
    counter = session.scalar(
        select(Counter).where(Counter.office_id == office.id, Counter.code == code)
    )
    if counter is None:
        raise LoketError("queue.unknown_counter", code=code, office=office.code)
    if not counter.active:
        raise LoketError("queue.counter_closed", counter=code)
    return counter


def _stage(session: Session, office: Office, code: str) -> Stage:
    stage = session.scalar(select(Stage).where(Stage.office_id == office.id, Stage.code == code))
    if stage is None:
        raise LoketError("queue.unknown_stage", code=code, office=office.code)
    return stage


def office_hours(office: Office | OfficeState) -> tuple[time, time] | None:
    """The office's opening and closing time (its ``hours`` setting), or None."""
    hours = office.settings.get("hours")
    if not hours or not hours.get("open") or not hours.get("close"):
        return None
    return time.fromisoformat(hours["open"]), time.fromisoformat(hours["close"])


def ensure_open(session: Session, office: Office | OfficeState, now: datetime,
                calendar: WorkingCalendar | None = None, *, early: bool = False) -> None:
    """Refuse outside service hours, on a day off, or after the day was closed.

    ``early`` also lets through the time before today's opening on a working day that was
    not closed (numbers taken early are called once the counters open: the same day, so
    the day's numbering holds); after closing and on a day off it changes nothing.
    """
    here = local(now, office.zone)
    hours = office_hours(office)
    label = f"{hours[0]:%H:%M}-{hours[1]:%H:%M}" if hours else "-"
    closed = office.settings.get("closed_on") == here.date().isoformat() or not office.active
    if hours and not closed:
        calendar = calendar or WorkingCalendar.for_office(session, office.id)
        start = time.min if early else hours[0]
        closed = not (start <= here.time() < hours[1]) or not calendar.is_working_day(
            here.date())
    if closed:
        raise LoketError("office.closed", code=office.code, hours=label,
                         local=f"{here:%Y-%m-%d %H:%M} {office.zone.value}")


def _today_start(office: Office | OfficeState, now: datetime) -> datetime:
    return day_bounds(local_day(now, office.zone), office.zone)[0]




def _find_visit(session: Session, office: Office, ticket: str, now: datetime) -> Visit:
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


# the look-ups other services share with the engine (app/counter_desk, app/ticket_print, ...)
find_counter = _counter  # an active counter of the office, or queue.unknown_counter/closed
find_visit = _find_visit  # today's visit by its ticket number, or queue.unknown_ticket
today_start = _today_start  # the office's local midnight, in UTC


def _open_record(session: Session, visit: Visit, *, lock: bool = True) -> StageRecord | None:
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


def _current(session: Session, counter: Counter) -> StageRecord | None:
    """The visit this counter has called or is serving (locked for this transaction)."""
    return session.scalar(
        select(StageRecord)
        .where(StageRecord.counter_id == counter.id, StageRecord.status.in_(ACTIVE))
        .options(*_RECORD_WITH_VISIT)
        .with_for_update(of=StageRecord)
    )


def _require_current(session: Session, counter: Counter) -> StageRecord:
    record = _current(session, counter)
    if record is None:
        raise LoketError("queue.counter_idle", counter=counter.code)
    return record


def _require_free(session: Session, counter: Counter) -> None:
    record = _current(session, counter)
    if record is not None:
        raise LoketError("queue.counter_busy", counter=counter.code,
                         ticket=record.visit.ticket)


# --- results -----------------------------------------------------------------------------


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


@dataclass(frozen=True)
class CallInfo:
    id: int
    ticket: str
    stage: str
    counter: str
    counter_number: int
    call_name: str
    status: str
    recalls: int = 0
    priority: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "ticket": self.ticket, "stage": self.stage, "counter": self.counter,
            "counter_number": self.counter_number, "call_name": self.call_name,
            "status": self.status,
            "recalls": self.recalls, "priority": self.priority,
        }


@dataclass(frozen=True)
class FinishInfo:
    id: int
    ticket: str
    outcome: str
    next_stage: str | None
    status: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "ticket": self.ticket, "outcome": self.outcome,
                "next_stage": self.next_stage, "status": self.status}


def _call_info(record: StageRecord, counter: Counter) -> CallInfo:
    visit = record.visit
    return CallInfo(visit.id, visit.ticket, record.stage.code, counter.code,
                    counter.display_number, counter.call_name, record.status.value,
                    record.recalls, visit.priority_reason)


# --- the history of a visit --------------------------------------------------------------


def _payload(visit: Visit, record: StageRecord | None, counter: Counter | None) -> dict[str, Any]:
    return {
        "visit_id": visit.id,
        "ticket": visit.ticket,
        "service": visit.service.code,
        "stage": record.stage.code if record else None,
        "status": visit.status.value,
        "priority": visit.priority_reason,
        "counter": counter.code if counter else None,
        "counter_number": counter.display_number if counter else None,
        "call_name": counter.call_name if counter else None,
    }


def _record_change(
    session: Session,
    *,
    office_id: int,
    payload: dict[str, Any],
    record_id: int | None,
    record_status: str,
    action: str,
    before: str | None,
    counter_id: int | None,
    actor: Actor,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """One transition row, one audit entry and one live event for a change of a visit.

    ``payload`` describes the visit after the change (ticket, service, stage, status,
    counter): it is the event's content and the audit entry's "after".
    """
    conn = session.connection()
    conn.execute(sql.insert_transition, {
        "visit_id": payload["visit_id"], "stage_record_id": record_id, "action": action,
        "from_status": before, "to_status": record_status, "at": now, "counter_id": counter_id,
        "user_id": actor.user_id, "note": note, "data": data or {},
    })
    conn.execute(sql.insert_audit, {
        "at": now, "actor": actor.name, "user_id": actor.user_id, "office_id": office_id,
        "action": f"ticket.{action}", "entity": "visit",
        "entity_id": str(payload["visit_id"]),
        "before": {"status": before} if before else None,
        "after": {k: payload[k] for k in ("status", "ticket", "stage", "counter")}
        | (data or {}),
    })
    conn.execute(sql.insert_event, {"office_id": office_id, "at": now,
                                    "kind": f"ticket.{action}", "payload": payload})


def _log(
    session: Session,
    *,
    office: Office,
    visit: Visit,
    record: StageRecord | None,
    action: str,
    before: str | None,
    counter: Counter | None,
    actor: Actor,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """:func:`_record_change` for a visit loaded as ORM objects."""
    session.flush()
    _record_change(
        session, office_id=office.id, payload=_payload(visit, record, counter),
        record_id=record.id if record else None,
        record_status=record.status.value if record else visit.status.value, action=action,
        before=before, counter_id=counter.id if counter else None, actor=actor, now=now,
        note=note, data=data,
    )


def _ahead_statement(priority: bool):
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


def _enqueue(session: Session, visit: Visit, stage: Stage, *, now: datetime, sort_at: datetime,
             target: Counter | None = None, seq: int | None = None) -> StageRecord:
    if seq is None:
        seq = (session.scalar(select(func.max(StageRecord.seq)).where(
            StageRecord.visit_id == visit.id)) or 0) + 1
    record = StageRecord(
        visit_id=visit.id, stage_id=stage.id, seq=seq, status=VisitStatus.WAITING,
        priority=visit.priority_reason is not None, sort_at=sort_at, queued_at=now,
        target_counter_id=target.id if target else None,
    )
    record.stage = stage
    record.visit = visit
    session.add(record)
    visit.current_stage_id = stage.id
    visit.status = VisitStatus.WAITING
    session.flush()
    return record


def _ticket_info(session: Session, office: Office, visit: Visit, record: StageRecord | None,
                 now: datetime) -> TicketInfo:
    ahead = eta = 0
    if record is not None and record.status is VisitStatus.WAITING:
        ahead = _ahead(session, record, _today_start(office, now))
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
    record = _open_record(session, visit, lock=False)
    if record is None:
        return 0, 0
    ahead = _ahead(session, record, _today_start(office, now))
    return ahead, estimate_minutes(session, office, record.stage_id, ahead, now)


# --- issuing ----------------------------------------------------------------------------


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
    office = _office_state(s, office_code)
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
    _record_change(s, office_id=office.id, payload=payload, record_id=record_id,
                   record_status=VisitStatus.WAITING.value, action="issued", before=None,
                   counter_id=None, actor=actor, now=now, data=data)
    uow.commit()
    reader = uow.session.connection(execution_options={"sqlite_begin": "DEFERRED"})
    ahead = _ahead_of(reader, stage_id=stage_id, record_id=record_id, sort_at=sort_at,
                      priority=reason is not None, since=_today_start(office, now))
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
    actor = _acting(s, actor, Act.COUNTER_WORK, office.id, now)
    visit = _find_visit(s, office, ticket, now)
    record = _open_record(s, visit)
    before = visit.status.value
    visit.priority_reason = value
    visit.priority_granted_by = actor.user_id
    if record is not None:
        record.priority = True
    _log(s, office=office, visit=visit, record=record, action="priority", before=before,
         counter=None, actor=actor, now=now, data={"priority": value})
    info = _ticket_info(s, office, visit, record, now)
    uow.commit()
    return info


# --- counter actions ---------------------------------------------------------------------


def _claim(session: Session, counter: Counter, actor: Actor, now: datetime) -> None:
    counter.is_open = True
    counter.last_seen_at = now
    if actor.user_id is not None:
        counter.officer_id = actor.user_id


def call_next(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
              actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo | None:
    """Call the next visit for this counter: targeted at it first, then priority, then oldest.

    The hot path of the office: the counter row is updated first (its lock serialises two
    presses at the same counter), then one UPDATE picks and claims the visit, skipping rows
    other counters hold, and refusing if this counter is still busy.
    """
    now = now or utcnow()
    s = uow.session
    conf = counter_conf(s, None, office_code, counter_code)
    actor = _acting(s, actor, Act.COUNTER_WORK, conf.office_id, now)
    if s.get_bind().dialect.name == "postgresql":
        return _call_next_pg(uow, conf, actor, now)
    conn = s.connection()
    params: dict[str, Any] = {"cid": conf.id, "uid": actor.user_id, "now": now}
    conn.execute(sql.touch_counter_officer if actor.user_id is not None else sql.touch_counter,
                 params)
    params.update(stage_ids=list(conf.stage_ids), service_ids=list(conf.service_ids),
                  since=day_bounds(local_day(now, conf.zone), conf.zone)[0])
    claimed = conn.execute(sql.claim_next_of_services if conf.service_ids else sql.claim_next,
                           params).first()
    if claimed is None:
        return _nobody_waiting(uow, conn, conf, params)
    record_id, visit_id, stage_id = claimed
    ticket, service_id, priority = conn.execute(sql.mark_visit_called, {"vid": visit_id}).one()
    stage = conf.stage_codes[stage_id]
    payload = {
        "visit_id": visit_id, "ticket": ticket, "service": conf.service_codes.get(service_id),
        "stage": stage, "status": VisitStatus.CALLED.value, "priority": priority,
        "counter": conf.code, "counter_number": conf.display_number,
        "call_name": conf.call_name,
    }
    _record_change(s, office_id=conf.office_id, payload=payload, record_id=record_id,
                   record_status=VisitStatus.CALLED.value, action="called",
                   before=VisitStatus.WAITING.value, counter_id=conf.id, actor=actor, now=now)
    uow.commit()
    return CallInfo(visit_id, ticket, stage, conf.code, conf.display_number, conf.call_name,
                    VisitStatus.CALLED.value, 0, priority)


def _nobody_waiting(uow: UnitOfWork, conn: Any, conf: CounterConf,
                    params: dict[str, Any]) -> None:
    """No visit claimed: because the counter is still busy (refused), or nobody waits."""
    held = conn.execute(sql.busy_visit, params).scalar()
    if held is not None:
        ticket = uow.session.scalar(select(Visit.ticket).where(Visit.id == held))
        raise LoketError("queue.counter_busy", counter=conf.code, ticket=ticket)
    uow.commit()


def _one_statement_connection(s: Session) -> Any:
    """For the PostgreSQL actions that are one statement, atomic by itself: outside an
    explicit transaction, after ending the one a configuration look-up may have read in."""
    if s.in_transaction():
        end_reading(s)
    return s.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def _call_next_pg(uow: UnitOfWork, conf: CounterConf, actor: Actor,
                  now: datetime) -> CallInfo | None:
    """:func:`call_next` on PostgreSQL: one statement, atomic by itself, one round trip."""
    conn = _one_statement_connection(uow.session)
    params: dict[str, Any] = {
        "cid": conf.id, "uid": actor.user_id, "now": now, "actor": actor.name,
        "office_id": conf.office_id, "code": conf.code, "number": conf.display_number,
        "call_name": conf.call_name, "stage_ids": list(conf.stage_ids),
        "service_ids": list(conf.service_ids),
        "since": day_bounds(local_day(now, conf.zone), conf.zone)[0],
    }
    try:
        claimed = conn.execute(sql.pg_call_next, params).first()
    except IntegrityError:  # the same counter pressed twice at once: the other press won
        claimed = None
    if claimed is None:
        return _nobody_waiting(uow, conn, conf, params)
    _record_id, visit_id, ticket, stage, priority = claimed
    uow.commit()
    return CallInfo(visit_id, ticket, stage, conf.code, conf.display_number, conf.call_name,
                    VisitStatus.CALLED.value, 0, priority)


def _ticket_to_counter(uow: UnitOfWork, counter_code: str, ticket: str,
                      office_code: str | None, now: datetime, actor: Actor, act: Act
                      ) -> tuple[Session, Office, Counter, Visit, StageRecord | None, Actor]:
    """A free counter and a visit it is about to take: the prelude of call, resume, take over."""
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, act, office.id, now)
    counter = _counter(s, office, counter_code)
    _require_free(s, counter)
    visit = _find_visit(s, office, ticket, now)
    return s, office, counter, visit, _open_record(s, visit), actor


def call_ticket(uow: UnitOfWork, counter_code: str, ticket: str, *,
                office_code: str | None = None, actor: Actor = SYSTEM,
                now: datetime | None = None) -> CallInfo:
    """Call one particular waiting ticket out of order (e.g. a visitor who came back)."""
    now = now or utcnow()
    s, office, counter, visit, record, actor = _ticket_to_counter(
        uow, counter_code, ticket, office_code, now, actor, Act.COUNTER_WORK)
    if (record is None or record.status is not VisitStatus.WAITING
            or record.stage_id not in {st.id for st in counter.stages}):
        raise LoketError("queue.not_waiting", ticket=visit.ticket, counter=counter.code)
    record.status = VisitStatus.CALLED
    record.counter_id = counter.id
    record.officer_id = actor.user_id
    record.called_at = now
    visit.status = VisitStatus.CALLED
    _claim(s, counter, actor, now)
    _log(s, office=office, visit=visit, record=record, action="called",
         before=VisitStatus.WAITING.value, counter=counter, actor=actor, now=now,
         data={"out_of_order": True})
    info = _call_info(record, counter)
    uow.commit()
    return info


def _counter_action(uow: UnitOfWork, counter_code: str, office_code: str | None,
                    actor: Actor, now: datetime
                    ) -> tuple[Session, Office, Counter, StageRecord, Actor]:
    """The counter and the visit it serves, for an officer's action there."""
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, Act.COUNTER_WORK, office.id, now)
    counter = _counter(s, office, counter_code)
    return s, office, counter, _require_current(s, counter), actor


def recall(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
           actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """Call the same visitor again; past the office's recall limit it becomes a no-show."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    if record.status is not VisitStatus.CALLED:
        raise LoketError("queue.not_called", ticket=record.visit.ticket)
    limit = int(office.settings.get("recall_limit", RECALL_LIMIT))
    record.recalls += 1
    counter.last_seen_at = now
    if record.recalls > limit:
        _close_record(s, office, record, counter, VisitStatus.NO_SHOW, "no_show", actor, now,
                      data={"recalls": record.recalls, "limit": limit})
    else:
        _log(s, office=office, visit=record.visit, record=record, action="recalled",
             before=VisitStatus.CALLED.value, counter=counter, actor=actor, now=now,
             data={"recalls": record.recalls})
    info = _call_info(record, counter)
    uow.commit()
    return info


def start(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
          actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """The called visitor has arrived at the counter: service starts."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    if record.status is VisitStatus.CALLED:
        record.status = VisitStatus.SERVING
        record.started_at = now
        record.visit.status = VisitStatus.SERVING
        counter.last_seen_at = now
        _log(s, office=office, visit=record.visit, record=record, action="started",
             before=VisitStatus.CALLED.value, counter=counter, actor=actor, now=now)
    info = _call_info(record, counter)
    uow.commit()
    return info


def _close_record(session: Session, office: Office, record: StageRecord, counter: Counter | None,
                  status: VisitStatus, action: str, actor: Actor, now: datetime,
                  data: dict[str, Any] | None = None) -> None:
    """End a visit at this record: no-show, incomplete, cancelled, not served, or done."""
    before = record.status.value
    record.status = status
    record.finished_at = now
    record.outcome = status.value
    visit = record.visit
    visit.status = status
    visit.closed_at = now
    visit.outcome = status.value
    _log(session, office=office, visit=visit, record=record, action=action, before=before,
         counter=counter, actor=actor, now=now, data=data)


def skip(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
         actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """The called visitor did not come: a no-show, kept in the reports."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    if record.status is not VisitStatus.CALLED:
        raise LoketError("queue.not_called", ticket=record.visit.ticket)
    _close_record(s, office, record, counter, VisitStatus.NO_SHOW, "no_show", actor, now)
    info = _call_info(record, counter)
    uow.commit()
    return info


def hold(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
         actor: Actor = SYSTEM, now: datetime | None = None, note: str = "") -> CallInfo:
    """Park the current visit at this counter (e.g. a document is being fetched)."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    before = record.status.value
    record.status = VisitStatus.HELD
    record.visit.status = VisitStatus.HELD
    _log(s, office=office, visit=record.visit, record=record, action="held", before=before,
         counter=counter, actor=actor, now=now, note=note)
    info = _call_info(record, counter)
    uow.commit()
    return info


def resume(uow: UnitOfWork, counter_code: str, ticket: str, *, office_code: str | None = None,
           actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    now = now or utcnow()
    s, office, counter, visit, record, actor = _ticket_to_counter(
        uow, counter_code, ticket, office_code, now, actor, Act.COUNTER_WORK)
    if record is None or record.status is not VisitStatus.HELD or record.counter_id != counter.id:
        raise LoketError("queue.not_held", ticket=visit.ticket, counter=counter.code)
    record.status = VisitStatus.SERVING
    record.started_at = record.started_at or now
    visit.status = VisitStatus.SERVING
    counter.last_seen_at = now
    _log(s, office=office, visit=visit, record=record, action="resumed",
         before=VisitStatus.HELD.value, counter=counter, actor=actor, now=now)
    info = _call_info(record, counter)
    uow.commit()
    return info


def _leave(session: Session, office: Office, record: StageRecord, counter: Counter | None,
           action: str, actor: Actor, now: datetime, data: dict[str, Any]) -> None:
    """Close a stage record that hands the visit on (transfer, next stage)."""
    before = record.status.value
    record.status = VisitStatus.TRANSFERRED if action == "transferred" else VisitStatus.DONE
    record.finished_at = now
    record.outcome = action
    session.add(VisitTransition(
        visit_id=record.visit_id, stage_record_id=record.id, action=f"{action}.out",
        from_status=before, to_status=record.status.value, at=now,
        counter_id=counter.id if counter else None, user_id=actor.user_id, data=data,
    ))


def transfer(uow: UnitOfWork, counter_code: str, *, to_stage: str | None = None,
             to_counter: str | None = None, office_code: str | None = None,
             actor: Actor = SYSTEM, now: datetime | None = None, note: str = "") -> TicketInfo:
    """Send the current visit to another stage, or to one particular counter."""
    now = now or utcnow()
    if not to_stage and not to_counter:
        raise LoketError("queue.no_target")
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    target = _counter(s, office, to_counter) if to_counter else None
    if to_stage:
        stage = _stage(s, office, to_stage)
        if target is not None and stage.id not in {st.id for st in target.stages}:
            raise LoketError("queue.target_stage", counter=target.code, stage=stage.code)
    else:
        assert target is not None
        served = {st.id: st for st in target.stages}
        if not served:
            raise LoketError("queue.target_stage", counter=target.code, stage=record.stage.code)
        stage = served.get(record.stage_id) or target.stages[0]
    visit = record.visit
    data = {"to_stage": stage.code, "to_counter": target.code if target else None}
    _leave(s, office, record, counter, "transferred", actor, now, data)
    positions = [link.stage_id for link in visit.service.stage_links]
    if stage.id in positions:
        visit.stage_position = positions.index(stage.id)
    new = _enqueue(s, visit, stage, now=now, sort_at=visit.issued_at, target=target)
    _log(s, office=office, visit=visit, record=new, action="transferred",
         before=record.status.value, counter=counter, actor=actor, now=now, note=note, data=data)
    info = _ticket_info(s, office, visit, new, now)
    uow.commit()
    return info


def return_to_queue(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
                    actor: Actor = SYSTEM, now: datetime | None = None) -> TicketInfo:
    """Put the current visit back in its stage's queue, in its old place."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(uow, counter_code, office_code,
                                                                actor, now)
    info = _requeue(s, office, record, counter, "returned", actor, now)
    uow.commit()
    return info


def _requeue(session: Session, office: Office, record: StageRecord, counter: Counter | None,
             action: str, actor: Actor, now: datetime) -> TicketInfo:
    before = record.status.value
    record.status = VisitStatus.WAITING
    record.counter_id = None
    record.officer_id = None
    record.called_at = None
    record.started_at = None
    record.visit.status = VisitStatus.WAITING
    _log(session, office=office, visit=record.visit, record=record, action=action,
         before=before, counter=counter, actor=actor, now=now)
    return _ticket_info(session, office, record.visit, record, now)


def finish(uow: UnitOfWork, counter_code: str, *, outcome: str = "done",
           office_code: str | None = None, actor: Actor = SYSTEM,
           now: datetime | None = None, note: str = "") -> FinishInfo:
    """End this stage: ``done`` moves the visit to its next stage (same number) or completes
    it; ``incomplete`` returns it to the visitor (documents missing); ``cancelled``.

    Refused, with the missing steps and nothing written, while the stage's work is not
    recorded (:func:`app.stage_work.check_leaving`): every entry point finishes here.

    Pressed after every service, so it runs on prebuilt statements like "call next": the
    counter row first (serialising presses at one counter), then its current record.
    """
    now = now or utcnow()
    if outcome not in OUTCOMES:
        raise LoketError("queue.bad_outcome", outcome=outcome, choices=", ".join(OUTCOMES))
    s = uow.session
    conf = counter_conf(s, None, office_code, counter_code)
    actor = _acting(s, actor, Act.COUNTER_WORK, conf.office_id, now)
    if s.get_bind().dialect.name == "postgresql":
        return _finish_pg(uow, conf, outcome, actor, now, note)
    conn = s.connection()
    conn.execute(sql.touch_seen, {"cid": conf.id, "now": now})
    row = conn.execute(sql.current_of_counter, {"cid": conf.id}).first()
    if row is None:
        raise LoketError("queue.counter_idle", counter=conf.code)
    if governed(conf.settings, [conf.stage_codes[row.stage_id]]):
        check_leaving(s, row.visit_id, row.stage_id, outcome)
    svc = service_conf(s, conf.office_id, conf.office_code, conf.service_codes[row.service_id])
    before = row.status.value
    payload = {
        "visit_id": row.visit_id, "ticket": row.ticket, "service": svc.code,
        "stage": conf.stage_codes[row.stage_id], "status": None,
        "priority": row.priority_reason, "counter": conf.code,
        "counter_number": conf.display_number, "call_name": conf.call_name,
    }
    started = row.started_at or row.called_at
    common = {"rid": row.id, "now": now, "started": started}
    position = row.stage_position + 1
    next_stage = svc.stage_codes[position] if (
        outcome == "done" and position < len(svc.stage_ids)) else None
    if next_stage is not None:
        stage_id = svc.stage_ids[position]
        conn.execute(sql.end_record, common | {"status": VisitStatus.DONE, "outcome": "finished"})
        conn.execute(sql.insert_transition, {
            "visit_id": row.visit_id, "stage_record_id": row.id, "action": "finished.out",
            "from_status": before, "to_status": VisitStatus.DONE.value, "at": now,
            "counter_id": conf.id, "user_id": actor.user_id, "note": "",
            "data": {"next_stage": next_stage},
        })
        conn.execute(sql.advance_visit, {"vid": row.visit_id, "position": position,
                                         "stage_id": stage_id})
        new_id = conn.execute(sql.insert_record, {
            "visit_id": row.visit_id, "stage_id": stage_id, "seq": row.seq + 1,
            "status": VisitStatus.WAITING, "priority": row.priority_reason is not None,
            "sort_at": now, "queued_at": now, "target_counter_id": None,
        }).scalar_one()
        status = VisitStatus.WAITING
        _record_change(s, office_id=conf.office_id,
                       payload=payload | {"stage": next_stage, "status": status.value},
                       record_id=new_id, record_status=status.value, action="finished",
                       before=before, counter_id=conf.id, actor=actor, now=now, note=note,
                       data={"outcome": outcome, "from_stage": payload["stage"]})
    else:
        status = CLOSED_AS[outcome]
        conn.execute(sql.end_record, common | {"status": status, "outcome": status.value})
        conn.execute(sql.close_visit, {"vid": row.visit_id, "status": status, "now": now,
                                       "outcome": status.value})
        data = {"outcome": outcome}
        if note and outcome != "done":
            data["note"] = note
        _record_change(s, office_id=conf.office_id,
                       payload=payload | {"status": status.value}, record_id=row.id,
                       record_status=status.value,
                       action="completed" if outcome == "done" else outcome, before=before,
                       counter_id=conf.id, actor=actor, now=now, data=data)
    uow.commit()
    return FinishInfo(row.visit_id, row.ticket, outcome, next_stage, status.value)


def _finish_pg(uow: UnitOfWork, conf: CounterConf, outcome: str, actor: Actor,
               now: datetime, note: str) -> FinishInfo:
    """:func:`finish` on PostgreSQL: one statement, atomic by itself, one round trip.

    Like "call next" it counts as the counter's sign of life even when it is refused.
    """
    s = uow.session
    current = None
    if governed(conf.settings, [conf.stage_codes[i] for i in conf.stage_ids]):
        current = s.connection().execute(sql.current_of_counter_read, {"cid": conf.id}).first()
        if current is not None:
            check_leaving(s, current.visit_id, current.stage_id, outcome)
    conn = _one_statement_connection(s)
    status = CLOSED_AS[outcome].value
    row = conn.execute(sql.pg_finish, {
        "rid": current.id if current is not None else None,
        "cid": conf.id, "uid": actor.user_id, "now": now, "actor": actor.name,
        "office_id": conf.office_id, "code": conf.code, "number": conf.display_number,
        "call_name": conf.call_name, "outcome": outcome, "status": status, "note": note,
    }).first()
    uow.commit()
    if row is None:
        raise LoketError("queue.counter_idle", counter=conf.code)
    visit_id, ticket, next_stage, new_status = row
    return FinishInfo(visit_id, ticket, outcome, next_stage, new_status)


# --- counters, recovery and the day ------------------------------------------------------


def set_counter_open(uow: UnitOfWork, counter_code: str, is_open: bool, *,
                     office_code: str | None = None, actor: Actor = SYSTEM,
                     now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    counter = _counter(s, office, counter_code)
    # an officer takes a seat at any counter (a colleague who forgot to sign out included)
    # and closes their own; closing another officer's counter takes a supervisor
    actor = _acting(s, actor, Act.COUNTERS, office.id, now, counter_officer_id=(
        counter.officer_id if counter.is_open and not is_open else None))
    if not is_open:
        _require_free(s, counter)
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
    _counter(s, office, counter_code).last_seen_at = now or utcnow()
    uow.commit()


def take_back(uow: UnitOfWork, ticket: str, *, office_code: str | None = None,
              actor: Actor = SYSTEM, now: datetime | None = None) -> TicketInfo:
    """Supervisor: a visit stuck at a counter (called, serving or held) goes back to its queue."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, Act.RECOVER, office.id, now)
    visit = _find_visit(s, office, ticket, now)
    record = _open_record(s, visit)
    if record is None or record.counter_id is None:
        raise LoketError("queue.not_stuck", ticket=visit.ticket)
    counter = s.get(Counter, record.counter_id)
    info = _requeue(s, office, record, counter, "taken_back", actor, now)
    uow.commit()
    return info


def take_over(uow: UnitOfWork, ticket: str, counter_code: str, *,
              office_code: str | None = None, actor: Actor = SYSTEM,
              now: datetime | None = None) -> CallInfo:
    """Another counter takes over a visit left at a counter that vanished."""
    now = now or utcnow()
    s, office, counter, visit, record, actor = _ticket_to_counter(
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
    _claim(s, counter, actor, now)
    _log(s, office=office, visit=visit, record=record, action="taken_over", before=before,
         counter=counter, actor=actor, now=now, data={"from_counter_id": previous})
    info = _call_info(record, counter)
    uow.commit()
    return info


MAX_RECOVER_AFTER_MINUTES = 7 * 24 * 60  # a week: silent longer than that is a closed office


def _setting_minutes(value: object, default: int = 15) -> int:
    """The office's ``recover_after_minutes``: a whole number of minutes within the command
    line's bounds, else the default (an office's typo must never take back every visit)."""
    if isinstance(value, int) and not isinstance(value, bool) and \
            1 <= value <= MAX_RECOVER_AFTER_MINUTES:
        return value
    return default


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
    actor = _acting(s, actor, Act.RECOVER, office.id, now)
    minutes = after_minutes or _setting_minutes(office.settings.get("recover_after_minutes"))
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
        _requeue(s, office, record, counter, "recovered", actor, now)
        if counter is not None:
            counter.is_open = False
        tickets.append(record.visit.ticket)
    uow.commit()
    return tickets


def close_day(uow: UnitOfWork, *, office_code: str | None = None, actor: Actor = SYSTEM,
              now: datetime | None = None) -> dict[str, Any]:
    """Closing time: open visits become "not served" (kept in the reports); no more tickets
    today. Numbering restarts by itself the next local day."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, Act.DAY, office.id, now)
    today = local_day(now, office.zone)
    records = s.scalars(
        select(StageRecord)
        .join(Visit, Visit.id == StageRecord.visit_id)
        .where(Visit.office_id == office.id, Visit.service_date <= today,
               StageRecord.status.in_(OPEN_STATUSES))
        .order_by(Visit.service_date, Visit.issued_at, Visit.id)  # the report's order
        .with_for_update()
    ).all()
    tickets = []
    for record in records:
        counter = s.get(Counter, record.counter_id) if record.counter_id else None
        _close_record(s, office, record, counter, VisitStatus.NOT_SERVED, "not_served", actor,
                      now)
        tickets.append(record.visit.ticket)
    office.settings = {**office.settings, "closed_on": today.isoformat()}
    for counter in office.counters:
        counter.is_open = False
        counter.officer_id = None
    audit.record(s, actor=actor.name, user_id=actor.user_id, office_id=office.id,
                 action="day.closed", entity="office", entity_id=office.code,
                 after={"day": today.isoformat(), "not_served": tickets})
    publish(s, office.id, "day.closed", day=today.isoformat(), not_served=len(tickets))
    uow.commit()
    return {"office": office.code, "day": today.isoformat(), "not_served": tickets}


def open_day(uow: UnitOfWork, *, office_code: str | None = None, actor: Actor = SYSTEM,
             now: datetime | None = None) -> dict[str, Any]:
    """Undo a day close (closed too early): tickets can be issued again today."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, Act.DAY, office.id, now)
    settings = dict(office.settings)
    settings.pop("closed_on", None)
    office.settings = settings
    audit.record(s, actor=actor.name, user_id=actor.user_id, office_id=office.id,
                 action="day.opened", entity="office", entity_id=office.code)
    publish(s, office.id, "day.opened", day=local_day(now, office.zone).isoformat())
    uow.commit()
    return {"office": office.code, "open": True}


# --- appointments -------------------------------------------------------------------------


def book_appointment(uow: UnitOfWork, service_code: str, at: datetime, code: str, *,
                     office_code: str | None = None, name: str = "", actor: Actor = SYSTEM,
                     now: datetime | None = None) -> dict[str, Any]:
    s = uow.session
    office = resolve_office(s, office_code)
    actor = _acting(s, actor, Act.COUNTER_WORK, office.id, now or utcnow())
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
        raise LoketError("queue.appointment_day", code=code, day=day.isoformat())
    service = s.get(Service, appointment.service_id)
    assert service is not None
    appointment.status = "checked_in"
    info = issue_ticket(uow, service.code, office_code=office.code, actor=actor, now=now,
                        _appointment=appointment)
    return info


# --- status ------------------------------------------------------------------------------


def status(uow: UnitOfWork, *, office_code: str | None = None,
           now: datetime | None = None) -> dict[str, Any]:
    """Waiting per stage, who each counter is serving or holding, and visits near or over
    their time standard."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    since = _today_start(office, now)
    warn = float(office.settings.get("sla_warning_ratio", deadline.WARN_RATIO))
    waiting = dict(s.execute(
        select(Stage.code, func.count(StageRecord.id))
        .join(StageRecord, StageRecord.stage_id == Stage.id)
        .where(Stage.office_id == office.id, StageRecord.status == VisitStatus.WAITING,
               StageRecord.queued_at >= since)
        .group_by(Stage.code)
    ).all())
    stages = [{"stage": st.code, "name": st.name, "waiting": int(waiting.get(st.code, 0))}
              for st in office.stages if st.active]
    active = s.execute(
        select(StageRecord, Counter)
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(Counter.office_id == office.id,
               StageRecord.status.in_([*ACTIVE, VisitStatus.HELD]))
    ).all()
    by_counter: dict[int, dict[str, Any]] = {}
    for counter in office.counters:
        if counter.active:
            by_counter[counter.id] = {"counter": counter.code, "number": counter.display_number,
                                      "open": counter.is_open, "serving": None, "held": []}
    for record, counter in active:
        entry = by_counter.setdefault(counter.id, {"counter": counter.code, "held": []})
        if record.status is VisitStatus.HELD:
            entry["held"].append(record.visit.ticket)
        else:
            entry["serving"] = {"ticket": record.visit.ticket, "status": record.status.value,
                                "stage": record.stage.code}
    flagged = []
    open_visits = s.scalars(select(Visit).where(
        Visit.office_id == office.id, Visit.service_date == local_day(now, office.zone),
        Visit.status.in_(OPEN_STATUSES), Visit.due_at.is_not(None)))
    for visit in open_visits:
        state = deadline.sla_state(visit.due_at, visit.issued_at, now, warn)
        if state in ("near", "over"):
            flagged.append({"ticket": visit.ticket, "state": state,
                            "due_at": visit.due_at.isoformat() if visit.due_at else None})
    return {
        "office": office.code,
        "day": local_day(now, office.zone).isoformat(),
        "stages": stages,
        "counters": list(by_counter.values()),
        "flagged": sorted(flagged, key=lambda f: f["ticket"]),
    }
