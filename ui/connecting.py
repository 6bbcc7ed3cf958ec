"""The screen a station shows while the database server cannot be reached.

A station PC is often switched on before the office's server (after a power cut, every
PC boots at once). Instead of exiting with a line nobody reads on a full-screen kiosk,
the station says in words that it is connecting, why the last attempt failed, how many
attempts there were and when the next one is, and retries by itself with a growing pause
(:data:`BACKOFF`) until the server answers; then the station opens as usual.

A database that answers but does not match the program (:class:`app.errors.SchemaError`:
``loket db upgrade`` is needed, or the program is older than the database) is not retried
on a timer: waiting would not fix it. The screen says what to run and offers a manual
"try again" for when someone has run it.

Each attempt runs in a worker thread (a connect to a host that is switched off takes up
to the driver's connect timeout), so the screen keeps repainting and its buttons answer;
the pauses between attempts are Qt timers, never sleeps.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    # PySide6's stub says it returns object; it returns its message, as lupdate reads it
    def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.errors import LoketError, SchemaError
from app.i18n import language

log = logging.getLogger(__name__)

#: Seconds to wait after the 1st, 2nd, ... failed attempt; the last value repeats.
BACKOFF: tuple[float, ...] = (1, 2, 5, 10, 30)

RETRYABLE = frozenset({"db.unreachable"})

_STYLE = """
QWidget#connecting { background: #0b3d73; }
QWidget#connecting QLabel { color: white; }
QWidget#connecting QLabel#attempts { color: #c9d8ea; }
QWidget#connecting QLabel#next { color: #ffd34d; }
QWidget#connecting QLabel#detail { color: #9fb6d0; }
QPushButton { background: white; color: #0b3d73; border: none; border-radius: 8px;
              padding: 12px 32px; }
