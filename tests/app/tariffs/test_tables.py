"""The tariff tables: the shipped ones load, and mistakes give a clear message."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resources
from app.errors import LoketError
from app.tariffs.interest import load_interest_table
from app.tariffs.rules import TariffTables
from app.tariffs.tables import TariffTableError, format_percent

SHIPPED = resources.path("tariffs")


def copy_tables(tmp: Path) -> Path:
    folder = tmp / "tariffs"
    shutil.copytree(SHIPPED, folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> Path:
    path = folder / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_of(folder: Path) -> TariffTableError:
    with pytest.raises(TariffTableError) as exc:
        TariffTables(folder).check()
    return exc.value


def test_shipped_tables_load() -> None:
    tables = TariffTables()
    assert tables.check() == ["pkb-61", "pkb-interest", "pnbp", "regional-tax-interest",
                              "swdkllj"]
    pkb = tables.pkb(61)
    assert pkb.header == {"province": 61, "province_name": "Kalimantan Barat",
                          "interest": "pkb-interest"}
    old, new = pkb.at(date(2025, 1, 4)), pkb.at(date(2025, 1, 5))
    assert old.rate("pribadi", "R4", 1) == Decimal("0.015")
    assert old.rate("pribadi", "R4", 9) == Decimal("0.035")
    assert old.opsen_rate is None
    assert new.rate("pribadi", "R2", 1) == Decimal("0.011")
    assert new.rate("pribadi", "R2", 1) <= Decimal("0.012")  # UU 1/2022: at most 1.2%
    assert [new.rate("pribadi", "R4", n) for n in range(1, 7)] == [
        Decimal("0.011"), Decimal("0.02"), Decimal("0.03"), Decimal("0.04"), Decimal("0.05"),
        Decimal("0.05")]
    assert new.rate("pribadi", "R3", 2) == Decimal("0.011")
    assert new.rate("umum", "R4", 3) == Decimal("0.005")
    assert new.opsen_rate == Decimal("0.66")
    assert new.span.rounding == "half-up"
    swd = tables.swdkllj().at(date(2025, 1, 1))
    totals = {code: int(k.contribution + swd.card_fee) for code, k in swd.classes.items()}
    assert totals == {
        "motor-50": 3000, "motor-250": 35000, "motor-250-plus": 83000,
        "three-wheeler": 35000, "car-private": 143000, "car-public-1600": 73000,
        "bus-private": 153000, "bus-public": 90000, "truck": 163000, "heavy": 23000,
        "ambulance": 3000, "hearse": 3000, "fire-truck": 3000,
    }
    assert swd.fine_cap == Decimal(100000)
    pnbp = tables.pnbp().at(date(2026, 1, 1))
    assert {item: {c: int(v) for c, v in fees.items()} for item, fees in pnbp.fees.items()} == {
        "stnk": {"R2": 100000, "R3": 100000, "R4": 200000},
        "tnkb": {"R2": 60000, "R3": 60000, "R4": 100000},
        "pengesahan": {"R2": 25000, "R3": 25000, "R4": 50000},
    }


def test_bad_rate_names_file_line_and_entry(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "pkb-61", "pribadi: [1.1%, 2%", "pribadi: [abc, 2%")
    error = problems_of(folder)
    message = error.message("id")
    assert "pkb-61.yaml:" in message
    assert "'entries[2].rates.pribadi[1]'" in message
    assert "persentase" in message and "'abc'" in message
    assert error.key == "tariff.bad_table"
    line = error.problems[0].line
    assert "abc" in (folder / "pkb-61.yaml").read_text().splitlines()[line - 1]
    assert "must be a percentage" in error.message("en")


@pytest.mark.parametrize("bad", ["-1%", "150%", "0.015", "1.5", "1.5 persen"])
def test_rates_must_be_percentages_in_range(tmp_path: Path, bad: str) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "regional-tax-interest", "rate_per_month: 1%", f"rate_per_month: {bad}")
    with pytest.raises(TariffTableError) as exc:
        load_interest_table("regional-tax-interest", directory=folder)
    assert "'entries[2].rate_per_month'" in exc.value.message("id")


def test_missing_valid_from(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "pnbp", "  - valid_from: 2017-01-06\n    basis", "  - basis")
    message = problems_of(folder).message("id")
    assert "pnbp.yaml:" in message
    assert "'entries[1].valid_from'" in message and "tidak ada" in message


def test_overlapping_dates(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "regional-tax-interest", "  - valid_from: 2010-01-01\n",
         "  - valid_from: 2010-01-01\n    valid_until: 2024-06-30\n")
    with pytest.raises(TariffTableError) as exc:
        load_interest_table("regional-tax-interest", directory=folder)
    message = exc.value.message("id")
    assert "'entries[1]'" in message and "tumpang tindih" in message
    assert "30-06-2024" in message and "05-01-2024" in message  # as the screens write days
    assert "overlaps" in exc.value.message("en")


def test_same_start_twice(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "pkb-interest", "valid_from: 2025-01-05", "valid_from: 2010-01-01")
    with pytest.raises(TariffTableError) as exc:
        load_interest_table("pkb-interest", directory=folder)
    assert "'entries[2]'" in exc.value.message("id")
    assert exc.value.problems[0].key == "tariff.same_start"


def test_until_before_from(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "pkb-interest", "  - valid_from: 2010-01-01\n",
         "  - valid_from: 2010-01-01\n    valid_until: 2009-12-31\n")
    with pytest.raises(TariffTableError) as exc:
        load_interest_table("pkb-interest", directory=folder)
    assert exc.value.problems[0].key == "tariff.until_before_from"


def test_a_later_valid_until_leaves_a_gap_without_rule(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "regional-tax-interest", "  - valid_from: 2010-01-01\n",
         "  - valid_from: 2010-01-01\n    valid_until: 2020-12-31\n")
    table = load_interest_table("regional-tax-interest", directory=folder)
    assert table.at(date(2020, 12, 31)).rate_per_month == Decimal("0.02")
    with pytest.raises(LoketError) as exc:
        table.at(date(2022, 1, 1))
    assert exc.value.key == "tariff.no_rule"


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("pkb-61", "rounding: half-up", "rounding: nearest", "'entries[1].rounding'"),
    ("pkb-61", "      dinas: [0.5%]\n  - valid_from", "  - valid_from",
     "'entries[1].rates' harus memuat 'dinas'"),
    ("pkb-61", "umum: [1%]", "umumm: [1%]", "'entries[1].rates.umumm' tidak dikenal"),
    ("pkb-61", "interest: pkb-interest", "interest: ''", "'interest' tidak boleh kosong"),
    ("swdkllj", "card_fee: 3000", "card_fee: -3000", "'entries[1].card_fee'"),
    ("swdkllj", "contribution: 32000}", "contribution: 32000.5}",
     "'entries[1].classes.motor-250.contribution'"),
    ("swdkllj", "{from_day: 1, rate: 25%}", "{from_day: 2, rate: 25%}",
     "'entries[1].late_fine.brackets'"),
    ("swdkllj", "{from_day: 181, rate: 75%}", "{from_day: 81, rate: 75%}",
     "naik berurutan"),
    ("pnbp", "fee: {R2: 100000, R3: 100000, R4: 200000}", "fee: {R2: 100000, R4: 200000}",
     "harus memuat 'R3'"),
    ("pnbp", "format: loket-tariff/1", "format: loket-tariff/9", "loket-tariff/9"),
    ("pnbp", "title: PNBP STNK, TNKB dan pengesahan STNK", "title: [a, b]",
     "'title' harus berupa teks"),
    ("pnbp", "    basis: PP 60/2016\n", "", "'entries[1].basis'"),
    ("pnbp", "kind: pnbp", "kind: bogus", "'kind' bernilai 'bogus'"),
    ("pnbp", "valid_from: 2017-01-06", "valid_from: 2017-01-06 08:00:00",
     "'entries[1].valid_from' harus berupa tanggal"),
    ("pnbp", "valid_from: 2017-01-06", "valid_from: 6 Januari 2017",
     "'entries[1].valid_from' harus berupa tanggal"),
    ("pnbp", "items:", "items: [", "bukan YAML yang sah"),
])
def test_mistakes_are_named(tmp_path: Path, name: str, old: str, new: str,
                            expected: str) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, name, old, new)
    error = problems_of(folder)
    assert f"{name}.yaml:" in error.message("id")
    every = "\n".join(problem.message("id") for problem in error.problems)
    assert expected in every, every


def test_wrong_kind_is_refused(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    shutil.copy(folder / "pnbp.yaml", folder / "pnbp-copy.yaml")
    with pytest.raises(LoketError) as exc:
        load_interest_table("pnbp-copy", directory=folder)
    assert exc.value.key == "tariff.wrong_kind"


def test_every_problem_is_listed(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    edit(folder, "pkb-interest", "rate_per_month: 2%", "rate_per_month: x")
    edit(folder, "pkb-interest", "cap_months: 24", "cap_months: -1")
    with pytest.raises(TariffTableError) as exc:
        load_interest_table("pkb-interest", directory=folder)
    assert len(exc.value.problems) == 2
    assert "(dan 1 kesalahan lain)" in exc.value.message("id")


def test_an_edited_table_is_read_again(tmp_path: Path) -> None:
    folder = copy_tables(tmp_path)
    assert load_interest_table("pkb-interest", directory=folder).at(
        date(2026, 1, 1)).rate_per_month == Decimal("0.01")
    path = edit(folder, "pkb-interest", "rate_per_month: 1%", "rate_per_month: 1.25%")
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_interest_table("pkb-interest", directory=folder).at(
        date(2026, 1, 1)).rate_per_month == Decimal("0.0125")


def test_format_percent() -> None:
    assert format_percent(Decimal("0.012")) == "1,2%"
    assert format_percent(Decimal("0.66")) == "66%"
    assert format_percent(Decimal("0.0125")) == "1,25%"
    assert format_percent(Decimal("1")) == "100%"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=12))
def test_any_rate_text_is_read_or_refused_clearly(text: str) -> None:
    """Whatever an administrator types as a rate, the loader says yes or names the entry."""
    source = (SHIPPED / "pkb-interest.yaml").read_text(encoding="utf-8")
    rate = text.replace("\\", "\\\\").replace('"', '\\"')
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "pkb-interest.yaml").write_text(
            source.replace("rate_per_month: 1%", f'rate_per_month: "{rate}"'), encoding="utf-8")
        try:
            table = load_interest_table("pkb-interest", directory=folder)
        except TariffTableError as exc:
            assert "pkb-interest.yaml:" in exc.message("id")
        else:
            rule = table.at(date(2026, 1, 1))
            assert 0 <= rule.rate_per_month <= 1
