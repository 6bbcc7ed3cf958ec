"""Users and roles: argon2 password hashes, and a lock after repeated failed log-ins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app import audit
from app.errors import LoketError
from app.store import UnitOfWork
from db.enums import Role
from db.models import Office, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD = 8
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    office: str | None
    active: bool
    locked: bool
    created_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "office": self.office,
            "active": self.active,
            "locked": self.locked,
            "created_at": self.created_at.isoformat(),
        }


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise LoketError(
            "user.bad_role", role=value, choices=", ".join(r.value for r in Role)
        ) from None


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise LoketError("user.password_short", min=MIN_PASSWORD)


def _info(user: User, office_code: str | None, now: datetime) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role.value,
        office=office_code,
        active=user.active,
        locked=bool(user.locked_until and user.locked_until > now),
        created_at=user.created_at,
    )


def add_user(
    uow: UnitOfWork,
    username: str,
    role: str,
    password: str,
    *,
    actor: str,
    full_name: str = "",
    office_code: str | None = None,
) -> UserInfo:
    """Create a user; validates everything before writing anything."""
    if not USERNAME.match(username):
        raise LoketError("user.bad_name", name=username)
    parsed_role = parse_role(role)
    check_password(password)
    s = uow.session
    office_id = None
    if office_code:
        office_id = s.scalar(select(Office.id).where(Office.code == office_code))
        if office_id is None:
            raise LoketError("office.unknown", code=office_code)
    if s.scalar(select(User.id).where(User.username == username)) is not None:
        raise LoketError("user.exists", name=username)
    user = User(
        username=username,
        full_name=full_name,
        role=parsed_role,
        password_hash=_hasher.hash(password),
        office_id=office_id,
    )
    s.add(user)
    s.flush()
    audit.record(
        s,
        actor=actor,
        action="user.add",
        entity="user",
        entity_id=user.id,
        after={"username": username, "role": parsed_role.value, "office": office_code},
        office_id=office_id,
    )
    uow.commit()
    return _info(user, office_code, datetime.now(UTC))


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    now = datetime.now(UTC)
    rows = uow.session.execute(
        select(User, Office.code).outerjoin(Office, Office.id == User.office_id).order_by(
            User.username
        )
    ).all()
    return [_info(user, code, now) for user, code in rows]


def authenticate(
    uow: UnitOfWork, username: str, password: str, *, now: datetime | None = None
) -> UserInfo:
    """Check a log-in. Failures are counted; the fifth in a row locks the account a while.

    A failed attempt is committed too, so the count survives the refusal.
    """
    now = now or datetime.now(UTC)
    s = uow.session
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise LoketError("user.bad_login")
    if not user.active:
        raise LoketError("user.inactive", name=username)
    if user.locked_until and user.locked_until > now:
        raise LoketError("user.locked", name=username, until=user.locked_until.isoformat())
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            audit.record(s, actor=username, action="user.locked", entity="user",
                         entity_id=user.id, after={"until": user.locked_until.isoformat()})
        uow.commit()
        raise LoketError("user.bad_login") from None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.record(s, actor=username, user_id=user.id, action="user.login", entity="user",
                 entity_id=user.id)
    office = s.get(Office, user.office_id) if user.office_id else None
    info = _info(user, office.code if office else None, now)
    uow.commit()
    return info
