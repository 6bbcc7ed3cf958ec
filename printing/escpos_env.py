"""Import python-escpos without its side effects.

python-escpos 3.1, on import, calls ``logging.basicConfig()`` (taking over the root logger
of the program that imports it), writes a pickle of its capability database into a new
temporary folder every time unless told where, and reads ``capabilities.json`` from its
package folder, which a frozen (PyInstaller) application must point at explicitly. Some of
its methods ``print()`` notices to stdout, which would corrupt ``loket ... --json`` output.
Every import of escpos in Loket goes through :func:`escpos_modules`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import platformdirs

log = logging.getLogger("loket.escpos")


def _capabilities_file() -> Path | None:
    """The capability database: next to the frozen executable, else escpos's own."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidate = Path(frozen) / "escpos" / "capabilities.json"
        if candidate.exists():
            return candidate
    return None


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Send escpos's stdout notices to our log instead of the terminal."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    for line in buffer.getvalue().splitlines():
        if line.strip():
            log.info("python-escpos: %s", line)


@cache
def escpos_modules() -> tuple[ModuleType, ModuleType, ModuleType]:
    """``(escpos.printer, escpos.capabilities, escpos.constants)``, imported once, cleanly."""
    capabilities = _capabilities_file()
    if capabilities is not None:
        os.environ.setdefault("ESCPOS_CAPABILITIES_FILE", str(capabilities))
    pickle_dir = Path(platformdirs.user_cache_dir("loket", appauthor=False)) / "escpos"
    pickle_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(pickle_dir))
    root = logging.getLogger()
    handlers = list(root.handlers)
    basic_config = logging.basicConfig
    logging.basicConfig = lambda *a, **k: None
    try:
        with quiet():
            from escpos import capabilities as caps
            from escpos import constants, printer
    finally:
        logging.basicConfig = basic_config
        root.handlers[:] = handlers
    logging.getLogger("escpos").setLevel(logging.WARNING)
    return printer, caps, constants
