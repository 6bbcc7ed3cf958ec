"""Perforation of valuables: requests, counts, stock book (issue 6).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _utc(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, db.types.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "perforation_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("npwpd", sa.String(length=40), nullable=False),
        sa.Column("taxpayer_name", sa.String(length=200), nullable=False),
        sa.Column("media", sa.String(length=32), nullable=False),
        sa.Column("series", sa.String(length=16), nullable=False),
        sa.Column("first_serial", sa.Integer(), nullable=False),
        sa.Column("last_serial", sa.Integer(), nullable=False),
        sa.Column("sheets", sa.Integer(), nullable=False),
        sa.Column("sheets_note", sa.Text(), nullable=False),
        sa.Column("face_value", db.types.Rupiah(), nullable=False),
        _utc("requested_at"),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        _utc("due_at"),
        sa.Column("standard", sa.JSON(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        _utc("counted_at", True),
        sa.Column("count_source", sa.String(length=16), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("damaged", sa.Integer(), nullable=True),
        sa.Column("short", sa.Integer(), nullable=True),
        sa.Column("extra", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("reconcile_note", sa.Text(), nullable=False),
        _utc("reconciled_at", True),
        sa.Column("reconciled_by", sa.String(length=64), nullable=False),
        _utc("picked_up_at", True),
        sa.Column("picked_up_by", sa.String(length=200), nullable=False),
        sa.Column("handed_over_by", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        _utc("created_at"),
        _utc("updated_at"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_perforation_requests_document_id_documents"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"],
            name=op.f("fk_perforation_requests_office_id_offices"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"],
            name=op.f("fk_perforation_requests_visit_id_visits"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perforation_requests")),
        sa.UniqueConstraint("office_id", "number",
                            name=op.f("uq_perforation_requests_office_id_number")),
    )
    op.create_index("ix_perforation_requests_range", "perforation_requests",
                    ["office_id", "npwpd", "media", "series"], unique=False)
    op.create_table(
        "perforation_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("connection", sa.String(length=500), nullable=False),
        sa.Column("first_serial", sa.Integer(), nullable=False),
        sa.Column("sheets", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        _utc("started_at"),
        sa.Column("started_by", sa.String(length=64), nullable=False),
        _utc("ended_at", True),
        sa.ForeignKeyConstraint(
            ["request_id"], ["perforation_requests.id"],
            name=op.f("fk_perforation_runs_request_id_perforation_requests"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perforation_runs")),
        sa.UniqueConstraint("request_id", "attempt",
                            name=op.f("uq_perforation_runs_request_id_attempt")),
    )
    op.create_index(op.f("ix_perforation_runs_request_id"), "perforation_runs",
                    ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_perforation_runs_request_id"), table_name="perforation_runs")
    op.drop_table("perforation_runs")
    op.drop_index("ix_perforation_requests_range", table_name="perforation_requests")
    op.drop_table("perforation_requests")
