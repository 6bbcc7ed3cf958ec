"""No screen shows a stored code (issue 17): after a few calls through the services, every
visible text of the kiosk, display, survey, supervisor and counter windows, in Indonesian
and in English, is walked, and none is or contains as a whole word a catalog code (stage,
counter, service, requirement, variant) or a visit status or device kind value
(``called``, ``ticket_printer``). In Indonesian, no text holds an English function word
(a string the translation left in English, or never marked for it).

A code that is also an ordinary word of the catalog's own texts (the variant ``badan`` in
"Wajib Pajak badan") cannot be told from that word; it is caught in the form a leak takes,
in brackets: "(badan)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChart, QChartView
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QWidget,
)
from sqlalchemy import select

from app import users
from app.access import Actor
from app.catalog.service import import_file
from app.queue import engine as q
from app.stations.counter import visit_history
from app.store import Store
from db.enums import DeviceKind, VisitStatus
from db.models import Counter, Office, Service, Stage, Visit
from resources import path
from tests.app.queue.conftest import MONDAY_9
from tests.helpers import queue_only
from ui.counter import CounterWindow, SupervisorDialog, TransferDialog
from ui.display import DisplayWindow
from ui.kiosk import KioskWindow, _numbered
from ui.report_view import ReportView
from ui.supervisor import SupervisorWindow
from ui.survey import SurveyWindow

OFFICE = "SAMSAT-PTK1"
PASSWORD = "rahasia-123"

# (code, reason): a code that may show, and why. Kept short on purpose: nothing needs one
# today (a ticket shows its prefix, "A-001", never its service's code).
ALLOWED: dict[str, str] = {}

_TAG = re.compile(r"<[^>]+>")
# words of English that Indonesian never uses: one of them on an Indonesian screen is text
# left untranslated (office data aside: the catalog writes "Notice Pajak", "No.")
ENGLISH = ("the", "and", "of", "is", "are", "to", "with", "for", "your", "please", "not",
           "yet", "from", "this", "that", "at", "be", "has", "have")
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(ENGLISH) + r")(?![\w-])")


def _words(store: Store, office: str) -> tuple[set[str], set[str]]:
    """The codes checked as whole words (the office's catalog codes, the enum values) and
    the variant codes that are ordinary words of the catalog's texts (checked in brackets).
    A code that is a word of the catalog's own texts (the service ``NPWPD`` in "Permohonan
    Nomor Pokok Wajib Pajak Daerah (NPWPD)") is that word wherever it shows."""
    with store.uow(read_only=True) as uow:
        s = uow.session
        row = s.scalars(select(Office).where(Office.code == office)).one()
        codes = {row.code}
        codes |= set(s.scalars(select(Stage.code).where(Stage.office_id == row.id)))
        codes |= set(s.scalars(select(Counter.code).where(Counter.office_id == row.id)))
        services = s.scalars(select(Service).where(Service.office_id == row.id)).all()
        texts = " ".join([*(sv.name for sv in services), *(
            f"{r.get('text', '')} {r.get('for_name', '')}" for sv in services
            for r in sv.requirements if isinstance(r, dict))])
        variants = set()
        for sv in services:
            codes.add(sv.code)
            for r in sv.requirements:
                if isinstance(r, dict):
                    codes.add(str(r["code"]))
                    if r.get("for"):
                        variants.add(str(r["for"]))
    codes |= {v.value for v in VisitStatus} | {k.value for k in DeviceKind}
    everyday = {c for c in codes | variants if _whole(c).search(texts)}
    return (codes | variants) - everyday - set(ALLOWED), (variants & everyday) - set(ALLOWED)


def _whole(code: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(code)}(?![\w-])")


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text the window shows now."""
    yield "title", window.windowTitle()
    for w in [window, *window.findChildren(QWidget)]:
        if w is not window and not w.isVisibleTo(window):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, _TAG.sub(" ", w.text())
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QComboBox):
            yield from ((name, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QChartView) and w.chart() is not None:
            yield from ((f"{name} chart", text) for text in _chart_texts(w.chart()))
        if isinstance(w, QListWidget):
            yield from ((name, w.item(i).text()) for i in range(w.count()))
        elif (isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView)
              and w.model() is not None):
            model = w.model()
            for c in range(model.columnCount()):
                yield f"{name} header", str(model.headerData(
                    c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    index = model.index(r, c)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if value:
                            yield f"{name} [{r},{c}]", str(value)


def _chart_texts(chart: QChart) -> Iterator[str]:
    """A chart's title, its axes' titles and categories, its series' and bars' names."""
    yield chart.title()
    for axis in chart.axes():
        yield axis.titleText()
        if isinstance(axis, QBarCategoryAxis):
            yield from axis.categories()
    for series in chart.series():
        yield series.name()
        if isinstance(series, QBarSeries):
            yield from (bar_set.label() for bar_set in series.barSets())


def _leaks(window: QWidget, store: Store, office: str = OFFICE) -> list[str]:
    import os

    QApplication.processEvents()
    codes, everyday = _words(store, office)
    found = []
    indonesian = os.environ.get("LOKET_LANG", "id") == "id"
    if not indonesian:  # "called", "waiting" are English words too: codes with - or _ stay
        codes = {c for c in codes if not (c.isalpha() and c.islower())}
    for where, text in _texts(window):
        if indonesian and (english := _ENGLISH.search(text)):
            found.append(f"{where}: English {english.group(1)!r} in {text!r}")
        for code in codes:
            if _whole(code).search(text):
                found.append(f"{where}: {code!r} in {text!r}")
        for code in everyday:
            if f"({code})" in text:
                found.append(f"{where}: '({code})' in {text!r}")
    return found


def _show(qtbot, window: QWidget, size: tuple[int, int] = (1280, 800)) -> None:
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)


@pytest.fixture
def office_day(catalog_store: Store, monkeypatch) -> Store:
    """The Samsat office at 09:00: a visit moved on to loket 1 and called there, one served
    at cek fisik, a no-show and one waiting."""
    monkeypatch.setenv("LOKET_LANG", "id")
    queue_only(catalog_store)
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
        for name, role in (("petugas1", "officer"), ("kepala", "supervisor")):
            users.add_user(uow, name, role, PASSWORD, actor=Actor("admin"), office_code=OFFICE,
                           full_name=name.capitalize())

    def act(fn, *args, **kw):
        with catalog_store.uow() as uow:
            return fn(uow, *args, office_code=OFFICE, now=MONDAY_9, **kw)

    for counter in ("CF", "L1"):
        act(q.set_counter_open, counter, True)
    for service in ("STNK-PERPANJANGAN", "STNK-PERPANJANGAN", "STNK-HILANG",
                    "STNK-PERPANJANGAN"):
        act(q.issue_ticket, service)
    act(q.call_next, "CF")
    act(q.start, "CF")
    act(q.finish, "CF")  # on to loket 1
    act(q.call_next, "L1")
    act(q.call_next, "CF")
    act(q.skip, "CF")  # a no-show
    act(q.call_next, "CF")
    act(q.start, "CF")  # served at cek fisik now
    return catalog_store


@pytest.fixture(params=["id", "en"])
def language(request: pytest.FixtureRequest, monkeypatch) -> Iterator[str]:
    """The screens in Indonesian, then in English (the translation installed as a station
    installs it)."""
    monkeypatch.setenv("LOKET_LANG", request.param)
    translator = QTranslator()
    if request.param == "en":
        assert translator.load(str(path("translations", "loket_en.qm")))
        QCoreApplication.installTranslator(translator)
    yield request.param
    QCoreApplication.removeTranslator(translator)


def _kiosk_leaks(qtbot, store: Store, office: str) -> list[str]:
    """The kiosk's start page and the details page of each of its services."""
    kiosk = KioskWindow(store, office, clock=lambda: MONDAY_9, idle_seconds=60)
    _show(qtbot, kiosk)
    leaks = _leaks(kiosk, store, office)
    for service in kiosk.services:
        kiosk._on_details(service.code)
        leaks += _leaks(kiosk, store, office)
    kiosk.close()
    return leaks


def test_the_visitors_screens_show_no_code(qtbot, office_day: Store, language: str) -> None:
    leaks = _kiosk_leaks(qtbot, office_day, OFFICE)
    display = DisplayWindow(office_day, OFFICE, clock=lambda: MONDAY_9)
    _show(qtbot, display)
    leaks += _leaks(display, office_day)
    survey = SurveyWindow(office_day, OFFICE, clock=lambda: MONDAY_9, idle_seconds=60)
    _show(qtbot, survey)
    leaks += _leaks(survey, office_day)
    survey.shutdown()
    assert leaks == []


@pytest.mark.parametrize("office", ["BPPD-MALANG", "BAPENDA-BATU", "BPS-BANTEN"])
def test_every_kiosk_names_the_variants_of_its_requirements(qtbot, catalog_store: Store,
                                                            office: str) -> None:
    assert _kiosk_leaks(qtbot, catalog_store, office) == []


def test_the_kiosk_says_the_physical_check_apart_from_what_to_bring(
        qtbot, office_day: Store) -> None:
    kiosk = KioskWindow(office_day, OFFICE, clock=lambda: MONDAY_9, idle_seconds=60)
    _show(qtbot, kiosk)
    bring = kiosk.service_buttons["STNK-PERPANJANGAN"].bring.full_text
    assert bring == ("Bawa: Fotokopi BPKB; STNK Asli; SKPD / Notice Pajak Asli; Identitas Diri"
                     " Asli · Dilakukan di kantor: Cek Fisik Kendaraan")
    kiosk._on_details("STNK-PERPANJANGAN")
    details = kiosk.details_list.text()
    assert details.index("Dokumen yang dibawa:") < details.index("Fotokopi BPKB")
    assert details.index("Dilakukan di kantor:") < details.index("Cek Fisik Kendaraan")
    assert details.index("Identitas Diri Asli") < details.index("Dilakukan di kantor:")


def _signed_in_counter(qtbot, store: Store, tmp_path: Path) -> CounterWindow:
    """Loket 1's console with its officer signed in."""
    counter = CounterWindow(store, OFFICE, "L1", clock=lambda: MONDAY_9,
                            slip_folder=tmp_path / "slips")
    _show(qtbot, counter)
    counter.login.username.setText("petugas1")
    counter.login.password.setText(PASSWORD)
    counter.login.button.click()
    return counter


def test_the_officers_screens_show_no_code(qtbot, office_day: Store, tmp_path: Path,
                                          language: str) -> None:
    board = SupervisorWindow(office_day, OFFICE, clock=lambda: MONDAY_9)
    _show(qtbot, board, (1366, 768))
    qtbot.keyClicks(board.login.username, "kepala")
    qtbot.keyClicks(board.login.password, PASSWORD)
    qtbot.mouseClick(board.login.button, Qt.MouseButton.LeftButton)
    assert board.pages.currentWidget() is board.board
    tile = {"id": "Menunggu sekarang", "en": "Waiting now"}[language]
    assert any(text == tile for _, text in _texts(board))  # the walk reads that language
    leaks = _leaks(board, office_day)
    board.close()
    counter = _signed_in_counter(qtbot, office_day, tmp_path)
    qtbot.waitUntil(lambda: counter.history.rowCount() > 0, timeout=10_000)
    leaks += _leaks(counter, office_day)
    counter.ask_unsaved = lambda text: "discard"
    counter.close()
    assert leaks == []


def test_the_counters_dialogs_and_the_daily_report_show_no_code(
        qtbot, office_day: Store, tmp_path: Path, language: str) -> None:
    """What opens from a screen: the counter's transfer and countersign dialogs, and every
    tab of the daily report (its tables are the PDF's and the workbook's) with its charts."""
    counter = _signed_in_counter(qtbot, office_day, tmp_path)
    transfer = TransferDialog(counter.info, counter)
    _show(qtbot, transfer, (500, 200))
    assert transfer.stages.count() > 1 and transfer.counters.count() > 1
    leaks = _leaks(transfer, office_day)
    transfer.close()
    for with_reason in (True, False):
        sign = SupervisorDialog("?", counter, with_reason=with_reason)
        _show(qtbot, sign, (500, 200))
        leaks += _leaks(sign, office_day)
        sign.close()
    counter.ask_unsaved = lambda text: "discard"
    counter.close()

    report = ReportView(office_day, OFFICE, clock=lambda: MONDAY_9)
    _show(qtbot, report, (1366, 768))
    with qtbot.waitSignal(report.loaded, timeout=20_000):
        report.load()
    assert report.tabs.count() > 2
    walked = set()
    for index in range(report.tabs.count()):
        report.tabs.setCurrentIndex(index)
        walked.add(report.tabs.tabText(index))
        leaks += _leaks(report, office_day)
    charts = [text for where, text in _texts(report) if where.endswith(" chart")]
    report.tabs.setCurrentIndex(report.tabs.count() - 1)
    charts += [text for where, text in _texts(report) if where.endswith(" chart")]
    assert "Pendaftaran Berkas" in " ".join(charts) or "Cek Fisik" in " ".join(charts)
    report.wait_for_job()
    report.close()
    assert len(walked) == report.tabs.count()
    assert leaks == []


def test_the_visit_history_names_its_stages(office_day: Store) -> None:
    with office_day.uow(read_only=True) as uow:
        visit = uow.session.scalars(select(Visit).order_by(Visit.id)).first()
        assert visit is not None
        history = visit_history(uow, visit.id)
    entered = [h for h in history if h.action == "finished"]
    assert entered and all(h.stage_name and h.stage_name != h.stage for h in entered)
    assert "Pendaftaran Berkas" in {h.stage_name for h in history}


def test_the_walk_finds_a_code_in_a_label(qtbot, office_day: Store) -> None:
    """The check itself: a label that says a stage code, or a variant in brackets, fails."""
    window = QWidget()
    QLabel("Masuk tahap → loket-1", window)
    QLabel("Akte (badan)", window).move(0, 30)
    _show(qtbot, window, (400, 100))
    leaks = _leaks(window, office_day, "BAPENDA-BATU") + _leaks(window, office_day)
    assert any("'loket-1'" in leak for leak in leaks)
    assert any("'(badan)'" in leak for leak in leaks)


def test_ten_requirements_are_numbered_to_ten() -> None:
    html = _numbered([f"Berkas {n}" for n in range(1, 12)])
    assert ">10.</td><td>Berkas 10<" in html
    assert ">11.</td><td>Berkas 11<" in html
    assert _numbered([]) == ""
