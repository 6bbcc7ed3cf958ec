"""The Samsat STNK flow of a visit: cek fisik, loket 1 registration, loket 2 payment,
loket 3 hand-over (seed 003; office SAMSAT-PTK1).

Each step is one function over a unit of work that validates everything first, raises
:class:`~app.errors.LoketError` before any write, then writes its rows with an audit entry
and commits. The queue moves separately (the counter's "Selesai" button), and only when the
stage's work is recorded (:mod:`app.samsat.rules`, asked by the queue). Each step belongs to
the visit a counter of its stage has called or is serving
(:func:`app.queue.stage_work.require_at_work`); a supervisor may override, audited. Each
step is counter work
(:attr:`app.access.Act.COUNTER_WORK`): it first asks :func:`app.access.require` at the visit's
office, before anything is written or printed, and writes the checked person's name and user id.

- :func:`record_check` (cek fisik): chassis and engine numbers read off the vehicle, with
  their match against the register; a mismatch makes :func:`register_case` refuse, and
  :func:`case_view` gives the counter the reason (``stop_reason``).
- :func:`register_case` (loket 1): vehicle by plate, owner by NIK, cek fisik passed, every
  requirement of the service ticked; records the visit's :class:`~db.models_samsat.StnkCase`.
  An incomplete file goes the existing way: :func:`app.desk.visit.finish_incomplete`.
- :func:`bill_for_visit` / :func:`record_payment` (loket 2): the bill of
  :mod:`app.tariffs.stnk`, the payment with one line per bill line, the vehicle's new due
  dates, the SKPD/notice and the receipt as PDFs kept in ``documents``.
- :func:`record_handover` (loket 3): the STNK handed over (endorsed, stamped, by whom, to
  whom, when) and the visit's total time against its standard (30 minutes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import ModuleType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Acting, Actor
from app.clock import local, local_day, moment
from app.desk.requirements import missing_requirements
from app.document_archive import letterhead, save_document
from app.document_numbers import next_in_series
from app.errors import LoketError
from app.i18n import tr
from app.identifiers import parse_plate
from app.money import format_rupiah, parse_rupiah
from app.office_settings import settings_of
from app.queue.engine import find_visit, resolve_office
from app.queue.stage_work import require_at_work
from app.samsat import messages  # noqa: F401  (registers the messages)
from app.samsat.registry import (
    find_person,
    find_vehicle,
    normalise_number,
    parse_chassis,
    parse_engine_no,
    parse_text,
)
from app.samsat.rules import CANCELLED, case_kind, case_of, latest_check
from app.store import UnitOfWork
from db.enums import PaymentMethod, TimeUnit
from db.models import Office, Payment, PaymentLine, Person, Vehicle, Visit
from db.models_samsat import StnkCase, VehicleCheck
from printing import samsat_documents as docs

KIND_NAMES = {"renewal": "Perpanjangan STNK", "lost": "Penggantian STNK Hilang"}
METHOD_NAMES = {"cash": "Tunai", "transfer": "Transfer bank", "billing": "Kode billing"}
SKPD_KIND = "samsat_skpd"
RECEIPT_KIND = "samsat_receipt"
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/\-]{0,63}$")



# --- the visit --------------------------------------------------------------------------


def _acting(session: Session, actor: Actor, visit: Visit, now: datetime) -> Acting:
    """The person doing the counter work on ``visit``, checked at its office."""
    return access.require(session, actor, Act.COUNTER_WORK, office_id=visit.office_id,
                          now=now)


def _visit(session: Session, visit_id: int, *, lock: bool = False,
           open_only: bool = True) -> Visit:
    visit = session.get(Visit, visit_id, with_for_update=lock)
    if visit is None:
        raise LoketError("samsat.visit.unknown", visit=visit_id)
    if case_kind(session, visit.service) is None:
        raise LoketError("samsat.visit.not_stnk", service=visit.service.code)
    if open_only and not visit.status.is_open:
        raise LoketError("samsat.visit.closed", ticket=visit.ticket)
    return visit


def visit_id_for_ticket(uow: UnitOfWork, ticket: str, *, office_code: str | None = None,
                        now: datetime | None = None) -> int:
    """Today's visit with this ticket number (``A-001``) at the office."""
    s = uow.session
    office = resolve_office(s, office_code)
    return find_visit(s, office, ticket, moment(now)).id


