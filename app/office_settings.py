"""An office's settings, typed, with their defaults declared once.

``Office.settings`` is a JSON object written by catalog imports, the setup wizard and the
supervisor (``closed_on`` by closing the day, ``running_text``). :func:`settings_of` reads
the keys below out of it once per distinct content and refuses a value it cannot use with
the setting's key (``office.bad_setting``), rather than failing somewhere deep inside a
counter action. The catalog check parses an office's settings with the same
:func:`parse_settings`, so a bad one is refused with its file and line before any import.

Three settings are the exception, where an unusable value means the default because refusing
it would be worse than the default (each says why beside its parser):
``recover_after_minutes``, ``lock_after_minutes`` and the kiosk's ``issue_when_closed``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from app import i18n
from app.errors import LoketError

i18n.register({
    "office.bad_setting": ("pengaturan kantor {key!r} tidak sah: {value!r} (seharusnya "
                           "{expected})",
                           "office setting {key!r} is not valid: {value!r} (expected "
                           "{expected})"),
})

RECALL_LIMIT = 3
RECOVER_AFTER_MINUTES = 15
MAX_RECOVER_AFTER_MINUTES = 7 * 24 * 60  # a week: silent longer than that is a closed office
SLA_WARNING_RATIO = 0.8  # "close to the standard" from 80% of the allowed time
DEFAULT_SERVICE_MINUTES = 5.0
LOCK_AFTER_MINUTES = 15  # a station's idle lock
LOCK_AFTER_BOUNDS = (1, 8 * 60)  # or 0: never lock
TICKET_FOOTER = ("Simpan tiket ini sampai selesai dilayani.",
                 "Pindai kode QR untuk cek antrian & survei.")
# the catalog services of each area's work, unless the office names its own
FISCAL_SERVICES = ("TAX-CLEARANCE",)
COMPLAINT_SERVICES = ("PENGADUAN",)
PERFORATION_SERVICES = ("PERFORASI",)
NPWPD_SERVICES = ("NPWPD", "NPWPD-DAFTAR")
NPWPD_DEACTIVATION_SERVICES = ("NPWPD-NONAKTIF",)
TAX_PAYMENT_SERVICES = ("PEMBAYARAN", "TUNGGAKAN")
SAMSAT_KINDS = ("renewal", "lost")
SAMSAT_SERIES = ("skpd", "receipt")
INTEREST_TABLE = "regional-tax-interest"  # resources/tariffs: the late-payment interest
EVENTS_KEEP_DAYS = 7  # live events older than this are pruned (app/queue/event_log.py)
EVENTS_KEEP_BOUNDS = (1, 365)
_NONE: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Voice:
    """The office's voice settings (``voice``); None: not set here (the station's setting,
    or the display's default, applies)."""

    muted: bool | None = None
    volume: int | None = None  # 0 to 100 (a larger number is the loudest)
    folder: str | None = None


@dataclass(frozen=True)
class OfficeSettings:
    hours: tuple[time, time] | None = None  # opening and closing time; None: no hours set
    closed_on: date | None = None  # the local day the day was closed, if it was
    recall_limit: int = RECALL_LIMIT  # recalls before a called visitor is a no-show
    recover_after_minutes: int = RECOVER_AFTER_MINUTES  # silence before a counter's visits
    sla_warning_ratio: float = SLA_WARNING_RATIO  # share of the allowed time: "near"
    default_service_minutes: float = DEFAULT_SERVICE_MINUTES  # the wait estimate's fallback
    lock_after_minutes: int = LOCK_AFTER_MINUTES  # a station's idle lock; 0: never lock
    kiosk_idle_seconds: float | None = None  # the kiosk's return to its start; None: its own
    issue_when_closed: bool = False  # ``kiosk: {issue_when_closed: true}``: numbers while shut
    running_text: str = ""  # the line along the bottom of the waiting-room display
    voice: Voice = Voice()
    ticket_footer: tuple[str, ...] = TICKET_FOOTER  # the lines at the foot of a ticket
    phone: str = ""  # on the NPWPD card
    government: str = ""  # on the NPWPD card ("PEMERINTAH KOTA ...")
    city: str = ""  # on Bapenda papers; empty: the "Kota X"/"Kabupaten X" of the office's name
    npwpd_verify_url: str = ""  # the card's QR ({npwpd}, {office}); empty: a plain payload
    interest_table: str = INTEREST_TABLE  # the tariff table of late-payment interest
    tracking_prefix: str = ""  # of casework numbers; empty: the office's code
    requirements_stage: str = ""  # the stage whose counter checks the requirements
    events_keep_days: int = EVENTS_KEEP_DAYS  # the live events' catch-up window, in days
    # the catalog services of each area (an empty list: the default)
    fiscal_services: tuple[str, ...] = FISCAL_SERVICES
    complaint_services: tuple[str, ...] = COMPLAINT_SERVICES
    casework_services: tuple[str, ...] | None = None  # None: every long-running service
    perforation_services: tuple[str, ...] = PERFORATION_SERVICES
    npwpd_service: tuple[str, ...] = NPWPD_SERVICES  # the setting names one code
    npwpd_deactivation_service: tuple[str, ...] = NPWPD_DEACTIVATION_SERVICES  # one code
    tax_payment_services: tuple[str, ...] = TAX_PAYMENT_SERVICES
    samsat_services: Mapping[str, str] = field(default_factory=lambda: _NONE)  # code: kind
    samsat_numbers: Mapping[str, str] = field(default_factory=lambda: _NONE)  # series: format


