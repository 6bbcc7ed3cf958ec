"""The supervisor's board: the office live, and the few actions a supervisor takes.

Live: waiting per stage, each counter open or closed and whom it serves or holds, the
oldest waits, visits near or over their time standard, who has been at a silent counter for
how long, the print jobs to reprint and the devices' health. Actions: open/close a counter,
take a stuck visit back to the queue, reprint a ticket, set the display's running text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError

from app import devices_service, supervision, ticket_print
from app.errors import LoketError
from app.queue import engine as q_
from app.queue.clock import local, utcnow
from app.store import Store
from ui.live import LiveEvents

REFRESH_MS = 30_000  # minutes waited keep counting between events
DEVICES_MS = 60_000
SLA_COLOURS = {"near": QColor("#f2b705"), "over": QColor("#d64545")}


class _DeviceCheck(QObject, QRunnable):
    """Asks every device of the office in a worker thread: a silent printer takes seconds."""

    done = Signal(object)

    def __init__(self, store: Store, office: str) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self.store, self.office = store, office

    def run(self) -> None:
        try:
            with self.store.uow(read_only=True) as uow:
                reports = devices_service.check(uow, office_code=self.office)
        except Exception as exc:  # a worker must report, never die silently
            reports = exc
        self.done.emit(reports)


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]],
          colours: list[QColor | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if colours and colours[r] is not None:
                item.setBackground(colours[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class SupervisorWindow(QWidget):
    """``refreshed`` after every reload (tests wait on it); ``message`` shows what happened."""

    refreshed = Signal()
    devices_checked = Signal(object)

    def __init__(self, store: Store, office_code: str, *, actor: q_.Actor | None = None,
                 clock: Callable[[], datetime] | None = None, check_devices: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.office_code = store, office_code
        self.actor = actor or q_.Actor("supervisor")
        self._clock = clock or utcnow
        self.setWindowTitle(self.tr("Papan supervisor"))
        self._build()
        self.live = LiveEvents(store, office_code, self)
        self.live.received.connect(self._on_event)
        self.live.resync.connect(self.refresh)  # after a reconnect and on the slow timer
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._pool = QThreadPool(self)
        self._check: _DeviceCheck | None = None
        if check_devices:
            self._devices_timer = QTimer(self)
            self._devices_timer.timeout.connect(self.check_devices)
            self._devices_timer.start(DEVICES_MS)
            QTimer.singleShot(0, self.check_devices)
        self.refresh()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs)
        board = QWidget(self.tabs)
        self.tabs.addTab(board, self.tr("Papan"))
        self.report_page = QWidget(self.tabs)  # the report view, built when first opened
        QVBoxLayout(self.report_page).setContentsMargins(0, 0, 0, 0)
        self.report_view: Any = None
        self.tabs.addTab(self.report_page, self.tr("Laporan harian"))
        self.tabs.currentChanged.connect(self._on_tab)
        root = QVBoxLayout(board)
        head = QHBoxLayout()
        self.title = QLabel()
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self.title.setFont(font)
        self.clock = QLabel()
        head.addWidget(self.title, 1)
        head.addWidget(self.clock)
        root.addLayout(head)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        root.addWidget(self.banner)

        grid = QGridLayout()
        self.stages = _table([self.tr("Tahap"), self.tr("Menunggu")])
        self.counters = _table([self.tr("Loket"), self.tr("Status"), self.tr("Melayani"),
                                self.tr("Ditahan")])
        self.toggle = QPushButton(self.tr("Buka / tutup loket"))
        self.toggle.clicked.connect(self._on_toggle_counter)
        self.oldest = _table([self.tr("Tiket"), self.tr("Layanan"), self.tr("Tahap"),
                              self.tr("Menit"), self.tr("Prioritas")])
        self.flagged = _table([self.tr("Tiket"), self.tr("Standar waktu")])
        self.serving = _table([self.tr("Tiket"), self.tr("Loket"), self.tr("Status"),
                               self.tr("Menit"), self.tr("Loket diam (menit)")])
        self.take_back = QPushButton(self.tr("Kembalikan ke antrian"))
        self.take_back.clicked.connect(self._on_take_back)
        self.reprints = _table([self.tr("Tugas"), self.tr("Kunjungan"), self.tr("Jenis"),
                                self.tr("Kesalahan")])
        self.reprint = QPushButton(self.tr("Cetak ulang"))
        self.reprint.clicked.connect(self._on_reprint)
        self.devices = _table([self.tr("Stasiun"), self.tr("Perangkat"), self.tr("Keadaan"),
                               self.tr("Keterangan")])
        self.overdue = _table([self.tr("Jenis"), self.tr("Nomor"), self.tr("Perihal"),
                               self.tr("Terlambat")])
        boxes = [
            (self.tr("Antrian per tahap"), [self.stages], 0, 0, 1),
            (self.tr("Loket"), [self.counters, self.toggle], 0, 1, 1),
            (self.tr("Antrian terlama"), [self.oldest], 0, 2, 1),
            (self.tr("Mendekati / melewati standar waktu"), [self.flagged], 1, 0, 1),
            (self.tr("Sedang dilayani"), [self.serving, self.take_back], 1, 1, 1),
            (self.tr("Cetak ulang tiket"), [self.reprints, self.reprint], 1, 2, 1),
            (self.tr("Kesehatan perangkat"), [self.devices], 2, 0, 1),
            (self.tr("Pengaduan dan permohonan lewat waktu"), [self.overdue], 2, 1, 2),
        ]
        for title, widgets, row, column, span in boxes:
            box = QGroupBox(title)
            layout = QVBoxLayout(box)
            for widget in widgets:
                layout.addWidget(widget)
            grid.addWidget(box, row, column, 1, span)
        root.addLayout(grid, 1)
        text_row = QHBoxLayout()
        text_row.addWidget(QLabel(self.tr("Teks berjalan layar antrian:")))
        self.running_text = QLineEdit()
        self.running_text.setMaxLength(supervision.RUNNING_TEXT_MAX)
        self.save_text = QPushButton(self.tr("Simpan"))
        self.save_text.clicked.connect(self._on_save_text)
        text_row.addWidget(self.running_text, 1)
        text_row.addWidget(self.save_text)
        root.addLayout(text_row)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        now = self._clock()
        try:
            with self.store.uow(read_only=True) as uow:
                data = supervision.overview(uow, self.office_code, now=now)
        except LoketError as exc:
            self._say(exc.message(), error=True)
            return
        except DBAPIError as exc:  # server down: say so, keep the last picture, retry later
            self._say(LoketError("db.unreachable", url=self.store.safe_url,
                                 reason=str(exc.orig or exc).splitlines()[0]).message(),
                      error=True)
            return
        self.data = data
        self.title.setText(self.tr("Papan supervisor") + f" - {data['office']}")
        _fill(self.stages, [[s["name"], s["waiting"]] for s in data["stages"]])
        _fill(self.counters, [
            [c["counter"], self.tr("buka") if c.get("open") else self.tr("tutup"),
             (c.get("serving") or {}).get("ticket", ""), " ".join(c["held"])]
            for c in data["counters"]])
        _fill(self.oldest, [[w.ticket, w.service, w.stage, w.minutes, w.priority or ""]
                            for w in data["oldest"]])
        _fill(self.flagged, [[f["ticket"], self.tr("lewat") if f["state"] == "over"
                              else self.tr("hampir")] for f in data["flagged"]],
              [SLA_COLOURS[f["state"]] for f in data["flagged"]])
        _fill(self.serving, [[s.ticket, s.counter, s.status, s.minutes,
                              "" if s.silent_minutes is None else s.silent_minutes]
                             for s in data["serving"]])
        _fill(self.reprints, [[j["job"], j["visit_id"] or "", j["kind"], j["error"]]
                              for j in data["reprints"]])
        kinds = {"complaint": self.tr("Pengaduan"), "application": self.tr("Permohonan")}
        _fill(self.overdue, [[kinds.get(o.kind, o.kind), o.number, o.title,
                              self._late_text(o.overdue_by)] for o in data["overdue"]],
              [SLA_COLOURS["over"]] * len(data["overdue"]))
        if not self.running_text.hasFocus():
            self.running_text.setText(data["running_text"])
        self.clock.setText(f"{local(now, data['zone']):%H:%M}")
        self.refreshed.emit()

    def _late_text(self, late: Any) -> str:
        minutes = int(late.total_seconds() // 60)
        if minutes >= 24 * 60:
            return self.tr("{n} hari").format(n=minutes // (24 * 60))
        if minutes >= 60:
            return self.tr("{n} jam").format(n=minutes // 60)
        return self.tr("{n} menit").format(n=minutes)

    def check_devices(self) -> None:
        if self._check is not None:
            return  # the previous round is still asking
        self._check = _DeviceCheck(self.store, self.office_code)
        self._check.done.connect(self._on_devices)
        self._pool.start(self._check)

    def _on_devices(self, reports: Any) -> None:
        self._check = None
        if isinstance(reports, Exception):
            self._say(str(reports), error=True)
            return
        _fill(self.devices, [[r.station, r.kind, r.state.condition.value, r.state.detail]
                             for r in reports],
              [None if r.state.usable else SLA_COLOURS["over"] for r in reports])
        self.devices_checked.emit(reports)

    def _on_event(self, _event: Any) -> None:
        self.refresh()

    # --- actions ------------------------------------------------------------------------

    def _selected(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def _say(self, text: str, *, error: bool = False) -> None:
        self.banner.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.banner.setText(text)

    def _run(self, action: Callable[[], str]) -> None:
        try:
            self._say(action())
        except LoketError as exc:
            self._say(exc.message(), error=True)
        self.refresh()

    def _on_toggle_counter(self) -> None:
        code = self._selected(self.counters)
        if code is None:
            self._say(self.tr("Pilih loket dulu."), error=True)
            return
        is_open = next((c.get("open") for c in self.data["counters"] if c["counter"] == code),
                       False)

        def act() -> str:
            with self.store.uow() as uow:
                q_.set_counter_open(uow, code, not is_open, office_code=self.office_code,
                                    actor=self.actor, now=self._clock())
            return (self.tr("Loket {0} ditutup.") if is_open
                    else self.tr("Loket {0} dibuka.")).format(code)

        self._run(act)

    def _on_take_back(self) -> None:
        ticket = self._selected(self.serving)
        if ticket is None:
            self._say(self.tr("Pilih tiket yang sedang dilayani dulu."), error=True)
            return

        def act() -> str:
            with self.store.uow() as uow:
                q_.take_back(uow, ticket, office_code=self.office_code, actor=self.actor,
                             now=self._clock())
            return self.tr("Tiket {0} dikembalikan ke antrian.").format(ticket)

        self._run(act)

    def _on_reprint(self) -> None:
        row = self.reprints.currentRow()
        if row < 0:
            self._say(self.tr("Pilih tugas cetak dulu."), error=True)
            return
        job = self.data["reprints"][row]
        if not job["visit_id"]:
            self._say(self.tr("Tugas ini bukan tiket."), error=True)
            return

        def act() -> str:
            result = ticket_print.print_ticket(self.store, job["visit_id"], job["connection"],
                                               reprint=True, actor=self.actor.name)
            if result.state != "done":
                raise LoketError("print.failed", ticket=job["visit_id"],
                                 condition=result.condition, job=result.id)
            return self.tr("Tiket dicetak ulang.")

        self._run(act)

    def _on_save_text(self) -> None:
        def act() -> str:
            with self.store.uow() as uow:
                supervision.set_running_text(uow, self.office_code, self.running_text.text(),
                                             actor=self.actor)
            return self.tr("Teks berjalan disimpan.")

        self._run(act)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.report_page and self.report_view is None:
            from ui.report_view import ReportView

            self.report_view = ReportView(self.store, self.office_code, clock=self._clock,
                                          parent=self.report_page)
            self.report_page.layout().addWidget(self.report_view)
            self.report_view.load()

    def closeEvent(self, event: Any) -> None:
        if self.report_view is not None:
            self.report_view.close()
        self._timer.stop()
        if hasattr(self, "_devices_timer"):
            self._devices_timer.stop()
        self.live.close()
        self._pool.waitForDone(10_000)
        super().closeEvent(event)
