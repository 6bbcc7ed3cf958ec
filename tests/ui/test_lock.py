"""The idle lock of the counter console: after the office's ``lock_after_minutes`` without a
key or a click the console is covered; the typed cek fisik numbers, the visit and the open
counter are all still there after the officer's password; a wrong password is refused and
audited; another officer signing in logs the first out, who must not be serving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app import users
from app.access import Actor
from app.store import Store
from db.models import AuditEntry, Counter, Office
from tests.app.queue.conftest import MONDAY_9
from tests.ui.test_counter import (
    CHASSIS,
    ENGINE,
    OFFICE,
    PASSWORD,
    SHOTS,
    issue,
    login,
    press,
    serve_at,
)
from ui.counter import CounterWindow
from ui.lock import SignInPage


class Seconds:
    """The idle watcher's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def console(qtbot, catalog_store: Store, tmp_path: Path):
    with catalog_store.uow() as uow:
        for name in ("petugas1", "petugas2"):
            users.add_user(uow, name, "officer", PASSWORD, actor=Actor("admin"), office_code=OFFICE,
                           full_name=name.capitalize())
    seconds = Seconds()
    window = CounterWindow(catalog_store, OFFICE, "CF", clock=lambda: MONDAY_9,
                           slip_folder=tmp_path, idle_clock=seconds, idle_check_ms=10)
    qtbot.addWidget(window)  # closed by pytest-qt before this fixture's end:
    window.ask_unsaved = lambda text: "discard"  # a test's leftovers never open a dialog
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    login(window, "petugas1")
    return window, seconds


def counter_open(store: Store) -> bool:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(Counter.is_open).where(Counter.code == "CF"))


def test_the_console_locks_and_keeps_the_typed_numbers(qtbot, console,
                                                       catalog_store: Store) -> None:
    window, seconds = console
    ticket = issue(catalog_store)
    serve_at(qtbot, window)
    (check,) = window.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)
    qtbot.keyClicks(check.engine.edit, ENGINE)  # activity at second 0
    seconds.now = 15 * 60 - 1  # the default: 15 minutes
    qtbot.wait(50)  # the watcher's 10 ms timer runs a few times: not yet
    assert window.pages.currentWidget() is window.main
    seconds.now = 15 * 60
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.locked, timeout=2000)
    assert window.locked.username.text() == "petugas1"
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "counter-locked.png"))

    press(qtbot, window, Qt.Key.Key_F9)  # the F-keys sleep under the lock
    assert window.current is not None and window.current.ticket == ticket
    qtbot.keyClicks(window.locked.password, "salah-sandi")
    qtbot.keyClick(window.locked.password, Qt.Key.Key_Return)
    assert window.locked.message.text() == "nama pengguna atau kata sandi salah"
    assert window.pages.currentWidget() is window.locked
    with catalog_store.uow(read_only=True) as uow:
        failed = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "user.login_failed"))
    assert failed.actor == "petugas1" and failed.after["reason"] == "password"

    qtbot.keyClicks(window.locked.password, PASSWORD)
    qtbot.keyClick(window.locked.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.main
    assert check.chassis.text() == CHASSIS and check.engine.text() == ENGINE
    assert check.unsaved() == "cek fisik: nomor rangka, nomor mesin"
    assert window.current.ticket == ticket and window.current.status == "serving"
    assert counter_open(catalog_store)
    assert window.idle.armed  # counting again from the unlock


def test_another_officer_at_the_lock(qtbot, console, catalog_store: Store) -> None:
    """While the first officer still serves, the second is refused (the lock stays, the
    numbers stay); once the visit is finished, the second signs in and the first is out."""
    window, _seconds = console
    issue(catalog_store)
    serve_at(qtbot, window)
    (check,) = window.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)
    window.lock()
    window.locked.username.clear()
    qtbot.keyClicks(window.locked.username, "petugas2")
    qtbot.keyClicks(window.locked.password, PASSWORD)
    qtbot.keyClick(window.locked.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.locked
    assert window.locked.message.text() == (  # the first officer's numbers cannot be saved
        "Keluar belum dilakukan. Cek fisik belum disimpan: nomor mesin belum diisi")
    assert window.actor.name == "petugas1" and check.chassis.text() == CHASSIS

    window.locked.reset("petugas1")
    qtbot.keyClicks(window.locked.password, PASSWORD)
    qtbot.keyClick(window.locked.password, Qt.Key.Key_Return)
    qtbot.keyClicks(check.engine.edit, ENGINE)
    press(qtbot, window, Qt.Key.Key_F9)  # the cek fisik recorded, the visit moves on
    assert window.current is None, window.banner.text()
    window.lock()
    window.locked.username.clear()
    qtbot.keyClicks(window.locked.username, "petugas2")
    qtbot.keyClicks(window.locked.password, PASSWORD)
    qtbot.mouseClick(window.locked.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.main
    assert window.actor.name == "petugas2" and counter_open(catalog_store)
    with catalog_store.uow(read_only=True) as uow:
        who = uow.session.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "user.login").order_by(AuditEntry.id)).all()
    assert who[-1] == "petugas2"


