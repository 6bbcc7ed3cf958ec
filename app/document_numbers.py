"""Document and registration numbers: one insert-or-increment statement per number.

Runs inside the caller's transaction, so a number is used exactly when what it numbers is
saved: never two documents with one number, and no gap left by a failed save.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.models import NumberSequence


def increment_statements(model: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """Per dialect, ``INSERT ... (keys, last_no=1) ON CONFLICT (keys) DO UPDATE SET
    last_no = last_no + 1 RETURNING last_no`` on ``model``, keys as bound parameters of the
    same names: the one statement behind every counter (ticket numbers, document series)."""

    def build(insert: Any) -> Any:
        return insert(model).values(**{k: bindparam(k) for k in keys}, last_no=1
                                    ).on_conflict_do_update(
            index_elements=list(keys), set_={"last_no": model.last_no + 1},
        ).returning(model.last_no)

    return {"postgresql": build(pg_insert), "sqlite": build(sqlite_insert)}


_STATEMENTS = increment_statements(NumberSequence, ("office_id", "series", "period"))


def next_in_series(session: Session, office_id: int, series: str, period: str = "") -> int:
    """The next number of ``series`` (e.g. ``"npwpd"``, ``"receipt"``) in ``period``
    (e.g. ``"2026"``; empty for a series that never restarts), starting at 1."""
    stmt = _STATEMENTS[session.get_bind().dialect.name]
    return int(session.connection().execute(
        stmt, {"office_id": office_id, "series": series, "period": period}).scalar_one())
