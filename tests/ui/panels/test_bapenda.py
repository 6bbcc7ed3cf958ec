"""The Bapenda panel: NPWPD form validated as typed, register + card, deactivate, bill and pay."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.access import Actor
from app.bapenda import assessments as asm
from app.store import Store
from db.engine import make_engine, sqlite_url
from tests.app.bapenda.conftest import BATU, MONDAY_9, NIK_BUDI, NIK_SITI
from ui.panels.bapenda import BapendaPanel
from ui.panels.base import PanelContext


@pytest.fixture
def panel(qtbot, catalog_store: Store) -> BapendaPanel:
    ctx = PanelContext(store=catalog_store, office_code=BATU, counter_code="L3",
                       actor=lambda: "petugas", clock=lambda: MONDAY_9)
    widget = BapendaPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()  # the buttons are on tabs: a click reaches only what is shown
    return widget


def _fill_personal(qtbot, panel: BapendaPanel, nik: str = NIK_SITI) -> None:
    qtbot.keyClicks(panel.nik.edit, nik)
    qtbot.keyClicks(panel.name, "Siti Rahmawati")
    panel.tax_type.setCurrentIndex(panel.tax_type.findData("restoran"))
    qtbot.keyClicks(panel.address, "Jl. Bromo 3, Sisir")
    panel.district.setCurrentIndex(panel.district.findData("02"))
    qtbot.keyClicks(panel.village.edit, "4")


def test_the_nik_is_checked_as_typed_and_the_checklist_gates_the_button(
        qtbot, panel: BapendaPanel) -> None:
    assert [panel.district.itemData(i) for i in range(panel.district.count())] == [
        "01", "02", "03"]
    qtbot.keyClicks(panel.nik.edit, "3579014507")
    assert "16" in panel.nik.reason_text()
    panel.nik.setText("")
    _fill_personal(qtbot, panel)
    assert panel.nik.reason_text() == ""
    assert not panel.register_button.isEnabled()  # requirements not checked yet
    texts = [panel.requirements.item(i).text() for i in range(panel.requirements.count())]
    assert any("akte pendirian" in t and "tidak wajib" in t for t in texts)
    panel.check_all_requirements()
    assert panel.register_button.isEnabled()
    panel.kind.setCurrentIndex(panel.kind.findData("B"))  # a business needs its name
    assert not panel.register_button.isEnabled()
    panel.kind.setCurrentIndex(panel.kind.findData("P"))
    panel.check_all_requirements()
    qtbot.keyClicks(panel.npwp.edit, "12")
    assert "NPWP" in panel.npwp.reason_text() and not panel.register_button.isEnabled()


def test_register_prints_the_card_and_reprints_after_a_failure(qtbot, panel: BapendaPanel,
                                                               tmp_path: Path) -> None:
    _fill_personal(qtbot, panel)
    panel.check_all_requirements()
    panel.card_to.setText(f"sim://?dir={tmp_path}&fault=card_out")
    with qtbot.waitSignal(panel.registered) as registered, \
            qtbot.waitSignal(panel.failed) as failed:
        qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    npwpd = registered.args[0]["npwpd"]
    assert npwpd == "P.2.0000001.02.04"
    assert "belum tercetak" in failed.args[0] and "belum tercetak" in panel.status.text()
    assert npwpd in panel.result.text()
    assert panel.card_button.text() == "Cetak ulang kartu"
    panel.card_to.setText(f"sim://?dir={tmp_path}")
    with qtbot.waitSignal(panel.card_printed) as printed:
        qtbot.mouseClick(panel.card_button, Qt.MouseButton.LeftButton)
    assert printed.args[0]["state"] == "done"
    assert (tmp_path / f"npwpd-{npwpd}.pdf").exists()
    panel.grab().save(str(tmp_path / "register.png"))


def test_a_refused_registration_is_shown_and_saves_nothing(qtbot, panel: BapendaPanel,
                                                           catalog_store: Store) -> None:
    _fill_personal(qtbot, panel)
    panel.check_all_requirements()
    panel.card_to.clear()
    with qtbot.waitSignal(panel.registered):
        panel.register_taxpayer()
    with qtbot.waitSignal(panel.failed) as failed:
        panel.register_taxpayer()  # the same NIK and tax type again
    assert "sudah terdaftar" in failed.args[0]
    with catalog_store.uow(read_only=True) as uow:
        from sqlalchemy import func, select

        from db.models_bapenda import Taxpayer

        assert uow.session.scalar(select(func.count(Taxpayer.id))) == 1


def test_deactivate_needs_a_found_active_npwpd_and_a_note_for_lainnya(
        qtbot, panel: BapendaPanel) -> None:
    _fill_personal(qtbot, panel)
    panel.check_all_requirements()
    panel.card_to.clear()
    with qtbot.waitSignal(panel.registered) as registered:
        panel.register_taxpayer()
    npwpd = registered.args[0]["npwpd"]
    panel.tabs.setCurrentIndex(1)
    qtbot.keyClicks(panel.off_npwpd, "P.9.9999999.01.01")
    panel.find_for_deactivation()
    assert "tidak ditemukan" in panel.off_info.text() and not panel.off_button.isEnabled()
    panel.off_npwpd.setText(npwpd)
    panel.find_for_deactivation()
    assert "Siti Rahmawati" in panel.off_info.text() and panel.off_button.isEnabled()
    panel.reason.setCurrentIndex(panel.reason.findData("lainnya"))
    assert not panel.off_button.isEnabled()
    qtbot.keyClicks(panel.note, "data ganda dari sistem lama")
    with qtbot.waitSignal(panel.failed) as refused:  # the officer may not: a supervisor's act
        qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].startswith("petugas (petugas) tidak boleh membatalkan")
    assert "NPWPD" in refused.args[0] and panel.off_button.isEnabled()
    panel.ctx.actor = lambda: "pengawas"  # the supervisor signs in at the counter
    with qtbot.waitSignal(panel.deactivated) as done:
        qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
    assert done.args[0]["status"] == "inactive" and done.args[0]["deactivation_reason"] == \
        "lainnya"
    assert not panel.off_button.isEnabled()  # not twice


def test_lookup_shows_the_bill_with_interest_and_pays_it(qtbot, panel: BapendaPanel,
                                                         catalog_store: Store,
                                                         tmp_path: Path) -> None:
    _fill_personal(qtbot, panel, NIK_BUDI)
    panel.check_all_requirements()
    panel.card_to.clear()
    with qtbot.waitSignal(panel.registered) as registered:
        panel.register_taxpayer()
    npwpd = registered.args[0]["npwpd"]
    with catalog_store.uow() as uow:
        skpd = asm.assess(uow, npwpd, principal=Decimal(2_000_000), period="2026-07",
                          issued_on="2026-07-15", due_on="2026-08-15", office_code=BATU,
                          actor=Actor("petugas"), now=MONDAY_9 - timedelta(days=1))
    panel.tabs.setCurrentIndex(2)
    qtbot.keyClicks(panel.ref, npwpd)
    with qtbot.waitSignal(panel.billed) as billed:
        qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    bill = billed.args[0]
    assert bill["months_late"] == 4 and bill["total"] == 2_080_000  # 1% x 4 months
    assert panel.lines.rowCount() == 2
    assert panel.lines.item(1, 2).text() == "Rp80.000"
    assert "Rp2.080.000" in panel.total.text()
    panel.method.setCurrentIndex(panel.method.findData("billing"))
    assert not panel.pay_button.isEnabled()  # a billing payment needs its code
    qtbot.keyClicks(panel.reference, "3579012026112300")
    panel.grab().save(str(tmp_path / "pay.png"))
    with qtbot.waitSignal(panel.paid) as paid:
        qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)
    assert paid.args[0]["sspd"] == "SSPD/000001/2026" and paid.args[0]["total"] == 2_080_000
    assert "SSPD/000001/2026" in panel.status.text()
    assert panel.assessments.item(0, 5).text() == "lunas"
    assert skpd.number in panel.bill_info.text() and not panel.pay_button.isEnabled()


def test_typed_forms_are_reported_saved_or_kept_with_the_reason(
        qtbot, panel: BapendaPanel, catalog_store: Store) -> None:
    """The registration typed and not saved: the counter window sees it, saving it goes
    through "Daftarkan" (refused while a required document is not ticked, the text kept),
    and the reason stands beside the disabled button."""
    assert panel.unsaved() is None
    assert panel.register_why.text() == ("Isi NIK, nama, alamat, kelurahan/desa; centang "
                                         "persyaratan wajib.")
    _fill_personal(qtbot, panel)
    panel.card_to.clear()
    assert panel.unsaved() == "pendaftaran NPWPD: NIK, nama, alamat, kelurahan/desa"
    assert panel.register_why.text() == "Centang persyaratan wajib."
    with qtbot.waitSignal(panel.failed) as refused:
        assert not panel.save_unsaved()
    assert refused.args[0] == "Pendaftaran NPWPD belum disimpan: centang persyaratan wajib"
    assert panel.name.text() == "Siti Rahmawati" and panel.tabs.currentIndex() == 0
    panel.check_all_requirements()
    assert panel.register_why.isHidden() and panel.register_button.isEnabled()
    with qtbot.waitSignal(panel.registered):
        assert panel.save_unsaved()
    assert panel.unsaved() is None

    panel.tabs.setCurrentIndex(2)  # a lookup is not work; a reference for a bill is
    assert panel.pay_why.text() == "Cari tagihan dulu: nomor SKPD/STPD atau NPWPD."
    qtbot.keyClicks(panel.ref, "SKPD/9/2026")
    assert panel.unsaved() is None
    panel.tabs.setCurrentIndex(0)
    qtbot.keyClicks(panel.phone.edit, "0341")
    assert panel.unsaved() == "pendaftaran NPWPD: telepon"
    panel.discard_unsaved()
    assert panel.phone.text() == "" and panel.unsaved() is None


def test_a_lost_database_is_said_where_refusals_are(qtbot, panel: BapendaPanel,
                                                    tmp_path: Path) -> None:
    """The server gone after the panel opened: the lookup says so in words, nothing stays
    selected to pay, and the panel works again once the database is back."""
    store = panel.desk.store
    panel.desk.store = Store(make_engine(sqlite_url(tmp_path)))  # a folder: no database
    panel.tabs.setCurrentIndex(2)
    qtbot.keyClicks(panel.ref, "SKPD/000001/2026")
    with qtbot.waitSignal(panel.failed) as failed:
        panel.lookup()
    assert failed.args[0].startswith("tidak dapat terhubung ke basis data")
    assert failed.args[0] in panel.status.text()
    assert panel.assessments.rowCount() == 0 and not panel.pay_button.isEnabled()
    panel.desk.store.close()
    panel.desk.store = store
    with qtbot.waitSignal(panel.failed) as refused:  # read again: an ordinary refusal
        panel.lookup()
    assert "tidak ditemukan" in refused.args[0]
