"""What the tax clearance desk must have recorded before a visit leaves it (seed 004).

Declared here, beside the clearance service, and asked by the queue through
:mod:`app.queue.stage_work` before any finish: a visit of the tax clearance service leaves its
stage as done only with a clearance check logged for this visit (``fiscal_checks.visit_id``),
whatever its result: the check and its evidence are the product (SIPEKA), a letter is
issued only when the result allows one.

Which services: the catalog code ``TAX-CLEARANCE``, or the office's setting
``fiscal_services`` (a list of codes).

Only reads: this module must not import the queue engine (the engine asks it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.fiscal import messages  # noqa: F401  (registers the messages)
from app.i18n import Text
from app.office_settings import settings_of
from app.queue.stage_work import Leaving, Rule, register_leaving_rules
from db.models import Office, Service
from db.models_fiscal import FiscalCheck


def is_clearance(session: Session, service: Service) -> bool:
    """Whether ``service`` is a tax clearance service of its office (its setting
    ``fiscal_services``)."""
    office = session.get(Office, service.office_id)
    return service.code in settings_of(office).fiscal_services


def check_logged(session: Session, visit_id: int) -> bool:
    return session.scalar(select(FiscalCheck.id).where(FiscalCheck.visit_id == visit_id)
                          .limit(1)) is not None


def checked(leaving: Leaving) -> list[Text]:
    """Clearance desk: a visit is done only with its check logged."""
    if leaving.outcome != "done" or not is_clearance(leaving.session, leaving.visit.service):
        return []
    if not check_logged(leaving.session, leaving.visit.id):
        return [Text("fiscal.step.check", ticket=leaving.visit.ticket)]
    return []


RULES: dict[str, Rule] = {"fiscal": checked}

register_leaving_rules(RULES)  # once, when the area is imported (app/queue/areas.py)
