"""The audit log: every state change, with who and when, in the same transaction as the change."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.models import AuditEntry


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    user_id: int | None = None,
    office_id: int | None = None,
    at: datetime | None = None,
) -> None:
    """Insert the entry now (a plain INSERT: cheap, and ordered before the commit)."""
    session.execute(insert(AuditEntry).values(
        at=at or datetime.now(UTC),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=before,
        after=after,
        user_id=user_id,
        office_id=office_id,
    ))
