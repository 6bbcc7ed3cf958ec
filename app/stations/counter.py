"""The counter console: what the officer's station at one loket reads and does, as plain data.

The widget (``ui/counter.py``) makes one :class:`CounterStation` for its office and counter
and asks it for the counter's set-up (:meth:`CounterStation.setup`: the counter, the transfer
targets, the work panels, the lock-screen minutes), the state it shows after every live event
(:meth:`CounterStation.state`: the current visit, the waiting and held lists, the visit's
history), and for each action of the console: sign in, open or close the counter, call next,
recall, start, no-show, hold, resume, transfer, return to the queue, finish, cancel (with a
supervisor when the STNK bill is unpaid), "berkas tidak lengkap" with its slip, a
requirement ticked, a supervisor's countersignature and the heartbeat. Each call opens its
own short unit of work and returns frozen dataclasses; a refusal is the service's
:class:`LoketError`, and a lost database is :class:`LoketError` ``db.unreachable``
(:mod:`app.stations.database`), which the console shows in its banner.

The uow-level reads only the console uses live here (:func:`waiting_list`,
:func:`held_list`, :func:`visit_history`); the counter's configuration and current visit,
which the autopilot reads too, and the writes beside the engine's stay in
:mod:`app.desk.visit`, whose names are repeated here so the console has one module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import labels, users
from app.access import Act, Actor
from app.clock import day_bounds, local, local_day, utcnow
from app.desk import requirements as checklist
from app.desk import visit as desk
from app.desk.requirements import RequirementState
from app.desk.visit import (
    CounterRef,
    CurrentVisit,
    DeskInfo,
    SlipResult,
    StageRef,
    default_slip_folder,
    save_pdf,
)
from app.errors import LoketError
from app.queue import engine as q
from app.queue.engine import CallInfo, FinishInfo, TicketInfo
from app.stations.database import unit_of_work
from app.store import Store, UnitOfWork
from app.users import UserInfo
from db.enums import VisitStatus
from db.models import Counter, Office, Stage, StageRecord, User, Visit, VisitTransition

__all__ = [
    "Act", "Actor", "CallInfo", "CounterRef", "CounterSetup", "CounterState",
    "CounterStation", "CurrentVisit", "DeskInfo", "FinishInfo", "HistoryEntry", "QueueEntry",
    "RequirementState", "SlipResult", "StageRef", "TicketInfo", "UserInfo",
    "default_slip_folder", "held_list", "save_pdf", "visit_history", "waiting_list",
]


# --- the lists --------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueEntry:
    visit_id: int
    ticket: str
    service_code: str
    service_name: str
    stage_code: str
    status: str
    priority: str | None
    issued_at: datetime
    queued_at: datetime
    targeted: bool  # sent to this counter in particular


def _entry(record: StageRecord, counter: Counter) -> QueueEntry:
    visit = record.visit
    return QueueEntry(visit.id, visit.ticket, visit.service.code, visit.service.name,
                      record.stage.code, record.status.value, visit.priority_reason,
                      visit.issued_at, record.queued_at, record.target_counter_id == counter.id)


def waiting_list(uow: UnitOfWork, counter_code: str, *, office_code: str | None = None,
                 now: datetime | None = None) -> list[QueueEntry]:
    """Today's visits waiting at this counter's stages, in the order "call next" takes them:
    sent to this counter first, then priority, then oldest."""
    now = now or utcnow()
    s = uow.session
    office = q.resolve_office(s, office_code)
    counter = q.find_counter(s, office, counter_code)
    stage_ids = [st.id for st in counter.stages]
    if not stage_ids:
        return []
    since = day_bounds(local_day(now, office.zone), office.zone)[0]
    query = select(StageRecord).where(
        StageRecord.stage_id.in_(stage_ids), StageRecord.status == VisitStatus.WAITING,
        StageRecord.queued_at >= since,
        (StageRecord.target_counter_id.is_(None))
        | (StageRecord.target_counter_id == counter.id))
    service_ids = [sv.id for sv in counter.services]
    if service_ids:
        query = query.join(Visit, Visit.id == StageRecord.visit_id).where(
            Visit.service_id.in_(service_ids))
    records = s.scalars(query).all()
    records = sorted(records, key=lambda r: (r.target_counter_id is None, not r.priority,
                                             r.sort_at, r.id))
    return [_entry(r, counter) for r in records]


def held_list(uow: UnitOfWork, counter_code: str, *,
              office_code: str | None = None) -> list[QueueEntry]:
    """The visits parked at this counter, oldest first."""
    s = uow.session
    office = q.resolve_office(s, office_code)
    counter = q.find_counter(s, office, counter_code)
    records = s.scalars(select(StageRecord).where(
        StageRecord.counter_id == counter.id, StageRecord.status == VisitStatus.HELD)
        .order_by(StageRecord.queued_at, StageRecord.id)).all()
    return [_entry(r, counter) for r in records]


# --- history ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # UTC
    local_at: datetime  # in the office's zone
    action: str
    from_status: str | None
    to_status: str | None
    stage: str | None
    counter: str | None
    user: str | None
    note: str
    data: dict[str, Any] = field(default_factory=dict)
    stage_name: str = ""  # the stage as people call it (its catalog name), never its code
    user_name: str = ""  # the officer as colleagues know them: full name, else user name


def visit_history(uow: UnitOfWork, visit_id: int) -> list[HistoryEntry]:
    """Every transition of a visit, oldest first, with stage, counter and officer."""
    s = uow.session
    visit = s.get(Visit, visit_id)
    if visit is None:
        raise LoketError("desk.unknown_visit", visit=visit_id)
    zone = s.scalars(select(Office.zone).where(Office.id == visit.office_id)).one()
    rows = s.execute(
        select(VisitTransition, Stage.code, Stage.name, Stage.name_en, Counter.code,
               User.username, User.full_name)
        .outerjoin(StageRecord, StageRecord.id == VisitTransition.stage_record_id)
        .outerjoin(Stage, Stage.id == StageRecord.stage_id)
        .outerjoin(Counter, Counter.id == VisitTransition.counter_id)
        .outerjoin(User, User.id == VisitTransition.user_id)
        .where(VisitTransition.visit_id == visit_id)
        .order_by(VisitTransition.at, VisitTransition.id)
    ).all()
    names = dict(checklist.requirements_of(visit.service))

    def data_of(t: VisitTransition) -> dict[str, Any]:
        data = dict(t.data or {})
        if t.action == "requirements":  # the requirement as people read it
            code = data.get("requirement")
            data["requirement_text"] = names.get(code, code) if isinstance(code, str) else code
        return data

    return [HistoryEntry(t.at, local(t.at, zone), t.action, t.from_status, t.to_status, stage,
                         counter, user, t.note or "", data_of(t),
                         labels.catalog_name(name, name_en) if stage else "",
                         full_name or user or "")
            for t, stage, name, name_en, counter, user, full_name in rows]


# --- the station ------------------------------------------------------------------------


@dataclass(frozen=True)
class CounterSetup:
    """What the console reads once, when it starts."""

    info: DeskInfo
    lock_after_minutes: int  # the office's lock screen; 0: never


@dataclass(frozen=True)
class CounterState:
    """What the console shows: read in one read-only unit of work."""

    current: CurrentVisit | None  # the visit called or served at this counter
    waiting: tuple[QueueEntry, ...]  # in the order "call next" takes them
    held: tuple[QueueEntry, ...]  # parked at this counter, oldest first
    history: tuple[HistoryEntry, ...]  # of ``history_visit_id``, oldest first
    history_visit_id: int | None  # the current visit, else the one shown before


class CounterStation:
    """The console of one counter, for its widget: every call is one short unit of work of
    its own and returns plain data; a lost database is ``db.unreachable``. The officer who
    acts is passed to each action (the console knows who signed in)."""

    def __init__(self, store: Store, office_code: str, counter_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.counter_code = counter_code
        self.clock = clock
        self._office: str | None = None  # the office's code as the database spells it

    # --- reading ---------------------------------------------------------------------

    def setup(self) -> CounterSetup:
        """The counter, where a visit can be transferred to, and the office's lock minutes."""
        with unit_of_work(self.store, read_only=True) as uow:
            info = desk.desk_info(uow, self.counter_code, office_code=self.office_code)
            access = users.station_access(uow, info.office_code)
        self._office = info.office_code
        return CounterSetup(info, access.lock_after_minutes)

    def state(self, history_visit_id: int | None = None) -> CounterState:
        """The current visit, the lists, and the history of the current visit (or, with
        nobody at the counter, of ``history_visit_id``: the visit shown last)."""
        now = self.clock()
        kw = {"office_code": self.office_code}
        with unit_of_work(self.store, read_only=True) as uow:
            current = desk.current_visit(uow, self.counter_code, now=now, **kw)
            waiting = waiting_list(uow, self.counter_code, now=now, **kw)
            held = held_list(uow, self.counter_code, **kw)
            if current is not None:
                history_visit_id = current.visit_id
            history = visit_history(uow, history_visit_id) if history_visit_id else []
        return CounterState(current, tuple(waiting), tuple(held), tuple(history),
                            history_visit_id)

    def cancel_needs_supervisor(self) -> bool:
        """Whether cancelling the visit here needs a supervisor (its STNK bill is unpaid)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return desk.cancel_needs_supervisor(uow, self.counter_code,
                                                office_code=self.office_code)

    # --- people ----------------------------------------------------------------------

    def sign_in(self, username: str, password: str, *, now: datetime | None = None
                ) -> UserInfo:
        """An officer of this office (or of none) signs in; a refusal is audited by the
        service and raised as :class:`LoketError`."""
        office_code = self._office_of_counter()
        with unit_of_work(self.store) as uow:
            return users.authenticate(uow, username, password, now=now,
                                      office_code=office_code)

    def countersign(self, username: str, password: str, act: Act) -> Actor:
        """A supervisor signs for ``act`` at this counter (see :func:`app.users.countersign`)."""
        with unit_of_work(self.store) as uow:
            return users.countersign(uow, username, password, act,
                                     office_code=self.office_code, now=self.clock())

    def _office_of_counter(self) -> str:
        """The office's code as the database spells it (``office_code`` may be None: the
        database's one office); read with the set-up."""
        if self._office is None:
            self.setup()
        assert self._office is not None
        return self._office

    # --- the counter -----------------------------------------------------------------

    def set_open(self, is_open: bool, actor: Actor) -> dict[str, Any]:
        """The officer opens the counter on signing in, and closes it on leaving."""
        with unit_of_work(self.store) as uow:
            return q.set_counter_open(uow, self.counter_code, is_open,
                                      office_code=self.office_code, actor=actor,
                                      now=self.clock())

    def heartbeat(self) -> None:
        """The counter is still manned (every minute while an officer is signed in)."""
        with unit_of_work(self.store) as uow:
            q.heartbeat(uow, self.counter_code, office_code=self.office_code,
                        now=self.clock())

    # --- the queue's actions ---------------------------------------------------------

    def _kw(self, actor: Actor) -> dict[str, Any]:
        return {"office_code": self.office_code, "actor": actor, "now": self.clock()}

    def call_next(self, actor: Actor) -> CallInfo | None:
        """The next visitor; None when nobody is waiting."""
        with unit_of_work(self.store) as uow:
            return q.call_next(uow, self.counter_code, **self._kw(actor))

    def recall(self, actor: Actor) -> CallInfo:
        with unit_of_work(self.store) as uow:
            return q.recall(uow, self.counter_code, **self._kw(actor))

    def start(self, actor: Actor) -> CallInfo:
        with unit_of_work(self.store) as uow:
            return q.start(uow, self.counter_code, **self._kw(actor))

    def skip(self, actor: Actor) -> CallInfo:
        """No-show: the number is closed."""
        with unit_of_work(self.store) as uow:
            return q.skip(uow, self.counter_code, **self._kw(actor))

    def hold(self, actor: Actor) -> CallInfo:
        with unit_of_work(self.store) as uow:
            return q.hold(uow, self.counter_code, **self._kw(actor))

    def resume(self, ticket: str, actor: Actor) -> CallInfo:
        """Take back a visit held at this counter."""
        with unit_of_work(self.store) as uow:
            return q.resume(uow, self.counter_code, ticket, **self._kw(actor))

    def transfer(self, actor: Actor, *, to_stage: str | None = None,
                 to_counter: str | None = None) -> TicketInfo:
        """Send the current visit to another stage's queue, or to one counter."""
        with unit_of_work(self.store) as uow:
            return q.transfer(uow, self.counter_code, to_stage=to_stage,
                              to_counter=to_counter, **self._kw(actor))

    def return_to_queue(self, actor: Actor) -> TicketInfo:
        with unit_of_work(self.store) as uow:
            return q.return_to_queue(uow, self.counter_code, **self._kw(actor))

    def finish(self, actor: Actor) -> FinishInfo:
        """"Selesai": refused while the stage's work is not recorded."""
        with unit_of_work(self.store) as uow:
            return desk.finish_done(uow, self.counter_code, **self._kw(actor))

    def cancel(self, actor: Actor) -> FinishInfo:
        """"Batalkan" of a visit that needs no supervisor: the number is closed."""
        with unit_of_work(self.store) as uow:
            return q.finish(uow, self.counter_code, outcome="cancelled", **self._kw(actor))

    def cancel_by_supervisor(self, actor: Actor, *, supervisor: tuple[str, str],
                             reason: str) -> FinishInfo:
        """"Batalkan" of a visit whose STNK bill is unpaid: a supervisor's name and
        password, and the reason (see :func:`app.desk.visit.cancel_visit`)."""
        with unit_of_work(self.store) as uow:
            return desk.cancel_visit(uow, self.counter_code, reason=reason,
                                     supervisor=supervisor, **self._kw(actor))

    def close_incomplete(self, actor: Actor) -> FinishInfo:
        """"Berkas tidak lengkap" of a visit without a checklist: closed, no slip."""
        with unit_of_work(self.store) as uow:
            return q.finish(uow, self.counter_code, outcome="incomplete", **self._kw(actor))

    def finish_incomplete(self, actor: Actor, *, folder: Path | None = None) -> SlipResult:
        """"Berkas tidak lengkap" with the slip of the requirements not ticked, printed on
        the counter's document printer or saved in ``folder``."""
        with unit_of_work(self.store) as uow:
            return desk.finish_incomplete(uow, self.counter_code, folder=folder,
                                          **self._kw(actor))

    def set_requirement(self, visit_id: int, code: str, checked: bool,
                        actor: Actor) -> tuple[RequirementState, ...]:
        """Tick (or untick) one requirement of the visit, with who and when."""
        with unit_of_work(self.store) as uow:
            return desk.set_requirement(uow, visit_id, code, checked, actor=actor,
                                        now=self.clock())
