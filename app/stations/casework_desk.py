"""The casework desk: what the applications and complaints panel reads and does, as plain data.

The widget (``ui/panels/casework.py``) makes one :class:`CaseworkDesk` for its office and asks
it for its choices (:meth:`CaseworkDesk.choices`: long-running services, complaint channels,
the office's zone), the due date of a new application, the overdue lists
(:meth:`CaseworkDesk.lists`), and to register, open, forward and finish an application and
register, open, step, answer and close a complaint. The rules are
:mod:`app.casework.applications`' and :mod:`app.casework.complaints`'; each call here opens its
own short unit of work (registering an application and reading its receipt: two) and returns
frozen dataclasses (tuples for lists). Refusals pass as they are; a lost database is
:class:`app.errors.LoketError` ``db.unreachable`` (:mod:`app.stations.database`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.access import Actor
from app.casework import applications as A
from app.casework import complaints as C
from app.casework.applications import ApplicationInfo, DueItem, ServiceChoice
from app.casework.complaints import Channel, ComplaintInfo, OverdueComplaint
from app.clock import utcnow
from app.stations.database import unit_of_work
from app.stations.person import as_actor
from app.store import Store

__all__ = [
    "ApplicationInfo", "CaseLists", "CaseworkChoices", "CaseworkDesk", "Channel",
    "ComplaintInfo", "DueItem", "OverdueComplaint", "Received", "ServiceChoice",
]


def _officer() -> str:
    return "officer"


@dataclass(frozen=True)
class CaseworkChoices:
    """What the panel's forms offer at this office."""

    services: tuple[ServiceChoice, ...]  # the long-running services, in catalog order
    channels: tuple[Channel, ...]  # the office's complaint channels
    tz: ZoneInfo  # the office's time zone
    zone: str  # its name on screen: WIB, WITA, WIT


@dataclass(frozen=True)
class CaseLists:
    """The lists beside the forms: applications overdue and due soon, complaints overdue."""

    late: tuple[DueItem, ...]
    soon: tuple[DueItem, ...]
    complaints: tuple[OverdueComplaint, ...]


@dataclass(frozen=True)
class Received:
    """An application just registered, with its receipt to print."""

    application: ApplicationInfo
    receipt_pdf: bytes


class CaseworkDesk:
    """The casework of one office. ``actor`` is asked at each action for the person signed
    in (the panel's ``ctx.actor``) and ``clock`` for now."""

    def __init__(self, store: Store, office_code: str, *,
                 actor: Callable[[], Actor | str] = _officer,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.actor = actor
        self.clock = clock

    def choices(self) -> CaseworkChoices:
        with unit_of_work(self.store, read_only=True) as uow:
            services = A.long_running_services(uow, office_code=self.office_code)
            channels = C.channels(uow, office_code=self.office_code)
            tz, zone = C.office_zone(uow, office_code=self.office_code)
        return CaseworkChoices(tuple(services), tuple(channels), tz, zone)

    def lists(self) -> CaseLists:
        now = self.clock()
        with unit_of_work(self.store, read_only=True) as uow:
            late = A.overdue(uow, office_code=self.office_code, now=now)
            soon = A.due_soon(uow, office_code=self.office_code, now=now)
            complaints = C.overdue(uow, office_code=self.office_code, now=now)
        return CaseLists(tuple(late), tuple(soon), tuple(complaints))

    # --- applications ---------------------------------------------------------------------

    def due_date(self, service_code: str) -> date:
        """The day an application for ``service_code`` received now is due."""
        with unit_of_work(self.store, read_only=True) as uow:
            return A.due_date(uow, service_code, office_code=self.office_code,
                              received_at=self.clock())

    def register_application(self, service_code: str, *, applicant_name: str, subject: str,
                             applicant_nik: str = "", applicant_contact: str = "",
                             amount: object = None,
                             visit_id: int | None = None) -> Received:
        """Register an application (committed), then read its receipt."""
        with unit_of_work(self.store) as uow:
            info = A.register_application(
                uow, service_code, office_code=self.office_code, applicant_name=applicant_name,
                applicant_nik=applicant_nik, applicant_contact=applicant_contact,
                subject=subject, amount=amount, visit_id=visit_id, actor=as_actor(self.actor()),
                now=self.clock())
        with unit_of_work(self.store, read_only=True) as uow:
            pdf = A.receipt_pdf(uow, info.number, office_code=self.office_code)
        return Received(info, pdf)

    def application(self, number: str) -> ApplicationInfo:
        with unit_of_work(self.store, read_only=True) as uow:
            return A.show(uow, number, office_code=self.office_code)

    def forward(self, number: str, *, to: str, note: str = "") -> ApplicationInfo:
        with unit_of_work(self.store) as uow:
            return A.forward(uow, number, to=to, note=note, office_code=self.office_code,
                             actor=as_actor(self.actor()), now=self.clock())

    def finish(self, number: str, *, outcome: str, note: str = "") -> ApplicationInfo:
        """``outcome``: ``done`` or ``rejected`` (a rejection needs its note)."""
        with unit_of_work(self.store) as uow:
            return A.finish(uow, number, outcome=outcome, note=note,
                            office_code=self.office_code, actor=as_actor(self.actor()),
                            now=self.clock())

    # --- complaints -----------------------------------------------------------------------

    def register_complaint(self, *, channel: str, text: str, reporter: str = "",
                           contact: str = "", visit_id: int | None = None) -> ComplaintInfo:
        with unit_of_work(self.store) as uow:
            return C.register_complaint(
                uow, channel=channel, text=text, reporter=reporter, contact=contact,
                office_code=self.office_code, visit_id=visit_id, actor=as_actor(self.actor()),
                now=self.clock())

    def complaint(self, number: str) -> ComplaintInfo:
        with unit_of_work(self.store, read_only=True) as uow:
            return C.show(uow, number, office_code=self.office_code)

    def complete_step(self, number: str, position: int) -> ComplaintInfo:
        with unit_of_work(self.store) as uow:
            return C.complete_step(uow, number, position, office_code=self.office_code,
                                   actor=as_actor(self.actor()), now=self.clock())

    def answer(self, number: str, text: str) -> ComplaintInfo:
        with unit_of_work(self.store) as uow:
            return C.answer(uow, number, text, office_code=self.office_code,
                            actor=as_actor(self.actor()), now=self.clock())

    def close(self, number: str, resolution: str) -> ComplaintInfo:
        """Close a complaint with its resolution (after it was answered)."""
        with unit_of_work(self.store) as uow:
            return C.close(uow, number, resolution, office_code=self.office_code,
                           actor=as_actor(self.actor()), now=self.clock())
