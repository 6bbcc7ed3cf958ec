"""Engine settings and column types that every later module relies on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError, StatementError

from app.store import Store
from db.engine import BadDatabaseURL, make_engine, parse_url, session_factory, sqlite_url
from db.enums import PaymentMethod
from db.models import Office, Payment
from db.wal_checkpointer import SAFETY_NET_PAGES, WalCheckpointer, checkpointer_for


@pytest.mark.parametrize(
    "raw",
    ["", "nonsense", "mysql://u@h/db", "sqlite://", "sqlite:///:memory:",
     "postgresql://host", "http://example/x"],
)
def test_bad_urls_are_refused(raw: str) -> None:
    with pytest.raises(BadDatabaseURL):
        parse_url(raw)


def test_urls_use_the_shipped_drivers() -> None:
    assert parse_url("postgresql://u:p@db.kantor/loket").drivername == "postgresql+psycopg"
    assert parse_url("sqlite:///x/loket.sqlite3").drivername == "sqlite+pysqlite"


def test_sqlite_pragmas(tmp_path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "a.sqlite3"))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        engine.dispose()


def test_sqlite_writers_begin_immediately(tmp_path) -> None:
    """A writer holds the write lock from BEGIN: a second writer waits instead of deadlocking."""
    url = sqlite_url(tmp_path / "b.sqlite3")
    first = make_engine(url)
    second = make_engine(url, busy_timeout=0.05)

    try:
        with first.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            conn.commit()
        with first.connect() as holder:
            holder.exec_driver_sql("SELECT 1")  # BEGIN IMMEDIATE has run: write lock held
            with second.connect() as other, pytest.raises(OperationalError, match="locked"):
                other.exec_driver_sql("SELECT 1")
            # a read-only session starts deferred and is not blocked by the writer
            reader = session_factory(second, read_only=True)()
            try:
                assert reader.execute(select(1)).scalar() == 1
            finally:
                reader.close()
            holder.rollback()
    finally:
        first.dispose()
        second.dispose()


def test_times_are_utc_and_naive_times_refused(store: Store) -> None:
    wib = timezone(timedelta(hours=7))
    local = datetime(2026, 1, 5, 8, 30, tzinfo=wib)
    with store.uow() as uow:
        office = Office(code="X", name="X", created_at=local, updated_at=local)
        uow.session.add(office)
        uow.commit()
    with store.uow(read_only=True) as uow:
        got = uow.session.scalar(select(Office.created_at).where(Office.code == "X"))
    assert got == local
    assert got.utcoffset() == timedelta(0)
    assert got.hour == 1
    with store.uow() as uow:
        uow.session.add(Office(code="Y", name="Y", created_at=datetime(2026, 1, 5, 8, 30)))
        with pytest.raises(StatementError, match="naive"):
            uow.flush()


def test_money_is_whole_rupiah_decimal(store: Store) -> None:
    with store.uow() as uow:
        office = Office(code="K", name="K")
        uow.session.add(office)
        uow.flush()
        uow.session.add(Payment(office_id=office.id, method=PaymentMethod.CASH,
                                amount=Decimal("1234567890123")))
        uow.commit()
    with store.uow(read_only=True) as uow:
        amount = uow.session.scalar(select(Payment.amount))
    assert amount == Decimal("1234567890123")
    assert isinstance(amount, Decimal)
    for bad, error in ((Decimal("10.5"), "whole"), (10.0, "Decimal or int")):
        with store.uow() as uow:
            office_id = uow.session.scalar(select(Office.id))
            uow.session.add(Payment(office_id=office_id, method=PaymentMethod.CASH, amount=bad))
            with pytest.raises(StatementError, match=error):
                uow.flush()


def test_foreign_keys_are_enforced(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    with store.uow() as uow:
        uow.session.add(Payment(office_id=999_999, method=PaymentMethod.CASH, amount=1,
                                received_at=datetime.now(UTC)))
        with pytest.raises(IntegrityError):
            uow.flush()


def _hold_write_lock(url: str, held, release) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO t (x) VALUES (1)")
        held.set()
        release.wait(30)
        conn.commit()
    engine.dispose()


def test_sqlite_writers_of_other_processes_queue_at_the_gate(tmp_path) -> None:
    """A writer of another process holds the gate: ours times out, then gets in once freed."""
    import multiprocessing as mp

    url = sqlite_url(tmp_path / "g.sqlite3")
    engine = make_engine(url, busy_timeout=0.2)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    ctx = mp.get_context("spawn")
    held, release = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold_write_lock, args=(url, held, release))
    child.start()
    try:
        assert held.wait(30)
        with pytest.raises(OperationalError, match="locked"), engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO t (x) VALUES (2)")
        release.set()
        patient = make_engine(url, busy_timeout=30)
        with patient.begin() as conn:  # woken when the child commits
            conn.exec_driver_sql("INSERT INTO t (x) VALUES (3)")
        with patient.connect() as conn:
            assert sorted(conn.exec_driver_sql("SELECT x FROM t").scalars()) == [1, 3]
        patient.dispose()
    finally:
        release.set()
        child.join(30)
        engine.dispose()
    assert child.exitcode == 0


def test_sqlite_checkpoints_run_beside_the_writers(tmp_path) -> None:
    """A writer's commit leaves the log to the helper thread, which copies all of it back."""
    path = tmp_path / "w.sqlite3"
    engine = make_engine(sqlite_url(path))
    helper = checkpointer_for(str(path))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SAFETY_NET_PAGES
        with session_factory(engine, read_only=True)() as s:
            s.execute(select(1)).scalar()
            s.commit()
        assert not helper.running  # reading is no reason to checkpoint
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x TEXT)")
            for i in range(200):
                conn.exec_driver_sql("INSERT INTO t (x) VALUES (?)", (f"{i:0>500}",))
        assert helper.checkpointed.wait(30)
        busy, frames, copied = helper.last
        assert busy == 0 and frames > 10 and copied == frames
    finally:
        engine.dispose()


@pytest.fixture
def wal_file(tmp_path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A WAL-mode database with one table, and a connection that writes without a helper."""
    path = tmp_path / "w.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x INTEGER)")
    yield path, conn
    conn.close()


def test_sqlite_checkpoint_helper_ends_when_quiet(wal_file) -> None:
    path, conn = wal_file
    helper = WalCheckpointer(path, delay=0, idle=0.05)
    helper.committed()
    assert helper.running
    assert helper.checkpointed.wait(30)
    assert helper.ended.wait(30)
    assert not helper.running
    conn.execute("INSERT INTO t (x) VALUES (1)")
    helper.checkpointed.clear()
    helper.committed()  # a later commit starts it again
    assert helper.checkpointed.wait(30) and helper.last[2] == helper.last[1] > 0


def test_sqlite_checkpoint_helper_stops_at_exit(wal_file) -> None:
    """At the process's exit the helper makes a last pass and closes its connection."""
    path, conn = wal_file
    helper = WalCheckpointer(path, delay=3600, idle=3600)
    helper.committed()
    conn.execute("INSERT INTO t (x) VALUES (1)")
    helper.stop(timeout=30)  # no hour-long delay: the pass is made at once
    assert helper.ended.is_set() and not helper.running
    assert helper.passes == 1 and helper.last[2] == helper.last[1] > 0
    helper.committed()
    assert not helper.running  # nothing starts again while the process ends