# --- cek fisik --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """A recorded cek fisik and what it means for loket 1."""

    check_id: int
    visit_id: int
    ticket: str
    plate: str | None  # the register's vehicle, when known
    chassis_no: str
    engine_no: str
    register_chassis_no: str | None
    register_engine_no: str | None
    chassis_match: bool | None
    engine_match: bool | None
    checked_at: datetime
    checked_by: str
    problems: tuple[str, ...] = ()  # the mismatches, in the officer's language

    @property
    def passed(self) -> bool | None:
        """True: both numbers match; False: a mismatch; None: not compared yet."""
        if self.problems:
            return False
        if self.chassis_match is None or self.engine_match is None:
            return None
        return True

    def to_json(self) -> dict[str, Any]:
        return {"check_id": self.check_id, "visit_id": self.visit_id, "ticket": self.ticket,
                "plate": self.plate, "chassis_no": self.chassis_no,
                "engine_no": self.engine_no, "register_chassis_no": self.register_chassis_no,
                "register_engine_no": self.register_engine_no,
                "chassis_match": self.chassis_match, "engine_match": self.engine_match,
                "passed": self.passed, "problems": list(self.problems),
                "checked_at": self.checked_at.isoformat(), "checked_by": self.checked_by}


def _problems(check: VehicleCheck, vehicle: Vehicle | None) -> tuple[str, ...]:
    """The mismatches of ``check`` against the register entry of ``vehicle``."""
    if vehicle is None:
        return ()
    out = []
    other = (check.vehicle_id is not None and check.vehicle_id != vehicle.id) or (
        check.vehicle_id is None and check.plate and check.plate != vehicle.plate)
    if other:
        checked = check.plate or str(check.vehicle_id)
        out.append(tr("samsat.check.other_vehicle", checked=checked, plate=vehicle.plate))
    if normalise_number(check.chassis_no) != normalise_number(vehicle.chassis_no):
        out.append(tr("samsat.check.chassis_differs", read=check.chassis_no,
                      register=vehicle.chassis_no or "-"))
    if normalise_number(check.engine_no) != normalise_number(vehicle.engine_no):
        out.append(tr("samsat.check.engine_differs", read=check.engine_no,
                      register=vehicle.engine_no or "-"))
    return tuple(out)


def _check_result(session: Session, check: VehicleCheck, visit: Visit,
                  against: Vehicle | None = None) -> CheckResult:
    vehicle = against or (session.get(Vehicle, check.vehicle_id) if check.vehicle_id else None)
    chassis = engine = None
    if vehicle is not None:
        chassis = normalise_number(check.chassis_no) == normalise_number(vehicle.chassis_no)
        engine = normalise_number(check.engine_no) == normalise_number(vehicle.engine_no)
    return CheckResult(
        check.id, visit.id, visit.ticket, vehicle.plate if vehicle else (check.plate or None),
        check.chassis_no, check.engine_no, vehicle.chassis_no if vehicle else None,
        vehicle.engine_no if vehicle else None, chassis, engine, check.checked_at,
        check.checked_by, _problems(check, vehicle))


def record_check(uow: UnitOfWork, visit_id: int, *, chassis: str, engine: str,
                 plate: str | None = None, actor: Actor, now: datetime | None = None,
                 note: str = "", override: bool = False) -> CheckResult:
    """Cek fisik: record the chassis and engine numbers read off the visit's vehicle.

    The vehicle is the one with ``plate`` if given, else the register entry with this
    chassis number; when known, each number is marked as matching the register or not. A
    new check replaces the last one until the visit is registered at loket 1.
    """
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, lock=True)
    who = _acting(s, actor, visit, now)
    require_at_work(s, visit, "samsat-check", actor=actor, override=override, now=now)
    chassis_no, engine_no = parse_chassis(chassis), parse_engine_no(engine)
    note = parse_text(note, "note", 500)
    vehicle = None
    plate_text = ""
    if plate is not None and str(plate).strip():
        vehicle = find_vehicle(s, plate)
        plate_text = str(parse_plate(plate))
    else:
        found = s.scalars(select(Vehicle).where(Vehicle.chassis_no == chassis_no)).all()
        vehicle = found[0] if len(found) == 1 else None
    case = case_of(s, visit.id)
    if case is not None:
        raise LoketError("samsat.check.after_registration", ticket=visit.ticket)
    check = VehicleCheck(
        office_id=visit.office_id, visit_id=visit.id,
        vehicle_id=vehicle.id if vehicle else None,
        plate=vehicle.plate if vehicle else plate_text, chassis_no=chassis_no,
        engine_no=engine_no, checked_at=now, checked_by=who.name,
        checked_user_id=who.user_id, note=note)
    if vehicle is not None:
        check.chassis_match = chassis_no == normalise_number(vehicle.chassis_no)
        check.engine_match = engine_no == normalise_number(vehicle.engine_no)
    s.add(check)
    s.flush()
    result = _check_result(s, check, visit, vehicle)
    audit.record(s, actor=who.name, user_id=who.user_id, office_id=visit.office_id,
                 action="samsat.check", entity="visit", entity_id=visit.id, at=now,
                 after={"check_id": check.id, "plate": check.plate,
                        "chassis_no": chassis_no, "engine_no": engine_no,
                        "chassis_match": check.chassis_match,
                        "engine_match": check.engine_match})
    uow.commit()
    return result


