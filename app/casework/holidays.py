"""Days off an administrator adds to the national calendar (``loket holiday ...``).

National holidays and *cuti bersama* come from the ``holidays`` package
(:mod:`app.workdays`); a local day (a regional anniversary, a late decree) is a
``holidays`` row, for one office or, without an office, for all. Deadlines counted after
the day is added skip it; deadlines already given are not moved.

Adding a day changes the office's settings (:mod:`app.access`, ``Act.CONFIGURE``: an
administrator), asked before anything is written: for a day of one office, an administrator
of that office or of none; a day of all offices only an administrator of no office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import or_, select

from app import access, audit
from app.access import Act, Actor
from app.casework import messages  # noqa: F401  (registers the messages)
from app.errors import LoketError
from app.inputs import check_day
from app.queue.engine import resolve_office
from app.store import UnitOfWork
from app.workdays import _national
from db.enums import HolidayKind
from db.models import Holiday, Office


@dataclass(frozen=True)
class DayOff:
    day: date
    name: str
    source: str  # "national" (holidays package) or "local"
    office: str | None  # office code of a local day; None = all offices

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "weekday": self.day.strftime("%a"),
                "name": self.name, "source": self.source, "office": self.office}


def parse_day(text: object) -> date:
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError:
        raise LoketError("casework.bad_date", value=str(text)[:40]) from None
    return check_day(day, str(text).strip())


def add_holiday(uow: UnitOfWork, day: date, name: str, *, office_code: str | None = None,
                kind: str = HolidayKind.LOCAL.value, actor: Actor,
                now: datetime | None = None) -> DayOff:
    """Add a day off for ``office_code`` (all offices when None); commits."""
    s = uow.session
    now = now or datetime.now(UTC)
    label = " ".join(str(name or "").split())
    if not label:
        raise LoketError("holiday.name_required")
    if len(label) > 200:
        raise LoketError("casework.too_long", field="name", max=200)
    office = None
    if office_code:
        office = s.scalar(select(Office).where(Office.code == office_code))
        if office is None:
            raise LoketError("office.unknown", code=office_code)
    office_id = office.id if office else None
    who = access.require(s, actor, Act.CONFIGURE, office_id=office_id, now=now,
                         all_offices=office_id is None)
    existing = s.scalar(select(Holiday).where(
        Holiday.day == day,
        Holiday.office_id.is_(None) if office_id is None else Holiday.office_id == office_id))
    if existing is not None:
        raise LoketError("holiday.exists", day=day, name=existing.name)
    row = Holiday(office_id=office_id, day=day, name=label, kind=HolidayKind(kind))
    s.add(row)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, action="holiday.add",
                 entity="holiday", entity_id=row.id,
                 after={"day": day.isoformat(), "name": label,
                        "office": office.code if office else None},
                 office_id=office_id, at=now)
    uow.commit()
    return DayOff(day, label, "local", office.code if office else None)


def list_days_off(uow: UnitOfWork, year: int, *, office_code: str | None = None
                  ) -> list[DayOff]:
    """National holidays and cuti bersama of ``year`` and the added days (of the office and
    of all offices; every added day when no office is named), by date."""
    if not 1900 <= year <= 2200:
        raise LoketError("holiday.bad_year", value=year)
    s = uow.session
    query = select(Holiday, Office.code).outerjoin(Office, Office.id == Holiday.office_id) \
        .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
    if office_code:
        office = resolve_office(s, office_code)
        query = query.where(or_(Holiday.office_id.is_(None), Holiday.office_id == office.id))
    out = [DayOff(d, n, "national", None) for d, n in _national(year).items()]
    out += [DayOff(h.day, h.name, "local", code) for h, code in s.execute(query)]
    return sorted(out, key=lambda d: (d.day, d.source, d.office or ""))
