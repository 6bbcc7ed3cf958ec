"""Where Loket keeps its data and which database it talks to."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from db.engine import sqlite_url

APP_NAME = "Loket"
DB_ENV = "LOKET_DB"


def data_dir() -> Path:
    """The per-user data folder (``LOKET_HOME`` overrides it, e.g. for a portable install)."""
    override = os.environ.get("LOKET_HOME")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    return sqlite_url(data_dir() / "loket.sqlite3")


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` wins, then ``LOKET_DB``, then a SQLite file in the data folder."""
    if cli_value:
        return cli_value
    env = os.environ.get(DB_ENV, "").strip()
    return env or default_db_url()
