"""The supervisor's board on a live office: a stuck visit is seen and taken back, the
running text reaches the display, a counter is closed, a failed ticket is reprinted."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from app import users
from app.access import Actor
from app.catalog.service import import_file
from app.output import tickets as ticket_print
from app.queue import engine as q_
from app.store import Store
from db.enums import DeviceKind, VisitStatus
from db.models import AuditEntry, Counter, Office, Visit
from devices.connection import parse
from devices.registry import simulator
from resources import path
from tests.app.queue.conftest import MONDAY_9
from ui.display import DisplayWindow
from ui.supervisor import SupervisorWindow

OFFICE = "SAMSAT-PTK1"
SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))
LATER = MONDAY_9 + timedelta(minutes=40)
PASSWORD = "rahasia-123"


def act(store: Store, fn, *args, now=MONDAY_9, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=now, **kw)


def select_row(table, text: str) -> None:
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() == text]
    assert rows, f"{text} not in the table"
    table.setCurrentCell(rows[0], 0)


def add_user(store: Store, name: str, role: str, office: str | None = OFFICE) -> None:
    with store.uow() as uow:
        users.add_user(uow, name, role, PASSWORD, actor="admin", office_code=office)


def sign_in(qtbot, window: SupervisorWindow, name: str, password: str = PASSWORD) -> None:
    """Type into the board's log-in page and press Masuk, as the supervisor does."""
    qtbot.keyClicks(window.login.username, name)
    qtbot.keyClicks(window.login.password, password)
    qtbot.mouseClick(window.login.button, Qt.MouseButton.LeftButton)


@pytest.fixture
def board(qtbot, catalog_store: Store):
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    sign_in(qtbot, window, "kepala")
    assert window.pages.currentWidget() is window.board
    yield window
    window.close()


def test_a_stuck_visit_is_seen_and_taken_back(qtbot, board, catalog_store: Store) -> None:
    act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    act(catalog_store, q_.issue_ticket, "STNK-HILANG", priority="lansia")
    with qtbot.waitSignal(board.refreshed, timeout=5000):
        act(catalog_store, q_.call_next, "CF")  # the priority visit: B-001
    serving = {board.serving.item(r, 0).text(): board.serving.item(r, 4).text()
               for r in range(board.serving.rowCount())}
    assert serving == {"B-001": "40"}  # the counter has been silent for 40 minutes
    assert board.oldest.item(0, 0).text() == "A-001"
    assert board.oldest.item(0, 3).text() == "40"
    select_row(board.serving, "B-001")
    board.take_back.click()
    assert "B-001" in board.banner.text()
    assert board.serving.rowCount() == 0
    with catalog_store.uow(read_only=True) as uow:
        status = uow.session.scalar(select(Visit.status).where(Visit.ticket == "B-001"))
        who = uow.session.scalar(select(AuditEntry.actor).where(
            AuditEntry.action == "ticket.taken_back"))
    assert status is VisitStatus.WAITING and who == "kepala"  # the one signed in
    with qtbot.waitSignal(board.devices_checked, timeout=15000):
        board.check_devices()
    kinds = {board.devices.item(r, 1).text() for r in range(board.devices.rowCount())}
    assert "ticket_printer" in kinds
    SHOTS.mkdir(parents=True, exist_ok=True)
    board.grab().save(str(SHOTS / "supervisor.png"))


def test_running_text_reaches_the_display(qtbot, board, catalog_store: Store) -> None:
    display = DisplayWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(display)
    board.running_text.setText("Layanan STNK hari Sabtu tutup pukul 12.00")
    with qtbot.waitSignal(display.live.received, timeout=5000):
        board.save_text.click()
    qtbot.waitUntil(lambda: "Sabtu" in display._ticker_text, timeout=5000)
    display.close()


def test_a_pasted_control_character_is_refused_and_the_text_kept(qtbot, board,
                                                                catalog_store: Store) -> None:
    QGuiApplication.clipboard().setText("Tutup\x07 pukul 12")
    board.running_text.setFocus()
    qtbot.keyClick(board.running_text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert board.running_text.text() == "Tutup\x07 pukul 12"  # Qt keeps what was pasted
    board.save_text.click()
    assert "karakter kendali U+0007" in board.banner.text()
    assert board.running_text.text() == "Tutup\x07 pukul 12"  # nothing the officer typed lost
    with catalog_store.uow(read_only=True) as uow:
        office = uow.session.scalars(select(Office).where(Office.code == OFFICE)).one()
        assert "pukul 12" not in (office.settings.get("running_text") or "")


def test_closing_a_counter(qtbot, board, catalog_store: Store) -> None:
    act(catalog_store, q_.set_counter_open, "L2", True)
    board.refresh()
    select_row(board.counters, "L2")
    board.toggle.click()
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(Counter.is_open).where(Counter.code == "L2")) is False
    assert "L2" in board.banner.text()


