"""``loket demo``: a whole office on one screen, every device simulated.

One kiosk, the counters (Samsat: cek fisik and lokets 1-3), the waiting-room display and the
supervisor's board, each in its own window as on its own PC, all on the demo SQLite file.
With ``--autopilot`` visitors keep arriving and unattended counters serve them, so the
screens are alive; officers can log in at any counter (password in the launcher) and take
over from the autopilot.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.demo import autopilot, counter_codes
from app.store import Store

AUTOPILOT_MS = 2500
DEMO_OFFICE = "SAMSAT-PTK1"
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


def open_office(store: Store, office: str = DEMO_OFFICE, *,
                autopilot: bool = False) -> list[QWidget]:
    """Build and show the stations of ``office``; returns the windows (kept alive)."""
    from ui.counter import CounterWindow
    from ui.display import DisplayWindow
    from ui.kiosk import KioskWindow
    from ui.supervisor import SupervisorWindow

    windows: list[QWidget] = [KioskWindow(store, office, station_code="KIOSK-1")]
    counters = {code: CounterWindow(store, office, code)
                for code in counter_codes(store, office)}
    windows.extend(counters.values())
    from ui.station import make_announcer

    windows.append(DisplayWindow(store, office, announcer=make_announcer(store, office, "TV-1")))
    windows.append(SupervisorWindow(store, office))
    from ui.survey import SurveyWindow

    windows.append(SurveyWindow(store, office))
    for i, window in enumerate(windows):
        window.resize(960, 600)
        window.move(40 * i, 30 * i)
        window.show()
    if autopilot:
        pilot = Autopilot(store, office, list(counters), manned=lambda code: getattr(
            counters[code], "actor", None) is not None, parent=windows[-1])
        pilot.start()
        windows[-1].autopilot = pilot  # type: ignore[attr-defined]
    return windows
