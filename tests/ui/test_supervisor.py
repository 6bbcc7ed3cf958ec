"""The supervisor's board on a live office, driven as a kepala UPT drives it: sign in, watch
the tiles change as tickets are issued and called, take a stuck visit back from its alert,
open and close a counter from its card, reprint a failed ticket, set the running text; in
words (never a stored code), readable at 1366 x 768 and 1920 x 1080, in Indonesian and in
English."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from sqlalchemy import select

import resources
from app import users
from app.access import Actor
from app.catalog.service import import_file
from app.ikm.responses import submit_survey
from app.ikm.survey import DEFAULT_SURVEY, load_survey
from app.output import tickets as ticket_print
from app.queue import engine as q_
from app.store import Store
from db.enums import DeviceKind, JobState, VisitStatus
from db.models import AuditEntry, Counter, DeviceJob, Office, Visit
from devices.connection import parse
from devices.registry import simulator
from resources import path
from tests.app.ikm.visits import Desk
from tests.app.queue.conftest import MONDAY_9
from tests.ui.fit import clipped
from ui.display import DisplayWindow
from ui.supervisor import AlertRow, SupervisorWindow

OFFICE = "SAMSAT-PTK1"
SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))
LATER = MONDAY_9 + timedelta(minutes=40)
PASSWORD = "rahasia-123"
CODES = ("called", "serving", "waiting", "no_show", "ticket_printer", "document_printer",
         "loket-1", "cek-fisik", "SAMSAT-PTK1", "KIOSK-1", "over_standard", "take_back")


def act(store: Store, fn, *args, now=MONDAY_9, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=now, **kw)


def add_user(store: Store, name: str, role: str, office: str | None = OFFICE) -> None:
    with store.uow() as uow:
        users.add_user(uow, name, role, PASSWORD, actor=Actor("admin"), office_code=office)


def sign_in(qtbot, window: SupervisorWindow, name: str, password: str = PASSWORD) -> None:
    """Type into the board's log-in page and press Masuk, as the supervisor does."""
    qtbot.keyClicks(window.login.username, name)
    qtbot.keyClicks(window.login.password, password)
    qtbot.mouseClick(window.login.button, Qt.MouseButton.LeftButton)


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def counter_open(store: Store, code: str) -> bool:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(Counter.is_open).join(
            Office, Office.id == Counter.office_id).where(
                Office.code == OFFICE, Counter.code == code))


def alert_rows(window: SupervisorWindow, kind: str | None = None) -> list[AlertRow]:
    return [r for r in window.alert_rows if kind is None or r.alert.kind == kind]


def texts(window: SupervisorWindow) -> list[str]:
    """Every word the board shows: labels and buttons that are visible."""
    shown = [w.text() for w in window.board.findChildren(QLabel) if w.isVisibleTo(window)]
    return shown + [b.text() for b in window.board.findChildren(QAbstractButton)
                    if b.isVisibleTo(window)]


@pytest.fixture
def board(qtbot, catalog_store: Store):
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    sign_in(qtbot, window, "kepala")
    assert window.pages.currentWidget() is window.board
    yield window
    window.close()


