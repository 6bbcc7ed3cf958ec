"""NPWPD: register a regional taxpayer, print its card, deactivate it.

Registration checks everything before it writes anything: the NIK (:func:`parse_nik`), the
names, the tax type, the district and village codes (against the office's list in
``resources/npwpd/formats.yaml`` when it has one), NIB/NPWP, and the requirement checklist
of the office's NPWPD service (catalog requirements, ``for: perorangan`` / ``for: badan``
only for that kind). Then, in one transaction: the serial from the office's ``npwpd``
number series, the NPWPD in the office's format in force that day, the taxpayer, the
person (NIK owner) when new, the registration letter (PDF, in ``documents``) and the audit
entry. The card goes through the print spool afterwards (:func:`print_card`), so a failed
print never undoes a registration and can be printed again.

Who may: registering and printing the card are counter work (an officer); deactivating an
NPWPD is a cancellation (a supervisor), asked of :func:`app.access.require` before anything
is read for the act or written, so a refusal changes nothing but is kept in the audit log.

Registering, deactivating or printing the card for a visit belongs to the counter that has
called or is serving it (:func:`app.queue.stage_work.require_at_work`, work ``npwpd``); a
supervisor may override, audited. What the visit must have before it leaves the desk is
:mod:`app.bapenda.rules`. Without a visit (data kept up to date at the desk) nothing more is
asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import SQLColumnExpression, func, select
from sqlalchemy.orm import Session

import app.bapenda.messages  # noqa: F401  (registers the messages)
from app import access, audit
from app.access import Act
from app.bapenda.formats import Formats, OfficeRules, load_formats, parse_area_code
from app.bapenda.rules import CARD_JOB
from app.clock import local, local_day, moment
from app.document_numbers import next_in_series
from app.errors import LoketError
from app.identifiers import parse_nik
from app.labels import requirement_text
from app.office_settings import settings_of
from app.queue.engine import Actor, resolve_office
from app.queue.stage_work import require_at_work, require_visit_at_work
from app.store import Store, UnitOfWork
from db.models import Document, Office, Person, Service, Visit
from db.models_bapenda import Taxpayer

if TYPE_CHECKING:  # both imported where used, so that this module loads without them
    from app.spool import JobResult
    from printing.card import NpwpdCard

KIND_NAMES = {"P": "Pribadi", "B": "Badan Usaha"}
# catalog requirement variants ("for:") that apply to each kind
KIND_VARIANTS = {"P": {"perorangan", "pribadi", "orang-pribadi"}, "B": {"badan", "badan-usaha"}}
# the catalog services of NPWPD registration and deactivation: the office's settings
# npwpd_service and npwpd_deactivation_service (app/office_settings.py)

# deactivation reasons: code -> (label, catalog requirement variants that then apply)
REASONS: dict[str, tuple[str, frozenset[str]]] = {
    "usaha-tutup": ("Usaha tutup", frozenset()),
    "pindah-alamat": ("Pindah alamat", frozenset({"pindah"})),
    "meninggal": ("Meninggal dunia", frozenset({"meninggal"})),
    "ganda": ("Ganda/duplikat", frozenset({"ganda"})),
    "lainnya": ("Lainnya", frozenset()),
}
LETTER_KIND = "npwpd_letter"
WORK = "npwpd"  # the work of the desk (resources/panels/work-panels.yaml)
NAME_MAX = 200
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")


# --- input ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Registration:
    """What the officer typed. ``name`` is the taxpayer (P) or the business owner (B);
    ``requirements`` the checked requirement codes (``None``: the visit's ticks)."""

    kind: str
    nik: str
    name: str
    tax_type: str
    address: str
    district: str
    village: str
    business_name: str = ""
    nib: str = ""
    npwp: str = ""
    phone: str = ""
    requirements: Sequence[str] | None = None


@dataclass(frozen=True)
class RequirementItem:
    code: str
    text: str
    needed: bool  # applies to this kind / reason


@dataclass(frozen=True)
class TaxpayerInfo:
    id: int
    office: str
    npwpd: str
    kind: str
    name: str
    owner_name: str
    nik: str
    nib: str
    npwp: str
    tax_type: str
    tax_type_name: str
    address: str
    district: str
    district_name: str
    village: str
    phone: str
    status: str
    registered_at: datetime
    registered_local: str
    registered_by: str
    deactivated_at: datetime | None = None
    deactivation_reason: str | None = None
    deactivation_label: str | None = None
    deactivation_note: str = ""
    requirements: tuple[str, ...] = ()
    letter_number: str | None = None
    documents: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "office": self.office, "npwpd": self.npwpd, "kind": self.kind,
            "kind_name": KIND_NAMES[self.kind], "name": self.name,
            "owner_name": self.owner_name or None, "nik": self.nik, "nib": self.nib or None,
            "npwp": self.npwp or None, "tax_type": self.tax_type,
            "tax_type_name": self.tax_type_name, "address": self.address,
            "district": self.district, "district_name": self.district_name or None,
            "village": self.village, "phone": self.phone or None, "status": self.status,
            "registered_at": self.registered_at.isoformat(),
            "registered_local": self.registered_local, "registered_by": self.registered_by,
            "deactivated_at": self.deactivated_at.isoformat() if self.deactivated_at else None,
            "deactivation_reason": self.deactivation_reason,
            "deactivation_label": self.deactivation_label,
            "deactivation_note": self.deactivation_note or None,
            "requirements": list(self.requirements), "letter_number": self.letter_number,
            "documents": list(self.documents),
        }



