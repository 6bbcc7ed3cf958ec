"""The supervisor's report view: pick a day (or a period), read the tables and the charts,
save the same report as PDF or XLSX.

The tables are :func:`app.reports.tables.report_tables` (what the PDF and the workbook show,
in the same order, formatted the same way); the charts are Qt Charts: visits per service,
and waiting and service time per stage. No SQL and no arithmetic here: the office, the report
(:func:`app.reports.daily.daily_report`) and its files come through
:class:`app.stations.reports.ReportStation` (each read a unit of work of its own; a lost
database is a :class:`LoketError` the banner shows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QDate, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import utcnow
from app.errors import LoketError
from app.i18n import date_pattern
from app.reports.tables import Table, as_text, report_tables
from app.stations.reports import DailyReport, ReportStation, check_period
from app.store import Store

NUMERIC = {"int", "min", "pct", "rp", "nrr", "ikm"}
COLOURS = ("#2F6DB5", "#E08A1E", "#3C9A5F")


class _ReportJob(QObject, QRunnable):
    """Computes a report in a worker thread: a year of a busy office takes seconds."""

    done = Signal(object)  # a DailyReport, or the LoketError / exception raised

    def __init__(self, station: ReportStation, start: date, end: date,
                 as_of: datetime) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self.station, self.start, self.end, self.as_of = station, start, end, as_of

    def run(self) -> None:
        result: object
        try:
            result = self.station.report(self.start, self.end, as_of=self.as_of)
        except Exception as exc:  # a worker must report, never die silently
            result = exc
        self.done.emit(result)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportView(QWidget):
    """``loaded`` after a report is shown; ``saved(path)`` after a file is written;
    ``failed(message)`` when the period or a file is refused."""

    loaded = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.office_code = store, office_code
        self._clock = clock or utcnow
        self.report: DailyReport | None = None
        self.tables: list[Table] = []
        self._pool = QThreadPool(self)
        self._job: _ReportJob | None = None
        self.station = ReportStation(store, office_code, clock=self._clock)
        self.office = self.station.office()
        self._build()
        today = self.office.today(self._clock())
        self.start.setDate(_qdate(today))
        self.end.setDate(_qdate(today))

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tanggal")))
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_pattern())
        bar.addWidget(self.start)
        self.range = QCheckBox(self.tr("sampai"))
        self.range.toggled.connect(self._on_range)
        bar.addWidget(self.range)
        self.end = QDateEdit()
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat(date_pattern())
        self.end.setEnabled(False)
        bar.addWidget(self.end)
        self.show_button = QPushButton(self.tr("Tampilkan"))
        self.show_button.clicked.connect(self.load)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        self.pdf_button = QPushButton(self.tr("Simpan PDF..."))
        self.pdf_button.clicked.connect(self._on_save_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan XLSX..."))
        self.xlsx_button.clicked.connect(self._on_save_xlsx)
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
            bar.addWidget(button)
        root.addLayout(bar)
        self.title = QLabel()
        font = QFont()
        font.setBold(True)
        font.setPointSize(13)
        self.title.setFont(font)
        root.addWidget(self.title)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        root.addWidget(self.banner)
        self.tabs = QTabWidget()
        root.addWidget(self.tabs, 1)
        self.visits_chart = QChartView()
        self.waits_chart = QChartView()
        for view in (self.visits_chart, self.waits_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)

    def _on_range(self, checked: bool) -> None:
        self.end.setEnabled(checked)
        if not checked:
            self.end.setDate(self.start.date())

    # --- loading ------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        start = _date(self.start.date())
        end = _date(self.end.date()) if self.range.isChecked() else start
        return start, end

    def load(self) -> None:
        """Compute the report of the chosen period in a worker thread; ``loaded`` (or
        ``failed``) follows."""
        start, end = self.period()
        try:
            check_period(start, end)
        except LoketError as exc:
            self._fail(exc.message())
            return
        if self._job is not None:
            return
        self.show_button.setEnabled(False)
        self.banner.setText(self.tr("Menghitung laporan..."))
        self._job = _ReportJob(self.station, start, end, self._clock())
        self._job.done.connect(self._on_done)
        self._pool.start(self._job)

    def _on_done(self, result: object) -> None:
        self._job = None
        self.show_button.setEnabled(True)
        if isinstance(result, LoketError):
            self._fail(result.message())
        elif isinstance(result, BaseException):
            self._fail(self.tr("Laporan gagal dihitung: {error}").format(error=result))
        else:
            assert isinstance(result, DailyReport)
            self.show_report(result)

    def _fail(self, message: str) -> None:
        self.banner.setText(message)
        self.failed.emit(message)

    def wait_for_job(self) -> None:
        """Wait for a running computation (closing the window, tests)."""
        self._pool.waitForDone()

    def closeEvent(self, event) -> None:
        self.wait_for_job()
        super().closeEvent(event)

    def show_report(self, report: DailyReport) -> None:
        self.report = report
        self.tables = report_tables(report)
        self.banner.setText("")
        self.title.setText(self.tr("Laporan pelayanan {office}, {period} ({zone})").format(
            office=report.office_name, period=report.period_label, zone=report.zone))
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None and widget not in (self.visits_chart, self.waits_chart):
                widget.deleteLater()
        for table in self.tables:
            self.tabs.addTab(self._table_widget(table), table.key)
        self._charts(report)
        self.tabs.addTab(self._charts_page(), self.tr("Grafik"))
        self.tabs.setCurrentIndex(max(current, 0))
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(True)
        self.loaded.emit()

    def _table_widget(self, table: Table) -> QTableWidget:
        text = as_text(table)
        widget = QTableWidget(len(text), len(table.headers))
        widget.setHorizontalHeaderLabels(list(table.headers))
        widget.verticalHeader().setVisible(False)
        widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        bold = QFont()
        bold.setBold(True)
        total_row = len(text) - 1 if table.total is not None else -1
        for r, row in enumerate(text):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                kind = table.kind(r if r != total_row else None, c)
                if kind in NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if r == total_row:
                    item.setFont(bold)
                widget.setItem(r, c, item)
        widget.resizeColumnsToContents()
        widget.setObjectName(f"table:{table.key}")
        return widget

    def _charts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.visits_chart)
        layout.addWidget(self.waits_chart)
        return page

    def _bar_chart(self, title: str, categories: Sequence[str],
                   series: Sequence[tuple[str, Sequence[float], str]], unit: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        bars = QBarSeries()
        peak = 0.0
        for name, values, colour in series:
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            for value in values:
                bar_set.append(float(value))
                peak = max(peak, float(value))
            bars.append(bar_set)
        bars.setLabelsVisible(True)
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        axis_x.append(list(categories))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, peak * 1.1 if peak > 0 else 1)
        axis_y.applyNiceNumbers()
        axis_y.setTitleText(unit)
        axis_y.setLabelFormat("%.0f" if unit != self.tr("menit") else "%.1f")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _charts(self, report: DailyReport) -> None:
        self.visits_chart.setChart(self._bar_chart(
            self.tr("Kunjungan per layanan"), [s.name for s in report.services],
            [(self.tr("Kunjungan"), [s.visits for s in report.services], COLOURS[0]),
             (self.tr("Selesai"), [s.done for s in report.services], COLOURS[2])],
            self.tr("kunjungan")))

        def minutes(values) -> list[float]:
            return [float(v) if v is not None else 0.0 for v in values]

        self.waits_chart.setChart(self._bar_chart(
            self.tr("Waktu tunggu dan layanan per tahap"), [s.name for s in report.stages],
            [(self.tr("Tunggu median"), minutes(s.wait.median for s in report.stages),
              COLOURS[0]),
             (self.tr("Tunggu P90"), minutes(s.wait.p90 for s in report.stages), COLOURS[1]),
             (self.tr("Layanan median"), minutes(s.service.median for s in report.stages),
              COLOURS[2])],
            self.tr("menit")))

    # --- saving -------------------------------------------------------------------------

    def _default_name(self, suffix: str) -> str:
        assert self.report is not None
        r = self.report
        period = r.start.isoformat() if r.start == r.end else (
            f"{r.start.isoformat()}_{r.end.isoformat()}")
        return f"laporan-{r.office}-{period}.{suffix}"

    def save_pdf(self, path: str | Path) -> None:
        assert self.report is not None
        self._write(Path(path), self.station.pdf(self.report, self.office.letterhead,
                                                 printed_at=self._clock()))

    def save_xlsx(self, path: str | Path) -> None:
        assert self.report is not None
        self._write(Path(path), self.station.xlsx(self.report))

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._fail(LoketError("file.cannot_write", file=str(path),
                                  reason=exc.strerror or type(exc).__name__).message())
            return
        self.banner.setText(self.tr("Tersimpan: {path}").format(path=path))
        self.saved.emit(str(path))

    def _on_save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"),
                                              self._default_name("pdf"), "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def _on_save_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan XLSX"),
                                              self._default_name("xlsx"),
                                              "Excel (*.xlsx)")
        if path:
            self.save_xlsx(path)
