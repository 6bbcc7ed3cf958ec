"""The tables every area shares: offices and their stages, counters, stations and services,
visits and their stage records, users, audit, payments, documents, device jobs, surveys,
complaints, holidays, number series, persons and vehicles.

Every timestamp is a :class:`~db.types.UTCDateTime`; every amount of money is
:class:`~db.types.Rupiah`. Vocabularies are in :mod:`db.enums`, stored as their string values.
Import the models through :mod:`db.models`, which also registers the areas' tables; the area
modules import from here and from :mod:`db.base`, never from :mod:`db.models`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, stored_enum, utcnow
from db.enums import (
    ComplaintStatus,
    DeviceKind,
    HolidayKind,
    JobState,
    PaymentMethod,
    Role,
    StationKind,
    TimeUnit,
    VisitStatus,
    Zone,
)

# --- Office, its stages, counters and stations -------------------------------------------


class Office(Base):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="other")
    zone: Mapped[Zone] = mapped_column(stored_enum(Zone, 4), default=Zone.WIB)
    address: Mapped[str] = mapped_column(Text, default="")
    complaint_channels: Mapped[list[Any]] = mapped_column(JSON, default=list)
    complaint_response: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    stages: Mapped[list[Stage]] = relationship(
        back_populates="office", order_by="Stage.position", cascade="all, delete-orphan"
    )
    counters: Mapped[list[Counter]] = relationship(
        back_populates="office", order_by="Counter.position", cascade="all, delete-orphan"
    )
    services: Mapped[list[Service]] = relationship(
        back_populates="office", order_by="Service.position", cascade="all, delete-orphan"
    )
    stations: Mapped[list[Station]] = relationship(
        back_populates="office", cascade="all, delete-orphan"
    )


class Stage(Base):
    """A step of a visit that has its own queue (``cek-fisik``, ``loket-1``, ...)."""

    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    office: Mapped[Office] = relationship(back_populates="stages")


class CounterStage(Base):
    __tablename__ = "counter_stages"

    counter_id: Mapped[int] = mapped_column(
        ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True
    )
    stage_id: Mapped[int] = mapped_column(
        ForeignKey("stages.id", ondelete="CASCADE"), primary_key=True
    )


class CounterService(Base):
    """Optional narrowing: a counter that serves a stage only for some services."""

    __tablename__ = "counter_services"

    counter_id: Mapped[int] = mapped_column(
        ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )


class Counter(Base):
    """A loket: the place an officer sits and the display sends a visitor to."""

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    # What the display shows and the voice says: "silakan menuju loket, dua".
    display_number: Mapped[int] = mapped_column(Integer)
    # Said instead of "loket <number>" where the place is not a loket ("tempat cek fisik").
    call_name: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    # who is signed in at the counter now, and when its station last showed signs of life
    officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    last_seen_at: Mapped[datetime | None] = mapped_column(nullable=True)

    office: Mapped[Office] = relationship(back_populates="counters")
    stages: Mapped[list[Stage]] = relationship(secondary="counter_stages", order_by=Stage.position)
    services: Mapped[list[Service]] = relationship(secondary="counter_services")


class Station(Base):
    """One PC's role in the office, and the devices plugged into it."""

    __tablename__ = "stations"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[StationKind] = mapped_column(stored_enum(StationKind))
    name: Mapped[str] = mapped_column(String(200), default="")
    counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", ondelete="SET NULL"), nullable=True
    )
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_seen_at: Mapped[datetime | None] = mapped_column(nullable=True)

    office: Mapped[Office] = relationship(back_populates="stations")
    counter: Mapped[Counter | None] = relationship()
    devices: Mapped[list[StationDevice]] = relationship(
        back_populates="station", cascade="all, delete-orphan"
    )


