"""Checks that every piece of typed input passes before a service or the database sees it.

Text may hold no control characters (a NUL is refused by PostgreSQL with a traceback, the
others are invisible on a screen and in a printed report); a date typed by a person lies
in the years 2000-2100 (beyond them date arithmetic overflows, and nobody means them);
a number lies within the range its use makes sense for. Each refusal is a
:class:`LoketError` in the reader's language: exit 2 on the command line, nothing changed.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from sqlalchemy import JSON, String, Text, inspect
from sqlalchemy.orm import Session

from app.errors import LoketError
from app.i18n import register

log = logging.getLogger(__name__)

register({
    "input.control": (
        "{field} berisi karakter kendali {char} yang tidak diizinkan",
        "{field} contains the control character {char}, which is not allowed",
    ),
    "input.control_text": (
        "teks yang dimasukkan berisi karakter kendali {char} yang tidak diizinkan (biasanya "
        "dari teks yang ditempel); hapus lalu ketik ulang. Tidak ada yang disimpan.",
        "the text entered contains the control character {char}, which is not allowed "
        "(usually from pasted text); delete it and type it again. Nothing was saved.",
    ),
    "input.bad_date": (
        "{field}: tanggal {value!r} tidak valid; tulis YYYY-MM-DD, mis. 2026-11-23",
        "{field}: invalid date {value!r}; write YYYY-MM-DD, e.g. 2026-11-23",
    ),
    "input.year_range": (
        "{field}: tanggal {value} di luar rentang, tahun {low} sampai {high} saja",
        "{field}: the date {value} is out of range, years {low} to {high} only",
    ),
    "input.number_range": (
        "{field} harus antara {low} dan {high}, bukan {value}",
        "{field} must be between {low} and {high}, not {value}",
    ),
    "input.range": ("harus antara {low} dan {high}, bukan {value}",
                    "must be between {low} and {high}, not {value}"),
})

MIN_YEAR = 2000
MAX_YEAR = 2100
# The largest whole number a database column of this application holds (PostgreSQL integer).
INT_MAX = 2**31 - 1

# C0 and C1 control characters and DEL; the multi-line variant lets tab and line breaks be.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def control_char(text: str, *, multiline: bool = False) -> str | None:
    """The first control character of ``text``, written as ``U+0000``; None if there is none."""
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def check_text(text: str, field: str, *, multiline: bool = False) -> str:
    """``text`` unchanged, or LoketError ``input.control``."""
    char = control_char(text, multiline=multiline)
    if char is not None:
        raise LoketError("input.control", field=field, char=char)
    return text


def check_day(day: date, field: str) -> date:
    """``day`` unchanged if its year is 2000-2100, else LoketError ``input.year_range``."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise LoketError("input.year_range", field=field, value=day.isoformat(),
                         low=MIN_YEAR, high=MAX_YEAR)
    return day


def check_moment(moment: datetime, field: str) -> datetime:
    """A date and time typed by a person: its day within the years 2000-2100."""
    check_day(moment.date(), field)
    return moment


def parse_day(text: str, field: str) -> date:
    """``YYYY-MM-DD`` within the years 2000-2100, else a LoketError naming ``field``."""
    value = (text or "").strip()
    if _DAY.fullmatch(value):
        try:
            return check_day(date.fromisoformat(value), field)
        except ValueError:
            pass
    raise LoketError("input.bad_date", field=field, value=value[:40])


def check_number(value: float, field: str, low: float, high: float) -> float:
    """``value`` unchanged if ``low <= value <= high`` (NaN is outside), else
    LoketError ``input.number_range``."""
    if not low <= value <= high:
        raise LoketError("input.number_range", field=field, low=low, high=high, value=value)
    return value


def _control_in_json(value: object) -> str | None:
    """The first control character but tab and line breaks in any string of a JSON value."""
    if isinstance(value, str):
        return control_char(value, multiline=True)
    items = (value.items() if isinstance(value, dict)
             else value if isinstance(value, list | tuple) else ())
    for item in items:
        found = _control_in_json(item)
        if found:
            return found
    return None


def refuse_control_characters(session: Session, _context: object, _instances: object) -> None:
    """Before any flush: no text column written gets a control character (a ``Text`` column
    and a string in a JSON value may hold tabs and line breaks).

    The command line checks its arguments and the file readers their cells, but a screen
    passes on what was pasted into it (Qt's line edits keep a pasted NUL); this is the one
    check every path meets, so nothing reaches PostgreSQL as a DataError and SQLite never
    stores what a screen or a printout cannot show. A refusal is ``input.control_text``:
    the transaction is rolled back, nothing is kept.
    """
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            column = attr.columns[0]
            if obj in session.dirty and not state.attrs[attr.key].history.has_changes():
                continue
            value = state.dict.get(attr.key)
            if isinstance(value, str) and isinstance(column.type, String):
                char = control_char(value, multiline=isinstance(column.type, Text))
            elif value is not None and isinstance(column.type, JSON):
                char = _control_in_json(value)
            else:
                continue
            if char is not None:
                log.warning("refused %s in %s.%s", char, column.table.name, column.name)
                raise LoketError("input.control_text", char=char)
