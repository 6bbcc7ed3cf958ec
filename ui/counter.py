"""The loket console: the officer's station at one counter.

A log-in page, then the counter's current ticket with the time standard, the queue actions
(buttons and F-keys), the requirements checklist at the registration stage, the waiting
and held lists and the current visit's history. The waiting list follows the queue's live
events (:class:`ui.live.LiveEvents`); the widget never polls the database. Everything it
reads and does goes through its station module, :mod:`app.stations.counter` (plain data,
one unit of work per call, never a session), with the signed-in officer as the actor; a
refusal (:class:`~app.errors.LoketError`), a lost database included, is shown in the
banner, in Indonesian.

The layout is for a 1366 x 768 laptop up to a 1920 x 1080 monitor: the number very large
with the service, the time at this stage and the time standard beside it, and the one next
action (call, start or finish) as a big button; the other queue actions smaller under it;
the work panel takes the rest of the height, the lists a column of their own. Every size
follows one base point size taken from the window's height (:func:`base_point_size`).

What an officer typed into a work panel is never dropped: before an action takes the visit
away (finish, transfer, hold...) or the officer leaves (log-out, closing the window), the
typed input is saved through the panel's own save path or, when the officer is asked and
chooses so, explicitly discarded; if it cannot be saved the action does not happen and the
banner says what is missing (:meth:`CounterWindow._settle_unsaved`). A disabled queue
button says why on the line under the buttons.

After the office's ``lock_after_minutes`` without activity the console is covered by the lock
screen (:mod:`ui.lock`): the panels keep what was typed and the counter stays open; the same
officer's password uncovers it, another officer signing in there logs the first out.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.access import Act, role_may
from app.clock import local
from app.errors import LoketError
from app.queue import deadline
from app.stations import counter as cs
from app.store import Store
from ui.live import LiveEvents
from ui.lock import CHECK_MS, IdleWatcher, SignInPage, lock_page
from ui.panels.base import WHY_STYLE, Panel, PanelContext
from ui.panels.registry import build_panels
from ui.scale import base_point_size

log = logging.getLogger(__name__)

HEARTBEAT_MS = 60_000
TICK_MS = 1_000
SLA_COLOURS = {"ok": "#1b7f3b", "near": "#b26a00", "over": "#c62828", None: "#555555"}
BANNER_STYLES = {
    "error": "background:#fdecea; color:#8a1c13; border:1px solid #f5c2bd;",
    "info": "background:#e8f5e9; color:#1b5e20; border:1px solid #b9dfbb;",
    "warn": "background:#fff4e5; color:#7a4a00; border:1px solid #f3d19e;",
}


def _wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` on as many lines as it takes to be at most ``width`` pixels wide."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def _duration(seconds: float) -> str:
    """``12:05`` (minutes:seconds) or ``1:02:05``; from a day on, days and hours ("92 hari
    6 jam": a standard of months counts down in days, not 2214 hours); never negative."""
    total = max(0, int(seconds))
    days, in_day = divmod(total, 86400)
    if days:
        return QCoreApplication.translate("CounterWindow", "{days} hari {hours} jam").format(
            days=days, hours=in_day // 3600)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


# the next action by the state of the counter's visit (None: nobody called); the other
# actions are secondary, smaller, in a row under the number
PRIMARY = {None: "call", "called": "start", "serving": "finish"}
SECONDARY = ("recall", "skip", "hold", "transfer", "return", "incomplete", "cancel")
TICKET_SCALE = 5.0  # the number, in times the base type: readable from two metres
PRIMARY_DELTA = 6  # the next action's type, points above the base
SIDE_SHARE = 0.29  # the lists' column, of the window's width
# narrower than this (a tile of the demo's screen), the console is compact: the lists
# under the work instead of beside it, the next action under the service
COMPACT_WIDTH = 1000
SIZE_RESOLVED = 0x2  # QFont::SizeResolved: a size set on the widget (PySide6 lacks the name)


# the officer's answers to "typed input not saved yet"
SAVE, DISCARD, STAY = "save", "discard", "stay"


@dataclass
class Settled:
    """What became of the typed input before an action: the panels whose input is to be
    discarded once the action has happened, and what the saves said (for the banner)."""

    discard: list[Panel]
    notes: list[tuple[str, str]]  # (banner kind, text) the panels said while saving


@dataclass(frozen=True)
class TransferTarget:
    stage: str | None = None
    counter: str | None = None


class TransferDialog(QDialog):
    """Where to send the current visit: another stage's queue, or one particular counter."""

    def __init__(self, info: cs.DeskInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alihkan nomor"))
        layout = QVBoxLayout(self)
        self.to_stage = QRadioButton(self.tr("Ke tahap (antrean tahap itu)"), self)
        self.to_counter = QRadioButton(self.tr("Ke loket tertentu"), self)
        group = QButtonGroup(self)
        group.addButton(self.to_stage)
        group.addButton(self.to_counter)
        self.stages = QComboBox(self)
        for stage in info.all_stages:
            self.stages.addItem(stage.name, stage.code)
        self.counters = QComboBox(self)
        for counter in info.counters:
            self.counters.addItem(counter.name, counter.code)
        form = QFormLayout()
        form.addRow(self.to_stage, self.stages)
        form.addRow(self.to_counter, self.counters)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Alihkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.to_stage.toggled.connect(self._on_mode)
        self.to_stage.setChecked(True)
        self.to_counter.setEnabled(self.counters.count() > 0)
        self._on_mode()

    def _on_mode(self) -> None:
        self.stages.setEnabled(self.to_stage.isChecked())
        self.counters.setEnabled(self.to_counter.isChecked())

    def target(self) -> TransferTarget:
        if self.to_counter.isChecked():
            return TransferTarget(counter=self.counters.currentData())
        return TransferTarget(stage=self.stages.currentData())


class SupervisorDialog(QDialog):
    """A supervisor signs in at the counter: to cancel an unpaid bill, with the reason, or
    (``with_reason=False``) to approve an act the officer's role does not allow."""

    def __init__(self, text: str, parent: QWidget | None = None, *,
                 with_reason: bool = True) -> None:
        super().__init__(parent)
        self.with_reason = with_reason
        self.setWindowTitle(self.tr("Persetujuan supervisor"))
        layout = QVBoxLayout(self)
        message = QLabel(text, self)
        message.setWordWrap(True)
        layout.addWidget(message)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("mis. wajib pajak batal membayar"))
        form.addRow(self.tr("Supervisor"), self.username)
        form.addRow(self.tr("Kata sandi"), self.password)
        if with_reason:
            form.addRow(self.tr("Alasan pembatalan"), self.reason)
        else:
            self.reason.hide()
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Batalkan tagihan") if with_reason else self.tr("Setujui"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Kembali"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.why = QLabel(self)
        self.why.setStyleSheet(WHY_STYLE)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)
        for field in (self.username, self.password, self.reason):
            field.textChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        missing = [name for name, field in ((self.tr("nama supervisor"), self.username),
                                            (self.tr("kata sandi"), self.password),
                                            (self.tr("alasan"), self.reason))
                   if not field.text().strip() and (field is not self.reason
                                                    or self.with_reason)]
        self.ok.setEnabled(not missing)
        self.why.setText(self.tr("Isi {fields}.").format(fields=", ".join(missing))
                         if missing else "")

    def values(self) -> tuple[str, str, str]:
        return self.username.text().strip(), self.password.text(), self.reason.text().strip()


class CounterWindow(QMainWindow):
    """The officer's station at ``counter_code`` of ``office_code``."""

    ACTIONS: ClassVar[dict[str, tuple[str, str | None]]] = {  # name -> (label, key)
        "call": ("Panggil berikutnya", "F1"),
        "recall": ("Panggil ulang", "F2"),
        "start": ("Mulai layani", "F3"),
        "skip": ("Tidak hadir", "F4"),
        "hold": ("Tahan", "F5"),
        "transfer": ("Alihkan…", "F6"),
        "return": ("Kembalikan ke antrean", None),
        "finish": ("Selesai", "F9"),
        "incomplete": ("Berkas tidak lengkap", None),
        "cancel": ("Batalkan", None),
    }

    def __init__(self, store: Store, office_code: str, counter_code: str, *,
                 clock: Callable[[], datetime] | None = None, parent: QWidget | None = None,
                 slip_folder: Path | None = None, live: LiveEvents | None = None,
                 idle_clock: Callable[[], float] = time.monotonic,
                 idle_check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.office_code = office_code
        self.counter_code = counter_code
        self.clock = clock or (lambda: datetime.now(UTC))
        self.slip_folder = slip_folder
        # the station's clock is the window's, read at each call
        self.station = cs.CounterStation(store, office_code, counter_code,
                                         clock=lambda: self.clock())
        setup = self.station.setup()
        self.info = setup.info
        self.actor: cs.Actor | None = None
        self.user: cs.UserInfo | None = None
        self.current: cs.CurrentVisit | None = None
        self.history_visit_id: int | None = None
        self.stage_since: datetime | None = None  # when the current visit came to its stage
        self.last_slip: cs.SlipResult | None = None
        self.last_documents: list[Path] = []
        self.banner_kind = ""
        # hooks a test (or another front end) may replace
        self.confirm: Callable[[str], bool] = self._ask
        self.choose_transfer: Callable[[], TransferTarget | None] = self._ask_transfer
        self.authorize_cancel: Callable[[str], tuple[str, str, str] | None] = \
            self._ask_supervisor
        # a supervisor's name and password for an act above the officer's role, or None
        self.authorize: Callable[[str], tuple[str, str] | None] = self._ask_approval
        # "typed input not saved: save / discard / keep editing?" -> SAVE | DISCARD | STAY
        self.ask_unsaved: Callable[[str], str] = self._ask_unsaved
        self._collected: list[tuple[str, str]] | None = None  # panel messages while saving
        self._dropping: list[Panel] = []  # panels whose input the officer chose to discard
        self._saved_notes: list[tuple[str, str]] = []  # what the last saves said

        self.setWindowTitle(self.tr("Loket — {counter}").format(counter=self.info.counter_name))
        self.pages = QStackedWidget(self)
        self.login = SignInPage(self.info.counter_name, self.info.office_name,
                                self.tr("Masuk"), self.pages)
        self.login.submitted.connect(self._on_login)
        self.pages.addWidget(self.login)
        self.main = self._build_main()
        self.pages.addWidget(self.main)
        self.locked = lock_page(self.pages)  # covers the console; discards nothing
        self.locked.submitted.connect(self._on_unlock)
        self.pages.addWidget(self.locked)
        self.idle = IdleWatcher(self, setup.lock_after_minutes, clock=idle_clock,
                                check_ms=idle_check_ms)
        self.idle.idle.connect(self.lock)
        self.setCentralWidget(self.pages)

        self.shortcuts: dict[str, QShortcut] = {}
        for name, (_label, key) in self.ACTIONS.items():
            if key:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda n=name: self._on_shortcut(n))
                self.shortcuts[name] = shortcut
        self._set_shortcuts(False)

        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self._on_refresh_due)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._on_tick)
        self._heartbeat = QTimer(self)
        self._heartbeat.timeout.connect(self._on_heartbeat)
        self.live = live or LiveEvents(store, self.info.office_code, self)
        self.live.received.connect(self._on_event)
        self.live.resync.connect(self._on_refresh_due)  # after a reconnection, periodically
        self.resize(1280, 800)
        self.login.username.setFocus()

    # --- building -----------------------------------------------------------------------

    def _build_main(self) -> QWidget:
        """The console: the ticket in front of the officer with its next action at the top
        left, the other queue actions under it, then the work (checklist and panels) taking
        the rest of the height; the waiting, held and history lists in a side column.
        Sizes are set by :meth:`_scale` from the window's height."""
        page = QWidget(self)
        # the console's type sizes, by the name a widget carries in its "loketSize"
        # property: (points above the base, bold, times the base)
        self._sizes: dict[str, tuple[int, bool, float]] = {}
        self._base = 0  # the base point size in use; 0 before the first scaling
        root = QVBoxLayout(page)
        root.setContentsMargins(12, 6, 12, 8)
        root.setSpacing(6)
        top = QHBoxLayout()
        self.title = QLabel(f"{self.info.counter_name} — {self.info.office_name}", page)
        self.title.setWordWrap(True)  # on two lines in a narrow window, never cut
        self._size(self.title, 2, True)
        top.addWidget(self.title, 1)
        self.officer_label = QLabel("", page)
        top.addWidget(self.officer_label)
        self.logout_button = QPushButton(self.tr("Keluar"), page)
        self.logout_button.clicked.connect(self._on_logout)
        top.addWidget(self.logout_button)
        root.addLayout(top)
        self.banner = QLabel("", page)
        self.banner.setWordWrap(True)
        self._size(self.banner, 1, True)
        self.banner.setContentsMargins(10, 4, 10, 4)
        root.addWidget(self.banner)

        self._body = body = QHBoxLayout()
        body.setSpacing(10)
        self._compact = False
        root.addLayout(body, 1)
        left = QVBoxLayout()
        left.setSpacing(6)
        body.addLayout(left, 1)
        # a width of its own (a share of the window's): the left side does not jump with
        # the lists' content
        self.side = side = QWidget(page)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        body.addWidget(side)

        ticket_box = QFrame(page)
        ticket_box.setObjectName("ticketBox")
        ticket_box.setStyleSheet("QFrame#ticketBox{background:#ffffff; border:1px solid "
                                 "#c8c8c8; border-radius:6px;}")
        grid = QGridLayout(ticket_box)
        grid.setContentsMargins(14, 6, 14, 6)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.ticket_label = QLabel("—", ticket_box)
        self._size(self.ticket_label, 0, True, times=TICKET_SCALE)
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.ticket_label, 0, 0, 7, 1)
        self.service_label = QLabel("", ticket_box)
        self._size(self.service_label, 4, True)
        self.service_label.setWordWrap(True)
        self.stage_label = QLabel("", ticket_box)
        self._size(self.stage_label, 1)
        self.stage_label.setWordWrap(True)
        self.status_label = QLabel(self.tr("Belum ada nomor yang dipanggil."), ticket_box)
        self._size(self.status_label, 1)
        self.status_label.setWordWrap(True)
        self.priority_label = QLabel("", ticket_box)
        self.priority_label.setStyleSheet(
            "background:#6a1b9a; color:white; padding:2px 8px; border-radius:4px;")
        self._size(self.priority_label, 1, True)
        self.priority_label.hide()
        grid.addWidget(self.service_label, 0, 1)
        grid.addWidget(self.stage_label, 1, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.priority_label, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addLayout(status_row, 2, 1)
        self.stage_time_label = QLabel("", ticket_box)  # how long at this stage
        self._size(self.stage_time_label, 1, True)
        grid.addWidget(self.stage_time_label, 3, 1)
        self.sla_label = QLabel("", ticket_box)
        self._size(self.sla_label, 1, True)
        grid.addWidget(self.sla_label, 4, 1)
        self.waited_label = QLabel("", ticket_box)
        self._size(self.waited_label, 0)
        grid.addWidget(self.waited_label, 5, 1)
        grid.setRowStretch(6, 1)
        grid.setColumnStretch(1, 1)
        for wrapped in (self.stage_time_label, self.waited_label, self.sla_label):
            wrapped.setWordWrap(True)  # never wider than the room beside the number

        self.buttons: dict[str, QPushButton] = {}
        for name, (label, key) in self.ACTIONS.items():
            # the next action's key on a line of its own: the button stays narrow
            gap = "\n" if name in PRIMARY.values() else "  "
            text = self.tr(label) + (f"{gap}[{key}]" if key else "")
            button = QPushButton(text, page)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(getattr(self, f"_on_{name}"))
            self.buttons[name] = button
        # the next action, big beside the number: one of these three at a time
        primary = QVBoxLayout()
        for name in PRIMARY.values():
            button = self.buttons[name]
            self._size(button, PRIMARY_DELTA, True)
            colour = "#2e7d32" if name == "finish" else "#1565c0"
            button.setStyleSheet(f"QPushButton:enabled{{background:{colour};color:white;"
                                 "border-radius:6px; padding:6px 18px;}")
            primary.addWidget(button)
            button.setVisible(name == PRIMARY[None])
        grid.addLayout(primary, 0, 2, 7, 1)
        self._ticket_grid, self._primary = grid, primary
        left.addWidget(ticket_box)

        actions = QHBoxLayout()  # the other actions, smaller, in one row or two
        actions.setSpacing(6)
        self.secondary = QGridLayout()
        self.secondary.setHorizontalSpacing(6)
        self.secondary.setVerticalSpacing(4)
        for name in SECONDARY:
            self._size(self.buttons[name], 0)
        actions.addLayout(self.secondary)
        actions.addStretch(1)
        self._secondary_columns = 0
        left.addLayout(actions)
        self.buttons_why = QLabel("", page)  # why the disabled queue buttons are disabled
        self.buttons_why.setWordWrap(True)
        self.buttons_why.setStyleSheet(WHY_STYLE)
        self._size(self.buttons_why, 0)
        left.addWidget(self.buttons_why)

        self.checklist_box = QGroupBox(self.tr("Persyaratan (centang yang dibawa)"), page)
        self._size(self.checklist_box, 0, True)
        # a long list (BPHTB has fourteen) scrolls rather than push the work panel away
        self.checklist_scroll = QScrollArea(self.checklist_box)
        self.checklist_scroll.setWidgetResizable(True)
        self.checklist_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.checklist_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklist_inner = QWidget(self.checklist_scroll)
        self.checklist_layout = QGridLayout(self.checklist_inner)
        self.checklist_layout.setContentsMargins(8, 2, 8, 2)
        self.checklist_layout.setVerticalSpacing(2)
        self.checklist_layout.setHorizontalSpacing(24)
        self.checklist_scroll.setWidget(self.checklist_inner)
        box_layout = QVBoxLayout(self.checklist_box)
        box_layout.setContentsMargins(2, 2, 2, 2)
        box_layout.addWidget(self.checklist_scroll)
        self._checklist_room = (0, 0)  # the width and height the boxes were placed for
        self.checkboxes: dict[str, QCheckBox] = {}
        self._checkbox_size = self._size_name(1)  # one point above the base
        self.checklist_box.hide()
        left.addWidget(self.checklist_box)

        self.work_panel = QGroupBox(self.tr("Panel kerja"), page)
        work = QVBoxLayout(self.work_panel)
        work.setContentsMargins(4, 4, 4, 4)
        ctx = PanelContext(self.store, self.office_code, self.counter_code,
                           actor=lambda: self.actor.name if self.actor else "",
                           clock=self.clock, may=self._may, countersign=self._countersign)
        self.panels = build_panels(self.info.work_panels, ctx, self.work_panel)
        self.panel_tabs = QTabWidget(self.work_panel)
        for panel in self.panels:  # scrolled: a long form never pushes the window off-screen
            scroll = QScrollArea(self.panel_tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            # a form wider than a small screen scrolls sideways rather than lose its edge
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            scroll.setWidget(panel)
            self.panel_tabs.addTab(scroll, panel.title().replace("&", "&&"))  # no mnemonic
            panel.notice.connect(lambda text: self._on_panel_message("info", text))
            panel.failed.connect(lambda text: self._on_panel_message("error", text))
            for name in ("letter_issued", "receipt_issued", "form_issued"):
                if hasattr(panel, name):  # (number, pdf): a document for the visitor
                    getattr(panel, name).connect(self._on_panel_document)
            if hasattr(panel, "documents_issued"):  # [(title, pdf), ...]
                panel.documents_issued.connect(self._on_panel_documents)
        work.addWidget(self.panel_tabs)
        self.work_placeholder = QLabel(
            self.tr("Loket ini tidak punya panel kerja; gunakan tombol antrean."),
            self.work_panel)
        self.work_placeholder.setStyleSheet("color:#777;")
        self.work_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.work_placeholder.setWordWrap(True)
        work.addWidget(self.work_placeholder)
        self.panel_tabs.setVisible(bool(self.panels))
        self.work_placeholder.setVisible(not self.panels)
        self._panel_visit: tuple[int | None, str | None] = (None, None)
        left.addWidget(self.work_panel, 1)
        self._panel_pluses: set[int] = set()
        self._mark_panel_sizes()

        self.waiting_title = QLabel(self.tr("Antrean menunggu"), page)
        self._size(self.waiting_title, 1, True)
        right.addWidget(self.waiting_title)
        self.waiting = self._table([self.tr("Nomor"), self.tr("Layanan"), self.tr("Tahap"),
                                    self.tr("Menunggu"), self.tr("Prioritas")])
        # service and stage names are long ("Pembayaran PKB, SWDKLLJ dan PNBP"): they share
        # the width and are elided, the whole name in the cell's tooltip
        self.waiting.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.waiting, 1)
        held_row = QHBoxLayout()
        held_title = QLabel(self.tr("Ditahan di loket ini"), page)
        self._size(held_title, 1, True)
        held_row.addWidget(held_title, 1)
        self.resume_button = QPushButton(self.tr("Lanjutkan"), page)
        self.resume_button.clicked.connect(self._on_resume)
        held_row.addWidget(self.resume_button)
        right.addLayout(held_row)
        self.held = QListWidget(page)
        self.held.itemSelectionChanged.connect(self._update_buttons)
        self.held.itemDoubleClicked.connect(lambda _item: self._on_resume())
        right.addWidget(self.held)
        self.resume_why = QLabel("", page)
        self.resume_why.setWordWrap(True)
        self.resume_why.setStyleSheet(WHY_STYLE)
        right.addWidget(self.resume_why)
        self.history_title = QLabel(self.tr("Riwayat kunjungan"), page)
        self._size(self.history_title, 1, True)
        right.addWidget(self.history_title)
        self.history = self._table([self.tr("Waktu"), self.tr("Kejadian"), self.tr("Tempat"),
                                    self.tr("Petugas")])
        right.addWidget(self.history, 1)
        self._history_end = QTimer(self)
        self._history_end.setSingleShot(True)
        self._history_end.setInterval(0)
        self._history_end.timeout.connect(self._on_history_end)
        self._page = page
        self._scale()
        return page

    # --- sizes ------------------------------------------------------------------------

    def _size(self, widget: QWidget, delta: int, bold: bool = False, *,
              times: float = 1.0) -> None:
        """Keep ``widget``'s type at ``times`` the base plus ``delta`` points, bold or not,
        through every rescaling (a rule of the page's style sheet, see :meth:`_scale`)."""
        widget.setProperty("loketSize", self._size_name(delta, bold, times))

    def _size_name(self, delta: int, bold: bool = False, times: float = 1.0) -> str:
        """The name of a size in the page's style sheet (registered for :meth:`_scale`)."""
        name = f"{'b' if bold else 'n'}{delta + 50}x{round(times * 10)}"
        self._sizes[name] = (delta, bold, times)
        return name

    def _font(self, delta: int = 0, bold: bool = False, times: float = 1.0) -> QFont:
        """The font of a size of :meth:`_size` at the base in use."""
        font = QFont(self.font())
        font.setPointSize(max(6, round(self._base * times) + delta))
        font.setBold(bold)
        return font

    def _mark_panel_sizes(self) -> None:
        """A work panel's own bigger or smaller type (a heading, a total) stays that many
        points above or below the base when the console rescales."""
        normal = QApplication.font().pointSize()
        for widget in self.work_panel.findChildren(QWidget):
            font = widget.font()
            if font.resolveMask() & SIZE_RESOLVED and (
                    plus := font.pointSize() - normal):
                widget.setProperty("loketPlus", plus)
                self._panel_pluses.add(plus)

    def _scale(self) -> None:
        """Type and proportions from the window's height and width: one base point size
        (:func:`base_point_size`) that every label, button, list and work panel follows
        (a style sheet on the page, so that styled widgets follow it too), the number
        :data:`TICKET_SCALE` times it; the side column a share of the width."""
        room = self._room()
        base = base_point_size(room.height())
        if base != self._base:
            self._base = base
            rules = [f"QWidget {{ font-size: {base}pt; }}"]
            for plus in sorted(self._panel_pluses):
                rules.append(f'*[loketPlus="{plus}"] {{ font-size: {max(6, base + plus)}pt; }}')
            for name, (delta, bold, times) in self._sizes.items():
                font = self._font(delta, bold, times)
                rules.append(f'*[loketSize="{name}"] {{ font-size: {font.pointSize()}pt; '
                             f'font-weight: {"bold" if bold else "normal"}; }}')
            self._page.setStyleSheet("\n".join(rules))
            normal = QFontMetrics(self._font())
            line = normal.height()
            self.ticket_label.setMinimumWidth(
                QFontMetrics(self._font(0, True, TICKET_SCALE)).horizontalAdvance("B-000") + 12)
            big = QFontMetrics(self._font(PRIMARY_DELTA, True))
            width = max(big.horizontalAdvance(text) for name in PRIMARY.values()
                        for text in self.buttons[name].text().splitlines()) + 32
            for name in PRIMARY.values():
                self.buttons[name].setMinimumSize(width, int(big.height() * 3.2))
            for name in SECONDARY:
                self.buttons[name].setMinimumHeight(int(line * 1.3) + 10)
            for table in (self.waiting, self.history):
                table.verticalHeader().setMinimumSectionSize(line + 8)
            self.held.setMaximumHeight(line * 4 + 12)
            self.banner.setMinimumHeight(QFontMetrics(self._font(1, True)).height() + 12)
            for box in self.checkboxes.values():
                self._style_checkbox(box)
            self._checklist_room = (0, 0)  # placed again for the new type
        for sign_in in (getattr(self, "login", None), getattr(self, "locked", None)):
            if sign_in is not None:  # the same room, the same type
                sign_in.scale(room.height())
        if (room.width() < COMPACT_WIDTH) != self._compact:
            self._set_compact(not self._compact)
        if not self._compact:
            self.side.setFixedWidth(max(340, min(620, int(self.width() * SIDE_SHARE))))
        self._place_secondary()
        # compact, in a tile that scrolls it: as tall as its wrapped lines need at this
        # width (a window's least size ignores them, and the number's box was squeezed)
        layout = self._page.layout()
        self._page.setMinimumHeight(
            layout.heightForWidth(self._page.width())
            if layout is not None and self._compact and layout.hasHeightForWidth() else 0)
        self._place_checklist()

    def _room(self) -> QSize:
        """The room the console has: its own size, or in another window (a tile of the
        demo's screen that scrolls it) that window's, so that its type and layout follow
        the room and not the size its own type makes it."""
        top = self.window()
        return top.size() if top is not self else self.size()

    def _set_compact(self, compact: bool) -> None:
        """A narrow window (under :data:`COMPACT_WIDTH`): the lists under the work and
        the next action under the service beside the number, so nothing scrolls
        sideways; else beside them."""
        self._compact = compact
        self._body.setDirection(QHBoxLayout.Direction.TopToBottom if compact
                                else QHBoxLayout.Direction.LeftToRight)
        if compact:
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16_777_215)  # QWIDGETSIZE_MAX: the whole width
        self._ticket_grid.removeItem(self._primary)
        if compact:  # under the service and times, beside the number
            self._ticket_grid.addLayout(self._primary, 6, 1)
        else:
            self._ticket_grid.addLayout(self._primary, 0, 2, 7, 1)

    def _side_room(self) -> int:
        """The width the lists take beside the work (none when they are under it)."""
        return 0 if self._compact else self.side.width()

    def _place_secondary(self) -> None:
        """The secondary actions in as few rows as fit beside the side column."""
        room = self.width() - self._side_room() - 40
        widths = [self.buttons[name].sizeHint().width() + 6 for name in SECONDARY]
        columns = len(widths)
        while columns > 1 and max(sum(widths[i:i + columns])
                                  for i in range(0, len(widths), columns)) > room:
            columns -= 1
        if columns == self._secondary_columns:
            return
        self._secondary_columns = columns
        for name in SECONDARY:
            self.secondary.removeWidget(self.buttons[name])
        for i, name in enumerate(SECONDARY):
            self.secondary.addWidget(self.buttons[name], i // columns, i % columns)

    def _place_checklist(self) -> None:
        """The requirements in as many columns as fit the width beside the lists (read
        down, then across), a text too long for the width on more lines; at most a
        quarter of the window's height, the rest scrolled."""
        boxes = list(self.checkboxes.values())
        room = self.width() - self._side_room() - 100  # margins, frame, scroll bar
        if not boxes or (room, self.height()) == self._checklist_room:
            return
        self._checklist_room = (room, self.height())
        metrics = QFontMetrics(self._font(1))
        indicator = metrics.height() + 16
        widths = [metrics.horizontalAdvance(str(box.property("requirement"))) + indicator
                  for box in boxes]
        columns = 1
        for n in (3, 2):
            rows = -(-len(boxes) // n)
            if rows > 1 and sum(max(widths[c * rows:(c + 1) * rows], default=0)
                                for c in range(n)) + 24 * (n - 1) <= room:
                columns = n
                break
        rows = -(-len(boxes) // columns)
        for box in boxes:
            self.checklist_layout.removeWidget(box)
        for n, box in enumerate(boxes):
            text = str(box.property("requirement"))
            box.setText(_wrapped(text, metrics, room - indicator) if columns == 1 else text)
            self.checklist_layout.addWidget(box, n % rows, n // rows)
        for box in boxes:
            box.ensurePolished()  # the page's type (its style sheet) before measuring
        self.checklist_layout.invalidate()
        content = self.checklist_layout.sizeHint().height()
        cap = self.height() // 4
        self.checklist_scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if content > cap
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklist_scroll.setFixedHeight(min(content + 2, cap))

    def _style_checkbox(self, box: QCheckBox) -> None:
        box.setProperty("loketSize", self._checkbox_size)
        side = QFontMetrics(self._font(1)).height()
        box.setStyleSheet(f"QCheckBox{{padding:2px;}} QCheckBox::indicator"
                          f"{{width:{side}px;height:{side}px;}}")

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if hasattr(self, "_page"):
            self._scale()

    def setVisible(self, visible: bool) -> None:
        """Scaled for the size it was given while hidden before it is shown: a window is
        never shown at least as large as a layout meant for another size."""
        if visible and hasattr(self, "_page"):
            self._scale()
        super().setVisible(visible)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        # rows as tall as their text: a long name wraps onto a second line, never cut
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # rows differ
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    # --- messages -----------------------------------------------------------------------

    def _show(self, kind: str, text: str) -> None:
        self.banner_kind = kind
        self.banner.setText(text)
        self.banner.setStyleSheet(BANNER_STYLES.get(kind, "") if text else "")

    def _error(self, exc: Exception) -> None:
        if isinstance(exc, LoketError):
            self._show("error", exc.message())
        else:
            log.exception("counter action failed")
            self._show("error", self.tr("Terjadi kesalahan: {error}").format(error=exc))

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Konfirmasi"), text)
        return answer == QMessageBox.StandardButton.Yes

    def unsaved_box(self, text: str) -> QMessageBox:
        """The question asked when typed input is not saved (built apart, so a screenshot
        can show it): save it and go on, discard it and go on, or go back to the form."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Isian belum disimpan"), text,
                          QMessageBox.StandardButton.NoButton, self)
        save = box.addButton(self.tr("Simpan, lalu lanjutkan"),
                             QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Buang isian"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Kembali mengisi"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(stay)
        for button, answer in ((save, SAVE), (discard, DISCARD), (stay, STAY)):
            button.setProperty("answer", answer)
        return box

    def _ask_unsaved(self, text: str) -> str:
        box = self.unsaved_box(text)
        box.exec()
        clicked = box.clickedButton()
        return str(clicked.property("answer")) if clicked is not None else STAY

    def _stage_name(self, code: str | None) -> str:
        """A stage as people call it (its catalog name), never its code."""
        return next((st.name for st in self.info.all_stages if st.code == code), code or "")

    def _counter_name(self, code: str | None) -> str:
        if code == self.counter_code:
            return self.info.counter_name
        return next((c.name for c in self.info.counters if c.code == code), code or "")

    def _counter_place(self, code: str) -> str:
        """A counter in the history's narrow column: "Loket 2", else its name."""
        if code == self.counter_code:
            number = self.info.display_number
        else:
            number = next((c.number for c in self.info.counters if c.code == code), 0)
        return self.tr("Loket {n}").format(n=number) if number else self._counter_name(code)

    def _ask_supervisor(self, text: str) -> tuple[str, str, str] | None:
        dialog = SupervisorDialog(text, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_approval(self, text: str) -> tuple[str, str] | None:
        dialog = SupervisorDialog(text, self, with_reason=False)
        return dialog.values()[:2] if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _may(self, act: Act) -> bool:
        return self.user is not None and role_may(self.user.role, act)

    def _countersign(self, act: Act, question: str) -> cs.Actor | None:
        """A supervisor signs for ``act`` at this counter (a panel asks: reconciling the
        valuables, deactivating an NPWPD); a refusal is shown and nothing is done."""
        answer = self.authorize(question)
        if answer is None:
            return None
        try:
            return self.station.countersign(*answer, act)
        except LoketError as exc:
            self._show("error", exc.message())
            return None

    def _ask_transfer(self) -> TransferTarget | None:
        dialog = TransferDialog(self.info, self)
        return dialog.target() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- typed but unsaved input ----------------------------------------------------------

    def _on_panel_message(self, kind: str, text: str) -> None:
        if self._collected is not None:
            self._collected.append((kind, text))
        self._show(kind, text)

    def _dirty_panels(self) -> list[tuple[Panel, str]]:
        return [(panel, text) for panel in self.panels if (text := panel.unsaved())]

    def _unsaved_listing(self, dirty: list[tuple[Panel, str]]) -> str:
        return "\n".join(f"• {panel.title()} — {text}" for panel, text in dirty)

    def _show_panel(self, panel: Panel) -> None:
        for i in range(self.panel_tabs.count()):
            scroll = self.panel_tabs.widget(i)
            if isinstance(scroll, QScrollArea) and scroll.widget() is panel:
                self.panel_tabs.setCurrentIndex(i)

    def _settle_unsaved(self, action: str, *, ask: bool, verb: str | None = None
                        ) -> Settled | None:
        """Deal with typed input before ``action`` (its name, for the messages; ``verb``
        for the question, "Simpan dulu, lalu <verb>?", by default the name).

        Without ``ask`` the input is saved, each panel through its own save path; with
        ``ask`` the officer chooses: save, discard (done only once the action happened)
        or keep editing. None when the action must not happen: the officer kept editing,
        or a save was refused; then the banner says what is missing and every typed
        character is still in its field."""
        dirty = self._dirty_panels()
        if not dirty:
            return Settled([], [])
        if ask:
            head = (self.tr("Nomor {ticket}: ada isian yang belum disimpan:").format(
                ticket=self.current.ticket) if self.current
                else self.tr("Ada isian yang belum disimpan:"))
            answer = self.ask_unsaved(self.tr("{head}\n{listing}\n\nSimpan dulu, lalu {action}?")
                                      .format(head=head, listing=self._unsaved_listing(dirty),
                                              action=verb or action.lower()))
            if answer == DISCARD:
                return Settled([panel for panel, _text in dirty], [])
            if answer != SAVE:
                self._show("warn", self.tr(
                    "{action} belum dilakukan: isian belum disimpan, masih di layar "
                    "({listing}).").format(action=action, listing="; ".join(
                        f"{panel.title()} — {text}" for panel, text in dirty)))
                self._show_panel(dirty[0][0])
                return None
        self._collected = []
        try:
            for panel, _text in dirty:
                if not panel.save_unsaved():
                    said = [text for kind, text in self._collected if kind == "error"]
                    self._show("error", self.tr("{action} belum dilakukan. {reason}").format(
                        action=action, reason=said[-1] if said else self.tr(
                            "Isian {panel} belum bisa disimpan.").format(panel=panel.title())))
                    self._show_panel(panel)
                    return None
            return Settled([], list(self._collected))
        finally:
            self._collected = None

    def _guarded(self, action: str, run: Callable[[], Any], *, ask: bool = True,
                 verb: str | None = None) -> Any:
        """Run ``run`` (an action that changes the visit in front of the officer) once the
        typed input is settled; discard what the officer chose to discard only when it
        happened (a refusal leaves the input in place); add what the saves said."""
        settled = self._settle_unsaved(action, ask=ask, verb=verb)
        if settled is None:
            return None
        self._saved_notes = settled.notes
        self._dropping = settled.discard
        try:
            result = run()
        finally:
            self._dropping = []
        if result is None:
            return None
        for panel in settled.discard:
            panel.discard_unsaved()
        self._add_saved_notes()
        return result

    def _add_saved_notes(self) -> None:
        """Add to the banner what the panels said while saving before the last action
        (a cek fisik recorded as not matching stays visible after the visit moved on)."""
        notes = self._saved_notes
        if notes:
            kind = "warn" if any(k == "error" for k, _t in notes) else "info"
            said = [t for _k, t in notes if t not in self.banner.text()]
            self._show(kind, " ".join([self.banner.text(), *said]))

    # --- log-in -------------------------------------------------------------------------

    def _on_login(self, username: str, password: str) -> None:
        """An officer of this office (or of none) signs in; a refusal, an officer of another
        office included, is said on the page and audited by the service."""
        try:
            user = self.station.sign_in(username, password)
        except LoketError as exc:
            self.login.refused(exc.message())
            return
        except Exception as exc:
            log.exception("log-in failed")
            self.login.refused(self.tr("Terjadi kesalahan: {error}").format(error=exc))
            return
        self._sign_in(user)

    def _sign_in(self, user: cs.UserInfo) -> None:
        self.user = user
        self.actor = cs.Actor(user.username, user.id)
        self.login.password.clear()
        self.login.message.clear()
        self.officer_label.setText(self.tr("Petugas: {name}").format(
            name=user.full_name or user.username))
        self.pages.setCurrentWidget(self.main)
        self._set_shortcuts(True)
        self._show("info", self.tr("Selamat bekerja, {name}.").format(
            name=user.full_name or user.username))
        self._run(lambda: self.station.set_open(True, self._actor()))
        self._ticker.start(TICK_MS)
        self._heartbeat.start(HEARTBEAT_MS)
        self.idle.start()
        self.refresh()

    def _on_logout(self) -> None:
        self._log_out(ask=True)

    def _log_out(self, *, ask: bool) -> bool:
        """Log out: typed input is saved or explicitly discarded first (the next officer
        must not find it, nor lose it unasked); kept editing, the log-out is refused.
        Without ``ask`` (another officer at the lock screen) the input is saved."""
        result = self._guarded(self.tr("Keluar"), lambda: self._run(
            lambda: self.station.set_open(False, self._actor())), ask=ask)
        if result is None:
            return False  # input kept, or still serving someone: the banner says so
        self.idle.stop()
        self.actor = self.user = None
        self._ticker.stop()
        self._heartbeat.stop()
        self._set_shortcuts(False)
        self.pages.setCurrentWidget(self.login)
        self.login.username.setFocus()
        return True

    def lock(self) -> None:
        """Cover the console: shortcuts off, the panels, the counter and the timers as they
        are (the counter stays open and keeps its heartbeat)."""
        if self.user is None:
            return
        self.idle.stop()
        self._set_shortcuts(False)
        self.locked.reset(self.user.username)
        self.pages.setCurrentWidget(self.locked)

    def _on_unlock(self, username: str, password: str) -> None:
        """The same officer: back to the console as it was. Another officer: the first is
        logged out (typed input saved, or the log-out refused and the lock stays)."""
        try:
            user = self.station.sign_in(username, password, now=self.clock())
        except LoketError as exc:
            self.locked.refused(exc.message())
            return
        if self.user is not None and user.id == self.user.id:
            self.pages.setCurrentWidget(self.main)
            self._set_shortcuts(True)
            self.idle.start()
            return
        if not self._log_out(ask=False):
            self.pages.setCurrentWidget(self.locked)
            self.locked.refused(self.banner.text())
            return
        self._sign_in(user)

    def _actor(self) -> cs.Actor:
        assert self.actor is not None, "no officer signed in"
        return self.actor

    def _set_shortcuts(self, on: bool) -> None:
        for shortcut in self.shortcuts.values():
            shortcut.setEnabled(on)

    # --- running actions ------------------------------------------------------------------

    def _run(self, action: Callable[[], Any], done: str | None = None) -> Any:
        """Run ``action()`` (a call of the station); show a refusal in the banner; refresh.
        None when refused."""
        try:
            result = action()
        except Exception as exc:
            self._error(exc)
            self.refresh()
            return None
        if done:
            self._show("info", done)
        self.refresh()
        return True if result is None else result

    def _ticket(self) -> str:
        return self.current.ticket if self.current else ""

    def _on_shortcut(self, name: str) -> None:
        button = self.buttons[name]
        if button.isEnabled() or self.current is None:
            getattr(self, f"_on_{name}")()  # idle: the engine's refusal says why
        else:
            self._show("warn", self.tr("{action} belum bisa dilakukan: nomor {ticket} {status}.")
                       .format(action=self.tr(self.ACTIONS[name][0]), ticket=self._ticket(),
                               status=self._status_text(self.current.status).lower()))

    def _on_call(self) -> None:
        """Call next: the next visitor's forms start empty, so input typed meanwhile is
        saved or discarded first (asked)."""
        result = self._guarded(self.tr("Panggil berikutnya"), lambda: self._run(
            lambda: self.station.call_next(self._actor())))
        if result is True:  # None from the engine: nobody waiting
            self._show("warn", self.tr("Tidak ada yang menunggu."))
        elif result is not None:
            self._show("info", self.tr("Memanggil {ticket}.").format(ticket=result.ticket))

    def _on_recall(self) -> None:
        result = self._run(lambda: self.station.recall(self._actor()))
        if result is not None:
            if result.status == "no_show":
                self._show("warn", self.tr("{ticket} tidak hadir setelah {n} kali panggilan.")
                           .format(ticket=result.ticket, n=result.recalls))
            else:
                self._show("info", self.tr("Memanggil ulang {ticket} ({n}).").format(
                    ticket=result.ticket, n=result.recalls))

    def _on_start(self) -> None:
        self._run(lambda: self.station.start(self._actor()),
                  self.tr("Melayani {ticket}.").format(ticket=self._ticket()))

    def _closing_question(self, question: str) -> tuple[str, list[Panel]]:
        """``question`` for an action that closes the number (no-show, cancel), naming the
        typed input that goes with it; and the panels to clear once it happened."""
        dirty = self._dirty_panels()
        if dirty:
            question += "\n\n" + self.tr("Isian yang belum disimpan ikut dibuang:\n{listing}") \
                .format(listing=self._unsaved_listing(dirty))
        return question, [panel for panel, _text in dirty]

    def _close_number(self, question: str, run: Callable[[], Any]) -> None:
        text, dirty = self._closing_question(question)
        if self.current and not self.confirm(text):
            return
        self._dropping = dirty
        try:
            result = run()
        finally:
            self._dropping = []
        if result is not None:
            for panel in dirty:
                panel.discard_unsaved()

    def _on_skip(self) -> None:
        """No-show: the number is closed; the confirmation names the typed input it drops."""
        ticket = self._ticket()
        self._close_number(
            self.tr("Tandai {ticket} tidak hadir? Nomor ini ditutup.").format(ticket=ticket),
            lambda: self._run(lambda: self.station.skip(self._actor()),
                              self.tr("{ticket} ditandai tidak hadir.").format(ticket=ticket)))

    def _on_hold(self) -> None:
        """Hold: the visitor steps away and the forms empty, so the officer is asked
        whether to save what was typed (the usual answer) or discard it."""
        ticket = self._ticket()
        self._guarded(self.tr("Tahan"), lambda: self._run(
            lambda: self.station.hold(self._actor()),
            self.tr("{ticket} ditahan; lanjutkan dari daftar Ditahan.").format(ticket=ticket)))

    def _on_resume(self) -> None:
        item = self.held.currentItem() or (self.held.item(0) if self.held.count() == 1
                                           else None)
        if item is None:
            self._show("warn", self.tr("Pilih nomor yang ditahan untuk dilanjutkan."))
            return
        ticket = item.data(Qt.ItemDataRole.UserRole)
        self._guarded(self.tr("Lanjutkan"), lambda: self._run(
            lambda: self.station.resume(ticket, self._actor()),
            self.tr("Melanjutkan {ticket}.").format(ticket=ticket)))

    def _on_transfer(self) -> None:
        """Transfer: asked first whether to save the typed input (it is this stage's work,
        e.g. cek fisik numbers before sending the visitor on) or discard it (a visit sent
        back to the loket that registers it), then where to."""
        if self.current is None:
            self._show("error", LoketError("queue.counter_idle",
                                           counter=self.counter_code).message())
            return
        ticket = self._ticket()

        def transfer() -> Any:
            target = self.choose_transfer()
            if target is None:
                return None
            where = (self._counter_name(target.counter) if target.counter
                     else self._stage_name(target.stage))
            return self._run(
                lambda: self.station.transfer(self._actor(), to_stage=target.stage,
                                              to_counter=target.counter),
                self.tr("{ticket} dialihkan ke {target}.").format(ticket=ticket,
                                                                  target=where))
        self._guarded(self.tr("Alihkan"), transfer)

    def _on_return(self) -> None:
        """Return to the queue: asked, like hold (the visit leaves the screen)."""
        ticket = self._ticket()
        self._guarded(self.tr("Kembalikan ke antrean"), lambda: self._run(
            lambda: self.station.return_to_queue(self._actor()),
            self.tr("{ticket} dikembalikan ke antrean.").format(ticket=ticket)))

    def _on_finish(self) -> None:
        """Selesai (F9): what was typed is this stage's work, so it is saved without a
        question (cek fisik numbers recorded, then the visit goes on); if it cannot be
        saved the visit stays and the banner says what is missing."""
        result = self._guarded(self.tr("Selesai"), lambda: self._run(
            lambda: self.station.finish(self._actor())),
            ask=False)
        if result is not None:
            if result.next_stage:
                self._show("info", self.tr("{ticket} selesai di sini, lanjut ke {stage}.")
                           .format(ticket=result.ticket,
                                   stage=self._stage_name(result.next_stage)))
            else:
                self._show("info", self.tr("{ticket} selesai dilayani.").format(
                    ticket=result.ticket))
            self._add_saved_notes()

    def _on_cancel(self) -> None:
        """Cancel: the number is closed; the confirmation names the typed input it drops.
        An unpaid STNK bill needs a supervisor at the counter (name, password, reason)."""
        ticket = self._ticket()
        try:
            needs = self.station.cancel_needs_supervisor()
        except Exception as exc:
            self._error(exc)
            return
        if needs:
            question, dirty = self._closing_question(self.tr(
                "Tagihan {ticket} belum dibayar. Pembatalan perlu persetujuan supervisor; "
                "nomor ini ditutup.").format(ticket=ticket))
            answer = self.authorize_cancel(question)
            if answer is None:
                return
            user, password, reason = answer
            result = self._run(
                lambda: self.station.cancel_by_supervisor(
                    self._actor(), supervisor=(user, password), reason=reason),
                self.tr("{ticket} dibatalkan oleh supervisor {name}: {reason}").format(
                    ticket=ticket, name=user, reason=reason))
            if result is not None:
                for panel in dirty:
                    panel.discard_unsaved()
            return
        self._close_number(
            self.tr("Batalkan layanan {ticket}? Nomor ini ditutup.").format(ticket=ticket),
            lambda: self._run(lambda: self.station.cancel(self._actor()),
                              self.tr("{ticket} dibatalkan.").format(ticket=ticket)))

    def _on_incomplete(self) -> None:
        """Berkas tidak lengkap: asked first about typed input: saving it (cek fisik
        numbers) or discarding it (a registration that cannot be completed) are both
        usual here; then the closing itself is confirmed."""
        self._guarded(self.tr("Berkas tidak lengkap"), self._close_incomplete,
                      verb=self.tr("tutup sebagai berkas tidak lengkap"))

    def _close_incomplete(self) -> Any:
        current = self.current
        if current is None or not current.requirements:
            if current and not self.confirm(self.tr(
                    "Tutup {ticket} sebagai berkas tidak lengkap?").format(ticket=current.ticket)):
                return None
            return self._run(lambda: self.station.close_incomplete(self._actor()),
                             self.tr("{ticket} ditutup: berkas tidak lengkap.").format(
                                 ticket=self._ticket()))
        missing = [r.text for r in current.requirements if not r.checked]
        listing = "\n".join(f"• {text}" for text in missing) or self.tr("(semua dicentang)")
        if not self.confirm(self.tr(
                "Berkas {ticket} tidak lengkap. Yang belum ada:\n{missing}\n\n"
                "Nomor ini ditutup dan slip kekurangan berkas dicetak. Lanjutkan?").format(
                    ticket=current.ticket, missing=listing)):
            return None
        result = self._run(lambda: self.station.finish_incomplete(
            self._actor(), folder=self.slip_folder))
        if not isinstance(result, cs.SlipResult):
            return None
        self.last_slip = result
        if result.printed_to:
            self._show("info", self.tr("{ticket} ditutup: berkas tidak lengkap. Slip dicetak.")
                       .format(ticket=result.ticket))
        else:
            text = self.tr("{ticket} ditutup: berkas tidak lengkap. Slip disimpan: {path}")
            if result.print_error:
                text = self.tr("Printer gagal ({error}). ").format(
                    error=result.print_error) + text
            self._show("warn" if result.print_error else "info",
                       text.format(ticket=result.ticket, path=result.path))
        return result

    def _on_requirement(self, code: str, checked: bool) -> None:
        if self.current is None:
            return
        visit_id = self.current.visit_id
        self._run(lambda: self.station.set_requirement(visit_id, code, checked,
                                                       self._actor()))

    # --- live events, timers ----------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        if self.actor is not None and str(getattr(event, "kind", "")).startswith(
                ("ticket.", "counter.", "day.")):
            self._refresh_soon.start()  # a burst of events: one refresh

    def _on_refresh_due(self) -> None:
        self.refresh()

    def _on_tick(self) -> None:
        self._update_times()

    def _on_heartbeat(self) -> None:
        try:
            self.station.heartbeat()
        except Exception:
            log.warning("heartbeat failed", exc_info=True)

    # --- showing the state ------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the counter's state (one read-only unit of work of the station) and show it."""
        if self.actor is None:
            return
        now = self.clock()
        try:
            state = self.station.state(self.history_visit_id)
        except Exception as exc:
            self._error(exc)
            return
        self.history_visit_id = state.history_visit_id
        self.current = current = state.current
        self.stage_since = current.stage_since if current else None
        self._show_current(current)
        self._bind_panels(current)
        self._show_waiting(state.waiting, now)
        self._show_held(state.held)
        self._show_history(state.history)
        self._update_buttons()

    def _on_panel_document(self, number: str, pdf: bytes) -> None:
        self._on_panel_documents([(number, pdf)])

    def _on_panel_documents(self, documents: list) -> None:
        """Keep what a panel issued as PDF files in the station's documents folder (they
        are in the database too) and say where, for the officer to print or send."""
        folder = (self.slip_folder or cs.default_slip_folder()).parent / "documents"
        try:
            paths = [cs.save_pdf(folder, str(title), pdf) for title, pdf in documents]
        except OSError as exc:
            self._show("error", self.tr("Dokumen tidak bisa disimpan: {error}").format(
                error=exc))
            return
        self.last_documents = paths
        self._show("info", self.tr("Dokumen disimpan: {files}").format(
            files=", ".join(str(p) for p in paths)))

    def _bind_panels(self, current: cs.CurrentVisit | None) -> None:
        """Tell the work panels which visit is in front of the officer, when it changes.

        The officer's own actions settle typed input first; when the visit is moved from
        elsewhere (a supervisor takes it back) the input is still on screen until now:
        say what it was, so it is never lost without a word."""
        key = (current.visit_id, current.ticket) if current else (None, None)
        if key == self._panel_visit:
            return
        lost = [(panel, text) for panel, text in self._dirty_panels()
                if panel not in self._dropping]
        previous = self._panel_visit[1]
        self._panel_visit = key
        for panel in self.panels:
            panel.set_visit(*key)
        still = {panel for panel, _text in self._dirty_panels()}
        lost = [(panel, text) for panel, text in lost if panel not in still]
        if lost and previous:
            self._show("warn", self.tr(
                "Nomor {ticket} dipindahkan dari loket ini; isian yang belum disimpan "
                "tidak bisa dipakai lagi: {listing}").format(
                    ticket=previous, listing="; ".join(
                        f"{panel.title()} — {text}" for panel, text in lost)))

    def _status_text(self, status: str) -> str:
        return {"called": self.tr("Dipanggil, menunggu pengunjung datang"),
                "serving": self.tr("Sedang dilayani")}.get(status, status)

    def _priority_text(self, reason: str | None) -> str:
        return {"lansia": self.tr("Lansia"), "disabilitas": self.tr("Disabilitas"),
                "hamil": self.tr("Ibu hamil"), "anak": self.tr("Anak")}.get(reason or "",
                                                                             reason or "")

    def _show_current(self, current: cs.CurrentVisit | None) -> None:
        if current is None:
            self.ticket_label.setText("—")
            self.ticket_label.setStyleSheet("color:#bbbbbb;")
            self.service_label.setText(self.tr("Tidak ada nomor yang sedang dilayani"))
            self.stage_label.setText(self.tr("Tekan F1 untuk memanggil nomor berikutnya."))
            self.status_label.setText("")
            self.priority_label.hide()
            self.stage_time_label.setText("")
            self.waited_label.setText("")
            self.sla_label.setText("")
            self._show_checklist(None)
            return
        self.ticket_label.setText(current.ticket)
        self.ticket_label.setStyleSheet("")
        self.service_label.setText(current.service_name)
        self.stage_label.setText(self.tr("Tahap: {stage}").format(stage=current.stage_name))
        status = self._status_text(current.status)
        if current.recalls:
            status += self.tr(" (dipanggil ulang {n}×)").format(n=current.recalls)
        self.status_label.setText(status)
        if current.priority:
            self.priority_label.setText(self.tr("PRIORITAS: {reason}").format(
                reason=self._priority_text(current.priority)))
            self.priority_label.show()
        else:
            self.priority_label.hide()
        self._update_times()
        self._show_checklist(current)

    def _update_times(self) -> None:
        current = self.current
        if current is None:
            return
        now = self.clock()
        since = self.stage_since
        self.stage_time_label.setText(self.tr("Di tahap ini: {time}").format(
            time=_duration((now - since).total_seconds())) if since else "")
        self.waited_label.setText(self.tr("Sejak ambil nomor: {time}").format(
            time=_duration((now - current.issued_at).total_seconds())))
        state = deadline.sla_state(current.due_at, current.issued_at, now,
                                   self.info.warn_ratio)
        if current.due_at is None:
            text = self.tr("Tanpa waktu standar")
        elif state == "over":
            text = self.tr("Lewat waktu standar {time}").format(
                time=_duration((now - current.due_at).total_seconds()))
        else:
            text = self.tr("Sisa waktu standar {time}").format(
                time=_duration((current.due_at - now).total_seconds()))
        self.sla_state = state
        self.sla_label.setText(text)
        self.sla_label.setStyleSheet(f"color:{SLA_COLOURS.get(state, '#555555')};")

    def _show_checklist(self, current: cs.CurrentVisit | None) -> None:
        codes = [r.code for r in current.requirements] if current and current.checklist else []
        if list(self.checkboxes) != codes:
            for box in self.checkboxes.values():
                self.checklist_layout.removeWidget(box)
                box.hide()  # at once: deleted only when the event loop comes round
                box.deleteLater()
            self.checkboxes = {}
            reqs = current.requirements if current and current.checklist else ()
            for req in reqs:
                box = QCheckBox(req.text, self.checklist_inner)
                box.setProperty("requirement", req.text)  # the text before any wrapping
                self._style_checkbox(box)
                box.toggled.connect(lambda on, c=req.code: self._on_requirement(c, on))
                self.checkboxes[req.code] = box
            self._checklist_room = (0, 0)
            self._place_checklist()
        if current is None or not current.checklist:
            self.checklist_box.hide()
            return
        for req in current.requirements:
            box = self.checkboxes[req.code]
            box.blockSignals(True)
            box.setChecked(req.checked)
            box.blockSignals(False)
            box.setToolTip(self.tr("Dicentang oleh {who}, {at}").format(
                who=req.by, at=f"{local(req.at, self.info.zone):%H:%M:%S}")
                if req.checked and req.at else "")
        self.checklist_box.show()

    def _show_waiting(self, rows: Sequence[cs.QueueEntry], now: datetime) -> None:
        self.waiting_title.setText(self.tr("Antrean menunggu ({n})").format(n=len(rows)))
        self.waiting.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row.ticket, row.service_name, self._stage_name(row.stage_code),
                      _duration((now - row.issued_at).total_seconds()),
                      self._priority_text(row.priority) + (
                          self.tr(" (untuk loket ini)") if row.targeted else "")]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if row.priority:
                    item.setForeground(Qt.GlobalColor.darkMagenta)
                self.waiting.setItem(r, c, item)
        # the stage only at a counter of several, the priority only when someone has one
        self.waiting.setColumnHidden(2, len(self.info.stages) < 2)
        self.waiting.setColumnHidden(4, not any(row.priority or row.targeted for row in rows))

    def _show_held(self, rows: Sequence[cs.QueueEntry]) -> None:
        selected = self.held.currentItem().data(Qt.ItemDataRole.UserRole) \
            if self.held.currentItem() else None
        self.held.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.ticket} — {row.service_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.ticket)
            self.held.addItem(item)
            if row.ticket == selected:
                self.held.setCurrentItem(item)

    def _action_text(self, entry: cs.HistoryEntry) -> str:
        names = {
            "issued": self.tr("Ambil nomor"), "called": self.tr("Dipanggil"),
            "recalled": self.tr("Dipanggil ulang"), "started": self.tr("Mulai dilayani"),
            "held": self.tr("Ditahan"), "resumed": self.tr("Dilanjutkan"),
            "transferred": self.tr("Dialihkan"), "transferred.out": self.tr("Keluar (dialihkan)"),
            "finished.out": self.tr("Selesai di tahap"), "finished": self.tr("Masuk tahap"),
            "completed": self.tr("Selesai"), "incomplete": self.tr("Berkas tidak lengkap"),
            "cancelled": self.tr("Dibatalkan"), "no_show": self.tr("Tidak hadir"),
            "returned": self.tr("Kembali ke antrean"), "priority": self.tr("Prioritas"),
            "taken_back": self.tr("Ditarik supervisor"), "taken_over": self.tr("Diambil alih"),
            "recovered": self.tr("Dipulihkan"), "not_served": self.tr("Tidak terlayani"),
        }
        text = names.get(entry.action, entry.action)
        data = entry.data
        if entry.action == "requirements":
            text = (self.tr("Centang: {code}") if data.get("ticked")
                    else self.tr("Hapus centang: {code}")).format(
                        code=data.get("requirement_text") or data.get("requirement"))
        elif entry.action in ("finished", "transferred") and entry.stage:
            text += f" → {entry.stage_name or self._stage_name(entry.stage)}"
        elif entry.action == "finished.out" and entry.stage:
            text += f" {entry.stage_name or self._stage_name(entry.stage)}"
        return text

    def _show_history(self, rows: Sequence[cs.HistoryEntry]) -> None:
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [f"{row.local_at:%H:%M:%S}", self._action_text(row),
                      self._counter_place(row.counter) if row.counter else "", row.user_name]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.note:
                    item.setToolTip(row.note)
                self.history.setItem(r, c, item)
        self.history.scrollToBottom()
        self._history_end.start()  # again once the columns and wrapped rows have settled

    def _on_history_end(self) -> None:
        """The latest event in view, once the wrapped rows have their heights."""
        self.history.resizeRowsToContents()
        self.history.scrollToBottom()

    def _update_buttons(self) -> None:
        status = self.current.status if self.current else None
        called, serving = status == "called", status == "serving"
        enabled = {
            "call": status is None, "recall": called, "start": called, "skip": called,
            "hold": called or serving, "transfer": called or serving,
            "return": called or serving, "finish": serving, "cancel": called or serving,
            "incomplete": serving,
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(on)
        primary = PRIMARY.get(status, "call")
        for name in PRIMARY.values():  # one next action, big, at a time
            self.buttons[name].setVisible(name == primary)
        reasons = self._queue_reasons(status)
        self.buttons_why.setText("\n".join(reasons))
        self.buttons_why.setVisible(bool(reasons))
        # one line each, never squeezed by a long work panel below
        self.buttons_why.setMinimumHeight(
            len(reasons) * QFontMetrics(self._font()).lineSpacing() + 8)
        resume = None
        if self.held.count() == 0:
            resume = self.tr("Tidak ada nomor yang ditahan di loket ini.")
        elif status is not None:
            resume = self.tr("Lanjutkan: selesaikan, tahan atau alihkan {ticket} dulu.").format(
                ticket=self._ticket())
        self.resume_button.setEnabled(resume is None)
        self.resume_button.setToolTip(resume or "")
        self.resume_why.setText(resume or "")
        self.resume_why.setVisible(bool(resume))

    def _queue_reasons(self, status: str | None) -> list[str]:
        """One line per group of disabled queue buttons, saying what unlocks them."""
        ticket = self._ticket()
        if status is None:
            return [self.tr("Belum ada nomor di loket ini: tekan Panggil berikutnya [F1] "
                            "(atau Lanjutkan nomor yang ditahan).")]
        if status == "called":
            return [self.tr("Panggil berikutnya: {ticket} sedang dipanggil; Mulai layani [F3], "
                            "Tidak hadir [F4] atau Tahan [F5] dulu.").format(ticket=ticket),
                    self.tr("Selesai [F9] dan Berkas tidak lengkap: tekan Mulai layani [F3] "
                            "dulu, saat pengunjung sudah di loket.")]
        return [self.tr("Panggil berikutnya: {ticket} masih dilayani; Selesai [F9], Tahan [F5] "
                        "atau Alihkan [F6] dulu.").format(ticket=ticket),
                self.tr("Panggil ulang, Mulai layani, Tidak hadir: {ticket} sudah dilayani.")
                .format(ticket=ticket)]

    # --- closing ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the timers and the live feed (idempotent)."""
        self._ticker.stop()
        self._heartbeat.stop()
        self._refresh_soon.stop()
        self.idle.stop()
        if self.live is not None:
            self.live.close()

    def closeEvent(self, event: Any) -> None:
        """Closing the window with typed input asks like log-out; kept editing, the
        window stays open."""
        if self.actor is not None and self._settle_unsaved(
                self.tr("Tutup jendela"), ask=True) is None:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

