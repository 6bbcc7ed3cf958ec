"""The queue display: the TV in the waiting room, readable from 10 metres.

For each counter the number it calls or serves now (nothing once that visitor has left it;
"TUTUP" while the counter is closed), the last calls, waiting counts per service, the office
clock and a running text line. A new call flashes its counter's tile and is spoken by the
announcer (queued: three counters calling at once are all shown and spoken in order). The
display learns of changes through the live events, never by a fixed poll, and after them
reads the whole board again (:meth:`app.stations.display.DisplayStation.board`, one read-only
unit of work of its own), so what it shows is what the database says, not a sum of patches.
While the database cannot be read the last board stays up and the running text says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.clock import utcnow
from app.errors import LoketError
from app.stations.display import Board, CounterCall, DisplayStation, call_of, local_clock
from app.store import Store
from ui.live import LiveEvents

FLASHES = 6
FLASH_MS = 400
CALL_EVENTS = ("ticket.called", "ticket.recalled")
# a tile's look: "busy" shows the number to go to, "idle" a dim "-", "closed" a grey "TUTUP"
BUSY, IDLE, CLOSED = "busy", "idle", "closed"
STYLE = """
QWidget#display { background: #0b1f3a; }
QLabel { color: white; }
QFrame#tile { background: #12325e; border-radius: 12px; border: 4px solid #12325e; }
QFrame#tile[state="idle"] QLabel#number { color: #4f6f9c; }
QFrame#tile[state="closed"] { background: #1c2330; border: 4px dashed #3a4456; }
QFrame#tile[state="closed"] QLabel { color: #7d8797; }
QFrame#tile[flash="true"] { background: #f2b705; border-color: #f2b705; }
QFrame#tile[flash="true"] QLabel { color: #0b1f3a; }
QFrame#side { background: #0f2a4f; border-radius: 12px; }
QLabel#ticker { background: #f2b705; color: #0b1f3a; }
"""


def _repolish(*widgets: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    for widget in widgets:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class _Tile(QFrame):
    """One counter: its name and the number to go to there now."""

    def __init__(self, call: CounterCall) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.counter = call.counter
        self.where = QLabel(call.label)
        self.ticket = QLabel()
        self.ticket.setObjectName("number")
        for label in (self.where, self.ticket):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.ticket, 1)
        self.shown: str | None = None  # the ticket in the box, None when empty
        self.state = ""
        self._flashes = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_flash)
        self.show_call(call)

    def show_call(self, call: CounterCall) -> bool:
        """Show what the board says of this counter; an emptied box stops flashing.
        True if that changed what the tile looks like."""
        if call.ticket:
            text, state = call.ticket, BUSY
        elif not call.is_open:
            text, state = self.tr("TUTUP"), CLOSED
        else:
            text, state = "-", IDLE
        self.shown = call.ticket or None
        changed = text != self.ticket.text() or state != self.state
        self.ticket.setText(text)
        if state != BUSY and self.flashing:
            self._flashes = 0
            self._on_flash()
        if state != self.state:
            self.state = state
            self.setProperty("state", state)
            _repolish(self, self.where, self.ticket)
        return changed

    def flash(self) -> None:
        self._flashes = FLASHES
        self._timer.start(FLASH_MS)
        self._on_flash()

    def _on_flash(self) -> None:
        lit = self._flashes % 2 == 0 and self._flashes > 0
        self.setProperty("flash", "true" if lit else "false")
        _repolish(self, self.where, self.ticket)
        self._flashes -= 1
        if self._flashes < 0:
            self._timer.stop()

    @property
    def flashing(self) -> bool:
        return self._timer.isActive()


class _PaintWatch(QObject):
    """Tells the display when its window has repainted: the window's ``UpdateRequest`` is
    where Qt paints every changed widget into the window and puts it on the screen, so the
    watch lets it through first and reports after it."""

    def __init__(self, display: DisplayWindow) -> None:
        super().__init__(display)
        self.display = display
        self.window: QWidget | None = None

    def watch(self, window: QWidget) -> None:
        if window is self.window:
            return
        if self.window is not None:
            self.window.removeEventFilter(self)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.UpdateRequest or self.display.unshown is None
                or not isinstance(watched, QWidget)):
            return False
        watched.event(event)  # the repaint itself, then what it showed
        self.display.shown_now()
        return True


class DisplayWindow(QWidget):
    """``called`` is emitted for every call shown (a :class:`CounterCall`);
    ``board_changed`` (the new :class:`Board`) whenever what the board shows changed;
    ``board_shown`` (that :class:`Board`) once it is on the screen: after the repaint that
    drew it (at once when nothing drawn changed), while the window is visible."""

    called = Signal(object)
    board_changed = Signal(object)
    board_shown = Signal(object)

    def __init__(self, store: Store, office_code: str, *, announcer: Any = None,
                 clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("display")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Layar antrian"))
        self.store = store
        self.office_code = office_code
        self.announcer = announcer
        if isinstance(announcer, QObject) and announcer.parent() is None:
            announcer.setParent(self)  # goes with the window, after closeEvent stopped it
        self._clock = clock or utcnow
        self.station = DisplayStation(store, office_code, clock=self._clock)
        self.problem: LoketError | None = None  # why the last read failed; None: it did not
        self._board: Board = self.station.board()
        self.unshown: Board | None = None  # drawn, waiting for the window's repaint
        self._paint_watch = _PaintWatch(self)
        self.tiles: dict[str, _Tile] = {}
        self._build()
        self._render()
        # events that are not calls are read together: a batch costs one read, not one each
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(0)
        self._reread.timeout.connect(self._refresh)
        self.live = LiveEvents(store, office_code, self)
        self.live.batch.connect(self._on_events)
        self.live.resync.connect(self._refresh)  # after a reconnection, and periodically
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start(1000)
        self._ticker_offset = 0
        self._scroll = QTimer(self)
        self._scroll.timeout.connect(self._on_scroll)
        self._scroll.start(120)
        self._on_scroll()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        self.office = QLabel(self._board.office_name.upper())
        self.clock = QLabel()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.office, 1)
        top.addWidget(self.clock)
        root.addLayout(top)
        middle = QHBoxLayout()
        grid = QGridLayout()
        columns = 2 if len(self._board.counters) <= 4 else 3
        for i, call in enumerate(self._board.counters):
            tile = _Tile(call)
            self.tiles[call.counter] = tile
            grid.addWidget(tile, i // columns, i % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        middle.addLayout(grid, 3)
        side = QFrame()
        side.setObjectName("side")
        side_layout = QVBoxLayout(side)
        self.recent_title = QLabel(self.tr("Panggilan terakhir"))
        self.recent = QLabel()
        self.waiting_title = QLabel(self.tr("Menunggu"))
        self.waiting = QLabel()
        for label in (self.recent, self.waiting):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextFormat(Qt.TextFormat.RichText)
        side_layout.addWidget(self.recent_title)
        side_layout.addWidget(self.recent, 1)
        side_layout.addWidget(self.waiting_title)
        side_layout.addWidget(self.waiting, 1)
        middle.addWidget(side, 2)
        root.addLayout(middle, 1)
        self.ticker = QLabel()
        self.ticker.setObjectName("ticker")
        # the scrolling text must never widen the window
        self.ticker.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        root.addWidget(self.ticker)
        self._on_tick()

    def _render(self) -> bool:
        """Put the board on the widgets; True if that changed anything drawn."""
        b = self._board
        changed = False
        for call in b.counters:
            tile = self.tiles.get(call.counter)
            if tile is not None:
                changed = tile.show_call(call) or changed
        for label, text in (
                (self.recent, "<br>".join(
                    f"<b>{ticket}</b> &rarr; {where}" for ticket, where in b.recent) or "-"),
                (self.waiting, "<br>".join(
                    f"{name}: <b>{n}</b>" for name, n in b.waiting.values())
                 or self.tr("Tidak ada"))):
            if label.text() != text:
                label.setText(text)
                changed = True
        self._ticker_text = b.running_text or self.tr(
            "Selamat datang. Silakan ambil nomor antrian dan tunggu panggilan.")
        if self.problem is not None:  # the board is the last one read: say why
            self._ticker_text = self.problem.message()
        return changed

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Everything scales with the screen: numbers about an eighth of its height."""
        super().resizeEvent(event)
        h = max(self.height(), 300)
        rows = max(1, (len(self.tiles) + 1) // (2 if len(self.tiles) <= 4 else 3))

        def font(px: float, bold: bool = True) -> QFont:
            f = QFont()
            f.setPixelSize(max(10, int(px)))
            f.setBold(bold)
            return f

        self.office.setFont(font(h / 22))
        self.clock.setFont(font(h / 18))
        for tile in self.tiles.values():
            tile.where.setFont(font(h / (14 * rows ** 0.5)))
            tile.where.setWordWrap(True)
            tile.ticket.setFont(font(h / (5.5 * rows)))
        for title in (self.recent_title, self.waiting_title):
            title.setFont(font(h / 26))
        for label in (self.recent, self.waiting):
            label.setFont(font(h / 30, bold=False))
        self.ticker.setFont(font(h / 24))

    # --- live ---------------------------------------------------------------------------

    def _on_events(self, events: list[Any]) -> None:
        """Any change may move someone: read the board again, once for all the events that
        came together (each read is the whole board, so one after the last event is as
        right as one after each). With a call among them it is read at once, so its tile
        flashes with the number in it; then each call is spoken, in order."""
        calls = [call_of(e.payload) for e in events if e.kind in CALL_EVENTS]
        if not calls:
            self._reread.start()  # read with what comes next in the same turn of the loop
            return
        self._refresh()
        for call in calls:
            tile = self.tiles.get(call.counter)
            # a visit that already left again (read in the same batch) leaves nothing to flash
            if tile is not None and call.ticket and tile.shown == call.ticket:
                tile.flash()
            if self.announcer is not None and call.ticket:
                self.announcer.announce(call.ticket, call.number, call.call_name)
            self.called.emit(call)

    def _refresh(self) -> None:
        """Read the board (one read-only unit of work) and show it if anything changed.

        A read that fails keeps the last board up, with the reason in the running text,
        until a read succeeds (the live events ask again once the database is back)."""
        self._reread.stop()
        try:
            fresh = self.station.board()
        except LoketError as exc:
            self.problem = exc
            self._render()
            return
        had_problem, self.problem = self.problem is not None, None
        if fresh == self._board:
            if had_problem:
                self._render()
            return
        self._board = fresh
        drawn = self._render()
        self.board_changed.emit(fresh)
        if not self.isVisible():
            return
        waiting = self.unshown is not None  # an earlier board is drawn but not painted yet
        self.unshown = fresh
        if not drawn and not waiting:  # nothing to repaint: the screen already shows it
            self.shown_now()

    def shown_now(self) -> None:
        """The window has repainted since the last board was drawn: it is on the screen."""
        board, self.unshown = self.unshown, None
        if board is not None:
            self.board_shown.emit(board)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._paint_watch.watch(self.window())  # the display may sit in another window

    def _on_tick(self) -> None:
        self.clock.setText(local_clock(self._clock(), self._board.zone))

    def _on_scroll(self) -> None:
        text = f"{self._ticker_text}     "
        self._ticker_offset = (self._ticker_offset + 1) % len(text)
        self.ticker.setText((text[self._ticker_offset:] + text)[:400])

    def closeEvent(self, event: Any) -> None:
        self._tick.stop()
        self._scroll.stop()
        self._reread.stop()
        self.live.close()
        if self.announcer is not None and hasattr(self.announcer, "shutdown"):
            self.announcer.shutdown()
        super().closeEvent(event)
