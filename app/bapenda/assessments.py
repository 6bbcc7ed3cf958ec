"""Regional tax assessments (SKPD, STPD, SPTPD): look-up, the bill with interest on
arrears, and the payment with its SSPD receipt.

The interest is the tariffs helper's rule (:mod:`app.tariffs.interest`): the table named by
the office setting ``interest_table`` (default ``regional-tax-interest``), the entry in
force on the day of payment, a rate per started month late, capped (24 months). An SKPD or
SPTPD paid after its due date bears it; an STPD (itself a claim of interest) does not.

Paying records a ``payments`` row with its lines (principal, interest), marks the
assessment paid with a conditional UPDATE (so it is paid once, even by two counters at the
same moment), and stores the SSPD PDF in ``documents``: all in one transaction. Issuing an
assessment and taking a payment are counter work (an officer, :mod:`app.access`, asked
before anything is written); a bill only reads and asks nothing. Paying for a visit
belongs to the counter that has called or is serving it (work ``tax-payment``, a
supervisor may override, audited); the visit leaves the desk only with its payment
recorded (:mod:`app.bapenda.rules`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

import app.bapenda.messages  # noqa: F401  (registers the messages)
from app import access, audit
from app.access import Act, Actor
from app.bapenda.formats import Formats, load_formats
from app.bapenda.taxpayers import _city, document_number, find_taxpayer, visit_at_work
from app.clock import local, local_day
from app.errors import LoketError
from app.inputs import check_day
from app.money import format_rupiah, parse_rupiah
from app.office_settings import settings_of
from app.queue.engine import resolve_office
from app.store import UnitOfWork
from db.enums import PaymentMethod
from db.models import Office, Payment, PaymentLine
from db.models_bapenda import ASSESSMENT_KINDS, TaxAssessment, Taxpayer

if TYPE_CHECKING:  # imported where used, so that this module loads without it
    from app.tariffs.interest import InterestRule

SSPD_KIND = "sspd"
WORK = "tax-payment"  # the work of the desk (resources/panels/work-panels.yaml)
INTEREST_KINDS = ("SKPD", "SPTPD")  # an STPD bears no further interest
METHOD_NAMES = {"cash": "Tunai", "transfer": "Transfer bank", "billing": "Kode billing"}
MAX_PRINCIPAL = Decimal(10) ** 13  # Rp10 triliun: beyond any regional tax bill
_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\-]{0,47}$")
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\-]{0,99}$")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


# --- validators (never raise anything but LoketError) ----------------------------------------


def parse_period(value: object) -> str:
    text = str(value or "").strip()
    match = _PERIOD.match(text) if text.isascii() else None
    if match is None:
        raise LoketError("bapenda.bad_period", value=text[:20])
    year, month = int(match.group(1)), match.group(2)
    if not 2000 <= year <= 2100 or (month is not None and not 1 <= int(month) <= 12):
        raise LoketError("bapenda.bad_period", value=text[:20])
    return f"{year}-{int(month):02d}" if month is not None else str(year)


def parse_amount(value: object) -> Decimal:
    """A principal above zero in whole rupiah: ``Decimal``/``int`` or typed text."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        try:
            amount = Decimal(value)
            ok = amount.is_finite() and amount == amount.to_integral_value()
            # more digits than the context holds cannot be quantized: too big anyway
            amount = amount.quantize(Decimal(1)) if ok else amount
        except (InvalidOperation, ValueError):
            ok = False
        if not ok:
            raise LoketError("bapenda.bad_amount", value=str(value)[:30])
    else:
        parsed = parse_rupiah(str(value or ""))
        if parsed is None:
            raise LoketError("bapenda.bad_amount", value=str(value)[:30])
        amount = parsed
    if amount <= 0 or amount >= MAX_PRINCIPAL:
        raise LoketError("bapenda.bad_amount", value=str(value)[:30])
    return amount