def _text(value: object) -> str:
    return " ".join(str(value or "").split())


def _name(value: object, key: str) -> str:
    name = _text(value)
    if not name:
        raise LoketError(key)
    if len(name) > NAME_MAX:
        raise LoketError("bapenda.name_long", length=len(name), max=NAME_MAX)
    return name


def parse_kind(value: object) -> str:
    """``P``/``pribadi``/``perorangan`` or ``B``/``badan``/``badan usaha``."""
    kind = {"P": "P", "B": "B", "PRIBADI": "P", "PERORANGAN": "P", "BADAN": "B",
            "BADAN USAHA": "B"}.get(_text(value).upper())
    if kind is None:
        raise LoketError("bapenda.bad_kind", value=str(value)[:20])
    return kind


def parse_nib(value: object) -> str:
    raw = re.sub(r"[\s.\-]", "", str(value or ""))
    if not raw:
        return ""
    if not (raw.isascii() and raw.isdigit() and len(raw) == 13):
        raise LoketError("bapenda.bad_nib", value=str(value)[:30])
    return raw


def parse_npwp(value: object) -> str:
    raw = re.sub(r"[\s.\-]", "", str(value or ""))
    if not raw:
        return ""
    if not (raw.isascii() and raw.isdigit() and len(raw) in (15, 16)):
        raise LoketError("bapenda.bad_npwp", value=str(value)[:30])
    return raw


def parse_phone(value: object) -> str:
    text = _text(value)
    if text and not (text.isascii() and _PHONE.match(text)):
        raise LoketError("bapenda.bad_phone", value=text[:30])
    return text


# --- requirements ---------------------------------------------------------------------------


def _service(session: Session, office: Office, codes: Sequence[str]) -> Service | None:
    for code in codes:
        service = session.scalar(select(Service).where(Service.office_id == office.id,
                                                       Service.code == code))
        if service is not None:
            return service
    return None


def _checklist(service: Service | None, variants: set[str] | frozenset[str],
               known_variants: set[str]) -> list[RequirementItem]:
    """The service's requirements; one with ``for: X`` is needed only when X is one of
    ``variants`` (a ``for`` outside ``known_variants`` is shown but optional)."""
    out = []
    for item in (service.requirements if service else None) or []:
        if isinstance(item, dict):
            code = str(item.get("code", item.get("text", "")))
            variant = str(item.get("for") or "")
        else:
            code, variant = str(item), ""
        needed = not variant or variant in variants
        if variant and variant not in known_variants and variant not in variants:
            needed = False
        out.append(RequirementItem(code, requirement_text(item), needed))
    return out


