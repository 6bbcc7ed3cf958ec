"""Small helpers shared by tests."""

from __future__ import annotations

import json
from typing import Any

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


def login(url: str, name: str = "pengawas", password: str = "rahasia-123") -> None:
    """What ``loket login NAME`` does, silently: later commands of the test act as that user
    (the session is kept in memory per test: tests/conftest.py). Default: the catalog
    databases' supervisor."""
    from app import cli_login, sessions
    from app.store import Store

    with Store.open(url) as store:
        with store.uow() as uow:
            token, _info = sessions.sign_in(uow, name, password)
        cli_login.token_store().set(cli_login.account(store), token)


def queue_only(store: Any, office: str = "SAMSAT-PTK1") -> None:
    """Declare that ``office``'s stages do no recorded work (the office's ``work_panels``
    setting, empty per stage), so a visit leaves a stage with a bare finish.

    For the tests of the queue engine itself, which move visits through the Samsat stages
    without the cek fisik, registration, payment and hand-over that the stages' rules
    (app/stage_work.py, tested in tests/app/samsat and tests/app/test_stage_work.py) want.
    """
    from app.queue import config
    from db.models import Office

    with store.uow() as uow:
        row = uow.session.scalar(select(Office).where(Office.code == office))
        row.settings = {**(row.settings or {}),
                        "work_panels": {st.code: [] for st in row.stages}}
        uow.commit()
    config.forget()
