"""The print spool: a job is in the database before it is sent, so none is ever lost.

States: ``queued`` (waiting, or waiting to be retried after ``next_attempt_at``), ``sent``
(leased to one sender that is sending it right now), ``done`` (the printer confirmed),
``failed`` (given up, or sent without confirmation: it may or may not have printed, a
person decides and reprints; a failed job is never retried by itself).

One owner per job. A sender (a spool, the kiosk printing its own ticket, a person
reprinting) first takes the job's *lease* in the database: one atomic ``UPDATE ... WHERE``
the job is free, ``RETURNING`` the job, which sets ``state=sent``, ``lease_owner`` and
``lease_expires_at``. Only then does a byte go out. Invariants:

- a job is ``sent`` exactly while somebody holds its lease; ``queued``, ``done`` and
  ``failed`` jobs have none;
- a sender writes the outcome only while it still holds the lease (the outcome's ``UPDATE``
  names the owner); a sender that lost its lease writes nothing but an audit note;
- a spool never touches a job leased to another while the lease runs: :meth:`Spool.recover`
  flags only jobs whose lease expired (a sender that crashed or hung: it may have printed);
- a person reprinting takes the job over explicitly (:meth:`Spool.take_over`, audited): a
  queued job stops waiting for its retry, a failed one is sent again with the reprint
  payload (marked "CETAK ULANG" on paper); a job being sent under a running lease, or one
  already done, is refused;
- a failure before any byte left (printer offline, paper out, unreachable) is retried with
  backoff, up to :data:`MAX_ATTEMPTS`, unless the sender said ``retry=False``; a failure
  after the bytes left is never retried by itself, so nothing is printed twice unasked.

So a job's outcome is either "will be retried automatically" (``queued``) or "press
reprint" (``failed``), never both. Every change of state is in the audit log.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select, update
from sqlalchemy.orm import aliased

from app import audit, i18n
from app.access import Actor
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
SPOOL = Actor.system(ACTOR)  # a job saved by the program itself
# how long a sender may take before another may presume it gone: a ticket takes a second, a
# silent printer a few timeouts (3 s each); a card printer far less than this
LEASE = timedelta(minutes=2)

MESSAGES: dict[str, tuple[str, str]] = {
    "print.retrying": (
        "tiket {ticket} belum tercetak ({condition}); akan dicoba lagi otomatis "
        "(tugas cetak {job}), jangan dicetak ulang",
        "ticket {ticket} was not printed ({condition}); it will be retried automatically "
        "(print job {job}), do not reprint it",
    ),
    "print.press_reprint": (
        "tiket {ticket} mungkin tidak tercetak ({condition}); tidak akan dicoba lagi "
        "otomatis: periksa printer, lalu tekan cetak ulang (loket print ticket {ticket} "
        "--reprint)",
        "ticket {ticket} may not have printed ({condition}); it will not be retried "
        "automatically: check the printer, then press reprint (loket print ticket {ticket} "
        "--reprint)",
    ),
    "print.unknown_job": ("tugas cetak {job} tidak ada", "no print job {job}"),
    "print.busy": (
        "tugas cetak {job} sedang dikirim ke printer; tunggu hasilnya, tidak dicetak ulang",
        "print job {job} is being sent to the printer right now; wait for its outcome, "
        "it is not reprinted",
    ),
    "print.already_done": (
        "tugas cetak {job} sudah tercetak; tidak dicetak ulang",
        "print job {job} has already printed; it is not reprinted",
    ),
    "print.ticket_queued": (
        "tiket {ticket} sudah di antrian cetak (tugas {job}) dan akan dicoba lagi otomatis; "
        "tidak dicetak dua kali",
        "ticket {ticket} is already in the print queue (job {job}) and will be retried "
        "automatically; it is not printed twice",
    ),
    "print.ticket_printed": (
        "tiket {ticket} sudah tercetak (tugas {job}); untuk salinan bertanda CETAK ULANG "
        "tekan cetak ulang (--reprint)",
        "ticket {ticket} has already printed (job {job}); for a copy marked CETAK ULANG "
        "press reprint (--reprint)",
    ),
    "print.ticket_flagged": (
        "tiket {ticket} mungkin sudah tercetak (tugas {job}); tidak dicetak dua kali: "
        "periksa printer, lalu tekan cetak ulang (--reprint)",
        "ticket {ticket} may already have printed (job {job}); it is not printed twice: "
        "check the printer, then press reprint (--reprint)",
    ),
    # a printer's condition, in words (the message above names it)
    "print.condition.paper_out": ("kertas printer habis", "the printer is out of paper"),
    "print.condition.paper_low": ("kertas printer hampir habis",
                                  "the printer's paper is running low"),
    "print.condition.offline": ("printer tidak siap", "the printer is not ready"),
    "print.condition.cover_open": ("tutup printer terbuka", "the printer's cover is open"),
    "print.condition.jammed": ("kertas printer macet", "the printer's paper is jammed"),
    "print.condition.media_out": ("kartu printer habis", "the printer is out of cards"),
    "print.condition.timeout": ("printer tidak menjawab", "the printer does not answer"),
    "print.condition.unreachable": ("printer tidak terhubung", "the printer is not connected"),
    "print.condition.unknown": ("keadaan printer tidak diketahui",
                                "the printer's state is unknown"),
}
i18n.register(MESSAGES)


def condition_words(condition: str | None) -> i18n.Text:
    """What a person reads for a device condition ("kertas printer habis", not
    ``paper_out``), in the reader's language when it is shown."""
    key = f"print.condition.{condition or 'unknown'}"
    return i18n.Text(key if key in MESSAGES else "print.condition.unknown")


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
            visit_id: int | None = None, actor: Actor = SPOOL,
            now: datetime | None = None, sender: Spool | None = None) -> int:
    """Save a job (committed before anyone tries to send it). With ``sender`` the job is
    born leased to it (``sent``): no spool can claim it before that sender sends it.
    ``actor``: who asked for it (their name and user id go in the audit)."""
    now = now or datetime.now(UTC)
    job = DeviceJob(office_id=office_id, station_id=station_id, device_kind=kind,
                    connection=check_connection(connection, kind), job_kind=job_kind,
                    payload=payload, visit_id=visit_id, state=JobState.QUEUED,
                    next_attempt_at=now, created_at=now, updated_at=now)
    if sender is not None:
        job.state, job.attempts = JobState.SENT, 1
        job.lease_owner, job.lease_expires_at = sender.owner, now + sender.lease
    uow.session.add(job)
    uow.session.flush()
    audit.record(uow.session, actor=actor.name, user_id=actor.user_id,
                 action="print.queued", entity="device_job", entity_id=job.id,
                 office_id=office_id, at=now,
                 after={"kind": job_kind, "connection": job.connection, "visit_id": visit_id,
                        "bytes": len(payload)})
    if sender is not None:
        audit.record(uow.session, actor=ACTOR, action="print.sent", entity="device_job",
                     entity_id=job.id, office_id=office_id, at=now,
                     before={"state": JobState.QUEUED.value},
                     after={"state": JobState.SENT.value, "owner": sender.owner,
                            "attempts": 1})
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


