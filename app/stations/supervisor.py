"""The supervisor station: what the supervisor's board reads and does, as plain data.

The widget (``ui/supervisor.py``) makes one :class:`SupervisorStation` and asks it for the
office's name and lock time before anyone signs in (:meth:`SupervisorStation.access`), to
check a log-in at the board (:meth:`SupervisorStation.sign_in`: only a supervisor or an
administrator of this office), for the board (:meth:`SupervisorStation.board`: waiting per
stage, the counters, the oldest waits, visits near or over their time standard, who is being
served at counters silent for how long, the print jobs to reprint, the complaints and
applications past their time standard, the running text), the devices' health
(:meth:`SupervisorStation.devices`, run in a worker thread by the widget), and to act as the
person signed in: open or close a counter, take a visit back to the queue, reprint a ticket,
set the running text of the waiting-room display. Each call opens its own short unit of work
and a lost database is :class:`app.errors.LoketError` ``db.unreachable``
(:mod:`app.stations.database`); a refusal passes as it is.

The uow-level service (:func:`overview`, :func:`set_running_text`) serves callers that
already hold a unit of work (the command line, the database roles' tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from app import access, audit, users
from app.access import Act, Actor
from app.casework.board import overdue_summary
from app.errors import LoketError
from app.output import tickets as ticket_print
from app.output.devices import DeviceReport, configured, state_of
from app.queue import engine as q_
from app.queue.clock import utcnow
from app.queue.events import publish
from app.spool import JobResult, failed_jobs
from app.stations.database import database_errors, unit_of_work
from app.store import Store, UnitOfWork
from db.enums import Role, VisitStatus
from db.models import Counter, Service, Stage, StageRecord, Visit

__all__ = [
    "OLDEST", "ROLES", "RUNNING_TEXT_MAX", "Actor", "CounterState", "DeviceReport", "Flagged",
    "Overdue", "Reprint", "Serving", "StageCount", "StationAccess", "SupervisorBoard",
    "SupervisorStation", "UserInfo", "Waiting", "overview", "set_running_text",
]

OLDEST = 10
RUNNING_TEXT_MAX = 300
ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})  # who may sign in at the board

StationAccess = users.StationAccess
UserInfo = users.UserInfo


@dataclass(frozen=True)
class Waiting:
    ticket: str
    service: str
    stage: str
    minutes: int
    priority: str | None


@dataclass(frozen=True)
class Serving:
    ticket: str
    counter: str
    status: str
    minutes: int  # since called
    silent_minutes: int | None  # since the counter was last heard of


# --- the uow-level service -----------------------------------------------------------------

def overview(uow: UnitOfWork, office_code: str | None, *,
             now: datetime | None = None) -> dict[str, Any]:
    """:func:`app.queue.engine.status` plus the oldest waits, who is being served since
    when at counters silent for how long, the print jobs to reprint, and the complaints
    and applications past their time standard."""
    now = now or utcnow()
    data = q_.status(uow, office_code=office_code, now=now)
    s = uow.session
    office = q_.resolve_office(s, office_code)
    since = q_.today_start(office, now)
    rows = s.execute(
        select(Visit.ticket, Service.name, Stage.code, StageRecord.queued_at, Visit.issued_at,
               Visit.priority_reason)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .join(Service, Service.id == Visit.service_id)
        .join(Stage, Stage.id == StageRecord.stage_id)
        .where(Visit.office_id == office.id, StageRecord.status == VisitStatus.WAITING,
               StageRecord.queued_at >= since)
        .order_by(Visit.issued_at).limit(OLDEST)).all()
    data["oldest"] = [Waiting(t, name, stage, int((now - issued).total_seconds() // 60), prio)
                      for t, name, stage, _queued, issued, prio in rows]
    serving = s.execute(
        select(Visit.ticket, Counter.code, StageRecord.status, StageRecord.called_at,
               Counter.last_seen_at)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(Visit.office_id == office.id,
               StageRecord.status.in_([VisitStatus.CALLED, VisitStatus.SERVING]))
        .order_by(StageRecord.called_at)).all()
    data["serving"] = [
        Serving(t, c, st.value, int((now - called).total_seconds() // 60) if called else 0,
                int((now - seen).total_seconds() // 60) if seen else None)
        for t, c, st, called, seen in serving]
    data["reprints"] = [{"job": j.id, "visit_id": j.visit_id, "kind": j.job_kind,
                         "connection": j.connection, "error": j.last_error}
                        for j in failed_jobs(uow, office_id=office.id)]
    data["overdue"] = overdue_summary(s, office.id, now)
    data["running_text"] = str(office.settings.get("running_text") or "")
    data["zone"] = office.zone.value
    return data


def set_running_text(uow: UnitOfWork, office_code: str | None, text: str, *,
                     actor: Actor | str) -> str:
    """The line that scrolls along the bottom of the waiting-room display: what the public
    reads, so a supervisor's act (:attr:`app.access.Act.DATA`), checked before it changes."""
    s = uow.session
    office = q_.resolve_office(s, office_code)
    who = access.require(s, actor, Act.DATA, office_id=office.id)
    text = " ".join(text.split())[:RUNNING_TEXT_MAX]
    before = office.settings.get("running_text") or ""
    office.settings = dict(office.settings) | {"running_text": text}
    flag_modified(office, "settings")
    audit.record(s, actor=who.name, user_id=who.user_id, office_id=office.id,
                 action="office.running_text", entity="office", entity_id=office.code,
                 before={"running_text": before}, after={"running_text": text})
    publish(s, office.id, "office.running_text", text=text)
    uow.commit()
    return text


