"""Starting by hand after ``loket demo``: the commands it prints, the demo database chosen
when no other exists, and refusals that say the command that helps."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

from app.cli import main
from app.errors import LoketError
from app.queue.config import resolve_office
from app.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_database_with_no_office_asks_for_a_catalog(db_url: str) -> None:
    with Store.open(db_url) as store, store.uow(read_only=True) as uow, \
            pytest.raises(LoketError) as info:
        resolve_office(uow.session, None)
    assert info.value.key == "office.none"
    message = info.value.message()
    assert "loket catalog import resources/catalog/" in message
    assert ".yaml" in message
    assert "pilihan: )" not in message


def test_a_command_on_a_database_with_no_office_says_import_a_catalog(capsys,
                                                                       db_url: str) -> None:
    code, out, err = run(capsys, "--db", db_url, "ticket", "issue", "STNK-HILANG")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "loket catalog import resources/catalog/" in err


def test_loket_demo_prints_the_command_of_each_station(capsys, home: Path) -> None:
    from app.cli.program import build_parser
    from app.cli.station import connect
    from app.demo import program

    code, out, _ = run(capsys, "demo", "--no-window", "--json")
    assert code == 0
    summary = json.loads(out)
    demo_file = home / "demo.sqlite3"
    url = f"sqlite:///{demo_file}"
    commands = [s["command"] for s in summary["stations"]]
    loket = program()
    assert commands[0] == f"{loket} --db {url} station kiosk --office SAMSAT-PTK1 --station KIOSK-1"
    assert f"{loket} --db {url} station counter --office SAMSAT-PTK1 --counter L1 " \
           "--station LOKET-1" in commands
    assert [(s["kind"], s["counter"]) for s in summary["stations"]] == [
        ("kiosk", None), ("display", None), ("supervisor", None), ("counter", "CF"),
        ("counter", "L1"), ("counter", "L2"), ("counter", "L3"), ("survey", None)]
    assert [s["role"] for s in summary["stations"]][:4] == [
        "Kios antrian", "Layar antrian", "Papan supervisor", "Tempat Cek Fisik"]
    for station in summary["stations"]:  # each command opens its station's database
        args = build_parser().parse_args(shlex.split(station["command"])[1:])
        assert (args.kind, args.counter) == (station["kind"], station["counter"])
        store, office = connect(args)
        with store:
            assert office == "SAMSAT-PTK1"
            assert store.safe_url.endswith(str(demo_file))
    code, text, _ = run(capsys, "demo", "--no-window")  # the same, as text
    assert code == 0
    assert text.startswith(f"Demo: {demo_file}\n")  # the file, not a driver's URL
    for station in summary["stations"]:
        assert f"{station['role']}: {station['command']}\n" in text


def test_the_printed_command_names_a_program_the_shell_finds(monkeypatch,
                                                              tmp_path: Path) -> None:
    import shutil
    import sys

    from app.demo import program

    venv_bin = Path(sys.executable).parent
    if not (venv_bin / "loket").exists():
        pytest.skip("loket is not installed beside this Python")
    monkeypatch.setenv("PATH", str(tmp_path))  # the venv not activated
    assert shutil.which("loket") is None
    assert program() == str(venv_bin / "loket")
    monkeypatch.setenv("PATH", f"{venv_bin}{os.pathsep}{tmp_path}")  # activated
    assert program() == "loket"
    other = tmp_path / "other"
    other.mkdir()
    (other / "loket").write_text("#!/bin/sh\n")
    (other / "loket").chmod(0o755)
    monkeypatch.setenv("PATH", str(other))  # another installation's loket comes first
    assert program() == str(venv_bin / "loket")


def test_a_command_by_hand_finds_the_demo_database(capsys, home: Path) -> None:
    from app.setup.launch import open_station_store

    assert run(capsys, "demo", "--no-window")[0] == 0
    assert not (home / "loket.sqlite3").exists()
    code, out, err = run(capsys, "user", "list", "--json")
    assert code == 0
    assert "petugas1" in out  # the demo's users: the demo's database
    assert err.count("\n") == 1
    assert err.startswith("loket: memakai basis data demo ")
    assert str(home / "demo.sqlite3") in err
    store, office = open_station_store(None, "SAMSAT-PTK1")  # a station by hand, too
    with store:
        assert office == "SAMSAT-PTK1"
        assert store.safe_url.endswith("demo.sqlite3")
    assert capsys.readouterr().err == ""  # said once only


def test_db_upgrade_makes_the_default_database_even_beside_the_demo(capsys,
                                                                    home: Path) -> None:
    assert run(capsys, "demo", "--no-window")[0] == 0
    code, out, err = run(capsys, "db", "upgrade", "--json")
    assert code == 0, err
    assert json.loads(out)["database"].endswith("loket.sqlite3")
    assert "demo" not in err
    # once the default database exists, it is the one used, without a word
    code, out, err = run(capsys, "user", "list", "--json")
    assert code == 0
    assert json.loads(out) == []
    assert err == ""


def test_loket_db_and_the_environment_win_over_the_demo(capsys, home: Path,
                                                        monkeypatch, tmp_path: Path) -> None:
    assert run(capsys, "demo", "--no-window")[0] == 0
    other = tmp_path / "other.sqlite3"
    monkeypatch.setenv("LOKET_DB", f"sqlite:///{other}")
    code, _, err = run(capsys, "user", "list")
    assert code == 2
    assert str(other) in err and "memakai basis data demo" not in err


def test_with_no_database_at_all_the_refusal_says_how_to_make_one(capsys,
                                                                  home: Path) -> None:
    code, out, err = run(capsys, "user", "list")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert f"loket --db sqlite:///{home / 'loket.sqlite3'} db upgrade" in err
    assert "loket demo" in err
    assert not (home / "loket.sqlite3").exists()
