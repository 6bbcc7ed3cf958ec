"""NPWPD number formats, tax types and document numbers (``resources/npwpd/formats.yaml``).

The file is checked whole when it is read: an unknown placeholder, a pattern without its
serial, a yearly serial without the year, a duplicate tax type or district: each refusal
names the file and the entry (``LoketError("bapenda.formats_file")``). See the file's own
comment for the placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

import app.bapenda.messages  # noqa: F401  (registers the messages)
from app.errors import LoketError
from resources import path as resource_path

DEFAULT_FILE = resource_path("npwpd", "formats.yaml")
FILE_FORMAT = "loket-npwpd/1"
MAX_NUMBER = 40  # taxpayers.npwpd is String(40); assessment numbers String(48)

# placeholders allowed in each pattern; "serial" is required everywhere
PLACEHOLDERS = {
    "npwpd": {"kind", "type", "district", "village", "serial", "year", "yy", "office"},
    "letter": {"serial", "year", "yy", "office"},
    "sspd": {"serial", "year", "yy", "office"},
    "assessment": {"doc", "serial", "year", "yy", "office"},
}
WIDTHS = {"serial", "district", "village"}  # placeholders that take ":N"
PATTERN_KEYS = tuple(PLACEHOLDERS)
SERIAL_MODES = ("never", "yearly")
_TOKEN = re.compile(r"\{([a-z]+)(?::(\d+))?\}")


@dataclass(frozen=True)
class Pattern:
    """A checked number pattern: literal text and ``(name, width)`` placeholders."""

    text: str
    parts: tuple[str | tuple[str, int], ...]

    def width(self, name: str) -> int | None:
        for part in self.parts:
            if isinstance(part, tuple) and part[0] == name:
                return part[1]
        return None

    @property
    def has_year(self) -> bool:
        return any(isinstance(p, tuple) and p[0] in ("year", "yy") for p in self.parts)

    def render(self, values: dict[str, object]) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            name, width = part
            value = values[name]
            out.append(str(value).zfill(width) if width else str(value))
        return "".join(out)


def parse_pattern(text: str, key: str) -> Pattern:
    """``text`` as a pattern for ``key`` (npwpd, letter, sspd, assessment); ValueError with
    the reason when it is not one."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("a pattern is a non-empty text")
    allowed = PLACEHOLDERS[key]
    parts: list[str | tuple[str, int]] = []
    pos = 0
    seen: list[str] = []
    for match in _TOKEN.finditer(text):
        literal = text[pos:match.start()]
        if "{" in literal or "}" in literal:
            raise ValueError(f"unclosed or malformed placeholder in {literal!r}")
        if literal:
            parts.append(literal)
        name, width = match.group(1), match.group(2)
        if name not in allowed:
            raise ValueError(f"unknown placeholder {{{name}}}; allowed: "
                             + ", ".join(sorted(allowed)))
        if name in WIDTHS:
            if width is None or not 1 <= int(width) <= 12:
                raise ValueError(f"{{{name}:N}} needs a width N of 1-12 digits")
        elif width is not None:
            raise ValueError(f"{{{name}}} takes no width")
        if name in seen:
            raise ValueError(f"{{{name}}} appears twice")
        seen.append(name)
        parts.append((name, int(width) if width else 0))
        pos = match.end()
    tail = text[pos:]
    if "{" in tail or "}" in tail:
        raise ValueError(f"unclosed or malformed placeholder in {tail!r}")
    if tail:
        parts.append(tail)
    if "serial" not in seen:
        raise ValueError("the pattern has no {serial:N}: two numbers would be the same")
    if key == "npwpd" and "kind" not in seen and "type" not in seen:
        pass  # an office may number all taxpayers in one series
    pattern = Pattern(text, tuple(parts))
    if key != "npwpd" and not pattern.has_year:
        raise ValueError("document serials restart every year: put {year} or {yy} in it")
    longest = sum(len(p) if isinstance(p, str) else (
        p[1] or {"year": 4, "yy": 2, "kind": 1, "type": 1, "doc": 5, "office": 32}[p[0]])
        for p in parts)
    if longest > MAX_NUMBER:
        raise ValueError(f"numbers would be {longest} characters, at most {MAX_NUMBER}")
    return pattern


@dataclass(frozen=True)
class TaxType:
    code: str
    digit: int
    name: str


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    villages: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FormatEntry:
    valid_from: date
    values: dict[str, Any]  # pattern key -> Pattern, "npwpd_serial" -> str


@dataclass(frozen=True)
class OfficeRules:
    """What one office uses on one day."""

    office: str
    on: date
    npwpd: Pattern
    npwpd_serial: str
    letter: Pattern
    sspd: Pattern
    assessment: Pattern
    districts: tuple[Area, ...] = ()


