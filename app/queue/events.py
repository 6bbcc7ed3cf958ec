"""Live events: written in the same transaction as the change they announce.

Every change inserts an :class:`db.models.Event` row. On PostgreSQL a trigger on that table
sends ``NOTIFY loket_events`` (migration 0003), delivered at COMMIT, so a listener never
hears of a change that was rolled back, and a column DEFAULT records the inserting
transaction (``events.xact``, migration 0014), so an INSERT that does not name it, here or in
the one-statement paths of :mod:`app.queue.statements`, still lets a feed follow commits
rather than ids. On SQLite, stations poll the highest event id, which is cheap and sound
there (writers are serialised). :mod:`app.queue.feed` reads them back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.clock import utcnow
from db.models import Event

CHANNEL = "loket_events"


def publish(session: Session, office_id: int | None, kind: str, **payload: Any) -> None:
    session.execute(insert(Event).values(office_id=office_id, kind=kind, payload=payload,
                                         at=utcnow()))
