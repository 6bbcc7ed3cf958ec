"""When a visit is due by its service's time standard, and whether it is close to or over it."""

from __future__ import annotations

import calendar as _cal
from datetime import date, datetime, time, timedelta

from app.catalog.spec import TimeStandard
from app.clock import at_local, local_day
from app.office_settings import SLA_WARNING_RATIO
from app.workdays import WorkingCalendar
from db.enums import TimeUnit, Zone

DEFAULT_CLOSE = time(16, 0)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def due_at(
    standard: TimeStandard | None,
    issued_at: datetime,
    zone: Zone,
    calendar: WorkingCalendar,
    close: time = DEFAULT_CLOSE,
) -> datetime | None:
    """The deadline of a visit counted from its ticket.

    Minutes and hours run from the ticket. Days, working days and months end at the office's
    closing time on the last day. Standards counted from a complete file, or per quantity
    (15 minutes per 1,000 sheets), have no deadline at the ticket: the front office sets it
    when the file is complete or the quantity is known.
    """
    if standard is None or standard.start != "ticket" or standard.per_count:
        return None
    unit, value = standard.unit, standard.value
    if unit is TimeUnit.MINUTES:
        return issued_at + timedelta(minutes=value)
    if unit is TimeUnit.HOURS:
        return issued_at + timedelta(hours=value)
    day = local_day(issued_at, zone)
    if unit is TimeUnit.DAYS:
        last = day + timedelta(days=value)
    elif unit is TimeUnit.WORKING_DAYS:
        last = calendar.add_working_days(day, value)
    else:
        last = _add_months(day, value)
    return at_local(last, close, zone)


def sla_state(
    due: datetime | None, issued_at: datetime, now: datetime, warn_ratio: float = SLA_WARNING_RATIO
) -> str | None:
    """``ok``, ``near`` (past ``warn_ratio`` of the allowed time) or ``over``; None if no due."""
    if due is None:
        return None
    if now >= due:
        return "over"
    allowed = (due - issued_at).total_seconds()
    if allowed <= 0 or (now - issued_at).total_seconds() >= warn_ratio * allowed:
        return "near"
    return "ok"
