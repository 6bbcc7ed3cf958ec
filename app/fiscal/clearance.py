"""Tax clearance: look a subject up in the arrears data, log the check, issue the letter.

A check takes one key (NIK, NPWPD, NOP or plate), the purpose (e.g. the SIPEKA permit it is
for) and the officer; it answers ``clear`` (no overdue arrears in any imported source),
``not-clear`` (with the list, months late as of today and totals) or ``no-data`` (nothing
has been imported: the office cannot tell). Every check is logged in ``fiscal_checks``
with what was shown, so the log stays true after later imports.

A check of today can get one letter: a *surat keterangan fiskal* (clear) or a *surat
keterangan tunggakan* (not clear), each with an unguessable verification code and a QR
code, stored in ``documents``. ``verify`` answers whether a code is one Loket issued.

A check for a visit belongs to the counter that has called or is serving it (work
``fiscal``, :func:`app.queue.stage_work.require_at_work`; a supervisor may override, audited);
the visit leaves the desk only with its check logged (:mod:`app.fiscal.rules`).

Who may (:mod:`app.access`, asked before anything is written or a PDF is made): a check, a
letter and a reprint of it are counter work (an officer); revoking a letter is a
cancellation (a supervisor or admin). A refusal changes nothing but is kept in the audit
log; ``verify`` and the check log only read and ask nothing.
"""

from __future__ import annotations

import calendar
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import access, audit
from app import document_archive as documents
from app.access import Act
from app.clock import local, local_day, utcnow
from app.errors import LoketError
from app.fiscal import messages  # noqa: F401  (registers the messages)
from app.fiscal.arrears import current_batches
from app.fiscal.extract import SOURCE_NAMES, SOURCES, parse_npwpd
from app.identifiers import parse_nik, parse_nop, parse_plate
from app.money import format_rupiah
from app.queue.engine import Actor, resolve_office
from app.queue.stage_work import require_visit_at_work
from app.store import UnitOfWork
from db.models import Office, Person, User, Vehicle
from db.models_fiscal import FiscalArrear, FiscalCheck, FiscalLetter

KEY_KINDS = ("nik", "npwpd", "nop", "plate")
KEY_LABELS = {"nik": "NIK", "npwpd": "NPWPD", "nop": "NOP PBB-P2", "plate": "Nomor Polisi"}
# the sources whose data can clear a key: a plate is cleared by PKB data, a NOP by PBB-P2
# data, an NPWPD by regional-tax data, a NIK by any of them
RELEVANT = {"nik": SOURCES, "plate": ("pkb",), "nop": ("pbb",), "npwpd": ("pajak-daerah",)}
RESULTS = ("clear", "not-clear", "no-data")
RESULT_TEXT = {"clear": "BEBAS TUNGGAKAN", "not-clear": "ADA TUNGGAKAN",
               "no-data": "DATA TUNGGAKAN BELUM TERSEDIA"}
LETTER_KINDS = {"clear": ("certificate", "fiscal-certificate"),
                "not-clear": ("arrears", "fiscal-arrears")}
PURPOSE_MAX = 200
WORK = "fiscal"  # the work of the desk (resources/panels/work-panels.yaml)
QR_PREFIX = "LOKETFISKAL"
# Crockford's base32: no I, L, O, U, so a code read aloud or typed is not misread
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 bits
_CODE_READ = str.maketrans({"O": "0", "I": "1", "L": "1"})


# --- keys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectKey:
    kind: str  # nik | npwpd | nop | plate
    value: str  # as stored and compared (NIK digits, NPWPD letters/digits, NOP digits, plate)
    display: str  # as shown (NOP dotted, NPWPD as typed)

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "label": KEY_LABELS[self.kind], "value": self.value,
                "display": self.display}


def parse_key(kind: str, value: object, *, today: date | None = None) -> SubjectKey:
    """Validate a key typed at the counter; LoketError says why it is wrong."""
    kind = str(kind or "").strip().lower()
    if kind == "nopol":
        kind = "plate"
    if kind == "nik":
        nik = parse_nik(value, today=today)
        return SubjectKey("nik", nik.value, nik.value)
    if kind == "nop":
        nop = parse_nop(value)
        return SubjectKey("nop", nop.value, str(nop))
    if kind == "plate":
        plate = str(parse_plate(value))
        return SubjectKey("plate", plate, plate)
    if kind == "npwpd":
        raw, key = parse_npwpd(value)
        return SubjectKey("npwpd", key, raw)
    raise LoketError("fiscal.key_kind", value=kind[:20])


