"""Per-day summaries of the supervisor's report: a yearly report adds up 261 stored days.

A day's *summary* (table ``report_days``, :class:`db.models_reports.ReportDay`) holds the
figures of :func:`app.reports.daily.daily_report` that add up across days, as one JSON
document::

    {"visits":   [[service_id, status, category, priority_reason, visits], ...],
     "waits":    [[stage_id, officer_id, status, [seconds, records, seconds, records, ...]],
                  ...],                        # seconds null: never called
     "services": [[stage_id, officer_id, [seconds, records, ...]], ...],
     "methods":  [[method, voided, payments, total], ...],
     "lines":    [[code, description, lines, total], ...],
     "population": visits issued that day and called at least once (the IKM's population),
     "surveys":  {survey_code: [respondents, {element_id: sum of the answers}]}}

Visits and stage records belong to the visit's ``service_date``; payments, survey answers
and the IKM's population to the office-local day of ``received_at``, ``submitted_at`` and
``issued_at``. A period's figures are the sums of its days' documents, so the report of a
period made from summaries is *identical* to the one computed from the raw rows (the
percentiles are read from the summed histograms, never averaged). Complaints and
perforation are few and always counted live.

Which days are summarised: a *closed* day, strictly before the office's today (the earlier
of ``as_of`` and the clock) with no visit still open (waiting, called, serving, held).
Today, and a past day with an open visit, are always computed live. The report writes the
missing summaries of closed days as it goes (lazily, best effort, in a transaction of its
own unless its own session is an SQLite writer); ``loket report summarize`` writes them for
a nightly job. For how a summary is invalidated when a past day's rows change, see
:mod:`db.models_reports`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Date,
    Select,
    String,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.ikm.compute import ikm_from_totals, krejcie_morgan
from app.ikm.responses import IkmReport, period_bounds
from app.ikm.survey import Survey
from app.reports import counting
from app.store import Store
from db.models import (
    Office,
    Payment,
    PaymentLine,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    Visit,
)
from db.models_reports import ReportDay

VERSION = 1  # format of report_days.data; rows of another version are recomputed
OPEN_STATUSES = frozenset(s.value for s in counting.OPEN)


# --- computing days from the raw rows -------------------------------------------------------


@lru_cache(maxsize=8192)
def _as_day(value: Any) -> date:
    """A day as the database hands it back: a date (PostgreSQL) or text (SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Sorted days -> runs of consecutive days (first, last)."""
    out: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if out and out[-1][1] + timedelta(days=1) == day:
            out[-1] = (out[-1][0], day)
        else:
            out.append((day, day))
    return out


def local_day(s: Session, office: Office, column: Any) -> ColumnElement[Any]:
    """The office-local day of a UTC timestamp column, in SQL. PostgreSQL converts with the
    zone's name; SQLite adds the zone's offset (Indonesian zones have no daylight saving)."""
    if s.get_bind().dialect.name == "sqlite":
        offset = ZoneInfo(office.zone.tz_name).utcoffset(datetime(2000, 1, 1))
        seconds = int(offset.total_seconds()) if offset else 0
        return type_coerce(func.date(column, f"{seconds:+d} seconds"), String)
    return cast(func.timezone(office.zone.tz_name, column), Date)


def empty_day() -> dict[str, Any]:
    return {"visits": [], "waits": [], "services": [], "methods": [], "lines": [],
            "population": 0, "surveys": {}}


def _flat(histogram: dict[Any, int]) -> list[Any]:
    out: list[Any] = []
    for value, n in histogram.items():
        out += (value, n)
    return out


def _records_by_day(s: Session, records: Select[Any], docs: dict[date, dict[str, Any]]
                    ) -> None:
    """Waits and service times of :func:`app.reports.counting.record_query` (by day) into the
    day documents, counted by :func:`app.reports.counting.tallies`."""
    waits, services = counting.tallies(s, records, (0, 1, 2, 3, 4), (0, 1, 2, 5))
    # tally keys are unique, so each (day, stage, officer[, status]) group is filled by
    # assignment; days are converted once per group
    wait_g: dict[tuple[Any, ...], dict[Any, int]] = {}
    for (day, stage_id, officer_id, status, wait), n in waits.items():
        h = wait_g.get((day, stage_id, officer_id, status))
        if h is None:
            h = wait_g[day, stage_id, officer_id, status] = {}
        h[wait] = n
    service_g: dict[tuple[Any, ...], dict[Any, int]] = {}
    for (day, stage_id, officer_id, service), n in services.items():
        if service is None:  # not served: no service time
            continue
        h = service_g.get((day, stage_id, officer_id))
        if h is None:
            h = service_g[day, stage_id, officer_id] = {}
        h[service] = n
    for part, groups in (("waits", wait_g), ("services", service_g)):
        for (day, *key), h in groups.items():
            doc = docs.get(_as_day(day))
            if doc is not None:
                doc[part].append([*key, _flat(h)])


def _pg_histograms(s: Session, records: Select[Any]) -> list[tuple[Any, ...]]:
    """PostgreSQL: the histograms of the records of :func:`app.reports.counting.record_query`
    (by day) in one scan, as rows ``(day, stage, officer, status, [waits], [counts])`` and
    ``(day, stage, officer, None, [service times], [counts])`` (grouping sets)."""
    sub = records.subquery()
    day, stage, officer, status, wait, service = list(sub.c)
    counted = select(
        day, stage, officer, status.label("status"),
        case((func.grouping(status) == 0, wait), else_=service).label("v"),
        func.count().label("n")).group_by(func.grouping_sets(
            tuple_(day, stage, officer, status, wait), tuple_(day, stage, officer, service))
    ).subquery()
    keys = list(counted.c)[:4]
    return [tuple(row) for row in s.execute(select(
        *keys, func.array_agg(aggregate_order_by(counted.c.v, counted.c.v)),
        func.array_agg(aggregate_order_by(counted.c.n, counted.c.v))).group_by(*keys))]


def compute_days(s: Session, office: Office, days: Iterable[date], as_of: datetime
                 ) -> dict[date, dict[str, Any]]:
    """The summary documents of ``days``, counted from the raw rows (a day without any row
    gets an empty document). One pass per kind of row over the runs of consecutive days."""
    docs = {day: empty_day() for day in days}
    if not docs:
        return docs
    runs = _runs(docs)
    visit_period = or_(*(and_(Visit.service_date >= a, Visit.service_date <= b)
                         for a, b in runs))
    bounds = [period_bounds(office, a, b) for a, b in runs]

    def during(column: Any) -> ColumnElement[bool]:
        return or_(*(and_(column >= counting.at_utc(lo), column < counting.at_utc(hi))
                      for lo, hi in bounds))

    rows, = counting.tallies(s, counting.visit_query(office, as_of, visit_period, by_day=True),
                       (0, 1, 2, 3, 4))
    for (day, *key), n in rows.items():
        doc = docs.get(_as_day(day))
        if doc is not None:
            doc["visits"].append([*key, n])

    records = counting.record_query(s, office, visit_period, by_day=True)
    if s.get_bind().dialect.name == "postgresql":
        # both histograms made in SQL in one pass: rows per (day, stage, officer[, status])
        for day, *key, values, counts in _pg_histograms(s, records):
            doc = docs.get(_as_day(day))
            if doc is None:
                continue
            if key[-1] is None:  # the service times of (stage, officer)
                pairs = [x for pair in zip(values, counts, strict=True)
                         if pair[0] is not None for x in pair]
                if pairs:
                    doc["services"].append([*key[:2], pairs])
            else:
                doc["waits"].append([*key, [x for pair in zip(values, counts, strict=True)
                                            for x in pair]])
    else:
        _records_by_day(s, records, docs)

    paid = during(Payment.received_at)
    pay_day = local_day(s, office, Payment.received_at).label("day")
    for (method, voided, day), (n, total) in counting.sums(
            s, counting.method_query(office, paid).add_columns(pay_day), Payment.amount).items():
        doc = docs.get(_as_day(day))
        if doc is not None:
            doc["methods"].append([method, bool(voided), n, total])
    for (code, description, day), (n, total) in counting.sums(
            s, counting.line_query(office, paid).add_columns(pay_day), PaymentLine.amount).items():
        doc = docs.get(_as_day(day))
        if doc is not None:
            doc["lines"].append([code, description, n, total])

    # the IKM: the population (visits issued and called), respondents and answer sums
    issued = select(local_day(s, office, Visit.issued_at).label("day")).where(
        Visit.office_id == office.id, during(Visit.issued_at),
        Visit.stage_records.any(StageRecord.called_at.is_not(None))).subquery()
    for day, n in s.execute(select(issued.c.day, func.count()).group_by(issued.c.day)):
        doc = docs.get(_as_day(day))
        if doc is not None:
            doc["population"] = int(n)
    answered = (SurveyResponse.office_id == office.id, during(SurveyResponse.submitted_at))
    resp = select(local_day(s, office, SurveyResponse.submitted_at).label("day"),
                  SurveyResponse.survey_code.label("code")).where(*answered).subquery()
    for day, code, n in s.execute(select(resp.c.day, resp.c.code, func.count())
                                  .group_by(resp.c.day, resp.c.code)):
        doc = docs.get(_as_day(day))
        if doc is not None:
            doc["surveys"][code] = [int(n), {}]
    ans = (select(local_day(s, office, SurveyResponse.submitted_at).label("day"),
                  SurveyResponse.survey_code.label("code"),
                  SurveyAnswer.element_id.label("element"), SurveyAnswer.value.label("value"))
           .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
           .where(*answered).subquery())
    for day, code, element, total in s.execute(
            select(ans.c.day, ans.c.code, ans.c.element, func.sum(ans.c.value))
            .group_by(ans.c.day, ans.c.code, ans.c.element)):
        doc = docs.get(_as_day(day))
        if doc is not None and code in doc["surveys"]:
            doc["surveys"][code][1][element] = int(total)
    return docs


def is_closed(doc: dict[str, Any]) -> bool:
    """No visit of the day is still open (its figures can still change)."""
    return not any(row[1] in OPEN_STATUSES for row in doc["visits"])


def office_today(office: Office, as_of: datetime | None = None,
                 now: datetime | None = None) -> date:
    """The office-local day before which days are closed: of the earlier of ``as_of`` and
    the clock."""
    moment = min(as_of or datetime.now(UTC), now or datetime.now(UTC))
    return moment.astimezone(ZoneInfo(office.zone.tz_name)).date()


# --- storing and reading --------------------------------------------------------------------


def load(s: Session, office: Office, start: date, end: date) -> dict[date, dict[str, Any]]:
    """The stored summaries of ``start``..``end`` (current format only)."""
    if end < start:
        return {}
    return {_as_day(day): json.loads(data) for day, data in s.execute(
        select(ReportDay.day, ReportDay.data).where(
            ReportDay.office_id == office.id, ReportDay.day >= start, ReportDay.day <= end,
            ReportDay.version == VERSION))}


def write(s: Session, office_id: int, docs: dict[date, dict[str, Any]],
          now: datetime | None = None) -> None:
    """Store (replace) the summaries of these days, in ``s``'s transaction."""
    if not docs:
        return
    at = now or datetime.now(UTC)
    days = sorted(docs)
    for a, b in _runs(days):
        s.execute(delete(ReportDay).where(ReportDay.office_id == office_id,
                                          ReportDay.day >= a, ReportDay.day <= b))
    s.execute(insert(ReportDay), [
        {"office_id": office_id, "day": day, "version": VERSION, "computed_at": at,
         "data": json.dumps(docs[day], separators=(",", ":"))} for day in days])


def _store_lazily(s: Session, office_id: int, docs: dict[date, dict[str, Any]]) -> bool:
    """Best effort: keep what a report computed. In the report's own transaction when it is
    an SQLite writer (a second writer would wait for it), else in a transaction of its own,
    so a read-only report still leaves its summaries behind. Not when the report's session
    has itself invalidated summaries (its uncommitted delete would block ours)."""
    if not docs or s.info.get("report_days_touched"):
        return False
    bind = s.get_bind()
    if bind.dialect.name == "sqlite" and \
            bind.get_execution_options().get("sqlite_begin", "IMMEDIATE") != "DEFERRED":
        write(s, office_id, docs)
        return True
    if bind.dialect.name == "sqlite":
        bind = bind.execution_options(sqlite_begin="IMMEDIATE")
    try:
        with Session(bind=bind) as other:
            write(other, office_id, docs)
            other.commit()
    except SQLAlchemyError:  # a concurrent report stored them first, a busy database
        return False
    return True


# --- a period from summaries -----------------------------------------------------------------


@dataclass
class Totals:
    """The sum of day documents."""

    visits: dict[tuple[Any, ...], int] = field(default_factory=dict)
    waits: dict[tuple[Any, ...], dict[Any, int]] = field(default_factory=dict)
    services: dict[tuple[Any, ...], dict[Any, int]] = field(default_factory=dict)
    methods: dict[tuple[Any, ...], tuple[int, int]] = field(default_factory=dict)
    lines: dict[tuple[Any, ...], tuple[int, int]] = field(default_factory=dict)
    population: int = 0
    surveys: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)
    days: int = 0  # days added
    stored: int = 0  # of which read from summaries
    written: int = 0  # summaries written by this report

    def add(self, doc: dict[str, Any]) -> None:
        self.days += 1
        visits = self.visits
        for *key, n in doc["visits"]:
            k = tuple(key)
            visits[k] = visits.get(k, 0) + n
        for target, rows in ((self.waits, doc["waits"]), (self.services, doc["services"])):
            for *key, flat in rows:
                h = target.setdefault(tuple(key), {})
                get = h.get
                it = iter(flat)
                for value, n in zip(it, it, strict=True):
                    h[value] = get(value, 0) + n
        for sums, rows in ((self.methods, doc["methods"]), (self.lines, doc["lines"])):
            for a, b, n, total in rows:
                count, amount = sums.get((a, b), (0, 0))
                sums[a, b] = (count + n, amount + total)
        self.population += doc["population"]
        for code, (respondents, totals) in doc["surveys"].items():
            r, t = self.surveys.get(code, (0, {}))
            t = dict(t)
            for element, value in totals.items():
                t[element] = t.get(element, 0) + value
            self.surveys[code] = (r + respondents, t)

    def ikm(self, office: Office, start: date, end: date, survey: Survey, weight: str
            ) -> IkmReport:
        """As :func:`app.ikm.responses.ikm_report` of the office for the period."""
        respondents, totals = self.surveys.get(survey.code, (0, {}))
        result = (ikm_from_totals(survey, totals, respondents, weight=weight)
                  if respondents else None)
        return IkmReport(office.code, start, end, result, self.population,
                         krejcie_morgan(self.population))


