"""A store refuses a schema that does not match the code, and says which command fixes it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import LoketError, SchemaError
from app.store import Store
from db import schema
from db.engine import make_engine


def test_empty_database_is_refused(empty_db_url: str) -> None:
    with pytest.raises(SchemaError) as info:
        Store.open(empty_db_url)
    assert "loket db upgrade" in info.value.message("id")
    assert "loket db upgrade" in info.value.message("en")


def test_older_schema_is_refused(db_url: str) -> None:
    """A database at an earlier revision of ours must be upgraded before anything runs."""
    engine = make_engine(db_url)
    schema.downgrade(engine, "0001")
    engine.dispose()
    with pytest.raises(SchemaError) as info:
        Store.open(db_url)
    assert info.value.key == "db.schema_outdated"
    assert "0001" in info.value.message()
    assert "loket db upgrade" in info.value.message()


def test_database_downgraded_to_base_counts_as_empty(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.downgrade(engine, "base")
    engine.dispose()
    with pytest.raises(SchemaError) as info:
        Store.open(db_url)
    assert info.value.key == "db.schema_empty"


def test_unknown_newer_revision_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    engine.dispose()
    with pytest.raises(SchemaError) as info:
        Store.open(db_url)
    assert info.value.key == "db.schema_newer"
    assert "ffff_future" in info.value.message()


def test_unreachable_server_is_a_clear_refusal() -> None:
    with pytest.raises(LoketError) as info:
        Store.open("postgresql://nobody@127.0.0.1:1/loket")
    assert info.value.key == "db.unreachable"
    assert "127.0.0.1" in info.value.message()


def test_uow_rolls_back_without_commit(store: Store) -> None:
    from db.models import Office

    with store.uow() as uow:
        uow.session.add(Office(code="TMP", name="tmp"))
        uow.flush()
    with store.uow(read_only=True) as uow:
        assert uow.session.query(Office).filter_by(code="TMP").count() == 0


def test_reading_units_never_write(store: Store) -> None:
    """A read-only unit of work ends with a commit (psycopg keeps its prepared statements),
    but something changed in it by mistake, flushed or not, is rolled back."""
    from db.models import Office

    with store.uow(read_only=True) as uow:
        uow.session.add(Office(code="TMP", name="tmp"))
    with store.uow(read_only=True) as uow:
        uow.session.add(Office(code="TMP2", name="tmp"))
        uow.flush()
        uow.session.add(Office(code="TMP3", name="tmp"))
    with store.uow(read_only=True) as uow:
        uow.session.add(Office(code="TMP4", name="tmp"))
        uow.flush()  # nothing pending any more, but written
    with store.uow(read_only=True) as uow:
        assert uow.session.query(Office).filter(Office.code.like("TMP%")).count() == 0
