"""Station start: from starting the process to the station's first frame on the screen, cold
and warm, for every station kind, and ``loket --help``; the resident memory after start.

    .venv/bin/python bench/felt_start.py [--runs 5] [--kinds kiosk,counter,...]

Each station runs as ``loket station KIND --windowed`` (QT_QPA_PLATFORM=offscreen) on a
throw-away SQLite file holding the demo office (app/demo), in its own process started by
this script with ``LOKET_BENCH_FIRST_FRAME`` set: the child (this file, run with
``--child``) installs an event filter on the application as it is made, and when a
station window's first paint is done (the whole window drawn and put on the screen; for
the display that is its first board) prints ``time.monotonic_ns()`` and its VmRSS, waits
``--settle`` seconds, prints VmRSS again and exits. The time from the parent's
``monotonic_ns()`` just before it starts the process to the child's is the start as the
office feels it: the interpreter, the imports, the database, the first read, the paint.
CLOCK_MONOTONIC is one clock for every process on Linux.

Cold: the byte code caches cannot be dropped without root (nor the operating system's file
cache), so cold here means the first run with a fresh, empty PYTHONPYCACHEPREFIX: every
module of the program, PySide6's Python parts and SQLAlchemy is compiled from source, as on
the first start after an install or an upgrade that did not ship .pyc files. The shared
libraries (Qt) are in the file cache already, so a real cold boot is slower still. Warm:
the same cache afterwards, ``--runs`` times, the median and the slowest. ``loket --help``
is timed to its exit. Prints one table; never a test.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# the project's root, not bench/, first on the path: bench/queue.py is no standard library
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench.measure import rss_kb  # noqa: E402

ENV = "LOKET_BENCH_FIRST_FRAME"




def _child(argv: list[str]) -> int:
    """Run ``loket`` with ``argv``; at the first frame of a station window, say when."""
    settle = float(os.environ.get(ENV) or 0)
    import ui.application as application

    make_app = application.make_app

    def make_app_watched(*args: object, **kw: object) -> object:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtGui import QWindow
        from PySide6.QtWidgets import QApplication

        app = make_app(*args, **kw)

        class FirstFrame(QObject):
            done = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                # a widget window's paint is Qt drawing the whole window and flushing it
                if (self.done or event.type() != QEvent.Type.Paint
                        or not isinstance(watched, QWindow) or not watched.isExposed()
                        or not any(w.windowHandle() is watched
                                   for w in QApplication.topLevelWidgets())):
                    return False
                watched.event(event)
                self.done = True
                print(f"FIRST_FRAME {time.monotonic_ns()} {rss_kb()}", flush=True)

                def settled() -> None:
                    print(f"SETTLED {rss_kb()}", flush=True)
                    QApplication.quit()

                QTimer.singleShot(int(settle * 1000), settled)
                return True

        watch = FirstFrame(app)
        app.installEventFilter(watch)
        return app

    application.make_app = make_app_watched  # type: ignore[assignment]
    from app.cli import main

    return main(argv)


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    sys.exit(_child(sys.argv[2:]))

# --- the parent -------------------------------------------------------------------------

import argparse  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OFFICE = "SAMSAT-PTK1"
KINDS = ("kiosk", "counter", "display", "supervisor", "survey")
OPTIONS = {"counter": ["--counter", "L1", "--station", "LOKET-1"],
           "kiosk": ["--station", "KIOSK-1"], "display": ["--station", "TV-1"],
           "survey": ["--station", "SURVEI"]}


def _start(kind: str, db: str, env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds to the first frame, VmRSS at it and after settling (kB)."""
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", "--db", db, "station",
            kind, "--office", OFFICE, "--windowed", "--quit-after", "60",
            *OPTIONS.get(kind, [])]
    started = time.monotonic_ns()
    child = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    frame = rss = settled = 0
    for line in child.stdout:
        words = line.split()
        if words[:1] == ["FIRST_FRAME"]:
            frame, rss = int(words[1]), int(words[2])
        elif words[:1] == ["SETTLED"]:
            settled = int(words[1])
    child.wait(timeout=120)
    if not frame:
        raise RuntimeError(f"{kind}: no first frame (exit {child.returncode})")
    return (frame - started) / 1e9, rss, settled


def _help(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--help"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs per station")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds after the first frame before the second VmRSS")
    opts = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="loket-felt-start-") as tmp:
        base = {k: v for k, v in os.environ.items()
                if k not in ("PYTHONDONTWRITEBYTECODE", "LOKET_DB", "LOKET_CONFIG")}
        base.update(LOKET_HOME=str(Path(tmp) / "home"), QT_QPA_PLATFORM="offscreen")
        db = f"sqlite:///{Path(tmp) / 'office.sqlite3'}"
        subprocess.run([sys.executable, "-m", "app", "--db", db, "demo", "--no-window"],
                       env={**base, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "setup")},
                       cwd=ROOT, check=True, capture_output=True)
        for kind in ["--help", *opts.kinds.split(",")]:
            env = {**base, "PYTHONPYCACHEPREFIX": str(Path(tmp) / f"pycache-{kind}"),
                   ENV: str(opts.settle)}
            if kind == "--help":
                cold = _help(env)
                warm = [_help(env) for _ in range(opts.runs)]
                rows.append(("loket --help", cold, warm, None, None))
                continue
            cold, *_ = _start(kind, db, env)
            runs = [_start(kind, db, env) for _ in range(opts.runs)]
            rows.append((f"station {kind}", cold, [r[0] for r in runs],
                         max(r[1] for r in runs), max(r[2] for r in runs)))
    print(f"station start to the first frame, offscreen, SQLite; cold: fresh "
          f"PYTHONPYCACHEPREFIX (no .pyc), warm: {opts.runs} runs after; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    header = ("what", "cold s", "warm median s", "warm slowest s", "RSS at first frame MB",
              f"RSS {opts.settle:g} s later MB")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for label, cold, warm, rss, settled in rows:
        print(" | ".join([label, f"{cold:.2f}", f"{statistics.median(warm):.2f}",
                          f"{max(warm):.2f}",
                          f"{rss / 1024:.0f}" if rss else "-",
                          f"{settled / 1024:.0f}" if settled else "-"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