def registration_checklist(uow: UnitOfWork, kind: str, *,
                           office_code: str | None = None) -> list[RequirementItem]:
    """The NPWPD service's requirements for a personal or business taxpayer."""
    s = uow.session
    office = resolve_office(s, office_code)
    kind = parse_kind(kind)
    known = set().union(*KIND_VARIANTS.values())
    return _checklist(_service(s, office, settings_of(office).npwpd_service),
                      KIND_VARIANTS[kind], known)


def deactivation_checklist(uow: UnitOfWork, reason: str, kind: str = "P", *,
                           office_code: str | None = None) -> list[RequirementItem]:
    s = uow.session
    office = resolve_office(s, office_code)
    variants = set(_reason(reason)[1])
    if parse_kind(kind) == "B":
        variants |= KIND_VARIANTS["B"]
    known = set().union(*(v for _, v in REASONS.values())) | KIND_VARIANTS["B"]
    return _checklist(_service(s, office, settings_of(office).npwpd_deactivation_service),
                      variants, known)


def _check_requirements(items: list[RequirementItem], checked: Iterable[str],
                        service_code: str) -> list[str]:
    codes = {i.code for i in items}
    given = [str(c).strip() for c in checked if str(c).strip()]
    for code in given:
        if code not in codes:
            raise LoketError("bapenda.unknown_requirement", code=code[:40], service=service_code,
                             choices=", ".join(sorted(codes)) or "-")
    missing = [i.text for i in items if i.needed and i.code not in given]
    if missing:
        raise LoketError("bapenda.requirements_missing", missing="; ".join(missing))
    return sorted(set(given))


def _visit_ticks(session: Session, visit_id: int | None) -> list[str]:
    if visit_id is None:
        return []
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise LoketError("queue.unknown_ticket", ticket=str(visit_id), office="-")
    return list(((visit.data or {}).get("requirements") or {}).keys())


def visit_at_work(session: Session, office: Office, visit_id: int | None, work: str, *,
                  actor: Actor, override: bool, now: datetime) -> None:
    """Work for visit ``visit_id`` only at the counter doing ``work`` that serves it
    (:func:`app.queue.stage_work.require_visit_at_work`). ``actor``: already checked for the act
    (:func:`acting`); an override asks again, for :attr:`Act.OVERRIDE`."""
    require_visit_at_work(session, office.id, visit_id, work, actor=actor,
                          override=override, now=now)


# --- registration -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    kind: str
    nik: str
    person_name: str
    name: str
    owner_name: str
    tax_type: Any
    address: str
    district: str
    village: str
    nib: str
    npwp: str
    phone: str
    requirements: list[str]


def _district_choices(rules: OfficeRules) -> tuple[tuple[str, str], ...]:
    return tuple((a.code, a.name) for a in rules.districts)


def _village_choices(rules: OfficeRules, district: str) -> tuple[tuple[str, str], ...]:
    for area in rules.districts:
        if area.code.zfill(len(district))[-len(district):] == district:
            return area.villages
    return ()


def check_registration(session: Session, office: Office, reg: Registration, *,
                       formats: Formats, rules: OfficeRules, today: date,
                       visit_id: int | None = None) -> _Checked:
    """Every check of a registration, in the order of the form; raises the first refusal."""
    kind = parse_kind(reg.kind)
    nik = parse_nik(reg.nik, today=today).value
    person_name = _name(reg.name, "bapenda.name_required")
    if kind == "B":
        name = _name(reg.business_name, "bapenda.business_name_required")
        owner = person_name
    else:
        name, owner = person_name, ""
    tax = formats.tax_type(reg.tax_type)
    address = _text(reg.address)
    if not address:
        raise LoketError("bapenda.address_required")
    d_width = rules.npwpd.width("district") or 2
    v_width = rules.npwpd.width("village") or 2
    district = parse_area_code(reg.district, d_width, "bapenda.bad_district",
                               _district_choices(rules))
    village = parse_area_code(reg.village, v_width, "bapenda.bad_village",
                              _village_choices(rules, district))
    nib = parse_nib(reg.nib)
    npwp = parse_npwp(reg.npwp)
    phone = parse_phone(reg.phone)
    service = _service(session, office, settings_of(office).npwpd_service)
    known = set().union(*KIND_VARIANTS.values())
    items = _checklist(service, KIND_VARIANTS[kind], known)
    checked = reg.requirements if reg.requirements is not None else \
        _visit_ticks(session, visit_id)
    requirements = _check_requirements(items, checked, service.code if service else "-")
    if kind == "P":
        twin = session.scalar(select(Taxpayer).where(
            Taxpayer.office_id == office.id, Taxpayer.kind == "P", Taxpayer.nik == nik,
            Taxpayer.tax_type == tax.code, Taxpayer.status == "active"))
        if twin is not None:
            raise LoketError("bapenda.nik_registered", nik=nik, npwpd=twin.npwpd,
                             tax_type=tax.name)
    return _Checked(kind, nik, person_name, name, owner, tax, address, district, village,
                    nib, npwp, phone, requirements)


