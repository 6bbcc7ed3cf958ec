"""The STNK bill, with worked examples computed by hand from the shipped Kalbar tables.

Kalbar (resources/tariffs/pkb-61.yaml): before 5-1-2025 private vehicles 1.5% / 2% / 2.5% /
3% / 3.5%; from 5-1-2025 1.1% / 2% / 3% / 4% / 5% plus opsen 66%. Sanction 2% a month
before, 1% from 5-1-2025, at most 24 months. SWDKLLJ motorcycle 32.000 + card 3.000, car
140.000 + 3.000. PNBP R2 pengesahan 25.000, STNK 100.000, TNKB 60.000; R4 50.000 / 200.000
/ 100.000.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import LoketError
from app.tariffs.bill import Bill, BillLine
from app.tariffs.stnk import (
    Settlement,
    VehicleFacts,
    add_years,
    bill_for_plate,
    settle,
    stnk_bill,
    years_due,
)


def motorcycle(**changes: object) -> VehicleFacts:
    facts = VehicleFacts(plate="KB 1234 AB", category="R2", swdkllj_class="motor-250",
                         usage="pribadi", njkb=Decimal(18_000_000), bobot=Decimal(1),
                         ownership_order=1, tax_due_on=date(2025, 8, 17),
                         stnk_valid_until=date(2028, 8, 17))
    return dataclasses.replace(facts, **changes)


def car(**changes: object) -> VehicleFacts:
    facts = VehicleFacts(plate="KB 1 XY", category="R4", swdkllj_class="car-private",
                         usage="pribadi", njkb=Decimal(200_000_000), bobot=Decimal("1.05"),
                         ownership_order=1, tax_due_on=date(2024, 3, 1),
                         stnk_valid_until=date(2027, 3, 1))
    return dataclasses.replace(facts, **changes)


def amounts(bill: Bill) -> list[tuple[str, int | None, int]]:
    return [(line.code, line.year, int(line.amount)) for line in bill.lines]


def test_motorcycle_one_year_on_time_under_hkpd() -> None:
    bill = stnk_bill(motorcycle(), date(2025, 8, 10))  # a week before the due day
    # PKB 18.000.000 x 1 x 1,1% = 198.000; opsen 66% = 130.680
    assert amounts(bill) == [
        ("pkb", 2025, 198_000),
        ("opsen_pkb", 2025, 130_680),
        ("swdkllj", 2025, 35_000),
        ("pnbp.pengesahan", None, 25_000),
    ]
    assert bill.total == Decimal(388_680)
    pkb = bill.lines[0]
    assert pkb.rule.startswith("NJKB Rp18.000.000 x bobot 1 x 1,1% (kendaraan ke-1, pribadi;")
    assert "Perda Prov. Kalbar No. 1 Tahun 2024" in pkb.rule
    assert "berlaku 05-01-2025" in pkb.rule
    assert bill.lines[1].rule.startswith("66% x PKB Rp198.000")
    assert "Rp32.000 + biaya kartu Rp3.000" in bill.lines[2].rule
    assert settle(bill) == Settlement(tax_due_on=date(2026, 8, 17),
                                      stnk_valid_until=date(2028, 8, 17))


def test_paying_on_the_due_day_is_on_time() -> None:
    bill = stnk_bill(motorcycle(), date(2025, 8, 17))
    assert [line.code for line in bill.lines] == ["pkb", "opsen_pkb", "swdkllj",
                                                   "pnbp.pengesahan"]


def test_car_two_years_late_across_the_2025_rule_change() -> None:
    bill = stnk_bill(car(), date(2025, 3, 15))
    # 2024 (due 1-3-2024, old rule): 210.000.000 x 1,5% = 3.150.000; 13 months late at 2%
    #   = 819.000; no opsen; SWDKLLJ 143.000; 379 days late: 100% x 140.000 capped 100.000.
    # 2025 (due 1-3-2025, HKPD): 210.000.000 x 1,1% = 2.310.000; 1 month at 1% = 23.100;
    #   opsen 66% = 1.524.600, its sanction 1% = 15.246; SWDKLLJ 143.000; 14 days: 25% =
    #   35.000. PNBP pengesahan R4 50.000 (STNK valid until 2027).
    assert amounts(bill) == [
        ("pkb", 2024, 3_150_000),
        ("pkb.sanksi", 2024, 819_000),
        ("swdkllj", 2024, 143_000),
        ("swdkllj.denda", 2024, 100_000),
        ("pkb", 2025, 2_310_000),
        ("pkb.sanksi", 2025, 23_100),
        ("opsen_pkb", 2025, 1_524_600),
        ("opsen_pkb.sanksi", 2025, 15_246),
        ("swdkllj", 2025, 143_000),
        ("swdkllj.denda", 2025, 35_000),
        ("pnbp.pengesahan", None, 50_000),
    ]
    assert bill.total == Decimal(8_312_946)
    assert bill.years == (2024, 2025)
    rules = {(line.code, line.year): line.rule for line in bill.lines}
    assert rules[("pkb", 2024)].startswith("NJKB Rp200.000.000 x bobot 1,05 x 1,5%")
    assert "UU 28/2009" in rules[("pkb", 2024)]
    assert rules[("pkb.sanksi", 2024)].startswith("2% x 13 bulan x Rp3.150.000")
    assert rules[("pkb.sanksi", 2025)].startswith("1% x 1 bulan x Rp2.310.000")
    assert "dibatasi Rp100.000" in rules[("swdkllj.denda", 2024)]
    assert "terlambat 379 hari" in rules[("swdkllj.denda", 2024)]
    assert settle(bill) == Settlement(tax_due_on=date(2026, 3, 1),
                                      stnk_valid_until=date(2027, 3, 1))


def test_five_year_renewal_with_stnk_and_tnkb() -> None:
    facts = motorcycle(njkb=Decimal(20_000_000), tax_due_on=date(2026, 12, 1),
                       stnk_valid_until=date(2026, 12, 1))
    bill = stnk_bill(facts, date(2026, 12, 1))
    # PKB 20.000.000 x 1,1% = 220.000; opsen 145.200; SWDKLLJ 35.000; STNK 100.000 and
    # TNKB 60.000 instead of the pengesahan.
    assert amounts(bill) == [
        ("pkb", 2026, 220_000),
        ("opsen_pkb", 2026, 145_200),
        ("swdkllj", 2026, 35_000),
        ("pnbp.stnk", None, 100_000),
        ("pnbp.tnkb", None, 60_000),
    ]
    assert bill.total == Decimal(560_200)
    assert "ganti STNK dan TNKB 5 tahunan" in bill.lines[3].rule
    assert settle(bill) == Settlement(tax_due_on=date(2027, 12, 1),
                                      stnk_valid_until=date(2031, 12, 1))
    # the day before the STNK ends only the endorsement is due
    early = stnk_bill(facts, date(2026, 11, 30))
    assert [line.code for line in early.lines][-1] == "pnbp.pengesahan"
    assert settle(early).stnk_valid_until == date(2026, 12, 1)


def test_renewal_of_a_car_long_expired_moves_five_years_at_a_time() -> None:
    facts = car(tax_due_on=date(2025, 3, 1), stnk_valid_until=date(2020, 3, 1))
    bill = stnk_bill(facts, date(2025, 4, 2))
    assert [(c, a) for c, _, a in amounts(bill) if c.startswith("pnbp")] == [
        ("pnbp.stnk", 200_000), ("pnbp.tnkb", 100_000)]
    assert settle(bill).stnk_valid_until == date(2030, 3, 1)


@pytest.mark.parametrize(("order", "rate", "pkb"), [
    (1, "1,1%", 1_650_000),
    (2, "2%", 3_000_000),
    (3, "3%", 4_500_000),
    (4, "4%", 6_000_000),
    (5, "5%", 7_500_000),
    (8, "5%", 7_500_000),  # the last rate holds for every later vehicle
])
def test_progressive_rate_by_ownership_order(order: int, rate: str, pkb: int) -> None:
    facts = car(njkb=Decimal(150_000_000), bobot=Decimal(1), ownership_order=order,
                tax_due_on=date(2026, 5, 1))
    bill = stnk_bill(facts, date(2026, 5, 1))
    assert amounts(bill)[:2] == [("pkb", 2026, pkb), ("opsen_pkb", 2026, pkb * 66 // 100)]
    assert f"x {rate} (kendaraan ke-{order}, pribadi;" in bill.lines[0].rule


def test_second_vehicle_before_hkpd_and_other_usages() -> None:
    second = car(njkb=Decimal(150_000_000), bobot=Decimal(1), ownership_order=2,
                 tax_due_on=date(2024, 5, 1))
    assert amounts(stnk_bill(second, date(2024, 5, 1)))[0] == ("pkb", 2024, 3_000_000)  # 2%
    public = dataclasses.replace(second, usage="umum", swdkllj_class="car-public-1600")
    bill = stnk_bill(public, date(2024, 5, 1))
    assert amounts(bill)[:2] == [("pkb", 2024, 1_500_000), ("swdkllj", 2024, 73_000)]  # 1%
    three = motorcycle(category="R3", swdkllj_class="three-wheeler", ownership_order=3,
                       tax_due_on=date(2026, 1, 10))
    assert amounts(stnk_bill(three, date(2026, 1, 10)))[0] == ("pkb", 2026, 198_000)  # 1,1%


@pytest.mark.parametrize(("days", "rate", "fine"), [
    (0, None, 0),
    (1, "25%", 8_000),
    (90, "25%", 8_000),
    (91, "50%", 16_000),
    (180, "50%", 16_000),
    (181, "75%", 24_000),
    (270, "75%", 24_000),
    (271, "100%", 32_000),
    (364, "100%", 32_000),
])
def test_swdkllj_fine_brackets(days: int, rate: str | None, fine: int) -> None:
    due = date(2025, 2, 1)
    bill = stnk_bill(motorcycle(tax_due_on=due), due + timedelta(days=days))
    fines = [line for line in bill.lines if line.code == "swdkllj.denda"]
    if rate is None:
        assert fines == []
        return
    assert [int(line.amount) for line in fines] == [fine]
    assert fines[0].rule.startswith(f"{rate} x iuran Rp32.000 (terlambat {days} hari")


@pytest.mark.parametrize(("days", "fine"), [(1, 40_000), (91, 80_000), (181, 100_000),
                                            (271, 100_000)])
def test_swdkllj_fine_capped_at_100000(days: int, fine: int) -> None:
    due = date(2025, 2, 1)
    truck = car(swdkllj_class="truck", tax_due_on=due)
    bill = stnk_bill(truck, due + timedelta(days=days))
    assert [(line.code, int(line.amount)) for line in bill.lines
            if line.code.startswith("swdkllj")] == [("swdkllj", 163_000), ("swdkllj.denda", fine)]


@pytest.mark.parametrize("klass", ["motor-50", "ambulance", "hearse", "fire-truck"])
def test_exempt_classes_pay_the_card_fee_only_and_no_fine(klass: str) -> None:
    due = date(2025, 6, 1)
    bill = stnk_bill(car(swdkllj_class=klass, tax_due_on=due), date(2025, 12, 31))
    lines = [line for line in bill.lines if line.code.startswith("swdkllj")]
    assert [(line.code, int(line.amount)) for line in lines] == [("swdkllj", 3_000)]
    assert "bebas iuran" in lines[0].rule


def test_pkb_sanction_capped_at_24_months() -> None:
    # tax not paid since 1-3-2021: the 2021 year is 49 months late, counted as 24 at 2%
    facts = car(njkb=Decimal(100_000_000), bobot=Decimal(1), tax_due_on=date(2021, 3, 1),
                stnk_valid_until=date(2027, 3, 1))
    bill = stnk_bill(facts, date(2025, 3, 20))
    sanctions = {line.year: line for line in bill.lines if line.code == "pkb.sanksi"}
    assert int(sanctions[2021].amount) == 1_500_000 * 2 * 24 // 100  # 720.000
    assert int(sanctions[2022].amount) == 720_000  # 37 months, capped too
    assert int(sanctions[2023].amount) == 720_000  # 25 months, counted as 24
    assert int(sanctions[2024].amount) == 1_500_000 * 2 * 13 // 100  # 13 months: 390.000
    assert int(sanctions[2025].amount) == 11_000  # 1.100.000 (1,1%) x 1% x 1 month
    assert "dihitung maks. 24 bulan" in sanctions[2021].rule
    assert bill.years == (2021, 2022, 2023, 2024, 2025)


def test_years_due_and_leap_days() -> None:
    assert years_due(date(2024, 2, 29), date(2027, 3, 1)) == [
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28)]
    assert years_due(date(2026, 5, 1), date(2026, 1, 1)) == [date(2026, 5, 1)]  # in advance
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_bad_facts_are_refused() -> None:
    for facts, key in [
        (motorcycle(category="R5"), "tariff.unknown_category"),
        (motorcycle(usage="sewa"), "tariff.unknown_usage"),
        (motorcycle(swdkllj_class="boat"), "tariff.unknown_class"),
        (motorcycle(njkb=Decimal(-1)), "tariff.bad_facts"),
        (motorcycle(bobot=Decimal(0)), "tariff.bad_facts"),
        (motorcycle(ownership_order=0), "tariff.bad_facts"),
        (motorcycle(province=99), "tariff.unknown_province"),
        (motorcycle(tax_due_on=date(2005, 1, 1)), "tariff.no_rule"),
    ]:
        with pytest.raises(LoketError) as exc:
            stnk_bill(facts, date(2025, 1, 1))
        assert exc.value.key == key
        assert exc.value.message("id")


def test_bill_json_and_text() -> None:
    bill = stnk_bill(motorcycle(), date(2025, 8, 10))
    data = bill.to_json()
    assert data["plate"] == "KB 1234 AB"
    assert data["on"] == "2025-08-10"
    assert data["total"] == 388_680
    assert data["lines"][0] == {"code": "pkb", "description": "PKB pokok 2025",
                                "rule": bill.lines[0].rule, "amount": 198_000, "year": 2025}
    assert data["settles"] == {"tax_due_on": "2026-08-17", "stnk_valid_until": "2028-08-17"}
    text = bill.text()
    assert "Rp388.680" in text and "PKB pokok 2025" in text
    widths = {len(row) for row in text.splitlines()[4:8]}
    assert len(widths) == 1  # amounts right-aligned in one column


def test_bill_lines_refuse_fractions_and_negatives() -> None:
    with pytest.raises(ValueError):
        BillLine("x", "x", "x", Decimal("1.5"))
    with pytest.raises(ValueError):
        BillLine("x", "x", "x", Decimal(-1))
    with pytest.raises(ValueError):
        settle(Bill("KB 1 A", date(2025, 1, 1), ()))


def test_bill_for_plate(catalog_store) -> None:
    from db.models import Vehicle

    with catalog_store.uow() as uow:
        uow.session.add(Vehicle(plate="KB 1234 AB", category="R2", swdkllj_class="motor-250",
                                usage="pribadi", njkb=Decimal(18_000_000), bobot="1",
                                ownership_order=1, tax_due_on=date(2025, 8, 17),
                                stnk_valid_until=date(2028, 8, 17)))
        uow.commit()
    with catalog_store.uow(read_only=True) as uow:
        bill = bill_for_plate(uow.session, "kb-1234-ab", date(2025, 8, 10))
        assert bill.plate == "KB 1234 AB"
        assert bill.total == Decimal(388_680)
        with pytest.raises(LoketError) as exc:
            bill_for_plate(uow.session, "KB 9 Z", date(2025, 8, 10))
        assert exc.value.key == "tariff.unknown_vehicle"
        assert "KB 9 Z" in exc.value.message("id")
        with pytest.raises(LoketError) as exc:
            bill_for_plate(uow.session, "12345", date(2025, 8, 10))
        assert exc.value.key.startswith("id.plate.")


# --- properties ------------------------------------------------------------------------------

facts_strategy = st.builds(
    VehicleFacts,
    plate=st.just("KB 1 A"),
    category=st.sampled_from(["R2", "R3", "R4"]),
    swdkllj_class=st.sampled_from(["motor-50", "motor-250", "motor-250-plus",
                                   "three-wheeler", "car-private", "car-public-1600",
                                   "bus-private", "bus-public", "truck", "heavy",
                                   "ambulance", "hearse", "fire-truck"]),
    usage=st.sampled_from(["pribadi", "umum", "dinas"]),
    njkb=st.integers(min_value=0, max_value=5 * 10**9).map(Decimal),
    bobot=st.decimals(min_value=Decimal("0.001"), max_value=Decimal(5), places=3),
    ownership_order=st.integers(min_value=1, max_value=12),
    tax_due_on=st.dates(min_value=date(2018, 1, 1), max_value=date(2030, 12, 31)),
    stnk_valid_until=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_strategy, st.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31)))
def test_bill_amounts_whole_non_negative_and_add_up(facts: VehicleFacts, on: date) -> None:
    bill = stnk_bill(facts, on)
    assert bill.lines
    for line in bill.lines:
        assert line.amount >= 0
        assert line.amount == line.amount.to_integral_value()
        assert line.rule and line.description
    assert bill.total == sum(line.amount for line in bill.lines)
    assert bill.to_json()["total"] == sum(line["amount"] for line in bill.to_json()["lines"])
    after = settle(bill)
    assert after.tax_due_on > on or after.tax_due_on > facts.tax_due_on
    assert after.tax_due_on > facts.tax_due_on
    assert after.stnk_valid_until > on or after.stnk_valid_until == facts.stnk_valid_until
    # paying later never costs less
    later = stnk_bill(facts, on + timedelta(days=40))
    assert later.total >= bill.total


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=24))
def test_any_plate_text_gives_a_bill_or_a_loket_error(text: str) -> None:
    class NoVehicles:
        def scalars(self, _query: object) -> NoVehicles:
            return self

        def first(self) -> None:
            return None

    with pytest.raises(LoketError):
        bill_for_plate(NoVehicles(), text, date(2026, 1, 1))  # type: ignore[arg-type]


def test_an_office_edits_its_tables(tmp_path) -> None:
    """The bill follows the tables folder it is given: a new dated entry takes effect."""
    import shutil

    import resources
    from app.tariffs.rules import TariffTables

    folder = tmp_path / "tariffs"
    shutil.copytree(resources.path("tariffs"), folder)
    path = folder / "pkb-61.yaml"
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - valid_from: 2026-01-01\n"
        "    basis: Perda Prov. Kalbar (perubahan, contoh)\n"
        "    rounding: up-100\n"
        "    rates: {pribadi: [1%], umum: [0.5%], dinas: [0.5%]}\n"
        "    opsen_rate: 50%\n"
        "    opsen_basis: contoh\n"), encoding="utf-8")
    facts = motorcycle(njkb=Decimal(18_000_050), tax_due_on=date(2026, 2, 1))
    bill = stnk_bill(facts, date(2026, 2, 1), TariffTables(folder))
    # 18.000.050 x 1% = 180.000,5 -> up to the next hundred: 180.100; opsen 50% = 90.050 ->
    # 90.100
    assert amounts(bill)[:2] == [("pkb", 2026, 180_100), ("opsen_pkb", 2026, 90_100)]
    assert "berlaku 01-01-2026" in bill.lines[0].rule
    # the shipped tables are untouched: 1,1%
    assert amounts(stnk_bill(facts, date(2026, 2, 1)))[0] == ("pkb", 2026, 198_001)