# --- what a counter shows about the visit ------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """A visit's total time against its standard, from the ticket to the hand-over."""

    issued_at: datetime
    until: datetime
    minutes: float
    standard_minutes: float | None
    due_at: datetime | None

    @property
    def within(self) -> bool | None:
        if self.due_at is not None:
            return self.until <= self.due_at
        if self.standard_minutes is not None:
            return self.minutes <= self.standard_minutes
        return None

    @property
    def verdict(self) -> str:
        """``within``, ``over`` or ``unknown`` (the service has no time standard)."""
        return {True: "within", False: "over", None: "unknown"}[self.within]

    def to_json(self) -> dict[str, Any]:
        return {"issued_at": self.issued_at.isoformat(), "until": self.until.isoformat(),
                "minutes": round(self.minutes, 1), "standard_minutes": self.standard_minutes,
                "due_at": self.due_at.isoformat() if self.due_at else None,
                "within": self.within, "verdict": self.verdict}


def timing(visit: Visit, until: datetime) -> Timing:
    service = visit.service
    standard = None
    if service.time_value is not None and service.time_unit is TimeUnit.MINUTES:
        standard = float(service.time_value)
    elif service.time_value is not None and service.time_unit is TimeUnit.HOURS:
        standard = float(service.time_value * 60)
    minutes = (until - visit.issued_at).total_seconds() / 60
    return Timing(visit.issued_at, until, minutes, standard, visit.due_at)


@dataclass(frozen=True)
class CaseView:
    """Everything the Samsat panels show about a visit, at any stage."""

    visit_id: int
    ticket: str
    service_code: str
    service_name: str
    kind: str  # renewal | lost
    status: str  # new | checked | registered | paid | handed_over
    visit_status: str
    check: CheckResult | None
    stop_reason: str | None  # why loket 1 cannot register it (cek fisik mismatch)
    vehicle: dict[str, Any] | None
    owner: dict[str, Any] | None
    registered_at: datetime | None
    registered_by: str
    payment_id: int | None
    receipt_number: str | None
    skpd_number: str | None
    paid_total: Decimal | None
    handed_over_at: datetime | None
    handed_over_by: str
    handed_to: str
    timing: Timing
    zone: str = "WIB"  # the office's, to show times

    def to_json(self) -> dict[str, Any]:
        return {
            "visit_id": self.visit_id, "ticket": self.ticket, "service": self.service_code,
            "service_name": self.service_name, "kind": self.kind, "status": self.status,
            "visit_status": self.visit_status,
            "check": self.check.to_json() if self.check else None,
            "stop_reason": self.stop_reason, "vehicle": self.vehicle, "owner": self.owner,
            "registered_at": self.registered_at.isoformat() if self.registered_at else None,
            "registered_by": self.registered_by, "payment_id": self.payment_id,
            "receipt_number": self.receipt_number, "skpd_number": self.skpd_number,
            "paid_total": None if self.paid_total is None else str(self.paid_total),
            "handed_over_at": self.handed_over_at.isoformat() if self.handed_over_at else None,
            "handed_over_by": self.handed_over_by, "handed_to": self.handed_to,
            "timing": self.timing.to_json(),
        }


def _document_number(session: Session, payment_id: int, kind: str) -> str | None:
    from db.models import Document

    return session.scalar(select(Document.number).where(Document.payment_id == payment_id,
                                                        Document.kind == kind))