QPushButton:disabled { background: #5d7fa6; color: #c9d8ea; }
QPushButton#quit { background: transparent; color: white; border: 2px solid #c9d8ea; }
"""


_CONTEXT = "ConnectingScreen"

#: (words in the driver's message, what they mean), first match wins.
_REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("refused",), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Server basis data tidak menjawab: layanan PostgreSQL di server "
        "mungkin belum berjalan.")),
    (("timeout", "timed out"), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Server tidak menjawab dalam batas waktu: periksa jaringan dan "
        "apakah server sudah menyala.")),
    (("resolve host", "translate host name", "name or service"), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Nama server tidak dikenal: periksa jaringan atau alamat server "
        "di pengaturan PC ini.")),
    (("no route", "unreachable"), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Jaringan ke server terputus: periksa kabel atau Wi-Fi PC ini.")),
    (("authentication", "password"), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Server menolak nama pengguna atau kata sandi basis data: "
        "periksa pengaturan PC ini.")),
    (("does not exist",), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Basis data tidak ada di server: periksa nama basis data di "
        "pengaturan PC ini.")),
    (("unable to open database file",), QT_TRANSLATE_NOOP(
        "ConnectingScreen", "Berkas basis data tidak dapat dibuka: periksa folder bersama "
        "atau diska tempatnya.")),
)
_UNKNOWN_REASON = QT_TRANSLATE_NOOP("ConnectingScreen",
                                    "Server basis data belum dapat dihubungi.")


def reason_in_words(reason: str) -> str:
    """What a driver's connection error means for the person at the station, in a sentence.

    The driver's own text stays on screen below it as the technical detail for whoever
    fixes the server; this line is for everyone else."""
    low = reason.lower()
    text = next((words for marks, words in _REASONS if any(m in low for m in marks)),
                _UNKNOWN_REASON)
    return QCoreApplication.translate(_CONTEXT, text)


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class _Attempt(QObject, QRunnable):
    """One connection attempt in a worker thread; ``done`` carries itself back to the UI."""

    done = Signal(object)

    def __init__(self, connect: Callable[[], Any]) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._connect = connect
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._connect()
        except Exception as exc:  # reported to the screen, which decides to retry or stop
            self.error = exc
        self.done.emit(self)


class ConnectingScreen(QWidget):
    """Full-window "connecting to the server" screen that retries ``connect`` until it works.

    ``connect()`` returns whatever the station needs (an open store, the office) or raises;
    ``LoketError("db.unreachable")`` is retried after the next pause of ``backoff``, any
    other error stops the retries and is shown with what to do.

    Signals: ``connected(result)`` once an attempt succeeds; ``attempt_failed(n)`` after
    the n-th failed attempt; ``stopped(error)`` when an error is not retried.
    """

    connected = Signal(object)
    attempt_failed = Signal(int)
    stopped = Signal(object)

    def __init__(self, connect: Callable[[], Any], *, backoff: Sequence[float] = BACKOFF,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not backoff:
            raise ValueError("backoff needs at least one pause")
        self._connect = connect
        self._backoff = tuple(backoff)
        self.attempts = 0
        self.last_error: BaseException | None = None
        self.abandoned = False
        self._running: _Attempt | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setTimerType(Qt.TimerType.PreciseTimer)
        self._retry.timeout.connect(self.try_now)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._show_countdown)
        self._build()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.setObjectName("connecting")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Loket: menghubungkan ke server"))
        self.title = self._label("title", 52, bold=True)
        self.reason = self._label("reason", 26)
        self.attempts_label = self._label("attempts", 22)
        self.next_label = self._label("next", 30, bold=True)
        self.detail = self._label("detail", 16)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.try_button = QPushButton(self.tr("Coba sekarang"))
        self.try_button.clicked.connect(self.try_now)
        self.quit_button = QPushButton(self.tr("Keluar"))
        self.quit_button.setObjectName("quit")
        self.quit_button.clicked.connect(self.quit)
        for button in (self.try_button, self.quit_button):
            button.setFont(_font(22, bold=True))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.try_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(80, 40, 80, 40)
        box.addStretch(3)
        for widget, space in ((self.title, 36), (self.reason, 28), (self.attempts_label, 8),
                              (self.next_label, 48)):
            box.addWidget(widget)
            box.addSpacing(space)
        box.addLayout(buttons)
        box.addStretch(2)
        box.addWidget(self.detail)
        self.title.setText(self.tr("Menghubungkan ke server…"))

    def _label(self, name: str, px: int, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setFont(_font(px, bold))
        return label

    # --- attempts --------------------------------------------------------------------

    def start(self, first_error: BaseException | None = None) -> None:
        """Begin: with ``first_error`` (an attempt already made and failed) wait for the
        next one, without it try right away."""
        if first_error is None:
            self.try_now()
        else:
            self.attempts = 1
            self._failed(first_error)

    @property
    def waiting(self) -> bool:
        """A retry is scheduled on the timer."""
        return self._retry.isActive()

    @property
    def trying(self) -> bool:
        return self._running is not None

    def delay_after(self, attempts: int) -> float:
        """Seconds to wait after ``attempts`` failed attempts."""
        return self._backoff[min(max(attempts, 1), len(self._backoff)) - 1]

    def try_now(self) -> None:
        """Attempt to connect now (the timer's retry or the "try now" button)."""
        if self._running is not None or self.abandoned:
            return
        self._retry.stop()
        self._tick.stop()
        self.attempts += 1
        self.try_button.setEnabled(False)
        self.next_label.setText(self.tr("Sedang mencoba menghubungi server…"))
        attempt = _Attempt(self._connect)
        attempt.done.connect(self._attempt_done)
        self._running = attempt
        QThreadPool.globalInstance().start(attempt)

    def _attempt_done(self, attempt: _Attempt) -> None:
        self._running = None
        if self.abandoned:  # quit while the attempt ran: let go of what it opened
            _close(attempt.result)
            return
        if attempt.error is None:
            self.last_error = None
            self.connected.emit(attempt.result)
            return
        self._failed(attempt.error)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.try_button.setEnabled(True)
        if isinstance(error, LoketError) and error.key in RETRYABLE:
            self._show_unreachable(error)
            self._retry.start(int(self.delay_after(self.attempts) * 1000))
            self._tick.start()
            self._show_countdown()
            self.attempt_failed.emit(self.attempts)
            return
        self.stop(error)

    def stop(self, error: BaseException) -> None:
        """Show ``error`` as the reason the station cannot open; no more automatic retries
        (the "try again" button stays, for after someone has fixed it)."""
        self.last_error = error
        self._retry.stop()
        self._tick.stop()
        self.try_button.setEnabled(self._running is None)
        self.try_button.setText(self.tr("Coba lagi"))
        if isinstance(error, SchemaError):
            self.title.setText(self.tr("Basis data dan program tidak cocok"))
            self.reason.setText(_sentence(error.message(language())))
        elif isinstance(error, LoketError):
            self.title.setText(self.tr("Stasiun tidak dapat dibuka"))
            self.reason.setText(_sentence(error.message(language())))
        else:
            log.error("station start-up failed", exc_info=error)
            self.title.setText(self.tr("Stasiun tidak dapat dibuka"))
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            self.reason.setText(self.tr("Terjadi kesalahan tak terduga: %1").replace("%1", first))
        self.attempts_label.setText("")
        self.next_label.setText(self.tr("Tidak dicoba lagi otomatis. Setelah diperbaiki, "
                                    "tekan \u201cCoba lagi\u201d."))
        self.detail.setText("")
        self.stopped.emit(error)

    def _show_unreachable(self, error: LoketError) -> None:
        self.title.setText(self.tr("Menghubungkan ke server…"))
        self.try_button.setText(self.tr("Coba sekarang"))
        self.reason.setText(reason_in_words(str(error.params.get("reason", ""))))
        self.attempts_label.setText(self.tr("Percobaan ke-%n gagal.", "", self.attempts))
        self.detail.setText(self.tr("Keterangan teknis: %1").replace("%1",
                                                                error.message(language())))

    def _show_countdown(self) -> None:
        if not self._retry.isActive():
            self._tick.stop()
            return
        seconds = max(1, math.ceil(self._retry.remainingTime() / 1000))
        self.next_label.setText(self.tr("Mencoba lagi dalam %n detik…", "", seconds))

    # --- leaving ---------------------------------------------------------------------

    def quit(self) -> None:
        """Give up waiting: the station does not open."""
        self.abandoned = True
        self._retry.stop()
        self._tick.stop()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.abandoned = True
        self._retry.stop()
        self._tick.stop()
        super().closeEvent(event)


def _sentence(text: str) -> str:
    """A message of the domain layer (written to follow "loket: ") as a sentence on its own."""
    return text[:1].upper() + text[1:]


def _close(result: Any) -> None:
    """Close what a late attempt opened (a store, or a tuple starting with one)."""
    for item in result if isinstance(result, tuple) else (result,):
        close = getattr(item, "close", None)
        if callable(close):
            close()
