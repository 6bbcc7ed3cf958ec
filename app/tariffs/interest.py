"""Interest on arrears: a rate per month late, capped at a number of months.

The same rule serves the PKB sanction at the Samsat (``pkb-interest``) and the regional-tax
arrears at the Bapenda (``regional-tax-interest``); each is a dated table in
``resources/tariffs/<name>.yaml`` (kind ``interest``)::

    - valid_from: 2024-01-05
      basis: UU 1/2022 (HKPD) Pasal ...
      rate_per_month: 1%
      cap_months: 24
      rounding: half-up

Counting: a month that has started counts as a whole month. Paying on the due day is on
time (0 months); the day after starts the first month; the same day-of-month one month
later is still the first month, the day after that the second (month ends are clamped:
due 31 January, 28 February is one month later).

>>> due = date(2025, 1, 10)
>>> months_late(due, date(2025, 2, 10)), months_late(due, date(2025, 2, 11))
(1, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from app.catalog.source import Fields
from app.money import format_rupiah, round_rupiah
from app.tariffs.tables import DatedTable, Span, format_percent, load_table, percent


@dataclass(frozen=True)
class InterestRule:
    """``rate_per_month`` is a fraction (0.02 for 2%); ``rounding`` names an app.money rule."""

    rate_per_month: Decimal
    cap_months: int
    rounding: str = "half-up"
    name: str = ""
    basis: str = ""
    valid_from: date | None = None
    valid_until: date | None = None

    def explain(self, principal: Decimal, months: int, *, due: date | None = None) -> str:
        """Indonesian rule text: ``2% x 3 bulan x Rp150.000 (terlambat 3 bulan, maks. 24 ...)``."""
        counted = min(months, self.cap_months)
        late = (f"terlambat {months} bulan, dihitung maks. {self.cap_months} bulan"
                if months > self.cap_months else
                f"terlambat {months} bulan, maks. {self.cap_months} bulan")
        since = f"berlaku {self.valid_from:%d-%m-%Y}" if self.valid_from else ""
        parts = [f"jatuh tempo {due:%d-%m-%Y}, {late}" if due else late, self.basis, since]
        return (f"{format_percent(self.rate_per_month)} x {counted} bulan x "
                f"{format_rupiah(principal)} ({'; '.join(p for p in parts if p)})")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _plus_months(day: date, months: int) -> tuple[int, int, int]:
    """``day`` moved ``months`` later as (year, month, day), clamped to the month's end.

    A tuple, not a date, so that counting near the year 9999 cannot overflow."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year = day.year + years
    last = 29 if month0 == 1 and _is_leap(year) else _DAYS[month0]
    return year, month0 + 1, min(day.day, last)


def months_late(due: date, paid_on: date) -> int:
    """Months late, a started month counting whole; 0 when ``paid_on <= due``."""
    if paid_on <= due:
        return 0
    paid = (paid_on.year, paid_on.month, paid_on.day)
    months = max((paid_on.year - due.year) * 12 + paid_on.month - due.month - 1, 1)
    while _plus_months(due, months) < paid:
        months += 1
    while months > 1 and _plus_months(due, months - 1) >= paid:
        months -= 1
    return months


def late_interest(principal: Decimal, due: date, paid_on: date, rule: InterestRule) -> Decimal:
    """``principal x rate x min(months late, cap)``, rounded by the rule; whole rupiah >= 0."""
    if principal < 0:
        raise ValueError(f"principal must not be negative: {principal}")
    months = min(months_late(due, paid_on), rule.cap_months)
    return round_rupiah(Decimal(principal) * rule.rate_per_month * months, rule.rounding)


# --- the dated tables ----------------------------------------------------------------------


def _parse_entry(f: Fields, span: Span) -> InterestRule | None:
    rate = percent(f, "rate_per_month")
    cap = f.integer("cap_months")
    if rate is None or cap is None:
        return None
    return InterestRule(rate_per_month=rate, cap_months=cap, rounding=span.rounding,
                        name=span.table, basis=span.basis, valid_from=span.valid_from,
                        valid_until=span.valid_until)


def load_interest_table(name: str, *, directory: Path | None = None) -> DatedTable[InterestRule]:
    """The whole dated table ``<name>.yaml`` (kind ``interest``), checked."""
    return load_table(name, "interest", _parse_entry, directory=directory)


def load_interest_rule(name: str, on: date, *, directory: Path | None = None) -> InterestRule:
    """The rule of table ``name`` in force on ``on``.

    Raises LoketError ``tariff.unknown_table`` / ``tariff.no_rule`` or
    :class:`app.tariffs.tables.TariffTableError` (also a LoketError) for a bad file."""
    return load_interest_table(name, directory=directory).at(on)
