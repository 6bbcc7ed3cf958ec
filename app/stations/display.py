"""The display station: what the waiting-room TV shows, as plain data: where each visitor
should go now, the last calls, waiting counts per service, the running text, and how it
speaks. The display (``ui/display.py``) reads the board again after every live event through
:meth:`DisplayStation.board` (one read-only unit of work of its own; a lost database is
:class:`app.errors.LoketError` ``db.unreachable``, see :mod:`app.stations.database`).

A counter's box shows only the visit that counter has called or is serving now (its stage
record's status is ``called`` or ``serving``): the moment that visit finishes, moves on, is
held, skipped, cancelled or returned to the queue, the box empties. Reading the stage records
rather than the history of calls means a number can stand in one box at most (the database
keeps one called-or-served visit per counter and one open record per visit), and a display
switched on mid-morning shows the same as one that heard every event. The history of calls
is the "recent calls" list, and only that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from app.clock import local, local_day, utcnow
from app.office_settings import settings_of

# the two look-ups, not app.queue.engine: the display reads and never acts, and the engine's
# calls, tickets and leaving rules are a tenth of a second of the station's start
from app.queue.config import resolve_office
from app.queue.lookups import today_start
from app.stations.database import unit_of_work
from app.store import Store, UnitOfWork
from db.enums import VisitStatus
from db.models import Counter, Service, StageRecord, Station, Visit, VisitTransition

RECENT = 6
# the stage-record statuses that send a visitor to a counter: called there, or served there
AT_COUNTER = (VisitStatus.CALLED, VisitStatus.SERVING)


@dataclass
class CounterCall:
    """One counter's box: its name and the visit it calls or serves now (``ticket``).

    ``is_open`` is false while no officer has the counter open (the TV says so, instead of
    looking idle); ``status`` is ``called`` or ``serving`` when there is a ticket.
    """

    counter: str
    number: int
    call_name: str
    name: str
    ticket: str | None = None
    is_open: bool = True
    status: str | None = None

    @property
    def label(self) -> str:
        """What the TV writes for the counter: ``LOKET 2``, or its spoken name."""
        if self.number:
            return f"LOKET {self.number}"
        return (self.call_name or self.name).upper()


@dataclass
class Board:
    office_code: str
    office_name: str
    zone: str
    running_text: str
    counters: list[CounterCall]
    recent: list[tuple[str, str]]  # (ticket, counter label), newest first
    waiting: dict[str, tuple[str, int]] = field(default_factory=dict)  # service -> (name, n)

    def counter(self, code: str) -> CounterCall | None:
        return next((c for c in self.counters if c.counter == code), None)


def board(uow: UnitOfWork, office_code: str | None, *, now: datetime | None = None) -> Board:
    """The whole board as it stands at ``now``: read-only, a handful of small queries."""
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    since = today_start(office, now)
    counters = {c.id: CounterCall(c.code, c.display_number, c.call_name, c.name,
                                  is_open=bool(c.is_open))
                for c in s.scalars(select(Counter).where(Counter.office_id == office.id,
                                                         Counter.active.is_(True))
                                   .order_by(Counter.display_number, Counter.code))}
    _fill_current(uow, office.id, local_day(now, office.zone), counters)
    return Board(office.code, office.name, office.zone.value,
                 settings_of(office).running_text,
                 list(counters.values()), _recent(uow, office.id, since),
                 _waiting(uow, office.id, since))


def _fill_current(uow: UnitOfWork, office_id: int, today: date,
                  counters: dict[int, CounterCall]) -> None:
    """Put in each box the visit of today its counter has called or is serving now.

    A visit held, skipped, finished, transferred or returned has left ``called``/``serving``
    (or its counter), so it drops out of this query by itself. Yesterday's visit still
    stuck at a counter is not shown: its number means someone else today.
    """
    rows = uow.session.execute(
        select(StageRecord.counter_id, Visit.ticket, StageRecord.status)
        .join(Visit, Visit.id == StageRecord.visit_id)
        .where(Visit.office_id == office_id, Visit.service_date == today,
               StageRecord.status.in_(AT_COUNTER), StageRecord.counter_id.is_not(None)))
    for counter_id, ticket, status in rows:
        call = counters.get(counter_id) if counter_id is not None else None
        if call is not None:
            call.ticket, call.status = ticket, VisitStatus(status).value


def _recent(uow: UnitOfWork, office_id: int, since: datetime) -> list[tuple[str, str]]:
    """The last calls today, newest first, as the visitors heard them (history)."""
    rows = uow.session.execute(
        select(Visit.ticket, Counter.display_number, Counter.call_name, Counter.name)
        .select_from(VisitTransition)
        .join(Visit, Visit.id == VisitTransition.visit_id)
        .join(Counter, Counter.id == VisitTransition.counter_id)
        .where(Visit.office_id == office_id, Counter.active.is_(True),
               VisitTransition.action.in_(("called", "recalled")),
               VisitTransition.at >= since)
        .order_by(VisitTransition.at.desc(), VisitTransition.id.desc())
        .limit(RECENT))
    return [(ticket, CounterCall("", number, call_name, name).label)
            for ticket, number, call_name, name in rows]


def _waiting(uow: UnitOfWork, office_id: int, since: datetime) -> dict[str, tuple[str, int]]:
    return {code: (name, int(n)) for code, name, n in uow.session.execute(
        select(Service.code, Service.name, func.count(StageRecord.id))
        .join(Visit, Visit.service_id == Service.id)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .where(Service.office_id == office_id, StageRecord.status == VisitStatus.WAITING,
               StageRecord.queued_at >= since)
        .group_by(Service.code, Service.name, Service.position)
        .order_by(Service.position))}


def call_of(payload: dict[str, Any]) -> CounterCall:
    """The counter and ticket of a ``ticket.called`` / ``ticket.recalled`` event."""
    return CounterCall(payload.get("counter") or "", int(payload.get("counter_number") or 0),
                       payload.get("call_name") or "", payload.get("counter") or "",
                       payload.get("ticket"))


def local_clock(now: datetime, zone: str) -> str:
    return f"{local(now, zone):%H:%M}"


@dataclass(frozen=True)
class VoiceSettings:
    """How the display speaks: from the office's settings, overridden by the station's
    (``voice: {muted: false, volume: 80, folder: /path/to/human/recordings}``)."""

    muted: bool = False
    volume: int = 80
    folder: str | None = None


def voice_settings(uow: UnitOfWork, office_code: str | None,
                   station_code: str | None = None) -> VoiceSettings:
    """The office's voice settings with the station's over them."""
    s = uow.session
    office = resolve_office(s, office_code)
    voice = settings_of(office).voice  # the office's, typed; a station's is over it
    merged: dict[str, Any] = {key: value for key, value in (
        ("muted", voice.muted), ("volume", voice.volume), ("folder", voice.folder))
        if value is not None}
    if station_code:
        station = s.scalar(select(Station).where(Station.office_id == office.id,
                                                 Station.code == station_code))
        if station is not None:
            merged |= dict((station.settings or {}).get("voice") or {})
    volume = merged.get("volume", 80)
    return VoiceSettings(muted=bool(merged.get("muted", False)),
                         volume=max(0, min(100, int(volume))) if isinstance(volume, int) else 80,
                         folder=str(merged["folder"]) if merged.get("folder") else None)


class DisplayStation:
    """The display of one office, for its widget and its announcer: each call is one
    read-only unit of work of its own returning plain data; a lost database is
    ``db.unreachable``."""

    def __init__(self, store: Store, office_code: str | None, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    def board(self) -> Board:
        """The whole board as it stands now (:func:`board`)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return board(uow, self.office_code, now=self.clock())

    def voice(self, station_code: str | None = None) -> VoiceSettings:
        """How the display speaks: the office's voice settings, the station's over them."""
        with unit_of_work(self.store, read_only=True) as uow:
            return voice_settings(uow, self.office_code, station_code)
