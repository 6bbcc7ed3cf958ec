"""Small helpers shared by tests."""

from __future__ import annotations

import json

from sqlalchemy import func, inspect, select, table

from db.engine import make_engine


def snapshot(url: str) -> dict[str, int | str | None]:
    """Row counts of every table (and the schema revision): to prove nothing changed."""
    engine = make_engine(url)
    try:
        names = inspect(engine).get_table_names()
        out: dict[str, int | str | None] = {}
        with engine.connect() as conn:
            for name in sorted(names):
                out[name] = conn.scalar(select(func.count()).select_from(table(name)))
            if "alembic_version" in names:
                out["revision"] = conn.exec_driver_sql(
                    "SELECT version_num FROM alembic_version").scalar()
        return out
    finally:
        engine.dispose()


def run_json(capsys, url: str, *argv: str) -> tuple[int, object, str]:
    """``loket --db URL ARGV --json``: exit status, the JSON document, stderr."""
    from app.cli import main

    code = main(["--db", url, *argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err
