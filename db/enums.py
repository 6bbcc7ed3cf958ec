"""The closed vocabularies stored in the database, shared by db/ and app/."""

from __future__ import annotations

from enum import StrEnum


class Zone(StrEnum):
    """Indonesia's three time zones; an office keeps one."""

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def tz_name(self) -> str:
        return {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}[self.value]


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class StationKind(StrEnum):
    KIOSK = "kiosk"
    COUNTER = "counter"
    DISPLAY = "display"
    SUPERVISOR = "supervisor"
    SURVEY = "survey"


class DeviceKind(StrEnum):
    TICKET_PRINTER = "ticket_printer"
    CARD_PRINTER = "card_printer"
    PERFORATOR = "perforator"
    DOCUMENT_PRINTER = "document_printer"


class TimeUnit(StrEnum):
    """Units a service standard states its time in."""

    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


class VisitStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"
    DONE = "done"
    INCOMPLETE = "incomplete"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    NOT_SERVED = "not_served"
    TRANSFERRED = "transferred"  # a stage record left for another stage or counter

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset(
    {VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.SERVING, VisitStatus.HELD}
)


class JobState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"


class PaymentMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    BILLING = "billing"


class ComplaintStatus(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


class HolidayKind(StrEnum):
    NATIONAL = "national"
    JOINT_LEAVE = "joint_leave"
    LOCAL = "local"
