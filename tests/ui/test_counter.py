"""The loket console: log-in, the queue actions through the Samsat lokets, the requirements
checklist and its slip, refusals shown in the banner. Screenshots go to /tmp/loket-shots."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import users
from app.access import Actor
from app.queue import engine as q
from app.store import Store
from db.enums import VisitStatus
from db.models import AuditEntry, User, Visit
from tests.app.queue.conftest import MONDAY_9
from ui.counter import CounterWindow, TransferTarget

OFFICE = "SAMSAT-PTK1"
PASSWORD = "rahasia-123"
SHOTS = Path("/tmp/loket-shots")
WAIT = 10_000


class Clock:
    def __init__(self) -> None:
        self.now = MONDAY_9

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def officers(catalog_store: Store) -> list[str]:
    names = ["petugas1", "petugas2", "petugas3"]
    with catalog_store.uow() as uow:
        for name in names:
            users.add_user(uow, name, "officer", PASSWORD, actor=Actor("admin"), office_code=OFFICE,
                           full_name=name.capitalize())
    return names


@pytest.fixture
def open_window(qtbot, catalog_store: Store, clock: Clock,
                tmp_path: Path) -> Iterator:
    windows: list[CounterWindow] = []

    def make(counter: str, user: str | None = "petugas1") -> CounterWindow:
        window = CounterWindow(catalog_store, OFFICE, counter, clock=clock,
                               slip_folder=tmp_path / "slips")
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        if user:
            login(window, user)
        return window

    yield make
    for window in windows:
        window.ask_unsaved = lambda text: "discard"  # a test's leftovers: never a dialog
        window.close()


def login(window: CounterWindow, user: str, password: str = PASSWORD) -> None:
    window.login.username.setText(user)
    window.login.password.setText(password)
    window.login.button.click()


def shot(window: CounterWindow, name: str, size: tuple[int, int] = (1280, 800)) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    QApplication.processEvents()  # pending layout requests: the screen as it settles
    image = window.grab()
    assert (image.width(), image.height()) == size  # the content fits the screen
    assert image.save(str(SHOTS / f"counter-{name}.png"))


def issue(store: Store, service: str = "STNK-PERPANJANGAN", **kw) -> str:
    with store.uow() as uow:
        return q.issue_ticket(uow, service, office_code=OFFICE, now=MONDAY_9, **kw).ticket


def pass_cek_fisik(store: Store, chassis: str = "MH1JFM110FK654321",
                   engine: str = "JFM1E1654321") -> int:
    """The next visit through cek fisik with its numbers recorded, as the CF officer does."""
    from app.samsat import flow

    with store.uow() as uow:
        called = q.call_next(uow, "CF", office_code=OFFICE, now=MONDAY_9)
    with store.uow() as uow:
        flow.record_check(uow, called.id, chassis=chassis, engine=engine,
                          actor=q.Actor("petugas1"), now=MONDAY_9)
    with store.uow() as uow:
        q.finish(uow, "CF", office_code=OFFICE, now=MONDAY_9)
    return called.id


def waiting(window: CounterWindow) -> list[str]:
    return [window.waiting.item(r, 0).text() for r in range(window.waiting.rowCount())]


def press(qtbot, window: CounterWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, key)


def test_login_failure_then_success(qtbot, open_window, officers, catalog_store: Store,
                                    request) -> None:
    window = open_window("L1", user=None)
    assert window.pages.currentWidget() is window.login
    login(window, "petugas1", "salah-sandi")
    assert window.login.message.text() == "nama pengguna atau kata sandi salah"
    assert window.pages.currentWidget() is window.login and window.actor is None
    if "sqlite" in request.node.name:
        shot(window, "login")
    login(window, "petugas1")
    assert window.pages.currentWidget() is window.main
    assert window.actor is not None and window.actor.name == "petugas1"
    assert "Petugas1" in window.officer_label.text()
    with catalog_store.uow(read_only=True) as uow:
        user_id = uow.session.scalar(select(User.id).where(User.username == "petugas1"))
        opened = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "counter.opened"))
    assert opened.user_id == user_id and opened.actor == "petugas1"


def test_an_officer_of_another_office_is_refused_and_audited(open_window, officers,
                                                             catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        users.add_user(uow, "petugas.batu", "officer", PASSWORD, actor=Actor("admin"),
                       office_code="BAPENDA-BATU")
    window = open_window("L1", user=None)
    login(window, "petugas.batu")
    assert "terdaftar di kantor lain (Badan Pendapatan Daerah Kota Batu)" in \
        window.login.message.text()
    assert window.actor is None and window.login.password.text() == ""
    with catalog_store.uow(read_only=True) as uow:
        failed = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "user.login_failed"))
    assert failed.actor == "petugas.batu" and failed.after["reason"] == "office"


def test_locked_account_message(open_window, officers) -> None:
    window = open_window("L1", user=None)
    for _ in range(users.MAX_FAILED_LOGINS):
        login(window, "petugas2", "salah-sandi")
    login(window, "petugas2")
    assert "terkunci" in window.login.message.text()
    assert window.actor is None


def test_a_visit_through_the_three_lokets(qtbot, open_window, officers, catalog_store: Store,
                                          clock: Clock, request) -> None:
    """The STNK renewal from cek fisik to the hand-over, each stage's work done in the work
    panel of its counter; "Selesai" is refused while a stage's work is not recorded."""
    from app.samsat import registry
    from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, PLATE, motorcycle

    with catalog_store.uow() as uow:
        registry.register_person(uow, registry.PersonData(NIK, "Budi Santoso", "Pontianak"),
                                 actor=q.Actor("test"), now=MONDAY_9)
    with catalog_store.uow() as uow:
        registry.register_vehicle(uow, motorcycle(), actor=q.Actor("test"), now=MONDAY_9)
    cf = open_window("CF", "petugas1")
    l1 = open_window("L1", "petugas2")
    if "sqlite" in request.node.name:
        shot(l1, "idle")
    assert not l1.buttons["finish"].isEnabled() and l1.buttons["call"].isEnabled()
    ticket = issue(catalog_store)
    qtbot.waitUntil(lambda: waiting(cf) == [ticket], timeout=WAIT)
    assert waiting(l1) == []

    clock.now += timedelta(minutes=2)
    cf.buttons["call"].click()
    assert cf.ticket_label.text() == ticket and cf.current.status == "called"
    assert cf.buttons["start"].isEnabled() and not cf.buttons["finish"].isEnabled()
    assert not cf.checklist_box.isVisibleTo(cf)  # no checklist at cek fisik
    cf.buttons["start"].click()
    assert cf.current.status == "serving" and cf.buttons["finish"].isEnabled()
    (check,) = cf.panels
    assert check.ticket == ticket
    check.chassis.setText(CHASSIS)
    check.engine.setText(ENGINE)
    check.check_button.click()
    assert "SESUAI" in check.check_result.text()
    cf.buttons["finish"].click()
    assert cf.current is None and "Pendaftaran Berkas" in cf.banner.text()

    qtbot.waitUntil(lambda: waiting(l1) == [ticket], timeout=WAIT)  # the live event
    press(qtbot, l1, Qt.Key.Key_F1)
    assert l1.current is not None and l1.current.ticket == ticket
    assert l1.checklist_box.isVisibleTo(l1) and len(l1.checkboxes) == 5
    press(qtbot, l1, Qt.Key.Key_F3)
    assert l1.current.status == "serving"
    l1.buttons["finish"].click()  # nothing registered yet: refused, the visit stays
    assert l1.banner_kind == "error" and "belum" in l1.banner.text()
    assert l1.current is not None
    for box in l1.checkboxes.values():
        box.setChecked(True)
    assert l1.sla_label.text().startswith("Sisa waktu standar 28:")
    (registration,) = l1.panels
    assert registration.plate.text() == PLATE  # the vehicle cek fisik found
    registration.nik.setText(NIK)
    registration.register_button.click()
    assert registration.view is not None and registration.view.status == "registered"
    if "sqlite" in request.node.name:
        shot(l1, "loket-1-registered")
    l1.choose_transfer = lambda: TransferTarget(counter="L2")
    l1.buttons["transfer"].click()
    assert l1.current is None
    history = [l1.history.item(r, 1).text() for r in range(l1.history.rowCount())]
    assert history[0] == "Ambil nomor" and "Centang: STNK Asli" in history
    assert history[-1] == "Dialihkan → Pembayaran PKB, SWDKLLJ dan PNBP"
    officers_column = {l1.history.item(r, 3).text() for r in range(l1.history.rowCount())}
    assert "Petugas2" in officers_column and "petugas2" not in officers_column  # full names

    l2 = open_window("L2", "petugas3")
    assert waiting(l2) == [ticket]
    l2.buttons["call"].click()
    l2.buttons["start"].click()
    l2.buttons["finish"].click()  # not paid yet
    assert l2.banner_kind == "error" and l2.current is not None
    (payment,) = l2.panels
    assert payment.bill_table.rowCount() > 3
    payment.tendered.setText("1.000.000")
    payment.pay_button.click()
    assert len(l2.last_documents) == 2  # the SKPD and the receipt, kept as PDF files
    assert all(p.read_bytes().startswith(b"%PDF") for p in l2.last_documents)
    if "sqlite" in request.node.name:
        shot(l2, "loket-2-paid")
    l2.buttons["finish"].click()
    assert "Pengesahan dan Penyerahan STNK" in l2.banner.text()
    l3 = open_window("L3", "petugas1")
    assert waiting(l3) == [ticket]
    l3.buttons["call"].click()
    l3.buttons["start"].click()
    (handover,) = l3.panels
    handover.endorsed.setChecked(True)
    handover.stamped.setChecked(True)
    handover.handover_button.click()
    l3.buttons["finish"].click()
    assert l3.banner.text() == f"{ticket} selesai dilayani." and l3.banner_kind == "info"
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.scalar(select(Visit).where(Visit.ticket == ticket))
        assert visit.status is VisitStatus.DONE and visit.outcome == "done"
        assert visit.closed_at is not None
        assert [r.stage.code for r in visit.stage_records] == [
            "cek-fisik", "loket-1", "loket-2", "loket-3"]
        assert sorted(visit.data["requirements"]) == [
            "bpkb-fotokopi", "cek-fisik", "identitas-asli", "skpd-asli", "stnk-asli"]


