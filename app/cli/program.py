"""The ``loket`` command: administrators' and scripts' entry point onto the same services as the UI.

Every reporting sub-command takes ``--json`` and then prints exactly one JSON document.
Bad arguments or bad input end with exit status 2 and one line on stderr, having changed
nothing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.cli import (
    bapenda,
    casework,
    devices,
    fiscal,
    ikm,
    login,
    perforation,
    reports,
    samsat,
    setup,
    station,
    tariffs,
)
from app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Parser,
    UsageError,
    bounded,
    check_argv,
    check_numbers,
    emit,
    make_parents,
    open_store,
    pc_user,
    run,
    say,
)
from app.cli.login import actor, bootstrap
from app.errors import LoketError
from app.i18n import tr

# --- db ----------------------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with open_store(args, check_schema=False) as store:
        before = store.schema_state()
        after = store.upgrade()
        data = {"database": store.safe_url, "from": before.current, "to": after.current,
                "status": after.status}
    emit(args, data, lambda: f"{data['database']}: {data['from'] or '-'} -> {data['to']}")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    with open_store(args, check_schema=False) as store:
        st = store.schema_state()
        data = {"database": store.safe_url, "backend": store.backend, "current": st.current,
                "head": st.head, "status": st.status}
    emit(args, data, lambda: f"{data['database']}: {data['status']} "
                              f"({data['current'] or '-'} / {data['head']})")
    return EXIT_OK


def cmd_db_roles(args: argparse.Namespace) -> int:
    """Least-privilege roles per kind of PC (app/db_roles.py); PostgreSQL only."""
    from app import db_roles
    from app.config import resolve_db_url

    if resolve_db_url(args.db).startswith("sqlite"):
        raise LoketError("db_roles.sqlite")  # before reading stdin or touching the file
    passwords = db_roles.parse_passwords(sys.stdin) if args.password_stdin else None
    prefix = args.prefix
    if prefix is not None:
        db_roles.role_names(prefix)  # a bad prefix: exit 2 before connecting
    with open_store(args) as store:
        report = db_roles.create_roles(store, prefix=prefix, passwords=passwords)
    emit(args, report.as_dict(), lambda: "\n".join(report.lines()))
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
    with open_store(args) as store:
        who = actor(args, anonymous=bootstrap(store))  # reads its password first
        password = _read_password(args)
        with store.uow() as uow:
            info = users.add_user(uow, args.name, args.role, password, actor=who,
                                  full_name=args.full_name or "", office_code=args.office)
    emit(args, info.to_json(), lambda: f"{info.username} ({info.role})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from app import users

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = users.list_users(uow)
    emit(args, [u.to_json() for u in rows], lambda: "\n".join(
        f"{u.username:<20} {u.role:<11} {u.office or '-':<16} {u.full_name}" for u in rows))
    return EXIT_OK


# --- catalog -----------------------------------------------------------------------------


def cmd_catalog_import(args: argparse.Namespace) -> int:
    """Every file validated, together and against the database, before anything is written;
    then all of them in one transaction: all or nothing."""
    from app.catalog.spec import read_files
    from app.catalog.store import import_files

    specs = read_files([Path(p) for p in args.files])  # no database needed to refuse these
    with open_store(args) as store:
        who = actor(args, anonymous=bootstrap(store))
        with store.uow() as uow:
            results = import_files(uow, specs, actor=who)
    data = [r.to_json() for r in results]
    emit(args, data, lambda: "\n".join(
        f"{r.file}: {r.office} +{r.created} ~{r.updated} -{r.deactivated}" for r in results))
    return EXIT_OK


def _known_offices(args: argparse.Namespace) -> dict[str, set[str]]:
    """The offices (and their counters) of the database an import would load into, for
    ``catalog check``; none if there is no such database yet or it cannot be read."""
    from app.catalog.store import known_offices
    from app.config import data_dir, default_db_url, resolve_db_url
    from app.store import Store

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
    emit(args, data, lambda: "\n".join(f"{d['file']}: OK" for d in data))
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from app.catalog.store import list_services

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = list_services(uow, args.office, include_inactive=args.all)

    def human() -> str:
        lines = []
        for r in rows:
            time = r["time_standard"]["text"] if r["time_standard"] else tr("time.none")
            lines.append(f"{r['office']:<18} {r['prefix']:<3} {r['code']:<20} {time:<24} "
                         f"{' > '.join(r['stages'])}  {r['name']}")
        return "\n".join(lines)

    emit(args, rows, human)
    return EXIT_OK


# --- queue -------------------------------------------------------------------------------


def _print_ticket(args: argparse.Namespace, info: Any, verb: str = "") -> int:
    if info is None:
        emit(args, {"ticket": None}, lambda: tr("queue.nobody"))
        return EXIT_OK
    data = info.to_json()
    emit(args, data, lambda: " ".join(
        str(x) for x in (verb, data.get("ticket"), data.get("stage") or "",
                         data.get("counter") or "", data.get("status") or "") if x))
    return EXIT_OK


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from app.queue import engine

    with open_store(args) as store, store.uow() as uow:
        info = engine.issue_ticket(uow, args.service, office_code=args.office,
                                   priority=args.priority, actor=actor(args, anonymous=True))
    data = info.to_json()
    emit(args, data, lambda: f"{data['ticket']}  {data['service_name']}  "
                              f"ahead={data['ahead']} eta={data['eta_minutes']}m")
    return EXIT_OK


def _counter_cmd(fn_name: str, *extra: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs = {k: getattr(args, k) for k in extra if getattr(args, k, None) is not None}
        positional = [args.ticket] if fn_name in ("call_ticket", "resume") else []
        with open_store(args) as store, store.uow() as uow:
            info = fn(uow, args.counter, *positional, office_code=args.office,
                      actor=actor(args), **kwargs)
        return _print_ticket(args, info, fn_name.replace("_", "-"))

    return run


def _ticket_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        with open_store(args) as store, store.uow() as uow:
            if fn_name == "take_over":
                info = fn(uow, args.ticket, args.counter, office_code=args.office,
                          actor=actor(args))
            elif fn_name == "grant_priority":
                info = fn(uow, args.ticket, args.reason, office_code=args.office,
                          actor=actor(args))
            else:
                info = fn(uow, args.ticket, office_code=args.office,
                          actor=actor(args, anonymous=fn_name == "check_in"))
        return _print_ticket(args, info, fn_name.replace("_", "-"))

    return run


def cmd_ticket_require(args: argparse.Namespace) -> int:
    """Tick (or untick) requirements of a visit's checklist, as the loket 1 console does."""
    from app import counter_desk as desk
    from app import ticket_print

    with open_store(args) as store:
        visit_id = ticket_print.find_visit(store, args.ticket, office_code=args.office)
        states: tuple = ()
        with store.uow() as uow:
            for code in args.codes:
                states = desk.set_requirement(uow, visit_id, code, not args.uncheck,
                                              actor=actor(args))
    data = {"visit_id": visit_id, "requirements": [
        {"code": r.code, "text": r.text, "checked": r.checked} for r in states]}
    emit(args, data, lambda: "\n".join(
        f"[{'x' if r.checked else ' '}] {r.code}: {r.text}" for r in states))
    return EXIT_OK


