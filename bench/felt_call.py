# ruff: noqa: E402
"""Press to screen: from the officer's call (the counter station's own call-next, what F1
and the "Panggil berikutnya" button call) to the waiting-room TV showing that number, and
to its spoken call handed to the audio player; real processes, real stations, offscreen.

    .venv/bin/python bench/felt_call.py [--calls 200] [--displays 1,3]
                                         [--backends sqlite,postgresql] [--interval 2.0]

The office is the demo's (app/demo: every seed catalog, its users), its stages recording no
work (a visit leaves a stage with a bare finish, as tests/helpers.queue_only does); the
visitors take their numbers at the kiosk (app/stations/kiosk.py) beforehand and are moved
along so that each of the four counters (cek fisik, loket 1, 2 and 3) has its own queue.

Each counter is a process: it signs in and opens the counter as the console does, then
calls the next visitor every ``--interval`` seconds (random phase, jittered, so calls of
different counters now and then come together), taking ``time.monotonic_ns()`` just before
the call, and marks the visitor a no-show half an interval later, which empties its box.
Each display is a process running the real display station (ui/station.py: the display
widget with its live events and announcer, QT_QPA_PLATFORM=offscreen) at 1920x1080; it
records ``time.monotonic_ns()`` when its ``board_shown`` signal (after the repaint) first
shows a number at a counter, and when the announcer's ``playing`` signal hands its call to
the audio player. CLOCK_MONOTONIC is the same clock in every process on Linux.

The voice's segments are 40 ms of silence each (``--voice short``, the default): a real
spoken call lasts about five seconds and calls are spoken one after another, so with a call
every half second the voice's latency would be the length of the queue in front of it, not
the path from the press to the player (``--voice real`` uses the recordings). Even so a call
often waits for the one before it; the table gives the voice of every call and, apart, of
the calls that found the announcer silent when the officer pressed (as at an office, where
calls are minutes apart): that is the path from the press to the audio player.

Checked per display: every call shown, at its counter, in the order the counter made them
(a display that missed events must catch up), and at the end its boxes are what a fresh
read of the database says. Prints one table; never a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import multiprocessing as mp
import os
import random
import shutil
import statistics
import tempfile
import time
import wave
from typing import Any

from bench.measure import cpu_jiffies, percentile, rss_kb, steal_since, throwaway_database

OFFICE = "SAMSAT-PTK1"
SERVICE = "STNK-PERPANJANGAN"
COUNTERS = ("CF", "L1", "L2", "L3")  # the order of the service's stages
PASSWORD = "bench-sandi"
SETTLE_S = 2.0  # after the last call, before the displays are asked what they showed


def _officer(code: str) -> str:
    return f"bench.{code.lower()}"


def _short_voice(folder: Path) -> None:
    """Every segment of the Indonesian voice as 40 ms of silence."""
    import resources

    folder.mkdir(parents=True, exist_ok=True)
    for segment in resources.path("voice", "id").glob("*.wav"):
        with wave.open(str(folder / segment.name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(22050)
            w.writeframes(b"\0\0" * 882)


def _setup(url: str, per_counter: int, voice: Path | None) -> None:
    """The demo office, four officers, and ``per_counter`` visitors waiting at each counter."""
    from sqlalchemy import select

    from app import demo, users
    from app.demo.data import DEMO
    from app.queue import engine as q_
    from app.stations.kiosk import KioskStation
    from app.store import Store
    from db.models import Office
    from tests.helpers import queue_only

    with Store.open(url, check_schema=False) as store:
        demo.prepare(store)  # migrates first
        queue_only(store, OFFICE)
        with store.uow() as uow:
            office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
            settings = dict(office.settings or {})
            settings.pop("running_text", None)
            if voice is not None:
                settings["voice"] = {"folder": str(voice), "muted": False}
            office.settings = settings
            uow.commit()
        for code in COUNTERS:
            with store.uow() as uow:
                users.add_user(uow, _officer(code), "officer", PASSWORD, actor=DEMO,
                               office_code=OFFICE)
        kiosk = KioskStation(store, OFFICE)
        tickets = [kiosk.take_number(SERVICE).info.ticket
                   for _ in range(per_counter * len(COUNTERS))]
        # the first quarter waits at cek fisik, the next at loket 1, and so on
        for n, ticket in enumerate(tickets):
            for counter in COUNTERS[:n // per_counter]:
                with store.uow() as uow:
                    q_.call_ticket(uow, counter, ticket, office_code=OFFICE)
                with store.uow() as uow:
                    q_.finish(uow, counter, office_code=OFFICE)








# --- the processes ------------------------------------------------------------------------


def _counter(url: str, code: str, calls: int, interval: float, start: Any, out: Any) -> None:
    """One officer at ``code``: sign in, open, then call and no-show ``calls`` visitors."""
    from app.stations.counter import Actor, CounterStation
    from app.store import Store

    made: list[tuple[str, str, int, int]] = []  # (counter, ticket, pressed ns, returned ns)
    with Store.open(url) as store:
        station = CounterStation(store, OFFICE, code)
        station.setup()
        user = station.sign_in(_officer(code), PASSWORD)
        actor = Actor(user.username, user.id)
        station.set_open(True, actor)
        start.wait()
        slot = time.monotonic() + random.random() * interval
        for _ in range(calls):
            time.sleep(max(0.0, slot + random.random() * interval / 4 - time.monotonic()))
            pressed = time.monotonic_ns()
            info = station.call_next(actor)
            returned = time.monotonic_ns()
            if info is None:
                break  # nobody left: the table says how many calls were made
            made.append((code, info.ticket, pressed, returned))
            time.sleep(interval / 2)
            station.skip(actor)
            slot += interval
    out.put(("counter", code, made))


def _display(url: str, index: int, stop: Any, out: Any) -> None:
    """The display station in its own process, reporting what it showed and when."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer

    from app.store import Store
    from ui.application import make_app
    from ui.station import build_station

    app = make_app()
    store = Store.open(url)
    window = build_station("display", store, OFFICE)
    shown: dict[tuple[str, str], int] = {}  # (counter, ticket) -> ns first shown
    order: dict[str, list[str]] = {}  # counter -> tickets in the order first shown
    voiced: dict[tuple[int, str], int] = {}  # (counter number, ticket) -> ns handed to audio
    spoken: list[int] = []  # ns each call's speaking finished, in the order spoken
    reads = [0, 0.0]  # board reads, seconds spent in them
    last: dict[str, str | None] = {}
    read = window.station.board

    def counted_read() -> Any:
        t = time.perf_counter()
        try:
            return read()
        finally:
            reads[0] += 1
            reads[1] += time.perf_counter() - t

    window.station.board = counted_read  # type: ignore[method-assign]
    heard: dict[tuple[str, str], int] = {}  # (counter, ticket) -> ns its event was read
    fetch = window.live.feed.fetch

    def timed_fetch() -> Any:
        found = fetch()
        now = time.monotonic_ns()
        for event in found:
            if event.kind == "ticket.called":
                heard.setdefault((event.payload["counter"], event.payload["ticket"]), now)
        return found

    window.live.feed.fetch = timed_fetch  # type: ignore[method-assign]

    def on_shown(board: Any) -> None:
        now = time.monotonic_ns()
        for call in board.counters:
            if call.ticket and last.get(call.counter) != call.ticket \
                    and (call.counter, call.ticket) not in shown:
                shown[(call.counter, call.ticket)] = now
                order.setdefault(call.counter, []).append(call.ticket)
            last[call.counter] = call.ticket

    def on_playing(item: Any) -> None:
        voiced.setdefault((item.counter_number, item.ticket), time.monotonic_ns())

    def on_spoken(_item: Any) -> None:
        spoken.append(time.monotonic_ns())

    window.board_shown.connect(on_shown)
    window.announcer.playing.connect(on_playing)
    window.announcer.finished.connect(on_spoken)
    window.resize(1920, 1080)
    window.show()
    out.put(("ready", index, None))

    def check_stop() -> None:
        if not stop.is_set():
            return
        fresh = {c.counter: c.ticket for c in read().counters}
        boxes = {code: tile.shown for code, tile in window.tiles.items()}
        out.put(("display", index, {"shown": shown, "order": order, "voiced": voiced,
                                    "spoken": spoken, "heard": heard,
                                    "reads": reads, "agrees": fresh == boxes,
                                    "rss_kb": rss_kb()}))
        window.close()
        app.quit()

    poll = QTimer()
    poll.timeout.connect(check_stop)
    poll.start(100)
    app.exec()
    store.close()




