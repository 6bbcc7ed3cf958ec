"""The kiosk: a tap takes a number, prints it, shows it, and goes back to the start."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

import resources
from app.catalog.store import import_file
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


def _printer(fault: str | None = None) -> str:
    name = f"kiosk-{uuid.uuid4().hex[:10]}"
    return f"sim://?name={name}" + (f"&fault={fault}" if fault else "")


def _sim(connection: str):
    return simulator(DeviceKind.TICKET_PRINTER, parse(connection))


def _kiosk(qtbot, store: Store, office: str = OFFICE, **options) -> KioskWindow:
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


def test_without_a_printer_the_number_is_still_given(qtbot, catalog_store: Store) -> None:
    window = _kiosk(qtbot, catalog_store)
    assert window.printer is None
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is None and window.failure.isVisible()
    assert _visit(catalog_store, info.id).status is VisitStatus.WAITING


def test_the_station_printer_comes_from_the_database(qtbot, catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, resources.path("demo", "stations.yaml"), actor="test")
    window = _kiosk(qtbot, catalog_store, station_code="KIOSK-1")
    assert window.printer == "sim://" and window.station_id is not None
    info, result = _take(qtbot, window, "STNK-PERPANJANGAN")
    assert result is not None and result.state == "done"
    assert _visit(catalog_store, info.id).issued_by_station_id == window.station_id
    # a printer given on the command line wins over the station's
    other = _printer()
    assert _kiosk(qtbot, catalog_store, station_code="KIOSK-1", printer=other).printer == other


@pytest.mark.parametrize("hours_later, day_off", [(8, None), (-24, "Minggu")])
def test_closed_office_shows_the_hours_and_nothing_to_tap(qtbot, catalog_store: Store,
                                                          hours_later: int,
                                                          day_off: str | None) -> None:
    moment = MONDAY_9 + timedelta(hours=hours_later)  # 17:00 Monday, or Sunday 09:00
    window = _kiosk(qtbot, catalog_store, printer=_printer(), clock=lambda: moment)
    assert window.pages.currentWidget() is window.closed_page
    assert window.closed is not None
    assert window.closed_hours.text() == "Jam layanan: 07:30-15:00 WIB"
    assert "sedang tutup" in window.closed_text.text()
    assert not any(b.isVisible() for b in window.service_buttons.values())
    assert not window.priority_button.isVisible()
    if day_off:
        assert window.closed_day.isVisible() and day_off in window.closed_day.text()
    else:
        assert not window.closed_day.isVisible()
        _shot(window, "closed", catalog_store)


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
        import_file(uow, resources.path("demo", "stations.yaml"), actor="test")
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

    import ui.kiosk as kiosk_module

    def down(*_args, **_kw):
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    window = _kiosk(qtbot, catalog_store)
    monkeypatch.setattr(kiosk_module.q_, "issue_ticket", down)
    qtbot.mouseClick(window.service_buttons["STNK-PERPANJANGAN"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.message_page, timeout=5000)
    assert "server tidak terhubung" in window.message_text.text()
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Visit)).first() is None
