"""This PC's configuration file (``loket.toml``): its role, office, database and devices.

::

    # Loket: this PC's configuration
    [station]
    role = "counter"          # kiosk, counter, display, supervisor, survey
    office = "SAMSAT-PTK1"
    counter = "L1"            # counter PCs (and a survey tablet rating one loket)
    code = "LOKET-1"          # optional: this PC's station code in the office's stations

    [database]
    kind = "postgresql"       # or "sqlite" with path = "C:\\ProgramData\\Loket\\loket.sqlite3"
    host = "10.0.0.5"
    port = 5432
    name = "loket"
    user = "loket"
    password_store = "keyring"  # the OS key store; "file": password = "..." in this file

    [devices]
    ticket_printer = "escpos+usb://04b8:0202?profile=TM-T88V"

Every value is checked when the file is read: a bad one is refused with the file, the key
and the reason (``LoketError``), before anything uses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

import app.setup.messages  # noqa: F401  (registers the messages)
from app.errors import LoketError
from app.i18n import tr
from app.setup import secrets
from db.engine import sqlite_url
from db.enums import DeviceKind

APP_NAME = "Loket"
HOME_ENV = "LOKET_HOME"
CONFIG_ENV = "LOKET_CONFIG"
CONFIG_NAME = "loket.toml"


def config_dir() -> Path:
    """The machine-wide folder of this PC's configuration and shared data:
    ``%PROGRAMDATA%\\Loket`` on Windows, ``/etc/loket`` elsewhere; ``LOKET_HOME`` wins.

    Placed here, with the file it holds, so that app.config (the database in force) builds on
    this module and this module on nothing of it."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME
    return Path("/etc/loket")


def config_path() -> Path:
    """This PC's configuration file (``LOKET_CONFIG`` names another one)."""
    explicit = os.environ.get(CONFIG_ENV, "").strip()
    return Path(explicit) if explicit else config_dir() / CONFIG_NAME


ROLES = ("kiosk", "counter", "display", "supervisor", "survey")
KINDS = ("sqlite", "postgresql")
PASSWORD_STORES = ("keyring", "file")
DEVICE_KINDS = tuple(k.value for k in DeviceKind)
DEFAULT_PORT = 5432
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
_TEXT = re.compile(r"^\S(?:[^\x00-\x1f\x7f]{0,198}\S)?$")

_KEYS = {
    "station": ("role", "office", "counter", "code"),
    "database": ("kind", "path", "host", "port", "name", "user", "password_store", "password"),
    "devices": DEVICE_KINDS,
}


@dataclass(frozen=True)
class DatabaseConfig:
    kind: str = "sqlite"
    path: str = ""  # sqlite: the file, absolute
    host: str = ""
    port: int = DEFAULT_PORT
    name: str = ""
    user: str = ""
    password_store: str = ""  # postgresql: "keyring", "file", or "" (no password)
    password: str | None = None  # only when password_store == "file", or just typed in

    @property
    def account(self) -> str:
        """The key store's name for this database's password."""
        return secrets.account(self.user, self.host, self.port, self.name)

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL, with ``password`` (or the one held in memory)."""
        if self.kind == "sqlite":
            return sqlite_url(Path(self.path))
        return URL.create("postgresql", username=self.user or None,
                          password=password if password is not None else self.password,
                          host=self.host, port=self.port,
                          database=self.name).render_as_string(hide_password=False)

    def masked_url(self) -> str:
        if self.kind == "sqlite":
            return self.url()
        has_password = bool(self.password) or self.password_store == "keyring"
        return self.url("***" if has_password else None).replace("%2A%2A%2A", "***")


@dataclass(frozen=True)
class SetupConfig:
    role: str
    office: str
    database: DatabaseConfig
    counter: str = ""
    code: str = ""
    devices: dict[str, str] = field(default_factory=dict)


# --- reading -------------------------------------------------------------------------------


def _bad(file: Path | str, key: str, reason: str) -> LoketError:
    return LoketError("setup.bad_value", file=str(file), key=key, reason=reason)


def _text(file: Path | str, key: str, value: Any, *, required: bool = False) -> str:
    if value is None or value == "":
        if required:
            raise _bad(file, key, tr("setup.missing"))
        return ""
    if not isinstance(value, str) or not _TEXT.match(value):
        raise _bad(file, key, tr("setup.bad_text", value=str(value)[:60]))
    return value


def _code(file: Path | str, key: str, value: Any, *, required: bool = False) -> str:
    text = _text(file, key, value, required=required)
    if text and not _CODE.match(text):
        raise _bad(file, key, tr("setup.bad_code", value=text))
    return text


def check_device(file: Path | str, kind: str, value: Any) -> str:
    """A device's connection string, validated for that kind of device."""
    from devices.connection import BadConnection, parse

    if kind not in DEVICE_KINDS:
        raise _bad(file, f"devices.{kind}",
                   tr("setup.unknown_device", value=kind, choices=", ".join(DEVICE_KINDS)))
    if not isinstance(value, str):
        raise _bad(file, f"devices.{kind}", tr("setup.bad_text", value=str(value)[:60]))
    try:
        return parse(value, DeviceKind(kind)).raw
    except BadConnection as exc:
        raise _bad(file, f"devices.{kind}",
                   tr("setup.bad_device", value=value[:80], reason=exc.reason)) from None