def case_view(uow: UnitOfWork, visit_id: int, *, now: datetime | None = None) -> CaseView:
    """The visit's STNK case as the panels show it (works on closed visits too)."""
    from app.samsat.registry import vehicle_json

    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, open_only=False)
    kind = case_kind(s, visit.service) or "renewal"
    case = case_of(s, visit.id)
    check = latest_check(s, visit.id)
    vehicle = s.get(Vehicle, case.vehicle_id) if case else (
        s.get(Vehicle, check.vehicle_id) if check and check.vehicle_id else None)
    result = _check_result(s, check, visit, vehicle) if check else None
    stop = None
    if case is None and result is not None and result.passed is False:
        stop = tr("samsat.check.mismatch", detail="; ".join(result.problems),
                  ticket=visit.ticket)
    owner = s.get(Person, case.owner_id) if case and case.owner_id else (
        vehicle.owner if vehicle else None)
    status = case.status if case else ("checked" if check else "new")
    payment = s.get(Payment, case.payment_id) if case and case.payment_id else None
    end = case.handed_over_at if case and case.handed_over_at else (visit.closed_at or now)
    return CaseView(
        visit_id=visit.id, ticket=visit.ticket, service_code=visit.service.code,
        service_name=visit.service.name, kind=case.kind if case else kind, status=status,
        visit_status=visit.status.value, check=result, stop_reason=stop,
        vehicle=vehicle_json(vehicle) if vehicle else None,
        owner={"nik": owner.nik, "name": owner.name, "address": owner.address}
        if owner else None,
        registered_at=case.registered_at if case else None,
        registered_by=case.registered_by if case else "",
        payment_id=payment.id if payment else None,
        receipt_number=_document_number(s, payment.id, RECEIPT_KIND) if payment else None,
        skpd_number=_document_number(s, payment.id, SKPD_KIND) if payment else None,
        paid_total=payment.amount if payment else None,
        handed_over_at=case.handed_over_at if case else None,
        handed_over_by=case.handed_over_by if case else "",
        handed_to=case.handed_to if case else "", timing=timing(visit, end),
        zone=s.get_one(Office, visit.office_id).zone.value)


# --- loket 1: registration ---------------------------------------------------------------


def _check_passes(session: Session, visit: Visit, vehicle: Vehicle) -> VehicleCheck:
    check = latest_check(session, visit.id)
    if check is None:
        raise LoketError("samsat.check.missing", ticket=visit.ticket)
    problems = _problems(check, vehicle)
    if problems:
        raise LoketError("samsat.check.mismatch", detail="; ".join(problems),
                         ticket=visit.ticket)
    return check


def register_case(uow: UnitOfWork, visit_id: int, *, plate: str, nik: str,
                  actor: Actor,
                  now: datetime | None = None, note: str = "",
                  override: bool = False) -> CaseView:
    """Loket 1: register the visit's STNK case, or refuse with the reason and save nothing.

    Refuses when the vehicle (by plate) or the owner (by NIK) is not registered, when the
    NIK is not the vehicle's registered owner, when cek fisik is missing or does not match
    the register, or when a requirement of the service is not ticked (then the counter
    issues the "berkas tidak lengkap" slip with :func:`app.desk.visit.finish_incomplete`).
    A vehicle with no owner on record gets this owner.
    """
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, lock=True)
    who = _acting(s, actor, visit, now)
    require_at_work(s, visit, "samsat-registration", actor=actor, override=override, now=now)
    note = parse_text(note, "note", 500)
    vehicle = find_vehicle(s, plate)
    if vehicle is None:
        raise LoketError("samsat.vehicle.unknown", plate=str(parse_plate(plate)))
    person = find_person(s, nik, today=_office_day(s, visit, now))
    if person is None:
        raise LoketError("samsat.person.unknown", nik=str(nik).strip()[:20])
    if vehicle.owner_id is not None and vehicle.owner_id != person.id:
        raise LoketError("samsat.owner.mismatch", nik=person.nik, plate=vehicle.plate)
    existing = case_of(s, visit.id)
    if existing is not None:
        registered = s.get(Vehicle, existing.vehicle_id)
        raise LoketError("samsat.case.exists", ticket=visit.ticket,
                         plate=registered.plate if registered else "-")
    check = _check_passes(s, visit, vehicle)
    missing = missing_requirements(visit)
    if missing:
        raise LoketError("samsat.requirements.missing", missing="; ".join(missing))
    uid = who.user_id
    case = StnkCase(office_id=visit.office_id, visit_id=visit.id, vehicle_id=vehicle.id,
                    owner_id=person.id, check_id=check.id,
                    kind=case_kind(s, visit.service) or "renewal", status="registered",
                    registered_at=now, registered_by=who.name, registered_user_id=uid,
                    note=note)
    s.add(case)
    if vehicle.owner_id is None:
        vehicle.owner_id = person.id
        audit.record(s, actor=who.name, user_id=uid, office_id=visit.office_id,
                     action="vehicle.owner", entity="vehicle", entity_id=vehicle.id, at=now,
                     before={"owner_id": None}, after={"owner_id": person.id})
    s.flush()
    audit.record(s, actor=who.name, user_id=uid, office_id=visit.office_id,
                 action="samsat.registered", entity="visit", entity_id=visit.id, at=now,
                 after={"case_id": case.id, "plate": vehicle.plate, "nik": person.nik,
                        "kind": case.kind, "check_id": check.id})
    uow.commit()
    return case_view(uow, visit.id, now=now)


# --- loket 2: the bill and the payment --------------------------------------------------