def parse_purpose(text: object) -> str:
    purpose = " ".join(str(text or "").split())
    if not purpose:
        raise LoketError("fiscal.purpose_missing")
    if len(purpose) > PURPOSE_MAX:
        raise LoketError("fiscal.purpose_long", max=PURPOSE_MAX)
    return purpose


def months_late(due: date, today: date) -> int:
    """Months late as the sanction rules count them: a started month counts as a whole
    one (due 31 March, paid 1 April: 1 month); 0 while not past due."""
    if today <= due:
        return 0
    months = (today.year - due.year) * 12 + today.month - due.month
    if _add_months(due, months) < today:
        months += 1
    return max(months, 1)


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- the check ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrearLine:
    source: str
    tax: str
    period: str
    amount: Decimal
    due_date: date
    months_late: int
    name: str
    nik: str
    npwpd: str
    nop: str
    plate: str
    as_of: date

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "source_name": SOURCE_NAMES[self.source],
                "tax": self.tax, "period": self.period, "amount": int(self.amount),
                "amount_text": format_rupiah(self.amount),
                "due_date": self.due_date.isoformat(), "months_late": self.months_late,
                "name": self.name, "nik": self.nik, "npwpd": self.npwpd, "nop": self.nop,
                "plate": self.plate, "as_of": self.as_of.isoformat()}


