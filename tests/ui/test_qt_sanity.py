"""The installed PySide6 can run a station all day.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` at every call of a Qt method
that returns nothing; after a few thousand calls the interpreter aborts ("none_dealloc").
pyproject.toml keeps PySide6 below 6.12; this test fails if a leaking version comes back.
"""

from __future__ import annotations

import subprocess
import sys


def test_many_void_qt_calls_do_not_abort_python() -> None:
    script = ("from PySide6.QtCore import QPointF\n"
              "p = QPointF()\n"
              "for _ in range(50000):\n"
              "    p.setX(1)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
