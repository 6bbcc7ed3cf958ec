"""The supervisor station: what the supervisor's board reads and does, as plain data.

The widget (``ui/supervisor.py``) makes one :class:`SupervisorStation` and asks it for the
office's name and lock time before anyone signs in (:meth:`SupervisorStation.access`), to
check a log-in at the board (:meth:`SupervisorStation.sign_in`: only a supervisor or an
administrator of this office), for the board (:meth:`SupervisorStation.board`: today's
figures a kepala UPT asks for every hour (:class:`Today`: waiting now, the longest wait,
served, within the time standard, no-shows, today's IKM and its respondents), waiting per
stage, each counter as a card (:class:`CounterState`: open or closed, the officer, the
ticket served for how long, idle or silent minutes, the served visit against its time
standard), the oldest waits, visits near or over their time standard, who is being served
at counters silent for how long, the print jobs to reprint, the complaints and applications
past their time standard, the running text, and the :class:`Alert` list, each alert with
the one action that answers it), the devices' health (:meth:`SupervisorStation.devices`,
run in a worker thread by the widget; :func:`device_alerts` turns a failing one into an
alert), and to act as the person signed in: open or close a counter, take a visit back to
the queue, reprint a ticket, set the running text of the waiting-room display.

Everything is codes and numbers (statuses, device kinds, the catalog's names of stages and
counters): the words are the widget's, through :mod:`app.labels`. Each call opens its own
short unit of work and a lost database is :class:`app.errors.LoketError` ``db.unreachable``
(:mod:`app.stations.database`); a refusal passes as it is.

The uow-level service (:func:`overview`, :func:`set_running_text`) serves callers that
already hold a unit of work (the command line, the database roles' tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from app import access, audit, users
from app.access import Act, Actor
from app.casework.board import overdue_summary
from app.clock import utcnow
from app.errors import LoketError
from app.ikm.responses import ikm_report
from app.office_settings import settings_of
from app.output import tickets as ticket_print
from app.output.devices import DeviceReport, configured, state_of
from app.queue import engine as q_
from app.queue.events import publish
from app.reports.counting import visit_query
from app.spool import JobResult, failed_jobs
from app.stations.database import database_errors, unit_of_work
from app.store import Store, UnitOfWork
from db.enums import OPEN_STATUSES, Role, VisitStatus
from db.models import Counter, Service, Stage, StageRecord, Station, User, Visit

__all__ = [
    "ACTIONS", "ALERT_KINDS", "OLDEST", "ROLES", "RUNNING_TEXT_MAX", "SILENT_MINUTES", "Actor",
    "Alert", "CounterState", "DeviceReport", "Flagged", "Overdue", "Reprint", "Serving",
    "StageCount", "StationAccess", "SupervisorBoard", "SupervisorStation", "Today", "UserInfo",
    "Waiting", "device_alerts", "merge_alerts", "overview", "set_running_text",
]

OLDEST = 10
SILENT_MINUTES = 5  # a counter station gives a sign every minute: five missed is silence
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
    visit_ids = {j["visit_id"] for j in data["reprints"] if j["visit_id"]}
    data["reprint_tickets"] = dict(s.execute(select(Visit.id, Visit.ticket).where(
        Visit.id.in_(visit_ids))).all()) if visit_ids else {}
    data["overdue"] = overdue_summary(s, office.id, now)
    data["running_text"] = settings_of(office).running_text
    data["zone"] = office.zone.value
    data["stage_names_en"] = {st.code: st.name_en for st in office.stages}
    data["stage_counters"] = {st.code: [c.code for c in office.counters
                                        if c.active and st in c.stages]
                              for st in office.stages}
    data["counter_cards"] = _counter_cards(s, office, since, now)
    day = date.fromisoformat(data["day"])
    data["over_standard"] = _over_standard(s, office, day, now)
    data["today"] = _today(uow, office, day, now)
    data["stations"] = {st.code: st.name for st in s.scalars(
        select(Station).where(Station.office_id == office.id))}
    return data


def _minutes(now: datetime, moment: datetime | None) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds() // 60))


def _counter_cards(s: Any, office: Any, since: datetime, now: datetime
                   ) -> dict[str, dict[str, Any]]:
    """Per counter code: its name, the officer signed in at it, when it was last heard of,
    when it last finished a visit today and since when it calls or serves the one it has."""
    finished = dict(s.execute(
        select(StageRecord.counter_id, func.max(StageRecord.finished_at))
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(Counter.office_id == office.id, StageRecord.finished_at >= since)
        .group_by(StageRecord.counter_id)).all())
    called = dict(s.execute(
        select(StageRecord.counter_id, StageRecord.called_at)
        .join(Counter, Counter.id == StageRecord.counter_id)
        .where(Counter.office_id == office.id,
               StageRecord.status.in_([VisitStatus.CALLED, VisitStatus.SERVING]))).all())
    rows = s.execute(
        select(Counter.id, Counter.code, Counter.name, Counter.last_seen_at, User.full_name,
               User.username)
        .outerjoin(User, User.id == Counter.officer_id)
        .where(Counter.office_id == office.id)).all()
    return {code: {"name": name, "officer": (full or username) if username else None,
                   "silent": _minutes(now, seen), "idle": _minutes(now, finished.get(cid)),
                   "called": _minutes(now, called.get(cid))}
            for cid, code, name, seen, full, username in rows}


def _over_standard(s: Any, office: Any, day: date, now: datetime) -> list[dict[str, Any]]:
    """Today's open visits past their time standard: where each is (its open stage record:
    the stage, the counter if one has it) and by how many minutes."""
    rows = s.execute(
        select(Visit.ticket, Visit.due_at, StageRecord.status, Stage.code, Stage.name,
               Stage.name_en, Counter.code, Counter.name, Counter.last_seen_at)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .join(Stage, Stage.id == StageRecord.stage_id)
        .outerjoin(Counter, Counter.id == StageRecord.counter_id)
        .where(Visit.office_id == office.id, Visit.service_date == day,
               Visit.status.in_(OPEN_STATUSES), Visit.due_at.is_not(None),
               Visit.due_at < now, StageRecord.status.in_(OPEN_STATUSES))
        .order_by(Visit.due_at, Visit.ticket)).all()
    return [{"ticket": ticket, "over": _minutes(now, due) or 0, "status": status.value,
             "stage": stage, "stage_name": stage_name, "stage_name_en": stage_en,
             "counter": counter, "counter_name": counter_name,
             "silent": _minutes(now, seen) if counter else None}
            for ticket, due, status, stage, stage_name, stage_en, counter, counter_name, seen
            in rows]


def _today(uow: UnitOfWork, office: Any, day: date, now: datetime) -> dict[str, Any]:
    """Today's visits by status and against their time standard, as the daily report counts
    them (:func:`app.reports.counting.visit_query`), and today's IKM
    (:func:`app.ikm.responses.ikm_report`, as the daily report reads an open day)."""
    s = uow.session
    sub = visit_query(office, now, Visit.service_date == day).subquery()
    by_status: dict[str, int] = {}
    by_category: dict[str, int] = {}
    for status, category, n in s.execute(
            select(sub.c.status, sub.c.cat, func.count()).group_by(sub.c.status, sub.c.cat)):
        by_status[status] = by_status.get(status, 0) + int(n)
        by_category[category] = by_category.get(category, 0) + int(n)
    ikm = ikm_report(uow, office.code, day, day)
    result = ikm.result
    return {
        "visits": sum(by_status.values()),
        "done": by_status.get(VisitStatus.DONE.value, 0),
        "incomplete": by_status.get(VisitStatus.INCOMPLETE.value, 0),
        "no_show": by_status.get(VisitStatus.NO_SHOW.value, 0),
        "within": by_category.get("within", 0), "outside": by_category.get("outside", 0),
        "ikm": None if result is None else float(result.converted),
        "ikm_grade": None if result is None else result.grade,
        "ikm_label": None if result is None else result.label,
        "ikm_label_en": None if result is None else result.label_en,
        "respondents": 0 if result is None else result.respondents,
    }


def set_running_text(uow: UnitOfWork, office_code: str | None, text: str, *,
                     actor: Actor) -> str:
    """The line that scrolls along the bottom of the waiting-room display: what the public
    reads, so a supervisor's act (:attr:`app.access.Act.DATA`), checked before it changes."""
    s = uow.session
    office = q_.resolve_office(s, office_code)
    who = access.require(s, actor, Act.DATA, office_id=office.id)
    text = " ".join(text.split())[:RUNNING_TEXT_MAX]
    before = settings_of(office).running_text
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
    """One row of "waiting per stage": the stage's code and its catalog names."""

    stage: str
    name: str
    waiting: int
    name_en: str = ""


