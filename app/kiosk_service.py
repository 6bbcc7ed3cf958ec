"""What the visitors' kiosk reads: the office, its kiosk services, its printer, its hours.

The kiosk (``ui/kiosk.py``) takes numbers through :func:`app.queue.engine.issue_ticket` and
prints through :func:`app.ticket_print.print_ticket`; this module holds only the small
read-only look-ups around them, each in the caller's unit of work, so the widget never
writes SQL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.calendar import WorkingCalendar
from app.catalog.store import time_standard_of
from app.devices_service import station_device
from app.errors import LoketError
from app.queue import engine as q_
from app.queue.clock import local
from app.store import UnitOfWork
from db.enums import DeviceKind
from db.models import DeviceJob, Service, Station

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
    requirements: tuple[str, ...]  # what to bring, as the catalog words it
    time_standard: str | None  # e.g. "30 menit"; None when the standard states none


@dataclass(frozen=True)
class Closed:
    """Why the kiosk cannot issue numbers now."""

    error: LoketError  # ``office.closed``, with the hours and the local time
    hours: str | None
    day_off: str | None  # the holiday's or weekend's name, when today is a day off


def kiosk_office(uow: UnitOfWork, office_code: str) -> KioskOffice:
    """The office the kiosk stands in; :class:`LoketError` ``office.unknown`` if none."""
    office = q_.resolve_office(uow.session, office_code)
    hours = office.settings.get("hours") or {}
    label = (f"{hours['open']}-{hours['close']}"
             if hours.get("open") and hours.get("close") else None)
    idle = office.settings.get("kiosk_idle_seconds")
    return KioskOffice(office.code, office.name, office.address.split("\n")[0],
                       office.zone.value, label, float(idle) if idle else None)


def kiosk_services(uow: UnitOfWork, office_code: str) -> list[KioskService]:
    """The active services offered at the kiosk (catalog ``kiosk: true``), in catalog order.

    A requirement for one variant only (e.g. personal vs business) is shown with its
    variant in brackets.
    """
    office = q_.resolve_office(uow.session, office_code)
    rows = uow.session.scalars(
        select(Service)
        .where(Service.office_id == office.id, Service.active.is_(True),
               Service.kiosk.is_(True))
        .order_by(Service.position, Service.code))
    out = []
    for service in rows:
        requirements = tuple(
            f"{r['text']} ({r['for']})" if r.get("for") else str(r["text"])
            for r in service.requirements if isinstance(r, dict) and r.get("text"))
        time = time_standard_of(service)
        out.append(KioskService(service.code, service.name, service.prefix, requirements,
                                time.to_json()["text"] if time else None))
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


def closed(uow: UnitOfWork, office_code: str, now: datetime) -> Closed | None:
    """``None`` while the office issues numbers; otherwise why not (hours, day off)."""
    office = q_.resolve_office(uow.session, office_code)
    calendar = WorkingCalendar.for_office(uow.session, office.id)
    try:
        q_.ensure_open(uow.session, office, now, calendar)
    except LoketError as exc:
        if exc.key != "office.closed":
            raise
        hours = str(exc.params.get("hours") or "-")
        return Closed(exc, None if hours == "-" else hours,
                      calendar.day_off(local(now, office.zone).date()))
    return None


def printed_bytes(uow: UnitOfWork, job_id: int) -> bytes | None:
    """The ESC/POS bytes of a print job exactly as they were sent (for the preview)."""
    payload = uow.session.scalar(select(DeviceJob.payload).where(DeviceJob.id == job_id))
    return bytes(payload) if payload is not None else None
