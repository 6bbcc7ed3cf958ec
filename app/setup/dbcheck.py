"""Testing a database before a PC is set up to use it: can it be reached, is its schema
this program's, which offices, counters and stations does it hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.errors import LoketError
from app.store import Store
from db.engine import BadDatabaseURL, parse_url
from db.schema import head_revision


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    counters: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    stations: list[tuple[str, str, str, str]] = field(default_factory=list)
    # (code, kind, name, counter code)


@dataclass(frozen=True)
class DatabaseCheck:
    database: str  # the URL without its password
    backend: str
    status: str  # empty, current, outdated, newer
    current: str | None
    head: str
    offices: list[OfficeInfo] = field(default_factory=list)
    exists: bool = True  # False: a SQLite file not created yet

    @property
    def usable(self) -> bool:
        return self.status == "current"

    @property
    def can_upgrade(self) -> bool:
        return self.status in ("empty", "outdated")

    def office(self, code: str) -> OfficeInfo | None:
        return next((o for o in self.offices if o.code == code), None)

    def to_json(self) -> dict[str, object]:
        return {"database": self.database, "backend": self.backend, "status": self.status,
                "current": self.current, "head": self.head, "exists": self.exists,
                "offices": [{"code": o.code, "name": o.name, "counters": o.counters,
                             "stations": o.stations} for o in self.offices]}


def check_database(url: str) -> DatabaseCheck:
    """Connect and read the schema state (and, when it is current, the offices).
    ``LoketError`` (``db.bad_url``, ``db.unreachable``) when it cannot be used at all."""
    missing = _missing_sqlite_file(url)
    if missing is not None:  # not created by a mere test: "Prepare" creates it
        return DatabaseCheck(database=missing, backend="sqlite", status="empty", current=None,
                             head=head_revision(), exists=False)
    with Store.open(url, check_schema=False) as store:
        state = store.schema_state()
        offices = _offices(store) if state.status == "current" else []
        return DatabaseCheck(database=store.safe_url, backend=store.backend,
                             status=state.status, current=state.current, head=state.head,
                             offices=offices)


def prepare_database(url: str) -> DatabaseCheck:
    """``loket db upgrade`` on an empty or older database, then check it again."""
    if _missing_sqlite_file(url) is not None:
        path = Path(parse_url(url).database or "")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LoketError("db.unreachable", url=str(path),
                             reason=exc.strerror or exc) from None
    with Store.open(url, check_schema=False) as store:
        state = store.schema_state()
        if state.status == "newer":
            raise LoketError("setup.schema_newer", current=state.current)
        store.upgrade()
    return check_database(url)


def _missing_sqlite_file(url: str) -> str | None:
    """The path of a SQLite URL whose file does not exist yet, else None."""
    try:
        parsed = parse_url(url)
    except BadDatabaseURL:
        return None  # Store.open says why
    if parsed.get_backend_name() != "sqlite":
        return None
    path = Path(parsed.database or "")
    return None if path.exists() else str(path)


def _offices(store: Store) -> list[OfficeInfo]:
    from db.models import Counter, Office, Station

    with store.uow(read_only=True) as uow:
        s = uow.session
        out = []
        for office in s.scalars(select(Office).order_by(Office.code)):
            counters = [(c.code, c.name) for c in s.scalars(
                select(Counter).where(Counter.office_id == office.id).order_by(Counter.code))]
            stations = [(st.code, str(getattr(st.kind, "value", st.kind)), st.name,
                         st.counter.code if st.counter else "")
                        for st in s.scalars(select(Station).where(
                            Station.office_id == office.id).order_by(Station.code))]
            out.append(OfficeInfo(office.code, office.name, counters, stations))
        return out
