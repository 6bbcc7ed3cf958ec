"""What every ``loket`` sub-command shares: the parser's common options, printing the result
(one JSON document with ``--json``, else text), opening the store, the exit statuses and
the one-line handling of a refusal (exit 2) or an unexpected failure (exit 1, details in the
log).

Cheap to import on purpose (argparse and Loket's messages only): ``loket --help`` loads this
module and every area's parser, and nothing that talks to a database.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from app import __version__
from app.errors import LoketError
from app.i18n import register, tr

if TYPE_CHECKING:
    from app.store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
# a device that did not do its job (a print job queued or given up, a count not finished)
EXIT_DEVICE_TROUBLE = 1

# app.config.DB_ENV, written out: importing app.config loads the database engine, which
# ``loket --help`` must not (tests/app/test_cli_start.py checks the two agree)
DB_ENV = "LOKET_DB"

register({
    "cli.failed": (
        "{command} gagal karena kesalahan tak terduga ({reason}); transaksi dibatalkan; "
        "rincian di {log}",
        "{command} failed with an unexpected error ({reason}); the transaction was rolled "
        "back; details in {log}",
    ),
    "cli.failed_db": (
        "{command} gagal karena kesalahan basis data ({reason}); transaksi dibatalkan; "
        "rincian di {log}",
        "{command} failed with a database error ({reason}); the transaction was rolled back; "
        "details in {log}",
    ),
    "cli.no_log": ("log tidak dapat ditulis", "the log could not be written"),
    "cli.argument": ("argumen ke-{n}", "argument {n}"),
})


class UsageError(Exception):
    """Bad arguments: said in one line, exit 2 (argparse would print its usage and exit)."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage, so the CLI can say one line."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


SubParsers = argparse._SubParsersAction  # what ``add_subparsers`` returns


@dataclass(frozen=True)
class Parents:
    """The option groups sub-commands inherit (argparse ``parents=``)."""

    common: argparse.ArgumentParser  # --db
    reporting: argparse.ArgumentParser  # --json
    office: argparse.ArgumentParser  # --office, --as, --password-stdin

    @property
    def acting(self) -> list[argparse.ArgumentParser]:
        """A command that acts at an office: all three."""
        return [self.common, self.reporting, self.office]


def make_parents() -> Parents:
    common = Parser(add_help=False)
    common.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="URL",
        help=f"database URL (also ${DB_ENV}); default: a SQLite file in the user data folder",
    )
    reporting = Parser(add_help=False)
    reporting.add_argument("--json", action="store_true", help="print one JSON document")
    office = Parser(add_help=False)
    office.add_argument("--office", metavar="CODE", help="office code (needed if several)")
    office.add_argument("--as", dest="as_user", metavar="NAME",
                        help="who acts (signed in with loket login, or with --password-stdin)")
    office.add_argument("--password-stdin", action="store_true",
                        help="read the password of --as NAME from stdin")
    return Parents(common, reporting, office)


# --- output ------------------------------------------------------------------------------


def emit(args: argparse.Namespace, data: Any, human: Callable[[], str]) -> None:
    """Print the command's result: ``data`` as one JSON document with ``--json``, else the
    text ``human()`` makes (nothing if it is empty)."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        text = human()
        if text:
            print(text)


def say(text: str) -> None:
    """One line on stderr, as every refusal and warning of the command line is written."""
    print(f"loket: {text}", file=sys.stderr)


def write_output(path: str | Path, data: bytes) -> None:
    """Write a PDF or XLSX a command made; a path that cannot be written is a refusal
    with its reason (exit 2), not a traceback."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise LoketError("file.cannot_write", file=str(path),
                         reason=exc.strerror or type(exc).__name__) from None


# --- the database ------------------------------------------------------------------------


def open_store(args: argparse.Namespace, *, check_schema: bool = True,
               create: bool = False) -> Store:
    """The command's database; remembered on ``args`` (``cli_store``) so the person acting
    is checked in the same one. A SQLite file is made only where ``create`` says (``loket
    db upgrade``); any other command on a file that is not there is refused, leaving
    nothing behind."""
    from app.config import resolve_db_url
    from app.store import Store

    # a command that makes the database (db upgrade) makes the default one, never the demo's
    store = Store.open(resolve_db_url(args.db, demo_fallback=not create),
                       check_schema=check_schema, create=create)
    args.cli_store = store
    return store


