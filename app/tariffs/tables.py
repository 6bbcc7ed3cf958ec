"""Dated tariff tables in ``resources/tariffs/*.yaml``, validated when loaded.

Every file has the same frame (see ``resources/tariffs/README.md``)::

    format: loket-tariff/1
    kind: interest            # interest | pkb | swdkllj | pnbp
    title: Sanksi bunga ...
    entries:
      - valid_from: 2025-01-05
        valid_until: 2030-12-31   # optional; otherwise until the next entry starts
        basis: UU 1/2022 ...      # the legal basis, shown on the bill
        rounding: half-up         # one of app.money.ROUNDING_RULES
        ...                       # the kind's own fields

Each kind's module passes a parser for its own fields; this module checks the frame, the
dates (no two entries in force on the same day) and collects every problem with the file
and line, so an administrator sees all mistakes at once. A table that cannot be read
raises :class:`TariffTableError` (a :class:`LoketError`: the command line exits 2).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar

import resources
from app.catalog.source import Fields, FileProblems, Problem, load_yaml
from app.errors import LoketError
from app.i18n import tr
from app.money import ROUNDING_RULES, parse_rupiah
from app.tariffs import messages as _messages  # noqa: F401  (registers the messages)

FORMAT = "loket-tariff/1"
KINDS = ("interest", "pkb", "swdkllj", "pnbp")

T = TypeVar("T")


def default_directory() -> Path:
    """``resources/tariffs``: the tables shipped with Loket (an office edits them there)."""
    return resources.path("tariffs")


class TariffTableError(LoketError):
    """A tariff file with mistakes; :attr:`problems` lists each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line))
        self._frame = FileProblems(self.problems)
        super().__init__("tariff.bad_table", summary=self._frame.summary("en"))

    def message(self, lang: str | None = None) -> str:
        return tr("tariff.bad_table", lang, summary=self._frame.summary(lang))


@dataclass(frozen=True)
class Span:
    """Where an entry of a table stands and when it is in force."""

    table: str
    file: str
    line: int
    valid_from: dt.date
    valid_until: dt.date | None
    basis: str
    rounding: str

    def covers(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    @property
    def since(self) -> str:
        """``berlaku 05-01-2025``: for the rule text of a bill line."""
        return f"berlaku {self.valid_from:%d-%m-%Y}"


@dataclass(frozen=True)
class DatedTable(Generic[T]):
    """One file: its header fields and its entries sorted by ``valid_from``."""

    name: str
    kind: str
    title: str
    file: str
    header: dict[str, Any]
    entries: tuple[T, ...]
    spans: tuple[Span, ...] = field(repr=False)

    def at(self, on: dt.date) -> T:
        """The entry in force on ``on``; ``tariff.no_rule`` when none is."""
        for span, entry in zip(reversed(self.spans), reversed(self.entries), strict=True):
            if span.covers(on):
                return entry
        raise LoketError("tariff.no_rule", name=self.name, on=f"{on:%d-%m-%Y}")


# --- typed values a kind's parser reads ----------------------------------------------------

_PERCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,6})?)\s*%\s*$")


def percent(f: Fields, key: str, *, required: bool = True) -> Decimal | None:
    """A rate written as a percentage (``"1.5%"``, ``1,5%``), as a fraction (0.015)."""
    value = f.raw(key)
    if value is None:
        if required and f.ok:
            f.problem(f.line, "catalog.missing", field=f.name(key))
        return None
    return percent_value(value, f, f.line_of(key), f.name(key))


def percent_value(value: Any, f: Fields, line: int, name: str) -> Decimal | None:
    match = _PERCENT.match(value) if isinstance(value, str) else None
    if match:
        rate = Decimal(match.group(1).replace(",", ".")) / 100
        if rate <= 1:
            return rate
    f.problem(line, "tariff.rate", field=name, value=value)
    return None


def money(f: Fields, key: str, *, required: bool = True) -> Decimal | None:
    """A whole, non-negative rupiah amount (``100000``, ``"Rp100.000"``)."""
    value = f.raw(key)
    if value is None:
        if required and f.ok:
            f.problem(f.line, "catalog.missing", field=f.name(key))
        return None
    return money_value(value, f, f.line_of(key), f.name(key))


def money_value(value: Any, f: Fields, line: int, name: str) -> Decimal | None:
    amount: Decimal | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        amount = parse_rupiah(value)
    if amount is None or amount < 0:
        f.problem(line, "tariff.money", field=name, value=value)
        return None
    return amount


