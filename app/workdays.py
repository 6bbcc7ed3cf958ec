"""Working days: weekends, Indonesian national holidays and joint leave, and local days off.

National holidays and *cuti bersama* come from the maintained ``holidays`` package
(categories ``public`` and ``government``); an administrator adds local days (and any late
decree) as :class:`db.models.Holiday` rows, for one office or for all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Holiday

CATEGORIES = ("public", "government")


@lru_cache(maxsize=64)
def _national(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("ID", years=year, categories=CATEGORIES,
                                          language="id"))


class WorkingCalendar:
    """Answers "is this a working day?" for one office."""

    def __init__(self, extra_days_off: Iterable[tuple[date, str]] = ()) -> None:
        self.extra = dict(extra_days_off)

    @classmethod
    def for_office(cls, session: Session, office_id: int | None) -> WorkingCalendar:
        rows = session.execute(
            select(Holiday.day, Holiday.name).where(
                or_(Holiday.office_id.is_(None), Holiday.office_id == office_id)
            )
        ).all()
        return cls((day, name) for day, name in rows)

    def day_off(self, day: date) -> str | None:
        """Why ``day`` is not a working day (holiday name, or "Sabtu"/"Minggu"), else None."""
        if day in self.extra:
            return self.extra[day]
        name = _national(day.year).get(day)
        if name:
            return name
        if day.weekday() == 5:
            return "Sabtu"
        if day.weekday() == 6:
            return "Minggu"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off(day) is None

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        while days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count
