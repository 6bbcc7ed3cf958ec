"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db import schema
from db.engine import make_engine
from db.models import Base


def test_upgrade_from_empty_creates_every_table(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert schema.state(engine).status == "empty"
        after = schema.upgrade(engine)
        assert after.status == "current"
        assert after.current == schema.head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "alembic_version" in tables
    finally:
        engine.dispose()


def test_models_and_migrations_agree(empty_db_url: str) -> None:
    """No drift: autogenerate against the migrated database finds nothing to do."""
    engine = make_engine(empty_db_url)
    try:
        schema.upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        schema.upgrade(engine)
        down = schema.downgrade(engine, "base")
        assert down.status == "empty"
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        assert schema.upgrade(engine).status == "current"
    finally:
        engine.dispose()


def test_upgrade_twice_is_harmless(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        before = schema.state(engine)
        assert before.status == "current"
        assert schema.upgrade(engine) == before
    finally:
        engine.dispose()