@dataclass(frozen=True)
class CounterState:
    """One counter as a card: open or closed, the ticket it calls or serves (if any) since
    how many minutes, those it holds, the officer signed in at it, how long it has been idle
    (nothing called since it last finished a visit today) and silent (no sign of its
    station), and whether the visit it serves is near or over its time standard."""

    counter: str
    number: int | None
    is_open: bool
    serving: str | None  # the ticket
    held: tuple[str, ...]
    name: str = ""  # the catalog's name: what the card says, never the code
    officer: str | None = None  # full name (else user name) of who is signed in at it
    status: str | None = None  # of the ticket served: "called" or "serving"
    serving_minutes: int | None = None  # since the ticket was called
    idle_minutes: int | None = None  # serving nobody: since it last finished a visit today
    silent_minutes: int | None = None  # since the counter was last heard of; None: never
    sla: str | None = None  # the ticket served: "near" or "over" its time standard

    @property
    def silent(self) -> bool:
        """Open and not heard of for :data:`SILENT_MINUTES` or more (or never)."""
        return self.is_open and (self.silent_minutes is None
                                 or self.silent_minutes >= SILENT_MINUTES)


@dataclass(frozen=True)
class Today:
    """Today's figures, office-local day, counted as the daily report counts them."""

    visits: int  # tickets issued today
    waiting: int  # waiting now, every stage
    longest: Waiting | None  # the visit waiting longest now (minutes since its ticket)
    done: int  # visits served to the end
    incomplete: int  # sent home with documents missing
    no_show: int  # called and not come
    within: int  # ended within their time standard
    outside: int  # ended after it, or still open past it
    ikm: float | None  # today's IKM, converted (25-100), two decimals; None: no answer yet
    ikm_grade: str | None  # A-D
    ikm_label: str | None  # the grade in words, Indonesian
    ikm_label_en: str | None
    respondents: int  # questionnaires answered today
    counters_open: int
    counters: int

    @property
    def within_percent(self) -> float | None:
        """Share within the time standard of those counted, percent (one decimal)."""
        counted = self.within + self.outside
        return None if not counted else round(100 * self.within / counted, 1)


