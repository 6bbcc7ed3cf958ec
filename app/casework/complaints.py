"""Complaints (pengaduan): registered from any channel the office publishes, answered and
resolved within the office's complaint standard, step by step along its SOP.

The channels (``Office.complaint_channels``) and the standard with its SOP steps
(``Office.complaint_response``: value, unit, working_days_only, steps with their own
time) come from the office's catalog file; nothing of them is repeated here. How the due
moments are counted: :mod:`app.casework.deadlines` (24 hours on working days = the same
clock time on the next working day; steps one after another, none later than the
complaint). An office whose catalog states no response standard gets no due time.

Tracking number: ``{PREFIX}/ADU/{YYYY}/{NNNNNN}``, e.g. ``SAMSAT-PTK1/ADU/2026/000007``
(``settings.tracking_prefix`` or the office code, the local year of receipt, a yearly
serial of series ``complaint``), kept in ``complaint_cases`` beside the core row.

Statuses (core ``ComplaintStatus``): received (diterima) -> in_progress (diproses, when a
step is done) -> answered (ditanggapi: the answer to the reporter) -> closed (selesai: the
resolution). A complaint is overdue while it has no answer after its due moment.

Registering a complaint for a visit belongs to the counter that has called or is serving it
(work ``casework``; a supervisor may override, audited); the visit leaves the desk only with
its complaint registered (:mod:`app.casework.rules`). Answering and closing take days and
are not tied to a visit.

Registering, a step, the answer and the resolution are counter work (:mod:`app.access`: an
officer of the office or above), asked before anything is written; the case and the audit
log name the person checked, with their user id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import Actor
from app.casework import messages  # noqa: F401  (registers the messages)
from app.casework.applications import acting, visit_at_work
from app.casework.deadlines import complaint_due
from app.clock import moment
from app.document_numbers import next_in_series
from app.errors import LoketError
from app.i18n import tr
from app.office_settings import settings_of
from app.queue.engine import resolve_office
from app.store import UnitOfWork
from app.workdays import WorkingCalendar
from db.enums import ComplaintStatus, TimeUnit
from db.models import Complaint, Office
from db.models_casework import ComplaintCase, ComplaintStep

SERIES = "complaint"
TEXT_MAX = 4000
SHORT_MAX = 200
OPEN = (ComplaintStatus.RECEIVED, ComplaintStatus.IN_PROGRESS)



def _tz(office: Office) -> ZoneInfo:
    return ZoneInfo(office.zone.tz_name)


def _clean(value: str | None, field: str, limit: int, required_key: str | None = None) -> str:
    text = str(value or "").strip()
    if limit <= SHORT_MAX:
        text = " ".join(text.split())
    if required_key and not text:
        raise LoketError(required_key)
    if len(text) > limit:
        raise LoketError("casework.too_long", field=field, max=limit)
    return text


# --- channels and standard ------------------------------------------------------------------


@dataclass(frozen=True)
class Channel:
    kind: str
    value: str
    label: str = ""

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "value": self.value, "label": self.label}


def channels_of(office: Office) -> list[Channel]:
    return [Channel(str(c.get("kind", "other")), str(c.get("value", "")),
                    str(c.get("label", "")))
            for c in office.complaint_channels or [] if isinstance(c, dict)]


def office_zone(uow: UnitOfWork, *, office_code: str | None = None) -> tuple[ZoneInfo, str]:
    """The office's time zone and its name (WIB, WITA, WIT), to show times on its clock."""
    office = resolve_office(uow.session, office_code)
    return _tz(office), office.zone.value


def channels(uow: UnitOfWork, *, office_code: str | None = None) -> list[Channel]:
    return channels_of(resolve_office(uow.session, office_code))


def _channel(office: Office, wanted: str) -> str:
    kinds = [c.kind for c in channels_of(office)]
    key = str(wanted or "").strip().lower()
    if key not in kinds:
        raise LoketError("complaint.bad_channel", channel=str(wanted)[:40], office=office.code,
                         choices=", ".join(dict.fromkeys(kinds)) or "-")
    return key


