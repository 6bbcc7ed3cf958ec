"""The ``loket`` command: its parser, made of every area's sub-commands, and running one.

Every reporting sub-command takes ``--json`` and then prints exactly one JSON document.
Bad arguments or bad input end with exit status 2 and one line on stderr, having changed
nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import (
    bapenda,
    casework,
    catalog,
    db,
    demo,
    devices,
    events,
    fiscal,
    ikm,
    login,
    perforation,
    queue,
    reports,
    samsat,
    setup,
    station,
    tariffs,
    users,
)
from app.cli.common import (
    EXIT_BAD_INPUT,
    Parser,
    UsageError,
    check_argv,
    check_numbers,
    make_parents,
    run,
    say,
)
from app.cli.language import localize
from app.errors import LoketError
from app.i18n import tr

# Every area of the command line, in the order ``loket --help`` lists them: each module has
# ``register(sub, parents)``. A new area is a module in app/cli/ and its name here.
AREAS = (db, users, catalog, queue, devices, station, login, samsat, tariffs, bapenda,
         perforation, fiscal, casework, ikm, reports, events, setup, demo)


def build_parser() -> argparse.ArgumentParser:
    """The whole ``loket`` parser: cheap, it imports no service."""
    parents = make_parents()
    parser = Parser(prog="loket", description="Loket: front office of Samsat and Bapenda",
                    parents=[parents.common])
    parser.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    for area in AREAS:
        area.register(sub, parents)
    return localize(parser)  # its texts and argparse's in the user's language


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command. Exit 0 done; 2 bad input or a refusal, one line on stderr,
    nothing changed; 1 an unexpected failure (the database, a bug): one line on stderr
    naming the log with the details, and the unit of work rolled back."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        check_argv(argv)
        args = parser.parse_args(argv)
        check_numbers(args)
    except UsageError as exc:
        say(tr("cli.bad_args", reason=exc))
        return EXIT_BAD_INPUT
    except LoketError as exc:
        say(exc.message())
        return EXIT_BAD_INPUT
    if not hasattr(args, "db"):
        args.db = None
    return run(args, argv)