def test_requirements_and_the_incomplete_slip(qtbot, open_window, officers,
                                              catalog_store: Store, clock: Clock,
                                              request) -> None:
    ticket = issue(catalog_store, "STNK-HILANG", priority="lansia")
    pass_cek_fisik(catalog_store)
    l1 = open_window("L1", "petugas2")
    assert waiting(l1) == [ticket]
    l1.buttons["call"].click()
    l1.buttons["start"].click()
    assert l1.priority_label.isVisibleTo(l1) and "Lansia" in l1.priority_label.text()
    l1.checkboxes["cek-fisik"].setChecked(True)
    l1.checkboxes["identitas-asli"].setChecked(True)
    clock.now += timedelta(minutes=26)
    l1.refresh()
    assert l1.sla_state == "near"
    if "sqlite" in request.node.name:
        shot(l1, "serving-checklist")
    with catalog_store.uow(read_only=True) as uow:
        user_id = uow.session.scalar(select(User.id).where(User.username == "petugas2"))
        ticks = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "visit.requirement")).all()
    assert [(t.actor, t.user_id, t.after["requirement"]) for t in ticks] == [
        ("petugas2", user_id, "cek-fisik"), ("petugas2", user_id, "identitas-asli")]

    asked: list[str] = []
    l1.confirm = lambda text: asked.append(text) or False
    l1.buttons["incomplete"].click()
    assert l1.current is not None  # said no: nothing happened
    l1.confirm = lambda text: True
    l1.buttons["incomplete"].click()
    assert "Surat Keterangan Kehilangan dari Kepolisian" in asked[0]
    assert l1.current is None and l1.last_slip is not None
    path = l1.last_slip.path
    assert path is not None and str(path) in l1.banner.text()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    for missing in ("BPKB Asli dan Fotokopi", "Surat Keterangan Kehilangan dari Kepolisian",
                    "Surat Keterangan Pajak dari SAMSAT"):
        assert missing in text
    assert "Identitas Diri Asli" not in text and ticket in text
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.scalar(select(Visit).where(Visit.ticket == ticket))
    assert visit.status is VisitStatus.INCOMPLETE and visit.closed_at is not None


