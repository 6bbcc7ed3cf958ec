# ruff: noqa: E402
"""Queue latency: ticket issue and call-next, p50 and p99, with 1, 5 and 20 concurrent
counter processes, on SQLite and on a throw-away PostgreSQL; beside them, the floor: a bare
one-row ``UPDATE ... RETURNING`` transaction on the same database.

    .venv/bin/python bench/queue.py [--ops 200] [--backends sqlite,postgresql]

Each process times its own operations (call-next includes finishing the previous visit in a
separate transaction, which is not timed). Prints one table.

By default every process fires back to back: with 20 processes plus the database on a
2-core machine that measures mostly the wait for a CPU (a saturated closed loop: a press's
latency is its own cost times the jobs sharing the cores, so making "finish" cheaper raises
the presses per second more than it shortens each one). ``--pace MS`` gives each process
one operation every MS milliseconds (open loop, random phase), which is what a busy office
looks like from the server: 20 counters pressing every 100 ms is still a hundred times
more than an office's real rate. The floor is paced the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

# this file is named like the standard library's queue module: run from the project root,
# never from bench/ (multiprocessing imports "queue")
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import multiprocessing as mp
import random
import statistics
import time

from sqlalchemy import select, text

from app import users
from app.catalog.service import import_catalog
from app.catalog.spec import parse_catalog
from app.queue import engine as q_
from app.store import Store
from bench.measure import cpu_jiffies, percentile, steal_since, throwaway_database
from db import schema
from db.engine import make_engine
from db.models import User

OFFICE = "BENCH"
BENCH = q_.Actor.system("bench")  # the set-up, as the demo loads its data
COUNTERS = 20


def _setup(url: str) -> None:
    engine = make_engine(url)
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, n INTEGER)"))
        conn.execute(text("INSERT INTO bench_floor (id, n) VALUES "
                          + ", ".join(f"({i}, 0)" for i in range(1, COUNTERS + 1))))
    engine.dispose()
    data = {
        "format": "loket-catalog/1",
        "office": {"code": OFFICE, "name": "Bench", "zone": "WIB"},
        "stages": [{"code": "loket", "name": "Loket"}],
        "counters": [{"code": f"L{i:02d}", "name": f"Loket {i}", "number": i,
                      "stages": ["loket"]} for i in range(1, COUNTERS + 1)],
        "services": [{"code": "S", "name": "S", "prefix": "A", "stages": ["loket"],
                      "fee": {"kind": "free"}}],
    }
    with Store.open(url) as store:
        with store.uow() as uow:
            import_catalog(uow, parse_catalog(data, "bench"), actor=BENCH)
        for i in range(1, COUNTERS + 1):  # each counter's officer: presses are checked
            with store.uow() as uow:    # (app/access.py) as at a real console
                users.add_user(uow, _officer(i), "officer", "bench-sandi", actor=BENCH,
                               office_code=OFFICE)


def _officer(n: int) -> str:
    return f"petugas.l{n:02d}"


WARMUP = 5


def _worker(kind: str, url: str, index: int, ops: int, pace: float, start, out) -> None:
    """Time ``ops`` operations after ``WARMUP`` untimed ones (connection, caches, compiled
    statements: a station does that once at start-up, not on every press)."""
    times: list[float] = []
    code = f"L{index + 1:02d}"

    def once() -> None:
        if kind == "issue":
            with store.uow() as uow:
                q_.issue_ticket(uow, "S", office_code=OFFICE)
        elif kind == "call":
            with store.uow() as uow:
                call = q_.call_next(uow, code, office_code=OFFICE, actor=officer)
            if call is not None:
                finish_started = time.perf_counter()
                with store.uow() as uow:
                    q_.finish(uow, code, office_code=OFFICE, actor=officer)
                # finishing is not part of call-next's latency
                nonlocal untimed
                untimed += time.perf_counter() - finish_started
        else:
            with store.engine.connect() as conn:
                conn.execute(text("UPDATE bench_floor SET n = n + 1 WHERE id = :id "
                                  "RETURNING n"), {"id": index + 1}).scalar()
                conn.commit()

    with Store.open(url) as store:
        with store.uow(read_only=True) as uow:  # signed in once, as the console does
            officer = q_.Actor(_officer(index + 1), uow.session.scalar(
                select(User.id).where(User.username == _officer(index + 1))))
        for _ in range(WARMUP):
            untimed = 0.0
            once()
        start.wait()
        slot = time.perf_counter() + random.random() * pace
        for _ in range(ops):
            if pace:
                time.sleep(max(0.0, slot - time.perf_counter()))
                slot += pace
            untimed = 0.0
            t = time.perf_counter()
            once()
            times.append(time.perf_counter() - t - untimed)
    out.put(times)


def _run(kind: str, url: str, procs: int, ops: int, pace: float) -> tuple[float, float]:
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(procs), ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(kind, url, i, ops, pace, start, out))
               for i in range(procs)]
    for w in workers:
        w.start()
    times = [t for _ in workers for t in out.get(timeout=600)]
    for w in workers:
        w.join()
    return statistics.median(times) * 1000, percentile(times, 99) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=200, help="operations per process")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--procs", default="1,4,5,20",
                        help="concurrent processes (targets: 20 on PostgreSQL, 4 on SQLite)")
    parser.add_argument("--pace", type=float, default=0,
                        help="milliseconds between one process's operations (0: back to back)")
    args = parser.parse_args()
    pace = args.pace / 1000
    rows = []
    for backend in args.backends.split(","):
        for procs in [int(p) for p in args.procs.split(",")]:
            with throwaway_database(backend) as url:
                _setup(url)
                cpu = cpu_jiffies()
                # tickets enough for every call-next to find one
                issue = _run("issue", url, procs, args.ops + WARMUP, pace)
                call = _run("call", url, procs, args.ops, pace)
                floor = _run("floor", url, procs, args.ops, pace)
            rows.append((backend, procs, *issue, *call, *floor, steal_since(cpu)))
    header = ("backend", "procs", "issue p50", "issue p99", "call p50", "call p99",
              "floor p50", "floor p99", "call p99/floor p99", "cpu steal")
    print(f"pace: {args.pace:g} ms between one process's operations"
          + (" (back to back)" if not args.pace else ""))
    print(" | ".join(f"{h:>10}" for h in header))
    for backend, procs, ip50, ip99, cp50, cp99, fp50, fp99, steal in rows:
        print(" | ".join([f"{backend:>10}", f"{procs:>10}"]
                         + [f"{v:>8.2f}ms" for v in (ip50, ip99, cp50, cp99, fp50, fp99)]
                         + [f"{cp99 / fp99:>17.1f}x", f"{steal:>10}"]))
    print("cpu steal: share of the machine's CPU time the host took while the row ran; "
          "rows with more than a few per cent measure the host's load, not Loket's")


if __name__ == "__main__":
    main()
