"""What every benchmark measures with: percentiles, the CPU time the host stole meanwhile,
and a throw-away database of either kind.

Imported as ``bench.measure`` by the scripts in this folder, which put the project root
first on ``sys.path`` (they are run as ``.venv/bin/python bench/NAME.py``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank ``p`` th percentile (``p`` in 0-100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cpu_jiffies() -> tuple[int, int] | None:
    """(all, stolen) CPU time so far, Linux only: a virtual machine whose host is busy
    loses time to "steal", and latencies measured meanwhile are the host's, not ours."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except OSError:
        return None
    return sum(fields[:8]), fields[7]


def steal_since(before: tuple[int, int] | None) -> str:
    """The share of CPU time stolen since :func:`cpu_jiffies` gave ``before``, as text."""
    after = cpu_jiffies()
    if before is None or after is None or after[0] == before[0]:
        return "-"
    return f"{100 * (after[1] - before[1]) / (after[0] - before[0]):.0f}%"


def rss_kb(pid: int | str = "self") -> int:
    """A process's resident memory (VmRSS) in kB, Linux only; 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@contextmanager
def throwaway_database(backend: str, folder: Path | None = None,
                       name: str = "bench.sqlite3") -> Iterator[str]:
    """The URL of an empty database: a SQLite file in ``folder`` (a new temporary folder,
    removed afterwards, when none is given) or a PostgreSQL server of its own on loopback
    (tests/pgserver.py), stopped afterwards."""
    if backend == "postgresql":
        from tests.pgserver import ThrowawayPostgres

        server = ThrowawayPostgres()
        url = server.start()
        try:
            yield url
        finally:
            server.stop()
        return
    from db.engine import sqlite_url

    own = folder is None
    where = Path(tempfile.mkdtemp(prefix="loket-bench-")) if folder is None else folder
    try:
        yield sqlite_url(where / name)
    finally:
        if own:
            shutil.rmtree(where, ignore_errors=True)
