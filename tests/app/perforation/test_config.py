"""The administrator's files in resources/perforation: loaded, dated, checked."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.errors import LoketError
from app.perforation import config
from app.workdays import WorkingCalendar
from devices.perforator import Media


def test_the_shipped_media_list() -> None:
    codes = [m.code for m in config.media_choices(date(2026, 12, 2))]
    assert codes == ["bon", "parkir", "hiburan", "reklame"]
    assert config.media_named("parkir").machine is Media.PARKIR
    assert config.media_choices(date(2010, 1, 1)) == []  # not yet valid


def test_the_shipped_standards() -> None:
    malang = config.standard_for("BPPD-MALANG", date(2026, 12, 2))
    assert (malang.kind, malang.minutes, malang.per) == ("per_sheets", 15, 1000)
    batu = config.standard_for("BAPENDA-BATU", date(2026, 12, 2))
    assert (batu.unit, batu.value, batu.min_value, batu.describe()) == ("days", 3, 1, "1-3 hari")
    # an office not listed gets the default (Malang's)
    assert config.standard_for("SAMSAT-PTK1", date(2026, 12, 2)) == malang
    with pytest.raises(LoketError) as err:
        config.standard_for("BAPENDA-BATU", date(2020, 1, 1))
    assert err.value.key == "perforation.no_standard"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "entry"), [
    ("format: other/1\n", "format"),
    ("format: loket-perforation-media/1\nmedia: []\n", "media"),
    ("format: loket-perforation-media/1\nmedia:\n  - {code: Bon, name: x, machine: bon}\n",
     "media #1 (Bon)"),
    ("format: loket-perforation-media/1\nmedia:\n  - {code: tiket, name: x, machine: tiket}\n",
     "media #1 (tiket)"),
    ("format: loket-perforation-media/1\nmedia:\n  - {code: a, name: x, machine: bon}\n"
     "  - {code: a, name: y, machine: bon}\n", "media #2 (a)"),
    ("format: loket-perforation-media/1\nmedia:\n  - {code: a, name: x, machine: bon, "
     "valid_from: 2026-13-01}\n", "-"),
    ("format: loket-perforation-media/1\nmedia:\n  - {code: a, name: x, machine: bon, "
     "valid_from: 2026-02-01, valid_until: 2026-01-01}\n", "media #1 (a)"),
    ("format: [\n", "-"),
])
def test_a_bad_media_file_names_the_file_and_entry(tmp_path: Path, text: str,
                                                   entry: str) -> None:
    path = _write(tmp_path, "media.yaml", text)
    with pytest.raises(LoketError) as err:
        config.all_media(path)
    assert err.value.key == "perforation.config"
    assert err.value.params["entry"] == entry and str(path) in err.value.message("id")


@pytest.mark.parametrize(("body", "entry"), [
    ("default: X\noffices:\n  A:\n    - {valid_from: 2020-01-01, kind: per_sheets, "
     "minutes: 15, per: 1000}\n", "default"),
    ("default: A\noffices:\n  A:\n    - {valid_from: 2020-01-01, kind: per_sheets, "
     "minutes: 0, per: 1000}\n", "A #1"),
    ("default: A\noffices:\n  A:\n    - {valid_from: 2020-01-01, kind: duration, value: 3, "
     "unit: weeks}\n", "A #1"),
    ("default: A\noffices:\n  A:\n    - {kind: duration, value: 3, unit: days}\n", "A #1"),
    ("default: A\noffices:\n  A:\n    - {valid_from: 2020-01-01, kind: duration, value: 1, "
     "min_value: 3, unit: days}\n", "A #1"),
    ("default: A\noffices:\n  A:\n    - {valid_from: 2020-01-01, kind: fast}\n", "A #1"),
])
def test_a_bad_time_file_names_the_entry(tmp_path: Path, body: str, entry: str) -> None:
    path = _write(tmp_path, "time.yaml", "format: loket-perforation-time/1\n" + body)
    with pytest.raises(LoketError) as err:
        config.standard_for("A", date(2026, 1, 1), path)
    assert err.value.params["entry"] == entry


def test_dated_entries_and_working_days(tmp_path: Path) -> None:
    path = _write(tmp_path, "time.yaml", """format: loket-perforation-time/1
default: A
offices:
  A:
    - {valid_from: 2020-01-01, kind: per_sheets, minutes: 15, per: 1000}
    - {valid_from: 2026-07-01, kind: per_sheets, minutes: 10, per: 1000, minimum_minutes: 5}
  B:
    - {valid_from: 2020-01-01, kind: duration, value: 2, unit: working_days}
""")
    assert config.standard_for("A", date(2026, 6, 30), path).minutes == 15
    newer = config.standard_for("A", date(2026, 7, 1), path)
    assert newer.minutes == 10 and newer.allowed_minutes(100) == 5
    b = config.standard_for("B", date(2026, 12, 4), path)
    from zoneinfo import ZoneInfo

    friday_9 = datetime(2026, 12, 4, 2, tzinfo=UTC)  # Friday 09:00 WIB
    due = b.due(friday_9, 10, zone=ZoneInfo("Asia/Jakarta"), calendar=WorkingCalendar())
    assert due == datetime(2026, 12, 8, 2, tzinfo=UTC)  # Tuesday 09:00 WIB
    assert b.describe() == "2 hari kerja"
