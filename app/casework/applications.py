"""Long-running applications: receipt with a tracking number, due date, disposition, overdue.

An application is registered for a service of the office's catalog whose time standard is
in working days, months or days (objections, relief, PBB-P2 new object or mutation, BPHTB,
BPS product requests...; the standard is read from the ``services`` row, never repeated
here). Registering validates everything first, then in one transaction: takes the tracking
number, counts the due date (:mod:`app.casework.deadlines`), records who decides
(:mod:`app.casework.deciders`), the first holder of the file, the receipt (tanda terima) PDF in
``documents`` and the audit entry.

Tracking number: ``{PREFIX}/{YYYY}/{NNNNNN}``, e.g. ``BPPD-MALANG/2026/000123``: the office's
``settings.tracking_prefix`` (default: the office code), the office's local year of receipt
and a serial of six digits that restarts every year (``number_sequences`` series
``application``, period the year), so numbers are unique per office and sequential.

Disposition: the file is held by one person or unit at a time (``holder``); each hand-on is
a row of ``application_steps`` (from, to, note, when, by) with the status after it:
``received`` (diterima), ``in_progress`` (diproses), ``done`` (selesai), ``rejected``
(ditolak). A finished application cannot change any more.

Registering an application for a visit belongs to the counter that has called or is
serving it (work ``casework``, :func:`app.queue.stage_work.require_at_work`; a supervisor may
override, audited); the visit leaves the desk only with its application registered
(:mod:`app.casework.rules`). What follows (disposition, decision) is not tied to a visit.

Registering, handing on and deciding are counter work (:mod:`app.access`: an officer of the
office or above), asked before anything is written; the steps, the receipt and the audit
log name the person checked, with their user id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Acting, Actor
from app.casework import messages  # noqa: F401  (registers the messages)
from app.casework.deadlines import LONG_RUNNING_UNITS, application_due, end_of_day
from app.casework.deciders import decider_for
from app.clock import moment
from app.document_archive import letterhead, save_document
from app.document_numbers import next_in_series
from app.errors import LoketError
from app.i18n import tr
from app.identifiers import parse_nik
from app.money import format_rupiah, parse_rupiah
from app.office_settings import settings_of
from app.queue.engine import resolve_office
from app.queue.stage_work import require_visit_at_work
from app.store import UnitOfWork
from app.workdays import WorkingCalendar
from db.enums import TimeUnit
from db.models import Office, Service
from db.models_casework import OPEN_APPLICATION_STATUSES, Application, ApplicationStep
from printing.casework_documents import ReceiptData, application_receipt

RECEIPT_KIND = "application_receipt"
SERIES = "application"
OUTCOMES = ("done", "rejected")
MAX_AMOUNT = Decimal(10**15 - 1)
UTC_ZONE = ZoneInfo("UTC")
LIMITS = {"name": 200, "contact": 200, "holder": 200, "subject": 2000, "note": 2000}
WORK = "casework"  # the work of the desk (resources/panels/work-panels.yaml)



def _tz(office: Office) -> ZoneInfo:
    return ZoneInfo(office.zone.tz_name)


def _clean(value: str | None, field: str, *, required_key: str | None = None) -> str:
    text = " ".join(str(value or "").split())
    if required_key and not text:
        raise LoketError(required_key)
    limit = LIMITS[field]
    if len(text) > limit:
        raise LoketError("casework.too_long", field=field, max=limit)
    return text


def parse_amount(value: object) -> Decimal | None:
    """An amount typed or given (``2.500.000``, ``Rp 2.500.000``, 2500000): whole, not
    negative, below Rp1.000.000.000.000.000; None for nothing; LoketError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    amount: Decimal | None = None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        try:
            amount = Decimal(value)
        except InvalidOperation:  # pragma: no cover - Decimal(int) never fails
            amount = None
        if amount is not None and not (amount.is_finite()
                                       and amount == amount.to_integral_value()):
            amount = None
    elif isinstance(value, str):
        amount = parse_rupiah(value)
    if amount is None or amount < 0 or amount > MAX_AMOUNT:
        raise LoketError("casework.bad_amount", value=str(value)[:40])
    return Decimal(int(amount))


