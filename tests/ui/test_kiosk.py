"""The kiosk: a tap takes a number, prints it, shows it, and goes back to the start; it
promises a call only when one will come (closed office, a counter not open yet)."""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

import resources
from app.access import Actor
from app.catalog.service import import_file
from app.queue import engine as q_
from app.store import Store
from db.enums import DeviceKind, VisitStatus
from db.models import Office, Visit
from devices.connection import parse
from devices.registry import simulator
from printing.ticket import qr_payload
from tests.app.queue.conftest import MONDAY_9
from ui.kiosk import KioskWindow

SHOTS = Path("/tmp/loket-shots")
OFFICE = "SAMSAT-PTK1"
SUNDAY_0627 = datetime(2026, 11, 21, 23, 27, tzinfo=UTC)  # Sunday 22 November, 06:27 WIB


def _printer(fault: str | None = None) -> str:
    name = f"kiosk-{uuid.uuid4().hex[:10]}"
    return f"sim://?name={name}" + (f"&fault={fault}" if fault else "")


def _sim(connection: str):
    return simulator(DeviceKind.TICKET_PRINTER, parse(connection))


def _open_counter(store: Store, code: str = "CF", is_open: bool = True) -> None:
    """An officer signs in at (or leaves) a counter: ``CF`` is where the STNK services start."""
    with store.uow() as uow:
        q_.set_counter_open(uow, code, is_open, office_code=OFFICE, now=MONDAY_9)


def _set(store: Store, **settings) -> None:
    """The office's settings, as an administrator sets them."""
    with store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {**office.settings, **settings}
        uow.commit()


def _visits(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        return len(uow.session.scalars(select(Visit.id)).all())


def _kiosk(qtbot, store: Store, office: str = OFFICE, *, counter_open: bool = True,
           **options) -> KioskWindow:
    if counter_open and office == OFFICE:
        _open_counter(store)
    options.setdefault("clock", lambda: MONDAY_9)
    options.setdefault("idle_seconds", 60)
    window = KioskWindow(store, office, **options)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # let the layout settle at this size
    return window


def _shot(window: KioskWindow, name: str, store: Store) -> None:
    if store.backend != "sqlite":  # one set of pictures is enough
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / f"kiosk-{name}.png"))


