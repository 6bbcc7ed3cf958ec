"""Fixtures: every database test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is the one named by ``LOKET_TEST_PG_URL`` (an admin URL), or a
throw-away cluster this session starts on loopback and stops at the end. If it cannot be
started the tests that need it error out: PostgreSQL is never skipped silently.

Each test gets its own database, copied from a template migrated once per session (a file
copy on SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL), so tests are independent
and fast.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg import sql
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.store import Store
from db import schema
from db.engine import make_engine, sqlite_url
from tests.pgserver import PostgresUnavailable, ThrowawayPostgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LOKET_LANG"] = "id"

BACKENDS = ("sqlite", "postgresql")
ACTOR = "test"
# users of every catalog database, of no office in particular (so of every office)
TEST_USERS = {"test": "officer", "petugas": "officer", "pengawas": "supervisor",
              "admin": "admin"}
TEST_PASSWORD = "rahasia-123"


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    url = os.environ.get("LOKET_TEST_PG_URL")
    if url:
        yield url
        return
    try:
        server = ThrowawayPostgres()
        server.start()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL could not be started: {exc}", pytrace=False)
    try:
        yield server.url
    finally:
        server.stop()


class PgDatabases:
    """Creates and drops databases on the test server."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")
        self.engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")

    def url_of(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def _ddl(self, statement: sql.Composable) -> None:
        # database names cannot be bound parameters: compose them as identifiers
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            raw.execute(statement)

    def create(self, name: str, template: str | None = None) -> str:
        if template:
            self._ddl(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)))
        else:
            self._ddl(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url_of(name)

    def drop(self, name: str) -> None:
        self._ddl(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_databases(pg_admin_url: str) -> Iterator[PgDatabases]:
    dbs = PgDatabases(pg_admin_url)
    yield dbs
    dbs.engine.dispose()


def _load_catalogs(url: str) -> None:
    from app import users
    from app.access import Actor
    from app.catalog.service import import_file
    from app.demo import catalog_files

    with Store.open(url) as store:
        for path in catalog_files():
            with store.uow() as uow:
                import_file(uow, path, actor=Actor(ACTOR))
        for name, role in TEST_USERS.items():  # who the tests act as (app/access.py)
            with store.uow() as uow:
                # the fixture itself seeds them (once "test" is an officer, it may not)
                users.add_user(uow, name, role, TEST_PASSWORD, actor=Actor.system(ACTOR),
                               full_name=name.title())


class Templates:
    """Per backend, a migrated database and one with every seed catalog loaded."""

    def __init__(self, tmp: Path, pg: PgDatabases | None) -> None:
        self.tmp = tmp
        self.pg = pg
        self.made: set[tuple[str, str]] = set()

    def _sqlite_template(self, kind: str) -> Path:
        path = self.tmp / f"template-{kind}.sqlite3"
        if ("sqlite", kind) not in self.made:
            url = sqlite_url(path)
            engine = make_engine(url)
            schema.upgrade(engine)
            engine.dispose()
            if kind == "catalog":
                _load_catalogs(url)
            # fold the WAL into the main file so a plain copy is complete
            engine = make_engine(url)
            raw = engine.raw_connection()  # outside any transaction
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
            engine.dispose()
            self.made.add(("sqlite", kind))
        return path

    def _pg_template(self, kind: str) -> str:
        assert self.pg is not None
        name = f"loket_template_{kind}"
        if ("postgresql", kind) not in self.made:
            self.pg.drop(name)
            url = self.pg.create(name)
            engine = make_engine(url)
            schema.upgrade(engine)
            engine.dispose()
            if kind == "catalog":
                _load_catalogs(url)
            self.made.add(("postgresql", kind))
        return name

    def new_database(self, backend: str, kind: str, tmp_path: Path) -> tuple[str, str | None]:
        """A fresh database of ``kind`` (``empty``, ``schema``, ``catalog``): (url, pg name)."""
        if backend == "sqlite":
            target = tmp_path / "loket.sqlite3"
            if kind != "empty":
                shutil.copy(self._sqlite_template(kind), target)
            return sqlite_url(target), None
        assert self.pg is not None
        name = f"t_{uuid.uuid4().hex[:16]}"
        template = self._pg_template(kind) if kind != "empty" else None
        return self.pg.create(name, template), name


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"), None)


def _database(request: pytest.FixtureRequest, kind: str, tmp_path: Path) -> Iterator[str]:
    backend = request.param
    templates: Templates = request.getfixturevalue("templates")
    if backend == "postgresql" and templates.pg is None:
        templates.pg = request.getfixturevalue("pg_databases")
    url, pg_name = templates.new_database(backend, kind, tmp_path)
    yield url
    if pg_name and templates.pg is not None:
        templates.pg.drop(pg_name)


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema at all."""
    yield from _database(request, "empty", tmp_path)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database."""
    yield from _database(request, "schema", tmp_path)


@pytest.fixture(params=BACKENDS)
def catalog_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database with the catalogs of every seed loaded."""
    yield from _database(request, "catalog", tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


@pytest.fixture
def catalog_store(catalog_db_url: str) -> Iterator[Store]:
    with Store.open(catalog_db_url) as s:
        yield s


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A LOKET_HOME of the test's own, and no LOKET_DB or LOKET_CONFIG from outside."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("LOKET_HOME", str(folder))
    monkeypatch.delenv("LOKET_DB", raising=False)
    monkeypatch.delenv("LOKET_CONFIG", raising=False)
    return folder


@pytest.fixture
def keystore(monkeypatch: pytest.MonkeyPatch):
    """Secrets kept in memory instead of the machine's key store."""
    from app.setup import secrets

    store = secrets.MemoryKeyStore()
    monkeypatch.setattr(secrets, "override", store)
    return store


@pytest.fixture(autouse=True)
def _sessions_in_memory(monkeypatch: pytest.MonkeyPatch):
    """``loket login`` keeps its session in memory, per test: never in this PC's key store
    or data folder, and never one test's session in another."""
    from app.cli import login as cli_login
    from app.setup import secrets

    monkeypatch.setattr(cli_login, "override", secrets.MemoryKeyStore())

