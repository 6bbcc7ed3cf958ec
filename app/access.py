"""Who may do what: the least role of every act, declared once, asked by the services.

Invariant: a service that changes the office's state asks :func:`require` before it writes,
and the person acting is a real, active, unlocked user of that office (or of none) whose
role is at least the act's (officer < supervisor < admin). The station and the command line
are only two ways to name that person; the check is here so neither can skip it.

A refusal changes nothing, yet is itself kept: the :class:`~app.errors.LoketError` carries
an ``access.refused`` audit entry that the unit of work writes after its rollback, in its own
transaction, so a refused attempt is in the audit log with who tried what and why.

System actors (the automatic recovery, the demo's autopilot, the set-up wizard) are values
the code makes with :meth:`Actor.system`; no name typed on a command line or a log-in form
becomes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.errors import LoketError
from app.i18n import Text, register
from db.enums import Role
from db.models import AuditEntry, User


@dataclass(frozen=True)
class Actor:
    """Who does it: a label for the audit log and, when signed in, the user id.

    ``system``: an automatic actor of the program itself (see the module's docstring)."""

    name: str
    user_id: int | None = None
    is_system: bool = False

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(name, None, True)


SYSTEM = Actor.system("system")


class Act(StrEnum):
    """What a person does, at the level the office's rules speak of."""

    COUNTER_WORK = "counter_work"  # calls, a stage's work, bookings, the counter one sits at
    COUNTERS = "counters"  # open or close a counter someone else sits at
    DAY = "day"  # close the day, open it again
    RECOVER = "recover"  # take a stuck visit back or over, return silent counters' visits
    CANCEL = "cancel"  # cancel a payment, revoke a letter, deactivate an NPWPD, void a request
    OVERRIDE = "override"  # act on a visit that is not at the act's stage
    DATA = "data"  # import the tax office's lists, paper survey answers; the running text
    USERS = "users"
    CATALOG = "catalog"
    CONFIGURE = "configure"  # holidays, stations, office settings


LEAST: dict[Act, Role] = {
    Act.COUNTER_WORK: Role.OFFICER,
    Act.COUNTERS: Role.SUPERVISOR,
    Act.DAY: Role.SUPERVISOR,
    Act.RECOVER: Role.SUPERVISOR,
    Act.CANCEL: Role.SUPERVISOR,
    Act.OVERRIDE: Role.SUPERVISOR,
    Act.DATA: Role.SUPERVISOR,
    Act.USERS: Role.ADMIN,
    Act.CATALOG: Role.ADMIN,
    Act.CONFIGURE: Role.ADMIN,
}
RANK = {Role.OFFICER: 1, Role.SUPERVISOR: 2, Role.ADMIN: 3}
# Acts a fresh database allows before its first administrator exists (the IT person sets
# the office up from the command line: catalog, then the first admin).
BOOTSTRAP = frozenset({Act.USERS, Act.CATALOG, Act.CONFIGURE})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

register({
    "access.unknown": ("{name!r} bukan pengguna Loket; masuk dengan nama pengguna yang "
                       "terdaftar", "{name!r} is not a Loket user; sign in with a registered "
                       "user name"),
    "access.inactive": ("akun {name} dinonaktifkan", "the account {name} is deactivated"),
    "access.locked": ("akun {name} terkunci sampai {until}", "the account {name} is locked "
                      "until {until}"),
    "access.office": ("{name} bukan petugas kantor ini", "{name} does not work at this office"),
    "access.all_offices": (
        "{name} terikat pada satu kantor; tindakan untuk semua kantor hanya oleh pengguna "
        "yang tidak terikat pada kantor mana pun",
        "{name} belongs to one office; an act for every office is only for a user of no "
        "particular office"),
    "access.role": ("{name} ({role}) tidak boleh {act}: perlu peran {least} atau lebih tinggi",
                    "{name} ({role}) may not {act}: that needs the role {least} or higher"),
    "role.officer": ("petugas", "officer"),
    "role.supervisor": ("supervisor", "supervisor"),
    "role.admin": ("admin", "administrator"),
    "access.act.counter_work": ("bekerja di loket", "work at a counter"),
    "access.act.counters": ("membuka atau menutup loket petugas lain",
                            "open or close another officer's counter"),
    "access.act.day": ("menutup atau membuka hari layanan", "close or reopen the service day"),
    "access.act.recover": ("mengambil alih atau mengembalikan kunjungan yang tertahan",
                           "take over or take back a stuck visit"),
    "access.act.cancel": ("membatalkan pembayaran, surat, NPWPD atau permohonan",
                          "cancel a payment, a letter, an NPWPD or a request"),
    "access.act.override": ("bekerja pada kunjungan di luar tahapnya",
                            "act on a visit outside its stage"),
    "access.act.data": ("mengimpor data, mencocokkan hasil perforasi atau mengubah teks "
                        "berjalan", "import data, reconcile a perforation count or change "
                        "the running text"),
    "access.act.users": ("mengelola pengguna", "manage users"),
    "access.act.catalog": ("mengubah katalog layanan", "change the service catalog"),
    "access.act.configure": ("mengubah pengaturan kantor", "change the office's settings"),
})


@dataclass(frozen=True)
class Acting:
    """The person a service acts for, once checked: what the audit log writes."""

    name: str
    user_id: int | None
    role: Role | None  # None: a system actor, or the bootstrap of a fresh database
    is_system: bool = False

    @property
    def actor(self) -> Actor:
        """The checked person as an :class:`Actor`, with their user id, to hand on to the
        checks of the same act (a system actor stays one)."""
        return Actor(self.name, self.user_id, self.is_system)


def _user(session: Session, actor: Actor) -> User | None:
    if actor.user_id is not None:
        return session.get(User, actor.user_id)
    name = actor.name
    if not name or _CONTROL.search(name):  # a NUL breaks PostgreSQL
        return None
    return session.scalar(select(User).where(User.username == name))


def no_admin_yet(session: Session) -> bool:
    """A fresh database: no active administrator yet (see :data:`BOOTSTRAP`)."""
    return session.scalar(select(User.id).where(User.role == Role.ADMIN,
                                                User.active.is_(True)).limit(1)) is None


def require(session: Session, actor: Actor, act: Act, *, office_id: int | None,
            now: datetime | None = None, counter_officer_id: int | None = None,
            all_offices: bool = False) -> Acting:
    """The checked person for ``act`` at ``office_id``, or a refusal (kept in the audit log).

    ``actor``: the user of its ``user_id`` when it has one (that id is what is checked), else
    the user of its name.
    ``counter_officer_id``: for :attr:`Act.COUNTERS`, the officer signed in at the counter;
    an officer may open a free counter (becoming its officer) or close their own.
    ``all_offices``: the act changes every office (a day off for all): only a user of no
    particular office may, never the administrator of one office."""
    if actor.is_system:
        return Acting(actor.name, None, None, is_system=True)
    now = now or datetime.now(UTC)
    cache: dict[tuple[str, int | None, Act, int | str | None], Acting] = \
        session.info.setdefault("loket.access", {})
    key = (actor.name, actor.user_id, act, "all" if all_offices else office_id)
    if key in cache and counter_officer_id is None:
        return cache[key]
    user = _user(session, actor)
    name = actor.name
    least = LEAST[act]
    if user is None:
        if act in BOOTSTRAP and no_admin_yet(session):
            return Acting(name, None, None)
        raise refusal("unknown", name, act, office_id, None,
                      LoketError("access.unknown", name=_shown(name)))
    if not user.active:
        raise refusal("inactive", name, act, office_id, user,
                      LoketError("access.inactive", name=user.username))
    locked_until = user.locked_until
    if locked_until is not None and locked_until.tzinfo is None:
        locked_until = locked_until.replace(tzinfo=UTC)
    if locked_until is not None and locked_until > now:
        raise refusal("locked", name, act, office_id, user, LoketError(
            "access.locked", name=user.username, until=locked_until.isoformat(timespec="minutes")))
    if office_id is not None and user.office_id not in (None, office_id):
        raise refusal("office", name, act, office_id, user,
                      LoketError("access.office", name=user.username))
    if all_offices and user.office_id is not None:
        raise refusal("office", name, act, office_id, user,
                      LoketError("access.all_offices", name=user.username))
    rank = RANK[user.role]
    allowed = rank >= RANK[least] or (
        act is Act.COUNTERS and counter_officer_id in (None, user.id))
    if not allowed:
        raise refusal("role", name, act, office_id, user, LoketError(
            "access.role", name=user.username, role=Text(f"role.{user.role.value}"),
            act=Text(f"access.act.{act.value}"), least=Text(f"role.{least.value}")))
    acting = Acting(user.username, user.id, user.role)
    if counter_officer_id is None:
        cache[key] = acting
    return acting


def role_may(role: Role | str, act: Act) -> bool:
    """Whether a user of ``role`` may do ``act`` (a station asks, to offer the right way)."""
    return RANK[Role(role)] >= RANK[LEAST[act]]


def is_at_least(session: Session, actor: Actor, role: Role) -> bool:
    """Whether the actor is an active user of at least ``role`` (asks, refuses nothing)."""
    if actor.is_system:
        return True
    user = _user(session, actor)
    return user is not None and user.active and RANK[user.role] >= RANK[role]


def _shown(name: str) -> str:
    return _CONTROL.sub("?", name)[:64] or "?"


def refusal(reason: str, name: str, act: Act, office_id: int | None, user: User | None,
            error: LoketError) -> LoketError:
    """``error``, carrying the ``access.refused`` audit entry its unit of work keeps."""
    entry: dict[str, Any] = {
        "at": datetime.now(UTC), "actor": _shown(name), "action": "access.refused",
        "entity": "user", "entity_id": str(user.id) if user else "",
        "after": {"act": act.value, "reason": reason, "least": LEAST[act].value,
                  "role": user.role.value if user else None},
        "user_id": user.id if user else None, "office_id": office_id,
    }

    def keep(session: Session) -> None:
        session.execute(insert(AuditEntry).values(**entry))

    error.after_rollback = keep
    return error