def pc_user() -> str:
    """This PC's user, as the unverified actor of what needs no one (``cli:NAME``)."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in this environment
        return "cli"


# --- options -----------------------------------------------------------------------------


def add_override(parser: argparse.ArgumentParser) -> None:
    """``--override``: a supervisor acts on a visit that no counter of the action's stage
    has called or is serving (app.queue.stage_work.require_at_work); refused for anyone else,
    audited when allowed."""
    parser.add_argument("--override", action="store_true",
                        help="supervisor: act although the visit is not at this stage "
                             "(audited)")


def add_visit(parser: argparse.ArgumentParser) -> None:
    """``--ticket`` (the visit the work is for) and ``--override``."""
    parser.add_argument("--ticket", metavar="TICKET",
                        help="for this visit: today's number (A-001) or the visit id")
    add_override(parser)


def visit_of(store: Store, args: argparse.Namespace) -> int | None:
    """The visit of ``--ticket`` (today's number or a visit id), or None."""
    from app.output.tickets import find_visit

    ticket = getattr(args, "ticket", None)
    return find_visit(store, ticket, office_code=args.office) if ticket else None


def bounded(kind: type, low: float, high: float) -> Callable[[str], Any]:
    """An argparse ``type``: a number of ``kind`` within ``low..high``, else a usage error
    (exit 2) that says the range."""
    def parse(text: str) -> Any:
        value = kind(text)  # a ValueError: argparse says "invalid int value"
        if not low <= value <= high:
            import app.inputs  # noqa: F401  (registers "input.range")

            raise argparse.ArgumentTypeError(tr("input.range", low=low, high=high, value=text))
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its message
    return parse


# --- checks before running ---------------------------------------------------------------


def check_argv(argv: Sequence[str]) -> None:
    """Refuse control characters in any argument: the one place every text typed on the
    command line passes (a NUL alone makes PostgreSQL fail mid-command)."""
    for n, arg in enumerate(argv, start=1):
        if arg.isprintable():  # no control character (and app.inputs stays unloaded)
            continue
        from app.inputs import control_char

        char = control_char(arg)
        if char is not None:
            before = argv[n - 2] if n > 1 else ""
            field = before if before.startswith("--") and "=" not in before else (
                arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg
                else tr("cli.argument", n=n))
            raise LoketError("input.control", field=field, char=char)


def check_numbers(args: argparse.Namespace) -> None:
    """Every number an option took fits the database and is finite (a sub-command that
    declares no tighter bounds still never overflows a column or loops forever)."""
    for name, value in vars(args).items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        from app.inputs import INT_MAX

        if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > INT_MAX:
            raise LoketError("input.number_range", field="--" + name.replace("_", "-"),
                             low=-INT_MAX, high=INT_MAX, value=value)


# --- running one command -----------------------------------------------------------------


def log_path() -> Path:
    """Where the command line writes the details of an unexpected error."""
    from app.config import data_dir

    return data_dir() / "logs" / "loket.log"


def _log_failure(argv: Sequence[str], exc: BaseException) -> str:
    """Append the traceback to :func:`log_path`; the path written, or why not."""
    import traceback

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')} "
                      f"loket {__version__}: {' '.join(map(repr, argv))}\n")
            log.write("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        return tr("cli.no_log")


def failure_line(args: argparse.Namespace, argv: Sequence[str], exc: Exception) -> str:
    """One line for an unexpected error: which command, what kind of failure, where the
    details are."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    words = [a for a in (getattr(args, "command", None), *(
        v for k, v in vars(args).items() if k.endswith("_cmd") and isinstance(v, str))) if a]
    command = "loket " + " ".join(words) if words else "loket"
    log = _log_failure(argv, exc)
    if isinstance(exc, DBAPIError):
        return tr("cli.failed_db", command=command, reason=type(exc.orig).__name__, log=log)
    key = "cli.failed_db" if isinstance(exc, SQLAlchemyError) else "cli.failed"
    return tr(key, command=command, reason=type(exc).__name__, log=log)


def reader_gone() -> int:
    """The reader of our output went away (``loket ... | head``): end quietly, as other
    command-line tools do, with the rest of the output going nowhere (else Python reports
    the pipe again when it flushes at exit). What the command did stays done."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_OK


def run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Run the parsed command ``args.func``: its exit status; a refusal is one line and exit
    2 (nothing changed), an unexpected failure one line naming the log and exit 1."""
    try:
        status = int(args.func(args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return status
    except BrokenPipeError:
        return reader_gone()
    except LoketError as exc:
        from app.cli.choices import refusal

        say(refusal(args, exc))  # an unknown office, service or counter: with the valid ones
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        say(tr("cli.interrupted"))
        return EXIT_INTERRUPTED
    except Exception as exc:  # anything else: one line here, the traceback in the log
        from app.catalog.source import FileProblems

        if isinstance(exc, FileProblems):
            say(exc.summary())
            return EXIT_BAD_INPUT
        say(failure_line(args, argv, exc))
        return EXIT_FAILED
