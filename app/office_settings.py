"""An office's settings the queue reads, typed, with their defaults declared once.

``Office.settings`` is a JSON object written by catalog imports, the setup wizard and the
supervisor (``closed_on`` by closing the day). :func:`settings_of` reads the keys below out
of it once per distinct content and refuses a value it cannot use with the setting's key
(``office.bad_setting``), rather than failing somewhere deep inside a counter action.

``recover_after_minutes`` is the exception: an unusable value means the default, since a
typo there must never take back every visit at the counters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
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


@dataclass(frozen=True)
class OfficeSettings:
    hours: tuple[time, time] | None = None  # opening and closing time; None: no hours set
    closed_on: date | None = None  # the local day the day was closed, if it was
    recall_limit: int = RECALL_LIMIT  # recalls before a called visitor is a no-show
    recover_after_minutes: int = RECOVER_AFTER_MINUTES  # silence before a counter's visits
    sla_warning_ratio: float = SLA_WARNING_RATIO  # share of the allowed time: "near"
    default_service_minutes: float = DEFAULT_SERVICE_MINUTES  # the wait estimate's fallback


def _bad(key: str, value: object, expected: str) -> LoketError:
    return LoketError("office.bad_setting", key=key, value=value, expected=expected)


def _hours(value: Any) -> tuple[time, time] | None:
    if not value:
        return None
    if not isinstance(value, Mapping):
        raise _bad("hours", value, '{"open": "HH:MM", "close": "HH:MM"}')
    if not value.get("open") or not value.get("close"):
        return None
    try:
        return time.fromisoformat(value["open"]), time.fromisoformat(value["close"])
    except (TypeError, ValueError):
        raise _bad("hours", dict(value), '{"open": "HH:MM", "close": "HH:MM"}') from None


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


def _recover_after(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and \
            1 <= value <= MAX_RECOVER_AFTER_MINUTES:
        return value
    return RECOVER_AFTER_MINUTES


KEYS = ("hours", "closed_on", "recall_limit", "recover_after_minutes", "sla_warning_ratio",
        "default_service_minutes")


def parse_settings(settings: Mapping[str, Any] | None) -> OfficeSettings:
    """The typed settings of one settings object (a missing key: its default)."""
    settings = settings or {}
    defaults = OfficeSettings()

    def read(key: str, parse: Callable[[str, Any], Any]) -> Any:
        value = settings.get(key)
        return getattr(defaults, key) if value is None else parse(key, value)

    return OfficeSettings(
        hours=_hours(settings.get("hours")),
        closed_on=_closed_on(settings.get("closed_on")),
        recall_limit=read("recall_limit", _recall_limit),
        recover_after_minutes=_recover_after(settings.get("recover_after_minutes")),
        sla_warning_ratio=read("sla_warning_ratio", _ratio),
        default_service_minutes=read("default_service_minutes", _minutes),
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
