"""A counter has at most one visit called or being served: a partial unique index.

The engine already refuses to call for a busy counter; the index makes the database refuse
it too, so two presses of one counter that race (two windows, a double click) can never
leave it serving two visits, whatever the isolation of the statements involved.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ACTIVE = sa.text("status IN ('called', 'serving')")


def upgrade() -> None:
    op.create_index("uq_stage_records_counter_active", "stage_records", ["counter_id"],
                    unique=True, postgresql_where=_ACTIVE, sqlite_where=_ACTIVE)


def downgrade() -> None:
    op.drop_index("uq_stage_records_counter_active", table_name="stage_records")
