"""A station whose database is lost after it opened says so in words and carries on: the
display keeps its last board up with the reason in the running text, the survey station
shows the reason where it shows a refusal. (The kiosk's: tests/ui/test_kiosk.py.)"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import OperationalError

import app.stations.display
import app.stations.survey
from app.store import Store
from tests.app.queue.conftest import MONDAY_9
from ui.display import DisplayWindow
from ui.survey import SurveyWindow

OFFICE = "SAMSAT-PTK1"


def _down(*_args: object, **_kw: object) -> None:
    raise OperationalError("SELECT", {}, Exception("server closed the connection"))


def test_the_display_keeps_its_board_and_says_why_it_is_not_read(
        qtbot, catalog_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = DisplayWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9)
    qtbot.addWidget(window)
    tiles = {code: tile.ticket.text() for code, tile in window.tiles.items()}
    welcome = window._ticker_text
    with monkeypatch.context() as patch:
        patch.setattr(app.stations.display, "board", _down)
        window._refresh()  # what a live event or the periodic resync does
        assert window.problem is not None and window.problem.key == "db.unreachable"
        assert "server closed the connection" in window._ticker_text
        assert {code: tile.ticket.text() for code, tile in window.tiles.items()} == tiles
    window._refresh()  # the database is back
    assert window.problem is None and window._ticker_text == welcome
    window.close()


def test_the_survey_station_says_a_lost_database_where_it_refuses(
        qtbot, catalog_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    window = SurveyWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9 + timedelta(minutes=5))
    qtbot.addWidget(window)
    monkeypatch.setattr(app.stations.survey, "check_visit", _down)  # inside its unit of work
    window.ticket_edit.setText("A-001")
    window.start_button.click()
    assert window.pages.currentWidget() is window.start_page
    assert "server closed the connection" in window.start_error.text()
    assert window.ticket_edit.text() == "A-001"  # left to try again
    window.shutdown()
