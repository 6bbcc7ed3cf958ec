"""What an administrator configures for the perforation service, in ``resources/perforation/``.

``media.yaml``: the kinds of valuables (bon bill, parking ticket, ...) a request may name, with
the media code of the perforation machine. ``time_standards.yaml``: the time standard per
office as dated tables (Malang: 15 minutes per 1,000 sheets; Batu: 1-3 days). Both are read
and checked when first used; a mistake raises :class:`~app.errors.LoketError`
``perforation.config`` naming the file and the entry.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from app.errors import LoketError
from app.perforation import messages  # noqa: F401  (registers the messages)
from devices.perforator import Media
from resources import path as resource_path

MEDIA_FORMAT = "loket-perforation-media/1"
TIME_FORMAT = "loket-perforation-time/1"
UNITS = ("minutes", "hours", "days", "working_days")
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")

_cache: dict[tuple[str, float], Any] = {}


def media_file() -> Path:
    return resource_path("perforation", "media.yaml")


def time_file() -> Path:
    return resource_path("perforation", "time_standards.yaml")


def _problem(file: Path, entry: str, reason: str) -> LoketError:
    return LoketError("perforation.config", file=str(file), entry=entry, reason=reason)


def _read(file: Path, fmt: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _problem(file, "-", str(exc)) from None
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a date like 2026-13-01
        raise _problem(file, "-", (str(exc).splitlines() or ["?"])[0]) from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise _problem(file, "format", f"format: {fmt} expected")
    return data


def _date(value: Any, file: Path, entry: str, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _problem(file, entry, f"{key}: YYYY-MM-DD expected, not {value!r}") from None


def _cached(file: Path, loader: Any) -> Any:
    try:
        key = (str(file), file.stat().st_mtime)
    except OSError as exc:
        raise _problem(file, "-", str(exc)) from None
    if key not in _cache:
        _cache[key] = loader(file)
    return _cache[key]


# --- media -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MediaType:
    code: str
    name: str
    name_en: str
    tax: str
    machine: Media
    valid_from: date | None = None
    valid_until: date | None = None

    def available_on(self, day: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_until is None or day <= self.valid_until))

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "name_en": self.name_en,
                "tax": self.tax, "machine": self.machine.value}


def _load_media(file: Path) -> tuple[MediaType, ...]:
    data = _read(file, MEDIA_FORMAT)
    items = data.get("media")
    if not isinstance(items, list) or not items:
        raise _problem(file, "media", "a list of media is required")
    out: list[MediaType] = []
    seen: set[str] = set()
    for index, item in enumerate(items, 1):
        entry = f"media #{index}"
        if not isinstance(item, dict):
            raise _problem(file, entry, "code, name and machine are required")
        code = str(item.get("code", ""))
        entry = f"media #{index} ({code or '?'})"
        if not _CODE.match(code):
            raise _problem(file, entry, "code: 1-32 lower-case letters, digits or hyphens")
        if code in seen:
            raise _problem(file, entry, "code listed twice")
        seen.add(code)
        name = str(item.get("name") or "").strip()
        if not name:
            raise _problem(file, entry, "name is required")
        machine = str(item.get("machine", ""))
        if machine not in {m.value for m in Media}:
            raise _problem(file, entry, "machine must be one of "
                           + ", ".join(m.value for m in Media))
        start = _date(item.get("valid_from"), file, entry, "valid_from")
        end = _date(item.get("valid_until"), file, entry, "valid_until")
        if start and end and end < start:
            raise _problem(file, entry, "valid_until is before valid_from")
        out.append(MediaType(code, name, str(item.get("name_en") or name),
                             str(item.get("tax") or ""), Media(machine), start, end))
    return tuple(out)


def all_media(file: Path | None = None) -> tuple[MediaType, ...]:
    """Every entry of the media list, retired ones included (to show old requests)."""
    return _cached(file or media_file(), _load_media)


def media_choices(on: date, file: Path | None = None) -> list[MediaType]:
    """The media a request received on ``on`` may name, in the file's order."""
    return [m for m in all_media(file) if m.available_on(on)]


def media_named(code: str, file: Path | None = None) -> MediaType | None:
    return next((m for m in all_media(file) if m.code == code), None)


