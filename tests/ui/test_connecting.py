"""A station started while the database server is down waits on the connecting screen,
retries with a growing pause, and opens once the server answers (issue 15, item 6).

"Down" is a loopback port nothing listens on (the connection is refused at once); "the
server comes up" is the retry pointed at the test session's PostgreSQL server. The pauses
between attempts are injected, so the tests never sleep: they wait for the screen's
signals.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.cli.station import connect as _connect
from app.errors import LoketError, SchemaError
from tests.pgserver import _free_port
from ui.connecting import ConnectingScreen, reason_in_words
from ui.station import KINDS, StationLauncher

OFFICE = "SAMSAT-PTK1"
SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))  # docs/screenshots to refresh
SECRET = "rahasia-sekali"
ONLY_PG = pytest.mark.parametrize("catalog_db_url", ["postgresql"], indirect=True)


def _down_url() -> str:
    """A PostgreSQL URL (with a password) on a loopback port where no server listens."""
    return f"postgresql+psycopg://loket:{SECRET}@127.0.0.1:{_free_port()}/loket"


class Server:
    """Where the station's attempts go; the test moves it (down, then a live server)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.calls = 0

    def connect(self):
        self.calls += 1
        return _connect(argparse.Namespace(db=self.url, office=OFFICE))


@pytest.fixture
def launchers() -> Iterator[list[StationLauncher]]:
    """Launchers a test starts; their windows and stores are closed afterwards."""
    made: list[StationLauncher] = []
    yield made
    for launcher in made:
        for widget in (launcher.window, launcher.screen):
            if widget is not None:
                widget.close()
        if launcher.store is not None:
            launcher.store.close()


def _launch(launchers: list[StationLauncher], server: Server, kind: str = "kiosk",
            **options) -> StationLauncher:
    launcher = StationLauncher(kind, server.connect, windowed=True, **options)
    launchers.append(launcher)
    launcher.start()
    return launcher


def _texts(screen: ConnectingScreen) -> str:
    return "\n".join(label.text() for label in screen.findChildren(QLabel))


@ONLY_PG
def test_a_station_started_while_the_server_is_down_waits_and_opens_when_it_answers(
        qtbot, launchers, catalog_db_url: str) -> None:
    server = Server(_down_url())
    launcher = _launch(launchers, server, "survey", backoff=(0.02, 0.05))
    screen = launcher.screen
    assert launcher.window is None and screen is not None and screen.isVisible()
    with qtbot.waitSignal(screen.attempt_failed, timeout=5000,
                          check_params_cb=lambda n: n == 3):
        pass
    texts = _texts(screen)
    assert screen.title.text() == "Menghubungkan ke server…"
    assert "layanan PostgreSQL di server mungkin belum berjalan" in screen.reason.text()
    assert screen.attempts_label.text() == "Percobaan ke-3 gagal."
    assert "Mencoba lagi dalam 1 detik" in screen.next_label.text() or screen.trying
    assert "127.0.0.1" in screen.detail.text() and "***" in screen.detail.text()
    assert SECRET not in texts and "Traceback" not in texts
    assert server.calls >= 3

    server.url = catalog_db_url  # the server is up
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=15_000)
    assert type(launcher.window).__name__ == "SurveyWindow"
    qtbot.waitUntil(lambda: not screen.isVisible())
    assert launcher.window.isVisible() and launcher.error is None
    assert not screen.waiting  # no attempt after the station opened
    calls = server.calls
    QApplication.processEvents()
    assert server.calls == calls


def test_the_pause_grows_and_try_now_does_not_wait_for_it(qtbot, launchers) -> None:
    server = Server(_down_url())
    launcher = _launch(launchers, server, backoff=(0.01, 0.01, 3600))
    screen = launcher.screen
    assert screen is not None
    assert [screen.delay_after(n) for n in (1, 2, 3, 4, 9)] == [0.01, 0.01, 3600, 3600, 3600]
    qtbot.waitUntil(lambda: screen.attempts == 3 and screen.waiting, timeout=5000)
    assert screen.next_label.text() == "Mencoba lagi dalam 3600 detik…"
    assert screen._retry.remainingTime() > 3_500_000  # the third pause is the long one
    with qtbot.waitSignal(screen.attempt_failed, timeout=5000) as failed:
        qtbot.mouseClick(screen.try_button, Qt.MouseButton.LeftButton)
    assert failed.args == [4] and server.calls == 4


def test_quit_on_the_connecting_screen_stops_retrying_and_keeps_the_reason(
        qtbot, launchers) -> None:
    server = Server(_down_url())
    launcher = _launch(launchers, server, backoff=(3600,))
    screen = launcher.screen
    assert screen is not None and screen.waiting and screen.attempts == 1
    qtbot.mouseClick(screen.quit_button, Qt.MouseButton.LeftButton)
    assert not screen.isVisible() and not screen.waiting and screen.abandoned
    error = launcher.error
    assert isinstance(error, LoketError) and error.key == "db.unreachable"
    assert SECRET not in error.message()
    screen.try_now()  # nothing after quitting
    assert server.calls == 1


