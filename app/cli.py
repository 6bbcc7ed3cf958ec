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
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.catalog.source import FileProblems
from app.config import DB_ENV, resolve_db_url
from app.errors import LoketError
from app.i18n import tr
from app.store import Store

EXIT_OK = 0
EXIT_BAD_INPUT = 2


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
    return Store.open(resolve_db_url(args.db), check_schema=check_schema)


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
        password = _read_password(args)
        with store.uow() as uow:
            info = users.add_user(uow, args.name, args.role, password, actor=actor(),
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
    from app.catalog.spec import read_file
    from app.catalog.store import import_file

    paths = [Path(p) for p in args.files]
    for path in paths:  # validate every file before touching the database
        read_file(path)
    results = []
    with _open(args) as store:
        for path in paths:
            with store.uow() as uow:
                results.extend(import_file(uow, path, actor=actor()))
    data = [r.to_json() for r in results]
    _emit(args, data, lambda: "\n".join(
        f"{r.file}: {r.office} +{r.created} ~{r.updated} -{r.deactivated}" for r in results))
    return EXIT_OK


def cmd_catalog_check(args: argparse.Namespace) -> int:
    from app.catalog.spec import CatalogSpec, read_file

    data = []
    for raw in args.files:
        spec = read_file(Path(raw))
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

        return run_demo(store, summary, quit_after=args.quit_after)


# --- parser ------------------------------------------------------------------------------


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

    user = sub.add_parser("user", help="users and roles").add_subparsers(dest="user_cmd",
                                                                          required=True)
    p = user.add_parser("add", parents=[common, reporting], help="add a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="officer, supervisor or admin")
    p.add_argument("--full-name")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("list", parents=[common, reporting], help="list users")
    p.set_defaults(func=cmd_user_list)

    cat = sub.add_parser("catalog", help="service catalog").add_subparsers(dest="cat_cmd",
                                                                           required=True)
    p = cat.add_parser("import", parents=[common, reporting], help="validate and load files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_catalog_import)
    p = cat.add_parser("check", parents=[reporting], help="validate files without loading")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_catalog_check)
    p = cat.add_parser("list", parents=[common, reporting], help="list services")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--all", action="store_true", help="include deactivated services")
    p.set_defaults(func=cmd_catalog_list)

    p = sub.add_parser("demo", parents=[common, reporting],
                       help="set up and open the demo office (SQLite, simulated devices)")
    p.add_argument("--no-window", action="store_true", help="prepare the demo data only")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(f"loket: {tr('cli.bad_args', reason=exc)}", file=sys.stderr)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
