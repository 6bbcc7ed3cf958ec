"""The ``loket`` command: administrators' and scripts' entry point onto the same services as the UI.

Every reporting sub-command takes ``--json`` and then prints exactly one JSON document.
Bad arguments or bad input end with exit status 2 and one line on stderr, having changed
nothing.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import math
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.catalog.source import FileProblems
from app.config import DB_ENV, data_dir, resolve_db_url
from app.errors import LoketError
from app.i18n import register, tr
from app.inputs import INT_MAX, check_moment, control_char
from app.store import Store

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

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


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage, so the CLI can say one line."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in this environment
        return "cli"


def _emit(args: argparse.Namespace, data: Any, human: Callable[[], str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        text = human()
        if text:
            print(text)


def _open(args: argparse.Namespace, *, check_schema: bool = True) -> Store:
    """The command's database; remembered on ``args`` so the actor is checked in it."""
    store = Store.open(resolve_db_url(args.db), check_schema=check_schema)
    args._store = store
    return store


# --- db ----------------------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with _open(args, check_schema=False) as store:
        before = store.schema_state()
        after = store.upgrade()
        data = {"database": store.safe_url, "from": before.current, "to": after.current,
                "status": after.status}
    _emit(args, data, lambda: f"{data['database']}: {data['from'] or '-'} -> {data['to']}")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    with _open(args, check_schema=False) as store:
        st = store.schema_state()
        data = {"database": store.safe_url, "backend": store.backend, "current": st.current,
                "head": st.head, "status": st.status}
    _emit(args, data, lambda: f"{data['database']}: {data['status']} "
                              f"({data['current'] or '-'} / {data['head']})")
    return EXIT_OK


def cmd_db_roles(args: argparse.Namespace) -> int:
    """Least-privilege roles per kind of PC (app/db_roles.py); PostgreSQL only."""
    from app import db_roles

    if resolve_db_url(args.db).startswith("sqlite"):
        raise LoketError("db_roles.sqlite")  # before reading stdin or touching the file
    passwords = db_roles.parse_passwords(sys.stdin) if args.password_stdin else None
    prefix = args.prefix
    if prefix is not None:
        db_roles.role_names(prefix)  # a bad prefix: exit 2 before connecting
    with _open(args) as store:
        report = db_roles.create_roles(store, prefix=prefix, passwords=passwords)
    _emit(args, report.as_dict(), lambda: "\n".join(report.lines()))
    return EXIT_OK


