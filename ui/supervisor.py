"""The supervisor's board: the office live, laid out around what a kepala UPT asks every hour.

At the top, big tiles: waiting now, the longest wait, served today, the share within the
time standard, no-shows and today's IKM with its respondents. Below, waiting per stage as
bars and the devices' health; each counter as a card (open or closed, the officer, the
ticket served for how long, idle or silent minutes, red or amber when the visit served is
over or near its time standard) with its open/close and take-back buttons; and the alerts
(a stuck visit, a visit over its time standard, a silent counter, a failed ticket print, a
failing device, an overdue complaint or application), each with the one action that answers
it. The running text of the waiting-room display is set at the bottom; the daily report is
the second tab.

Words, never codes: statuses, device kinds and states through :mod:`app.labels`, stages and
counters by their catalog names. Live from the queue's events (:class:`ui.live.LiveEvents`)
plus a periodic re-read, so that minutes keep counting between events.

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

from PySide6.QtCore import QEvent, QObject, QRect, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.clock import local, utcnow
from app.errors import LoketError
from app.i18n import language
from app.stations.supervisor import (
    RUNNING_TEXT_MAX,
    Actor,
    Alert,
    CounterState,
    DeviceReport,
    StageCount,
    SupervisorBoard,
    SupervisorStation,
    Today,
    UserInfo,
    device_alerts,
    merge_alerts,
)
from app.store import Store
from ui.live import LiveEvents
from ui.lock import CHECK_MS, IdleWatcher, SignInPage, lock_page

REFRESH_MS = 30_000  # minutes waited keep counting between events
DEVICES_MS = 60_000
RED, AMBER, GREEN, GREY = "#c62828", "#e0a200", "#2e7d32", "#8a8a8a"
CARD_WIDTH = 240  # a counter card's least width; the cards fill the columns that fit


def _number(value: float, places: int) -> str:
    """``value`` with ``places`` decimals, a decimal comma in Indonesian."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if language() == "id" else text


def _wrapping(text: str = "", *, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    if name:
        label.setObjectName(name)
    return label


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


class Tile(QFrame):
    """One of the big figures: a title, the number, a line under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#tile { background: #f5f7fa; border: 1px solid #d0d7de;"
                           " border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.title = _wrapping(title, bold=True)
        self.value = QLabel("-")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setObjectName("tileValue")
        self.note = _wrapping()
        self.note.setStyleSheet("color: #444;")
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_value(self, value: str, note: str, colour: str | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.note.setText(note)


class _Bar(QWidget):
    """A horizontal bar: ``value`` of ``top``, painted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value, self.top = 0, 1
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, value: int, top: int) -> None:
        self.value, self.top = value, max(1, top)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, 14)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e8ebef"))
        width = round(self.width() * min(1.0, self.value / self.top))
        if width:
            painter.fillRect(QRect(0, 0, width, self.height()), QColor("#1f6feb"))
        painter.end()


