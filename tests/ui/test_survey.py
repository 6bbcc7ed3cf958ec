"""The survey station: a visitor answers by ticket, one answer per visit, the screen resets
itself; quick mode rates a loket with one tap. Screenshots go to /tmp/loket-shots."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import users
from app.ikm.survey import load_survey
from app.queue import engine as q
from app.store import Store
from db.models import SurveyAnswer, SurveyResponse
from tests.app.queue.conftest import MONDAY_9
from ui.survey import SurveyWindow

OFFICE = "SAMSAT-PTK1"
SHOTS = Path("/tmp/loket-shots")


def _served_ticket(store: Store) -> str:
    with store.uow() as uow:
        info = users.add_user(uow, "petugas1", "officer", "rahasia-123", actor="test",
                              office_code=OFFICE)
    actor = q.Actor(info.username, info.id)
    with store.uow() as uow:
        ticket = q.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE, now=MONDAY_9)
    with store.uow() as uow:
        q.call_next(uow, "CF", office_code=OFFICE, actor=actor, now=MONDAY_9)
    return ticket.ticket


@pytest.fixture
def window(qtbot, catalog_store: Store):
    win = SurveyWindow(catalog_store, OFFICE, clock=lambda: MONDAY_9 + timedelta(minutes=5),
                       idle_seconds=0.2)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.shutdown()


def test_a_visitor_answers_every_element_and_the_station_resets(qtbot, window,
                                                                catalog_store: Store) -> None:
    ticket = _served_ticket(catalog_store)
    survey = load_survey()
    qtbot.keyClicks(window.ticket_edit, ticket.lower())
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "survey-start.png"))
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.question_page
    assert window.question.text() == survey.elements[0].question
    assert [b.caption.text() for b in window.answer_buttons] == list(
        survey.elements[0].answers)
    window.grab().save(str(SHOTS / "survey-question.png"))
    values = [4, 3, 2, 4, 4, 3, 4, 1, 3]
    for value in values:
        qtbot.mouseClick(window.answer_buttons[value - 1], Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.respondent_page
    window.option_groups["sex"].buttons()[1].click()
    window.grab().save(str(SHOTS / "survey-respondent.png"))
    with qtbot.waitSignal(window.submitted):
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.thanks_page
    with catalog_store.uow(read_only=True) as uow:
        response = uow.session.scalars(select(SurveyResponse)).one()
        answers = {a.element_id: a.value for a in uow.session.scalars(select(SurveyAnswer))}
    assert response.respondent == {"sex": "Perempuan"}
    assert answers == dict(zip(survey.ids, values, strict=True))
    window.thanks_timer.setInterval(10)
    with qtbot.waitSignal(window.reset_done, timeout=2000):
        window.thanks_timer.start()
    assert window.pages.currentWidget() is window.start_page
    assert window.ticket_edit.text() == ""
    # the same ticket again: refused on the start page with the reason
    qtbot.keyClicks(window.ticket_edit, ticket)
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    for _ in values:
        qtbot.mouseClick(window.answer_buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    assert "sudah mengisi survei" in window.start_error.text()


def test_an_idle_visitor_is_forgotten(qtbot, window) -> None:
    qtbot.keyClicks(window.ticket_edit, "A-001")
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.answer_buttons[2], Qt.MouseButton.LeftButton)
    assert window.answers
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    assert window.pages.currentWidget() is window.start_page and window.answers == {}


def test_keypad_types_the_ticket(qtbot, window) -> None:
    keys = {b.text(): b for b in window.keypad.findChildren(type(window.start_button))}
    assert "A" in keys and "B" in keys  # the office's ticket prefixes
    for key in ("A", "-", "0", "0", "7", "⌫", "1"):
        keys[key].click()
    assert window.ticket_edit.text() == "A-001"


def test_quick_mode_rates_a_loket_with_one_tap(qtbot, catalog_store: Store) -> None:
    win = SurveyWindow(catalog_store, OFFICE, quick_counter="L2",
                       clock=lambda: MONDAY_9)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    SHOTS.mkdir(exist_ok=True)
    win.grab().save(str(SHOTS / "survey-quick.png"))
    with qtbot.waitSignal(win.submitted):
        qtbot.mouseClick(win.quick_buttons[3], Qt.MouseButton.LeftButton)
    with catalog_store.uow(read_only=True) as uow:
        response = uow.session.scalars(select(SurveyResponse)).one()
        assert response.survey_code == "quick" and response.answers[0].value == 4
    win.shutdown()