class StationDevice(Base):
    """A device by connection string, e.g. ``escpos+tcp://192.168.1.50:9100`` or ``sim://``."""

    __tablename__ = "station_devices"
    __table_args__ = (UniqueConstraint("station_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id", ondelete="CASCADE"))
    kind: Mapped[DeviceKind] = mapped_column(stored_enum(DeviceKind))
    connection: Mapped[str] = mapped_column(String(500))
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    station: Mapped[Station] = relationship(back_populates="devices")


# --- The service catalog ------------------------------------------------------------------


class Service(Base):
    """One service standard (*standar pelayanan*) as an office offers it."""

    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(48))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    group: Mapped[str] = mapped_column(String(200), default="")
    prefix: Mapped[str] = mapped_column(String(4))
    requirements: Mapped[list[Any]] = mapped_column(JSON, default=list)
    procedure: Mapped[list[Any]] = mapped_column(JSON, default=list)
    time_value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    time_unit: Mapped[TimeUnit | None] = mapped_column(stored_enum(TimeUnit), nullable=True)
    time_min_value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    time_per: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    time_from: Mapped[str] = mapped_column(String(32), default="ticket")
    time_note: Mapped[str] = mapped_column(Text, default="")
    fee: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    product: Mapped[list[Any]] = mapped_column(JSON, default=list)
    legal_basis: Mapped[list[Any]] = mapped_column(JSON, default=list)
    kiosk: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    office: Mapped[Office] = relationship(back_populates="services")
    stage_links: Mapped[list[ServiceStage]] = relationship(
        back_populates="service", order_by="ServiceStage.position", cascade="all, delete-orphan"
    )

    @property
    def stage_codes(self) -> list[str]:
        return [link.stage.code for link in self.stage_links]


class ServiceStage(Base):
    __tablename__ = "service_stages"
    __table_args__ = (UniqueConstraint("service_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"))

    service: Mapped[Service] = relationship(back_populates="stage_links")
    stage: Mapped[Stage] = relationship()


# --- Queue: numbering, visits and what happened to them ----------------------------------


class DailyTicketCounter(Base):
    """Last number handed out per office, local day and prefix (insert-or-increment)."""

    __tablename__ = "daily_ticket_counters"

    office_id: Mapped[int] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
    )
    service_date: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class Visit(Base):
    """A visitor's ticket, from the kiosk to the last stage; keeps its number throughout."""

    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("office_id", "service_date", "prefix", "number"),
        Index("ix_visits_office_status", "office_id", "service_date", "status"),
        Index("ix_visits_office_issued", "office_id", "issued_at"),  # reports (0011)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    service_date: Mapped[date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(4))
    number: Mapped[int] = mapped_column(Integer)
    ticket: Mapped[str] = mapped_column(String(16))
    status: Mapped[VisitStatus] = mapped_column(stored_enum(VisitStatus),
                                                default=VisitStatus.WAITING)
    priority_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    priority_granted_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    appointment_code: Mapped[str | None] = mapped_column(String(32), nullable=True, unique=True)
    appointment_at: Mapped[datetime | None] = mapped_column(nullable=True)
    stage_position: Mapped[int] = mapped_column(Integer, default=0)
    current_stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stages.id", ondelete="RESTRICT"), nullable=True
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    issued_by_station_id: Mapped[int | None] = mapped_column(
        ForeignKey("stations.id", ondelete="SET NULL"), nullable=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    service: Mapped[Service] = relationship()
    stage_records: Mapped[list[StageRecord]] = relationship(
        back_populates="visit", order_by="StageRecord.seq", cascade="all, delete-orphan"
    )


class Appointment(Base):
    """A booking made ahead; checking in with its code turns it into a ticket placed by its time."""

    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="RESTRICT"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    at: Mapped[datetime]
    name: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="booked")
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StageRecord(Base):
    """A visit's stay at one stage: queued, called, served, finished."""

    __tablename__ = "stage_records"
    __table_args__ = (
        UniqueConstraint("visit_id", "seq"),
        Index("ix_stage_records_queue", "stage_id", "status", "priority", "sort_at"),
        # a counter serves one visit at a time (migration 0004)
        Index("uq_stage_records_counter_active", "counter_id", unique=True,
              postgresql_where=text("status IN ('called', 'serving')"),
              sqlite_where=text("status IN ('called', 'serving')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"))
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[VisitStatus] = mapped_column(stored_enum(VisitStatus),
                                                default=VisitStatus.WAITING)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_at: Mapped[datetime] = mapped_column(default=utcnow)
    target_counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", ondelete="SET NULL"), nullable=True
    )
    counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", ondelete="SET NULL"), nullable=True
    )
    officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    called_at: Mapped[datetime | None] = mapped_column(nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)

    visit: Mapped[Visit] = relationship(back_populates="stage_records")
    stage: Mapped[Stage] = relationship()


