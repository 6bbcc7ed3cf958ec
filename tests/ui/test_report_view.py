"""The supervisor's report view: a day is shown in the same tables as the PDF and the
workbook, with two Qt charts; a period is picked; the files are saved; a reversed period is
refused in the banner."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidget

from app.store import Store
from tests.app.reports import day
from ui.report_view import ReportView

SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))


@pytest.fixture
def view(qtbot, catalog_store: Store):
    day.build(catalog_store)
    widget = ReportView(catalog_store, day.OFFICE, clock=lambda: day.AS_OF)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    yield widget
    widget.wait_for_job()
    widget.close()


def _table(view: ReportView, key: str) -> QTableWidget:
    table = view.findChild(QTableWidget, f"table:{key}")
    assert table is not None, key
    return table


def _row(table: QTableWidget, first: str) -> list[str]:
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == first:
            return [table.item(r, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"{first} not in the table")


def test_the_day_in_tables_and_charts(qtbot, view: ReportView, tmp_path: Path) -> None:
    assert view.period() == (day.DAY, day.DAY)  # today, in the office's zone
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show_button.click()
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == [
        "Ringkasan", "Layanan", "Tahap", "Petugas", "Prioritas", "Pembayaran",
        "Jenis pembayaran", "IKM", "Grafik"]
    summary = _table(view, "Ringkasan")
    assert _row(summary, "Kunjungan")[1] == "8"
    assert _row(summary, "Jumlah pembayaran")[1] == "Rp1.310.000"
    assert _row(summary, "Dalam standar waktu (%)")[1] == "40,0"
    assert _row(summary, "IKM (nilai konversi)")[1] == "87,50"
    assert _row(_table(view, "Tahap"), "Cek Fisik Kendaraan")[1:10] == [
        "8", "2", "1", "6", "2,5", "7,5", "5", "3,0", "7,0"]
    assert _row(_table(view, "Petugas"), "siti")[2:4] == ["3", "3"]
    series = view.visits_chart.chart().series()
    assert len(series) == 1 and isinstance(series[0], QBarSeries)
    sets = series[0].barSets()
    assert [s.label() for s in sets] == ["Kunjungan", "Selesai"]
    assert [sets[0].at(i) for i in range(sets[0].count())] == [6.0, 2.0]
    waits = view.waits_chart.chart().series()[0].barSets()
    assert [waits[0].at(i) for i in range(waits[0].count())] == [2.5, 3.0]  # medians
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(SHOTS / "report_view_charts.png"))
    view.tabs.setCurrentIndex(2)
    view.grab().save(str(SHOTS / "report_view_stages.png"))

    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    with qtbot.waitSignal(view.saved, timeout=10000) as saved:
        view.save_pdf(pdf)
    assert saved.args == [str(pdf)]
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(
        io.BytesIO(pdf.read_bytes())).pages)
    assert "Rp1.310.000" in text and "40,0" in text
    with qtbot.waitSignal(view.saved, timeout=10000):
        view.save_xlsx(xlsx)
    rows = {r[0].value: r[1].value for r in load_workbook(xlsx)["Ringkasan"].iter_rows(
        min_row=5)}
    assert rows["Kunjungan"] == 8 and rows["Jumlah pembayaran"] == 1_310_000


def test_a_period_and_a_reversed_one(qtbot, view: ReportView) -> None:
    view.start.setDate(QDate(2026, 11, 22))
    view.range.setChecked(True)
    view.end.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    assert _row(_table(view, "Ringkasan"), "Kunjungan")[1] == "9"
    assert "22-11-2026 s.d. 23-11-2026" in view.title.text()  # app.i18n.short_date
    assert (view.start.text(), view.end.text()) == ("22-11-2026", "23-11-2026")
    view.end.setDate(QDate(2026, 11, 21))
    with qtbot.waitSignal(view.failed, timeout=5000) as failed:
        view.load()
    assert "akhir sebelum awal" in failed.args[0]
    assert view.banner.text() == failed.args[0]
    view.range.setChecked(False)
    assert view.period() == (day.DAY.replace(day=22), day.DAY.replace(day=22))


def test_the_title_writes_the_period_in_the_readers_language(qtbot, view: ReportView,
                                                             monkeypatch) -> None:
    view.start.setDate(QDate(2026, 11, 22))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    assert "(22-11-2026)" not in view.title.text() and ", 22-11-2026 (" in view.title.text()
    assert view.report is not None
    monkeypatch.setenv("LOKET_LANG", "en")
    view.range.setChecked(True)
    view.end.setDate(QDate(2026, 11, 23))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    assert "22/11/2026 to 23/11/2026" in view.title.text()
    assert view.report.to_json()["from"] == "2026-11-22"  # the JSON keeps ISO dates


def test_saving_to_a_folder_that_does_not_exist_fails_in_the_banner(qtbot, view: ReportView,
                                                                    tmp_path: Path) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    with qtbot.waitSignal(view.failed, timeout=5000):
        view.save_xlsx(tmp_path / "no" / "such" / "r.xlsx")
    assert "tidak dapat ditulis" in view.banner.text()


def test_a_lost_database_is_said_in_the_banner_and_the_report_kept(
        qtbot, view: ReportView, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server goes away while a report is computed: the banner says so in words (not a
    traceback), the report shown stays and can be asked for again."""
    from sqlalchemy.exc import OperationalError

    import app.stations.reports

    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.load()
    shown = view.report

    def down(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    with monkeypatch.context() as patch:
        patch.setattr(app.stations.reports, "daily_report", down)  # inside its unit of work
        with qtbot.waitSignal(view.failed, timeout=10000) as failed:
            view.load()
    assert "tidak dapat terhubung ke basis data" in failed.args[0]
    assert "server closed the connection" in view.banner.text()
    assert view.report is shown and view.show_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):  # the database is back
        view.load()
