"""What a casework desk must have recorded before a visit leaves it (seeds 000-002).

Declared here, beside the application and complaint services, and asked by the queue
through :mod:`app.queue.stage_work` before any finish:

- a visit of an **application** service leaves its stage as done only with its application
  registered in this visit (``applications.visit_id``): the receipt with the tracking
  number is what the visitor takes home;
- a visit of a **complaint** service, only with its complaint registered in this visit
  (``complaints.visit_id``).

What follows (disposition, decision, answer, resolution) takes days and happens after the
visitor left: it is never asked for here.

Which services: the office's setting ``casework_services`` (a list of codes) names its
application services; without it, every service whose time standard is long-running
(working days, days or months: objections, relief, PBB-P2, BPHTB, BPS products...) except
the services another desk's rule governs (NPWPD registration and deactivation, tax
payment, perforation, tax clearance: their own record is what they leave with). Complaint
services: the setting ``complaint_services`` (a list of codes), else ``PENGADUAN``.

Who decides an application is :mod:`app.casework.deciders`.

Only reads: this module must not import the queue engine (the engine asks it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bapenda.rules import service_kind as bapenda_kind
from app.casework import messages  # noqa: F401  (registers the messages)
from app.casework.deadlines import LONG_RUNNING_UNITS
from app.fiscal.rules import is_clearance
from app.i18n import Text
from app.office_settings import settings_of
from app.perforation.rules import is_perforation
from app.queue.stage_work import Leaving, Rule, register_leaving_rules
from db.models import Complaint, Office, Service
from db.models_casework import Application

APPLICATION, COMPLAINT = "application", "complaint"


def _governed_elsewhere(session: Session, service: Service) -> bool:
    return (bapenda_kind(session, service) is not None or is_perforation(session, service)
            or is_clearance(session, service))


def service_kind(session: Session, service: Service) -> str | None:
    """``application`` or ``complaint`` for a casework service of its office, else None."""
    settings = settings_of(session.get(Office, service.office_id))
    if service.code in settings.complaint_services:
        return COMPLAINT
    if settings.casework_services is not None:
        return APPLICATION if service.code in settings.casework_services else None
    long_running = service.time_value is not None and service.time_unit in LONG_RUNNING_UNITS
    if long_running and not _governed_elsewhere(session, service):
        return APPLICATION
    return None


def registered(leaving: Leaving) -> list[Text]:
    """Casework desk: the application or complaint of the visit is registered."""
    if leaving.outcome != "done":
        return []
    s, visit = leaving.session, leaving.visit
    kind = service_kind(s, visit.service)
    if kind == APPLICATION:
        found = s.scalar(select(Application.id).where(Application.visit_id == visit.id)
                         .limit(1))
        return [] if found is not None else [
            Text("casework.step.application", ticket=visit.ticket)]
    if kind == COMPLAINT:
        found = s.scalar(select(Complaint.id).where(Complaint.visit_id == visit.id).limit(1))
        return [] if found is not None else [
            Text("casework.step.complaint", ticket=visit.ticket)]
    return []


RULES: dict[str, Rule] = {"casework": registered}

register_leaving_rules(RULES)  # once, when the area is imported (app/queue/areas.py)
