"""The kiosk: the visitors' touch screen where they take a queue number.

No keyboard and no small controls: one large button per service (its name and what to bring),
a priority lane (UU 25/2009: elderly, disabilities, pregnancy, children) asked for with big
buttons before the service is chosen, then the ticket on screen (number, service, people
ahead, estimated wait) beside a picture of exactly what the printer received, and back to
the start by itself after a few seconds. A printer failure never costs the visitor the
number: the ticket is valid, the screen says so and the officer reprints it.

The kiosk promises only what is true (:mod:`app.stations.kiosk` decides): while the office is
closed (outside the hours, a day off, the day closed) the whole screen says so and when
service opens next, and offers nothing to tap. A service whose first counter is not open yet
says so on its button; tapping it takes a number only if the office allows that, and then
the screen and the ticket say the counter is not open instead of an estimated wait.

Everything the kiosk reads or does goes through :class:`app.stations.kiosk.KioskStation`:
the office and its services, whether a number can be taken, the number, the printed ticket
(the spool) and its bytes for the picture; a tap's number, ticket and picture in one worker
thread, so the screen never waits for the database or the printer. Whether the office is
open and which counters are is read in a worker too (at most one read at a time, an older
result dropped), on return to the start, every 30 s and on the queue's live events
(``ui/live.py``) when counters open and close; only the window's first read, with its
setup, is made as it is built. The widget holds no transaction and sees plain data only; a
lost database is a :class:`LoketError` like any refusal, said on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, utcnow
from app.errors import LoketError
from app.i18n import language
from app.spool import JobResult
from app.stations import kiosk as ks
from app.store import Store
from devices.escpos_parse import decode
from devices.escpos_sim import png_bytes
from printing.dates import day_and_date
from ui.live import LiveEvents

log = logging.getLogger(__name__)

IDLE_SECONDS = 10.0  # default; the office's ``kiosk_idle_seconds`` setting overrides it
FAILURE_FACTOR = 2  # a failure message stays longer: the visitor must note the number
OPEN_CHECK_MS = 30_000
ONE_COLUMN = 4  # up to this many services: one column of wider, taller buttons
BUTTON_MIN = 88  # px: nothing to tap is smaller than a finger at arm's length
BASE_W, BASE_H = 1280, 800  # the size the fonts below are given for
WEEKEND = ("Sabtu", "Minggu")  # the working calendar's names of the weekend days

STYLE = """
QWidget#kiosk { background: #eef3f9; }
QFrame#header { background: #0b3d73; }
QFrame#header QLabel { color: white; }
QLabel#title { color: #0b3d73; }
QPushButton { border-radius: 14px; padding: 8px 16px; }
QPushButton#service { background: white; border: 2px solid #1d5fa8; text-align: left; }
QPushButton#service:pressed { background: #d5e5f7; }
QPushButton#service QLabel#bring { color: #4a5a6a; }
QPushButton#service[notopen="true"] { background: #f6f7f9; border: 2px dashed #8a9bb0; }
QPushButton#service QLabel#status { color: #8a4b00; }
QPushButton#details { background: #dfe9f5; border: 2px solid #1d5fa8; color: #0b3d73; }
QPushButton#priority { background: #f2b705; border: none; color: #2b2100; }
QPushButton#priority:pressed, QPushButton#reason:pressed { background: #d49f00; }
QPushButton#reason { background: #fff4cc; border: 3px solid #f2b705; color: #2b2100; }
QPushButton#primary { background: #1d5fa8; color: white; border: none; }
QPushButton#primary:pressed { background: #0b3d73; }
QPushButton#secondary { background: white; border: 2px solid #8a9bb0; color: #243447; }
QFrame#banner { background: #fff4cc; border: 2px solid #f2b705; border-radius: 12px; }
QFrame#card { background: white; border-radius: 18px; }
QLabel#number { color: #0b3d73; }
QLabel#badge { background: #f2b705; color: #2b2100; border-radius: 10px; padding: 4px 14px; }
QLabel#ok { color: #1b6e2a; }
QLabel#notopen { background: #fff4cc; color: #5c3d00; border: 2px solid #f2b705;
                 border-radius: 12px; padding: 8px 14px; }
