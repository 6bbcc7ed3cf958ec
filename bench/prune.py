"""Pruning a year of live events while a counter keeps calling (issue 18, point 5).

    .venv/bin/python bench/prune.py [--visits 300000] [--per-visit 5] [--backends sqlite,postgresql]
                                    [--batch 2000] [--pace 50] [--idle-ops 200]

Fills a database (a SQLite temp file; a throw-away PostgreSQL, tests/pgserver.py) with a
year of events, ``--visits`` visits of ``--per-visit`` events each, spread evenly over the
365 days before now, ids in time order as the service writes them (bulk inserts: one
``executemany`` on SQLite, ``COPY`` on PostgreSQL with the NOTIFY trigger off meanwhile).
Then a counter process presses call-next every ``--pace`` ms (finishing the visit in an
untimed transaction, as bench/queue.py does): first alone (idle), then while the main process
prunes everything older than 7 days (app.queue.event_log.prune_events). Prints one table:
call p50/p99 idle and during the prune, the prune's time, rows/s, batches and longest batch.
Target: the call's p99 during the prune within 2x of idle.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # run from anywhere

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing as mp  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from app import users  # noqa: E402
from app.access import Actor  # noqa: E402
from app.catalog.service import import_catalog  # noqa: E402
from app.catalog.spec import parse_catalog  # noqa: E402
from app.queue import engine as q_  # noqa: E402
from app.queue.event_log import BATCH, REST, prune_events  # noqa: E402
from app.store import Store  # noqa: E402
from bench.measure import percentile, throwaway_database  # noqa: E402
from db import schema  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.models import Event, Office, User  # noqa: E402

OFFICE = "BENCH"
COUNTER = "L01"
OFFICER = "petugas.l01"
KINDS = ("ticket.issued", "ticket.called", "visit.started", "ticket.finished",
         "ticket.called", "visit.started")
WARMUP = 5


def _setup(url: str) -> None:
    engine = make_engine(url)
    schema.upgrade(engine)
    engine.dispose()
    data = {
        "format": "loket-catalog/1",
        "office": {"code": OFFICE, "name": "Bench", "zone": "WIB"},
        "stages": [{"code": "loket", "name": "Loket"}],
        "counters": [{"code": COUNTER, "name": "Loket 1", "number": 1, "stages": ["loket"]}],
        "services": [{"code": "S", "name": "S", "prefix": "A", "stages": ["loket"],
                      "fee": {"kind": "free"}}],
    }
    bench = Actor.system("bench")
    with Store.open(url) as store:
        with store.uow() as uow:
            import_catalog(uow, parse_catalog(data, "bench"), actor=bench)
        with store.uow() as uow:
            users.add_user(uow, OFFICER, "officer", "bench-sandi", actor=bench,
                           office_code=OFFICE)


def _rows(office_id: int, visits: int, per_visit: int, now: datetime):
    """(office_id, kind, at, payload) of a year of visits, oldest first."""
    total = visits * per_visit
    step = timedelta(days=365) / total
    start = now - timedelta(days=365)
    for n in range(total):
        visit, k = divmod(n, per_visit)
        yield (office_id, KINDS[k % len(KINDS)], start + step * n,
               json.dumps({"ticket": f"A-{visit % 1000:03d}", "visit": visit,
                           "counter": COUNTER}))


def _fill(url: str, visits: int, per_visit: int, now: datetime) -> tuple[int, float]:
    """Bulk-insert the year of events; (rows, seconds)."""
    started = time.perf_counter()
    with Store.open(url) as store:
        with store.uow(read_only=True) as uow:
            office_id = uow.session.scalar(select(Office.id).where(Office.code == OFFICE))
        rows = _rows(office_id, visits, per_visit, now)
        raw = store.engine.raw_connection()
        try:
            driver = raw.driver_connection
            if store.backend == "postgresql":
                with driver.cursor() as cur:
                    cur.execute("ALTER TABLE events DISABLE TRIGGER events_notify")
                    with cur.copy("COPY events (office_id, kind, at, payload) "
                                  "FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                    cur.execute("ALTER TABLE events ENABLE TRIGGER events_notify")
                driver.commit()
                driver.autocommit = True
                driver.execute("VACUUM ANALYZE events")
                driver.autocommit = False
            else:
                # the stored form of UTCDateTime on SQLite: naive UTC text
                driver.execute("BEGIN IMMEDIATE")
                driver.executemany(
                    "INSERT INTO events (office_id, kind, at, payload) VALUES (?, ?, ?, ?)",
                    ((o, k, at.strftime("%Y-%m-%d %H:%M:%S.%f"), p)
                     for o, k, at, p in rows))
                driver.commit()
                driver.execute("ANALYZE")
        finally:
            raw.close()
        with store.uow(read_only=True) as uow:
            count = uow.session.scalar(select(func.count()).select_from(Event))
    return count, time.perf_counter() - started


def _issue(url: str, count: int) -> None:
    with Store.open(url) as store:
        for _ in range(count):
            with store.uow() as uow:
                q_.issue_ticket(uow, "S", office_code=OFFICE)


def _counter(url: str, pace: float, ops: int, ready, stop, out) -> None:
    """Call-next every ``pace`` seconds: ``ops`` calls, or until ``stop`` is set (then at
    least until it is). Each call is timed alone; the finish that follows is not."""
    times: list[float] = []
    with Store.open(url) as store:
        with store.uow(read_only=True) as uow:
            officer = Actor(OFFICER, uow.session.scalar(
                select(User.id).where(User.username == OFFICER)))

        def once() -> float:
            t = time.perf_counter()
            with store.uow() as uow:
                called = q_.call_next(uow, COUNTER, office_code=OFFICE, actor=officer)
            took = time.perf_counter() - t
            if called is not None:
                with store.uow() as uow:
                    q_.finish(uow, COUNTER, office_code=OFFICE, actor=officer)
            return took

        for _ in range(WARMUP):
            once()
        ready.set()
        slot = time.perf_counter()
        while (ops and len(times) < ops) or (not ops and not stop.is_set()):
            time.sleep(max(0.0, slot - time.perf_counter()))
            slot += pace
            times.append(once())
    out.put(times)


def _calls(url: str, pace: float, ops: int, during=None) -> tuple[list[float], object]:
    """Run the counter process; with ``during`` (a function), call it once the counter is
    warm and stop the counter when it returns. (call times, what ``during`` returned)."""
    ctx = mp.get_context("spawn")
    ready, stop, out = ctx.Event(), ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=_counter, args=(url, pace, 0 if during else ops, ready, stop,
                                              out))
    proc.start()
    ready.wait(120)
    result = None
    if during is not None:
        result = during()
        stop.set()
    times = out.get(timeout=3600)
    proc.join()
    return times, result




def _bench(backend: str, args: argparse.Namespace) -> dict[str, object]:
    with throwaway_database(backend) as url:
        _setup(url)
        now = datetime.now(UTC)
        rows, fill_s = _fill(url, args.visits, args.per_visit, now)
        # tickets enough for every call of both runs (the pace bounds the calls per second)
        _issue(url, args.tickets)
        pace = args.pace / 1000
        idle, _ = _calls(url, pace, args.idle_ops)

        def prune():
            with Store.open(url) as store:
                t = time.perf_counter()
                result = prune_events(store, office_code=OFFICE, now=now, keep_days=7,
                                      batch=args.batch, rest=args.rest)
                return result, time.perf_counter() - t

        during, (result, prune_s) = _calls(url, pace, 0, during=prune)
        with Store.open(url) as store, store.uow(read_only=True) as uow:
            left = uow.session.scalar(select(func.count()).select_from(Event))
    return {"backend": backend, "rows": rows, "fill_s": fill_s, "left": left,
            "idle": idle, "during": during, "deleted": result.deleted,
            "batches": result.batches, "longest": result.longest_batch_ms, "prune_s": prune_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=300_000)
    parser.add_argument("--per-visit", type=int, default=5, help="events per visit")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--batch", type=int, default=BATCH, help="rows per prune transaction")
    parser.add_argument("--rest", type=float, default=REST,
                        help="rest between batches, times the batch's duration")
    parser.add_argument("--pace", type=float, default=50,
                        help="milliseconds between two calls of the counter")
    parser.add_argument("--idle-ops", type=int, default=200, help="calls measured idle")
    parser.add_argument("--tickets", type=int, default=3000,
                        help="tickets issued before the calls (each call takes one)")
    args = parser.parse_args()
    rows = [_bench(backend, args) for backend in args.backends.split(",")]
    print(f"{args.visits:,} visits x {args.per_visit} events over 365 days; prune of all but "
          f"the last 7 days in batches of {args.batch} (rest {args.rest:g}x); a counter calls "
          f"every {args.pace:g} ms")
    header = ("backend", "rows", "fill", "call p50 idle", "p99 idle", "p50 during",
              "p99 during", "p99 ratio", "calls during", "prune", "rows/s", "batches",
              "longest batch", "left")
    print(" | ".join(header))
    for r in rows:
        idle, during = r["idle"], r["during"]
        p99_idle, p99_during = percentile(idle, 99) * 1000, percentile(during, 99) * 1000
        print(" | ".join([
            r["backend"], f"{r['rows']:,}", f"{r['fill_s']:.0f} s",
            f"{statistics.median(idle) * 1000:.2f} ms", f"{p99_idle:.2f} ms",
            f"{statistics.median(during) * 1000:.2f} ms", f"{p99_during:.2f} ms",
            f"{p99_during / p99_idle:.2f}x", f"{len(during)}", f"{r['prune_s']:.1f} s",
            f"{r['deleted'] / r['prune_s']:,.0f}", f"{r['batches']}",
            f"{r['longest']:.1f} ms", f"{r['left']:,}"]))
    print("target: p99 during the prune within 2x of idle; 'left': the events kept (the "
          "last 7 days and the calls' own)")


if __name__ == "__main__":
    main()
