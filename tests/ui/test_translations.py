"""UI text is Indonesian in the code and English through Qt's translation files."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

import resources
from app.store import Store
from ui.supervisor import SupervisorWindow

ROOT = Path(__file__).resolve().parents[2]
TS = resources.path("translations", "loket_en.ts")


def _finished(ts: Path) -> dict[str, str]:
    return {m.findtext("source"): m.findtext("translation") or ""
            for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") is None}


def test_every_ui_string_has_an_english_translation(tmp_path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = str(Path(sys.executable).with_name("pyside6-lupdate"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    wanted.discard("time.none")  # app.i18n's tr(), not Qt's: lupdate cannot tell them apart
    missing = sorted(wanted - set(_finished(TS)))
    assert not missing, f"run resources/translations/build.py and translate: {missing}"


def test_the_english_translation_is_used(qtbot, catalog_store: Store) -> None:
    translator = QTranslator()
    assert translator.load(str(resources.path("translations", "loket_en.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        window = SupervisorWindow(catalog_store, "SAMSAT-PTK1", check_devices=False)
        qtbot.addWidget(window)
        assert window.windowTitle() == "Supervisor board"
        assert window.save_text.text() == "Save"
    finally:
        QCoreApplication.removeTranslator(translator)
