"""Issue 15, part 5: on the command line every act is by a verified person allowed to do it.

A name is taken only with its password (``--as NAME --password-stdin``) or a ``loket login``
session; the services refuse an act above the person's role (exit 2, nothing changed, the
refusal audited); kiosk ticket issue and read-only commands need no one.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.cli import login as cli_login
from app.cli import main
from app.setup import secrets
from app.store import Store
from db.models import AuditEntry, User, UserSession
from tests.helpers import login, snapshot

OFFICE = ["--office", "SAMSAT-PTK1"]
PASSWORD = "rahasia-123"


def run(capsys, url: str, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(["--db", url, *argv])
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def audit_rows(url: str, action: str) -> list[AuditEntry]:
    with Store.open(url) as store, store.uow(read_only=True) as uow:
        return list(uow.session.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                        .order_by(AuditEntry.id)))


@pytest.fixture
def nobody(url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The office database with no one signed in on this PC."""
    monkeypatch.setattr(cli_login, "override", secrets.MemoryKeyStore())
    return url


def changed_tables(before: dict, after: dict) -> dict:
    return {k: (before.get(k), after.get(k)) for k in after if before.get(k) != after.get(k)}


def test_a_write_with_nobody_signed_in_is_refused_and_changes_nothing(capsys, nobody) -> None:
    before = snapshot(nobody)
    code, out, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "loket login" in err
    assert snapshot(nobody) == before


def test_kiosk_issue_and_reading_need_no_one(capsys, nobody) -> None:
    assert run(capsys, nobody, "ticket", "issue", "STNK-PERPANJANGAN", *OFFICE)[0] == 0
    code, out, _ = run(capsys, nobody, "queue", "status", *OFFICE, "--json")
    assert code == 0 and json.loads(out)["office"] == "SAMSAT-PTK1"


def test_as_a_name_needs_its_password(capsys, nobody) -> None:
    run(capsys, nobody, "ticket", "issue", "STNK-PERPANJANGAN", *OFFICE)
    before = snapshot(nobody)
    # a name alone is not enough, even a real one
    code, _, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE,
                       "--as", "petugas")
    assert code == 2 and "loket login" in err and snapshot(nobody) == before
    # a name that is no user, with any password: refused, and the attempt audited
    code, _, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE,
                       "--as", "ghost user", "--password-stdin", stdin="x\n")
    assert code == 2 and err.count("\n") == 1
    assert changed_tables(before, snapshot(nobody)) == {
        "audit_log": (before["audit_log"], before["audit_log"] + 1)}
    assert audit_rows(nobody, "user.login_failed")[-1].after["reason"] == "unknown"
    # the wrong password of a real user: refused
    code, _, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE,
                       "--as", "petugas", "--password-stdin", stdin="salah-sandi\n")
    assert code == 2 and audit_rows(nobody, "user.login_failed")[-1].after["reason"] == \
        "password"
    # the right one: acts, and the queue's history names the user with their id
    code, out, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE,
                         "--as", "petugas", "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert json.loads(out)["ticket"] == "A-001"
    with Store.open(nobody) as store, store.uow(read_only=True) as uow:
        called = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "visit").order_by(AuditEntry.id.desc())).first()
        petugas = uow.session.scalar(select(User.id).where(User.username == "petugas"))
    assert (called.actor, called.user_id) == ("petugas", petugas)


def test_a_locked_or_inactive_account_cannot_act(capsys, nobody) -> None:
    with Store.open(nobody) as store, store.uow() as uow:
        uow.session.execute(update(User).where(User.username == "petugas").values(
            locked_until=datetime.now(UTC) + timedelta(minutes=10)))
        uow.session.execute(update(User).where(User.username == "test").values(active=False))
        uow.commit()
    for name in ("petugas", "test"):
        before = snapshot(nobody)
        code, _, err = run(capsys, nobody, "counter", "open", "CF", *OFFICE, "--as", name,
                           "--password-stdin", stdin=PASSWORD + "\n")
        assert code == 2 and name in err
        assert set(changed_tables(before, snapshot(nobody))) == {"audit_log"}


def test_an_officer_is_refused_a_supervisors_act_and_the_refusal_is_kept(capsys,
                                                                         nobody) -> None:
    login(nobody, "pengawas")
    assert run(capsys, nobody, "counter", "open", "CF", *OFFICE)[0] == 0  # hers now
    login(nobody, "petugas")
    for argv in (["queue", "close-day", *OFFICE], ["queue", "recover", *OFFICE],
                 ["counter", "close", "CF", *OFFICE]):
        before = snapshot(nobody)
        code, out, err = run(capsys, nobody, *argv)
        assert (code, out) == (2, ""), err
        assert "petugas (petugas) tidak boleh" in err and "supervisor" in err
        assert changed_tables(before, snapshot(nobody)) == {
            "audit_log": (before["audit_log"], before["audit_log"] + 1)}
        refusal = audit_rows(nobody, "access.refused")[-1]
        assert refusal.actor == "petugas" and refusal.after["role"] == "officer"
    # the supervisor may
    login(nobody, "pengawas")
    code, out, err = run(capsys, nobody, "queue", "close-day", *OFFICE, "--json")
    assert code == 0, err
    closed = audit_rows(nobody, "day.closed")[-1]
    assert closed.actor == "pengawas" and closed.user_id is not None


