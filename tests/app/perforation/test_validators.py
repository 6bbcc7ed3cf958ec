"""Property tests: no exception but LoketError escapes a validator on any input, and the
figures (amounts, reconciliation, time allowed) are never negative or fractional."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import LoketError
from app.perforation import config, service

ANY = st.one_of(st.text(), st.text(alphabet="0123456789.,- Rp/"), st.integers(),
                st.none(), st.decimals(allow_nan=True, allow_infinity=True), st.booleans(),
                st.floats())
DAY = date(2026, 12, 2)


def _only_loket_error(parse, value):
    try:
        return parse(value)
    except LoketError as exc:
        assert exc.message("id") and exc.message("en")
        return None


@given(ANY)
def test_text_validators_raise_only_loket_error(value) -> None:
    for parse in (service.parse_npwpd, service.parse_name, service.parse_series,
                  service.parse_note, service.parse_pickup_by,
                  lambda v: service.parse_media(v, DAY)):
        result = _only_loket_error(parse, value)
        if result is not None and parse is service.parse_npwpd:
            assert 5 <= len(result) <= 40 and result == result.upper()
            assert sum(c.isdigit() for c in result) >= 5
        if result is not None and parse is service.parse_series:
            assert 1 <= len(result) <= 16 and result.isascii() and " " not in result


@given(ANY)
def test_numbers_are_whole_and_in_range(value) -> None:
    serial = _only_loket_error(service.parse_serial, value)
    assert serial is None or (isinstance(serial, int) and 0 <= serial <= 999_999_999)
    sheets = _only_loket_error(service.parse_sheets, value)
    assert sheets is None or 1 <= sheets <= 99_999
    count = _only_loket_error(lambda v: service.parse_count(v, 500), value)
    assert count is None or 0 <= count <= 500


@given(ANY)
def test_face_value_is_whole_positive_rupiah(value) -> None:
    amount = _only_loket_error(service.parse_face_value, value)
    if amount is not None:
        assert isinstance(amount, Decimal)
        assert amount == amount.to_integral_value() and 0 < amount <= 1_000_000_000
        assert amount.as_tuple().exponent == 0


@given(st.integers(1, 1_000_000_000), st.integers(1, 99_999))
def test_face_totals_are_whole(face: int, sheets: int) -> None:
    amount = service.parse_face_value(str(face))
    total = amount * sheets
    assert total == total.to_integral_value() and total > 0


@given(st.integers(0, 999_999_999), st.integers(0, 999_999_999), st.integers(-5, 100_000),
       st.text(max_size=5))
def test_check_range_raises_only_loket_error(first: int, last: int, sheets: int,
                                             note: str) -> None:
    try:
        service.check_range(first, last, sheets, note)
    except LoketError:
        return
    assert first <= last and sheets <= last - first + 1 <= 99_999
    assert sheets == last - first + 1 or note


@given(st.integers(-10, 10_000), st.integers(-10, 10_000), st.integers(-10, 10_000))
def test_reconciliation_figures_add_up(requested: int, counted: int, damaged: int) -> None:
    try:
        r = service.reconcile_figures(requested, counted, damaged)
    except LoketError:
        assert damaged < 0 or damaged > counted or requested < 0 or counted < 0
        return
    assert min(r.short, r.extra, r.good, r.damaged) >= 0
    assert r.requested - r.short + r.extra == r.counted
    assert r.good + r.damaged == r.counted
    assert (r.result == "sesuai") == (r.short == r.extra == r.damaged == 0)


@given(st.integers(0, 99_999), st.integers(0, 99_999))
def test_time_allowed_grows_with_the_sheets(a: int, b: int) -> None:
    standard = config.standard_for("BPPD-MALANG", DAY)
    low, high = sorted((a, b))
    assert 0 <= standard.allowed_minutes(low) <= standard.allowed_minutes(high)
    assert standard.allowed_minutes(1000) == 15
    start = datetime(2026, 12, 2, 2, tzinfo=UTC)
    assert standard.due(start, high) >= start


@pytest.mark.parametrize(("sheets", "minutes"), [(1, 1), (999, 15), (1000, 15), (1001, 16),
                                                  (2000, 30), (99_999, 1500)])
def test_malang_fifteen_minutes_per_thousand_sheets(sheets: int, minutes: int) -> None:
    standard = config.standard_for("BPPD-MALANG", DAY)
    assert standard.allowed_minutes(sheets) == minutes
    start = datetime(2026, 12, 2, 2, tzinfo=UTC)
    assert standard.due(start, sheets) == start + timedelta(minutes=minutes)
