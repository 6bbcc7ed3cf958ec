"""Long-running applications with dispositions; complaint steps (issue 6).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _utc(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, db.types.UTCDateTime(timezone=True), nullable=nullable)


def _text(name: str, length: int | None = None) -> sa.Column:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False)


def upgrade() -> None:
    op.create_table(
        "complaint_cases",
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        _text("number", 64),
        _text("registered_by", 100),
        _text("answered_by", 100),
        _text("resolution"),
        _utc("resolved_at", True),
        _text("resolved_by", 100),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name=op.f("fk_complaint_cases_complaint_id_complaints"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_complaint_cases_office_id_offices"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("complaint_id", name=op.f("pk_complaint_cases")),
        sa.UniqueConstraint("office_id", "number",
                            name=op.f("uq_complaint_cases_office_id_number")),
    )
    op.create_table(
        "complaint_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("text"),
        _utc("due_at"),
        _utc("done_at", True),
        _text("done_by", 100),
        _text("note"),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name=op.f("fk_complaint_steps_complaint_id_complaints"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_steps")),
        sa.UniqueConstraint("complaint_id", "position",
                            name=op.f("uq_complaint_steps_complaint_id_position")),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        _text("number", 64),
        _text("applicant_name", 200),
        _text("applicant_nik", 16),
        _text("applicant_contact", 200),
        _text("subject"),
        sa.Column("amount", db.types.Rupiah(), nullable=True),
        _text("decided_by", 200),
        sa.Column("time_value", sa.Integer(), nullable=False),
        _text("time_unit", 20),
        _utc("received_at"),
        _text("received_by", 100),
        sa.Column("received_user_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        _text("status", 16),
        _text("holder", 200),
        _utc("holder_since"),
        _utc("finished_at", True),
        _text("finished_by", 100),
        _text("result"),
        sa.Column("receipt_document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_applications_office_id_offices"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["receipt_document_id"], ["documents.id"],
                                name=op.f("fk_applications_receipt_document_id_documents"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["received_user_id"], ["users.id"],
                                name=op.f("fk_applications_received_user_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"],
                                name=op.f("fk_applications_service_id_services"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_applications_visit_id_visits"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("office_id", "number",
                            name=op.f("uq_applications_office_id_number")),
    )
    op.create_index("ix_applications_office_status_due", "applications",
                    ["office_id", "status", "due_on"], unique=False)
    op.create_table(
        "application_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("from_holder", 200),
        _text("to_holder", 200),
        _text("note"),
        _text("status", 16),
        _utc("at"),
        _text("by", 100),
        sa.ForeignKeyConstraint(
            ["application_id"], ["applications.id"],
            name=op.f("fk_application_steps_application_id_applications"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_steps")),
        sa.UniqueConstraint("application_id", "position",
                            name=op.f("uq_application_steps_application_id_position")),
    )


def downgrade() -> None:
    op.drop_table("application_steps")
    op.drop_index("ix_applications_office_status_due", table_name="applications")
    op.drop_table("applications")
    op.drop_table("complaint_steps")
    op.drop_table("complaint_cases")
