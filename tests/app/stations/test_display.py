"""The display station reads the board and its voice in units of work of its own, as plain
data equal to what the board's own query says; a lost database is ``db.unreachable``."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import LoketError
from app.queue import engine as q_
from app.stations.display import DisplayStation, VoiceSettings, board
from app.store import Store
from db.models import Office
from tests.app.queue.conftest import MONDAY_9
from tests.app.stations.conftest import assert_frozen, assert_plain

OFFICE = "SAMSAT-PTK1"


def _station(store: Store) -> DisplayStation:
    return DisplayStation(store, OFFICE, clock=lambda: MONDAY_9)


def test_the_board_is_plain_data_as_the_database_says(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        q_.set_counter_open(uow, "CF", True, office_code=OFFICE, now=MONDAY_9)
    with catalog_store.uow() as uow:
        ticket = q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE,
                                 now=MONDAY_9).ticket
    with catalog_store.uow() as uow:
        q_.call_ticket(uow, "CF", ticket, office_code=OFFICE, now=MONDAY_9)
    shown = _station(catalog_store).board()
    assert_plain(shown)
    call = shown.counter("CF")
    assert call is not None and (call.ticket, call.status, call.is_open) == (
        ticket, "called", True)
    assert shown.recent[0][0] == ticket
    with catalog_store.uow(read_only=True) as uow:
        assert board(uow, OFFICE, now=MONDAY_9) == shown


def test_the_voice_is_the_office_setting_under_the_station_one(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {**office.settings, "voice": {"muted": True, "volume": 140}}
        uow.commit()
    voice = _station(catalog_store).voice()
    assert_frozen(voice)
    assert voice == VoiceSettings(muted=True, volume=100, folder=None)
    assert _station(catalog_store).voice("NO-SUCH-STATION") == voice


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = DisplayStation(lost_store, OFFICE, clock=lambda: MONDAY_9)
    for call in (station.board, station.voice):
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
