"""``loket catalog ...``: check, import and list the service catalogs and station lists."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import (
    EXIT_OK,
    Parents,
    SubParsers,
    emit,
    open_store,
)
from app.cli.login import actor, bootstrap
from app.cli.words import phrase
from app.errors import LoketError
from app.i18n import tr


def cmd_catalog_import(args: argparse.Namespace) -> int:
    """Every file validated, together and against the database, before anything is written;
    then all of them in one transaction: all or nothing."""
    from app.catalog.service import import_files
    from app.catalog.spec import read_files

    specs = read_files([Path(p) for p in args.files])  # no database needed to refuse these
    with open_store(args) as store:
        who = actor(args, anonymous=bootstrap(store))
        with store.uow() as uow:
            results = import_files(uow, specs, actor=who)
    data = [r.to_json() for r in results]
    emit(args, data, lambda: "\n".join(
        phrase("cli.out.imported", file=r.file, office=r.office, created=r.created,
               updated=r.updated, deactivated=r.deactivated) for r in results))
    return EXIT_OK


def _known_offices(args: argparse.Namespace) -> dict[str, set[str]]:
    """The offices (and their counters) of the database an import would load into, for
    ``catalog check``; none if there is no such database yet or it cannot be read."""
    from app.catalog.service import known_offices
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
    from app.catalog.service import list_services

    with open_store(args) as store, store.uow(read_only=True) as uow:
        rows = list_services(uow, args.office, include_inactive=args.all)

    def human() -> str:
        from app.labels import catalog_name

        lines = []
        for r in rows:  # a service by its name: the name says which one (no code column)
            time = r["time_standard"]["text"] if r["time_standard"] else tr("time.none")
            lines.append(f"{r['office']:<18} {r['prefix']:<3} "
                         f"{catalog_name(r['name'], r.get('name_en')):<48} {time:<16} "
                         f"({' > '.join(r['stage_names'])})")
        return "\n".join(lines)

    emit(args, rows, human)
    return EXIT_OK


def register(sub: SubParsers, parents: Parents) -> None:
    """Add ``loket catalog ...`` to the ``loket`` parser."""
    common, reporting = parents.common, parents.reporting
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
