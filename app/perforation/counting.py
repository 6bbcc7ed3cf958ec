"""Counting a request's sheets on the perforation machine (LOKET-PERF 1.0, docs/devices.md).

:func:`count_request` runs one job for a request through ``devices.registry.open_device``
and books what the machine reports. Nothing is guessed:

- the job's run is saved (with its job id) before the machine is told to start, so a
  process that dies mid-job can find the job again;
- a fault (jam, feeder empty, cover open) stops the job on the machine: the sheets punched
  so far are booked, the request is ``interrupted`` and counting again **resumes** the same
  job once the operator has cleared the fault;
- a device error (no answer, connection lost) books nothing new: counting again asks the
  machine (``STATUS``) how the job stands and resumes it, takes its final count, or, when
  the machine forgot it, starts a new job at the first serial not yet booked.

It blocks until the job ends; a UI calls it from a worker thread (``on_progress`` is called
from that thread every quarter of a second while the job runs).

Counting is counter work (:mod:`app.access`: an officer of the office), and while the
request's visit is open it belongs to the counter that has called or is serving that visit
(a supervisor may override, audited): both asked before the machine is touched, so a
refused person sends the machine nothing. The runs and the audit log name the person
checked, with their user id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app import access, audit
from app.access import Act, Acting, Actor
from app.errors import LoketError
from app.i18n import MESSAGES, tr
from app.perforation import (
    config,
    messages,  # noqa: F401  (registers the messages)
)
from app.perforation.service import (
    COUNTABLE,
    STATUS_TEXT,
    RequestInfo,
    find,
    info,
    visit_at_work,
)
from app.store import Store
from db.enums import DeviceKind
from db.models_perforation import PerforationRequest, PerforationRun
from devices.base import Condition, DeviceError
from devices.connection import BadConnection, parse
from devices.perforator import (
    BadJob,
    PerforationJob,
    PerforationResult,
    Perforator,
    PerforatorStatus,
    Refused,
)

POLL = 0.25  # seconds between progress reports to the caller
HELD = ("running", "stopped", "failed")  # runs whose job the machine may still hold

Clock = Callable[[], datetime]
Opener = Callable[[str], Perforator]


@dataclass(frozen=True)
class CountProgress:
    """The request's count as the machine reports it (not yet booked)."""

    number: str
    counted: int
    sheets: int  # serials in the request's range
    condition: str

    @property
    def fraction(self) -> float:
        return self.counted / self.sheets if self.sheets else 0.0


@dataclass(frozen=True)
class CountOutcome:
    """How a count ended: ``done`` (all serials counted), ``stopped`` (a fault: resume),
    ``aborted`` (ended at the machine), ``failed`` (device error: retry)."""

    request: RequestInfo
    state: str
    job_id: str
    counted: int  # booked for the request so far
    condition: str
    message: str  # why it is not done, in the user's language; "" when done

    @property
    def done(self) -> bool:
        return self.state == "done"

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "job_id": self.job_id, "counted": self.counted,
                "condition": self.condition, "message": self.message,
                "request": self.request.to_json()}


def counter_perforator(store: Store, office_code: str, counter_code: str | None) -> str | None:
    """The perforation machine configured for a counter's station (its connection string),
    or None when the counter has none."""
    if not counter_code:
        return None
    from app.output.devices import station_device
    from app.queue.engine import find_counter, resolve_office

    with store.uow(read_only=True) as uow:
        office = resolve_office(uow.session, office_code)
        try:
            counter = find_counter(uow.session, office, counter_code)
        except LoketError:
            return None
        return station_device(uow.session, DeviceKind.PERFORATOR, counter_id=counter.id)


def condition_text(condition: Condition | str) -> str:
    key = f"perforation.condition.{Condition(condition).value}"
    return tr(key) if key in MESSAGES else str(condition)


def _default_opener(raw: str) -> Perforator:
    from devices.registry import open_device

    return open_device(DeviceKind.PERFORATOR, raw)


def _clock(now: datetime | Clock | None) -> Clock:
    if now is None:
        return lambda: datetime.now(UTC)
    if isinstance(now, datetime):
        fixed = now.astimezone(UTC)
        return lambda: fixed
    return now