def parse_day(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(value or "").strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise LoketError("bapenda.bad_date", value=text[:20]) from None
    return check_day(day, text)


def parse_kind(value: object) -> str:
    kind = str(value or "").strip().upper()
    if kind not in ASSESSMENT_KINDS:
        raise LoketError("bapenda.bad_assessment_kind", value=str(value)[:20],
                         choices=", ".join(ASSESSMENT_KINDS))
    return kind


def parse_method(value: object) -> PaymentMethod:
    text = str(value or "").strip().lower()
    aliases = {"tunai": "cash", "bank": "transfer", "kode-billing": "billing"}
    try:
        return PaymentMethod(aliases.get(text, text))
    except ValueError:
        raise LoketError("bapenda.bad_method", value=str(value)[:20],
                         choices=", ".join(m.value for m in PaymentMethod)) from None


def parse_reference(value: object, method: PaymentMethod) -> str:
    text = str(value or "").strip()
    if not text:
        if method is PaymentMethod.BILLING:
            raise LoketError("bapenda.reference_required", method=METHOD_NAMES[method.value])
        return ""
    if not (text.isascii() and _REFERENCE.match(text)):
        raise LoketError("bapenda.bad_reference", value=text[:40])
    return text


def plus_months(day: date, months: int) -> date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    for last in (31, 30, 29, 28):
        try:
            return date(year, month0 + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentInfo:
    id: int
    office: str
    kind: str
    number: str
    npwpd: str
    name: str
    address: str
    taxpayer_status: str
    tax_type: str
    tax_type_name: str
    period: str
    principal: Decimal
    due_on: date
    issued_on: date
    paid_at: datetime | None
    payment_id: int | None
    parent_number: str | None = None

    @property
    def paid(self) -> bool:
        return self.paid_at is not None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "office": self.office, "kind": self.kind, "number": self.number,
                "npwpd": self.npwpd, "name": self.name, "tax_type": self.tax_type,
                "tax_type_name": self.tax_type_name, "period": self.period,
                "principal": int(self.principal), "due_on": self.due_on.isoformat(),
                "issued_on": self.issued_on.isoformat(),
                "paid_at": self.paid_at.isoformat() if self.paid_at else None,
                "payment_id": self.payment_id, "parent": self.parent_number}


@dataclass(frozen=True)
class BillLine:
    code: str  # "pokok" | "bunga"
    description: str
    rule: str
    amount: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "description": self.description, "rule": self.rule,
                "amount": int(self.amount), "amount_text": format_rupiah(self.amount)}


