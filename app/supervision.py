"""What the supervisor's board reads and does beyond the queue engine's own actions:
the live overview, the running text of the waiting-room display, reprints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from app import access, audit
from app.access import Act, Actor
from app.casework.board import overdue_summary
from app.queue import engine as q_
from app.queue.clock import utcnow
from app.queue.events import publish
from app.spool import failed_jobs
from app.store import UnitOfWork
from db.enums import VisitStatus
from db.models import Counter, Service, Stage, StageRecord, Visit

OLDEST = 10
RUNNING_TEXT_MAX = 300


@dataclass(frozen=True)
class Waiting:
    ticket: str
    service: str
    stage: str
    minutes: int
    priority: str | None


@dataclass(frozen=True)
class Serving:
    ticket: str
    counter: str
    status: str
    minutes: int  # since called
    silent_minutes: int | None  # since the counter was last heard of


def overview(uow: UnitOfWork, office_code: str | None, *,
             now: datetime | None = None) -> dict[str, Any]:
    """:func:`app.queue.engine.status` plus the oldest waits, who is being served since
    when at counters silent for how long, the print jobs to reprint, and the complaints
    and applications past their time standard."""
    now = now or utcnow()
    data = q_.status(uow, office_code=office_code, now=now)
    s = uow.session
    office = q_.resolve_office(s, office_code)
    since = q_.today_start(office, now)
    rows = s.execute(
        select(Visit.ticket, Service.name, Stage.code, StageRecord.queued_at, Visit.issued_at,
               Visit.priority_reason)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .join(Service, Service.id == Visit.service_id)
        .join(Stage, Stage.id == StageRecord.stage_id)
        .where(Visit.office_id == office.id, StageRecord.status == VisitStatus.WAITING,
               StageRecord.queued_at >= since)
        .order_by(Visit.issued_at).limit(OLDEST)).all()
    data["oldest"] = [Waiting(t, name, stage, int((now - issued).total_seconds() // 60), prio)
                      for t, name, stage, _queued, issued, prio in rows]
    serving = s.execute(
        select(Visit.ticket, Counter.code, StageRecord.status, StageRecord.called_at,
               Counter.last_seen_at)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(Visit.office_id == office.id,
               StageRecord.status.in_([VisitStatus.CALLED, VisitStatus.SERVING]))
        .order_by(StageRecord.called_at)).all()
    data["serving"] = [
        Serving(t, c, st.value, int((now - called).total_seconds() // 60) if called else 0,
                int((now - seen).total_seconds() // 60) if seen else None)
        for t, c, st, called, seen in serving]
    data["reprints"] = [{"job": j.id, "visit_id": j.visit_id, "kind": j.job_kind,
                         "connection": j.connection, "error": j.last_error}
                        for j in failed_jobs(uow, office_id=office.id)]
    data["overdue"] = overdue_summary(s, office.id, now)
    data["running_text"] = str(office.settings.get("running_text") or "")
    data["zone"] = office.zone.value
    return data


def set_running_text(uow: UnitOfWork, office_code: str | None, text: str, *,
                     actor: Actor | str) -> str:
    """The line that scrolls along the bottom of the waiting-room display: what the public
    reads, so a supervisor's act (:attr:`app.access.Act.DATA`), checked before it changes."""
    s = uow.session
    office = q_.resolve_office(s, office_code)
    who = access.require(s, actor, Act.DATA, office_id=office.id)
    text = " ".join(text.split())[:RUNNING_TEXT_MAX]
    before = office.settings.get("running_text") or ""
    office.settings = dict(office.settings) | {"running_text": text}
    flag_modified(office, "settings")
    audit.record(s, actor=who.name, user_id=who.user_id, office_id=office.id,
                 action="office.running_text", entity="office", entity_id=office.code,
                 before={"running_text": before}, after={"running_text": text})
    publish(s, office.id, "office.running_text", text=text)
    uow.commit()
    return text
