"""The casework desk registers and moves applications and complaints in units of work of its
own and returns plain frozen data; refusals pass as they are and a lost database is
``db.unreachable``."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from app.errors import LoketError
from app.stations.casework_desk import CaseworkDesk
from app.store import Store
from tests.app.stations.conftest import assert_frozen
from tests.app.stations.desk_data import assert_desk_plain

MALANG, SAMSAT = "BPPD-MALANG", "SAMSAT-PTK1"


def wib(y: int, m: int, d: int, hh: int = 10) -> datetime:
    return datetime(y, m, d, hh, tzinfo=ZoneInfo("Asia/Jakarta")).astimezone(UTC)


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _desk(store: Store, office: str = MALANG,
          clock: Clock | None = None) -> CaseworkDesk:
    return CaseworkDesk(store, office, actor=lambda: "petugas",
                        clock=clock or Clock(wib(2026, 12, 18)))


def test_the_choices_are_the_office_services_channels_and_zone(catalog_store: Store) -> None:
    choices = _desk(catalog_store).choices()
    assert_frozen(choices)
    assert_desk_plain(choices)
    assert [s.code for s in choices.services] == ["KERINGANAN", "KEBERATAN"]
    assert (choices.tz, choices.zone) == (ZoneInfo("Asia/Jakarta"), "WIB")
    assert len(_desk(catalog_store, SAMSAT).choices().channels) == 9


def test_an_application_is_registered_with_its_receipt_then_moved(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    assert desk.due_date("KEBERATAN") == date(2026, 12, 31)  # over Christmas
    received = desk.register_application("KEBERATAN", applicant_name="Budi Santoso",
                                         subject="Keberatan SKPD reklame", amount="2.500.000")
    assert_frozen(received)
    assert_desk_plain(received)
    info = received.application
    assert info.number == "BPPD-MALANG/2026/000001" and info.due_on == date(2026, 12, 31)
    assert "Budi Santoso" in PdfReader(io.BytesIO(received.receipt_pdf)).pages[0].extract_text()
    assert desk.application(info.number) == info
    forwarded = desk.forward(info.number, to="Kasubbid Keberatan", note="mohon telaah")
    assert_desk_plain(forwarded)
    assert forwarded.holder == "Kasubbid Keberatan" and len(forwarded.steps) == 2
    with pytest.raises(LoketError, match="reason"):  # a refusal passes as it is
        desk.finish(info.number, outcome="rejected")
    done = desk.finish(info.number, outcome="done")
    assert done.status == "done" and not done.open
    with pytest.raises(LoketError) as unknown:
        desk.application("BPPD-MALANG/2026/999999")
    assert unknown.value.key != "db.unreachable"


def test_the_lists_are_read_at_the_desk_clock(catalog_store: Store) -> None:
    clock = Clock(wib(2026, 12, 18))
    desk = _desk(catalog_store, clock=clock)
    late = desk.register_application("KEBERATAN", applicant_name="Siti",
                                     subject="Keberatan", amount="1.000.000").application
    assert desk.lists().late == ()
    clock.now = wib(2027, 1, 1)
    lists = desk.lists()
    assert_frozen(lists)
    assert_desk_plain(lists)
    assert [x.number for x in lists.late] == [late.number] and lists.complaints == ()


def test_a_complaint_is_registered_stepped_answered_and_closed(catalog_store: Store) -> None:
    desk = _desk(catalog_store, SAMSAT)
    info = desk.register_complaint(channel="whatsapp", text="STNK belum jadi",
                                   reporter="Andi")
    assert_frozen(info)
    assert_desk_plain(info)
    assert info.number == "SAMSAT-PTK1/ADU/2026/000001" and len(info.steps) == 4
    assert desk.complaint(info.number) == info
    stepped = desk.complete_step(info.number, 2)
    assert stepped.status == "in_progress" and stepped.steps[1].done_by == "petugas"
    with pytest.raises(LoketError, match="already done"):
        desk.complete_step(info.number, 2)
    answered = desk.answer(info.number, "STNK siap diambil")
    assert answered.status == "answered"
    closed = desk.close(info.number, "Sudah diambil pelapor")
    assert_desk_plain(closed)
    assert closed.status == "closed"
    with pytest.raises(LoketError, match="already closed"):
        desk.answer(info.number, "lagi")


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    desk = _desk(lost_store)
    number = "BPPD-MALANG/2026/000001"
    calls = (desk.choices, desk.lists, lambda: desk.due_date("KEBERATAN"),
             lambda: desk.register_application("KEBERATAN", applicant_name="Siti",
                                               subject="Keberatan", amount="1.000.000"),
             lambda: desk.application(number),
             lambda: desk.forward(number, to="Kasubbid"),
             lambda: desk.finish(number, outcome="done"),
             lambda: desk.register_complaint(channel="whatsapp", text="STNK belum jadi"),
             lambda: desk.complaint(number), lambda: desk.complete_step(number, 1),
             lambda: desk.answer(number, "siap"), lambda: desk.close(number, "selesai"))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
