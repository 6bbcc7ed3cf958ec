"""What a kiosk number may promise: whether the office is open, why not, when it opens next,
and whether an open counter serves a service's first stage.

A ticket is a promise to be called, so the kiosk gives one only when that is true:

- The office is closed (before opening, after closing, on a weekend or public holiday, after
  ``loket queue close-day``, or the office is inactive): no number. The screen says why and
  when service opens next. A number taken after closing or on a day off could never be
  called: numbers restart at local midnight and close-day ends the day's visits.
- The office is open but no open counter serves the first stage of the chosen service: a
  number only if the office setting ``kiosk: {issue_when_closed: true}`` allows it, and then
  the screen and the printed ticket say that counter is not open yet instead of promising a
  wait. Without the setting the kiosk says the counter is not open and takes no number.
- Before today's opening on a working day: a number only with the same setting, taken
  ``early`` (:func:`app.queue.engine.ensure_open`); the screen and ticket say when service
  opens instead of promising a wait.

The rules live apart from the kiosk station (:mod:`app.stations.kiosk`) because printing a
ticket (:mod:`app.output.tickets`, for the kiosk, the supervisor and the command line) asks
:func:`not_open_for_visit` what to print instead of a wait, and the kiosk station prints
through :mod:`app.output.tickets`: one module each way would be a cycle. The functions run in
the caller's unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.clock import local
from app.errors import LoketError
from app.office_settings import settings_of
from app.queue import engine as q_
from app.store import UnitOfWork
from app.workdays import WorkingCalendar
from db.models import Counter, Office, Service, ServiceStage, Stage, Visit

# why the office issues no numbers now (Closed.reason), most lasting first
INACTIVE = "inactive"
DAY_CLOSED = "day_closed"  # ``loket queue close-day`` ran today
DAY_OFF = "day_off"  # weekend, public holiday, cuti bersama or the office's own day off
BEFORE_OPENING = "before_opening"
AFTER_CLOSING = "after_closing"

LOOKAHEAD_DAYS = 60  # days searched for the next opening (Lebaran with cuti bersama: ~10)


@dataclass(frozen=True)
class Closed:
    """Why the kiosk issues no numbers now, and when service opens next."""

    reason: str  # INACTIVE, DAY_CLOSED, DAY_OFF, BEFORE_OPENING or AFTER_CLOSING
    hours: tuple[time, time] | None  # opening and closing; None when the office states none
    day_off: str | None  # the holiday's or weekend's name, when today is a day off
    opens_at: datetime | None  # the next opening, in the office's zone; None when unknown


@dataclass(frozen=True)
class ServiceState:
    """Whether an open counter serves a kiosk service's first stage, and so a number now."""

    code: str
    name: str
    counter_open: bool
    place: str  # who serves that stage, in words: "Tempat Cek Fisik", "Loket Pendaftaran"
    may_issue: bool  # the counter is open, or the office lets the kiosk issue anyway


@dataclass(frozen=True)
class KioskState:
    """What the kiosk may offer now: nothing while closed, else each service's state."""

    closed: Closed | None
    services: dict[str, ServiceState]  # by service code; empty while the office is closed
    issue_when_closed: bool  # the office's ``kiosk.issue_when_closed`` setting


@dataclass(frozen=True)
class NotOpen:
    """A number was (or is being) given while nobody can call it yet: say so, promise nothing.

    ``opens_at`` is set when the office opens later today, ``place`` when the office is open
    but the counter of the visit's stage is not.
    """

    place: str | None = None
    opens_at: datetime | None = None  # in the office's zone



def kiosk_state(uow: UnitOfWork, office_code: str, now: datetime) -> KioskState:
    """Whether the office is open and, if it is, which services can give a number now."""
    office = q_.resolve_office(uow.session, office_code)
    allowed = settings_of(office).issue_when_closed
    shut = _closed(uow.session, office, now)
    if shut is not None:
        return KioskState(shut, {}, allowed)
    return KioskState(None, _service_states(uow.session, office, allowed), allowed)