def test_the_tiles_follow_the_queue_and_a_stuck_visit_is_taken_back_from_its_alert(
        qtbot, board, catalog_store: Store) -> None:
    tiles = board.tiles
    assert tiles["waiting"].value.text() == "0"
    assert tiles["longest"].note.text() == "Tidak ada yang menunggu"
    with qtbot.waitSignal(board.refreshed, timeout=5000):  # live: the queue's event
        act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    assert tiles["waiting"].value.text() == "1"
    assert tiles["longest"].value.text() == "40 menit"
    assert tiles["longest"].note.text() == "A-001 · Cek Fisik Kendaraan"
    with qtbot.waitSignal(board.refreshed, timeout=5000):
        act(catalog_store, q_.issue_ticket, "STNK-HILANG", priority="lansia")
    with qtbot.waitSignal(board.refreshed, timeout=5000):
        act(catalog_store, q_.call_next, "CF")  # the priority visit: B-001
    assert tiles["waiting"].value.text() == "1"
    assert tiles["waiting"].note.text() == "1 dari 4 loket buka"
    card = board.cards["CF"]
    assert card.name.text() == "Tempat Cek Fisik" and card.pill.text() == "BUKA"
    assert card.serving.text() == "Dipanggil: B-001, 40 menit"
    assert "Tidak ada kabar 40 menit" in card.flag.text()  # the counter has been silent

    [stuck] = alert_rows(board, "stuck")
    assert stuck.text.text() == (
        "B-001 dipanggil di Tempat Cek Fisik, loket tidak ada kabar 40 menit")
    assert stuck.button.text() == "Ambil alih"
    click(qtbot, stuck.button)
    assert board.banner.text() == "Tiket B-001 dikembalikan ke antrian."
    assert not alert_rows(board, "stuck")
    assert tiles["waiting"].value.text() == "2"
    with catalog_store.uow(read_only=True) as uow:
        status = uow.session.scalar(select(Visit.status).where(Visit.ticket == "B-001"))
        who = uow.session.scalar(select(AuditEntry.actor).where(
            AuditEntry.action == "ticket.taken_back"))
    assert status is VisitStatus.WAITING and who == "kepala"  # the one signed in
    [over] = alert_rows(board, "waiting_over_standard")  # both past their 30 minutes
    assert over.text.text() == ("2 nomor menunggu di Cek Fisik Kendaraan lewat standar waktu "
                                "(terlama A-001, 10 menit)")
    assert over.button.text() == "Buka laporan"  # the vehicle check's counter is open
    click(qtbot, over.button)
    assert board.tabs.currentWidget() is board.report_page
    board.report_view.wait_for_job()
    board.tabs.setCurrentIndex(0)

    with qtbot.waitSignal(board.devices_checked, timeout=15000):
        board.check_devices()
    shown = texts(board)
    assert any(t == "Kiosk pintu masuk: Printer tiket - Siap" for t in shown), shown
    assert not [t for t in shown for code in CODES if code in t.split()]


def test_counters_open_and_close_from_their_cards(qtbot, board, catalog_store: Store) -> None:
    card = board.cards["L2"]
    assert (card.pill.text(), card.toggle.text()) == ("TUTUP", "Buka loket")
    click(qtbot, card.toggle)
    assert board.banner.text() == "Loket 2 Pembayaran dibuka."
    assert counter_open(catalog_store, "L2") is True
    with catalog_store.uow(read_only=True) as uow:
        who = uow.session.scalar(select(AuditEntry.actor).where(
            AuditEntry.action == "counter.opened"))
    assert who == "kepala"
    assert (card.pill.text(), card.toggle.text()) == ("BUKA", "Tutup loket")
    assert card.officer.text() == "Petugas: kepala"
    click(qtbot, card.toggle)
    assert counter_open(catalog_store, "L2") is False
    assert (card.pill.text(), board.banner.text()) == ("TUTUP", "Loket 2 Pembayaran ditutup.")


def test_a_closed_counter_is_opened_from_the_alert_of_its_queue(qtbot, board,
                                                               catalog_store: Store) -> None:
    desk = Desk(catalog_store, "budi", MONDAY_9)
    for _ in range(2):  # two visits sent on to loket 1 at 09:00; loket 1 is closed
        ticket = desk.issue()
        desk.call("CF", ticket)
        desk.send("CF", "loket-1")
    board.refresh()
    [row] = alert_rows(board, "waiting_over_standard")
    assert row.text.text() == ("2 nomor menunggu di Pendaftaran Berkas lewat standar waktu "
                               "(terlama A-001, 10 menit). Loket 1 Pendaftaran tutup.")
    assert row.button.text() == "Buka loket"
    click(qtbot, row.button)
    assert board.banner.text() == "Loket 1 Pendaftaran dibuka."
    assert counter_open(catalog_store, "L1") is True
    assert board.cards["L1"].pill.text() == "BUKA"
    [row] = alert_rows(board, "waiting_over_standard")
    assert row.button.text() == "Buka laporan"  # every counter of the stage open now