def test_finish_with_nobody_served_shows_the_message(qtbot, open_window, officers) -> None:
    window = open_window("L2")
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.banner_kind == "error"
    assert window.banner.text() == "loket L2 tidak sedang melayani siapa pun"
    window._on_skip()
    assert window.banner.text() == "loket L2 tidak sedang melayani siapa pun"
    window.buttons["call"].click()
    assert window.banner.text() == "Tidak ada yang menunggu." and window.current is None


# --- typed work is never dropped; disabled buttons say why -------------------------------

CHASSIS = "MH1JFM110FK123456"
ENGINE = "JFM1E1123456"


def serve_at(qtbot, window: CounterWindow) -> None:
    """Call the next visitor and start serving, with the keys."""
    press(qtbot, window, Qt.Key.Key_F1)
    press(qtbot, window, Qt.Key.Key_F3)
    assert window.current is not None and window.current.status == "serving"


def case_status(store: Store, ticket: str) -> str:
    from app.samsat import flow

    with store.uow(read_only=True) as uow:
        visit_id = uow.session.scalar(select(Visit.id).where(Visit.ticket == ticket))
        return flow.case_view(uow, visit_id, now=MONDAY_9).status


def test_f9_records_the_typed_cek_fisik_then_moves_on(qtbot, open_window, officers,
                                                      catalog_store: Store) -> None:
    """The report: numbers typed, "Simpan cek fisik" not pressed, F9. Now they are saved
    through the panel's own save, and only then does the visit go on to loket 1."""
    ticket = issue(catalog_store)
    cf = open_window("CF")
    serve_at(qtbot, cf)
    (check,) = cf.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)
    qtbot.keyClicks(check.engine.edit, ENGINE)
    assert check.unsaved() == "cek fisik: nomor rangka, nomor mesin"
    cf.ask_unsaved = lambda text: pytest.fail(f"F9 saves without asking: {text}")
    press(qtbot, cf, Qt.Key.Key_F9)
    assert cf.current is None, cf.banner.text()
    assert cf.banner_kind == "info"
    assert f"Cek fisik {ticket} dicatat." in cf.banner.text()
    assert "Pendaftaran Berkas" in cf.banner.text()
    assert case_status(catalog_store, ticket) == "checked"
    assert check.unsaved() is None and check.chassis.text() == ""  # the next visitor's form


