"""Where Loket keeps its data and which database it talks to.

The database is, in this order: ``--db URL``, else ``$LOKET_DB``, else the ``[database]`` of
this PC's configuration file (:func:`config_path`, written by the set-up wizard or
``loket config init``), else a SQLite file in the user data folder (the demo's file when
only that one exists).

This PC's folders and its configuration file are placed by :mod:`app.setup.configfile`,
which reads that file; the database in force is decided here on top of it, one direction
and no cycle. Their names are re-exported here, where callers have always found them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from app.setup.configfile import APP_NAME as APP_NAME
from app.setup.configfile import CONFIG_ENV as CONFIG_ENV
from app.setup.configfile import CONFIG_NAME as CONFIG_NAME
from app.setup.configfile import HOME_ENV as HOME_ENV
from app.setup.configfile import config_dir as config_dir
from app.setup.configfile import config_path as config_path
from app.setup.configfile import database_url_from_config
from db.engine import sqlite_url

DB_ENV = "LOKET_DB"


def data_dir() -> Path:
    """The per-user data folder (``LOKET_HOME`` overrides it, e.g. for a portable install)."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def shared_data_dir() -> Path:
    """Where an office PC keeps its SQLite database by default (every user can write it):
    ``%PROGRAMDATA%\\Loket`` on Windows, ``/var/lib/loket`` elsewhere; ``LOKET_HOME`` wins."""
    if os.environ.get(HOME_ENV) or sys.platform == "win32":
        return config_dir()
    return Path("/var/lib/loket")


def default_db_path() -> Path:
    """The SQLite file of this PC when nothing else is configured."""
    return data_dir() / "loket.sqlite3"


def demo_db_path() -> Path:
    """The demo office's SQLite file (``loket demo``), apart from a real office's."""
    return data_dir() / "demo.sqlite3"


def default_db_url() -> str:
    return sqlite_url(default_db_path())


def demo_db_url() -> str:
    return sqlite_url(demo_db_path())


_told: set[str] = set()


def fallback_db_url() -> tuple[str, bool]:
    """The database used when nothing names one: the data folder's file, or the demo's
    when only the demo's exists (``True`` as the second value then)."""
    if not default_db_path().exists() and demo_db_path().exists():
        return demo_db_url(), True
    return default_db_url(), False


def resolve_db_url(cli_value: str | None, *, demo_fallback: bool = True) -> str:
    """``--db`` wins, then ``LOKET_DB``, then the configuration file, then a SQLite file in
    the data folder. A configuration file that cannot be used raises ``LoketError``.

    With none of the first three, when the default file does not exist but the demo's does
    (someone ran ``loket demo`` and now starts a station or a command by hand), the demo's
    file is used and one line on stderr says so. ``demo_fallback=False`` (``loket db
    upgrade``, which makes the default file) always means the default file."""
    if cli_value:
        return cli_value
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return env
    configured = database_url_from_config()
    if configured:
        return configured
    url, is_demo = fallback_db_url() if demo_fallback else (default_db_url(), False)
    if is_demo and url not in _told:  # said once per process, however often it is asked
        _told.add(url)
        from app.i18n import tr

        note = tr("db.using_demo", path=str(demo_db_path()), default=str(default_db_path()))
        print(f"loket: {note}", file=sys.stderr)
    return url