def test_a_failed_ticket_is_reprinted_from_its_alert(qtbot, board, catalog_store: Store) -> None:
    info = act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    connection = "sim://?name=supervisor-test&fault=paper_out"
    job = ticket_print.queue_ticket(catalog_store, info.id, connection)
    with catalog_store.uow() as uow:  # given up after its attempts
        uow.session.query(DeviceJob).filter_by(id=job).update({"state": JobState.FAILED})
        uow.commit()
    board.refresh()
    [failed] = alert_rows(board, "print_failed")
    assert (failed.text.text(), failed.button.text()) == ("Tiket A-001 gagal dicetak",
                                                         "Cetak ulang")
    sim = simulator(DeviceKind.TICKET_PRINTER, parse(connection))
    sim.set_fault(None)
    click(qtbot, failed.button)
    assert board.banner.text() == "Tiket dicetak ulang."
    assert "** CETAK ULANG **" in sim.receipts[-1].text
    assert not alert_rows(board, "print_failed")  # reprinted: off the list


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


def test_a_lost_database_is_reported_not_raised(qtbot, board, monkeypatch) -> None:
    """The server goes away: the board says so and keeps its last picture."""
    from sqlalchemy.exc import OperationalError

    import app.stations.supervisor

    def down(*_a, **_k):
        raise OperationalError("SELECT", None, Exception("server closed the connection"))

    monkeypatch.setattr(app.stations.supervisor, "overview", down)  # inside its unit of work
    picture = board.data
    board.refresh()
    assert "tidak dapat terhubung ke basis data" in board.banner.text()
    assert board.data is picture and list(board.cards) == ["CF", "L1", "L2", "L3"]


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


def test_overdue_complaints_are_alerts(qtbot, catalog_store: Store) -> None:
    from app.casework.complaints import register_complaint

    friday = MONDAY_9 - timedelta(days=3)  # answered within 24 working hours: by Monday 09:00
    with catalog_store.uow() as uow:
        late = register_complaint(uow, channel="phone", text="Antrian terlalu lama",
                                  reporter="Siti", office_code=OFFICE, received_at=friday,
                                  actor=Actor("test"), now=friday)
    with catalog_store.uow() as uow:
        register_complaint(uow, channel="email", text="Belum terlambat", office_code=OFFICE,
                           actor=Actor("test"), now=LATER)
    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER, check_devices=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    sign_in(qtbot, window, "kepala")
    [row] = alert_rows(window, "overdue")
    assert row.text.text().startswith(f"Pengaduan {late.number} lewat waktu 40 menit: ")
    assert "Antrian terlalu lama" in row.text.text()
    assert row.button.text() == "Buka laporan"
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
    SHOTS.mkdir(parents=True, exist_ok=True)
    board.grab().save(str(SHOTS / "supervisor-report.png"))


# --- readable at both screen sizes --------------------------------------------------------

