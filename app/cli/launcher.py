"""``loket-station [KIND|setup|demo] [--windowed]``: the Start-menu program of the installed
bundle (installer/loket.spec builds it from this file).

On a PC not set up yet (or with ``setup``) it opens the set-up wizard first, then starts the
station the configuration names, as ``loket station`` with that configuration's arguments
(:func:`app.setup.launch.station_argv`); ``demo`` is ``loket demo``. A refusal is shown in a
message box as well as on stderr, since the program has no console on Windows.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.language import localize
from app.cli.program import build_parser, main
from app.errors import LoketError
from app.setup.launch import station_argv


def launcher_parser() -> argparse.ArgumentParser:
    """The ``loket-station`` parser, in the user's language as ``loket``'s is."""
    parser = argparse.ArgumentParser(prog="loket-station", description=(
        "Start this PC's station (the set-up wizard first when the PC is not set up). "
        "KIND overrides the configured role; 'setup' opens the wizard again; 'demo' opens "
        "the demo office."))
    parser.add_argument("kind", nargs="?", metavar="KIND|setup|demo",
                        help="kiosk, counter, display, supervisor or survey; setup; demo")
    parser.add_argument("--windowed", action="store_true",
                        help="in a window instead of full screen")
    parser.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)
    return localize(parser)


def _launcher_args(argv: list[str]) -> argparse.Namespace:
    return launcher_parser().parse_args(argv)


def station_main(argv: list[str] | None = None) -> int:
    """Run ``loket-station``: the wizard if needed, then this PC's station (or the demo)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _launcher_args(argv)
    if args.kind == "demo":
        return main(["demo", *(["--quit-after", str(args.quit_after)]
                               if args.quit_after else [])])
    from app.setup import configfile
    from ui.application import make_app
    from ui.setup_wizard import run_setup, show_refusal

    try:
        make_app()
        cfg = configfile.load()
        if cfg is None or args.kind == "setup":
            saved = run_setup(role=args.kind)
            if saved is None:
                return 1
            cfg = saved.config
        ns = build_parser().parse_args(station_argv(cfg, args.kind, windowed=args.windowed,
                                                    quit_after=args.quit_after))
        ns.db = getattr(ns, "db", None)
        return int(ns.func(ns) or 0)
    except LoketError as exc:
        show_refusal(exc.message(), close_after=args.quit_after)
        print(f"loket-station: {exc.message()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(station_main())
