"""Where Loket keeps its data and which database it talks to.

The database is, in this order: ``--db URL``, else ``$LOKET_DB``, else the ``[database]`` of
this PC's configuration file (:func:`config_path`, written by the set-up wizard or
``loket config init``), else a SQLite file in the user data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from db.engine import sqlite_url

APP_NAME = "Loket"
DB_ENV = "LOKET_DB"
HOME_ENV = "LOKET_HOME"
CONFIG_ENV = "LOKET_CONFIG"
CONFIG_NAME = "loket.toml"


def data_dir() -> Path:
    """The per-user data folder (``LOKET_HOME`` overrides it, e.g. for a portable install)."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The machine-wide folder of this PC's configuration and shared data:
    ``%PROGRAMDATA%\\Loket`` on Windows, ``/etc/loket`` elsewhere; ``LOKET_HOME`` wins."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME
    return Path("/etc/loket")


def shared_data_dir() -> Path:
    """Where an office PC keeps its SQLite database by default (every user can write it):
    ``%PROGRAMDATA%\\Loket`` on Windows, ``/var/lib/loket`` elsewhere; ``LOKET_HOME`` wins."""
    if os.environ.get(HOME_ENV) or sys.platform == "win32":
        return config_dir()
    return Path("/var/lib/loket")


def config_path() -> Path:
    """This PC's configuration file (``LOKET_CONFIG`` names another one)."""
    explicit = os.environ.get(CONFIG_ENV, "").strip()
    return Path(explicit) if explicit else config_dir() / CONFIG_NAME


def default_db_url() -> str:
    return sqlite_url(data_dir() / "loket.sqlite3")


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` wins, then ``LOKET_DB``, then the configuration file, then a SQLite file in
    the data folder. A configuration file that cannot be used raises ``LoketError``."""
    if cli_value:
        return cli_value
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return env
    from app.setup.configfile import database_url_from_config

    return database_url_from_config() or default_db_url()
