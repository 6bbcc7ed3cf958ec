"""``loket station KIND``: one station's window, full screen (or windowed), on this PC.

Every station runs the same way against SQLite on one PC or against the office's
PostgreSQL server: open the store, build the station's window, show it, run Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.errors import LoketError
from app.store import Store
from ui.application import make_app

KINDS = ("kiosk", "counter", "display", "supervisor", "survey")


def make_announcer(store: Store, office: str, station: str | None = None) -> Any:
    """The display's voice, muted or not, at the volume and with the recordings that the
    office's (or this station's) settings say."""
    from pathlib import Path

    from app.display_board import voice_settings
    from ui.announcer import Announcer

    with store.uow(read_only=True) as uow:
        voice = voice_settings(uow, office, station)
    announcer = Announcer(folder=Path(voice.folder) if voice.folder else None)
    announcer.muted = voice.muted
    announcer.set_volume(voice.volume)
    return announcer


def _display(store: Store, office: str, station: str | None = None, **_: Any) -> QWidget:
    from ui.display import DisplayWindow

    return DisplayWindow(store, office, announcer=make_announcer(store, office, station))


def _kiosk(store: Store, office: str, station: str | None = None, **_: Any) -> QWidget:
    from ui.kiosk import KioskWindow

    return KioskWindow(store, office, station_code=station)


def _counter(store: Store, office: str, counter: str | None = None, **_: Any) -> QWidget:
    from ui.counter import CounterWindow

    if not counter:
        raise LoketError("station.counter_required")
    return CounterWindow(store, office, counter)


def _supervisor(store: Store, office: str, **_: Any) -> QWidget:
    from ui.supervisor import SupervisorWindow

    return SupervisorWindow(store, office)


def _survey(store: Store, office: str, counter: str | None = None, **_: Any) -> QWidget:
    """The full survey; with ``--counter`` the one-tap rating of that loket."""
    from ui.survey import SurveyWindow

    return SurveyWindow(store, office, quick_counter=counter)


FACTORIES: dict[str, Callable[..., QWidget]] = {
    "display": _display, "kiosk": _kiosk, "counter": _counter, "supervisor": _supervisor,
    "survey": _survey,
}


def build_station(kind: str, store: Store, office: str, **options: Any) -> QWidget:
    factory = FACTORIES.get(kind)
    if factory is None:
        raise LoketError("station.not_available", kind=kind,
                         choices=", ".join(sorted(FACTORIES)))
    return factory(store, office, **options)


def run_station(kind: str, store: Store, office: str, *, windowed: bool = False,
                quit_after: float | None = None, **options: Any) -> int:
    app = make_app()
    window = build_station(kind, store, office, **options)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    return app.exec()