def test_a_failed_ticket_is_reprinted(qtbot, board, catalog_store: Store) -> None:
    info = act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    connection = "sim://?name=supervisor-test&fault=paper_out"
    job = ticket_print.queue_ticket(catalog_store, info.id, connection)
    with catalog_store.uow() as uow:  # given up after its attempts
        from db.enums import JobState
        from db.models import DeviceJob


        uow.session.query(DeviceJob).filter_by(id=job).update({"state": JobState.FAILED})
        uow.commit()
    board.refresh()
    assert board.reprints.rowCount() == 1
    board.reprints.setCurrentCell(0, 0)
    sim = simulator(DeviceKind.TICKET_PRINTER, parse(connection))
    sim.set_fault(None)
    board.reprint.click()
    assert board.banner.text() == "Tiket dicetak ulang."
    assert "** CETAK ULANG **" in sim.receipts[-1].text
    assert board.reprints.rowCount() == 0  # reprinted: off the list


def test_a_lost_database_is_reported_not_raised(qtbot, board, monkeypatch) -> None:
    """The server goes away: the board says so and keeps its last picture."""
    from sqlalchemy.exc import OperationalError

    import app.stations.supervisor

    def down(*_a, **_k):
        raise OperationalError("SELECT", None, Exception("server closed the connection"))

    monkeypatch.setattr(app.stations.supervisor, "overview", down)  # inside its unit of work
    rows = board.stages.rowCount()
    board.refresh()
    assert "tidak dapat terhubung ke basis data" in board.banner.text()
    assert board.stages.rowCount() == rows


def test_a_lost_database_at_signing_in_is_said_on_the_page(qtbot, catalog_store: Store,
                                                          monkeypatch) -> None:
    """The server goes away before anyone signs in: the log-in page says so in words and
    stays; once it is back the supervisor signs in."""
    from sqlalchemy.exc import OperationalError

    import app.stations.supervisor

    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER, check_devices=False)
    qtbot.addWidget(window)
    window.show()

    def down(*_a, **_k):
        raise OperationalError("SELECT", None, Exception("server closed the connection"))

    with monkeypatch.context() as patch:
        patch.setattr(app.stations.supervisor.users, "authenticate", down)
        sign_in(qtbot, window, "kepala")
    assert "tidak dapat terhubung ke basis data" in window.login.message.text()
    assert "server closed the connection" in window.login.message.text()
    assert window.pages.currentWidget() is window.login and window.actor is None
    window.login.username.clear()
    sign_in(qtbot, window, "kepala")
    assert window.pages.currentWidget() is window.board and window.actor.name == "kepala"
    window.close()


def test_overdue_complaints_are_on_the_board(qtbot, catalog_store: Store) -> None:
    from app.casework.complaints import register_complaint

    friday = MONDAY_9 - timedelta(days=3)  # answered within 24 working hours: by Monday 09:00
    with catalog_store.uow() as uow:
        late = register_complaint(uow, channel="phone", text="Antrian terlalu lama",
                                  reporter="Siti", office_code=OFFICE, received_at=friday,
                                  actor="test", now=friday)
    with catalog_store.uow() as uow:
        register_complaint(uow, channel="email", text="Belum terlambat", office_code=OFFICE,
                           actor="test", now=LATER)
    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    sign_in(qtbot, window, "kepala")
    rows = [[window.overdue.item(r, c).text() for c in range(4)]
            for r in range(window.overdue.rowCount())]
    assert rows == [["Pengaduan", late.number, rows[0][2], "40 menit"]]
    assert "Antrian terlalu lama" in rows[0][2]
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "supervisor-overdue.png"))
    window.close()


def test_the_daily_report_is_a_tab_of_the_board(qtbot, board, catalog_store: Store) -> None:
    act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    assert board.report_view is None  # nothing computed until asked
    with qtbot.waitSignal(board.tabs.currentChanged):
        board.tabs.setCurrentWidget(board.report_page)
    view = board.report_view
    assert view is not None
    qtbot.waitUntil(lambda: view.report is not None, timeout=10_000)
    view.wait_for_job()
    assert view.report.to_json()["visits"] == 1
    board.grab().save(str(SHOTS / "supervisor-report.png"))


