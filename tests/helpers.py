"""Small helpers shared by tests."""

from __future__ import annotations

import json
from collections.abc import Callable
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
    from app import sessions
    from app.cli import login as cli_login
    from app.store import Store

    with Store.open(url) as store:
        with store.uow() as uow:
            token, _info = sessions.sign_in(uow, name, password)
        cli_login.token_store().set(cli_login.account(store), token)


def user_id(store: Any, name: str) -> int:
    """The id of the user ``name`` (who must exist)."""
    from db.models import User

    with store.uow(read_only=True) as uow:
        found = uow.session.scalar(select(User.id).where(User.username == name))
    assert found is not None, name
    return found


def last_entry(store: Any, action: str | None = None) -> Any:
    """The newest audit entry (of ``action``, if given)."""
    from db.models import AuditEntry

    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if action is not None:
        query = query.where(AuditEntry.action == action)
    with store.uow(read_only=True) as uow:
        entry = uow.session.scalars(query.limit(1)).first()
    assert entry is not None, action
    return entry


def only_the_refusal_is_kept(store: Any, url: str,
                             action: Callable[[], object]) -> tuple[Any, Any]:
    """``action`` is refused (app/access.py); every table is as it was but for one new audit
    entry, ``access.refused``: (the error, that entry)."""
    import pytest

    from app.errors import LoketError

    before = snapshot(url)
    with pytest.raises(LoketError) as err:
        action()
    assert snapshot(url) == {**before, "audit_log": before["audit_log"] + 1}
    entry = last_entry(store)
    assert entry.action == "access.refused"
    return err.value, entry


def queue_only(store: Any, office: str = "SAMSAT-PTK1") -> None:
    """Declare that ``office``'s stages do no recorded work (the office's ``work_panels``
    setting, empty per stage), so a visit leaves a stage with a bare finish.

    For the tests of the queue engine itself, which move visits through the Samsat stages
    without the cek fisik, registration, payment and hand-over that the stages' rules
    (app/queue/stage_work.py, tested in tests/app/samsat and tests/app/test_stage_work.py) want.
    """
    from app.queue import config
    from db.models import Office

    with store.uow() as uow:
        row = uow.session.scalar(select(Office).where(Office.code == office))
        row.settings = {**(row.settings or {}),
                        "work_panels": {st.code: [] for st in row.stages}}
        uow.commit()
    config.forget()


def as_actor(who: Any) -> Any:
    """``who`` as the services take it (:class:`app.access.Actor`): a test's user name, or
    the Actor it already is."""
    from app.access import Actor

    return who if isinstance(who, Actor) else Actor(who)
