"""``loket --help`` loads the parser alone: no database library, no Qt, no PDF library, no
service. The command line builds its parser from argparse and app/cli/common.py; a command
imports its services when it runs (bench/cli_start.py measures what that saves).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, common, fiscal, program

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "PySide6", "reportlab", "openpyxl", "yaml", "keyring",
         "psycopg", "db", "ui", "printing", "devices")

PROBE = """
import json, sys
from app.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(argv: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(argv=argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["samsat", "--help"],
                                  ["fiscal", "check", "--help"]])
def test_help_imports_the_parser_alone(argv: list[str]) -> None:
    loaded = _modules_after(argv)
    assert "app.cli.program" in loaded  # the probe did run the command line
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert heavy == []
    services = sorted(m for m in loaded if m.startswith("app.") and not m.startswith(
        ("app.cli", "app.errors", "app.i18n", "app.setup.messages", "app.setup.launch")))
    assert set(services) <= {"app.setup"}  # the package of app.setup.messages


def test_what_the_parser_writes_out_agrees_with_its_source() -> None:
    """Two constants the parser spells out rather than import a module that loads
    SQLAlchemy; they must stay what the services say."""
    from app.config import DB_ENV
    from app.fiscal.extract import SOURCES

    assert common.DB_ENV == DB_ENV
    assert fiscal.SOURCES == SOURCES


def test_every_area_module_is_in_the_list() -> None:
    """A module of app/cli/ with ``register`` is an area; forgetting it in AREAS would
    silently drop its commands."""
    import importlib

    registering = set()
    for path in (ROOT / "app" / "cli").glob("*.py"):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"app.cli.{path.stem}")
        register = getattr(module, "register", None)
        if callable(register) and register.__module__ == module.__name__:
            registering.add(module.__name__)
    assert registering == {area.__name__ for area in program.AREAS}


def test_the_parser_knows_every_command() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == [
        "db", "user", "catalog", "ticket", "queue", "counter", "appointment", "print",
        "devices", "station", "login", "logout", "whoami", "samsat", "tariff", "npwpd", "tax",
        "perforation", "fiscal", "application", "complaint", "holiday", "ikm", "report",
        "events", "config", "setup", "demo"]
