"""The whole data model, designed once so the queue, devices, front office and IKM fit in it.

Import the models from here: this module gathers the shared tables (:mod:`db.models_core`)
and registers every area's tables (``db/models_<area>.py``) in ``Base.metadata``, for the
migrations and for whoever reads or writes them. The table modules build on
:mod:`db.base` and :mod:`db.models_core` and never import this module back.
"""

from __future__ import annotations

# the front-office areas keep their tables in modules of their own; importing them here puts
# every table in ``Base.metadata`` (and the report summaries' invalidation in every session)
from db import (  # noqa: F401  (registers the tables)
    models_bapenda,
    models_casework,
    models_fiscal,
    models_perforation,
    models_reports,
    models_samsat,
)
from db.base import Base, stored_enum, utcnow
from db.models_core import (
    Appointment,
    AuditEntry,
    Complaint,
    Counter,
    CounterService,
    CounterStage,
    DailyTicketCounter,
    DeviceJob,
    Document,
    Event,
    Holiday,
    NumberSequence,
    Office,
    Payment,
    PaymentLine,
    Person,
    Service,
    ServiceStage,
    Stage,
    StageRecord,
    Station,
    StationDevice,
    SurveyAnswer,
    SurveyResponse,
    User,
    UserSession,
    Vehicle,
    Visit,
    VisitTransition,
)

__all__ = [
    "Appointment",
    "AuditEntry",
    "Base",
    "Complaint",
    "Counter",
    "CounterService",
    "CounterStage",
    "DailyTicketCounter",
    "DeviceJob",
    "Document",
    "Event",
    "Holiday",
    "NumberSequence",
    "Office",
    "Payment",
    "PaymentLine",
    "Person",
    "Service",
    "ServiceStage",
    "Stage",
    "StageRecord",
    "Station",
    "StationDevice",
    "SurveyAnswer",
    "SurveyResponse",
    "User",
    "UserSession",
    "Vehicle",
    "Visit",
    "VisitTransition",
    "stored_enum",
    "utcnow",
]