ALERT_KINDS = ("stuck", "over_standard", "waiting_over_standard", "silent_counter",
               "print_failed", "device", "overdue")
ACTIONS = ("take_back", "open_counter", "close_counter", "reprint", "check_devices",
           "open_report")


@dataclass(frozen=True)
class Alert:
    """Something that wants the supervisor, with the one action that answers it.

    ``kind`` (:data:`ALERT_KINDS`) says what ``subject``, ``place``, ``status`` and
    ``minutes`` are; ``action`` (:data:`ACTIONS`) acts on ``target``:

    - ``stuck``: ``subject`` a ticket called or served (``status``) at a counter (``place``,
      its name) silent for ``minutes``: ``take_back`` the ticket.
    - ``over_standard``: ``subject`` a ticket at a counter (``place``, its name) past its
      time standard by ``minutes``, ``status`` called, serving or held: ``open_report``.
    - ``waiting_over_standard``: ``count`` tickets waiting at a stage (``stage``, its code;
      ``place`` its name) past their time standard, ``subject`` the one past it longest, by
      ``minutes``: ``open_counter`` (``target`` a closed counter that serves the stage), or
      ``open_report`` when every counter of the stage is open.
    - ``silent_counter``: ``subject`` an open counter's name, silent for ``minutes`` (None:
      never heard of): ``close_counter`` (``target`` its code).
    - ``print_failed``: ``subject`` the ticket (or the job's number) whose print failed,
      ``place`` the printer's connection, ``status`` its error: ``reprint`` (``target`` the
      job's number), or ``check_devices`` when the job is not a ticket.
    - ``device``: ``subject`` a station's name, ``place`` the device kind (a code),
      ``status`` its condition (a code): ``check_devices``.
    - ``overdue``: ``subject`` a complaint's or application's number, ``place`` its title,
      ``status`` ``complaint`` or ``application``, overdue ``minutes``: ``open_report``.
    """

    kind: str
    level: str  # "over" (red) or "near" (amber)
    subject: str
    place: str
    status: str | None
    minutes: int | None
    action: str
    target: str
    count: int = 1
    stage: str = ""  # a stage's code, when the alert is about one


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
    today: Today
    alerts: tuple[Alert, ...]  # most pressing first; the devices' come from device_alerts
    stations: tuple[tuple[str, str], ...] = ()  # (code, name) of the office's stations

    def counter(self, code: str) -> CounterState | None:
        return next((c for c in self.counters if c.counter == code), None)

    def reprint_job(self, job: int) -> Reprint | None:
        return next((j for j in self.reprints if j.job == job), None)

    def station_name(self, code: str) -> str:
        """The station's name (its code when it has none)."""
        return next((name for c, name in self.stations if c == code and name), code)


