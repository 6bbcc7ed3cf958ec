"""The office at a glance: waiting per stage, who each counter serves or holds, and the
visits near or over their time standard (the supervisor's board and ``loket queue status``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.clock import local_day, utcnow
from app.office_settings import settings_of
from app.queue import deadline
from app.queue.config import resolve_office
from app.queue.lookups import ACTIVE, today_start
from app.store import UnitOfWork
from db.enums import OPEN_STATUSES, VisitStatus
from db.models import Counter, Stage, StageRecord, Visit


def status(uow: UnitOfWork, *, office_code: str | None = None,
           now: datetime | None = None) -> dict[str, Any]:
    """Waiting per stage, who each counter is serving or holding, and visits near or over
    their time standard."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    since = today_start(office, now)
    warn = settings_of(office).sla_warning_ratio
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
