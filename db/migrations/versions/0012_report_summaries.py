"""Per-day summaries of the supervisor's report (db/models_reports.py): the figures of a
closed office day, so a yearly report adds up 261 rows instead of a year of stage records.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_days",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("computed_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_report_days_office_id_offices"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "day", name=op.f("pk_report_days")),
    )


def downgrade() -> None:
    op.drop_table("report_days")