_ORDER = {kind: i for i, kind in enumerate(ALERT_KINDS)}


def merge_alerts(*groups: Iterable[Alert]) -> tuple[Alert, ...]:
    """The board's alerts and the devices' (:func:`device_alerts`) in one list, most
    pressing first."""
    return _sorted(a for group in groups for a in group)


def _sorted(alerts: Iterable[Alert]) -> tuple[Alert, ...]:
    """Red before amber, then by kind (:data:`ALERT_KINDS`), the longest first."""
    return tuple(sorted(alerts, key=lambda a: (a.level != "over", _ORDER.get(a.kind, 99),
                                               -(a.minutes or 0), a.subject)))


def _alerts(data: dict[str, Any], counters: tuple[CounterState, ...],
            reprints: tuple[Reprint, ...], overdue: tuple[Overdue, ...]) -> tuple[Alert, ...]:
    out: list[Alert] = []
    stuck: set[str] = set()
    names = {c.counter: c.name or c.counter for c in counters}
    for c in counters:
        if c.serving and c.silent:
            stuck.add(c.serving)
            out.append(Alert("stuck", "over", c.serving, names[c.counter], c.status,
                             c.silent_minutes, "take_back", c.serving))
        elif c.silent:
            out.append(Alert("silent_counter", "over", names[c.counter], "", None,
                             c.silent_minutes, "close_counter", c.counter))
    waiting: dict[str, list[dict[str, Any]]] = {}
    for v in data["over_standard"]:
        if v["ticket"] in stuck:
            continue  # said once, with the action that frees it
        if v["status"] == VisitStatus.WAITING.value:  # waiting: one alert per stage
            waiting.setdefault(v["stage"], []).append(v)
            continue
        out.append(Alert("over_standard", "over", v["ticket"], v["counter_name"], v["status"],
                         v["over"], "open_report", v["ticket"]))
    serves = data.get("stage_counters") or {}
    for stage, visits in waiting.items():
        longest = max(visits, key=lambda v: v["over"])
        closed = [c.counter for c in counters
                  if not c.is_open and c.counter in serves.get(stage, ())]
        out.append(Alert("waiting_over_standard", "over", longest["ticket"],
                         longest["stage_name"], VisitStatus.WAITING.value, longest["over"],
                         "open_counter" if closed else "open_report",
                         closed[0] if closed else stage, count=len(visits), stage=stage))
    tickets = dict(data.get("reprint_tickets") or {})
    for j in reprints:
        subject = tickets.get(j.visit_id) or f"#{j.job}"
        out.append(Alert("print_failed", "over", subject, j.connection, j.error, None,
                         "reprint" if j.visit_id else "check_devices", str(j.job)))
    for o in overdue:
        out.append(Alert("overdue", "over", o.number, o.title, o.kind, o.overdue_minutes,
                         "open_report", o.number))
    return _sorted(out)


