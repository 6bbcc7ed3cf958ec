"""Bapenda: NPWPD taxpayers, assessments (SKPD/STPD) (issue 6).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "taxpayers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("npwpd", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("nib", sa.String(length=13), nullable=False),
        sa.Column("npwp", sa.String(length=16), nullable=False),
        sa.Column("tax_type", sa.String(length=32), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("district_code", sa.String(length=8), nullable=False),
        sa.Column("village_code", sa.String(length=8), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.String(length=100), nullable=False),
        sa.Column("deactivated_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("deactivated_by", sa.String(length=100), nullable=True),
        sa.Column("deactivation_reason", sa.String(length=32), nullable=True),
        sa.Column("deactivation_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_taxpayers_office_id_offices"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"],
                                name=op.f("fk_taxpayers_person_id_persons"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_taxpayers_visit_id_visits"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxpayers")),
        sa.UniqueConstraint("office_id", "npwpd", name=op.f("uq_taxpayers_office_id_npwpd")),
    )
    op.create_index("ix_taxpayers_nik", "taxpayers", ["nik"], unique=False)
    op.create_table(
        "tax_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("taxpayer_id", sa.Integer(), nullable=False),
        sa.Column("tax_type", sa.String(length=32), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("principal", db.types.Rupiah(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("paid_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_tax_assessments_office_id_offices"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["parent_id"], ["tax_assessments.id"],
                                name=op.f("fk_tax_assessments_parent_id_tax_assessments"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"],
                                name=op.f("fk_tax_assessments_payment_id_payments"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["taxpayer_id"], ["taxpayers.id"],
                                name=op.f("fk_tax_assessments_taxpayer_id_taxpayers"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tax_assessments")),
        sa.UniqueConstraint("office_id", "number",
                            name=op.f("uq_tax_assessments_office_id_number")),
    )
    op.create_index("ix_tax_assessments_taxpayer", "tax_assessments",
                    ["taxpayer_id", "paid_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_tax_assessments_taxpayer", table_name="tax_assessments")
    op.drop_table("tax_assessments")
    op.drop_index("ix_taxpayers_nik", table_name="taxpayers")
    op.drop_table("taxpayers")
