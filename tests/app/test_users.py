"""Users: validation before writing, argon2 hashes, lock-out after failed log-ins, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import users
from app.errors import LoketError
from app.store import Store
from db.models import AuditEntry, User


def _add(store: Store, name: str = "petugas1", role: str = "officer", pw: str = "rahasia-123",
         **kw) -> users.UserInfo:
    with store.uow() as uow:
        return users.add_user(uow, name, role, pw, actor="test", **kw)


def test_add_user_hashes_with_argon2_and_audits(store: Store) -> None:
    info = _add(store, full_name="Siti")
    assert info.role == "officer"
    with store.uow(read_only=True) as uow:
        user = uow.session.scalar(select(User).where(User.username == "petugas1"))
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.add"))
    assert user.password_hash.startswith("$argon2id$")
    assert "rahasia-123" not in user.password_hash
    assert entry.actor == "test"
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
    _add(store, "zaki", "admin")
    _add(store, "ani", "supervisor")
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
    assert actions == ["user.add", "user.locked", "user.login"]