@dataclass(frozen=True)
class Bill:
    assessment: AssessmentInfo
    on: date
    months_late: int
    lines: tuple[BillLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {"assessment": self.assessment.to_json(), "on": self.on.isoformat(),
                "months_late": self.months_late,
                "lines": [line.to_json() for line in self.lines], "total": int(self.total),
                "total_text": format_rupiah(self.total)}


@dataclass(frozen=True)
class PaymentInfo:
    payment_id: int
    bill: Bill
    method: str
    reference: str
    received_at: datetime
    sspd_number: str
    document_id: int
    stpd: AssessmentInfo | None = None  # issued for the interest instead of charging it

    def to_json(self) -> dict[str, Any]:
        return {"payment_id": self.payment_id, "method": self.method,
                "reference": self.reference or None,
                "received_at": self.received_at.isoformat(), "sspd": self.sspd_number,
                "document_id": self.document_id,
                "stpd": self.stpd.to_json() if self.stpd else None} | self.bill.to_json()


def _tax_name(formats: Formats, code: str) -> str:
    try:
        return formats.tax_type(code).name
    except LoketError:
        return code


def _info(s: Session, office: Office, a: TaxAssessment, formats: Formats) -> AssessmentInfo:
    t = s.get(Taxpayer, a.taxpayer_id)
    assert t is not None
    parent = s.get(TaxAssessment, a.parent_id) if a.parent_id else None
    return AssessmentInfo(
        id=a.id, office=office.code, kind=a.kind, number=a.number, npwpd=t.npwpd, name=t.name,
        address=t.address, taxpayer_status=t.status, tax_type=a.tax_type,
        tax_type_name=_tax_name(formats, a.tax_type), period=a.period, principal=a.principal,
        due_on=a.due_on, issued_on=a.issued_on, paid_at=a.paid_at, payment_id=a.payment_id,
        parent_number=parent.number if parent else None)


def _next_number(s: Session, office: Office, rules: Any, day: date, kind: str) -> str:
    """The office's next assessment number of ``kind``, skipping one typed by hand."""
    while True:
        number = document_number(s, office, rules, "assessment", day, doc=kind)
        if s.scalar(select(TaxAssessment.id).where(TaxAssessment.office_id == office.id,
                                                   TaxAssessment.number == number)) is None:
            return number


# --- assess -------------------------------------------------------------------------------------


def assess(uow: UnitOfWork, npwpd: str, *, principal: object, period: object,
           kind: str = "SKPD", tax_type: str | None = None, due_on: object = None,
           issued_on: object = None, number: str | None = None,
           office_code: str | None = None, actor: Actor,
           parent_id: int | None = None, formats: Formats | None = None,
           now: datetime | None = None) -> AssessmentInfo:
    """Issue an assessment for an active taxpayer (its number from the office's format
    unless given); due one month after issue unless ``due_on`` is given. Counter work (an
    officer). Commits."""
    now = now or datetime.now(UTC)
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
    formats = formats or load_formats()
    kind = parse_kind(kind)
    amount = parse_amount(principal)
    period = parse_period(period)
    issued = parse_day(issued_on) if issued_on not in (None, "") else \
        local_day(now, office.zone)
    due = parse_day(due_on) if due_on not in (None, "") else plus_months(issued, 1)
    if due < issued:
        raise LoketError("bapenda.due_before_issue", due=due,
                         issued=issued)
    taxpayer = find_taxpayer(s, office, npwpd)
    if taxpayer.status != "active":
        raise LoketError("bapenda.inactive", npwpd=taxpayer.npwpd)
    tax = formats.tax_type(tax_type) if tax_type else formats.tax_type(taxpayer.tax_type)
    if number is not None and str(number).strip():
        number = str(number).strip()
        if not (number.isascii() and _NUMBER.match(number)):
            raise LoketError("bapenda.bad_number", value=number[:50])
        if s.scalar(select(TaxAssessment.id).where(TaxAssessment.office_id == office.id,
                                                   TaxAssessment.number == number)):
            raise LoketError("bapenda.number_taken", number=number, office=office.code)
    else:
        number = _next_number(s, office, formats.rules(office.code, issued), issued, kind)
    a = TaxAssessment(office_id=office.id, kind=kind, number=number, taxpayer_id=taxpayer.id,
                      tax_type=tax.code, period=period, principal=amount, due_on=due,
                      issued_on=issued, issued_by=who.name, parent_id=parent_id,
                      created_at=now)
    s.add(a)
    s.flush()
    audit.record(s, actor=who.name, action="tax.assess", entity="tax_assessment",
                 entity_id=a.id, office_id=office.id, user_id=who.user_id, at=now,
                 after={"kind": kind, "number": number, "npwpd": taxpayer.npwpd,
                        "tax_type": tax.code, "period": period, "principal": int(amount),
                        "due_on": due.isoformat(), "issued_on": issued.isoformat()})
    info = _info(s, office, a, formats)
    uow.commit()
    return info


# --- look-up and bill ---------------------------------------------------------------------------


def _find(s: Session, office: Office, number: str) -> TaxAssessment:
    text = str(number or "").strip()
    found = s.scalar(select(TaxAssessment).where(TaxAssessment.office_id == office.id,
                                                 TaxAssessment.number == text))
    if found is None:
        raise LoketError("bapenda.unknown_assessment", value=text[:50], office=office.code)
    return found


def lookup_assessment(uow: UnitOfWork, ref: str, *, office_code: str | None = None,
                      unpaid_only: bool = False,
                      formats: Formats | None = None) -> list[AssessmentInfo]:
    """Assessments by number, or all of an NPWPD (oldest due first)."""
    s = uow.session
    office = resolve_office(s, office_code)
    formats = formats or load_formats()
    text = str(ref or "").strip()
    one = s.scalar(select(TaxAssessment).where(TaxAssessment.office_id == office.id,
                                               TaxAssessment.number == text)) if text else None
    if one is not None:
        found = [one]
    else:
        try:
            taxpayer = find_taxpayer(s, office, text)
        except LoketError:
            raise LoketError("bapenda.unknown_assessment", value=text[:50],
                             office=office.code) from None
        query = select(TaxAssessment).where(TaxAssessment.taxpayer_id == taxpayer.id)
        if unpaid_only:
            query = query.where(TaxAssessment.paid_at.is_(None))
        found = list(s.scalars(query.order_by(TaxAssessment.due_on, TaxAssessment.id)))
        if not found:
            raise LoketError("bapenda.nothing_found", value=text[:50])
    return [_info(s, office, a, formats) for a in found]


def interest_rule(office: Office, on: date) -> InterestRule:
    from app.tariffs.interest import load_interest_rule

    table = settings_of(office).interest_table
    return load_interest_rule(table, on)


def bill_lines(info: AssessmentInfo, on: date, rule: Any) -> tuple[int, tuple[BillLine, ...]]:
    """Principal, and interest for an SKPD/SPTPD paid late: (months late, lines)."""
    from app.tariffs.interest import late_interest, months_late

    lines = [BillLine("pokok", f"Pokok {info.tax_type_name} masa {info.period}",
                      f"{info.kind} {info.number}, jatuh tempo {info.due_on:%d-%m-%Y}",
                      info.principal)]
    months = months_late(info.due_on, on)
    if info.kind in INTEREST_KINDS and months > 0:
        interest = late_interest(info.principal, info.due_on, on, rule)
        lines.append(BillLine("bunga", f"Bunga keterlambatan {months} bulan",
                              rule.explain(info.principal, months), interest))
    return months, tuple(lines)


def _bill(s: Session, office: Office, a: TaxAssessment, on: date, formats: Formats) -> Bill:
    info = _info(s, office, a, formats)
    if info.paid_at is not None:
        raise LoketError("bapenda.already_paid", number=info.number,
                         paid=local(info.paid_at, office.zone).strftime("%Y-%m-%d %H:%M"),
                         payment=info.payment_id)
    if on < info.issued_on:
        raise LoketError("bapenda.paid_before_issue", on=on,
                         issued=info.issued_on)
    rule = interest_rule(office, on)
    months, lines = bill_lines(info, on, rule)
    return Bill(info, on, months, lines)


def bill(uow: UnitOfWork, number: str, *, on: object = None, office_code: str | None = None,
         formats: Formats | None = None, now: datetime | None = None) -> Bill:
    """What paying the assessment on ``on`` (default: today at the office) costs."""
    s = uow.session
    office = resolve_office(s, office_code)
    day = parse_day(on) if on not in (None, "") else \
        local_day(now or datetime.now(UTC), office.zone)
    return _bill(s, office, _find(s, office, number), day, formats or load_formats())


# --- pay ------------------------------------------------------------------------------------------


def pay(uow: UnitOfWork, number: str, *, method: object, reference: object = "",
        office_code: str | None = None, actor: Actor,
        visit_id: int | None = None, formats: Formats | None = None,
        issue_stpd: bool = False, now: datetime | None = None,
        override: bool = False) -> PaymentInfo:
    """Take the payment of an assessment today (principal + interest), once; commits.

    The payment and its lines, the assessment marked paid, the SSPD PDF and the audit
    entry are saved together, or nothing is. ``issue_stpd``: for a late self-assessed
    return (SPTPD) the principal is paid now and the interest is claimed by a new STPD
    (due one month later) instead of being charged on this payment. Counter work (an
    officer); for a visit: only at the counter serving it (or a supervisor's override)."""
    from app.document_archive import letterhead, save_document
    from printing.bapenda_documents import SspdData, sspd_pdf

    now = now or datetime.now(UTC)
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
    visit_at_work(s, office, visit_id, WORK, actor=who.actor, override=override,
                  now=now)
    formats = formats or load_formats()
    pay_method = parse_method(method)
    ref = parse_reference(reference, pay_method)
    a = _find(s, office, number)
    today = local_day(now, office.zone)
    the_bill = _bill(s, office, a, today, formats)
    interest = [line for line in the_bill.lines if line.code == "bunga"]
    split = issue_stpd and a.kind == "SPTPD" and bool(interest)
    if split:
        the_bill = dataclasses.replace(the_bill, lines=tuple(
            line for line in the_bill.lines if line.code != "bunga"))
    total = the_bill.total
    year = int(a.period[:4])
    payment = Payment(office_id=office.id, visit_id=visit_id, method=pay_method, amount=total,
                      reference=ref, received_by=who.user_id, received_at=now)
    payment.lines = [PaymentLine(position=i, code=f"{line.code}-{a.tax_type}"[:48],
                                 description=line.description[:300], rule=line.rule,
                                 year=year, amount=line.amount)
                     for i, line in enumerate(the_bill.lines, 1)]
    s.add(payment)
    s.flush()
    # an UPDATE gives a CursorResult (it has the rowcount); Session.execute is typed Result
    marked = cast(CursorResult[Any], s.execute(
        update(TaxAssessment)
        .where(TaxAssessment.id == a.id, TaxAssessment.paid_at.is_(None))
        .values(paid_at=now, payment_id=payment.id)))
    if marked.rowcount != 1:  # another counter was quicker
        s.rollback()
        again = _find(s, office, number)
        raise LoketError("bapenda.already_paid", number=again.number,
                         paid=local(again.paid_at or now, office.zone).strftime(
                             "%Y-%m-%d %H:%M"), payment=again.payment_id)
    rules = formats.rules(office.code, today)
    stpd: AssessmentInfo | None = None
    if split:
        claim = TaxAssessment(
            office_id=office.id, kind="STPD",
            number=_next_number(s, office, rules, today, "STPD"),
            taxpayer_id=a.taxpayer_id, tax_type=a.tax_type, period=a.period,
            principal=interest[0].amount, due_on=plus_months(today, 1), issued_on=today,
            issued_by=who.name, parent_id=a.id, created_at=now)
        s.add(claim)
        s.flush()
        stpd = _info(s, office, claim, formats)
        audit.record(s, actor=who.name, action="tax.assess", entity="tax_assessment",
                     entity_id=claim.id, office_id=office.id, user_id=who.user_id, at=now,
                     after={"kind": "STPD", "number": claim.number, "parent": a.number,
                            "principal": int(claim.principal), "rule": interest[0].rule,
                            "due_on": claim.due_on.isoformat()})
    sspd_number = document_number(s, office, rules, "sspd", today)
    info = the_bill.assessment
    data = SspdData(
        number=sspd_number, npwpd=info.npwpd, name=info.name, address=info.address,
        assessment_kind=info.kind, assessment_number=info.number,
        tax_type=info.tax_type_name, period=info.period, due_on=info.due_on, paid_on=today,
        months_late=the_bill.months_late,
        lines=tuple((line.description, line.rule, format_rupiah(line.amount))
                    for line in the_bill.lines),
        total=format_rupiah(total), total_value=int(total),
        method=METHOD_NAMES[pay_method.value], reference=ref, officer=who.name,
        city=_city(office), qr=f"LOKET-SSPD|{office.code}|{sspd_number}|{int(total)}",
        note=(f"Bunga keterlambatan {format_rupiah(stpd.principal)} ditagih dengan STPD "
              f"{stpd.number}, jatuh tempo {stpd.due_on:%d-%m-%Y}.") if stpd else "")
    pdf = sspd_pdf(data, letterhead(office), printed_at=local(now, office.zone),
                   zone=office.zone.value)
    doc = save_document(s, office_id=office.id, kind=SSPD_KIND, number=sspd_number, pdf=pdf,
                        data=data.to_json(), visit_id=visit_id, payment_id=payment.id,
                        issued_by=who.user_id, now=now)
    audit.record(s, actor=who.name, action="tax.pay", entity="tax_assessment", entity_id=a.id,
                 office_id=office.id, user_id=who.user_id, at=now, before={"paid_at": None},
                 after={"payment_id": payment.id, "method": pay_method.value,
                        "reference": ref or None, "total": int(total),
                        "lines": [line.to_json() for line in the_bill.lines],
                        "months_late": the_bill.months_late, "sspd": sspd_number,
                        "stpd": stpd.number if stpd else None})
    paid_bill = dataclasses.replace(
        the_bill, assessment=dataclasses.replace(info, paid_at=now, payment_id=payment.id))
    result = PaymentInfo(payment_id=payment.id, bill=paid_bill, method=pay_method.value,
                         reference=ref, received_at=now, sspd_number=sspd_number,
                         document_id=doc.id, stpd=stpd)
    uow.commit()
    return result

