"""``loket demo``: a whole office on one screen, every device simulated.

One kiosk, the counters (Samsat: cek fisik and lokets 1-3), the waiting-room display, the
supervisor's board and the survey tablet, each in its own window as on its own PC, all on
the demo SQLite file; the windows are tiled over the screen, none over another, each
titled with its role (``loket demo`` prints the command that starts each one alone).
With ``--autopilot`` visitors keep arriving and unattended counters serve them, so the
screens are alive; officers can log in at any counter (password in the launcher) and take
over from the autopilot.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QMargins, QObject, QRect, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QWidget

from app.demo import DEMO_OFFICE, autopilot, stations
from app.store import Store

AUTOPILOT_MS = 2500
TILE_ASPECT = 16 / 10  # the shape of a tile the grid aims at
# a window manager's frame before it has framed the window (re-placed once it has)
FRAME_GUESS = QMargins(1, 30, 1, 1)
log = logging.getLogger(__name__)


class Autopilot(QObject):
    """The demo's unattended counters (:class:`app.demo.autopilot.Autopilot`) on a timer."""

    def __init__(self, store: Store, office: str, counters: list[str],
                 manned: Any = None, seed: int = 7, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pilot = autopilot.Autopilot(store, office, counters, seed=seed, manned=manned)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timeout)

    def start(self, interval_ms: int = AUTOPILOT_MS) -> None:
        self.timer.start(interval_ms)

    def step(self) -> autopilot.Step:
        return self.pilot.step()

    def _on_timeout(self) -> None:
        try:
            self.pilot.step()
        except Exception:  # a demo that keeps going: the next tick tries again
            log.exception("autopilot step failed")


class StationTile(QMainWindow):
    """One demo station in a window of its own, titled with its role in words. The
    counters (compact under a width) and the survey tablet (scaled) fit a tile's width and
    scroll only downwards; a station still larger than its tile scrolls inside it, a
    ``centred`` one showing its middle; maximised, the tile shows it whole. Closing the
    tile closes the station, which may refuse (a counter with typed input asks first)."""

    def __init__(self, station: QWidget, role: str, *, centred: bool = False) -> None:
        super().__init__()
        self.station, self.role, self.centred = station, role, centred
        self.setWindowTitle(self.tr("Loket Demo — {role}").format(role=role))
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidget(station)
        self.setCentralWidget(self.area)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # once the scroll area has its new size: the middle of a station wider than the
        # tile shows (a counter's sign-in card sits in the middle of its window)
        if self.centred:
            QTimer.singleShot(0, self.centre)

    def centre(self) -> None:
        """Scroll to the middle of the station, across."""
        bar = self.area.horizontalScrollBar()
        bar.setValue((bar.minimum() + bar.maximum()) // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.station.close():
            event.accept()
        else:
            event.ignore()


def grid(count: int, area: QRect, *, aspect: float = TILE_ASPECT) -> list[QRect]:
    """``count`` cells that fill ``area`` row by row, none overlapping: as many columns
    as make the cells nearest to ``aspect`` (width / height), few cells left empty."""
    if count <= 0:
        return []
    best: tuple[float, int, int] | None = None
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        shape = (area.width() / cols) / (area.height() / rows)
        score = abs(math.log(shape / aspect)) + 0.25 * (rows * cols - count)
        if best is None or score < best[0]:
            best = (score, cols, rows)
    assert best is not None
    _, cols, rows = best
    cells = []
    for i in range(count):
        r, c = divmod(i, cols)
        left = area.x() + c * area.width() // cols
        right = area.x() + (c + 1) * area.width() // cols
        top = area.y() + r * area.height() // rows
        bottom = area.y() + (r + 1) * area.height() // rows
        cells.append(QRect(left, top, right - left, bottom - top))
    return cells


def frame_margins(window: QWidget) -> QMargins:
    """What the window manager adds around ``window`` (its title bar and borders); a guess
    until the window has been framed (nothing on the offscreen platform)."""
    outer, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                       outer.right() - inner.right(), outer.bottom() - inner.bottom())
    if margins.isNull() and QGuiApplication.platformName() not in ("offscreen", "minimal"):
        return FRAME_GUESS
    return margins


def place(windows: list[QWidget], area: QRect | None = None) -> list[QRect]:
    """Tile ``windows`` over ``area`` (the primary screen's available geometry: the
    screen less its task bar), each window with its frame in one cell; the cells."""
    if area is None:
        area = QGuiApplication.primaryScreen().availableGeometry()
    cells = grid(len(windows), area)
    for window, cell in zip(windows, cells, strict=True):
        window.setGeometry(cell.marginsRemoved(frame_margins(window)))
    return cells


def open_office(store: Store, office: str = DEMO_OFFICE, *, autopilot: bool = False,
                first: QWidget | None = None) -> list[StationTile]:
    """Build and show the stations of ``office``, each in its tile (the windows, kept
    alive), tiled over the screen after ``first`` (the demo's launcher) if given."""
    from ui.counter import CounterWindow
    from ui.display import DisplayWindow
    from ui.kiosk import KioskWindow
    from ui.station import make_announcer
    from ui.supervisor import SupervisorWindow
    from ui.survey import SurveyWindow

    tiles: list[StationTile] = []
    counters: dict[str, CounterWindow] = {}
    for each in stations(store, office):
        station: QWidget
        if each.kind == "kiosk":
            station = KioskWindow(store, office, station_code=each.station or "KIOSK-1")
        elif each.kind == "counter":
            assert each.counter is not None
            station = counters[each.counter] = CounterWindow(store, office, each.counter)
        elif each.kind == "display":
            station = DisplayWindow(store, office, announcer=make_announcer(
                store, office, each.station or "TV-1"))
        elif each.kind == "supervisor":
            station = SupervisorWindow(store, office)
        else:
            station = SurveyWindow(store, office)
        tiles.append(StationTile(station, each.role,
                                 centred=each.kind in ("counter", "supervisor")))
    windows: list[QWidget] = [*([first] if first is not None else []), *tiles]
    for window in windows:
        window.show()
    place(windows)
    if autopilot:
        pilot = Autopilot(store, office, list(counters), manned=lambda code: getattr(
            counters[code], "actor", None) is not None, parent=tiles[-1])
        pilot.start()
        tiles[-1].autopilot = pilot  # type: ignore[attr-defined]
    return tiles