def device_alerts(reports: Iterable[DeviceReport],
                  board: SupervisorBoard | None = None) -> tuple[Alert, ...]:
    """An alert for each device that cannot be used now (its station by name when the board
    knows it): the supervisor checks the devices again once it is seen to."""
    return _sorted(
        Alert("device", "over", board.station_name(r.station) if board else r.station,
              r.kind, r.state.condition.value, None, "check_devices", r.station)
        for r in reports if not r.state.usable)


def _board(data: dict[str, Any], now: datetime) -> SupervisorBoard:
    """The plain board of :func:`overview`'s dictionary."""
    flagged = tuple(Flagged(f["ticket"], f["state"], f.get("due_at")) for f in data["flagged"])
    sla = {f.ticket: f.state for f in flagged}
    cards = data.get("counter_cards") or {}
    names_en = data.get("stage_names_en") or {}

    def counter(c: dict[str, Any]) -> CounterState:
        card = cards.get(c["counter"]) or {}
        served = c.get("serving") or {}
        ticket = served.get("ticket")
        return CounterState(
            c["counter"], c.get("number"), bool(c.get("open")), ticket, tuple(c["held"]),
            name=card.get("name") or c["counter"], officer=card.get("officer"),
            status=served.get("status"), serving_minutes=card.get("called") if ticket else None,
            idle_minutes=None if ticket else card.get("idle"),
            silent_minutes=card.get("silent"), sla=sla.get(ticket) if ticket else None)

    counters = tuple(counter(c) for c in data["counters"])
    stages = tuple(StageCount(s["stage"], s["name"], int(s["waiting"]),
                              names_en.get(s["stage"], "")) for s in data["stages"])
    reprints = tuple(Reprint(j["job"], j["visit_id"], j["kind"], j["connection"], j["error"])
                     for j in data["reprints"])
    overdue = tuple(Overdue(o.kind, o.number, o.title, o.due_at,
                            int(o.overdue_by.total_seconds() // 60))
                    for o in data["overdue"])
    oldest = tuple(data["oldest"])
    t = data["today"]
    today = Today(
        visits=t["visits"], waiting=sum(s.waiting for s in stages),
        longest=oldest[0] if oldest else None, done=t["done"], incomplete=t["incomplete"],
        no_show=t["no_show"], within=t["within"], outside=t["outside"], ikm=t["ikm"],
        ikm_grade=t["ikm_grade"], ikm_label=t["ikm_label"], ikm_label_en=t["ikm_label_en"],
        respondents=t["respondents"], counters_open=sum(c.is_open for c in counters),
        counters=len(counters))
    return SupervisorBoard(
        office=data["office"], day=data["day"], zone=data["zone"], now=now,
        stages=stages, counters=counters, oldest=oldest, flagged=flagged,
        serving=tuple(data["serving"]), reprints=reprints, overdue=overdue,
        running_text=data["running_text"], today=today,
        alerts=_alerts(data, counters, reprints, overdue),
        stations=tuple(sorted((data.get("stations") or {}).items())))


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
                                               actor=actor)
        if result.state != "done":
            raise LoketError("print.failed", ticket=visit_id, condition=result.condition,
                             job=result.id)
        return result

    def set_running_text(self, text: str, *, actor: Actor) -> str:
        """The running text of the waiting-room display, as stored (:func:`set_running_text`)."""
        with unit_of_work(self.store) as uow:
            return set_running_text(uow, self.office_code, text, actor=actor)
