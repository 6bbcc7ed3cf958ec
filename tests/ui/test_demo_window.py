"""The demo window shows each office's catalog from the services, not from SQL of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from app.catalog.service import list_services
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


def test_demo_office_opens_every_station_and_the_autopilot_serves(qtbot,
                                                                 catalog_store: Store) -> None:
    from app.demo import prepare
    from app.queue import engine as q_
    from ui.counter import CounterWindow
    from ui.demo_office import Autopilot, open_office
    from ui.display import DisplayWindow
    from ui.supervisor import SupervisorWindow

    prepare(catalog_store, actor="test")
    windows = open_office(catalog_store)
    for window in windows:
        qtbot.addWidget(window)
    kinds = [type(w) for w in windows]
    assert kinds.count(CounterWindow) == 4  # cek fisik and lokets 1-3
    assert DisplayWindow in kinds and SupervisorWindow in kinds
    assert any(type(w).__name__ == "SurveyWindow" for w in windows)
    display = next(w for w in windows if isinstance(w, DisplayWindow))
    pilot = Autopilot(catalog_store, "SAMSAT-PTK1", ["CF", "L1", "L2", "L3"], seed=1)
    pilot.pilot.random.random = lambda: 0.0  # always a visitor, always call
    with qtbot.waitSignal(display.called, timeout=5000):
        for _ in range(3):
            pilot.step()
    with catalog_store.uow(read_only=True) as uow:
        status = q_.status(uow, office_code="SAMSAT-PTK1")
    assert any(c["serving"] for c in status["counters"])
    for window in windows:
        window.close()


def test_the_demo_office_with_its_autopilot_flies_every_counter(qtbot,
                                                               catalog_store: Store) -> None:
    from app.demo import counter_codes, prepare
    from ui.demo_office import Autopilot, open_office

    prepare(catalog_store, actor="test")
    windows = open_office(catalog_store, autopilot=True)
    for window in windows:
        qtbot.addWidget(window)
    pilot = windows[-1].findChild(Autopilot)
    assert pilot is not None and pilot.timer.isActive()
    assert pilot.pilot.counters == counter_codes(catalog_store, "SAMSAT-PTK1") == [
        "CF", "L1", "L2", "L3"]
    pilot.timer.stop()
    for window in windows:
        window.close()
