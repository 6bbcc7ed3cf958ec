"""Start time of the ``loket`` command: ``--help`` and a few small commands, each a fresh
process, against the floor (``python -c pass``) measured in the same run.

    .venv/bin/python bench/cli_start.py [--runs 10]

The small commands run on a throw-away SQLite database (``loket db upgrade`` and one seed
catalog imported first) in a throw-away LOKET_HOME. Byte code is cached in a temporary
folder (PYTHONPYCACHEPREFIX), as an installed program has it: with
PYTHONDONTWRITEBYTECODE set every run would compile every module again and measure the
compiler. Each command runs once unmeasured to fill that cache, then ``--runs`` times.
Prints one table: median and fastest wall time in seconds, and the median as a multiple of
the floor's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "catalog" / "samsat-kalbar-pontianak-1.yaml"


def _time(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], int]:
    """Wall times of ``runs`` runs of ``argv`` (after one unmeasured), and its exit status."""
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs per command")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="loket-cli-start-") as tmp:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONDONTWRITEBYTECODE", "LOKET_DB", "LOKET_CONFIG")}
        env.update(LOKET_HOME=str(Path(tmp) / "home"),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        db = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        loket = [sys.executable, "-m", "app"]
        for setup in (["db", "upgrade"], ["catalog", "import", str(CATALOG)]):
            subprocess.run([*loket, "--db", db, *setup], env=env, cwd=ROOT, check=True,
                           capture_output=True)

        cases = [
            ("python -c pass (floor)", [sys.executable, "-c", "pass"]),
            # what any command that opens the database pays before its own work: SQLAlchemy,
            # the 44 mapped tables and their mapper configuration (the first query's)
            ("  the ORM and tables (db floor)", [sys.executable, "-c",
                                                 "import db.models; from sqlalchemy.orm "
                                                 "import configure_mappers; "
                                                 "configure_mappers()"]),
            ("loket --help", [*loket, "--help"]),
            ("loket --version", [*loket, "--version"]),
            ("loket samsat pay --help", [*loket, "samsat", "pay", "--help"]),
            ("loket tariff check --json", [*loket, "tariff", "check", "--json"]),
            ("loket whoami (not signed in)", [*loket, "--db", db, "whoami"]),
            ("loket db status --json", [*loket, "--db", db, "db", "status", "--json"]),
            ("loket catalog list --json", [*loket, "--db", db, "catalog", "list", "--json"]),
        ]
        rows = []
        floor = 0.0
        for label, argv in cases:
            times, code = _time(argv, env, opts.runs)
            median = statistics.median(times)
            floor = floor or median
            rows.append((label, median, min(times), median / floor, code))

    print(f"loket start, {opts.runs} runs each, byte code cached; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'command':<32} {'median s':>9} {'fastest s':>10} {'x floor':>8} {'exit':>5}")
    for label, median, fastest, ratio, code in rows:
        print(f"{label:<32} {median:>9.3f} {fastest:>10.3f} {ratio:>8.1f} {code:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
