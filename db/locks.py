"""Transaction locks on a name rather than on a row.

``SELECT ... FOR UPDATE`` needs the UPDATE privilege on the table in PostgreSQL, so a role
that may only insert (the kiosk's, ``loket db roles``) cannot lock a visit to serialise its
work. An advisory lock needs no privilege: taken with :func:`hold`, it is released when the
transaction ends, like a row lock. On SQLite every writing transaction already holds the
database's write lock from ``BEGIN IMMEDIATE`` (:mod:`db.engine`), so there is nothing to
take.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

# one number per kind of thing locked: the first key of PostgreSQL's two-key advisory lock
NAMESPACES = {
    "visit.ticket": 1,  # the printing of a visit's one unmarked ticket (app/output/tickets.py)
}


def hold(session: Session, namespace: str, key: int) -> None:
    """Lock ``(namespace, key)`` until the session's transaction ends; waits for a holder."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(select(func.pg_advisory_xact_lock(NAMESPACES[namespace], key)))
