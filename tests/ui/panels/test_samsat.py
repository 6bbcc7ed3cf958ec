"""The Samsat STNK panel: cek fisik, loket 1 lookup and registration, the bill with its
rules and the "Bayar" button, the hand-over with the time against the standard."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader

from app.money import format_rupiah
from app.samsat import flow as f
from app.store import Store
from tests.app.samsat.conftest import (
    CHASSIS,
    ENGINE,
    NIK,
    OFFICE,
    PLATE,
    RENEWAL_REQUIREMENTS,
    Flow,
    at,
)
from ui.panels.base import PanelContext
from ui.panels.samsat import SamsatPanel


@pytest.fixture
def flow(catalog_store: Store) -> Flow:
    return Flow(catalog_store)


class Clock:
    def __init__(self) -> None:
        self.now: datetime = at(0)

    def __call__(self) -> datetime:
        return self.now


def _panel(qtbot, store: Store, counter: str, clock: Clock) -> SamsatPanel:
    ctx = PanelContext(store=store, office_code=OFFICE, counter_code=counter,
                       actor=lambda: "petugas1", clock=clock)
    panel = SamsatPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 720)
    return panel


def test_the_stnk_flow_in_the_panel(qtbot, flow: Flow, tmp_path) -> None:
    store, clock = flow.store, Clock()
    flow.register_owner_and_vehicle()
    visit_id = flow.issue()

    # cek fisik: the numbers are validated as typed; a mismatch is shown in red
    flow.call("CF", 1)
    clock.now = at(2)
    cf = _panel(qtbot, store, "CF", clock)
    assert cf.stage == "cek-fisik" and cf.pages.currentIndex() == 0
    cf.set_visit(visit_id, "A-001")
    assert not cf.check_button.isEnabled()
    qtbot.keyClicks(cf.chassis.edit, "MH1#")
    assert "nomor rangka" in cf.chassis.reason_text()
    cf.chassis.setText("")
    qtbot.keyClicks(cf.chassis.edit, CHASSIS)
    qtbot.keyClicks(cf.engine.edit, "JFM1E0000000")
    assert cf.check_button.isEnabled()
    with qtbot.waitSignal(cf.failed) as refused:
        cf.check_button.click()
    assert "nomor mesin JFM1E0000000" in refused.args[0]
    assert "TIDAK SESUAI" in cf.check_result.text()
    cf.engine.setText(ENGINE)
    with qtbot.waitSignal(cf.notice):
        cf.check_button.click()
    assert "SESUAI" in cf.check_result.text() and "TIDAK" not in cf.check_result.text()
    flow.finish("CF", 3)

    # loket 1: plate and NIK validated and looked up; "Daftarkan" refused until complete
    flow.call("L1", 4)
    clock.now = at(5)
    l1 = _panel(qtbot, store, "L1", clock)
    assert l1.stage == "loket-1"
    l1.set_visit(visit_id, "A-001")
    assert l1.plate.text() == PLATE  # the vehicle cek fisik found
    assert "Honda Vario 125" in l1.vehicle_info.text()
    qtbot.keyClicks(l1.nik.edit, "6171011508900")
    assert "16 angka" in l1.nik.reason_text() and not l1.register_button.isEnabled()
    qtbot.keyClicks(l1.nik.edit, "001")
    assert l1.owner_info.text().startswith("Budi Santoso")
    assert l1.register_button.isEnabled() and l1.new_owner.isHidden()
    with qtbot.waitSignal(l1.failed) as refused:
        l1.register_button.click()
    assert refused.args[0].startswith("persyaratan belum lengkap")
    flow.tick(visit_id, RENEWAL_REQUIREMENTS)
    with qtbot.waitSignal(l1.notice):
        l1.register_button.click()
    assert l1.view is not None and l1.view.status == "registered"
    assert not l1.register_button.isEnabled()
    flow.finish("L1", 6)

    # loket 2: every line with its rule, the total, the method; "Bayar"
    flow.call("L2", 7)
    clock.now = at(8)
    l2 = _panel(qtbot, store, "L2", clock)
    l2.set_visit(visit_id, "A-001")
    with store.uow(read_only=True) as uow:
        bill = f.bill_for_visit(uow, visit_id, now=clock.now)
    table = l2.bill_table
    assert table.rowCount() == len(bill.lines) > 3
    for row, line in enumerate(bill.lines):
        assert table.item(row, 0).text() == line.description
        assert table.item(row, 2).text() == line.rule
        assert table.item(row, 3).text() == format_rupiah(line.amount)
    assert format_rupiah(bill.total) in l2.total_label.text()
    l2.method.setCurrentIndex(l2.method.findData("transfer"))
    assert not l2.pay_button.isEnabled()  # a transfer needs its reference
    l2.set_visit(None, None)  # the visitor leaves: the next one starts at cash
    l2.set_visit(visit_id, "A-001")
    assert l2.method.currentData() == "cash" and l2.tendered.isEnabled()
    qtbot.keyClicks(l2.tendered.edit, "100.000")
    assert "kurang" in l2.change_label.text() and not l2.pay_button.isEnabled()
    l2.tendered.setText("500.000")
    assert l2.change_label.text() == format_rupiah(500000 - bill.total)
    l2.grab().save(str(tmp_path / "loket2.png"))
    issued: list = []
    l2.documents_issued.connect(issued.append)
    with qtbot.waitSignal(l2.paid):
        l2.pay_button.click()
    [documents] = issued
    assert [number for number, _ in documents] == ["000001/SKPD/SAMSAT-PTK1/2026",
                                                   "000001/KW/SAMSAT-PTK1/2026"]
    text = " ".join(PdfReader(io.BytesIO(documents[0][1])).pages[0].extract_text().split())
    assert PLATE in text and bill.lines[0].description in text
    assert "000001/KW/SAMSAT-PTK1/2026" in l2.paid_label.text()
    assert not l2.pay_button.isEnabled()
    assert l2.bill_table.rowCount() == len(bill.lines)  # as paid
    assert l2.bill_table.item(0, 0).text() == bill.lines[0].description
    flow.finish("L2", 9)

    # loket 3: endorsed and stamped, to whom; the time against the 30 minutes
    flow.call("L3", 10)
    clock.now = at(18)
    l3 = _panel(qtbot, store, "L3", clock)
    l3.set_visit(visit_id, "A-001")
    assert l3.recipient.text() == "Budi Santoso"
    assert not l3.handover_button.isEnabled()
    l3.endorsed.setChecked(True)
    assert not l3.handover_button.isEnabled()
    l3.stamped.setChecked(True)
    with qtbot.waitSignal(l3.handed_over) as handed:
        l3.handover_button.click()
    assert handed.args[0]["timing"]["minutes"] == 18
    assert "18 menit" in l3.timing_label.text() and "dalam standar" in l3.timing_label.text()
    assert "09:18" in l3.timing_label.text()
    assert not l3.handover_button.isEnabled()


def test_loket_1_registers_a_new_owner_and_vehicle(qtbot, flow: Flow, tmp_path) -> None:
    clock = Clock()
    visit_id = flow.issue()
    flow.call("CF", 1)
    with flow.store.uow() as uow:
        f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, actor=flow.officer,
                       now=at(2))
    flow.finish("CF", 3)
    flow.call("L1", 4)
    l1 = _panel(qtbot, flow.store, "L1", clock)
    l1.set_visit(visit_id, "A-001")
    assert "belum dibandingkan" not in l1.stop.text() and l1.stop.isHidden()
    qtbot.keyClicks(l1.plate.edit, "KB 1234 AB")
    qtbot.keyClicks(l1.nik.edit, NIK)
    assert "belum terdaftar" in l1.vehicle_info.text() and not l1.new_vehicle.isHidden()
    assert not l1.new_owner.isHidden()
    assert l1.v_chassis.text() == CHASSIS  # taken from the cek fisik
    l1.grab().save(str(tmp_path / "loket1.png"))
    l1.owner_name.setText("Budi Santoso")
    with qtbot.waitSignal(l1.notice):
        l1.owner_button.click()
    assert l1.new_owner.isHidden()
    l1.v_njkb.setText("15.000.000")
    l1.v_class.setCurrentIndex(l1.v_class.findData("motor-250"))
    l1.v_tax_due.setText("01-11-2026")
    l1.v_stnk_until.setText("01-11-2033")
    with qtbot.waitSignal(l1.failed) as refused:  # 5 years after the tax date is too far
        l1.vehicle_button.click()
    assert "lebih dari 5 tahun" in refused.args[0]
    l1.v_stnk_until.setText("01-11-2029")
    with qtbot.waitSignal(l1.notice):
        l1.vehicle_button.click()
    assert l1.new_vehicle.isHidden() and "rangka " + CHASSIS in l1.vehicle_info.text()
    flow.tick(visit_id)
    with qtbot.waitSignal(l1.notice):
        l1.register_button.click()
    assert l1.view.status == "registered"


def test_a_mismatch_is_shown_at_loket_1(qtbot, flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = flow.issue()
    flow.call("CF", 1)
    with flow.store.uow() as uow:
        f.record_check(uow, visit_id, chassis="MH1JFM110FK000000", engine=ENGINE, plate=PLATE,
                       actor=flow.officer, now=at(2))
    flow.finish("CF", 3)
    flow.call("L1", 4)
    l1 = _panel(qtbot, flow.store, "L1", Clock())
    l1.set_visit(visit_id, "A-001")
    assert not l1.stop.isHidden() and "berhenti di loket 1" in l1.stop.text()
    assert "nomor rangka MH1JFM110FK000000" in l1.stop.text()
    l1.set_visit(None, None)
    assert l1.stop.isHidden() and l1.header.text() == "Tidak ada kunjungan"
    assert not l1.register_button.isEnabled()


def test_typed_work_is_reported_and_saved_through_each_page(qtbot, flow: Flow) -> None:
    """What the counter window asks before a visit moves on: each page says what was typed
    and not saved, saves it with its own button's checks, or says what is missing and
    keeps the text; a disabled button says why beside it."""
    store, clock = flow.store, Clock()
    flow.register_owner_and_vehicle()
    visit_id = flow.issue()
    flow.call("CF", 1)
    clock.now = at(2)
    cf = _panel(qtbot, store, "CF", clock)
    cf.set_visit(visit_id, "A-001")
    assert cf.unsaved() is None
    qtbot.keyClicks(cf.chassis.edit, CHASSIS)
    assert cf.unsaved() == "cek fisik: nomor rangka"
    with qtbot.waitSignal(cf.failed) as refused:
        assert not cf.save_unsaved()
    assert refused.args[0] == "Cek fisik belum disimpan: nomor mesin belum diisi"
    assert cf.chassis.text() == CHASSIS and cf.view.status == "new"
    qtbot.keyClicks(cf.engine.edit, ENGINE)
    with qtbot.waitSignal(cf.notice):
        assert cf.save_unsaved()
    assert cf.unsaved() is None and cf.view.status == "checked"
    flow.finish("CF", 3)

    # loket 1: the plate comes from the cek fisik (not typed); the NIK is typed
    flow.call("L1", 4)
    clock.now = at(5)
    l1 = _panel(qtbot, store, "L1", clock)
    l1.set_visit(visit_id, "A-001")
    assert l1.plate.text() == PLATE and l1.unsaved() is None
    assert l1.register_why.text() == "NIK pemilik belum diisi."
    qtbot.keyClicks(l1.nik.edit, NIK)
    assert l1.unsaved() == "pendaftaran: NIK pemilik" and l1.register_why.isHidden()
    with qtbot.waitSignal(l1.failed) as refused:  # the service's refusal: the checklist
        assert not l1.save_unsaved()
    assert refused.args[0].startswith("persyaratan belum lengkap")
    assert l1.nik.text() == NIK and l1.unsaved() == "pendaftaran: NIK pemilik"
    flow.tick(visit_id, RENEWAL_REQUIREMENTS)
    with qtbot.waitSignal(l1.notice) as said:
        assert l1.save_unsaved()
    assert said.args[0] == "A-001 terdaftar; lanjut ke Loket 2 Pembayaran."
    assert l1.view.status == "registered" and l1.unsaved() is None
    flow.finish("L1", 6)

    # loket 3 before the payment: the hand-over names the loket that takes it
    l3 = _panel(qtbot, store, "L3", clock)
    l3.set_visit(visit_id, "A-001")
    assert not l3.handover_button.isEnabled()
    assert l3.handover_why.text() == ("Belum dibayar di Loket 2 Pembayaran: kembalikan nomor ini "
                                      "ke Loket 2 Pembayaran (Alihkan…).")
    assert l3.stop.text() == l3.handover_why.text() and not l3.stop.isHidden()
    l3.endorsed.setChecked(True)
    assert l3.unsaved() == "penyerahan STNK: STNK disahkan"
    l3.discard_unsaved()
    assert not l3.endorsed.isChecked() and l3.unsaved() is None

    # loket 2: a transfer needs its reference, said beside "Bayar"; typed, it is saved
    flow.call("L2", 7)
    clock.now = at(8)
    l2 = _panel(qtbot, store, "L2", clock)
    l2.set_visit(visit_id, "A-001")
    l2.method.setCurrentIndex(l2.method.findData("transfer"))
    assert not l2.pay_button.isEnabled()
    assert l2.pay_why.text() == "Isi nomor referensi transfer."
    qtbot.keyClicks(l2.reference, "TRF-20261123-01")
    assert l2.pay_button.isEnabled() and l2.pay_why.isHidden()
    assert l2.unsaved() == "pembayaran: referensi"
    with qtbot.waitSignal(l2.paid):
        assert l2.save_unsaved()
    assert l2.unsaved() is None and l2.pay_why.text() == "Sudah dibayar."