def acting(session: Session, actor: Actor, office: Office, now: datetime) -> Acting:
    """The person doing casework at the office, checked (:func:`app.access.require`, counter
    work): a refusal raises before anything is written and is itself kept in the audit log."""
    return access.require(session, actor, Act.COUNTER_WORK, office_id=office.id, now=now)


def visit_at_work(session: Session, office: Office, visit_id: int | None, *,
                  actor: Actor, override: bool, now: datetime) -> None:
    """Registering for visit ``visit_id`` only at the casework counter serving it
    (:func:`app.queue.stage_work.require_visit_at_work`)."""
    require_visit_at_work(session, office.id, visit_id, WORK,
                          actor=actor, override=override, now=now)


# --- services offered ---------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name: str
    time_value: int
    time_unit: str
    time_text: str

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "time_value": self.time_value,
                "time_unit": self.time_unit, "time": self.time_text}


def _time_text(value: int, unit: str) -> str:
    return f"{value} {tr(f'unit.{unit}')}"


def _is_long_running(service: Service) -> bool:
    return service.time_value is not None and service.time_unit in LONG_RUNNING_UNITS


def long_running_services(uow: UnitOfWork, *, office_code: str | None = None
                          ) -> list[ServiceChoice]:
    """The office's active services whose standard is in working days, months or days."""
    office = resolve_office(uow.session, office_code)
    return [ServiceChoice(s.code, s.name, s.time_value or 0, s.time_unit.value,
                          _time_text(s.time_value or 0, s.time_unit.value))
            for s in office.services
            if s.active and _is_long_running(s) and s.time_unit is not None]


def _service(session: Session, office: Office, code: str) -> Service:
    service = session.scalar(select(Service).where(Service.office_id == office.id,
                                                   Service.code == code))
    if service is None or not service.active:
        choices = ", ".join(s.code for s in office.services if s.active and _is_long_running(s))
        raise LoketError("casework.unknown_service", code=code, office=office.code,
                         choices=choices or "-")
    if service.time_value is None or service.time_unit is None:
        raise LoketError("casework.no_standard", code=service.code)
    if service.time_unit not in LONG_RUNNING_UNITS:
        raise LoketError("casework.not_long_running", value=service.time_value,
                         unit=tr(f"unit.{service.time_unit.value}"))
    return service


def due_date(uow: UnitOfWork, service_code: str, *, office_code: str | None = None,
             received_at: datetime | None = None) -> date:
    """The due date an application for ``service_code`` received at ``received_at`` gets
    (what the registration form shows as the officer types)."""
    s = uow.session
    office = resolve_office(s, office_code)
    service = _service(s, office, service_code)
    received = moment(received_at)
    cal = WorkingCalendar.for_office(s, office.id)
    return application_due(cal, received.astimezone(_tz(office)).date(),
                           service.time_value or 0, service.time_unit or TimeUnit.DAYS)


# --- what a screen and the command line show -------------------------------------------------


@dataclass(frozen=True)
class StepInfo:
    position: int
    from_holder: str
    to_holder: str
    note: str
    status: str
    at: datetime
    by: str

    def to_json(self, tz: ZoneInfo = UTC_ZONE) -> dict[str, Any]:
        return {"position": self.position, "from": self.from_holder, "to": self.to_holder,
                "note": self.note, "status": self.status,
                "at": self.at.astimezone(tz).isoformat(timespec="seconds"), "by": self.by}


