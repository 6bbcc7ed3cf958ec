"""Tables of the casework front-office work (see issue 6).

``applications``: a long-running application (objection, relief, PBB-P2 new object or
mutation, BPHTB, BPS product request...) with its tracking number, the due date counted on
the office's working-day calendar, who decides it and who holds the file now.
``application_steps``: the disposition trail, one row per hand-on (from, to, note, when).
``complaint_cases``: what the core ``complaints`` row lacks: the tracking number, who
registered it and the resolution. ``complaint_steps``: the office's SOP steps of one
complaint, each with its own due time and when and by whom it was done.
Officers are kept by name (what the audit log calls the actor) and, when signed in, by user.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, utcnow

APPLICATION_STATUSES = ("received", "in_progress", "done", "rejected")
OPEN_APPLICATION_STATUSES = ("received", "in_progress")


class Application(Base):
    """One long-running application, from the receipt to the decision."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("office_id", "number"),
        Index("ix_applications_office_status_due", "office_id", "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True)
    number: Mapped[str] = mapped_column(String(64))
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_nik: Mapped[str] = mapped_column(String(16), default="")
    applicant_contact: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(nullable=True)
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    # the service's time standard as it stood when the application was received
    time_value: Mapped[int] = mapped_column(Integer)
    time_unit: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_by: Mapped[str] = mapped_column(String(100))
    received_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    due_on: Mapped[date] = mapped_column(Date)  # the office's local day it is due (inclusive)
    status: Mapped[str] = mapped_column(String(16), default="received")
    holder: Mapped[str] = mapped_column(String(200))
    holder_since: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_by: Mapped[str] = mapped_column(String(100), default="")
    result: Mapped[str] = mapped_column(Text, default="")
    receipt_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)

    steps: Mapped[list[ApplicationStep]] = relationship(
        back_populates="application", order_by="ApplicationStep.position",
        cascade="all, delete-orphan")


class ApplicationStep(Base):
    """One hand-on of the file (disposition): from whom, to whom, why and when."""

    __tablename__ = "application_steps"
    __table_args__ = (UniqueConstraint("application_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    from_holder: Mapped[str] = mapped_column(String(200), default="")
    to_holder: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))  # the application's status after it
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(100))

    application: Mapped[Application] = relationship(back_populates="steps")


class ComplaintCase(Base):
    """The tracking number and resolution of a complaint (one per ``complaints`` row)."""

    __tablename__ = "complaint_cases"
    __table_args__ = (UniqueConstraint("office_id", "number"),)

    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(64))
    registered_by: Mapped[str] = mapped_column(String(100))
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")


class ComplaintStep(Base):
    """One step of the office's complaint SOP for one complaint, with its own due time."""

    __tablename__ = "complaint_steps"
    __table_args__ = (UniqueConstraint("complaint_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column()
    done_at: Mapped[datetime | None] = mapped_column(nullable=True)
    done_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
