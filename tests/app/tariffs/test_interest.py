"""Interest on arrears: months late, the amount, the cap and the dated tables."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import LoketError
from app.tariffs.interest import (
    InterestRule,
    late_interest,
    load_interest_rule,
    load_interest_table,
    months_late,
)

RULE_2 = InterestRule(rate_per_month=Decimal("0.02"), cap_months=24)


@pytest.mark.parametrize(("due", "paid", "months"), [
    (date(2025, 1, 10), date(2025, 1, 9), 0),      # early
    (date(2025, 1, 10), date(2025, 1, 10), 0),     # on the due day
    (date(2025, 1, 10), date(2025, 1, 11), 1),     # a started month counts whole
    (date(2025, 1, 10), date(2025, 2, 10), 1),     # exactly one month later
    (date(2025, 1, 10), date(2025, 2, 11), 2),
    (date(2025, 1, 31), date(2025, 2, 28), 1),     # month end clamped
    (date(2025, 1, 31), date(2025, 3, 1), 2),
    (date(2024, 2, 29), date(2025, 2, 28), 12),
    (date(2024, 2, 29), date(2025, 3, 1), 13),
    (date(2023, 6, 1), date(2026, 6, 1), 36),
    (date(9999, 11, 5), date(9999, 12, 6), 2),     # no overflow near the end of time
])
def test_months_late(due: date, paid: date, months: int) -> None:
    assert months_late(due, paid) == months


def test_late_interest_by_hand() -> None:
    # Rp1.500.000 x 2% x 3 months = Rp90.000
    assert late_interest(Decimal(1_500_000), date(2024, 3, 1), date(2024, 5, 20),
                         RULE_2) == Decimal(90_000)
    # rounding: Rp333 x 1% x 1 = 3.33 -> 3 (half-up)
    one = InterestRule(rate_per_month=Decimal("0.01"), cap_months=24)
    assert late_interest(Decimal(333), date(2025, 1, 1), date(2025, 1, 2), one) == Decimal(3)
    up = InterestRule(rate_per_month=Decimal("0.01"), cap_months=24, rounding="up-100")
    assert late_interest(Decimal(333), date(2025, 1, 1), date(2025, 1, 2), up) == Decimal(100)


def test_interest_capped_at_24_months() -> None:
    due = date(2020, 1, 15)
    principal = Decimal(1_000_000)
    at_24 = late_interest(principal, due, date(2022, 1, 15), RULE_2)
    assert months_late(due, date(2022, 1, 15)) == 24
    assert at_24 == Decimal(480_000)  # 1.000.000 x 2% x 24
    assert late_interest(principal, due, date(2022, 1, 16), RULE_2) == at_24  # 25 months
    assert late_interest(principal, due, date(2026, 7, 1), RULE_2) == at_24   # 78 months
    assert "dihitung maks. 24 bulan" in RULE_2.explain(principal, 30)


def test_not_late_means_no_interest() -> None:
    assert late_interest(Decimal(1_000_000), date(2025, 5, 1), date(2025, 5, 1),
                         RULE_2) == Decimal(0)


def test_negative_principal_refused() -> None:
    with pytest.raises(ValueError):
        late_interest(Decimal(-1), date(2025, 1, 1), date(2025, 3, 1), RULE_2)


def test_regional_tax_interest_table() -> None:
    old = load_interest_rule("regional-tax-interest", date(2024, 1, 4))
    new = load_interest_rule("regional-tax-interest", date(2024, 1, 5))
    assert (old.rate_per_month, old.cap_months) == (Decimal("0.02"), 24)
    assert (new.rate_per_month, new.cap_months) == (Decimal("0.01"), 24)
    assert new.valid_from == date(2024, 1, 5)
    assert new.name == "regional-tax-interest"
    assert "UU 1/2022" in new.basis
    assert len(load_interest_table("regional-tax-interest").entries) == 2


def test_pkb_interest_table_changes_on_5_january_2025() -> None:
    assert load_interest_rule("pkb-interest", date(2025, 1, 4)).rate_per_month == Decimal(
        "0.02")
    assert load_interest_rule("pkb-interest", date(2025, 1, 5)).rate_per_month == Decimal(
        "0.01")


def test_unknown_table_and_no_rule() -> None:
    with pytest.raises(LoketError) as exc:
        load_interest_rule("no-such-table", date(2025, 1, 1))
    assert exc.value.key == "tariff.unknown_table"
    with pytest.raises(LoketError) as exc:
        load_interest_rule("regional-tax-interest", date(2005, 1, 1))
    assert exc.value.key == "tariff.no_rule"
    assert "01-01-2005" in exc.value.message("id")


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(dates, dates, st.integers(min_value=0, max_value=400))
def test_months_late_monotone(due: date, paid: date, more_days: int) -> None:
    later = paid + timedelta(days=more_days)
    assert 0 <= months_late(due, paid) <= months_late(due, later)
    assert (months_late(due, paid) == 0) == (paid <= due)
    # a later due date never makes a payment later
    assert months_late(due + timedelta(days=more_days), paid) <= months_late(due, paid)


@given(dates, st.integers(min_value=1, max_value=600))
def test_months_late_counts_whole_months(due: date, months: int) -> None:
    year, month0 = divmod(due.month - 1 + months, 12)
    if due.day > 28:
        return  # month ends are clamped: covered by the examples above
    later = date(due.year + year, month0 + 1, due.day)
    assert months_late(due, later) == months
    assert months_late(due, later + timedelta(days=1)) == months + 1


@given(st.integers(min_value=0, max_value=10**13), dates, dates,
       st.sampled_from(["0%", "1%", "1.5%", "2%", "2.25%"]),
       st.integers(min_value=1, max_value=48),
       st.sampled_from(["half-up", "up", "down", "half-up-100", "up-1000"]))
def test_interest_whole_non_negative_and_capped(principal: int, due: date, paid: date,
                                                rate: str, cap: int, rounding: str) -> None:
    rule = InterestRule(rate_per_month=Decimal(rate[:-1]) / 100, cap_months=cap,
                        rounding=rounding)
    amount = late_interest(Decimal(principal), due, paid, rule)
    assert amount >= 0
    assert amount == amount.to_integral_value()
    exact = Decimal(principal) * rule.rate_per_month * min(months_late(due, paid), cap)
    assert abs(amount - exact) < 1000  # only rounding apart
    if months_late(due, paid) >= cap:  # the cap reached: paying later costs no more
        later = paid + timedelta(days=4000)
        assert late_interest(Decimal(principal), due, later, rule) == amount
