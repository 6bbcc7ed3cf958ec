"""The office's queue settings: typed, defaults declared once, a bad value refused by key."""

from __future__ import annotations

from datetime import date, time
from types import SimpleNamespace

import pytest

from app.errors import LoketError
from app.office_settings import OfficeSettings, parse_settings, settings_of


def test_an_empty_settings_object_is_every_default() -> None:
    assert parse_settings({}) == parse_settings(None) == OfficeSettings()
    defaults = OfficeSettings()
    assert (defaults.hours, defaults.closed_on, defaults.recall_limit,
            defaults.recover_after_minutes, defaults.sla_warning_ratio,
            defaults.default_service_minutes) == (None, None, 3, 15, 0.8, 5.0)


def test_values_are_parsed_to_their_types() -> None:
    parsed = parse_settings({
        "hours": {"open": "08:00", "close": "15:30"}, "closed_on": "2026-11-23",
        "recall_limit": 5, "recover_after_minutes": 30, "sla_warning_ratio": 0.75,
        "default_service_minutes": 7, "running_text": "not a queue setting",
    })
    assert parsed == OfficeSettings(
        hours=(time(8, 0), time(15, 30)), closed_on=date(2026, 11, 23), recall_limit=5,
        recover_after_minutes=30, sla_warning_ratio=0.75, default_service_minutes=7.0)


def test_hours_without_both_times_are_no_hours() -> None:
    for hours in ({}, {"open": "08:00"}, {"open": "08:00", "close": ""}, None):
        assert parse_settings({"hours": hours}).hours is None


@pytest.mark.parametrize(("key", "value"), [
    ("hours", {"open": "8 pagi", "close": "15:00"}),
    ("hours", "08:00-15:00"),
    ("closed_on", "23/11/2026"),
    ("closed_on", 20261123),
    ("recall_limit", "tiga"),
    ("recall_limit", -1),
    ("recall_limit", True),
    ("sla_warning_ratio", "banyak"),
    ("sla_warning_ratio", 1.5),
    ("default_service_minutes", -2),
    ("default_service_minutes", [5]),
])
def test_a_bad_value_is_refused_with_its_key(key: str, value: object) -> None:
    with pytest.raises(LoketError) as info:
        parse_settings({key: value})
    assert info.value.key == "office.bad_setting"
    assert info.value.params["key"] == key
    assert key in info.value.message("en")


@pytest.mark.parametrize("value", [0, -5, "15", 10**9, True, None])
def test_a_bad_recovery_setting_means_the_default(value: object) -> None:
    """An office's typo there must never take back every visit at the counters."""
    assert parse_settings({"recover_after_minutes": value}).recover_after_minutes == 15


def test_settings_of_reads_any_office_and_follows_its_changes() -> None:
    office = SimpleNamespace(settings={"recall_limit": 2})
    assert settings_of(office).recall_limit == 2
    assert settings_of(office) is settings_of(SimpleNamespace(settings={"recall_limit": 2}))
    office.settings = {**office.settings, "closed_on": "2026-11-23"}
    assert settings_of(office).closed_on == date(2026, 11, 23)
    assert settings_of(SimpleNamespace(settings=None)) == OfficeSettings()
