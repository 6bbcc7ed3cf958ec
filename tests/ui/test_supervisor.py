"""The supervisor's board on a live office: a stuck visit is seen and taken back, the
running text reaches the display, a counter is closed, a failed ticket is reprinted."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import ticket_print
from app.catalog.store import import_file
from app.queue import engine as q_
from app.store import Store
from db.enums import DeviceKind, VisitStatus
from db.models import AuditEntry, Counter, Visit
from devices.connection import parse
from devices.registry import simulator
from resources import path
from tests.app.queue.conftest import MONDAY_9
from ui.display import DisplayWindow
from ui.supervisor import SupervisorWindow

OFFICE = "SAMSAT-PTK1"
SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))
LATER = MONDAY_9 + timedelta(minutes=40)


def act(store: Store, fn, *args, now=MONDAY_9, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=now, **kw)


def select_row(table, text: str) -> None:
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() == text]
    assert rows, f"{text} not in the table"
    table.setCurrentCell(rows[0], 0)


@pytest.fixture
def board(qtbot, catalog_store: Store):
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor="test")
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
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
    assert status is VisitStatus.WAITING and who == "supervisor"
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

    from app import supervision

    def down(*_a, **_k):
        raise OperationalError("SELECT", None, Exception("server closed the connection"))

    monkeypatch.setattr(supervision, "overview", down)
    rows = board.stages.rowCount()
    board.refresh()
    assert "tidak dapat terhubung ke basis data" in board.banner.text()
    assert board.stages.rowCount() == rows


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
    window = SupervisorWindow(catalog_store, OFFICE, clock=lambda: LATER)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.refresh()
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
