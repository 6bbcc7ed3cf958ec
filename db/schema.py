"""Schema versions: migrate with Alembic, and refuse to run on a schema the code does not match.

Every command and station checks the schema when it opens the database, so that check reads
the revisions without Alembic: the migration files' ``revision``/``down_revision`` lines
(read as text, not imported) and the ``alembic_version`` row. Alembic, about a fifth of a
small command's start, is imported only to migrate. tests/db/test_migrations.py holds the
text reading equal to Alembic's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def revisions() -> dict[str, str | None]:
    """Each migration's revision and the one it follows (None for the first), read from the
    files' text."""
    found: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            continue  # __init__.py and helpers
        found[rev.group(1)] = down.group(2)
    return found


def head_revision() -> str:
    """The revision this code expects: the one no other migration follows."""
    chain = revisions()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, f"migrations must have one head, not {sorted(heads)}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            conn.rollback()
            return None
        rev = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
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
    known = current is None or current in revisions()
    return SchemaState(current=current, head=head_revision(), known=known)


def upgrade(engine: Engine, target: str = "head") -> SchemaState:
    """Create or migrate the schema; returns the state afterwards."""
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return state(engine)


def downgrade(engine: Engine, target: str) -> SchemaState:
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
    return state(engine)
