"""A station's stderr is for what went wrong: Qt's chatter (the platform plugin's notes, the
media back-end's lines for every spoken segment) goes to the stations' log; a station run
leaves no temporary folder behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

OFFICE = "SAMSAT-PTK1"


@pytest.mark.parametrize("catalog_db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["display", "kiosk", "survey"])
def test_a_station_run_is_quiet_and_leaves_no_temporary_folder(
        catalog_db_url: str, tmp_path: Path, kind: str) -> None:
    home, temp = tmp_path / "home", tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", catalog_db_url, "station", kind,
         "--office", OFFICE, "--windowed", "--quit-after", "1"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOKET_HOME": str(home),
             "TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    log = (home / "logs" / "stations.log").read_text(encoding="utf-8")
    assert "loket.qt" in log  # the offscreen plugin's notes went there instead
    assert list(temp.iterdir()) == []


SPEAK = """
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.application import make_app
from ui.announcer import QtAudioSink
app = make_app()
sink = QtAudioSink()
sink.finished.connect(app.quit)
sink.play(sorted(Path("resources/voice/id").glob("*.wav"))[:3])
QTimer.singleShot(20000, lambda: app.exit(3))
raise SystemExit(app.exec())
"""


def test_speaking_is_quiet_on_stderr(tmp_path: Path) -> None:
    """The media back-end writes FFmpeg's three lines per opened file ("Input #0, wav") to
    stderr unless the station turns them off: a display would write thousands a day."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SPEAK], capture_output=True, text=True, timeout=120, cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOKET_HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr  # the three segments played to their end
    assert "Input #0" not in done.stderr and "Stream #0" not in done.stderr
    assert done.stderr == ""


def test_the_message_handler_sorts_qt_messages_by_level(caplog) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from ui.application import _on_qt_message

    with caplog.at_level("DEBUG", logger="loket.qt"):
        _on_qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "a note")
        _on_qt_message(QtMsgType.QtCriticalMsg, QMessageLogContext(), "it broke")
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "default: a note"), ("ERROR", "default: it broke")]