def period_totals(s: Session, office: Office, start: date, end: date, as_of: datetime,
                  *, now: datetime | None = None, store: bool = True) -> Totals | None:
    """The figures of ``start``..``end`` from the stored summaries plus the days computed
    live, or None when no day of the period is closed (nothing to gain: count live).
    Closed days without a summary are computed and, with ``store``, written."""
    today = office_today(office, as_of, now)
    if start >= today:
        return None
    stored = load(s, office, start, min(end, today - timedelta(days=1)))
    missing = [day for day in counting.days(start, end) if day not in stored]
    computed = compute_days(s, office, missing, as_of)
    fresh = {day: doc for day, doc in computed.items() if day < today and is_closed(doc)}
    totals = Totals()
    for doc in stored.values():
        totals.add(doc)
    for doc in computed.values():
        totals.add(doc)
    totals.stored = len(stored)
    if store and fresh and _store_lazily(s, office.id, fresh):
        totals.written = len(fresh)
    return totals


# --- the nightly job --------------------------------------------------------------------------


@dataclass(frozen=True)
class Summarized:
    office: str
    start: date
    end: date
    written: int  # days summarised now
    present: int  # days that already had a summary (left alone)
    open_days: tuple[date, ...]  # closed-by-date days left live: a visit is still open

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, "from": self.start.isoformat(),
                "to": self.end.isoformat(), "written": self.written,
                "present": self.present,
                "open_days": [day.isoformat() for day in self.open_days]}