@dataclass(frozen=True)
class CheckResult:
    check_id: int
    office: str
    office_name: str
    checked_at: datetime  # UTC
    checked_at_local: datetime
    today: date
    officer: str
    purpose: str
    key: SubjectKey
    subject_name: str
    result: str
    arrears: tuple[ArrearLine, ...]  # overdue: what makes the result "not-clear"
    not_due: tuple[ArrearLine, ...]  # imported but not yet past the due date (shown only)
    sources: tuple[dict[str, Any], ...]  # the snapshot checked: source, as_of, file, rows
    missing_sources: tuple[str, ...]
    letter_code: str | None = None
    by_source: dict[str, int] = field(default_factory=dict)

    @property
    def clear(self) -> bool:
        return self.result == "clear"

    @property
    def total(self) -> Decimal:
        return sum((a.amount for a in self.arrears), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        by_source: dict[str, int] = {}
        for a in self.arrears:
            by_source[a.source] = by_source.get(a.source, 0) + int(a.amount)
        return {
            "check_id": self.check_id, "office": self.office, "office_name": self.office_name,
            "checked_at": self.checked_at.isoformat(),
            "checked_at_local": self.checked_at_local.isoformat(),
            "today": self.today.isoformat(), "officer": self.officer, "purpose": self.purpose,
            "key": self.key.to_json(), "subject_name": self.subject_name,
            "result": self.result, "result_text": RESULT_TEXT[self.result],
            "clear": self.clear,
            "arrears": [a.to_json() for a in self.arrears],
            "not_due": [a.to_json() for a in self.not_due],
            "totals": {"count": len(self.arrears), "amount": int(self.total),
                       "amount_text": format_rupiah(self.total), "by_source": by_source,
                       "not_due_amount": int(sum((a.amount for a in self.not_due),
                                                 Decimal(0)))},
            "sources": list(self.sources), "missing_sources": list(self.missing_sources),
            "letter_code": format_code(self.letter_code) if self.letter_code else None,
        }


def _find_arrears(session: Session, office_id: int, key: SubjectKey) -> list[FiscalArrear]:
    column = {"nik": FiscalArrear.nik, "npwpd": FiscalArrear.npwpd_key,
              "nop": FiscalArrear.nop, "plate": FiscalArrear.plate}[key.kind]
    match = column == key.value
    if key.kind == "nik":  # and the vehicles registered to this NIK in the office database
        owned = select(Vehicle.plate).join(Person, Vehicle.owner_id == Person.id).where(
            Person.nik == key.value)
        match = or_(match, FiscalArrear.plate.in_(owned))
    rows = session.scalars(select(FiscalArrear).where(FiscalArrear.office_id == office_id,
                                                      match)).all()
    return sorted(rows, key=lambda r: (SOURCES.index(r.source) if r.source in SOURCES else 9,
                                       r.due_date, r.tax, r.id))


def _known_name(session: Session, key: SubjectKey, rows: list[FiscalArrear]) -> str:
    for row in rows:
        if row.name:
            return row.name
    if key.kind == "nik":
        person = session.scalar(select(Person).where(Person.nik == key.value))
        if person is not None:
            return person.name
    if key.kind == "plate":
        vehicle = session.scalar(select(Vehicle).where(Vehicle.plate == key.value))
        if vehicle is not None and vehicle.owner is not None:
            return vehicle.owner.name
    return ""


def resolve_officer(session: Session, name: str) -> User:
    """An active user by name (``--officer``)."""
    user = session.scalar(select(User).where(User.username == name))
    if user is None or not user.active:
        raise LoketError("fiscal.unknown_officer", name=name)
    return user


def check(uow: UnitOfWork, kind: str, value: object, *, purpose: str, officer: Actor,
          office_code: str | None = None,
          visit_id: int | None = None, name: str | None = None,
          now: datetime | None = None, override: bool = False) -> CheckResult:
    """Look the key up, log the check (commits) and return what the officer sees. Counter
    work (an officer); for a visit: only at the counter serving it (or a supervisor's
    override).

    ``not-clear`` when any imported arrear of the subject is past its due date; ``clear``
    when none is and a source that can clear this kind of key (:data:`RELEVANT`) has been
    imported; ``no-data`` otherwise. Arrears not yet due are listed but do not count.
    """
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, officer, Act.COUNTER_WORK, office_id=office.id, now=now)
    require_visit_at_work(s, office.id, visit_id, WORK, actor=who.actor, override=override,
                          now=now)
    today = local_day(now, office.zone)
    key = parse_key(kind, value, today=today)
    purpose = parse_purpose(purpose)
    batches = current_batches(s, office.id)
    rows = _find_arrears(s, office.id, key)
    lines = [ArrearLine(r.source, r.tax, r.period, r.amount, r.due_date,
                        months_late(r.due_date, today), r.name, r.nik, r.npwpd, r.nop,
                        r.plate, batches[r.source].as_of if r.source in batches else today)
             for r in rows]
    overdue = tuple(a for a in lines if a.due_date < today)
    not_due = tuple(a for a in lines if a.due_date >= today)
    if overdue:
        result = "not-clear"
    elif any(src in batches for src in RELEVANT[key.kind]):
        result = "clear"
    else:
        result = "no-data"
    sources = tuple({"source": b.source, "source_name": SOURCE_NAMES[b.source],
                     "as_of": b.as_of.isoformat(), "batch_id": b.id,
                     "file_name": b.file_name, "rows": b.rows,
                     "imported_at": b.imported_at.isoformat()}
                    for src in SOURCES if (b := batches.get(src)) is not None)
    missing = tuple(src for src in SOURCES if src not in batches)
    subject_name = " ".join(str(name or "").split())[:200] or _known_name(s, key, rows)
    entry = FiscalCheck(office_id=office.id, visit_id=visit_id, checked_at=now,
                        officer=who.name[:64], user_id=who.user_id, purpose=purpose,
                        key_kind=key.kind, key_value=key.value, subject_name=subject_name,
                        result=result, arrears_count=len(overdue),
                        total=sum((a.amount for a in overdue), Decimal(0)), detail={})
    s.add(entry)
    s.flush()
    outcome = CheckResult(
        check_id=entry.id, office=office.code, office_name=office.name, checked_at=now,
        checked_at_local=local(now, office.zone), today=today, officer=who.name,
        purpose=purpose, key=key, subject_name=subject_name, result=result,
        arrears=overdue, not_due=not_due, sources=sources, missing_sources=missing)
    entry.detail = outcome.to_json()
    audit.record(s, actor=who.name, user_id=who.user_id, action="fiscal.check",
                 entity="fiscal_check", entity_id=entry.id, office_id=office.id,
                 after={"key": key.to_json(), "purpose": purpose, "result": result,
                        "arrears": len(overdue), "total": int(outcome.total)}, at=now)
    uow.commit()
    return outcome