def planned_times(session: Session, office: Office, received: datetime
                  ) -> tuple[datetime | None, list[tuple[str, datetime]]]:
    """The complaint's due moment and each SOP step's (text, due), from the office's
    ``complaint_response``; (None, []) when the office states none."""
    response = office.complaint_response or {}
    if not response.get("value") or not response.get("unit"):
        return None, []
    cal = WorkingCalendar.for_office(session, office.id)
    tz = _tz(office)
    working = bool(response.get("working_days_only"))
    due = complaint_due(cal, received, int(response["value"]), TimeUnit(response["unit"]),
                        working, tz)
    steps: list[tuple[str, datetime]] = []
    previous = received
    for step in response.get("steps") or []:
        if not step.get("value") or not step.get("unit"):
            at = previous
        else:
            at = complaint_due(cal, previous, int(step["value"]), TimeUnit(step["unit"]),
                               working, tz)
        at = min(at, due)
        steps.append((str(step.get("text", "")), at))
        previous = at
    return due, steps


# --- what a screen shows -------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintStepInfo:
    position: int
    text: str
    due_at: datetime
    done_at: datetime | None
    done_by: str
    note: str

    def overdue(self, now: datetime) -> bool:
        return self.done_at is None and now > self.due_at

    def to_json(self, tz: ZoneInfo) -> dict[str, Any]:
        return {"position": self.position, "text": self.text,
                "due_at": self.due_at.astimezone(tz).isoformat(timespec="seconds"),
                "done_at": self.done_at.astimezone(tz).isoformat(timespec="seconds")
                if self.done_at else None,
                "done_by": self.done_by, "note": self.note}


@dataclass(frozen=True)
class ComplaintInfo:
    id: int
    number: str
    office_code: str
    zone: str
    channel: str
    reporter: str
    contact: str
    text: str
    status: str
    received_at: datetime
    registered_by: str
    due_at: datetime | None
    answered_at: datetime | None
    answer: str
    answered_by: str
    resolution: str
    resolved_at: datetime | None
    resolved_by: str
    steps: tuple[ComplaintStepInfo, ...]

    @property
    def tz(self) -> ZoneInfo:
        from db.enums import Zone

        return ZoneInfo(Zone(self.zone).tz_name)

    @property
    def status_text(self) -> str:
        return tr(f"complaint.status.{self.status}")

    def overdue(self, now: datetime) -> bool:
        return self.answered_at is None and self.due_at is not None and now > self.due_at

    def to_json(self) -> dict[str, Any]:
        def t(moment: datetime | None) -> str | None:
            return moment.astimezone(self.tz).isoformat(timespec="seconds") if moment else None

        return {
            "id": self.id, "number": self.number, "office": self.office_code,
            "channel": self.channel, "reporter": self.reporter, "contact": self.contact,
            "text": self.text, "status": self.status, "status_text": self.status_text,
            "received_at": t(self.received_at), "registered_by": self.registered_by,
            "due_at": t(self.due_at), "answered_at": t(self.answered_at),
            "answer": self.answer, "answered_by": self.answered_by,
            "resolution": self.resolution, "resolved_at": t(self.resolved_at),
            "resolved_by": self.resolved_by,
            "steps": [st.to_json(self.tz) for st in self.steps],
        }


def _steps(session: Session, complaint_id: int) -> list[ComplaintStep]:
    return list(session.scalars(select(ComplaintStep).where(
        ComplaintStep.complaint_id == complaint_id).order_by(ComplaintStep.position)))


def _info(session: Session, office: Office, c: Complaint, case: ComplaintCase
          ) -> ComplaintInfo:
    return ComplaintInfo(
        id=c.id, number=case.number, office_code=office.code, zone=office.zone.value,
        channel=c.channel, reporter=c.reporter, contact=c.contact, text=c.text,
        status=ComplaintStatus(c.status).value, received_at=c.received_at,
        registered_by=case.registered_by, due_at=c.due_at, answered_at=c.answered_at,
        answer=c.answer, answered_by=case.answered_by, resolution=case.resolution,
        resolved_at=case.resolved_at, resolved_by=case.resolved_by,
        steps=tuple(ComplaintStepInfo(st.position, st.text, st.due_at, st.done_at, st.done_by,
                                      st.note) for st in _steps(session, c.id)),
    )


