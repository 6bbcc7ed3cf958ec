"""Signing in and the idle lock of a station with a signed-in person.

:class:`SignInPage` is the form of both the supervisor's log-in and the lock screen: a
title, a line under it, user name, password and one button. :class:`IdleWatcher` notices
when nobody has touched the station's window (keys, mouse, wheel, touch) for the office's
``lock_after_minutes`` (:func:`app.users.station_access`) and says so once; the station then
covers its screen with the lock page. Locking discards nothing: the pages under the lock
keep every typed character, and the signed-in person stays signed in (a counter stays open).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.scale import base_point_size

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
})
CHECK_MS = 15_000  # how often the watcher looks at the clock: a lock is at most this late


# the page's type, in points above the base (:func:`ui.scale.base_point_size` of its
# height, as the counter console): the title, the two fields, the button
TITLE_PLUS, FIELD_PLUS, BUTTON_PLUS = 12, 4, 3
BOX_EMS = 46  # the form's width, in times the base point size (460 px at 10 points)


class SignInPage(QWidget):
    """User name, password, one button; ``submitted(username, password)`` when pressed
    (or Enter in the password) with both filled, else the page says what is missing.

    Its type follows its height as the counter console's does (:func:`ui.scale.base_point_size`
    of its window's height): 10 points at a 1366 x 768 laptop, 14 at 1920 x 1080, the
    title, the fields and the button that many points larger, the form as wide as its
    type needs."""

    submitted = Signal(str, str)

    def __init__(self, title: str, subtitle: str, button: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = 0  # the base point size in use; 0 before the first scaling
        self.outer = outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.box = box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        form = QVBoxLayout(box)
        form.setContentsMargins(28, 24, 28, 24)
        form.setSpacing(10)
        self.title = QLabel(title, box)
        self.title.setObjectName("signInTitle")
        self.title.setWordWrap(True)  # a long counter name on two lines, never cut
        form.addWidget(self.title)
        self.subtitle = QLabel(subtitle, box)
        self.subtitle.setWordWrap(True)
        form.addWidget(self.subtitle)
        self.username = QLineEdit(box)
        self.username.setPlaceholderText(self.tr("Nama pengguna"))
        self.password = QLineEdit(box)
        self.password.setPlaceholderText(self.tr("Kata sandi"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addWidget(QLabel(self.tr("Nama pengguna"), box))
        form.addWidget(self.username)
        form.addWidget(QLabel(self.tr("Kata sandi"), box))
        form.addWidget(self.password)
        self.button = QPushButton(button, box)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        form.addWidget(self.button)
        self.message = QLabel("", box)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#c62828;")
        form.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)  # most of a narrow window; BOX_EMS caps a wide one
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.scale(768)  # until the page has its size

    def scale(self, height: int) -> None:
        """The page's type and proportions for a page ``height`` pixels tall."""
        base = base_point_size(height)
        if base == self.base:
            return
        self.base = base
        # fonts set on the page and its four larger widgets (the labels inherit the page's)
        self.setFont(self._sized(base))
        self.title.setFont(self._sized(base + TITLE_PLUS, bold=True))
        for edit in (self.username, self.password):
            edit.setFont(self._sized(base + FIELD_PLUS))
            edit.setMinimumHeight(QFontMetrics(edit.font()).height() + 16)
        self.button.setFont(self._sized(base + BUTTON_PLUS, bold=True))
        self.button.setMinimumHeight(QFontMetrics(self.button.font()).height() + 20)
        self.box.setMaximumWidth(BOX_EMS * base)

    def _sized(self, points: int, *, bold: bool = False) -> QFont:
        font = QFont(QApplication.font())
        font.setPointSize(points)
        font.setBold(bold)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the room: the page's window (a tile of the demo's screen may scroll the page)
        room = min(event.size().height(), self.window().height())
        self.scale(room)
        # a page taller than its window (scrolled in a tile): the form at the top, in view
        self.outer.setStretch(0, 1 if event.size().height() <= room + 1 else 0)

    def _submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        self.submitted.emit(username, password)

    def refused(self, text: str) -> None:
        """Say why, empty the password and put the cursor back in it."""
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()

    def reset(self, username: str = "") -> None:
        """Ready for the next person: ``username`` filled in (the lock), no password."""
        self.username.setText(username)
        self.password.clear()
        self.message.clear()
        (self.password if username else self.username).setFocus()


def lock_page(parent: QWidget | None = None) -> SignInPage:
    """The lock screen: the same person's password, or another person signs in."""
    page = SignInPage(
        QApplication.translate("Lock", "Layar terkunci"),
        QApplication.translate(
            "Lock", "Terkunci karena tidak ada aktivitas. Ketik kata sandi untuk membuka; "
                    "pengguna lain dapat masuk dengan namanya sendiri."),
        QApplication.translate("Lock", "Buka kunci"), parent)
    page.setObjectName("lock")
    return page


class IdleWatcher(QObject):
    """Emits ``idle`` once when ``root``'s window saw no activity for ``minutes``.

    Activity is read by an application event filter, so every child widget counts without
    its own hook. ``clock`` (seconds, monotonic) and ``check_ms`` are injectable: a test
    moves the clock and calls :meth:`check`, or lets a short timer do it."""

    idle = Signal()

    def __init__(self, root: QWidget, minutes: int, *,
                 clock: Callable[[], float] = time.monotonic, check_ms: int = CHECK_MS) -> None:
        super().__init__(root)
        self.root, self.minutes, self.clock = root, minutes, clock
        self.last = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self._filtering = False

    @property
    def armed(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        """Count from now (a sign-in or an unlock); nothing happens with ``minutes`` 0."""
        self.last = self.clock()
        if self.minutes <= 0:
            return
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def check(self) -> None:
        if self.armed and self.clock() - self.last >= self.minutes * 60:
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._ours(watched):
            self.last = self.clock()
        return False

    def _ours(self, watched: QObject) -> bool:
        """Only this station's window counts (the demo runs every station in one process)."""
        window = self.root.window()
        if isinstance(watched, QWidget):
            return watched.window() is window
        return isinstance(watched, QWindow) and watched is window.windowHandle()