def check_log(uow: UnitOfWork, *, office_code: str | None = None, limit: int = 50,
              since: datetime | None = None) -> list[dict[str, Any]]:
    """The newest checks of the office (who, why, which key, what result)."""
    s = uow.session
    office = resolve_office(s, office_code)
    query = select(FiscalCheck).where(FiscalCheck.office_id == office.id)
    if since is not None:
        query = query.where(FiscalCheck.checked_at >= since)
    rows = s.scalars(query.order_by(FiscalCheck.checked_at.desc(), FiscalCheck.id.desc())
                     .limit(limit)).all()
    return [{"check_id": c.id, "checked_at": c.checked_at.isoformat(),
             "checked_at_local": local(c.checked_at, office.zone).isoformat(),
             "officer": c.officer, "purpose": c.purpose, "key_kind": c.key_kind,
             "key_value": c.key_value, "subject_name": c.subject_name, "result": c.result,
             "arrears_count": c.arrears_count, "total": int(c.total),
             "visit_id": c.visit_id} for c in rows]


# --- letters -----------------------------------------------------------------------------


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """``ABCD-EFGH-JKMN``: groups of four to read aloud."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def parse_code(text: object) -> str:
    """A code as typed or scanned (dashes, spaces, lower case, O for 0, or the whole QR
    payload ``LOKETFISKAL|office|code``) -> the 12 characters."""
    raw = str(text or "").strip()
    if raw.upper().startswith(QR_PREFIX + "|"):
        raw = raw.rsplit("|", 1)[-1]
    code = re.sub(r"[\s\-]+", "", raw.upper()).translate(_CODE_READ)
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise LoketError("fiscal.code_format", value=raw[:40])
    return code


def qr_payload(office_code: str, code: str) -> str:
    return f"{QR_PREFIX}|{office_code}|{format_code(code)}"


@dataclass(frozen=True)
class LetterResult:
    code: str  # 12 characters
    kind: str  # certificate | arrears
    document_kind: str
    document_id: int
    pdf: bytes
    data: dict[str, Any]

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.display_code, "kind": self.kind,
                "document_kind": self.document_kind, "document_id": self.document_id,
                "check_id": self.data["check_id"], "result": self.data["result"],
                "bytes": len(self.pdf)}


def issue_letter(uow: UnitOfWork, check_id: int, *, actor: Actor,
                 now: datetime | None = None) -> LetterResult:
    """The letter of a check of today: certificate when clear, arrears statement when not
    (commits). One letter per check; ``no-data`` gets none. Counter work (an officer) at
    the check's office, asked before the PDF is made."""
    from printing.fiscal_documents import letter_pdf

    now = now or utcnow()
    s = uow.session
    entry = s.get(FiscalCheck, check_id, with_for_update=True)
    if entry is None:
        raise LoketError("fiscal.unknown_check", id=check_id)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=entry.office_id, now=now)
    office = s.get(Office, entry.office_id)
    assert office is not None
    if entry.result not in LETTER_KINDS:
        raise LoketError("fiscal.no_data")
    day = local_day(entry.checked_at, office.zone)
    if day != local_day(now, office.zone):
        raise LoketError("fiscal.check_stale", id=check_id, day=day.strftime("%d-%m-%Y"))
    existing = s.scalar(select(FiscalLetter).where(FiscalLetter.check_id == entry.id))
    if existing is not None:
        raise LoketError("fiscal.letter_exists", id=check_id,
                         code=format_code(existing.code))
    code = new_code()
    while s.scalar(select(FiscalLetter.id).where(FiscalLetter.code == code)) is not None:
        code = new_code()  # pragma: no cover - 60 bits
    kind, document_kind = LETTER_KINDS[entry.result]
    data = dict(entry.detail)
    data["letter_code"] = format_code(code)
    data["letter_kind"] = kind
    data["issued_at"] = now.isoformat()
    data["issued_at_local"] = local(now, office.zone).isoformat()
    data["issued_by"] = who.name
    data["qr"] = qr_payload(office.code, code)
    data["zone"] = office.zone.value
    pdf = letter_pdf(data, documents.letterhead(office))
    doc = documents.save_document(s, office_id=office.id, kind=document_kind,
                                  number=format_code(code), pdf=pdf, data=data,
                                  visit_id=entry.visit_id, issued_by=who.user_id, now=now)
    letter = FiscalLetter(office_id=office.id, check_id=entry.id, code=code, kind=kind,
                          document_id=doc.id, issued_at=now, issued_by=who.name[:64],
                          data=data)
    s.add(letter)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, action="fiscal.letter",
                 entity="fiscal_letter", entity_id=letter.id, office_id=office.id,
                 after={"code": format_code(code), "kind": kind, "check_id": entry.id,
                        "document_id": doc.id}, at=now)
    uow.commit()
    return LetterResult(code, kind, document_kind, doc.id, pdf, data)