def _busy_morning(store: Store) -> None:
    """Nine tickets, an officer at three counters, one who answered the survey, a no-show,
    a failed ticket print and an overdue complaint: every part of the board has something."""
    from app.casework.complaints import register_complaint

    desk = Desk(store, "budi", MONDAY_9)
    with store.uow() as uow:
        from db.models import User

        uow.session.scalar(select(User).where(User.username == "budi")).full_name = (
            "Budi Santoso")
        uow.commit()
    first = desk.at_last_stage()  # A-001 held at loket 3
    survey = load_survey(DEFAULT_SURVEY)
    with store.uow() as uow:
        submit_survey(uow, OFFICE, first.ticket, {e.id: 4 for e in survey.elements},
                      now=MONDAY_9)
    desk.call("CF", desk.issue())  # A-002 no-show
    desk.skip("CF")
    for _ in range(5):
        desk.issue()
    desk.call("CF", desk.issue())  # A-008 at the vehicle check, CF silent since 09:00
    info = act(store, q_.issue_ticket, "STNK-HILANG", priority="lansia")
    job = ticket_print.queue_ticket(store, info.id, "sim://?name=board-shot&fault=paper_out")
    with store.uow() as uow:
        uow.session.query(DeviceJob).filter_by(id=job).update({"state": JobState.FAILED})
        uow.commit()
    friday = MONDAY_9 - timedelta(days=3)
    with store.uow() as uow:
        register_complaint(uow, channel="phone", text="Antrian terlalu lama di loket 2",
                           reporter="Siti", office_code=OFFICE, received_at=friday,
                           actor=Actor("test"), now=friday)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_readable_at_both_screen_sizes(qtbot, catalog_store: Store, size) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    _busy_morning(catalog_store)
    add_user(catalog_store, "kepala", "supervisor")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.devices_checked, timeout=15000):
        sign_in(qtbot, window, "kepala")
    QApplication.processEvents()
    assert window.size().width() == size[0] and window.size().height() == size[1]
    for tile in window.tiles.values():
        assert tile.isVisible() and tile.value.text() != "-", tile.title.text()
    assert window.tiles["ikm"].value.text() == "100,00"
    assert window.tiles["ikm"].note.text() == "A (Sangat Baik) · 1 responden"
    assert window.tiles["no_show"].value.text() == "1"
    for code, card in window.cards.items():  # every card whole on the screen
        assert card.isVisible(), code
        view = window.card_scroll.viewport()
        top = card.mapTo(view, card.rect().topLeft())
        assert top.y() >= 0 and top.y() + card.height() <= view.height(), code
    kinds = {r.alert.kind for r in alert_rows(window)}
    assert {"stuck", "over_standard", "print_failed", "overdue"} <= kinds
    assert clipped(window, labels_may_shrink=True) == []
    shown = texts(window)
    assert not [t for t in shown for code in CODES if code in t.split()]
    if catalog_store.backend == "sqlite":  # one set of pictures is enough
        # LOKET_SHOTS=docs/screenshots: supervisor-board-1366x768.png and -1920x1080.png,
        # and the README's supervisor.png (the laptop's size)
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SHOTS / f"supervisor-board-{size[0]}x{size[1]}.png"))
        if size == (1366, 768):
            assert window.grab().save(str(SHOTS / "supervisor.png"))
    window.close()


def test_in_english_the_words_are_english(qtbot, catalog_store: Store, monkeypatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    translator = QTranslator()
    assert translator.load(str(resources.path("translations", "loket_en.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        with catalog_store.uow() as uow:
            import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
        _busy_morning(catalog_store)
        add_user(catalog_store, "kepala", "supervisor")
        window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(window.devices_checked, timeout=15000):
            sign_in(qtbot, window, "kepala")
        assert window.save_text.text() == "Save"
        assert window.cards["CF"].serving.text().startswith("Called: A-008")
        [stage] = [n for n, _, _ in window.stage_bars.rows.values()
                   if n.text() == "Vehicle physical check"]
        assert stage.isVisible()
        assert window.tiles["ikm"].value.text() == "100.00"
        assert "Very good" in window.tiles["ikm"].note.text()
        devices = [w.text() for w in window.device_list.findChildren(QLabel)]
        assert "Kiosk pintu masuk: Ticket printer - Ready" in devices
        shown = texts(window)
        for word in ("Dipanggil", "Printer tiket", "Siap", "Sangat Baik", "Cek Fisik Kendaraan",
                     "menunggu,"):  # the labels' words, the catalog's English names
            assert not [t for t in shown if word in t], word
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)


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
    assert window.data is None and window.cards == {} and window.live is None  # nothing read
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
    assert window.tiles["longest"].note.text().startswith("A-001")
    qtbot.mouseClick(window.sign_out, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.login and window.actor is None
    assert window.live is None and window.login.username.text() == ""
    window.close()


def test_the_board_locks_and_another_supervisor_takes_over(qtbot, catalog_store: Store,
                                                            ) -> None:
    add_user(catalog_store, "kepala", "supervisor")
    add_user(catalog_store, "admin1", "admin", office=None)
    with catalog_store.uow() as uow:  # this office locks after 5 minutes
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