def _bad(key: str, value: object, expected: str) -> LoketError:
    return LoketError("office.bad_setting", key=key, value=value, expected=expected)


_HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _hours(value: Any) -> tuple[time, time] | None:
    if not value:
        return None
    if not isinstance(value, Mapping):
        raise _bad("hours", value, '{"open": "HH:MM", "close": "HH:MM"}')
    if not value.get("open") or not value.get("close"):
        return None
    if not all(isinstance(value[key], str) and _HH_MM.match(value[key])
               for key in ("open", "close")):
        raise _bad("hours", dict(value), '{"open": "HH:MM", "close": "HH:MM"}')
    return time.fromisoformat(value["open"]), time.fromisoformat(value["close"])


def _closed_on(value: Any) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _bad("closed_on", value, "YYYY-MM-DD") from None


def _number(kind: Callable[[Any], Any], low: float, high: float | None,
            expected: str) -> Callable[[str, Any], Any]:
    def parse(key: str, value: Any) -> Any:
        if isinstance(value, bool):
            raise _bad(key, value, expected)
        try:
            number = kind(value)
        except (TypeError, ValueError):
            raise _bad(key, value, expected) from None
        if number < low or (high is not None and number > high):
            raise _bad(key, value, expected)
        return number

    return parse


_recall_limit = _number(int, 0, None, "a whole number, 0 or more")
_ratio = _number(float, 0.0, 1.0, "a number from 0 to 1")
_minutes = _number(float, 0.0, None, "a number of minutes, 0 or more")


def _keep_days(key: str, value: Any) -> int:
    """A whole number of days within :data:`EVENTS_KEEP_BOUNDS` (7.5 or "7" is a typo to
    say, not a window to guess)."""
    low, high = EVENTS_KEEP_BOUNDS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(key, value, f"a whole number of days from {low} to {high}")
    return value


def _recover_after(value: Any) -> int:
    # the default, never a refusal: the recovery runs by itself, and a typo there must
    # neither take back every visit at the counters nor stop the recovery altogether
    if isinstance(value, int) and not isinstance(value, bool) and \
            1 <= value <= MAX_RECOVER_AFTER_MINUTES:
        return value
    return RECOVER_AFTER_MINUTES


def _lock_after(value: Any) -> int:
    # the default, never a refusal: the setting is read before anyone signs in, so a refusal
    # would keep everyone out of the station, and a typo must neither leave a signed-in
    # station open for ever nor lock it every few seconds
    if isinstance(value, bool) or not isinstance(value, int):
        return LOCK_AFTER_MINUTES
    if value == 0 or LOCK_AFTER_BOUNDS[0] <= value <= LOCK_AFTER_BOUNDS[1]:
        return value
    return LOCK_AFTER_MINUTES


def _issue_when_closed(value: Any) -> bool:
    # off unless exactly true, never a refusal: a number given while the office is shut is
    # a promise to the public, so only a plain ``true`` makes it, and a typo must not stop
    # the kiosk giving numbers while the office is open
    return isinstance(value, Mapping) and value.get("issue_when_closed") is True


def _idle_seconds(key: str, value: Any) -> float | None:
    seconds = _number(float, 0.0, None, "a number of seconds, 0 or more")(key, value)
    return seconds or None  # 0: the kiosk's own


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _bad(key, value, "a text")
    return value