@dataclass(frozen=True)
class BillLineView:
    code: str
    description: str
    rule: str
    amount: Decimal
    year: int | None


@dataclass(frozen=True)
class BillView:
    """What the payment panel shows: every line with its rule, in the order paid."""

    visit_id: int
    ticket: str
    plate: str
    on: date
    lines: tuple[BillLineView, ...]
    total: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"visit_id": self.visit_id, "ticket": self.ticket, "plate": self.plate,
                "on": self.on.isoformat(), "total": str(self.total),
                "lines": [{"code": ln.code, "description": ln.description, "rule": ln.rule,
                           "year": ln.year, "amount": str(ln.amount)} for ln in self.lines]}


def _tariffs() -> ModuleType:
    from app.tariffs import stnk

    return stnk


def _compute_bill(session: Session, vehicle: Vehicle, on: date) -> tuple[Any, BillView]:
    bill = _tariffs().bill_for_plate(session, vehicle.plate, on=on)
    lines = []
    for line in bill.lines:
        amount = Decimal(line.amount)
        if amount != amount.to_integral_value() or amount < 0:
            raise LoketError("samsat.payment.bad_bill", plate=vehicle.plate,
                             reason=f"{line.code} {amount}")
        lines.append(BillLineView(str(line.code), str(line.description), str(line.rule or ""),
                                  amount, getattr(line, "year", None)))
    total = Decimal(bill.total)
    if total != sum((ln.amount for ln in lines), Decimal(0)):
        raise LoketError("samsat.payment.bad_bill", plate=vehicle.plate,
                         reason=f"total {total} != sum of lines")
    return bill, BillView(0, "", vehicle.plate, on, tuple(lines), total)


def _office_day(session: Session, visit: Visit, now: datetime) -> date:
    office = session.get_one(Office, visit.office_id)
    return local_day(now, office.zone)


def bill_for_visit(uow: UnitOfWork, visit_id: int, *, now: datetime | None = None
                   ) -> BillView:
    """The bill of the visit's registered vehicle on the office's day ``now``."""
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, open_only=False)
    case = case_of(s, visit.id)
    if case is None:
        raise LoketError("samsat.case.missing", ticket=visit.ticket)
    vehicle = s.get_one(Vehicle, case.vehicle_id)
    _, view = _compute_bill(s, vehicle, _office_day(s, visit, now))
    return BillView(visit.id, visit.ticket, view.plate, view.on, view.lines, view.total)


def paid_bill(uow: UnitOfWork, visit_id: int) -> BillView | None:
    """The lines of the visit's recorded payment (as paid), or None when not paid."""
    s = uow.session
    visit = _visit(s, visit_id, open_only=False)
    case = case_of(s, visit.id)
    if case is None or case.payment_id is None:
        return None
    payment = s.get_one(Payment, case.payment_id)
    vehicle = s.get_one(Vehicle, case.vehicle_id)
    office = s.get_one(Office, visit.office_id)
    lines = tuple(BillLineView(ln.code, ln.description, ln.rule, ln.amount, ln.year)
                  for ln in payment.lines)
    return BillView(visit.id, visit.ticket, vehicle.plate,
                    local_day(payment.received_at, office.zone), lines, payment.amount)


def parse_method(value: object) -> PaymentMethod:
    raw = str(value if value is not None else "").strip().lower()
    aliases = {"tunai": "cash", "bank": "transfer", "kode billing": "billing"}
    raw = aliases.get(raw, raw)
    try:
        return PaymentMethod(raw)
    except ValueError:
        raise LoketError("samsat.payment.method", value=str(value)[:20]) from None


def parse_reference(value: object, method: PaymentMethod) -> str:
    """A bank or billing reference (letters, digits, / and -); required unless cash."""
    raw = " ".join(str(value if value is not None else "").split()).upper().replace(" ", "")
    if not raw:
        if method is not PaymentMethod.CASH:
            raise LoketError("samsat.payment.reference", method=METHOD_NAMES[method.value])
        return ""
    if not raw.isascii() or not _REFERENCE.match(raw):
        raise LoketError("samsat.payment.reference_format", value=str(value)[:40])
    return raw


