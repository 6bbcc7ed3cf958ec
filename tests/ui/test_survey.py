"""The survey station: a visitor answers by ticket once the visit's last stage has started,
one answer per visit, refusals shown in words on the first screen; the screen resets
itself; quick mode rates a loket with one tap. Screenshots go to /tmp/loket-shots."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from app.ikm.survey import load_survey
from app.store import Store
from db.models import SurveyAnswer, SurveyResponse
from tests.app.ikm.visits import OFFICE, Desk, survey_rows
from tests.app.queue.conftest import MONDAY_9
from ui.survey import SurveyWindow

SHOTS = Path("/tmp/loket-shots")


def _served_ticket(store: Store) -> str:
    """A visit called at its last stage (loket 3): it may answer."""
    return Desk(store, "petugas1", MONDAY_9).at_last_stage().ticket


def _type_on_keypad(qtbot, window: SurveyWindow, text: str) -> None:
    keys = {b.text(): b for b in window.keypad.findChildren(QPushButton)}
    for key in text:
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)


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
    # the same ticket again: refused before the first question, with the reason
    qtbot.keyClicks(window.ticket_edit, ticket)
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    assert window.start_error.text() == (
        f"nomor {ticket} sudah mengisi survei; satu kunjungan satu jawaban")
    assert survey_rows(catalog_store) == (1, 9, 1)


def test_a_ticket_still_at_loket_1_is_refused_in_words_then_answers_at_loket_3(
        qtbot, window, catalog_store: Store) -> None:
    """The issue: A-001 was accepted while still being served at loket 1."""
    desk = Desk(catalog_store, "petugas1", MONDAY_9)
    a001 = desk.at_loket_1()
    _type_on_keypad(qtbot, window, "A-001")
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    assert window.start_error.text() == (
        "nomor A-001 belum selesai dilayani (sekarang: Loket 1 Pendaftaran); survei bisa "
        "diisi setelah tahap terakhir, Pengesahan dan Penyerahan STNK, dimulai")
    assert window.start_error.isVisible()
    # the ticket stays to correct, selected so a new number replaces it
    assert window.ticket_edit.text() == "A-001"
    assert window.ticket_edit.selectedText() == "A-001"
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "survey-refused.png"))
    assert survey_rows(catalog_store) == (0, 0, 0)
    # the visit goes on to loket 3 and is called there: the same ticket now answers
    desk.send("L1", "loket-3")
    desk.call("L3", a001)
    _type_on_keypad(qtbot, window, "A-001")  # replaces the selected number
    assert window.ticket_edit.text() == "A-001"
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.question_page
    assert window.start_error.text() == ""
    assert window.visit_label.text() == "A-001 · Perpanjangan STNK"
    window.grab().save(str(SHOTS / "survey-question-visit.png"))
    for _ in load_survey().elements:
        qtbot.mouseClick(window.answer_buttons[2], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.submitted):
        qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.thanks_page
    assert survey_rows(catalog_store) == (1, 9, 1)


def test_an_idle_visitor_is_forgotten(qtbot, window, catalog_store: Store) -> None:
    ticket = _served_ticket(catalog_store)
    qtbot.keyClicks(window.ticket_edit, ticket)
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.answer_buttons[2], Qt.MouseButton.LeftButton)
    assert window.answers
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    assert window.pages.currentWidget() is window.start_page and window.answers == {}
    assert window.visit_label.text() == ""


def test_a_refusal_left_on_screen_is_cleared_when_idle(qtbot, window) -> None:
    qtbot.keyClicks(window.ticket_edit, "A-099")
    qtbot.keyClick(window.ticket_edit, Qt.Key.Key_Return)
    assert "A-099" in window.start_error.text()  # no such ticket today
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    assert window.start_error.text() == "" and window.ticket_edit.text() == ""


def test_keypad_types_the_ticket(qtbot, window) -> None:
    keys = {b.text(): b for b in window.keypad.findChildren(QPushButton)}
    assert "A" in keys and "B" in keys  # the office's ticket prefixes
    for key in ("A", "-", "0", "0", "7", "⌫", "1"):
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)
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
