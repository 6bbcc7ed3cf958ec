"""Answers of paper questionnaires, typed into a CSV or XLSX file: read and validated.

One row per respondent; one column per element, named by the element's id (so the
column order does not matter); values 1-4. Optional columns: ``date``, ``service`` and the
respondent fields ``age``, ``sex``, ``education``, ``occupation``. Every row is checked
and every error reported with its row number; one bad row and nothing is used.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import LoketError
from app.ikm import messages  # noqa: F401  (registers the messages)
from app.ikm.survey import Survey
from app.inputs import control_char

RESPONDENT_FIELDS = ("age", "sex", "education", "occupation")
OPTIONAL = ("date", "service", *RESPONDENT_FIELDS)
MAX_ERRORS_SHOWN = 3


@dataclass(frozen=True)
class AnswerRow:
    line: int  # row number in the file, the header being row 1
    answers: dict[str, int]
    day: date | None = None
    service: str = ""
    respondent: dict[str, str] = field(default_factory=dict)


def _rows_csv(path: Path) -> list[list[Any]]:
    text = path.read_bytes().decode("utf-8-sig")
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _rows_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _date(value: Any, line: int) -> tuple[date | None, str | None]:
    if value in (None, ""):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date(), None
        except ValueError:
            continue
    return None, LoketError("ikm.row_date", line=line, value=text[:20]).message()


def _value(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 1 <= value <= 4 else None
    text = str(value).strip()
    return int(text) if text in {"1", "2", "3", "4"} else None


def read_answers(path: Path, survey: Survey) -> list[AnswerRow]:
    """The file's questionnaires, or :class:`LoketError` (with the first bad rows)."""
    name = path.name
    if not path.is_file():
        raise LoketError("ikm.file_missing", file=str(path))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise LoketError("ikm.file_kind", file=name)
    try:
        rows = _rows_csv(path) if suffix == ".csv" else _rows_xlsx(path)
    except Exception as exc:  # a broken file: say so, do not crash
        raise LoketError("ikm.file_unreadable", file=name, reason=str(exc)[:120]) from None
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if len(rows) < 2:
        raise LoketError("ikm.file_empty", file=name)
    header = [str(c or "").strip().lower() for c in rows[0]]
    known = set(survey.ids) | set(OPTIONAL)
    for column in header:
        if column not in known:
            raise LoketError("ikm.file_unknown_column", file=name, column=column,
                             known=", ".join([*survey.ids, *OPTIONAL]))
    missing = [e for e in survey.ids if e not in header]
    if missing:
        raise LoketError("ikm.file_header", file=name, missing=", ".join(missing),
                         survey=survey.code)
    out: list[AnswerRow] = []
    errors: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, [*row, *[None] * (len(header) - len(row))], strict=False))
        controls = [(column, char) for column, raw in cells.items() if isinstance(raw, str)
                    and (char := control_char(raw)) is not None]
        if controls:  # a NUL or an escape is never an answer, a name or a service
            errors.extend(LoketError("ikm.row_control", line=line, column=column,
                                     char=char).message() for column, char in controls)
            continue
        answers: dict[str, int] = {}
        for element in survey.ids:
            raw = cells.get(element)
            if raw in (None, ""):
                errors.append(LoketError("ikm.row_missing", line=line, column=element).message())
                continue
            value = _value(raw)
            if value is None:
                errors.append(LoketError("ikm.row_value", line=line, column=element,
                                         value=str(raw)[:20]).message())
                continue
            answers[element] = value
        day, problem = _date(cells.get("date"), line)
        if problem:
            errors.append(problem)
        respondent = {k: str(cells[k]).strip() for k in RESPONDENT_FIELDS
                      if cells.get(k) not in (None, "")}
        out.append(AnswerRow(line, answers, day, str(cells.get("service") or "").strip(),
                             respondent))
    if errors:
        first = "; ".join(errors[:MAX_ERRORS_SHOWN])
        raise LoketError("ikm.file_rows", file=name, count=len(errors), first=first)
    return out
