"""The tax clearance panel: validated key, check, result list, letter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.access import Actor
from app.fiscal import arrears
from app.store import Store
from ui.panels.base import PanelContext
from ui.panels.fiscal import FiscalPanel

OFFICE = "BAPENDA-BANTEN-FO"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "fiscal"


@pytest.fixture
def panel(qtbot, catalog_store: Store) -> FiscalPanel:
    for name, source in (("pkb-contoh.csv", "pkb"), ("pbb-contoh.csv", None),
                         ("pajak-daerah-contoh.csv", "pajak-daerah")):
        with catalog_store.uow() as uow:
            arrears.import_extract(uow, (SAMPLES / name).read_bytes(), file_name=name,
                                   source=source, office_code=OFFICE, actor=Actor("pengawas"),
                                   now=NOW)
    ctx = PanelContext(store=catalog_store, office_code=OFFICE, counter_code="FO1",
                       actor=lambda: "petugas", clock=lambda: NOW)
    widget = FiscalPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    return widget


def test_the_key_is_validated_as_it_is_typed(qtbot, panel: FiscalPanel) -> None:
    panel.set_kind("nop")
    qtbot.keyClicks(panel.current_field().edit, "36.04.010.001.002-0034")
    qtbot.keyClicks(panel.purpose, "Izin usaha")
    assert "NOP harus 18 angka" in panel.current_field().reason_text()
    assert not panel.check_button.isEnabled()
    qtbot.keyClicks(panel.current_field().edit, ".0")
    assert panel.current_field().reason_text() == ""
    assert panel.check_button.isEnabled()
    panel.purpose.clear()
    assert not panel.check_button.isEnabled()  # the purpose is required too
    panel.set_kind("npwpd")
    assert not panel.check_button.isEnabled()


def test_a_not_clear_result_lists_the_arrears_and_prints_them(qtbot, panel: FiscalPanel
                                                              ) -> None:
    panel.set_kind("nik")
    qtbot.keyClicks(panel.current_field().edit, "3604012208850002")
    qtbot.keyClicks(panel.purpose, "Izin usaha SIPEKA")
    assert not panel.print_button.isEnabled()
    with qtbot.waitSignal(panel.checked) as checked:
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert checked.args[0]["result"] == "not-clear"
    assert panel.banner.text() == "ADA TUNGGAKAN"
    assert panel.table.rowCount() == 3
    assert [panel.table.item(r, 0).text() for r in range(3)] == [
        "PKB", "PBB-P2", "Pajak Daerah"]
    assert panel.table.item(2, 5).text() == "Rp4.500.000"
    assert "Rp5.530.000" in panel.total.text()
    assert "Budi Santoso" in panel.subject.text() and "petugas" in panel.subject.text()
    assert panel.print_button.isEnabled()
    panel.grab().save("/tmp/fiscal-panel.png")
    with qtbot.waitSignal(panel.letter_issued) as issued:
        qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    code, pdf = issued.args
    assert pdf.startswith(b"%PDF") and panel.code.text() == code
    assert not panel.print_button.isEnabled()  # one letter per check


def test_a_clear_result_gets_a_certificate(qtbot, panel: FiscalPanel) -> None:
    panel.set_kind("plate")
    qtbot.keyClicks(panel.current_field().edit, "a 9 z")
    qtbot.keyClicks(panel.purpose, "Izin reklame")
    with qtbot.waitSignal(panel.notice) as notice:
        qtbot.keyClick(panel.purpose, Qt.Key.Key_Return)
    assert "BEBAS TUNGGAKAN" in notice.args[0]
    assert panel.table.rowCount() == 0
    assert "Tidak ada tunggakan" in panel.total.text()
    assert "PKB per 01-12-2026" in panel.sources.text()
    with qtbot.waitSignal(panel.letter_issued):
        panel.print_button.click()
    assert panel.result is not None and panel.letter is not None
    assert panel.letter.kind == "certificate"
    panel.set_visit(7, "T-007")  # the next visitor: the form starts empty
    assert panel.banner.text() == "" and panel.current_field().text() == ""
    assert not panel.print_button.isEnabled()


def test_a_refusal_goes_to_the_failed_signal(qtbot, panel: FiscalPanel) -> None:
    panel.set_kind("plate")
    qtbot.keyClicks(panel.current_field().edit, "A 9 Z")
    qtbot.keyClicks(panel.purpose, "x" * 201)
    with qtbot.waitSignal(panel.failed) as failed:
        panel.check_button.click()
    assert "terlalu panjang" in failed.args[0]
    assert panel.result is None


def test_a_typed_lookup_is_checked_before_the_visit_moves_on(qtbot, panel: FiscalPanel
                                                              ) -> None:
    panel.set_kind("nik")
    assert panel.why.text() == "NIK belum diisi; isi keperluan."
    qtbot.keyClicks(panel.current_field().edit, "3604012208850002")
    assert panel.unsaved() == "cek fiskal belum diperiksa: NIK"
    with qtbot.waitSignal(panel.failed) as refused:
        assert not panel.save_unsaved()
    assert refused.args[0] == "Cek fiskal belum diperiksa: isi keperluan"
    qtbot.keyClicks(panel.purpose, "Izin usaha SIPEKA")
    assert panel.why.text() == "Periksa dulu; surat dicetak dari hasil pemeriksaan."
    with qtbot.waitSignal(panel.checked):
        assert panel.save_unsaved()
    assert panel.unsaved() is None and panel.why.isHidden()  # the letter can be printed
