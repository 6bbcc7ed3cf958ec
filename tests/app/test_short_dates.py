"""One short date per language on every screen (app/i18n.py), and no screen formatting a
date of its own."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.i18n import date_pattern, date_range, short_date, short_date_time

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 12, 6)


@pytest.mark.parametrize(("lang", "text", "pattern"), [("id", "06-12-2026", "dd-MM-yyyy"),
                                                        ("en", "06/12/2026", "dd/MM/yyyy")])
def test_a_short_date_in_each_language(lang: str, text: str, pattern: str) -> None:
    assert short_date(DAY, lang) == text
    assert short_date(datetime(2026, 12, 6, 23, 59, tzinfo=UTC), lang) == text
    assert short_date_time(datetime(2026, 12, 6, 14, 5, tzinfo=UTC), lang) == f"{text} 14:05"
    assert date_pattern(lang) == pattern
    assert date_range(DAY, DAY, lang) == text


def test_the_qt_pattern_writes_what_short_date_writes() -> None:
    from PySide6.QtCore import QDate

    for lang in ("id", "en"):
        assert QDate(2026, 12, 6).toString(date_pattern(lang)) == short_date(DAY, lang)


def test_the_language_by_default_and_a_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    assert short_date(DAY) == "06/12/2026"
    assert date_range(DAY, date(2026, 12, 8)) == "06/12/2026 to 08/12/2026"
    monkeypatch.setenv("LOKET_LANG", "id")
    assert short_date(DAY) == "06-12-2026"
    assert date_range(DAY, date(2026, 12, 8)) == "06-12-2026 s.d. 08-12-2026"


@pytest.mark.parametrize(("lang", "words"), [
    ("id", "periode tidak valid: 08-12-2026 sampai 06-12-2026"),
    ("en", "invalid period: 08/12/2026 to 06/12/2026")])
def test_a_refusal_writes_its_days_in_the_readers_format(lang: str, words: str) -> None:
    """A day given to a message is written when the message is read, in that language."""
    import app.reports.messages  # noqa: F401  (registers the report.* messages)
    from app.errors import LoketError

    error = LoketError("report.bad_period", start=date(2026, 12, 8), end=DAY)
    assert error.message(lang).startswith(words)
    assert "2026-12-0" not in error.message(lang)


def test_no_refusal_turns_a_day_into_iso_text() -> None:
    """Refusals give days to the message as dates (formatted for the reader), not as ISO
    text fixed when raised."""
    raising = re.compile(r"LoketError\(.*\b(day|on|start|end|due|issued|as_of|today|stnk|tax)="
                         r"[\w.()]+\.isoformat\(\)")
    found = [f"{path.relative_to(ROOT)}:{n}"
             for path in sorted((ROOT / "app").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if raising.search(line)]
    assert found == []
# a date written by a screen itself: strftime, an f-string's date format, a Qt pattern
OWN_FORMAT = re.compile(r"strftime\(|:%[dY]|%d-%m|%d/%m|setDisplayFormat\(\s*[\"']|"
                        r"[\"']dd[-/.]MM")


def test_no_screen_formats_a_date_of_its_own() -> None:
    """Every date a screen shows goes through app.i18n (short_date, short_date_time,
    date_pattern), so one language writes one format everywhere."""
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for path in sorted((ROOT / "ui").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OWN_FORMAT.search(line)]
    assert found == []
