"""Reading a CSV extract of arrears from a regional tax system, line by line.

The format is described in ``resources/fiscal/README.md``: UTF-8 (with or without BOM),
comma or semicolon, a header row naming the columns (Indonesian or English names), one
arrear per line. Every line is checked completely and every problem is kept with its line
number, so the officer gets the whole list at once; one bad line refuses the whole file
(:class:`ExtractRefused`). Nothing here touches the database.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from app.errors import LoketError
from app.fiscal import messages  # noqa: F401  (registers the messages)
from app.i18n import tr
from app.identifiers import parse_nik, parse_nop, parse_plate
from app.inputs import control_char
from app.money import parse_rupiah

_T = TypeVar("_T")

SOURCES = ("pkb", "pbb", "pajak-daerah")
SOURCE_NAMES = {"pkb": "PKB", "pbb": "PBB-P2", "pajak-daerah": "Pajak Daerah"}
_SOURCE_ALIASES = {
    "pkb": "pkb", "pajak-kendaraan": "pkb", "samsat": "pkb",
    "pbb": "pbb", "pbb-p2": "pbb", "pbbp2": "pbb",
    "pajak-daerah": "pajak-daerah", "pajakdaerah": "pajak-daerah", "pd": "pajak-daerah",
    "regional": "pajak-daerah",
}

# canonical column -> the names an extract may use for it (after lower-casing, spaces and
# dashes becoming underscores)
COLUMNS: dict[str, tuple[str, ...]] = {
    "source": ("sumber", "source"),
    "nik": ("nik",),
    "npwpd": ("npwpd",),
    "nop": ("nop", "nop_pbb"),
    "plate": ("nopol", "no_polisi", "nomor_polisi", "plat", "plate"),
    "name": ("nama", "nama_wp", "name"),
    "tax": ("pajak", "jenis_pajak", "tax"),
    "period": ("masa", "masa_pajak", "tahun", "tahun_pajak", "period"),
    "amount": ("jumlah", "pokok", "tunggakan", "amount"),
    "due_date": ("jatuh_tempo", "tgl_jatuh_tempo", "tanggal_jatuh_tempo", "due_date"),
}
REQUIRED = ("name", "tax", "period", "amount", "due_date")
KEYS = ("nik", "npwpd", "nop", "plate")
_ALIAS = {alias: canon for canon, aliases in COLUMNS.items() for alias in aliases}
MAX_AMOUNT = Decimal(10) ** 15  # no single arrear reaches a thousand trillion rupiah
_NPWPD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\- ]{2,38}[A-Za-z0-9]$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_PERIOD_Y = re.compile(r"^(\d{4})$")
_PERIOD_YM = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_PERIOD_MY = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
MAX_ERRORS_SHOWN = 50


# --- problems ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """What is wrong on one line (``line`` 1 is the header row), in which column."""

    line: int
    column: str | None
    error: LoketError

    def message(self, lang: str | None = None) -> str:
        reason = self.error.message(lang)
        if self.column:
            reason = tr("fiscal.field", lang, column=self.column, reason=reason)
        return tr("fiscal.line", lang, line=self.line, reason=reason)

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "key": self.error.key,
                "message": self.message()}


class LineRefused(LoketError):
    """One line with one or more problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("fiscal.line", line=problems[0].line, reason="")

    def message(self, lang: str | None = None) -> str:
        return "; ".join(p.message(lang) for p in self.problems)


