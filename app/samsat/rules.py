"""What each Samsat stage must have recorded before a visit leaves it (seed 003).

Declared here, beside the STNK flow, and asked by the queue through
:mod:`app.queue.stage_work` before any finish: cek fisik recorded before the visit leaves the
cek fisik stage; every requirement ticked and the case registered before loket 1; the bill
paid before loket 2 (an unpaid bill leaves only as cancelled, after a supervisor cancelled
it with a reason); the STNK handed over before loket 3 closes the visit as done.

Only reads: this module must not import the queue engine (the engine asks it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.desk.requirements import missing_requirements
from app.i18n import Text
from app.office_settings import settings_of
from app.queue.stage_work import Leaving, Rule, register_leaving_rules
from app.samsat import messages  # noqa: F401  (registers the messages)
from db.models import Office, Service
from db.models_samsat import StnkCase, VehicleCheck

# the catalog's STNK services and what they are; an office may name its own in its setting
# ``samsat_services`` ({"CODE": "renewal" | "lost"}, app/office_settings.py)
SERVICE_KINDS = {"STNK-PERPANJANGAN": "renewal", "STNK-HILANG": "lost"}
CANCELLED = "cancelled"


def case_kind(session: Session, service: Service) -> str | None:
    """``renewal`` or ``lost`` for an STNK service, else None."""
    custom = settings_of(session.get(Office, service.office_id)).samsat_services
    return custom.get(service.code) or SERVICE_KINDS.get(service.code)


def case_of(session: Session, visit_id: int, *, lock: bool = False) -> StnkCase | None:
    query = select(StnkCase).where(StnkCase.visit_id == visit_id)
    if lock:
        query = query.with_for_update()
    return session.scalar(query)


def latest_check(session: Session, visit_id: int) -> VehicleCheck | None:
    return session.scalar(select(VehicleCheck).where(VehicleCheck.visit_id == visit_id)
                          .order_by(VehicleCheck.checked_at.desc(), VehicleCheck.id.desc())
                          .limit(1))


def _stnk(leaving: Leaving) -> bool:
    return case_kind(leaving.session, leaving.visit.service) is not None


def check_recorded(leaving: Leaving) -> list[Text]:
    """Cek fisik: the chassis and engine numbers are recorded before the visit moves on."""
    if leaving.outcome != "done" or not _stnk(leaving):
        return []
    if latest_check(leaving.session, leaving.visit.id) is None:
        return [Text("samsat.step.check", ticket=leaving.visit.ticket)]
    return []


def registered(leaving: Leaving) -> list[Text]:
    """Loket 1: every requirement ticked (else the way out is "berkas tidak lengkap") and
    the case registered."""
    if leaving.outcome != "done" or not _stnk(leaving):
        return []
    out = []
    missing = missing_requirements(leaving.visit)
    if missing:
        out.append(Text("samsat.step.requirements", missing=", ".join(missing)))
    case = case_of(leaving.session, leaving.visit.id)
    if case is None or case.status == CANCELLED:
        out.append(Text("samsat.step.register", ticket=leaving.visit.ticket))
    return out


def paid(leaving: Leaving) -> list[Text]:
    """Loket 2: done only with the bill paid; cancelled only when nothing was paid and the
    case (if registered) was cancelled by a supervisor with a reason."""
    if leaving.outcome == "incomplete" or not _stnk(leaving):
        return []
    case = case_of(leaving.session, leaving.visit.id)
    if leaving.outcome == "done":
        if case is None:
            return [Text("samsat.step.register", ticket=leaving.visit.ticket)]
        if case.payment_id is None:
            return [Text("samsat.step.pay", ticket=leaving.visit.ticket)]
        return []
    if case is not None and case.payment_id is not None:
        return [Text("samsat.step.paid_not_cancelled", ticket=leaving.visit.ticket)]
    if case is not None and case.status != CANCELLED:
        return [Text("samsat.step.cancel_case", ticket=leaving.visit.ticket)]
    return []


def handed_over(leaving: Leaving) -> list[Text]:
    """Loket 3: the visit is done only when the STNK was handed over."""
    if leaving.outcome != "done" or not _stnk(leaving):
        return []
    case = case_of(leaving.session, leaving.visit.id)
    if case is None or case.handed_over_at is None:
        return [Text("samsat.step.handover", ticket=leaving.visit.ticket)]
    return []


RULES: dict[str, Rule] = {
    "samsat-check": check_recorded,
    "samsat-registration": registered,
    "samsat-payment": paid,
    "samsat-handover": handed_over,
}

register_leaving_rules(RULES)  # once, when the area is imported (app/queue/areas.py)
