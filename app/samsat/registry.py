"""The vehicle and owner register the Samsat counters work from (``vehicles``, ``persons``).

Every ``parse_*`` here takes what an officer typed and returns the value to store, or raises
:class:`~app.errors.LoketError` with the reason in Indonesian; no other exception escapes,
whatever the input (property tests). :func:`register_vehicle` and :func:`register_person`
validate everything before writing anything, then write it with an audit entry and commit.

Registering is counter work (:attr:`app.access.Act.COUNTER_WORK`): the person acting must be
an active officer (or above) before anything is written. The register is the province's,
shared by its offices, so the act is at no office in particular: an officer of any office
may add to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Actor
from app.clock import moment
from app.errors import LoketError
from app.identifiers import parse_nik, parse_plate
from app.money import parse_rupiah
from app.samsat import messages  # noqa: F401  (registers the messages)
from app.samsat.messages import FIELDS
from app.store import UnitOfWork
from db.models import Person, Vehicle

CATEGORIES = ("R2", "R3", "R4")
USAGES = ("pribadi", "umum", "dinas")
_NUMBER_SEPARATORS = re.compile(r"[\s.\-/]+")
_ALNUM = re.compile(r"^[A-Z0-9]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{4,38}$")


# --- field parsers ----------------------------------------------------------------------


def _text(value: object) -> str:
    return " ".join(str(value if value is not None else "").split())


def parse_text(value: object, field: str, max_len: int, *, required: bool = False) -> str:
    """Trimmed text of at most ``max_len`` characters (``field`` names it in the reason)."""
    text = _text(value)
    label = FIELDS.get(field, field)
    if required and not text:
        raise LoketError("samsat.field.empty", field=label)
    if len(text) > max_len:
        raise LoketError("samsat.field.too_long", field=label, max=max_len)
    return text


def normalise_number(value: object) -> str:
    """A chassis or engine number as compared: upper case, no spaces, dots or dashes."""
    return _NUMBER_SEPARATORS.sub("", str(value if value is not None else "")).upper()


def _frame_number(value: object, key: str, field: str, low: int, high: int) -> str:
    number = normalise_number(value)
    if not number:
        raise LoketError("samsat.field.empty", field=FIELDS[field])
    if not number.isascii() or not _ALNUM.match(number) or not low <= len(number) <= high:
        raise LoketError(key, value=_text(value)[:40])
    return number


def parse_chassis(value: object) -> str:
    """Nomor rangka (VIN): 6-25 letters and digits; spaces and dashes are dropped."""
    return _frame_number(value, "samsat.chassis.format", "chassis_no", 6, 25)


def parse_engine_no(value: object) -> str:
    """Nomor mesin: 4-25 letters and digits; spaces and dashes are dropped."""
    return _frame_number(value, "samsat.engine.format", "engine_no", 4, 25)


def parse_category(value: object) -> str:
    """``R2``, ``R3`` or ``R4`` (also written ``r2``, ``Roda 2`` or ``2``)."""
    raw = _text(value).upper().replace(" ", "").replace("RODA", "R")
    if raw in ("2", "3", "4"):
        raw = "R" + raw
    if raw not in CATEGORIES:
        raise LoketError("samsat.category", value=_text(value)[:20])
    return raw


def parse_usage(value: object) -> str:
    raw = _text(value).lower() or "pribadi"
    if raw not in USAGES:
        raise LoketError("samsat.usage", value=_text(value)[:20])
    return raw


def parse_njkb(value: object) -> Decimal:
    """NJKB: a whole number of rupiah above zero (``150000000``, ``Rp150.000.000``)."""
    amount: Decimal | None
    if isinstance(value, bool | float):
        amount = None
    elif isinstance(value, int | Decimal):
        try:
            amount = Decimal(value)
            if not amount.is_finite() or amount != amount.to_integral_value():
                amount = None
        except (InvalidOperation, ValueError):
            amount = None
    else:
        amount = parse_rupiah(_text(value))
    if amount is None or amount <= 0 or amount >= Decimal(10) ** 15:
        raise LoketError("samsat.njkb", value=_text(value)[:40])
    return amount.quantize(Decimal(1))


def parse_bobot(value: object) -> str:
    """The bobot (weight) as exact decimal text: above 0, at most 5, 4 decimals at most."""
    raw = _text(value).replace(",", ".") if not isinstance(value, Decimal) else str(value)
    try:
        number = Decimal(raw)
    except (InvalidOperation, ValueError):
        number = None
    if (number is None or not number.is_finite() or number <= 0 or number > 5
            or number.as_tuple().exponent < -4):  # type: ignore[operator]
        raise LoketError("samsat.bobot", value=_text(value)[:20])
    text = format(number.normalize(), "f")
    return text


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    raw = _text(value)
    if raw.isascii() and raw.isdigit() and len(raw) <= 9:
        return int(raw)
    return None


def parse_year_made(value: object, *, today: date | None = None) -> int | None:
    """The year made, or None when left empty."""
    if value is None or _text(value) == "":
        return None
    top = (today or date.today()).year + 1
    year = _whole(value)
    if year is None or not 1900 <= year <= top:
        raise LoketError("samsat.year_made", value=_text(value)[:20], max=top)
    return year


def parse_engine_cc(value: object) -> int | None:
    if value is None or _text(value) == "":
        return None
    cc = _whole(value)
    if cc is None or not 1 <= cc <= 20000:
        raise LoketError("samsat.engine_cc", value=_text(value)[:20])
    return cc


def parse_ownership_order(value: object) -> int:
    if value is None or _text(value) == "":
        return 1
    order = _whole(value)
    if order is None or not 1 <= order <= 99:
        raise LoketError("samsat.ownership_order", value=_text(value)[:20])
    return order


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(value: object, field: str = "date") -> date:
    """``2026-11-23`` or ``23-11-2026`` (also with / or .), between 1950 and 2100."""
    label = FIELDS.get(field, field)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = value
    else:
        raw = _text(value)
        if not raw:
            raise LoketError("samsat.field.empty", field=label)
        iso, dmy = _ISO.match(raw), _DMY.match(raw)
        try:
            if iso:
                day = date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif dmy:
                day = date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
            else:
                raise ValueError(raw)
        except ValueError:
            raise LoketError("samsat.date", field=label, value=raw[:20]) from None
    if not 1950 <= day.year <= 2100:
        raise LoketError("samsat.date", field=label, value=str(value)[:20])
    return day


def parse_phone(value: object) -> str:
    raw = _text(value)
    if raw and (not raw.isascii() or not _PHONE.match(raw)):
        raise LoketError("samsat.phone.format", value=raw[:40])
    return raw


def swdkllj_classes() -> dict[str, str] | None:
    """The SWDKLLJ classes of the tariff tables (code -> name, the latest entry's first), or
    None when the tables cannot be read (``loket tariff`` checks them)."""
    try:
        from app.tariffs.rules import TariffTables

        table = TariffTables().swdkllj()
    except Exception:  # missing or broken tariff files: the register does not guess
        return None
    out: dict[str, str] = {}
    for entry in reversed(table.entries):
        for code, klass in entry.classes.items():
            out.setdefault(code, klass.name)
    return out or None


def parse_swdkllj_class(value: object) -> str:
    raw = _text(value)
    if not raw:
        raise LoketError("samsat.field.empty", field=FIELDS["swdkllj_class"])
    known = swdkllj_classes()
    if known is not None and raw not in known:
        lowered = {k.lower(): k for k in known}
        if raw.lower() not in lowered:
            raise LoketError("samsat.swdkllj_class", value=raw[:32], choices=", ".join(known))
        raw = lowered[raw.lower()]
    if len(raw) > 32:
        raise LoketError("samsat.field.too_long", field=FIELDS["swdkllj_class"], max=32)
    return raw


# --- look-ups ---------------------------------------------------------------------------


def find_vehicle(session: Session, plate_text: object) -> Vehicle | None:
    """The registered vehicle with this plate (validated: LoketError if not a plate)."""
    plate = parse_plate(plate_text)
    return session.scalar(select(Vehicle).where(Vehicle.plate == str(plate)))


def find_person(session: Session, nik_text: object, *, today: date | None = None
                ) -> Person | None:
    """The registered person with this NIK (validated: LoketError if not a NIK)."""
    nik = parse_nik(nik_text, today=today)
    return session.scalar(select(Person).where(Person.nik == nik.value))


# --- registration -----------------------------------------------------------------------


@dataclass(frozen=True)
class PersonData:
    nik: str
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class VehicleData:
    """A vehicle as typed on the registration form (strings or values)."""

    plate: object
    category: object
    swdkllj_class: object
    njkb: object
    tax_due_on: object
    stnk_valid_until: object
    chassis_no: object
    engine_no: object
    owner_nik: object = None
    usage: object = "pribadi"
    bobot: object = "1"
    ownership_order: object = 1
    make: object = ""
    model: object = ""
    body_type: object = ""
    year_made: object = None
    engine_cc: object = None
    color: object = ""
    fuel: object = ""



def validate_person(session: Session, data: PersonData, *, today: date | None = None
                    ) -> dict[str, Any]:
    """The columns of a new person, or LoketError (the first problem found)."""
    nik = parse_nik(data.nik, today=today)
    values = {"nik": nik.value, "name": parse_text(data.name, "name", 200, required=True),
              "address": parse_text(data.address, "address", 500),
              "phone": parse_phone(data.phone)}
    existing = session.scalar(select(Person).where(Person.nik == nik.value))
    if existing is not None:
        raise LoketError("samsat.person.exists", nik=nik.value, name=existing.name)
    return values


def register_person(uow: UnitOfWork, data: PersonData, *, actor: Actor,
                    now: datetime | None = None) -> Person:
    """Add a person (vehicle owner) to the register: all of it, or nothing."""
    now = moment(now)
    s = uow.session
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=None, now=now)
    values = validate_person(s, data, today=now.date())
    person = Person(**values, created_at=now, updated_at=now)
    s.add(person)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, action="person.registered",
                 entity="person", entity_id=person.id, after=values, at=now)
    uow.commit()
    return person


def validate_vehicle(session: Session, data: VehicleData, *, today: date | None = None
                     ) -> dict[str, Any]:
    """The columns of a new vehicle, or LoketError (the first problem found)."""
    plate = str(parse_plate(data.plate))
    values: dict[str, Any] = {
        "plate": plate,
        "category": parse_category(data.category),
        "swdkllj_class": parse_swdkllj_class(data.swdkllj_class),
        "usage": parse_usage(data.usage),
        "njkb": parse_njkb(data.njkb),
        "bobot": parse_bobot(data.bobot),
        "ownership_order": parse_ownership_order(data.ownership_order),
        "chassis_no": parse_chassis(data.chassis_no),
        "engine_no": parse_engine_no(data.engine_no),
        "make": parse_text(data.make, "make", 60),
        "model": parse_text(data.model, "model", 80),
        "body_type": parse_text(data.body_type, "body_type", 40),
        "color": parse_text(data.color, "color", 40),
        "fuel": parse_text(data.fuel, "fuel", 20),
        "year_made": parse_year_made(data.year_made, today=today),
        "engine_cc": parse_engine_cc(data.engine_cc),
        "tax_due_on": parse_date(data.tax_due_on, "tax_due_on"),
        "stnk_valid_until": parse_date(data.stnk_valid_until, "stnk_valid_until"),
    }
    tax, stnk = values["tax_due_on"], values["stnk_valid_until"]
    if stnk < tax:
        raise LoketError("samsat.dates.order", stnk=stnk, tax=tax)
    if (stnk - tax).days > 5 * 366:
        raise LoketError("samsat.dates.span", stnk=stnk, tax=tax)
    owner_id = None
    if data.owner_nik is not None and _text(data.owner_nik):
        owner = find_person(session, data.owner_nik, today=today)
        if owner is None:
            raise LoketError("samsat.owner.unknown", nik=_text(data.owner_nik))
        owner_id = owner.id
    values["owner_id"] = owner_id
    if session.scalar(select(Vehicle.id).where(Vehicle.plate == plate)) is not None:
        raise LoketError("samsat.vehicle.exists", plate=plate)
    for column, key in ((Vehicle.chassis_no, "samsat.chassis.taken"),
                        (Vehicle.engine_no, "samsat.engine.taken")):
        other = session.scalar(select(Vehicle.plate).where(column == values[column.key]))
        if other is not None:
            raise LoketError(key, value=values[column.key], plate=other)
    return values


def register_vehicle(uow: UnitOfWork, data: VehicleData, *, actor: Actor,
                     now: datetime | None = None) -> Vehicle:
    """Add a vehicle to the register: all of it, or nothing."""
    now = moment(now)
    s = uow.session
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=None, now=now)
    values = validate_vehicle(s, data, today=now.date())
    vehicle = Vehicle(**values, created_at=now, updated_at=now)
    s.add(vehicle)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id,
                 action="vehicle.registered", entity="vehicle", entity_id=vehicle.id,
                 after=vehicle_json(vehicle), at=now)
    uow.commit()
    return vehicle


def vehicle_json(vehicle: Vehicle) -> dict[str, Any]:
    """What ``loket samsat vehicle show`` prints (money as a whole-rupiah string)."""
    owner = vehicle.owner
    return {
        "id": vehicle.id, "plate": vehicle.plate, "category": vehicle.category,
        "swdkllj_class": vehicle.swdkllj_class, "usage": vehicle.usage, "make": vehicle.make,
        "model": vehicle.model, "body_type": vehicle.body_type,
        "year_made": vehicle.year_made, "engine_cc": vehicle.engine_cc,
        "color": vehicle.color, "fuel": vehicle.fuel, "chassis_no": vehicle.chassis_no,
        "engine_no": vehicle.engine_no, "njkb": str(vehicle.njkb), "bobot": vehicle.bobot,
        "ownership_order": vehicle.ownership_order,
        "tax_due_on": vehicle.tax_due_on.isoformat(),
        "stnk_valid_until": vehicle.stnk_valid_until.isoformat(),
        "owner": None if owner is None else {"nik": owner.nik, "name": owner.name,
                                             "address": owner.address},
    }