# --- signing in ---------------------------------------------------------------------------

def failed_logins(store: Store) -> list[tuple[str, str]]:
    with store.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "user.login_failed").order_by(AuditEntry.id)).all()
    return [(row.actor, row.after["reason"]) for row in rows]


def test_only_a_supervisor_of_the_office_signs_in(qtbot, catalog_store: Store) -> None:
    """An officer is refused in words, a wrong password too (both audited); nothing of the
    office is read until a supervisor signs in; then the board shows and Keluar leaves."""
    add_user(catalog_store, "petugas1", "officer")
    add_user(catalog_store, "kepala", "supervisor")
    add_user(catalog_store, "kepala.malang", "supervisor", office="BPPD-MALANG")
    with catalog_store.uow() as uow:
        q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE, now=MONDAY_9)
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER, check_devices=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.pages.currentWidget() is window.login
    assert window.stages.rowCount() == 0 and window.live is None  # nothing read yet
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "supervisor-login.png"))

    sign_in(qtbot, window, "petugas1")
    assert window.login.message.text() == (
        "akun 'petugas1' adalah petugas loket: di sini hanya supervisor atau administrator "
        "yang dapat masuk")
    assert window.pages.currentWidget() is window.login and window.actor is None
    window.login.username.clear()
    sign_in(qtbot, window, "kepala", "salah-sandi")
    assert window.login.message.text() == "nama pengguna atau kata sandi salah"
    assert window.login.password.text() == ""
    window.login.username.clear()
    sign_in(qtbot, window, "kepala.malang")
    assert "kantor lain" in window.login.message.text()
    assert failed_logins(catalog_store) == [("petugas1", "role"), ("kepala", "password"),
                                            ("kepala.malang", "office")]

    window.login.username.clear()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        sign_in(qtbot, window, "kepala")
    assert window.pages.currentWidget() is window.board
    assert window.actor == q_.Actor("kepala", window.user.id)
    assert window.who.text() == "Masuk sebagai kepala"
    assert window.oldest.item(0, 0).text() == "A-001"
    qtbot.mouseClick(window.sign_out, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.login and window.actor is None
    assert window.live is None and window.login.username.text() == ""
    window.close()


def test_the_board_locks_and_another_supervisor_takes_over(qtbot, catalog_store: Store,
                                                            ) -> None:
    add_user(catalog_store, "kepala", "supervisor")
    add_user(catalog_store, "admin1", "admin", office=None)
    with catalog_store.uow() as uow:  # this office locks after 5 minutes
        from db.models import Office

        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = dict(office.settings) | {"lock_after_minutes": 5}
        uow.commit()
    seconds = [0.0]
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER, check_devices=False,
                              idle_clock=lambda: seconds[0])
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, "kepala")
    window.running_text.setFocus()
    qtbot.keyClicks(window.running_text, "Tutup pukul 12")
    seconds[0] = 4 * 60 + 59  # the typing above counted as activity at 0
    window.idle.check()
    assert window.pages.currentWidget() is window.board
    seconds[0] = 5 * 60
    window.idle.check()
    assert window.pages.currentWidget() is window.locked
    assert window.locked.username.text() == "kepala"
    window.refresh()  # the board goes on under the lock; the typed text stays
    sign_in_at = window.locked
    qtbot.keyClicks(sign_in_at.password, "salah-sandi")
    qtbot.keyClick(sign_in_at.password, Qt.Key.Key_Return)
    assert sign_in_at.message.text() == "nama pengguna atau kata sandi salah"
    assert window.pages.currentWidget() is window.locked
    qtbot.keyClicks(sign_in_at.password, PASSWORD)
    qtbot.keyClick(sign_in_at.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.board
    assert window.running_text.text() == "Tutup pukul 12"  # kept under the lock
    assert window.actor.name == "kepala"
    window.lock()
    sign_in_at.username.clear()
    qtbot.keyClicks(sign_in_at.username, "admin1")
    qtbot.keyClicks(sign_in_at.password, PASSWORD)
    qtbot.mouseClick(sign_in_at.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.board and window.actor.name == "admin1"
    assert window.who.text() == "Masuk sebagai admin1"
    window.close()
