"""Users: validation before writing, argon2 hashes, lock-out after failed log-ins, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.errors import LoketError
from app.office_settings import LOCK_AFTER_MINUTES
from app.store import Store
from db.models import AuditEntry, User


def _add(store: Store, name: str = "petugas1", role: str = "officer", pw: str = "rahasia-123",
         **kw) -> users.UserInfo:
    with store.uow() as uow:
        return users.add_user(uow, name, role, pw, actor=Actor("admin"), **kw)


def test_add_user_hashes_with_argon2_and_audits(store: Store) -> None:
    info = _add(store, full_name="Siti")
    assert info.role == "officer"
    with store.uow(read_only=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == "petugas1"))
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.add"))
    assert user.password_hash.startswith("$argon2id$")
    assert "rahasia-123" not in user.password_hash
    assert entry.actor == "admin"
    assert entry.entity_id == str(user.id)
    assert entry.after == {"username": "petugas1", "role": "officer", "office": None}


@pytest.mark.parametrize(
    ("name", "role", "pw", "key"),
    [
        ("petugas1", "kasir", "rahasia-123", "user.bad_role"),
        ("Bad Name", "officer", "rahasia-123", "user.bad_name"),
        ("ab", "officer", "rahasia-123", "user.bad_name"),
        ("petugas1", "officer", "pendek", "user.password_short"),
    ],
)
def test_bad_input_changes_nothing(store: Store, name, role, pw, key) -> None:
    with pytest.raises(LoketError) as info:
        _add(store, name, role, pw)
    assert info.value.key == key
    with store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(User.id)) is None
        assert uow.session.scalar(select(AuditEntry.id)) is None


def test_duplicate_and_unknown_office(store: Store) -> None:
    _add(store)
    with pytest.raises(LoketError, match="already exists"):
        _add(store)
    with pytest.raises(LoketError) as info:
        _add(store, "petugas2", office_code="NOWHERE")
    assert info.value.key == "office.unknown"


def test_list_users_sorted(store: Store) -> None:
    _add(store, "ani", "supervisor")  # a fresh database: anyone sets it up until its
    _add(store, "zaki", "admin")  # first admin (app.access.BOOTSTRAP)
    with store.uow(read_only=True) as uow:
        rows = users.list_users(uow)
    assert [(u.username, u.role) for u in rows] == [("ani", "supervisor"), ("zaki", "admin")]


def test_lock_after_repeated_failures(store: Store) -> None:
    _add(store)
    now = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    for _ in range(users.MAX_FAILED_LOGINS):
        with store.uow() as uow, pytest.raises(LoketError) as info:
            users.authenticate(uow, "petugas1", "salah-sandi", now=now)
        assert info.value.key == "user.bad_login"
    with store.uow() as uow, pytest.raises(LoketError) as info:
        users.authenticate(uow, "petugas1", "rahasia-123", now=now + timedelta(minutes=1))
    assert info.value.key == "user.locked"
    later = now + timedelta(minutes=users.LOCK_MINUTES + 1)
    with store.uow() as uow:
        info_ok = users.authenticate(uow, "petugas1", "rahasia-123", now=later)
    assert info_ok.username == "petugas1"
    with store.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["user.add", *["user.login_failed"] * 4, "user.locked",
                       "user.login_failed", "user.login_failed", "user.login"]


def _failures(store: Store) -> list[tuple[str, str, dict]]:
    with store.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "user.login_failed").order_by(AuditEntry.id)).all()
    return [(row.actor, row.entity_id, row.after) for row in rows]


def test_every_refused_login_is_audited_with_its_reason(store: Store) -> None:
    """Unknown name, wrong password, disabled, locked: refused, and each one in the audit log
    although the log-in's own transaction is refused (the actor is the name tried)."""
    info = _add(store)
    now = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    attempts = [("hantu", "rahasia-123", "user.bad_login"),
                ("petugas1", "salah-sandi", "user.bad_login"),
                ("bad\x00name", "x", "user.bad_login")]
    for name, password, key in attempts:
        with store.uow() as uow, pytest.raises(LoketError) as error:
            users.authenticate(uow, name, password, now=now)
        assert error.value.key == key
    with store.uow() as uow:
        uow.session.scalar(select(User).where(User.username == "petugas1")).active = False
        uow.commit()
    with store.uow() as uow, pytest.raises(LoketError) as error:
        users.authenticate(uow, "petugas1", "rahasia-123", now=now)
    assert error.value.key == "user.inactive"
    with store.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == "petugas1"))
        user.active, user.locked_until = True, now + timedelta(minutes=5)
        uow.commit()
    with store.uow() as uow, pytest.raises(LoketError) as error:
        users.authenticate(uow, "petugas1", "rahasia-123", now=now)
    assert error.value.key == "user.locked"
    uid = str(info.id)
    assert _failures(store) == [
        ("hantu", "", {"username": "hantu", "reason": "unknown"}),
        ("petugas1", uid, {"username": "petugas1", "reason": "password"}),
        ("bad?name", "", {"username": "bad?name", "reason": "unknown"}),
        ("petugas1", uid, {"username": "petugas1", "reason": "inactive"}),
        ("petugas1", uid, {"username": "petugas1", "reason": "locked"}),
    ]
    with store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(User.failed_logins).where(
            User.username == "petugas1")) == 1  # the count survived its refusal


def test_station_access_reads_the_office_setting(catalog_store: Store) -> None:
    from db.models import Office

    with catalog_store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == "SAMSAT-PTK1"))
        office.settings = dict(office.settings) | {"lock_after_minutes": 5}
        uow.commit()
    with catalog_store.uow(read_only=True) as uow:
        access = users.station_access(uow, "SAMSAT-PTK1")
        other = users.station_access(uow, "BPPD-MALANG")
        with pytest.raises(LoketError) as error:
            users.station_access(uow, "NOWHERE")
    assert access.lock_after_minutes == 5 and "Pontianak" in access.office_name
    assert other.lock_after_minutes == LOCK_AFTER_MINUTES
    assert error.value.key == "office.unknown"


def test_a_station_refuses_another_office_and_a_role(catalog_store: Store) -> None:
    from db.enums import Role

    _add(catalog_store, "petugas1", office_code="SAMSAT-PTK1")
    _add(catalog_store, "kepala.malang", "supervisor", office_code="BPPD-MALANG")
    for name, key, reason in [("petugas1", "user.role_refused", "role"),
                              ("kepala.malang", "user.wrong_office", "office")]:
        with catalog_store.uow() as uow, pytest.raises(LoketError) as error:
            users.authenticate(uow, name, "rahasia-123", office_code="SAMSAT-PTK1",
                               roles={Role.SUPERVISOR, Role.ADMIN})
        assert error.value.key == key
        assert _failures(catalog_store)[-1][2] == {"username": name, "reason": reason}
    assert "BPPD" in error.value.message() or "Malang" in error.value.message()
