"""The demo window shows each office's catalog from the services, not from SQL of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from app.catalog.store import list_services
from app.store import Store
from ui.demo import CatalogWindow


def test_one_tab_per_office_with_its_services(qtbot, catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        services = list_services(uow)
    window = CatalogWindow(services, {"users": ["petugas1"], "password": "x"})
    qtbot.addWidget(window)
    tabs = {window.tabs.tabText(i): window.tabs.widget(i) for i in range(window.tabs.count())}
    assert set(tabs) == {"SAMSAT-PTK1", "BPPD-MALANG", "BAPENDA-BATU", "BPS-BANTEN",
                         "BAPENDA-BANTEN-FO"}
    samsat: QTableWidget = tabs["SAMSAT-PTK1"]
    assert samsat.rowCount() == 2
    assert samsat.item(0, 1).text() == "Perpanjangan STNK"
    assert samsat.item(0, 2).text() == "30 menit"
    assert samsat.item(0, 3).text() == "cek-fisik → loket-1 → loket-2 → loket-3"
    assert tabs["BPPD-MALANG"].rowCount() == 8
