"""The supervisor's board: the office live, and the few actions a supervisor takes.

Live: waiting per stage, each counter open or closed and whom it serves or holds, the
oldest waits, visits near or over their time standard, who has been at a silent counter for
how long, the print jobs to reprint and the devices' health. Actions: open/close a counter,
take a stuck visit back to the queue, reprint a ticket, set the display's running text.

The board opens on a log-in page: only an active supervisor or administrator of this office
signs in (:func:`app.users.authenticate` refuses anyone else, in words, and audits it), and
every action is done as that person. After the office's ``lock_after_minutes`` without
activity the board is covered by the lock screen (:mod:`ui.lock`); nothing is read or
changed while nobody is signed in.

What the board reads and does goes through :class:`app.stations.supervisor.SupervisorStation`
(each call a unit of work of its own, plain data back); a lost database is a
:class:`LoketError` the banner (or the log-in page) shows, and the board keeps its last
picture.
"""

from __future__ import annotations

import time
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
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import LoketError
from app.queue.clock import local, utcnow
from app.stations.supervisor import (
    RUNNING_TEXT_MAX,
    Actor,
    SupervisorBoard,
    SupervisorStation,
    UserInfo,
)
from app.store import Store
from ui.live import LiveEvents
from ui.lock import CHECK_MS, IdleWatcher, SignInPage, lock_page

REFRESH_MS = 30_000  # minutes waited keep counting between events
DEVICES_MS = 60_000
SLA_COLOURS = {"near": QColor("#f2b705"), "over": QColor("#d64545")}