def _serial(session: Session, office: Office, series: str, period: str, width: int,
            what: str) -> int:
    serial = next_in_series(session, office.id, series, period)
    if len(str(serial)) > width:
        raise LoketError("bapenda.serial_exhausted", what=what, serial=serial, width=width)
    return serial


def new_npwpd(session: Session, office: Office, rules: OfficeRules, *, kind: str,
              type_digit: int, district: str, village: str, today: date) -> tuple[str, int]:
    """The next NPWPD of the office (uses a serial: call inside the saving transaction).

    A number already held (possible only after an administrator changed the format) is
    skipped, so a registration never fails on a number it did not choose."""
    yearly = rules.npwpd_serial == "yearly"
    width = rules.npwpd.width("serial") or 7
    while True:
        serial = _serial(session, office, "npwpd", str(today.year) if yearly else "", width,
                         "NPWPD")
        number = rules.npwpd.render({"kind": kind, "type": type_digit, "district": district,
                                     "village": village, "serial": serial,
                                     "year": today.year, "yy": f"{today.year % 100:02d}",
                                     "office": office.code})
        if session.scalar(select(Taxpayer.id).where(Taxpayer.office_id == office.id,
                                                    Taxpayer.npwpd == number)) is None:
            return number, serial


def document_number(session: Session, office: Office, rules: OfficeRules, key: str,
                    today: date, doc: str = "") -> str:
    """The next number of a document (``letter``, ``sspd``, ``assessment``); its serial
    restarts every year (series ``npwpd-letter``, ``sspd``, ``assessment-SKPD``...)."""
    pattern = getattr(rules, key)
    series = {"letter": "npwpd-letter", "sspd": "sspd"}.get(key, f"assessment-{doc}")
    serial = _serial(session, office, series, str(today.year),
                     pattern.width("serial") or 6, key)
    return pattern.render({"serial": serial, "year": today.year, "doc": doc,
                           "yy": f"{today.year % 100:02d}", "office": office.code})


def register(uow: UnitOfWork, reg: Registration, *, office_code: str | None = None,
             actor: Actor, visit_id: int | None = None,
             formats: Formats | None = None, now: datetime | None = None,
             override: bool = False) -> TaxpayerInfo:
    """Register a taxpayer (all or nothing) and commit; the registration letter is saved
    with it. Counter work (an officer); for a visit: only at the counter serving it (or a
    supervisor's override)."""
    now = moment(now)
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
    visit_at_work(s, office, visit_id, WORK, actor=who.actor, override=override,
                  now=now)
    today = local_day(now, office.zone)
    formats = formats or load_formats()
    rules = formats.rules(office.code, today)
    c = check_registration(s, office, reg, formats=formats, rules=rules, today=today,
                           visit_id=visit_id)
    number, serial = new_npwpd(s, office, rules, kind=c.kind, type_digit=c.tax_type.digit,
                               district=c.district, village=c.village, today=today)
    person = s.scalar(select(Person).where(Person.nik == c.nik))
    if person is None:
        person = Person(nik=c.nik, name=c.person_name, address=c.address if c.kind == "P"
                        else "", phone=c.phone, created_at=now, updated_at=now)
        s.add(person)
        s.flush()
    taxpayer = Taxpayer(
        office_id=office.id, npwpd=number, serial=serial, kind=c.kind, nik=c.nik,
        person_id=person.id, name=c.name, owner_name=c.owner_name, nib=c.nib, npwp=c.npwp,
        tax_type=c.tax_type.code, address=c.address, district_code=c.district,
        village_code=c.village, phone=c.phone, requirements=c.requirements, status="active",
        visit_id=visit_id, registered_at=now, registered_by=who.name)
    s.add(taxpayer)
    s.flush()
    letter = _registration_letter(s, office, taxpayer, rules, formats, today, now,
                                  user_id=who.user_id)
    audit.record(s, actor=who.name, action="npwpd.register", entity="taxpayer",
                 entity_id=taxpayer.id, office_id=office.id, user_id=who.user_id, at=now,
                 after={"npwpd": number, "kind": c.kind, "nik": c.nik, "name": c.name,
                        "tax_type": c.tax_type.code, "district": c.district,
                        "village": c.village, "requirements": c.requirements,
                        "letter": letter.number})
    info = _info(s, office, taxpayer, formats)
    uow.commit()
    return info