def decimal_text(value: object) -> Decimal | None:
    """An exact decimal from text (``"1"``, ``"1.3"``) or None; never raises."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


# --- loading ---------------------------------------------------------------------------------


def _day(f: Fields, key: str) -> dt.date | None:
    """A date field; a date with a time of day is refused (the tables work in whole days)."""
    value = f.date(key)
    if isinstance(value, dt.datetime):
        f.problem(f.line_of(key), "catalog.type", field=f.name(key), expected=tr("type.date"),
                  found=f"datetime {value.isoformat()}")
        return None
    return value

EntryParser = Callable[[Fields, Span], Any]
HeaderParser = Callable[[Fields], dict[str, Any]]

_CACHE: dict[tuple[str, str, int], DatedTable[Any]] = {}


def table_path(name: str, directory: Path | None = None) -> Path:
    return (directory or default_directory()) / f"{name}.yaml"


def load_table(name: str, kind: str, parse_entry: EntryParser, *,
               parse_header: HeaderParser | None = None,
               directory: Path | None = None) -> DatedTable[Any]:
    """Read and check ``<directory>/<name>.yaml`` (cached until the file changes)."""
    path = table_path(name, directory)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise LoketError("tariff.unknown_table", name=name, path=str(path)) from None
    key = (str(path), kind, stamp)
    if key not in _CACHE:
        _CACHE[key] = _read(path, name, kind, parse_entry, parse_header)
    return _CACHE[key]


def _read(path: Path, name: str, kind: str, parse_entry: EntryParser,
          parse_header: HeaderParser | None) -> DatedTable[Any]:
    file = str(path)
    try:
        data = load_yaml(path)
    except FileProblems as exc:
        raise TariffTableError(exc.problems) from None
    sink: list[Problem] = []
    top = Fields(data, "", file, sink, 1)
    fmt = top.text("format")
    if fmt and fmt != FORMAT:
        top.problem(top.line_of("format"), "catalog.format", found=fmt, expected=FORMAT)
    found_kind = top.choice("kind", KINDS)
    if found_kind and found_kind != kind:
        raise LoketError("tariff.wrong_kind", name=name, found=found_kind, expected=kind)
    title = top.text("title")
    header = parse_header(top) if parse_header else {}
    spans: list[Span] = []
    entries: list[Any] = []
    for item, line, where in top.items("entries"):
        f = Fields(item, where, file, sink, line)
        start = _day(f, "valid_from")
        if f.ok and not f.has("valid_from"):
            f.problem(f.line, "catalog.missing", field=f.name("valid_from"))
        until = _day(f, "valid_until")
        basis = f.text("basis")
        rounding = f.choice("rounding", ROUNDING_RULES) or "half-up"
        span = Span(name, file, f.line, start or dt.date.min, until, basis, rounding)
        if start and until and until < start:
            f.problem(f.line_of("valid_until"), "tariff.until_before_from", field=where,
                      until=until, start=start)
        entry = parse_entry(f, span) if f.ok else None
        f.finish()
        if f.ok and start is not None and entry is not None:
            spans.append(span)
            entries.append((where, entry))
    top.finish()
    order = sorted(range(len(spans)), key=lambda i: spans[i].valid_from)
    for a, b in itertools.pairwise(order):
        first, second = spans[a], spans[b]
        where = entries[b][0]
        if first.valid_from == second.valid_from:
            sink.append(Problem(file, second.line, "tariff.same_start",
                                {"field": where, "start": second.valid_from,
                                 "other": first.line}))
        elif first.valid_until is not None and first.valid_until >= second.valid_from:
            sink.append(Problem(file, first.line, "tariff.overlap",
                                {"field": entries[a][0], "start": first.valid_from,
                                 "until": first.valid_until, "other": second.line,
                                 "other_start": second.valid_from}))
    if sink:
        raise TariffTableError(sink)
    return DatedTable(name=name, kind=kind, title=title, file=file, header=header,
                      entries=tuple(entries[i][1] for i in order),
                      spans=tuple(spans[i] for i in order))




def format_percent(rate: Decimal) -> str:
    """A fraction as Indonesians write the percentage: 0.012 -> ``1,2%``, 0.66 -> ``66%``."""
    text = f"{(rate * 100).normalize():f}"
    return text.replace(".", ",") + "%"
