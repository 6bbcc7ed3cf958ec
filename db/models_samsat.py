"""Tables of the samsat front-office work (see issue 6).

``vehicle_checks``: what the cek fisik officer read off the vehicle (chassis and engine
numbers), compared with the register when the vehicle is known. ``stnk_cases``: one visit's
STNK renewal or replacement, from the loket 1 registration to the loket 3 hand-over.
Officers are kept by name (what the audit log calls the actor) and, when signed in, by user.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, utcnow

CASE_KINDS = ("renewal", "lost")
CASE_STATUSES = ("registered", "paid", "handed_over")


class VehicleCheck(Base):
    """One cek fisik of a visit: numbers read, their match with the register, who and when.

    ``chassis_match`` / ``engine_match`` are None while the vehicle is not known (no plate
    given and no register entry with that chassis number): loket 1 compares them when it
    finds the vehicle by plate. The latest check of a visit is the one that counts.
    """

    __tablename__ = "vehicle_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicles.id", ondelete="RESTRICT"), nullable=True)
    plate: Mapped[str] = mapped_column(String(16), default="")
    chassis_no: Mapped[str] = mapped_column(String(40))
    engine_no: Mapped[str] = mapped_column(String(40))
    chassis_match: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    engine_match: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
    checked_by: Mapped[str] = mapped_column(String(100))
    checked_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class StnkCase(Base):
    """A visit's STNK case: the vehicle, its owner, the payment and the hand-over."""

    __tablename__ = "stnk_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    vehicle_id: Mapped[int] = mapped_column(
        ForeignKey("vehicles.id", ondelete="RESTRICT"), index=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), nullable=True)
    check_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicle_checks.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))  # renewal | lost
    status: Mapped[str] = mapped_column(String(16), default="registered")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    registered_by: Mapped[str] = mapped_column(String(100))
    registered_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id", ondelete="RESTRICT"), nullable=True, unique=True)
    paid_by: Mapped[str] = mapped_column(String(100), default="")
    handed_over_at: Mapped[datetime | None] = mapped_column(nullable=True)
    handed_over_by: Mapped[str] = mapped_column(String(100), default="")
    handed_over_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    handed_to: Mapped[str] = mapped_column(String(200), default="")
    endorsed: Mapped[bool] = mapped_column(Boolean, default=False)
    stamped: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