def _texts(key: str, value: Any) -> tuple[str, ...] | None:
    """A list of texts; empty: None (the default)."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _bad(key, value, "a list of texts")
    return tuple(value) or None


def _codes(key: str, value: Any) -> tuple[str, ...] | None:
    codes = _texts(key, value)
    if codes is not None and not all(codes):
        raise _bad(key, value, "a list of service codes")
    return codes


def _one_code(key: str, value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, str):
        raise _bad(key, value, "a service code")
    return (value,) if value else None


def _mapping(key: str, value: Any, keys: tuple[str, ...] | None,
             values: tuple[str, ...] | None, expected: str) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and v
            and (keys is None or k in keys) and (values is None or v in values)
            for k, v in value.items()):
        raise _bad(key, value, expected)
    return MappingProxyType(dict(value))


def _voice(value: Any) -> Voice:
    expected = '{"muted": true/false, "volume": 0-100, "folder": "..."}'
    if not isinstance(value, Mapping):
        raise _bad("voice", value, expected)
    muted, volume, folder = value.get("muted"), value.get("volume"), value.get("folder")
    if muted is not None and not isinstance(muted, bool):
        raise _bad("voice", dict(value), expected)
    if volume is not None and (isinstance(volume, bool) or not isinstance(volume, int)):
        raise _bad("voice", dict(value), expected)
    if folder is not None and not isinstance(folder, str):
        raise _bad("voice", dict(value), expected)
    return Voice(muted=muted, volume=None if volume is None else max(0, min(100, volume)),
                 folder=folder or None)


KEYS = ("hours", "closed_on", "recall_limit", "recover_after_minutes", "sla_warning_ratio",
        "default_service_minutes", "lock_after_minutes", "kiosk_idle_seconds", "kiosk",
        "running_text", "voice", "ticket_footer", "phone", "government", "fiscal_services",
        "complaint_services", "casework_services", "perforation_services", "npwpd_service",
        "npwpd_deactivation_service", "tax_payment_services", "samsat_services",
        "samsat_numbers", "city", "npwpd_verify_url", "interest_table", "tracking_prefix",
        "requirements_stage", "events_keep_days")


def parse_settings(settings: Mapping[str, Any] | None) -> OfficeSettings:
    """The typed settings of one settings object (a missing key: its default)."""
    settings = settings or {}
    defaults = OfficeSettings()

    def read(key: str, parse: Callable[[str, Any], Any]) -> Any:
        value = settings.get(key)
        parsed = None if value is None else parse(key, value)
        return getattr(defaults, key) if parsed is None else parsed

    return OfficeSettings(
        hours=_hours(settings.get("hours")),
        closed_on=_closed_on(settings.get("closed_on")),
        recall_limit=read("recall_limit", _recall_limit),
        recover_after_minutes=_recover_after(settings.get("recover_after_minutes")),
        sla_warning_ratio=read("sla_warning_ratio", _ratio),
        default_service_minutes=read("default_service_minutes", _minutes),
        lock_after_minutes=_lock_after(settings.get("lock_after_minutes", LOCK_AFTER_MINUTES)),
        kiosk_idle_seconds=read("kiosk_idle_seconds", _idle_seconds),
        issue_when_closed=_issue_when_closed(settings.get("kiosk")),
        running_text=read("running_text", _text),
        voice=defaults.voice if settings.get("voice") is None else _voice(settings["voice"]),
        ticket_footer=read("ticket_footer", _texts),
        phone=read("phone", _text),
        government=read("government", _text),
        city=read("city", _text),
        npwpd_verify_url=read("npwpd_verify_url", _text),
        interest_table=read("interest_table", _text) or INTEREST_TABLE,
        tracking_prefix=read("tracking_prefix", _text),
        requirements_stage=read("requirements_stage", _text),
        events_keep_days=read("events_keep_days", _keep_days),
        fiscal_services=read("fiscal_services", _codes),
        complaint_services=read("complaint_services", _codes),
        casework_services=read("casework_services", _codes),
        perforation_services=read("perforation_services", _codes),
        npwpd_service=read("npwpd_service", _one_code),
        npwpd_deactivation_service=read("npwpd_deactivation_service", _one_code),
        tax_payment_services=read("tax_payment_services", _codes),
        samsat_services=read("samsat_services", lambda key, value: _mapping(
            key, value, None, SAMSAT_KINDS, '{"SERVICE-CODE": "renewal" | "lost"}')),
        samsat_numbers=read("samsat_numbers", lambda key, value: _mapping(
            key, value, SAMSAT_SERIES, None, '{"skpd": "...", "receipt": "..."}')),
    )


@lru_cache(maxsize=256)
def _parsed(content: str) -> OfficeSettings:
    return parse_settings(json.loads(content))


def settings_of(office: Any) -> OfficeSettings:
    """The typed settings of ``office``: anything with a ``settings`` mapping (an Office row,
    the queue's office and counter snapshots). Parsed once per distinct content."""
    settings = office.settings or {}
    content = json.dumps({key: settings.get(key) for key in KEYS}, sort_keys=True,
                         default=str)
    return _parsed(content)
