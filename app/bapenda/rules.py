"""What the bapenda stages must have recorded before a visit leaves them (seeds 001, 002).

Declared here, beside the NPWPD and tax services, and asked by the queue through
:mod:`app.queue.stage_work` before any finish:

- **npwpd**, a visit of the office's NPWPD registration service leaves as done only with a
  taxpayer registered in this visit (``taxpayers.visit_id``) and the card of each one
  printed: a card job of the print spool for this visit that the printer confirmed
  (``device_jobs``: kind ``card.npwpd``, state ``done``, the NPWPD in its payload). A
  failed print is printed again ("Cetak ulang kartu"); a queued one is not printed yet.
- **npwpd**, a visit of the deactivation service leaves as done only with an NPWPD
  deactivated in this visit. The taxpayer row keeps no visit of its deactivation, so the
  record is the audit entry ``npwpd.deactivate`` whose ``after.visit_id`` is this visit.

  Where the service's time standard runs for days (Batu: three days, seed 002), the card
  and the deactivation come after a field check and the head's signature, when the visitor
  has left: the registration visit leaves with the taxpayer registered (the card is not
  asked for), and the deactivation visit with the NPWPD deactivated or the request received
  as an application (``applications.visit_id``, receipt with its due date).
- **tax-payment**, a visit of a payment or arrears service leaves as done only with the
  payment of an assessment recorded for this visit (``payments.visit_id``, not voided, and
  an assessment settled by it).

Which services those are: the catalog codes below, or the office's settings
``npwpd_service`` / ``npwpd_deactivation_service`` (one code each, as the NPWPD service
reads them) and ``tax_payment_services`` (a list of codes).

Only reads: this module must not import the queue engine (the engine asks it).
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bapenda import messages  # noqa: F401  (registers the messages)
from app.casework.deadlines import LONG_RUNNING_UNITS
from app.i18n import Text
from app.office_settings import settings_of
from app.queue.stage_work import Leaving, Rule, register_leaving_rules
from db.enums import JobState
from db.models import AuditEntry, DeviceJob, Office, Payment, Service, Visit
from db.models_bapenda import TaxAssessment, Taxpayer
from db.models_casework import Application

CARD_JOB = "card.npwpd"

REGISTER, DEACTIVATE, PAYMENT = "npwpd-register", "npwpd-deactivate", "tax-payment"


def service_kind(session: Session, service: Service) -> str | None:
    """``npwpd-register``, ``npwpd-deactivate`` or ``tax-payment`` for a service of that
    kind in its office, else None."""
    settings = settings_of(session.get(Office, service.office_id))
    code = service.code
    if code in settings.npwpd_service:
        return REGISTER
    if code in settings.npwpd_deactivation_service:
        return DEACTIVATE
    if code in settings.tax_payment_services:
        return PAYMENT
    return None


def within_the_visit(service: Service) -> bool:
    """Whether the service's product is made while the visitor waits (a time standard in
    minutes or hours, or none), not days later."""
    return service.time_unit not in LONG_RUNNING_UNITS


def _card_npwpd(job: DeviceJob) -> str | None:
    try:
        return json.loads(bytes(job.payload).decode("utf-8")).get("npwpd")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return None


def printed_cards(session: Session, visit_id: int) -> set[str]:
    """The NPWPDs whose card the printer confirmed for this visit."""
    jobs = session.scalars(select(DeviceJob).where(
        DeviceJob.visit_id == visit_id, DeviceJob.job_kind.like(CARD_JOB + "%"),
        DeviceJob.state == JobState.DONE)).all()
    return {npwpd for job in jobs if (npwpd := _card_npwpd(job))}


def deactivated_in(session: Session, visit: Visit) -> list[str]:
    """The NPWPDs deactivated in this visit (from the audit log, see the module)."""
    entries = session.scalars(select(AuditEntry).where(
        AuditEntry.entity == "taxpayer", AuditEntry.action == "npwpd.deactivate",
        AuditEntry.office_id == visit.office_id, AuditEntry.at >= visit.issued_at)
        .order_by(AuditEntry.id)).all()
    return [str((e.after or {}).get("npwpd")) for e in entries
            if (e.after or {}).get("visit_id") == visit.id]


def npwpd_done(leaving: Leaving) -> list[Text]:
    """NPWPD desk: registered with its card printed, or deactivated, in this visit."""
    if leaving.outcome != "done":
        return []
    s, visit = leaving.session, leaving.visit
    kind = service_kind(s, visit.service)
    waits = within_the_visit(visit.service)  # the product is made while the visitor waits
    if kind == DEACTIVATE:
        if deactivated_in(s, visit):
            return []
        if waits:
            return [Text("bapenda.step.deactivate", ticket=visit.ticket)]
        if s.scalar(select(Application.id).where(Application.visit_id == visit.id)
                    .limit(1)) is not None:
            return []
        return [Text("bapenda.step.deactivate_or_apply", ticket=visit.ticket)]
    if kind != REGISTER:
        return []
    taxpayers = s.scalars(select(Taxpayer).where(Taxpayer.visit_id == visit.id)
                          .order_by(Taxpayer.id)).all()
    if not taxpayers:
        return [Text("bapenda.step.register", ticket=visit.ticket)]
    if not waits:
        return []
    printed = printed_cards(s, visit.id)
    return [Text("bapenda.step.card", npwpd=t.npwpd) for t in taxpayers
            if t.status == "active" and t.npwpd not in printed]


def payment_recorded(session: Session, visit_id: int) -> bool:
    """Whether an assessment was paid for this visit (a payment not voided)."""
    return session.scalar(
        select(Payment.id).join(TaxAssessment, TaxAssessment.payment_id == Payment.id)
        .where(Payment.visit_id == visit_id, Payment.voided_at.is_(None)).limit(1)) is not None


def tax_paid(leaving: Leaving) -> list[Text]:
    """Payment desk: a payment or arrears visit is done only with its payment recorded."""
    if leaving.outcome != "done":
        return []
    visit = leaving.visit
    if service_kind(leaving.session, visit.service) != PAYMENT:
        return []
    if not payment_recorded(leaving.session, visit.id):
        return [Text("bapenda.step.pay", ticket=visit.ticket)]
    return []


RULES: dict[str, Rule] = {
    "npwpd": npwpd_done,
    "tax-payment": tax_paid,
}

register_leaving_rules(RULES)  # once, when the area is imported (app/queue/areas.py)
