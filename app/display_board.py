"""What the waiting-room TV shows: each counter's current call, the last calls, waiting
counts per service, the running text. Read once at start; live events keep it current."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.queue import engine as q_
from app.queue.clock import local, utcnow
from app.store import UnitOfWork
from db.enums import VisitStatus
from db.models import Counter, Service, StageRecord, Visit, VisitTransition

RECENT = 6


@dataclass
class CounterCall:
    counter: str
    number: int
    call_name: str
    name: str
    ticket: str | None = None

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


def board(uow: UnitOfWork, office_code: str | None, *, now: datetime | None = None) -> Board:
    now = now or utcnow()
    s = uow.session
    office = q_.resolve_office(s, office_code)
    since = q_.today_start(office, now)
    counters = {c.id: CounterCall(c.code, c.display_number, c.call_name, c.name)
                for c in s.scalars(select(Counter).where(Counter.office_id == office.id,
                                                         Counter.active.is_(True))
                                   .order_by(Counter.display_number, Counter.code))}
    # each counter shows the last number called there today, as the visitors heard it
    calls = s.execute(
        select(Visit.ticket, VisitTransition.counter_id)
        .join(Visit, Visit.id == VisitTransition.visit_id)
        .where(Visit.office_id == office.id, VisitTransition.action.in_(("called", "recalled")),
               VisitTransition.at >= since)
        .order_by(VisitTransition.at.desc(), VisitTransition.id.desc())).all()
    recent = []
    for ticket, counter_id in calls:
        if counter_id not in counters:
            continue
        if len(recent) < RECENT:
            recent.append((ticket, counters[counter_id].label))
        if counters[counter_id].ticket is None:
            counters[counter_id].ticket = ticket
    waiting = {code: (name, int(n)) for code, name, n in s.execute(
        select(Service.code, Service.name, func.count(StageRecord.id))
        .join(Visit, Visit.service_id == Service.id)
        .join(StageRecord, StageRecord.visit_id == Visit.id)
        .where(Service.office_id == office.id, StageRecord.status == VisitStatus.WAITING,
               StageRecord.queued_at >= since)
        .group_by(Service.code, Service.name, Service.position)
        .order_by(Service.position))}
    return Board(office.code, office.name, office.zone.value,
                 str(office.settings.get("running_text") or ""),
                 list(counters.values()), recent, waiting)


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
    from db.models import Station

    s = uow.session
    office = q_.resolve_office(s, office_code)
    merged: dict[str, Any] = dict(office.settings.get("voice") or {})
    if station_code:
        station = s.scalar(select(Station).where(Station.office_id == office.id,
                                                 Station.code == station_code))
        if station is not None:
            merged |= dict((station.settings or {}).get("voice") or {})
    volume = merged.get("volume", 80)
    return VoiceSettings(muted=bool(merged.get("muted", False)),
                         volume=max(0, min(100, int(volume))) if isinstance(volume, int) else 80,
                         folder=str(merged["folder"]) if merged.get("folder") else None)
