"""What the perforation stage must have recorded before a visit leaves it (seeds 001, 002).

Declared here, beside the perforation service, and asked by the queue through
:mod:`app.queue.stage_work` before any finish: a visit of the perforation service leaves its
stage as done only with a request registered for this visit
(``perforation_requests.visit_id``, not cancelled) and the sheets of each counted: the
request is no longer ``requested``, ``counting`` or ``interrupted`` (a count stopped by a
fault is counted again, or reconciled with what was counted).

The sheets are counted while the visitor waits when the office's time standard is in
minutes (Malang: 15 minutes per 1,000 sheets). Under a standard of days (Batu: one to
three days) the valuables are left at the desk and counted later: the request registered
for the visit is what the visit leaves with, and the count is not asked for. The request
keeps the standard it was received under (``standard.allowed_minutes`` is None for days).

Which services: the catalog code ``PERFORASI``, or the office's setting
``perforation_services`` (a list of codes).

Only reads: this module must not import the queue engine (the engine asks it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import Text
from app.office_settings import settings_of
from app.perforation import messages  # noqa: F401  (registers the messages)
from app.queue.stage_work import Leaving, Rule, register_leaving_rules
from db.models import Office, Service
from db.models_perforation import PerforationRequest

COUNTABLE = ("requested", "counting", "interrupted")  # the sheets are not all counted yet
STATUS_TEXT = {
    "requested": "diajukan", "counting": "sedang dihitung", "counted": "selesai dihitung",
    "interrupted": "hitungan terhenti", "reconciled": "sudah dicocokkan",
    "picked_up": "sudah diambil", "cancelled": "dibatalkan",
}


def is_perforation(session: Session, service: Service) -> bool:
    """Whether ``service`` is its office's perforation service (its setting
    ``perforation_services``)."""
    office = session.get(Office, service.office_id)
    return service.code in settings_of(office).perforation_services


def counted_while_waiting(req: PerforationRequest) -> bool:
    """Whether the request's time standard has the sheets counted during the visit."""
    return (req.standard or {}).get("allowed_minutes") is not None


def requests_of(session: Session, visit_id: int) -> list[PerforationRequest]:
    """The visit's requests that were not withdrawn, oldest first."""
    return list(session.scalars(select(PerforationRequest).where(
        PerforationRequest.visit_id == visit_id, PerforationRequest.status != "cancelled")
        .order_by(PerforationRequest.id)))


def sheets_counted(leaving: Leaving) -> list[Text]:
    """Perforation desk: a request for the visit, its sheets counted (see the module)."""
    if leaving.outcome != "done" or not is_perforation(leaving.session, leaving.visit.service):
        return []
    requests = requests_of(leaving.session, leaving.visit.id)
    if not requests:
        return [Text("perforation.step.request", ticket=leaving.visit.ticket)]
    return [Text("perforation.step.count", number=req.number,
               status=STATUS_TEXT.get(req.status, req.status))
            for req in requests if req.status in COUNTABLE and counted_while_waiting(req)]


RULES: dict[str, Rule] = {"perforation": sheets_counted}

register_leaving_rules(RULES)  # once, when the area is imported (app/queue/areas.py)
