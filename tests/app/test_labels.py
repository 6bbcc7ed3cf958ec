"""Codes become words in the reader's language from one place (app/labels.py): every member
of every stored vocabulary has a word in Indonesian and in English, and an unknown code
shows as itself."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

import pytest

from app import i18n, labels
from app.queue.tickets import PRIORITY_REASONS
from db.enums import (
    ComplaintStatus,
    DeviceKind,
    HolidayKind,
    JobState,
    PaymentMethod,
    Role,
    StationKind,
    TimeUnit,
    VisitStatus,
)
from devices.base import Condition

FUNCTIONS: list[tuple[type[StrEnum], str, Callable[..., str]]] = [
    (VisitStatus, "status", labels.status_label),
    (DeviceKind, "device", labels.device_kind_label),
    (Condition, "condition", labels.device_state_label),
    (JobState, "job", labels.job_state_label),
    (PaymentMethod, "payment", labels.payment_method_label),
    (ComplaintStatus, "complaint", labels.complaint_status_label),
    (HolidayKind, "holiday", labels.holiday_kind_label),
    (Role, "role", labels.role_label),
    (StationKind, "station", labels.station_kind_label),
    (TimeUnit, "unit", labels.time_unit_label),
]


@pytest.mark.parametrize(("enum", "table", "function"), FUNCTIONS,
                         ids=[e.__name__ for e, _, _ in FUNCTIONS])
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_member_has_a_word_in_both_languages(enum, table: str, function,
                                                   lang: str) -> None:
    assert table in labels.TABLES
    for member in enum:
        assert labels.known(table, member), f"{enum.__name__}.{member.name} has no word"
        word = function(member, lang)
        assert word.strip(), f"{enum.__name__}.{member.name}: empty {lang} word"
        assert function(member.value, lang) == word  # the stored string as the member
        if not (enum is TimeUnit and lang == "en"):  # "minutes" is the English word
            assert word != member.value, f"{enum.__name__}.{member.name}: the code in {lang}"
    words = [function(m, lang) for m in enum]
    assert len(set(words)) == len(words), f"two {enum.__name__} members read alike in {lang}"


def test_the_words_differ_by_language() -> None:
    assert labels.status_label("called", "id") == "Dipanggil"
    assert labels.status_label("called", "en") == "Called"
    assert labels.status_label(VisitStatus.NO_SHOW, "id") == "Tidak hadir"
    assert labels.device_kind_label("ticket_printer", "id") == "Printer tiket"
    assert labels.device_kind_label(DeviceKind.TICKET_PRINTER, "en") == "Ticket printer"
    assert labels.device_state_label("paper_out", "en") == "Out of paper"
    assert labels.time_unit_label("working_days", "id") == "hari kerja"


def test_the_language_is_the_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    assert labels.status_label("waiting") == "Waiting"
    assert labels.catalog_name("Pendaftaran Berkas", "Document registration") == (
        "Document registration")
    assert labels.catalog_name("Loket 1 Pendaftaran", "") == "Loket 1 Pendaftaran"
    monkeypatch.setenv("LOKET_LANG", "id")
    assert labels.status_label("waiting") == "Menunggu"
    assert labels.catalog_name("Pendaftaran Berkas", "Document registration") == (
        "Pendaftaran Berkas")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_other_vocabularies_have_words(lang: str) -> None:
    for reason in PRIORITY_REASONS:
        assert labels.priority_label(reason, lang) != reason
    for state in ("near", "over"):
        assert labels.sla_label(state, lang) != state
    for kind in ("complaint", "application"):
        assert labels.case_kind_label(kind, lang) != kind
    assert labels.zone_label("WITA", lang) == "WITA"


def test_an_unknown_code_is_itself() -> None:
    assert labels.status_label("teleported") == "teleported"
    assert labels.device_kind_label("fax") == "fax"
    assert labels.time_unit_label("weeks") == "weeks"
    assert labels.status_label(None) == ""
    assert labels.label("no-such-table", "x") == "x"
    assert not labels.known("status", "teleported") and not labels.known("status", None)