def parse_tendered(value: object) -> Decimal | None:
    """Cash handed over by the visitor: whole rupiah above zero, or None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        try:
            amount: Decimal | None = Decimal(value)
        except (ArithmeticError, ValueError):
            amount = None
        if amount is not None and (not amount.is_finite()
                                   or amount != amount.to_integral_value()):
            amount = None
    elif isinstance(value, str):
        amount = parse_rupiah(value)
    else:
        amount = None
    if amount is None or amount <= 0 or amount >= Decimal(10) ** 15:
        raise LoketError("samsat.payment.tendered_invalid", value=str(value)[:40])
    return amount


def cash_change(total: Decimal, tendered: Decimal) -> Decimal:
    """Change to give back for ``tendered`` cash; negative: how much is still short."""
    return tendered - total


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    visit_id: int
    ticket: str
    plate: str
    method: str
    reference: str
    total: Decimal
    tendered: Decimal | None
    change: Decimal | None
    lines: tuple[BillLineView, ...]
    skpd_number: str
    receipt_number: str
    skpd_document_id: int
    receipt_document_id: int
    tax_due_on: date
    stnk_valid_until: date
    paid_at: datetime
    skpd_pdf: bytes = field(repr=False, default=b"")
    receipt_pdf: bytes = field(repr=False, default=b"")

    def to_json(self) -> dict[str, Any]:
        return {
            "payment_id": self.payment_id, "visit_id": self.visit_id, "ticket": self.ticket,
            "plate": self.plate, "method": self.method, "reference": self.reference,
            "total": str(self.total),
            "tendered": None if self.tendered is None else str(self.tendered),
            "change": None if self.change is None else str(self.change),
            "lines": [{"code": ln.code, "description": ln.description, "rule": ln.rule,
                       "year": ln.year, "amount": str(ln.amount)} for ln in self.lines],
            "skpd_number": self.skpd_number, "receipt_number": self.receipt_number,
            "skpd_document_id": self.skpd_document_id,
            "receipt_document_id": self.receipt_document_id,
            "tax_due_on": self.tax_due_on.isoformat(),
            "stnk_valid_until": self.stnk_valid_until.isoformat(),
            "paid_at": self.paid_at.isoformat(),
        }


def _settlement(bill: Any) -> tuple[date, date]:
    """The vehicle's new tax due date and STNK validity once ``bill`` is paid."""
    settled = _tariffs().settle(bill)
    return settled.tax_due_on, settled.stnk_valid_until


# the numbers of the papers; an office may set its own in its setting ``samsat_numbers``
# ({"skpd": "...", "receipt": "..."}, with {n} the yearly serial, {office}, {year})
NUMBER_FORMATS = {"skpd": "{n:06d}/SKPD/{office}/{year}", "receipt": "{n:06d}/KW/{office}/{year}"}


def number_format(office: Office, series: str) -> str:
    """The office's format of ``series``, checked (LoketError naming the bad setting)."""
    fmt = settings_of(office).samsat_numbers.get(series) or NUMBER_FORMATS[series]
    try:
        sample = fmt.format(n=1, office=office.code, year=2026)
    except (KeyError, IndexError, ValueError, AttributeError):
        sample = ""
    if not sample or "1" not in sample or len(sample) > 64:
        raise LoketError("samsat.number_format", series=series, format=fmt)
    return fmt


def _number(session: Session, office: Office, series: str, on: date) -> str:
    fmt = number_format(office, series)
    n = next_in_series(session, office.id, f"samsat-{series}", str(on.year))
    return fmt.format(n=n, office=office.code, year=on.year)