CHUNK_DAYS = 31  # days per transaction


def summarize(store_: Store, office_code: str | None = None, start: date | None = None,
              end: date | None = None, *, rebuild: bool = False,
              now: datetime | None = None) -> list[Summarized]:
    """Write the summaries of the closed days ``start``..``end`` (default: yesterday) of
    one office (or of every office when ``office_code`` is None). Days that have one are
    left alone unless ``rebuild`` (after a bulk load or a hand-made fix)."""
    from app.queue import engine as q

    now = (now or datetime.now(UTC)).astimezone(UTC)
    with store_.uow(read_only=True) as uow:
        s = uow.session
        if office_code:
            offices = [q.resolve_office(s, office_code)]
        else:
            offices = list(s.scalars(select(Office).order_by(Office.code)))
        targets = [(o.id, o.code, office_today(o, now, now)) for o in offices]
    out = []
    for office_id, code, today in targets:
        last = min(end or today - timedelta(days=1), today - timedelta(days=1))
        first = start or last
        if start is not None or end is not None:
            counting.check_period(start or last, end or last)
        written = present = 0
        open_days: list[date] = []
        day = first
        while day <= last:
            chunk_end = min(last, day + timedelta(days=CHUNK_DAYS - 1))
            with store_.uow() as uow:
                s = uow.session
                office = s.get(Office, office_id)
                assert office is not None
                have = set() if rebuild else set(load(s, office, day, chunk_end))
                wanted = [x for x in counting.days(day, chunk_end) if x not in have]
                docs = compute_days(s, office, wanted, now)
                fresh = {x: doc for x, doc in docs.items() if is_closed(doc)}
                open_days += sorted(set(docs) - set(fresh))
                write(s, office_id, fresh, now)
                uow.commit()
            written += len(fresh)
            present += len(have)
            day = chunk_end + timedelta(days=1)
        out.append(Summarized(code, first, last, written, present, tuple(open_days)))
    return out