@dataclass(frozen=True)
class Formats:
    file: str
    tax_types: tuple[TaxType, ...]
    defaults: tuple[FormatEntry, ...]
    offices: dict[str, tuple[FormatEntry, ...]] = field(default_factory=dict)
    districts: dict[str, tuple[Area, ...]] = field(default_factory=dict)

    def tax_type(self, code: str) -> TaxType:
        typed = " ".join(str(code or "").split()).lower()
        wanted = typed.replace(" ", "-").replace("_", "-")
        for tax in self.tax_types:
            if wanted in (tax.code, str(tax.digit)) or typed == tax.name.lower():
                return tax
        raise LoketError("bapenda.bad_tax_type", value=str(code)[:40],
                         choices=", ".join(t.code for t in self.tax_types))

    def rules(self, office: str, on: date) -> OfficeRules:
        values: dict[str, Any] = {}
        for entry in self.defaults:
            if entry.valid_from <= on:
                values.update(entry.values)
        for entry in self.offices.get(office, ()):
            if entry.valid_from <= on:
                values.update(entry.values)
        missing = [k for k in (*PATTERN_KEYS, "npwpd_serial") if k not in values]
        if missing:
            raise LoketError("bapenda.no_format", what=", ".join(missing), on=on,
                             office=office)
        return OfficeRules(office=office, on=on, npwpd=values["npwpd"],
                           npwpd_serial=values["npwpd_serial"], letter=values["letter"],
                           sspd=values["sspd"], assessment=values["assessment"],
                           districts=self.districts.get(office, ()))


class _Problem(Exception):
    def __init__(self, entry: str, reason: str) -> None:
        super().__init__(reason)
        self.entry = entry
        self.reason = reason


def _digits_code(value: Any, entry: str) -> str:
    text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not text.isdigit() or not text.isascii() or len(text) > 8:
        raise _Problem(entry, f"a code is 1-8 digits in quotes, not {value!r}")
    return text


