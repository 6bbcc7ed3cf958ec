"""Printing queue tickets: from a visit to ESC/POS bytes in the spool to the printer.

The kiosk, the supervisor's reprint button and ``loket print ticket`` all come here. A
ticket is a spool job like any other: saved first, then sent; when the printer fails the
visit is untouched (still in the queue) and the job is listed for reprint.
"""

from __future__ import annotations

from datetime import datetime

from app.errors import LoketError
from app.kiosk_service import not_open_for_visit
from app.queue import engine as q_
from app.queue.clock import local, utcnow
from app.spool import JobResult, Spool, check_connection, enqueue
from app.store import Store
from db.enums import DeviceKind
from db.models import Office, Service, Visit
from devices.connection import parse
from printing.ticket import Paper, TicketContent, paper_for, qr_payload, render_ticket

DEFAULT_FOOTER = ("Simpan tiket ini sampai selesai dilayani.",
                  "Pindai kode QR untuk cek antrian & survei.")


def paper_of(connection: str) -> Paper:
    conn = parse(connection, DeviceKind.TICKET_PRINTER)
    return paper_for(conn.option("profile"), conn.option("width"))  # type: ignore[arg-type]


def find_visit(store: Store, ref: str, *, office_code: str | None = None,
               now: datetime | None = None) -> int:
    """A visit by its id (digits) or by today's ticket number (``A-001``)."""
    ref = ref.strip()
    with store.uow(read_only=True) as uow:
        if ref.isdigit():
            if uow.session.get(Visit, int(ref)) is None:
                raise LoketError("queue.unknown_ticket", ticket=ref, office=office_code or "-")
            return int(ref)
        office = q_.resolve_office(uow.session, office_code)
        return q_.find_visit(uow.session, office, ref, now or utcnow()).id


def ticket_content(store: Store, visit_id: int, *, reprint: bool = False,
                   now: datetime | None = None) -> tuple[TicketContent, int]:
    """What goes on the ticket of a visit now, and its office id."""
    now = now or utcnow()
    with store.uow(read_only=True) as uow:
        s = uow.session
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise LoketError("queue.unknown_ticket", ticket=str(visit_id), office="-")
        office = s.get(Office, visit.office_id)
        service = s.get(Service, visit.service_id)
        assert office is not None and service is not None
        ahead, eta = q_.position(s, visit, office, now)
        footer = tuple(office.settings.get("ticket_footer") or DEFAULT_FOOTER)
        not_open = not_open_for_visit(s, visit, now)  # then no wait is promised
        content = TicketContent(
            office_name=office.name, office_address=office.address.split("\n")[0],
            ticket=visit.ticket, service_name=service.name,
            issued_local=local(visit.issued_at, office.zone), zone_label=office.zone.value,
            ahead=ahead, eta_minutes=eta, qr=qr_payload(office.code, visit.id, visit.ticket),
            priority=visit.priority_reason, footer=footer, reprint=reprint,
            not_open_place=not_open.place if not_open else None,
            opens_at=not_open.opens_at if not_open else None,
        )
        return content, office.id


def queue_ticket(store: Store, visit_id: int, connection: str, *, reprint: bool = False,
                 station_id: int | None = None, actor: str = "kiosk",
                 now: datetime | None = None) -> int:
    """Render the visit's ticket for the printer at ``connection`` and save the job."""
    connection = check_connection(connection, DeviceKind.TICKET_PRINTER)
    content, office_id = ticket_content(store, visit_id, reprint=reprint, now=now)
    data = render_ticket(content, paper_of(connection))
    with store.uow() as uow:
        return enqueue(uow, kind=DeviceKind.TICKET_PRINTER, connection=connection,
                       job_kind="ticket.reprint" if reprint else "ticket", payload=data,
                       office_id=office_id, station_id=station_id, visit_id=visit_id,
                       actor=actor, now=now)


def print_ticket(store: Store, visit_id: int, connection: str, *, reprint: bool = False,
                 actor: str = "kiosk", spool: Spool | None = None,
                 station_id: int | None = None, now: datetime | None = None,
                 retry: bool = True) -> JobResult:
    """Queue the ticket and try to print it at once (the kiosk waits for this).

    The kiosk passes ``retry=False``: its screen has told the visitor the number.
    """
    job_id = queue_ticket(store, visit_id, connection, reprint=reprint, actor=actor,
                          station_id=station_id, now=now)
    result = (spool or Spool(store)).attempt(job_id, now, retry=retry)
    assert result is not None  # nobody else knows the job yet
    return result