def _take(qtbot, window: KioskWindow, code: str):
    with qtbot.waitSignal(window.ticket_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(window.service_buttons[code], Qt.MouseButton.LeftButton)
    return blocker.args


def _visit(store: Store, visit_id: int) -> Visit:
    with store.uow(read_only=True) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        return visit


def test_start_page_lists_the_kiosk_services_with_what_to_bring(qtbot,
                                                               catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store, printer=_printer())
    assert window.pages.currentWidget() is window.start_page
    assert list(window.service_buttons) == ["STNK-PERPANJANGAN", "STNK-HILANG"]
    button = window.service_buttons["STNK-PERPANJANGAN"]
    assert button.name.full_text == "Perpanjangan STNK"
    assert "Fotokopi BPKB" in button.bring.full_text
    assert button.height() >= 80 and window.priority_button.height() >= 80
    assert window.office_label.full_text == "UPT PPD Pontianak Wilayah I (Samsat Pontianak)"
    assert window.clock_label.text().endswith("09:00 WIB")
    _shot(window, "start", catalog_store)


def test_many_services_scroll_and_stay_large(qtbot, catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store, "BAPENDA-BATU", printer=_printer())
    assert len(window.service_buttons) == 13
    assert all(b.height() >= 80 for b in window.service_buttons.values())
    _shot(window, "start-batu", catalog_store)


def test_tapping_a_service_issues_prints_and_shows_the_ticket(qtbot,
                                                             catalog_store: Store) -> None:
    printer = _printer()
    window = _kiosk(qtbot, catalog_store, printer=printer)
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is not None and result.state == "done"
    visit = _visit(catalog_store, info.id)
    assert visit.status is VisitStatus.WAITING and visit.priority_reason is None
    assert window.number.text() == visit.ticket == info.ticket == "A-001"
    assert window.pages.currentWidget() is window.ticket_page
    assert window.ticket_service.text() == "Perpanjangan STNK"
    assert window.ticket_ahead.text() == "Di depan Anda: 0 orang"
    receipts = _sim(printer).receipts
    assert len(receipts) == 1
    assert receipts[0].qr == [qr_payload(OFFICE, info.id, info.ticket)]
    assert not window.preview.pixmap().isNull() and window.preview.isVisible()
    assert not window.failure.isVisible()
    # the second visitor has one person ahead
    window._on_done()
    second, _ = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert second.ticket == "A-002" and window.ticket_ahead.text() == "Di depan Anda: 1 orang"
    assert len(_sim(printer).receipts) == 2
    _shot(window, "ticket", catalog_store)


def test_priority_reason_is_asked_recorded_and_printed(qtbot, catalog_store: Store) -> None:
    printer = _printer()
    window = _kiosk(qtbot, catalog_store, printer=printer)
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.priority_page
    assert set(window.priority_buttons) == {"lansia", "disabilitas", "hamil", "anak"}
    _shot(window, "priority", catalog_store)
    qtbot.mouseClick(window.priority_buttons["hamil"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    assert window.banner.isVisible() and "Ibu hamil" in window.banner_text.text()
    _shot(window, "priority-chosen", catalog_store)
    info, result = _take(qtbot, window, "STNK-HILANG")
    assert info.priority == "hamil" and result.state == "done"
    assert _visit(catalog_store, info.id).priority_reason == "hamil"
    assert window.ticket_priority.isVisible()
    assert window.ticket_priority.text() == "PRIORITAS: IBU HAMIL"
    assert "PRIORITAS: IBU HAMIL" in _sim(printer).receipts[0].text
    window._on_done()  # the next visitor starts without priority
    assert window.priority is None and not window.banner.isVisible()


def test_priority_can_be_cancelled(qtbot, catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store, printer=_printer())
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.priority_buttons["lansia"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.cancel_priority, Qt.MouseButton.LeftButton)
    info, _ = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert info.priority is None


def test_details_show_every_requirement_and_take_a_number(qtbot,
                                                          catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store, printer=_printer())
    qtbot.mouseClick(window.detail_buttons["STNK-HILANG"], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.details_page
    service = next(s for s in window.services if s.code == "STNK-HILANG")
    assert service.requirements
    for requirement in service.requirements:
        assert requirement in window.details_list.text()
    assert window.details_time.text() == "Waktu penyelesaian: 30 menit"
    _shot(window, "details", catalog_store)
    with qtbot.waitSignal(window.ticket_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(window.details_take, Qt.MouseButton.LeftButton)
    assert blocker.args[0].service == "STNK-HILANG"


def test_printer_fault_keeps_the_ticket_and_says_so(qtbot, catalog_store: Store) -> None:
    printer = _printer("paper_out")
    window = _kiosk(qtbot, catalog_store, printer=printer)
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is not None and result.state != "done"
    assert _visit(catalog_store, info.id).status is VisitStatus.WAITING
    assert window.pages.currentWidget() is window.ticket_page
    assert window.number.text() == info.ticket
    assert window.failure.isVisible() and not window.preview.isVisible()
    assert "tetap berlaku" in window.failure_text.text()
    assert info.ticket in window.failure_text.text()
    assert "mencetak ulang" in window.failure_text.text()
    assert "kertas printer habis" in window.failure_detail.text()
    assert _sim(printer).receipts == []
    _shot(window, "printer-failure", catalog_store)
    window._on_done()
    assert window.staff_label.isVisible() and info.ticket in window.staff_label.text()


def test_the_screen_never_waits_for_the_number_or_the_printer(qtbot, catalog_store: Store,
                                                             monkeypatch) -> None:
    """Taking the number, printing it and drawing its picture happen in a worker: while the
    database is slow to give the number and the printer slow to answer (0.3 s per status
    answer, four per ticket), the UI thread keeps running; a second tap meanwhile takes no
    second number."""
    printer = _printer()
    _sim(printer).set_status_delay(0.3)
    window = _kiosk(qtbot, catalog_store, printer=printer)
    gate = threading.Event()
    take = window.station.take_number

    def slow_take(*args, **kwargs):
        assert gate.wait(10), "the number was taken in the UI thread"
        return take(*args, **kwargs)

    monkeypatch.setattr(window.station, "take_number", slow_take)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    with qtbot.waitSignal(window.ticket_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(window.service_buttons["STNK-PERPANJANGAN"],
                         Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is window.busy_page
        window._on_service("STNK-PERPANJANGAN")  # tapped again: ignored while busy
        QTimer.singleShot(100, gate.set)  # fires only while the UI thread is free
        started = time.monotonic()
    timer.stop()
    info, result = blocker.args
    assert result is not None and result.state == "done"
    assert time.monotonic() - started >= 1.2  # the printer's four slow answers
    assert _visits(catalog_store) == 1 and len(_sim(printer).receipts) == 1
    assert window.number.text() == info.ticket and not window.preview.pixmap().isNull()
    during = [t for t in ticks if t >= started]
    assert len(during) >= 20
    assert max(b - a for a, b in itertools.pairwise(during)) < 0.25  # never an answer


def test_the_screen_never_waits_for_the_office_state(qtbot, catalog_store: Store,
                                                    monkeypatch) -> None:
    """Whether the office is open is read in a worker: while the database is slow to say
    (the read waits for a gate the UI thread opens), the UI thread keeps running, and the
    state that comes back turns the screen to the closed notice."""
    now = [MONDAY_9]
    window = _kiosk(qtbot, catalog_store, clock=lambda: now[0])
    assert window.pages.currentWidget() is window.start_page
    gate = threading.Event()
    state = window.station.state
    threads: list[threading.Thread] = []

    def slow_state():
        threads.append(threading.current_thread())
        assert gate.wait(10), "the state was read in the UI thread"
        return state()

    monkeypatch.setattr(window.station, "state", slow_state)
    now[0] = MONDAY_9 + timedelta(hours=7)  # 16:00 WIB: closed
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    with qtbot.waitSignal(window.closed_shown, timeout=10_000) as blocker:
        started = time.monotonic()
        window._on_check_open()  # the 30 s timer's slot
        assert window.pages.currentWidget() is window.start_page  # nothing read yet
        QTimer.singleShot(300, gate.set)  # fires only while the UI thread is free
    timer.stop()
    assert blocker.args[0].reason == "after_closing"
    assert threads and threading.main_thread() not in threads
    during = [t for t in ticks if t >= started]
    assert len(during) >= 10
    assert max(b - a for a, b in itertools.pairwise(during)) < 0.25


def test_one_state_read_at_a_time_and_the_newest_counts(qtbot, catalog_store: Store,
                                                        monkeypatch) -> None:
    """Asked again while a read is under way (the timer, two counter events), the kiosk
    starts no second read at once: one more follows the first, and only its result is
    applied (the first one's, older, is dropped)."""
    window = _kiosk(qtbot, catalog_store)
    gate = threading.Event()
    state = window.station.state
    lock = threading.Lock()
    running, most, returned = [0], [0], []

    def counted_state():
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            if not returned:  # the first read waits until the others were asked
                assert gate.wait(10)
            result = state()
            returned.append(result)
            return result
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(window.station, "state", counted_state)
    applied: list[object] = []
    window.state_read.connect(applied.append)
    for _ in range(3):
        window._on_check_open()
    gate.set()
    qtbot.waitUntil(lambda: len(returned) == 2 and bool(applied), timeout=10_000)
    qtbot.waitUntil(lambda: window._state_job is None, timeout=10_000)
    assert most[0] == 1 and len(returned) == 2
    assert applied == [returned[1]] and window.state is returned[1]


def test_a_state_read_that_fails_leaves_the_screen_as_it_was(qtbot, catalog_store: Store,
                                                            monkeypatch, caplog) -> None:
    """A lost database while reading the state: the start page stays, its buttons as they
    were, the warning logged (a tap then says the server is lost)."""
    from app.errors import LoketError

    window = _kiosk(qtbot, catalog_store)
    before = window.state

    def lost():
        raise LoketError("db.unreachable", url="postgresql://loket@db/loket",
                         reason="server closed the connection")

    monkeypatch.setattr(window.station, "state", lost)
    with qtbot.waitSignal(window.state_read, timeout=10_000) as blocker:
        window._on_check_open()
    assert blocker.args == [None]
    assert window.pages.currentWidget() is window.start_page and window.state is before
    assert all(not b.status.isVisible() for b in window.service_buttons.values())
    assert "cannot read the office's hours" in caplog.text


def test_without_a_printer_the_number_is_still_given(qtbot, catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store)
    assert window.printer is None
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is None and window.failure.isVisible()
    assert _visit(catalog_store, info.id).status is VisitStatus.WAITING


def test_the_station_printer_comes_from_the_database(qtbot, catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, resources.path("demo", "stations.yaml"), actor=Actor("admin"))
    window = _kiosk(qtbot, catalog_store, station_code="KIOSK-1")
    assert window.printer == "sim://" and window.station_id is not None
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is not None and result.state == "done"
    assert _visit(catalog_store, info.id).issued_by_station_id == window.station_id
    # a printer given on the command line wins over the station's
    other = _printer()
    assert _kiosk(qtbot, catalog_store, station_code="KIOSK-1", printer=other).printer == other


def _wib(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """A moment in 2026 on the office's wall clock (WIB, UTC+7)."""
    return datetime(2026, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


def _opens(window: KioskWindow) -> str:
    """The two lines that say when service opens next, as one sentence."""
    return " ".join((window.closed_opens_lead.text(), window.closed_opens.text())).replace(
        "\u00a0", " ")


@pytest.mark.parametrize(("moment", "title", "day_off", "opens"), [
    (SUNDAY_0627, "Hari ini kantor libur", None,
     "Layanan dibuka lagi Senin, 23 November 2026, pukul 07.30 WIB"),
    (_wib(23, 6, 27), "Layanan belum dibuka", None,
     "Layanan dibuka hari ini pukul 07.30 WIB"),
    (_wib(23, 15, 0), "Layanan hari ini sudah selesai", None,
     "Layanan dibuka lagi Selasa, 24 November 2026, pukul 07.30 WIB"),
    (_wib(24, 9, 0, month=12), "Hari ini kantor libur", "Cuti Bersama Hari Raya Natal",
     "Layanan dibuka lagi Senin, 28 Desember 2026, pukul 07.30 WIB"),
], ids=["sunday-0627", "weekday-0627", "weekday-1500", "public-holiday"])
def test_closed_office_says_when_it_opens_and_offers_nothing_to_tap(
        qtbot, catalog_store: Store, moment: datetime, title: str, day_off: str | None,
        opens: str) -> None:
    window = _kiosk(qtbot, catalog_store, printer=_printer(), clock=lambda: moment)
    assert window.pages.currentWidget() is window.closed_page
    assert window.closed is not None
    assert window.closed_title.text() == title
    assert _opens(window) == opens
    assert window.closed_hours.text() == "Jam layanan: Senin\u2013Jumat pukul 07.30\u201315.00 WIB"
    assert window.closed_text.text() == "Nomor antrian belum dapat diambil saat ini."
    assert window.closed_day.isVisible() is bool(day_off)
    if day_off:
        assert window.closed_day.text() == day_off
    texts = [w.text() for w in window.closed_page.findChildren(QLabel)]
    assert not any("SAMSAT-PTK1" in t or "dipanggil" in t for t in texts)  # no codes, no promise
    assert not any(b.isVisible() for b in window.service_buttons.values())
    assert not window.priority_button.isVisible()


def test_the_closed_screen_at_full_hd(qtbot, catalog_store: Store) -> None:
    """The picture in docs/screenshots/kiosk-closed.png: a Sunday dawn on a 1920 x 1080 kiosk."""
    window = _kiosk(qtbot, catalog_store, printer=_printer(), clock=lambda: SUNDAY_0627)
    window.resize(1920, 1080)
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.closed_page
    # every line fits: nothing is cut at the sides
    for label in (window.closed_title, window.closed_opens_lead, window.closed_opens,
                  window.closed_hours, window.closed_text):
        assert label.isVisible() and label.heightForWidth(label.width()) <= 1.6 * (
            label.fontMetrics().height())  # one line each: nothing wraps
    assert window.closed_title.font().pixelSize() > window.closed_opens.font().pixelSize()
    _shot(window, "closed-1920", catalog_store)


def test_after_close_day_the_screen_turns_closed_at_once(qtbot, catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store, printer=_printer())
    assert window.pages.currentWidget() is window.start_page
    with (qtbot.waitSignal(window.closed_shown, timeout=10_000) as blocker,  # a live event
          catalog_store.uow() as uow):
        q_.close_day(uow, office_code=OFFICE, now=MONDAY_9)
    assert blocker.args[0].reason == "day_closed"
    assert window.closed_title.text() == "Layanan hari ini sudah ditutup"
    assert _opens(window) == (
        "Layanan dibuka lagi Selasa, 24 November 2026, pukul 07.30 WIB")
    with (qtbot.waitSignal(window.returned, timeout=10_000),  # the supervisor undoes it
          catalog_store.uow() as uow):
        q_.open_day(uow, office_code=OFFICE, now=MONDAY_9)


def test_a_counter_not_open_yet_is_said_and_no_number_is_taken(qtbot,
                                                               catalog_store: Store) -> None:
    printer = _printer()
    window = _kiosk(qtbot, catalog_store, printer=printer, counter_open=False)
    assert window.pages.currentWidget() is window.start_page
    button = window.service_buttons["STNK-PERPANJANGAN"]
    assert button.status.isVisible() and not button.bring.isVisible()
    assert button.status.full_text == (
        "Nomor belum dapat diambil \u2013 Tempat Cek Fisik belum dibuka")
    assert button.property("notopen") is True
    _shot(window, "counter-not-open", catalog_store)
    with qtbot.waitSignal(window.refused, timeout=5000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].key == "kiosk.counter_closed"
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.message_page, timeout=5000)
    assert window.message_text.text().startswith(
        "Tempat Cek Fisik belum dibuka, jadi nomor antrian untuk Perpanjangan STNK belum")
    assert _visits(catalog_store) == 0 and _sim(printer).receipts == []
    _shot(window, "counter-not-open-refused", catalog_store)
    qtbot.mouseClick(window.message_back, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    # the officer signs in at cek fisik: the button follows (a live event), a number is given
    _open_counter(catalog_store)
    qtbot.waitUntil(lambda: not button.status.isVisible(), timeout=10_000)
    assert button.property("notopen") is False and button.bring.isVisible()
    _info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result.state == "done" and _visits(catalog_store) == 1
    assert window.ticket_wait.isVisible() and not window.ticket_not_open.isVisible()
    assert window.ticket_wait.text() == "Anda akan segera dipanggil"


def test_the_office_may_allow_a_number_that_promises_no_call(qtbot,
                                                            catalog_store: Store) -> None:
    _set(catalog_store, kiosk={"issue_when_closed": True})
    printer = _printer()
    window = _kiosk(qtbot, catalog_store, printer=printer, counter_open=False)
    button = window.service_buttons["STNK-PERPANJANGAN"]
    assert button.status.full_text == (
        "Nomor tetap dapat diambil \u2013 Tempat Cek Fisik belum dibuka")
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result.state == "done" and info.ticket == "A-001"
    assert not window.ticket_wait.isVisible() and window.ticket_not_open.isVisible()
    assert window.ticket_not_open.text() == (
        "Tempat Cek Fisik belum dibuka; nomor Anda akan dipanggil setelah loket dibuka")
    printed = " ".join(_sim(printer).receipts[0].text.split())
    assert "Tempat Cek Fisik belum dibuka; nomor Anda akan dipanggil setelah loket dibuka." \
        in printed
    assert "segera dipanggil" not in printed and "Perkiraan" not in printed
    _shot(window, "ticket-counter-not-open", catalog_store)


def test_closing_time_while_on_the_start_page(qtbot, catalog_store: Store) -> None:
    now = [MONDAY_9]
    window = _kiosk(qtbot, catalog_store, printer=_printer(), clock=lambda: now[0])
    assert window.pages.currentWidget() is window.start_page
    now[0] = MONDAY_9 + timedelta(hours=7)  # 16:00 WIB, the screen was not refreshed yet
    with qtbot.waitSignal(window.closed_shown, timeout=5000):
        qtbot.mouseClick(window.service_buttons["STNK-PERPANJANGAN"],
                         Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.closed_page
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.query(Visit).count() == 0
    now[0] = MONDAY_9 + timedelta(days=1)  # Tuesday 09:00: open again
    with qtbot.waitSignal(window.returned, timeout=1000):
        window._on_check_open()
    assert window.pages.currentWidget() is window.start_page


def test_idle_reset_returns_to_the_start_page(qtbot, catalog_store: Store) -> None:
    with catalog_store.uow() as uow:  # the office's setting, as an administrator sets it
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {**office.settings, "kiosk_idle_seconds": 0.3}
        uow.commit()
    window = _kiosk(qtbot, catalog_store, printer=_printer(), idle_seconds=None)
    assert window.idle_seconds == 0.3
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.priority_buttons["anak"], Qt.MouseButton.LeftButton)
    _take(qtbot, window, "STNK-PERPANJANGAN")
    assert window.pages.currentWidget() is window.ticket_page
    with qtbot.waitSignal(window.returned, timeout=5000):
        pass
    assert window.pages.currentWidget() is window.start_page
    assert window.priority is None
    # a visitor who walks away from the priority page is not left there either
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.returned, timeout=5000):
        pass
    assert window.pages.currentWidget() is window.start_page


def test_a_ticket_the_kiosk_could_not_print_is_not_printed_later(qtbot,
                                                                 catalog_store: Store) -> None:
    """The screen showed the number: the job is flagged for reprint at once, never retried by
    a spool minutes later, and it carries the kiosk's station."""
    from app.spool import Spool, failed_jobs

    with catalog_store.uow() as uow:
        import_file(uow, resources.path("demo", "stations.yaml"), actor=Actor("admin"))
    window = _kiosk(qtbot, catalog_store, station_code="KIOSK-1",
                    printer=f"sim://?name={uuid.uuid4().hex}&fault=paper_out")
    _info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result.state == "failed"
    assert Spool(catalog_store).due(MONDAY_9 + timedelta(hours=1)) == []
    with catalog_store.uow(read_only=True) as uow:
        [job] = failed_jobs(uow)
    assert job.last_error.startswith("gave up") and job.station_id == window.station_id


def test_a_lost_database_is_said_plainly_and_no_number_is_taken(qtbot, catalog_store: Store,
                                                                 monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    import app.stations.kiosk as kiosk_module

    def down(*_args, **_kw):
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    window = _kiosk(qtbot, catalog_store)
    monkeypatch.setattr(kiosk_module.q_, "issue_ticket", down)
    qtbot.mouseClick(window.service_buttons["STNK-PERPANJANGAN"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.message_page, timeout=5000)
    assert "server tidak terhubung" in window.message_text.text()
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Visit)).first() is None


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_kiosk_fits_both_screen_sizes(qtbot, catalog_store: Store,
                                          size: tuple[int, int]) -> None:
    """The start page and a ticket on the two usual kiosk screens: nothing cut off (the
    pictures are docs/screenshots/kiosk-1366x768.png and kiosk-1920x1080.png). The
    headings and tile texts (_Fit) shrink their own font to their place, by design."""
    from tests.ui.fit import clipped

    def cut() -> list[str]:
        return [w for w in clipped(window) if not w.startswith("_Fit ")]

    window = _kiosk(qtbot, catalog_store)
    window.resize(*size)  # texts fit their font on the resize events that follow
    qtbot.waitUntil(lambda: cut() == [], timeout=5000)
    _shot(window, f"{size[0]}x{size[1]}", catalog_store)
    _take(qtbot, window, "STNK-PERPANJANGAN")
    qtbot.waitUntil(lambda: cut() == [], timeout=5000)
    _shot(window, f"ticket-{size[0]}x{size[1]}", catalog_store)


def test_the_kiosk_fits_a_small_window_across(qtbot, catalog_store: Store) -> None:
    """In a window 640 px wide (the demo's tile) the kiosk's type scales down with the
    width: nothing is wider than the window, the header and the service tiles included, and
    it scrolls only downwards; the office with thirteen services too."""
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.fit import clipped

    for office in (OFFICE, "BAPENDA-BATU"):
        window = _kiosk(qtbot, catalog_store, office, printer=_printer())
        area = QScrollArea()
        qtbot.addWidget(area)
        area.setWidgetResizable(True)
        area.takeWidget()
        area.setWidget(window)
        area.resize(640, 350)
        area.show()
        qtbot.waitExposed(area)
        bar = area.horizontalScrollBar()
        qtbot.waitUntil(lambda a=area, w=window: w.width() == a.viewport().width(),
                        timeout=5000)
        assert bar.maximum() == 0 and window.minimumSizeHint().width() <= 640
        assert all(b.width() < window.width() for b in window.service_buttons.values())
        assert window.clock_label.geometry().right() < window.width()
        assert [w for w in clipped(window) if not w.startswith("_Fit ")] == []
        _shot(window, f"640x350-{office}", catalog_store)
    window._on_priority()
    QApplication.processEvents()
    assert bar.maximum() == 0
