"""The vehicle and owner register: look-ups, registration all or nothing, the validators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import LoketError
from app.samsat import flow as f
from app.samsat import registry as r
from db.models import AuditEntry, Person, Vehicle
from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, Flow, at, motorcycle


def _counts(flow: Flow) -> tuple[int, int, int]:
    with flow.store.uow(read_only=True) as uow:
        s = uow.session
        return tuple(s.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
                     for m in (Person, Vehicle, AuditEntry))


def test_register_and_find(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    with flow.store.uow(read_only=True) as uow:
        vehicle = r.find_vehicle(uow.session, "kb-1234-ab")
        person = r.find_person(uow.session, "6171 0115 0890 0001")
        assert r.find_vehicle(uow.session, "KB 1 A") is None
        assert r.find_person(uow.session, "6171011508900002") is None
        with pytest.raises(LoketError) as err:
            r.find_vehicle(uow.session, "1234")
        assert err.value.key == "id.plate.military"
        data = r.vehicle_json(vehicle)
        entries = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity.in_(["person", "vehicle"]))).all()
    assert vehicle is not None and person is not None and vehicle.owner_id == person.id
    assert vehicle.njkb == Decimal(15000000) and vehicle.chassis_no == CHASSIS
    assert data["owner"]["name"] == "Budi Santoso" and data["njkb"] == "15000000"
    assert data["tax_due_on"] == "2026-11-01"
    assert sorted(entries) == ["person.registered", "vehicle.registered"]


@pytest.mark.parametrize(("changes", "key"), [
    ({"plate": "KB 12345"}, "id.plate.format"),
    ({"plate": "CD 12 A"}, "id.plate.diplomatic"),
    ({"category": "R5"}, "samsat.category"),
    ({"swdkllj_class": "kapal"}, "samsat.swdkllj_class"),
    ({"usage": "sewa"}, "samsat.usage"),
    ({"njkb": "0"}, "samsat.njkb"),
    ({"njkb": "15.000.000,50"}, "samsat.njkb"),
    ({"njkb": 1.5}, "samsat.njkb"),
    ({"bobot": "-1"}, "samsat.bobot"),
    ({"ownership_order": "0"}, "samsat.ownership_order"),
    ({"chassis_no": "ABC"}, "samsat.chassis.format"),
    ({"engine_no": "JF#1"}, "samsat.engine.format"),
    ({"year_made": "1850"}, "samsat.year_made"),
    ({"engine_cc": "-5"}, "samsat.engine_cc"),
    ({"tax_due_on": "31-02-2026"}, "samsat.date"),
    ({"stnk_valid_until": ""}, "samsat.field.empty"),
    ({"stnk_valid_until": date(2026, 10, 1)}, "samsat.dates.order"),
    ({"stnk_valid_until": date(2032, 11, 1)}, "samsat.dates.span"),
    ({"owner_nik": "6171011508900009"}, "samsat.owner.unknown"),
    ({"make": "x" * 61}, "samsat.field.too_long"),
])
def test_a_bad_vehicle_stores_nothing(flow: Flow, changes: dict, key: str) -> None:
    with flow.store.uow() as uow:
        r.register_person(uow, r.PersonData(NIK, "Budi Santoso"), actor=flow.officer,
                          now=at(0))
    before = _counts(flow)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        r.register_vehicle(uow, motorcycle(**changes), actor=flow.officer, now=at(0))
    assert err.value.key == key
    assert err.value.message("id") and err.value.message("en")
    assert _counts(flow) == before


def test_duplicates_are_refused(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    before = _counts(flow)
    for changes, key in [({}, "samsat.vehicle.exists"),
                         ({"plate": "KB 9 A"}, "samsat.chassis.taken"),
                         ({"plate": "KB 9 A", "chassis_no": "MH1JFM110FK999999"},
                          "samsat.engine.taken")]:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            r.register_vehicle(uow, motorcycle(**changes), actor=flow.officer)
        assert err.value.key == key
    for data, key in [(r.PersonData(NIK, "Budi"), "samsat.person.exists"),
                      (r.PersonData("6171011508900002", " "), "samsat.field.empty"),
                      (r.PersonData("6171011508900002", "Ani", phone="08abc"),
                       "samsat.phone.format"),
                      (r.PersonData("9971011508900002", "Ani"), "id.nik.province")]:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            r.register_person(uow, data, actor=flow.officer)
        assert err.value.key == key
    assert _counts(flow) == before


def test_values_are_normalised() -> None:
    assert r.parse_chassis(" mh1-jfm110 fk123456 ") == CHASSIS
    assert r.parse_engine_no("jfm1e 1123456") == ENGINE
    assert r.parse_category("roda 4") == "R4" and r.parse_category("2") == "R2"
    assert r.parse_njkb("Rp 150.000.000") == Decimal(150000000)
    assert r.parse_njkb(Decimal("2500000")) == Decimal(2500000)
    assert r.parse_bobot("1,050") == "1.05" and r.parse_bobot("1") == "1"
    assert r.parse_date("23-11-2026") == r.parse_date("2026-11-23") == date(2026, 11, 23)
    assert r.parse_ownership_order("") == 1 and r.parse_year_made("") is None
    assert f.parse_method("Tunai").value == "cash"
    assert f.parse_reference("trx 12/ab-3", f.PaymentMethod.TRANSFER) == "TRX12/AB-3"
    assert f.parse_reference("", f.PaymentMethod.CASH) == ""
    assert f.parse_tendered("Rp 500.000") == Decimal(500000) and f.parse_tendered("") is None


# --- property tests: no exception but LoketError, amounts whole and positive ---------------

PARSERS = [r.parse_chassis, r.parse_engine_no, r.parse_category, r.parse_usage,
           r.parse_njkb, r.parse_bobot, r.parse_year_made, r.parse_engine_cc,
           r.parse_ownership_order, r.parse_date, r.parse_phone, r.parse_swdkllj_class,
           f.parse_method, f.parse_tendered,
           lambda v: f.parse_reference(v, f.PaymentMethod.BILLING),
           lambda v: r.parse_text(v, "name", 200, required=True)]
anything = st.one_of(st.text(), st.integers(), st.decimals(), st.floats(), st.none(),
                     st.booleans(), st.from_regex(r"\A[0-9.,\- /]{0,24}\Z"))


@given(anything)
def test_validators_raise_only_loket_errors(value: object) -> None:
    for parse in PARSERS:
        try:
            parse(value)
        except LoketError as exc:
            assert exc.message("id")


@given(st.one_of(st.text(), st.integers(), st.decimals(), st.from_regex(
    r"\A(Rp ?)?[0-9]{1,3}(\.[0-9]{3}){0,4}(,00?)?\Z")))
def test_amounts_are_whole_and_positive(value: object) -> None:
    for parse in (r.parse_njkb, f.parse_tendered):
        try:
            amount = parse(value)
        except LoketError:
            continue
        if amount is not None:
            assert amount > 0 and amount == amount.to_integral_value()
            assert isinstance(amount, Decimal)


@given(st.text(max_size=30))
def test_frame_numbers_are_alphanumeric(value: str) -> None:
    for parse in (r.parse_chassis, r.parse_engine_no):
        try:
            number = parse(value)
        except LoketError:
            continue
        assert number.isascii() and number.isalnum() and number == number.upper()
