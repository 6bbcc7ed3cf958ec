"""Working days skip weekends, national holidays, cuti bersama and an office's own days off."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.store import Store
from app.workdays import WorkingCalendar
from db.enums import HolidayKind
from db.models import Holiday, Office


def test_idul_fitri_2025_with_joint_leave() -> None:
    cal = WorkingCalendar()
    # Idul Fitri 31 March and 1 April 2025; cuti bersama 2-4 and 7 April
    assert cal.day_off(date(2025, 3, 31))
    assert "Cuti Bersama" in cal.day_off(date(2025, 4, 7))
    # Thursday 27 March + 3 working days: 28 Mar is cuti bersama Nyepi, then the whole
    # Lebaran week is off, so the third working day is Thursday 10 April
    assert cal.add_working_days(date(2025, 3, 27), 3) == date(2025, 4, 10)


def test_weekend_only_week() -> None:
    cal = WorkingCalendar()
    assert cal.add_working_days(date(2025, 10, 3), 1) == date(2025, 10, 6)  # Fri -> Mon
    assert cal.day_off(date(2025, 10, 4)) == "Sabtu"


def test_office_local_day_off(store: Store) -> None:
    with store.uow() as uow:
        batu = Office(code="BATU", name="Batu")
        other = Office(code="LAIN", name="Lain")
        uow.session.add_all([batu, other])
        uow.flush()
        uow.session.add(Holiday(office_id=batu.id, day=date(2025, 10, 17),
                                name="Hari Jadi Kota Batu", kind=HolidayKind.LOCAL))
        uow.commit()
        batu_id, other_id = batu.id, other.id
    with store.uow(read_only=True) as uow:
        batu_cal = WorkingCalendar.for_office(uow.session, batu_id)
        other_cal = WorkingCalendar.for_office(uow.session, other_id)
    assert batu_cal.day_off(date(2025, 10, 17)) == "Hari Jadi Kota Batu"
    assert other_cal.is_working_day(date(2025, 10, 17))
    assert batu_cal.add_working_days(date(2025, 10, 16), 1) == date(2025, 10, 20)


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
       st.integers(min_value=0, max_value=30))
def test_adding_and_counting_agree(start: date, days: int) -> None:
    cal = WorkingCalendar()
    end = cal.add_working_days(start, days)
    assert cal.working_days_between(start, end) == days
    assert days == 0 or cal.is_working_day(end)
