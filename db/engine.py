"""Engines for the two supported stores: SQLite (one PC) and PostgreSQL (office server).

SQLite is set up so several processes on one PC never deadlock: WAL, foreign keys, a busy
timeout, and writing transactions that start with ``BEGIN IMMEDIATE`` (the sqlite3
driver's own transaction handling is switched off so that our ``BEGIN`` is the one used).
Read-only units of work start with a plain ``BEGIN`` so readers do not queue behind writers.
Writers queue in order at a gate beside the file (:mod:`db.writer_gate`), and the log is
checkpointed by a helper thread after their commits rather than inside them
(:mod:`db.wal_checkpointer`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.wal_checkpointer import SAFETY_NET_PAGES, checkpointer_for
from db.writer_gate import GatedConnection, gate_for

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


def _setup_sqlite(engine: Engine, busy_timeout: float) -> None:
    gate = gate_for(engine.url.database or "")
    checkpointer = checkpointer_for(engine.url.database or "")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        dbapi_connection.loket_gate = gate
        dbapi_connection.loket_checkpointer = checkpointer
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA wal_autocheckpoint = {SAFETY_NET_PAGES}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_begin", "IMMEDIATE") == "DEFERRED":
            conn.exec_driver_sql("BEGIN")
            return
        raw = conn.connection.dbapi_connection
        try:
            raw.enter_gate(busy_timeout)
        except sqlite3.OperationalError as exc:
            raise OperationalError("BEGIN IMMEDIATE", None, exc) from exc
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            raw.leave_gate()
            raise


def make_engine(url: str | URL, *, busy_timeout: float = 15.0, **kwargs: Any) -> Engine:
    """Create an engine for a validated URL with the per-backend settings Loket relies on.

    ``busy_timeout`` (seconds, SQLite only) bounds how long a writer waits for another.
    """
    if isinstance(url, str):
        url = parse_url(url)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {})["factory"] = GatedConnection
        engine = create_engine(url, **kwargs)
        _setup_sqlite(engine, busy_timeout)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(url, **kwargs)


def session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(sqlite_begin="DEFERRED") if read_only else engine
    return sessionmaker(bind=bind, expire_on_commit=False)
