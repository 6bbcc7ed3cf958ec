"""A line edit that checks what the officer types as they type it.

It runs one of the domain's parsers (``app.identifiers.parse_nik``, ``parse_plate``...) on
every change and shows the parser's reason, in the officer's language, right under the
field; the form's save button listens to :attr:`ValidatedField.validity_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import LoketError

_BAD = "QLineEdit { border: 2px solid #C62828; }"


class ValidatedField(QWidget):
    """``parse`` turns the text into a value or raises :class:`LoketError`."""

    validity_changed = Signal(bool)
    value_changed = Signal(object)  # the parsed value, or None

    def __init__(self, parse: Callable[[str], Any], placeholder: str = "", *,
                 required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parse = parse
        self.required = required
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.reason = QLabel(self)
        self.reason.setStyleSheet("color: #C62828;")
        self.reason.setWordWrap(True)
        self.reason.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.reason)
        self._value: Any = None
        self._valid = not required
        self.edit.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self, text: str) -> None:
        value, reason = None, ""
        if text.strip():
            try:
                value = self.parse(text)
            except LoketError as exc:
                reason = exc.message()
        elif self.required:
            reason = ""  # empty: not valid, but no scolding before anything is typed
        valid = value is not None or (not text.strip() and not self.required)
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.edit.setStyleSheet(_BAD if reason else "")
        changed = value != self._value
        self._value = value
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        if changed:
            self.value_changed.emit(value)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def value(self) -> Any:
        """The parsed value, or None while the text is empty or wrong."""
        return self._value

    def is_valid(self) -> bool:
        return self._valid

    def reason_text(self) -> str:
        return self.reason.text()
