"""The validated field tells the officer what is wrong while they type."""

from __future__ import annotations

from app.identifiers import parse_plate
from ui.validated import ValidatedField


def test_reason_appears_and_goes_as_the_officer_types(qtbot) -> None:
    field = ValidatedField(parse_plate, "KB 1234 AB")
    qtbot.addWidget(field)
    assert not field.is_valid() and field.value() is None
    field.setText("KB 12345")
    assert field.value() is None
    assert "format" in field.reason_text()  # Indonesian: "tidak sesuai format"
    with qtbot.waitSignal(field.validity_changed) as blocker:
        field.setText("kb 1234 ab")
    assert blocker.args == [True]
    assert str(field.value()) == "KB 1234 AB"
    assert field.reason_text() == ""
    with qtbot.waitSignal(field.validity_changed) as blocker:
        field.setText("")
    assert blocker.args == [False]
    assert field.reason_text() == ""  # an empty field is not scolded


def test_optional_field_is_valid_when_empty(qtbot) -> None:
    field = ValidatedField(parse_plate, required=False)
    qtbot.addWidget(field)
    assert field.is_valid()
    field.setText("12")
    assert not field.is_valid()
    assert field.reason_text()
