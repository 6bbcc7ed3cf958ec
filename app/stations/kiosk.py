"""The kiosk station: what the visitors' touch screen reads and does, as plain data.

The widget (``ui/kiosk.py``) makes one :class:`KioskStation` and asks it for the office, its
kiosk services and printer (:meth:`KioskStation.setup`), whether a number can be taken now
(:meth:`KioskStation.state`), a number (:meth:`KioskStation.take_number`), the printed ticket
(:meth:`KioskStation.print_ticket`) and the bytes the printer received, for the picture
beside the number (the last three in one worker thread of the widget's, one after the
other, per tap; :meth:`KioskStation.state` in another, after the first: the station is called
from several threads). Each call opens its own short unit of work and a lost database is
:class:`LoketError` ``db.unreachable``
(:mod:`app.stations.database`).

What the kiosk may promise (the office closed, a counter not open yet) is decided in
:mod:`app.queue.promise`; its names are repeated here so the kiosk has one module.
The uow-level functions (:func:`kiosk_office`, :func:`kiosk_services`, ...) serve other
callers that already hold a unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app import i18n, labels
from app.catalog.service import time_standard_of
from app.clock import utcnow
from app.errors import LoketError
from app.office_settings import settings_of
from app.output.devices import station_device
from app.output.tickets import paper_of
from app.output.tickets import print_ticket as spool_ticket
from app.queue import engine as q_
from app.queue.engine import TicketInfo
from app.queue.promise import (
    AFTER_CLOSING,
    BEFORE_OPENING,
    DAY_CLOSED,
    DAY_OFF,
    INACTIVE,
    Closed,
    KioskState,
    NotOpen,
    ServiceState,
    kiosk_state,
)
from app.spool import JobResult
from app.stations.database import database_errors, unit_of_work
from app.store import Store, UnitOfWork
from db.enums import DeviceKind
from db.models import DeviceJob, Service, Station

__all__ = [
    "AFTER_CLOSING", "BEFORE_OPENING", "DAY_CLOSED", "DAY_OFF", "INACTIVE", "Closed",
    "KioskOffice", "KioskService", "KioskSetup", "KioskState", "KioskStation", "KioskTicket",
    "NotOpen", "ServiceState", "TicketInfo", "kiosk_office", "kiosk_services",
    "kiosk_state", "printed_bytes", "take_number", "ticket_printer",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KioskOffice:
    code: str
    name: str
    address: str
    zone: str  # WIB, WITA, WIT
    hours: str | None  # "07:30-15:00", or None when the office states no hours
    idle_seconds: float | None = None  # the office's ``kiosk_idle_seconds`` setting


@dataclass(frozen=True)
class KioskService:
    """One button on the kiosk: a service a visitor can take a number for."""

    code: str
    name: str
    prefix: str
    requirements: tuple[str, ...]  # the documents to bring, as the catalog words them
    time_standard: str | None  # e.g. "30 menit"; None when the standard states none
    steps: tuple[str, ...] = ()  # done at the office, not brought: "Cek Fisik Kendaraan"


i18n.register({
    "kiosk.closed": (
        "layanan sedang tutup; nomor antrian belum dapat diambil",
        "the office is closed; no queue number can be taken now",
    ),
    "kiosk.counter_closed": (
        "{place} belum dibuka, jadi nomor antrian untuk {service} belum dapat diambil. "
        "Silakan coba lagi setelah loket dibuka.",
        "{place} is not open yet, so no queue number can be taken for {service}. "
        "Please try again once the counter is open.",
    ),
})


@dataclass(frozen=True)
class KioskTicket:
    """A number the kiosk took, and why no call is promised yet (``None``: it is)."""

    info: q_.TicketInfo
    not_open: NotOpen | None


def kiosk_office(uow: UnitOfWork, office_code: str) -> KioskOffice:
    """The office the kiosk stands in; :class:`LoketError` ``office.unknown`` if none."""
    office = q_.resolve_office(uow.session, office_code)
    hours = q_.office_hours(office)
    label = f"{hours[0]:%H:%M}-{hours[1]:%H:%M}" if hours else None
    return KioskOffice(office.code, office.name, office.address.split("\n")[0],
                       office.zone.value, label, settings_of(office).kiosk_idle_seconds)


def kiosk_services(uow: UnitOfWork, office_code: str) -> list[KioskService]:
    """The active services offered at the kiosk (catalog ``kiosk: true``), in catalog order.

    A requirement for one variant only (e.g. personal vs business) names the variant in
    brackets, by its catalog name (:func:`app.labels.requirement_text`); a step done at the
    office (catalog ``kind: step``) is kept apart from the documents to bring.
    """
    office = q_.resolve_office(uow.session, office_code)
    rows = uow.session.scalars(
        select(Service)
        .where(Service.office_id == office.id, Service.active.is_(True),
               Service.kiosk.is_(True))
        .order_by(Service.position, Service.code))
    out = []
    for service in rows:
        items = [r for r in service.requirements if isinstance(r, dict) and r.get("text")]
        documents = tuple(labels.requirement_text(r) for r in items if not labels.is_step(r))
        steps = tuple(labels.requirement_text(r) for r in items if labels.is_step(r))
        time = time_standard_of(service)
        out.append(KioskService(service.code, service.name, service.prefix, documents,
                                time.to_json()["text"] if time else None, steps))
    return out


def ticket_printer(uow: UnitOfWork, office_code: str,
                   station_code: str | None) -> tuple[int | None, str | None]:
    """``(station id, ticket printer connection)`` of a station; ``(None, None)`` without one.

    An unknown station code is logged and treated as a station without a printer: the
    kiosk still issues numbers and says on screen that nothing was printed.
    """
    if not station_code:
        return None, None
    office = q_.resolve_office(uow.session, office_code)
    station_id = uow.session.scalar(select(Station.id).where(
        Station.office_id == office.id, Station.code == station_code))
    if station_id is None:
        log.warning("kiosk: no station %r at office %s; no ticket printer", station_code,
                    office.code)
        return None, None
    return station_id, station_device(uow.session, DeviceKind.TICKET_PRINTER,
                                      station_id=station_id)


def take_number(store: Store, service_code: str, *, office_code: str,
                priority: str | None = None, station_id: int | None = None,
                now: datetime) -> KioskTicket:
    """Take a number at the kiosk, only when it can be called (or the office allows it).

    :class:`LoketError` ``kiosk.closed`` while the office is closed and
    ``kiosk.counter_closed`` when the service's first counter is not open and the office does
    not allow numbers then; nothing is written. A lost database is ``db.unreachable``.
    The checks read in their own short transaction so the writers' lock is held by
    :func:`app.queue.engine.issue_ticket` only, which checks the hours again inside it.
    """
    with unit_of_work(store, read_only=True) as uow:
        state = kiosk_state(uow, office_code, now)
    early = (state.closed is not None and state.closed.reason == BEFORE_OPENING
             and state.issue_when_closed)
    if state.closed is not None and not early:
        raise LoketError("kiosk.closed")
    service = state.services.get(service_code)  # None: the engine names the unknown code
    if service is not None and not service.may_issue:
        raise LoketError("kiosk.counter_closed", place=service.place, service=service.name)
    with unit_of_work(store) as uow:
        info = q_.issue_ticket(uow, service_code, office_code=office_code, priority=priority,
                               actor=q_.KIOSK, station_id=station_id, now=now,
                               early=early)
    if state.closed is not None:  # taken early: opens later today
        return KioskTicket(info, NotOpen(opens_at=state.closed.opens_at))
    if service is None or service.counter_open:
        return KioskTicket(info, None)
    return KioskTicket(info, NotOpen(place=service.place))


def printed_bytes(uow: UnitOfWork, job_id: int) -> bytes | None:
    """The ESC/POS bytes of a print job exactly as they were sent (for the preview)."""
    payload = uow.session.scalar(select(DeviceJob.payload).where(DeviceJob.id == job_id))
    return bytes(payload) if payload is not None else None


@dataclass(frozen=True)
class KioskSetup:
    """What the kiosk reads once, when it starts."""

    office: KioskOffice
    services: tuple[KioskService, ...]  # the buttons, in catalog order
    station_id: int | None  # the kiosk's station; None without a (known) station code
    printer: str | None  # the station's ticket printer connection; None without one


class KioskStation:
    """The kiosk of one office, for its widget: every call is one short unit of work (or
    two) of its own and returns plain data; a lost database is ``db.unreachable``."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    def setup(self, station_code: str | None = None) -> KioskSetup:
        """The office, its kiosk services, and the station's id and ticket printer."""
        with unit_of_work(self.store, read_only=True) as uow:
            office = kiosk_office(uow, self.office_code)
            services = kiosk_services(uow, self.office_code)
            station_id, printer = ticket_printer(uow, self.office_code, station_code)
        return KioskSetup(office, tuple(services), station_id, printer)

    def state(self) -> KioskState:
        """Whether the office is open now and, if it is, which services can give a number."""
        with unit_of_work(self.store, read_only=True) as uow:
            return kiosk_state(uow, self.office_code, self.clock())

    def take_number(self, service_code: str, *, priority: str | None = None,
                    station_id: int | None = None) -> KioskTicket:
        """A number for ``service_code`` now (see :func:`take_number`)."""
        return take_number(self.store, service_code, office_code=self.office_code,
                           priority=priority, station_id=station_id, now=self.clock())

    def print_ticket(self, visit_id: int, printer: str, *,
                     station_id: int | None = None) -> JobResult:
        """Print a visit's ticket once, never retried later: the visitor was told the
        number and a failure is for the officer to reprint. Blocks while the printer
        answers (or times out): the widget calls it from a worker thread."""
        with database_errors(self.store):
            return spool_ticket(self.store, visit_id, printer, actor=q_.KIOSK,
                                station_id=station_id, now=self.clock(), retry=False)

    def printed_bytes(self, job_id: int) -> bytes | None:
        """The ESC/POS bytes of a print job exactly as they were sent (for the preview)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return printed_bytes(uow, job_id)

    @staticmethod
    def ticket_columns(printer: str) -> int:
        """How many characters a line of the printer's paper holds."""
        return paper_of(printer).columns
