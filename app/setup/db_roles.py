"""Least-privilege PostgreSQL roles for an office database, one per kind of PC.

One shared role for every station would let a waiting-room TV rewrite payments and any PC
rewrite the audit log. ``loket db roles`` makes four login roles instead:

- ``<prefix>_display``: reads every table (and LISTENs, which needs no grant);
- ``<prefix>_kiosk``: reads, and writes only what issuing and printing a ticket writes;
- ``<prefix>_station``: reads, and writes what the counter, survey and supervisor stations
  write, and what officers and supervisors do from the command line at those PCs (an
  appointment's check-in, a fiscal letter's revocation, a paper survey file):
  :data:`STATION_WRITES`;
- ``<prefix>_admin``: the owner's privileges (a member of the role owning the tables, whose
  sessions act as that owner), for ``db upgrade``, catalogs, users and configuration.

Nobody but the owner gets UPDATE or DELETE on ``audit_log``; migration 0015's trigger
refuses them even to a role given more by hand. The grants are per table, from what the
services write (found by reading them and by recording the statements of the stations'
tests); a run revokes and grants again in one transaction, so it is idempotent and a later
version that needs less takes the rest away. Run it after every ``db upgrade``.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from psycopg import sql
from sqlalchemy import Connection, text

from app.errors import LoketError
from app.i18n import register
from app.store import Store

register({
    "db_roles.sqlite": (
        "peran basis data hanya ada di PostgreSQL; SQLite adalah satu berkas di satu PC",
        "database roles exist only on PostgreSQL; SQLite is one file on one PC",
    ),
    "db_roles.bad_prefix": (
        "awalan nama peran tidak sah: {prefix} (huruf kecil, angka, _; paling banyak 40)",
        "invalid role name prefix: {prefix} (lower-case letters, digits, _; at most 40)",
    ),
    "db_roles.passwords": (
        "--password-stdin butuh {count} baris (display, kiosk, station, admin), tidak kosong",
        "--password-stdin needs {count} non-empty lines (display, kiosk, station, admin)",
    ),
    "db_roles.superuser_owner": (
        "tabel dimiliki superuser {owner}; berikan ke peran pemilik biasa dulu "
        "(docs/deployment.md bagian 4)",
        "the tables belong to the superuser {owner}; give them to an ordinary owner role first "
        "(docs/deployment.md section 4)",
    ),
    "db_roles.not_allowed": (
        "{user} tidak boleh membuat peran atau memberi hak; jalankan sebagai superuser "
        "(mis. postgres)",
        "{user} may not create roles or grant privileges; run it as a superuser (e.g. postgres)",
    ),
})

KINDS = ("display", "kiosk", "station", "admin")

# What issuing a ticket (app/stations/kiosk.py, app/queue) and printing it (app/spool.py,
# app/output/tickets.py) write. Not counters, offices or visits' updates: no day close.
KIOSK_WRITES: Mapping[str, str] = {
    "visits": "INSERT",
    "visit_transitions": "INSERT",
    "stage_records": "INSERT",
    "events": "INSERT",
    "audit_log": "INSERT",
    "daily_ticket_counters": "INSERT, UPDATE",  # the day's number: an upsert
    "device_jobs": "INSERT, UPDATE",            # the print job and its lease
}

# The counter (app/queue, app/desk/visit.py, the desks of app/samsat, bapenda, fiscal,
# perforation, casework, app/document_archive.py), the survey (app/ikm/responses.py) and the
# supervisor (app/stations/supervisor.py: day close and open, recover, counters, reprints, users'
# locks; from the command line, a fiscal letter's revocation). DELETE only where a service
# deletes: a day's report summary is a cache dropped when the day changes, and the day close
# prunes the live events older than the catch-up window (app/queue/event_log.py). Fiscal imports,
# catalogs and users are the admin's. tests/db/test_roles_areas.py runs each area's
# services as these roles.
STATION_WRITES: Mapping[str, str] = {
    **KIOSK_WRITES,
    "visits": "INSERT, UPDATE",
    "stage_records": "INSERT, UPDATE",
    "counters": "UPDATE",
    "offices": "UPDATE",                        # settings: day closed, live settings
    "users": "UPDATE (failed_logins, locked_until, last_login_at)",
    "user_sessions": "INSERT, UPDATE",          # loket login / logout at a station PC
    "appointments": "INSERT, UPDATE",
    "documents": "INSERT, UPDATE",
    "number_sequences": "INSERT, UPDATE",
    "persons": "INSERT, UPDATE",
    "vehicles": "INSERT, UPDATE",
    "payments": "INSERT, UPDATE",
    "payment_lines": "INSERT",
    "vehicle_checks": "INSERT, UPDATE",
    "stnk_cases": "INSERT, UPDATE",
    "taxpayers": "INSERT, UPDATE",
    "tax_assessments": "INSERT, UPDATE",
    "fiscal_checks": "INSERT, UPDATE",
    "fiscal_letters": "INSERT, UPDATE (revoked_at, revoked_by, revoke_reason)",  # revoke
    "perforation_requests": "INSERT, UPDATE",
    "perforation_runs": "INSERT, UPDATE",
    "applications": "INSERT, UPDATE",
    "application_steps": "INSERT, UPDATE",
    "complaints": "INSERT, UPDATE",
    "complaint_cases": "INSERT, UPDATE",
    "complaint_steps": "INSERT, UPDATE",
    "survey_responses": "INSERT",
    "survey_answers": "INSERT",
    "report_days": "INSERT, UPDATE, DELETE",
    "events": "INSERT, DELETE",                 # the day close's prune of old events
}

WRITES: Mapping[str, Mapping[str, str]] = {
    "display": {}, "kiosk": KIOSK_WRITES, "station": STATION_WRITES,
}

_PREFIX = re.compile(r"[a-z_][a-z0-9_]{0,39}")


def default_prefix(database: str) -> str:
    """The database's name made a role name prefix: ``loket`` -> ``loket``."""
    name = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40] or "loket"
    return name if not name[0].isdigit() else f"_{name[:39]}"


