"""loket.toml: round trip, precedence, the key store and its fallback, bad files."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.config import config_path, default_db_url, resolve_db_url
from app.errors import LoketError
from app.setup import configfile, secrets
from app.setup.configfile import DatabaseConfig, SetupConfig, load, save


def _pg(password_store: str = "") -> DatabaseConfig:
    return DatabaseConfig(kind="postgresql", host="10.0.0.5", port=5433, name="loket",
                          user="loket", password_store=password_store)


def _cfg(db: DatabaseConfig, **kw) -> SetupConfig:
    base = {"role": "counter", "office": "SAMSAT-PTK1", "counter": "L1", "code": "LOKET-1",
            "devices": {"document_printer": "sim://",
                        "perforator": "perforator+serial:///dev/ttyUSB1?baudrate=9600"}}
    base.update(kw)
    return SetupConfig(database=db, **base)


def test_config_file_lives_in_loket_home(home: Path) -> None:
    assert config_path() == home / "loket.toml"


def test_round_trip_sqlite(home: Path) -> None:
    cfg = _cfg(DatabaseConfig(kind="sqlite", path=str(home / "data" / "loket.sqlite3")))
    saved = save(cfg)
    assert saved.path == home / "loket.toml" and saved.password_store == ""
    assert load() == cfg
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(saved.path).st_mode) == 0o644


def test_round_trip_windows_path_with_quotes_and_backslashes(home: Path) -> None:
    path = 'C:\\ProgramData\\Loket "kantor"\\loket.sqlite3'
    cfg = _cfg(DatabaseConfig(kind="sqlite", path=path), role="display", counter="")
    save(cfg)
    assert load() == cfg
    assert load().database.path == path  # type: ignore[union-attr]


def test_postgresql_password_goes_to_the_key_store_not_the_file(
        home: Path, keystore: secrets.MemoryKeyStore) -> None:
    saved = save(_cfg(_pg()), "s3cret:@/")
    text = saved.path.read_text()
    assert saved.password_store == "keyring" and not saved.warning
    assert "s3cret" not in text and 'password_store = "keyring"' in text
    assert keystore.items == {"loket@10.0.0.5:5433/loket": "s3cret:@/"}
    cfg = load()
    assert cfg is not None and cfg.database.password is None
    url = resolve_db_url(None)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.database, parsed.username, parsed.password) == (
        "10.0.0.5", 5433, "loket", "loket", "s3cret:@/")


def test_no_key_store_keeps_the_password_in_the_file_owner_only(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "override", None)
    monkeypatch.setattr(secrets, "disabled", True)
    saved = save(_cfg(_pg()), "rahasia")
    assert saved.password_store == "file"
    assert "rahasia" in saved.path.read_text()
    assert str(saved.path) in saved.warning and "penyimpanan kunci" in saved.warning
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(saved.path).st_mode) == 0o600
    assert resolve_db_url(None).startswith("postgresql://loket:rahasia@10.0.0.5:5433/")


class RefusingStore(secrets.MemoryKeyStore):
    def set(self, account: str, password: str) -> None:
        raise secrets.KeyStoreError("locked")


def test_a_refusing_key_store_falls_back_to_the_file(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "override", RefusingStore())
    saved = save(_cfg(_pg()), "rahasia")
    assert saved.password_store == "file"
    assert "locked" in saved.warning
    assert load().database.password == "rahasia"  # type: ignore[union-attr]


def test_password_missing_from_this_users_key_store_is_refused(
        home: Path, keystore: secrets.MemoryKeyStore) -> None:
    save(_cfg(_pg()), "rahasia")
    keystore.items.clear()  # e.g. another Windows user
    with pytest.raises(LoketError) as info:
        resolve_db_url(None)
    assert info.value.key == "setup.password_missing"
    assert "loket config password" in info.value.message()


def test_precedence_db_flag_then_env_then_file_then_default(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_db_url(None) == default_db_url()
    file_db = str(home / "from-file.sqlite3")
    save(_cfg(DatabaseConfig(kind="sqlite", path=file_db)))
    assert resolve_db_url(None) == f"sqlite:///{file_db}"
    monkeypatch.setenv("LOKET_DB", "sqlite:////tmp/env.sqlite3")
    assert resolve_db_url(None) == "sqlite:////tmp/env.sqlite3"
    assert resolve_db_url("sqlite:////tmp/flag.sqlite3") == "sqlite:////tmp/flag.sqlite3"


def test_loket_config_names_another_file(home: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "elsewhere" / "pc.toml"
    monkeypatch.setenv("LOKET_CONFIG", str(other))
    save(_cfg(DatabaseConfig(kind="sqlite", path=str(tmp_path / "x.sqlite3"))))
    assert other.exists() and not (home / "loket.toml").exists()


def test_save_validates_everything_before_writing(home: Path) -> None:
    bad = _cfg(DatabaseConfig(kind="sqlite", path="relative.sqlite3"))
    with pytest.raises(LoketError):
        save(bad)
    bad_device = _cfg(DatabaseConfig(kind="sqlite", path=str(home / "x.sqlite3")),
                      devices={"ticket_printer": "escpos+usb://zz"})
    with pytest.raises(LoketError):
        save(bad_device)
    assert not (home / "loket.toml").exists()


GOOD = """
[station]
role = "kiosk"
office = "SAMSAT-PTK1"

