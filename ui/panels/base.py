"""What every work panel gets from the counter window, and how it talks back.

Besides the visit and the two signals, two promises every panel keeps:

* **Typed work is never dropped.** :meth:`Panel.unsaved` says what the officer typed and
  has not saved yet; the counter window asks it before any action that would take the
  visit (or the officer) away, then saves it through :meth:`Panel.save_unsaved` (the
  panel's own save button, with the same checks) or lets the officer discard it
  explicitly (:meth:`Panel.discard_unsaved`). :class:`Tracked` keeps the snapshot a form
  is compared with.
* **A disabled button says why, next to it**: :func:`why_label` and :func:`explain`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.access import Act, Actor
from app.clock import utcnow
from app.store import Store
from ui.validated import ValidatedField

WHY_STYLE = "color: #8a5a00;"  # amber-brown: a hint, not an error



@dataclass
class PanelContext:
    """The station a panel works in: database, office, counter, officer and clock.

    A panel reaches the database only through its desk in :mod:`app.stations` (e.g.
    :class:`app.stations.samsat_desk.SamsatDesk`), made from :attr:`store` and
    :attr:`office_code`, whose calls open their own units of work; it reads :attr:`clock`
    and :attr:`actor` at each call, so a change of officer or clock is seen at once."""

    store: Store
    office_code: str
    counter_code: str | None = None
    actor: Callable[[], str] = lambda: "officer"  # the logged-in officer's user name
    clock: Callable[[], datetime] = field(default=utcnow)
    # whether the person signed in may do an act themselves (the counter knows their role)
    may: Callable[[Act], bool] = lambda act: True
    # the counter's: a supervisor signs for an act at this counter; None if nobody did
    countersign: Callable[[Act, str], Actor | None] | None = None

    def acting_for(self, act: Act, question: str) -> Actor | str | None:
        """Who does ``act``: the person signed in when their role allows it, else a
        supervisor who signs at the counter (asked with ``question``); None when nobody
        did, and then nothing is done."""
        if self.may(act) or self.countersign is None:
            return self.actor()
        return self.countersign(act, question)


class Panel(QWidget):
    """A work panel. The counter window calls :meth:`set_visit` whenever the visit in
    front of the officer changes (``None`` when nobody is being served); the panel reports
    what happened through :attr:`notice` (done) and :attr:`failed` (refused, with the
    reason in the officer's language)."""

    notice = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: int | None = None
        self.ticket: str | None = None

    def title(self) -> str:
        """The tab title; panels override it."""
        return self.tr("Pekerjaan")

    def set_visit(self, visit_id: int | None, ticket: str | None) -> None:
        self.visit_id = visit_id
        self.ticket = ticket
        self._on_visit_changed()

    def _on_visit_changed(self) -> None:
        """Panels override this to load or clear what belongs to the visit."""

    # --- typed but unsaved input -----------------------------------------------------------

    def unsaved(self) -> str | None:
        """A short description of what the officer typed and has not saved ("cek fisik:
        nomor rangka, nomor mesin"), or None when nothing is pending. Panels with input
        fields override it; lookups (search boxes) are not work and do not count."""
        return None

    def save_unsaved(self) -> bool:
        """Save what :meth:`unsaved` describes through the panel's normal save path (the
        same checks as its button). True when saved or when nothing was pending; False
        after :attr:`failed` said what is missing or wrong, with the typed text left in
        its fields."""
        return True

    def discard_unsaved(self) -> None:
        """Put the fields back as they were last loaded or saved: only ever called after
        the officer chose to discard, never on the panel's own initiative."""

    def report_error(self, exc: Exception) -> None:
        """Turn a refusal into the ``failed`` signal (LoketError speaks the user's language)."""
        from app.errors import LoketError

        message = exc.message() if isinstance(exc, LoketError) else str(exc)
        self.failed.emit(message)


# --- helpers for panels -------------------------------------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate("Panel", text)


def _value(widget: QWidget) -> Any:
    if isinstance(widget, ValidatedField | QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QListWidget):  # checkable rows: the ticked ones
        return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(widget.count())
                     if widget.item(i).checkState() == Qt.CheckState.Checked)
    raise TypeError(f"cannot track {type(widget).__name__}")