def _registration_letter(s: Session, office: Office, taxpayer: Taxpayer, rules: OfficeRules,
                         formats: Formats, today: date, now: datetime, *,
                         user_id: int | None) -> Document:
    from app.document_archive import letterhead, save_document
    from printing.bapenda_documents import LetterData, registration_letter_pdf

    number = document_number(s, office, rules, "letter", today)
    data = LetterData(
        number=number, npwpd=taxpayer.npwpd, kind=KIND_NAMES[taxpayer.kind],
        name=taxpayer.name, owner_name=taxpayer.owner_name, nik=taxpayer.nik,
        nib=taxpayer.nib, npwp=taxpayer.npwp,
        tax_type=formats.tax_type(taxpayer.tax_type).name, address=taxpayer.address,
        district=_area_label(rules, taxpayer.district_code), village=taxpayer.village_code,
        registered=today, office_name=office.name, city=_city(office),
        officer=taxpayer.registered_by,
        qr=_qr_payload(office, taxpayer.npwpd))
    pdf = registration_letter_pdf(data, letterhead(office), printed_at=local(now, office.zone),
                                  zone=office.zone.value)
    return save_document(s, office_id=office.id, kind=LETTER_KIND, number=number, pdf=pdf,
                         data=data.to_json(), visit_id=taxpayer.visit_id, issued_by=user_id,
                         now=now)


def _area_label(rules: OfficeRules, code: str) -> str:
    for area in rules.districts:
        if area.code.zfill(len(code))[-len(code):] == code:
            return f"{code} {area.name}"
    return code


def _city(office: Office) -> str:
    city = settings_of(office).city
    if city:
        return city
    match = re.search(r"\b(Kota|Kabupaten)\s+(\w+)", office.name)
    return match.group(2) if match else ""


def _qr_payload(office: Office, npwpd: str) -> str:
    template = settings_of(office).npwpd_verify_url
    if template:
        return template.replace("{npwpd}", npwpd).replace("{office}", office.code)
    return f"LOKET-NPWPD|{office.code}|{npwpd}"


# --- look-up --------------------------------------------------------------------------------


def find_taxpayer(session: Session, office: Office, npwpd: str) -> Taxpayer:
    """A taxpayer by NPWPD as printed (dots optional: ``P2000123401 02`` finds it too)."""
    text = _text(npwpd)
    found = session.scalar(select(Taxpayer).where(Taxpayer.office_id == office.id,
                                                  Taxpayer.npwpd == text))
    bare = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    if found is None and bare:
        stripped: SQLColumnExpression[str] = Taxpayer.npwpd
        for sep in (".", "-", "/", " "):
            stripped = func.replace(stripped, sep, "")
        found = session.scalars(select(Taxpayer).where(
            Taxpayer.office_id == office.id, func.upper(stripped) == bare)
            .order_by(Taxpayer.id).limit(1)).first()
    if found is None:
        raise LoketError("bapenda.unknown_npwpd", value=text[:40], office=office.code)
    return found


