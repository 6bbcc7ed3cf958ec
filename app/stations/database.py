"""The stations' one way into the database: a unit of work whose failures are words.

A station PC loses its server (a cable pulled, the server restarted) while its screen is
up. The widget must not learn SQLAlchemy to say so: :func:`unit_of_work` turns the
driver's error into :class:`LoketError` ``db.unreachable`` (the same words as a station that
cannot connect at start), and any other refusal of the database (a missing privilege of the
station's role, a constraint) into ``station.db_refused``, logged with its traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app import i18n
from app.errors import LoketError
from app.store import Store, UnitOfWork

log = logging.getLogger(__name__)

i18n.register({
    "station.db_refused": (
        "basis data menolak permintaan ini: {reason}",
        "the database refused this request: {reason}",
    ),
})


def _reason(exc: Exception) -> str:
    """The driver's first line (``server closed the connection unexpectedly``)."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def lost(exc: Exception) -> bool:
    """Whether ``exc`` means the database cannot be reached (rather than refusing)."""
    if isinstance(exc, (OperationalError, InterfaceError, PoolTimeout)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def as_loket_error(store: Store, exc: Exception) -> LoketError:
    """The words for a database error met by a station."""
    if lost(exc):
        log.warning("station: the database cannot be reached: %s", exc)
        return LoketError("db.unreachable", url=store.safe_url, reason=_reason(exc))
    log.error("station: the database refused a request", exc_info=exc)
    return LoketError("station.db_refused", reason=_reason(exc))


@contextmanager
def database_errors(store: Store) -> Iterator[None]:
    """Database errors raised in the block leave as :class:`LoketError`; for a service
    that opens its own units of work (printing a ticket)."""
    try:
        yield
    except (DBAPIError, PoolTimeout) as exc:
        raise as_loket_error(store, exc) from exc


@contextmanager
def unit_of_work(store: Store, *, read_only: bool = False) -> Iterator[UnitOfWork]:
    """``store.uow()`` whose database errors (on connecting, reading, writing or
    committing) leave as :class:`LoketError`; a :class:`LoketError` passes unchanged."""
    with database_errors(store), store.uow(read_only=read_only) as uow:
        yield uow
