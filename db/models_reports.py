"""Per-day summaries of the supervisor's report (issue 7, "Scale").

One row per office and closed office-local day: the day's figures of
:func:`app.reports.daily.daily_report` as *tallies* that add up across days (histograms of
whole seconds per stage/officer/status, visits per service/status/standard category,
payments per method and per bill line, the IKM's sums per element), as one JSON document
(``data``, format ``version``; see :mod:`app.reports.summaries`). A period's report is the
sum of its days' summaries plus a live computation of the days without one.

Why one document per day and not one row per histogram bucket: a day of 1,000 visits has
about as many distinct (stage, officer, seconds) values as stage records, so a row per
bucket would store as many rows as the raw data; a document per day is read in one row.

**Invalidation.** A summary is only written for a *closed* day (before the office's today,
no visit of the day still open). An ORM flush that inserts, changes or deletes a visit, a
stage record, a payment or one of its lines, or a survey response or one of its answers of
a past day deletes that day's summary in the same transaction (:func:`report_invalidator`,
a ``before_flush`` listener that :class:`app.store.Store` registers on its writing sessions
with its clock, so "a past day" is the store's today and a test can move it). The queue's
hot paths that write with Core SQL only ever change *open* visits, whose days are never
summarised. Writes that bypass the ORM (bulk loads, a hand-typed SQL
fix) must be followed by ``loket report summarize --rebuild`` for the days they touched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, ForeignKey, Integer, Text, delete, inspect, tuple_
from sqlalchemy.orm import Mapped, Session, mapped_column

from db.base import Base, utcnow
from db.models_core import (
    Office,
    Payment,
    PaymentLine,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    Visit,
)


class ReportDay(Base):
    """The report figures of one closed office day (see the module's notes)."""

    __tablename__ = "report_days"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"),
                                           primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # office-local day
    version: Mapped[int] = mapped_column(Integer)  # format of ``data``
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    data: Mapped[str] = mapped_column(Text)  # JSON, see app.reports.summaries


# --- invalidation ---------------------------------------------------------------------------


# an office's time zone, read once per database engine (a zone is set when an office is
# created and practically never changes; a changed zone counts after a restart)
_ZONES: dict[tuple[int, int], ZoneInfo] = {}


def _local_day(session: Session, office_id: int | None, moment: Any) -> date | None:
    if office_id is None or not isinstance(moment, datetime):
        return None
    key = (id(session.get_bind()), office_id)
    zone = _ZONES.get(key)
    if zone is None:  # not on every flush: a ticket's flush would pay a query for it
        office = session.get(Office, office_id)
        if office is None:
            return None
        zone = _ZONES[key] = ZoneInfo(office.zone.tz_name)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).date()


def _values(obj: Any, attr: str) -> list[Any]:
    """The attribute's current value and, when changed in this flush, its previous ones."""
    state = inspect(obj)
    history = state.attrs[attr].load_history() if attr in state.attrs else None
    out = [getattr(obj, attr, None)]
    if history is not None:
        out.extend(history.deleted or ())
    return [v for v in out if v is not None]


def _days_at(session: Session, obj: Any, attr: str) -> set[tuple[int, date]]:
    """The office days of an object's time attribute, before and after this flush."""
    days = set()
    for at in _values(obj, attr):
        day = _local_day(session, obj.office_id, at)
        if day is not None:
            days.add((obj.office_id, day))
    return days


def _visit_days(session: Session, visit: Visit | None) -> set[tuple[int, date]]:
    if visit is None:
        return set()
    # the IKM's population is by issue time
    return ({(visit.office_id, d) for d in _values(visit, "service_date")}
            | _days_at(session, visit, "issued_at"))


def _payment_days(session: Session, payment: Payment | None) -> set[tuple[int, date]]:
    return set() if payment is None else _days_at(session, payment, "received_at")


def _response_days(session: Session, response: SurveyResponse | None
                   ) -> set[tuple[int, date]]:
    return set() if response is None else _days_at(session, response, "submitted_at")


def touched_days(session: Session, objects: Any) -> set[tuple[int, date]]:
    """(office id, office-local day) of every report row among ``objects``."""
    days: set[tuple[int, date]] = set()
    for obj in objects:
        if isinstance(obj, Visit):
            days |= _visit_days(session, obj)
        elif isinstance(obj, StageRecord):
            visit = obj.visit if obj.visit_id is None else session.get(Visit, obj.visit_id)
            days |= _visit_days(session, visit)
        elif isinstance(obj, Payment):
            days |= _payment_days(session, obj)
        elif isinstance(obj, PaymentLine):
            payment = (obj.payment if obj.payment_id is None
                       else session.get(Payment, obj.payment_id))
            days |= _payment_days(session, payment)
        elif isinstance(obj, SurveyResponse):
            days |= _response_days(session, obj)
        elif isinstance(obj, SurveyAnswer):
            response = (obj.response if obj.response_id is None
                        else session.get(SurveyResponse, obj.response_id))
            days |= _response_days(session, response)
    return days


WATCHED = (Visit, StageRecord, Payment, PaymentLine, SurveyResponse, SurveyAnswer)


def report_invalidator(clock: Callable[[], datetime]) -> Callable[[Session, Any, Any], None]:
    """The ``before_flush`` listener that deletes the summaries of the past days a flush
    touches; ``clock`` gives the moment whose office-local day is "today"."""

    def invalidate(session: Session, _context: Any, _instances: Any) -> None:
        _invalidate(session, clock())

    return invalidate


def _invalidate(session: Session, now: datetime) -> None:
    changed = [o for o in session.new if isinstance(o, WATCHED)]
    changed += [o for o in session.deleted if isinstance(o, WATCHED)]
    changed += [o for o in session.dirty if isinstance(o, WATCHED)
                and session.is_modified(o, include_collections=False)]
    if not changed:
        return
    with session.no_autoflush:
        days = touched_days(session, changed)
        # only a day before the office's today can have a summary (today's rows are
        # always counted live): the busy flushes of the day cost nothing more
        stale = sorted((o, d) for o, d in days
                       if d < (_local_day(session, o, now) or date.max))
        if stale:
            session.execute(delete(ReportDay).where(
                tuple_(ReportDay.office_id, ReportDay.day).in_(stale)))
            session.info["report_days_touched"] = True
