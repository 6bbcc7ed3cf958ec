"""Printing queue tickets: from a visit to ESC/POS bytes in the spool to the printer.

The kiosk, the supervisor's reprint button and ``loket print ticket`` all come here. A
ticket is a spool job like any other: saved first, then sent; when the printer fails the
visit is untouched (still in the queue) and the job is either retried automatically or
listed for reprint, never both (see :mod:`app.spool`).

A visit has one ticket job that prints unmarked: printing it again is refused, and a
reprint takes that job over (or, once it printed, makes a copy) marked "CETAK ULANG".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.access import Actor
from app.clock import local, utcnow
from app.errors import LoketError
from app.office_settings import settings_of
from app.queue import engine as q_
from app.queue.promise import not_open_for_visit
from app.queue.tickets import KIOSK
from app.spool import JobResult, Spool, check_connection, enqueue
from app.store import Store, UnitOfWork
from db import locks
from db.enums import DeviceKind, JobState
from db.models import DeviceJob, Office, Service, Visit
from devices.connection import parse
from printing.ticket import Paper, TicketContent, paper_for, qr_payload, render_ticket


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
        footer = settings_of(office).ticket_footer
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


TICKET_KINDS = ("ticket", "ticket.reprint")


def _latest_ticket_job(uow: UnitOfWork, visit_id: int) -> DeviceJob | None:
    return uow.session.scalars(
        select(DeviceJob).where(DeviceJob.visit_id == visit_id,
                                DeviceJob.job_kind.in_(TICKET_KINDS))
        .order_by(DeviceJob.id.desc()).limit(1)).first()


def _refuse_second_original(uow: UnitOfWork, visit_id: int) -> None:
    """A visit's ticket prints unmarked once: a second one would be a twin in the hall."""
    locks.hold(uow.session, "visit.ticket", visit_id)  # no row lock: the kiosk only inserts
    visit = uow.session.get_one(Visit, visit_id)
    job = _latest_ticket_job(uow, visit_id)
    if job is None:
        return
    key = {JobState.QUEUED: "print.ticket_queued", JobState.DONE: "print.ticket_printed",
           JobState.FAILED: "print.ticket_flagged"}.get(job.state)
    if key is None:  # sent: its sender holds it
        raise LoketError("print.busy", job=job.id)
    raise LoketError(key, ticket=visit.ticket, job=job.id)


def queue_ticket(store: Store, visit_id: int, connection: str, *, reprint: bool = False,
                 station_id: int | None = None, actor: Actor = KIOSK,
                 now: datetime | None = None, sender: Spool | None = None) -> int:
    """Render the visit's ticket for the printer at ``connection`` and save the job (leased
    to ``sender`` if given). Refused when the visit has its ticket job already, unless this
    is a reprint (a copy marked as such)."""
    connection = check_connection(connection, DeviceKind.TICKET_PRINTER)
    content, office_id = ticket_content(store, visit_id, reprint=reprint, now=now)
    data = render_ticket(content, paper_of(connection))
    with store.uow() as uow:
        if not reprint:
            _refuse_second_original(uow, visit_id)
        return enqueue(uow, kind=DeviceKind.TICKET_PRINTER, connection=connection,
                       job_kind="ticket.reprint" if reprint else "ticket", payload=data,
                       office_id=office_id, station_id=station_id, visit_id=visit_id,
                       actor=actor, now=now, sender=sender)


def print_ticket(store: Store, visit_id: int, connection: str, *, reprint: bool = False,
                 actor: Actor = KIOSK, spool: Spool | None = None,
                 station_id: int | None = None, now: datetime | None = None,
                 retry: bool | None = None) -> JobResult:
    """Queue the ticket and print it at once (the kiosk waits for this); with ``reprint``,
    :func:`reprint_ticket`.

    The job is saved already leased to this sender, so no spool can take it between the
    saving and the sending. The kiosk passes ``retry=False``: its screen has told the
    visitor the number, a ticket coming out minutes later would confuse the next visitor.
    A reprint is never retried by itself either: the person who asked stands at the printer.
    """
    spool = spool or Spool(store)
    if reprint:
        return reprint_ticket(store, visit_id, connection, actor=actor, spool=spool,
                              station_id=station_id, now=now, retry=bool(retry))
    job_id = queue_ticket(store, visit_id, connection, actor=actor, station_id=station_id,
                          now=now, sender=spool)
    return _send_held(spool, job_id, now, retry=True if retry is None else retry)


def _send_held(spool: Spool, job_id: int, now: datetime | None, *, retry: bool) -> JobResult:
    claim = spool.held(job_id)
    if claim is None:  # the lease ran out before a byte left and someone flagged the job
        raise LoketError("print.busy", job=job_id)
    return spool.send(claim, now, retry=retry)


def reprint_ticket(store: Store, visit_id: int, connection: str, *, actor: Actor,
                   spool: Spool | None = None, station_id: int | None = None,
                   now: datetime | None = None, retry: bool = False) -> JobResult:
    """A person's reprint of a visit's ticket, marked "CETAK ULANG" on paper: it takes over
    the visit's unfinished ticket job (a retry waiting, a flagged job); once the ticket has
    printed, it is a new copy (the visitor lost it)."""
    spool = spool or Spool(store)
    with store.uow(read_only=True) as uow:
        job = _latest_ticket_job(uow, visit_id)
        job_id, state = (job.id, job.state) if job is not None else (None, None)
    if job_id is not None and state is not JobState.DONE:
        return reprint_job(store, job_id, connection=connection, actor=actor, spool=spool,
                           now=now, retry=retry)
    copy = queue_ticket(store, visit_id, connection, reprint=True, station_id=station_id,
                        actor=actor, now=now, sender=spool)
    return _send_held(spool, copy, now, retry=retry)


def reprint_job(store: Store, job_id: int, *, actor: Actor, connection: str | None = None,
                spool: Spool | None = None, now: datetime | None = None,
                retry: bool = False) -> JobResult:
    """Reprint one ticket job (the supervisor's list of flagged jobs): take it over and send
    it again marked "CETAK ULANG", to ``connection`` or its own printer. Refused while
    another sender is sending it, and once it has printed (``print.busy``,
    ``print.already_done``): two people pressing reprint get one copy."""
    spool = spool or Spool(store)
    with store.uow(read_only=True) as uow:
        job = uow.session.get(DeviceJob, job_id)
        if job is None or job.visit_id is None or job.job_kind not in TICKET_KINDS:
            raise LoketError("print.unknown_job", job=job_id)
        visit_id, target = job.visit_id, connection or job.connection
    target = check_connection(target, DeviceKind.TICKET_PRINTER)
    content, _ = ticket_content(store, visit_id, reprint=True, now=now)
    claim = spool.take_over(job_id, actor=actor, payload=render_ticket(content, paper_of(target)),
                            job_kind="ticket.reprint", connection=target, now=now)
    return spool.send(claim, now, retry=retry)
