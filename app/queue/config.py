"""Counters and services as the hot paths need them, cached for a few seconds per process.

"Call next" is pressed all day and tickets are issued all day; the office's counters, their
stages, the services and their stage sequence and the days off change only when an
administrator imports a catalog or edits the calendar. Looking them up once every few
seconds instead of on every press saves a handful of queries inside the write transaction.
Only hits are cached: a counter or service added by an import is found at once; one removed
keeps working for at most :data:`TTL`. Whether the office is open is never cached.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.catalog.spec import TimeStandard
from app.errors import LoketError
from app.workdays import WorkingCalendar
from db.enums import TimeUnit, Zone
from db.models import Counter, Office, Service, ServiceStage, Stage

TTL = 5.0


@dataclass(frozen=True)
class CounterConf:
    id: int
    code: str
    display_number: int
    call_name: str
    office_id: int
    office_code: str
    zone: Zone
    settings: dict[str, Any]
    stage_ids: tuple[int, ...]
    service_ids: tuple[int, ...]  # empty: every service of its stages
    stage_codes: dict[int, str]
    service_codes: dict[int, str]


@dataclass(frozen=True)
class ServiceConf:
    id: int
    code: str
    name: str
    prefix: str
    office_id: int
    stage_ids: tuple[int, ...]  # in the order the visit passes them
    stage_codes: tuple[str, ...]
    standard: TimeStandard | None
    calendar: WorkingCalendar


def resolve_office(session: Session, code: str | None) -> Office:
    """The office of ``code``, or the one active office when no code is given.

    Here, below the engine and the catalog store, because reading a counter's configuration
    needs it and both of those build on this module.
    """
    if code:
        office = session.scalar(select(Office).where(Office.code == code))
        if office is None:
            raise LoketError("office.unknown", code=code)
        return office
    offices = session.scalars(select(Office).where(Office.active.is_(True))).all()
    if len(offices) == 1:
        return offices[0]
    if not offices:  # a database nobody has loaded a catalog into yet
        raise LoketError("office.none")
    raise LoketError("office.required", choices=", ".join(sorted(o.code for o in offices)))


def time_standard_of(service: Service) -> TimeStandard | None:
    """A service's time standard as its row stores it (None when it states none).

    Kept here, where the service configuration is read; the catalog store uses it too.
    """
    if service.time_value is None or service.time_unit is None:
        return None
    per = service.time_per or {}
    return TimeStandard(
        value=service.time_value,
        unit=TimeUnit(service.time_unit),
        min_value=service.time_min_value,
        per_count=per.get("count"),
        per_what=per.get("of", ""),
        start=service.time_from,
        note=service.time_note,
    )


_cache: dict[tuple[str, str, str, str], tuple[float, Any]] = {}
_lock = threading.Lock()


def _cached(session: Session, kind: str, office_code: str, code: str, load: Any) -> Any:
    key = (str(session.get_bind().engine.url), kind, office_code, code)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
    if hit and now - hit[0] < TTL:
        return hit[1]
    value = load()
    with _lock:
        _cache[key] = (now, value)
    return value


def _load(session: Session, office: Office, counter_code: str) -> CounterConf:
    counter = session.scalar(
        select(Counter)
        .where(Counter.office_id == office.id, Counter.code == counter_code)
        .options(selectinload(Counter.stages), selectinload(Counter.services))
    )
    if counter is None:
        raise LoketError("queue.unknown_counter", code=counter_code, office=office.code)
    if not counter.active:
        raise LoketError("queue.counter_closed", counter=counter_code)
    stage_codes = dict(session.execute(
        select(Stage.id, Stage.code).where(Stage.office_id == office.id)).all())
    service_codes = dict(session.execute(
        select(Service.id, Service.code).where(Service.office_id == office.id)).all())
    return CounterConf(
        id=counter.id, code=counter.code, display_number=counter.display_number,
        call_name=counter.call_name, office_id=office.id, office_code=office.code,
        zone=office.zone, settings=dict(office.settings),
        stage_ids=tuple(st.id for st in counter.stages),
        service_ids=tuple(sv.id for sv in counter.services),
        stage_codes=stage_codes, service_codes=service_codes,
    )


def counter_conf(session: Session, office: Office | None, office_code: str | None,
                 counter_code: str) -> CounterConf:
    """The cached configuration; ``office`` may be given when the caller has it already."""

    def load() -> CounterConf:
        return _load(session, office or resolve_office(session, office_code), counter_code)

    return _cached(session, "counter", office_code or "", counter_code, load)


def service_conf(session: Session, office_id: int, office_code: str,
                 service_code: str) -> ServiceConf:
    """An active service of an office with its stages, time standard and working calendar."""

    def load() -> ServiceConf:
        service = session.scalar(
            select(Service)
            .where(Service.office_id == office_id, Service.code == service_code,
                   Service.active.is_(True))
            .options(selectinload(Service.stage_links).selectinload(ServiceStage.stage))
        )
        if service is None or not service.stage_links:
            raise LoketError("queue.unknown_service", code=service_code, office=office_code)
        stages = [link.stage for link in service.stage_links]
        return ServiceConf(
            id=service.id, code=service.code, name=service.name, prefix=service.prefix,
            office_id=office_id, stage_ids=tuple(st.id for st in stages),
            stage_codes=tuple(st.code for st in stages), standard=time_standard_of(service),
            calendar=WorkingCalendar.for_office(session, office_id),
        )

    return _cached(session, "service", office_code, service_code, load)


def forget() -> None:
    """Drop everything cached (after an import in this process, and in tests)."""
    with _lock:
        _cache.clear()