def from_dict(data: dict[str, Any], file: Path | str = "loket.toml") -> SetupConfig:
    """Validate a parsed file (or the wizard's answers) into a :class:`SetupConfig`."""
    for section, value in data.items():
        if section not in _KEYS:
            raise _bad(file, section, tr("setup.unknown_key", known=", ".join(_KEYS)))
        if not isinstance(value, dict):
            raise _bad(file, section, tr("setup.bad_text", value=str(value)[:60]))
        for key in value:
            if key not in _KEYS[section]:
                raise _bad(file, f"{section}.{key}",
                           tr("setup.unknown_key", known=", ".join(_KEYS[section])))
    station = data.get("station", {})
    role = station.get("role")
    if role not in ROLES:
        raise _bad(file, "station.role", tr("setup.bad_role", value=role, choices=", ".join(ROLES))
                   if role is not None else tr("setup.missing"))
    office = _code(file, "station.office", station.get("office"), required=True)
    counter = _code(file, "station.counter", station.get("counter"), required=role == "counter")
    code = _code(file, "station.code", station.get("code"))
    database = _database(file, data.get("database", {}))
    devices = {kind: check_device(file, kind, raw)
               for kind, raw in data.get("devices", {}).items() if raw != ""}
    return SetupConfig(role=role, office=office, counter=counter, code=code,
                       database=database, devices=devices)


def _database(file: Path | str, db: dict[str, Any]) -> DatabaseConfig:
    kind = db.get("kind", "sqlite")
    if kind not in KINDS:
        raise _bad(file, "database.kind", tr("setup.bad_kind", value=kind))
    if kind == "sqlite":
        path = _text(file, "database.path", db.get("path"), required=True)
        if not _is_absolute(path):
            raise _bad(file, "database.path", tr("setup.path_relative", value=path))
        return DatabaseConfig(kind="sqlite", path=path)
    host = _text(file, "database.host", db.get("host"), required=True)
    port = db.get("port", DEFAULT_PORT)
    if isinstance(port, str) and port.strip().isdigit():
        port = int(port.strip())
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise _bad(file, "database.port", tr("setup.bad_port", value=port))
    name = _text(file, "database.name", db.get("name"), required=True)
    user = _text(file, "database.user", db.get("user"), required=True)
    password = db.get("password")
    store = db.get("password_store", "file" if password else "")
    if store not in ("", *PASSWORD_STORES):
        raise _bad(file, "database.password_store", tr("setup.bad_store", value=store))
    if password is not None and not isinstance(password, str):
        raise _bad(file, "database.password", tr("setup.bad_text", value="***"))
    if store == "file" and not password:
        raise _bad(file, "database.password", tr("setup.missing"))
    return DatabaseConfig(kind="postgresql", host=host, port=port, name=name, user=user,
                          password_store=store, password=password or None)


def _is_absolute(path: str) -> bool:
    # a Windows path is absolute on any platform a file may be checked on
    return Path(path).is_absolute() or bool(re.match(r"^[A-Za-z]:[\\/]|^\\\\", path))


def load(path: Path | None = None) -> SetupConfig | None:
    """The configuration in ``path`` (default :func:`config_path`), or None if there is none."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LoketError("setup.bad_file", file=str(path), reason=exc.strerror or exc) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LoketError("setup.bad_file", file=str(path), reason=str(exc)) from None
    return from_dict(data, path)


def database_password(db: DatabaseConfig, keystore: secrets.KeyStore | None = None) -> str | None:
    """The password to connect with: from the file, or the key store (LoketError if the
    key store does not have it)."""
    if db.kind != "postgresql" or not db.password_store:
        return None
    if db.password_store == "file":
        return db.password
    store = keystore if keystore is not None else secrets.system_keystore()
    password = store.get(db.account) if store is not None else None
    if password is None:
        raise LoketError("setup.password_missing", who=db.account)
    return password


def database_url_from_config(path: Path | None = None) -> str | None:
    """The configured database's URL (password included), or None without a file."""
    cfg = load(path)
    if cfg is None:
        return None
    return cfg.database.url(database_password(cfg.database))


