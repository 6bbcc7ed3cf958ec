"""Document and registration numbers: one insert-or-increment statement per number.

Runs inside the caller's transaction, so a number is used exactly when what it numbers is
saved: never two documents with one number, and no gap left by a failed save.
"""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import NumberSequence


def _statement(insert):
    return insert(NumberSequence).values(
        office_id=bindparam("office_id"), series=bindparam("series"),
        period=bindparam("period"), last_no=1,
    ).on_conflict_do_update(
        index_elements=["office_id", "series", "period"],
        set_={"last_no": NumberSequence.last_no + 1},
    ).returning(NumberSequence.last_no)


_STATEMENTS = {"postgresql": _statement(pg_insert), "sqlite": _statement(sqlite_insert)}


def next_in_series(session: Session, office_id: int, series: str, period: str = "") -> int:
    """The next number of ``series`` (e.g. ``"npwpd"``, ``"receipt"``) in ``period``
    (e.g. ``"2026"``; empty for a series that never restarts), starting at 1."""
    stmt = _STATEMENTS[session.get_bind().dialect.name]
    return int(session.connection().execute(
        stmt, {"office_id": office_id, "series": series, "period": period}).scalar_one())
