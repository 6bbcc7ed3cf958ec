"""The supervisor's daily report of an office, for one day or any range of office days.

Everything is counted per *office-local* day (WIB/WITA/WIT), while times are stored in UTC:

- **Visits** are those whose ticket was issued on a day of the period
  (``visits.service_date``, the office's local day of the ticket). Their stage records are
  what the waits, service times and officers' figures are made of.
- **Waiting time** of a stage record: ``queued_at`` -> ``called_at`` (records that were
  called, no-shows included: they waited too). Records never called are counted apart
  (``not_called``).
- **Service time** of a stage record: ``started_at`` (or ``called_at`` when the officer never
  pressed "start") -> ``finished_at``, for records that ended served: ``done``,
  ``incomplete``, ``cancelled`` after the call, or ``transferred`` on. No-shows and records
  closed "not served" at closing time have no service time.
- Durations are whole seconds (rounded in SQL), summarised as count, **median** and
  **90th percentile** with linear interpolation between the closest ranks (the method of
  Excel's PERCENTILE.INC and numpy's default: rank ``h = (n - 1) * p``), shown in minutes
  with one decimal (half up).
- **Within the time standard** (per service and overall), for visits that have a deadline
  (``due_at``): *within* when the visit ended ``done`` or ``incomplete`` at or before its
  deadline (``closed_at <= due_at``); *outside* when it ended so after it, when it was closed
  "not served", or when it is still open and its deadline has passed at ``as_of`` (the
  report's time: it cannot end in time any more). Still open before its deadline:
  *pending*, not counted. No-shows and cancellations are *excluded* (the visitor ended the
  visit), and visits of services without a standard counted at the ticket are *no
  standard*. Percentage = within / (within + outside), one decimal.
- **Payments** received in the period (``received_at`` in the period's UTC bounds), by
  method and by bill line, voided payments left out of the totals (and counted apart).
- **Perforated sheets**: see :func:`perforated_sheets`.
- **Complaints**: received in the period; answered in the period (and of those, after their
  deadline); *overdue*: received before the end of the period, past their deadline at the
  end of the period (or at ``as_of`` if earlier), and not answered by then.
- **IKM** of the survey answers given in the period, with the per-element NRR
  (:func:`app.ikm.responses.ikm_report`).

Speed. Durations are computed in SQL (whole seconds) and counted into histograms per stage,
officer and status (seconds -> count); the percentiles are read exactly from the histograms
in Python. That works on SQLite (no ``percentile_cont``) and PostgreSQL alike. On
PostgreSQL the counting is a ``GROUP BY`` (hash aggregate); on SQLite, whose ``GROUP BY``
sorts every row, the rows are read once straight from the driver and counted with
:class:`collections.Counter` (see :func:`app.reports.counting.tallies`), several times
faster for a year of stage records. Money is summed in SQL on both. The indexes the report
reads by are in migration 0011. A period's *closed* days (before the office's today, no visit
still open) are read from per-day summaries instead (:mod:`app.reports.summaries`, migration
0012): the same tallies, stored per day and added up, so the report is identical and a year costs
261 stored rows; missing summaries are computed and stored on the way (``bench/report.py``
times the daily report, and the yearly one live, cold and warm).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import (
    and_,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.errors import LoketError
from app.i18n import date_range
from app.ikm.responses import IkmReport, ikm_report, period_bounds
from app.ikm.survey import DEFAULT_SURVEY, load_survey
from app.queue import engine as q
from app.reports import messages  # noqa: F401  (registers the messages)
from app.reports.counting import (
    OPEN,
    at_utc,
    check_period,
    line_query,
    method_query,
    record_query,
    sums,
    tallies,
    visit_query,
)
from app.reports.summaries import period_totals
from app.store import UnitOfWork
from db.enums import VisitStatus
from db.models import (
    Complaint,
    Office,
    Payment,
    PaymentLine,
    Service,
    Stage,
    User,
    Visit,
)

P90 = Fraction(9, 10)
MEDIAN = Fraction(1, 2)


# --- numbers --------------------------------------------------------------------------------


def _dec(value: Fraction, places: int = 1) -> Decimal:
    num = Decimal(value.numerator).scaleb(places)
    return (num / value.denominator).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(
        -places)


def percentile(histogram: Mapping[int, int], p: Fraction) -> Fraction | None:
    """The ``p`` quantile (0..1) of the values of ``histogram`` (value -> how often), with
    linear interpolation between the closest ranks: rank ``h = (n - 1) p`` counted from 0,
    ``x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])``. None when empty."""
    n = sum(histogram.values())
    if n == 0:
        return None
    h = (n - 1) * p
    lo = h.numerator // h.denominator
    want = {lo, min(lo + 1, n - 1)}
    found: dict[int, int] = {}
    seen = 0
    for value in sorted(histogram):
        count = histogram[value]
        for rank in want:
            if seen <= rank < seen + count:
                found[rank] = value
        seen += count
        if len(found) == len(want):
            break
    x_lo, x_hi = found[lo], found[min(lo + 1, n - 1)]
    return x_lo + (h - lo) * (x_hi - x_lo)


@dataclass(frozen=True)
class Durations:
    """Count, median and 90th percentile of durations, in minutes (one decimal)."""

    count: int = 0
    median: Decimal | None = None
    p90: Decimal | None = None
    total: Decimal = Decimal("0.0")  # sum of the durations, minutes

    @classmethod
    def of(cls, histogram: Mapping[int, int]) -> Durations:
        """From seconds -> count."""
        n = sum(histogram.values())
        if n == 0:
            return cls()
        med, p90 = percentile(histogram, MEDIAN), percentile(histogram, P90)
        assert med is not None and p90 is not None
        total = sum(value * count for value, count in histogram.items())
        return cls(n, _dec(med / 60), _dec(p90 / 60), _dec(Fraction(total, 60)))

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "median_min": _num(self.median),
                "p90_min": _num(self.p90), "total_min": _num(self.total)}


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    exponent = value.as_tuple().exponent  # an int, or a letter for NaN and infinity
    return int(value) if value == value.to_integral_value() and isinstance(exponent, int) \
        and exponent >= 0 else float(value)


def _pct(part: int, whole: int) -> Decimal | None:
    return _dec(Fraction(100 * part, whole)) if whole else None


# --- the report tree --------------------------------------------------------------------------


@dataclass(frozen=True)
class Standard:
    """Visits against their time standard (see the module's notes)."""

    within: int = 0
    outside: int = 0
    pending: int = 0
    excluded: int = 0
    no_standard: int = 0

    @property
    def counted(self) -> int:
        return self.within + self.outside

    @property
    def within_pct(self) -> Decimal | None:
        return _pct(self.within, self.counted)

    def __add__(self, other: Standard) -> Standard:
        return Standard(self.within + other.within, self.outside + other.outside,
                        self.pending + other.pending, self.excluded + other.excluded,
                        self.no_standard + other.no_standard)

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"counted": self.counted, "within_pct": _num(self.within_pct)}


