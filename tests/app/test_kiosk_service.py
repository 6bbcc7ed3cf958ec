"""The kiosk promises only what is true: when a number can be taken, and what it may say.

Samsat Pontianak (WIB) serves 07:30-15:00 on working days; its STNK services start at the
cek fisik place (counter ``CF``). Every clock is passed in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from app.access import Actor
from app.casework.holidays import add_holiday
from app.errors import LoketError
from app.office_settings import parse_settings
from app.output.tickets import ticket_content
from app.queue import engine as q_
from app.stations import kiosk as ks
from app.store import Store
from db.models import Office, Visit
from tests.app.queue.conftest import MONDAY_9

OFFICE = "SAMSAT-PTK1"
STNK = "STNK-PERPANJANGAN"
WIB = timedelta(hours=7)


def wib(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment given on the office's wall clock (WIB), as the UTC the services take."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - WIB


SUNDAY_0627 = wib(2026, 11, 22, 6, 27)
MONDAY_0627 = wib(2026, 11, 23, 6, 27)
MONDAY_1500 = wib(2026, 11, 23, 15, 0)
FRIDAY_1501 = wib(2026, 11, 27, 15, 1)
CHRISTMAS_EVE_9 = wib(2026, 12, 24, 9, 0)  # Thursday: cuti bersama, then Natal and a weekend


def _set(store: Store, **settings) -> None:
    with store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {**office.settings, **settings}
        uow.commit()


def _open_counter(store: Store, code: str = "CF", now: datetime = MONDAY_9) -> None:
    with store.uow() as uow:
        q_.set_counter_open(uow, code, True, office_code=OFFICE, now=now)


def _visits(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(func.count(Visit.id)))


def _state(store: Store, now: datetime) -> ks.KioskState:
    with store.uow(read_only=True) as uow:
        return ks.kiosk_state(uow, OFFICE, now)


def _refused(store: Store, now: datetime) -> LoketError:
    with pytest.raises(LoketError) as refused:
        ks.take_number(store, STNK, office_code=OFFICE, now=now)
    assert _visits(store) == 0
    return refused.value


def _local(moment: datetime | None) -> tuple[date, time] | None:
    return (moment.date(), moment.time()) if moment else None


@pytest.mark.parametrize(("now", "reason", "day_off", "opens"), [
    (SUNDAY_0627, ks.DAY_OFF, "Minggu", (date(2026, 11, 23), time(7, 30))),
    (MONDAY_0627, ks.BEFORE_OPENING, None, (date(2026, 11, 23), time(7, 30))),
    (MONDAY_1500, ks.AFTER_CLOSING, None, (date(2026, 11, 24), time(7, 30))),
    (FRIDAY_1501, ks.AFTER_CLOSING, None, (date(2026, 11, 30), time(7, 30))),
    (CHRISTMAS_EVE_9, ks.DAY_OFF, "Cuti Bersama Hari Raya Natal",
     (date(2026, 12, 28), time(7, 30))),
], ids=["sunday-0627", "weekday-0627", "weekday-1500", "friday-after-closing",
        "public-holiday"])
def test_closed_says_why_and_when_service_opens_next(catalog_store: Store, now: datetime,
                                                     reason: str, day_off: str | None,
                                                     opens: tuple[date, time]) -> None:
    _open_counter(catalog_store)  # an open counter does not open a closed office
    state = _state(catalog_store, now)
    assert state.closed is not None and state.services == {}
    assert state.closed.reason == reason
    assert state.closed.hours == (time(7, 30), time(15, 0))
    assert state.closed.opens_at is not None and state.closed.opens_at.utcoffset() == WIB
    assert _local(state.closed.opens_at) == opens
    if reason == ks.DAY_OFF:
        assert state.closed.day_off == day_off
    error = _refused(catalog_store, now)
    assert error.key == "kiosk.closed"
    assert error.message("id") == "layanan sedang tutup; nomor antrian belum dapat diambil"


def test_after_close_day_no_number_until_the_next_working_day(catalog_store: Store) -> None:
    _open_counter(catalog_store)
    with catalog_store.uow() as uow:
        q_.close_day(uow, office_code=OFFICE, now=MONDAY_9)
    state = _state(catalog_store, MONDAY_9 + timedelta(minutes=5))
    assert state.closed is not None and state.closed.reason == ks.DAY_CLOSED
    assert _local(state.closed.opens_at) == (date(2026, 11, 24), time(7, 30))
    assert _refused(catalog_store, MONDAY_9 + timedelta(minutes=5)).key == "kiosk.closed"
    # closed before opening, the day does not open later today either
    early = MONDAY_0627 + timedelta(days=1)
    with catalog_store.uow() as uow:
        q_.close_day(uow, office_code=OFFICE, now=early)
    state = _state(catalog_store, early)
    assert state.closed is not None and state.closed.reason == ks.DAY_CLOSED
    assert _local(state.closed.opens_at) == (date(2026, 11, 25), time(7, 30))


def test_an_office_day_off_is_skipped_to_the_next_opening(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        add_holiday(uow, date(2026, 11, 24), "Hari Jadi Kota Pontianak", office_code=OFFICE,
                    actor=Actor("admin"))  # a day off is an administrator's (app/access.py)
    state = _state(catalog_store, MONDAY_1500)
    assert state.closed is not None
    assert _local(state.closed.opens_at) == (date(2026, 11, 25), time(7, 30))
    tuesday = _state(catalog_store, MONDAY_9 + timedelta(days=1))
    assert tuesday.closed is not None and tuesday.closed.reason == ks.DAY_OFF
    assert tuesday.closed.day_off == "Hari Jadi Kota Pontianak"


def test_the_setting_never_gives_a_number_after_closing_or_on_a_day_off(
        catalog_store: Store) -> None:
    """After closing and on days off a number could never be called: the office's setting
    does not change that."""
    _set(catalog_store, kiosk={"issue_when_closed": True})
    _open_counter(catalog_store)
    for now in (SUNDAY_0627, MONDAY_1500):
        assert _state(catalog_store, now).issue_when_closed is True
        assert _refused(catalog_store, now).key == "kiosk.closed"
    assert _visits(catalog_store) == 0


def test_the_setting_gives_an_early_number_that_says_when_service_opens(
        catalog_store: Store) -> None:
    """Before opening on a working day: refused by default; with the setting, a number whose
    screen and ticket say when service opens, not a wait."""
    assert _refused(catalog_store, MONDAY_0627).key == "kiosk.closed"
    _set(catalog_store, kiosk={"issue_when_closed": True})
    taken = ks.take_number(catalog_store, STNK, office_code=OFFICE, now=MONDAY_0627)
    assert taken.info.ticket == "A-001" and _visits(catalog_store) == 1
    assert taken.not_open is not None and taken.not_open.place is None
    assert taken.not_open.opens_at == wib(2026, 11, 23, 7, 30)
    content, _ = ticket_content(catalog_store, taken.info.id, now=MONDAY_0627)
    assert content.opens_at is not None and content.not_open_place is None


def test_open_office_with_the_first_counter_closed_refuses_by_default(
        catalog_store: Store) -> None:
    state = _state(catalog_store, MONDAY_9)
    assert state.closed is None and state.issue_when_closed is False
    stnk = state.services[STNK]
    assert (stnk.counter_open, stnk.may_issue, stnk.place) == (False, False, "Tempat Cek Fisik")
    error = _refused(catalog_store, MONDAY_9)
    assert error.key == "kiosk.counter_closed"
    assert error.message("id") == (
        "Tempat Cek Fisik belum dibuka, jadi nomor antrian untuk Perpanjangan STNK belum dapat"
        " diambil. Silakan coba lagi setelah loket dibuka.")
    assert error.message("en").startswith("Tempat Cek Fisik is not open yet")
    # a later counter of the service being open does not help: the visit starts at cek fisik
    _open_counter(catalog_store, "L1")
    assert _refused(catalog_store, MONDAY_9).key == "kiosk.counter_closed"


def test_the_office_setting_allows_a_number_that_says_the_counter_is_not_open(
        catalog_store: Store) -> None:
    _set(catalog_store, kiosk={"issue_when_closed": True})
    stnk = _state(catalog_store, MONDAY_9).services[STNK]
    assert (stnk.counter_open, stnk.may_issue) == (False, True)
    taken = ks.take_number(catalog_store, STNK, office_code=OFFICE, now=MONDAY_9)
    assert taken.info.ticket == "A-001" and _visits(catalog_store) == 1
    assert taken.not_open == ks.NotOpen(place="Tempat Cek Fisik")
    # the printed ticket says so too; once the counter opens, a reprint shows the wait
    content, _ = ticket_content(catalog_store, taken.info.id, now=MONDAY_9)
    assert content.not_open_place == "Tempat Cek Fisik" and content.opens_at is None
    _open_counter(catalog_store, now=MONDAY_9 + timedelta(minutes=3))
    content, _ = ticket_content(catalog_store, taken.info.id, reprint=True,
                                now=MONDAY_9 + timedelta(minutes=3))
    assert content.not_open_place is None and content.opens_at is None


def test_an_open_counter_gives_a_number_that_promises_a_call(catalog_store: Store) -> None:
    _open_counter(catalog_store)
    stnk = _state(catalog_store, MONDAY_9).services[STNK]
    assert (stnk.counter_open, stnk.may_issue) == (True, True)
    taken = ks.take_number(catalog_store, STNK, office_code=OFFICE, priority="lansia",
                           now=MONDAY_9)
    assert taken.not_open is None and taken.info.priority == "lansia"
    content, _ = ticket_content(catalog_store, taken.info.id, now=MONDAY_9)
    assert content.not_open_place is None


def test_a_counter_closed_again_is_noticed(catalog_store: Store) -> None:
    _open_counter(catalog_store)
    with catalog_store.uow() as uow:
        q_.set_counter_open(uow, "CF", False, office_code=OFFICE, now=MONDAY_9)
    assert _state(catalog_store, MONDAY_9).services[STNK].counter_open is False


def test_without_stated_hours_only_a_closed_day_closes_the_kiosk(catalog_store: Store) -> None:
    """An office that states no hours (the demo) is open whenever the engine is: a Sunday
    dawn is no exception, but the counter check still keeps the promise honest."""
    with catalog_store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {}
        uow.commit()
    state = _state(catalog_store, SUNDAY_0627)
    assert state.closed is None and state.services[STNK].may_issue is False
    with catalog_store.uow() as uow:
        q_.close_day(uow, office_code=OFFICE, now=SUNDAY_0627)
    state = _state(catalog_store, SUNDAY_0627)
    assert state.closed is not None and state.closed.reason == ks.DAY_CLOSED
    assert state.closed.hours is None and state.closed.opens_at is None


@pytest.mark.parametrize(("settings", "allowed"), [
    ({}, False), ({"kiosk": {}}, False), ({"kiosk": {"issue_when_closed": False}}, False),
    ({"kiosk": {"issue_when_closed": "true"}}, False), ({"kiosk": True}, False),
    ({"kiosk": {"issue_when_closed": True}}, True),
])
def test_the_setting_is_on_only_when_exactly_true(settings: dict, allowed: bool) -> None:
    assert parse_settings(settings).issue_when_closed is allowed


def test_a_stage_with_several_counters_is_open_when_any_of_them_is(
        catalog_store: Store) -> None:
    """Bapenda Kota Batu serves PBB-P2 at loket 1 and loket 2: the place is the stage."""
    with catalog_store.uow(read_only=True) as uow:
        pbb = ks.kiosk_state(uow, "BAPENDA-BATU", MONDAY_9).services["PBB-OP-BARU"]
    assert (pbb.counter_open, pbb.place) == (False, "Loket Pelayanan PBB-P2 dan BPHTB")
    with catalog_store.uow() as uow:
        q_.set_counter_open(uow, "L2", True, office_code="BAPENDA-BATU", now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        pbb = ks.kiosk_state(uow, "BAPENDA-BATU", MONDAY_9).services["PBB-OP-BARU"]
    assert pbb.counter_open and pbb.may_issue