def not_open_for_visit(session: Session, visit: Visit, now: datetime) -> NotOpen | None:
    """What a ticket printed now must say instead of a wait: the office opens later today,
    or no open counter serves the visit's stage yet. ``None`` when it can be called."""
    office = session.get(Office, visit.office_id)
    assert office is not None
    shut = _closed(session, office, now)
    if shut is not None and shut.reason == BEFORE_OPENING:
        return NotOpen(opens_at=shut.opens_at)
    if visit.current_stage_id is None:
        return None
    counters = _active_counters(session, office.id)
    serving = _serving(counters, visit.current_stage_id, visit.service_id)
    if any(c.is_open for c in serving):
        return None
    stage = session.get(Stage, visit.current_stage_id)
    return NotOpen(place=_place(serving, stage.name if stage else ""))


# --- how the answers are worked out ------------------------------------------------------


def _closed(session: Session, office: Office, now: datetime) -> Closed | None:
    """The engine's own check decides (the kiosk never disagrees with it); this says why."""
    calendar = WorkingCalendar.for_office(session, office.id)
    try:
        q_.ensure_open(session, office, now, calendar)
    except LoketError as exc:
        if exc.key != "office.closed":
            raise
        return _why_closed(office, calendar, local(now, office.zone))
    return None


def _why_closed(office: Office, calendar: WorkingCalendar, here: datetime) -> Closed:
    hours = q_.office_hours(office)
    today = here.date()
    day_off = calendar.day_off(today)
    if not office.active:
        reason = INACTIVE
    elif settings_of(office).closed_on == today:
        reason = DAY_CLOSED
    elif day_off and hours:
        reason = DAY_OFF
    elif hours and here.time() < hours[0]:
        reason = BEFORE_OPENING
    else:
        reason = AFTER_CLOSING
    opens_at = None
    if hours and reason != INACTIVE:
        first = today if reason == BEFORE_OPENING else today + timedelta(days=1)
        opens_at = _next_opening(first, hours[0], calendar, here)
    return Closed(reason, hours, day_off, opens_at)


def _next_opening(first: date, opening: time, calendar: WorkingCalendar,
                  here: datetime) -> datetime | None:
    """Opening time on the first working day from ``first`` on."""
    day = first
    for _ in range(LOOKAHEAD_DAYS):
        if calendar.is_working_day(day):
            return datetime.combine(day, opening, tzinfo=here.tzinfo)
        day += timedelta(days=1)
    return None


def _active_counters(session: Session, office_id: int) -> list[Counter]:
    return list(session.scalars(
        select(Counter)
        .where(Counter.office_id == office_id, Counter.active.is_(True))
        .order_by(Counter.position, Counter.display_number, Counter.code)
        .options(selectinload(Counter.stages), selectinload(Counter.services))))


def _serving(counters: list[Counter], stage_id: int, service_id: int) -> list[Counter]:
    """The counters that call visits of this service at this stage (a counter may be
    narrowed to some services)."""
    return [c for c in counters
            if any(st.id == stage_id for st in c.stages)
            and (not c.services or any(sv.id == service_id for sv in c.services))]


def _place(serving: list[Counter], stage_name: str) -> str:
    """The counter's own name when one serves the stage, else the stage as a loket."""
    if len(serving) == 1:
        return serving[0].name
    return f"Loket {stage_name}"


def _service_states(session: Session, office: Office,
                    allowed: bool) -> dict[str, ServiceState]:
    services = session.scalars(
        select(Service)
        .where(Service.office_id == office.id, Service.active.is_(True),
               Service.kiosk.is_(True))
        .options(selectinload(Service.stage_links).selectinload(ServiceStage.stage)))
    counters = _active_counters(session, office.id)
    out = {}
    for service in services:
        links = sorted(service.stage_links, key=lambda link: link.position)
        if not links:
            continue
        stage = links[0].stage
        serving = _serving(counters, stage.id, service.id)
        is_open = any(c.is_open for c in serving)
        # no counter at all for the stage: nobody could ever call the number
        out[service.code] = ServiceState(service.code, service.name, is_open,
                                         _place(serving, stage.name),
                                         is_open or (allowed and bool(serving)))
    return out

