"""The supervisor's report at scale: a year of one busy office (1,000 visitors a working day)
on SQLite and on a throw-away PostgreSQL, then the daily report and the yearly report timed.

    .venv/bin/python bench/report.py [--days 365] [--per-day 1000] [--backends sqlite,postgresql]

The generated office is Samsat-like: four stages (cek fisik, registration, payment, pick-up),
two officers per stage, three services (STNK renewal through all four stages with a
30-minute standard, a payment at loket 2 with a 10-minute standard, an information desk
without one). Per visit: a stage record per stage reached with random waits and service
times, no-shows, incomplete files, cancellations and a few visits closed "not served";
payments (cash, transfer, billing; three bill lines; 1 % voided); a questionnaire for one
visit in seven; complaints and perforation requests every day. Rows are written with
SQLAlchemy Core in bulk (explicit ids), then ``ANALYZE``.

The reports are timed (schema as migrated, indexes of 0011, summaries of 0012): the daily
report of a day while it is today (always live: five days spread over the year after one
warm-up), and the yearly report live from the raw rows (``summaries=False``, the
reference), cold (the first report: every day's summary computed and stored on the way)
and warm (every day read from its summary; three runs). Prints one table of median and
worst times.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402
from decimal import Decimal  # noqa: E402

from sqlalchemy import insert, select, text  # noqa: E402

from app.access import Actor  # noqa: E402
from app.catalog.service import import_catalog  # noqa: E402
from app.catalog.spec import parse_catalog  # noqa: E402
from app.ikm.survey import load_survey  # noqa: E402
from app.reports.daily import daily_report  # noqa: E402
from app.store import Store  # noqa: E402
from bench.measure import throwaway_database  # noqa: E402
from db import schema  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.models import (  # noqa: E402
    Complaint,
    Office,
    Payment,
    PaymentLine,
    Service,
    Stage,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    User,
    Visit,
)
from db.models_perforation import PerforationRequest  # noqa: E402

OFFICE = "BENCH-RPT"
WIB = timedelta(hours=7)
CATALOG = {
    "format": "loket-catalog/1",
    "office": {"code": OFFICE, "name": "Samsat Bench", "zone": "WIB"},
    "stages": [{"code": c, "name": n} for c, n in (
        ("cek-fisik", "Cek Fisik"), ("loket-1", "Pendaftaran"), ("loket-2", "Pembayaran"),
        ("loket-3", "Penyerahan"))],
    "counters": [{"code": f"L{i}{j}", "name": f"Loket {i}{j}", "number": 10 * i + j,
                  "stages": [s]} for i, s in enumerate(
        ("cek-fisik", "loket-1", "loket-2", "loket-3")) for j in (1, 2)],
    "services": [
        {"code": "RENEW", "name": "Perpanjangan STNK", "prefix": "A",
         "stages": ["cek-fisik", "loket-1", "loket-2", "loket-3"],
         "time_standard": {"value": 30, "unit": "minutes", "from": "ticket"},
         "fee": {"kind": "free"}},
        {"code": "PAY", "name": "Pembayaran", "prefix": "B", "stages": ["loket-2"],
         "time_standard": {"value": 10, "unit": "minutes", "from": "ticket"},
         "fee": {"kind": "free"}},
        {"code": "INFO", "name": "Informasi", "prefix": "C", "stages": ["loket-1"],
         "fee": {"kind": "free"}},
    ],
}


class Ids:
    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def __call__(self, table: str) -> int:
        self.n[table] = self.n.get(table, 0) + 1
        return self.n[table]


def _setup(url: str) -> dict:
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    with Store.open(url) as store, store.uow() as uow:
        import_catalog(uow, parse_catalog(CATALOG, "bench"), actor=Actor.system("bench"))
    with Store.open(url) as store, store.uow() as uow:
        s = uow.session
        office = s.scalar(select(Office).where(Office.code == OFFICE))
        stages = {st.code: st.id for st in s.scalars(select(Stage).where(
            Stage.office_id == office.id))}
        services = {sv.code: sv.id for sv in s.scalars(select(Service).where(
            Service.office_id == office.id))}
        officers = {}
        for code in stages:
            officers[code] = []
            for j in (1, 2):
                user = User(username=f"{code}-{j}", full_name=f"Petugas {code} {j}",
                            role="officer", password_hash="x", office_id=office.id)
                s.add(user)
                s.flush()
                officers[code].append(user.id)
        uow.commit()
        return {"office": office.id, "stages": stages, "services": services,
                "officers": officers}


PLAN = {"RENEW": ["cek-fisik", "loket-1", "loket-2", "loket-3"], "PAY": ["loket-2"],
        "INFO": ["loket-1"]}
STANDARD = {"RENEW": 30, "PAY": 10, "INFO": None}
SERVICE_S = {"cek-fisik": 150, "loket-1": 240, "loket-2": 120, "loket-3": 90}


def _day_rows(day: date, n: int, ctx: dict, ids: Ids, rnd: random.Random,
              elements: tuple[str, ...]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {k: [] for k in (
        "visits", "records", "payments", "lines", "responses", "answers", "complaints",
        "perforation")}
    opening = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC) - WIB
    closing = opening + timedelta(hours=7, minutes=30)
    numbers = {"RENEW": 0, "PAY": 0, "INFO": 0}
    for i in range(n):
        code = rnd.choices(("RENEW", "PAY", "INFO"), (60, 25, 15))[0]
        numbers[code] += 1
        prefix = {"RENEW": "A", "PAY": "B", "INFO": "C"}[code]
        issued = opening + timedelta(seconds=i * 27000 / n + rnd.random() * 20)
        vid = ids("visits")
        priority = rnd.choices((None, "lansia", "disabilitas", "hamil"), (95, 3, 1, 1))[0]
        t = issued
        status, closed = "done", None
        paid = False
        for seq, stage in enumerate(PLAN[code], start=1):
            queued = t
            wait = min(rnd.expovariate(1 / (120 if priority else 420)), 5400)
            called = queued + timedelta(seconds=wait)
            officer = rnd.choice(ctx["officers"][stage])
            rec = {"id": ids("records"), "visit_id": vid, "stage_id": ctx["stages"][stage],
                   "seq": seq, "priority": priority is not None, "sort_at": queued,
                   "queued_at": queued, "officer_id": None, "called_at": None,
                   "started_at": None, "finished_at": None, "status": "waiting",
                   "outcome": None}
            rows["records"].append(rec)
            if called > closing or rnd.random() < 0.004:
                rec.update(status="not_served", finished_at=closing, outcome="not_served")
                status, closed = "not_served", closing
                break
            rec.update(called_at=called, officer_id=officer)
            if seq == 1 and rnd.random() < 0.03:
                done = called + timedelta(minutes=3)
                rec.update(status="no_show", finished_at=done, outcome="no_show")
                status, closed = "no_show", done
                break
            started = called + timedelta(seconds=rnd.uniform(5, 40))
            finished = started + timedelta(seconds=max(
                20, rnd.gauss(SERVICE_S[stage], SERVICE_S[stage] / 3)))
            rec.update(started_at=started, finished_at=finished)
            t = finished
            if stage == "loket-2":
                paid = True
            if stage == "loket-1" and rnd.random() < 0.04:
                rec.update(status="incomplete", outcome="incomplete")
                status, closed = "incomplete", finished
                break
            if rnd.random() < 0.003:
                rec.update(status="cancelled", outcome="cancelled")
                status, closed = "cancelled", finished
                break
            last = seq == len(PLAN[code])
            rec.update(status="done", outcome="done" if last else "finished")
            if last:
                closed = finished
        minutes = STANDARD[code]
        rows["visits"].append({
            "id": vid, "office_id": ctx["office"], "service_id": ctx["services"][code],
            "service_date": day, "prefix": prefix, "number": numbers[code],
            "ticket": f"{prefix}-{numbers[code]:03d}", "status": status,
            "priority_reason": priority, "issued_at": issued,
            "due_at": issued + timedelta(minutes=minutes) if minutes else None,
            "closed_at": closed, "outcome": status, "stage_position": 0, "data": {}})
        if paid:
            pid = ids("payments")
            parts = [Decimal(rnd.randrange(100, 5000) * 1000), Decimal(35_000),
                     Decimal(100_000)]
            at = t - timedelta(seconds=30)
            rows["payments"].append({
                "id": pid, "office_id": ctx["office"], "visit_id": vid,
                "method": rnd.choices(("cash", "transfer", "billing"), (50, 30, 20))[0],
                "amount": sum(parts), "reference": "", "received_by": None,
                "received_at": at, "voided_at": at + timedelta(minutes=2)
                if rnd.random() < 0.01 else None, "void_reason": ""})
            for pos, (lc, amount) in enumerate(zip(("PKB", "SWDKLLJ", "PNBP-STNK"), parts,
                                                   strict=True)):
                rows["lines"].append({"id": ids("lines"), "payment_id": pid,
                                      "position": pos, "code": lc, "description": lc,
                                      "rule": "", "year": None, "amount": amount})
        if closed is not None and status in ("done", "incomplete") and rnd.random() < 1 / 7:
            rid = ids("responses")
            rows["responses"].append({
                "id": rid, "office_id": ctx["office"], "survey_code": "skm-2017",
                "visit_id": vid, "service_id": ctx["services"][code], "counter_id": None,
                "officer_id": None, "source": "station",
                "submitted_at": closed + timedelta(minutes=2), "respondent": {}})
            base = rnd.choice((3, 3, 4))
            for element in elements:
                value = min(4, max(1, base + rnd.choice((-1, 0, 0, 0, 1))))
                rows["answers"].append({"response_id": rid, "element_id": element,
                                        "value": value})
    for k in range(2):
        received = opening + timedelta(hours=1 + 3 * k)
        answered = received + timedelta(hours=rnd.choice((2, 20, 30))) \
            if rnd.random() < 0.9 else None
        rows["complaints"].append({
            "id": ids("complaints"), "office_id": ctx["office"], "channel": "box",
            "reporter": "", "contact": "", "text": "keluhan", "answer": "",
            "status": "answered" if answered else "received", "received_at": received,
            "due_at": received + timedelta(hours=24), "answered_at": answered})
    for k in range(3):
        pid = ids("perforation")
        sheets = rnd.choice((500, 1000, 2000))
        at = opening + timedelta(hours=2 + k)
        rows["perforation"].append({
            "id": pid, "office_id": ctx["office"], "number": f"PRF-{pid}",
            "status": "counted", "npwpd": "P.1.0000001", "taxpayer_name": "Hotel",
            "media": "karcis", "series": "A", "first_serial": 1, "last_serial": sheets,
            "sheets": sheets, "sheets_note": "", "face_value": Decimal(5000),
            "requested_at": at - timedelta(hours=1), "requested_by": "", "due_at": at,
            "standard": {}, "counted": sheets, "counted_at": at, "count_source": "machine",
            "last_error": "", "reconcile_note": "", "result": "", "reconciled_by": "",
            "picked_up_by": "", "handed_over_by": "", "created_at": at, "updated_at": at})
    return rows


TABLES = {"visits": Visit, "records": StageRecord, "payments": Payment, "lines": PaymentLine,
          "responses": SurveyResponse, "answers": SurveyAnswer, "complaints": Complaint,
          "perforation": PerforationRequest}


def generate(url: str, first: date, days: int, per_day: int) -> tuple[list[date], dict]:
    ctx = _setup(url)
    rnd = random.Random(20261201)
    ids = Ids()
    elements = load_survey().ids
    worked = [first + timedelta(days=d) for d in range(days)
              if (first + timedelta(days=d)).weekday() < 5]
    engine = make_engine(url)
    counts: dict[str, int] = {}
    try:
        batch: dict[str, list[dict]] = {k: [] for k in TABLES}

        def flush() -> None:
            with engine.begin() as conn:
                for key, model in TABLES.items():
                    if batch[key]:
                        conn.execute(insert(model), batch[key])
                        counts[key] = counts.get(key, 0) + len(batch[key])
                        batch[key] = []

        for n, day in enumerate(worked, start=1):
            for key, rows in _day_rows(day, per_day, ctx, ids, rnd, elements).items():
                batch[key].extend(rows)
            if n % 10 == 0:
                flush()
        flush()
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    finally:
        engine.dispose()
    return worked, counts


def _timed(store: Store, start: date, end: date, as_of: datetime, *,
           summaries: bool = True) -> tuple[float, int]:
    with store.uow(read_only=True) as uow:
        t = time.perf_counter()
        report = daily_report(uow, OFFICE, start, end, as_of=as_of, summaries=summaries)
        return time.perf_counter() - t, report.visits


def time_reports(url: str, worked: list[date], samples: int = 5, warm_runs: int = 3
                 ) -> dict[str, list[float]]:
    """Daily: the report of a day while it is *today* (as_of 17:00 WIB that day: always
    live), five days spread over the year after one warm-up run. Yearly: the whole period
    as_of the day after it (every day closed): once computed live from the raw rows
    (``summaries=False``, the reference), once cold (no summary yet: every day counted
    from the raw rows and its summary stored, inside the timed call), then ``warm_runs``
    times warm (every day read from its summary)."""
    step = max(1, len(worked) // samples)
    picks = worked[step // 2::step][:samples]
    as_of = datetime.combine(worked[-1] + timedelta(days=1), datetime.min.time(), UTC)
    times: dict[str, list[float]] = {"daily": [], "yearly live": [], "yearly cold": [],
                                     "yearly warm": []}
    with Store.open(url) as store:
        def today(day: date) -> datetime:
            return datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=10)

        _timed(store, picks[0], picks[0], today(picks[0]))  # warm-up: connection, caches
        for day in picks:
            times["daily"].append(_timed(store, day, day, today(day))[0])
        seconds, visits = _timed(store, worked[0], worked[-1], as_of, summaries=False)
        times["yearly live"].append(seconds)
        times["yearly cold"].append(_timed(store, worked[0], worked[-1], as_of)[0])
        for _ in range(warm_runs):
            seconds, warm_visits = _timed(store, worked[0], worked[-1], as_of)
            assert warm_visits == visits
            times["yearly warm"].append(seconds)
        with store.uow(read_only=True) as uow:
            stored = uow.session.scalar(text("SELECT count(*) FROM report_days"))
    print(f"  {visits:,} visits in the year; {stored} day summaries stored", flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=365, help="calendar days (Mon-Fri worked)")
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--first", default="2025-01-01")
    args = parser.parse_args()
    first = date.fromisoformat(args.first)
    lines = []
    for backend in args.backends.split(","):
        with throwaway_database(backend) as url:
            t = time.perf_counter()
            worked, counts = generate(url, first, args.days, args.per_day)
            gen = time.perf_counter() - t
            print(f"{backend}: generated {len(worked)} days in {gen:.0f} s: "
                  + ", ".join(f"{k} {v:,}" for k, v in counts.items()), flush=True)
            for label, times in time_reports(url, worked).items():
                lines.append((backend, label, statistics.median(times), max(times),
                              len(times)))
                print(f"  {label}: {statistics.median(times):.3f} s (max {max(times):.3f}, "
                      f"{len(times)} runs)", flush=True)
    print()
    print(" | ".join(f"{h:>12}" for h in ("backend", "report", "median", "max", "runs")))
    for backend, label, p50, worst, runs in lines:
        print(" | ".join([f"{backend:>12}", f"{label:>12}", f"{p50:>11.3f}s",
                          f"{worst:>11.3f}s", f"{runs:>12}"]))


if __name__ == "__main__":
    main()
