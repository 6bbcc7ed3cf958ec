"""Live events: written in the same transaction as the change they announce.

Every change inserts an :class:`db.models.Event` row; its id is the cursor a station catches
up from. On PostgreSQL the same transaction also sends ``NOTIFY loket_events`` (delivered at
COMMIT, so a listener never sees an event that was rolled back). On SQLite, stations poll the
highest event id, which is cheap. :mod:`app.queue.feed` reads them back.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event

CHANNEL = "loket_events"


def publish(session: Session, office_id: int | None, kind: str, **payload: Any) -> Event:
    event = Event(office_id=office_id, kind=kind, payload=payload)
    session.add(event)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        note = json.dumps({"id": event.id, "office_id": office_id, "kind": kind})
        session.execute(select(func.pg_notify(CHANNEL, note)))
    return event