def test_users_and_catalogs_are_the_administrators(capsys, nobody, tmp_path) -> None:
    import resources

    login(nobody, "pengawas")
    before = snapshot(nobody)
    code, _, err = run(capsys, nobody, "user", "add", "budi", "--role", "admin",
                       "--password-stdin", stdin="sandi-rahasia\n")
    assert code == 2 and "mengelola pengguna" in err
    catalog = str(resources.path("catalog", "samsat-kalbar-pontianak-1.yaml"))
    code, _, err = run(capsys, nobody, "catalog", "import", catalog)
    assert code == 2 and "katalog" in err
    assert changed_tables(before, snapshot(nobody)) == {
        "audit_log": (before["audit_log"], before["audit_log"] + 2)}
    # an administrator, naming themselves with their password: line 1 theirs, line 2 the new
    code, out, err = run(capsys, nobody, "user", "add", "budi", "--role", "officer", "--as",
                         "admin", "--password-stdin", "--json",
                         stdin=f"{PASSWORD}\nsandi-budi-1\n")
    assert code == 0, err
    assert json.loads(out)["username"] == "budi"
    assert audit_rows(nobody, "user.add")[-1].actor == "admin"
    code, _, err = run(capsys, nobody, "ticket", "call-next", "--counter", "CF", *OFFICE,
                       "--as", "budi", "--password-stdin", stdin="sandi-budi-1\n")
    assert code == 0, err


def test_login_session_whoami_logout(capsys, nobody) -> None:
    code, out, err = run(capsys, nobody, "login", "petugas", "--password-stdin", "--json",
                         stdin=PASSWORD + "\n")
    assert code == 0, err
    info = json.loads(out)
    assert (info["user"], info["role"]) == ("petugas", "officer")
    expires = datetime.fromisoformat(info["expires_at"])
    assert timedelta(0) < expires - datetime.now(UTC) <= timedelta(hours=12)
    # only the token's digest is in the database; the token is in the key store
    token = cli_login.override.items[next(iter(cli_login.override.items))]
    with Store.open(nobody) as store, store.uow(read_only=True) as uow:
        hashes = list(uow.session.scalars(select(UserSession.token_hash).join(
            User, User.id == UserSession.user_id).where(User.username == "petugas")))
    assert len(hashes) == 1 and token not in hashes[0] and len(hashes[0]) == 64
    code, out, _ = run(capsys, nobody, "whoami")
    assert code == 0 and "petugas" in out
    assert run(capsys, nobody, "counter", "open", "CF", *OFFICE)[0] == 0
    assert audit_rows(nobody, "counter.opened")[-1].actor == "petugas"
    # naming someone else while signed in is refused
    code, _, err = run(capsys, nobody, "counter", "close", "CF", *OFFICE, "--as", "pengawas")
    assert code == 2 and "petugas" in err
    code, out, _ = run(capsys, nobody, "logout")
    assert code == 0 and "petugas" in out
    assert audit_rows(nobody, "session.ended")[-1].actor == "petugas"
    code, _, err = run(capsys, nobody, "counter", "close", "CF", *OFFICE)
    assert code == 2 and "loket login" in err


def test_a_session_ends_with_the_day_or_the_account(capsys, nobody) -> None:
    login(nobody, "petugas")
    assert run(capsys, nobody, "counter", "open", "CF", *OFFICE)[0] == 0
    with Store.open(nobody) as store, store.uow() as uow:
        uow.session.execute(update(User).where(User.username == "petugas").values(active=False))
        uow.commit()
    code, _, err = run(capsys, nobody, "counter", "close", "CF", *OFFICE)
    assert code == 2 and "tidak lagi aktif" in err
    with Store.open(nobody) as store, store.uow() as uow:
        uow.session.execute(update(User).where(User.username == "petugas").values(active=True))
        uow.session.execute(update(UserSession).values(
            expires_at=datetime.now(UTC) - timedelta(minutes=1)))
        uow.commit()
    code, _, err = run(capsys, nobody, "counter", "close", "CF", *OFFICE)
    assert code == 2 and "sudah berakhir" in err and "loket login petugas" in err


def test_a_fresh_database_is_set_up_without_anyone(capsys, db_url, monkeypatch) -> None:
    """No administrator yet: the IT person loads the catalog and makes the first admin;
    from then on, users and catalogs take an administrator."""
    import resources

    catalog = str(resources.path("catalog", "samsat-kalbar-pontianak-1.yaml"))
    assert run(capsys, db_url, "catalog", "import", catalog)[0] == 0
    code, _, err = run(capsys, db_url, "user", "add", "kepala", "--role", "admin",
                       "--password-stdin", stdin="sandi-kepala\n")
    assert code == 0, err
    code, _, err = run(capsys, db_url, "user", "add", "budi", "--role", "officer",
                       "--password-stdin", stdin="sandi-budi-1\n")
    assert code == 2 and "loket login" in err
    code, _, err = run(capsys, db_url, "catalog", "import", catalog)
    assert code == 2 and "loket login" in err
