"""Tables of the bapenda front-office work (see issue 6): NPWPD taxpayers and their
assessments (SKPD, STPD, SPTPD).

A taxpayer (*wajib pajak daerah*) is personal (``P``, known by NIK) or a business (``B``,
with its owner's NIK); its NPWPD is generated in the office's configured format
(``resources/npwpd/formats.yaml``) and is unique per office. A taxpayer is ``active`` until
deactivated with a reason (``usaha-tutup``, ``pindah-alamat``, ``meninggal``, ``ganda``,
``lainnya`` with a note); an inactive one gets no new assessment.

An assessment is a tax bill with its own number (unique per office): its principal, due
date and, once paid, the payment (``payments``) that settled it, with the interest in the
payment's lines.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, utcnow

TAXPAYER_KINDS = ("P", "B")  # perorangan, badan
TAXPAYER_STATUSES = ("active", "inactive")
ASSESSMENT_KINDS = ("SKPD", "STPD", "SPTPD")


class Taxpayer(Base):
    """A registered regional taxpayer and its NPWPD."""

    __tablename__ = "taxpayers"
    __table_args__ = (
        UniqueConstraint("office_id", "npwpd"),
        Index("ix_taxpayers_nik", "nik"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    npwpd: Mapped[str] = mapped_column(String(40))
    serial: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(1))  # P personal, B business
    # the taxpayer's NIK (P) or the business owner's (B), and the person it names
    nik: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), nullable=True
    )
    name: Mapped[str] = mapped_column(String(200))  # the person's or the business's name
    owner_name: Mapped[str] = mapped_column(String(200), default="")  # B: the owner
    nib: Mapped[str] = mapped_column(String(13), default="")  # B: Nomor Induk Berusaha
    npwp: Mapped[str] = mapped_column(String(16), default="")  # national tax number
    tax_type: Mapped[str] = mapped_column(String(32))  # code in formats.yaml (restoran...)
    address: Mapped[str] = mapped_column(Text)
    district_code: Mapped[str] = mapped_column(String(8))
    village_code: Mapped[str] = mapped_column(String(8))
    phone: Mapped[str] = mapped_column(String(40), default="")
    requirements: Mapped[list[Any]] = mapped_column(JSON, default=list)  # codes checked
    status: Mapped[str] = mapped_column(String(16), default="active")
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    registered_by: Mapped[str] = mapped_column(String(100))
    deactivated_at: Mapped[datetime | None] = mapped_column(nullable=True)
    deactivated_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    deactivation_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    deactivation_note: Mapped[str] = mapped_column(Text, default="")


class TaxAssessment(Base):
    """A regional tax bill: SKPD (official assessment), STPD (a claim, e.g. the interest of
    a late payment) or SPTPD (self-assessed return)."""

    __tablename__ = "tax_assessments"
    __table_args__ = (
        UniqueConstraint("office_id", "number"),
        Index("ix_tax_assessments_taxpayer", "taxpayer_id", "paid_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(8))
    number: Mapped[str] = mapped_column(String(48))
    taxpayer_id: Mapped[int] = mapped_column(ForeignKey("taxpayers.id", ondelete="RESTRICT"))
    tax_type: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(7))  # masa pajak: "2026-10" or "2026"
    principal: Mapped[Decimal]
    due_on: Mapped[date] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    # the assessment whose late payment this STPD claims the interest of
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tax_assessments.id", ondelete="RESTRICT"), nullable=True
    )
    paid_at: Mapped[datetime | None] = mapped_column(nullable=True)
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id", ondelete="RESTRICT"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    taxpayer: Mapped[Taxpayer] = relationship()