def test_f9_with_an_incomplete_cek_fisik_stays_with_the_reason(
        qtbot, open_window, officers, catalog_store: Store, request) -> None:
    ticket = issue(catalog_store)
    cf = open_window("CF")
    serve_at(qtbot, cf)
    (check,) = cf.panels
    qtbot.keyClicks(check.check_plate.edit, "KB 1234 AB")
    qtbot.keyClicks(check.chassis.edit, CHASSIS)  # the engine number left empty
    assert check.check_why.text() == "Nomor mesin belum diisi."
    assert check.check_why.isVisibleTo(cf) and not check.check_button.isEnabled()
    press(qtbot, cf, Qt.Key.Key_F9)
    assert cf.current is not None and cf.current.ticket == ticket  # it stays
    assert cf.banner_kind == "error"
    assert cf.banner.text() == ("Selesai belum dilakukan. Cek fisik belum disimpan: "
                                "nomor mesin belum diisi")
    assert check.chassis.text() == CHASSIS and check.check_plate.text() == "KB 1234 AB"
    assert case_status(catalog_store, ticket) == "new"  # nothing recorded
    qtbot.keyClicks(check.engine.edit, ENGINE)
    press(qtbot, cf, Qt.Key.Key_F9)
    assert cf.current is None and case_status(catalog_store, ticket) == "checked"


