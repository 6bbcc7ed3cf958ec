"""Indonesian identifiers an officer types: NIK, vehicle plate (TNKB), NOP PBB-P2.

Each ``parse_*`` takes what was typed (spaces, dots and dashes as people write them),
returns a normalised value object, or raises :class:`~app.errors.LoketError` whose message
says in Indonesian what is wrong. No other exception escapes, whatever the string (property
tests in ``tests/app/test_identifiers.py``). Rules: ``../shared/DOMAIN.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.errors import LoketError

# Province codes of the NIK and the NOP (Kemendagri), incl. the new Papua provinces
PROVINCES = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63,
    64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
})
_SEPARATORS = re.compile(r"[\s.\-/]+")


def _digits(text: object, key: str, length: int) -> str:
    raw = _SEPARATORS.sub("", str(text or ""))
    if not raw:
        raise LoketError(f"{key}.empty")
    if not raw.isascii() or not raw.isdigit():
        raise LoketError(f"{key}.digits", value=str(text)[:40])
    if len(raw) != length:
        raise LoketError(f"{key}.length", value=str(text)[:40], length=len(raw))
    return raw


# --- NIK ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nik:
    value: str  # 16 digits
    province: int
    birth_date: date
    female: bool

    def __str__(self) -> str:
        return self.value


def parse_nik(text: object, *, today: date | None = None) -> Nik:
    """16 digits: province, regency, district (2 each), DDMMYY (+40 on the day for women),
    serial (4). The birth date must exist and not be in the future."""
    today = today or date.today()
    nik = _digits(text, "id.nik", 16)
    province = int(nik[:2])
    if province not in PROVINCES:
        raise LoketError("id.nik.province", value=nik, code=nik[:2])
    if nik[2:4] == "00" or nik[4:6] == "00":
        raise LoketError("id.nik.region", value=nik)
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > 40
    if female:
        day -= 40
    century = 2000 if 2000 + yy <= today.year else 1900
    try:
        born = date(century + yy, month, day)
    except ValueError:
        raise LoketError("id.nik.birth_date", value=nik) from None
    if born > today:
        raise LoketError("id.nik.birth_date", value=nik)
    if nik[12:] == "0000":
        raise LoketError("id.nik.serial", value=nik)
    return Nik(nik, province, born, female)


# --- plate -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plate:
    region: str  # 1-2 letters: KB, B, DK
    number: int  # 1-9999
    suffix: str  # 0-3 letters

    def __str__(self) -> str:
        return " ".join(p for p in (self.region, str(self.number), self.suffix) if p)


_PLATE = re.compile(r"^([A-Z]{1,2})\s*([0-9]{1,4})\s*([A-Z]{0,3})$")
# series the Samsat counter does not serve as ordinary vehicles
_SPECIAL = {"RI": "id.plate.state", "CD": "id.plate.diplomatic", "CC": "id.plate.diplomatic"}


def parse_plate(text: object) -> Plate:
    """``KB 1234 AB``: region 1-2 letters, 1-4 digits (no leading zero), 0-3 letters."""
    raw = " ".join(str(text or "").upper().replace("-", " ").split())
    if not raw:
        raise LoketError("id.plate.empty")
    if raw.replace(" ", "").isdigit():  # TNI/Polri plates are numbers only
        raise LoketError("id.plate.military", value=raw[:20])
    match = _PLATE.match(raw) if raw.isascii() else None
    if match is None:
        raise LoketError("id.plate.format", value=raw[:20])
    region, digits, suffix = match.groups()
    if region in _SPECIAL:
        raise LoketError(_SPECIAL[region], value=raw)
    if digits.startswith("0"):
        raise LoketError("id.plate.format", value=raw)
    return Plate(region, int(digits), suffix)


# --- NOP PBB-P2 --------------------------------------------------------------------------


@dataclass(frozen=True)
class Nop:
    value: str  # 18 digits

    @property
    def province(self) -> int:
        return int(self.value[:2])

    def __str__(self) -> str:
        """``PP.KK.KKK.DDD.BBB-NNNN.K``"""
        v = self.value
        return f"{v[:2]}.{v[2:4]}.{v[4:7]}.{v[7:10]}.{v[10:13]}-{v[13:17]}.{v[17]}"


def parse_nop(text: object) -> Nop:
    nop = _digits(text, "id.nop", 18)
    if int(nop[:2]) not in PROVINCES:
        raise LoketError("id.nop.province", value=nop, code=nop[:2])
    return Nop(nop)
