"""The Bapenda desk: what the NPWPD and regional tax panel reads and does, as plain data.

The widget (``ui/panels/bapenda.py``) makes one :class:`BapendaDesk` for its counter and asks
it for the registration form's choices (:meth:`BapendaDesk.form_options`) and checklist
(:meth:`BapendaDesk.registration_checklist`), to register a taxpayer and print the card, to
find and deactivate an NPWPD, and to look up, bill and pay an assessment. The rules are
:mod:`app.bapenda.taxpayers`' and :mod:`app.bapenda.assessments`'; each call here opens its
own short unit of work and returns frozen dataclasses (tuples for lists). Refusals pass as
they are; a lost database is :class:`app.errors.LoketError` ``db.unreachable``
(:mod:`app.stations.database`), shown by the panel like any refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.access import Actor
from app.bapenda import assessments as asm
from app.bapenda import taxpayers as tp
from app.bapenda.assessments import AssessmentInfo, Bill, PaymentInfo
from app.bapenda.taxpayers import FormOptions, Registration, RequirementItem, TaxpayerInfo
from app.clock import utcnow
from app.spool import JobResult
from app.stations.database import database_errors, unit_of_work
from app.stations.person import as_actor
from app.store import Store

__all__ = [
    "AssessmentInfo", "BapendaDesk", "Bill", "FormOptions", "JobResult", "PaymentInfo",
    "Registration", "RequirementItem", "TaxpayerInfo",
]


def _officer() -> str:
    return "officer"


class BapendaDesk:
    """The Bapenda work of one counter (``counter_code``, for its card printer) at one
    office. ``actor`` is asked at each action for the person signed in (the panel's
    ``ctx.actor``) and ``clock`` for now; a deactivation is done by whoever the panel says
    (a supervisor who signed)."""

    def __init__(self, store: Store, office_code: str, counter_code: str | None = None, *,
                 actor: Callable[[], Actor | str] = _officer,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.counter_code = counter_code
        self.actor = actor
        self.clock = clock

    # --- registration ---------------------------------------------------------------------

    def form_options(self) -> FormOptions:
        """The registration form's choices today (tax types, districts, widths, reasons, the
        counter's card printer, the office's zone)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return tp.form_options(uow, office_code=self.office_code,
                                   counter_code=self.counter_code, now=self.clock())

    def registration_checklist(self, kind: str) -> tuple[RequirementItem, ...]:
        """The requirements of the NPWPD service for a personal (P) or business (B) taxpayer."""
        with unit_of_work(self.store, read_only=True) as uow:
            return tuple(tp.registration_checklist(uow, kind, office_code=self.office_code))

    def register(self, registration: Registration, *,
                 visit_id: int | None = None) -> TaxpayerInfo:
        """Register a taxpayer (and its letter) for the visit at the counter."""
        with unit_of_work(self.store) as uow:
            return tp.register(uow, registration, office_code=self.office_code,
                               actor=as_actor(self.actor()), visit_id=visit_id, now=self.clock())

    def print_card(self, npwpd: str, connection: str | None, *,
                   reprint: bool = False) -> JobResult:
        """Queue the NPWPD card for ``connection`` and send it at once (the spool's result;
        a failure is flagged for a reprint, never retried by itself)."""
        with database_errors(self.store):
            return tp.print_card(self.store, npwpd, connection, office_code=self.office_code,
                                 reprint=reprint, actor=as_actor(self.actor()), now=self.clock())

    # --- deactivation ---------------------------------------------------------------------

    def find_taxpayer(self, npwpd: str) -> TaxpayerInfo:
        """The taxpayer of ``npwpd`` at this office (``bapenda.unknown_npwpd`` if none)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return tp.show(uow, npwpd, office_code=self.office_code)

    def deactivate(self, npwpd: str, reason: str, *, note: str = "",
                   actor: Actor | str, visit_id: int | None = None) -> TaxpayerInfo:
        """Deactivate an NPWPD, by ``actor`` (a supervisor's act: the panel asks who)."""
        with unit_of_work(self.store) as uow:
            return tp.deactivate(uow, npwpd, reason, note=note, office_code=self.office_code,
                                 actor=as_actor(actor), visit_id=visit_id, now=self.clock())

    # --- payment --------------------------------------------------------------------------

    def lookup(self, ref: str) -> tuple[AssessmentInfo, ...]:
        """The assessments of an assessment number or of an NPWPD."""
        with unit_of_work(self.store, read_only=True) as uow:
            return tuple(asm.lookup_assessment(uow, ref, office_code=self.office_code))

    def bill(self, number: str) -> Bill:
        """What assessment ``number`` costs today (principal, interest with its rule)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return asm.bill(uow, number, office_code=self.office_code, now=self.clock())

    def pay(self, number: str, *, method: str, reference: str = "",
            visit_id: int | None = None) -> PaymentInfo:
        """Pay assessment ``number`` in full; the payment with its SSPD number."""
        with unit_of_work(self.store) as uow:
            return asm.pay(uow, number, method=method, reference=reference,
                           office_code=self.office_code, actor=as_actor(self.actor()),
                           visit_id=visit_id, now=self.clock())