@dataclass(frozen=True)
class ServiceRow:
    code: str
    name: str
    visits: int
    done: int
    incomplete: int
    no_show: int
    cancelled: int
    not_served: int
    open: int
    standard: Standard

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k != "standard"}
        return out | {"standard": self.standard.to_json()}


@dataclass(frozen=True)
class StageRow:
    code: str
    name: str
    records: int
    not_called: int
    no_show: int
    wait: Durations
    service: Durations

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "records": self.records,
                "not_called": self.not_called, "no_show": self.no_show,
                "wait": self.wait.to_json(), "service": self.service.to_json()}


@dataclass(frozen=True)
class OfficerRow:
    username: str
    name: str
    called: int  # stage records this officer called
    served: int  # of which ended served (service time known)
    no_show: int
    wait: Durations  # how long the visitors this officer called had waited
    service: Durations

    def to_json(self) -> dict[str, Any]:
        return {"username": self.username, "name": self.name, "called": self.called,
                "served": self.served, "no_show": self.no_show, "wait": self.wait.to_json(),
                "service": self.service.to_json()}


@dataclass(frozen=True)
class MoneyRow:
    key: str  # a payment method (cash, transfer, billing) or a bill line code
    name: str
    count: int
    total: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "count": self.count,
                "total": int(self.total)}


