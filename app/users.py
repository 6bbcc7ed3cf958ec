"""Users and roles: argon2 password hashes, a lock after repeated failed log-ins, every
refused log-in in the audit log, and how long a station stays unlocked without activity."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app import access, audit
from app.access import Act, Actor
from app.errors import LoketError
from app.office_settings import settings_of
from app.store import UnitOfWork
from db.enums import Role
from db.models import Office, User

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
MIN_PASSWORD = 8
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

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
    actor: Actor,
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
    who = access.require(s, actor, Act.USERS, office_id=office_id)
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
        actor=who.name,
        user_id=who.user_id,
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


def _refuse(uow: UnitOfWork, username: str, reason: str, *, user: User | None,
            office_id: int | None, error: LoketError) -> LoketError:
    """Audit a refused log-in (``user.login_failed``, the actor is the name tried) and
    commit it with the failure count, so the refusal itself is never rolled back."""
    tried = _CONTROL.sub("?", username)[:64] or "?"
    audit.record(uow.session, actor=tried, action="user.login_failed", entity="user",
                 entity_id=user.id if user else "", after={"username": tried, "reason": reason},
                 office_id=office_id)
    uow.commit()
    return error


def countersign(uow: UnitOfWork, username: str, password: str, act: Act, *,
                office_code: str | None, now: datetime | None = None) -> Actor:
    """A supervisor signs for ``act`` at an officer's station: who they are (the password,
    a failure audited as any log-in) and that their role allows the act at this office
    (:func:`app.access.require`: so an officer's password signs for nothing). The person
    the act is then done as."""
    now = now or datetime.now(UTC)
    signed = authenticate(uow, username, password, now=now)
    office_id = uow.session.scalar(select(Office.id).where(Office.code == office_code)) \
        if office_code else None
    return access.require(uow.session, Actor(signed.username, signed.id), act,
                          office_id=office_id, now=now).actor


def authenticate(
    uow: UnitOfWork, username: str, password: str, *, now: datetime | None = None,
    office_code: str | None = None, roles: Collection[Role] | None = None,
) -> UserInfo:
    """Check a log-in. Failures are counted; the fifth in a row locks the account a while.

    Every refusal is audited as ``user.login_failed`` with its reason (unknown, password,
    locked, inactive, and for a station that names them: office, role) and committed, so
    the count and the trace survive the refusal. ``office_code``: the user must belong to
    that office (or to none); ``roles``: the roles the station admits.
    """
    now = now or datetime.now(UTC)
    s = uow.session
    office_id = s.scalar(select(Office.id).where(Office.code == office_code)) \
        if office_code else None
    user = None if _CONTROL.search(username) else \
        s.scalar(select(User).where(User.username == username))  # a NUL breaks PostgreSQL
    if user is None:
        raise _refuse(uow, username, "unknown", user=None, office_id=office_id,
                      error=LoketError("user.bad_login"))
    if not user.active:
        raise _refuse(uow, username, "inactive", user=user, office_id=office_id,
                      error=LoketError("user.inactive", name=username))
    if user.locked_until and user.locked_until > now:
        raise _refuse(uow, username, "locked", user=user, office_id=office_id, error=LoketError(
            "user.locked", name=username, until=user.locked_until.isoformat()))
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            audit.record(s, actor=username, action="user.locked", entity="user",
                         entity_id=user.id, after={"until": user.locked_until.isoformat()})
        raise _refuse(uow, username, "password", user=user, office_id=office_id,
                      error=LoketError("user.bad_login")) from None
    office = s.get(Office, user.office_id) if user.office_id else None
    if office_id is not None and user.office_id not in (None, office_id):
        raise _refuse(uow, username, "office", user=user, office_id=office_id, error=LoketError(
            "user.wrong_office", name=username, office=office.name if office else ""))
    if roles is not None and user.role not in roles:
        raise _refuse(uow, username, "role", user=user, office_id=office_id, error=LoketError(
            "user.role_refused", name=username))
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        _rehash(uow, user, password)
    audit.record(s, actor=username, user_id=user.id, action="user.login", entity="user",
                 entity_id=user.id, office_id=office_id)
    info = _info(user, office.code if office else None, now)
    uow.commit()
    return info


def _rehash(uow: UnitOfWork, user: User, password: str) -> None:
    """Store the password hashed with today's argon2 parameters, where this connection may.

    A station PC's database role may not write ``users.password_hash`` (it could then set
    anyone's password: ``loket db roles``), so there the update is tried in a savepoint and
    given up when refused; the older hash still verifies, and the next log-in at a PC that
    may write it (the supervisor's or the command line as admin) upgrades it.
    """
    from sqlalchemy.exc import DBAPIError

    try:
        with uow.session.begin_nested():
            user.password_hash = _hasher.hash(password)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a refused privilege


@dataclass(frozen=True)
class StationAccess:
    """What a station with a signed-in person needs of its office before anyone signs in."""

    office_name: str
    lock_after_minutes: int  # 0: never lock


def station_access(uow: UnitOfWork, office_code: str) -> StationAccess:
    office = uow.session.scalar(select(Office).where(Office.code == office_code))
    if office is None:
        raise LoketError("office.unknown", code=office_code)
    return StationAccess(office.name, settings_of(office).lock_after_minutes)