def _status_text(req: PerforationRequest) -> str:
    return STATUS_TEXT.get(req.status, req.status)


@dataclass
class _Plan:
    resume_job: str | None  # a job of this request the machine may still hold


def count_request(store: Store, ref: object, connection: str, *, actor: Actor,
                  office_code: str | None = None, now: datetime | Clock | None = None,
                  on_progress: Callable[[CountProgress], None] | None = None,
                  opener: Opener | None = None, override: bool = False) -> CountOutcome:
    """Count (or go on counting) request ``ref`` on the machine at ``connection``.

    Raises LoketError for a request that cannot be counted or a bad connection string
    (nothing written), and for a job the machine refuses (nothing counted; the refusal is
    booked on the run, and a refused RESUME keeps the job open for the next try). Device
    trouble is an outcome (``failed``), booked on the request so that counting again
    recovers."""
    clock = _clock(now)
    opener = opener or _default_opener
    try:
        parse(connection, DeviceKind.PERFORATOR)
    except BadConnection as exc:
        raise LoketError("perforation.device.bad_connection", value=connection,
                         reason=exc.reason) from None

    # 1. what is there to count, and is a job of this request perhaps open on the machine
    with store.uow() as uow:
        req = find(uow.session, ref, office_code)
        who = access.require(uow.session, actor, Act.COUNTER_WORK, office_id=req.office_id,
                             now=clock())
        _check_countable(req)
        visit_at_work(uow.session, req.office_id, req.visit_id, actor=actor,
                      override=override, now=clock(), open_only=True)
        request_id = req.id
        last_run = req.runs[-1] if req.runs else None
        plan = _Plan(
            resume_job=last_run.job_id if last_run and last_run.state in HELD else None)
        range_total = req.last_serial - req.first_serial + 1
        number = req.number
        uow.commit()  # a supervisor's override is audited before the machine moves

    try:
        device = opener(connection)
    except BadConnection as exc:
        raise LoketError("perforation.device.bad_connection", value=connection,
                         reason=exc.reason) from None
    try:
        return _count(store, device, request_id, plan, connection, who, clock, on_progress,
                      number, range_total)
    finally:
        device.close()


def _check_countable(req: PerforationRequest) -> None:
    if req.status not in COUNTABLE:
        raise LoketError("perforation.bad_state", number=req.number, status=_status_text(req))
    if req.counted >= req.last_serial - req.first_serial + 1:
        raise LoketError("perforation.count.done", number=req.number, counted=req.counted)


