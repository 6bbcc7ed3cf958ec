"""``loket station KIND``: one station's window, full screen (or windowed), on this PC.

Every station runs the same way against SQLite on one PC or against the office's
PostgreSQL server: open the store, build the station's window, show it, run Qt. While the
server cannot be reached (or the database needs ``loket db upgrade``) the station shows
the connecting screen (:mod:`ui.connecting`) instead of exiting, and opens once the server
answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.errors import LoketError, SchemaError
from app.store import Store
from ui.application import make_app
from ui.connecting import BACKOFF, RETRYABLE, ConnectingScreen

KINDS = ("kiosk", "counter", "display", "supervisor", "survey")


def make_announcer(store: Store, office: str, station: str | None = None) -> Any:
    """The display's voice, muted or not, at the volume and with the recordings that the
    office's (or this station's) settings say."""
    from pathlib import Path

    from app.stations.display import DisplayStation
    from ui.announcer import Announcer

    voice = DisplayStation(store, office).voice(station)
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


#: Opens the database and names the office: ``(store, office code)``, or raises.
Connect = Callable[[], tuple[Store, str]]


def waits_on_screen(error: BaseException) -> bool:
    """Errors the connecting screen shows instead of exiting: a server that cannot be
    reached (retried) and a schema that does not match (says what to run)."""
    return isinstance(error, SchemaError) or (
        isinstance(error, LoketError) and error.key in RETRYABLE)


class StationLauncher(QObject):
    """Opens a station: connect, build its window, show it; while the server cannot be
    reached, the connecting screen in its place, retrying until the station can open.

    The first attempt is made at once, before anything is shown, so a station whose
    server answers opens as it always did. ``opened(window)`` when the station is up.
    """

    opened = Signal(QWidget)

    def __init__(self, kind: str, connect: Connect, *, windowed: bool = False,
                 backoff: Sequence[float] = BACKOFF, **options: Any) -> None:
        super().__init__()
        self.kind, self.options = kind, options
        self._connect, self._windowed, self._backoff = connect, windowed, backoff
        self.store: Store | None = None
        self.window: QWidget | None = None
        self.screen: ConnectingScreen | None = None

    def start(self) -> None:
        """Open the station, or show the connecting screen; other errors propagate."""
        try:
            result = self._connect()
        except LoketError as exc:
            if not waits_on_screen(exc):
                raise
            self._wait(exc)
            return
        self._open(result)

    @property
    def error(self) -> BaseException | None:
        """Why the station did not open (the connecting screen's last error), if it did not."""
        if self.window is not None or self.screen is None:
            return None
        return self.screen.last_error

    def _wait(self, first_error: LoketError) -> None:
        self.screen = ConnectingScreen(self._connect, backoff=self._backoff)
        self.screen.connected.connect(self._connected)
        self._present(self.screen)
        self.screen.start(first_error)

    def _connected(self, result: tuple[Store, str]) -> None:
        assert self.screen is not None
        try:
            self._open(result)
        except Exception as exc:  # e.g. a counter station without --counter: say so there
            self.screen.stop(exc)
            return
        self.screen.close()

    def _open(self, result: tuple[Store, str]) -> None:
        store, office = result
        try:
            window = build_station(self.kind, store, office, **self.options)
        except BaseException:
            store.close()
            raise
        self.store, self.window = store, window
        self._present(window)
        self.opened.emit(window)

    def _present(self, widget: QWidget) -> None:
        if self._windowed:
            widget.resize(1280, 800)
            widget.show()
        else:
            widget.showFullScreen()


def run_station(kind: str, connect: Connect, *, windowed: bool = False,
                quit_after: float | None = None, backoff: Sequence[float] = BACKOFF,
                **options: Any) -> int:
    """Run one station until its window closes. Quitting on the connecting screen ends
    with the error that kept the station from opening (the command line prints it)."""
    app = make_app()
    launcher = StationLauncher(kind, connect, windowed=windowed, backoff=backoff, **options)
    launcher.start()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    try:
        code = app.exec()
    finally:
        if launcher.store is not None:
            launcher.store.close()
    error = launcher.error
    if isinstance(error, LoketError):
        raise error
    return 1 if error is not None else code