@dataclass(frozen=True)
class ApplicationInfo:
    id: int
    number: str
    office_code: str
    zone: str
    service_code: str
    service_name: str
    time_text: str
    applicant_name: str
    applicant_nik: str
    applicant_contact: str
    subject: str
    amount: Decimal | None
    decided_by: str
    received_at: datetime
    received_by: str
    due_on: date
    status: str
    holder: str
    holder_since: datetime
    finished_at: datetime | None
    result: str
    receipt_document_id: int | None
    steps: tuple[StepInfo, ...]

    @property
    def open(self) -> bool:
        return self.status in OPEN_APPLICATION_STATUSES

    @property
    def status_text(self) -> str:
        return tr(f"casework.status.{self.status}")

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(_zone_name(self.zone)))

    def to_json(self) -> dict[str, Any]:
        tz = ZoneInfo(_zone_name(self.zone))

        def t(moment: datetime | None) -> str | None:
            return moment.astimezone(tz).isoformat(timespec="seconds") if moment else None

        return {
            "id": self.id, "number": self.number, "office": self.office_code,
            "service": self.service_code, "service_name": self.service_name,
            "time_standard": self.time_text,
            "applicant": {"name": self.applicant_name, "nik": self.applicant_nik or None,
                          "contact": self.applicant_contact},
            "subject": self.subject,
            "amount": str(self.amount) if self.amount is not None else None,
            "decided_by": self.decided_by,
            "received_at": t(self.received_at),
            "received_by": self.received_by, "due_on": self.due_on.isoformat(),
            "status": self.status, "status_text": self.status_text,
            "holder": self.holder, "holder_since": t(self.holder_since),
            "finished_at": t(self.finished_at),
            "result": self.result, "receipt_document_id": self.receipt_document_id,
            "steps": [st.to_json(tz) for st in self.steps],
        }


def _zone_name(zone: str) -> str:
    from db.enums import Zone

    return Zone(zone).tz_name


def _receipt_data(info: ApplicationInfo) -> ReceiptData:
    """The receipt's plain data (times in the office's zone): printing knows no service."""
    return ReceiptData(
        number=info.number, zone=info.zone, service_code=info.service_code,
        service_name=info.service_name, time_text=info.time_text,
        applicant_name=info.applicant_name, applicant_nik=info.applicant_nik,
        applicant_contact=info.applicant_contact, subject=info.subject, amount=info.amount,
        decided_by=info.decided_by, received_at=info.local(info.received_at),
        received_by=info.received_by, due_on=info.due_on)


def _info(office: Office, app: Application, service: Service) -> ApplicationInfo:
    return ApplicationInfo(
        id=app.id, number=app.number, office_code=office.code, zone=office.zone.value,
        service_code=service.code, service_name=service.name,
        time_text=_time_text(app.time_value, app.time_unit),
        applicant_name=app.applicant_name, applicant_nik=app.applicant_nik,
        applicant_contact=app.applicant_contact, subject=app.subject, amount=app.amount,
        decided_by=app.decided_by, received_at=app.received_at, received_by=app.received_by,
        due_on=app.due_on, status=app.status, holder=app.holder,
        holder_since=app.holder_since, finished_at=app.finished_at, result=app.result,
        receipt_document_id=app.receipt_document_id,
        steps=tuple(StepInfo(st.position, st.from_holder, st.to_holder, st.note, st.status,
                             st.at, st.by) for st in app.steps),
    )


def _snapshot(app: Application) -> dict[str, Any]:
    return {"number": app.number, "status": app.status, "holder": app.holder,
            "due_on": app.due_on.isoformat(), "decided_by": app.decided_by,
            "result": app.result}


# --- registering ----------------------------------------------------------------------------


