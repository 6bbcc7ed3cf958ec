# ruff: noqa: E402
"""Does the waiting-room display grow in memory call after call, and which part of it?

    .venv/bin/python bench/display_memory.py [--calls 600] [--every 100]
                                             [--variants real,fake,none] [--voice short]
                                             [--trace]

One process per variant, each on its own fresh SQLite demo office (``bench/felt_call.py``'s
set-up: the demo office, four officers, visitors waiting at each of the four counters) and
one :class:`ui.display.DisplayWindow` offscreen at 1920x1080 in that same process. The
counters (app/stations/counter.py, in the same process) call in turn; after each call the
display's own live events pick the call up, the tile flashes, the call is spoken to the end,
then the visitor is marked a no-show and the display shows the emptied box. Variants:

* ``real``: the real :class:`ui.announcer.Announcer` with its :class:`QtAudioSink`
  (QMediaPlayer, one ``setSource`` per voice segment);
* ``reuse``: as ``real``, but the sink never clears the player's source between segments
  (a segment repeated is played again from its start): the mitigation measured here;
* ``fake``: the announcer with a sink that finishes at once (nothing is opened or played);
* ``none``: no announcer at all.

Every ``--every`` calls: the resident memory (VmRSS), the display's QObject descendants and
the Python objects tracked by the garbage collector. ``--trace`` adds tracemalloc's ten
largest differences between the sample after the first ``--every`` calls and the last
(Python allocations only); its snapshots themselves cost some 200 MB of RSS, so with
``--trace`` read the Python figures, not the RSS ones.
``--voice short`` (default) speaks 40 ms of silence per segment (a call in about half a
second); ``--voice real`` the recordings, in real time (about five seconds per call).
Prints one table; never a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import gc
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from typing import Any

from bench.measure import rss_kb

VARIANTS = ("real", "reuse", "fake", "none")




def _wait(app: Any, done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Run the event loop until ``done()``, or fail after ``timeout`` seconds."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the display did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def _reuse_source(sink: Any) -> None:
    """The sink's next segment without ``setSource(QUrl())`` first: the same file again is
    played from its start, another file replaces the source directly."""
    from PySide6.QtCore import QUrl

    from ui.announcer import SEGMENT_MARGIN_MS, wav_duration_ms

    def on_next(generation: int) -> None:
        if generation != sink._generation:
            return
        if not sink._pending:
            sink._current = None
            sink._generation += 1
            sink.finished.emit()
            return
        sink._current = sink._pending.popleft()
        sink._watchdog.start(wav_duration_ms(sink._current) + SEGMENT_MARGIN_MS)
        url = QUrl.fromLocalFile(str(sink._current))
        if sink._player.source() == url:
            sink._player.setPosition(0)
        else:
            sink._player.setSource(url)
        sink._player.play()

    sink._on_next = on_next


def _child(variant: str, calls: int, every: int, voice_kind: str, trace: bool) -> None:
    """One variant in this process; prints its samples as one JSON line on stdout."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if trace:
        import tracemalloc

        tracemalloc.start(10)
    from PySide6.QtCore import QObject, QTimer

    from app.stations.counter import Actor, CounterStation
    from app.store import Store
    from bench.felt_call import COUNTERS, OFFICE, PASSWORD, _officer, _setup, _short_voice
    from db.engine import sqlite_url
    from ui.announcer import Announcer, AudioSink
    from ui.application import make_app
    from ui.display import DisplayWindow

    class InstantSink(AudioSink):
        """Finishes each call from the event loop at once; keeps nothing."""

        def play(self, paths: list[Path]) -> None:
            QTimer.singleShot(0, self.finished.emit)

        def stop(self) -> None:
            pass

        def set_volume(self, volume: int) -> None:
            pass

    tmp = Path(tempfile.mkdtemp(prefix="loket-display-memory-"))
    try:
        voice = None
        if voice_kind == "short":
            voice = tmp / "voice"
            _short_voice(voice)
        url = sqlite_url(tmp / "office.sqlite3")
        _setup(url, calls // len(COUNTERS) + 2, voice)
        app = make_app()
        store = Store.open(url)
        announcer = None
        if variant == "real":
            announcer = Announcer(folder=voice)
        elif variant == "reuse":
            announcer = Announcer(folder=voice)
            _reuse_source(announcer._sink)
        elif variant == "fake":
            announcer = Announcer(InstantSink(), folder=voice)
        window = DisplayWindow(store, OFFICE, announcer=announcer)
        window.resize(1920, 1080)
        window.show()
        stations = []
        for code in COUNTERS:
            station = CounterStation(store, OFFICE, code)
            station.setup()
            user = station.sign_in(_officer(code), PASSWORD)
            actor = Actor(user.username, user.id)
            station.set_open(True, actor)
            stations.append((code, station, actor))
        _wait(app, lambda: window.unshown is None)
        samples: list[dict[str, Any]] = []
        first_snapshot = None

        def sample(n: int) -> None:
            nonlocal first_snapshot
            gc.collect()
            samples.append({"calls": n, "rss_kb": rss_kb(),
                            "qobjects": len(window.findChildren(QObject)),
                            "gc_objects": len(gc.get_objects())})
            if trace and first_snapshot is None and n > 0:
                first_snapshot = tracemalloc.take_snapshot()

        sample(0)
        for n in range(1, calls + 1):
            code, station, actor = stations[n % len(stations)]
            info = station.call_next(actor)
            if info is None:
                raise RuntimeError(f"nobody left to call at {code}")
            tile, ticket = window.tiles[code], info.ticket
            _wait(app, lambda t=tile, k=ticket: t.shown == k
                  and (announcer is None or not announcer.busy))
            station.skip(actor)
            _wait(app, lambda t=tile: t.shown is None)
            if n % every == 0:
                sample(n)
        top: list[str] = []
        if trace and first_snapshot is not None:
            last = tracemalloc.take_snapshot()
            for stat in last.compare_to(first_snapshot, "lineno")[:10]:
                frame = stat.traceback[0]
                top.append(f"{stat.size_diff / 1024:+.1f} KiB {stat.count_diff:+d} blocks "
                           f"{frame.filename}:{frame.lineno}")
        window.close()
        store.close()
        print(json.dumps({"variant": variant, "samples": samples, "top": top}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=600)
    parser.add_argument("--every", type=int, default=100, help="calls between samples")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--voice", choices=("short", "real"), default="short")
    parser.add_argument("--trace", action="store_true", help="tracemalloc's top differences")
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.calls, args.every, args.voice, args.trace)
        return
    results = []
    for variant in args.variants.split(","):
        began = time.monotonic()
        argv = [sys.executable, __file__, "--child", variant, "--calls", str(args.calls),
                "--every", str(args.every), "--voice", args.voice]
        if args.trace:
            argv.append("--trace")
        done = subprocess.run(argv, capture_output=True, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if done.returncode != 0:
            print(f"{variant} failed ({done.returncode}):\n{done.stderr[-3000:]}",
                  file=sys.stderr)
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["seconds"] = time.monotonic() - began
        result["stderr_lines"] = len(done.stderr.splitlines())
        results.append(result)
        print(f"{variant} done in {result['seconds']:.0f} s", file=sys.stderr)

    print(f"display memory: {args.calls} calls, voice {args.voice}; VmRSS MB "
          f"(QObjects under the window / Python objects) every {args.every} calls")
    calls = [s["calls"] for s in results[0]["samples"]] if results else []
    header = ["variant", *(str(c) for c in calls), f"growth {args.every}..{calls[-1]}"
              if calls else "growth", "KB per 100 calls", "stderr lines", "seconds"]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in results:
        s = r["samples"]
        cells = [r["variant"]] + [f"{x['rss_kb'] / 1024:.1f} ({x['qobjects']}/{x['gc_objects']})"
                                  for x in s]
        base = s[1] if len(s) > 2 else s[0]  # after the warm-up of the first hundred calls
        grown = s[-1]["rss_kb"] - base["rss_kb"]
        span = s[-1]["calls"] - base["calls"]
        cells += [f"{grown / 1024:+.1f} MB", f"{100 * grown / span:.0f}" if span else "-",
                  str(r["stderr_lines"]), f"{r['seconds']:.0f}"]
        print(" | ".join(cells))
    for r in results:
        if r["top"]:
            print(f"tracemalloc, {r['variant']}: the largest differences from the first sample "
                  "to the last")
            for line in r["top"]:
                print(f"  {line}")


if __name__ == "__main__":
    main()
