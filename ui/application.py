"""One QApplication set-up for every station: name, locale, translations (Indonesian first),
and where its messages go.

A station's stderr is for what went wrong: Qt's own chatter (the media back-end's FFmpeg
and PulseAudio lines for every spoken segment, the platform plugin's notes) and the
station's warnings go to ``logs/stations.log`` in the data folder instead; errors go to
both. Only a real start configures this: under a test, pytest and pytest-qt own the
handlers.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

import resources
from app.config import data_dir
from app.errors import LoketError
from app.i18n import language

qt_log = logging.getLogger("loket.qt")
QUIET_CATEGORIES = "qt.multimedia.ffmpeg.*=false"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def has_display() -> bool:
    """On Linux, Qt aborts the process without a display: find out before it does."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if not has_display():
        raise LoketError("cli.no_display")
    station_log()
    qInstallMessageHandler(_on_qt_message)
    # the media back-end hands FFmpeg's own report of every file it opens ("Input #0, wav,
    # ...", three lines per spoken segment) straight to stderr unless its categories are
    # off; a segment that cannot be played still says so (QtAudioSink logs the player's
    # error). QT_LOGGING_RULES, read after these, can turn them on again.
    QLoggingCategory.setFilterRules(QUIET_CATEGORIES)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Loket")
    app.setOrganizationName("Loket")
    lang = language()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id"
                               else QLocale.Language.English))
    if lang != "id":  # UI text is written in Indonesian; other languages come from .qm files
        translator = QTranslator(app)
        if translator.load(str(resources.path("translations", f"loket_{lang}.qm"))):
            app.installTranslator(translator)
    return app


def log_file() -> Path:
    """The stations' log: warnings and the details of errors."""
    return data_dir() / "logs" / "stations.log"


def station_log() -> Path | None:
    """Send the station's log records to :func:`log_file` (errors to stderr as well); the
    file, or None when logging was already set up (a test) or the file cannot be opened
    (then stderr has the errors only)."""
    root = logging.getLogger()
    if root.handlers:
        return None
    errors = logging.StreamHandler(sys.stderr)
    errors.setLevel(logging.ERROR)
    errors.setFormatter(logging.Formatter("loket: %(message)s"))
    root.addHandler(errors)
    root.setLevel(logging.INFO)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        f"%(asctime)s {os.getpid()} %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def _on_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages into the log with their category (``qt.multimedia.ffmpeg``, ...)."""
    category = getattr(context, "category", None) or "default"
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)