def test_hold_asks_about_typed_input(qtbot, open_window, officers, catalog_store: Store,
                                     request) -> None:
    """Hold and transfer ask: keep editing (nothing happens), discard (said, and done only
    when the action happened) or save (through the panel's save, then the action)."""
    ticket = issue(catalog_store)
    cf = open_window("CF")
    cf.resize(1366, 768)
    serve_at(qtbot, cf)
    (check,) = cf.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)
    qtbot.keyClicks(check.engine.edit, ENGINE)
    asked: list[str] = []

    def keep_editing(text: str) -> str:
        asked.append(text)
        if "sqlite" in request.node.name:  # the question as the officer sees it
            shot_dialog(cf, cf.unsaved_box(text), "cf-unsaved")
        return "stay"
    cf.ask_unsaved = keep_editing
    press(qtbot, cf, Qt.Key.Key_F5)
    assert asked == [f"Nomor {ticket}: ada isian yang belum disimpan:\n"
                     "• STNK — cek fisik: nomor rangka, nomor mesin\n\n"
                     "Simpan dulu, lalu tahan?"]
    assert cf.current is not None and cf.current.status == "serving"
    assert cf.banner_kind == "warn" and cf.banner.text().startswith("Tahan belum dilakukan")
    assert check.chassis.text() == CHASSIS and check.engine.text() == ENGINE

    cf.ask_unsaved = lambda text: "save"
    press(qtbot, cf, Qt.Key.Key_F5)
    assert cf.current is None and [cf.held.item(0).data(Qt.ItemDataRole.UserRole)] == [ticket]
    assert case_status(catalog_store, ticket) == "checked"
    assert f"Cek fisik {ticket} dicatat." in cf.banner.text()


def test_transfer_can_discard_what_cannot_be_saved(qtbot, open_window, officers,
                                                   catalog_store: Store) -> None:
    ticket = issue(catalog_store)
    cf = open_window("CF")
    serve_at(qtbot, cf)
    (check,) = cf.panels
    qtbot.keyClicks(check.engine.edit, "JFM1#")  # not a valid engine number
    cf.ask_unsaved = lambda text: "save"
    cf.choose_transfer = lambda: pytest.fail("not asked where: the save failed first")
    cf.buttons["transfer"].click()
    assert cf.current is not None and cf.banner_kind == "error"
    assert "nomor mesin harus 4-25 huruf dan angka" in cf.banner.text()
    assert "nomor rangka belum diisi" in cf.banner.text()
    cf.ask_unsaved = lambda text: "discard"
    cf.choose_transfer = lambda: None  # then the officer closes the transfer dialog
    cf.buttons["transfer"].click()
    assert cf.current is not None and check.engine.text() == "JFM1#"  # nothing happened
    cf.choose_transfer = lambda: TransferTarget(stage="loket-1")
    cf.buttons["transfer"].click()
    assert cf.current is None and cf.banner.text() == f"{ticket} dialihkan ke Pendaftaran Berkas."
    assert check.engine.text() == "" and check.unsaved() is None


def test_logout_with_unsaved_input_is_refused(qtbot, open_window, officers) -> None:
    cf = open_window("CF")
    (check,) = cf.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)  # typed with nobody called yet
    cf.ask_unsaved = lambda text: "stay"
    qtbot.mouseClick(cf.logout_button, Qt.MouseButton.LeftButton)
    assert cf.pages.currentWidget() is cf.main and cf.actor is not None
    assert cf.banner_kind == "warn"
    assert cf.banner.text() == ("Keluar belum dilakukan: isian belum disimpan, masih di layar "
                                "(STNK — cek fisik: nomor rangka).")
    assert check.chassis.text() == CHASSIS
    cf.ask_unsaved = lambda text: "save"  # no visit to record it for: refused, with why
    qtbot.mouseClick(cf.logout_button, Qt.MouseButton.LeftButton)
    assert cf.actor is not None and cf.banner_kind == "error"
    assert cf.banner.text() == ("Keluar belum dilakukan. Cek fisik belum disimpan: belum ada "
                                "kunjungan: panggil nomor dulu (F1)")
    cf.ask_unsaved = lambda text: "discard"
    qtbot.mouseClick(cf.logout_button, Qt.MouseButton.LeftButton)
    assert cf.pages.currentWidget() is cf.login and check.chassis.text() == ""


def test_closing_the_window_with_unsaved_input_asks(qtbot, open_window, officers) -> None:
    cf = open_window("CF")
    (check,) = cf.panels
    qtbot.keyClicks(check.chassis.edit, CHASSIS)
    cf.ask_unsaved = lambda text: "stay"
    assert not cf.close() and cf.isVisible()
    cf.ask_unsaved = lambda text: "discard"
    assert cf.close() and not cf.isVisible()


