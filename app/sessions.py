"""Sign-in sessions of the command line: ``loket login`` once, then act as that person for
the rest of the working day without typing the password into every command.

Invariant: the database keeps only the SHA-256 of a session's token, so reading the table
(every station role can) gives no one a way in; the token itself lives in the signed-in
person's key store on their PC. A session acts only while it is unexpired, not ended and
its user is still active and unlocked: deactivating or locking an account ends its
sessions' power at once, and every act is still checked by :mod:`app.access` on the role.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app import audit, users
from app.access import Actor
from app.errors import LoketError
from app.i18n import register
from app.store import UnitOfWork
from db.models import Office, User, UserSession

MAX_HOURS = 12  # a working day at most, even signed in just after midnight
DEFAULT_ZONE = "Asia/Jakarta"

register({
    "session.none": (
        "siapa yang bertindak? masuk dulu: loket login NAMA (atau --as NAMA --password-stdin)",
        "who is acting? sign in first: loket login NAME (or --as NAME --password-stdin)",
    ),
    "session.expired": (
        "sesi {name} sudah berakhir ({at}); masuk lagi: loket login {name}",
        "{name}'s session ended ({at}); sign in again: loket login {name}",
    ),
    "session.unknown": (
        "sesi di PC ini tidak dikenal basis data ini; masuk lagi: loket login NAMA",
        "this PC's session is not known to this database; sign in again: loket login NAME",
    ),
    "session.other_user": (
        "PC ini masuk sebagai {session}, bukan {name}; keluar dulu (loket logout) atau "
        "tambahkan --password-stdin",
        "this PC is signed in as {session}, not {name}; sign out first (loket logout) or "
        "add --password-stdin",
    ),
    "session.inactive": (
        "akun {name} tidak lagi aktif atau terkunci; sesinya tidak berlaku",
        "the account {name} is no longer active or is locked; its session does not count",
    ),
})


@dataclass(frozen=True)
class SessionInfo:
    username: str
    full_name: str
    role: str
    office: str | None
    expires_at: datetime

    def to_json(self) -> dict[str, object]:
        return {"user": self.username, "full_name": self.full_name, "role": self.role,
                "office": self.office, "expires_at": self.expires_at.isoformat()}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _end_of_day(now: datetime, zone: str) -> datetime:
    """The next local midnight in ``zone``, at most :data:`MAX_HOURS` away."""
    local = now.astimezone(ZoneInfo(zone))
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return min(midnight.astimezone(UTC), now + timedelta(hours=MAX_HOURS))


def _zone(uow: UnitOfWork, office_id: int | None) -> str:
    if office_id is None:
        return DEFAULT_ZONE
    zone = uow.session.scalar(select(Office.zone).where(Office.id == office_id))
    return zone.tz_name if zone is not None else DEFAULT_ZONE


def sign_in(uow: UnitOfWork, username: str, password: str, *, office_code: str | None = None,
            label: str = "", now: datetime | None = None) -> tuple[str, SessionInfo]:
    """Check the password (:func:`app.users.authenticate`: counted, audited, locks after
    repeated failures) and open a session until the end of the working day: (token, info)."""
    now = now or datetime.now(UTC)
    user = users.authenticate(uow, username, password, office_code=office_code, now=now)
    row = uow.session.get(User, user.id)
    assert row is not None
    token = secrets.token_urlsafe(32)
    expires = _end_of_day(now, _zone(uow, row.office_id))
    session = UserSession(user_id=user.id, token_hash=_digest(token), created_at=now,
                          expires_at=expires, label=label[:200])
    uow.session.add(session)
    uow.session.flush()
    audit.record(uow.session, actor=user.username, user_id=user.id, action="session.opened",
                 entity="user_session", entity_id=session.id, at=now,
                 after={"expires_at": expires.isoformat(), "label": label[:200]})
    uow.commit()
    return token, SessionInfo(user.username, user.full_name, user.role, user.office, expires)


def acting(uow: UnitOfWork, token: str, *, now: datetime | None = None) -> tuple[Actor,
                                                                                  SessionInfo]:
    """Who a session's token acts for, or why it does not (expired, ended, unknown, the
    account deactivated or locked since)."""
    now = now or datetime.now(UTC)
    s = uow.session
    found = s.execute(select(UserSession, User).join(User, User.id == UserSession.user_id)
                      .where(UserSession.token_hash == _digest(token))).first()
    if found is None:
        raise LoketError("session.unknown")
    session, user = found
    if session.ended_at is not None or session.expires_at <= now:
        at = session.ended_at or session.expires_at
        raise LoketError("session.expired", name=user.username,
                         at=at.isoformat(timespec="minutes"))
    if not user.active or (user.locked_until is not None and user.locked_until > now):
        raise LoketError("session.inactive", name=user.username)
    office = s.get(Office, user.office_id) if user.office_id else None
    return Actor(user.username, user.id), SessionInfo(
        user.username, user.full_name, user.role.value, office.code if office else None,
        session.expires_at)


def sign_out(uow: UnitOfWork, token: str, *, now: datetime | None = None) -> str | None:
    """End the token's session (the user name), or None if the database does not know it."""
    now = now or datetime.now(UTC)
    s = uow.session
    session = s.scalar(select(UserSession).where(UserSession.token_hash == _digest(token)))
    if session is None:
        return None
    user = s.get(User, session.user_id)
    name = user.username if user else "?"
    if session.ended_at is None:
        session.ended_at = now
        audit.record(s, actor=name, user_id=session.user_id, action="session.ended",
                     entity="user_session", entity_id=session.id, at=now)
    uow.commit()
    return name
