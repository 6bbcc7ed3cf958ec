"""``loket config ...``: this PC's configuration file.

- ``loket config show [--json]``: the configuration in force, where each value came from
  (``--db``, ``LOKET_DB``, ``file``, ``keyring``, ``default``), passwords as ``***``.
- ``loket config init --role ROLE --office CODE [--counter C] [--station S] [--db URL]
  [--device KIND=CONNECTION ...] [--password-stdin] [--force]``: write the file without the
  wizard (a PostgreSQL password from the URL or stdin goes to the OS key store).
- ``loket config password [--password-stdin]``: put the configured PostgreSQL login's
  password into this user's key store (Windows keeps one per user).
- ``loket setup``: the set-up wizard (``loket-station`` opens it on a PC not yet set up).
- ``loket config test [--upgrade] [--json]``: reach the database in force, its schema state
  and offices; ``--upgrade`` prepares an empty or older one.
"""

from __future__ import annotations

import argparse
import getpass
import sys

import app.setup.messages  # noqa: F401
from app.cli.common import Parents, SubParsers, emit, say
from app.cli.words import phrase, word
from app.errors import LoketError


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise LoketError("user.password_missing")
    return getpass.getpass("Kata sandi basis data / Database password: ")


def cmd_config_show(args: argparse.Namespace) -> int:
    from app.setup.effective import effective

    data = effective(args.db)
    emit(args, data, lambda: _describe(data))
    return 0


def _describe(data: dict) -> str:
    """:func:`app.setup.effective.describe` in the reader's language: the file's sections and
    keys as they are written in it (what is typed into ``loket.toml``), where each value
    came from in words."""
    sources = data["sources"]
    missing = "" if data["file_exists"] else " " + phrase("cli.out.file_missing")
    lines = [f"# {data['file']}{missing}"]
    for section in ("station", "database", "devices"):
        values = data[section]
        if not values:
            continue
        lines.append(f"[{section}]")
        for key, value in values.items():
            if value is None:
                continue
            source = sources.get(f"{section}.{key}") or sources.get(section, "")
            lines.append(f"{key} = {value}    # {word('cli.out.source', source)}")
    lines += [f"! {w}" for w in data["warnings"]]
    return "\n".join(lines)


def _devices(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        kind, sep, raw = item.partition("=")
        if not sep:
            raise LoketError("setup.bad_value", file="--device", key=item,
                             reason="KIND=CONNECTION, e.g. ticket_printer=sim://")
        out[kind.strip()] = raw.strip()
    return out


def cmd_config_init(args: argparse.Namespace) -> int:
    from app.config import config_path, shared_data_dir
    from app.setup.configfile import config_from_url, save
    from db.engine import sqlite_url

    path = config_path()
    url = args.db or sqlite_url(shared_data_dir() / "loket.sqlite3")
    cfg, url_password = config_from_url(url, role=args.role, office=args.office,
                                        counter=args.counter or "", code=args.station or "",
                                        devices=_devices(args.device or []))
    if path.exists() and not args.force:
        raise LoketError("setup.bad_value", file=str(path), key="--force",
                         reason="the file exists / berkas sudah ada")
    password = url_password
    if cfg.database.kind == "postgresql" and args.password_stdin:
        password = _password(args)
    saved = save(cfg, password, path=path)
    if saved.warning:
        say(saved.warning)
    data = {"file": str(saved.path), "password_store": saved.password_store or None,
            "database": saved.config.database.masked_url()}
    emit(args, data, lambda: f"{data['file']}: {data['database']}")
    return 0


def cmd_config_password(args: argparse.Namespace) -> int:
    from app.config import config_path
    from app.setup.configfile import load, save

    path = config_path()
    cfg = load(path)
    if cfg is None:
        raise LoketError("setup.no_config", file=str(path))
    if cfg.database.kind != "postgresql":
        raise LoketError("setup.not_postgresql", file=str(path), kind=cfg.database.kind)
    saved = save(cfg, _password(args), path=path)
    if saved.warning:
        say(saved.warning)
    data = {"file": str(path), "account": cfg.database.account,
            "password_store": saved.password_store}
    emit(args, data, lambda: f"{data['account']}: "
                              f"{word('cli.out.source', data['password_store'])}")
    return 0


def cmd_config_test(args: argparse.Namespace) -> int:
    from app.config import resolve_db_url
    from app.setup.dbcheck import check_database, prepare_database

    url = resolve_db_url(args.db)
    result = prepare_database(url) if args.upgrade else check_database(url)
    data = result.to_json()
    emit(args, data, lambda: phrase(
        "cli.out.config_test", database=data["database"],
        status=word("cli.out.db", data["status"]),
        offices=", ".join(o.code for o in result.offices) or phrase("cli.out.none")))
    return 0


def cmd_setup(args: argparse.Namespace) -> int:
    from ui.application import make_app
    from ui.setup_wizard import run_setup

    make_app()
    saved = run_setup()
    if saved is None:
        return 1
    print(saved.path)
    return 0


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket config ...`` and ``loket setup`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
    config = sub.add_parser("config", help="this PC's configuration (role, office, database)"
                            ).add_subparsers(dest="config_cmd", required=True)
    p = sub.add_parser("setup", help="the set-up wizard: this PC's role, office, database, "
                       "devices")
    p.set_defaults(func=cmd_setup)

    p = config.add_parser("show", parents=[common, reporting],
                          help="the configuration in force and where each value came from")
    p.set_defaults(func=cmd_config_show)

    p = config.add_parser("init", parents=[common, reporting],
                          help="write this PC's configuration file without the wizard")
    p.add_argument("--role", required=True, help="kiosk, counter, display, supervisor, survey")
    p.add_argument("--office", required=True, metavar="CODE")
    p.add_argument("--counter", metavar="CODE", help="the counter (counter PCs)")
    p.add_argument("--station", metavar="CODE", help="this PC's station code")
    p.add_argument("--device", action="append", metavar="KIND=CONNECTION",
                   help="e.g. ticket_printer=escpos+tcp://192.168.1.50:9100 (repeatable)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the PostgreSQL password from stdin")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_config_init)

    p = config.add_parser("password", parents=[reporting],
                          help="store the database password in this user's key store")
    p.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    p.set_defaults(func=cmd_config_password)

    p = config.add_parser("test", parents=[common, reporting],
                          help="reach the database in force: schema state and offices")
    p.add_argument("--upgrade", action="store_true",
                   help="create or migrate the schema (as 'loket db upgrade')")
    p.set_defaults(func=cmd_config_test)