[database]
kind = "postgresql"
host = "server"
port = 5432
name = "loket"
user = "loket"
"""


@pytest.mark.parametrize(("text", "fragment"), [
    ("[station\nrole=", "tidak dapat dibaca"),
    ("[gadgets]\nx = 1", "gadgets"),
    (GOOD.replace('role = "kiosk"', 'role = "kiosk"\ncolour = "red"'), "station.colour"),
    (GOOD.replace('"kiosk"', '"kasir"'), "station.role"),
    (GOOD.replace('office = "SAMSAT-PTK1"', ""), "station.office"),
    (GOOD.replace('office = "SAMSAT-PTK1"', 'office = "SAMSAT PTK1"'), "station.office"),
    (GOOD.replace('"kiosk"', '"counter"'), "station.counter"),
    (GOOD.replace('"postgresql"', '"mysql"'), "database.kind"),
    (GOOD.replace("5432", "0"), "database.port"),
    (GOOD.replace("5432", "70000"), "database.port"),
    (GOOD.replace("5432", "true"), "database.port"),
    (GOOD.replace('host = "server"', 'host = ""'), "database.host"),
    (GOOD.replace('user = "loket"', 'user = "lok\\net"'), "database.user"),
    (GOOD + 'password_store = "vault"', "database.password_store"),
    (GOOD + 'password_store = "file"', "database.password"),
    ('[station]\nrole = "display"\noffice = "X"\n[database]\nkind = "sqlite"\npath = "a.db"',
     "database.path"),
    (GOOD + '[devices]\nticket_printer = "escpos+usb://zz"', "devices.ticket_printer"),
    (GOOD + '[devices]\ncoffee_machine = "sim://"', "devices.coffee_machine"),
    (GOOD + '[devices]\nticket_printer = "card+pdf:///tmp"', "devices.ticket_printer"),
])
def test_bad_files_are_refused_with_the_key_and_reason(home: Path, text: str,
                                                       fragment: str) -> None:
    path = home / "loket.toml"
    path.write_text(text)
    with pytest.raises(LoketError) as info:
        load()
    message = info.value.message()
    assert fragment in message and str(path) in message
    assert "\n" not in message
    with pytest.raises(LoketError):
        resolve_db_url(None)  # nothing runs on a bad file


def test_good_file_loads(home: Path) -> None:
    (home / "loket.toml").write_text(GOOD + '[devices]\nticket_printer = "sim://"\n')
    cfg = load()
    assert cfg is not None
    assert (cfg.role, cfg.office, cfg.database.kind, cfg.devices) == (
        "kiosk", "SAMSAT-PTK1", "postgresql", {"ticket_printer": "sim://"})
    assert cfg.database.url() == "postgresql://loket@server:5432/loket"


text_values = st.one_of(st.text(max_size=40), st.integers(), st.booleans(), st.none(),
                        st.lists(st.text(max_size=5), max_size=2))


@settings(max_examples=150, deadline=None)
@given(role=text_values, office=text_values, port=text_values, path=text_values,
       device=text_values, store=text_values)
def test_any_values_give_a_config_or_a_loket_error(role, office, port, path, device,
                                                   store) -> None:
    for kind in ("sqlite", "postgresql"):
        data = {"station": {"role": role, "office": office},
                "database": {"kind": kind, "path": path, "host": "h", "port": port, "name": "n",
                             "user": "u", "password_store": store},
                "devices": {"ticket_printer": device}}
        try:
            cfg = configfile.from_dict(data)
        except LoketError as exc:
            assert "\n" not in exc.message()
        else:
            assert cfg.role in configfile.ROLES


def test_system_keystore_needs_a_real_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backends import fail

    monkeypatch.setattr(secrets, "override", None)
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert secrets.system_keystore() is None

    items: dict[tuple[str, str], str] = {}

    class Backend:
        priority = 5

        def get_password(self, service, user):
            return items.get((service, user))

        def set_password(self, service, user, password):
            items[(service, user)] = password

        def delete_password(self, service, user):
            items.pop((service, user))

    monkeypatch.setattr(keyring, "get_keyring", lambda: Backend())
    store = secrets.system_keystore()
    assert store is not None
    store.set("loket@h:5432/n", "pw")
    assert items == {("Loket", "loket@h:5432/n"): "pw"}
    assert store.get("loket@h:5432/n") == "pw"
