"""Tax clearance: imported arrears, checks, certificates (issue 6).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fiscal_import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("total", db.types.Rupiah(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_fiscal_import_batches_office_id_offices"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["fiscal_import_batches.id"],
            name=op.f("fk_fiscal_import_batches_replaced_by_id_fiscal_import_batches"),
            ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_fiscal_import_batches_user_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_import_batches")),
        sa.UniqueConstraint("office_id", "sha256",
                            name=op.f("uq_fiscal_import_batches_office_id_sha256")),
    )
    op.create_index("ix_fiscal_import_batches_current", "fiscal_import_batches",
                    ["office_id", "source", "replaced_at"], unique=False)
    op.create_table(
        "fiscal_arrears",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=False),
        sa.Column("npwpd", sa.String(length=40), nullable=False),
        sa.Column("npwpd_key", sa.String(length=40), nullable=False),
        sa.Column("nop", sa.String(length=18), nullable=False),
        sa.Column("plate", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tax", sa.String(length=80), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("amount", db.types.Rupiah(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["fiscal_import_batches.id"],
                                name=op.f("fk_fiscal_arrears_batch_id_fiscal_import_batches"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_fiscal_arrears_office_id_offices"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_arrears")),
    )
    for column in ("batch_id", "nik", "nop", "npwpd_key", "plate"):
        op.create_index(op.f(f"ix_fiscal_arrears_{column}"), "fiscal_arrears", [column],
                        unique=False)
    op.create_table(
        "fiscal_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("checked_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("officer", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("key_kind", sa.String(length=8), nullable=False),
        sa.Column("key_value", sa.String(length=40), nullable=False),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("result", sa.String(length=12), nullable=False),
        sa.Column("arrears_count", sa.Integer(), nullable=False),
        sa.Column("total", db.types.Rupiah(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_fiscal_checks_office_id_offices"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_fiscal_checks_user_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"],
                                name=op.f("fk_fiscal_checks_visit_id_visits"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_checks")),
    )
    op.create_index(op.f("ix_fiscal_checks_checked_at"), "fiscal_checks", ["checked_at"],
                    unique=False)
    op.create_index("ix_fiscal_checks_key", "fiscal_checks", ["key_kind", "key_value"],
                    unique=False)
    op.create_table(
        "fiscal_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("issued_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["check_id"], ["fiscal_checks.id"],
                                name=op.f("fk_fiscal_letters_check_id_fiscal_checks"),
                                ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_fiscal_letters_document_id_documents"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_fiscal_letters_office_id_offices"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_letters")),
        sa.UniqueConstraint("code", name=op.f("uq_fiscal_letters_code")),
    )
    op.create_index(op.f("ix_fiscal_letters_check_id"), "fiscal_letters", ["check_id"],
                    unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_fiscal_letters_check_id"), table_name="fiscal_letters")
    op.drop_table("fiscal_letters")
    op.drop_index("ix_fiscal_checks_key", table_name="fiscal_checks")
    op.drop_index(op.f("ix_fiscal_checks_checked_at"), table_name="fiscal_checks")
    op.drop_table("fiscal_checks")
    for column in ("batch_id", "nik", "nop", "npwpd_key", "plate"):
        op.drop_index(op.f(f"ix_fiscal_arrears_{column}"), table_name="fiscal_arrears")
    op.drop_table("fiscal_arrears")
    op.drop_index("ix_fiscal_import_batches_current", table_name="fiscal_import_batches")
    op.drop_table("fiscal_import_batches")
