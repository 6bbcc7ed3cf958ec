"""Tables of the perforation front-office work (see issue 6).

One row per request (*permohonan perforasi*): the taxpayer as typed (NPWPD and name, kept
here so this area does not depend on the taxpayer register), the valuables (media, series,
first and last serial, sheets, face value per sheet), the count of the perforation machine,
the reconciliation, the pick-up. Every machine run of a request is a row of its own, so a
count interrupted by a jam or a silent machine can be resumed or retried and its history is
kept.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, utcnow


class PerforationRequest(Base):
    """A request to perforate one series of valuables of one taxpayer.

    ``status``: ``requested`` -> ``counting`` (a machine run is open) -> ``counted`` (the
    machine finished) or ``interrupted`` (a fault or a device error: the count can be
    retried) -> ``reconciled`` -> ``picked_up``; or ``cancelled``.
    ``counted`` is the confirmed number of sheets punched so far: serials ``first_serial``
    to ``first_serial + counted - 1``.
    """

    __tablename__ = "perforation_requests"
    __table_args__ = (
        UniqueConstraint("office_id", "number"),
        Index("ix_perforation_requests_range", "office_id", "npwpd", "media", "series"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    number: Mapped[str] = mapped_column(String(32))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16), default="requested")
    npwpd: Mapped[str] = mapped_column(String(40))
    taxpayer_name: Mapped[str] = mapped_column(String(200))
    media: Mapped[str] = mapped_column(String(32))
    series: Mapped[str] = mapped_column(String(16))
    first_serial: Mapped[int] = mapped_column(Integer)
    last_serial: Mapped[int] = mapped_column(Integer)
    sheets: Mapped[int] = mapped_column(Integer)
    sheets_note: Mapped[str] = mapped_column(Text, default="")
    face_value: Mapped[Decimal]
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by: Mapped[str] = mapped_column(String(64), default="")
    due_at: Mapped[datetime]
    standard: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counted: Mapped[int] = mapped_column(Integer, default=0)
    counted_at: Mapped[datetime | None] = mapped_column(nullable=True)
    count_source: Mapped[str] = mapped_column(String(16), default="")  # machine / manual
    last_error: Mapped[str] = mapped_column(Text, default="")
    damaged: Mapped[int | None] = mapped_column(Integer, nullable=True)
    short: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extra: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result: Mapped[str] = mapped_column(String(16), default="")  # sesuai / selisih
    reconcile_note: Mapped[str] = mapped_column(Text, default="")
    reconciled_at: Mapped[datetime | None] = mapped_column(nullable=True)
    reconciled_by: Mapped[str] = mapped_column(String(64), default="")
    picked_up_at: Mapped[datetime | None] = mapped_column(nullable=True)
    picked_up_by: Mapped[str] = mapped_column(String(200), default="")
    handed_over_by: Mapped[str] = mapped_column(String(64), default="")
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    runs: Mapped[list[PerforationRun]] = relationship(
        back_populates="request", order_by="PerforationRun.attempt",
        cascade="all, delete-orphan",
    )


class PerforationRun(Base):
    """One job on a perforation machine for a request (the first, or a retry/resume).

    ``first_serial`` / ``sheets`` are the job's own (a retry after the machine forgot a job
    starts at the first serial not yet counted); ``counted`` is what this job punched.
    ``state``: ``running``, ``done``, ``stopped`` (a fault: resumable on the same machine),
    ``failed`` (device error; the count is not confirmed), ``aborted``.
    """

    __tablename__ = "perforation_runs"
    __table_args__ = (UniqueConstraint("request_id", "attempt"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("perforation_requests.id", ondelete="CASCADE"), index=True
    )
    attempt: Mapped[int] = mapped_column(Integer)
    job_id: Mapped[str] = mapped_column(String(32))
    connection: Mapped[str] = mapped_column(String(500))
    first_serial: Mapped[int] = mapped_column(Integer)
    sheets: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="running")
    condition: Mapped[str] = mapped_column(String(20), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by: Mapped[str] = mapped_column(String(64), default="")
    ended_at: Mapped[datetime | None] = mapped_column(nullable=True)

    request: Mapped[PerforationRequest] = relationship(back_populates="runs")
