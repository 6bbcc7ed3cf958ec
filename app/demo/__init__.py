"""The demo office: every catalog of the seeds, the demo stations (all simulated) and users.

``loket demo`` keeps its own SQLite file, apart from a real office's database, and can be
run again: everything here is loaded idempotently. It is loaded by the program itself, as
the system actor :data:`app.demo.data.DEMO`: the demo's catalogs, stations, users and
front-office data exist before anyone could sign in, and on a second run (its administrator
exists by then) no typed name is asked to pass for one.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

import resources
from app import users
from app.catalog.service import import_file, list_services
from app.config import demo_db_url
from app.demo.data import DEMO
from app.store import Store
from db.engine import sqlite_url
from db.models import Office, Station, User

DEMO_OFFICE = "SAMSAT-PTK1"  # the office whose stations the demo opens
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
    return demo_db_url()


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
        "office": DEMO_OFFICE,
        "stations": [s.to_json(command_url(store)) for s in stations(store)],
        "imported": imported,
        "users_created": created,
        "users": [u for u, *_ in DEMO_USERS],
        "password": DEMO_PASSWORD,
        "offices": sorted({s["office"] for s in services}),
        "services": len(services),
    }


def command_url(store: Store) -> str:
    """The database's URL as a command to type names it: a SQLite file as
    ``sqlite:///PATH``; a server's URL without its password (typed again by whoever runs
    it)."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return sqlite_url(Path(url.database))
    return store.safe_url


def program() -> str:
    """How to type this installation's ``loket``: the bare name when the shell finds this
    very program by it, else its full path (a venv not activated, whose ``bin`` is not on
    ``PATH``: the printed command would otherwise say "command not found")."""
    suffix = ".exe" if os.name == "nt" else ""
    here = Path(sys.executable).parent / f"loket{suffix}"
    found = shutil.which("loket")
    if not here.exists() or (found is not None and Path(found).resolve() == here.resolve()):
        return "loket"
    return str(here)


# the order of the demo's windows on the screen, and of its printed commands
KIND_ORDER = ("kiosk", "display", "supervisor", "counter", "survey")


@dataclass(frozen=True)
class DemoStation:
    """One station of the demo office: its kind, its role in words (the counter's name
    for a counter), the counter it serves and its station code (its simulated devices)."""

    kind: str
    role: str
    counter: str | None = None
    station: str | None = None

    def argv(self, url: str, office: str = DEMO_OFFICE) -> list[str]:
        """``loket`` (:func:`program`) and its arguments to start this station by hand on
        ``url``."""
        argv = [program(), "--db", url, "station", self.kind, "--office", office]
        if self.counter and self.kind == "counter":
            argv += ["--counter", self.counter]
        if self.station:
            argv += ["--station", self.station]
        return argv

    def command(self, url: str, office: str = DEMO_OFFICE) -> str:
        """:meth:`argv` as one line to type (an argument with a space in double quotes,
        which cmd, PowerShell and a POSIX shell all read)."""
        return " ".join(f'"{a}"' if not a or any(c.isspace() for c in a) else a
                        for a in self.argv(url, office))

    def to_json(self, url: str, office: str = DEMO_OFFICE) -> dict[str, Any]:
        return {"kind": self.kind, "role": self.role, "counter": self.counter,
                "station": self.station, "command": self.command(url, office),
                "argv": self.argv(url, office)}


def stations(store: Store, office: str = DEMO_OFFICE,
             lang: str | None = None) -> list[DemoStation]:
    """The stations of ``office`` (resources/demo/stations.yaml) in :data:`KIND_ORDER`,
    the counters in the board's order; every counter has one, a station row or not."""
    from app.labels import catalog_name, station_kind_label

    with store.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(Station).join(Office).where(
            Office.code == office).order_by(Station.code)).all()
        by_counter = {row.counter.code: row.code for row in rows
                      if row.kind.value == "counter" and row.counter is not None}
        first: dict[str, str] = {}
        for row in rows:
            first.setdefault(row.kind.value, row.code)
        office_row = uow.session.scalar(select(Office).where(Office.code == office))
        counters = [] if office_row is None else sorted(
            (c for c in office_row.counters if c.active),
            key=lambda c: (c.display_number, c.code))
        out: list[DemoStation] = []
        for kind in KIND_ORDER:
            if kind == "counter":
                out.extend(DemoStation("counter", catalog_name(c.name, lang=lang), c.code,
                                       by_counter.get(c.code)) for c in counters)
            else:
                out.append(DemoStation(kind, station_kind_label(kind, lang),
                                       station=first.get(kind)))
    return out


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