def _count(store: Store, device: Perforator, request_id: int, plan: _Plan, connection: str,
           who: Acting, clock: Clock, on_progress: Callable[[CountProgress], None] | None,
           number: str, range_total: int) -> CountOutcome:
    # 2. ask the machine about a job it may still hold
    machine: PerforatorStatus | None = None
    if plan.resume_job is not None:
        try:
            machine = device.status()
        except DeviceError as exc:
            return _fail_before_start(store, request_id, None, exc, who, clock)
        if machine.job_id != plan.resume_job:
            machine = None  # switched off since, or another job: it forgot ours
        elif machine.state == "busy":
            raise LoketError("perforation.count.machine_busy", job=machine.job_id,
                             counted=machine.counted, sheets=machine.sheets)

    # 3. book the run before the machine moves
    with store.uow() as uow:
        s = uow.session
        req = find(s, request_id, lock=True)
        _check_countable(req)
        at = clock()
        before = {"status": req.status, "counted": req.counted}
        held = next((r for r in req.runs if r.job_id == plan.resume_job), None)
        if machine is not None and held is not None:
            run = held
            run.state, run.detail = "running", f"recovered: {machine.detail}"
        else:
            machine = None
            attempt = max((r.attempt for r in req.runs), default=0) + 1
            first = req.first_serial + req.counted
            run = PerforationRun(
                request_id=req.id, attempt=attempt, job_id=f"P{req.id}-{attempt}",
                connection=connection, first_serial=first,
                sheets=req.last_serial - first + 1, state="running", started_at=at,
                started_by=who.name)
            s.add(run)
            for old in req.runs:  # a job the machine forgot will never report again
                if old.state in ("running", "stopped"):
                    old.state = "lost"
        req.status, req.updated_at = "counting", at
        s.flush()
        run_id, job_id = run.id, run.job_id
        job_first, job_sheets = run.first_serial, run.sheets
        base = run.first_serial - req.first_serial
        media = config.media_named(req.media)
        series = req.series
        audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.count_start",
                     entity="perforation_request", entity_id=req.id, before=before,
                     after={"status": "counting", "job_id": job_id, "connection": connection,
                            "resume": machine is not None}, office_id=req.office_id, at=at)
        uow.commit()

    # 4. run the job
    result: PerforationResult | None = None
    resuming = machine is not None and machine.state != "idle"
    try:
        if machine is not None and machine.state == "idle":
            # it ended while nobody listened: its count is final
            result = PerforationResult(job_id, machine.counted, machine.sheets,
                                       aborted=machine.counted != machine.sheets)
        elif machine is not None:
            device.resume(job_id)
        else:
            if media is None:  # a retired code the machine never knew: refuse cleanly
                raise BadJob("media", f"unknown media {job_id}")
            device.start(PerforationJob(job_id, media.machine, series, job_first,
                                        job_first + job_sheets - 1, job_sheets))
        while result is None:
            result = device.wait(POLL)
            if result is None and on_progress is not None:
                progress = device.progress()
                if progress is not None:
                    on_progress(CountProgress(number, base + progress.counted, range_total,
                                              progress.condition.value))
    except Refused as exc:
        # a RESUME refused (the jam is still there) leaves the job open for the next try
        _book_failure(store, request_id, run_id, exc, who, clock,
                      run_state="stopped" if resuming else "refused")
        raise LoketError("perforation.count.refused",
                         reason=f"{exc.code} {condition_text(exc.condition)}") from None
    except BadJob as exc:
        _book_failure(store, request_id, run_id, DeviceError(Condition.UNKNOWN, exc.reason),
                      who, clock, run_state="refused")
        raise LoketError("perforation.count.refused", reason=exc.reason) from None
    except DeviceError as exc:
        return _book_failure(store, request_id, run_id, exc, who, clock)

    # 5. book the result
    outcome = _book_result(store, request_id, run_id, result, base, who, clock)
    if on_progress is not None:
        on_progress(CountProgress(number, outcome.counted, range_total, outcome.condition))
    return outcome


def _book_result(store: Store, request_id: int, run_id: int, result: PerforationResult,
                 base: int, who: Acting, clock: Clock) -> CountOutcome:
    with store.uow() as uow:
        s = uow.session
        req = find(s, request_id, lock=True)
        run = s.get(PerforationRun, run_id)
        assert run is not None
        at = clock()
        before = {"status": req.status, "counted": req.counted}
        total = base + result.counted
        run.counted, run.ended_at = result.counted, at
        req.counted, req.updated_at = total, at
        message = ""
        if result.finished:
            run.state, run.condition, run.detail = "done", Condition.READY.value, ""
            req.status, req.counted_at, req.count_source = "counted", at, "machine"
            req.last_error = ""
            state = "done"
        elif result.fault is not None:
            run.state, run.condition = "stopped", result.fault.value
            at_sheet = base + (result.stopped_at or result.counted + 1)
            run.detail = f"{result.fault.value} at sheet {result.stopped_at}"
            message = tr("perforation.stopped", condition=condition_text(result.fault),
                         at=at_sheet, serial=req.first_serial + at_sheet - 1, counted=total)
            req.status, req.last_error, state = "interrupted", message, "stopped"
            req.counted_at, req.count_source = at, "machine"
        else:
            run.state, run.condition, run.detail = "aborted", Condition.READY.value, "aborted"
            message = tr("perforation.aborted", counted=total)
            req.status, req.last_error, state = "interrupted", message, "aborted"
            req.counted_at, req.count_source = at, "machine"
        audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.count",
                     entity="perforation_request", entity_id=req.id, before=before,
                     after={"status": req.status, "counted": total, "job_id": run.job_id,
                            "job_counted": result.counted, "state": state,
                            "condition": run.condition}, office_id=req.office_id, at=at)
        shown = info(s, req, at)
        condition = run.condition
        job_id = run.job_id
        uow.commit()
    return CountOutcome(shown, state, job_id, total, condition, message)


