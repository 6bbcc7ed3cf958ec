"""The Samsat STNK bill (Loket 2): PKB, opsen PKB, sanctions, SWDKLLJ and PNBP.

For each tax year due (the vehicle's ``tax_due_on`` and every anniversary of it up to the
day of payment; when nothing is due yet, the coming year, paid in advance) the bill has:

1. ``pkb``: NJKB x bobot x rate of the PKB table in force on that year's due date, by the
   vehicle's usage and ownership order (progressive), rounded by the table's rule;
2. ``pkb.sanksi``: interest on it by months late (the table named by the PKB table's
   ``interest``, the rule in force on the due date; a started month counts, capped);
3. ``opsen_pkb`` and ``opsen_pkb.sanksi`` when the PKB rule of that year has an opsen
   rate (from 5 January 2025: 66% of the PKB owed, for the regency/city);
4. ``swdkllj``: the class's contribution plus the card fee, and ``swdkllj.denda``: the
   late fine by days late (bracket rate x contribution, capped), per year.

Then once per visit, by the PNBP table in force on the day of payment: ``pnbp.stnk`` and
``pnbp.tnkb`` when the five-year STNK has expired (``stnk_valid_until <= on``), otherwise
``pnbp.pengesahan`` (the yearly endorsement done at this visit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.errors import LoketError
from app.identifiers import parse_plate
from app.money import format_rupiah, round_rupiah
from app.tariffs import messages as _messages  # noqa: F401  (registers the messages)
from app.tariffs.bill import Bill, BillLine
from app.tariffs.interest import late_interest, months_late
from app.tariffs.rules import CATEGORIES, USAGES, TariffTables
from app.tariffs.tables import decimal_text, format_percent

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Vehicle

STNK_YEARS = 5
DEFAULT_PROVINCE = 61  # Kalimantan Barat


@dataclass(frozen=True)
class VehicleFacts:
    """What the bill is computed from (a copy of the register's data)."""

    plate: str
    category: str  # R2, R3, R4
    swdkllj_class: str  # a class code of resources/tariffs/swdkllj.yaml
    usage: str  # pribadi, umum, dinas
    njkb: Decimal
    bobot: Decimal
    ownership_order: int
    tax_due_on: date
    stnk_valid_until: date
    province: int = DEFAULT_PROVINCE

    @classmethod
    def from_vehicle(cls, vehicle: Vehicle, *, province: int = DEFAULT_PROVINCE) -> VehicleFacts:
        bobot = decimal_text(vehicle.bobot)
        if bobot is None:
            raise LoketError("tariff.bad_facts", plate=vehicle.plate,
                             reason=f"bobot {vehicle.bobot!r}")
        return cls(plate=vehicle.plate, category=vehicle.category,
                   swdkllj_class=vehicle.swdkllj_class, usage=vehicle.usage,
                   njkb=Decimal(vehicle.njkb), bobot=bobot,
                   ownership_order=vehicle.ownership_order, tax_due_on=vehicle.tax_due_on,
                   stnk_valid_until=vehicle.stnk_valid_until, province=province)

    def check(self) -> None:
        """Refuse facts no bill can be computed from (LoketError ``tariff.*``)."""
        if self.category not in CATEGORIES:
            raise LoketError("tariff.unknown_category", value=self.category,
                             choices=", ".join(CATEGORIES))
        if self.usage not in USAGES:
            raise LoketError("tariff.unknown_usage", value=self.usage,
                             choices=", ".join(USAGES))
        reason = None
        if not self.njkb.is_finite() or self.njkb < 0 or self.njkb != self.njkb.to_integral():
            reason = f"NJKB {self.njkb}"
        elif not self.bobot.is_finite() or self.bobot <= 0:
            reason = f"bobot {self.bobot}"
        elif self.ownership_order < 1:
            reason = f"urutan kepemilikan {self.ownership_order}"
        if reason:
            raise LoketError("tariff.bad_facts", plate=self.plate, reason=reason)


@dataclass(frozen=True)
class Settlement:
    """The vehicle's dates once a bill is paid."""

    tax_due_on: date
    stnk_valid_until: date


def add_years(day: date, years: int) -> date:
    """``day`` ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def years_due(tax_due_on: date, on: date) -> list[date]:
    """The due dates to pay on ``on``: ``tax_due_on`` and its anniversaries up to ``on``;
    when ``tax_due_on`` is still ahead, just that one (the coming year, in advance)."""
    dues = [tax_due_on]
    while True:
        following = add_years(tax_due_on, len(dues))
        if following > on:
            return dues
        dues.append(following)


def _number(value: Decimal) -> str:
    """1 -> ``1``, 1.25 -> ``1,25`` (Indonesian decimal comma)."""
    return f"{value.normalize():f}".replace(".", ",")


def stnk_bill(facts: VehicleFacts, on: date, tables: TariffTables | None = None) -> Bill:
    """The itemised bill of ``facts`` paid on ``on`` (see the module's description)."""
    facts.check()
    tables = tables or TariffTables()
    pkb_table = tables.pkb(facts.province)
    swdkllj_table = tables.swdkllj()
    lines: list[BillLine] = []
    dues = years_due(facts.tax_due_on, on)
    for due in dues:
        year = due.year
        due_text = f"jatuh tempo {due:%d-%m-%Y}"
        # PKB
        rule = pkb_table.at(due)
        rate = rule.rate(facts.usage, facts.category, facts.ownership_order)
        pkb = round_rupiah(facts.njkb * facts.bobot * rate, rule.span.rounding)
        lines.append(BillLine(
            "pkb", f"PKB pokok {year}",
            f"NJKB {format_rupiah(facts.njkb)} x bobot {_number(facts.bobot)} x "
            f"{format_percent(rate)} (kendaraan ke-{facts.ownership_order}, {facts.usage}; "
            f"{rule.span.basis}, {rule.span.since}; {due_text})", pkb, year))
        months = months_late(due, on)
        interest = tables.pkb_interest(facts.province, due) if months else None
        if interest is not None:
            lines.append(BillLine("pkb.sanksi", f"Sanksi PKB {year}",
                                  interest.explain(pkb, months, due=due),
                                  late_interest(pkb, due, on, interest), year))
        if rule.opsen_rate is not None:
            opsen = round_rupiah(pkb * rule.opsen_rate, rule.span.rounding)
            lines.append(BillLine(
                "opsen_pkb", f"Opsen PKB {year}",
                f"{format_percent(rule.opsen_rate)} x PKB {format_rupiah(pkb)} "
                f"({rule.opsen_basis}; {rule.span.since})", opsen, year))
            if interest is not None:
                lines.append(BillLine("opsen_pkb.sanksi", f"Sanksi opsen PKB {year}",
                                      interest.explain(opsen, months, due=due),
                                      late_interest(opsen, due, on, interest), year))
        # SWDKLLJ
        swd = swdkllj_table.at(due)
        klass = swd.klass(facts.swdkllj_class)
        exempt = " (bebas iuran)" if klass.contribution == 0 else ""
        lines.append(BillLine(
            "swdkllj", f"SWDKLLJ {year}",
            f"Iuran golongan {klass.code}{exempt} {format_rupiah(klass.contribution)} + "
            f"biaya kartu {format_rupiah(swd.card_fee)} ({klass.name}; {swd.span.basis}, "
            f"{swd.span.since})", klass.contribution + swd.card_fee, year))
        days = (on - due).days
        fine_rate = swd.fine_rate(days) if days > 0 else Decimal(0)
        if fine_rate > 0 and klass.contribution > 0:
            raw = round_rupiah(klass.contribution * fine_rate, swd.span.rounding)
            fine = min(raw, swd.fine_cap)
            capped = f", dibatasi {format_rupiah(swd.fine_cap)}" if raw > fine else (
                f", maks. {format_rupiah(swd.fine_cap)}")
            lines.append(BillLine(
                "swdkllj.denda", f"Denda SWDKLLJ {year}",
                f"{format_percent(fine_rate)} x iuran {format_rupiah(klass.contribution)} "
                f"(terlambat {days} hari{capped}; {swd.span.basis}; {due_text})", fine, year))
    # PNBP, once for this visit
    pnbp = tables.pnbp().at(on)
    renew = facts.stnk_valid_until <= on
    items = ("stnk", "tnkb") if renew else ("pengesahan",)
    why = (f"STNK berlaku s.d. {facts.stnk_valid_until:%d-%m-%Y}: ganti STNK dan TNKB "
           f"{STNK_YEARS} tahunan" if renew else "sekali per kunjungan")
    for item in items:
        lines.append(BillLine(
            f"pnbp.{item}", f"PNBP {pnbp.names[item]}",
            f"Kendaraan {facts.category}: {format_rupiah(pnbp.fee(item, facts.category))} ({why}; "
            f"{pnbp.span.basis}, {pnbp.span.since})", pnbp.fee(item, facts.category)))
    stnk_after = facts.stnk_valid_until
    while stnk_after <= on:
        stnk_after = add_years(stnk_after, STNK_YEARS)
    return Bill(plate=facts.plate, on=on, lines=tuple(lines),
                tax_due_after=add_years(facts.tax_due_on, len(dues)),
                stnk_valid_after=stnk_after)


def settle(bill: Bill) -> Settlement:
    """What the vehicle's ``tax_due_on`` and ``stnk_valid_until`` become once ``bill`` is
    paid: the day after the last year paid ends (the next anniversary) and, after a
    five-year renewal, the old validity moved on by five years until it lies after the
    payment day. Pure: the payment service writes these to the Vehicle."""
    if bill.tax_due_after is None or bill.stnk_valid_after is None:
        raise ValueError("this bill was not made by stnk_bill(): it cannot settle anything")
    return Settlement(tax_due_on=bill.tax_due_after, stnk_valid_until=bill.stnk_valid_after)


def bill_for_plate(session: Session, plate_text: str, on: date, *,
                   tables: TariffTables | None = None) -> Bill:
    """The bill of the registered vehicle with this plate (typed as the officer types it).

    LoketError: ``id.plate.*`` for a bad plate, ``tariff.unknown_vehicle`` when it is not
    registered, ``tariff.*`` for data or tables that cannot give a bill."""
    from db.models import Vehicle

    plate = str(parse_plate(plate_text))
    vehicle = session.scalars(select(Vehicle).where(Vehicle.plate == plate)).first()
    if vehicle is None:
        raise LoketError("tariff.unknown_vehicle", plate=plate)
    return stnk_bill(VehicleFacts.from_vehicle(vehicle), on, tables)
