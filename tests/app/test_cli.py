"""The ``loket`` command: JSON out, exit 2 with one line and nothing changed on bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from app.cli import main
from tests.helpers import snapshot

SAMSAT = str(resources.path("catalog", "samsat-kalbar-pontianak-1.yaml"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_version_and_module_entry_point() -> None:
    proc = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.startswith("loket ")


def test_db_upgrade_then_status(capsys, empty_db_url: str) -> None:
    data = run_json(capsys, "db", "upgrade", "--db", empty_db_url)
    assert data["from"] is None
    assert data["status"] == "current"
    status = run_json(capsys, "--db", empty_db_url, "db", "status")
    assert status["current"] == status["head"] == data["to"]


def test_commands_refuse_an_unmigrated_database(capsys, empty_db_url: str) -> None:
    code, out, err = run(capsys, "user", "list", "--db", empty_db_url)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "db upgrade" in err  # SQLite's empty database is a file not made yet: named


def test_user_add_and_list(capsys, monkeypatch, db_url: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("sandi-rahasia\n"))
    added = run_json(capsys, "user", "add", "siti", "--role", "supervisor", "--password-stdin",
                     "--full-name", "Siti Aminah", "--db", db_url)
    assert added["username"] == "siti"
    assert added["role"] == "supervisor"
    listed = run_json(capsys, "user", "list", "--db", db_url)
    assert [(u["username"], u["role"], u["full_name"]) for u in listed] == [
        ("siti", "supervisor", "Siti Aminah")]


@pytest.mark.parametrize(
    ("argv", "stdin", "needle"),
    [
        (["user", "add", "budi", "--role", "kasir", "--password-stdin"], "sandi-rahasia\n",
         "peran 'kasir' tidak dikenal"),
        (["user", "add", "budi", "--role", "officer", "--password-stdin"], "pendek\n",
         "kata sandi terlalu pendek"),
        (["user", "add", "budi", "--role", "officer"], "", "kata sandi tidak diberikan"),
        (["user", "add", "Budi Santoso", "--role", "officer", "--password-stdin"], "x" * 9,
         "nama pengguna"),
        (["user", "add", "budi", "--password-stdin"], "", "--role"),
        (["catalog", "import", "/no/such/file.yaml"], "",
         "/no/such/file.yaml: berkas tidak ditemukan"),
        (["catalog", "list", "--office", "NOWHERE"], "", "kantor 'NOWHERE' tidak ditemukan"),
        (["frobnicate"], "", "argumen tidak valid"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys, monkeypatch, db_url: str, argv, stdin, needle
) -> None:
    before = snapshot(db_url)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code, out, err = run(capsys, "--db", db_url, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("loket: ")
    assert err.count("\n") == 1, err
    assert needle in err
    assert snapshot(db_url) == before


@pytest.mark.parametrize(
    "url",
    ["nonsense", "mysql://root@localhost/loket", "sqlite:///:memory:", "postgresql://host"],
)
def test_bad_db_urls_exit_2(capsys, url: str) -> None:
    code, out, err = run(capsys, "--db", url, "db", "upgrade")
    assert code == 2
    assert out == ""
    assert "alamat basis data tidak valid" in err
    assert err.count("\n") == 1


def test_unreachable_db_exits_2(capsys) -> None:
    code, _, err = run(capsys, "--db", "postgresql://x@127.0.0.1:1/loket", "db", "status")
    assert code == 2
    assert "tidak dapat terhubung" in err


def test_english_messages(capsys, monkeypatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    code, _, err = run(capsys, "--db", "nonsense", "db", "upgrade")
    assert code == 2
    assert "invalid database URL" in err


def test_loket_db_environment_variable(capsys, monkeypatch, empty_db_url: str) -> None:
    monkeypatch.setenv("LOKET_DB", empty_db_url)
    data = run_json(capsys, "db", "upgrade")
    assert data["status"] == "current"


def test_default_database_in_the_user_data_folder(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.setenv("LOKET_HOME", str(tmp_path / "home"))
    run_json(capsys, "db", "upgrade")
    assert (tmp_path / "home" / "loket.sqlite3").exists()


def test_catalog_import_and_list(capsys, db_url: str) -> None:
    results = run_json(capsys, "--db", db_url, "catalog", "import", SAMSAT)
    assert results == [{"file": SAMSAT, "kind": "catalog", "office": "SAMSAT-PTK1",
                        "created": results[0]["created"], "updated": 0, "deactivated": 0}]
    assert results[0]["created"] == 1 + 4 + 4 + 2  # office, stages, counters, services
    listed = run_json(capsys, "--db", db_url, "catalog", "list")
    assert [(s["code"], s["prefix"], s["stages"], s["time_standard"]["value"],
             s["time_standard"]["unit"]) for s in listed] == [
        ("STNK-PERPANJANGAN", "A", ["cek-fisik", "loket-1", "loket-2", "loket-3"], 30,
         "minutes"),
        ("STNK-HILANG", "B", ["cek-fisik", "loket-1", "loket-2", "loket-3"], 30, "minutes"),
    ]


def test_bad_catalog_file_exits_2_with_file_and_line(capsys, db_url: str, tmp_path: Path) -> None:
    good = Path(SAMSAT).read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.replace("prefix: B", "prefix: b2"), encoding="utf-8")
    line = next(i for i, text in enumerate(bad.read_text().splitlines(), 1) if "b2" in text)
    before = snapshot(db_url)
    # the good file first: all files are validated before any is loaded
    code, _, err = run(capsys, "--db", db_url, "catalog", "import", SAMSAT, str(bad))
    assert code == 2
    assert err.startswith(f"loket: {bad}:{line}: ")
    assert "awalan nomor antrian 'b2' tidak valid" in err
    assert snapshot(db_url) == before


def test_catalog_check_needs_no_database(capsys) -> None:
    data = run_json(capsys, "catalog", "check", SAMSAT)
    assert data == [{"file": SAMSAT, "ok": True, "office": "SAMSAT-PTK1", "services": 2}]


def test_stations_import_needs_the_office(capsys, db_url: str) -> None:
    stations = str(resources.path("demo", "stations.yaml"))
    code, _, err = run(capsys, "--db", db_url, "catalog", "import", stations)
    assert code == 2
    assert "kantor 'SAMSAT-PTK1' tidak ditemukan" in err


def test_demo_prepares_everything_without_a_window(capsys, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    first = run_json(capsys, "demo", "--no-window", "--db", url)
    assert set(first["offices"]) >= {"SAMSAT-PTK1", "BAPENDA-BATU"}
    assert first["services"] == 25
    assert "petugas1" in first["users_created"]
    assert first["front_office"]["samsat"][-3:] == ["KB 1234 AB", "KB 1717 QA", "KB 4321 CD"]
    assert len(first["front_office"]["bapenda"]) == 2 and first["front_office"]["fiscal"]
    again = run_json(capsys, "demo", "--no-window", "--db", url)
    assert again["users_created"] == []
    assert all(i["created"] == 0 for i in again["imported"])
    assert again["front_office"] == {"samsat": [], "bapenda": [], "fiscal": []}
    # the demo's car is due for its five-yearly STNK and TNKB, a little late
    bill = run_json(capsys, "tariff", "stnk", "--plate", "KB 1717 QA", "--db", url)
    codes = [line["code"] for line in bill["lines"]]
    assert {"pnbp.stnk", "pnbp.tnkb", "pkb.sanksi"} <= set(codes)
