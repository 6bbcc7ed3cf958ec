"""Counting a request on the perforation machine: real LOKET-PERF bytes to the simulator on
a pty and on TCP, through devices.registry.open_device; faults, device errors and retries."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.access import Actor
from app.errors import LoketError
from app.perforation import service
from app.perforation.counting import CountProgress, count_request, end_count
from app.store import Store
from db.models import AuditEntry
from devices.perforator_sim import PerforatorSimulator
from tests.app.perforation.conftest import NOW

FAST = 600_000.0  # sheets per minute: 1,000 sheets in 0.1 s
TIMEOUT = 0.5  # the driver's timeout (seconds): how long a silent machine is waited for
TRANSPORTS = ["tcp"] if sys.platform == "win32" else ["pty", "tcp"]


@pytest.fixture(autouse=True)
def no_leaks() -> Iterator[None]:
    yield
    assert [t.name for t in threading.enumerate() if t.name.startswith("perforator")] == []


def _machine(transport: str = "tcp", faults: str = "") -> PerforatorSimulator:
    sim = PerforatorSimulator(FAST, faults=faults, keepalive=0.1)
    if transport == "pty":
        sim.start_pty()
    else:
        sim.start_tcp()
    return sim


def _conn(sim: PerforatorSimulator) -> str:
    scheme = "perforator+tcp://" if sim.url.startswith("socket://") else "perforator+serial://"
    return f"{scheme}{sim.address}?timeout={TIMEOUT}"


@pytest.fixture(params=TRANSPORTS)
def sim(request: pytest.FixtureRequest) -> Iterator[PerforatorSimulator]:
    machine = _machine(request.param)
    try:
        yield machine
    finally:
        machine.stop()


def _count(store: Store, ref: str, conn: str, progress: list | None = None):
    return count_request(store, ref, conn, actor=Actor("petugas"), office_code="BPPD-MALANG",
                         now=NOW, on_progress=progress.append if progress is not None else None)


def _get(store: Store, ref: str) -> service.RequestInfo:
    with store.uow(read_only=True) as uow:
        return service.get_request(uow, ref, now=NOW)


def test_a_request_is_counted_on_the_machine(catalog_store: Store, make,
                                            sim: PerforatorSimulator) -> None:
    info = make()
    progress: list[CountProgress] = []
    outcome = _count(catalog_store, info.number, _conn(sim), progress)
    assert outcome.done and outcome.counted == 1000 and outcome.message == ""
    assert f"START P{info.id}-1 bon BON-A 1001 2000 1000" in sim.received
    assert progress and progress[-1].counted == 1000 and progress[-1].sheets == 1000
    shown = _get(catalog_store, info.number)
    assert (shown.status, shown.counted, shown.count_source) == ("counted", 1000, "machine")
    assert [(r.attempt, r.state, r.counted) for r in shown.runs] == [(1, "done", 1000)]
    with catalog_store.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "perforation_request").order_by(AuditEntry.id)).all()
    assert actions == ["perforation.request", "perforation.count_start", "perforation.count"]
    with pytest.raises(LoketError) as err:  # counted once
        _count(catalog_store, info.number, _conn(sim))
    assert err.value.key == "perforation.bad_state"


def test_a_jam_stops_the_count_and_counting_again_resumes_the_job(
        catalog_store: Store, make) -> None:
    info = make()
    sim = _machine(faults="jam@500")
    try:
        stopped = _count(catalog_store, info.number, _conn(sim))
        assert (stopped.state, stopped.counted, stopped.condition) == ("stopped", 499,
                                                                         "jammed")
        assert "macet" in stopped.message and "1500" in stopped.message
        shown = _get(catalog_store, info.number)
        assert shown.status == "interrupted" and shown.counted == 499 and shown.resumable
        # the operator clears the jam; the same job goes on
        done = _count(catalog_store, info.number, _conn(sim))
        assert f"RESUME P{info.id}-1" in sim.received
        assert done.done and done.counted == 1000
        shown = _get(catalog_store, info.number)
        assert [(r.attempt, r.state, r.counted) for r in shown.runs] == [(1, "done", 1000)]
    finally:
        sim.stop()


def test_a_machine_that_forgot_the_job_gets_a_new_one_for_the_rest(
        catalog_store: Store, make) -> None:
    info = make()
    first = _machine(faults="media@301")
    try:
        stopped = _count(catalog_store, info.number, _conn(first))
        assert (stopped.state, stopped.counted, stopped.condition) == ("stopped", 300,
                                                                         "media_out")
    finally:
        first.stop()
    second = _machine()  # switched off and on: no job
    try:
        done = _count(catalog_store, info.number, _conn(second))
        assert f"START P{info.id}-2 bon BON-A 1301 2000 700" in second.received
        assert done.done and done.counted == 1000
    finally:
        second.stop()
    shown = _get(catalog_store, info.number)
    assert [(r.attempt, r.state, r.first_serial, r.counted) for r in shown.runs] == [
        (1, "lost", 1001, 300), (2, "done", 1301, 700)]


def test_a_silent_machine_books_nothing_and_the_retry_reads_the_final_count(
        catalog_store: Store, make) -> None:
    info = make()
    sim = _machine(faults="silent@200")
    try:
        failed = _count(catalog_store, info.number, _conn(sim))
        assert (failed.state, failed.condition, failed.counted) == ("failed", "timeout", 0)
        shown = _get(catalog_store, info.number)
        assert shown.status == "interrupted" and shown.counted == 0
        assert "tidak menjawab" in shown.last_error
        # meanwhile the machine finished; it answers again
        assert sim.wait_until(lambda s: s.state == "idle", 5)
        sim.set_silent(False)
        done = _count(catalog_store, info.number, _conn(sim))
        assert done.done and done.counted == 1000
        assert not any(line.startswith(f"START P{info.id}-2") for line in sim.received)
    finally:
        sim.stop()


def test_an_unreachable_machine_leaves_the_request_countable(
        catalog_store: Store, make) -> None:
    info = make()
    gone = _machine()
    conn = _conn(gone)
    gone.stop()
    failed = _count(catalog_store, info.number, conn)
    assert failed.state == "failed" and failed.condition == "unreachable"
    assert _get(catalog_store, info.number).status == "interrupted"
    sim = _machine()
    try:
        assert _count(catalog_store, info.number, _conn(sim)).done
    finally:
        sim.stop()


def test_a_refused_job_is_reported_and_can_be_retried(catalog_store: Store, make) -> None:
    info = make()
    sim = _machine(faults="cover")
    try:
        with pytest.raises(LoketError) as err:
            _count(catalog_store, info.number, _conn(sim))
        assert err.value.key == "perforation.count.refused"
        assert _get(catalog_store, info.number).status == "interrupted"
        sim.close_cover()
        assert _count(catalog_store, info.number, _conn(sim)).done
    finally:
        sim.stop()


def test_a_bad_connection_string_changes_nothing(catalog_store: Store, make) -> None:
    info = make()
    for raw in ("escpos+tcp://10.0.0.1:9100", "perforator+tcp://", "bogus"):
        with pytest.raises(LoketError) as err:
            _count(catalog_store, info.number, raw)
        assert err.value.key == "perforation.device.bad_connection"
    shown = _get(catalog_store, info.number)
    assert shown.status == "requested" and shown.runs == ()


def test_the_built_in_simulator_connection_counts_too(catalog_store: Store, make) -> None:
    info = make(first="1", last="120", sheets="120")
    outcome = _count(catalog_store, info.number, "sim://?speed=600000&timeout=0.5")
    assert outcome.done and outcome.counted == 120


def test_a_resume_refused_keeps_the_job_for_the_next_try(catalog_store: Store, make) -> None:
    info = make()
    sim = _machine(faults="jam@100")
    try:
        assert _count(catalog_store, info.number, _conn(sim)).counted == 99
        sim.open_cover()  # the operator opened the machine to clear the jam
        with pytest.raises(LoketError) as err:
            _count(catalog_store, info.number, _conn(sim))
        assert err.value.key == "perforation.count.refused"
        assert "penutup" in err.value.message("id")
        shown = _get(catalog_store, info.number)
        assert shown.job_open and shown.runs[-1].state == "stopped"
        sim.close_cover()
        done = _count(catalog_store, info.number, _conn(sim))
        assert done.done and done.counted == 1000
        assert len(_get(catalog_store, info.number).runs) == 1
    finally:
        sim.stop()


def test_ending_a_stopped_job_books_its_count_for_reconciliation(
        catalog_store: Store, make) -> None:
    info = make()
    sim = _machine(faults="media@801")
    try:
        assert _count(catalog_store, info.number, _conn(sim)).counted == 800
        ended = end_count(catalog_store, info.number, _conn(sim), actor=Actor("petugas"),
                          office_code="BPPD-MALANG", now=NOW)
        assert ended.state == "aborted" and ended.counted == 800
        assert f"ABORT P{info.id}-1" in sim.received
        assert sim.snapshot().state == "idle"  # the machine is free for the next request
        assert not _get(catalog_store, info.number).job_open
        with pytest.raises(LoketError) as err:
            end_count(catalog_store, info.number, _conn(sim), actor=Actor("petugas"), now=NOW)
        assert err.value.key == "perforation.count.no_job"
    finally:
        sim.stop()
    with catalog_store.uow() as uow:
        done = service.reconcile(uow, info.number, damaged=0, actor=Actor("pengawas"), now=NOW)
    assert (done.short, done.good, done.result) == (200, 800, "selisih")
