"""Each event names the transaction that inserted it, so a station's feed follows commits,
not ids (app/queue/feed.py).

PostgreSQL takes an event's id at INSERT but transactions commit in any order: a feed that
reads "ids above the last one" skips for good an event whose transaction commits after a
later one's. With ``xact`` (``pg_current_xact_id()``, filled by a column DEFAULT so the
one-statement queue paths of app/queue/statements.py need no change) a feed asks for the
events of exactly the transactions its previous snapshot could not see yet. SQLite
serialises its writers, so there ids commit in order and the column stays empty.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# a bigint: xid8 has no cast to it, its text does; 64 bits with the epoch, never wraps
PG_DEFAULT = "(pg_current_xact_id()::text)::bigint"


def upgrade() -> None:
    postgres = op.get_context().dialect.name == "postgresql"
    # events written before this revision have no transaction: they are history by now
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "xact", sa.BigInteger(), nullable=True,
            server_default=sa.text(PG_DEFAULT) if postgres else None))
        batch_op.create_index("ix_events_xact", ["xact"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_xact")
        batch_op.drop_column("xact")