def letter_pdf_of(uow: UnitOfWork, code: object, *, actor: Actor,
                  now: datetime | None = None) -> tuple[str, bytes]:
    """The stored PDF of a letter, to print again as issued: (file name, bytes).

    A reprint is counter work (an officer of the letter's office): asked here, before the
    caller writes or prints anything, so the copy of a certificate is not anyone's."""
    from db.models import Document

    letter = _letter(uow.session, parse_code(code))
    access.require(uow.session, actor, Act.COUNTER_WORK, office_id=letter.office_id,
                   now=now or utcnow())
    doc = uow.session.get(Document, letter.document_id) if letter.document_id else None
    if doc is None or doc.content is None:
        raise LoketError("fiscal.code_unknown", code=format_code(letter.code))
    return f"{doc.kind}-{letter.code}.pdf", doc.content


def _letter(session: Session, code: str) -> FiscalLetter:
    letter = session.scalar(select(FiscalLetter).where(FiscalLetter.code == code))
    if letter is None:
        raise LoketError("fiscal.code_unknown", code=format_code(code))
    return letter


def verify(uow: UnitOfWork, code: object) -> dict[str, Any]:
    """What the letter of ``code`` says, and whether it still stands.

    An unknown or malformed code raises LoketError; a revoked letter answers
    ``valid: false`` with when, who and why.
    """
    s = uow.session
    letter = _letter(s, parse_code(code))
    office = s.get(Office, letter.office_id)
    assert office is not None
    data = letter.data or {}
    answer: dict[str, Any] = {
        "valid": letter.revoked_at is None,
        "code": format_code(letter.code),
        "kind": letter.kind,
        "issued_at": letter.issued_at.isoformat(),
        "issued_at_local": local(letter.issued_at, office.zone).isoformat(),
        "issued_by": letter.issued_by,
        "office": office.code,
        "office_name": office.name,
        "subject": {**(data.get("key") or {}), "name": data.get("subject_name", "")},
        "result": data.get("result"),
        "purpose": data.get("purpose"),
        "check_id": letter.check_id,
        "checked_at": data.get("checked_at"),
        "sources": data.get("sources", []),
        "totals": data.get("totals", {}),
        "arrears": data.get("arrears", []),
        "revoked": letter.revoked_at is not None,
    }
    if letter.revoked_at is not None:
        answer.update(revoked_at=letter.revoked_at.isoformat(), revoked_by=letter.revoked_by,
                      revoke_reason=letter.revoke_reason,
                      reason=LoketError("fiscal.revoked", code=format_code(letter.code),
                                        at=local(letter.revoked_at, office.zone)
                                        .strftime("%d-%m-%Y %H:%M"),
                                        by=letter.revoked_by,
                                        reason=letter.revoke_reason).message())
    return answer


def revoke(uow: UnitOfWork, code: object, *, reason: str, actor: Actor,
           now: datetime | None = None) -> dict[str, Any]:
    """Withdraw a letter (e.g. issued on wrong data): ``verify`` then says it is not valid.

    A cancellation: only a supervisor (or admin) of the letter's office may."""
    now = now or utcnow()
    s = uow.session
    letter = _letter(s, parse_code(code))
    who = access.require(s, actor, Act.CANCEL, office_id=letter.office_id, now=now)
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise LoketError("fiscal.reason_missing")
    if letter.revoked_at is not None:
        raise LoketError("fiscal.already_revoked", code=format_code(letter.code))
    letter.revoked_at = now
    letter.revoked_by = who.name[:64]
    letter.revoke_reason = reason
    audit.record(s, actor=who.name, user_id=who.user_id, action="fiscal.revoke",
                 entity="fiscal_letter", entity_id=letter.id, office_id=letter.office_id,
                 before={"code": format_code(letter.code), "revoked": False},
                 after={"code": format_code(letter.code), "revoked": True, "reason": reason},
                 at=now)
    uow.commit()
    return verify(uow, letter.code)
