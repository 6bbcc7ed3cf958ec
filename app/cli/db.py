"""``loket db ...``: the database's schema (create, migrate, its state) and, on PostgreSQL,
the least-privilege roles per kind of PC."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import (
    EXIT_OK,
    Parents,
    SubParsers,
    emit,
    open_store,
)
from app.cli.words import phrase, word
from app.errors import LoketError


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with open_store(args, check_schema=False, create=True) as store:
        before = store.schema_state()
        after = store.upgrade()
        data = {"database": store.safe_url, "from": before.current, "to": after.current,
                "status": after.status}
    emit(args, data, lambda: phrase("cli.out.db_upgraded", database=data["database"],
                                    before=data["from"] or "-", after=data["to"]))
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    with open_store(args, check_schema=False) as store:
        st = store.schema_state()
        data = {"database": store.safe_url, "backend": store.backend, "current": st.current,
                "head": st.head, "status": st.status}
    emit(args, data, lambda: phrase("cli.out.db_status", database=data["database"],
                                    status=word("cli.out.db", data["status"]),
                                    current=data["current"] or "-", head=data["head"]))
    return EXIT_OK


def cmd_db_roles(args: argparse.Namespace) -> int:
    """Least-privilege roles per kind of PC (app/setup/db_roles.py); PostgreSQL only."""
    from app.config import resolve_db_url
    from app.setup import db_roles

    if resolve_db_url(args.db).startswith("sqlite"):
        raise LoketError("db_roles.sqlite")  # before reading stdin or touching the file
    passwords = db_roles.parse_passwords(sys.stdin) if args.password_stdin else None
    prefix = args.prefix
    if prefix is not None:
        db_roles.role_names(prefix)  # a bad prefix: exit 2 before connecting
    with open_store(args) as store:
        report = db_roles.create_roles(store, prefix=prefix, passwords=passwords)
    emit(args, report.as_dict(), lambda: _roles_text(report))
    return EXIT_OK


def _roles_text(report: Any) -> str:
    """The roles made or brought up to date (app.setup.db_roles.RolesReport), in the
    reader's language: role and table names as PostgreSQL knows them."""
    lines = [phrase("cli.out.roles_head", database=report.database, owner=report.owner)]
    for r in report.roles:
        state = phrase("cli.out.role_created" if r.created else "cli.out.role_exists")
        if r.password:
            password = phrase("cli.out.role_password_shown", password=r.password)
        else:
            password = phrase("cli.out.role_password_set" if r.password_set
                              else "cli.out.role_password_kept")
        if r.kind == "admin":
            grants = phrase("cli.out.role_admin", owner=report.owner)
        elif r.tables_written:
            grants = phrase("cli.out.role_writes", read=r.tables_read,
                            count=len(r.tables_written), tables=", ".join(r.tables_written))
        else:
            grants = phrase("cli.out.role_reads", read=r.tables_read)
        lines.append(f"{r.name}: {state}, {password}; {grants}")
    return "\n".join(lines)


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket db ...`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
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
