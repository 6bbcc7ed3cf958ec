"""The survey station checks, stores and rates in units of work of its own and returns plain
data; refusals pass as they are and a lost database is ``db.unreachable``."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import LoketError
from app.ikm.survey import load_survey
from app.stations.survey import SurveyStation
from app.store import Store
from tests.app.ikm.visits import OFFICE, Desk, survey_rows
from tests.app.queue.conftest import MONDAY_9
from tests.app.stations.conftest import assert_frozen, assert_plain

LATER = MONDAY_9 + timedelta(minutes=5)


def _station(store: Store) -> SurveyStation:
    return SurveyStation(store, OFFICE, clock=lambda: LATER)


def test_the_keypad_letters_are_the_kiosk_services_prefixes(catalog_store: Store) -> None:
    prefixes = _station(catalog_store).ticket_prefixes()
    assert prefixes and prefixes == tuple(sorted(set(prefixes)))
    assert "A" in prefixes  # STNK renewal: A-001


def test_a_served_visit_is_checked_then_its_answers_stored(catalog_store: Store) -> None:
    ticket = Desk(catalog_store, "petugas1", MONDAY_9).at_last_stage().ticket
    station = _station(catalog_store)
    visit = station.check(ticket.lower())
    assert_frozen(visit)
    assert_plain(visit)
    assert (visit.ticket, visit.service) == (ticket, "STNK-PERPANJANGAN")
    answers = {e.id: 4 for e in load_survey().elements}
    done = station.submit(ticket, answers, respondent={})
    assert_frozen(done)
    assert_plain(done)
    assert done.ticket == ticket
    assert survey_rows(catalog_store)[:2] == (1, len(answers))
    with pytest.raises(LoketError) as again:  # a refusal passes as it is
        station.check(ticket)
    assert again.value.key == "survey.already_answered"


def test_a_ticket_still_being_served_is_refused_before_any_question(
        catalog_store: Store) -> None:
    ticket = Desk(catalog_store, "petugas1", MONDAY_9).at_loket_1().ticket
    with pytest.raises(LoketError) as refused:
        _station(catalog_store).check(ticket)
    assert refused.value.key != "db.unreachable"
    assert survey_rows(catalog_store) == (0, 0, 0)


def test_one_tap_rates_a_loket(catalog_store: Store) -> None:
    response_id = _station(catalog_store).rate("L2", 4)
    assert isinstance(response_id, int)
    assert survey_rows(catalog_store)[:2] == (1, 1)
    with pytest.raises(LoketError) as bad:
        _station(catalog_store).rate("L2", 5)
    assert bad.value.key == "survey.bad_rating"


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = SurveyStation(lost_store, OFFICE, clock=lambda: LATER)
    answers = {e.id: 4 for e in load_survey().elements}  # complete: checked before reading
    calls = (station.ticket_prefixes, lambda: station.check("A-001"),
             lambda: station.submit("A-001", answers), lambda: station.rate("L2", 4))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
