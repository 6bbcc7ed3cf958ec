"""When a long-running application or a complaint falls due, on the office's calendar.

The calendar is :class:`app.workdays.WorkingCalendar` for the office: Saturdays, Sundays,
Indonesian national holidays and *cuti bersama* (the ``holidays`` package) and the days an
administrator added in ``holidays`` (``loket holiday add``), for the office or for all.
Days and clock times are the office's (WIB/WITA/WIT); the database keeps UTC.

Applications (a due **date**, the last local day on which the decision is on time):

* ``working_days`` N: the Nth working day after the day of receipt (the day of receipt is
  not counted, whether or not it is a working day). Received Friday, 3 working days ->
  Wednesday; national holidays, cuti bersama and local days off are skipped like weekends.
* ``months`` N: the same day of the month N months later (the 31st becomes the month's last
  day: 31 January + 1 month = 28 February), moved forward to the next working day when
  that day is not one.
* ``days`` N: N calendar days later, moved forward to the next working day.
* ``minutes`` / ``hours`` are counter services, not long-running: refused.

An application is overdue from the start of the local day after its due date while it is
not finished; "due soon" is an open application due today or within the next few working
days.

Complaints (a due **moment**, from the office's ``complaint_response``):

* With ``working_days_only`` (the Samsat seed: "24 jam pada hari kerja"), only time on
  working days counts, a working day counting all its 24 hours: 24 hours on working days =
  the same clock time on the next working day (Friday 10:00 -> Monday 10:00, or Tuesday
  10:00 after a Monday holiday). A complaint received on a day off starts counting at
  00:00 of the next working day. ``days`` and ``working_days`` are 24 such hours each.
* Without it, minutes, hours and days are plain elapsed time.
* ``months``: as for applications, at the same clock time.

The SOP steps run one after another: each step's time counts from the previous step's due
moment (the first from the reception), and no step is due later than the complaint
itself (the office's response standard), so a step never outlives the promise made to the
reporter.
"""

from __future__ import annotations

import calendar as _cal
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.errors import LoketError
from app.workdays import WorkingCalendar
from db.enums import TimeUnit

LONG_RUNNING_UNITS = (TimeUnit.WORKING_DAYS, TimeUnit.MONTHS, TimeUnit.DAYS)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def next_working_day(cal: WorkingCalendar, day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    for _ in range(3660):  # ten years of days off in a row would be a broken calendar
        if cal.is_working_day(day):
            return day
        day += timedelta(days=1)
    raise LoketError("casework.calendar_broken", day=day)


def application_due(cal: WorkingCalendar, received_on: date, value: int,
                    unit: TimeUnit | str) -> date:
    """The local day an application received on ``received_on`` is due (see module doc)."""
    unit = TimeUnit(unit)
    if value < 0:
        raise LoketError("casework.bad_standard", value=value, unit=unit.value)
    if unit is TimeUnit.WORKING_DAYS:
        return cal.add_working_days(received_on, value)
    if unit is TimeUnit.MONTHS:
        return next_working_day(cal, add_months(received_on, value))
    if unit is TimeUnit.DAYS:
        return next_working_day(cal, received_on + timedelta(days=value))
    raise LoketError("casework.not_long_running", value=value, unit=unit.value)


def end_of_day(day: date, tz: ZoneInfo) -> datetime:
    """The UTC moment the local ``day`` ends (the start of the next local day)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)


def add_working_time(cal: WorkingCalendar, start: datetime, amount: timedelta,
                     tz: ZoneInfo) -> datetime:
    """``start`` plus ``amount`` counting only time on working days (UTC in, UTC out)."""
    current = start.astimezone(tz)
    remaining = amount
    if not cal.is_working_day(current.date()):
        current = datetime.combine(next_working_day(cal, current.date()), time(0), tzinfo=tz)
    for _ in range(100000):
        midnight = datetime.combine(current.date() + timedelta(days=1), time(0), tzinfo=tz)
        available = midnight - current
        if remaining < available:
            return (current + remaining).astimezone(UTC)
        remaining -= available
        current = datetime.combine(next_working_day(cal, midnight.date()), time(0), tzinfo=tz)
        if not remaining:
            return current.astimezone(UTC)
    raise LoketError("casework.calendar_broken", day=start.date())


_PLAIN = {TimeUnit.MINUTES: timedelta(minutes=1), TimeUnit.HOURS: timedelta(hours=1),
          TimeUnit.DAYS: timedelta(days=1), TimeUnit.WORKING_DAYS: timedelta(days=1)}


def complaint_due(cal: WorkingCalendar, start: datetime, value: int, unit: TimeUnit | str,
                  working_days_only: bool, tz: ZoneInfo) -> datetime:
    """``start`` (UTC) plus a complaint time standard (see module doc), in UTC."""
    unit = TimeUnit(unit)
    if value < 0:
        raise LoketError("casework.bad_standard", value=value, unit=unit.value)
    if unit is TimeUnit.MONTHS:
        local = start.astimezone(tz)
        day = next_working_day(cal, add_months(local.date(), value))
        return datetime.combine(day, local.timetz()).astimezone(UTC)
    amount = _PLAIN[unit] * value
    if working_days_only or unit is TimeUnit.WORKING_DAYS:
        return add_working_time(cal, start, amount, tz)
    return start + amount