@pytest.mark.parametrize("empty_db_url", ["postgresql"], indirect=True)
def test_a_database_without_the_schema_says_to_upgrade_and_is_not_retried(
        qtbot, launchers, empty_db_url: str) -> None:
    server = Server(empty_db_url)
    launcher = _launch(launchers, server, backoff=(0.01,))
    screen = launcher.screen
    assert screen is not None and isinstance(launcher.error, SchemaError)
    assert screen.title.text() == "Basis data dan program tidak cocok"
    assert screen.reason.text() == ("Basis data belum disiapkan; jalankan: loket db upgrade")
    assert "Tidak dicoba lagi otomatis" in screen.next_label.text()
    assert not screen.waiting and not screen.trying and server.calls == 1
    assert screen.try_button.isEnabled() and screen.try_button.text() == "Coba lagi"


@pytest.mark.parametrize("empty_db_url", ["postgresql"], indirect=True)
def test_a_server_that_comes_back_with_an_old_schema_stops_the_retries(
        qtbot, launchers, empty_db_url: str) -> None:
    server = Server(_down_url())
    launcher = _launch(launchers, server, backoff=(0.02,))
    screen = launcher.screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.attempts >= 2, timeout=5000)
    with qtbot.waitSignal(screen.stopped, timeout=10_000) as stopped:
        server.url = empty_db_url
    assert isinstance(stopped.args[0], SchemaError)
    assert "loket db upgrade" in screen.reason.text()
    calls = server.calls
    assert not screen.waiting and launcher.window is None
    QApplication.processEvents()
    assert server.calls == calls


@pytest.mark.parametrize("kind", KINDS)
def test_every_station_kind_waits_on_the_same_screen(qtbot, launchers, kind: str) -> None:
    launcher = _launch(launchers, Server(_down_url()), kind, backoff=(3600,), counter="L1")
    assert launcher.screen is not None and launcher.screen.isVisible()
    assert launcher.window is None and launcher.screen.waiting


def test_the_reason_is_said_in_words() -> None:
    refused = ('connection failed: connection to server at "127.0.0.1", port 5432 failed: '
               "Connection refused")
    assert "belum berjalan" in reason_in_words(refused)
    assert "batas waktu" in reason_in_words("connection timeout expired")
    assert "Nama server tidak dikenal" in reason_in_words(
        "failed to resolve host 'loket-server': [Errno -2] Name or service not known")
    assert "kata sandi" in reason_in_words(
        'password authentication failed for user "loket"')
    assert reason_in_words("something new") == "Server basis data belum dapat dihubungi."


def test_screenshot_of_the_connecting_screen(qtbot, launchers) -> None:
    launcher = _launch(launchers, Server(_down_url()), backoff=(0.01, 0.01, 10))
    screen = launcher.screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.attempts == 3 and screen.waiting, timeout=5000)
    screen.resize(1366, 768)
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(SHOTS / "station-connecting.png"))


def test_loket_station_with_the_server_down_waits_then_quits_with_one_line() -> None:
    """The real command in its own process: it stays up on the connecting screen (here
    until ``--quit-after``), then ends with the reason in one line, exit 2."""
    url = _down_url()
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", url, "station", "display", "--office", OFFICE,
         "--windowed", "--quit-after", "1.5"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOKET_LANG": "id"})
    assert time.monotonic() - started >= 1.5  # it waited instead of exiting
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("loket:")]
    assert len(lines) == 1 and lines[0].startswith("loket: tidak dapat terhubung"), lines
    assert SECRET not in done.stderr


@ONLY_PG
def test_a_counter_station_without_its_counter_says_so_once_the_server_answers(
        qtbot, launchers, catalog_db_url: str) -> None:
    server = Server(_down_url())
    launcher = _launch(launchers, server, "counter", backoff=(0.02,))  # no counter named
    screen = launcher.screen
    assert screen is not None
    with qtbot.waitSignal(screen.stopped, timeout=15_000) as stopped:
        server.url = catalog_db_url
    assert isinstance(stopped.args[0], LoketError)
    assert stopped.args[0].key == "station.counter_required"
    assert screen.title.text() == "Stasiun tidak dapat dibuka" and launcher.window is None
    assert launcher.store is None  # no store kept for a station that did not open
    assert not screen.waiting


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
def test_a_server_lost_between_connecting_and_reading_counts_as_unreachable(
        monkeypatch, catalog_db_url: str) -> None:
    from sqlalchemy.exc import OperationalError

    import app.queue.config

    def lost(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection "
                                                       "unexpectedly\nmore"))

    monkeypatch.setattr(app.queue.config, "resolve_office", lost)
    with pytest.raises(LoketError) as raised:
        Server(catalog_db_url).connect()
    assert raised.value.key == "db.unreachable"
    assert raised.value.params["reason"] == "server closed the connection unexpectedly"
