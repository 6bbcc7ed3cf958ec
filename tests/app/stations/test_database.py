"""The stations' unit of work: a database error leaves as a LoketError, in words, and a
LoketError passes unchanged (with what it keeps after the rollback)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.errors import LoketError
from app.stations.database import lost, unit_of_work
from app.store import Store


@pytest.mark.parametrize(("error", "is_lost"), [
    (OperationalError("SELECT 1", {}, Exception("server closed the connection")), True),
    (InterfaceError("SELECT 1", {}, Exception("connection already closed")), True),
    (PoolTimeout("QueuePool limit of size 5 overflow 10 reached"), True),
    (IntegrityError("INSERT", {}, Exception("duplicate key")), False),
    (ProgrammingError("UPDATE", {}, Exception("permission denied for table visits")), False),
])
def test_a_lost_server_is_told_apart_from_a_refusal(error: Exception, is_lost: bool) -> None:
    assert lost(error) is is_lost


def test_a_read_on_a_database_that_cannot_be_reached(lost_store: Store) -> None:
    with pytest.raises(LoketError) as raised, unit_of_work(lost_store, read_only=True) as uow:
        uow.session.execute(text("SELECT 1"))
    assert raised.value.key == "db.unreachable"
    assert raised.value.params["url"] == lost_store.safe_url
    assert lost_store.safe_url in raised.value.message()


def test_a_statement_the_database_refuses_is_said_in_its_words(store: Store) -> None:
    with pytest.raises(LoketError) as raised, unit_of_work(store) as uow:
        uow.session.execute(text("SELECT * FROM no_such_table_here"))
    # SQLite says a missing table as an OperationalError, PostgreSQL as a ProgrammingError
    assert raised.value.key in ("db.unreachable", "station.db_refused")
    assert "no_such_table_here" in raised.value.message()


def test_a_refusal_passes_unchanged_and_keeps_what_it_keeps(store: Store) -> None:
    kept: list[bool] = []
    refusal = LoketError("office.unknown", code="X")
    refusal.after_rollback = lambda _session: kept.append(True)
    with pytest.raises(LoketError) as raised, unit_of_work(store):
        raise refusal
    assert raised.value is refusal and kept == [True]


def test_a_working_database_reads_and_writes(store: Store) -> None:
    with unit_of_work(store, read_only=True) as uow:
        assert uow.session.execute(text("SELECT 1")).scalar() == 1