def register_application(
    uow: UnitOfWork, service_code: str, *, applicant_name: str, subject: str,
    office_code: str | None = None, applicant_nik: str | None = None,
    applicant_contact: str = "", amount: object = None, holder: str | None = None,
    received_at: datetime | None = None, visit_id: int | None = None,
    actor: Actor, now: datetime | None = None, override: bool = False,
) -> ApplicationInfo:
    """Register an application and issue its receipt; commits. Refuses bad input with
    :class:`LoketError` before writing anything. For a visit: only at the counter serving
    it (or a supervisor's override)."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    visit_at_work(s, office, visit_id, actor=actor, override=override, now=now)
    tz = _tz(office)
    service = _service(s, office, service_code)
    name = _clean(applicant_name, "name", required_key="casework.name_required")
    what = _clean(subject, "subject", required_key="casework.subject_required")
    contact = _clean(applicant_contact, "contact")
    nik = ""
    if applicant_nik is not None and str(applicant_nik).strip():
        nik = parse_nik(applicant_nik, today=now.astimezone(tz).date()).value
    value = parse_amount(amount)
    received = moment(received_at) if received_at else now
    if received > now:
        raise LoketError("casework.future_time", at=received.astimezone(tz).isoformat())
    received_day = received.astimezone(tz).date()
    decided_by = decider_for(office.code, service.code, received_day, value)
    first_holder = _clean(holder, "holder") or who.name
    cal = WorkingCalendar.for_office(s, office.id)
    time_value, time_unit = service.time_value or 0, service.time_unit or TimeUnit.DAYS
    due = application_due(cal, received_day, time_value, time_unit)

    serial = next_in_series(s, office.id, SERIES, str(received_day.year))
    prefix = settings_of(office).tracking_prefix or office.code
    number = f"{prefix}/{received_day.year}/{serial:06d}"
    user_id = who.user_id
    app = Application(
        office_id=office.id, service_id=service.id, visit_id=visit_id, number=number,
        applicant_name=name, applicant_nik=nik, applicant_contact=contact, subject=what,
        amount=value, decided_by=decided_by, time_value=time_value,
        time_unit=time_unit.value, received_at=received, received_by=who.name,
        received_user_id=user_id, due_on=due, status="received", holder=first_holder,
        holder_since=now,
    )
    app.steps.append(ApplicationStep(position=1, from_holder="", to_holder=first_holder,
                                     note=tr("casework.status.received"), status="received",
                                     at=now, by=who.name))
    s.add(app)
    s.flush()
    info = _info(office, app, service)
    pdf = application_receipt(_receipt_data(info), letterhead(office),
                              printed_at=info.local(now))
    doc = save_document(s, office_id=office.id, kind=RECEIPT_KIND, number=number, pdf=pdf,
                        data=info.to_json(), visit_id=visit_id, issued_by=user_id, now=now)
    app.receipt_document_id = doc.id
    audit.record(s, actor=who.name, action="application.register", entity="application",
                 entity_id=number, after=_snapshot(app), user_id=user_id,
                 office_id=office.id, at=now)
    uow.commit()
    return _info(office, app, service)


# --- finding and changing ---------------------------------------------------------------------


def _find(session: Session, office: Office, number: str) -> Application:
    app = session.scalar(select(Application).where(Application.office_id == office.id,
                                                   Application.number == number.strip()))
    if app is None:
        raise LoketError("casework.unknown_application", number=number, office=office.code)
    return app


def show(uow: UnitOfWork, number: str, *, office_code: str | None = None) -> ApplicationInfo:
    s = uow.session
    office = resolve_office(s, office_code)
    app = _find(s, office, number)
    return _info(office, app, s.get(Service, app.service_id))  # type: ignore[arg-type]


def receipt_pdf(uow: UnitOfWork, number: str, *, office_code: str | None = None) -> bytes:
    """The receipt as issued (for a reprint)."""
    from db.models import Document

    info = show(uow, number, office_code=office_code)
    doc = uow.session.get(Document, info.receipt_document_id) if info.receipt_document_id \
        else None
    return bytes(doc.content or b"") if doc else b""


def _open_app(session: Session, office: Office, number: str) -> Application:
    app = _find(session, office, number)
    if app.status not in OPEN_APPLICATION_STATUSES:
        raise LoketError("casework.finished", number=app.number,
                         status=tr(f"casework.status.{app.status}"))
    return app


def forward(uow: UnitOfWork, number: str, *, to: str, note: str = "",
            office_code: str | None = None, actor: Actor,
            now: datetime | None = None) -> ApplicationInfo:
    """Hand the file on (disposition) to ``to``; the application is then in progress."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    app = _open_app(s, office, number)
    target = _clean(to, "holder", required_key="casework.to_required")
    text = _clean(note, "note")
    if target.casefold() == app.holder.casefold():
        raise LoketError("casework.same_holder", holder=app.holder)
    before = _snapshot(app)
    app.steps.append(ApplicationStep(
        position=len(app.steps) + 1, from_holder=app.holder, to_holder=target, note=text,
        status="in_progress", at=now, by=who.name))
    app.holder, app.holder_since, app.status = target, now, "in_progress"
    s.flush()
    audit.record(s, actor=who.name, action="application.forward", entity="application",
                 entity_id=app.number, before=before,
                 after=_snapshot(app) | {"note": text}, user_id=who.user_id,
                 office_id=office.id, at=now)
    uow.commit()
    return _info(office, app, s.get(Service, app.service_id))  # type: ignore[arg-type]