def _snapshot(c: Complaint, case: ComplaintCase) -> dict[str, Any]:
    return {"number": case.number, "status": ComplaintStatus(c.status).value,
            "answer": c.answer, "resolution": case.resolution}


# --- registering and handling -----------------------------------------------------------------


def register_complaint(
    uow: UnitOfWork, *, channel: str, text: str, reporter: str = "", contact: str = "",
    office_code: str | None = None, received_at: datetime | None = None,
    visit_id: int | None = None, actor: Actor, now: datetime | None = None,
    override: bool = False,
) -> ComplaintInfo:
    """Register a complaint with its due time and SOP steps; commits. For a visit: only at
    the counter serving it (or a supervisor's override)."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who_acts = acting(s, actor, office, now)
    visit_at_work(s, office, visit_id, actor=actor, override=override, now=now)
    kind = _channel(office, channel)
    body = _clean(text, "text", TEXT_MAX, "complaint.text_required")
    who = _clean(reporter, "reporter", SHORT_MAX)
    reach = _clean(contact, "contact", SHORT_MAX)
    received = moment(received_at) if received_at else now
    if received > now:
        raise LoketError("casework.future_time",
                         at=received.astimezone(_tz(office)).isoformat())
    due, planned = planned_times(s, office, received)
    year = received.astimezone(_tz(office)).year
    serial = next_in_series(s, office.id, SERIES, str(year))
    prefix = settings_of(office).tracking_prefix or office.code
    number = f"{prefix}/ADU/{year}/{serial:06d}"
    user_id = who_acts.user_id
    c = Complaint(office_id=office.id, visit_id=visit_id, channel=kind, reporter=who,
                  contact=reach, text=body, status=ComplaintStatus.RECEIVED,
                  received_at=received, due_at=due, answer="", handled_by=user_id)
    s.add(c)
    s.flush()
    case = ComplaintCase(complaint_id=c.id, office_id=office.id, number=number,
                         registered_by=who_acts.name, answered_by="", resolution="",
                         resolved_by="")
    s.add(case)
    for position, (step_text, at) in enumerate(planned, start=1):
        s.add(ComplaintStep(complaint_id=c.id, position=position, text=step_text, due_at=at,
                            done_by="", note=""))
    s.flush()
    audit.record(s, actor=who_acts.name, action="complaint.register", entity="complaint",
                 entity_id=number, after=_snapshot(c, case) | {"channel": kind},
                 user_id=user_id, office_id=office.id, at=now)
    uow.commit()
    return _info(s, office, c, case)


def _find(session: Session, office: Office, number: str) -> tuple[Complaint, ComplaintCase]:
    case = session.scalar(select(ComplaintCase).where(ComplaintCase.office_id == office.id,
                                                      ComplaintCase.number == number.strip()))
    if case is None:
        raise LoketError("complaint.unknown", number=number, office=office.code)
    c = session.get(Complaint, case.complaint_id)
    assert c is not None
    return c, case


def _not_closed(c: Complaint, case: ComplaintCase) -> None:
    if c.status == ComplaintStatus.CLOSED:
        raise LoketError("complaint.closed", number=case.number)


def show(uow: UnitOfWork, number: str, *, office_code: str | None = None) -> ComplaintInfo:
    s = uow.session
    office = resolve_office(s, office_code)
    c, case = _find(s, office, number)
    return _info(s, office, c, case)


def complete_step(uow: UnitOfWork, number: str, position: int, *, note: str = "",
                  office_code: str | None = None, actor: Actor,
                  now: datetime | None = None) -> ComplaintInfo:
    """Mark one SOP step done (by whom, when, with a note); the complaint is then in
    progress unless already answered."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    c, case = _find(s, office, number)
    _not_closed(c, case)
    steps = _steps(s, c.id)
    step = next((st for st in steps if st.position == position), None)
    if step is None:
        raise LoketError("complaint.unknown_step", number=case.number, position=position,
                         count=len(steps))
    if step.done_at is not None:
        raise LoketError("complaint.step_done", number=case.number, position=position,
                         at=step.done_at.astimezone(_tz(office)).strftime("%d-%m-%Y %H:%M"))
    remark = _clean(note, "note", TEXT_MAX)
    before = _snapshot(c, case)
    step.done_at, step.done_by, step.note = now, who.name, remark
    if c.status == ComplaintStatus.RECEIVED:
        c.status = ComplaintStatus.IN_PROGRESS
    s.flush()
    audit.record(s, actor=who.name, action="complaint.step", entity="complaint",
                 entity_id=case.number, before=before,
                 after=_snapshot(c, case) | {"step": position, "note": remark},
                 user_id=who.user_id, office_id=office.id, at=now)
    uow.commit()
    return _info(s, office, c, case)