def record_payment(uow: UnitOfWork, visit_id: int, *, method: str, reference: str = "",
                   amount_tendered: object = None, expected_total: Decimal | None = None,
                   actor: Actor, now: datetime | None = None,
                   override: bool = False) -> PaymentResult:
    """Loket 2: take the payment of the visit's bill, once.

    Writes the payment and one payment line per bill line (with its rule), moves the
    vehicle's tax due date and STNK validity on, numbers and issues the SKPD/notice and the
    receipt (PDFs kept in ``documents``), all in one transaction. Transfer and billing-code
    payments need a reference; a cash amount tendered must cover the bill. With
    ``expected_total`` (what the officer saw) a bill that changed meanwhile is refused.
    """
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, lock=True)
    who = _acting(s, actor, visit, now)
    pay_method = parse_method(method)
    ref = parse_reference(reference, pay_method)
    tendered = parse_tendered(amount_tendered)
    if tendered is not None and pay_method is not PaymentMethod.CASH:
        raise LoketError("samsat.payment.tendered_cash_only")
    require_at_work(s, visit, "samsat-payment", actor=actor, override=override, now=now)
    case = case_of(s, visit.id, lock=True)
    if case is None:
        raise LoketError("samsat.case.missing", ticket=visit.ticket)
    if case.status == CANCELLED:
        raise LoketError("samsat.case.cancelled", ticket=visit.ticket)
    if case.payment_id is not None:
        raise LoketError("samsat.payment.done", ticket=visit.ticket,
                         receipt=_document_number(s, case.payment_id, RECEIPT_KIND) or "-")
    office = s.get_one(Office, visit.office_id)
    vehicle = s.get_one(Vehicle, case.vehicle_id, with_for_update=True)
    owner = s.get(Person, case.owner_id) if case.owner_id else None
    on = local_day(now, office.zone)
    bill, view = _compute_bill(s, vehicle, on)
    if not view.lines:
        raise LoketError("samsat.payment.empty", plate=vehicle.plate)
    if expected_total is not None and Decimal(expected_total) != view.total:
        raise LoketError("samsat.payment.bill_changed", expected=format_rupiah(
            Decimal(expected_total)), total=format_rupiah(view.total))
    if tendered is not None and tendered < view.total:
        raise LoketError("samsat.payment.tendered", tendered=format_rupiah(tendered),
                         total=format_rupiah(view.total))
    tax_due_on, stnk_valid_until = _settlement(bill)
    for series in NUMBER_FORMATS:
        number_format(office, series)  # a bad office setting refuses before any write
    uid = who.user_id

    payment = Payment(office_id=office.id, visit_id=visit.id, method=pay_method,
                      amount=view.total, reference=ref, received_by=uid, received_at=now)
    payment.lines = [PaymentLine(position=i, code=ln.code, description=ln.description,
                                 rule=ln.rule, year=ln.year, amount=ln.amount)
                     for i, ln in enumerate(view.lines)]
    s.add(payment)
    s.flush()
    skpd_number = _number(s, office, "skpd", on)
    receipt_number = _number(s, office, "receipt", on)
    change = cash_change(view.total, tendered) if tendered is not None else None
    before = {"tax_due_on": vehicle.tax_due_on.isoformat(),
              "stnk_valid_until": vehicle.stnk_valid_until.isoformat()}
    paper = docs.PaymentPaper(
        office_name=office.name, zone=office.zone.value, ticket=visit.ticket,
        service_name=visit.service.name, plate=vehicle.plate,
        owner_name=owner.name if owner else "", owner_nik=owner.nik if owner else "",
        owner_address=owner.address if owner else "",
        vehicle=(f"{vehicle.make} {vehicle.model}".strip() or "-"),
        category=vehicle.category, year_made=vehicle.year_made,
        color=vehicle.color, chassis_no=vehicle.chassis_no, engine_no=vehicle.engine_no,
        swdkllj_class=vehicle.swdkllj_class,
        lines=tuple(docs.PaperLine(ln.description, ln.year, ln.rule, ln.amount)
                    for ln in view.lines),
        total=view.total, method=METHOD_NAMES[pay_method.value], reference=ref,
        tendered=tendered, change=change, paid_at=local(now, office.zone),
        officer=who.name, skpd_number=skpd_number, receipt_number=receipt_number,
        previous_tax_due_on=vehicle.tax_due_on, tax_due_on=tax_due_on,
        stnk_valid_until=stnk_valid_until)
    head = letterhead(office)
    skpd_pdf = docs.skpd_pdf(paper, head)
    receipt_pdf = docs.receipt_pdf(paper, head)
    data = {"ticket": visit.ticket, "plate": vehicle.plate, "total": str(view.total),
            "method": pay_method.value, "reference": ref}
    skpd_doc = save_document(s, office_id=office.id, kind=SKPD_KIND, number=skpd_number,
                             pdf=skpd_pdf, data=data | {"lines": [
                                 [ln.code, ln.description, ln.year, str(ln.amount)]
                                 for ln in view.lines]},
                             visit_id=visit.id, payment_id=payment.id, issued_by=uid, now=now)
    receipt_doc = save_document(s, office_id=office.id, kind=RECEIPT_KIND,
                                number=receipt_number, pdf=receipt_pdf,
                                data=data | {"skpd": skpd_number}, visit_id=visit.id,
                                payment_id=payment.id, issued_by=uid, now=now)
    vehicle.tax_due_on, vehicle.stnk_valid_until = tax_due_on, stnk_valid_until
    vehicle.updated_at = now
    case.payment_id, case.status, case.paid_by = payment.id, "paid", who.name
    audit.record(s, actor=who.name, user_id=uid, office_id=office.id,
                 action="payment.recorded", entity="payment", entity_id=payment.id, at=now,
                 after=data | {"visit_id": visit.id, "skpd": skpd_number,
                               "receipt": receipt_number, "lines": len(view.lines)})
    audit.record(s, actor=who.name, user_id=uid, office_id=office.id,
                 action="vehicle.settled", entity="vehicle", entity_id=vehicle.id, at=now,
                 before=before, after={"tax_due_on": tax_due_on.isoformat(),
                                       "stnk_valid_until": stnk_valid_until.isoformat(),
                                       "payment_id": payment.id})
    result = PaymentResult(
        payment.id, visit.id, visit.ticket, vehicle.plate, pay_method.value, ref, view.total,
        tendered, change, view.lines, skpd_number, receipt_number, skpd_doc.id,
        receipt_doc.id, tax_due_on, stnk_valid_until, now, skpd_pdf, receipt_pdf)
    uow.commit()
    return result


