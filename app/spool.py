"""The print spool: a job is in the database before it is sent, so none is ever lost.

States: ``queued`` (waiting, or waiting to be retried after ``next_attempt_at``), ``sent``
(claimed by a spool and being sent right now), ``done`` (the printer confirmed), ``failed``
(given up, or sent without confirmation: it may or may not have printed, a person decides
and reprints). A failure before any byte left (printer offline, paper out, unreachable) is
retried with backoff, up to :data:`MAX_ATTEMPTS`; a failure after the bytes left is never
retried by itself, so nothing is printed twice unasked. A spool that crashed while sending
leaves its job ``sent``: :meth:`Spool.recover` marks it failed-unconfirmed at the next start.
Every change of state is in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import aliased

from app import audit
from app.errors import LoketError
from app.store import Store, UnitOfWork
from db.enums import DeviceKind, JobState
from db.models import DeviceJob
from devices.base import Condition, DeviceError
from devices.connection import BadConnection, parse
from devices.registry import open_device

MAX_ATTEMPTS = 6
BACKOFF_BASE = 2.0  # seconds: 2, 4, 8, 16, 32, then 60 at most
BACKOFF_MAX = 60.0
ACTOR = "spool"


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BACKOFF_BASE ** attempts, BACKOFF_MAX))


def check_connection(raw: str, kind: DeviceKind) -> str:
    try:
        return parse(raw, kind).raw
    except BadConnection as exc:
        raise LoketError("device.bad_connection", value=raw, reason=exc.reason) from exc


@dataclass(frozen=True)
class JobResult:
    id: int
    state: str
    attempts: int
    error: str = ""
    condition: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"job": self.id, "state": self.state, "attempts": self.attempts,
                "error": self.error or None, "condition": self.condition}


def enqueue(uow: UnitOfWork, *, kind: DeviceKind, connection: str, job_kind: str,
            payload: bytes, office_id: int | None = None, station_id: int | None = None,
            visit_id: int | None = None, actor: str = ACTOR,
            now: datetime | None = None) -> int:
    """Save a job (committed before anyone tries to send it)."""
    now = now or datetime.now(UTC)
    job = DeviceJob(office_id=office_id, station_id=station_id, device_kind=kind,
                    connection=check_connection(connection, kind), job_kind=job_kind,
                    payload=payload, visit_id=visit_id, state=JobState.QUEUED,
                    next_attempt_at=now, created_at=now, updated_at=now)
    uow.session.add(job)
    uow.session.flush()
    audit.record(uow.session, actor=actor, action="print.queued", entity="device_job",
                 entity_id=job.id, office_id=office_id, at=now,
                 after={"kind": job_kind, "connection": job.connection, "visit_id": visit_id,
                        "bytes": len(payload)})
    uow.commit()
    return job.id


def deliver(device: Any, kind: DeviceKind, job_kind: str, payload: bytes) -> None:
    """Hand a job's payload to its device: ESC/POS bytes to a ticket printer, a card's data
    (JSON, see :meth:`printing.card.NpwpdCard.to_json`) to a card printer."""
    if kind is DeviceKind.TICKET_PRINTER:
        device.send(payload)
    elif kind in (DeviceKind.CARD_PRINTER, DeviceKind.DOCUMENT_PRINTER) and \
            job_kind.startswith("card"):
        from printing.card import NpwpdCard

        device.print_card(NpwpdCard.from_json(payload))
    else:
        raise DeviceError(Condition.UNREACHABLE, f"{kind.value} cannot print {job_kind}")


class Spool:
    """Sends due jobs; any number of spools may run against one database."""

    def __init__(self, store: Store, *, connections: set[str] | None = None,
                 opener: Callable[[DeviceKind, str], Any] = open_device,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.store = store
        self.connections = connections  # only these (a station's own devices); None: all
        self._open = opener
        self._clock = clock

    def due(self, now: datetime | None = None, limit: int = 100) -> list[int]:
        now = now or self._clock()
        query = (select(DeviceJob.id)
                 .where(DeviceJob.state == JobState.QUEUED, DeviceJob.next_attempt_at <= now)
                 .order_by(DeviceJob.next_attempt_at, DeviceJob.id).limit(limit))
        if self.connections is not None:
            query = query.where(DeviceJob.connection.in_(sorted(self.connections)))
        with self.store.uow(read_only=True) as uow:
            return list(uow.session.scalars(query))

    def run_due(self, now: datetime | None = None) -> list[JobResult]:
        return [r for job_id in self.due(now) if (r := self.attempt(job_id, now)) is not None]

    def next_due_at(self) -> datetime | None:
        query = select(DeviceJob.next_attempt_at).where(DeviceJob.state == JobState.QUEUED)
        if self.connections is not None:
            query = query.where(DeviceJob.connection.in_(sorted(self.connections)))
        with self.store.uow(read_only=True) as uow:
            return uow.session.scalar(query.order_by(DeviceJob.next_attempt_at).limit(1))

    def attempt(self, job_id: int, now: datetime | None = None, *,
                retry: bool = True) -> JobResult | None:
        """Claim the job, send it, record the outcome; ``None`` if someone else has it.

        ``retry=False`` gives up at the first failure (flagged for reprint): a kiosk ticket
        printed minutes later, after the visitor read the number on screen and walked away,
        would only confuse the next visitor.
        """
        now = now or self._clock()
        with self.store.uow() as uow:
            claimed = uow.session.execute(
                update(DeviceJob)
                .where(DeviceJob.id == job_id, DeviceJob.state == JobState.QUEUED)
                .values(state=JobState.SENT, attempts=DeviceJob.attempts + 1, updated_at=now)
                .returning(DeviceJob.device_kind, DeviceJob.connection, DeviceJob.job_kind,
                           DeviceJob.payload, DeviceJob.attempts, DeviceJob.office_id)
            ).first()
            uow.commit()
        if claimed is None:
            return None
        kind, connection, job_kind, payload, attempts, office_id = claimed
        try:
            device = self._open(DeviceKind(kind), connection)
            try:
                deliver(device, DeviceKind(kind), job_kind, payload)
            finally:
                device.close()
        except DeviceError as exc:
            return self._failed(job_id, office_id, attempts if retry else MAX_ATTEMPTS, exc,
                                now)
        except BadConnection as exc:
            return self._finish(job_id, office_id, JobState.FAILED, attempts, now,
                                error=f"bad connection: {exc.reason}", condition="unreachable")
        return self._finish(job_id, office_id, JobState.DONE, attempts, now)

    def _failed(self, job_id: int, office_id: int | None, attempts: int, exc: DeviceError,
                now: datetime) -> JobResult:
        condition = exc.condition.value
        if exc.delivered:
            return self._finish(job_id, office_id, JobState.FAILED, attempts, now,
                                error=f"unconfirmed: {exc}", condition=condition)
        if attempts >= MAX_ATTEMPTS:
            return self._finish(job_id, office_id, JobState.FAILED, attempts, now,
                                error=f"gave up: {exc}", condition=condition)
        return self._finish(job_id, office_id, JobState.QUEUED, attempts, now, error=str(exc),
                            condition=condition, retry_at=now + backoff(attempts))

    def _finish(self, job_id: int, office_id: int | None, state: JobState, attempts: int,
                now: datetime, *, error: str = "", condition: str | None = None,
                retry_at: datetime | None = None) -> JobResult:
        values: dict[str, Any] = {"state": state, "updated_at": now, "last_error": error}
        if state is JobState.DONE:
            values["done_at"] = now
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        with self.store.uow() as uow:
            uow.session.execute(update(DeviceJob).where(DeviceJob.id == job_id).values(**values))
            audit.record(uow.session, actor=ACTOR, action=f"print.{state.value}",
                         entity="device_job", entity_id=job_id, office_id=office_id, at=now,
                         before={"state": JobState.SENT.value},
                         after={"state": state.value, "attempts": attempts,
                                "error": error or None, "condition": condition})
            uow.commit()
        return JobResult(job_id, state.value, attempts, error, condition)

    def recover(self, now: datetime | None = None) -> list[int]:
        """Jobs a crashed spool left ``sent``: they may have printed, so they are flagged."""
        now = now or self._clock()
        query = select(DeviceJob.id, DeviceJob.office_id, DeviceJob.attempts).where(
            DeviceJob.state == JobState.SENT)
        if self.connections is not None:
            query = query.where(DeviceJob.connection.in_(sorted(self.connections)))
        with self.store.uow(read_only=True) as uow:
            stuck = uow.session.execute(query).all()
        for job_id, office_id, attempts in stuck:
            self._finish(job_id, office_id, JobState.FAILED, attempts, now,
                         error="unconfirmed: the spool stopped while sending",
                         condition="unknown")
        return [row[0] for row in stuck]


def failed_jobs(uow: UnitOfWork, *, office_id: int | None = None,
                job_kind: str | None = None) -> list[DeviceJob]:
    """What the kiosk and the supervisor list for reprint: failed jobs whose visit has not
    had a job printed since."""
    later = aliased(DeviceJob)
    reprinted = exists().where(later.visit_id == DeviceJob.visit_id, later.id > DeviceJob.id,
                               later.state == JobState.DONE)
    query = select(DeviceJob).where(DeviceJob.state == JobState.FAILED, ~reprinted)
    if office_id is not None:
        query = query.where(DeviceJob.office_id == office_id)
    if job_kind is not None:
        query = query.where(DeviceJob.job_kind == job_kind)
    return list(uow.session.scalars(query.order_by(DeviceJob.id)))
