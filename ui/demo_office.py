"""``loket demo``: a whole office on one screen, every device simulated.

One kiosk, the counters (Samsat: cek fisik and lokets 1-3), the waiting-room display and the
supervisor's board, each in its own window as on its own PC, all on the demo SQLite file.
With ``--autopilot`` visitors keep arriving and unattended counters serve them, so the
screens are alive; officers can log in at any counter (password in the launcher) and take
over from the autopilot.
"""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.errors import LoketError
from app.queue import engine as q_
from app.store import Store

AUTOPILOT_MS = 2500
DEMO_OFFICE = "SAMSAT-PTK1"


class Autopilot(QObject):
    """Visitors arrive; counters nobody is logged in at call, serve and finish."""

    def __init__(self, store: Store, office: str, counters: list[str],
                 manned: Any = None, seed: int = 7, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.office, self.counters = store, office, counters
        self._manned = manned or (lambda _code: False)
        self._random = random.Random(seed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.step)
        with store.uow(read_only=True) as uow:
            from app.catalog.store import list_services

            self.services = [s["code"] for s in list_services(uow, office)]

    def start(self, interval_ms: int = AUTOPILOT_MS) -> None:
        self._timer.start(interval_ms)

    def step(self) -> None:
        pilot = q_.Actor("autopilot")
        try:
            if self._random.random() < 0.7:
                with self.store.uow() as uow:
                    q_.issue_ticket(uow, self._random.choice(self.services),
                                    office_code=self.office, actor=pilot,
                                    priority="lansia" if self._random.random() < 0.1 else None)
            for code in self.counters:
                if self._manned(code):
                    continue
                with self.store.uow() as uow:
                    try:
                        q_.finish(uow, code, office_code=self.office, actor=pilot)
                        continue
                    except LoketError:
                        pass  # serving nobody
                if self._random.random() < 0.5:
                    with self.store.uow() as uow:
                        q_.call_next(uow, code, office_code=self.office, actor=pilot)
        except LoketError:
            pass  # closed office, busy counter: the next step tries again


def open_office(store: Store, office: str = DEMO_OFFICE, *,
                autopilot: bool = False) -> list[QWidget]:
    """Build and show the stations of ``office``; returns the windows (kept alive)."""
    from ui.counter import CounterWindow
    from ui.display import DisplayWindow
    from ui.kiosk import KioskWindow
    from ui.supervisor import SupervisorWindow

    windows: list[QWidget] = [KioskWindow(store, office, station_code="KIOSK-1")]
    with store.uow(read_only=True) as uow:
        status = q_.status(uow, office_code=office)
    codes = [c["counter"] for c in status["counters"]]
    counters = {code: CounterWindow(store, office, code) for code in codes}
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
        pilot = Autopilot(store, office, codes, manned=lambda code: getattr(
            counters[code], "actor", None) is not None, parent=windows[-1])
        pilot.start()
        windows[-1].autopilot = pilot  # type: ignore[attr-defined]
    return windows