# --- users -------------------------------------------------------------------------------


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise LoketError("user.password_missing")
    first = getpass.getpass("Kata sandi / Password: ")
    second = getpass.getpass("Ulangi / Repeat: ")
    if first != second:
        raise LoketError("user.password_mismatch")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from app import users

    users.parse_role(args.role)  # refuse a bad role before asking for a password
    if not users.USERNAME.match(args.name):
        raise LoketError("user.bad_name", name=args.name)
    with _open(args) as store:
        who = _actor(args, anonymous=_bootstrap(args, store))  # reads its password first
        password = _read_password(args)
        with store.uow() as uow:
            info = users.add_user(uow, args.name, args.role, password, actor=who,
                                  full_name=args.full_name or "", office_code=args.office)
    _emit(args, info.to_json(), lambda: f"{info.username} ({info.role})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from app import users

    with _open(args) as store, store.uow(read_only=True) as uow:
        rows = users.list_users(uow)
    _emit(args, [u.to_json() for u in rows], lambda: "\n".join(
        f"{u.username:<20} {u.role:<11} {u.office or '-':<16} {u.full_name}" for u in rows))
    return EXIT_OK


# --- catalog -----------------------------------------------------------------------------


def cmd_catalog_import(args: argparse.Namespace) -> int:
    """Every file validated, together and against the database, before anything is written;
    then all of them in one transaction: all or nothing."""
    from app.catalog.spec import read_files
    from app.catalog.store import import_files

    specs = read_files([Path(p) for p in args.files])  # no database needed to refuse these
    with _open(args) as store:
        who = _actor(args, anonymous=_bootstrap(args, store))
        with store.uow() as uow:
            results = import_files(uow, specs, actor=who)
    data = [r.to_json() for r in results]
    _emit(args, data, lambda: "\n".join(
        f"{r.file}: {r.office} +{r.created} ~{r.updated} -{r.deactivated}" for r in results))
    return EXIT_OK


def _known_offices(args: argparse.Namespace) -> dict[str, set[str]]:
    """The offices (and their counters) of the database an import would load into, for
    ``catalog check``; none if there is no such database yet or it cannot be read."""
    from app.catalog.store import known_offices
    from app.config import default_db_url

    url = resolve_db_url(args.db)
    if url == default_db_url() and not (data_dir() / "loket.sqlite3").exists():
        return {}  # do not create the default database just to look into it
    try:
        with Store.open(url) as store, store.uow(read_only=True) as uow:
            return known_offices(uow)
    except LoketError:  # unreachable or not migrated: the files must stand on their own
        return {}


def cmd_catalog_check(args: argparse.Namespace) -> int:
    """What ``catalog import`` of the same files would refuse, without writing: each file,
    the files together, and the offices they name against the database (``--db``, else
    the one an import would use)."""
    from app.catalog.spec import CatalogSpec, check_references, read_files

    specs = read_files([Path(raw) for raw in args.files])
    check_references(specs, _known_offices(args))
    data = []
    for raw, spec in zip(args.files, specs, strict=True):
        entry: dict[str, Any] = {"file": raw, "ok": True}
        if isinstance(spec, CatalogSpec):
            entry.update(office=spec.office.code, services=len(spec.services))
        data.append(entry)
    _emit(args, data, lambda: "\n".join(f"{d['file']}: OK" for d in data))
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from app.catalog.store import list_services

    with _open(args) as store, store.uow(read_only=True) as uow:
        rows = list_services(uow, args.office, include_inactive=args.all)

    def human() -> str:
        lines = []
        for r in rows:
            time = r["time_standard"]["text"] if r["time_standard"] else tr("time.none")
            lines.append(f"{r['office']:<18} {r['prefix']:<3} {r['code']:<20} {time:<24} "
                         f"{' > '.join(r['stages'])}  {r['name']}")
        return "\n".join(lines)

    _emit(args, rows, human)
    return EXIT_OK


# --- queue -------------------------------------------------------------------------------


def actor_name(args: argparse.Namespace) -> str:
    """The verified person a command acts for (:func:`_actor`), by name."""
    return _actor(args).name


def add_override(parser: argparse.ArgumentParser) -> None:
    """``--override``: a supervisor acts on a visit that no counter of the action's stage
    has called or is serving (app.stage_work.require_at_work); refused for anyone else,
    audited when allowed."""
    parser.add_argument("--override", action="store_true",
                        help="supervisor: act although the visit is not at this stage "
                             "(audited)")


def _actor(args: argparse.Namespace, *, anonymous: bool = False) -> Any:
    """The verified person the command acts for (app/cli_login.py: ``--as NAME
    --password-stdin`` or ``loket login``), asked once per command. ``anonymous``: with
    nobody named or signed in, act as this PC's user, unverified: for what needs no one
    (kiosk ticket issue) and for setting up a fresh database (app.access.BOOTSTRAP)."""
    from app import cli_login
    from app.access import Actor

    cached = getattr(args, "_acting", None)
    if cached is not None:
        return cached
    store = getattr(args, "_store", None)
    if store is None:
        with _open(args) as store:
            return _actor(args, anonymous=anonymous)
    result = cli_login.acting(args, store, anonymous=Actor(actor()) if anonymous else None)
    args._acting = result
    return result


def _bootstrap(args: argparse.Namespace, store: Store) -> bool:
    """A fresh database (no administrator yet): catalogs and the first users need no one."""
    from app.access import no_admin_yet

    with store.uow(read_only=True) as uow:
        return no_admin_yet(uow.session)


def write_output(path: str | Path, data: bytes) -> None:
    """Write a PDF or XLSX a command made; a path that cannot be written is a refusal
    with its reason (exit 2), not a traceback."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise LoketError("file.cannot_write", file=str(path),
                         reason=exc.strerror or type(exc).__name__) from None


def _print_ticket(args: argparse.Namespace, info: Any, verb: str = "") -> int:
    if info is None:
        _emit(args, {"ticket": None}, lambda: tr("queue.nobody"))
        return EXIT_OK
    data = info.to_json()
    _emit(args, data, lambda: " ".join(
        str(x) for x in (verb, data.get("ticket"), data.get("stage") or "",
                         data.get("counter") or "", data.get("status") or "") if x))
    return EXIT_OK


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from app.queue import engine

    with _open(args) as store, store.uow() as uow:
        info = engine.issue_ticket(uow, args.service, office_code=args.office,
                                   priority=args.priority, actor=_actor(args, anonymous=True))
    data = info.to_json()
    _emit(args, data, lambda: f"{data['ticket']}  {data['service_name']}  "
                              f"ahead={data['ahead']} eta={data['eta_minutes']}m")
    return EXIT_OK


def _counter_cmd(fn_name: str, *extra: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs = {k: getattr(args, k) for k in extra if getattr(args, k, None) is not None}
        positional = [args.ticket] if fn_name in ("call_ticket", "resume") else []
        with _open(args) as store, store.uow() as uow:
            info = fn(uow, args.counter, *positional, office_code=args.office,
                      actor=_actor(args), **kwargs)
        return _print_ticket(args, info, fn_name.replace("_", "-"))

    return run


def _ticket_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        with _open(args) as store, store.uow() as uow:
            if fn_name == "take_over":
                info = fn(uow, args.ticket, args.counter, office_code=args.office,
                          actor=_actor(args))
            elif fn_name == "grant_priority":
                info = fn(uow, args.ticket, args.reason, office_code=args.office,
                          actor=_actor(args))
            else:
                info = fn(uow, args.ticket, office_code=args.office,
                          actor=_actor(args, anonymous=fn_name == "check_in"))
        return _print_ticket(args, info, fn_name.replace("_", "-"))

    return run


def cmd_ticket_require(args: argparse.Namespace) -> int:
    """Tick (or untick) requirements of a visit's checklist, as the loket 1 console does."""
    from app import counter_desk as desk
    from app import ticket_print

    with _open(args) as store:
        visit_id = ticket_print.find_visit(store, args.ticket, office_code=args.office)
        states: tuple = ()
        with store.uow() as uow:
            for code in args.codes:
                states = desk.set_requirement(uow, visit_id, code, not args.uncheck,
                                              actor=_actor(args))
    data = {"visit_id": visit_id, "requirements": [
        {"code": r.code, "text": r.text, "checked": r.checked} for r in states]}
    _emit(args, data, lambda: "\n".join(
        f"[{'x' if r.checked else ' '}] {r.code}: {r.text}" for r in states))
    return EXIT_OK


def cmd_queue_status(args: argparse.Namespace) -> int:
    from app.queue import engine

    with _open(args) as store, store.uow(read_only=True) as uow:
        data = engine.status(uow, office_code=args.office)

    def human() -> str:
        lines = [f"{data['office']} {data['day']}"]
        lines += [f"  {s['stage']:<16} {s['waiting']:>4}" for s in data["stages"]]
        for c in data["counters"]:
            serving = c["serving"]["ticket"] if c.get("serving") else "-"
            lines.append(f"  {c['counter']:<8} {'open' if c.get('open') else 'closed':<7} "
                         f"{serving} {' '.join(c['held'])}")
        lines += [f"  ! {f['ticket']} {f['state']}" for f in data["flagged"]]
        return "\n".join(lines)

    _emit(args, data, human)
    return EXIT_OK


def _office_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs: dict[str, Any] = {}
        if fn_name == "recover_stale" and args.after is not None:
            kwargs["after_minutes"] = args.after
        with _open(args) as store, store.uow() as uow:
            result = fn(uow, office_code=args.office, actor=_actor(args), **kwargs)
        data = {"office": args.office, "tickets": result} if isinstance(result, list) else result
        _emit(args, data, lambda: json.dumps(data, ensure_ascii=False))
        return EXIT_OK

    return run


def cmd_queue_watch(args: argparse.Namespace) -> int:
    """Follow the office's live events (one JSON document per line) and, every
    ``--recover-every`` seconds, return visits of silent counters to the queue: the automatic
    recovery, for an office server or the supervisor's PC."""
    import time

    from app.queue import engine
    from app.queue.feed import EventFeed

    with _open(args) as store:
        feed = EventFeed(store, args.office)
        deadline = time.monotonic() + args.duration if args.duration else None
        next_recovery = time.monotonic()
        try:
            while deadline is None or time.monotonic() < deadline:
                if time.monotonic() >= next_recovery:
                    with store.uow() as uow:
                        engine.recover_stale(uow, office_code=args.office,
                                             actor=engine.Actor.system("watch"))
                    next_recovery = time.monotonic() + args.recover_every
                wait = next_recovery - time.monotonic()
                if deadline is not None:
                    wait = min(wait, deadline - time.monotonic())
                for event in feed.wait(max(wait, 0.0)):
                    print(json.dumps(event.to_json(), ensure_ascii=False, default=str),
                          flush=True)
        finally:
            feed.close()
    return EXIT_OK


def cmd_counter_open(args: argparse.Namespace) -> int:
    from app.queue import engine

    with _open(args) as store, store.uow() as uow:
        data = engine.set_counter_open(uow, args.counter, args.counter_cmd == "open",
                                       office_code=args.office, actor=_actor(args))
    _emit(args, data, lambda: f"{data['counter']}: {'open' if data['open'] else 'closed'}")
    return EXIT_OK


def cmd_appointment_book(args: argparse.Namespace) -> int:
    from app.queue import engine

    try:
        at = datetime.fromisoformat(args.at)
    except ValueError as exc:
        raise LoketError("queue.bad_time", value=args.at, reason=str(exc)) from None
    if at.tzinfo is None:
        raise LoketError("queue.bad_time", value=args.at, reason="+07:00 / +08:00 / +09:00")
    check_moment(at, "--at")
    with _open(args) as store, store.uow() as uow:
        data = engine.book_appointment(uow, args.service, at, args.code.upper(),
                                       office_code=args.office, name=args.name or "",
                                       actor=_actor(args))
    _emit(args, data, lambda: f"{data['code']} {data['service']} {data['at']}")
    return EXIT_OK


# --- demo --------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from app import demo

    url = args.db or demo.default_url()
    with Store.open(url, check_schema=False) as store:
        summary = demo.prepare(store, actor=actor())
        if args.no_window:
            _emit(args, summary, lambda: demo.describe(summary))
            return EXIT_OK
        from ui.demo import run_demo

        return run_demo(store, summary, quit_after=args.quit_after, autopilot=args.autopilot)


# --- parser ------------------------------------------------------------------------------

MAX_RECOVER_AFTER = 7 * 24 * 60  # app.queue.engine.MAX_RECOVER_AFTER_MINUTES


def bounded(kind: type, low: float, high: float) -> Callable[[str], Any]:
    """An argparse ``type``: a number of ``kind`` within ``low..high``, else a usage error
    (exit 2) that says the range."""
    def parse(text: str) -> Any:
        value = kind(text)  # a ValueError: argparse says "invalid int value"
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(tr("input.range", low=low, high=high, value=text))
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its message
    return parse


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="URL",
        help=f"database URL (also ${DB_ENV}); default: a SQLite file in the user data folder",
    )
    reporting = _Parser(add_help=False)
    reporting.add_argument("--json", action="store_true", help="print one JSON document")

    parser = _Parser(prog="loket", description="Loket: front office of Samsat and Bapenda",
                     parents=[common])
    parser.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_cmd", required=True)
    p = db.add_parser("upgrade", parents=[common, reporting], help="create or migrate the schema")
    p.set_defaults(func=cmd_db_upgrade)
    p = db.add_parser("status", parents=[common, reporting], help="schema version")
    p.set_defaults(func=cmd_db_status)
    p = db.add_parser("roles", parents=[common, reporting],
                      help="PostgreSQL: least-privilege roles display, kiosk, station, admin")
    p.add_argument("--prefix", help="role names' prefix (default: the database's name)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read 4 passwords (display, kiosk, station, admin), one per line; "
                        "else new roles get generated ones, printed once")
    p.set_defaults(func=cmd_db_roles)

    user = sub.add_parser("user", help="users and roles").add_subparsers(dest="user_cmd",
                                                                          required=True)
    p = user.add_parser("add", parents=[common, reporting], help="add a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="officer, supervisor or admin")
    p.add_argument("--full-name")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--as", dest="as_user", metavar="NAME",
                   help="the administrator acting (signed in with loket login, or with "
                        "--password-stdin: then the first line is their password, the second "
                        "the new user's)")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(func=cmd_user_add, stdin_has_new_password=True)
    p = user.add_parser("list", parents=[common, reporting], help="list users")
    p.set_defaults(func=cmd_user_list)

    cat = sub.add_parser("catalog", help="service catalog").add_subparsers(dest="cat_cmd",
                                                                           required=True)
    p = cat.add_parser("import", parents=[common, reporting], help="validate and load files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--as", dest="as_user", metavar="NAME",
                   help="the administrator acting (signed in with loket login, or with "
                        "--password-stdin)")
    p.add_argument("--password-stdin", action="store_true", help="read that password from stdin")
    p.set_defaults(func=cmd_catalog_import)
    p = cat.add_parser("check", parents=[common, reporting],
                       help="validate files without loading (offices checked against --db)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_catalog_check)
    p = cat.add_parser("list", parents=[common, reporting], help="list services")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--all", action="store_true", help="include deactivated services")
    p.set_defaults(func=cmd_catalog_list)

    office = _Parser(add_help=False)
    office.add_argument("--office", metavar="CODE", help="office code (needed if several)")
    office.add_argument("--as", dest="as_user", metavar="NAME",
                        help="who acts (signed in with loket login, or with --password-stdin)")
    office.add_argument("--password-stdin", action="store_true",
                        help="read the password of --as NAME from stdin")
    q = [common, reporting, office]

    ticket = sub.add_parser("ticket", help="queue tickets").add_subparsers(dest="ticket_cmd",
                                                                           required=True)
    p = ticket.add_parser("issue", parents=q, help="take a number for a service")
    p.add_argument("service")
    p.add_argument("--priority", metavar="REASON", help="lansia, disabilitas, hamil, anak")
    p.set_defaults(func=cmd_ticket_issue)
    counter_actions = {
        "call-next": ("call_next", (), "call the next visitor"),
        "call": ("call_ticket", (), "call one waiting ticket"),
        "recall": ("recall", (), "call the current visitor again"),
        "start": ("start", (), "the called visitor has arrived"),
        "skip": ("skip", (), "the called visitor did not come (no-show)"),
        "hold": ("hold", (), "park the current visitor"),
        "resume": ("resume", (), "resume a parked visitor"),
        "return": ("return_to_queue", (), "put the current visitor back in the queue"),
        "transfer": ("transfer", ("to_stage", "to_counter"), "send to another stage/counter"),
        "finish": ("finish", ("outcome",), "end this stage (done, incomplete, cancelled)"),
    }
    for name, (fn_name, extra, help_text) in counter_actions.items():
        p = ticket.add_parser(name, parents=q, help=help_text)
        if fn_name in ("call_ticket", "resume"):
            p.add_argument("ticket")
        p.add_argument("--counter", required=True, metavar="CODE")
        if "to_stage" in extra:
            p.add_argument("--to-stage", dest="to_stage", metavar="STAGE")
            p.add_argument("--to-counter", dest="to_counter", metavar="CODE")
        if "outcome" in extra:
            p.add_argument("--outcome", default="done", help="done, incomplete or cancelled")
        p.set_defaults(func=_counter_cmd(fn_name, *extra))
    for name, fn_name, help_text in (
        ("take-back", "take_back", "supervisor: a stuck visit goes back to its queue"),
        ("take-over", "take_over", "a counter takes over a stuck visit"),
        ("priority", "grant_priority", "grant the priority lane"),
        ("checkin", "check_in", "turn a booking code into a ticket"),
    ):
        p = ticket.add_parser(name, parents=q, help=help_text)
        p.add_argument("ticket", metavar="CODE" if name == "checkin" else "TICKET")
        if name == "take-over":
            p.add_argument("--counter", required=True, metavar="CODE")
        if name == "priority":
            p.add_argument("--reason", required=True)
        p.set_defaults(func=_ticket_cmd(fn_name))

    p = ticket.add_parser("require", parents=q,
                          help="tick requirements of a visit's checklist (loket 1)")
    p.add_argument("ticket", metavar="TICKET")
    p.add_argument("codes", nargs="+", metavar="CODE", help="requirement codes of the service")
    p.add_argument("--uncheck", action="store_true", help="untick instead")
    p.set_defaults(func=cmd_ticket_require)

    queue = sub.add_parser("queue", help="the office's queue").add_subparsers(
        dest="queue_cmd", required=True)
    p = queue.add_parser("status", parents=q, help="waiting per stage, serving per counter")
    p.set_defaults(func=cmd_queue_status)
    p = queue.add_parser("close-day", parents=q, help="close the day: open visits not served")
    p.set_defaults(func=_office_cmd("close_day"))
    p = queue.add_parser("open-day", parents=q, help="undo a day close")
    p.set_defaults(func=_office_cmd("open_day"))
    p = queue.add_parser("recover", parents=q, help="return visits of silent counters")
    p.add_argument("--after", type=bounded(int, 1, MAX_RECOVER_AFTER), metavar="MINUTES",
                   help=f"silent for this many minutes (1-{MAX_RECOVER_AFTER}; default: the "
                        "office setting, 15)")
    p.set_defaults(func=_office_cmd("recover_stale"))

    p = queue.add_parser("watch", parents=[common, office],
                         help="print live events as JSON lines; recover silent counters")
    p.add_argument("--recover-every", type=bounded(float, 1, 86400), default=60.0,
                   metavar="SECONDS")
    p.add_argument("--for", dest="duration", type=bounded(float, 0, 7 * 86400),
                   metavar="SECONDS",
                   help="stop after this long (default: run until interrupted)")
    p.set_defaults(func=cmd_queue_watch)

    counter = sub.add_parser("counter", help="open or close a counter").add_subparsers(
        dest="counter_cmd", required=True)
    for name in ("open", "close"):
        p = counter.add_parser(name, parents=q)
        p.add_argument("counter", metavar="CODE")
        p.set_defaults(func=cmd_counter_open)

    appointment = sub.add_parser("appointment", help="bookings").add_subparsers(
        dest="appointment_cmd", required=True)
    p = appointment.add_parser("book", parents=q, help="book a visit for a time")
    p.add_argument("service")
    p.add_argument("--at", required=True, help="ISO time with zone, e.g. 2026-11-23T09:00+07:00")
    p.add_argument("--code", required=True)
    p.add_argument("--name")
    p.set_defaults(func=cmd_appointment_book)

    from app.cli_devices import register as register_devices
    from app.cli_login import register_commands as register_login
    from app.cli_station import register as register_station

    register_devices(sub, common, reporting, office)
    register_station(sub, common)
    register_login(sub, common, reporting)
    for area in ("samsat", "tariffs", "bapenda", "perforation", "fiscal", "casework", "ikm",
                 "reports", "setup"):
        module = importlib.import_module(f"app.{area}.cli")
        module.register(sub, common, reporting, office)

    p = sub.add_parser("demo", parents=[common, reporting],
                       help="set up and open the demo office (SQLite, simulated devices)")
    p.add_argument("--no-window", action="store_true", help="prepare the demo data only")
    p.add_argument("--autopilot", action="store_true",
                   help="visitors keep arriving and unattended counters serve them")
    p.add_argument("--quit-after", type=bounded(float, 0, 7 * 86400), metavar="SECONDS",
                   help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
    return parser


def check_argv(argv: Sequence[str]) -> None:
    """Refuse control characters in any argument: the one place every text typed on the
    command line passes (a NUL alone makes PostgreSQL fail mid-command)."""
    for n, arg in enumerate(argv, start=1):
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
        if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > INT_MAX:
            raise LoketError("input.number_range", field="--" + name.replace("_", "-"),
                             low=-INT_MAX, high=INT_MAX, value=value)


def log_path() -> Path:
    """Where the command line writes the details of an unexpected error."""
    return data_dir() / "logs" / "loket.log"


def _log_failure(argv: Sequence[str], exc: BaseException) -> str:
    """Append the traceback to :func:`log_path`; the path written, or why not."""
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


def _failure_line(args: argparse.Namespace, argv: Sequence[str], exc: Exception) -> str:
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
    except _UsageError as exc:
        print(f"loket: {tr('cli.bad_args', reason=exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LoketError as exc:
        print(f"loket: {exc.message()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not hasattr(args, "db"):
        args.db = None
    try:
        return int(args.func(args) or EXIT_OK)
    except LoketError as exc:
        print(f"loket: {exc.message()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FileProblems as exc:
        print(f"loket: {exc.summary()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"loket: {tr('cli.interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # anything else: one line here, the traceback in the log
        print(f"loket: {_failure_line(args, argv, exc)}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
