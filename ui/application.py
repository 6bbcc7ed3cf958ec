"""One QApplication set-up for every station: name, locale, translations (Indonesian first)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

import resources
from app.errors import LoketError
from app.i18n import language


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
