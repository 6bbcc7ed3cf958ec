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


def test_rows_survive_each_upgrade_step(empty_db_url: str) -> None:
    """Batch ALTERs on SQLite recreate tables: the office's counters must come through."""
    from sqlalchemy import text

    engine = make_engine(empty_db_url)
    try:
        schema.upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO offices (code, name, kind, zone, address, complaint_channels,"
                " settings, active, created_at, updated_at) VALUES ('K', 'Kantor', 'other',"
                " 'WIB', '', '[]', '{}', true, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
            conn.execute(text(
                "INSERT INTO counters (office_id, code, name, display_number, call_name, position,"
                " active, is_open) SELECT id, 'L1', 'Loket 1', 1, '', 0, true, false FROM offices"))
        schema.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT code, name, officer_id FROM counters")).all()
        assert [tuple(r) for r in rows] == [("L1", "Loket 1", None)]
    finally:
        engine.dispose()


def test_the_revisions_read_as_text_are_alembics() -> None:
    """The schema check reads the migration files as text (no Alembic at start): the same
    chain and head as Alembic's own reading."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema._config())
    assert schema.revisions() == {r.revision: r.down_revision for r in script.walk_revisions()}
    assert schema.head_revision() == script.get_current_head()


def test_the_current_revision_is_alembics(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        schema.upgrade(engine)
        schema.downgrade(engine, "0014")
        with engine.connect() as conn:
            alembic_says = MigrationContext.configure(conn).get_current_revision()
        assert schema.current_revision(engine) == alembic_says == "0014"
        assert schema.state(engine).status == "outdated"
    finally:
        engine.dispose()
