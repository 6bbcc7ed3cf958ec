"""Refusals the user can act on, by message key, so every front end speaks its own language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class LoketError(Exception):
    """Bad input or a state that forbids the action; nothing has been changed."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        # A refusal that is itself a fact to keep (a refused log-in, an act above one's
        # role): written by the unit of work after it rolled back, in its own transaction.
        self.after_rollback: Callable[[Session], None] | None = None
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)


class SchemaError(LoketError):
    """The database schema does not match this program."""
