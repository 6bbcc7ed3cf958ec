"""Draw docs/architecture.png from the code: Loket's parts in their layers and how many
imports go from each part to the others, read from the source with the same import graph
tests/test_architecture.py checks (so the picture cannot drift from the rules).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/architecture.py [--out docs/architecture.png]

A part is a package of ``ui``/``app``/``db``/... (``app/queue``, ``app/stations``, ...). A
module at the top of ``app/`` is the kernel when it imports nothing above the kernel (worked
out from the graph); the others are drawn as one box among the services (``app/*.py``):
services that still wait for a package of their own. Arrows point from the importer down to what
it imports, thicker for more imports; an arrow upwards (a layer breach) would be red.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

from tests.test_architecture import import_graph  # noqa: E402

# Rows from top to bottom: a part imports only parts in its own row's kernel or below.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stations (Qt)", ("ui",)),
    ("command line", ("app/cli",)),
    ("station read models", ("app/stations",)),
    ("services", ("app/queue", "app/samsat", "app/bapenda", "app/perforation", "app/fiscal",
                  "app/casework", "app/ikm", "app/reports", "app/catalog", "app/tariffs",
                  "app/setup", "app/desk", "app/output", "app/demo", "app/*.py")),
    ("kernel", ("app",)),
    ("output", ("printing", "devices")),
    ("data", ("db",)),
)
WIDTH, ROW, MARGIN, LABEL = 2000, 150, 40, 210


_PARTS = {part for _label, row in LAYERS for part in row}
BELOW_KERNEL = ("db", "devices", "printing", "resources")


def _package_part(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "app" and len(parts) >= 2 and f"app/{parts[1]}" in _PARTS:
        return f"app/{parts[1]}"
    return parts[0]


def kernel(graph: dict[str, set[str]]) -> set[str]:
    """The top modules of app/ that import only each other and what lies below them."""
    top = {m for m in graph if m.count(".") == 1 and _package_part(m) == "app"}
    inside = set(top)
    while True:
        out = {m for m in inside if any(
            t not in inside and _package_part(t) not in BELOW_KERNEL for t in graph[m])}
        if not out:
            return inside
        inside -= out


def part_of(module: str, core: set[str]) -> str:
    """The part a module belongs to: its package under app/, the kernel, the other top
    modules of app/, else its top package."""
    if module == "app.__main__":  # ``python -m app``: the command line's entry
        return "app/cli"
    part = _package_part(module)
    if part == "app" and module != "app" and module not in core:
        return "app/*.py"
    return part


def part_edges() -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Imports between parts (importer part, imported part) and modules per part."""
    graph = import_graph()
    core = kernel(graph)
    edges: Counter[tuple[str, str]] = Counter()
    sizes: Counter[str] = Counter()
    for module, targets in graph.items():
        source = part_of(module, core)
        sizes[source] += 1
        for target in targets:
            into = part_of(target, core)
            if into != source and source in _PARTS and into in _PARTS:
                edges[source, into] += 1
    return edges, sizes


def draw(out: Path) -> Path:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    edges, sizes = part_edges()
    height = MARGIN * 2 + ROW * len(LAYERS) + 30
    image = QImage(WIDTH, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    boxes: dict[str, QRectF] = {}
    rows: dict[str, int] = {}
    for r, (label, row) in enumerate(LAYERS):
        top = MARGIN + r * ROW
        painter.setPen(QColor("#555"))
        painter.setFont(QFont("DejaVu Sans", 13, QFont.Weight.Bold))
        painter.drawText(QRectF(MARGIN, top + 40, LABEL - 20, 40),
                         Qt.AlignmentFlag.AlignVCenter, label)
        span = (WIDTH - LABEL - 2 * MARGIN) / len(row)
        for i, part in enumerate(row):
            box_width = min(span - 16, 360)
            left = LABEL + MARGIN + i * span + (span - box_width) / 2
            boxes[part] = QRectF(left, top + 30, box_width, 60)
            rows[part] = r
    # arrows first, boxes over them
    most = max(edges.values(), default=1)
    for (source, into), count in sorted(edges.items(), key=lambda e: e[1]):
        a, b = boxes[source], boxes[into]
        if rows[into] == rows[source]:
            continue  # services using each other: counted in the caption, not drawn
        upward = rows[into] < rows[source]
        color = QColor("#c0392b") if upward else QColor(40, 90, 160, 90)
        painter.setPen(QPen(color, 1 + 5 * count / most))
        if upward:
            painter.drawLine(QPointF(a.center().x(), a.top()), QPointF(b.center().x(), b.bottom()))
        else:
            painter.drawLine(QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top()))
    side = sum(c for (s, i), c in edges.items() if rows[s] == rows[i])
    painter.setPen(QColor("#555"))
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.drawText(QRectF(MARGIN, height - MARGIN - 10, WIDTH - 2 * MARGIN, 30),
                     Qt.AlignmentFlag.AlignLeft,
                     f"Lines go from a part down to what it imports, thicker for more imports "
                     f"({sum(edges.values())} in all; {side} between services of one row, not "
                     f"drawn); red: an import upwards. Drawn by docs/architecture.py from the "
                     f"source.")
    painter.setFont(QFont("DejaVu Sans", 10))
    for part, box in boxes.items():
        painter.setPen(QPen(QColor("#2c3e50"), 2))
        painter.setBrush(QColor("#eef3fa"))
        painter.drawRoundedRect(box, 8, 8)
        name = {"app": "app kernel", "app/*.py": "app/*.py (other)"}.get(part, part)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter,
                         f"{name}\n{sizes.get(part, 0)} modules")
    painter.end()
    image.save(str(out))
    del app
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "architecture.png")
    opts = parser.parse_args()
    edges, _sizes = part_edges()
    upward = sorted((s, i) for s, i in edges
                    if _row(i) < _row(s))
    print(f"wrote {draw(opts.out)}; {sum(edges.values())} imports between parts, "
          f"{len(upward)} upward: {upward}")
    return 0


def _row(part: str) -> int:
    return next(r for r, (_label, row) in enumerate(LAYERS) if part in row)


if __name__ == "__main__":
    sys.exit(main())
