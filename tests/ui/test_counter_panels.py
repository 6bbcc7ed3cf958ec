"""The counter console hosts the work panels of the stages it serves: they follow the visit
called, report in the banner, and what they issue is kept as PDF files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.queue import engine as q
from app.store import Store
from db.models import Office
from db.models_fiscal import FiscalCheck
from tests.app.queue.conftest import MONDAY_9
from ui.counter import CounterWindow

FO = "BAPENDA-BANTEN-FO"
PASSWORD = "rahasia-123"


@pytest.fixture
def window(qtbot, catalog_store: Store, tmp_path: Path):
    with catalog_store.uow() as uow:
        users.add_user(uow, "petugas1", "officer", PASSWORD, actor=Actor("admin"), office_code=FO)
        for office in uow.session.query(Office):
            office.settings = {}  # open whenever the test runs
        uow.commit()
    win = CounterWindow(catalog_store, FO, "FO1", clock=lambda: MONDAY_9,
                        slip_folder=tmp_path / "slips")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.login.username.setText("petugas1")
    win.login.password.setText(PASSWORD)
    win.login.button.click()
    yield win
    win.close()


def test_panels_of_the_stage_follow_the_visit(qtbot, window, catalog_store: Store,
                                              tmp_path: Path) -> None:
    titles = [window.panel_tabs.tabText(i).replace("&&", "&")  # shown as one "&"
              for i in range(window.panel_tabs.count())]
    assert titles == ["Cek Fiskal", "Permohonan & Pengaduan"]
    assert not window.work_placeholder.isVisible()
    with catalog_store.uow() as uow:
        info = q.issue_ticket(uow, "TAX-CLEARANCE", office_code=FO, now=MONDAY_9)
    window.buttons["call"].click()
    qtbot.waitUntil(lambda: window.current is not None, timeout=5000)
    assert all(p.visit_id == info.id and p.ticket == info.ticket for p in window.panels)
    window.panels[0].failed.emit("NIK tidak valid")
    assert window.banner.text() == "NIK tidak valid" and window.banner_kind == "error"
    window.panels[0].letter_issued.emit("ABCD-EFGH-JKMN", b"%PDF-1.4 surat")
    (saved,) = window.last_documents
    assert saved.parent == tmp_path / "documents" and saved.read_bytes() == b"%PDF-1.4 surat"
    assert saved.name == "ABCD-EFGH-JKMN.pdf" and str(saved) in window.banner.text()
    for box in window.checkboxes.values():  # the file is complete
        box.setChecked(True)
    window.buttons["start"].click()
    fiscal = window.panels[0]  # the clearance check typed, "Periksa" not pressed
    fiscal.set_kind("nik")
    qtbot.keyClicks(fiscal.current_field().edit, "3603011203850001")
    qtbot.keyClicks(fiscal.purpose, "Izin usaha")
    assert fiscal.unsaved() == "cek fiskal belum diperiksa: NIK, keperluan"
    window.buttons["finish"].click()  # the check is run first: it is the desk's record
    qtbot.waitUntil(lambda: window.current is None, timeout=5000)
    assert "Hasil pemeriksaan:" in window.banner.text()
    with catalog_store.uow(read_only=True) as uow:
        checks = uow.session.scalars(select(FiscalCheck).where(
            FiscalCheck.visit_id == info.id)).all()
    assert [c.purpose for c in checks] == ["Izin usaha"]
    assert all(p.visit_id is None for p in window.panels)


def test_a_counter_without_panels_says_so(qtbot, catalog_store: Store, tmp_path: Path) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code=FO).one()
        office.settings = {"work_panels": {"fo-bapenda": []}}
        uow.commit()
    win = CounterWindow(catalog_store, FO, "FO1", clock=lambda: datetime.now(MONDAY_9.tzinfo))
    qtbot.addWidget(win)
    assert win.panels == [] and not win.panel_tabs.isVisibleTo(win.work_panel)
    assert win.work_placeholder.isVisibleTo(win.work_panel)
    win.close()


@pytest.mark.parametrize(("office", "counter", "titles"), [
    ("SAMSAT-PTK1", "L2", ["STNK"]),
    ("BPPD-MALANG", "L1", ["NPWPD & Pajak Daerah", "Permohonan & Pengaduan", "Cek Fiskal"]),
    ("BPPD-MALANG", "L3", ["NPWPD & Pajak Daerah"]),  # two stages, one panel
    ("BAPENDA-BATU", "L3", ["NPWPD & Pajak Daerah", "Permohonan & Pengaduan", "Perforasi"]),
])
def test_each_counter_gets_the_panels_of_its_stages(qtbot, catalog_store: Store, office: str,
                                                   counter: str, titles: list[str]) -> None:
    win = CounterWindow(catalog_store, office, counter, clock=lambda: MONDAY_9)
    qtbot.addWidget(win)
    assert [win.panel_tabs.tabText(i).replace("&&", "&")
            for i in range(win.panel_tabs.count())] == titles
    win.close()
