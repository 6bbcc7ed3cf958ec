"""Refusals the user can act on, by message key, so every front end speaks its own language."""

from __future__ import annotations

from app.i18n import tr


class LoketError(Exception):
    """Bad input or a state that forbids the action; nothing has been changed."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return tr(self.key, lang, **self.params)


class SchemaError(LoketError):
    """The database schema does not match this program."""
