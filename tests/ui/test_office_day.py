"""One office day at Samsat Pontianak without getting stuck (issue 14), on both databases.

28 visitors take numbers at the kiosk between 09:00 and 14:30 and go through cek fisik,
loket 1 (registration), loket 2 (payment) and loket 3 (STNK hand-over), driven only through
the stations' widgets: the kiosk's buttons, the consoles' F-keys, typed work panels, ticked
boxes, the supervisor's and the transfer dialogs, the survey keypad. The day has everything
the issue lists: renewals and lost STNKs, a priority visitor, an incomplete file (with its
slip) whose owner comes back with a new number, two no-shows (recalled until gone, and F4),
a transfer, a payment cancelled by the supervisor, cek fisik numbers saved by F9 (and once
by "Tahan", answered in the console's own question box), a finish refused because the STNK
was not handed over yet, surveys (one refused at loket 1), and the day closed with three
visitors still waiting. After every call the display is read.

No screen closes the day: the office's IT person runs ``loket queue close-day`` (the command
takes no clock, so the engine's clock is set to the office day's for that call). The report's
"Simpan XLSX..." asks for a file name in the system's file dialog, which a test cannot drive:
the dialog's answer is given.

At the end the day must reconcile: every visit done at loket 3 was checked, ticked,
registered, paid and handed over; what was typed is in the database; the payments add up to
the supervisor's report and to the workbook it exports; the counts are the scenario's.
"""

from __future__ import annotations

import io
import json
import time
from contextlib import ExitStack
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from sqlalchemy import select

from app.desk.requirements import requirements_of
from app.store import Store
from db.enums import VisitStatus
from db.models import Document, Payment, Person, SurveyResponse, Vehicle, Visit
from db.models_samsat import StnkCase, VehicleCheck
from tests import pg_roles
from tests.app.queue.conftest import MONDAY_9
from tests.ui.office_day_helpers import (
    EMPTY,
    OFFICE,
    PASSWORD,
    SUPERVISOR,
    WAIT,
    Clock,
    OfficeDay,
    Visitor,
    add_staff,
    click,
    register_visitors,
)

SHOTS = Path("/tmp/loket-shots")
LOST = "STNK-HILANG"
NAMES = ["Budi Santoso", "Siti Aminah", "Agus Salim", "Dewi Lestari", "Rudi Hartono",
         "Nur Aisyah", "Hendra Wijaya", "Fitri Handayani", "Bambang Sutrisno", "Yuliana Putri",
         "Andi Pratama", "Lina Marlina", "Joko Susilo", "Ratna Sari", "Eko Prasetyo",
         "Maya Anggraini", "Taufik Hidayat", "Wulan Dari", "Iwan Setiawan", "Sri Wahyuni",
         "Dedi Kurniawan", "Ani Suryani", "Fajar Nugroho", "Rina Kartika", "Hadi Gunawan",
         "Tuti Alawiyah", "Yusuf Rahman"]
LOST_OWNERS = {3, 9, 15, 22}
CARS = {4, 12, 20, 24}


@pytest.fixture
def people() -> dict[int, Visitor]:
    return {n: Visitor(n, name, service=LOST if n in LOST_OWNERS else "STNK-PERPANJANGAN",
                       car=n in CARS)
            for n, name in enumerate(NAMES, start=1)}


@pytest.fixture
def day(qtbot, catalog_store: Store, catalog_db_url: str, people: dict[int, Visitor],
        tmp_path: Path, request: pytest.FixtureRequest):
    """On PostgreSQL each station connects as the role ``loket db roles`` made for its kind
    of PC, as docs/deployment.md sets an office up: the day proves the grants suffice."""
    add_staff(catalog_store)
    register_visitors(catalog_store, list(people.values()), MONDAY_9)
    with ExitStack() as stack:
        stores: dict[str, Store] = {}
        if catalog_store.backend == "postgresql":
            admin_url = request.getfixturevalue("pg_admin_url")
            stack.callback(pg_roles.drop_roles, catalog_db_url, admin_url)
            stack.callback(catalog_store.engine.dispose)  # before the database is dropped
            pg_roles.give_to_owner(catalog_db_url)
            for kind, url in pg_roles.station_urls(catalog_db_url).items():
                if kind != "admin":
                    stores[kind] = stack.enter_context(Store.open(url))
        office = OfficeDay(qtbot, catalog_store, Clock(MONDAY_9), tmp_path, stores)
        office.open_stations()
        yield office
        office.close_stations()