# --- time standards --------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeStandard:
    """The time allowed for one request; ``due`` computes the due time from the start."""

    office: str
    valid_from: date
    kind: str  # per_sheets | duration
    minutes: int = 0
    per: int = 1000
    minimum_minutes: int = 0
    value: int = 0
    min_value: int | None = None
    unit: str = "minutes"
    source: str = ""

    def allowed_minutes(self, sheets: int) -> int | None:
        """Minutes allowed for ``sheets`` (per_sheets and minutes/hours standards)."""
        if self.kind == "per_sheets":
            return max(math.ceil(max(sheets, 0) * self.minutes / self.per),
                       self.minimum_minutes)
        if self.unit == "minutes":
            return self.value
        if self.unit == "hours":
            return self.value * 60
        return None

    def due(self, start: datetime, sheets: int, *, zone: Any = None,
            calendar: Any = None) -> datetime:
        """When a request of ``sheets`` received at ``start`` (aware) is due.

        ``working_days`` need ``calendar`` (:class:`app.workdays.WorkingCalendar`) and
        ``zone`` (a tzinfo): the due time is the same local time that many working days on.
        """
        minutes = self.allowed_minutes(sheets)
        if minutes is not None:
            return start + timedelta(minutes=minutes)
        if self.unit == "days":
            return start + timedelta(days=self.value)
        local = start.astimezone(zone) if zone is not None else start
        day = calendar.add_working_days(local.date(), self.value)
        return datetime.combine(day, local.timetz()).astimezone(start.tzinfo)

    def describe(self) -> str:
        """``15 menit per 1.000 lembar`` / ``1-3 hari``, as the standard is published."""
        if self.kind == "per_sheets":
            return f"{self.minutes} menit per {self.per:,} lembar".replace(",", ".")
        unit = {"minutes": "menit", "hours": "jam", "days": "hari",
                "working_days": "hari kerja"}[self.unit]
        if self.min_value is not None and self.min_value != self.value:
            return f"{self.min_value}-{self.value} {unit}"
        return f"{self.value} {unit}"

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, "valid_from": self.valid_from.isoformat(),
                "kind": self.kind, "minutes": self.minutes, "per": self.per,
                "value": self.value, "min_value": self.min_value, "unit": self.unit,
                "text": self.describe(), "source": self.source}


def _positive(item: dict[str, Any], key: str, file: Path, entry: str, *,
              required: bool = True, default: int = 0) -> int:
    value = item.get(key)
    if value is None and not required:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise _problem(file, entry, f"{key}: a whole number above 0 is required")
    return value


def _load_standards(file: Path) -> tuple[str, dict[str, list[TimeStandard]]]:
    data = _read(file, TIME_FORMAT)
    offices = data.get("offices")
    if not isinstance(offices, dict) or not offices:
        raise _problem(file, "offices", "a table of offices is required")
    default = str(data.get("default") or "")
    if default not in offices:
        raise _problem(file, "default", f"{default!r} is not one of the offices listed")
    table: dict[str, list[TimeStandard]] = {}
    for office, entries in offices.items():
        if not isinstance(entries, list) or not entries:
            raise _problem(file, str(office), "a list of dated entries is required")
        rows = []
        for index, item in enumerate(entries, 1):
            entry = f"{office} #{index}"
            if not isinstance(item, dict):
                raise _problem(file, entry, "valid_from and kind are required")
            start = _date(item.get("valid_from"), file, entry, "valid_from")
            if start is None:
                raise _problem(file, entry, "valid_from is required")
            kind = item.get("kind")
            if kind == "per_sheets":
                rows.append(TimeStandard(
                    str(office), start, kind, minutes=_positive(item, "minutes", file, entry),
                    per=_positive(item, "per", file, entry),
                    minimum_minutes=_positive(item, "minimum_minutes", file, entry,
                                              required=False),
                    source=str(item.get("source") or "")))
            elif kind == "duration":
                unit = item.get("unit")
                if unit not in UNITS:
                    raise _problem(file, entry, "unit must be one of " + ", ".join(UNITS))
                value = _positive(item, "value", file, entry)
                low = item.get("min_value")
                if low is not None:
                    low = _positive(item, "min_value", file, entry)
                    if low > value:
                        raise _problem(file, entry, "min_value is above value")
                rows.append(TimeStandard(str(office), start, kind, value=value, min_value=low,
                                         unit=unit, source=str(item.get("source") or "")))
            else:
                raise _problem(file, entry, "kind must be per_sheets or duration")
        dates = [r.valid_from for r in rows]
        if len(set(dates)) != len(dates):
            raise _problem(file, str(office), "two entries have the same valid_from")
        table[str(office)] = sorted(rows, key=lambda r: r.valid_from)
    return default, table


def standard_for(office_code: str, on: date, file: Path | None = None) -> TimeStandard:
    """The standard of ``office_code`` in force on ``on`` (the default office's when the
    office is not listed); LoketError when no entry is in force yet."""
    file = file or time_file()
    default, table = _cached(file, _load_standards)
    rows = table.get(office_code) or table[default]
    current = [r for r in rows if r.valid_from <= on]
    if not current:
        raise LoketError("perforation.no_standard", office=office_code, day=on)
    return current[-1]