@dataclass(frozen=True)
class Claim:
    """A job whose lease this sender holds: what to send, and where."""

    id: int
    kind: DeviceKind
    connection: str
    job_kind: str
    payload: bytes
    attempts: int
    office_id: int | None


_CLAIMED = (DeviceJob.id, DeviceJob.device_kind, DeviceJob.connection, DeviceJob.job_kind,
            DeviceJob.payload, DeviceJob.attempts, DeviceJob.office_id)


def _claim_of(row: Any) -> Claim:
    job_id, kind, connection, job_kind, payload, attempts, office_id = row
    return Claim(job_id, DeviceKind(kind), connection, job_kind, payload, attempts, office_id)


def new_owner(role: str = "spool") -> str:
    """A name for one sender, unique across the office's PCs: role, host, process, random."""
    return f"{role}@{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"[:100]


def lease_expired(now: datetime) -> ColumnElement[bool]:
    """A ``sent`` job whose sender is presumed gone (no lease: left by an older version)."""
    return or_(DeviceJob.lease_expires_at.is_(None), DeviceJob.lease_expires_at < now)


class Spool:
    """Sends due jobs; any number of spools may run against one database, each job has one
    sender at a time (its lease)."""

    def __init__(self, store: Store, *, connections: set[str] | None = None,
                 opener: Callable[[DeviceKind, str], Any] = open_device,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 owner: str | None = None, lease: timedelta = LEASE) -> None:
        self.store = store
        self.connections = connections  # only these (a station's own devices); None: all
        self._open = opener
        self._clock = clock
        self.owner = owner or new_owner()
        self.lease = lease

    def _only_mine(self, query: Any) -> Any:
        if self.connections is not None:
            query = query.where(DeviceJob.connection.in_(sorted(self.connections)))
        return query

    def due(self, now: datetime | None = None, limit: int = 100) -> list[int]:
        now = now or self._clock()
        query = (select(DeviceJob.id)
                 .where(DeviceJob.state == JobState.QUEUED, DeviceJob.next_attempt_at <= now)
                 .order_by(DeviceJob.next_attempt_at, DeviceJob.id).limit(limit))
        with self.store.uow(read_only=True) as uow:
            return list(uow.session.scalars(self._only_mine(query)))

    def run_due(self, now: datetime | None = None) -> list[JobResult]:
        return [r for job_id in self.due(now) if (r := self.attempt(job_id, now)) is not None]

    def next_due_at(self) -> datetime | None:
        query = select(DeviceJob.next_attempt_at).where(DeviceJob.state == JobState.QUEUED)
        with self.store.uow(read_only=True) as uow:
            return uow.session.scalar(
                self._only_mine(query).order_by(DeviceJob.next_attempt_at).limit(1))

    # --- the lease -------------------------------------------------------------------

    def _lease_values(self, now: datetime) -> dict[str, Any]:
        return {"state": JobState.SENT, "attempts": DeviceJob.attempts + 1, "updated_at": now,
                "lease_owner": self.owner, "lease_expires_at": now + self.lease}

    def claim(self, job_id: int, now: datetime | None = None) -> Claim | None:
        """Take the lease of a queued job; ``None`` if it is not queued (someone has it, or
        it is finished)."""
        now = now or self._clock()
        with self.store.uow() as uow:
            row = uow.session.execute(
                update(DeviceJob)
                .where(DeviceJob.id == job_id, DeviceJob.state == JobState.QUEUED)
                .values(**self._lease_values(now)).returning(*_CLAIMED)
                .execution_options(synchronize_session=False)
            ).first()
            if row is None:
                return None
            claim = _claim_of(row)
            self._audit_sent(uow, claim, JobState.QUEUED, now)
            uow.commit()
        return claim

    def take_over(self, job_id: int, *, actor: Actor, payload: bytes | None = None,
                  job_kind: str | None = None, connection: str | None = None,
                  now: datetime | None = None) -> Claim:
        """A person's explicit take-over (a reprint): the job becomes this sender's, with a
        new payload if given. Refused while another sender's lease runs, and once done."""
        now = now or self._clock()
        with self.store.uow() as uow:
            job = uow.session.get(DeviceJob, job_id)
            if job is None:
                raise LoketError("print.unknown_job", job=job_id)
            seen = (job.state, job.attempts, job.lease_owner)
            if job.state is JobState.DONE:
                raise LoketError("print.already_done", job=job_id)
            if job.state is JobState.SENT and job.lease_expires_at is not None \
                    and job.lease_expires_at >= now:
                raise LoketError("print.busy", job=job_id)
            values = self._lease_values(now)
            values |= {k: v for k, v in (("payload", payload), ("job_kind", job_kind),
                                         ("connection", connection)) if v is not None}
            # (state, attempts) changes at every claim: unchanged means nobody came between
            row = uow.session.execute(
                update(DeviceJob)
                .where(DeviceJob.id == job_id, DeviceJob.state == seen[0],
                       DeviceJob.attempts == seen[1])
                .values(**values).returning(*_CLAIMED)
                .execution_options(synchronize_session=False)
            ).first()
            if row is None:
                raise LoketError("print.busy", job=job_id)
            claim = _claim_of(row)
            audit.record(uow.session, actor=actor.name, action="print.taken_over",
                         entity="device_job", entity_id=job_id, office_id=claim.office_id,
                         at=now, before={"state": seen[0].value, "owner": seen[2]},
                         after={"state": JobState.SENT.value, "owner": self.owner,
                                "kind": claim.job_kind, "connection": claim.connection})
            uow.commit()
        return claim

    def held(self, job_id: int) -> Claim | None:
        """The job if this sender holds its lease (e.g. one :func:`enqueue` leased to it)."""
        with self.store.uow(read_only=True) as uow:
            row = uow.session.execute(select(*_CLAIMED).where(
                DeviceJob.id == job_id, DeviceJob.state == JobState.SENT,
                DeviceJob.lease_owner == self.owner)).first()
        return None if row is None else _claim_of(row)

    def _audit_sent(self, uow: UnitOfWork, claim: Claim, before: JobState,
                    now: datetime) -> None:
        audit.record(uow.session, actor=ACTOR, action="print.sent", entity="device_job",
                     entity_id=claim.id, office_id=claim.office_id, at=now,
                     before={"state": before.value},
                     after={"state": JobState.SENT.value, "owner": self.owner,
                            "attempts": claim.attempts})

    # --- sending ---------------------------------------------------------------------

    def attempt(self, job_id: int, now: datetime | None = None, *,
                retry: bool = True) -> JobResult | None:
        """Claim the job, send it, record the outcome; ``None`` if someone else has it.

        ``retry=False`` gives up at the first failure (flagged for reprint): a kiosk ticket
        printed minutes later, after the visitor read the number on screen and walked away,
        would only confuse the next visitor.
        """
        now = now or self._clock()
        claim = self.claim(job_id, now)
        return None if claim is None else self.send(claim, now, retry=retry)

    def send(self, claim: Claim, now: datetime | None = None, *,
             retry: bool = True) -> JobResult:
        """Send a job whose lease this sender holds and record the outcome (if it still
        holds the lease then)."""
        now = now or self._clock()
        try:
            device = self._open(claim.kind, claim.connection)
            try:
                deliver(device, claim.kind, claim.job_kind, claim.payload)
            finally:
                device.close()
        except DeviceError as exc:
            return self._failed(claim, exc, now, retry)
        except BadConnection as exc:
            return self._finish(claim, JobState.FAILED, now,
                                error=f"bad connection: {exc.reason}", condition="unreachable")
        return self._finish(claim, JobState.DONE, now)

    def _failed(self, claim: Claim, exc: DeviceError, now: datetime,
                retry: bool) -> JobResult:
        condition = exc.condition.value
        if exc.delivered:
            return self._finish(claim, JobState.FAILED, now, error=f"unconfirmed: {exc}",
                                condition=condition)
        if not retry or claim.attempts >= MAX_ATTEMPTS:
            return self._finish(claim, JobState.FAILED, now, error=f"gave up: {exc}",
                                condition=condition)
        return self._finish(claim, JobState.QUEUED, now, error=str(exc), condition=condition,
                            retry_at=now + backoff(claim.attempts))

    def _finish(self, claim: Claim, state: JobState, now: datetime, *, error: str = "",
                condition: str | None = None, retry_at: datetime | None = None) -> JobResult:
        values: dict[str, Any] = {"state": state, "updated_at": now, "last_error": error,
                                  "lease_owner": None, "lease_expires_at": None}
        if state is JobState.DONE:
            values["done_at"] = now
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        after = {"state": state.value, "attempts": claim.attempts, "error": error or None,
                 "condition": condition}
        with self.store.uow() as uow:
            written = uow.session.execute(
                update(DeviceJob)
                .where(DeviceJob.id == claim.id, DeviceJob.state == JobState.SENT,
                       DeviceJob.lease_owner == self.owner)
                .values(**values).returning(DeviceJob.id)
                .execution_options(synchronize_session=False)
            ).first()
            if written is None:  # flagged after the lease ran out, or taken over
                current = uow.session.get(DeviceJob, claim.id)
                audit.record(uow.session, actor=ACTOR, action="print.lease_lost",
                             entity="device_job", entity_id=claim.id,
                             office_id=claim.office_id, at=now,
                             after={"owner": self.owner, "outcome": after})
                uow.commit()
                state_now = current.state.value if current else "gone"
                return JobResult(claim.id, state_now, claim.attempts,
                                 f"lease lost; the sender saw: {state.value} {error}".rstrip(),
                                 condition)
            audit.record(uow.session, actor=ACTOR, action=f"print.{state.value}",
                         entity="device_job", entity_id=claim.id, office_id=claim.office_id,
                         at=now, before={"state": JobState.SENT.value}, after=after)
            uow.commit()
        return JobResult(claim.id, state.value, claim.attempts, error, condition)

    def recover(self, now: datetime | None = None) -> list[int]:
        """Jobs whose sender's lease ran out (it crashed or hangs): they may have printed, so
        they are flagged. A job whose lease still runs is left to its sender."""
        now = now or self._clock()
        with self.store.uow(read_only=True) as uow:  # a read first: this runs every pass
            if uow.session.scalar(self._only_mine(select(DeviceJob.id).where(
                    DeviceJob.state == JobState.SENT, lease_expired(now)).limit(1))) is None:
                return []
        query = (update(DeviceJob)
                 .where(DeviceJob.state == JobState.SENT, lease_expired(now))
                 .values(state=JobState.FAILED, updated_at=now, lease_owner=None,
                         lease_expires_at=None,
                         last_error="unconfirmed: the sender stopped while sending")
                 .returning(DeviceJob.id, DeviceJob.office_id, DeviceJob.attempts)
                 .execution_options(synchronize_session=False))
        with self.store.uow() as uow:
            stuck = uow.session.execute(self._only_mine(query)).all()
            for job_id, office_id, attempts in stuck:
                audit.record(uow.session, actor=ACTOR, action="print.failed",
                             entity="device_job", entity_id=job_id, office_id=office_id,
                             at=now, before={"state": JobState.SENT.value},
                             after={"state": JobState.FAILED.value, "attempts": attempts,
                                    "error": "unconfirmed: the sender stopped while sending",
                                    "condition": "unknown"})
            uow.commit()
        return sorted(row[0] for row in stuck)


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
