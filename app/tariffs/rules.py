"""The Samsat tariff tables: PKB per province, SWDKLLJ and PNBP (see resources/tariffs).

Each loader returns a :class:`app.tariffs.tables.DatedTable` whose ``at(day)`` gives the
rule in force that day. :class:`TariffTables` bundles them for the STNK bill and lets
tests use their own folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.catalog.source import Fields
from app.errors import LoketError
from app.tariffs.interest import InterestRule, load_interest_table
from app.tariffs.tables import (
    DatedTable,
    Span,
    load_table,
    money,
    money_value,
    percent,
    percent_value,
    table_path,
)

USAGES = ("pribadi", "umum", "dinas")
CATEGORIES = ("R2", "R3", "R4")
PNBP_ITEMS = ("stnk", "tnkb", "pengesahan")


# --- PKB -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PkbRule:
    """PKB rates in force from ``span.valid_from``: per usage, by ownership order.

    ``rates[usage]`` lists the rate of the 1st, 2nd, ... vehicle; the last one applies to
    every later vehicle too. ``by_category`` overrides it for a category (e.g. R3).
    ``opsen_rate`` is the opsen PKB of the regency/city (a fraction of the PKB owed), or
    None before HKPD."""

    span: Span
    rates: dict[str, tuple[Decimal, ...]]
    by_category: dict[str, dict[str, tuple[Decimal, ...]]] = field(default_factory=dict)
    opsen_rate: Decimal | None = None
    opsen_basis: str = ""

    def rate(self, usage: str, category: str, order: int) -> Decimal:
        if usage not in USAGES:
            raise LoketError("tariff.unknown_usage", value=usage, choices=", ".join(USAGES))
        table = self.by_category.get(category, {}).get(usage) or self.rates[usage]
        return table[min(max(order, 1), len(table)) - 1]


def _rate_list(f: Fields, key: str) -> tuple[Decimal, ...] | None:
    value = f.raw(key)
    where = f.name(key)
    if isinstance(value, str):
        rate = percent_value(value, f, f.line_of(key), where)
        return (rate,) if rate is not None else None
    if not isinstance(value, list) or not value:
        f.problem(f.line_of(key), "tariff.rate", field=where, value=value)
        return None
    lines = getattr(value, "item_lines", [f.line_of(key)] * len(value))
    rates = [percent_value(item, f, lines[i], f"{where}[{i + 1}]")
             for i, item in enumerate(value)]
    return tuple(r for r in rates if r is not None) if None not in rates else None


def _usage_rates(f: Fields, *, complete: bool) -> dict[str, tuple[Decimal, ...]]:
    out: dict[str, tuple[Decimal, ...]] = {}
    for usage in USAGES:
        if usage not in f.data:
            if complete:
                f.problem(f.line, "tariff.missing_key", field=f.path, item=usage)
            continue
        rates = _rate_list(f, usage)
        if rates is not None:
            out[usage] = rates
    f.finish()
    return out


def _parse_pkb(f: Fields, span: Span) -> PkbRule | None:
    sink_before = len(f.sink)
    rates_f = f.sub("rates")
    rates = _usage_rates(rates_f, complete=True) if rates_f and rates_f.ok else {}
    by_category: dict[str, dict[str, tuple[Decimal, ...]]] = {}
    cats = f.sub("by_category", required=False)
    if cats is not None and cats.ok:
        for category in list(cats.data):
            if category not in CATEGORIES:
                continue  # reported by finish() as an unknown field
            sub = cats.sub(category)
            if sub is not None and sub.ok:
                by_category[category] = _usage_rates(sub, complete=False)
        cats.finish()
    opsen = percent(f, "opsen_rate", required=False)
    opsen_basis = f.text("opsen_basis", required=opsen is not None)
    if len(f.sink) > sink_before:
        return None
    return PkbRule(span=span, rates=rates, by_category=by_category, opsen_rate=opsen,
                   opsen_basis=opsen_basis)


def _pkb_header(f: Fields) -> dict[str, Any]:
    return {"province": f.integer("province"), "province_name": f.text("province_name"),
            "interest": f.text("interest")}


def pkb_table_name(province: int) -> str:
    return f"pkb-{province:02d}"


def load_pkb_table(province: int, *, directory: Path | None = None) -> DatedTable[PkbRule]:
    """``pkb-<province>.yaml``, e.g. ``pkb-61.yaml`` for Kalimantan Barat."""
    name = pkb_table_name(province)
    if not table_path(name, directory).exists():
        raise LoketError("tariff.unknown_province", province=province, name=name)
    return load_table(name, "pkb", _parse_pkb, parse_header=_pkb_header, directory=directory)


# --- SWDKLLJ ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SwdklljClass:
    code: str
    name: str
    contribution: Decimal  # the SWDKLLJ itself; 0 for the exempt classes


@dataclass(frozen=True)
class SwdklljRule:
    """Yearly contribution by class plus the card fee (biaya kartu), and the late fine:
    ``fine_brackets`` are (first day late, rate of the contribution), capped at
    ``fine_cap``."""

    span: Span
    card_fee: Decimal
    classes: dict[str, SwdklljClass]
    fine_brackets: tuple[tuple[int, Decimal], ...]
    fine_cap: Decimal

    def klass(self, code: str) -> SwdklljClass:
        if code not in self.classes:
            raise LoketError("tariff.unknown_class", value=code, table=self.span.table,
                             choices=", ".join(self.classes))
        return self.classes[code]

    def fine_rate(self, days_late: int) -> Decimal:
        rate = Decimal(0)
        for first_day, bracket_rate in self.fine_brackets:
            if days_late >= first_day:
                rate = bracket_rate
        return rate


def _parse_swdkllj(f: Fields, span: Span) -> SwdklljRule | None:
    sink_before = len(f.sink)
    card_fee = money(f, "card_fee")
    classes: dict[str, SwdklljClass] = {}
    cls_f = f.sub("classes")
    if cls_f is not None and cls_f.ok:
        for code in list(cls_f.data):
            one = cls_f.sub(code)
            if one is None or not one.ok:
                continue
            name = one.text("name")
            amount = money(one, "contribution")
            one.finish()
            if amount is not None:
                classes[code] = SwdklljClass(code, name, amount)
        cls_f.finish()
    brackets: list[tuple[int, Decimal]] = []
    fine_cap = None
    fine = f.sub("late_fine")
    if fine is not None and fine.ok:
        fine_cap = money(fine, "cap")
        for item, line, where in fine.items("brackets"):
            b = Fields(item, where, fine.file, fine.sink, line)
            first = b.integer("from_day")
            rate = percent(b, "rate")
            b.finish()
            if first is not None and rate is not None:
                brackets.append((first, rate))
        days = [d for d, _ in brackets]
        if brackets and (days[0] != 1 or days != sorted(set(days))):
            fine.problem(fine.line_of("brackets"), "tariff.brackets", field=fine.name("brackets"))
        fine.finish()
    if len(f.sink) > sink_before or card_fee is None or fine_cap is None:
        return None
    return SwdklljRule(span=span, card_fee=card_fee, classes=classes,
                       fine_brackets=tuple(brackets), fine_cap=fine_cap)


def load_swdkllj_table(*, directory: Path | None = None) -> DatedTable[SwdklljRule]:
    return load_table("swdkllj", "swdkllj", _parse_swdkllj, directory=directory)


# --- PNBP ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PnbpRule:
    """Police fees by item (``stnk``, ``tnkb``, ``pengesahan``) and category (R2/R3/R4)."""

    span: Span
    fees: dict[str, dict[str, Decimal]]
    names: dict[str, str]

    def fee(self, item: str, category: str) -> Decimal:
        if category not in CATEGORIES:
            raise LoketError("tariff.unknown_category", value=category,
                             choices=", ".join(CATEGORIES))
        return self.fees[item][category]


def _parse_pnbp(f: Fields, span: Span) -> PnbpRule | None:
    sink_before = len(f.sink)
    fees: dict[str, dict[str, Decimal]] = {}
    names: dict[str, str] = {}
    items = f.sub("items")
    if items is not None and items.ok:
        for item in PNBP_ITEMS:
            one = items.sub(item)
            if one is None or not one.ok:
                continue
            names[item] = one.text("name")
            amounts = one.sub("fee")
            if amounts is not None and amounts.ok:
                fees[item] = {}
                for category in CATEGORIES:
                    if category not in amounts.data:
                        amounts.problem(amounts.line, "tariff.missing_key", field=amounts.path,
                                        item=category)
                        continue
                    amounts.raw(category)
                    value = money_value(amounts.data[category], amounts,
                                        amounts.line_of(category), amounts.name(category))
                    if value is not None:
                        fees[item][category] = value
                amounts.finish()
            one.finish()
        items.finish()
    if len(f.sink) > sink_before:
        return None
    return PnbpRule(span=span, fees=fees, names=names)


def load_pnbp_table(*, directory: Path | None = None) -> DatedTable[PnbpRule]:
    return load_table("pnbp", "pnbp", _parse_pnbp, directory=directory)


# --- all together ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TariffTables:
    """Where the STNK bill reads its tables from (``None``: ``resources/tariffs``)."""

    directory: Path | None = None

    def pkb(self, province: int) -> DatedTable[PkbRule]:
        return load_pkb_table(province, directory=self.directory)

    def pkb_interest(self, province: int, on: date) -> InterestRule:
        name = self.pkb(province).header["interest"]
        return load_interest_table(name, directory=self.directory).at(on)

    def swdkllj(self) -> DatedTable[SwdklljRule]:
        return load_swdkllj_table(directory=self.directory)

    def pnbp(self) -> DatedTable[PnbpRule]:
        return load_pnbp_table(directory=self.directory)

    def check(self) -> list[str]:
        """Load every table of the folder; the names checked (raises on the first bad one)."""
        from app.tariffs.tables import default_directory

        folder = self.directory or default_directory()
        try:
            paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else None
        except OSError:  # a name the system refuses (too long, not allowed)
            paths = None
        if not paths:
            raise LoketError("tariff.no_tables", folder=str(folder)[:200])
        checked = []
        for path in paths:
            name = path.stem
            if name.startswith("pkb-") and name[4:].isdigit():
                table = self.pkb(int(name[4:]))
                load_interest_table(table.header["interest"], directory=self.directory)
            elif name == "swdkllj":
                self.swdkllj()
            elif name == "pnbp":
                self.pnbp()
            else:
                load_interest_table(name, directory=self.directory)
            checked.append(name)
        return checked