class ExtractRefused(LoketError):
    """The file has problems: nothing of it is stored. ``problems`` lists them all."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems
        super().__init__("fiscal.file_invalid", name=name, count=len(problems))

    def message(self, lang: str | None = None) -> str:
        head = tr("fiscal.file_invalid", lang, name=self.name, count=len(self.problems))
        lines = [p.message(lang) for p in self.problems[:MAX_ERRORS_SHOWN]]
        if len(self.problems) > MAX_ERRORS_SHOWN:
            lines.append(tr("fiscal.more_errors", lang,
                            count=len(self.problems) - MAX_ERRORS_SHOWN))
        return "\n".join([head, *("  " + line for line in lines)])


# --- values ------------------------------------------------------------------------------


def parse_source(text: object) -> str:
    """``pkb``, ``pbb`` or ``pajak-daerah`` (also ``PBB-P2``, ``Pajak Daerah``...)."""
    raw = "-".join(str(text or "").strip().lower().replace("_", " ").split())
    if raw in _SOURCE_ALIASES:
        return _SOURCE_ALIASES[raw]
    raise LoketError("fiscal.source", value=str(text)[:40], choices=", ".join(SOURCES))


def parse_npwpd(text: object) -> tuple[str, str]:
    """(as written, key): NPWPD has no national format, so it is compared on its letters
    and digits only (``P.2.0001234.01.02`` == ``P2000123401 02``)."""
    raw = " ".join(str(text or "").split())
    if not _NPWPD.match(raw) or not raw.isascii():
        raise LoketError("fiscal.npwpd", value=raw[:40])
    key = re.sub(r"[^A-Z0-9]", "", raw.upper())
    if len(key) < 4:
        raise LoketError("fiscal.npwpd", value=raw[:40])
    return raw, key


def parse_amount(text: object) -> Decimal:
    """Whole rupiah above zero: ``1250000``, ``1.250.000``, ``Rp 1.250.000``, ``1.250.000,00``."""
    raw = str(text or "").strip()
    amount = parse_rupiah(raw) if raw.isascii() else None
    if amount is None or amount <= 0 or amount >= MAX_AMOUNT:
        raise LoketError("fiscal.amount", value=raw[:40])
    return amount


def parse_date(text: object) -> date:
    """``2025-03-31`` or ``31-03-2025`` (also with ``/`` or ``.``), years 1900-2999."""
    raw = str(text or "").strip()
    if not raw.isascii():
        raise LoketError("fiscal.date", value=raw[:40])
    if m := _DATE_ISO.match(raw):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _DATE_DMY.match(raw):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        raise LoketError("fiscal.date", value=raw[:40])
    try:
        if y < 1900:
            raise ValueError
        return date(y, mo, d)
    except ValueError:
        raise LoketError("fiscal.date", value=raw[:40]) from None


def parse_period(text: object, *, today: date | None = None) -> str:
    """A tax year ``2025`` or month ``2025-03`` (also ``03-2025``, ``2025/3``)."""
    raw = str(text or "").strip()
    latest = (today or date.today()).year + 1
    year, month = 0, 0
    if raw.isascii():
        if m := _PERIOD_Y.match(raw):
            year = int(m[1])
        elif m := _PERIOD_YM.match(raw):
            year, month = int(m[1]), int(m[2])
        elif m := _PERIOD_MY.match(raw):
            month, year = int(m[1]), int(m[2])
    if not 1900 <= year <= latest or (month and not 1 <= month <= 12) or (
            not month and not _PERIOD_Y.match(raw)):
        raise LoketError("fiscal.period", value=raw[:40])
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


# --- one line ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrearRow:
    line: int
    source: str
    nik: str
    npwpd: str
    npwpd_key: str
    nop: str
    plate: str
    name: str
    tax: str
    period: str
    amount: Decimal
    due_date: date

    def identity(self) -> tuple[str, ...]:
        """What makes two lines the same arrear."""
        return (self.nik, self.npwpd_key, self.nop, self.plate, self.tax.casefold(),
                self.period)


_TEXT_MAX = {"name": 200, "tax": 80}


def parse_line(values: Mapping[str, str], *, line: int, source: str | None,
               today: date | None = None, labels: Mapping[str, str] | None = None
               ) -> ArrearRow:
    """Check one line (``values`` by canonical column name, see :data:`COLUMNS`).

    ``source`` is the file's source (``--source``); a line's own ``source`` column must
    agree with it. Raises :class:`LineRefused` (a :class:`LoketError`) with every problem of
    the line; never another exception, whatever the strings.
    """
    today = today or date.today()
    labels = labels or {}
    problems: list[Problem] = []

    def fail(column: str | None, error: LoketError) -> None:
        problems.append(Problem(line, labels.get(column, column) if column else None, error))

    def text(column: str) -> str:
        return " ".join(str(values.get(column) or "").split())

    own = text("source")
    row_source = source
    if own:
        try:
            parsed = parse_source(own)
            if source and parsed != source:
                fail("source", LoketError("fiscal.source_mismatch", value=own[:40],
                                          source=source))
            row_source = parsed
        except LoketError as exc:
            fail("source", exc)
            row_source = None
    elif not source:
        fail("source", LoketError("fiscal.source_missing"))

    keys = {"nik": "", "npwpd": "", "npwpd_key": "", "nop": "", "plate": ""}
    parsers = {"nik": lambda v: parse_nik(v, today=today).value,
               "nop": lambda v: parse_nop(v).value,
               "plate": lambda v: str(parse_plate(v))}
    any_key = False
    for column in KEYS:
        value = text(column)
        if not value:
            continue
        any_key = True
        try:
            if column == "npwpd":
                keys["npwpd"], keys["npwpd_key"] = parse_npwpd(value)
            else:
                keys[column] = parsers[column](value)
        except LoketError as exc:
            fail(column, exc)
    if not any_key:
        fail(None, LoketError("fiscal.no_key"))
    for needed_source, column in (("pkb", "plate"), ("pbb", "nop")):
        if row_source == needed_source and any_key and not text(column):
            fail(None, LoketError("fiscal.key_for_source", source=SOURCE_NAMES[needed_source],
                                  column=labels.get(column, column)))

    plain: dict[str, str] = {}
    for column, limit in _TEXT_MAX.items():
        value = text(column)
        label = labels.get(column, column)
        if not value:
            fail(column, LoketError("fiscal.empty", column=label))
        elif len(value) > limit:
            fail(column, LoketError("fiscal.too_long", column=label, length=len(value),
                                    max=limit))
        plain[column] = value

    def parsed_column(column: str, parse: Callable[[str], _T]) -> _T | None:
        value = text(column)
        if not value:
            fail(column, LoketError("fiscal.empty", column=labels.get(column, column)))
            return None
        try:
            return parse(value)
        except LoketError as exc:
            fail(column, exc)
            return None

    amount = parsed_column("amount", parse_amount)
    due = parsed_column("due_date", parse_date)
    period = parsed_column("period", lambda v: parse_period(v, today=today))

    if problems:
        raise LineRefused(problems)
    assert row_source and amount is not None and period and due
    return ArrearRow(line=line, source=row_source, name=plain["name"], tax=plain["tax"],
                     period=period, amount=amount, due_date=due, **keys)


# --- the file ----------------------------------------------------------------------------


@dataclass
class Extract:
    """A checked file: every line is an arrear of ``source``."""

    name: str
    sha256: str
    source: str
    rows: list[ArrearRow] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows), Decimal(0))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoketError("fiscal.file_encoding", name=name, position=exc.start + 1) from None


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _header(cells: list[str]) -> tuple[dict[int, str], dict[str, str], list[Problem]]:
    """Column index -> canonical name; canonical -> the name written; problems of line 1."""
    index: dict[int, str] = {}
    labels: dict[str, str] = {}
    problems: list[Problem] = []
    for i, cell in enumerate(cells):
        written = cell.strip()
        norm = re.sub(r"[\s\-]+", "_", written.lower())
        if not norm:
            continue
        canon = _ALIAS.get(norm)
        if canon is None:
            problems.append(Problem(1, None, LoketError(
                "fiscal.header_unknown", column=written[:40],
                known=", ".join(a for aliases in COLUMNS.values() for a in aliases[:1]))))
        elif canon in labels:
            problems.append(Problem(1, None, LoketError("fiscal.header_twice",
                                                        column=written[:40])))
        else:
            index[i] = canon
            labels[canon] = written
    for canon in REQUIRED:
        if canon not in labels and cells:
            problems.append(Problem(1, None, LoketError("fiscal.header_missing",
                                                        column=COLUMNS[canon][0])))
    if not any(k in labels for k in KEYS):
        problems.append(Problem(1, None, LoketError("fiscal.header_no_key")))
    return index, labels, problems


def read_extract(data: bytes, *, name: str, source: str | None = None,
                 today: date | None = None) -> Extract:
    """Check a whole file; :class:`ExtractRefused` lists every problem, else the rows.

    The source of the extract is ``source`` (``--source``) or, if not given, the file's
    ``sumber`` column, which must then name one source for all lines.
    """
    today = today or date.today()
    if source is not None:
        source = parse_source(source)
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data, name)
    if not text.strip():
        raise LoketError("fiscal.file_empty", name=name)
    first_line = text.lstrip().splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    problems: list[Problem] = []
    rows: list[ArrearRow] = []
    seen: dict[tuple[str, ...], int] = {}
    index: dict[int, str] = {}
    labels: dict[str, str] = {}
    width = 0
    header_done = False
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if not header_done:
                header_done = True
                index, labels, header_problems = _header(cells)
                width = len(cells)
                if header_problems:
                    raise ExtractRefused(name, header_problems)
                continue
            if len(cells) != width:
                problems.append(Problem(line, None, LoketError(
                    "fiscal.columns", found=len(cells), expected=width)))
                continue
            controls = [(i, char) for i, cell in enumerate(cells)
                        if (char := control_char(cell)) is not None]
            if controls:  # a NUL or an escape is never a name, a key or an amount
                problems.extend(Problem(line, labels.get(index.get(i, ""), str(i + 1)),
                                        LoketError("fiscal.control", char=char))
                                for i, char in controls)
                continue
            values = {canon: cells[i] for i, canon in index.items()}
            try:
                row = parse_line(values, line=line, source=source, today=today,
                                 labels=labels)
            except LineRefused as exc:
                problems.extend(exc.problems)
                continue
            first = seen.setdefault(row.identity(), line)
            if first != line:
                problems.append(Problem(line, None, LoketError("fiscal.duplicate_row",
                                                               first=first)))
                continue
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, None, LoketError(
            "fiscal.csv_syntax", reason=str(exc))))
    if problems:
        raise ExtractRefused(name, problems)
    if not rows:
        raise LoketError("fiscal.file_no_rows", name=name)
    sources = sorted({r.source for r in rows})
    if len(sources) > 1:
        raise LoketError("fiscal.source_mixed", sources=", ".join(sources))
    return Extract(name=name, sha256=digest, source=sources[0], rows=rows)
