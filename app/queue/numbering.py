"""Daily ticket numbers: one insert-or-increment statement, atomic on both databases.

It runs in the same transaction as the visit it numbers, so a crash between "take a number"
and "save the visit" rolls both back: no duplicate, and no gap.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.document_numbers import increment_statements
from db.models import DailyTicketCounter

_STATEMENTS = increment_statements(DailyTicketCounter, ("office_id", "service_date", "prefix"))


def next_number(session: Session, office_id: int, service_date: date, prefix: str) -> int:
    stmt = _STATEMENTS[session.get_bind().dialect.name]
    return int(session.connection().execute(
        stmt, {"office_id": office_id, "service_date": service_date, "prefix": prefix}
    ).scalar_one())


def ticket_label(prefix: str, number: int) -> str:
    """``A-001``: three digits, more when a busy day passes 999."""
    return f"{prefix}-{number:03d}"