@dataclass(frozen=True)
class Payments:
    by_method: tuple[MoneyRow, ...] = ()
    by_line: tuple[MoneyRow, ...] = ()
    voided_count: int = 0
    voided_total: Decimal = Decimal(0)

    @property
    def count(self) -> int:
        return sum(r.count for r in self.by_method)

    @property
    def total(self) -> Decimal:
        return sum((r.total for r in self.by_method), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "total": int(self.total),
                "by_method": [r.to_json() for r in self.by_method],
                "by_line": [r.to_json() for r in self.by_line],
                "voided_count": self.voided_count, "voided_total": int(self.voided_total)}


@dataclass(frozen=True)
class Perforation:
    requests: int = 0
    sheets: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Complaints:
    received: int = 0
    answered: int = 0
    answered_late: int = 0
    overdue: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Ikm:
    """The IKM of the period and the survey's element names, in the survey's order."""

    report: IkmReport
    elements: tuple[tuple[str, str], ...]  # (element id, name)

    @property
    def respondents(self) -> int:
        return self.report.result.respondents if self.report.result else 0

    def nrr(self, element_id: str) -> Decimal | None:
        result = self.report.result
        return result.nrr_decimal(element_id) if result else None

    @property
    def value(self) -> Decimal | None:
        return self.report.result.converted if self.report.result else None

    def to_json(self) -> dict[str, Any]:
        return self.report.to_json() | {
            "elements": [{"id": e, "name": name, "nrr": _num(self.nrr(e))}
                         for e, name in self.elements]}


@dataclass(frozen=True)
class DailyReport:
    office: str
    office_name: str
    zone: str
    start: date
    end: date
    as_of: datetime
    services: tuple[ServiceRow, ...]
    stages: tuple[StageRow, ...]
    officers: tuple[OfficerRow, ...]
    priority: tuple[tuple[str, int], ...]  # (reason, visits)
    payments: Payments
    perforation: Perforation
    complaints: Complaints
    ikm: Ikm
    wait_all: Durations = field(default_factory=Durations)
    service_all: Durations = field(default_factory=Durations)

    @property
    def visits(self) -> int:
        return sum(s.visits for s in self.services)

    @property
    def no_show(self) -> int:
        return sum(s.no_show for s in self.services)

    @property
    def incomplete(self) -> int:
        return sum(s.incomplete for s in self.services)

    @property
    def done(self) -> int:
        return sum(s.done for s in self.services)

    @property
    def priority_visits(self) -> int:
        return sum(n for _, n in self.priority)

    @property
    def standard(self) -> Standard:
        return sum((s.standard for s in self.services), Standard())

    @property
    def period_label(self) -> str:
        """The period for people to read, in the reader's language (``06-12-2026``,
        ``06-12-2026 s.d. 08-12-2026``); the JSON keeps ISO dates."""
        return self.period_text()

    def period_text(self, lang: str | None = None) -> str:
        """The period as :attr:`period_label`, in ``lang`` (a document in Indonesian)."""
        return date_range(self.start, self.end, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "office": self.office, "office_name": self.office_name, "zone": self.zone,
            "from": self.start.isoformat(), "to": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "visits": self.visits, "done": self.done, "incomplete": self.incomplete,
            "no_show": self.no_show,
            "standard": self.standard.to_json(),
            "services": [s.to_json() for s in self.services],
            "stages": [s.to_json() for s in self.stages],
            "wait_all": self.wait_all.to_json(), "service_all": self.service_all.to_json(),
            "officers": [o.to_json() for o in self.officers],
            "priority": {"visits": self.priority_visits,
                         "by_reason": [{"reason": r, "visits": n} for r, n in self.priority]},
            "payments": self.payments.to_json(),
            "perforation": self.perforation.to_json(),
            "complaints": self.complaints.to_json(),
            "ikm": self.ikm.to_json(),
        }