# the database role each kind of PC (app/setup/configfile.ROLES) connects as
ROLE_OF_STATION: Mapping[str, str] = {
    "kiosk": "kiosk", "display": "display",
    "counter": "station", "survey": "station", "supervisor": "station",
}


def suggested_user(station_role: str, database: str) -> str:
    """The PostgreSQL user the set-up wizard proposes for a PC: ``loket_kiosk`` for a kiosk
    of the database ``loket`` (the names ``loket db roles`` makes by default)."""
    return f"{default_prefix(database or 'loket')}_{ROLE_OF_STATION.get(station_role, 'station')}"


def role_names(prefix: str) -> dict[str, str]:
    if not _PREFIX.fullmatch(prefix):
        raise LoketError("db_roles.bad_prefix", prefix=prefix)
    return {kind: f"{prefix}_{kind}" for kind in KINDS}


@dataclass
class RoleOutcome:
    kind: str
    name: str
    created: bool
    password: str | None = None      # shown once: a generated one
    password_set: bool = False
    tables_read: int = 0
    tables_written: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "role": self.name, "created": self.created,
                "password": self.password, "password_set": self.password_set,
                "tables_read": self.tables_read, "tables_written": self.tables_written}


@dataclass
class RolesReport:
    database: str
    owner: str
    roles: list[RoleOutcome]

    def as_dict(self) -> dict[str, object]:
        return {"database": self.database, "owner": self.owner,
                "roles": [r.as_dict() for r in self.roles]}

    def lines(self) -> list[str]:
        out = [f"{self.database}: tables owned by {self.owner}; audit_log append-only"]
        for r in self.roles:
            state = "created" if r.created else "exists"
            if r.password:
                pw = f"password {r.password} (shown once)"
            else:
                pw = "password set" if r.password_set else "password unchanged"
            if r.kind == "admin":
                grants = f"acts as {self.owner} (migrations, configuration)"
            elif r.tables_written:
                grants = (f"reads {r.tables_read} tables, writes "
                          f"{len(r.tables_written)}: {', '.join(r.tables_written)}")
            else:
                grants = f"reads {r.tables_read} tables, writes none"
            out.append(f"{r.name}: {state}, {pw}; {grants}")
        return out


def parse_passwords(lines: Iterable[str]) -> dict[str, str]:
    """Four lines, in the order of :data:`KINDS`, none empty."""
    words = [line.rstrip("\r\n") for line in lines][:len(KINDS)]
    if len(words) < len(KINDS) or not all(words):
        raise LoketError("db_roles.passwords", count=len(KINDS))
    return dict(zip(KINDS, words, strict=True))