# --- loket 3: hand-over ----------------------------------------------------------------


@dataclass(frozen=True)
class HandoverResult:
    visit_id: int
    ticket: str
    plate: str
    handed_to: str
    handed_over_by: str
    handed_over_at: datetime
    endorsed: bool
    stamped: bool
    timing: Timing

    def to_json(self) -> dict[str, Any]:
        return {"visit_id": self.visit_id, "ticket": self.ticket, "plate": self.plate,
                "handed_to": self.handed_to, "handed_over_by": self.handed_over_by,
                "handed_over_at": self.handed_over_at.isoformat(), "endorsed": self.endorsed,
                "stamped": self.stamped, "timing": self.timing.to_json()}


def record_handover(uow: UnitOfWork, visit_id: int, *, handed_to: str, endorsed: bool,
                    stamped: bool, actor: Actor, now: datetime | None = None,
                    note: str = "", override: bool = False) -> HandoverResult:
    """Loket 3: the endorsed and stamped STNK is handed to ``handed_to``; the visit's total
    time (ticket to hand-over) is measured against the service's standard."""
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, lock=True)
    who = _acting(s, actor, visit, now)
    to = parse_text(handed_to, "handed_to", 200, required=True)
    note = parse_text(note, "note", 500)
    require_at_work(s, visit, "samsat-handover", actor=actor, override=override, now=now)
    case = case_of(s, visit.id, lock=True)
    if case is None:
        raise LoketError("samsat.case.missing", ticket=visit.ticket)
    if case.payment_id is None:
        raise LoketError("samsat.handover.unpaid", ticket=visit.ticket)
    office = s.get_one(Office, visit.office_id)
    if case.handed_over_at is not None:
        raise LoketError("samsat.handover.done", ticket=visit.ticket,
                         at=f"{local(case.handed_over_at, office.zone):%d-%m-%Y %H:%M}")
    if not (endorsed and stamped):
        raise LoketError("samsat.handover.not_endorsed")
    uid = who.user_id
    case.handed_over_at, case.handed_over_by, case.handed_over_user_id = now, who.name, uid
    case.handed_to, case.endorsed, case.stamped, case.status = to, True, True, "handed_over"
    if note:
        case.note = f"{case.note}\n{note}".strip()
    vehicle = s.get_one(Vehicle, case.vehicle_id)
    result = HandoverResult(visit.id, visit.ticket, vehicle.plate, to, who.name, now, True,
                            True, timing(visit, now))
    audit.record(s, actor=who.name, user_id=uid, office_id=office.id,
                 action="samsat.handover", entity="visit", entity_id=visit.id, at=now,
                 after={"handed_to": to, "endorsed": True, "stamped": True,
                        "minutes": round(result.timing.minutes, 1),
                        "verdict": result.timing.verdict})
    uow.commit()
    return result


# --- a supervisor cancels an unpaid case ----------------------------------------------


def cancel_case(uow: UnitOfWork, visit_id: int, *, reason: str, actor: Actor,
                now: datetime | None = None) -> CaseView:
    """A supervisor cancels the visit's registered, unpaid case, with a reason: the only way
    an unpaid bill leaves loket 2 (then as "cancelled"). Officers are refused; a paid case
    cannot be cancelled here (the money was taken)."""
    now = moment(now)
    s = uow.session
    visit = _visit(s, visit_id, lock=True)
    supervisor = access.require(s, actor, Act.CANCEL, office_id=visit.office_id, now=now)
    why = parse_text(reason, "reason", 500, required=True)
    case = case_of(s, visit.id, lock=True)
    if case is None:
        raise LoketError("samsat.case.missing", ticket=visit.ticket)
    if case.payment_id is not None:
        raise LoketError("samsat.cancel.paid", ticket=visit.ticket)
    if case.status == CANCELLED:
        raise LoketError("samsat.case.cancelled", ticket=visit.ticket)
    before = case.status
    case.status = CANCELLED
    case.note = f"{case.note}\n{tr('samsat.cancel.note', reason=why)}".strip()
    audit.record(s, actor=supervisor.name, user_id=supervisor.user_id,
                 office_id=visit.office_id, action="samsat.cancelled", entity="visit",
                 entity_id=visit.id, at=now,
                 before={"status": before}, after={"status": CANCELLED, "reason": why})
    uow.commit()
    return case_view(uow, visit.id, now=now)