class _DeviceCheck(QObject, QRunnable):
    """Asks every device of the office in a worker thread: a silent printer takes seconds."""

    done = Signal(object)

    def __init__(self, station: SupervisorStation) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self.station = station

    def run(self) -> None:
        reports: object
        try:
            reports = self.station.devices()
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
            colour = colours[r] if colours else None
            if colour is not None:
                item.setBackground(colour)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class SupervisorWindow(QWidget):
    """``refreshed`` after every reload (tests wait on it); ``message`` shows what happened.

    ``idle_clock`` and ``idle_check_ms`` go to the :class:`~ui.lock.IdleWatcher` (tests)."""

    refreshed = Signal()
    devices_checked = Signal(object)

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] | None = None, check_devices: bool = True,
                 idle_clock: Callable[[], float] | None = None, idle_check_ms: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.office_code = store, office_code
        self.actor: Actor | None = None
        self.user: UserInfo | None = None
        self._clock = clock or utcnow
        self._check_devices = check_devices
        self.station = SupervisorStation(store, office_code, clock=self._clock)
        self.data: SupervisorBoard | None = None  # the last board read
        access = self.station.access()
        self.setWindowTitle(self.tr("Papan supervisor"))
        self._build(access.office_name)
        self.live: LiveEvents | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._devices_timer = QTimer(self)
        self._devices_timer.timeout.connect(self.check_devices)
        self._pool = QThreadPool(self)
        self._check: _DeviceCheck | None = None
        self.idle = IdleWatcher(self, access.lock_after_minutes,
                                clock=idle_clock or time.monotonic,
                                check_ms=idle_check_ms or CHECK_MS)
        self.idle.idle.connect(self.lock)
        self.login.username.setFocus()

    # --- layout -------------------------------------------------------------------------

    def _build(self, office_name: str) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.login = SignInPage(self.tr("Papan supervisor"), office_name, self.tr("Masuk"),
                                self.pages)
        self.login.submitted.connect(self._on_login)
        self.pages.addWidget(self.login)
        self.locked = lock_page(self.pages)
        self.locked.submitted.connect(self._on_unlock)
        self.pages.addWidget(self.locked)
        self.board = QWidget(self.pages)
        self.pages.addWidget(self.board)
        page = QVBoxLayout(self.board)
        page.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self.board)
        page.addWidget(self.tabs)
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
        self.who = QLabel()
        self.sign_out = QPushButton(self.tr("Keluar"))
        self.sign_out.clicked.connect(self.log_out)
        head.addWidget(self.title, 1)
        head.addWidget(self.clock)
        head.addWidget(self.who)
        head.addWidget(self.sign_out)
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
        boxes: list[tuple[str, list[QWidget], int, int, int]] = [
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
        self.running_text.setMaxLength(RUNNING_TEXT_MAX)
        self.save_text = QPushButton(self.tr("Simpan"))
        self.save_text.clicked.connect(self._on_save_text)
        text_row.addWidget(self.running_text, 1)
        text_row.addWidget(self.save_text)
        root.addLayout(text_row)

    # --- signing in, locking -------------------------------------------------------------

    def _authenticate(self, page: SignInPage, username: str,
                      password: str) -> UserInfo | None:
        """The person if allowed at this board; else None, and the page says why."""
        try:
            return self.station.sign_in(username, password)
        except LoketError as exc:  # a refusal, or the database lost
            page.refused(exc.message())
        return None

    def _on_login(self, username: str, password: str) -> None:
        user = self._authenticate(self.login, username, password)
        if user is not None:
            self._sign_in(user)

    def _sign_in(self, user: UserInfo) -> None:
        """The board as ``user``: live events, timers, the idle lock, a first read."""
        self.user, self.actor = user, Actor(user.username, user.id)
        self.who.setText(self.tr("Masuk sebagai {name}").format(
            name=user.full_name or user.username))
        self.login.reset()
        self._say("")
        self.pages.setCurrentWidget(self.board)
        if self.live is None:
            self.live = LiveEvents(self.store, self.office_code, self)
            self.live.received.connect(self._on_event)
            self.live.resync.connect(self.refresh)  # after a reconnect and on the slow timer
        self._timer.start(REFRESH_MS)
        if self._check_devices:
            self._devices_timer.start(DEVICES_MS)
            QTimer.singleShot(0, self.check_devices)
        self.idle.start()
        self.refresh()

    def log_out(self) -> None:
        """Back to the log-in page; the board reads nothing until the next person."""
        self.user = self.actor = None
        self.idle.stop()
        self._timer.stop()
        self._devices_timer.stop()
        if self.live is not None:
            self.live.close()
            self.live = None
        self.who.clear()
        self.login.reset()
        self.pages.setCurrentWidget(self.login)

    def lock(self) -> None:
        """Cover the board until the same person's password (or another person) is given;
        the board keeps its state and typed text under the lock."""
        if self.user is None:
            return
        self.idle.stop()
        self.locked.reset(self.user.username)
        self.pages.setCurrentWidget(self.locked)

    def _on_unlock(self, username: str, password: str) -> None:
        user = self._authenticate(self.locked, username, password)
        if user is None:
            return
        if self.user is not None and user.id == self.user.id:
            self.pages.setCurrentWidget(self.board)
            self.idle.start()
            return
        self.log_out()  # another person: the first is signed out
        self._sign_in(user)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.actor is None:
            return  # nobody signed in: nothing to show
        try:
            data = self.station.board()
        except LoketError as exc:  # the server down too: say so, keep the last picture
            self._say(exc.message(), error=True)
            return
        self.data = data
        self.title.setText(self.tr("Papan supervisor") + f" - {data.office}")
        _fill(self.stages, [[s.name, s.waiting] for s in data.stages])
        _fill(self.counters, [
            [c.counter, self.tr("buka") if c.is_open else self.tr("tutup"),
             c.serving or "", " ".join(c.held)]
            for c in data.counters])
        _fill(self.oldest, [[w.ticket, w.service, w.stage, w.minutes, w.priority or ""]
                            for w in data.oldest])
        _fill(self.flagged, [[f.ticket, self.tr("lewat") if f.state == "over"
                              else self.tr("hampir")] for f in data.flagged],
              [SLA_COLOURS[f.state] for f in data.flagged])
        _fill(self.serving, [[s.ticket, s.counter, s.status, s.minutes,
                              "" if s.silent_minutes is None else s.silent_minutes]
                             for s in data.serving])
        _fill(self.reprints, [[j.job, j.visit_id or "", j.kind, j.error]
                              for j in data.reprints])
        kinds = {"complaint": self.tr("Pengaduan"), "application": self.tr("Permohonan")}
        _fill(self.overdue, [[kinds.get(o.kind, o.kind), o.number, o.title,
                              self._late_text(o.overdue_minutes)] for o in data.overdue],
              [SLA_COLOURS["over"]] * len(data.overdue))
        if not self.running_text.hasFocus() and not self.running_text.isModified():
            self.running_text.setText(data.running_text)  # never over what was typed
        self.clock.setText(f"{local(data.now, data.zone):%H:%M}")
        self.refreshed.emit()

    def _late_text(self, minutes: int) -> str:
        if minutes >= 24 * 60:
            return self.tr("{n} hari").format(n=minutes // (24 * 60))
        if minutes >= 60:
            return self.tr("{n} jam").format(n=minutes // 60)
        return self.tr("{n} menit").format(n=minutes)

    def check_devices(self) -> None:
        if self._check is not None:
            return  # the previous round is still asking
        self._check = _DeviceCheck(self.station)
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

    def _actor(self) -> Actor:
        assert self.actor is not None, "nobody signed in at the board"
        return self.actor

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
        counter = self.data.counter(code) if self.data is not None else None
        is_open = counter is not None and counter.is_open

        def act() -> str:
            self.station.set_counter_open(code, not is_open, actor=self._actor())
            return (self.tr("Loket {0} ditutup.") if is_open
                    else self.tr("Loket {0} dibuka.")).format(code)

        self._run(act)

    def _on_take_back(self) -> None:
        ticket = self._selected(self.serving)
        if ticket is None:
            self._say(self.tr("Pilih tiket yang sedang dilayani dulu."), error=True)
            return

        def act() -> str:
            self.station.take_back(ticket, actor=self._actor())
            return self.tr("Tiket {0} dikembalikan ke antrian.").format(ticket)

        self._run(act)

    def _on_reprint(self) -> None:
        row = self.reprints.currentRow()
        if row < 0 or self.data is None:
            self._say(self.tr("Pilih tugas cetak dulu."), error=True)
            return
        job = self.data.reprints[row]
        visit_id = job.visit_id
        if not visit_id:
            self._say(self.tr("Tugas ini bukan tiket."), error=True)
            return

        def act() -> str:
            self.station.reprint(visit_id, job.connection, actor=self._actor())
            return self.tr("Tiket dicetak ulang.")

        self._run(act)

    def _on_save_text(self) -> None:
        def act() -> str:
            self.station.set_running_text(self.running_text.text(), actor=self._actor())
            self.running_text.setModified(False)
            return self.tr("Teks berjalan disimpan.")

        self._run(act)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.report_page and self.report_view is None:
            from ui.report_view import ReportView

            self.report_view = ReportView(self.store, self.office_code, clock=self._clock,
                                          parent=self.report_page)
            layout = self.report_page.layout()
            assert layout is not None  # set in _build
            layout.addWidget(self.report_view)
            self.report_view.load()

    def closeEvent(self, event: Any) -> None:
        if self.report_view is not None:
            self.report_view.close()
        self.idle.stop()
        self._timer.stop()
        self._devices_timer.stop()
        if self.live is not None:
            self.live.close()
        self._pool.waitForDone(10_000)
        super().closeEvent(event)