def create_roles(store: Store, *, prefix: str | None = None,
                 passwords: Mapping[str, str] | None = None) -> RolesReport:
    """Create or bring up to date the four roles of ``store``'s database; one transaction.

    New roles get ``passwords`` or a generated one (returned, to print once); existing roles
    keep theirs unless ``passwords`` is given.
    """
    if store.backend != "postgresql":
        raise LoketError("db_roles.sqlite")
    names = role_names(prefix) if prefix else None
    with store.engine.connect() as conn:
        database = conn.execute(text("SELECT current_database()")).scalar_one()
        names = names or role_names(default_prefix(database))
        _check_allowed(conn)
        owner, owner_super = conn.execute(text(
            "SELECT r.rolname, r.rolsuper FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
            " WHERE c.oid = 'public.audit_log'::regclass")).one()
        if owner_super:
            raise LoketError("db_roles.superuser_owner", owner=owner)
        tables = list(conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).scalars())
        outcomes = [_ensure_role(conn, kind, name, (passwords or {}).get(kind))
                    for kind, name in names.items()]
        for outcome in outcomes:
            _grant(conn, outcome, database, owner, tables)
        conn.commit()
    return RolesReport(database=database, owner=owner, roles=outcomes)


def _check_allowed(conn: Connection) -> None:
    user, allowed = conn.execute(text(
        "SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles"
        " WHERE rolname = current_user")).one()
    if not allowed:
        raise LoketError("db_roles.not_allowed", user=user)


def _ddl(conn: Connection, template: str, *names: str, literal: str | None = None) -> None:
    """One statement with names (and a literal) no parameter can bind, quoted by psycopg:
    ``{}`` for each of ``names``, ``{literal}`` for ``literal``."""
    composed = sql.SQL(template).format(*map(sql.Identifier, names),
                                        literal=sql.Literal(literal))
    driver = conn.connection.driver_connection
    assert driver is not None, "a connection in use has its driver's connection"
    driver.execute(composed)  # same transaction, no placeholders


def _ensure_role(conn: Connection, kind: str, name: str, password: str | None) -> RoleOutcome:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                          {"n": name}).first() is not None
    outcome = RoleOutcome(kind=kind, name=name, created=not exists)
    if not exists:
        outcome.password = None if password else secrets.token_urlsafe(18)
        password = password or outcome.password
        _ddl(conn, "CREATE ROLE {} LOGIN", name)
    _ddl(conn, "ALTER ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
               "NOBYPASSRLS", name)
    if password:
        _ddl(conn, "ALTER ROLE {} PASSWORD {literal}", name, literal=password)
        outcome.password_set = True
    return outcome


def _grant(conn: Connection, outcome: RoleOutcome, database: str, owner: str,
           tables: list[str]) -> None:
    role = outcome.name
    _ddl(conn, "GRANT CONNECT ON DATABASE {} TO {}", database, role)
    _ddl(conn, "GRANT USAGE ON SCHEMA public TO {}", role)
    _ddl(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}", role)
    _ddl(conn, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}", role)
    if outcome.kind == "admin":
        # the owner's privileges, and its sessions act as the owner, so the tables a
        # migration creates belong to the owner like the others
        _ddl(conn, "GRANT {} TO {}", owner, role)
        _ddl(conn, "ALTER ROLE {} IN DATABASE {} SET role = {literal}", role, database,
             literal=owner)
        return
    _ddl(conn, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}", role)
    outcome.tables_read = len(tables)
    writes = WRITES[outcome.kind]
    for table in sorted(writes):
        # the privilege list is ours (a constant above), not input
        _ddl(conn, f"GRANT {writes[table]} ON {{}} TO {{}}", table, role)
        if "INSERT" in writes[table]:
            for seq in _sequences_of(conn, table):
                _ddl(conn, "GRANT USAGE ON SEQUENCE {} TO {}", seq, role)
    outcome.tables_written = sorted(writes)


def _sequences_of(conn: Connection, table: str) -> list[str]:
    """The sequences a table's columns take their ids from (serial or identity)."""
    return list(conn.execute(text(
        "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid"
        " AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
        " WHERE s.relkind = 'S' AND d.refobjid = ('public.' || quote_ident(:t))::regclass"),
        {"t": table}).scalars())