def test_loket_2_says_why_it_cannot_take_payment(qtbot, open_window, officers,
                                                 catalog_store: Store, request) -> None:
    """A visit sent on to loket 2 without being registered: the bill is empty and "Bayar"
    is disabled, and beside it the panel says so and names the loket that registers."""
    ticket = issue(catalog_store)
    pass_cek_fisik(catalog_store)
    with catalog_store.uow() as uow:
        q.call_next(uow, "L1", office_code=OFFICE, now=MONDAY_9)
    with catalog_store.uow() as uow:
        q.transfer(uow, "L1", to_counter="L2", office_code=OFFICE, now=MONDAY_9)
    l2 = open_window("L2", "petugas3")
    l2.resize(1366, 768)
    serve_at(qtbot, l2)
    (payment,) = l2.panels
    assert payment.bill_table.rowCount() == 0 and not payment.pay_button.isEnabled()
    assert payment.pay_why.isVisibleTo(l2)
    assert payment.pay_why.text() == (
        "Belum didaftarkan di Loket 1 Pendaftaran: kembalikan nomor ini ke Loket 1 "
        "Pendaftaran (Alihkan…).")
    if "sqlite" in request.node.name:
        shot(l2, "l2-blocked", size=(1366, 768))
    qtbot.keyClicks(payment.tendered.edit, "100.000")  # typed anyway: cannot be saved
    l2.ask_unsaved = lambda text: "save"
    l2.buttons["return"].click()
    assert l2.current is not None and l2.banner_kind == "error"
    assert l2.banner.text() == (
        "Kembalikan ke antrean belum dilakukan. Pembayaran belum dicatat: belum didaftarkan "
        "di Loket 1 Pendaftaran: kembalikan nomor ini ke Loket 1 Pendaftaran (Alihkan…)")
    l2.ask_unsaved = lambda text: "discard"
    l2.choose_transfer = lambda: TransferTarget(counter="L1")
    press(qtbot, l2, Qt.Key.Key_F6)
    assert l2.current is None and ticket in l2.banner.text()


def test_the_queue_buttons_say_why_they_are_disabled(qtbot, open_window, officers,
                                                     catalog_store: Store) -> None:
    ticket = issue(catalog_store)
    cf = open_window("CF")
    assert cf.buttons_why.isVisibleTo(cf)
    assert cf.buttons_why.text().startswith("Belum ada nomor di loket ini: tekan Panggil "
                                            "berikutnya [F1]")
    assert cf.resume_why.text() == "Tidak ada nomor yang ditahan di loket ini."
    press(qtbot, cf, Qt.Key.Key_F1)
    assert not cf.buttons["finish"].isEnabled()
    assert ("Selesai [F9] dan Berkas tidak lengkap: tekan Mulai layani [F3] dulu"
            in cf.buttons_why.text())
    press(qtbot, cf, Qt.Key.Key_F3)
    assert cf.buttons["finish"].isEnabled() and not cf.buttons["call"].isEnabled()
    assert f"Panggil berikutnya: {ticket} masih dilayani" in cf.buttons_why.text()
    assert "Selesai [F9] dan" not in cf.buttons_why.text()


