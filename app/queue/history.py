"""The history of a visit: every change writes one transition row, one audit entry and one
live event, in the transaction of the change (:mod:`app.queue.events`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.access import Actor
from app.queue import statements as sql
from db.enums import VisitStatus
from db.models import Counter, Office, StageRecord, Visit


def _payload(visit: Visit, record: StageRecord | None, counter: Counter | None) -> dict[str, Any]:
    return {
        "visit_id": visit.id,
        "ticket": visit.ticket,
        "service": visit.service.code,
        "stage": record.stage.code if record else None,
        "status": visit.status.value,
        "priority": visit.priority_reason,
        "counter": counter.code if counter else None,
        "counter_number": counter.display_number if counter else None,
        "call_name": counter.call_name if counter else None,
    }


def record_change(
    session: Session,
    *,
    office_id: int,
    payload: dict[str, Any],
    record_id: int | None,
    record_status: str,
    action: str,
    before: str | None,
    counter_id: int | None,
    actor: Actor,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """One transition row, one audit entry and one live event for a change of a visit.

    ``payload`` describes the visit after the change (ticket, service, stage, status,
    counter): it is the event's content and the audit entry's "after".
    """
    conn = session.connection()
    conn.execute(sql.insert_transition, {
        "visit_id": payload["visit_id"], "stage_record_id": record_id, "action": action,
        "from_status": before, "to_status": record_status, "at": now, "counter_id": counter_id,
        "user_id": actor.user_id, "note": note, "data": data or {},
    })
    conn.execute(sql.insert_audit, {
        "at": now, "actor": actor.name, "user_id": actor.user_id, "office_id": office_id,
        "action": f"ticket.{action}", "entity": "visit",
        "entity_id": str(payload["visit_id"]),
        "before": {"status": before} if before else None,
        "after": {k: payload[k] for k in ("status", "ticket", "stage", "counter")}
        | (data or {}),
    })
    conn.execute(sql.insert_event, {"office_id": office_id, "at": now,
                                    "kind": f"ticket.{action}", "payload": payload})


def log_change(
    session: Session,
    *,
    office: Office,
    visit: Visit,
    record: StageRecord | None,
    action: str,
    before: str | None,
    counter: Counter | None,
    actor: Actor,
    now: datetime,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """:func:`record_change` for a visit loaded as ORM objects."""
    session.flush()
    record_change(
        session, office_id=office.id, payload=_payload(visit, record, counter),
        record_id=record.id if record else None,
        record_status=record.status.value if record else visit.status.value, action=action,
        before=before, counter_id=counter.id if counter else None, actor=actor, now=now,
        note=note, data=data,
    )


def close_record(session: Session, office: Office, record: StageRecord, counter: Counter | None,
                 status: VisitStatus, action: str, actor: Actor, now: datetime,
                 data: dict[str, Any] | None = None) -> None:
    """End a visit at this record: no-show, incomplete, cancelled, not served, or done."""
    before = record.status.value
    record.status = status
    record.finished_at = now
    record.outcome = status.value
    visit = record.visit
    visit.status = status
    visit.closed_at = now
    visit.outcome = status.value
    log_change(session, office=office, visit=visit, record=record, action=action, before=before,
               counter=counter, actor=actor, now=now, data=data)