def _restore(widget: QWidget, value: Any) -> None:
    if isinstance(widget, ValidatedField | QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QListWidget):
        for i in range(widget.count()):
            item = widget.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in value
                               else Qt.CheckState.Unchecked)


class Tracked:
    """The fields of one form and their values when it was last loaded or saved.

    A field counts as typed when its value differs from that snapshot, so a value the
    panel filled in itself (the owner's name as recipient) is not "unsaved", and text
    typed and then erased again is not either.
    """

    def __init__(self, fields: Sequence[tuple[str, QWidget]]) -> None:
        self.fields = tuple(fields)
        self._saved: tuple[Any, ...] = self._values()

    def _values(self) -> tuple[Any, ...]:
        return tuple(_value(widget) for _label, widget in self.fields)

    def mark_clean(self) -> None:
        """What is in the fields now is what was loaded or saved."""
        self._saved = self._values()

    def changed(self) -> list[str]:
        """The labels of the fields typed since then, in form order."""
        return [label for (label, widget), old in zip(self.fields, self._saved, strict=True)
                if _value(widget) != old]

    def restore(self) -> None:
        """Put the snapshot back (the officer chose to discard what was typed)."""
        for (_label, widget), old in zip(self.fields, self._saved, strict=True):
            _restore(widget, old)


def describe(what: str, labels: Sequence[str]) -> str | None:
    """"cek fisik: nomor rangka, nomor mesin", or None when nothing was typed."""
    return f"{what}: {', '.join(labels)}" if labels else None


def field_problem(field: ValidatedField, name: str) -> str | None:
    """Why ``field`` cannot be saved as it is ("nomor mesin belum diisi", or the
    parser's reason), or None when it can."""
    if field.is_valid():
        return None
    if not field.text().strip():
        return _tr("%1 belum diisi").replace("%1", name)
    return field.reason_text() or _tr("%1 belum benar").replace("%1", name)


def sentence(text: str) -> str:
    """``text`` as a line of its own: capital first letter, full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def clause(text: str) -> str:
    """``text`` after a colon: lower-case first letter (unless it starts an acronym such
    as "NIK"), no full stop."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def refusal(what: str, reason: str) -> str:
    """"Cek fisik belum disimpan: nomor mesin belum diisi"."""
    return f"{what}: {clause(reason)}"


def problems(*items: str | None) -> str | None:
    """The reasons that are set, joined; None when there are none."""
    found = [item for item in items if item]
    return "; ".join(found) if found else None


def why_label(parent: QWidget) -> QLabel:
    """The line beside a button that says why it is disabled (empty while enabled)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(WHY_STYLE)
    label.setObjectName("why")
    label.hide()
    return label


def explain(button: QAbstractButton, label: QLabel, reason: str | None) -> None:
    """Enable ``button`` when there is no ``reason``; otherwise disable it and show the
    reason beside it (and as its tooltip, for a mouse resting on it)."""
    text = sentence(reason) if reason else ""
    button.setEnabled(reason is None)
    button.setToolTip(text)
    label.setText(text)
    label.setVisible(bool(text))


def note_countersign(ctx: PanelContext, act: Act, button: QAbstractButton,
                     label: QLabel) -> None:
    """Beside an enabled button whose act is above the signed-in person's role: that a
    supervisor will be asked to sign when it is pressed (so the press is no surprise)."""
    if button.isEnabled() and not ctx.may(act):
        text = QCoreApplication.translate(
            "Panel", "Perlu persetujuan supervisor: diminta saat tombol ditekan.")
        button.setToolTip(text)
        label.setText(text)
        label.setVisible(True)


def button_row(*widgets: QWidget, why: QLabel | None = None) -> QHBoxLayout:
    """Buttons on one line with the ``why`` label taking the rest of it."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
    if why is not None:
        row.addWidget(why, 1)
    row.addStretch(0)  # the buttons keep their size while the why label is hidden
    return row
