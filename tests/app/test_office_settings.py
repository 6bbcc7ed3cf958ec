"""The office's queue settings: typed, defaults declared once, a bad value refused by key."""

from __future__ import annotations

from datetime import date, time
from types import SimpleNamespace

import pytest

from app.errors import LoketError
from app.office_settings import OfficeSettings, Voice, parse_settings, settings_of


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
        "default_service_minutes": 7, "no_such_setting": "not a setting",
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
    ("hours", {"open": "0800", "close": "15:00"}),  # HH:MM, as the catalog says
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


# --- the other settings: the stations', the tickets', the areas' ------------------------------

GOOD = [  # key, a good value, what it reads as
    ("lock_after_minutes", 30, 30),
    ("lock_after_minutes", 0, 0),  # never lock
    ("lock_after_minutes", 1, 1),
    ("lock_after_minutes", 480, 480),
    ("kiosk_idle_seconds", 20, 20.0),
    ("kiosk_idle_seconds", 0, None),
    ("running_text", "Selamat datang", "Selamat datang"),
    ("ticket_footer", ["Terima kasih"], ("Terima kasih",)),
    ("ticket_footer", [], OfficeSettings().ticket_footer),
    ("phone", "(0341) 512345", "(0341) 512345"),
    ("government", "PEMERINTAH KOTA BATU", "PEMERINTAH KOTA BATU"),
    ("fiscal_services", ["SKF"], ("SKF",)),
    ("fiscal_services", [], ("TAX-CLEARANCE",)),
    ("complaint_services", ["ADUAN"], ("ADUAN",)),
    ("casework_services", ["IZIN", "REKOM"], ("IZIN", "REKOM")),
    ("casework_services", [], None),
    ("perforation_services", ["PERF"], ("PERF",)),
    ("npwpd_service", "DAFTAR", ("DAFTAR",)),
    ("npwpd_service", "", ("NPWPD", "NPWPD-DAFTAR")),
    ("npwpd_deactivation_service", "TUTUP", ("TUTUP",)),
    ("tax_payment_services", ["BAYAR"], ("BAYAR",)),
    ("samsat_services", {"STNK-5": "renewal"}, {"STNK-5": "renewal"}),
    ("samsat_numbers", {"skpd": "{n}/S/{year}"}, {"skpd": "{n}/S/{year}"}),
    ("city", "Batu", "Batu"),
    ("npwpd_verify_url", "https://x.go.id/npwpd/{npwpd}", "https://x.go.id/npwpd/{npwpd}"),
    ("interest_table", "pkb-interest", "pkb-interest"),
    ("interest_table", "", "regional-tax-interest"),
    ("tracking_prefix", "MLG", "MLG"),
    ("requirements_stage", "loket-1", "loket-1"),
]


def test_the_other_settings_default() -> None:
    defaults = OfficeSettings()
    assert (defaults.lock_after_minutes, defaults.kiosk_idle_seconds,
            defaults.issue_when_closed, defaults.running_text, defaults.voice,
            defaults.phone, defaults.government) == (15, None, False, "", Voice(), "", "")
    assert defaults.ticket_footer == ("Simpan tiket ini sampai selesai dilayani.",
                                      "Pindai kode QR untuk cek antrian & survei.")
    assert (defaults.fiscal_services, defaults.complaint_services, defaults.casework_services,
            defaults.perforation_services, defaults.npwpd_service,
            defaults.npwpd_deactivation_service, defaults.tax_payment_services) == (
        ("TAX-CLEARANCE",), ("PENGADUAN",), None, ("PERFORASI",), ("NPWPD", "NPWPD-DAFTAR"),
        ("NPWPD-NONAKTIF",), ("PEMBAYARAN", "TUNGGAKAN"))
    assert dict(defaults.samsat_services) == dict(defaults.samsat_numbers) == {}
    assert (defaults.city, defaults.npwpd_verify_url, defaults.interest_table,
            defaults.tracking_prefix, defaults.requirements_stage) == (
        "", "", "regional-tax-interest", "", "")
    assert Voice() == Voice(muted=None, volume=None, folder=None)


@pytest.mark.parametrize(("key", "value", "read"), GOOD)
def test_a_good_value_is_read(key: str, value: object, read: object) -> None:
    parsed = getattr(parse_settings({key: value}), key)
    assert (dict(parsed) if key.startswith("samsat_") else parsed) == read


def test_the_voice_and_the_kiosk_setting() -> None:
    voice = parse_settings({"voice": {"muted": True, "volume": 140, "folder": "id"}}).voice
    assert voice == Voice(muted=True, volume=100, folder="id")  # the loudest, as before
    assert parse_settings({"voice": {"volume": 40}}).voice == Voice(volume=40)
    assert parse_settings({"kiosk": {"issue_when_closed": True}}).issue_when_closed is True


@pytest.mark.parametrize(("key", "value"), [
    ("kiosk_idle_seconds", "sebentar"),
    ("kiosk_idle_seconds", -1),
    ("running_text", 42),
    ("voice", "keras"),
    ("voice", {"volume": "keras"}),
    ("voice", {"muted": "ya"}),
    ("voice", {"folder": 3}),
    ("ticket_footer", "Terima kasih"),
    ("ticket_footer", ["baris", 2]),
    ("phone", 341512345),
    ("government", ["PEMERINTAH"]),
    ("fiscal_services", "TAX-CLEARANCE"),
    ("complaint_services", [""]),
    ("casework_services", {"IZIN": True}),
    ("perforation_services", [1]),
    ("npwpd_service", ["NPWPD"]),
    ("npwpd_deactivation_service", 5),
    ("tax_payment_services", "PEMBAYARAN"),
    ("samsat_services", {"STNK-5": "baru"}),
    ("samsat_services", ["STNK-5"]),
    ("samsat_numbers", {"stnk": "{n}"}),
    ("samsat_numbers", {"skpd": 5}),
    ("city", 7),
    ("npwpd_verify_url", ["https://x"]),
    ("interest_table", 2),
    ("tracking_prefix", {"MLG": 1}),
    ("requirements_stage", 1),
])
def test_another_bad_value_is_refused_with_its_key(key: str, value: object) -> None:
    with pytest.raises(LoketError) as info:
        parse_settings({key: value})
    assert info.value.key == "office.bad_setting"
    assert info.value.params["key"] == key


@pytest.mark.parametrize("value", [481, -5, "10", 2.5, True, []])
def test_a_bad_lock_setting_means_the_default(value: object) -> None:
    """Read before anyone signs in: a typo must neither keep everyone out of the station,
    nor leave it open for ever, nor lock it every few seconds."""
    assert parse_settings({"lock_after_minutes": value}).lock_after_minutes == 15


@pytest.mark.parametrize("value", [{"issue_when_closed": "true"}, {"issue_when_closed": 1},
                                   {}, True, "ya"])
def test_the_kiosk_gives_numbers_while_shut_only_when_plainly_told(value: object) -> None:
    """A promise to the public: only a plain ``true`` makes it, and a typo must not stop the
    kiosk while the office is open."""
    assert parse_settings({"kiosk": value}).issue_when_closed is False


def test_settings_of_follows_the_other_settings_too() -> None:
    office = SimpleNamespace(settings={"running_text": "A"})
    assert settings_of(office).running_text == "A"
    office.settings = {"running_text": "B", "samsat_services": {"X": "lost"}}
    assert settings_of(office).running_text == "B"
    assert settings_of(office).samsat_services["X"] == "lost"
    with pytest.raises(TypeError):  # shared by every reader: nobody may change it
        settings_of(office).samsat_services["X"] = "renewal"  # type: ignore[index]