def shot_dialog(window: CounterWindow, box, name: str) -> None:
    """The window with ``box`` (a dialog) drawn over its middle, as the officer sees it."""
    from PySide6.QtGui import QColor, QPainter

    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    image = window.grab()
    box.adjustSize()
    dialog = box.grab()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 70))  # the window behind, dimmed
    painter.drawPixmap((image.width() - dialog.width()) // 2,
                       (image.height() - dialog.height()) // 2, dialog)
    painter.end()
    assert image.save(str(SHOTS / f"counter-{name}.png"))
    box.deleteLater()


def test_a_supervisor_cancels_an_unpaid_bill_at_loket_2(qtbot, open_window, officers,
                                                        catalog_store: Store) -> None:
    """"Batalkan" at loket 2 with a registered, unpaid bill asks for a supervisor at the
    counter (name, password, reason); an officer's name is refused and nothing changes."""
    from app.desk.requirements import requirements_of
    from app.samsat import flow, registry
    from db.models_samsat import StnkCase
    from tests.app.samsat.conftest import NIK, PLATE, motorcycle
    from ui.counter import SupervisorDialog

    with catalog_store.uow() as uow:
        users.add_user(uow, "kepala", "supervisor", PASSWORD, actor=Actor("admin"),
                       office_code=OFFICE)
    with catalog_store.uow() as uow:
        registry.register_person(uow, registry.PersonData(NIK, "Budi Santoso", "Pontianak"),
                                 actor=q.Actor("test"), now=MONDAY_9)
    with catalog_store.uow() as uow:
        registry.register_vehicle(uow, motorcycle(), actor=q.Actor("test"), now=MONDAY_9)
    ticket = issue(catalog_store)
    visit_id = pass_cek_fisik(catalog_store, chassis=CHASSIS, engine=ENGINE)
    officer = q.Actor("petugas2")
    with catalog_store.uow() as uow:
        q.call_next(uow, "L1", office_code=OFFICE, actor=officer, now=MONDAY_9)
        codes = [code for code, _ in requirements_of(uow.session.get(Visit, visit_id).service)]
    from app.desk import visit as desk

    for code in codes:
        with catalog_store.uow() as uow:
            desk.set_requirement(uow, visit_id, code, True, actor=officer, now=MONDAY_9)
    with catalog_store.uow() as uow:
        flow.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=officer, now=MONDAY_9)
    with catalog_store.uow() as uow:
        q.finish(uow, "L1", office_code=OFFICE, actor=officer, now=MONDAY_9)

    l2 = open_window("L2", "petugas3")
    serve_at(qtbot, l2)
    asked: list[str] = []

    def sign(name: str, reason: str):
        def answer(text: str):
            asked.append(text)
            dialog = SupervisorDialog(text, l2)
            qtbot.addWidget(dialog)
            assert not dialog.ok.isEnabled() and "nama supervisor" in dialog.why.text()
            qtbot.keyClicks(dialog.username, name)
            qtbot.keyClicks(dialog.password, PASSWORD)
            qtbot.keyClicks(dialog.reason, reason)
            assert dialog.ok.isEnabled() and dialog.why.text() == ""
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
            assert dialog.result() == dialog.DialogCode.Accepted
            return dialog.values()
        return answer

    l2.authorize_cancel = sign("petugas3", "batal bayar")
    qtbot.mouseClick(l2.buttons["cancel"], Qt.MouseButton.LeftButton)
    assert asked and f"Tagihan {ticket} belum dibayar" in asked[0]
    assert l2.banner_kind == "error"
    assert "petugas3 (petugas) tidak boleh membatalkan" in l2.banner.text()
    assert l2.current is not None and case_status(catalog_store, ticket) == "registered"

    l2.authorize_cancel = sign("kepala", "wajib pajak batal membayar")
    qtbot.mouseClick(l2.buttons["cancel"], Qt.MouseButton.LeftButton)
    assert l2.current is None, l2.banner.text()
    assert l2.banner.text() == (f"{ticket} dibatalkan oleh supervisor kepala: wajib pajak batal "
                                "membayar")
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.get(Visit, visit_id)
        case = uow.session.scalar(select(StnkCase).where(StnkCase.visit_id == visit_id))
    assert visit.status is VisitStatus.CANCELLED and case.status == "cancelled"


def test_a_lost_database_is_said_in_the_banner_and_nothing_is_called(
        qtbot, catalog_store: Store, officers, open_window, monkeypatch) -> None:
    """The console meets no SQLAlchemy error: its station says a lost server as
    ``db.unreachable``, shown in the banner like any refusal, and the visitor still waits."""
    from sqlalchemy.exc import OperationalError

    import app.stations.counter as station_module

    def down(*_args, **_kw):
        raise OperationalError("UPDATE", {}, Exception("server closed the connection"))

    ticket = issue(catalog_store)
    window = open_window("CF")
    monkeypatch.setattr(station_module.q, "call_next", down)
    window.buttons["call"].click()
    assert window.banner_kind == "error"
    assert "tidak dapat terhubung ke basis data" in window.banner.text()
    assert "server closed the connection" in window.banner.text()
    assert window.current is None and waiting(window) == [ticket]


def test_a_long_time_standard_counts_down_in_days(qapp) -> None:
    from ui.counter import _duration

    assert _duration(28 * 60 + 5) == "28:05"
    assert _duration(3600 + 125) == "1:02:05"
    assert _duration(92 * 86400 + 6 * 3600 + 59) == "92 hari 6 jam"  # not "2214:00:59"
    assert _duration(-5) == "00:00"
