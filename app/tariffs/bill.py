"""An itemised bill: every line with the rule that produced it, in Indonesian.

Amounts are ``Decimal`` whole rupiah, never negative. In JSON (``to_json``) every amount is
an integer number of rupiah (``"amount": 35000``); dates are ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.money import format_rupiah


@dataclass(frozen=True)
class BillLine:
    """One amount owed. ``code`` is stable for programs (``pkb``, ``pkb.sanksi``,
    ``opsen_pkb``, ``opsen_pkb.sanksi``, ``swdkllj``, ``swdkllj.denda``, ``pnbp.stnk``,
    ``pnbp.tnkb``, ``pnbp.pengesahan``); ``description`` names it for the visitor; ``rule``
    says how it was computed; ``year`` is the tax year (the year of its due date) or None
    for a line of the visit itself (PNBP)."""

    code: str
    description: str
    rule: str
    amount: Decimal
    year: int | None = None

    def __post_init__(self) -> None:
        amount = Decimal(self.amount)
        if amount < 0 or amount != amount.to_integral_value():
            raise ValueError(f"bill line {self.code}: {amount} is not a whole, "
                             "non-negative number of rupiah")

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "description": self.description, "rule": self.rule,
                "amount": int(self.amount), "year": self.year}


@dataclass(frozen=True)
class Bill:
    """What a vehicle owes on ``on``. ``tax_due_after`` / ``stnk_valid_after`` are what the
    vehicle's ``tax_due_on`` / ``stnk_valid_until`` become once this bill is paid (see
    :func:`app.tariffs.stnk.settle`); None on a bill built by hand."""

    plate: str
    on: date
    lines: tuple[BillLine, ...]
    tax_due_after: date | None = None
    stnk_valid_after: date | None = None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def years(self) -> tuple[int, ...]:
        """The tax years on this bill, oldest first."""
        return tuple(sorted({line.year for line in self.lines if line.year is not None}))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "plate": self.plate,
            "on": self.on.isoformat(),
            "lines": [line.to_json() for line in self.lines],
            "total": int(self.total),
        }
        if self.tax_due_after is not None and self.stnk_valid_after is not None:
            data["settles"] = {"tax_due_on": self.tax_due_after.isoformat(),
                               "stnk_valid_until": self.stnk_valid_after.isoformat()}
        return data

    def text(self) -> str:
        """The bill as an aligned table for a terminal (what the payment panel shows)."""
        head = ("Tahun", "Uraian", "Jumlah")
        rows = [(str(line.year or ""), line.description, format_rupiah(line.amount))
                for line in self.lines]
        total = ("", "JUMLAH", format_rupiah(self.total))
        widths = [max(len(r[i]) for r in [head, *rows, total]) for i in range(3)]

        def fmt(row: tuple[str, str, str]) -> str:
            return (f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  "
                    f"{row[2]:>{widths[2]}}").rstrip()

        rule_lines = [f"  {line.description}: {line.rule}" for line in self.lines]
        out = [f"Tagihan STNK {self.plate} per {self.on:%d-%m-%Y}", "", fmt(head),
               "-" * (sum(widths) + 4)]
        out += [fmt(row) for row in rows]
        out += ["-" * (sum(widths) + 4), fmt(total), "", "Dasar perhitungan:", *rule_lines]
        return "\n".join(out)
