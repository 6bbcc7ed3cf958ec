"""A counter's configuration as the hot path needs it, cached for a few seconds per process.

"Call next" is pressed all day; the office, the counter, its stages and the service codes
change only when an administrator imports a catalog. Looking them up once every few seconds
instead of on every press saves a handful of round trips. Only hits are cached: a counter
added by an import is found at once; one removed keeps working for at most :data:`TTL`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import LoketError
from db.enums import Zone
from db.models import Counter, Office, Service, Stage

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


_cache: dict[tuple[str, str | None, str], tuple[float, CounterConf]] = {}
_lock = threading.Lock()


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
    key = (str(session.get_bind().url), office_code, counter_code)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
    if hit and now - hit[0] < TTL:
        return hit[1]
    if office is None:
        from app.queue.engine import resolve_office

        office = resolve_office(session, office_code)
    conf = _load(session, office, counter_code)
    with _lock:
        _cache[key] = (now, conf)
    return conf


def forget() -> None:
    """Drop everything cached (after an import in this process, and in tests)."""
    with _lock:
        _cache.clear()
