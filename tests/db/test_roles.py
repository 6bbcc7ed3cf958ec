"""``loket db roles`` on a real PostgreSQL: each kind of PC can do its work and no more, and
the audit log is append-only for every role but the owner."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from psycopg import errors as pg_errors
from psycopg import sql
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app import audit
from app.cli import main
from app.queue import engine as q_
from app.setup import db_roles
from app.store import Store
from db.engine import sqlite_url
from db.models import Base
from tests import pg_roles
from tests.conftest import PgDatabases, Templates
from tests.helpers import queue_only
from tests.pg_roles import give_to_owner

OFFICE = "SAMSAT-PTK1"
STNK = "STNK-PERPANJANGAN"
MONDAY_9 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
class Office:
    """A catalog database owned, as docs/deployment.md says, by an ordinary role."""

    def __init__(self, pg: PgDatabases, templates: Templates, tmp_path: Path) -> None:
        templates.pg = templates.pg or pg
        self.pg = pg
        self.url, name = templates.new_database("postgresql", "catalog", tmp_path)
        assert name is not None
        self.name = name
        self.owner = f"{name}_owner"
        with Store.open(self.url) as store:
            queue_only(store)  # as the superuser: the engine tests' office
        assert give_to_owner(self.url) == self.owner

    def run_sql(self, *statements: str) -> None:
        pg_roles.run_sql(self.url, *statements)

    def url_as(self, role: str, password: str = "x") -> str:
        return pg_roles.url_as(self.url, role, password)

    def drop(self) -> None:
        self.pg.drop(self.name)
        for role in [*db_roles.role_names(self.name).values(), self.owner]:
            self.pg._ddl(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


@pytest.fixture
def office(pg_databases: PgDatabases, templates: Templates, tmp_path: Path) -> Iterator[Office]:
    made = Office(pg_databases, templates, tmp_path)
    yield made
    made.drop()


def run_roles(office: Office, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    code = main(["--db", office.url, "db", "roles", "--json", *extra])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return {r["kind"]: r for r in json.loads(out)["roles"]}


@pytest.fixture
def roles(office: Office, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """The four roles made; their URLs by kind."""
    made = run_roles(office, capsys)
    assert {r["role"] for r in made.values()} == {f"{office.name}_{k}" for k in db_roles.KINDS}
    assert all(r["created"] and len(r["password"]) >= 20 for r in made.values())
    return {kind: office.url_as(r["role"], r["password"]) for kind, r in made.items()}


def refused(url: str, statement: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
        return False
    except DBAPIError as exc:
        return isinstance(exc.orig, pg_errors.InsufficientPrivilege)
    finally:
        engine.dispose()


def test_the_display_reads_and_listens_but_cannot_write(roles: dict[str, str]) -> None:
    engine = create_engine(roles["display"])
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM services")) > 0
            conn.exec_driver_sql("LISTEN loket_events")
    finally:
        engine.dispose()
    assert refused(roles["display"], "UPDATE visits SET outcome = 'x'")
    assert refused(roles["display"], "INSERT INTO events (office_id, kind, payload, at) "
                                     "SELECT id, 'x', '{}', now() FROM offices LIMIT 1")
    assert refused(roles["display"], "DELETE FROM counters")


def test_the_kiosk_issues_tickets_but_cannot_close_the_day(roles: dict[str, str]) -> None:
    with Store.open(roles["kiosk"]) as store:
        with store.uow() as uow:
            ticket = q_.issue_ticket(uow, STNK, office_code=OFFICE, now=MONDAY_9)
        assert ticket.ticket.endswith("001")
        with pytest.raises(DBAPIError) as caught, store.uow() as uow:
            q_.close_day(uow, office_code=OFFICE, now=MONDAY_9)
        assert isinstance(caught.value.orig, pg_errors.InsufficientPrivilege)
        with store.uow(read_only=True) as uow:
            assert q_.status(uow, office_code=OFFICE)  # still open: nothing written


def test_the_station_works_the_counter_and_only_appends_to_the_audit(
        roles: dict[str, str], office: Office) -> None:
    with Store.open(roles["kiosk"]) as kiosk, kiosk.uow() as uow:
        ticket = q_.issue_ticket(uow, STNK, office_code=OFFICE, now=MONDAY_9)
    officer = q_.Actor("petugas")
    with Store.open(roles["station"]) as store:
        for step in (q_.call_next, q_.start, q_.finish):
            with store.uow() as uow:
                done = step(uow, "CF", office_code=OFFICE, actor=officer, now=MONDAY_9)
        assert done.next_stage == "loket-1"
        with store.uow() as uow:
            audit.record(uow.session, actor="petugas", action="test.note", entity="visit",
                         entity_id=ticket.id)
            uow.commit()
    assert refused(roles["station"], "UPDATE audit_log SET actor = 'someone else'")
    assert refused(roles["station"], "DELETE FROM audit_log")
    # given the privileges by hand, the trigger still refuses: only the owner rewrites
    office.run_sql(f"GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO {office.name}_station")
    assert refused(roles["station"], "UPDATE audit_log SET actor = 'someone else'")
    assert refused(roles["station"], "DELETE FROM audit_log")
    assert refused(roles["station"], "TRUNCATE audit_log")
    assert refused(roles["station"], "DROP TABLE audit_log")


def test_the_admin_acts_as_the_owner(roles: dict[str, str], office: Office) -> None:
    with Store.open(roles["admin"]) as store:
        assert store.schema_state().status == "current"
        with store.engine.connect() as conn:
            assert conn.scalar(text("SELECT current_user")) == office.owner
            conn.exec_driver_sql("UPDATE audit_log SET actor = actor")  # the owner may
            conn.exec_driver_sql("CREATE TABLE t_admin_made (id int)")
            owner = conn.scalar(text("SELECT tableowner FROM pg_tables "
                                     "WHERE tablename = 't_admin_made'"))
        assert owner == office.owner


def test_a_second_run_changes_nothing_and_keeps_the_passwords(
        roles: dict[str, str], office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    again = run_roles(office, capsys)
    assert [(r["created"], r["password"], r["password_set"]) for r in again.values()] == [
        (False, None, False)] * 4
    assert refused(roles["display"], "UPDATE visits SET outcome = 'x'")
    with Store.open(roles["kiosk"]) as store, store.uow() as uow:
        assert q_.issue_ticket(uow, STNK, office_code=OFFICE, now=MONDAY_9).ticket


def test_passwords_from_stdin(office: Office, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a1\nb2\nc3\n"))
    assert main(["--db", office.url, "db", "roles", "--password-stdin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "4" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("a1\nb2\nc3\nd4\n"))
    made = run_roles(office, capsys, "--password-stdin", "--prefix", office.name)
    assert all(r["password"] is None and r["password_set"] for r in made.values())


def test_the_human_report_names_every_role(office: Office,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", office.url, "db", "roles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(f"dimiliki {office.owner}; audit_log hanya bisa ditambah")
    assert [line.split(":")[0] for line in lines[1:]] == [
        f"{office.name}_{k}" for k in db_roles.KINDS]
    assert "tidak menulis apa pun" in lines[1] and "ditampilkan sekali" in lines[1]


def test_tables_owned_by_a_superuser_are_refused(
        pg_databases: PgDatabases, templates: Templates, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    templates.pg = templates.pg or pg_databases
    url, name = templates.new_database("postgresql", "schema", tmp_path)
    try:
        assert main(["--db", url, "db", "roles"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "superuser" in err
        engine = create_engine(url)
        with engine.connect() as conn:
            assert not conn.scalar(text(
                "SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{name}_%"})
        engine.dispose()
    finally:
        pg_databases.drop(name)


def test_sqlite_is_refused_in_one_line(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "loket.sqlite3"
    assert main(["--db", sqlite_url(db), "db", "roles"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "PostgreSQL" in err
    assert not db.exists()


def test_every_granted_table_exists() -> None:
    for writes in db_roles.WRITES.values():
        assert set(writes) <= set(Base.metadata.tables)
    assert "UPDATE" not in db_roles.STATION_WRITES["audit_log"]
    assert "DELETE" not in db_roles.STATION_WRITES["audit_log"]


@pytest.mark.parametrize(("database", "prefix"), [
    ("loket", "loket"), ("Loket-Batu", "loket_batu"), ("2026", "_2026")])
def test_default_prefix(database: str, prefix: str) -> None:
    assert db_roles.default_prefix(database) == prefix
    assert db_roles.role_names(prefix)["display"] == f"{prefix}_display"
