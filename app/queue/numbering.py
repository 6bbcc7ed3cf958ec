"""Daily ticket numbers: one insert-or-increment statement, atomic on both databases.

It runs in the same transaction as the visit it numbers, so a crash between "take a number"
and "save the visit" rolls both back: no duplicate, and no gap.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import DailyTicketCounter


def _statement(insert):
    return insert(DailyTicketCounter).values(
        office_id=bindparam("office_id"), service_date=bindparam("day"),
        prefix=bindparam("prefix"), last_no=1,
    ).on_conflict_do_update(
        index_elements=["office_id", "service_date", "prefix"],
        set_={"last_no": DailyTicketCounter.last_no + 1},
    ).returning(DailyTicketCounter.last_no)


_STATEMENTS = {"postgresql": _statement(pg_insert), "sqlite": _statement(sqlite_insert)}


def next_number(session: Session, office_id: int, service_date: date, prefix: str) -> int:
    stmt = _STATEMENTS[session.get_bind().dialect.name]
    return int(session.connection().execute(
        stmt, {"office_id": office_id, "day": service_date, "prefix": prefix}).scalar_one())


def ticket_label(prefix: str, number: int) -> str:
    """``A-001``: three digits, more when a busy day passes 999."""
    return f"{prefix}-{number:03d}"