# --- writing -------------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # a JSON string is a valid TOML basic string (same escapes)
    return json.dumps(str(value), ensure_ascii=False)


def to_toml(cfg: SetupConfig, *, password_in_file: str | None = None) -> str:
    db = cfg.database
    lines = ["# Loket: this PC's configuration (written by the set-up wizard or",
             "# 'loket config init'; 'loket config show' prints what is in force)", "",
             "[station]", f"role = {_toml_value(cfg.role)}", f"office = {_toml_value(cfg.office)}"]
    if cfg.counter:
        lines.append(f"counter = {_toml_value(cfg.counter)}")
    if cfg.code:
        lines.append(f"code = {_toml_value(cfg.code)}")
    lines += ["", "[database]", f"kind = {_toml_value(db.kind)}"]
    if db.kind == "sqlite":
        lines.append(f"path = {_toml_value(db.path)}")
    else:
        lines += [f"host = {_toml_value(db.host)}", f"port = {db.port}",
                  f"name = {_toml_value(db.name)}", f"user = {_toml_value(db.user)}"]
        if db.password_store:
            lines.append(f"password_store = {_toml_value(db.password_store)}")
        if db.password_store == "file" and password_in_file:
            lines.append(f"password = {_toml_value(password_in_file)}")
    lines += ["", "[devices]"]
    lines += [f"{kind} = {_toml_value(raw)}" for kind, raw in sorted(cfg.devices.items())]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Saved:
    path: Path
    config: SetupConfig
    password_store: str  # "keyring", "file" or ""
    warning: str = ""


def save(cfg: SetupConfig, password: str | None = None, *, path: Path | None = None,
         keystore: secrets.KeyStore | bool | None = True) -> Saved:
    """Write the configuration; a PostgreSQL password goes to the OS key store when there
    is one (``keystore=True``: the system's), else into the file, readable by its owner only,
    with a warning. Everything is validated before anything is written."""
    path = path or config_path()
    db = cfg.database
    # validate what we were given exactly as a file would be read back
    from_dict(tomllib.loads(to_toml(replace(cfg, database=replace(
        db, password_store="file" if password else "")), password_in_file=password)), path)
    store_name, warning = "", ""
    if db.kind == "postgresql" and password:
        store = secrets.system_keystore() if keystore is True else keystore or None
        if store is not None:
            try:
                store.set(db.account, password)
                store_name = "keyring"
            except secrets.KeyStoreError as exc:
                warning = tr("setup.keyring_failed", reason=exc)
        if not store_name:
            store_name = "file"
            warning = "; ".join(x for x in (warning, tr("setup.password_in_file", file=path)) if x)
    elif db.kind == "postgresql" and db.password_store == "keyring":
        store_name = "keyring"  # kept as it is (e.g. rewritten after 'config password')
    final = replace(cfg, database=replace(db, password_store=store_name,
                                          password=password if store_name == "file" else None))
    text = to_toml(final, password_in_file=password if store_name == "file" else None)
    _write(path, text, private=store_name == "file")
    return Saved(path=path, config=final, password_store=store_name, warning=warning)


def _write(path: Path, text: str, *, private: bool) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        fd = os.open(tmp, flags, 0o600 if private else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if sys.platform != "win32":
            os.chmod(tmp, 0o600 if private else 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise LoketError("setup.write_failed", file=str(path),
                         reason=exc.strerror or exc) from None


def config_from_url(url: str, *, role: str, office: str, counter: str = "", code: str = "",
                    devices: dict[str, str] | None = None) -> tuple[SetupConfig, str | None]:
    """A configuration for a database given as a URL (``loket config init --db``): the
    configuration and the URL's password (to be stored apart)."""
    from db.engine import BadDatabaseURL, parse_url

    try:
        parsed = parse_url(url)
    except BadDatabaseURL:
        raise LoketError("db.bad_url", url=url) from None
    if parsed.get_backend_name() == "sqlite":
        db = DatabaseConfig(kind="sqlite", path=str(Path(parsed.database or "").resolve()))
    else:
        db = DatabaseConfig(kind="postgresql", host=parsed.host or "localhost",
                            port=parsed.port or DEFAULT_PORT, name=parsed.database or "",
                            user=parsed.username or "")
    data: dict[str, Any] = {
        "station": {k: v for k, v in (("role", role), ("office", office), ("counter", counter),
                                      ("code", code)) if v},
        "database": {k: v for k, v in vars(db).items() if v not in ("", None)},
        "devices": dict(devices or {}),
    }
    return from_dict(data, "loket config init"), parsed.password
