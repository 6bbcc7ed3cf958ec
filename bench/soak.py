# ruff: noqa: E402
"""A day at a busy office, compressed: do the stations leak?

    .venv/bin/python bench/soak.py [--visitors 600] [--speed 20] [--backend sqlite]
                                   [--sample 5]

The demo office (``app.demo.prepare``: every seed catalog, the office always open) on a
fresh database, and its stations as real ``loket station ...`` processes, offscreen, the way
``loket demo`` prints them: 4 counters (nobody signed in: the demo's autopilot,
:mod:`app.demo.autopilot`, does their work in this process, through the same services),
2 waiting-room displays, 1 kiosk and 1 survey tablet. Visitors arrive at an 8-hour day's
rate (``--visitors`` over 8 hours) sped up ``--speed`` times: 600 visitors at 20x take
24 minutes. Then the stations quit by themselves (``--quit-after``), as at closing time.

Every ``--sample`` seconds, for every station process: its resident memory (VmRSS), its
open file descriptors and how many of them are sockets. At the end, per station: the
figures after the warm-up (the first sample once a tenth of the visitors came) and at the
end, and the growth; the lines each wrote on stderr (there should be none); the files left
in the run's own temp folder (``TMPDIR``) after they quit; and the database's growth per
1,000 visits. Targets (issue 18): RSS growth under 10 %, no descriptor or socket growth,
no temp files left, no stderr lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

# the project root, not bench/ (bench/queue.py would hide the standard library's queue)
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

OFFICE = "SAMSAT-PTK1"
DAY_SECONDS = 8 * 3600
COUNTERS = 4
DISPLAYS = 2
ARRIVAL = 0.25  # a visitor at one autopilot step in four: the counters move every step


@dataclass
class Station:
    name: str
    argv: list[str]
    proc: subprocess.Popen[bytes] | None = None
    stderr: Path | None = None
    samples: list[tuple[float, int, int, int]] = field(default_factory=list)  # t, kB, fds, socks


def _sample(pid: int) -> tuple[int, int, int] | None:
    """``(VmRSS kB, open fds, sockets)`` of a process, ``None`` once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        fds = os.listdir(f"/proc/{pid}/fd")
    except (OSError, StopIteration):
        return None
    sockets = 0
    for fd in fds:
        try:
            sockets += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
        except OSError:
            continue
    return rss, len(fds), sockets


def _database_bytes(url: str, store: Any) -> int:
    """The database's size; SQLite's write-ahead log folded into the file first (the log
    keeps its largest size until then, which is not the data's)."""
    from sqlalchemy import text

    if url.startswith("sqlite"):
        raw = store.engine.raw_connection()  # outside any transaction
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        path = Path(store.engine.url.database)
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())


def _visits(store: Any) -> int:
    from sqlalchemy import func, select

    from db.models import Visit

    with store.uow(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count(Visit.id))) or 0)


def _stations(store: Any, url: str, quit_after: float) -> list[Station]:
    from app import demo

    every = demo.stations(store, OFFICE)
    kiosk = next(s for s in every if s.kind == "kiosk")
    display = next(s for s in every if s.kind == "display")
    survey = next(s for s in every if s.kind == "survey")
    counters = [s for s in every if s.kind == "counter"][:COUNTERS]
    chosen = [(f"kiosk {kiosk.station}", kiosk)]
    chosen += [(f"display {n + 1}", display) for n in range(DISPLAYS)]
    chosen += [(f"counter {c.counter}", c) for c in counters]
    chosen += [("survey", survey)]
    return [Station(name, [*s.argv(url, OFFICE), "--windowed",
                           "--quit-after", f"{quit_after:.0f}"]) for name, s in chosen]


