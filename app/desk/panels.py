"""Which work panels a counter console shows: data in ``resources/panels``, by stage.

The panels themselves are Qt widgets (``ui/panels``); this module only answers "which
names, in which order" so that an office can change it without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import resources
from app.catalog.source import Fields, FileProblems, Problem, load_yaml

FILE = resources.path("panels", "work-panels.yaml")
FORMAT = "loket-panels/1"


def parse(data: Any, file: str) -> dict[str, tuple[str, ...]]:
    sink: list[Problem] = []
    f = Fields(data, "", file, sink, 1)
    if f.ok and f.raw("format") != FORMAT:
        f.problem(f.line_of("format"), "catalog.format", found=f.raw("format"), expected=FORMAT)
    out: dict[str, tuple[str, ...]] = {}
    stages = f.sub("stages")
    if stages is not None and stages.ok:
        for code in list(stages.data):
            out[str(code)] = tuple(stages.texts(code, required=False))
        stages.finish()
    f.finish()
    if sink:
        raise FileProblems(sink)
    return out


@cache
def _default(path: Path = FILE) -> dict[str, tuple[str, ...]]:
    return parse(load_yaml(path), str(path))


def panels_for(stage_codes: Iterable[str], settings: Mapping[str, Any] | None = None, *,
               table: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """The panel names for a counter serving ``stage_codes`` (in stage order, no repeats);
    the office's ``work_panels`` setting overrides the file per stage."""
    table = dict(table if table is not None else _default())
    override = (settings or {}).get("work_panels") or {}
    if isinstance(override, Mapping):
        table.update({str(k): tuple(v) for k, v in override.items() if isinstance(v, list)})
    out: list[str] = []
    for code in stage_codes:
        for name in table.get(code, ()):
            if name not in out:
                out.append(name)
    return out