# --- the period (the SQL pieces are in app.reports.counting) --------------------------------


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> date:
    """``YYYY-MM-DD`` or LoketError ``report.bad_date``."""
    value = (text or "").strip()
    if _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise LoketError("report.bad_date", value=value[:40])


# --- the parts ------------------------------------------------------------------------------


def _service_rows(s: Session, office: Office, rows: Mapping[tuple[Any, ...], int]
                  ) -> tuple[tuple[ServiceRow, ...], tuple[tuple[str, int], ...]]:
    """Services and priority reasons from visit tallies (service, status, category,
    reason) -> visits."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    std: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reasons: dict[str, int] = defaultdict(int)
    open_values = {o.value for o in OPEN}
    for (service_id, status, cat, reason), n in rows.items():
        counts[service_id][status if status not in open_values else "open"] += n
        std[service_id][cat] += n
        if reason is not None:
            reasons[reason] += n
    services = {sid: (code, name) for sid, code, name in s.execute(
        select(Service.id, Service.code, Service.name).where(Service.office_id == office.id)
        .order_by(Service.position, Service.code))}
    out = []
    for sid, (code, name) in services.items():
        if sid not in counts:
            continue
        c, t = counts[sid], std[sid]
        out.append(ServiceRow(
            code, name, sum(c.values()), c["done"], c["incomplete"], c["no_show"],
            c["cancelled"], c["not_served"] + c["transferred"], c["open"],
            Standard(t["within"], t["outside"], t["pending"], t["excluded"],
                     t["no_standard"])))
    return tuple(out), tuple(sorted(reasons.items()))


def _visits(s: Session, office: Office, start: date, end: date, as_of: datetime
            ) -> tuple[tuple[ServiceRow, ...], tuple[tuple[str, int], ...]]:
    rows, = tallies(s, visit_query(
        office, as_of, and_(Visit.service_date >= start, Visit.service_date <= end)),
        (0, 1, 2, 3))
    return _service_rows(s, office, rows)


Histograms = dict[tuple[Any, ...], dict[Any, int]]


def _histograms(waits: Mapping[tuple[Any, ...], int], services: Mapping[tuple[Any, ...], int]
                ) -> tuple[Histograms, Histograms]:
    """Record tallies -> waits by (stage, officer, status): {seconds or None: records} and
    service times by (stage, officer): {seconds: records}."""
    w: Histograms = defaultdict(dict)
    for (stage_id, officer_id, status, wait), n in waits.items():
        h = w[stage_id, officer_id, status]
        h[wait] = h.get(wait, 0) + n
    sv: Histograms = defaultdict(dict)
    for (stage_id, officer_id, service), n in services.items():
        if service is None:
            continue
        h = sv[stage_id, officer_id]
        h[service] = h.get(service, 0) + n
    return w, sv


def _stage_rows(s: Session, office: Office, waits: Histograms, services: Histograms
                ) -> tuple[tuple[StageRow, ...], tuple[OfficerRow, ...], Durations, Durations]:
    """Stages, officers and the overall durations from the histograms of
    :func:`_histograms`."""
    def hist() -> dict[Any, dict[int, int]]:
        return defaultdict(lambda: defaultdict(int))

    stage_wait, stage_service, officer_wait, officer_service = hist(), hist(), hist(), hist()
    all_wait: dict[int, int] = defaultdict(int)
    all_service: dict[int, int] = defaultdict(int)
    stage_n: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    officer_n: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    no_show = VisitStatus.NO_SHOW.value
    for (stage_id, officer_id, status), histogram in waits.items():
        for wait, n in histogram.items():
            stage_n[stage_id]["records"] += n
            if wait is None:
                stage_n[stage_id]["not_called"] += n
                continue
            wait = max(int(wait), 0)
            stage_wait[stage_id][wait] += n
            all_wait[wait] += n
            if status == no_show:
                stage_n[stage_id]["no_show"] += n
            if officer_id is not None:
                officer_wait[officer_id][wait] += n
                officer_n[officer_id]["called"] += n
                if status == no_show:
                    officer_n[officer_id]["no_show"] += n
    for (stage_id, officer_id), histogram in services.items():
        for service, n in histogram.items():
            service = max(int(service), 0)
            stage_service[stage_id][service] += n
            all_service[service] += n
            if officer_id is not None:
                officer_service[officer_id][service] += n

    stages = []
    for sid, code, name in s.execute(select(Stage.id, Stage.code, Stage.name).where(
            Stage.office_id == office.id).order_by(Stage.position, Stage.code)):
        if sid not in stage_n:
            continue
        c = stage_n[sid]
        stages.append(StageRow(code, name, c["records"], c["not_called"], c["no_show"],
                               Durations.of(stage_wait[sid]), Durations.of(stage_service[sid])))
    officers = []
    ids = sorted(set(officer_n) | set(officer_service))
    names = {uid: (username, full_name) for uid, username, full_name in s.execute(
        select(User.id, User.username, User.full_name).where(User.id.in_(ids)))} if ids else {}
    for uid in ids:
        username, full_name = names.get(uid, (f"#{uid}", ""))
        served = officer_service[uid]
        officers.append(OfficerRow(username, full_name or username, officer_n[uid]["called"],
                                   sum(served.values()), officer_n[uid]["no_show"],
                                   Durations.of(officer_wait[uid]), Durations.of(served)))
    officers.sort(key=lambda o: o.username)
    return (tuple(stages), tuple(officers), Durations.of(all_wait),
            Durations.of(all_service))


def _records(s: Session, office: Office, start: date, end: date
             ) -> tuple[tuple[StageRow, ...], tuple[OfficerRow, ...], Durations, Durations]:
    waits, services = tallies(s, record_query(
        s, office, and_(Visit.service_date >= start, Visit.service_date <= end)),
        (0, 1, 2, 3), (0, 1, 4))
    return _stage_rows(s, office, *_histograms(waits, services))


METHOD_NAMES = {"cash": "Tunai", "transfer": "Transfer", "billing": "Kode billing"}

Sums = Mapping[tuple[Any, ...], tuple[int, int]]


def _payment_rows(by_method: Sums, by_line: Sums) -> Payments:
    """Payments from sums by (method, voided) and by (line code, description): (count,
    total)."""
    methods: dict[str, tuple[int, int]] = {}
    voided_n, voided_total = 0, 0
    for (method, voided), (n, total) in by_method.items():
        if voided:
            voided_n += n
            voided_total += total
            continue
        count, amount = methods.get(method, (0, 0))
        methods[method] = (count + n, amount + total)
    order = list(METHOD_NAMES)
    by_method_rows = tuple(
        MoneyRow(k, METHOD_NAMES.get(k, k), n, Decimal(t)) for k, (n, t) in sorted(
            methods.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99,
                                             kv[0])))
    lines: dict[str, tuple[str, int, int]] = {}
    for (code, description), (n, total) in by_line.items():
        name, count, amount = lines.get(code, ("", 0, 0))
        lines[code] = (max(name, description or ""), count + n, amount + total)
    by_line_rows = tuple(MoneyRow(code, name or code, n, Decimal(t))
                         for code, (name, n, t) in sorted(lines.items()))
    return Payments(by_method_rows, by_line_rows, voided_n, Decimal(voided_total))


def _payments(s: Session, office: Office, lo: datetime, hi: datetime) -> Payments:
    period = and_(Payment.received_at >= at_utc(lo), Payment.received_at < at_utc(hi))
    return _payment_rows(sums(s, method_query(office, period), Payment.amount),
                         sums(s, line_query(office, period), PaymentLine.amount))


def perforated_sheets(s: Session, office: Office, lo: datetime, hi: datetime) -> Perforation:
    """Perforation requests whose machine count was confirmed in the period
    (``perforation_requests.counted_at`` in ``[lo, hi)``, cancelled ones left out) and the
    sheets they punched (``counted``: the confirmed number of sheets, see
    :class:`db.models_perforation.PerforationRequest`). A count resumed after a jam is
    confirmed again later: the request counts on the day of its last confirmation."""
    from db.models_perforation import PerforationRequest as P

    n, sheets = s.execute(select(func.count(), func.coalesce(func.sum(P.counted), 0)).where(
        P.office_id == office.id, P.counted_at.is_not(None), P.counted_at >= at_utc(lo),
        P.counted_at < at_utc(hi), P.status != "cancelled")).one()
    return Perforation(int(n or 0), int(sheets or 0))


def _complaints(s: Session, office: Office, lo: datetime, hi: datetime,
                as_of: datetime) -> Complaints:
    cut = min(hi, as_of)
    mine = Complaint.office_id == office.id
    received = s.scalar(select(func.count()).where(
        mine, Complaint.received_at >= at_utc(lo), Complaint.received_at < at_utc(hi))) or 0
    answered, late = s.execute(select(
        func.count(),
        func.coalesce(func.sum(case((and_(Complaint.due_at.is_not(None),
                                          Complaint.answered_at > Complaint.due_at), 1),
                                    else_=0)), 0))
        .where(mine, Complaint.answered_at >= at_utc(lo), Complaint.answered_at < at_utc(hi))).one()
    overdue = s.scalar(select(func.count()).where(
        mine, Complaint.received_at < at_utc(hi), Complaint.due_at.is_not(None),
        Complaint.due_at < at_utc(cut),
        or_(Complaint.answered_at.is_(None), Complaint.answered_at >= at_utc(cut)))) or 0
    return Complaints(int(received), int(answered or 0), int(late or 0), int(overdue))


def daily_report(uow: UnitOfWork, office_code: str | None, start: date,
                 end: date | None = None, *, as_of: datetime | None = None,
                 survey_code: str = DEFAULT_SURVEY, weight: str = "exact",
                 summaries: bool = True) -> DailyReport:
    """The report of ``start``..``end`` (office-local days, inclusive; one day when ``end``
    is None). ``as_of`` (aware UTC, default now) decides which open visits are already late
    and which complaints are overdue.

    With ``summaries`` (the default) the closed days of the period are read from their
    per-day summaries, and those missing are computed and stored on the way
    (:mod:`app.reports.summaries`); the report is the same as without, only faster."""
    end = end or start
    check_period(start, end)
    as_of = (as_of or datetime.now(UTC)).astimezone(UTC)
    s = uow.session
    office = q.resolve_office(s, office_code)
    lo, hi = period_bounds(office, start, end)
    survey = load_survey(survey_code)
    totals = None
    if summaries:
        totals = period_totals(s, office, start, end, as_of)
    if totals is None:
        services, priority = _visits(s, office, start, end, as_of)
        stages, officers, wait_all, service_all = _records(s, office, start, end)
        payments = _payments(s, office, lo, hi)
        ikm_of = ikm_report(uow, office.code, start, end, survey_code=survey_code,
                            weight=weight)
    else:
        services, priority = _service_rows(s, office, totals.visits)
        stages, officers, wait_all, service_all = _stage_rows(s, office, totals.waits,
                                                              totals.services)
        payments = _payment_rows(totals.methods, totals.lines)
        ikm_of = totals.ikm(office, start, end, survey, weight)
    ikm = Ikm(ikm_of, tuple((e.id, e.name) for e in survey.elements))
    return DailyReport(
        office=office.code, office_name=office.name, zone=office.zone.value, start=start,
        end=end, as_of=as_of, services=services, stages=stages, officers=officers,
        priority=priority, payments=payments,
        perforation=perforated_sheets(s, office, lo, hi),
        complaints=_complaints(s, office, lo, hi, as_of), ikm=ikm, wait_all=wait_all,
        service_all=service_all)


