"""Estimated wait, and how it is computed.

``eta = ceil(ahead x average service time / counters serving the stage)``, where

* ``ahead`` is the number of visits that will be called before this one at its stage;
* the average service time is the mean of the last 20 finished services at that stage over
  the past 7 days (call to finish); with fewer than 3 of them, the office's default
  (setting ``default_service_minutes``, 5 minutes unless set: :mod:`app.office_settings`);
* counters: the active counters serving the stage that are open now, or all active ones
  serving it when none is open yet (at least 1).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from app.office_settings import settings_of
from db.enums import VisitStatus
from db.models import Counter, CounterStage, StageRecord

SAMPLE = 20
MIN_SAMPLE = 3
WINDOW = timedelta(days=7)


_recent = (
    select(StageRecord.called_at, StageRecord.finished_at)
    .where(
        StageRecord.stage_id == bindparam("stage_id"),
        StageRecord.status.in_([VisitStatus.DONE, VisitStatus.TRANSFERRED,
                                VisitStatus.INCOMPLETE]),
        StageRecord.called_at.is_not(None),
        StageRecord.finished_at >= bindparam("since"),
    )
    .order_by(StageRecord.finished_at.desc())
    .limit(SAMPLE)
)

_counters = (
    select(func.count(Counter.id), func.count(Counter.id).filter(Counter.is_open.is_(True)))
    .join(CounterStage, CounterStage.counter_id == Counter.id)
    .where(CounterStage.stage_id == bindparam("stage_id"), Counter.active.is_(True))
)


def average_service_minutes(session: Session, office: Any, stage_id: int,
                            now: datetime) -> float:
    rows = session.connection().execute(
        _recent, {"stage_id": stage_id, "since": now - WINDOW}).all()
    durations = [(f - c).total_seconds() / 60 for c, f in rows if f and c and f > c]
    if len(durations) < MIN_SAMPLE:
        return settings_of(office).default_service_minutes
    return sum(durations) / len(durations)


def counters_for(session: Session, stage_id: int) -> int:
    every, open_now = session.connection().execute(_counters, {"stage_id": stage_id}).one()
    return max(open_now or every or 0, 1)


def estimate_minutes(session: Session, office: Any, stage_id: int, ahead: int,
                     now: datetime) -> int:
    """``office`` is anything with the office's ``settings``."""
    if ahead <= 0:
        return 0
    avg = average_service_minutes(session, office, stage_id, now)
    return math.ceil(ahead * avg / counters_for(session, stage_id))
