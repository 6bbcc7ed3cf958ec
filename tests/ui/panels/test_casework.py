"""The casework panel: application registration with its computed due date, disposition,
complaint registration, SOP steps, answer and resolution."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.store import Store
from db.engine import make_engine, sqlite_url
from ui.panels.base import PanelContext
from ui.panels.casework import CaseworkPanel

NOW = datetime(2026, 12, 18, 10, tzinfo=ZoneInfo("Asia/Jakarta")).astimezone(UTC)


def make(qtbot, store: Store, office: str) -> CaseworkPanel:
    ctx = PanelContext(store=store, office_code=office, counter_code="L1",
                       actor=lambda: "petugas", clock=lambda: NOW)
    widget = CaseworkPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    return widget


@pytest.fixture
def panel(qtbot, catalog_store: Store) -> CaseworkPanel:
    return make(qtbot, catalog_store, "BPPD-MALANG")


def test_register_application_with_due_date_and_receipt(qtbot, panel: CaseworkPanel,
                                                        tmp_path) -> None:
    assert [panel.service.itemData(i) for i in range(panel.service.count())] == \
        ["KERINGANAN", "KEBERATAN"]
    panel.set_service("KEBERATAN")
    # Friday 18 Dec + 7 working days, over Christmas and its cuti bersama
    assert panel.due.text() == "Kamis, 31 Desember 2026"
    panel.set_service("KERINGANAN")
    assert panel.due.text() == "Senin, 18 Januari 2027"
    panel.set_service("KEBERATAN")
    assert not panel.register_button.isEnabled()
    qtbot.keyClicks(panel.applicant, "Budi Santoso")
    qtbot.keyClicks(panel.subject, "Keberatan SKPD reklame")
    qtbot.keyClicks(panel.nik.edit, "3573019999")
    assert "NIK harus 16 angka" in panel.nik.reason_text()
    assert not panel.register_button.isEnabled()
    panel.nik.setText("3573010101900001")
    assert panel.nik.reason_text() == "" and panel.register_button.isEnabled()
    qtbot.keyClicks(panel.amount.edit, "2.500.000,5")
    assert not panel.register_button.isEnabled()
    panel.amount.setText("2.500.000")
    with qtbot.waitSignal(panel.receipt_issued) as issued:
        qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    number, pdf = issued.args
    assert number == "BPPD-MALANG/2026/000001"
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Walikota Malang" in text and "Kamis, 31 Desember 2026" in text
    assert "DITERIMA" in panel.app_summary.text()
    assert panel.trail.rowCount() == 1
    panel.grab().save(str(tmp_path / "casework.png"))


def test_disposition_forward_and_finish(qtbot, panel: CaseworkPanel) -> None:
    panel.set_service("KEBERATAN")
    qtbot.keyClicks(panel.applicant, "Siti")
    qtbot.keyClicks(panel.subject, "Keberatan")
    qtbot.keyClicks(panel.amount.edit, "1.000.000")
    with qtbot.waitSignal(panel.registered):
        panel.register_application()
    assert not panel.forward_button.isEnabled()
    qtbot.keyClicks(panel.forward_to, "Kasubbid Keberatan")
    qtbot.keyClicks(panel.app_note, "mohon telaah")
    with qtbot.waitSignal(panel.notice) as notice:
        qtbot.mouseClick(panel.forward_button, Qt.MouseButton.LeftButton)
    assert "Kasubbid Keberatan" in notice.args[0]
    assert panel.trail.rowCount() == 2
    assert panel.trail.item(1, 2).text() == "Kasubbid Keberatan"
    assert not panel.reject_button.isEnabled()  # a rejection needs its reason
    with qtbot.waitSignal(panel.notice):
        qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert "SELESAI" in panel.app_summary.text()
    assert not panel.done_button.isEnabled() and not panel.forward_button.isEnabled()
    # an unknown number is refused through the banner
    with qtbot.waitSignal(panel.failed) as failed:
        panel.open_application("BPPD-MALANG/2026/999999")
    assert "tidak ditemukan" in failed.args[0]


def test_complaint_register_steps_answer_close(qtbot, catalog_store: Store) -> None:
    panel = make(qtbot, catalog_store, "SAMSAT-PTK1")
    panel.tabs.setCurrentIndex(1)
    assert panel.channel.count() == 9
    panel.set_channel("whatsapp")
    assert not panel.complaint_button.isEnabled()
    qtbot.keyClicks(panel.reporter, "Andi")
    panel.complaint_text.setPlainText("STNK belum jadi")
    with qtbot.waitSignal(panel.complaint_saved) as saved:
        qtbot.mouseClick(panel.complaint_button, Qt.MouseButton.LeftButton)
    data = saved.args[0]
    assert data["number"] == "SAMSAT-PTK1/ADU/2026/000001"
    assert data["due_at"] == "2026-12-21T10:00:00+07:00"  # Friday -> Monday
    assert "21-12-2026 10:00 WIB" in panel.complaint_summary.text()
    assert panel.steps.rowCount() == 4
    panel.select_step(2)
    assert panel.step_button.isEnabled()
    with qtbot.waitSignal(panel.complaint_saved) as saved:
        qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    assert saved.args[0]["status"] == "in_progress"
    assert panel.steps.item(1, 2).text().endswith("petugas")
    assert not panel.close_button.isEnabled()
    panel.answer.setPlainText("STNK siap diambil")
    with qtbot.waitSignal(panel.complaint_saved) as saved:
        qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
    assert saved.args[0]["status"] == "answered"
    panel.answer.setPlainText("Sudah diambil pelapor")
    assert panel.close_button.isEnabled()
    with qtbot.waitSignal(panel.complaint_saved) as saved:
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert saved.args[0]["status"] == "closed"
    assert not panel.answer_button.isEnabled() and not panel.step_button.isEnabled()


def test_typed_forms_are_reported_and_saved_or_kept(qtbot, panel: CaseworkPanel) -> None:
    panel.set_service("KEBERATAN")
    assert panel.unsaved() is None
    assert panel.register_why.text() == "Isi nama pemohon; isi perihal."
    assert panel.file_why.text() == "Buka berkas dulu dengan nomor registrasi."
    qtbot.keyClicks(panel.applicant, "Siti")
    qtbot.keyClicks(panel.amount.edit, "1.000.000")
    assert panel.unsaved() == "permohonan baru: nama pemohon, nilai ketetapan"
    with qtbot.waitSignal(panel.failed) as refused:
        assert not panel.save_unsaved()
    assert refused.args[0] == "Permohonan baru belum disimpan: isi perihal"
    assert panel.applicant.text() == "Siti"
    qtbot.keyClicks(panel.subject, "Keberatan")
    with qtbot.waitSignal(panel.registered):
        assert panel.save_unsaved()
    assert panel.unsaved() is None and panel.application is not None
    number = panel.application.number
    assert panel.file_why.text() == "Teruskan: isi kepada siapa. Tolak: tulis alasannya di catatan."
    qtbot.keyClicks(panel.app_note, "mohon telaah")  # a note alone: which action is it?
    assert panel.unsaved() == f"disposisi {number}: catatan"
    with qtbot.waitSignal(panel.failed) as refused:
        assert not panel.save_unsaved()
    assert refused.args[0] == (f"Disposisi {number} belum disimpan: pilih Teruskan, Selesai "
                               "atau Tolak untuk catatan ini")
    qtbot.keyClicks(panel.forward_to, "Kasubbid Keberatan")
    with qtbot.waitSignal(panel.notice):
        assert panel.save_unsaved()
    assert panel.application.holder == "Kasubbid Keberatan" and panel.unsaved() is None


def test_an_answer_being_written_survives_a_step_ticked(qtbot, catalog_store: Store) -> None:
    panel = make(qtbot, catalog_store, "SAMSAT-PTK1")
    panel.tabs.setCurrentIndex(1)
    panel.set_channel("whatsapp")
    panel.complaint_text.setPlainText("STNK belum jadi")
    assert panel.unsaved() == "pengaduan baru: isi pengaduan"
    with qtbot.waitSignal(panel.complaint_saved):
        assert panel.save_unsaved()
    number = panel.complaint.number
    panel.answer.setPlainText("STNK siap diambil")
    assert panel.unsaved() == f"tanggapan {number}: tanggapan"
    panel.select_step(1)
    with qtbot.waitSignal(panel.complaint_saved):
        qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    assert panel.answer.toPlainText() == "STNK siap diambil"  # not wiped by the step
    assert panel.case_why.text() == "Langkah itu sudah selesai. Tutup: simpan tanggapan dulu."
    with qtbot.waitSignal(panel.complaint_saved) as saved:
        assert panel.save_unsaved()
    assert saved.args[0]["status"] == "answered" and panel.unsaved() is None


def test_a_lost_database_is_said_in_the_banner(qtbot, panel: CaseworkPanel, tmp_path) -> None:
    store = panel.desk.store
    panel.desk.store = Store(make_engine(sqlite_url(tmp_path)))  # a folder: no database
    with qtbot.waitSignal(panel.failed) as failed:
        panel.open_application("BPPD-MALANG/2026/000001")
    assert failed.args[0].startswith("tidak dapat terhubung ke basis data")
    assert panel.application is None
    panel.set_service("KEBERATAN")  # the due date says why it is not shown
    assert panel.due.text().startswith("tidak dapat terhubung ke basis data")
    panel.desk.store.close()
    panel.desk.store = store
    panel.set_service("KERINGANAN")
    assert panel.due.text() == "Senin, 18 Januari 2027"