def answer(uow: UnitOfWork, number: str, text: str, *, office_code: str | None = None,
           actor: Actor, now: datetime | None = None) -> ComplaintInfo:
    """Record the answer (tanggapan) given to the reporter; on time when at or before the
    complaint's due moment. A later answer replaces it (the audit log keeps both)."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    c, case = _find(s, office, number)
    _not_closed(c, case)
    body = _clean(text, "answer", TEXT_MAX, "complaint.answer_required")
    before = _snapshot(c, case)
    c.answer, c.answered_at, c.status = body, now, ComplaintStatus.ANSWERED
    c.handled_by = who.user_id or c.handled_by
    case.answered_by = who.name
    s.flush()
    audit.record(s, actor=who.name, action="complaint.answer", entity="complaint",
                 entity_id=case.number, before=before, after=_snapshot(c, case),
                 user_id=who.user_id, office_id=office.id, at=now)
    uow.commit()
    return _info(s, office, c, case)


def close(uow: UnitOfWork, number: str, resolution: str, *, office_code: str | None = None,
          actor: Actor, now: datetime | None = None) -> ComplaintInfo:
    """Record the resolution (penyelesaian) and close the complaint; it must be answered."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    c, case = _find(s, office, number)
    _not_closed(c, case)
    if c.answered_at is None:
        raise LoketError("complaint.not_answered", number=case.number)
    body = _clean(resolution, "resolution", TEXT_MAX, "complaint.resolution_required")
    before = _snapshot(c, case)
    c.status = ComplaintStatus.CLOSED
    case.resolution, case.resolved_at, case.resolved_by = body, now, who.name
    s.flush()
    audit.record(s, actor=who.name, action="complaint.close", entity="complaint",
                 entity_id=case.number, before=before, after=_snapshot(c, case),
                 user_id=who.user_id, office_id=office.id, at=now)
    uow.commit()
    return _info(s, office, c, case)


# --- overdue ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverdueComplaint:
    number: str
    channel: str
    reporter: str
    text: str
    status: str
    due_at: datetime
    overdue_by: timedelta
    late_steps: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "channel": self.channel, "reporter": self.reporter,
                "text": self.text, "status": self.status,
                "due_at": self.due_at.isoformat(timespec="seconds"),
                "overdue_seconds": int(self.overdue_by.total_seconds()),
                "late_steps": list(self.late_steps)}


def overdue_for(session: Session, office: Office, now: datetime) -> list[OverdueComplaint]:
    rows = session.execute(
        select(Complaint, ComplaintCase.number)
        .join(ComplaintCase, ComplaintCase.complaint_id == Complaint.id)
        .where(Complaint.office_id == office.id, Complaint.answered_at.is_(None),
               Complaint.status.in_(OPEN), Complaint.due_at.is_not(None),
               Complaint.due_at < now)
        .order_by(Complaint.due_at, Complaint.id)).all()
    out = []
    for c, number in rows:
        late = tuple(st.position for st in _steps(session, c.id)
                     if st.done_at is None and st.due_at < now)
        assert c.due_at is not None
        out.append(OverdueComplaint(number, c.channel, c.reporter, c.text,
                                    ComplaintStatus(c.status).value, c.due_at,
                                    now - c.due_at, late))
    return out


def overdue(uow: UnitOfWork, *, office_code: str | None = None,
            now: datetime | None = None) -> list[OverdueComplaint]:
    """Complaints without an answer after their due moment, most overdue first."""
    s = uow.session
    return overdue_for(s, resolve_office(s, office_code), moment(now))