def _info(s: Session, office: Office, t: Taxpayer, formats: Formats) -> TaxpayerInfo:
    rules = formats.rules(office.code, local_day(t.registered_at, office.zone))
    try:
        tax_name = formats.tax_type(t.tax_type).name
    except LoketError:
        tax_name = t.tax_type
    district_name = ""
    for area in rules.districts:
        if area.code.zfill(len(t.district_code))[-len(t.district_code):] == t.district_code:
            district_name = area.name
    docs = s.execute(select(Document.kind, Document.number, Document.issued_at, Document.id)
                     .where(Document.office_id == office.id,
                            Document.data["npwpd"].as_string() == t.npwpd)
                     .order_by(Document.id)).all()
    letter = next((d.number for d in docs if d.kind == LETTER_KIND), None)
    reason = t.deactivation_reason
    return TaxpayerInfo(
        id=t.id, office=office.code, npwpd=t.npwpd, kind=t.kind, name=t.name,
        owner_name=t.owner_name, nik=t.nik, nib=t.nib, npwp=t.npwp, tax_type=t.tax_type,
        tax_type_name=tax_name, address=t.address, district=t.district_code,
        district_name=district_name, village=t.village_code, phone=t.phone, status=t.status,
        registered_at=t.registered_at,
        registered_local=local(t.registered_at, office.zone).strftime("%Y-%m-%d %H:%M ")
        + office.zone.value, registered_by=t.registered_by,
        deactivated_at=t.deactivated_at, deactivation_reason=reason,
        deactivation_label=REASONS[reason][0] if reason in REASONS else reason,
        deactivation_note=t.deactivation_note, requirements=tuple(t.requirements or ()),
        letter_number=letter,
        documents=tuple({"id": d.id, "kind": d.kind, "number": d.number,
                         "issued_at": d.issued_at.isoformat()} for d in docs))


def show(uow: UnitOfWork, npwpd: str, *, office_code: str | None = None,
         formats: Formats | None = None) -> TaxpayerInfo:
    s = uow.session
    office = resolve_office(s, office_code)
    return _info(s, office, find_taxpayer(s, office, npwpd), formats or load_formats())


# --- deactivation ---------------------------------------------------------------------------


def _reason(value: object) -> tuple[str, frozenset[str]]:
    code = _text(value).lower().replace(" ", "-").replace("_", "-")
    aliases = {"tutup": "usaha-tutup", "pindah": "pindah-alamat", "meninggal-dunia": "meninggal",
               "duplikat": "ganda", "ganda/duplikat": "ganda", "lain": "lainnya"}
    code = aliases.get(code, code)
    if code not in REASONS:
        raise LoketError("bapenda.bad_reason", value=str(value)[:40],
                         choices=", ".join(REASONS))
    return code, REASONS[code][1]


def deactivate(uow: UnitOfWork, npwpd: str, reason: str, *, note: str = "",
               requirements: Sequence[str] | None = None, office_code: str | None = None,
               actor: Actor, visit_id: int | None = None,
               formats: Formats | None = None, now: datetime | None = None,
               override: bool = False) -> TaxpayerInfo:
    """Deactivate an NPWPD with its reason (``lainnya`` needs a note), once; commits.

    A cancellation: only a supervisor (or admin) of the office may. The requirements of the
    office's deactivation service (``NPWPD-NONAKTIF``) are checked when the office has one
    and the checked codes are given (or ticked on the visit). For a visit: only at the
    counter serving it (or a supervisor's override)."""
    now = moment(now)
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.CANCEL, office_id=office.id, now=now)
    visit_at_work(s, office, visit_id, WORK, actor=who.actor, override=override,
                  now=now)
    code, variants = _reason(reason)
    note = _text(note)
    if code == "lainnya" and not note:
        raise LoketError("bapenda.reason_note_required")
    taxpayer = find_taxpayer(s, office, npwpd)
    if taxpayer.status != "active":
        since = local(taxpayer.deactivated_at, office.zone).strftime("%Y-%m-%d") \
            if taxpayer.deactivated_at else "-"
        raise LoketError("bapenda.already_inactive", npwpd=taxpayer.npwpd, since=since)
    service = _service(s, office, settings_of(office).npwpd_deactivation_service)
    checked: list[str] = []
    if service is not None and (requirements is not None or visit_id is not None):
        wanted = set(variants) | (KIND_VARIANTS["B"] if taxpayer.kind == "B" else set())
        known = set().union(*(v for _, v in REASONS.values())) | KIND_VARIANTS["B"]
        checked = _check_requirements(
            _checklist(service, wanted, known),
            requirements if requirements is not None else _visit_ticks(s, visit_id),
            service.code)
    before = {"status": taxpayer.status}
    taxpayer.status = "inactive"
    taxpayer.deactivated_at = now
    taxpayer.deactivated_by = who.name
    taxpayer.deactivation_reason = code
    taxpayer.deactivation_note = note
    s.flush()
    audit.record(s, actor=who.name, action="npwpd.deactivate", entity="taxpayer",
                 entity_id=taxpayer.id, office_id=office.id, user_id=who.user_id, at=now,
                 before=before, after={"status": "inactive", "npwpd": taxpayer.npwpd,
                                       "reason": code, "note": note or None,
                                       "requirements": checked, "visit_id": visit_id})
    info = _info(s, office, taxpayer, formats or load_formats())
    uow.commit()
    return info