class VisitTransition(Base):
    """Every change of a visit, with UTC time, counter and officer: the visit's history."""

    __tablename__ = "visit_transitions"
    __table_args__ = (Index("ix_visit_transitions_visit", "visit_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    stage_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("stage_records.id", ondelete="CASCADE"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", ondelete="SET NULL"), nullable=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Event(Base):
    """Live events for other stations (app/queue/feed.py).

    On SQLite ``id`` is the cursor a station catches up from: writers are serialised, so ids
    commit in order. On PostgreSQL they do not; ``xact`` is the inserting transaction
    (``pg_current_xact_id()``, a column DEFAULT of migration 0014, so every INSERT fills it
    without naming it) and the feed follows commits through it. Empty on SQLite.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_office_id", "office_id", "id"),
                      Index("ix_events_xact", "xact"))

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(48))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    xact: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


# --- People and accountability ------------------------------------------------------------


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[Role] = mapped_column(stored_enum(Role))
    password_hash: Mapped[str] = mapped_column(String(255))
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("offices.id", ondelete="SET NULL"), nullable=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)


class UserSession(Base):
    """A command-line sign-in (``loket login``): the token's SHA-256, never the token."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column(nullable=True)
    label: Mapped[str] = mapped_column(String(200), default="", server_default="")


class AuditEntry(Base):
    """Who changed what, when, with the state before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    actor: Mapped[str] = mapped_column(String(100))
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("offices.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


# --- Money, documents and devices ---------------------------------------------------------


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_office_received", "office_id", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    method: Mapped[PaymentMethod] = mapped_column(stored_enum(PaymentMethod))
    amount: Mapped[Decimal]
    reference: Mapped[str] = mapped_column(String(100), default="")
    received_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    voided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")

    lines: Mapped[list[PaymentLine]] = relationship(
        back_populates="payment", order_by="PaymentLine.position", cascade="all, delete-orphan"
    )


class PaymentLine(Base):
    """One itemised line of a bill (PKB 2025, opsen PKB, SWDKLLJ, PNBP STNK...) and its rule."""

    __tablename__ = "payment_lines"
    __table_args__ = (Index("ix_payment_lines_payment", "payment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(48))
    description: Mapped[str] = mapped_column(String(300))
    rule: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount: Mapped[Decimal]

    payment: Mapped[Payment] = relationship(back_populates="lines")


class Document(Base):
    """A document handed to a visitor: receipt, SKPD, NPWPD card, slip, letter."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("office_id", "kind", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="RESTRICT"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    payment_id: Mapped[int | None] = mapped_column(
        ForeignKey("payments.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    content_type: Mapped[str] = mapped_column(String(64), default="")


class DeviceJob(Base):
    """The print spool: a job is saved here before it is sent, so none is ever lost."""

    __tablename__ = "device_jobs"
    __table_args__ = (Index("ix_device_jobs_state", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), nullable=True
    )
    station_id: Mapped[int | None] = mapped_column(
        ForeignKey("stations.id", ondelete="SET NULL"), nullable=True
    )
    device_kind: Mapped[DeviceKind] = mapped_column(stored_enum(DeviceKind))
    connection: Mapped[str] = mapped_column(String(500))
    job_kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
    )
    state: Mapped[JobState] = mapped_column(stored_enum(JobState), default=JobState.QUEUED)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # the one sender that may write this job's outcome (``state`` is ``sent``), and until
    # when: a spool, a kiosk or a person reprinting; see app/spool.py
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(nullable=True)


# --- Satisfaction survey and complaints ---------------------------------------------------


class SurveyResponse(Base):
    """One questionnaire (SKM), from the survey station, a quick rating or a paper form."""

    __tablename__ = "survey_responses"
    __table_args__ = (
        Index("ix_survey_responses_office_submitted", "office_id", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    survey_code: Mapped[str] = mapped_column(String(48))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("services.id", ondelete="SET NULL"), nullable=True
    )
    counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", ondelete="SET NULL"), nullable=True
    )
    officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    source: Mapped[str] = mapped_column(String(16), default="station")
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    respondent: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class SurveyAnswer(Base):
    __tablename__ = "survey_answers"

    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), primary_key=True
    )
    element_id: Mapped[str] = mapped_column(String(48), primary_key=True)
    value: Mapped[int] = mapped_column(SmallInteger)

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_office_received", "office_id", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    channel: Mapped[str] = mapped_column(String(48))
    reporter: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[ComplaintStatus] = mapped_column(
        stored_enum(ComplaintStatus), default=ComplaintStatus.RECEIVED
    )
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(nullable=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )


class Holiday(Base):
    """Days off an administrator adds on top of the national calendar (local days, cuti bersama)."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("office_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), nullable=True
    )
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[HolidayKind] = mapped_column(stored_enum(HolidayKind), default=HolidayKind.LOCAL)


# --- Front office: numbering, people and vehicles -------------------------------------------


class NumberSequence(Base):
    """Last number handed out per office, series and period (NPWPD serials, receipts,
    tracking numbers, certificates): insert-or-increment, like the daily ticket numbers."""

    __tablename__ = "number_sequences"

    office_id: Mapped[int] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
    )
    series: Mapped[str] = mapped_column(String(48), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True, default="")
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class Person(Base):
    """A citizen known by NIK: vehicle owner, applicant, personal taxpayer."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    nik: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Vehicle(Base):
    """A registered motor vehicle and what its tax bill is computed from.

    ``njkb`` and ``bobot`` come from the province's Pergub table for the make, type and year;
    ``ownership_order`` (1 = first vehicle of this owner) drives the progressive PKB rate.
    ``tax_due_on`` is the day the next year's PKB falls due; ``stnk_valid_until`` the end of
    the five-year STNK (then STNK and TNKB are issued anew).
    """

    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(primary_key=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    category: Mapped[str] = mapped_column(String(4))  # R2, R3, R4 (PNBP tables)
    swdkllj_class: Mapped[str] = mapped_column(String(32))
    usage: Mapped[str] = mapped_column(String(16), default="pribadi")  # pribadi/umum/dinas
    make: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    body_type: Mapped[str] = mapped_column(String(40), default="")
    year_made: Mapped[int | None] = mapped_column(Integer, nullable=True)
    engine_cc: Mapped[int | None] = mapped_column(Integer, nullable=True)
    color: Mapped[str] = mapped_column(String(40), default="")
    fuel: Mapped[str] = mapped_column(String(20), default="")
    chassis_no: Mapped[str] = mapped_column(String(40), default="")
    engine_no: Mapped[str] = mapped_column(String(40), default="")
    njkb: Mapped[Decimal]
    bobot: Mapped[str] = mapped_column(String(12), default="1")  # exact decimal as text
    ownership_order: Mapped[int] = mapped_column(Integer, default=1)
    tax_due_on: Mapped[date] = mapped_column(Date)
    stnk_valid_until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[Person | None] = relationship()
