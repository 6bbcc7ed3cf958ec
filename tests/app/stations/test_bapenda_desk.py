"""The Bapenda desk registers, deactivates, bills and takes payments in units of work of its
own and returns plain frozen data; refusals pass as they are and a lost database is
``db.unreachable``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.access import Actor
from app.bapenda import assessments as asm
from app.errors import LoketError
from app.stations.bapenda_desk import BapendaDesk
from app.store import Store
from tests.app.bapenda.conftest import BATU, BATU_ALL_P, MONDAY_9, personal
from tests.app.stations.conftest import assert_frozen
from tests.app.stations.desk_data import assert_desk_plain


def _desk(store: Store, who: str = "petugas") -> BapendaDesk:
    return BapendaDesk(store, BATU, "L3", actor=lambda: who, clock=lambda: MONDAY_9)


def test_the_form_reads_its_choices_and_checklist(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    options = desk.form_options()
    assert_frozen(options)
    assert_desk_plain(options)
    assert [code for code, _name in options.districts] == ["01", "02", "03"]
    assert options.zone == "WIB"
    items = desk.registration_checklist("P")
    assert isinstance(items, tuple)
    assert_desk_plain(items)
    assert sorted(i.code for i in items if i.needed) == sorted(BATU_ALL_P)
    with pytest.raises(LoketError) as bad:  # a refusal passes as it is
        desk.registration_checklist("X")
    assert bad.value.key != "db.unreachable"


def test_register_find_and_deactivate_return_plain_data(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    info = desk.register(personal())
    assert_frozen(info)
    assert_desk_plain(info)
    assert info.npwpd and info.status == "active" and info.letter_number
    with pytest.raises(LoketError) as twice:
        desk.register(personal())
    assert twice.value.key == "bapenda.nik_registered"
    found = desk.find_taxpayer(info.npwpd)
    assert_desk_plain(found)
    assert found == info
    with pytest.raises(LoketError) as unknown:
        desk.find_taxpayer("P.9.9999999.01.01")
    assert unknown.value.key == "bapenda.unknown_npwpd"
    with pytest.raises(LoketError) as officer:  # a supervisor's act: the officer may not
        desk.deactivate(info.npwpd, "usaha-tutup", actor=Actor("petugas"))
    assert officer.value.key == "access.role"
    done = desk.deactivate(info.npwpd, "usaha-tutup", actor=Actor("pengawas"))
    assert_desk_plain(done)
    assert (done.status, done.deactivation_reason) == ("inactive", "usaha-tutup")
    assert desk.find_taxpayer(info.npwpd).status == "inactive"


def test_the_card_is_printed_and_its_result_is_plain(catalog_store: Store,
                                                     tmp_path: Path) -> None:
    desk = _desk(catalog_store)
    info = desk.register(personal())
    failed = desk.print_card(info.npwpd, f"sim://?dir={tmp_path}&fault=card_out")
    assert_frozen(failed)
    assert_desk_plain(failed)
    assert failed.state != "done"
    again = desk.print_card(info.npwpd, f"sim://?dir={tmp_path}", reprint=True)
    assert again.state == "done" and (tmp_path / f"npwpd-{info.npwpd}.pdf").exists()
    with pytest.raises(LoketError) as none:
        desk.print_card(info.npwpd, None)  # counter L3 has no card printer
    assert none.value.key == "bapenda.no_card_printer"


def test_lookup_bill_and_pay(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    npwpd = desk.register(personal()).npwpd
    with catalog_store.uow() as uow:
        skpd = asm.assess(uow, npwpd, principal=Decimal(2_000_000), period="2026-07",
                          issued_on="2026-07-15", due_on="2026-08-15", office_code=BATU,
                          actor=Actor("petugas"), now=MONDAY_9 - timedelta(days=1))
    found = desk.lookup(npwpd)
    assert isinstance(found, tuple)
    assert_desk_plain(found)
    assert [a.number for a in found] == [skpd.number] and not found[0].paid
    bill = desk.bill(skpd.number)
    assert_frozen(bill)
    assert_desk_plain(bill)
    assert bill.months_late == 4 and bill.total == Decimal(2_080_000)
    with pytest.raises(LoketError) as no_code:
        desk.pay(skpd.number, method="billing", reference="")
    assert no_code.value.key != "db.unreachable"
    paid = desk.pay(skpd.number, method="cash")
    assert_frozen(paid)
    assert_desk_plain(paid)
    assert paid.sspd_number == "SSPD/000001/2026" and paid.bill.total == Decimal(2_080_000)
    assert desk.lookup(skpd.number)[0].paid


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store,
                                                            tmp_path: Path) -> None:
    desk = BapendaDesk(lost_store, BATU, "L3", actor=lambda: "petugas",
                       clock=lambda: MONDAY_9)
    calls = (desk.form_options, lambda: desk.registration_checklist("P"),
             lambda: desk.register(personal()),
             lambda: desk.print_card("P.2.0000001.02.04", f"sim://?dir={tmp_path}"),
             lambda: desk.find_taxpayer("P.2.0000001.02.04"),
             lambda: desk.deactivate("P.2.0000001.02.04", "usaha-tutup", actor=Actor("pengawas")),
             lambda: desk.lookup("SKPD/000001/2026"), lambda: desk.bill("SKPD/000001/2026"),
             lambda: desk.pay("SKPD/000001/2026", method="cash"))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
