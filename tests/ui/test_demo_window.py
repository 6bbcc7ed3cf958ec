"""The demo window shows each office's catalog from the services, not from SQL of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication, QScrollArea, QTableWidget

from app.catalog.service import list_services
from app.store import Store
from ui.demo import CatalogWindow
from ui.demo_office import open_office


def test_one_tab_per_office_with_its_services(qtbot, catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        services = list_services(uow)
    window = CatalogWindow(services, {"users": ["petugas1"], "password": "x"})
    qtbot.addWidget(window)
    tabs = {window.tabs.tabText(i): window.tabs.widget(i) for i in range(window.tabs.count())}
    assert len(tabs) == 5 and not any("-" in name and name.isupper() for name in tabs)
    samsat: QTableWidget = next(t for name, t in tabs.items() if "Pontianak" in name)
    assert samsat.rowCount() == 2
    assert samsat.item(0, 1).text() == "Perpanjangan STNK"
    assert samsat.item(0, 2).text() == "30 menit"
    assert samsat.item(0, 3).text() == (  # the stages by name, never their codes
        "Cek Fisik Kendaraan → Pendaftaran Berkas → Pembayaran PKB, SWDKLLJ dan PNBP → "
        "Pengesahan dan Penyerahan STNK")
    assert next(t for name, t in tabs.items() if "Malang" in name).rowCount() == 8


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
    kinds = [type(w.station) for w in windows]
    assert kinds.count(CounterWindow) == 4  # cek fisik and lokets 1-3
    assert DisplayWindow in kinds and SupervisorWindow in kinds
    assert any(type(w.station).__name__ == "SurveyWindow" for w in windows)
    display = next(w.station for w in windows if isinstance(w.station, DisplayWindow))
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


SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))  # docs/screenshots to refresh
TITLES = ["Loket Demo — Kios antrian", "Loket Demo — Layar antrian",
          "Loket Demo — Papan supervisor", "Loket Demo — Tempat Cek Fisik",
          "Loket Demo — Loket 1 Pendaftaran", "Loket Demo — Loket 2 Pembayaran",
          "Loket Demo — Loket 3 Penyerahan STNK", "Loket Demo — Tablet survei"]


def _tiled_apart(frames: list[QRect], area: QRect) -> None:
    assert all(area.contains(frame) for frame in frames), (area, frames)
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            assert not a.intersects(b), (a, b)


@pytest.mark.parametrize("count", range(1, 13))
@pytest.mark.parametrize("area", [QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040),
                                  QRect(70, 0, 1850, 1080), QRect(0, 24, 800, 776)])
def test_the_grid_fills_the_area_with_cells_that_do_not_overlap(count: int,
                                                                area: QRect) -> None:
    from ui.demo_office import grid

    cells = grid(count, area)
    assert len(cells) == count
    _tiled_apart(cells, area)
    assert len({(c.width(), c.height()) for c in cells}) <= 4  # near-equal cells
    assert min(c.width() for c in cells) >= area.width() // 4


def test_the_demo_tiles_its_windows_over_the_screen(qtbot, catalog_store: Store) -> None:
    """The launcher and the eight stations, each its own window titled with its role,
    side by side over the primary screen's available geometry and over the two screens
    offices have; a station larger than its tile scrolls in it."""
    from app.demo import catalog_rows, prepare
    from ui.demo_office import grid, place

    summary = prepare(catalog_store, actor="test")
    launcher = CatalogWindow(catalog_rows(catalog_store), summary)
    qtbot.addWidget(launcher)
    tiles = open_office(catalog_store, first=launcher)
    for tile in tiles:
        qtbot.addWidget(tile)
    windows = [launcher, *tiles]
    assert [t.windowTitle() for t in tiles] == TITLES
    assert all(w.isVisible() for w in windows)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    _tiled_apart([w.frameGeometry() for w in windows], screen)
    for area in (QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040)):
        cells = place(windows, area)
        assert [w.frameGeometry() for w in windows] == cells  # each sized to its cell
        _tiled_apart(cells, area)
    counter = tiles[4]
    assert counter.findChild(QScrollArea).widget() is counter.station
    # the whole screen as it looks, every window at its place under a title bar as a
    # window manager draws one (the offscreen platform has none)
    band = 26
    for window, cell in zip(windows, grid(len(windows), QRect(0, 0, 1920, 1040)),
                            strict=True):
        window.setGeometry(cell.adjusted(0, band, 0, 0))
    for tile in tiles:
        tile.station.ensurePolished()
    picture = QImage(1920, 1040, QImage.Format.Format_RGB32)
    picture.fill(QColor("#30343b"))
    painter = QPainter(picture)
    for window in windows:
        where = window.geometry()
        title = QRect(where.x(), where.y() - band, where.width(), band)
        painter.fillRect(title.adjusted(1, 1, -1, 0), QColor("#dfe3e8"))
        painter.setPen(QColor("#1d2125"))
        painter.drawText(title.adjusted(10, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter,
                         window.windowTitle())
        painter.drawPixmap(where.topLeft(), window.grab())
    painter.end()
    # the kiosk, the supervisor, the counters and the survey tablet fit their tiles' width
    # (1920 x 1040: 640 px across): nothing to scroll sideways, the kiosk's type scaled
    # down, the counters compact, the survey scaled
    QApplication.processEvents()
    for tile in [tiles[0], *tiles[2:]]:
        assert tile.area.horizontalScrollBar().maximum() == 0, tile.windowTitle()
        assert tile.station.minimumSizeHint().width() <= tile.area.viewport().width()
    assert all(tile.station._compact for tile in tiles[3:7])
    kiosk = tiles[0].station
    assert kiosk.width() == tiles[0].area.viewport().width()
    assert all(button.width() <= kiosk.width() for button in kiosk.service_buttons.values())
    survey = tiles[7].station
    assert survey.scale < 1 and survey.start_button.height() <= survey.height()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert picture.save(str(SHOTS / "demo-tiled.png"))
    # an officer signs in at Loket 1's tile: the compact console, nothing cut off
    from tests.ui.fit import clipped

    console = tiles[4].station
    console.login.username.setText("petugas1")
    console.login.password.setText(summary["password"])
    console.login.button.click()
    assert console.pages.currentWidget() is console.main
    QApplication.processEvents()
    assert tiles[4].area.horizontalScrollBar().maximum() == 0
    assert console.buttons["call"].isVisibleTo(console) and clipped(console) == []
    assert tiles[4].grab().save(str(SHOTS / "demo-tile-counter.png"))
    assert tiles[0].grab().save(str(SHOTS / "demo-tile-kiosk.png"))
    for tile in tiles:
        tile.close()


def test_a_station_wider_than_its_tile_scrolls_and_shows_its_middle(qtbot) -> None:
    """A station that needs more than its tile (a kiosk at a small screen) scrolls in
    it; a centred tile shows the station's middle (where a sign-in card sits)."""
    from PySide6.QtWidgets import QWidget

    from ui.demo_office import StationTile

    wide = QWidget()
    wide.setMinimumSize(1500, 300)
    tile = StationTile(wide, "Loket 1", centred=True)
    qtbot.addWidget(tile)
    tile.resize(640, 346)
    tile.show()
    bar = tile.area.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum() // 2)
