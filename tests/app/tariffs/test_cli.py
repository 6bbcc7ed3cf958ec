"""``loket tariff stnk`` and ``loket tariff check``."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resources
from app.cli import main
from app.cli.tariffs import parse_day
from app.errors import LoketError
from app.store import Store
from tests.helpers import run_json, snapshot


@pytest.fixture
def vehicle_url(url: str) -> str:
    """The seed database with Budi's motorcycle KB 1234 AB, whose STNK ends 1-12-2026."""
    from db.models import Person, Vehicle

    with Store.open(url) as store, store.uow() as uow:
        owner = Person(nik="6171015005900001", name="Budi Santoso", address="Pontianak")
        uow.session.add(owner)
        uow.session.flush()
        uow.session.add(Vehicle(plate="KB 1234 AB", owner_id=owner.id, category="R2",
                                swdkllj_class="motor-250", usage="pribadi", make="Honda",
                                model="Vario 125", njkb=Decimal(20_000_000), bobot="1",
                                ownership_order=1, tax_due_on=date(2026, 12, 1),
                                stnk_valid_until=date(2026, 12, 1)))
        uow.commit()
    return url


def test_stnk_bill_json(capsys, vehicle_url: str) -> None:
    code, data, err = run_json(capsys, vehicle_url, "tariff", "stnk", "--plate", "KB 1234 AB",
                               "--on", "2026-12-01")
    assert (code, err) == (0, "")
    assert data["plate"] == "KB 1234 AB"
    assert data["on"] == "2026-12-01"
    # PKB 20.000.000 x 1,1% = 220.000; opsen 66% = 145.200; SWDKLLJ 35.000; the five-year
    # STNK ends today: STNK 100.000 + TNKB 60.000
    assert [(line["code"], line["amount"]) for line in data["lines"]] == [
        ("pkb", 220_000), ("opsen_pkb", 145_200), ("swdkllj", 35_000),
        ("pnbp.stnk", 100_000), ("pnbp.tnkb", 60_000)]
    assert data["total"] == 560_200
    assert data["lines"][0]["year"] == 2026
    assert "x 1,1% (kendaraan ke-1" in data["lines"][0]["rule"]
    assert data["settles"] == {"tax_due_on": "2027-12-01", "stnk_valid_until": "2031-12-01"}


def test_stnk_bill_human_table(capsys, vehicle_url: str) -> None:
    code = main(["--db", vehicle_url, "tariff", "stnk", "--plate", "kb1234ab", "--on",
                 "2027-03-15"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "Tagihan STNK KB 1234 AB per 15-03-2027" in out
    assert "Sanksi PKB 2026" in out and "Denda SWDKLLJ 2026" in out
    rows = [row for row in out.splitlines() if row.startswith("2026 ")]
    assert len(rows) >= 5
    assert len({len(row) for row in rows}) == 1  # the amounts end in one column
    assert "Dasar perhitungan:" in out


@pytest.mark.parametrize(("argv", "words"), [
    (["--plate", "12345", "--on", "2026-12-01"], "pelat"),
    (["--plate", "KB 9999 ZZ", "--on", "2026-12-01"], "tidak terdaftar"),
    (["--plate", "KB 1234 AB", "--on", "01-12-2026"], "tanggal '01-12-2026' tidak valid"),
    (["--plate", "KB 1234 AB", "--on", "2026-02-30"], "tidak valid"),
])
def test_refusals_exit_2_with_one_line(capsys, vehicle_url: str, argv: list[str],
                                       words: str) -> None:
    before = snapshot(vehicle_url)
    code, data, err = run_json(capsys, vehicle_url, "tariff", "stnk", *argv)
    assert code == 2
    assert data is None
    assert err.startswith("loket: ") and err.count("\n") == 1
    assert words in err.lower() or words in err
    assert snapshot(vehicle_url) == before


def test_check_tables(capsys, tmp_path: Path) -> None:
    assert main(["tariff", "check", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert "pkb-61" in out and "swdkllj" in out
    folder = tmp_path / "t"
    shutil.copytree(resources.path("tariffs"), folder)
    path = folder / "pnbp.yaml"
    path.write_text(path.read_text().replace("R4: 50000", "R4: lima puluh ribu"))
    assert main(["tariff", "check", "--dir", str(folder)]) == 2
    _, err = capsys.readouterr()
    assert "pnbp.yaml:" in err and "'entries[1].items.pengesahan.fee.R4'" in err
    assert err.count("\n") == 1


@given(st.text(max_size=20))
def test_parse_day_never_raises_anything_else(text: str) -> None:
    try:
        day = parse_day(text)
    except LoketError as exc:
        assert exc.key == "tariff.bad_date"
    else:
        assert day.isoformat() == text.strip()


def test_check_a_folder_without_tables(capsys, tmp_path: Path) -> None:
    """A folder that does not exist, holds no table, or has a name the system refuses:
    exit 2 with one line, never "nothing to check: OK" nor a traceback."""
    for folder in (tmp_path / "nope", tmp_path, tmp_path / ("a" * 5000)):
        assert main(["tariff", "check", "--dir", str(folder)]) == 2
        _, err = capsys.readouterr()
        assert err.count("\n") == 1 and "tidak ada tabel tarif" in err