def finish(uow: UnitOfWork, number: str, *, outcome: str = "done", note: str = "",
           office_code: str | None = None, actor: Actor,
           now: datetime | None = None) -> ApplicationInfo:
    """Record the decision: ``done`` (selesai) or ``rejected`` (ditolak, with its reason)."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = acting(s, actor, office, now)
    if outcome not in OUTCOMES:
        raise LoketError("casework.bad_outcome", outcome=outcome, choices=", ".join(OUTCOMES))
    app = _open_app(s, office, number)
    text = _clean(note, "note")
    if outcome == "rejected" and not text:
        raise LoketError("casework.reason_required")
    before = _snapshot(app)
    app.steps.append(ApplicationStep(
        position=len(app.steps) + 1, from_holder=app.holder, to_holder=app.holder,
        note=text or tr(f"casework.status.{outcome}"), status=outcome, at=now, by=who.name))
    app.status, app.finished_at, app.finished_by, app.result = outcome, now, who.name, text
    s.flush()
    audit.record(s, actor=who.name, action=f"application.{outcome}", entity="application",
                 entity_id=app.number, before=before, after=_snapshot(app),
                 user_id=who.user_id, office_id=office.id, at=now)
    uow.commit()
    return _info(office, app, s.get(Service, app.service_id))  # type: ignore[arg-type]


# --- overdue and due soon ----------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    number: str
    service_code: str
    applicant_name: str
    subject: str
    holder: str
    status: str
    due_on: date
    due_at: datetime  # UTC: the end of the due day in the office's zone
    overdue_by: timedelta  # negative while not yet overdue
    working_days_left: int  # 0 on the due day and after it

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "service": self.service_code,
                "applicant": self.applicant_name, "subject": self.subject,
                "holder": self.holder, "status": self.status,
                "due_on": self.due_on.isoformat(),
                "due_at": self.due_at.isoformat(timespec="seconds"),
                "overdue_seconds": max(0, int(self.overdue_by.total_seconds())),
                "working_days_left": self.working_days_left}


def _open_rows(session: Session, office: Office) -> list[tuple[Application, str]]:
    return list(session.execute(
        select(Application, Service.code).join(Service, Service.id == Application.service_id)
        .where(Application.office_id == office.id,
               Application.status.in_(OPEN_APPLICATION_STATUSES))
        .order_by(Application.due_on, Application.id)).all())


def _due_item(app: Application, code: str, tz: ZoneInfo, now: datetime, today: date,
              cal: WorkingCalendar) -> DueItem:
    due_at = end_of_day(app.due_on, tz)
    left = cal.working_days_between(today, app.due_on) if app.due_on > today else 0
    return DueItem(app.number, code, app.applicant_name, app.subject, app.holder, app.status,
                   app.due_on, due_at, now - due_at, left)


def overdue(uow: UnitOfWork, *, office_code: str | None = None,
            now: datetime | None = None) -> list[DueItem]:
    """Open applications whose due date has passed, most overdue first."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    return overdue_for(s, office, now)


def overdue_for(session: Session, office: Office, now: datetime) -> list[DueItem]:
    tz = _tz(office)
    today = now.astimezone(tz).date()
    cal = WorkingCalendar.for_office(session, office.id)
    return [_due_item(app, code, tz, now, today, cal)
            for app, code in _open_rows(session, office) if app.due_on < today]


def due_soon(uow: UnitOfWork, *, office_code: str | None = None, now: datetime | None = None,
             within_working_days: int = 2) -> list[DueItem]:
    """Open applications due today or within the next ``within_working_days`` working days."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    tz = _tz(office)
    today = now.astimezone(tz).date()
    cal = WorkingCalendar.for_office(s, office.id)
    horizon = cal.add_working_days(today, max(0, within_working_days))
    return [_due_item(app, code, tz, now, today, cal)
            for app, code in _open_rows(s, office) if today <= app.due_on <= horizon]


def status_text(status: str) -> str:
    """An application status in the user's language (diterima, diproses, selesai, ditolak)."""
    return tr(f"casework.status.{status}")


def amount_text(amount: Decimal | None) -> str:
    return format_rupiah(amount) if amount is not None else "-"
