"""Tables of the fiscal front-office work (see issue 6): tax clearance.

- ``fiscal_import_batches``: one imported CSV extract of a regional tax system (PKB, PBB-P2,
  regional taxes). The newest batch of a source is the current snapshot of its arrears; an
  import of a newer extract marks the previous one replaced and deletes its arrears rows.
- ``fiscal_arrears``: one unpaid tax of one subject, from the current batch of its source.
- ``fiscal_checks``: every clearance check an officer made, with the purpose and the result
  as it was shown (the arrears list is kept in ``detail``, so it survives later imports).
- ``fiscal_letters``: a certificate (clear) or arrears statement (not clear) issued for a
  check, with its verification code; the PDF itself is in ``documents``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow


class FiscalImportBatch(Base):
    __tablename__ = "fiscal_import_batches"
    __table_args__ = (
        UniqueConstraint("office_id", "sha256"),
        Index("ix_fiscal_import_batches_current", "office_id", "source", "replaced_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))  # pkb | pbb | pajak-daerah
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    total: Mapped[Decimal]
    as_of: Mapped[date] = mapped_column(Date)
    imported_by: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    replaced_at: Mapped[datetime | None] = mapped_column(nullable=True)
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("fiscal_import_batches.id", ondelete="SET NULL"), nullable=True
    )


class FiscalArrear(Base):
    __tablename__ = "fiscal_arrears"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("fiscal_import_batches.id", ondelete="CASCADE"), index=True
    )
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))
    line: Mapped[int] = mapped_column(Integer)  # line of the CSV file it came from
    nik: Mapped[str] = mapped_column(String(16), default="", index=True)
    npwpd: Mapped[str] = mapped_column(String(40), default="")  # as written in the extract
    npwpd_key: Mapped[str] = mapped_column(String(40), default="", index=True)  # A-Z0-9 only
    nop: Mapped[str] = mapped_column(String(18), default="", index=True)
    plate: Mapped[str] = mapped_column(String(16), default="", index=True)  # "KB 1234 AB"
    name: Mapped[str] = mapped_column(String(200), default="")
    tax: Mapped[str] = mapped_column(String(80))
    period: Mapped[str] = mapped_column(String(16))  # "2025" or "2025-03"
    amount: Mapped[Decimal]
    due_date: Mapped[date] = mapped_column(Date)


class FiscalCheck(Base):
    __tablename__ = "fiscal_checks"
    __table_args__ = (Index("ix_fiscal_checks_key", "key_kind", "key_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    checked_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    officer: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    purpose: Mapped[str] = mapped_column(Text)
    key_kind: Mapped[str] = mapped_column(String(8))  # nik | npwpd | nop | plate
    key_value: Mapped[str] = mapped_column(String(40))
    subject_name: Mapped[str] = mapped_column(String(200), default="")
    result: Mapped[str] = mapped_column(String(12))  # clear | not-clear | no-data
    arrears_count: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[Decimal]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class FiscalLetter(Base):
    __tablename__ = "fiscal_letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    check_id: Mapped[int] = mapped_column(  # one letter per check
        ForeignKey("fiscal_checks.id", ondelete="RESTRICT"), index=True, unique=True
    )
    code: Mapped[str] = mapped_column(String(16), unique=True)  # 12 characters, no dashes
    kind: Mapped[str] = mapped_column(String(12))  # certificate | arrears
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    revoke_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
