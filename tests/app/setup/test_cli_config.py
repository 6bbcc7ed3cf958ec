"""``loket config show|init|password|test`` and the database checks, on both databases."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.access import Actor
from app.cli import main
from app.errors import LoketError
from app.setup import secrets
from app.setup.configfile import load
from app.setup.dbcheck import check_database, prepare_database
from tests.helpers import snapshot


def run(capsys, *argv: str) -> tuple[int, object, str]:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_show_with_nothing_configured(capsys, home: Path) -> None:
    code, data, _ = run(capsys, "config", "show")
    assert code == 0
    assert data["file"] == str(home / "loket.toml") and data["file_exists"] is False
    assert data["sources"] == {"database": "default"}
    assert data["database"]["kind"] == "sqlite" and data["station"] == {}


def test_show_names_the_demo_database_when_only_it_exists(capsys, home: Path) -> None:
    assert main(["demo", "--no-window"]) == 0
    capsys.readouterr()
    code, data, _ = run(capsys, "config", "show")
    assert code == 0
    assert data["sources"] == {"database": "demo"}
    assert data["database"]["path"] == str(home / "demo.sqlite3")
    assert main(["db", "upgrade"]) == 0  # the office's own database: shown from then on
    capsys.readouterr()
    code, data, _ = run(capsys, "config", "show")
    assert data["sources"] == {"database": "default"}
    assert data["database"]["path"] == str(home / "loket.sqlite3")


def test_init_then_show_says_where_each_value_came_from(capsys, home: Path) -> None:
    db = home / "kantor.sqlite3"
    code, data, _ = run(capsys, "config", "init", "--role", "kiosk", "--office", "SAMSAT-PTK1",
                        "--station", "KIOSK-1", "--db", f"sqlite:///{db}",
                        "--device", "ticket_printer=escpos+tcp://192.168.1.50:9100")
    assert code == 0 and data["file"] == str(home / "loket.toml")
    code, data, _ = run(capsys, "config", "show")
    assert data["station"] == {"role": "kiosk", "office": "SAMSAT-PTK1", "counter": None,
                               "code": "KIOSK-1"}
    assert data["database"] == {"kind": "sqlite", "path": str(db), "url": f"sqlite:///{db}"}
    assert data["devices"] == {"ticket_printer": "escpos+tcp://192.168.1.50:9100"}
    assert data["sources"] == {"station.role": "file", "station.office": "file",
                               "station.code": "file", "database": "file",
                               "devices.ticket_printer": "file"}


def test_show_masks_the_password_and_names_the_key_store(
        capsys, home: Path, keystore: secrets.MemoryKeyStore) -> None:
    code, _, _ = run(capsys, "config", "init", "--role", "display", "--office", "BPPD-MALANG",
                     "--db", "postgresql://loket:Sup3r-Secret@10.0.0.5:5433/loket")
    assert code == 0
    assert keystore.items == {"loket@10.0.0.5:5433/loket": "Sup3r-Secret"}
    assert "Sup3r-Secret" not in (home / "loket.toml").read_text()
    code = main(["config", "show", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0 and "Sup3r-Secret" not in out
    data = json.loads(out)
    assert data["database"]["password"] == "***"
    assert data["database"]["url"] == "postgresql://loket:***@10.0.0.5:5433/loket"
    assert data["sources"]["database.password"] == "keyring"
    assert data["warnings"] == []
    keystore.items.clear()
    _, data, _ = run(capsys, "config", "show")
    assert data["database"]["password"] is None
    assert any("tidak ada di penyimpanan kunci" in w for w in data["warnings"])  # in words


def test_show_without_key_store_warns_of_the_password_in_the_file(
        capsys, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "override", None)
    monkeypatch.setattr(secrets, "disabled", True)
    code, data, err = run(capsys, "config", "init", "--role", "supervisor", "--office", "X",
                          "--db", "postgresql://loket:pw-in-file@server/loket")
    assert code == 0 and data["password_store"] == "file"
    assert "peringatan" in err
    code = main(["config", "show", "--json"])
    out, _ = capsys.readouterr()
    assert "pw-in-file" not in out
    data = json.loads(out)
    assert data["database"]["password"] == "***"
    assert data["sources"]["database.password"] == "file"
    assert data["warnings"]


def test_show_precedence_of_db_flag_and_environment(capsys, home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "config", "init", "--role", "display", "--office", "X",
        "--db", f"sqlite:///{home}/file.sqlite3")
    monkeypatch.setenv("LOKET_DB", "postgresql://u:envpw@envhost/envdb")
    assert main(["config", "show", "--json"]) == 0
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert "envpw" not in out
    assert data["sources"]["database"] == "LOKET_DB"
    assert (data["database"]["host"], data["database"]["password"]) == ("envhost", "***")
    _, data, _ = run(capsys, "--db", "sqlite:////tmp/flag.sqlite3", "config", "show")
    assert data["sources"]["database"] == "--db"
    assert data["database"]["path"] == "/tmp/flag.sqlite3"
    assert data["sources"]["station.role"] == "file"  # the rest still from the file


def test_bad_file_exits_2_with_one_line(capsys, home: Path) -> None:
    (home / "loket.toml").write_text('[station]\nrole = "kasir"\noffice = "X"\n')
    for argv in (["config", "show"], ["catalog", "list"]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and "station.role" in err and "kasir" in err


def test_init_refuses_to_replace_a_file_and_bad_values(capsys, home: Path) -> None:
    args = ["config", "init", "--role", "display", "--office", "X",
            "--db", f"sqlite:///{home}/a.sqlite3"]
    assert run(capsys, *args)[0] == 0
    before = (home / "loket.toml").read_text()
    code, _, err = run(capsys, *args)
    assert code == 2 and "--force" in err
    for bad in (["--role", "kasir"], ["--device", "printer"], ["--device", "perforator=sim:/"],
                ["--db", "mysql://x/y"]):
        code, _, err = run(capsys, *args, "--force", *bad)
        assert code == 2 and err.count("\n") == 1
    assert (home / "loket.toml").read_text() == before
    assert run(capsys, *args, "--force", "--role", "survey")[0] == 0
    assert load().role == "survey"  # type: ignore[union-attr]


def test_config_password_puts_it_in_the_key_store(
        capsys, home: Path, keystore: secrets.MemoryKeyStore,
        monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "config", "init", "--role", "display", "--office", "X",
        "--db", f"sqlite:///{home}/a.sqlite3")
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    code, _, err = run(capsys, "config", "password", "--password-stdin")
    assert code == 2 and "PostgreSQL" in err
    run(capsys, "config", "init", "--role", "display", "--office", "X", "--force",
        "--db", "postgresql://loket@server/loket")
    assert keystore.items == {}
    monkeypatch.setattr("sys.stdin", io.StringIO("baru\n"))
    code, data, _ = run(capsys, "config", "password", "--password-stdin")
    assert code == 0 and data["password_store"] == "keyring"
    assert keystore.items == {"loket@server:5432/loket": "baru"}
    assert 'password_store = "keyring"' in (home / "loket.toml").read_text()


# --- the database, on SQLite and PostgreSQL --------------------------------------------------


def test_check_and_prepare_an_empty_database(empty_db_url: str) -> None:
    check = check_database(empty_db_url)
    assert (check.status, check.usable, check.can_upgrade) == ("empty", False, True)
    ready = prepare_database(empty_db_url)
    assert ready.usable and ready.current == ready.head and ready.offices == []


def test_check_lists_offices_counters_and_stations(catalog_db_url: str) -> None:
    from app.catalog.service import import_file
    from app.store import Store
    from resources import path

    with Store.open(catalog_db_url) as store, store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    check = check_database(catalog_db_url)
    assert check.usable
    office = check.office("SAMSAT-PTK1")
    assert office is not None
    assert {"SAMSAT-PTK1", "BPPD-MALANG", "BAPENDA-BATU"} <= {o.code for o in check.offices}
    assert [c for c, _ in office.counters] == ["CF", "L1", "L2", "L3"]
    assert ("KIOSK-1", "kiosk", "Kiosk pintu masuk", "") in office.stations
    assert ("LOKET-1", "counter", "Loket 1", "L1") in office.stations
    assert json.loads(json.dumps(check.to_json()))["offices"][0]["code"] == check.offices[0].code


def test_a_missing_sqlite_file_is_not_created_by_a_check(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "loket.sqlite3"
    check = check_database(f"sqlite:///{target}")
    assert (check.status, check.exists) == ("empty", False)
    assert not target.parent.exists()
    assert prepare_database(f"sqlite:///{target}").usable and target.exists()


def test_unreachable_postgresql_is_refused_with_the_reason() -> None:
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(LoketError) as info:
        check_database(f"postgresql://loket:pw@127.0.0.1:{port}/loket?connect_timeout=3")
    assert info.value.key == "db.unreachable"
    assert "refused" in info.value.message().lower()
    assert "pw@" not in info.value.message()


def test_config_test_and_upgrade_commands(capsys, empty_db_url: str) -> None:
    before = snapshot(empty_db_url)
    code, data, _ = run(capsys, "--db", empty_db_url, "config", "test")
    assert code == 0 and data["status"] == "empty"
    assert snapshot(empty_db_url) == before
    code, data, _ = run(capsys, "--db", empty_db_url, "config", "test", "--upgrade")
    assert code == 0 and data["status"] == "current"


def test_stations_and_commands_use_the_configured_database(capsys, home: Path,
                                                           catalog_db_url: str) -> None:
    url = make_url(catalog_db_url)
    code, _, _ = run(capsys, "config", "init", "--role", "counter", "--office", "SAMSAT-PTK1",
                     "--counter", "L1", "--db", url.render_as_string(hide_password=False))
    assert code == 0
    code, data, _ = run(capsys, "catalog", "list", "--office", "SAMSAT-PTK1")
    assert code == 0 and data  # no --db: the configuration file's database
    code, data, _ = run(capsys, "config", "test")
    assert code == 0 and "SAMSAT-PTK1" in [o["code"] for o in data["offices"]]