# --- the board, as plain data --------------------------------------------------------------

@dataclass(frozen=True)
class StageCount:
    """One row of "waiting per stage"."""

    stage: str
    name: str
    waiting: int


@dataclass(frozen=True)
class CounterState:
    """One counter: open or closed, the ticket it calls or serves (if any), those it holds."""

    counter: str
    number: int | None
    is_open: bool
    serving: str | None  # the ticket
    held: tuple[str, ...]


@dataclass(frozen=True)
class Flagged:
    """A visit near (``near``) or over (``over``) its time standard."""

    ticket: str
    state: str
    due_at: str | None  # ISO, UTC


@dataclass(frozen=True)
class Reprint:
    """A print job that failed and was not printed since."""

    job: int
    visit_id: int | None  # None: not a ticket
    kind: str
    connection: str
    error: str | None


@dataclass(frozen=True)
class Overdue:
    """A complaint or an application past its time standard."""

    kind: str  # "complaint" | "application"
    number: str
    title: str
    due_at: datetime  # UTC
    overdue_minutes: int


@dataclass(frozen=True)
class SupervisorBoard:
    """What the board shows, read in one unit of work at ``now``."""

    office: str  # the office's code
    day: str  # the office's local day, ISO
    zone: str  # WIB, WITA, WIT
    now: datetime
    stages: tuple[StageCount, ...]
    counters: tuple[CounterState, ...]
    oldest: tuple[Waiting, ...]
    flagged: tuple[Flagged, ...]
    serving: tuple[Serving, ...]
    reprints: tuple[Reprint, ...]
    overdue: tuple[Overdue, ...]
    running_text: str

    def counter(self, code: str) -> CounterState | None:
        return next((c for c in self.counters if c.counter == code), None)


