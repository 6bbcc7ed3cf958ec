"""Counter actions on the visit a counter serves: call next (or one ticket), recall, no-show,
hold and resume, transfer, return to the queue, start and finish.

A counter serves the stages it is configured for and has at most one visit called or being
served at a time; it may have several parked (held). "Call next" is one
``UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED)`` statement, so twenty counters
pressing it at once each get a different visit or none; on SQLite the writers are
serialised by ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import app.queue.areas  # noqa: F401  (every area registers its stage-leaving rules)
from app.access import SYSTEM, Act, Actor
from app.clock import day_bounds, local_day, utcnow
from app.errors import LoketError
from app.office_settings import settings_of
from app.queue import statements as sql
from app.queue.config import CounterConf, counter_conf, resolve_office, service_conf
from app.queue.history import close_record, log_change, record_change
from app.queue.lookups import (
    acting,
    current_record,
    find_counter,
    find_visit,
    open_record,
    require_free,
)
from app.queue.stage_work import check_leaving, governed
from app.queue.tickets import TicketInfo, ticket_info
from app.store import UnitOfWork, end_reading
from db.enums import VisitStatus
from db.models import Counter, Office, Stage, StageRecord, Visit, VisitTransition

OUTCOMES = ("done", "incomplete", "cancelled")
# what a visit becomes when a stage ends it with that outcome
CLOSED_AS = {"done": VisitStatus.DONE, "incomplete": VisitStatus.INCOMPLETE,
             "cancelled": VisitStatus.CANCELLED}


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


def call_info(record: StageRecord, counter: Counter) -> CallInfo:
    visit = record.visit
    return CallInfo(visit.id, visit.ticket, record.stage.code, counter.code,
                    counter.display_number, counter.call_name, record.status.value,
                    record.recalls, visit.priority_reason)


# --- shared by the actions (and by app.queue.counters) -----------------------------------


def _stage(session: Session, office: Office, code: str) -> Stage:
    stage = session.scalar(select(Stage).where(Stage.office_id == office.id, Stage.code == code))
    if stage is None:
        raise LoketError("queue.unknown_stage", code=code, office=office.code)
    return stage


def _require_current(session: Session, counter: Counter) -> StageRecord:
    record = current_record(session, counter)
    if record is None:
        raise LoketError("queue.counter_idle", counter=counter.code)
    return record


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


def claim_counter(session: Session, counter: Counter, actor: Actor, now: datetime) -> None:
    counter.is_open = True
    counter.last_seen_at = now
    if actor.user_id is not None:
        counter.officer_id = actor.user_id


def ticket_to_counter(uow: UnitOfWork, counter_code: str, ticket: str,
                      office_code: str | None, now: datetime, actor: Actor, act: Act
                      ) -> tuple[Session, Office, Counter, Visit, StageRecord | None, Actor]:
    """A free counter and a visit it is about to take: the prelude of call, resume, take over."""
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, act, office.id, now)
    counter = find_counter(s, office, counter_code)
    require_free(s, counter)
    visit = find_visit(s, office, ticket, now)
    return s, office, counter, visit, open_record(s, visit), actor


def _counter_action(uow: UnitOfWork, counter_code: str, office_code: str | None,
                    actor: Actor, now: datetime
                    ) -> tuple[Session, Office, Counter, StageRecord, Actor]:
    """The counter and the visit it serves, for an officer's action there."""
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.COUNTER_WORK, office.id, now)
    counter = find_counter(s, office, counter_code)
    return s, office, counter, _require_current(s, counter), actor


def requeue(session: Session, office: Office, record: StageRecord, counter: Counter | None,
            action: str, actor: Actor, now: datetime) -> TicketInfo:
    before = record.status.value
    record.status = VisitStatus.WAITING
    record.counter_id = None
    record.officer_id = None
    record.called_at = None
    record.started_at = None
    record.visit.status = VisitStatus.WAITING
    log_change(session, office=office, visit=record.visit, record=record, action=action,
               before=before, counter=counter, actor=actor, now=now)
    return ticket_info(session, office, record.visit, record, now)


