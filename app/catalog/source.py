"""Reading office-editable YAML so that every complaint can name the file and the line.

PyYAML's safe loader is extended to remember, for each mapping key and list item, the line
it stands on; :class:`Fields` reads typed values out of such a mapping and collects
:class:`Problem` s instead of stopping at the first one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.catalog import messages  # noqa: F401  (registers the catalog.* keys added later)
from app.i18n import tr
from app.inputs import control_char

# The largest whole number a catalog may give (a count, a time, a counter's number): far
# above any real one, far below what a database column holds.
MAX_NUMBER = 1_000_000


class LocatedDict(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list[Any]):
    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 0: the file as a whole (missing, unreadable), said without a line
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {tr(self.key, lang, **self.params)}"


class FileProblems(Exception):
    """A file that cannot be loaded, with every problem found (in file order)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line))
        super().__init__(self.summary("en"))

    def summary(self, lang: str | None = None) -> str:
        """One line: the first problem, and how many more there are."""
        first = self.problems[0].message(lang)
        rest = len(self.problems) - 1
        return f"{first} {tr('catalog.more', lang, n=rest)}" if rest else first


def load_yaml(path: Path) -> Any:
    """Parse ``path``; syntax errors become a :class:`FileProblems` with the line."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileProblems([Problem(name, 0, "catalog.file_missing")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FileProblems([Problem(name, 0, "catalog.yaml", {"reason": str(exc)})]) from None
    try:
        return yaml.load(raw, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = exc.problem or str(exc)
        raise FileProblems([Problem(name, line, "catalog.yaml", {"reason": reason})]) from None
    except yaml.YAMLError as exc:
        raise FileProblems([Problem(name, 0, "catalog.yaml", {"reason": str(exc)})]) from None


_TYPE_NAMES = {str: "type.text", int: "type.number", list: "type.list", dict: "type.mapping",
               bool: "type.bool", dt.date: "type.date"}


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return f"{type(value).__name__} {value!r}"


class Fields:
    """Typed access to one mapping of a file; problems are collected in ``sink``."""

    def __init__(self, data: Any, path: str, file: str, sink: list[Problem], line: int) -> None:
        self.file = file
        self.path = path
        self.sink = sink
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if self.ok else {}
        self.line = getattr(data, "line", line)
        self._seen: set[str] = set()
        if not self.ok:
            self.problem(line, "catalog.type", field=path or "(root)",
                         expected=tr("type.mapping"), found=_found(data))

    def problem(self, line: int, key: str, **params: Any) -> None:
        self.sink.append(Problem(self.file, line, key, params))

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def line_of(self, key: str) -> int:
        return getattr(self.data, "key_lines", {}).get(key, self.line)

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def raw(self, key: str) -> Any:
        self._seen.add(key)
        return self.data.get(key)

    def _typed(self, key: str, kind: type, required: bool, default: Any) -> Any:
        self._seen.add(key)
        if key not in self.data or self.data[key] is None:
            if required and self.ok:
                self.problem(self.line, "catalog.missing", field=self.name(key))
            return default
        value = self.data[key]
        good = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
            value, good = str(value), True  # a phone number or a year written bare
        if not good:
            self.problem(self.line_of(key), "catalog.type", field=self.name(key),
                         expected=tr(_TYPE_NAMES[kind]), found=_found(value))
            return default
        return value

    def clean(self, value: str, line: int, field: str, max_len: int | None = None) -> str:
        """``value`` if it has no control character (tab and line breaks are text) and fits
        ``max_len``; else a problem, and the empty text."""
        char = control_char(value, multiline=True)
        if char is not None:
            self.problem(line, "catalog.control", field=field, char=char)
            return ""
        if max_len is not None and len(value) > max_len:
            self.problem(line, "catalog.too_long", field=field, length=len(value), max=max_len)
            return ""
        return value

    def text(self, key: str, *, required: bool = True, default: str = "",
             max_len: int | None = None) -> str:
        value = self._typed(key, str, required, default)
        value = value.strip() if isinstance(value, str) else default
        if required and key in self.data and self.data[key] is not None and not value:
            self.problem(self.line_of(key), "catalog.empty", field=self.name(key))
        return self.clean(value, self.line_of(key), self.name(key), max_len)

    def integer(self, key: str, *, required: bool = True, default: int | None = None,
                positive: bool = True) -> int | None:
        value = self._typed(key, int, required, default)
        if value is not None and positive and value <= 0:
            self.problem(self.line_of(key), "catalog.positive", field=self.name(key))
            return default
        if value is not None and abs(value) > MAX_NUMBER:
            self.problem(self.line_of(key), "catalog.too_big", field=self.name(key),
                         value=value, max=MAX_NUMBER)
            return default
        return value

    def boolean(self, key: str, *, default: bool) -> bool:
        return bool(self._typed(key, bool, False, default))

    def date(self, key: str) -> dt.date | None:
        return self._typed(key, dt.date, False, None)

    def choice(self, key: str, choices: tuple[str, ...], *, required: bool = True,
               default: str | None = None) -> str | None:
        value = self._typed(key, str, required, default)
        if value is not None and value not in choices:
            self.problem(self.line_of(key), "catalog.choice", field=self.name(key), value=value,
                         choices=", ".join(choices))
            return default
        return value

    def items(self, key: str, *, required: bool = True) -> list[tuple[Any, int, str]]:
        """A list's items with their line and path, e.g. ``services[3]``."""
        value = self._typed(key, list, required, None)
        if value is None:
            return []
        if required and not value:
            self.problem(self.line_of(key), "catalog.empty", field=self.name(key))
        lines = getattr(value, "item_lines", [self.line_of(key)] * len(value))
        return [(item, lines[i], f"{self.name(key)}[{i + 1}]") for i, item in enumerate(value)]

    def texts(self, key: str, *, required: bool = True) -> list[str]:
        out = []
        for item, line, path in self.items(key, required=required):
            if isinstance(item, str | int) and not isinstance(item, bool) and str(item).strip():
                out.append(self.clean(str(item).strip(), line, path))
            else:
                self.problem(line, "catalog.type", field=path, expected=tr("type.text"),
                             found=_found(item))
        return out

    def sub(self, key: str, *, required: bool = True) -> Fields | None:
        self._seen.add(key)
        if key not in self.data or self.data[key] is None:
            if required and self.ok:
                self.problem(self.line, "catalog.missing", field=self.name(key))
            return None
        return Fields(self.data[key], self.name(key), self.file, self.sink, self.line_of(key))

    def finish(self) -> None:
        """Report fields nobody read: usually a typo that would otherwise be ignored."""
        known = sorted(self._seen)
        for key in self.data:
            if key not in self._seen:
                self.problem(self.line_of(key), "catalog.unknown_field", field=self.name(key),
                             known=", ".join(known))
