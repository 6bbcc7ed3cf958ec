"""Schema versions: migrate with Alembic, and refuse to run on a schema the code does not match."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The revision this code expects."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
        return rev


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    known: bool  # whether the current revision is one of ours

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def status(self) -> str:
        if self.current is None:
            return "empty"
        if self.up_to_date:
            return "current"
        return "outdated" if self.known else "newer"


def state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    script = ScriptDirectory.from_config(_config())
    known = current is None or any(r.revision == current for r in script.walk_revisions())
    return SchemaState(current=current, head=head_revision(), known=known)


def upgrade(engine: Engine, target: str = "head") -> SchemaState:
    """Create or migrate the schema; returns the state afterwards."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return state(engine)


def downgrade(engine: Engine, target: str) -> SchemaState:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
    return state(engine)