class StageBars(QWidget):
    """Waiting per stage: the stage's name, a bar and the number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.rows: dict[str, tuple[QLabel, _Bar, QLabel]] = {}

    def show_stages(self, stages: Sequence[StageCount]) -> None:
        if [s.stage for s in stages] != list(self.rows):
            for name, bar, count in self.rows.values():
                for widget in (name, bar, count):
                    self.grid.removeWidget(widget)
                    widget.deleteLater()
            self.rows = {}
            for i, stage in enumerate(stages):
                name, bar, count = _wrapping(), _Bar(self), QLabel()
                count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                count.setMinimumWidth(count.fontMetrics().horizontalAdvance("0000"))
                self.grid.addWidget(name, 2 * i, 0, 1, 2)
                self.grid.addWidget(bar, 2 * i + 1, 0)
                self.grid.addWidget(count, 2 * i + 1, 1)
                self.rows[stage.stage] = (name, bar, count)
        top = max((s.waiting for s in stages), default=0)
        for stage in stages:
            name, bar, count = self.rows[stage.stage]
            name.setText(labels.catalog_name(stage.name, stage.name_en))
            bar.set(stage.waiting, top)
            count.setText(str(stage.waiting))


class CounterCard(QFrame):
    """A counter: its name, open or closed, the officer, whom it serves for how long or how
    long it has been idle, what it holds; open/close and take back."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.state: CounterState | None = None
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        head = QHBoxLayout()
        self.name = _wrapping(bold=True)
        self.pill = QLabel()
        self.pill.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.name, 1)
        head.addWidget(self.pill, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.officer = _wrapping()
        self.serving = _wrapping()
        self.held = _wrapping()
        self.flag = _wrapping(bold=True)
        for label in (self.officer, self.serving, self.held, self.flag):
            layout.addWidget(label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.toggle = QPushButton()
        self.take_back = QPushButton()
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.take_back)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_state(self, c: CounterState, minutes: Callable[[int], str]) -> None:
        self.state = c
        self.name.setText(c.name or c.counter)
        self.pill.setText(self.tr("BUKA") if c.is_open else self.tr("TUTUP"))
        self.pill.setStyleSheet(f"color: white; background: {GREEN if c.is_open else GREY};"
                                " border-radius: 4px; padding: 1px 6px; font-weight: bold;")
        self.officer.setText(self.tr("Petugas: {name}").format(name=c.officer) if c.officer
                             else self.tr("Belum ada petugas"))
        if c.serving:
            self.serving.setText(self.tr("{status}: {ticket}, {time}").format(
                status=labels.status_label(c.status), ticket=c.serving,
                time=minutes(c.serving_minutes or 0)))
        elif not c.is_open:
            self.serving.setText(self.tr("Tidak melayani"))
        elif c.idle_minutes is not None:
            self.serving.setText(self.tr("Menganggur {time}").format(
                time=minutes(c.idle_minutes)))
        else:
            self.serving.setText(self.tr("Belum melayani hari ini"))
        self.held.setText(self.tr("Ditahan: {tickets}").format(tickets=", ".join(c.held)))
        self.held.setVisible(bool(c.held))
        flags = []
        if c.sla:
            flags.append(labels.sla_label(c.sla))
        if c.silent:
            flags.append(self.tr("Tidak ada kabar {time}").format(
                time=minutes(c.silent_minutes)) if c.silent_minutes is not None
                else self.tr("Belum pernah memberi kabar"))
        self.flag.setText(" · ".join(flags))
        self.flag.setVisible(bool(flags))
        colour = (RED if c.sla == "over" or c.silent else AMBER if c.sla == "near"
                  else GREEN if c.is_open else GREY)
        self.flag.setStyleSheet(f"color: {RED if colour == RED else AMBER};")
        background = "#fdecea" if colour == RED else "#fff8e1" if colour == AMBER else "white"
        self.setStyleSheet(f"QFrame#card {{ border: 2px solid {colour}; border-radius: 6px;"
                           f" background: {background}; }}")
        self.toggle.setText(self.tr("Tutup loket") if c.is_open else self.tr("Buka loket"))
        self.take_back.setText(self.tr("Ambil alih"))
        self.take_back.setVisible(bool(c.serving))


class AlertRow(QFrame):
    """One alert: what it is, in a sentence, and its one action."""

    def __init__(self, alert: Alert, text: str, action: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self.setObjectName("alert")
        colour = RED if alert.level == "over" else AMBER
        self.setStyleSheet(f"QFrame#alert {{ border-left: 5px solid {colour};"
                           " background: #fafafa; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.text = _wrapping(text)
        self.button = QPushButton(action)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)


def _scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    content.setAutoFillBackground(False)  # the group box's background shows through
    area.viewport().setAutoFillBackground(False)
    return area


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
        self.device_reports: tuple[DeviceReport, ...] = ()  # the last devices' check
        self.cards: dict[str, CounterCard] = {}
        self.alert_rows: list[AlertRow] = []
        self._columns = 0
        self._tall: bool | None = None
        access = self.station.access()
        self.office_name = access.office_name
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
        board = self.board_page = QWidget(self.tabs)
        self.tabs.addTab(board, self.tr("Papan"))
        self.report_page = QWidget(self.tabs)  # the report view, built when first opened
        QVBoxLayout(self.report_page).setContentsMargins(0, 0, 0, 0)
        self.report_view: Any = None
        self.tabs.addTab(self.report_page, self.tr("Laporan harian"))
        self.tabs.currentChanged.connect(self._on_tab)

        root = QVBoxLayout(board)
        root.setContentsMargins(8, 6, 8, 6)
        root.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel(office_name)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("boardTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock = QLabel()
        self.who = QLabel()
        self.sign_out = QPushButton(self.tr("Keluar"))
        self.sign_out.clicked.connect(self.log_out)
        head.addWidget(self.title, 1)
        head.addWidget(self.clock)
        head.addSpacing(12)
        head.addWidget(self.who)
        head.addWidget(self.sign_out)
        root.addLayout(head)
        self.banner = _wrapping()
        self.banner.hide()
        root.addWidget(self.banner)

        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.tiles = {
            "waiting": Tile(self.tr("Menunggu sekarang")),
            "longest": Tile(self.tr("Tunggu terlama")),
            "done": Tile(self.tr("Selesai dilayani")),
            "within": Tile(self.tr("Dalam standar waktu")),
            "no_show": Tile(self.tr("Tidak hadir")),
            "ikm": Tile(self.tr("IKM hari ini")),
        }
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        root.addLayout(tiles)

        body = QHBoxLayout()
        body.setSpacing(8)
        left = QVBoxLayout()
        stages_box = QGroupBox(self.tr("Antrian per tahap"))
        self.stage_bars = StageBars()
        stages_layout = QVBoxLayout(stages_box)
        stages_layout.addWidget(self.stage_bars)
        stages_layout.addStretch(1)
        left.addWidget(stages_box, 3)
        devices_box = QGroupBox(self.tr("Kesehatan perangkat"))
        devices_layout = QVBoxLayout(devices_box)
        self.device_list = QWidget()
        self.device_rows = QVBoxLayout(self.device_list)
        self.device_rows.setContentsMargins(0, 0, 0, 0)
        self.device_rows.addStretch(1)
        devices_layout.addWidget(_scroll(self.device_list), 1)
        self.check_button = QPushButton(self.tr("Periksa perangkat"))
        self.check_button.clicked.connect(self.check_devices)
        devices_layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(devices_box, 2)
        body.addLayout(left, 3)

        counters_box = QGroupBox(self.tr("Loket"))
        self.card_area = QWidget()
        self.card_grid = QGridLayout(self.card_area)
        self.card_grid.setContentsMargins(0, 0, 0, 0)
        self.card_grid.setSpacing(8)
        self.card_scroll = _scroll(self.card_area)
        self.card_scroll.viewport().installEventFilter(self)  # as many columns as fit
        QVBoxLayout(counters_box).addWidget(self.card_scroll)
        body.addWidget(counters_box, 5)

        alerts_box = QGroupBox(self.tr("Perlu perhatian"))
        self.alert_list = QWidget()
        self.alert_layout = QVBoxLayout(self.alert_list)
        self.alert_layout.setContentsMargins(0, 0, 0, 0)
        self.alert_layout.setSpacing(4)
        self.no_alerts = _wrapping(self.tr("Tidak ada yang perlu perhatian."))
        self.alert_layout.addWidget(self.no_alerts)
        self.alert_layout.addStretch(1)
        QVBoxLayout(alerts_box).addWidget(_scroll(self.alert_list))
        body.addWidget(alerts_box, 4)
        root.addLayout(body, 1)

        text_row = QHBoxLayout()
        text_row.addWidget(QLabel(self.tr("Teks berjalan layar antrian:")))
        self.running_text = QLineEdit()
        self.running_text.setMaxLength(RUNNING_TEXT_MAX)
        self.save_text = QPushButton(self.tr("Simpan"))
        self.save_text.clicked.connect(self._on_save_text)
        text_row.addWidget(self.running_text, 1)
        text_row.addWidget(self.save_text)
        root.addLayout(text_row)
        self._scale()

    def _scale(self) -> None:
        """Bigger type on a bigger screen, the tiles' numbers most of all (one style sheet
        for the board's tab, so that every label, styled or not, follows it)."""
        tall = self.height() >= 900
        if tall == self._tall:
            return
        self._tall = tall
        base, big, title = (11, 26, 17) if tall else (9, 20, 15)
        self.board_page.setStyleSheet(
            f"QWidget {{ font-size: {base}pt; }}"
            f" QLabel#tileValue {{ font-size: {big}pt; font-weight: bold; }}"
            f" QLabel#boardTitle {{ font-size: {title}pt; font-weight: bold; }}")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._scale()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.card_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._place_cards()
        return super().eventFilter(watched, event)

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
        self._show_today(data.today)
        self.stage_bars.show_stages(data.stages)
        self._show_counters(data.counters)
        self._show_alerts()
        if not self.running_text.hasFocus() and not self.running_text.isModified():
            self.running_text.setText(data.running_text)  # never over what was typed
        self.clock.setText(f"{local(data.now, data.zone):%H:%M} {labels.zone_label(data.zone)}")
        self.refreshed.emit()

    def minutes_text(self, minutes: int) -> str:
        """A duration in words: minutes, hours or days."""
        if minutes >= 24 * 60:
            return self.tr("{n} hari").format(n=minutes // (24 * 60))
        if minutes >= 60:
            return self.tr("{n} jam").format(n=minutes // 60)
        return self.tr("{n} menit").format(n=minutes)

    def _show_today(self, t: Today) -> None:
        self.tiles["waiting"].show_value(str(t.waiting), self.tr(
            "{open} dari {total} loket buka").format(open=t.counters_open, total=t.counters))
        if t.longest is None:
            self.tiles["longest"].show_value("-", self.tr("Tidak ada yang menunggu"))
        else:
            where = self._stage_name(t.longest.stage)
            self.tiles["longest"].show_value(
                self.minutes_text(t.longest.minutes),
                f"{t.longest.ticket} · {where}" if where else t.longest.ticket)
        self.tiles["done"].show_value(str(t.done), self.tr(
            "dari {n} nomor antrian hari ini").format(n=t.visits))
        share = t.within_percent
        counted = t.within + t.outside
        self.tiles["within"].show_value(
            "-" if share is None else f"{_number(share, 1)}%",
            self.tr("{within} dari {counted} kunjungan").format(within=t.within,
                                                                counted=counted)
            if counted else self.tr("Belum ada yang dihitung"),
            None if share is None else GREEN if share >= 90 else AMBER if share >= 75 else RED)
        self.tiles["no_show"].show_value(str(t.no_show), self.tr("dipanggil, tidak datang"))
        if t.ikm is None:
            self.tiles["ikm"].show_value("-", self.tr("Belum ada responden"))
        else:
            grade = labels.catalog_name(t.ikm_label or "", t.ikm_label_en)
            self.tiles["ikm"].show_value(_number(t.ikm, 2), self.tr(
                "{grade} ({label}) · {n} responden").format(
                    grade=t.ikm_grade, label=grade, n=t.respondents))

    def _show_counters(self, counters: Sequence[CounterState]) -> None:
        codes = [c.counter for c in counters]
        if codes != list(self.cards):
            for card in self.cards.values():
                self.card_grid.removeWidget(card)
                card.deleteLater()
            self.cards = {}
            for code in codes:
                card = CounterCard(code, self.card_area)
                card.toggle.clicked.connect(lambda _=False, c=code: self._on_toggle_counter(c))
                card.take_back.clicked.connect(lambda _=False, c=code: self._on_card_take_back(c))
                self.cards[code] = card
                card.show()
            self._columns = 0
        for c in counters:
            self.cards[c.counter].show_state(c, self.minutes_text)
        self._place_cards()

    def _place_cards(self) -> None:
        if not self.cards:
            return
        width = self.card_scroll.viewport().width()
        columns = max(1, min(len(self.cards), width // CARD_WIDTH))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.card_grid.addWidget(card, i // columns, i % columns)
        for column in range(columns):
            self.card_grid.setColumnStretch(column, 1)
        self.card_grid.setRowStretch(len(self.cards) // columns + 1, 1)

    def alert_text(self, a: Alert) -> str:
        """The alert in a sentence, in words."""
        late = self.minutes_text(a.minutes or 0)
        if a.kind == "stuck":
            return self.tr("{ticket} {status} di {place}, loket tidak ada kabar {time}").format(
                ticket=a.subject, status=labels.status_label(a.status).lower(), place=a.place,
                time=late)
        if a.kind == "over_standard":
            return self.tr("{ticket} lewat standar waktu {time} ({status}, {place})").format(
                ticket=a.subject, time=late, status=labels.status_label(a.status).lower(),
                place=a.place)
        if a.kind == "waiting_over_standard":
            stage = self._stage_name(a.stage) or a.place
            if a.count == 1:
                text = self.tr("{ticket} menunggu di {stage}, lewat standar waktu {time}")
            else:
                text = self.tr("{n} nomor menunggu di {stage} lewat standar waktu (terlama "
                               "{ticket}, {time})")
            text = text.format(n=a.count, ticket=a.subject, stage=stage, time=late)
            if a.action == "open_counter":
                text += ". " + self.tr("{counter} tutup.").format(
                    counter=self._counter_name(a.target))
            return text
        if a.kind == "silent_counter":
            if a.minutes is None:
                return self.tr("{counter} buka, belum pernah memberi kabar").format(
                    counter=a.subject)
            return self.tr("{counter} buka, tidak ada kabar {time}").format(
                counter=a.subject, time=late)
        if a.kind == "print_failed":
            return self.tr("Tiket {ticket} gagal dicetak").format(ticket=a.subject)
        if a.kind == "device":
            return self.tr("{station}: {device} {state}").format(
                station=a.subject, device=labels.device_kind_label(a.place),
                state=labels.device_state_label(a.status).lower())
        if a.kind == "overdue":
            return self.tr("{kind} {number} lewat waktu {time}: {title}").format(
                kind=labels.case_kind_label(a.status), number=a.subject, time=late,
                title=a.place)
        return a.subject

    def action_text(self, action: str) -> str:
        return {"take_back": self.tr("Ambil alih"), "open_counter": self.tr("Buka loket"),
                "close_counter": self.tr("Tutup loket"),
                "reprint": self.tr("Cetak ulang"), "check_devices": self.tr("Periksa perangkat"),
                "open_report": self.tr("Buka laporan")}.get(action, action)

    def alerts(self) -> tuple[Alert, ...]:
        """Every alert now: the board's and the devices' of the last check."""
        board = self.data.alerts if self.data else ()
        return merge_alerts(board, device_alerts(self.device_reports, self.data))

    def _show_alerts(self) -> None:
        for row in self.alert_rows:
            self.alert_layout.removeWidget(row)
            row.deleteLater()
        self.alert_rows = []
        alerts = self.alerts()
        for i, alert in enumerate(alerts):
            row = AlertRow(alert, self.alert_text(alert), self.action_text(alert.action),
                           self.alert_list)
            row.button.clicked.connect(lambda _=False, a=alert: self._on_alert(a))
            self.alert_layout.insertWidget(i, row)
            row.show()
            self.alert_rows.append(row)
        self.no_alerts.setVisible(not alerts)

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
        self.device_reports = tuple(reports)
        while self.device_rows.count() > 1:  # the stretch stays last
            item = self.device_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for i, r in enumerate(self.device_reports):
            station = self.data.station_name(r.station) if self.data else r.station
            row = _wrapping(f"{station}: {labels.device_kind_label(r.kind)} - "
                            f"{labels.device_state_label(r.state.condition)}")
            row.setStyleSheet("" if r.state.usable else f"color: {RED}; font-weight: bold;")
            self.device_rows.insertWidget(i, row)
        if not self.device_reports:
            self.device_rows.insertWidget(0, _wrapping(self.tr("Tidak ada perangkat.")))
        self._show_alerts()
        self.devices_checked.emit(reports)

    def _on_event(self, _event: Any) -> None:
        self.refresh()

    # --- actions ------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.banner.setStyleSheet(f"color: {RED};" if error else f"color: {GREEN};")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _actor(self) -> Actor:
        assert self.actor is not None, "nobody signed in at the board"
        return self.actor

    def _run(self, action: Callable[[], str]) -> None:
        try:
            self._say(action())
        except LoketError as exc:
            self._say(exc.message(), error=True)
        self.refresh()

    def _counter_name(self, code: str) -> str:
        counter = self.data.counter(code) if self.data is not None else None
        return counter.name if counter is not None and counter.name else code

    def _stage_name(self, code: str) -> str:
        stage = next((s for s in self.data.stages if s.stage == code),
                     None) if self.data is not None else None
        return labels.catalog_name(stage.name, stage.name_en) if stage is not None else ""

    def _on_toggle_counter(self, code: str) -> None:
        counter = self.data.counter(code) if self.data is not None else None
        self._set_counter(code, not (counter is not None and counter.is_open))

    def _set_counter(self, code: str, is_open: bool) -> None:
        name = self._counter_name(code)

        def act() -> str:
            self.station.set_counter_open(code, is_open, actor=self._actor())
            return (self.tr("{name} dibuka.") if is_open
                    else self.tr("{name} ditutup.")).format(name=name)

        self._run(act)

    def _take_back(self, ticket: str) -> None:
        def act() -> str:
            self.station.take_back(ticket, actor=self._actor())
            return self.tr("Tiket {0} dikembalikan ke antrian.").format(ticket)

        self._run(act)

    def _on_card_take_back(self, code: str) -> None:
        counter = self.data.counter(code) if self.data is not None else None
        if counter is not None and counter.serving:
            self._take_back(counter.serving)

    def _reprint(self, job_number: int) -> None:
        job = self.data.reprint_job(job_number) if self.data is not None else None
        if job is None or not job.visit_id:
            self._say(self.tr("Tugas ini bukan tiket."), error=True)
            return
        visit_id = job.visit_id

        def act() -> str:
            self.station.reprint(visit_id, job.connection, actor=self._actor())
            return self.tr("Tiket dicetak ulang.")

        self._run(act)

    def _on_alert(self, alert: Alert) -> None:
        """The alert's one action."""
        if alert.action == "take_back":
            self._take_back(alert.target)
        elif alert.action in ("open_counter", "close_counter"):
            self._set_counter(alert.target, alert.action == "open_counter")
        elif alert.action == "reprint":
            self._reprint(int(alert.target))
        elif alert.action == "check_devices":
            self.check_devices()
        elif alert.action == "open_report":
            self.tabs.setCurrentWidget(self.report_page)

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