def test_never_locks_with_zero(qtbot, catalog_store: Store, tmp_path: Path) -> None:
    with catalog_store.uow() as uow:
        users.add_user(uow, "petugas1", "officer", PASSWORD, actor=Actor("admin"),
                       office_code=OFFICE)
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = dict(office.settings) | {"lock_after_minutes": 0}
        uow.commit()
    seconds = Seconds()
    window = CounterWindow(catalog_store, OFFICE, "CF", clock=lambda: MONDAY_9,
                           slip_folder=tmp_path, idle_clock=seconds, idle_check_ms=10)
    qtbot.addWidget(window)
    window.show()
    login(window, "petugas1")
    seconds.now = 24 * 3600
    window.idle.check()
    assert not window.idle.armed and window.pages.currentWidget() is window.main
    window.close()


SIZES = [(1366, 768), (1920, 1080)]


def _page_reads(window: QWidget, page: SignInPage, size: tuple[int, int]) -> None:
    """``page`` at ``size``: type on the console's scale, the form wider on the bigger
    screen, nothing clipped."""
    from tests.ui.fit import clipped
    from ui.scale import base_point_size

    window.resize(*size)
    QApplication.processEvents()
    assert (window.width(), window.height()) == size
    base = base_point_size(size[1])
    assert page.base == base  # the console's own base at this height
    assert page.subtitle.font().pointSize() == base
    assert page.title.font().pointSize() == base + 12 and page.title.font().bold()
    for edit in (page.username, page.password):
        assert edit.font().pointSize() == base + 4
        assert edit.height() >= QFontMetrics(edit.font()).height() + 12
    assert page.button.font().pointSize() == base + 3 and page.button.font().bold()
    assert page.box.width() >= 44 * base  # the form grows with the type
    assert clipped(window) == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_sign_in_and_lock_pages_scale_with_the_screen(qtbot, catalog_store: Store,
                                                          tmp_path: Path, size) -> None:
    """The counter's log-in page, its lock page and the supervisor board's log-in page
    scale as the counter console does: 10 points at 768, 14 at 1080, nothing clipped."""
    from ui.supervisor import SupervisorWindow

    with catalog_store.uow() as uow:
        users.add_user(uow, "petugas1", "officer", PASSWORD, actor=Actor("admin"),
                       office_code=OFFICE)
    seconds = Seconds()
    window = CounterWindow(catalog_store, OFFICE, "L1", clock=lambda: MONDAY_9,
                           slip_folder=tmp_path, idle_clock=seconds, idle_check_ms=10)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.currentWidget() is window.login
    _page_reads(window, window.login, size)
    if catalog_store.backend == "sqlite":
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / f"counter-login-{size[0]}x{size[1]}.png"))
    login(window, "petugas1")
    window.lock()
    assert window.pages.currentWidget() is window.locked
    _page_reads(window, window.locked, size)
    window.locked.refused("nama pengguna atau kata sandi salah")  # the message too
    _page_reads(window, window.locked, size)
    if catalog_store.backend == "sqlite":
        assert window.grab().save(str(SHOTS / f"counter-locked-{size[0]}x{size[1]}.png"))
    window.ask_unsaved = lambda text: "discard"
    window.close()

    board = SupervisorWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9,
                             check_devices=False)
    qtbot.addWidget(board)
    board.resize(*size)
    board.show()
    qtbot.waitExposed(board)
    assert board.pages.currentWidget() is board.login
    _page_reads(board, board.login, size)
    if catalog_store.backend == "sqlite":
        assert board.grab().save(str(SHOTS / f"supervisor-login-{size[0]}x{size[1]}.png"))
    board.close()