def _board(data: dict[str, Any], now: datetime) -> SupervisorBoard:
    """The plain board of :func:`overview`'s dictionary."""
    return SupervisorBoard(
        office=data["office"], day=data["day"], zone=data["zone"], now=now,
        stages=tuple(StageCount(s["stage"], s["name"], int(s["waiting"]))
                     for s in data["stages"]),
        counters=tuple(CounterState(c["counter"], c.get("number"), bool(c.get("open")),
                                    (c.get("serving") or {}).get("ticket"), tuple(c["held"]))
                       for c in data["counters"]),
        oldest=tuple(data["oldest"]),
        flagged=tuple(Flagged(f["ticket"], f["state"], f.get("due_at"))
                      for f in data["flagged"]),
        serving=tuple(data["serving"]),
        reprints=tuple(Reprint(j["job"], j["visit_id"], j["kind"], j["connection"], j["error"])
                       for j in data["reprints"]),
        overdue=tuple(Overdue(o.kind, o.number, o.title, o.due_at,
                              int(o.overdue_by.total_seconds() // 60))
                      for o in data["overdue"]),
        running_text=data["running_text"])


class SupervisorStation:
    """The supervisor's board of one office (``now`` from ``clock``): each call is one unit
    of work of its own returning plain data; a lost database is ``db.unreachable``."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    # --- before and at signing in ---------------------------------------------------------

    def access(self) -> users.StationAccess:
        """The office's name and after how many idle minutes the board locks."""
        with unit_of_work(self.store, read_only=True) as uow:
            return users.station_access(uow, self.office_code)

    def sign_in(self, username: str, password: str) -> users.UserInfo:
        """The person, if a supervisor or administrator of this office with this password;
        else :class:`LoketError` with the reason (audited, see :func:`app.users.authenticate`)."""
        with unit_of_work(self.store) as uow:
            return users.authenticate(uow, username, password, now=self.clock(),
                                      office_code=self.office_code, roles=ROLES)

    # --- reading --------------------------------------------------------------------------

    def board(self) -> SupervisorBoard:
        """The board as it stands now (:func:`overview`), read-only."""
        now = self.clock()
        with unit_of_work(self.store, read_only=True) as uow:
            data = overview(uow, self.office_code, now=now)
        return _board(data, now)

    def devices(self) -> tuple[DeviceReport, ...]:
        """Every configured device of the office and how it is right now. The list is read
        in a unit of work; the devices are asked after it ended (a silent printer takes
        seconds, no transaction waits for it)."""
        with unit_of_work(self.store, read_only=True) as uow:
            found = [(office, station, dev.kind, dev.connection)
                     for office, station, dev in configured(uow, office_code=self.office_code)]
        return tuple(DeviceReport(office, station, kind.value, connection,
                                  state_of(kind, connection))
                     for office, station, kind, connection in found)

    # --- acting, as the person signed in --------------------------------------------------

    def set_counter_open(self, counter_code: str, is_open: bool, *, actor: Actor) -> None:
        """Open or close a counter (:func:`app.queue.engine.set_counter_open`)."""
        with unit_of_work(self.store) as uow:
            q_.set_counter_open(uow, counter_code, is_open, office_code=self.office_code,
                                actor=actor, now=self.clock())

    def take_back(self, ticket: str, *, actor: Actor) -> None:
        """Take a called or served visit back to the queue (:func:`app.queue.engine.take_back`)."""
        with unit_of_work(self.store) as uow:
            q_.take_back(uow, ticket, office_code=self.office_code, actor=actor,
                         now=self.clock())

    def reprint(self, visit_id: int, connection: str, *, actor: Actor) -> JobResult:
        """Print a visit's ticket again on the printer its job failed at; a job that did not
        print is :class:`LoketError` ``print.failed``."""
        with database_errors(self.store):
            result = ticket_print.print_ticket(self.store, visit_id, connection, reprint=True,
                                               actor=actor.name)
        if result.state != "done":
            raise LoketError("print.failed", ticket=visit_id, condition=result.condition,
                             job=result.id)
        return result

    def set_running_text(self, text: str, *, actor: Actor) -> str:
        """The running text of the waiting-room display, as stored (:func:`set_running_text`)."""
        with unit_of_work(self.store) as uow:
            return set_running_text(uow, self.office_code, text, actor=actor)
