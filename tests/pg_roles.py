"""A PostgreSQL office database set up as docs/deployment.md says: its tables owned by an
ordinary role, and ``loket db roles`` run, so that each kind of PC connects as its own
least-privileged role. Shared by the roles' own tests and the office day, which runs its
stations through those roles to prove the grants cover everything the stations write."""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.setup import db_roles
from app.store import Store

REOWN = """
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO {owner}', r.tablename);
  END LOOP;
  FOR r IN SELECT oid::regprocedure AS f FROM pg_proc
           WHERE pronamespace = 'public'::regnamespace LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO {owner}', r.f);
  END LOOP;
END $$
"""


def run_sql(url: str, *statements: str) -> None:
    """Statements sent raw, one by one, outside a transaction (no placeholders in ``%I``)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.connection.driver_connection.execute(statement.encode())
    finally:
        engine.dispose()


def database_of(url: str) -> str:
    name = make_url(url).database
    assert name
    return name


def give_to_owner(url: str) -> str:
    """The database and all its tables and functions handed to ``<name>_owner``, a role
    that cannot log in (the superuser ``url`` keeps working); the owner's name."""
    owner = f"{database_of(url)}_owner"
    run_sql(url, f"CREATE ROLE {owner} NOLOGIN",
            f"ALTER DATABASE {database_of(url)} OWNER TO {owner}",
            REOWN.replace("{owner}", owner))
    return owner


def url_as(url: str, role: str, password: str = "x") -> str:
    return make_url(url).set(username=role, password=password).render_as_string(
        hide_password=False)


def station_urls(url: str) -> dict[str, str]:
    """``db roles`` run on ``url`` (owned by an ordinary role): a URL per kind of PC."""
    with Store.open(url) as store:
        report = db_roles.create_roles(store)
    made = {r.kind: r for r in report.roles}
    assert all(r.password for r in made.values())
    return {kind: url_as(url, r.name, r.password or "") for kind, r in made.items()}


def drop_roles(url: str, admin_url: str) -> None:
    """The roles of ``url``'s database dropped, its objects given back to the superuser of
    ``url`` first (a role holding a privilege or an object cannot be dropped)."""
    name = database_of(url)
    owner = f"{name}_owner"
    roles = [*db_roles.role_names(name).values(), owner]
    run_sql(url, f"REASSIGN OWNED BY {owner} TO CURRENT_USER",
            f"DROP OWNED BY {', '.join(roles)}")
    run_sql(admin_url, *(f"DROP ROLE IF EXISTS {role}" for role in roles))
