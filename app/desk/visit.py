"""What a loket console reads and records beside the queue engine's actions.

The counter's configuration, its current visit (with the time standard and the service's
requirements checklist), the requirement ticks (who and when, in
``Visit.data["requirements"]``) and the "berkas tidak lengkap" slip. The waiting and held
lists and a visit's history, which only the console reads, are in
:mod:`app.stations.counter`, the console's station module (which the console calls: it
opens the units of work). Like :mod:`app.queue.engine`, every function takes a unit of
work; the ones that change something commit inside, with an audit entry in the same
transaction.

The ones that change something first ask :func:`app.access.require` (counter work, or a
supervisor's cancellation) at the visit's office, before any write, print or file, and
write the checked person into their records.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit, users
from app.access import Act, Actor
from app.clock import local, utcnow
from app.desk import requirements as checklist
from app.desk.panels import panels_for
from app.document_archive import letterhead
from app.errors import LoketError
from app.office_settings import settings_of
from app.output.devices import station_device
from app.queue import deadline
from app.queue import engine as q
from app.samsat import flow as samsat_flow
from app.samsat import rules as samsat_rules
from app.store import UnitOfWork, end_reading
from db.enums import DeviceKind, VisitStatus
from db.models import (
    Counter,
    Document,
    Office,
    Service,
    StageRecord,
    Visit,
    VisitTransition,
)
from printing.pdf_render import render_pdf
from printing.slip import MissingSlip, slip_name, slip_pages

ACTIVE = (VisitStatus.CALLED, VisitStatus.SERVING)
SLIP_KIND = "slip_incomplete"

# The messages of this module, until they move into app/i18n.py's table.
# --- the counter ------------------------------------------------------------------------


@dataclass(frozen=True)
class StageRef:
    code: str
    name: str


@dataclass(frozen=True)
class CounterRef:
    code: str
    name: str
    number: int
    stages: tuple[str, ...]


@dataclass(frozen=True)
class DeskInfo:
    """The counter as its console shows it, and where a visit can be transferred to."""

    office_code: str
    office_name: str
    zone: str
    counter_code: str
    counter_name: str
    display_number: int
    stages: tuple[StageRef, ...]  # what this counter serves
    all_stages: tuple[StageRef, ...]  # the office's active stages (transfer targets)
    counters: tuple[CounterRef, ...]  # the other active counters (transfer targets)
    warn_ratio: float
    document_printer: str | None  # connection of this counter's station's document printer
    work_panels: tuple[str, ...] = ()  # names of the work panels (app.desk.panels)


def _office(session: Session, office_code: str | None) -> Office:
    return q.resolve_office(session, office_code)


_counter = q.find_counter


def _document_printer(session: Session, counter: Counter) -> str | None:
    return station_device(session, DeviceKind.DOCUMENT_PRINTER, counter_id=counter.id)


def desk_info(uow: UnitOfWork, counter_code: str, *,
              office_code: str | None = None) -> DeskInfo:
    s = uow.session
    office = _office(s, office_code)
    counter = _counter(s, office, counter_code)
    return DeskInfo(
        office_code=office.code, office_name=office.name, zone=office.zone.value,
        counter_code=counter.code, counter_name=counter.name,
        display_number=counter.display_number,
        stages=tuple(StageRef(st.code, st.name) for st in counter.stages),
        all_stages=tuple(StageRef(st.code, st.name) for st in office.stages if st.active),
        counters=tuple(CounterRef(c.code, c.name, c.display_number,
                                  tuple(st.code for st in c.stages))
                       for c in office.counters if c.active and c.id != counter.id),
        warn_ratio=settings_of(office).sla_warning_ratio,
        document_printer=_document_printer(s, counter),
        work_panels=tuple(panels_for([st.code for st in counter.stages], office.settings)),
    )


# --- requirements -----------------------------------------------------------------------


def registration_stage(session: Session, service: Service) -> int | None:
    """The stage where the service's requirements are checked.

    The office setting ``requirements_stage`` names it; otherwise it is the service's first
    stage served by a real loket (a counter without a ``call_name`` such as "tempat cek
    fisik"); otherwise its first stage.
    """
    links = list(service.stage_links)
    if not links:
        return None
    office = session.get(Office, service.office_id)
    wanted = settings_of(office).requirements_stage
    for link in links:
        if wanted and link.stage.code == wanted:
            return link.stage_id
    counters = session.scalars(select(Counter).where(Counter.office_id == service.office_id,
                                                     Counter.active.is_(True))).all()
    for link in links:
        if any(not c.call_name and link.stage_id in {st.id for st in c.stages}
               for c in counters):
            return link.stage_id
    return links[0].stage_id


def set_requirement(uow: UnitOfWork, visit_id: int, code: str, checked: bool, *,
                    actor: Actor, now: datetime | None = None
                    ) -> tuple[checklist.RequirementState, ...]:
    """Tick (or untick) one requirement of an open visit, with who and when.

    Stored in ``Visit.data["requirements"]`` as ``{code: {"by", "user_id", "at"}}``; one
    history row (action ``requirements``) and one audit entry per change.
    """
    now = now or utcnow()
    s = uow.session
    visit = s.get(Visit, visit_id, with_for_update=True)
    if visit is None:
        raise LoketError("desk.unknown_visit", visit=visit_id)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=visit.office_id, now=now)
    if not visit.status.is_open:
        raise LoketError("desk.visit_closed", ticket=visit.ticket)
    codes = dict(checklist.requirements_of(visit.service))
    if code not in codes:
        raise LoketError("desk.unknown_requirement", code=code, ticket=visit.ticket)
    ticks = checklist.ticks(visit)
    before = sorted(ticks)
    if checked == (code in ticks):
        return checklist.requirement_states(visit)
    if checked:
        ticks[code] = {"by": who.name, "user_id": who.user_id, "at": now.isoformat()}
    else:
        ticks.pop(code, None)
    visit.data = {**(visit.data or {}), "requirements": ticks}
    record = s.scalar(select(StageRecord).where(
        StageRecord.visit_id == visit.id,
        StageRecord.status.in_([VisitStatus.WAITING, *ACTIVE, VisitStatus.HELD]))
        .order_by(StageRecord.seq.desc()).limit(1))
    change = {"requirement": code, "ticked": checked}
    s.add(VisitTransition(
        visit_id=visit.id, stage_record_id=record.id if record else None,
        action="requirements", from_status=visit.status.value, to_status=visit.status.value,
        at=now, counter_id=record.counter_id if record else None, user_id=who.user_id,
        data=change))
    audit.record(s, actor=who.name, user_id=who.user_id, office_id=visit.office_id,
                 action="visit.requirement", entity="visit", entity_id=visit.id, at=now,
                 before={"checked": before}, after={"checked": sorted(ticks)} | change)
    uow.commit()
    return checklist.requirement_states(visit)


# --- the current visit and the lists ----------------------------------------------------


@dataclass(frozen=True)
class CurrentVisit:
    """The visit this counter has called or is serving."""

    visit_id: int
    ticket: str
    service_code: str
    service_name: str
    stage_code: str
    stage_name: str
    status: str  # called | serving
    priority: str | None
    issued_at: datetime
    due_at: datetime | None
    sla: str | None  # ok | near | over | None (no time standard)
    recalls: int
    requirements: tuple[checklist.RequirementState, ...] = ()
    checklist: bool = False  # this is the stage where the requirements are checked
    stage_since: datetime | None = None  # when the visit came to this stage (its record)


def _active_record(s: Session, counter: Counter) -> StageRecord | None:
    """The record this counter has called or is serving, if any."""
    return s.scalar(select(StageRecord).where(StageRecord.counter_id == counter.id,
                                              StageRecord.status.in_(ACTIVE)))


def current_visit(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
                  now: datetime | None = None) -> CurrentVisit | None:
    now = now or utcnow()
    s = uow.session
    office = _office(s, office_code)
    counter = _counter(s, office, counter_code)
    record = _active_record(s, counter)
    if record is None:
        return None
    visit = record.visit
    warn = settings_of(office).sla_warning_ratio
    requirements = checklist.requirement_states(visit)
    show_checklist = (bool(requirements)
                      and registration_stage(s, visit.service) == record.stage_id)
    return CurrentVisit(
        visit_id=visit.id, ticket=visit.ticket, service_code=visit.service.code,
        service_name=visit.service.name, stage_code=record.stage.code,
        stage_name=record.stage.name, status=record.status.value,
        priority=visit.priority_reason, issued_at=visit.issued_at, due_at=visit.due_at,
        sla=deadline.sla_state(visit.due_at, visit.issued_at, now, warn),
        recalls=record.recalls, requirements=requirements, checklist=show_checklist,
        stage_since=record.queued_at,
    )


# --- finishing a stage --------------------------------------------------------------------


def finish_done(uow: UnitOfWork, counter_code: str, *, actor: Actor,
                office_code: str | None = None, now: datetime | None = None) -> Any:
    """The console's "Selesai": the engine's finish with outcome done, which the stage's
    rule refuses while its work is not recorded."""
    return q.finish(uow, counter_code, outcome="done", office_code=office_code, actor=actor,
                    now=now)


def cancel_needs_supervisor(uow: UnitOfWork, counter_code: str, *,
                            office_code: str | None = None) -> bool:
    """Whether cancelling the visit at this counter first needs a supervisor: its STNK bill
    is registered and unpaid (only a supervisor cancels it, with a reason)."""
    s = uow.session
    record = _active_record(s, _counter(s, _office(s, office_code), counter_code))
    if record is None:
        return False
    case = samsat_rules.case_of(s, record.visit_id)
    return (case is not None and case.payment_id is None
            and case.status != samsat_rules.CANCELLED)


def cancel_visit(uow: UnitOfWork, counter_code: str, *, actor: Actor,
                 office_code: str | None = None, reason: str = "",
                 supervisor: tuple[str, str] | None = None,
                 now: datetime | None = None) -> Any:
    """The console's "Batalkan": the visit at this counter ends as cancelled.

    ``actor``, the officer at the counter, is checked for counter work first. An unpaid STNK
    bill is cancelled first by a supervisor who signs in at the counter (``supervisor`` =
    user name and password: who they are) and gives the reason; their role is then asked of
    :func:`app.access.require` (:attr:`~app.access.Act.CANCEL`), so an officer's password
    cancels nothing. Without one the stage's rule refuses, and nothing is cancelled. The
    supervisor's cancellation and the visit's end are two steps: if the second fails, the
    bill stays cancelled and "Batalkan" can be pressed again.
    """
    now = now or utcnow()
    s = uow.session
    office = _office(s, office_code)
    office_id = office.id
    access.require(s, actor, Act.COUNTER_WORK, office_id=office_id, now=now)
    record = _active_record(s, _counter(s, office, counter_code))
    if record is None:
        raise LoketError("queue.counter_idle", counter=counter_code)
    visit_id, ticket = record.visit_id, record.visit.ticket
    needs = cancel_needs_supervisor(uow, counter_code, office_code=office_code)
    end_reading(s)
    if needs:
        if supervisor is None:
            raise LoketError("desk.cancel_needs_supervisor", ticket=ticket)
        boss = users.countersign(uow, *supervisor, Act.CANCEL, office_code=office.code,
                                 now=now)
        samsat_flow.cancel_case(uow, visit_id, reason=reason, actor=boss, now=now)
    return q.finish(uow, counter_code, outcome="cancelled", office_code=office_code,
                    actor=actor, now=now, note=reason.strip())


# --- "berkas tidak lengkap" -------------------------------------------------------------


@dataclass(frozen=True)
class SlipResult:
    visit_id: int
    ticket: str
    missing: tuple[str, ...]
    document_id: int
    pdf: bytes = field(repr=False)
    path: Path | None  # where the PDF was saved (no printer, or the printer failed)
    printed_to: str | None  # the document printer's connection, when it printed
    print_error: str = ""


def default_slip_folder() -> Path:
    """``$LOKET_HOME/slips``, else the system's temporary folder."""
    home = os.environ.get("LOKET_HOME")
    return Path(home) / "slips" if home else Path(tempfile.gettempdir()) / "loket-slips"


def save_pdf(folder: Path, name: str, pdf: bytes) -> Path:
    """Write ``pdf`` as ``<name>.pdf`` in ``folder`` (``-2``, ``-3``... if taken); a name
    made of a document number loses the characters a file name cannot hold."""
    name = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip("-") or "dokumen"
    folder.mkdir(parents=True, exist_ok=True)
    path, n = folder / f"{name}.pdf", 1
    while path.exists():
        n += 1
        path = folder / f"{name}-{n}.pdf"
    path.write_bytes(pdf)
    return path


def finish_incomplete(uow: UnitOfWork, counter_code: str, *, actor: Actor,
                      office_code: str | None = None, now: datetime | None = None,
                      folder: Path | None = None) -> SlipResult:
    """The file is incomplete: end the current visit with outcome ``incomplete`` and issue
    the slip listing the requirements not ticked.

    The slip is kept as a :class:`~db.models.Document` (PDF content, audit entry
    ``slip.issued``), then printed on the station's document printer if one is configured,
    else (or if printing fails) saved as a PDF in ``folder``.
    """
    now = now or utcnow()
    s = uow.session
    office = _office(s, office_code)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
    counter = _counter(s, office, counter_code)
    record = _active_record(s, counter)
    if record is None:
        raise LoketError("queue.counter_idle", counter=counter.code)
    visit = record.visit
    states = checklist.requirement_states(visit)
    missing = tuple(r.text for r in states if not r.checked)
    checked = tuple(r.text for r in states if r.checked)
    visit_id, ticket, record_id = visit.id, visit.ticket, record.id
    slip = MissingSlip(
        office_name=office.name, ticket=ticket, service_name=visit.service.name,
        counter_name=counter.name, officer=who.name, issued_at=local(now, office.zone),
        zone=office.zone.value, missing=missing, checked=checked,
        letterhead=letterhead(office))
    printer = _document_printer(s, counter)
    office_id, office_code = office.id, office.code
    note = "berkas tidak lengkap: " + "; ".join(missing) if missing else "berkas tidak lengkap"
    end_reading(s)  # release what was read; the engine locks and finishes in its own way
    q.finish(uow, counter_code, outcome="incomplete", office_code=office_code, actor=actor,
             now=now, note=note)
    pages = slip_pages(slip)
    pdf = render_pdf(pages, title=slip_name(slip))
    document = Document(office_id=office_id, visit_id=visit_id, kind=SLIP_KIND,
                        number=f"{visit_id}-{record_id}", issued_at=now,
                        issued_by=who.user_id, content=pdf, content_type="application/pdf",
                        data={"ticket": ticket, "missing": list(missing),
                              "checked": list(checked)})
    s.add(document)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, office_id=office_id,
                 action="slip.issued", entity="document", entity_id=document.id, at=now,
                 after={"visit_id": visit_id, "ticket": ticket, "missing": list(missing)})
    document_id = document.id
    uow.commit()
    path = printed_to = None
    error = ""
    if printer:
        try:
            from devices.registry import open_device

            device = open_device(DeviceKind.DOCUMENT_PRINTER, printer)
            try:
                device.print_pages(pages, slip_name(slip))
            finally:
                device.close()
            printed_to = printer
        except Exception as exc:
            error = str(exc) or type(exc).__name__
    if printed_to is None:
        path = save_pdf(folder or default_slip_folder(), slip_name(slip), pdf)
    return SlipResult(visit_id, ticket, missing, document_id, pdf, path, printed_to, error)
