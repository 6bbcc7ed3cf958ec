"""The database as the services see it: a guarded engine and units of work.

A :class:`Store` refuses to hand out units of work until the schema matches the code, so
no station ever writes into a schema it does not understand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import LoketError, SchemaError
from app.inputs import refuse_control_characters
from db import schema
from db.base import utcnow
from db.engine import BadDatabaseURL, make_engine, parse_url, session_factory
from db.models_reports import report_invalidator


def end_reading(session: Session) -> None:
    """End a transaction that only read: committed, not rolled back.

    The two are the same for a reader, but psycopg forgets every prepared statement of the
    connection on a ROLLBACK (it cannot tell whether the transaction prepared one), and the
    queue's statements are worth keeping prepared: planning "call next" costs more than
    running it. Anything changed by mistake is rolled back, never written.
    """
    if session.new or session.dirty or session.deleted or session.info.pop("flushed", False):
        session.rollback()
    else:
        session.commit()


def _note_flush(session: Session, _context: object) -> None:
    session.info["flushed"] = True


def _forget_flush(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop("flushed", None)


class UnitOfWork:
    """One transaction: commit explicitly, anything else rolls back.

    Leaving closes the session (which rolls back what was not committed) without expiring
    the objects read, so results stay readable after the ``with`` block.
    """

    def __init__(self, factory: sessionmaker[Session], *, read_only: bool = False,
                 writer: sessionmaker[Session] | None = None) -> None:
        self._factory = factory
        self._writer = writer or factory
        self._read_only = read_only
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._read_only and exc_type is None:
            end_reading(self.session)
        self.session.close()
        keep = getattr(exc, "after_rollback", None) if isinstance(exc, LoketError) else None
        if keep is not None:
            # the refused change is rolled back; the refusal itself is kept, once
            exc.after_rollback = None  # type: ignore[union-attr]
            with self._writer() as session:
                keep(session)
                session.commit()

    def commit(self) -> None:
        self.session.commit()

    def flush(self) -> None:
        self.session.flush()


class Store:
    """An open database: ``Store.open(url)`` validates, connects and checks the schema.

    Its writing sessions refuse control characters in text and delete the report summaries
    of the past days a flush changes; ``clock`` is what "today" means to the latter (the
    wall clock unless a test or a replay gives another).
    """

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self._writer = session_factory(engine)
        self._reader = session_factory(engine, read_only=True)
        event.listen(self._writer, "before_flush", refuse_control_characters)
        event.listen(self._writer, "before_flush", report_invalidator(clock))
        for factory in (self._writer, self._reader):
            event.listen(factory, "after_flush", _note_flush)
            event.listen(factory, "after_transaction_end", _forget_flush)

    @classmethod
    def open(cls, url: str, *, check_schema: bool = True, create: bool = True,
             clock: Callable[[], datetime] = utcnow) -> Store:
        """``create=False``: a SQLite file that does not exist is refused
        (``db.no_file``) instead of made, with its folder, as an empty database: what
        only reads or works in a database must not leave one behind."""
        try:
            parsed = parse_url(url)
        except BadDatabaseURL:
            raise LoketError("db.bad_url", url=url) from None
        if not create and parsed.get_backend_name() == "sqlite":
            path = parsed.database or ""
            if path not in ("", ":memory:") and not path.startswith("file:") \
                    and not Path(path).exists():
                raise LoketError("db.no_file", path=path)
        engine = make_engine(parsed)
        store = cls(engine, clock=clock)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise LoketError("db.unreachable", url=store.safe_url, reason=reason) from None
        if check_schema:
            try:
                store.check_schema()
            except SchemaError:
                engine.dispose()
                raise
        return store

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()

    def check_schema(self) -> None:
        st = self.schema_state()
        if st.status == "empty":
            raise SchemaError("db.schema_empty")
        if st.status == "outdated":
            raise SchemaError("db.schema_outdated", current=st.current, head=st.head)
        if st.status == "newer":
            raise SchemaError("db.schema_newer", current=st.current, head=st.head)

    def schema_state(self) -> schema.SchemaState:
        return schema.state(self.engine)

    def upgrade(self) -> schema.SchemaState:
        return schema.upgrade(self.engine)

    def uow(self, *, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(self._reader if read_only else self._writer, read_only=read_only,
                          writer=self._writer)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