def _entries(raw: Any, where: str, *, need_all: bool) -> tuple[FormatEntry, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Problem(where, "a list of dated entries (valid_from: ...) is needed")
    out: list[FormatEntry] = []
    for i, item in enumerate(raw, 1):
        entry = f"{where} #{i}"
        if not isinstance(item, dict):
            raise _Problem(entry, "an entry is a mapping")
        valid = item.get("valid_from")
        if not isinstance(valid, date):
            raise _Problem(entry, "valid_from must be a date (YYYY-MM-DD)")
        unknown = set(item) - {"valid_from", "npwpd_serial", *PATTERN_KEYS}
        if unknown:
            raise _Problem(entry, "unknown keys: " + ", ".join(sorted(map(str, unknown))))
        values: dict[str, Any] = {}
        for key in PATTERN_KEYS:
            if key in item:
                try:
                    values[key] = parse_pattern(item[key], key)
                except ValueError as exc:
                    raise _Problem(f"{entry} {key}", str(exc)) from None
        if "npwpd_serial" in item:
            if item["npwpd_serial"] not in SERIAL_MODES:
                raise _Problem(f"{entry} npwpd_serial", "choose: " + ", ".join(SERIAL_MODES))
            values["npwpd_serial"] = item["npwpd_serial"]
        if need_all and i == 1:
            missing = [k for k in (*PATTERN_KEYS, "npwpd_serial") if k not in values]
            if missing:
                raise _Problem(entry, "the first default entry needs: " + ", ".join(missing))
        out.append(FormatEntry(valid, values))
    dates = [e.valid_from for e in out]
    if dates != sorted(dates) or len(set(dates)) != len(dates):
        raise _Problem(where, "entries must be in order of valid_from, one per date")
    return tuple(out)


def _check_serial_modes(entries: list[FormatEntry], where: str) -> None:
    """A yearly serial needs the year in the NPWPD: checked on the merged entries."""
    merged: dict[str, Any] = {}
    for entry in sorted(entries, key=lambda e: e.valid_from):
        merged.update(entry.values)
        pattern, mode = merged.get("npwpd"), merged.get("npwpd_serial")
        if mode == "yearly" and pattern is not None and not pattern.has_year:
            raise _Problem(f"{where} {entry.valid_from}",
                           "npwpd_serial yearly needs {year} or {yy} in the NPWPD pattern")


def _tax_types(raw: Any) -> tuple[TaxType, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Problem("tax_types", "a list of {code, digit, name} is needed")
    out: list[TaxType] = []
    for i, item in enumerate(raw, 1):
        entry = f"tax_types #{i}"
        if not isinstance(item, dict) or set(item) != {"code", "digit", "name"}:
            raise _Problem(entry, "an entry has exactly code, digit and name")
        code, digit, name = item["code"], item["digit"], item["name"]
        if not isinstance(code, str) or not re.fullmatch(r"[a-z][a-z0-9-]{0,31}", code):
            raise _Problem(entry, f"code {code!r}: lower-case letters, digits and -")
        if not isinstance(digit, int) or isinstance(digit, bool) or not 0 <= digit <= 9:
            raise _Problem(entry, f"digit {digit!r}: one digit 0-9")
        if not isinstance(name, str) or not name.strip():
            raise _Problem(entry, "name is empty")
        if any(t.code == code for t in out) or any(t.digit == digit for t in out):
            raise _Problem(entry, f"code {code} or digit {digit} used twice")
        out.append(TaxType(code, digit, name.strip()))
    return tuple(out)


def _districts(raw: Any, where: str) -> tuple[Area, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _Problem(where, "districts is a list of {code, name}")
    out: list[Area] = []
    for i, item in enumerate(raw, 1):
        entry = f"{where} #{i}"
        if not isinstance(item, dict) or not {"code", "name"} <= set(item) or \
                set(item) - {"code", "name", "villages"}:
            raise _Problem(entry, "a district has code, name and optionally villages")
        code = _digits_code(item["code"], entry)
        villages = []
        for j, v in enumerate(item.get("villages") or [], 1):
            if not isinstance(v, dict) or set(v) != {"code", "name"}:
                raise _Problem(f"{entry} villages #{j}", "a village has code and name")
            villages.append((_digits_code(v["code"], f"{entry} villages #{j}"),
                             str(v["name"])))
        if any(a.code.lstrip("0") == code.lstrip("0") for a in out):
            raise _Problem(entry, f"district {code} listed twice")
        out.append(Area(code, str(item["name"]), tuple(villages)))
    return tuple(out)


def parse_formats(data: Any, file: str) -> Formats:
    """Check a parsed formats file; ``LoketError("bapenda.formats_file")`` names the entry."""
    try:
        if not isinstance(data, dict):
            raise _Problem("(file)", "the file must be a mapping")
        if data.get("format") != FILE_FORMAT:
            raise _Problem("format", f"must be {FILE_FORMAT}")
        unknown = set(data) - {"format", "tax_types", "defaults", "offices"}
        if unknown:
            raise _Problem("(file)", "unknown keys: " + ", ".join(sorted(map(str, unknown))))
        tax_types = _tax_types(data.get("tax_types"))
        defaults = _entries(data.get("defaults"), "defaults", need_all=True)
        _check_serial_modes(list(defaults), "defaults")
        offices: dict[str, tuple[FormatEntry, ...]] = {}
        districts: dict[str, tuple[Area, ...]] = {}
        raw_offices = data.get("offices") or {}
        if not isinstance(raw_offices, dict):
            raise _Problem("offices", "a mapping of office codes")
        for code, spec in raw_offices.items():
            where = f"offices {code}"
            if not isinstance(spec, dict) or set(spec) - {"formats", "districts"}:
                raise _Problem(where, "an office has formats and/or districts")
            if "formats" in spec:
                offices[str(code)] = _entries(spec["formats"], f"{where} formats",
                                              need_all=False)
                _check_serial_modes([*defaults, *offices[str(code)]], f"{where} formats")
            districts[str(code)] = _districts(spec.get("districts"), f"{where} districts")
    except _Problem as exc:
        raise LoketError("bapenda.formats_file", file=file, entry=exc.entry,
                         reason=exc.reason) from None
    return Formats(file, tax_types, defaults, offices, districts)


_CACHE: dict[tuple[str, float], Formats] = {}


def load_formats(file: Path | str | None = None) -> Formats:
    """Read and check the formats file (re-read when it changes on disk)."""
    path = Path(file) if file else DEFAULT_FILE
    try:
        stamp = path.stat().st_mtime
        key = (str(path), stamp)
        if key in _CACHE:
            return _CACHE[key]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LoketError("bapenda.formats_file", file=str(path), entry="(file)",
                         reason=str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        entry = f"line {mark.line + 1}" if mark else "(file)"
        raise LoketError("bapenda.formats_file", file=str(path), entry=entry,
                         reason=getattr(exc, "problem", None) or str(exc)) from None
    formats = parse_formats(data, str(path))
    _CACHE[key] = formats
    return formats


# --- district and village codes -----------------------------------------------------------


def parse_area_code(value: object, width: int, key: str,
                    choices: tuple[tuple[str, str], ...] = ()) -> str:
    """A district or village code typed by the officer, zero-padded to ``width`` digits;
    checked against the office's list when it has one. Never raises anything else than
    LoketError."""
    text = str(value or "").strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > width \
            or int(text) == 0:
        raise LoketError(key, value=text[:20], reason=tr_digits(width))
    code = text.zfill(width)
    if choices:
        known = {c.zfill(width)[-width:]: c for c, _ in choices}
        if code not in known:
            raise LoketError(key, value=text, reason=_choices_text(choices))
    return code


def tr_digits(width: int) -> str:
    from app.i18n import tr

    return tr("bapenda.code_digits", width=width)


def _choices_text(choices: tuple[tuple[str, str], ...]) -> str:
    from app.i18n import tr

    return tr("bapenda.code_unknown", choices=", ".join(f"{c} {n}" for c, n in choices))
