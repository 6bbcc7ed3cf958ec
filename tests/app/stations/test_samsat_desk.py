"""The Samsat panel's desk returns plain data (the register's rows as JSON, never ORM
objects) from units of work of its own, passes a refusal unchanged, and says a lost database
as ``db.unreachable``."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest

from app.access import Actor
from app.errors import LoketError
from app.stations import samsat_desk as sd
from app.store import Store
from tests.app.queue.conftest import MONDAY_9
from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, OFFICE, PLATE, Flow, at, motorcycle
from tests.app.stations.conftest import PLAIN, assert_frozen


def assert_plain(value: object, where: str = "result") -> None:
    """Frozen dataclasses, tuples, dicts and plain values, money (Decimal) included."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert type(value).__dataclass_params__.frozen, f"{where} is not frozen"  # type: ignore[attr-defined]
        for field in dataclasses.fields(value):
            assert_plain(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            assert_plain(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert_plain(item, f"{where}[{key!r}]")
    else:
        assert isinstance(value, (*PLAIN, Decimal)), f"{where} is a {type(value).__name__}"


class Clock:
    def __init__(self) -> None:
        self.now = MONDAY_9

    def __call__(self) -> datetime:
        return self.now


def _desk(store: Store, clock: Clock | None = None) -> sd.SamsatDesk:
    return sd.SamsatDesk(store, OFFICE, clock=clock or Clock())


def test_the_register_is_looked_up_and_added_to_as_plain_data(catalog_store: Store) -> None:
    flow = Flow(catalog_store)
    desk = _desk(catalog_store)
    assert desk.look_up(None, None) == sd.Register(None, None)
    assert desk.look_up(PLATE, NIK) == sd.Register(None, None)
    owner = desk.register_owner(sd.PersonData(NIK, "Budi Santoso", "Pontianak"), flow.officer)
    assert owner == sd.Owner(NIK, "Budi Santoso", "Pontianak")
    vehicle = desk.register_vehicle(motorcycle(), flow.officer)
    assert vehicle["plate"] == PLATE and vehicle["owner"]["nik"] == NIK
    found = desk.look_up(PLATE, NIK)
    assert_frozen(found)
    assert_plain(found)
    assert (found.vehicle, found.owner) == (vehicle, owner)
    with pytest.raises(LoketError) as again:
        desk.register_owner(sd.PersonData(NIK, "Budi", ""), flow.officer)
    assert again.value.key == "samsat.person.exists"


def test_a_visit_checked_registered_paid_and_handed_over_through_the_desk(
        catalog_store: Store) -> None:
    flow = Flow(catalog_store)
    flow.register_owner_and_vehicle()
    clock = Clock()
    desk = _desk(catalog_store, clock)
    assert desk.counter_stages("L2") == ("loket-2",)
    visit = flow.issue()
    flow.call("CF", 1)
    clock.now = at(2)
    check = desk.record_check(visit, chassis=CHASSIS, engine=ENGINE, plate=PLATE,
                              actor=flow.officer)
    assert_plain(check)
    assert check.passed is True
    case = desk.case(visit, "cek-fisik")
    assert_plain(case)
    assert case.view.status == "checked" and case.bill is None
    flow.finish("CF", 3)
    flow.call("L1", 4)
    flow.tick(visit)
    clock.now = at(6)
    view = desk.register(visit, plate=PLATE, nik=NIK, actor=flow.officer)
    assert view.status == "registered"
    flow.finish("L1", 7)
    flow.call("L2", 8)
    clock.now = at(9)
    bill = desk.case(visit, "loket-2").bill
    assert bill is not None and bill.total > 0
    assert desk.case(visit, "loket-1").bill is None  # the bill is the payment page's
    paid = desk.pay(visit, method="cash", reference="", tendered="Rp500.000",
                    expected_total=bill.total, actor=flow.officer)
    assert paid.total == bill.total and paid.change == Decimal(500000) - bill.total
    as_paid = desk.case(visit, "loket-2")
    assert as_paid.view.status == "paid" and as_paid.bill is not None
    assert as_paid.bill.total == bill.total
    flow.finish("L2", 11)
    flow.call("L3", 12)
    clock.now = at(21)
    handed = desk.hand_over(visit, handed_to="Budi Santoso", endorsed=True, stamped=True,
                            actor=flow.officer)
    assert_plain(handed)
    assert handed.plate == PLATE and handed.timing.minutes == 21
    assert desk.place_of("samsat-payment") == "Loket 2 Pembayaran"
    assert desk.place_of("no-such-work") is None


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    desk = _desk(lost_store)
    calls = (lambda: desk.counter_stages("L1"), lambda: desk.case(1, "loket-2"),
             lambda: desk.look_up(PLATE, NIK), lambda: desk.place_of("samsat-payment"),
             lambda: desk.record_check(1, chassis=CHASSIS, engine=ENGINE, plate=None,
                                       actor=Actor("petugas1")),
             lambda: desk.register_owner(sd.PersonData(NIK, "Budi", ""), Actor("petugas1")),
             lambda: desk.register_vehicle(motorcycle(), Actor("petugas1")),
             lambda: desk.register(1, plate=PLATE, nik=NIK, actor=Actor("petugas1")),
             lambda: desk.pay(1, method="cash", reference="", tendered="Rp500.000",
                              expected_total=Decimal(1), actor=Actor("petugas1")),
             lambda: desk.hand_over(1, handed_to="Budi", endorsed=True, stamped=True,
                                    actor=Actor("petugas1")))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
