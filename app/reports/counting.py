"""The SQL the supervisor's report counts with: which visits and stage records a period
holds, their waits and service times in seconds, and the counting of them.

Shared by the live report (:mod:`app.reports.daily`) and the per-day summaries
(:mod:`app.reports.summaries`), and below both: the report reads stored summaries through
``summaries``, and the summaries count exactly as the live report does through this module,
so neither has to import the other. See :mod:`app.reports.daily` for what each figure means.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.errors import LoketError
from db.enums import VisitStatus
from db.models import Office, Payment, PaymentLine, StageRecord, Visit
from db.types import UTCDateTime

MAX_DAYS = 3660  # ten years: a period longer than that is a typo
SERVED = (VisitStatus.DONE, VisitStatus.INCOMPLETE, VisitStatus.CANCELLED,
          VisitStatus.TRANSFERRED)
ENDED_IN_TIME = (VisitStatus.DONE, VisitStatus.INCOMPLETE)
EXCLUDED = (VisitStatus.NO_SHOW, VisitStatus.CANCELLED)
OPEN = (VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.SERVING, VisitStatus.HELD)


def seconds_between(dialect: str, start: Any, end: Any) -> ColumnElement[int]:
    """Whole seconds from ``start`` to ``end`` (timestamp columns), rounded, in SQL that
    both databases run: ``julianday`` on SQLite, ``EXTRACT(EPOCH ...)`` on PostgreSQL."""
    if dialect == "sqlite":
        return cast(func.round((func.julianday(end) - func.julianday(start)) * 86400.0),
                    Integer)
    return cast(func.round(func.extract("epoch", end - start)), Integer)


def at_utc(moment: datetime) -> ColumnElement[datetime]:
    """An aware moment bound as the UTC timestamp the columns store."""
    return literal(moment, UTCDateTime())


def check_period(start: date, end: date) -> None:
    if end < start:
        raise LoketError("report.bad_period", start=start, end=end)
    days = (end - start).days + 1
    if days > MAX_DAYS:
        raise LoketError("report.period_too_long", days=days, limit=MAX_DAYS)


def status_text(column: Any) -> ColumnElement[str]:
    """A status column read as its plain string (no enum conversion per row)."""
    return type_coerce(column, String)


def _sqlite_value(value: Any) -> Any:
    """A bound value as SQLAlchemy stores it in SQLite (see :func:`_sqlite_rows`)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _sqlite_rows(s: Session, stmt: Select[Any]) -> sqlite3.Cursor:
    """The rows of ``stmt`` as plain tuples from the driver, in the session's transaction.

    For the few statements that hand hundreds of thousands of rows to Python on SQLite:
    building SQLAlchemy rows costs more than the query. Values come back as stored (strings
    for statuses, integers for amounts): select only such columns. Bound values are
    converted as SQLAlchemy stores them in SQLite (UTC timestamps as
    ``YYYY-MM-DD HH:MM:SS.ffffff``, days as ``YYYY-MM-DD``, enums by value).
    """
    compiled = stmt.compile(dialect=s.get_bind().dialect,
                            compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    values = [_sqlite_value(params[name]) for name in compiled.positiontup or ()]
    driver = s.connection().connection.driver_connection
    assert driver is not None  # the session's connection is open: it just ran the compile
    cursor: sqlite3.Cursor = driver.cursor()
    cursor.execute(str(compiled), values)
    return cursor


def tallies(s: Session, stmt: Select[Any], *keysets: tuple[int, ...]
             ) -> list[dict[tuple[Any, ...], int]]:
    """Count the rows of ``stmt`` by each key set (positions of two or more of its
    columns): one ``{key: rows}`` per key set.

    PostgreSQL groups in SQL (a hash aggregate per key set). SQLite has no hash aggregate:
    its GROUP BY sorts every row in a temporary B-tree, which for a year of stage records
    costs several times more than reading the rows once and counting them in Python (with
    :class:`collections.Counter`, in C), so there the rows are counted here.
    """
    if s.get_bind().dialect.name == "sqlite":
        counters: list[Counter[tuple[Any, ...]]] = [Counter() for _ in keysets]
        getters = [itemgetter(*keys) for keys in keysets]
        cursor = _sqlite_rows(s, stmt)
        while chunk := cursor.fetchmany(20_000):
            for counter, get in zip(counters, getters, strict=True):
                counter.update(map(get, chunk))
        return [dict(c) for c in counters]
    sub = stmt.subquery()
    cols = list(sub.c)
    out = []
    for keys in keysets:
        group = [cols[i] for i in keys]
        out.append({tuple(r[:-1]): int(r[-1]) for r in s.execute(
            select(*group, func.count()).group_by(*group))})
    return out


def sums(s: Session, stmt: Select[*tuple[Any, ...]], amount: Any
         ) -> dict[tuple[Any, ...], tuple[int, int]]:
    """The rows of ``stmt`` grouped in SQL: key (the row) -> (rows, sum of ``amount``)."""
    sub = stmt.add_columns(type_coerce(amount, BigInteger).label("amount_")).subquery()
    keys = [c for c in sub.c if c.name != "amount_"]
    rows = s.execute(select(*keys, func.count(), func.coalesce(func.sum(sub.c.amount_), 0))
                     .group_by(*keys))
    return {tuple(r[:-2]): (int(r[-2]), int(r[-1])) for r in rows}


def visit_query(office: Office, as_of: datetime, period: ColumnElement[bool],
                 by_day: bool = False) -> Select[Any]:
    """The period's visits as (service, status, standard category, priority reason), with
    the office day in front when ``by_day``."""
    category = case(
        (Visit.due_at.is_(None), "no_standard"),
        (Visit.status.in_(EXCLUDED), "excluded"),
        (and_(Visit.status.in_(ENDED_IN_TIME), Visit.closed_at <= Visit.due_at), "within"),
        (Visit.status.notin_(OPEN), "outside"),
        (Visit.due_at <= at_utc(as_of), "outside"),
        else_="pending")
    cols: list[Any] = [Visit.service_id, status_text(Visit.status).label("status"),
                       category.label("cat"), Visit.priority_reason]
    if by_day:
        cols.insert(0, Visit.service_date)
    return select(*cols).where(Visit.office_id == office.id, period)


def record_query(s: Session, office: Office, period: ColumnElement[bool],
                  by_day: bool = False) -> Select[Any]:
    """Every stage record of the period's visits: stage, officer, status, the wait in
    seconds (NULL: never called) and the service time in seconds (NULL: not served), with
    the visit's office day in front when ``by_day``."""
    dialect = s.get_bind().dialect.name
    wait_s = seconds_between(dialect, StageRecord.queued_at, StageRecord.called_at)
    service_s = seconds_between(dialect, func.coalesce(StageRecord.started_at,
                                                       StageRecord.called_at),
                                StageRecord.finished_at)
    cols: list[Any] = [
        StageRecord.stage_id, StageRecord.officer_id, status_text(StageRecord.status).label("st"),
        case((StageRecord.called_at.is_not(None), wait_s), else_=None).label("wait"),
        case((and_(StageRecord.status.in_(SERVED), StageRecord.called_at.is_not(None),
                   StageRecord.finished_at.is_not(None)), service_s),
             else_=None).label("service")]
    if by_day:
        cols.insert(0, Visit.service_date)
    return (select(*cols).join(Visit, Visit.id == StageRecord.visit_id)
            .where(Visit.office_id == office.id, period))


def method_query(office: Office, period: ColumnElement[bool]) -> Select[str, bool]:
    return select(status_text(Payment.method).label("method"),
                  Payment.voided_at.is_not(None).label("voided")).where(
        Payment.office_id == office.id, period)


def line_query(office: Office, period: ColumnElement[bool]) -> Select[str, str]:
    return (select(PaymentLine.code, PaymentLine.description)
            .join(Payment, Payment.id == PaymentLine.payment_id)
            .where(Payment.office_id == office.id, period, Payment.voided_at.is_(None)))


def days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)