# --- the card ---------------------------------------------------------------------------------


def card_of(session: Session, office: Office, taxpayer: Taxpayer,
            formats: Formats | None = None) -> NpwpdCard:
    from printing.card import NpwpdCard

    formats = formats or load_formats()
    try:
        business = formats.tax_type(taxpayer.tax_type).name
    except LoketError:
        business = taxpayer.tax_type
    settings = settings_of(office)
    return NpwpdCard(
        office_name=office.name.upper(), office_address=office.address.split("\n")[0],
        npwpd=taxpayer.npwpd, name=taxpayer.name,
        address=taxpayer.address, business_type=business,
        registered=local_day(taxpayer.registered_at, office.zone),
        qr_payload=_qr_payload(office, taxpayer.npwpd),
        office_phone=settings.phone, government=settings.government)


def card_printer_for(session: Session, *, station_id: int | None = None,
                     counter_id: int | None = None) -> str | None:
    from app.output.devices import station_device
    from db.enums import DeviceKind

    if station_id is None and counter_id is None:
        return None
    return station_device(session, DeviceKind.CARD_PRINTER, station_id=station_id,
                          counter_id=counter_id)


def queue_card(store: Store, npwpd: str, connection: str | None = None, *,
               office_code: str | None = None, station_id: int | None = None,
               counter_id: int | None = None, reprint: bool = False, actor: Actor,
               now: datetime | None = None, override: bool = False) -> int:
    """Save the card's print job for ``connection`` (or the station's card printer).

    Counter work (an officer), asked before the printer is looked at. While the visit the
    taxpayer was registered in is open, the card is printed by the counter serving it (or
    on a supervisor's override); a reprint after the visit (a lost card) asks no more."""
    from app.spool import check_connection, enqueue
    from db.enums import DeviceKind

    now = moment(now)
    with store.uow(read_only=True) as uow:
        s = uow.session
        office = resolve_office(s, office_code)
        who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
        checked = who.actor
        taxpayer = find_taxpayer(s, office, npwpd)
        if taxpayer.status != "active":
            raise LoketError("bapenda.already_inactive", npwpd=taxpayer.npwpd,
                             since=local(taxpayer.deactivated_at or now, office.zone)
                             .strftime("%Y-%m-%d"))
        connection = connection or card_printer_for(s, station_id=station_id,
                                                     counter_id=counter_id)
        if not connection:
            raise LoketError("bapenda.no_card_printer")
        connection = check_connection(connection, DeviceKind.CARD_PRINTER)
        card = card_of(s, office, taxpayer)
        office_id, visit_id = office.id, taxpayer.visit_id
    with store.uow() as uow:
        visit = uow.session.get(Visit, visit_id) if visit_id is not None else None
        if visit is not None and visit.status.is_open:
            require_at_work(uow.session, visit, WORK, actor=checked, override=override,
                            now=now)
        return enqueue(uow, kind=DeviceKind.CARD_PRINTER, connection=connection,
                       job_kind=CARD_JOB + (".reprint" if reprint else ""),
                       payload=card.to_json(), office_id=office_id, station_id=station_id,
                       visit_id=visit_id, actor=checked, now=now)