def _book_failure(store: Store, request_id: int, run_id: int | None, exc: DeviceError,
                  who: Acting, clock: Clock, *, run_state: str = "failed") -> CountOutcome:
    """Device trouble: nothing new is confirmed; the request can be counted again."""
    with store.uow() as uow:
        s = uow.session
        req = find(s, request_id, lock=True)
        at = clock()
        before = {"status": req.status, "counted": req.counted}
        job_id = ""
        if run_id is not None:
            run = s.get(PerforationRun, run_id)
            assert run is not None
            run.state = run_state
            run.condition, run.detail, run.ended_at = exc.condition.value, exc.detail, at
            job_id = run.job_id
        message = tr("perforation.device_failed", condition=condition_text(exc.condition),
                     detail=exc.detail or "-", counted=req.counted)
        req.status = "interrupted" if (req.runs or req.counted) else "requested"
        req.last_error, req.updated_at = message, at
        audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.count_failed",
                     entity="perforation_request", entity_id=req.id, before=before,
                     after={"status": req.status, "counted": req.counted,
                            "condition": exc.condition.value, "detail": exc.detail,
                            "job_id": job_id}, office_id=req.office_id, at=at)
        shown = info(s, req, at)
        uow.commit()
    return CountOutcome(shown, "failed", job_id, shown.counted, exc.condition.value, message)


def _fail_before_start(store: Store, request_id: int, run_id: int | None, exc: DeviceError,
                       who: Acting, clock: Clock) -> CountOutcome:
    return _book_failure(store, request_id, run_id, exc, who, clock)


def end_count(store: Store, ref: object, connection: str, *, actor: Actor,
              office_code: str | None = None, now: datetime | Clock | None = None,
              opener: Opener | None = None, override: bool = False) -> CountOutcome:
    """End, for good, the job of this request that the machine still holds (a fault that
    cannot be cleared, or the officer accepts the sheets counted so far): ``ABORT``, and its
    final count is booked. The request can then be reconciled (the rest is short) or
    counted again for the serials not yet punched."""
    clock = _clock(now)
    opener = opener or _default_opener
    try:
        parse(connection, DeviceKind.PERFORATOR)
    except BadConnection as exc:
        raise LoketError("perforation.device.bad_connection", value=connection,
                         reason=exc.reason) from None
    with store.uow() as uow:
        req = find(uow.session, ref, office_code)
        who = access.require(uow.session, actor, Act.COUNTER_WORK, office_id=req.office_id,
                             now=clock())
        if req.status not in COUNTABLE:
            raise LoketError("perforation.bad_state", number=req.number,
                             status=_status_text(req))
        run = req.runs[-1] if req.runs else None
        if run is None or run.state not in HELD:
            raise LoketError("perforation.count.no_job", number=req.number)
        visit_at_work(uow.session, req.office_id, req.visit_id, actor=actor,
                      override=override, now=clock(), open_only=True)
        request_id, run_id, job_id = req.id, run.id, run.job_id
        base = run.first_serial - req.first_serial
        uow.commit()  # a supervisor's override is audited before the machine moves
    try:
        device = opener(connection)
    except BadConnection as exc:
        raise LoketError("perforation.device.bad_connection", value=connection,
                         reason=exc.reason) from None
    try:
        try:
            result = device.abort(job_id)
        except Refused:  # NOJOB: the machine forgot it; nothing more will be counted
            with store.uow() as uow:
                s = uow.session
                req = find(s, request_id, lock=True)
                lost = s.get(PerforationRun, run_id)
                assert lost is not None
                at = clock()
                lost.state, lost.ended_at = "lost", at
                req.status, req.updated_at = "interrupted", at
                audit.record(s, actor=who.name, user_id=who.user_id,
                             action="perforation.count_end",
                             entity="perforation_request", entity_id=req.id,
                             after={"job_id": job_id, "state": "lost",
                                    "counted": req.counted}, office_id=req.office_id, at=at)
                shown = info(s, req, at)
                uow.commit()
            return CountOutcome(shown, "aborted", job_id, shown.counted, "ready",
                                tr("perforation.aborted", counted=shown.counted))
        except DeviceError as exc:
            return _book_failure(store, request_id, run_id, exc, who, clock)
    finally:
        device.close()
    return _book_result(store, request_id, run_id, result, base, who, clock)
