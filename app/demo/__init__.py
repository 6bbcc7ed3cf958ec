"""The demo office: every catalog of the seeds, the demo stations (all simulated) and users.

``loket demo`` keeps its own SQLite file, apart from a real office's database, and can be
run again: everything here is loaded idempotently. It is loaded by the program itself, as
the system actor :data:`app.demo.data.DEMO`: the demo's catalogs, stations, users and
front-office data exist before anyone could sign in, and on a second run (its administrator
exists by then) no typed name is asked to pass for one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

import resources
from app import users
from app.catalog.service import import_file, list_services
from app.config import data_dir
from app.demo.data import DEMO
from app.store import Store
from db.engine import sqlite_url
from db.models import Office, User

DEMO_PASSWORD = "loket-demo"
DEMO_USERS = (
    ("admin", "admin", "Administrator Demo", None),
    ("kepala", "supervisor", "Kepala UPT (demo)", "SAMSAT-PTK1"),
    ("petugas1", "officer", "Petugas Loket 1 (demo)", "SAMSAT-PTK1"),
    ("petugas2", "officer", "Petugas Loket 2 (demo)", "SAMSAT-PTK1"),
    ("petugas3", "officer", "Petugas Loket 3 (demo)", "SAMSAT-PTK1"),
    ("petugas.batu", "officer", "Petugas Bapenda Batu (demo)", "BAPENDA-BATU"),
)


def default_url() -> str:
    return sqlite_url(data_dir() / "demo.sqlite3")


def catalog_files() -> list[Any]:
    return sorted(resources.path("catalog").glob("*.yaml"))


def prepare(store: Store, *, actor: object = None) -> dict[str, Any]:
    """Migrate, load the catalogs and stations, create the demo users; returns a summary.

    ``actor``: accepted from callers that still name who asked (the command line); the
    demo's data is the program's own and is loaded as :data:`~app.demo.data.DEMO` whoever
    asks."""
    store.upgrade()
    imported: list[dict[str, Any]] = []
    for path in [*catalog_files(), resources.path("demo", "stations.yaml")]:
        with store.uow() as uow:
            imported.extend(r.to_json() for r in import_file(uow, path, actor=DEMO))
    created = []
    for username, role, full_name, office in DEMO_USERS:
        with store.uow() as uow:
            if uow.session.scalar(select(User.id).where(User.username == username)) is None:
                users.add_user(uow, username, role, DEMO_PASSWORD, actor=DEMO,
                               full_name=full_name, office_code=office)
                created.append(username)
    # the demo is open whenever someone tries it, and its kiosk gives numbers before anyone
    # signs in at a counter (the ticket says the counter is not open yet)
    with store.uow() as uow:
        for each in uow.session.scalars(select(Office)):
            each.settings = {**{k: v for k, v in each.settings.items()
                                if k not in ("hours", "closed_on")},
                             "kiosk": {"issue_when_closed": True}}
        uow.commit()
    from app.demo.data import seed

    front_office = seed(store, actor=DEMO)
    with store.uow(read_only=True) as uow:
        services = list_services(uow)
    return {
        "front_office": front_office,
        "database": store.safe_url,
        "imported": imported,
        "users_created": created,
        "users": [u for u, *_ in DEMO_USERS],
        "password": DEMO_PASSWORD,
        "offices": sorted({s["office"] for s in services}),
        "services": len(services),
    }


def describe(summary: dict[str, Any]) -> str:
    return (
        f"Demo: {summary['database']}\n"
        f"  kantor/offices: {', '.join(summary['offices'])}\n"
        f"  layanan/services: {summary['services']}\n"
        f"  pengguna/users: {', '.join(summary['users'])} "
        f"(kata sandi/password: {summary['password']})"
    )


def catalog_rows(store: Store) -> list[dict[str, Any]]:
    """Every office's services as ``loket catalog list --json`` gives them, for the demo's
    launcher window."""
    with store.uow(read_only=True) as uow:
        return list_services(uow)


def counter_codes(store: Store, office: str) -> list[str]:
    """The codes of ``office``'s counters, in the board's order: one window each."""
    from app.queue.engine import status

    with store.uow(read_only=True) as uow:
        return [c["counter"] for c in status(uow, office_code=office)["counters"]]
