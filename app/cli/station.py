"""``loket station KIND``: run one station's window on this PC."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.common import Parents, SubParsers
from app.errors import LoketError
from app.setup.launch import open_station_store

if TYPE_CHECKING:
    from app.store import Store


def cmd_station(args: argparse.Namespace) -> int:
    from ui.station import KINDS, run_station

    if args.kind is None or args.office is None:
        _from_configuration(args)  # this PC's loket.toml; the set-up wizard if there is none
    if args.kind not in KINDS:
        raise LoketError("station.not_available", kind=args.kind, choices=", ".join(KINDS))
    return run_station(args.kind, lambda: connect(args), windowed=args.windowed,
                       quit_after=args.quit_after, counter=args.counter, station=args.station)


def connect(args: argparse.Namespace) -> tuple[Store, str]:
    """The station's database and office code (app.setup.launch.open_station_store)."""
    return open_station_store(args.db, args.office)


def _from_configuration(args: argparse.Namespace) -> None:
    """Fill what the command line left out from this PC's configuration file; with no kind
    and no file, run the set-up wizard first."""
    from app.setup.configfile import load

    cfg = load()
    if cfg is None and args.kind is None:
        from ui.application import make_app
        from ui.setup_wizard import run_setup

        make_app()
        saved = run_setup()
        if saved is None:
            from app.config import config_path

            raise LoketError("setup.no_config", file=str(config_path()))
        cfg = saved.config
    if cfg is None:
        return
    args.kind = args.kind or cfg.role
    if args.office is None and args.kind == cfg.role:
        args.office = cfg.office
        args.counter = args.counter or cfg.counter or None
        args.station = args.station or cfg.code or None


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket station`` to the ``loket`` parser."""
    p = sub.add_parser("station", parents=[parents.common],
                       help="run a station: kiosk, counter, display, supervisor, survey")
    p.add_argument("kind", metavar="KIND", nargs="?",
                   help="default: this PC's role (the set-up wizard when not set up)")
    p.add_argument("--office", metavar="CODE", help="office code (needed if several)")
    p.add_argument("--counter", metavar="CODE", help="the counter (counter stations)")
    p.add_argument("--station", metavar="CODE", help="this PC's station code (its devices)")
    p.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_station)