# --- calling -----------------------------------------------------------------------------


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
    actor = acting(s, actor, Act.COUNTER_WORK, conf.office_id, now)
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
        _nobody_waiting(uow, conn, conf, params)
        return None
    record_id, visit_id, stage_id = claimed
    ticket, service_id, priority = conn.execute(sql.mark_visit_called, {"vid": visit_id}).one()
    stage = conf.stage_codes[stage_id]
    payload = {
        "visit_id": visit_id, "ticket": ticket, "service": conf.service_codes.get(service_id),
        "stage": stage, "status": VisitStatus.CALLED.value, "priority": priority,
        "counter": conf.code, "counter_number": conf.display_number,
        "call_name": conf.call_name,
    }
    record_change(s, office_id=conf.office_id, payload=payload, record_id=record_id,
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
        _nobody_waiting(uow, conn, conf, params)
        return None
    _record_id, visit_id, ticket, stage, priority = claimed
    uow.commit()
    return CallInfo(visit_id, ticket, stage, conf.code, conf.display_number, conf.call_name,
                    VisitStatus.CALLED.value, 0, priority)


def call_ticket(uow: UnitOfWork, counter_code: str, ticket: str, *,
                office_code: str | None = None, actor: Actor = SYSTEM,
                now: datetime | None = None) -> CallInfo:
    """Call one particular waiting ticket out of order (e.g. a visitor who came back)."""
    now = now or utcnow()
    s, office, counter, visit, record, actor = ticket_to_counter(
        uow, counter_code, ticket, office_code, now, actor, Act.COUNTER_WORK)
    if (record is None or record.status is not VisitStatus.WAITING
            or record.stage_id not in {st.id for st in counter.stages}):
        raise LoketError("queue.not_waiting", ticket=visit.ticket, counter=counter.code)
    record.status = VisitStatus.CALLED
    record.counter_id = counter.id
    record.officer_id = actor.user_id
    record.called_at = now
    visit.status = VisitStatus.CALLED
    claim_counter(s, counter, actor, now)
    log_change(s, office=office, visit=visit, record=record, action="called",
               before=VisitStatus.WAITING.value, counter=counter, actor=actor, now=now,
               data={"out_of_order": True})
    info = call_info(record, counter)
    uow.commit()
    return info


def recall(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
           actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """Call the same visitor again; past the office's recall limit it becomes a no-show."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    if record.status is not VisitStatus.CALLED:
        raise LoketError("queue.not_called", ticket=record.visit.ticket)
    limit = settings_of(office).recall_limit
    record.recalls += 1
    counter.last_seen_at = now
    if record.recalls > limit:
        close_record(s, office, record, counter, VisitStatus.NO_SHOW, "no_show", actor, now,
                     data={"recalls": record.recalls, "limit": limit})
    else:
        log_change(s, office=office, visit=record.visit, record=record, action="recalled",
                   before=VisitStatus.CALLED.value, counter=counter, actor=actor, now=now,
                   data={"recalls": record.recalls})
    info = call_info(record, counter)
    uow.commit()
    return info


def start(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
          actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """The called visitor has arrived at the counter: service starts."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    if record.status is VisitStatus.CALLED:
        record.status = VisitStatus.SERVING
        record.started_at = now
        record.visit.status = VisitStatus.SERVING
        counter.last_seen_at = now
        log_change(s, office=office, visit=record.visit, record=record, action="started",
                   before=VisitStatus.CALLED.value, counter=counter, actor=actor, now=now)
    info = call_info(record, counter)
    uow.commit()
    return info


# --- serving -----------------------------------------------------------------------------


def skip(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
         actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    """The called visitor did not come: a no-show, kept in the reports."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    if record.status is not VisitStatus.CALLED:
        raise LoketError("queue.not_called", ticket=record.visit.ticket)
    close_record(s, office, record, counter, VisitStatus.NO_SHOW, "no_show", actor, now)
    info = call_info(record, counter)
    uow.commit()
    return info


def hold(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
         actor: Actor = SYSTEM, now: datetime | None = None, note: str = "") -> CallInfo:
    """Park the current visit at this counter (e.g. a document is being fetched)."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    before = record.status.value
    record.status = VisitStatus.HELD
    record.visit.status = VisitStatus.HELD
    log_change(s, office=office, visit=record.visit, record=record, action="held", before=before,
               counter=counter, actor=actor, now=now, note=note)
    info = call_info(record, counter)
    uow.commit()
    return info


def resume(uow: UnitOfWork, counter_code: str, ticket: str, *, office_code: str | None = None,
           actor: Actor = SYSTEM, now: datetime | None = None) -> CallInfo:
    now = now or utcnow()
    s, office, counter, visit, record, actor = ticket_to_counter(
        uow, counter_code, ticket, office_code, now, actor, Act.COUNTER_WORK)
    if record is None or record.status is not VisitStatus.HELD or record.counter_id != counter.id:
        raise LoketError("queue.not_held", ticket=visit.ticket, counter=counter.code)
    record.status = VisitStatus.SERVING
    record.started_at = record.started_at or now
    visit.status = VisitStatus.SERVING
    counter.last_seen_at = now
    log_change(s, office=office, visit=visit, record=record, action="resumed",
               before=VisitStatus.HELD.value, counter=counter, actor=actor, now=now)
    info = call_info(record, counter)
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
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    target = find_counter(s, office, to_counter) if to_counter else None
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
    log_change(s, office=office, visit=visit, record=new, action="transferred",
               before=record.status.value, counter=counter, actor=actor, now=now, note=note,
               data=data)
    info = ticket_info(s, office, visit, new, now)
    uow.commit()
    return info


def return_to_queue(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
                    actor: Actor = SYSTEM, now: datetime | None = None) -> TicketInfo:
    """Put the current visit back in its stage's queue, in its old place."""
    now = now or utcnow()
    s, office, counter, record, actor = _counter_action(
        uow, counter_code, office_code, actor, now)
    info = requeue(s, office, record, counter, "returned", actor, now)
    uow.commit()
    return info


# --- finishing ---------------------------------------------------------------------------


def finish(uow: UnitOfWork, counter_code: str, *, outcome: str = "done",
           office_code: str | None = None, actor: Actor = SYSTEM,
           now: datetime | None = None, note: str = "") -> FinishInfo:
    """End this stage: ``done`` moves the visit to its next stage (same number) or completes
    it; ``incomplete`` returns it to the visitor (documents missing); ``cancelled``.

    Refused, with the missing steps and nothing written, while the stage's work is not
    recorded (:func:`app.queue.stage_work.check_leaving`): every entry point finishes here.

    Pressed after every service, so it runs on prebuilt statements like "call next": the
    counter row first (serialising presses at one counter), then its current record.
    """
    now = now or utcnow()
    if outcome not in OUTCOMES:
        raise LoketError("queue.bad_outcome", outcome=outcome, choices=", ".join(OUTCOMES))
    s = uow.session
    conf = counter_conf(s, None, office_code, counter_code)
    actor = acting(s, actor, Act.COUNTER_WORK, conf.office_id, now)
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
        record_change(s, office_id=conf.office_id,
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
        record_change(s, office_id=conf.office_id,
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
