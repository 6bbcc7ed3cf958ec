"""The layers of Loket, checked from the source: no import cycle, and each layer imports only
what lies below it.

The import graph is built with :mod:`ast` (no import is executed, so a module that would fail
to import still shows its edges). Every ``import`` counts, wherever it stands: at the top, inside
a function, or under ``if TYPE_CHECKING:`` -- a lazy or type-only import is still a dependency a
reader has to follow, and hiding a cycle behind one is what this test exists to stop. An import
of ``a.b.c`` is an edge to the deepest module that exists (``a.b.c`` if it is a module, else
``a.b``); ``from a.b import c`` is an edge to ``a.b.c`` when ``c`` is a module, else to ``a.b``.

The layers (top to bottom)::

    ui                      the stations (Qt)
    app.cli ...             the command layer: parses the command line, launches stations
    app                     the services
    printing   devices      documents and the hardware; printing may use devices
    db                      the schema; knows nothing above it
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "db", "ui", "devices", "printing", "resources")

# The command layer: the modules allowed to import ui (to launch a station), each name with
# the modules under it: the app.cli package alone.
COMMAND_LAYER: frozenset[str] = frozenset({"app.cli"})

# Cycles known and being removed, each the exact set of its modules. One place: a fix
# removes its entry, and test_known_cycles_are_still_there says when one is gone.
KNOWN_CYCLES: tuple[frozenset[str], ...] = ()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages, by dotted name."""
    modules: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            modules[_module_name(path)] = path
    return modules


def _deepest(name: str, modules: dict[str, Path]) -> str | None:
    """The deepest existing module on the path ``name`` (``a.b.c`` -> ``a.b`` if no ``a.b.c``)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``module`` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _deepest(alias.name, modules)
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                # a package's own name is its anchor for level 1; a module's is its parent
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base)
                source = f"{prefix}.{node.module}" if node.module else prefix
            else:
                source = node.module or ""
            for alias in node.names:
                target = _deepest(f"{source}.{alias.name}", modules)
                if target:
                    found.add(target)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports."""
    modules = project_modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = counter
                    counter += 1
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph.get(succ, ())))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _is_command_layer(module: str) -> bool:
    return any(_in(module, command) for command in COMMAND_LAYER)


def _violations(graph: dict[str, set[str]], importer: str, forbidden: Iterable[str],
                exempt: Callable[[str], bool] = lambda module: False) -> list[str]:
    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if _in(module, importer) and not exempt(module)
        for target in targets
        if any(_in(target, package) for package in forbidden)
    )


GRAPH = import_graph()


def test_the_graph_sees_the_imports() -> None:
    """The helper itself: a few edges the code certainly has (else every check passes empty)."""
    assert "db.enums" in GRAPH["db.models_core"]
    assert "app.queue.stage_work" in GRAPH["app.samsat.rules"]  # from ... import, at the top
    assert "app.queue.config" in GRAPH["app.queue.engine"]
    assert any(_in(target, "app") for target in GRAPH["ui.station"])
    assert len(GRAPH) > 100


def test_the_tarjan_helper_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"d"}, "f": {"f"}}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]


def test_relative_and_from_imports_resolve(tmp_path: Path) -> None:
    """``from . import x``, ``from .x import y`` and ``import a.b.c`` reach the right module."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "a.py", "sub/__init__.py", "sub/b.py"):
        (package / name).write_text("")
    modules = {"pkg": package / "__init__.py", "pkg.a": package / "a.py",
               "pkg.sub": package / "sub/__init__.py", "pkg.sub.b": package / "sub/b.py"}
    (package / "sub/b.py").write_text("from .. import a\nfrom . import missing\n")
    (package / "sub/__init__.py").write_text("from .b import thing\nimport pkg.a.deeper\n")
    assert _imports("pkg.sub.b", package / "sub/b.py", modules) == {"pkg.a", "pkg.sub"}
    assert _imports("pkg.sub", package / "sub/__init__.py", modules) == {"pkg.sub.b", "pkg.a"}


def test_no_import_cycle() -> None:
    """A cycle makes the order of imports matter and the modules one lump to read and test."""
    unknown = [c for c in cycles(GRAPH) if c not in KNOWN_CYCLES]
    assert not unknown, "import cycles:\n" + "\n".join(
        "  " + " <-> ".join(sorted(c)) for c in unknown
    )


def test_known_cycles_are_still_there() -> None:
    """An exception that no longer holds is removed from KNOWN_CYCLES, so it cannot come back."""
    found = cycles(GRAPH)
    gone = [c for c in KNOWN_CYCLES if c not in found]
    assert not gone, "no longer cycles, remove from KNOWN_CYCLES: " + "; ".join(
        ", ".join(sorted(c)) for c in gone
    )


def test_db_knows_nothing_above_it() -> None:
    assert _violations(GRAPH, "db", ("app", "ui", "devices", "printing")) == []


def test_devices_stand_on_nothing_but_printing() -> None:
    """The hardware knows no database, service or station. It does use printing: a card
    printer renders a card's layout, a ticket printer takes its paper sizes from printing."""
    assert _violations(GRAPH, "devices", ("db", "app", "ui")) == []


def test_printing_sits_below_app_and_devices() -> None:
    """Documents are drawn from plain data the services hand over; the devices print them."""
    assert _violations(GRAPH, "printing", ("app", "ui", "devices")) == []


def test_every_area_registers_its_leaving_rules() -> None:
    """app.queue.stage_work imports no area: the areas fill its registry when
    app.queue.areas imports them, and every rule of every area's RULES table is there."""
    from app.queue import areas, stage_work

    registered = stage_work.rules()
    for area in areas.LEAVING_RULES:
        for work, rule in area.RULES.items():
            assert rule in registered[work], f"{area.__name__}: {work}"


def test_the_two_device_vocabularies_agree() -> None:
    """devices keeps its own DeviceKind (so it stands on no db); db stores the same values."""
    from db.enums import DeviceKind as Stored
    from devices.base import DeviceKind as Driven

    assert {k.name: k.value for k in Stored} == {k.name: k.value for k in Driven}


def test_app_imports_no_station_but_the_command_layer() -> None:
    assert _violations(GRAPH, "app", ("ui",), exempt=_is_command_layer) == []


def test_nothing_imports_ui_but_ui_and_the_command_layer() -> None:
    outside = [m for m in GRAPH if not _in(m, "ui") and not _is_command_layer(m)]
    assert sorted(
        f"{module} -> {target}"
        for module in outside
        for target in GRAPH[module]
        if _in(target, "ui")
    ) == []


def test_no_service_imports_a_station_read_model() -> None:
    """app/stations/ sits above the services (it calls them for a station); a service that
    imported it would put a station's read model under every caller of that service."""
    assert _violations(GRAPH, "app", ("app.stations",), exempt=lambda module: (
        _is_command_layer(module) or _in(module, "app.stations"))) == []


def test_the_kernel_at_the_top_of_app_imports_no_area() -> None:
    """The modules at the top of app/ are the kernel every area stands on (app/config.py
    excepted: it re-exports the configuration file's names from app/setup)."""
    top = [m for m in GRAPH if m.count(".") == 1 and _in(m, "app")
           and m not in ("app.__main__", "app.config")
           and not (ROOT / "app" / m.split(".")[1]).is_dir()]
    assert len(top) > 10
    areas = [m for m in GRAPH if m.count(".") >= 2 and _in(m, "app")]
    assert sorted(f"{module} -> {target}" for module in top for target in GRAPH[module]
                  if target in areas) == []
