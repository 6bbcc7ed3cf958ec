"""A station's widget never holds a transaction: it calls its module in ``app/stations/``.

Read from the source with :mod:`ast` (nothing is imported or run): no module of ``ui/``
(:data:`STATIONS`) may import SQLAlchemy or the ORM models (``db.models`` and its parts),
nor the unit of work, nor call ``.uow(`` on anything. Every import counts, wherever it
stands (inside a function or under ``if TYPE_CHECKING:`` too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# every module of ui/: the stations, their panels, the demo and the set-up wizard alike
STATIONS = tuple(sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")))

FORBIDDEN_MODULES = ("sqlalchemy", "db.models")  # and their submodules (db.models_reports)
FORBIDDEN_NAMES = {("app.store", "UnitOfWork")}  # (module, name) not to import from it


def _forbidden_module(name: str) -> bool:
    return any(name == m or name.startswith((f"{m}.", f"{m}_")) for m in FORBIDDEN_MODULES)


def violations(source: str) -> list[str]:
    """What in ``source`` reaches the database past the station module, with line numbers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names
                      if _forbidden_module(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if _forbidden_module(node.module):
                found.append(f"line {node.lineno}: from {node.module} import ...")
            elif node.module == "db":  # from db import models
                found += [f"line {node.lineno}: from db import {a.name}" for a in node.names
                          if _forbidden_module(f"db.{a.name}")]
            found += [f"line {node.lineno}: from {node.module} import {a.name}"
                      for a in node.names if (node.module, a.name) in FORBIDDEN_NAMES]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "uow"):
            found.append(f"line {node.lineno}: .uow(...) called")
    return found


@pytest.mark.parametrize("station", STATIONS)
def test_a_station_widget_goes_through_its_station_module(station: str) -> None:
    path = ROOT / station
    assert not violations(path.read_text(encoding="utf-8")), (
        f"{station} reaches the database itself; go through app/stations/: "
        f"{violations(path.read_text(encoding='utf-8'))}")


@pytest.mark.parametrize("source", [
    "import sqlalchemy",
    "from sqlalchemy.exc import DBAPIError",
    "from db.models import Visit",
    "from db import models",
    "import db.models_reports",
    "from app.store import Store, UnitOfWork",
    "def f(store):\n    with store.uow(read_only=True) as uow:\n        pass",
    "def f():\n    from sqlalchemy import select",  # a lazy import counts too
])
def test_the_check_sees_each_way_to_the_database(source: str) -> None:
    assert violations(source)


@pytest.mark.parametrize("source", [
    "from app.store import Store",
    "from app.stations import kiosk as ks",
    "from db.enums import VisitStatus",  # plain enums, no session
    "self.station.uow_count = 1",  # an attribute named alike, not a call of .uow(
])
def test_the_check_lets_plain_data_pass(source: str) -> None:
    assert violations(source) == []