def test_one_office_day(qtbot, day: OfficeDay, people: dict[int, Visitor],
                        catalog_store: Store, catalog_db_url: str, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    began = time.monotonic()
    v = people
    clock = day.clock
    paid: dict[str, Decimal] = {}  # ticket -> the bill the officer saw and took

    # --- 09:00 the first five: renewals and a lost STNK, every stage's usual way ---------
    for n in (1, 2, 3, 4, 5):
        day.take_number(v[n])
        clock.advance(1.5)
    assert [v[n].ticket for n in (1, 2, 3, 4, 5)] == [
        "A-001", "A-002", "B-001", "A-003", "A-004"]
    day.cek_fisik(v[1], save_button=True)
    for n in (2, 3, 4, 5):
        day.cek_fisik(v[n])  # numbers typed, not saved, F9: recorded, then on to loket 1
    day.through(v[1], "L1")
    day.through(v[2], "L1", with_f9=True)
    for n in (3, 4, 5):
        day.through(v[n], "L1")
    paid[v[1].ticket] = day.through(v[1], "L2")
    paid[v[2].ticket] = day.through(v[2], "L2", transfer="TRX20261123001", with_f9=True)
    for n in (3, 4, 5):
        paid[v[n].ticket] = day.through(v[n], "L2", with_f9=n == 3)
    day.through(v[1], "L3")
    day.through(v[2], "L3", recipient="Rahmat (adik pemilik)", with_f9=True)
    for n in (3, 4, 5):
        day.through(v[n], "L3")
    day.answer_survey(v[1].ticket, [4, 4, 3, 3, 4, 4, 4, 3, 4], sex=0)
    day.answer_survey(v[3].ticket, [3, 3, 3, 2, 3, 4, 4, 3, 3])

    # --- a priority visitor, an incomplete file, a survey tried too early -----------------
    clock.advance(5)
    for n in (6, 7, 8):
        day.take_number(v[n])
        clock.advance(1)
    day.take_number(v[9], priority="lansia")  # an elderly owner: served first
    clock.advance(1)
    day.take_number(v[10])
    assert [v[n].ticket for n in (6, 7, 8, 9, 10)] == [
        "A-005", "A-006", "A-007", "B-002", "A-008"]
    for n in (9, 6, 7, 8, 10):  # B-002 first, though it came fourth
        day.cek_fisik(v[n])
    day.through(v[9], "L1")
    day.call("L1", v[6])
    day.start("L1")
    day.try_survey(v[6].ticket)  # A-005 walks to the survey station from loket 1
    assert day.survey.pages.currentWidget() is day.survey.start_page
    assert day.survey.start_error.text() == (
        "nomor A-005 belum selesai dilayani (sekarang: Loket 1 Pendaftaran); survei bisa "
        "diisi setelah tahap terakhir, Pengesahan dan Penyerahan STNK, dimulai")
    day.register(v[6])
    slip = day.incomplete(v[7], brought=["cek-fisik", "bpkb-fotokopi", "identitas-asli"])
    slip_text = "\n".join(page.extract_text() for page in PdfReader(
        io.BytesIO(slip.path.read_bytes())).pages)
    assert "STNK Asli" in slip_text and "SKPD / Notice Pajak Asli" in slip_text
    assert slip.missing == ("STNK Asli", "SKPD / Notice Pajak Asli")
    for n in (8, 10):
        day.through(v[n], "L1")
    for n in (9, 6, 8, 10):
        paid[v[n].ticket] = day.through(v[n], "L2")
    for n in (9, 6, 8, 10):
        day.through(v[n], "L3")
    day.answer_survey(v[6].ticket, [4, 3, 4, 3, 4, 4, 4, 4, 4], sex=1)  # now it may
    day.answer_survey(v[9].ticket, [4, 4, 4, 4, 4, 4, 4, 4, 4])

    # --- two no-shows and a transfer ------------------------------------------------------
    clock.advance(4)
    for n in (11, 12, 13, 14, 15, 16):
        day.take_number(v[n])
        clock.advance(1)
    assert [v[n].ticket for n in (11, 12, 13, 14, 15, 16)] == [
        "A-009", "A-010", "A-011", "A-012", "B-003", "A-013"]
    day.recall_until_gone("CF", v[11])  # A-009 never comes
    for n in (12, 13, 14, 15, 16):
        day.cek_fisik(v[n])
    day.through(v[12], "L1")
    day.skip("L1", v[13])  # A-011 left after cek fisik: F4
    day.through(v[14], "L1", finish=False)  # registered, then sent to loket 2 by name
    l1 = day.counters["L1"]
    l1.choose_transfer = day.transfer_to("L1", "L2")
    day.press("L1", Qt.Key.Key_F6)
    assert l1.current is None, l1.banner.text()
    assert l1.banner.text() == "A-012 dialihkan ke Loket 2 Pembayaran."
    day.wait_box("L1", EMPTY)
    for n in (15, 16):
        day.through(v[n], "L1")
    for n in (14, 12, 15, 16):  # sent to loket 2 by name: called there first
        paid[v[n].ticket] = day.through(v[n], "L2")
    for n in (14, 12, 15, 16):
        day.through(v[n], "L3")
    day.answer_survey(v[14].ticket, [3, 3, 4, 3, 3, 3, 4, 3, 3], sex=0)

    # --- the incomplete file comes back; a bill cancelled; a finish refused ---------------
    clock.advance(3)
    day.take_number(v[7])  # Hendra brought the STNK and the SKPD: a new number
    clock.advance(1)
    for n in (17, 18, 19, 20, 21):
        day.take_number(v[n])
        clock.advance(1)
    assert [v[7].ticket] + [v[n].ticket for n in (17, 18, 19, 20, 21)] == [
        "A-014", "A-015", "A-016", "A-017", "A-018", "A-019"]
    assert v[7].tickets == ["A-006", "A-014"]
    for n in (7, 17, 18):
        day.cek_fisik(v[n])
    cf = day.call("CF", v[19])
    day.start("CF")
    (check,) = cf.panels
    qtbot.keyClicks(check.chassis.edit, v[19].chassis)
    qtbot.keyClicks(check.engine.edit, v[19].engine)
    day.note("A-017", chassis=v[19].chassis, engine=v[19].engine)
    day.hold_typed("CF", v[19], "Simpan, lalu lanjutkan")  # gone to fetch the BPKB copy
    assert day.asked[-1] == ("Nomor A-017: ada isian yang belum disimpan:\n"
                             "• STNK — cek fisik: nomor rangka, nomor mesin\n\n"
                             "Simpan dulu, lalu tahan?")
    assert "Cek fisik A-017 dicatat." in cf.banner.text()
    day.cek_fisik(v[20])
    clock.advance(4)
    day.resume("CF", v[19])
    assert check.unsaved() is None  # saved before the hold: nothing left to save
    day.finish("CF", "A-017")
    day.cek_fisik(v[21])
    for n in (7, 17, 18, 20, 19, 21):  # A-017 reached loket 1 after A-018
        day.through(v[n], "L1")
    paid[v[7].ticket] = day.through(v[7], "L2")
    day.cancel_unpaid(v[17], "wajib pajak batal membayar")
    for n in (18, 20, 19, 21):
        paid[v[n].ticket] = day.through(v[n], "L2")
    day.through(v[7], "L3")
    l3 = day.call("L3", v[18])
    day.start("L3")
    day.press("L3", Qt.Key.Key_F9)  # the STNK is not handed over yet: refused
    assert l3.banner_kind == "error"
    assert "STNK A-016 belum dicatat diserahkan (Serahkan STNK)" in l3.banner.text()
    assert l3.current is not None and l3.current.ticket == "A-016"
    assert l3.current.status == "serving"
    day.wait_box("L3", "A-016")  # nothing moved
    with catalog_store.uow(read_only=True) as uow:
        status = uow.session.scalar(select(Visit.status).where(Visit.ticket == "A-016"))
    assert status is VisitStatus.SERVING
    shot(day.display, "display", catalog_store)
    shot(l3, "refused", catalog_store)
    day.hand_over(v[18])
    for n in (20, 19, 21):
        day.through(v[n], "L3")
    day.answer_survey(v[7].ticket, [4, 4, 4, 3, 4, 4, 4, 4, 3], sex=0)

    # --- the afternoon; three still waiting at closing time ------------------------------
    clock.advance(10)
    for n in (22, 23, 24):
        day.take_number(v[n])
        clock.advance(2)
    for n in (22, 23, 24):
        day.cek_fisik(v[n])
    for n in (22, 23, 24):
        day.through(v[n], "L1")
    for n in (22, 23, 24):
        paid[v[n].ticket] = day.through(v[n], "L2")
    for n in (22, 23, 24):
        day.through(v[n], "L3")
    day.answer_survey(v[24].ticket, [2, 3, 3, 3, 3, 3, 3, 2, 3])
    clock.now = max(clock.now, MONDAY_9.replace(hour=7, minute=20))  # 14:20 WIB
    for n in (25, 26, 27):
        day.take_number(v[n])
        clock.advance(2)
    assert [v[n].ticket for n in (25, 26, 27)] == ["A-022", "A-023", "A-024"]
    day.cek_fisik(v[25])
    day.cek_fisik(v[26])
    day.through(v[25], "L1")
    waiting = {"L2": "A-022", "L1": "A-023", "CF": "A-024"}
    for counter, ticket in waiting.items():  # each console lists its waiting visitor
        qtbot.waitUntil(lambda c=counter, t=ticket: waiting_at(day, c) == [t], timeout=WAIT)
    assert waiting_at(day, "L3") == []

    # --- 15:00: no screen closes the day; the office's IT person runs the command ---------
    clock.now = MONDAY_9.replace(hour=8)  # 15:00 WIB
    assert day.boxes() == {"CF": EMPTY, "L1": EMPTY, "L2": EMPTY, "L3": EMPTY}
    from app.cli import main
    from app.queue import day as queue_day
    from tests.helpers import login

    monkeypatch.setattr(queue_day, "utcnow", clock)  # the command reads the office's clock
    login(catalog_db_url, SUPERVISOR, PASSWORD)  # loket login kepala, at the office's PC
    with qtbot.waitSignal(day.kiosk.closed_shown, timeout=WAIT) as closed:
        code = main(["--db", catalog_db_url, "queue", "close-day", "--office", OFFICE,
                     "--as", SUPERVISOR, "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "office": OFFICE, "day": "2026-11-23", "not_served": ["A-022", "A-023", "A-024"]}
    assert closed.args[0].reason == "day_closed"
    assert day.kiosk.closed_title.text() == "Layanan hari ini sudah ditutup"
    day.wait_box("CF", "TUTUP")
    assert day.boxes() == {"CF": "TUTUP", "L1": "TUTUP", "L2": "TUTUP", "L3": "TUTUP"}
    for counter in waiting:  # nobody is left waiting at any console
        qtbot.waitUntil(lambda c=counter: waiting_at(day, c) == [], timeout=WAIT)
    shot(day.kiosk, "kiosk-closed", catalog_store)

    # --- the day reconciles ----------------------------------------------------------------
    done = {t for t in paid}
    assert len(done) == 21
    expected = {**{t: VisitStatus.DONE for t in done}, "A-006": VisitStatus.INCOMPLETE,
                "A-009": VisitStatus.NO_SHOW, "A-011": VisitStatus.NO_SHOW,
                "A-015": VisitStatus.CANCELLED,
                **{t: VisitStatus.NOT_SERVED for t in waiting.values()}}
    assert len(expected) == 28
    with catalog_store.uow(read_only=True) as uow:
        s = uow.session
        visits = {vi.ticket: vi for vi in s.scalars(select(Visit))}
        assert {t: vi.status for t, vi in visits.items()} == expected
        assert visits["B-002"].priority_reason == "lansia"
        assert [t for t, vi in visits.items() if vi.priority_reason] == ["B-002"]
        for ticket in done:  # every stage's rule was met
            visit = visits[ticket]
            check = s.scalar(select(VehicleCheck).where(VehicleCheck.visit_id == visit.id))
            assert check is not None and check.chassis_match and check.engine_match
            codes = {code for code, _text in requirements_of(visit.service)}
            assert codes and codes <= set(visit.data["requirements"]), ticket
            case = s.scalar(select(StnkCase).where(StnkCase.visit_id == visit.id))
            assert case is not None and case.status == "handed_over", ticket
            assert case.registered_at is not None and case.handed_over_at is not None
            assert case.endorsed and case.stamped
            payment = s.get(Payment, case.payment_id)
            assert payment is not None and payment.voided_at is None
            assert payment.visit_id == visit.id and payment.amount == paid[ticket]
            assert [r.stage.code for r in visit.stage_records][-1] == "loket-3"
        # the incomplete file: no case, its slip kept; the same vehicle done under A-014
        assert s.scalar(select(StnkCase).where(StnkCase.visit_id == visits["A-006"].id)) \
            is None
        slip_doc = s.scalar(select(Document).where(Document.visit_id == visits["A-006"].id))
        assert slip_doc.data["missing"] == ["STNK Asli", "SKPD / Notice Pajak Asli"]
        back = s.scalar(select(StnkCase).where(StnkCase.visit_id == visits["A-014"].id))
        assert s.get(Vehicle, back.vehicle_id).plate == v[7].plate
        cancelled = s.scalar(select(StnkCase).join(Visit).where(Visit.ticket == "A-015"))
        assert cancelled.status == "cancelled" and cancelled.payment_id is None
        payments = s.scalars(select(Payment)).all()
        assert sorted(p.visit_id for p in payments) == sorted(visits[t].id for t in done)
        total = sum((p.amount for p in payments), Decimal(0))
        assert total == sum(paid.values(), Decimal(0))
        # nothing typed was lost: every value is where the officer typed it for
        for ticket, typed in day.typed.items():
            visit = visits[ticket]
            check = s.scalar(select(VehicleCheck).where(VehicleCheck.visit_id == visit.id))
            assert (check.chassis_no, check.engine_no) == (typed["chassis"], typed["engine"])
            case = s.scalar(select(StnkCase).where(StnkCase.visit_id == visit.id))
            if "nik" in typed:
                assert s.get(Person, case.owner_id).nik == typed["nik"], ticket
            if "reference" in typed:
                assert s.get(Payment, case.payment_id).reference == typed["reference"]
            if "tendered" in typed:
                receipt = s.scalar(select(Document).where(
                    Document.visit_id == visit.id, Document.kind == "samsat_receipt"))
                text = PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text()
                assert typed["tendered"] in text, ticket
            if "recipient" in typed:
                assert case.handed_to == typed["recipient"], ticket
        answered = {s.get(Visit, r.visit_id).ticket for r in s.scalars(select(SurveyResponse))}
    assert answered == {"A-001", "B-001", "A-005", "B-002", "A-012", "A-014", "A-021"}
    assert len(day.typed) == 26 and day.typed["A-016"]["recipient"] == v[18].name

    # the supervisor's daily report, on screen and as the workbook it saves
    from app.money import format_rupiah
    from ui import report_view
    from ui.supervisor import SupervisorWindow

    board = SupervisorWindow(day.stores["station"], OFFICE, clock=clock, check_devices=False)
    qtbot.addWidget(board)
    board.resize(1400, 900)
    board.show()
    qtbot.waitExposed(board)
    qtbot.keyClicks(board.login.username, SUPERVISOR)  # the board opens on its log-in page
    qtbot.keyClicks(board.login.password, PASSWORD)
    click(qtbot, board.login.button)
    assert board.pages.currentWidget() is board.board, board.login.message.text()
    bar = board.tabs.tabBar()
    assert bar.tabText(1) == "Laporan harian"
    click(qtbot, bar, bar.tabRect(1).center())
    qtbot.waitUntil(lambda: board.report_view is not None
                    and board.report_view.report is not None, timeout=WAIT)
    view = board.report_view
    summary = rows_of(view.findChild(QTableWidget, "table:Ringkasan"))
    assert summary["Kunjungan"] == "28"
    assert summary["Selesai dilayani"] == "21"
    assert summary["Dikembalikan (berkas tidak lengkap)"] == "1"
    assert summary["Tidak hadir saat dipanggil"] == "2"
    assert summary["Kunjungan prioritas"] == "1"
    assert summary["Transaksi pembayaran"] == "21"
    assert summary["Jumlah pembayaran"] == format_rupiah(total)
    assert summary["Pembayaran dibatalkan"] == "0"
    assert summary["Responden survei"] == "7"
    services = rows_of(view.findChild(QTableWidget, "table:Layanan"), whole=True)
    # Kunjungan, Selesai, Tidak lengkap, Tidak hadir, Batal, Tidak dilayani, Masih antre
    assert services["Perpanjangan STNK"][1:8] == ["24", "17", "1", "2", "1", "3", "0"]
    assert services["Penggantian STNK Hilang"][1:8] == ["4", "4", "0", "0", "0", "0", "0"]
    assert services["Jumlah"][1:8] == ["28", "21", "1", "2", "1", "3", "0"]
    path = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(report_view.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(path), "Excel (*.xlsx)"))
    with qtbot.waitSignal(view.saved, timeout=WAIT):
        click(qtbot, view.xlsx_button)
    shot(board, "report", catalog_store)
    sheet = load_workbook(path)["Ringkasan"]
    cells = {r[0].value: r[1].value for r in sheet.iter_rows(min_row=5)}
    assert cells["Jumlah pembayaran"] == total
    assert cells["Transaksi pembayaran"] == 21 and cells["Kunjungan"] == 28
    assert cells["Selesai dilayani"] == 21
    view.wait_for_job()
    board.close()

    seconds = time.monotonic() - began
    print(f"office day on {catalog_store.backend}: {seconds:.1f} s")


def rows_of(table: QTableWidget | None, *, whole: bool = False) -> dict[str, object]:
    """A report table as {first cell: the second cell} (or, ``whole``, the row)."""
    assert table is not None
    out: dict[str, object] = {}
    for r in range(table.rowCount()):
        row = [table.item(r, c).text() for c in range(table.columnCount())]
        out[row[0]] = row if whole else row[1]
    return out


def waiting_at(day: OfficeDay, counter: str) -> list[str]:
    """The numbers in a console's "Antrean menunggu" list."""
    table = day.counters[counter].waiting
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def shot(widget: QWidget, name: str, store: Store) -> None:
    """A picture of a station as people see it (one set: the SQLite run)."""
    if store.backend != "sqlite":
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"office-day-{name}.png"))
