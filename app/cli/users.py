"""``loket user ...``: add and list users (the first administrator of a fresh database needs
no one)."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli.common import (
    EXIT_OK,
    Parents,
    SubParsers,
    emit,
    open_store,
)
from app.cli.login import actor, bootstrap
from app.errors import LoketError


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
    emit(args, info.to_json(), lambda: f"{info.username} ({_role(info.role)})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from app import users

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = users.list_users(uow)
    emit(args, [u.to_json() for u in rows], lambda: "\n".join(
        f"{u.username:<20} {_role(u.role):<16} {u.office or '-':<16} {u.full_name}".rstrip()
        for u in rows))
    return EXIT_OK


def _role(role: str) -> str:
    from app.labels import role_label

    return role_label(role)


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket user ...`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
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
