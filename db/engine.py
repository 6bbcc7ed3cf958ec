"""Engines for the two supported stores: SQLite (one PC) and PostgreSQL (office server).

SQLite is set up so several processes on one PC never deadlock: WAL, foreign keys, a busy
timeout, and writing transactions that start with ``BEGIN IMMEDIATE`` (the sqlite3
driver's own transaction handling is switched off so that our ``BEGIN`` is the one used).
Read-only units of work start with a plain ``BEGIN`` so readers do not queue behind writers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

SUPPORTED = ("sqlite", "postgresql")


class BadDatabaseURL(ValueError):
    """The ``--db`` / ``LOKET_DB`` value is not a database Loket can use."""


def parse_url(raw: str) -> URL:
    """Validate a database URL and normalise it to the drivers Loket ships with."""
    raw = raw.strip()
    if not raw:
        raise BadDatabaseURL("empty")
    if "://" not in raw:
        raise BadDatabaseURL(raw)
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise BadDatabaseURL(raw) from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED:
        raise BadDatabaseURL(raw)
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise BadDatabaseURL(raw)
    elif backend == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
        if not url.database or url.database == ":memory:":
            # An in-memory database would vanish between the CLI's steps and cannot be
            # shared between stations; Loket always keeps a file.
            raise BadDatabaseURL(raw)
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 15000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql("BEGIN" if mode == "DEFERRED" else "BEGIN IMMEDIATE")


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    """Create an engine for a validated URL with the per-backend settings Loket relies on."""
    if isinstance(url, str):
        url = parse_url(url)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _setup_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(url, **kwargs)


def session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(sqlite_begin="DEFERRED") if read_only else engine
    return sessionmaker(bind=bind, expire_on_commit=False)