def _growth(first: float, last: float) -> str:
    return f"{100 * (last - first) / first:+.1f}%" if first else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, default=600, help="visitors in the day")
    parser.add_argument("--speed", type=float, default=20, help="times faster than real")
    parser.add_argument("--backend", default="sqlite", choices=("sqlite", "postgresql"))
    parser.add_argument("--sample", type=float, default=5, help="seconds between samples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the run's folder")
    args = parser.parse_args()

    from app import demo
    from app.demo.autopilot import Autopilot
    from app.store import Store
    from db.engine import sqlite_url

    run = Path(tempfile.mkdtemp(prefix="loket-soak-"))
    tmp, home = run / "tmp", run / "home"
    tmp.mkdir()
    home.mkdir()
    server = None
    if args.backend == "postgresql":
        from tests.pgserver import ThrowawayPostgres

        server = ThrowawayPostgres()
        url = server.start()
    else:
        url = sqlite_url(run / "loket.sqlite3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp),
           "LOKET_HOME": str(home)}
    for name in ("LOKET_DB", "LOKET_CONFIG"):
        env.pop(name, None)
    day = DAY_SECONDS / args.speed  # real seconds
    step = day / (args.visitors / ARRIVAL)
    stations: list[Station] = []
    try:
        with Store.open(url, check_schema=False) as store:
            demo.prepare(store)
            stations = _stations(store, url, quit_after=day * 1.1 + 60)
            counters = [s.argv[s.argv.index("--counter") + 1] for s in stations
                        if "--counter" in s.argv]
            pilot = Autopilot(store, OFFICE, counters, seed=args.seed, arrival=ARRIVAL,
                              calling=0.8)
            for station in stations:
                station.stderr = run / f"{station.name.replace(' ', '-')}.stderr"
                with open(station.stderr, "wb") as err:
                    station.proc = subprocess.Popen(station.argv, env=env, stderr=err,
                                                    stdout=subprocess.DEVNULL)
            started_visits, started_bytes = _visits(store), _database_bytes(url, store)
            time.sleep(min(20.0, day / 20))  # the stations open (not measured: the start)
            print(f"{len(stations)} stations; {args.visitors} visitors over {day:.0f} s "
                  f"(one autopilot step every {step * 1000:.0f} ms)", file=sys.stderr)
            issued = lagging = 0
            began = next_sample = time.monotonic()
            deadline = began + day
            warm_at: float | None = None
            n = 0
            while time.monotonic() < deadline:
                now = time.monotonic()
                if now >= next_sample:
                    for station in stations:
                        got = _sample(station.proc.pid) if station.proc else None
                        if got is not None:
                            station.samples.append((now - began, *got))
                    next_sample += args.sample
                if issued >= args.visitors:
                    pilot.arrival = 0.0  # the day's visitors came: serve who is waiting
                done = pilot.step()
                issued += done.issued is not None
                if warm_at is None and issued >= args.visitors / 10:
                    warm_at = time.monotonic() - began
                n += 1
                pause = began + n * step - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                else:
                    lagging += 1
            for station in stations:  # the last sample, still running
                got = _sample(station.proc.pid) if station.proc else None
                if got is not None:
                    station.samples.append((time.monotonic() - began, *got))
            for station in stations:  # closing time: they quit by themselves
                assert station.proc is not None
                try:
                    station.proc.wait(timeout=day * 0.1 + 120)
                except subprocess.TimeoutExpired:
                    station.proc.kill()
                    station.proc.wait()
                    print(f"{station.name} did not quit; killed", file=sys.stderr)
            ended_visits, ended_bytes = _visits(store), _database_bytes(url, store)
    finally:
        for station in stations:
            if station.proc is not None and station.proc.poll() is None:
                station.proc.kill()
                station.proc.wait()
        if server is not None:
            server.stop()

    visits = ended_visits - started_visits
    print(f"soak: {args.backend}, {issued} visitors issued ({visits} visits in the database), "
          f"{n} autopilot steps ({lagging} late), {time.monotonic() - began:.0f} s at "
          f"{args.speed:g}x; warm-up until {warm_at or 0:.0f} s")
    header = ("station", "RSS first", "RSS warm", "RSS end", "growth", "RSS max", "fds warm",
              "fds end", "socks warm", "socks end", "stderr", "exit")
    print(" | ".join(f"{h:>12}" for h in header))
    for station in stations:
        samples = station.samples
        if not samples:
            print(f"{station.name:>12} | no samples")
            continue
        warm = next((s for s in samples if warm_at is not None and s[0] >= warm_at),
                    samples[0])
        last = samples[-1]
        lines = (station.stderr.read_text(errors="replace").splitlines()
                 if station.stderr and station.stderr.exists() else [])
        code = station.proc.returncode if station.proc else None
        cells = [station.name, f"{samples[0][1] / 1024:.0f} MB", f"{warm[1] / 1024:.0f} MB",
                 f"{last[1] / 1024:.0f} MB", _growth(warm[1], last[1]),
                 f"{max(s[1] for s in samples) / 1024:.0f} MB", warm[2], last[2], warm[3],
                 last[3], len(lines), code]
        print(" | ".join(f"{c!s:>12}" for c in cells))
    print("stderr (first distinct lines per station):")
    for station in stations:
        lines = (station.stderr.read_text(errors="replace").splitlines()
                 if station.stderr and station.stderr.exists() else [])
        for line in list(dict.fromkeys(lines))[:5]:
            print(f"  {station.name}: {line[:200]}")
    left = sorted(p.name for p in tmp.iterdir())
    print(f"temp files left in TMPDIR: {len(left)}"
          + (f" ({', '.join(left[:10])}{' ...' if len(left) > 10 else ''})" if left else "")
          + f"; Loket-*: {sum(1 for n in left if n.startswith('Loket-'))}")
    grown = ended_bytes - started_bytes
    per = grown / visits * 1000 if visits else 0
    print(f"database: {started_bytes / 1e6:.1f} MB -> {ended_bytes / 1e6:.1f} MB, "
          f"{per / 1e6:.2f} MB per 1,000 visits")
    print("targets: RSS growth < 10 %, no fd or socket growth, no temp files, no stderr lines")
    if args.keep:
        with open(run / "samples.csv", "w") as out:
            out.write("station,seconds,rss_kb,fds,sockets\n")
            for station in stations:
                out.writelines(f"{station.name},{t:.1f},{kb},{fds},{socks}\n"
                               for t, kb, fds, socks in station.samples)
        print(f"the run's folder (samples.csv, each station's stderr): {run}")
    else:
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    main()