def cmd_queue_status(args: argparse.Namespace) -> int:
    from app.queue import engine

    with open_store(args) as store, store.uow(read_only=True) as uow:
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

    emit(args, data, human)
    return EXIT_OK


def _office_cmd(fn_name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.queue import engine

        fn = getattr(engine, fn_name)
        kwargs: dict[str, Any] = {}
        if fn_name == "recover_stale" and args.after is not None:
            kwargs["after_minutes"] = args.after
        with open_store(args) as store, store.uow() as uow:
            result = fn(uow, office_code=args.office, actor=actor(args), **kwargs)
        data = {"office": args.office, "tickets": result} if isinstance(result, list) else result
        emit(args, data, lambda: json.dumps(data, ensure_ascii=False))
        return EXIT_OK

    return run


def cmd_queue_watch(args: argparse.Namespace) -> int:
    """Follow the office's live events (one JSON document per line) and, every
    ``--recover-every`` seconds, return visits of silent counters to the queue: the automatic
    recovery, for an office server or the supervisor's PC."""
    import time

    from app.queue import engine
    from app.queue.feed import EventFeed

    with open_store(args) as store:
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

    with open_store(args) as store, store.uow() as uow:
        data = engine.set_counteropen_store(uow, args.counter, args.counter_cmd == "open",
                                       office_code=args.office, actor=actor(args))
    emit(args, data, lambda: f"{data['counter']}: {'open' if data['open'] else 'closed'}")
    return EXIT_OK


def cmd_appointment_book(args: argparse.Namespace) -> int:
    from app.inputs import check_moment
    from app.queue import engine

    try:
        at = datetime.fromisoformat(args.at)
    except ValueError as exc:
        raise LoketError("queue.bad_time", value=args.at, reason=str(exc)) from None
    if at.tzinfo is None:
        raise LoketError("queue.bad_time", value=args.at, reason="+07:00 / +08:00 / +09:00")
    check_moment(at, "--at")
    with open_store(args) as store, store.uow() as uow:
        data = engine.book_appointment(uow, args.service, at, args.code.upper(),
                                       office_code=args.office, name=args.name or "",
                                       actor=actor(args))
    emit(args, data, lambda: f"{data['code']} {data['service']} {data['at']}")
    return EXIT_OK


# --- demo --------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from app import demo
    from app.store import Store

    url = args.db or demo.default_url()
    with Store.open(url, check_schema=False) as store:
        summary = demo.prepare(store, actor=pc_user())
        if args.no_window:
            emit(args, summary, lambda: demo.describe(summary))
            return EXIT_OK
        from ui.demo import run_demo

        return run_demo(store, summary, quit_after=args.quit_after, autopilot=args.autopilot)


# --- parser ------------------------------------------------------------------------------

MAX_RECOVER_AFTER = 7 * 24 * 60  # app.queue.engine.MAX_RECOVER_AFTER_MINUTES


# The areas after the core commands, in the order ``loket --help`` lists them; each module
# has ``register(sub, parents)``.
AREAS = (devices, station, login, samsat, tariffs, bapenda, perforation, fiscal, casework, ikm,
         reports, setup)


def build_parser() -> argparse.ArgumentParser:
    """The whole ``loket`` parser: cheap, it imports no service."""
    parents = make_parents()
    common, reporting, office = parents.common, parents.reporting, parents.office

    parser = Parser(prog="loket", description="Loket: front office of Samsat and Bapenda",
                    parents=[common])
    parser.add_argument("--version", action="version", version=f"loket {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

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

    for area in AREAS:
        area.register(sub, parents)

    p = sub.add_parser("demo", parents=[common, reporting],
                       help="set up and open the demo office (SQLite, simulated devices)")
    p.add_argument("--no-window", action="store_true", help="prepare the demo data only")
    p.add_argument("--autopilot", action="store_true",
                   help="visitors keep arriving and unattended counters serve them")
    p.add_argument("--quit-after", type=bounded(float, 0, 7 * 86400), metavar="SECONDS",
                   help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
    return parser


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