def print_card(store: Store, npwpd: str, connection: str | None = None, *,
               office_code: str | None = None, station_id: int | None = None,
               counter_id: int | None = None, reprint: bool = False, actor: Actor,
               spool: Any = None, retry: bool = False,
               now: datetime | None = None, override: bool = False) -> JobResult:
    """Queue the card and send it at once; returns the spool's ``JobResult``. Who may is
    asked by :func:`queue_card`, before the printer is touched.

    ``retry=False`` (the default): a failure is flagged for reprint at once, the officer
    sees it and prints again when the printer is fixed, so no card comes out by itself
    later. The job stays in ``device_jobs`` either way."""
    from app.spool import Spool

    job_id = queue_card(store, npwpd, connection, office_code=office_code,
                        station_id=station_id, counter_id=counter_id, reprint=reprint,
                        actor=actor, now=now, override=override)
    result = (spool or Spool(store)).attempt(job_id, now, retry=retry)
    assert result is not None  # nobody else knows the job yet
    return result


def card_jobs(uow: UnitOfWork, npwpd: str, *, office_code: str | None = None) -> list[Any]:
    """The card print jobs of a taxpayer, oldest first (for the panel's reprint list)."""
    from db.models import DeviceJob

    s = uow.session
    office = resolve_office(s, office_code)
    taxpayer = find_taxpayer(s, office, npwpd)
    jobs = s.scalars(select(DeviceJob).where(DeviceJob.office_id == office.id,
                                             DeviceJob.job_kind.like(CARD_JOB + "%"))
                     .order_by(DeviceJob.id)).all()
    out = []
    for job in jobs:
        try:
            import json

            if json.loads(job.payload.decode("utf-8")).get("npwpd") == taxpayer.npwpd:
                out.append(job)
        except (ValueError, UnicodeDecodeError):
            continue
    return out


# --- what the registration form offers ------------------------------------------------------


@dataclass(frozen=True)
class FormOptions:
    """The choices of the registration form of an office, on a day."""

    tax_types: tuple[tuple[str, str], ...]  # (code, name)
    districts: tuple[tuple[str, str], ...]  # (code, name); empty: any code of the width
    district_width: int
    village_width: int
    reasons: tuple[tuple[str, str], ...] = tuple((k, v[0]) for k, v in REASONS.items())
    card_printer: str | None = None  # the counter station's card printer
    zone: str = "WIB"  # the office's zone (its days)


def form_options(uow: UnitOfWork, *, office_code: str | None = None,
                 counter_code: str | None = None, now: datetime | None = None,
                 formats: Formats | None = None) -> FormOptions:
    s = uow.session
    office = resolve_office(s, office_code)
    formats = formats or load_formats()
    rules = formats.rules(office.code, local_day(moment(now), office.zone))
    printer = None
    if counter_code:
        from db.models import Counter

        counter = s.scalar(select(Counter).where(Counter.office_id == office.id,
                                                 Counter.code == counter_code))
        if counter is not None:
            printer = card_printer_for(s, counter_id=counter.id)
    return FormOptions(
        tax_types=tuple((t.code, t.name) for t in formats.tax_types),
        districts=_district_choices(rules), district_width=rules.npwpd.width("district") or 2,
        village_width=rules.npwpd.width("village") or 2, card_printer=printer,
        zone=office.zone.value)


def village_parser(uow: UnitOfWork, *, office_code: str | None = None,
                   now: datetime | None = None, formats: Formats | None = None
                   ) -> Callable[[str], str]:
    """A parser of village codes for the form (the width of the office's format)."""
    s = uow.session
    office = resolve_office(s, office_code)
    rules = (formats or load_formats()).rules(office.code, local_day(moment(now), office.zone))
    width = rules.npwpd.width("village") or 2

    def parse(text: str) -> str:
        return parse_area_code(text, width, "bapenda.bad_village")

    return parse
