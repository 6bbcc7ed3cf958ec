"""The counting rules without a database, the deciders table, and property tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.casework import deciders
from app.casework.applications import parse_amount
from app.casework.deadlines import (
    add_months,
    add_working_time,
    application_due,
    complaint_due,
)
from app.catalog.source import FileProblems
from app.errors import LoketError
from app.workdays import WorkingCalendar
from db.enums import TimeUnit

JAKARTA = ZoneInfo("Asia/Jakarta")
CAL = WorkingCalendar()


def wib(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=JAKARTA).astimezone(UTC)


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 15), 12) == date(2027, 3, 15)


def test_counter_services_are_not_long_running() -> None:
    with pytest.raises(LoketError, match="not a long-running"):
        application_due(CAL, date(2026, 12, 1), 30, TimeUnit.MINUTES)


def test_calendar_days_move_to_the_next_working_day() -> None:
    # Tuesday 22 Dec + 3 days = Friday 25 Dec (Natal) -> Monday 28 Dec
    assert application_due(CAL, date(2026, 12, 22), 3, TimeUnit.DAYS) == date(2026, 12, 28)


def test_working_hours_rule_examples() -> None:
    day = timedelta(hours=24)
    # Friday 10:00 + 24 working hours = Monday 10:00
    assert add_working_time(CAL, wib(2026, 12, 4), day, JAKARTA) == wib(2026, 12, 7)
    # Friday 00:00 + 24 h = Monday 00:00 (the whole Friday counted)
    assert add_working_time(CAL, wib(2026, 12, 4, 0), day, JAKARTA) == wib(2026, 12, 7, 0)
    # 2 hours within the day
    assert add_working_time(CAL, wib(2026, 12, 4), timedelta(hours=2), JAKARTA) == \
        wib(2026, 12, 4, 12)
    # WITA office: the same rule on its own clock
    makassar = ZoneInfo("Asia/Makassar")
    start = datetime(2026, 12, 4, 10, tzinfo=makassar)
    assert complaint_due(CAL, start.astimezone(UTC), 24, TimeUnit.HOURS, True, makassar) == \
        datetime(2026, 12, 7, 10, tzinfo=makassar).astimezone(UTC)
    # without working_days_only: plain elapsed time
    assert complaint_due(CAL, wib(2026, 12, 4), 24, TimeUnit.HOURS, False, JAKARTA) == \
        wib(2026, 12, 5)


# --- the deciders table ---------------------------------------------------------------------


def test_shipped_deciders_table_loads() -> None:
    table = deciders.load_deciders()
    assert deciders.decider_for("BPPD-MALANG", "KEBERATAN", date(2026, 12, 1),
                             Decimal(2_000_001), table) == "Walikota Malang"
    assert deciders.decider_for("BPPD-MALANG", "KEBERATAN", date(2026, 12, 1),
                             Decimal(2_000_000), table) == "Kepala BPPD Kota Malang"
    assert deciders.decider_for("BPPD-MALANG", "KEBERATAN", date(2017, 1, 1), None, table) == ""
    assert deciders.decider_for("BAPENDA-BATU", "BPHTB", date(2026, 12, 1), None, table) == ""


def test_dated_entries_the_latest_valid_one_applies(tmp_path: Path) -> None:
    path = tmp_path / "deciders.yaml"
    path.write_text(
        "format: loket-casework-deciders/1\n"
        "deciders:\n"
        "  - {office: X, service: S, valid_from: 2020-01-01, threshold: 2000000,\n"
        "     above: Walikota, otherwise: Kepala}\n"
        "  - {office: X, service: S, valid_from: 2027-01-01, threshold: \"5.000.000\",\n"
        "     above: Walikota, otherwise: Kepala}\n", encoding="utf-8")
    table = deciders.load_deciders(path)
    assert deciders.decider_for("X", "S", date(2026, 12, 31), Decimal(3_000_000), table) == \
        "Walikota"
    assert deciders.decider_for("X", "S", date(2027, 1, 1), Decimal(3_000_000), table) == "Kepala"


def test_bad_deciders_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "deciders.yaml"
    path.write_text(
        "format: loket-casework-deciders/1\n"
        "deciders:\n"
        "  - office: X\n"
        "    service: S\n"
        "    valid_from: 2020-01-01\n"
        "    threshold: dua juta\n"
        "    above: Walikota\n"
        "    otherwise: Kepala\n"
        "    colour: red\n", encoding="utf-8")
    with pytest.raises(FileProblems) as err:
        deciders.load_deciders(path)
    text = err.value.summary("en")
    assert f"{path}:6:" in text
    lines = [p.line for p in err.value.problems]
    assert lines == [6, 9]


# --- properties -------------------------------------------------------------------------------


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_amount_parser_never_escapes_and_is_whole_and_not_negative(text: str) -> None:
    try:
        amount = parse_amount(text)
    except LoketError:
        return
    assert amount is None or (amount >= 0 and amount == amount.to_integral_value())


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.integers())
@settings(max_examples=200, deadline=None)
def test_amount_parser_on_numbers(value) -> None:
    try:
        amount = parse_amount(value)
    except LoketError:
        return
    assert amount is not None and amount >= 0 and amount == amount.to_integral_value()


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
       st.integers(min_value=1, max_value=30),
       st.sampled_from([TimeUnit.WORKING_DAYS, TimeUnit.MONTHS, TimeUnit.DAYS]))
@settings(max_examples=200, deadline=None)
def test_due_date_is_a_later_working_day(received: date, value: int, unit: TimeUnit) -> None:
    due = application_due(CAL, received, value, unit)
    assert due > received and CAL.is_working_day(due)
    if unit is TimeUnit.WORKING_DAYS:
        assert CAL.working_days_between(received, due) == value


@given(st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 1),
                    timezones=st.just(UTC)),
       st.integers(min_value=0, max_value=24 * 60 * 10))
@settings(max_examples=200, deadline=None)
def test_working_time_never_goes_back_and_ends_on_a_working_day(start: datetime,
                                                                minutes: int) -> None:
    end = add_working_time(CAL, start, timedelta(minutes=minutes), JAKARTA)
    assert end >= start
    local = end.astimezone(JAKARTA)
    if minutes:
        assert CAL.is_working_day(local.date()) or local.time() == datetime.min.time()


@given(st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_holiday_date_parser_never_escapes(text: str) -> None:
    from app.casework.holidays import parse_day

    try:
        day = parse_day(text)
    except LoketError as exc:
        assert exc.message("id").startswith("tanggal")
        return
    assert isinstance(day, date)


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_cli_time_parser_never_escapes(text: str) -> None:
    from app.cli.casework import parse_moment as _moment

    try:
        moment = _moment(text)
    except LoketError:
        return
    assert moment is None or moment.tzinfo is not None
