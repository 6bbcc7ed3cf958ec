"""``loket station KIND``: run one station's window on this PC."""

from __future__ import annotations

import argparse
from typing import Any

from app.errors import LoketError


def cmd_station(args: argparse.Namespace) -> int:
    from app.cli import _open
    from app.queue.engine import resolve_office
    from ui.station import KINDS, run_station

    if args.kind not in KINDS:
        raise LoketError("station.not_available", kind=args.kind, choices=", ".join(KINDS))
    store = _open(args)
    with store:
        with store.uow(read_only=True) as uow:
            office = resolve_office(uow.session, args.office).code
        return run_station(args.kind, store, office, windowed=args.windowed,
                           quit_after=args.quit_after, counter=args.counter,
                           station=args.station)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("station", parents=[common],
                       help="run a station: kiosk, counter, display, supervisor, survey")
    p.add_argument("kind", metavar="KIND")
    p.add_argument("--office", metavar="CODE", help="office code (needed if several)")
    p.add_argument("--counter", metavar="CODE", help="the counter (counter stations)")
    p.add_argument("--station", metavar="CODE", help="this PC's station code (its devices)")
    p.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_station)