# --- one run ------------------------------------------------------------------------------


def _run(url: str, displays: int, calls: int, interval: float) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    out, stop = ctx.Queue(), ctx.Event()
    shows = [ctx.Process(target=_display, args=(url, i, stop, out)) for i in range(displays)]
    for p in shows:
        p.start()
    for _ in shows:
        kind, index, _ = out.get(timeout=120)
        assert kind == "ready", (kind, index)
    per = calls // len(COUNTERS)
    start = ctx.Barrier(len(COUNTERS))
    officers = [ctx.Process(target=_counter, args=(url, code, per, interval, start, out))
                for code in COUNTERS]
    cpu = cpu_jiffies()
    for p in officers:
        p.start()
    made: list[tuple[str, str, int, int]] = []
    for _ in officers:
        kind, _code, rows = out.get(timeout=calls * interval + 300)
        assert kind == "counter", kind
        made.extend(rows)
    for p in officers:
        p.join()
    time.sleep(SETTLE_S)  # the last calls reach the screens: then ask what they showed
    stop.set()
    seen = [out.get(timeout=120)[2] for _ in shows]
    for p in shows:
        p.join(timeout=30)
    return {"made": made, "displays": seen, "steal": steal_since(cpu)}


def _figures(result: dict[str, Any]) -> dict[str, Any]:
    made = result["made"]
    numbers = {code: n for n, code in enumerate(COUNTERS)}  # CF is 0, L1 is 1 ...
    screen: list[float] = []
    voice: list[float] = []
    heard: list[float] = []  # the press to the display reading its event
    voice_idle: list[float] = []  # the calls that found the announcer silent at the press
    lost = disordered = disagree = 0
    for shown in result["displays"]:
        for code, ticket, pressed, _ in made:
            at = shown["shown"].get((code, ticket))
            if at is None:
                lost += 1
            else:
                screen.append((at - pressed) / 1e6)
            if (code, ticket) in shown["heard"]:
                heard.append((shown["heard"][(code, ticket)] - pressed) / 1e6)
            said = shown["voiced"].get((numbers[code], ticket))
            if said is not None:
                voice.append((said - pressed) / 1e6)
                before = [t for t in shown["spoken"] if t <= said]
                if not before or before[-1] <= pressed:  # no call spoken in between
                    voice_idle.append((said - pressed) / 1e6)
        for code in COUNTERS:
            expected = [t for c, t, _, _ in sorted(made, key=lambda m: m[2]) if c == code]
            if shown["order"].get(code, []) != expected:
                disordered += 1
        disagree += not shown["agrees"]
    db = [(r - p) / 1e6 for _, _, p, r in made]
    reads = sum(s["reads"][0] for s in result["displays"])
    read_s = sum(s["reads"][1] for s in result["displays"])
    return {"calls": len(made), "screen": screen, "heard": heard, "voice": voice,
            "voice_idle": voice_idle, "db": db, "lost": lost,
            "disordered": disordered, "disagree": disagree,
            "reads": reads / len(result["displays"]),
            "read_ms": 1000 * read_s / max(reads, 1),
            "rss_mb": max(s["rss_kb"] for s in result["displays"]) / 1024,
            "steal": result["steal"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200, help="calls in all (4 counters)")
    parser.add_argument("--displays", default="1,3")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--interval", type=float, default=2.0,
                        help="seconds between one counter's calls")
    parser.add_argument("--voice", choices=("short", "real"), default="short")
    args = parser.parse_args()

    rows = []
    for backend in args.backends.split(","):
        for displays in [int(d) for d in args.displays.split(",")]:
            tmp = Path(tempfile.mkdtemp(prefix="loket-felt-call-"))
            voice = None
            if args.voice == "short":
                voice = tmp / "voice"
                _short_voice(voice)
            try:
                with throwaway_database(backend, tmp, "office.sqlite3") as url:
                    _setup(url, args.calls // len(COUNTERS) + 2, voice)
                    result = _run(url, displays, args.calls, args.interval)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            rows.append((backend, displays, _figures(result)))
            print(f"{backend} with {displays} display(s) done", file=sys.stderr)

    print(f"press to screen: {args.calls} calls by {len(COUNTERS)} counter processes, one "
          f"every {args.interval:g} s each; voice {args.voice}; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    header = ("backend", "displays", "calls", "call ms p50", "event p50", "event p99",
              "event max", "screen p50", "screen p99",
              "screen max", "voice p50", "voice p99", "voice max", "idle voice n",
              "idle voice p50", "idle voice p99", "idle voice max", "lost", "out of order",
              "end differs", "reads/display", "read ms", "RSS MB", "steal")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for backend, displays, f in rows:
        cells = [backend, str(displays), str(f["calls"]),
                 f"{statistics.median(f['db']):.1f}" if f["db"] else "-"]
        for values in (f["heard"], f["screen"], f["voice"], f["voice_idle"]):
            if values is f["voice_idle"]:
                cells.append(str(len(values)))
            cells += ([f"{statistics.median(values):.0f}", f"{percentile(values, 99):.0f}",
                       f"{max(values):.0f}"] if values else ["-"] * 3)
        cells += [str(f["lost"]), str(f["disordered"]), str(f["disagree"]),
                  f"{f['reads']:.0f}", f"{f['read_ms']:.1f}", f"{f['rss_mb']:.0f}",
                  f["steal"]]
        print(" | ".join(cells))
    print("event, screen and voice in ms from the press, every call on every display; "
          "event: the display has read the call's event from the database; voice: calls are "
          "spoken one after another, so most wait for the ones before them; idle voice: "
          "the calls that found the announcer silent at the press (how many, and their "
          "voice figures); lost: calls "
          "a display never showed; out of order: (display, counter) pairs whose numbers "
          "did not appear in the order called; end differs: displays whose boxes at the end "
          "were not the database's")


if __name__ == "__main__":
    main()