QFrame#failure { background: #fde8e6; border: 3px solid #c0392b; border-radius: 18px; }
QFrame#failure QLabel { color: #7a1f16; }
QLabel#staff { color: #8a9bb0; }
QWidget#closed { background: #0b3d73; }
QWidget#closed QLabel { color: white; }
QWidget#closed QLabel#opens { color: #ffd34d; }
QWidget#closed QLabel#hours { color: #c9d8ea; }
"""


def _px(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(10, int(px)))
    font.setBold(bold)
    return font


class _Elided(QLabel):
    """One line that ends in "..." when the text is wider than the label."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._elide()

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, max(self.width(), 40)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class _Fit(QLabel):
    """Bold text that shrinks its font (to 60 % at most) to fit the label.

    Wrapped, it fits the label's height; on one line it fits the width and is elided if even
    the smallest size is too wide.
    """

    def __init__(self, text: str, *, wrap: bool) -> None:
        super().__init__()
        self.full_text = text
        self.base_px = 26.0
        self.setWordWrap(wrap)
        self.setSizePolicy(QSizePolicy.Policy.Ignored,
                           QSizePolicy.Policy.Ignored if wrap else QSizePolicy.Policy.Preferred)
        self._fit()

    def set_base(self, px: float) -> None:
        self.base_px = px
        self._fit()

    def _fit(self) -> None:
        width, height = max(self.width(), 100), max(self.height(), 20)
        px, floor = int(self.base_px), max(10, int(self.base_px * 0.6))
        while px > floor:
            metrics = QFontMetrics(_px(px, True))
            if self.wordWrap():
                used = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap,
                                            self.full_text).height()
                fits = used <= height
            else:
                fits = metrics.horizontalAdvance(self.full_text) <= width
            if fits:
                break
            px -= 1
        font = _px(px, True)
        self.setFont(font)
        self.setText(self.full_text if self.wordWrap() else QFontMetrics(font).elidedText(
            self.full_text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class _ServiceButton(QPushButton):
    """A service: its name big, what to bring below it on one line, or instead of that, when
    its counter is not open yet, the line that says so (the button stays tappable: a tap
    explains; what to bring stays on the details page)."""

    def __init__(self, service: ks.KioskService, bring: str) -> None:
        super().__init__()
        self.setObjectName("service")
        self.service = service
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name = _Fit(service.name, wrap=True)
        self.bring = _Elided(bring)
        self.bring.setObjectName("bring")
        self.status = _Elided()
        self.status.setObjectName("status")
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(4)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.bring)
        layout.addWidget(self.status)
        for label in (self.name, self.bring, self.status):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_not_open(self, text: str | None) -> None:
        """``None``: its counter is open; else the words that say it is not."""
        self.status.set_full_text(text or "")
        self.status.setVisible(bool(text))
        self.bring.setVisible(not text)
        if self.property("notopen") != bool(text):
            self.setProperty("notopen", bool(text))
            self.style().unpolish(self)
            self.style().polish(self)


class _TapJob(QObject, QRunnable):
    """A tap's work, in a worker thread: take the number, print it, and draw the picture of
    what the printer received. Nothing of it waits in the UI thread (the database's lock, a
    printer that answers slowly or times out, the drawing); ``done`` carries the job back.

    ``refusal``: the number was not taken (:class:`LoketError`); ``failure``: anything else
    that went wrong taking it, raised again in the UI thread as before; ``error``: printing
    raised (the number is taken); ``preview``: the ticket's picture, ``None`` without one.
    """

    done = Signal(object)

    def __init__(self, take: Callable[[], ks.KioskTicket],
                 print_: Callable[[ks.KioskTicket], JobResult] | None,
                 preview: Callable[[JobResult], QImage | None]) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._take, self._print, self._preview = take, print_, preview
        self.taken: ks.KioskTicket | None = None
        self.refusal: LoketError | None = None
        self.failure: BaseException | None = None
        self.result: JobResult | None = None
        self.error: BaseException | None = None
        self.preview: QImage | None = None

    @property
    def info(self) -> ks.TicketInfo:
        assert self.taken is not None
        return self.taken.info

    def run(self) -> None:
        try:
            self._work()
        finally:
            self.done.emit(self)

    def _work(self) -> None:
        try:
            self.taken = self._take()
        except LoketError as exc:
            self.refusal = exc
            return
        except Exception as exc:  # raised again in the UI thread, as a slot's would be
            self.failure = exc
            return
        if self._print is None:
            return
        try:
            self.result = self._print(self.taken)
        except Exception as exc:  # reported to the UI, which shows the number anyway
            self.error = exc
            return
        if self.result.state == "done":
            self.preview = self._preview(self.result)


class _StateJob(QObject, QRunnable):
    """One read of the office's state (open or closed, which counters are), in a worker
    thread: a slow or lost database never holds the screen. ``asked`` numbers the read (a
    result older than the newest asked is dropped); ``refusal``: the read failed
    (:class:`LoketError`, a lost database); ``failure``: anything else, raised again in the
    UI thread as a slot's would be."""

    done = Signal(object)

    def __init__(self, read: Callable[[], ks.KioskState], asked: int) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._read, self.asked = read, asked
        self.state: ks.KioskState | None = None
        self.refusal: LoketError | None = None
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            self.state = self._read()
        except LoketError as exc:
            self.refusal = exc
        except Exception as exc:  # raised again in the UI thread
            self.failure = exc
        finally:
            self.done.emit(self)


class KioskWindow(QWidget):
    """The kiosk station of one office.

    Signals: ``ticket_shown(TicketInfo, JobResult | None)`` when a taken number is on
    screen (``None``: no printer, or printing raised); ``returned()`` when the start page
    (or the closed notice) is back; ``closed_shown(Closed)`` when the office is closed;
    ``refused(LoketError)`` when a tap took no number (the message page says why);
    ``state_read(KioskState | None)`` when a read of the office's state (in a worker) came
    back and was applied (``None``: it could not be read, the screen stays as it was).
    """

    ticket_shown = Signal(object, object)
    returned = Signal()
    closed_shown = Signal(object)
    refused = Signal(object)
    state_read = Signal(object)

    def __init__(self, store: Store, office_code: str, *, station_code: str | None = None,
                 printer: str | None = None, clock: Callable[[], datetime] | None = None,
                 idle_seconds: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Kios antrian"))
        self.store = store
        self.office_code = office_code
        self.station_code = station_code
        self._clock = clock or utcnow
        self._pool = QThreadPool(self)
        # a tap never waits behind a state read stuck on a lost server
        self._pool.setMaxThreadCount(max(2, self._pool.maxThreadCount()))
        self._jobs: set[_TapJob] = set()
        self._state_job: _StateJob | None = None  # the state read under way, at most one
        self._state_asked = 0  # how many state reads were asked: the newest one counts
        self.station = ks.KioskStation(store, office_code, clock=self._clock)
        setup = self.station.setup(station_code)
        self.office, self.services = setup.office, setup.services
        self.station_id = setup.station_id
        self.printer = printer or setup.printer
        self.idle_seconds = float(idle_seconds if idle_seconds is not None
                                  else self.office.idle_seconds or IDLE_SECONDS)
        self.priority: str | None = None
        self.last_ticket: ks.TicketInfo | None = None
        self.last_result: JobResult | None = None
        self.closed: ks.Closed | None = None
        self.state: ks.KioskState | None = None
        self.last_not_open: ks.NotOpen | None = None
        self.unprinted: list[str] = []  # numbers whose ticket did not print, newest last
        self._pending: str | None = None
        self._preview_pixmap: QPixmap | None = None
        self._fonts: list[tuple[QWidget, float, bool]] = []
        self.service_buttons: dict[str, _ServiceButton] = {}
        self.detail_buttons: dict[str, QPushButton] = {}
        self.priority_buttons: dict[str, QPushButton] = {}
        self._build()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start(1000)
        self._open_timer = QTimer(self)
        self._open_timer.timeout.connect(self._on_check_open)
        self._open_timer.start(OPEN_CHECK_MS)
        self.live = LiveEvents(store, office_code, self)
        self.live.received.connect(self._on_event)
        self.live.resync.connect(self._on_check_open)  # at once after a reconnection
        self._on_tick()
        # the first state here, like the setup above: the window opens on the right page
        self._on_state(self._read_state_now())
        self._apply_fonts()

    # --- texts that depend on data ------------------------------------------------------

    def _priority_labels(self) -> dict[str, str]:
        return {
            "lansia": self.tr("Lansia (60 tahun ke atas)"),
            "disabilitas": self.tr("Penyandang disabilitas"),
            "hamil": self.tr("Ibu hamil"),
            "anak": self.tr("Anak-anak"),
        }

    def _condition_text(self, condition: str | None) -> str:
        return {
            "paper_out": self.tr("kertas printer habis"),
            "paper_low": self.tr("kertas printer hampir habis"),
            "offline": self.tr("printer tidak siap"),
            "cover_open": self.tr("tutup printer terbuka"),
            "jammed": self.tr("kertas printer macet"),
            "timeout": self.tr("printer tidak menjawab"),
            "unreachable": self.tr("printer tidak terhubung"),
        }.get(condition or "", self.tr("gangguan printer"))

    # --- building -----------------------------------------------------------------------

    def _font(self, widget: QWidget, px: float, bold: bool = False) -> None:
        """Remember a widget's font size at 1280 x 800; :meth:`_apply_fonts` scales it."""
        self._fonts.append((widget, px, bold))

    def _button(self, text: str, name: str, px: float = 26) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(BUTTON_MIN)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._font(button, px, True)
        return button

    def _label(self, text: str = "", px: float = 26, bold: bool = False, *,
               name: str = "", wrap: bool = True,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
        label = QLabel(text)
        if name:
            label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self._font(label, px, bold)
        return label

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        header = QFrame()
        header.setObjectName("header")
        top = QHBoxLayout(header)
        top.setContentsMargins(28, 14, 28, 14)
        self.office_label = _Fit(self.office.name, wrap=False)
        self._font(self.office_label, 30, True)
        self.clock_label = self._label("", 22, True, wrap=False,
                                       align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.office_label, 1)
        top.addWidget(self.clock_label)
        root.addWidget(header)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.start_page = self._build_start()
        self.priority_page = self._build_priority()
        self.details_page = self._build_details()
        self.busy_page = self._build_busy()
        self.ticket_page = self._build_ticket()
        self.message_page = self._build_message()
        self.closed_page = self._build_closed()
        for page in (self.start_page, self.priority_page, self.details_page, self.busy_page,
                     self.ticket_page, self.message_page, self.closed_page):
            self.pages.addWidget(page)

    def _build_start(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 18, 28, 12)
        layout.setSpacing(12)
        self.start_title = self._label(self.tr("Silakan pilih layanan untuk mengambil nomor"
                                               " antrian"), 32, True, name="title")
        layout.addWidget(self.start_title)
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(20, 8, 12, 8)
        self.banner_text = self._label("", 24, True)
        self.cancel_priority = self._button(self.tr("Batalkan prioritas"), "secondary", 22)
        self.cancel_priority.clicked.connect(self._on_cancel_priority)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.cancel_priority)
        self.banner.hide()
        layout.addWidget(self.banner)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(14)
        columns = 1 if len(self.services) <= ONE_COLUMN else 2
        bring_label = self.tr("Bawa: %1")
        step_label = self.tr("Dilakukan di kantor: %1")
        for i, service in enumerate(self.services):
            # the documents under "Bawa:", a step done at the office (the vehicle's
            # physical check) said apart: it is not something to bring
            parts = ([bring_label.replace("%1", "; ".join(service.requirements))]
                     if service.requirements else [])
            if service.steps:
                parts.append(step_label.replace("%1", "; ".join(service.steps)))
            bring = " · ".join(parts) or self.tr("Tidak ada persyaratan khusus")
            button = _ServiceButton(service, bring)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, code=service.code: self._on_service(code))
            details = self._button(self.tr("Rincian"), "details", 22)
            details.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            details.clicked.connect(lambda _=False, code=service.code: self._on_details(code))
            self.service_buttons[service.code] = button
            self.detail_buttons[service.code] = details
            cell = QHBoxLayout()
            cell.setSpacing(8)
            cell.addWidget(button, 1)
            cell.addWidget(details)
            grid.addLayout(cell, i // columns, i % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(grid.rowCount(), 1)
        if not self.services:
            grid.addWidget(self._label(self.tr("Belum ada layanan yang dapat diambil di kios"
                                               " ini. Silakan hubungi petugas."), 28), 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.verticalScrollBar().setStyleSheet("QScrollBar:vertical { width: 28px; }")
        scroll.setWidget(grid_host)
        _transparent(scroll)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.priority_button = self._button(
            self.tr("Layanan prioritas: lansia, disabilitas, ibu hamil, anak-anak"),
            "priority", 24)
        self.priority_button.clicked.connect(self._on_priority)
        bottom.addWidget(self.priority_button, 1)
        layout.addLayout(bottom)
        self.staff_label = self._label("", 15, name="staff")
        self.staff_label.hide()
        layout.addWidget(self.staff_label)
        return page

    def _build_priority(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(16)
        layout.addWidget(self._label(self.tr("Layanan prioritas"), 40, True, name="title"))
        layout.addWidget(self._label(self.tr(
            "Pengunjung lanjut usia, penyandang disabilitas, ibu hamil dan anak-anak dilayani"
            " lebih dahulu (UU 25/2009). Pilih salah satu:"), 24))
        grid = QGridLayout()
        grid.setSpacing(18)
        for i, (reason, text) in enumerate(self._priority_labels().items()):
            button = self._button(text, "reason", 32)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, r=reason: self._on_reason(r))
            self.priority_buttons[reason] = button
            grid.addWidget(button, i // 2, i % 2)
        layout.addLayout(grid, 1)
        note = self._label(self.tr("Petugas dapat meminta bukti bila diperlukan."), 20)
        layout.addWidget(note)
        back = self._button(self.tr("Batal, kembali"), "secondary", 26)
        back.clicked.connect(self._on_back)
        layout.addWidget(back)
        return page

    def _build_details(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(14)
        self.details_name = self._label("", 36, True, name="title")
        self.details_time = self._label("", 24)
        self.details_list = self._label("", 24)
        self.details_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_list.setTextFormat(Qt.TextFormat.RichText)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details_list)
        _transparent(scroll)
        scroll.verticalScrollBar().setStyleSheet("QScrollBar:vertical { width: 28px; }")
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        layout.addWidget(self.details_name)
        layout.addWidget(self.details_time)
        layout.addWidget(self._label(self.tr("Persyaratan yang perlu dibawa:"), 26, True))
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(18)
        back = self._button(self.tr("Kembali"), "secondary", 28)
        back.clicked.connect(self._on_back)
        self.details_take = self._button(self.tr("Ambil nomor antrian"), "primary", 28)
        self.details_take.clicked.connect(self._on_take_details)
        buttons.addWidget(back, 1)
        buttons.addWidget(self.details_take, 2)
        layout.addLayout(buttons)
        return page

    def _build_busy(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._label(self.tr("Mohon tunggu, tiket Anda sedang dicetak..."),
                                     40, True, name="title", align=Qt.AlignmentFlag.AlignHCenter))
        layout.addStretch(1)
        return page

    def _build_ticket(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 18, 28, 14)
        layout.setSpacing(12)
        body = QHBoxLayout()
        body.setSpacing(24)
        card = QFrame()
        card.setObjectName("card")
        info = QVBoxLayout(card)
        info.setContentsMargins(32, 20, 32, 20)
        info.setSpacing(6)
        center = Qt.AlignmentFlag.AlignHCenter
        info.addWidget(self._label(self.tr("Nomor antrian Anda"), 30, True, align=center))
        self.number = self._label("", 150, True, name="number", wrap=False, align=center)
        info.addWidget(self.number)
        self.ticket_service = self._label("", 28, True, align=center)
        info.addWidget(self.ticket_service)
        self.ticket_priority = self._label("", 24, True, name="badge", wrap=False,
                                           align=center)
        info.addWidget(self.ticket_priority, 0, center)
        self.ticket_ahead = self._label("", 28, align=center)
        self.ticket_wait = self._label("", 28, align=center)
        self.ticket_not_open = self._label("", 24, True, name="notopen", align=center)
        info.addWidget(self.ticket_ahead)
        info.addWidget(self.ticket_wait)
        info.addWidget(self.ticket_not_open)
        info.addStretch(1)
        self.ticket_ok = self._label(self.tr("Silakan ambil tiket Anda dan tunggu nomor"
                                             " Anda dipanggil."), 24, True,
                                     name="ok", align=center)
        info.addWidget(self.ticket_ok)
        body.addWidget(card, 3)
        side = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        side.addWidget(self.preview, 1)
        self.failure = QFrame()
        self.failure.setObjectName("failure")
        fail = QVBoxLayout(self.failure)
        fail.setContentsMargins(24, 20, 24, 20)
        fail.setSpacing(12)
        self.failure_title = self._label(self.tr("Tiket belum tercetak"), 36, True)
        self.failure_text = self._label("", 28)
        self.failure_detail = self._label("", 16)
        fail.addStretch(1)
        fail.addWidget(self.failure_title)
        fail.addWidget(self.failure_text)
        fail.addStretch(1)
        fail.addWidget(self.failure_detail)
        side.addWidget(self.failure, 1)
        body.addLayout(side, 2)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        self.countdown = self._label("", 20)
        done = self._button(self.tr("Selesai"), "primary", 28)
        done.setMinimumWidth(300)
        done.clicked.connect(self._on_done)
        bottom.addWidget(self.countdown, 1)
        bottom.addWidget(done)
        layout.addLayout(bottom)
        return page

    def _build_message(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(1)
        layout.addWidget(self._label(self.tr("Nomor antrian tidak dapat diambil"), 40, True,
                                     name="title"))
        self.message_text = self._label("", 28)
        layout.addWidget(self.message_text)
        layout.addWidget(self._label(self.tr("Silakan hubungi petugas di meja informasi."),
                                     28))
        layout.addStretch(1)
        self.message_back = self._button(self.tr("Kembali"), "secondary", 28)
        self.message_back.clicked.connect(self._on_done)
        layout.addWidget(self.message_back)
        return page

    def _build_closed(self) -> QWidget:
        page = QWidget()
        page.setObjectName("closed")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.setSpacing(22)
        center = Qt.AlignmentFlag.AlignHCenter
        layout.addStretch(1)
        self.closed_title = self._label("", 56, True, align=center)
        self.closed_day = self._label("", 32, align=center)
        self.closed_opens_lead = self._label("", 30, align=center)
        self.closed_opens = self._label("", 44, True, name="opens", align=center)
        self.closed_hours = self._label("", 26, name="hours", align=center)
        self.closed_text = self._label("", 26, align=center)
        layout.addWidget(self.closed_title)
        layout.addWidget(self.closed_day)
        layout.addSpacing(36)
        layout.addWidget(self.closed_opens_lead)
        layout.addWidget(self.closed_opens)
        layout.addSpacing(36)
        layout.addWidget(self.closed_hours)
        layout.addWidget(self.closed_text)
        layout.addStretch(1)
        return page

    # --- scaling ------------------------------------------------------------------------

    def _apply_fonts(self) -> None:
        """Scale the type to the window: by its smaller side, never under 70 % while the
        window is wide enough for that (a real kiosk screen); a narrower window (the demo's
        tile, 640 px) scales with its width so nothing is wider than it."""
        across = self.width() / BASE_W
        factor = max(min(0.7, across), min(across, self.height() / BASE_H))
        for widget, px, bold in self._fonts:
            if isinstance(widget, _Fit):
                widget.set_base(px * factor)
            else:
                widget.setFont(_px(px * factor, bold))
        few = len(self.service_buttons) <= ONE_COLUMN
        for button in self.service_buttons.values():
            button.name.set_base((34 if few else 26) * factor)
            button.bring.setFont(_px((22 if few else 19) * factor))
            button.status.setFont(_px((22 if few else 19) * factor, True))
            button.setFixedHeight(max(BUTTON_MIN + 24, int((150 if few else 122) * factor)))
        self._show_preview()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    # --- pages --------------------------------------------------------------------------

    def _show(self, page: QWidget, idle: float | None = None) -> None:
        self.pages.setCurrentWidget(page)
        if idle is None:
            self._idle.stop()
        else:
            self._idle.start(max(1, int(idle * 1000)))
        self._on_tick()

    def _start(self) -> None:
        """Back to the beginning: no priority, the services (or the closed notice)."""
        self.priority = None
        self._pending = None
        self.banner.hide()
        self.priority_button.show()
        self._show(self.start_page)
        self._on_check_open()
        self.returned.emit()

    def _closed_title(self, reason: str) -> str:
        return {
            ks.BEFORE_OPENING: self.tr("Layanan belum dibuka"),
            ks.AFTER_CLOSING: self.tr("Layanan hari ini sudah selesai"),
            ks.DAY_CLOSED: self.tr("Layanan hari ini sudah ditutup"),
            ks.DAY_OFF: self.tr("Hari ini kantor libur"),
        }.get(reason, self.tr("Mohon maaf, layanan sedang tutup"))

    def _opens_texts(self, closed: ks.Closed) -> tuple[str, str]:
        """``(lead, when)`` service opens next: later today, on a given day, or "come back".

        The day and time are a line of their own, so they never break apart."""
        opens = closed.opens_at
        if opens is None:
            return "", (self.tr("Silakan hubungi petugas kantor.")
                        if closed.reason == ks.INACTIVE
                        else self.tr("Silakan datang kembali pada hari layanan berikutnya."))
        clock = f"{_clock_text(opens.time())}\u00a0{self.office.zone}"
        if opens.date() == local(self._clock(), self.office.zone).date():
            return (self.tr("Layanan dibuka hari ini"),
                    self.tr("pukul %1").replace("%1", clock))
        return (self.tr("Layanan dibuka lagi"),
                self.tr("%1, pukul %2").replace("%1", _date_text(opens.date()))
                .replace("%2", clock))

    def _show_closed(self, closed: ks.Closed) -> None:
        """The whole screen: closed, why, when service opens next; nothing to tap."""
        self.closed = closed
        self.closed_title.setText(self._closed_title(closed.reason))
        # a weekend needs no name (the header says the day); a holiday does
        day_off = (closed.day_off if closed.reason == ks.DAY_OFF
                   and closed.day_off not in WEEKEND else None)
        self.closed_day.setText(day_off or "")
        self.closed_day.setVisible(bool(day_off))
        lead, when = self._opens_texts(closed)
        self.closed_opens_lead.setText(lead)
        self.closed_opens_lead.setVisible(bool(lead))
        self.closed_opens.setText(when)
        hours = closed.hours
        self.closed_hours.setText(
            self.tr("Jam layanan: Senin\u2013Jumat pukul %1\u2013%2 %3").replace(
                "%1", _clock_text(hours[0])).replace("%2", _clock_text(hours[1])).replace(
                "%3", self.office.zone) if hours else "")
        self.closed_hours.setVisible(bool(hours))
        self.closed_text.setText(self.tr("Nomor antrian belum dapat diambil saat ini."))
        if self.pages.currentWidget() is not self.closed_page:
            self._show(self.closed_page)
            self.closed_shown.emit(closed)

    def _not_open_line(self, state: ks.ServiceState) -> str | None:
        """The words on a service button whose first counter is not open, else ``None``."""
        if state.counter_open:
            return None
        # the fact first: a narrow button cuts the end of the line, the place's name
        text = (self.tr("Nomor tetap dapat diambil \u2013 %1 belum dibuka") if state.may_issue
                else self.tr("Nomor belum dapat diambil \u2013 %1 belum dibuka"))
        return text.replace("%1", state.place)

    def _apply_state(self, state: ks.KioskState) -> None:
        self.state = state
        for code, button in self.service_buttons.items():
            service = state.services.get(code)
            button.set_not_open(self._not_open_line(service) if service else None)

    def _show_preview(self) -> None:
        pixmap = self._preview_pixmap
        if pixmap is None or pixmap.isNull():
            self.preview.clear()
            return
        self.preview.setPixmap(pixmap.scaled(
            self.preview.width(), self.preview.height(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _render_preview(self, result: JobResult) -> QImage | None:
        """A picture of the ticket from the bytes the spool sent, for the printer's paper.
        Runs in the tap's worker thread: a QImage (a QPixmap is the UI thread's), drawn in
        memory (no file left behind)."""
        try:
            data = self.station.printed_bytes(result.id)
            receipts = decode(data or b"")
            if not receipts or not self.printer:
                return None
            image = QImage.fromData(png_bytes(  # the stubs say bytes; PySide6 takes only str
                receipts[0], columns=self.station.ticket_columns(self.printer)),
                "PNG")  # type: ignore[arg-type]
            return None if image.isNull() else image
        except Exception:  # a preview must never hide the number
            log.exception("kiosk: cannot render the ticket preview")
            return None

    # --- slots --------------------------------------------------------------------------

    def _on_tick(self) -> None:
        now = local(self._clock(), self.office.zone)
        self.clock_label.setText(f"{_date_text(now.date())}   {now:%H:%M} {self.office.zone}")
        if self.pages.currentWidget() is self.ticket_page and self._idle.isActive():
            seconds = (self._idle.remainingTime() + 999) // 1000
            self.countdown.setText(self.tr("Layar kembali ke awal dalam %n detik.", "",
                                           seconds))

    def _read_state_now(self) -> ks.KioskState | None:
        """The office's state read here, in the UI thread: only when the window is built
        (its setup is read there too); ``None`` if the database cannot be reached."""
        try:
            return self.station.state()
        except LoketError as exc:  # a lost database shows at the next tap
            log.warning("kiosk: cannot read the office's hours: %s", exc)
            return None

    def _read_state(self) -> None:
        """Read whether the office is open and which counters are, in a worker; the
        buttons and the page follow when it comes back (:meth:`_on_state_read`). One read
        at a time: asked while one is under way, the next starts when it ends and the
        older result is dropped."""
        self._state_asked += 1
        if self._state_job is None:
            self._start_state_read()

    def _start_state_read(self) -> None:
        job = _StateJob(self.station.state, self._state_asked)
        job.done.connect(self._on_state_read)
        self._state_job = job
        self._pool.start(job)

    def _on_state_read(self, job: _StateJob) -> None:
        if job is not self._state_job:
            return
        self._state_job = None
        if job.asked != self._state_asked:  # a newer read was asked meanwhile: it counts
            self._start_state_read()
            return
        if job.failure is not None:
            raise job.failure
        if job.refusal is not None:  # a lost database shows at the next tap
            log.warning("kiosk: cannot read the office's hours: %s", job.refusal)
        self._on_state(job.state)

    def _on_state(self, state: ks.KioskState | None) -> None:
        """A state read came back: the buttons follow it and, on the start page or the
        closed notice, the page (the closed notice or the start page, as it says)."""
        if state is not None:
            self._apply_state(state)
            current = self.pages.currentWidget()
            if current in (self.start_page, self.closed_page):
                if state.closed is not None:
                    self._show_closed(state.closed)
                else:
                    self.closed = None
                    if current is not self.start_page:
                        self._show(self.start_page)
                        self.returned.emit()
        self.state_read.emit(state)

    def _on_check_open(self) -> None:
        """Read the state again (in a worker) while the start page or the closed notice is
        on screen; elsewhere the visitor is busy and the next return to the start reads."""
        if self.pages.currentWidget() in (self.start_page, self.closed_page):
            self._read_state()

    def _on_event(self, event: Any) -> None:
        """A counter opened or closed, or the day was closed or opened: read again."""
        if event.kind.startswith(("counter.", "day.")):
            self._on_check_open()

    def _on_idle(self) -> None:
        self._start()

    def _on_done(self) -> None:
        self._idle.stop()
        self._start()

    def _on_back(self) -> None:
        self._show(self.start_page)

    def _on_priority(self) -> None:
        self._show(self.priority_page, self.idle_seconds * 3)

    def _on_reason(self, reason: str) -> None:
        self.priority = reason
        self.banner_text.setText(self.tr("Prioritas: %1. Silakan pilih layanan.").replace(
            "%1", self._priority_labels()[reason]))
        self.banner.show()
        self.priority_button.hide()
        self._show(self.start_page, self.idle_seconds * 3)

    def _on_cancel_priority(self) -> None:
        self.priority = None
        self.banner.hide()
        self.priority_button.show()
        self._show(self.start_page)

    def _on_details(self, code: str) -> None:
        service = next(s for s in self.services if s.code == code)
        self._pending = code
        self.details_name.setText(service.name)
        self.details_time.setText(
            self.tr("Waktu penyelesaian: %1").replace("%1", service.time_standard)
            if service.time_standard else "")
        self.details_time.setVisible(bool(service.time_standard))
        bring, at_office = self.tr("Dokumen yang dibawa:"), self.tr("Dilakukan di kantor:")
        parts = []
        if service.requirements:  # under the page's heading; named apart beside the steps
            heading = f"<p><b>{_html(bring)}</b></p>" if service.steps else ""
            parts.append(heading + _numbered(service.requirements))
        if service.steps:
            parts.append(f"<p><b>{_html(at_office)}</b></p>{_numbered(service.steps)}")
        self.details_list.setText("".join(parts) or self.tr("Tidak ada persyaratan khusus"))
        self._show(self.details_page, self.idle_seconds * 3)

    def _on_take_details(self) -> None:
        if self._pending:
            self._on_service(self._pending)

    def _on_service(self, code: str) -> None:
        """Tapped: show that something happens, then take the number (never twice)."""
        if self.pages.currentWidget() is self.busy_page:
            return
        self._pending = code
        self._show(self.busy_page)
        # the work goes to a worker at once: the busy page paints meanwhile (the UI thread
        # no longer waits for the database, so it no longer needs a head start)
        QTimer.singleShot(0, self._on_take)

    def _on_take(self) -> None:
        """The number, the ticket and its picture in a worker: the screen (the busy page)
        stays alive while the database or the printer is slow."""
        code, self._pending = self._pending, None
        if code is None:
            return
        priority, station_id, printer = self.priority, self.station_id, self.printer

        def take() -> ks.KioskTicket:
            return self.station.take_number(code, priority=priority, station_id=station_id)

        def print_(taken: ks.KioskTicket) -> JobResult:
            assert printer is not None
            return self.station.print_ticket(taken.info.id, printer, station_id=station_id)

        # a printer that does not answer takes seconds to time out: never on the UI thread
        job = _TapJob(take, print_ if printer else None, self._render_preview)
        job.done.connect(self._on_taken)
        self._jobs.add(job)
        self._pool.start(job)

    def _on_taken(self, job: _TapJob) -> None:
        self._jobs.discard(job)
        if job.failure is not None:
            raise job.failure
        if job.refusal is not None:
            self._on_refused(job.refusal)
            return
        assert job.taken is not None
        if job.result is None and job.error is None:  # a kiosk without a printer
            self._show_ticket(job.taken, None, self.tr("kios ini tidak memiliki printer tiket"))
            return
        self._show_ticket(job.taken, *self._print_outcome(job), preview=job.preview)

    def _on_refused(self, exc: LoketError) -> None:
        """No number was taken: say why (a lost server plainly), or show the closed office."""
        self.refused.emit(exc)
        if exc.key == "db.unreachable":  # the server is down: say so, start again
            log.warning("kiosk could not issue a ticket: %s", exc)
            self.message_text.setText(self.tr(
                "Maaf, nomor antrean tidak dapat diambil saat ini (server tidak "
                "terhubung). Silakan hubungi petugas."))
            self._show(self.message_page, self.idle_seconds * FAILURE_FACTOR)
            return
        if exc.key in ("office.closed", "kiosk.closed"):
            self._show(self.start_page)
            self._on_check_open()
            return
        if exc.key == "kiosk.counter_closed":  # the buttons may be a few seconds old
            self._read_state()
        self.message_text.setText(exc.message())
        self._show(self.message_page, self.idle_seconds * FAILURE_FACTOR)

    def _print_outcome(self, job: _TapJob) -> tuple[JobResult | None, str]:
        """The printing's result, and what to tell the staff when it failed."""
        info, result, error = job.info, job.result, job.error
        if isinstance(error, LoketError):
            return None, error.message()
        if error is not None:  # the number is taken: show it whatever
            log.error("kiosk: printing ticket %s failed: %s", info.ticket, error)
            return None, str(error)
        assert result is not None
        if result.state == "done":
            return result, ""
        condition = self._condition_text(result.condition)
        return result, LoketError("print.failed", ticket=info.ticket, condition=condition,
                                  job=result.id).message()

    def _wait_texts(self, taken: ks.KioskTicket) -> tuple[str, str]:
        """``(estimated wait, not open yet)``: one of them is empty. Nothing is promised
        while nobody can call the number."""
        info, not_open = taken.info, taken.not_open
        if not_open is None:
            return (self.tr("Perkiraan menunggu: \u00b1 %n menit", "", info.eta_minutes)
                    if info.ahead else self.tr("Anda akan segera dipanggil")), ""
        if not_open.opens_at is not None:
            return "", self.tr(
                "Layanan belum dibuka; nomor Anda akan dipanggil setelah loket dibuka pukul"
                " %1 %2").replace("%1", _clock_text(not_open.opens_at.time())).replace(
                "%2", self.office.zone)
        return "", self.tr("%1 belum dibuka; nomor Anda akan dipanggil setelah loket"
                           " dibuka").replace("%1", not_open.place or self.tr("Loket"))

    def _show_ticket(self, taken: ks.KioskTicket, result: JobResult | None,
                     problem: str, *, preview: QImage | None = None) -> None:
        info = taken.info
        self.last_ticket, self.last_result = info, result
        self.last_not_open = taken.not_open
        printed = result is not None and result.state == "done"
        self.number.setText(info.ticket)
        self.ticket_service.setText(info.service_name)
        labels = self._priority_labels()
        self.ticket_priority.setText(
            self.tr("PRIORITAS: %1").replace("%1", labels.get(info.priority, "").upper())
            if info.priority else "")
        self.ticket_priority.setVisible(bool(info.priority))
        self.ticket_ahead.setText(self.tr("Di depan Anda: %n orang", "", info.ahead))
        wait, not_open = self._wait_texts(taken)
        self.ticket_wait.setText(wait)
        self.ticket_wait.setVisible(bool(wait))
        self.ticket_not_open.setText(not_open)
        self.ticket_not_open.setVisible(bool(not_open))
        self._preview_pixmap = (QPixmap.fromImage(preview)
                                if printed and preview is not None else None)
        self.preview.setVisible(printed)
        self.failure.setVisible(not printed)
        self.ticket_ok.setVisible(printed)
        if printed:
            if self.unprinted:
                self.staff_label.setText(self.tr(
                    "Printer kembali normal. Belum tercetak: %1 (cetak ulang oleh petugas)"
                ).replace("%1", ", ".join(self.unprinted[-5:])))
        else:
            self.unprinted.append(info.ticket)
            reason = self._condition_text(result.condition if result else None)
            self.failure_text.setText(self.tr(
                "Nomor antrian Anda <b>%1</b> tetap berlaku dan sudah masuk antrian. Catat"
                " nomor ini. Petugas di loket dapat mencetak ulang tiket Anda.").replace(
                "%1", info.ticket))
            self.failure_text.setTextFormat(Qt.TextFormat.RichText)
            self.failure_detail.setText(problem or reason)
            self.staff_label.setText(self.tr(
                "Printer tiket bermasalah (%1). Belum tercetak: %2").replace(
                "%1", reason).replace("%2", ", ".join(self.unprinted[-5:])))
        self.staff_label.setVisible(bool(self.unprinted))
        self._show(self.ticket_page,
                   self.idle_seconds * (1 if printed else FAILURE_FACTOR))
        self._show_preview()
        self.ticket_shown.emit(info, result)

    def closeEvent(self, event: Any) -> None:
        for timer in (self._idle, self._tick, self._open_timer):
            timer.stop()
        self.live.close()
        self._pool.waitForDone(10_000)  # a ticket being printed is finished, not cut off
        super().closeEvent(event)


def _transparent(scroll: QScrollArea) -> None:
    """Let the page's background show through a scroll area (it paints its own)."""
    scroll.viewport().setAutoFillBackground(False)
    widget = scroll.widget()
    if widget is not None:
        widget.setAutoFillBackground(False)


def _clock_text(moment: time) -> str:
    """``07.30`` the Indonesian way, ``07:30`` in English."""
    return f"{moment:%H.%M}" if language() == "id" else f"{moment:%H:%M}"


def _date_text(day: date) -> str:
    """``Senin, 30 November 2026`` (``Monday, 30 November 2026`` in English)."""
    if language() == "id":
        return day_and_date(day)
    return QLocale(QLocale.Language.English).toString(QDate(day.year, day.month, day.day),
                                                      "dddd, d MMMM yyyy")


def _numbered(items: Sequence[str]) -> str:
    """A numbered list as rich text, numbered by hand: Qt's ``<ol>`` leaves the number a
    fixed margin that, at the kiosk's type size, cuts "10." to "0."."""
    rows = "".join(f"<tr><td align='right' style='padding-right: 12px'>{n}.</td>"
                   f"<td>{_html(text)}</td></tr>" for n, text in enumerate(items, start=1))
    return f"<table cellspacing='0' cellpadding='2'>{rows}</table>" if rows else ""


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
