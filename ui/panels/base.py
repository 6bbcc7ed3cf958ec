"""What every work panel gets from the counter window, and how it talks back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.store import Store


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class PanelContext:
    """The station a panel works in: database, office, counter, officer and clock."""

    store: Store
    office_code: str
    counter_code: str | None = None
    actor: Callable[[], str] = lambda: "officer"  # the logged-in officer's user name
    clock: Callable[[], datetime] = field(default=_now)


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

    def report_error(self, exc: Exception) -> None:
        """Turn a refusal into the ``failed`` signal (LoketError speaks the user's language)."""
        from app.errors import LoketError

        message = exc.message() if isinstance(exc, LoketError) else str(exc)
        self.failed.emit(message)
