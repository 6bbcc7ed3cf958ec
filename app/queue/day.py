"""The office's day: its service hours, whether it is open now, and closing (or reopening)
the day, which the office's ``closed_on`` setting records."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import SYSTEM, Act, Actor
from app.clock import local, local_day, utcnow
from app.errors import LoketError
from app.office_settings import settings_of
from app.queue.config import resolve_office
from app.queue.event_log import prune_after_close
from app.queue.events import publish
from app.queue.history import close_record
from app.queue.lookups import OfficeState, acting
from app.store import UnitOfWork
from app.workdays import WorkingCalendar
from db.enums import OPEN_STATUSES, VisitStatus
from db.models import Counter, Office, StageRecord, Visit


def office_hours(office: Office | OfficeState) -> tuple[time, time] | None:
    """The office's opening and closing time (its ``hours`` setting), or None."""
    return settings_of(office).hours


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
    closed = settings_of(office).closed_on == here.date() or not office.active
    if hours and not closed:
        calendar = calendar or WorkingCalendar.for_office(session, office.id)
        start = time.min if early else hours[0]
        closed = not (start <= here.time() < hours[1]) or not calendar.is_working_day(
            here.date())
    if closed:
        raise LoketError("office.closed", code=office.code, hours=label,
                         local=f"{here:%Y-%m-%d %H:%M} {office.zone.value}")


# --- closing and reopening the day -------------------------------------------------------


def close_day(uow: UnitOfWork, *, office_code: str | None = None, actor: Actor = SYSTEM,
              now: datetime | None = None) -> dict[str, Any]:
    """Closing time: open visits become "not served" (kept in the reports); no more tickets
    today. Numbering restarts by itself the next local day.

    Once the close has committed, the office's live events older than its catch-up window
    are pruned in short batches (:func:`app.queue.event_log.prune_after_close`), audited by
    the same actor with the count."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.DAY, office.id, now)
    keep_days = settings_of(office).events_keep_days  # a bad setting refuses the close
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
        close_record(s, office, record, counter, VisitStatus.NOT_SERVED, "not_served", actor,
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
    prune_after_close(s, office, keep_days, actor=actor, now=now)
    return {"office": office.code, "day": today.isoformat(), "not_served": tickets}


def open_day(uow: UnitOfWork, *, office_code: str | None = None, actor: Actor = SYSTEM,
             now: datetime | None = None) -> dict[str, Any]:
    """Undo a day close (closed too early): tickets can be issued again today."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    actor = acting(s, actor, Act.DAY, office.id, now)
    settings = dict(office.settings)
    settings.pop("closed_on", None)
    office.settings = settings
    audit.record(s, actor=actor.name, user_id=actor.user_id, office_id=office.id,
                 action="day.opened", entity="office", entity_id=office.code)
    publish(s, office.id, "day.opened", day=local_day(now, office.zone).isoformat())
    uow.commit()
    return {"office": office.code, "open": True}
