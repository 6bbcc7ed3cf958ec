"""The perforation machine driver against the simulator, through real serial I/O (pyserial on
a pty, and on TCP via ``socket://``): counting around faults, resume, status, timeouts, and
the bytes of the line protocol as docs/devices.md states them."""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import sys
import threading
import time
from collections.abc import Iterator

import pytest
import serial

from db.enums import DeviceKind
from devices.base import Condition, DeviceError, DeviceState
from devices.connection import BadConnection, parse
from devices.perforator import (
    BadJob,
    Media,
    PerforationJob,
    PerforationResult,
    Perforator,
    PerforatorStatus,
    Progress,
    Refused,
    SerialPerforator,
    open_perforator,
)
from devices.perforator_sim import PerforatorSimulator, parse_faults, serve
from devices.registry import open_device

FAST = 600_000.0  # sheets per minute: 1,000 sheets in 0.1 s
SLOW = 6_000.0  # 100 sheets a second: a 1,000-sheet job still runs when asked
TIMEOUT = 0.5  # the driver's timeout, seconds
SHORT = 0.25  # ... where a test waits for it to pass
TRANSPORTS = ["tcp"] if sys.platform == "win32" else ["pty", "tcp"]
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="no pty on Windows")


def _fds() -> set[str] | None:
    path = "/proc/self/fd"
    return set(os.listdir(path)) if os.path.isdir(path) else None


@pytest.fixture(autouse=True)
def no_leaks() -> Iterator[None]:
    """Every simulator and driver thread is stopped and every descriptor closed."""
    fds = _fds()
    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith("perforator")]
    assert left == []
    if fds is not None:  # opened here and left open (others' threads may close theirs meanwhile)
        assert _fds() - fds == set()


@pytest.fixture(params=TRANSPORTS)
def sim(request: pytest.FixtureRequest) -> Iterator[PerforatorSimulator]:
    machine = PerforatorSimulator(FAST, keepalive=0.1)
    if request.param == "pty":
        machine.start_pty()
    else:
        machine.start_tcp()
    try:
        yield machine
    finally:
        machine.stop()


@pytest.fixture
def driver(sim: PerforatorSimulator) -> Iterator[SerialPerforator]:
    with contextlib.closing(SerialPerforator(sim.url, timeout=TIMEOUT)) as perforator:
        yield perforator


def job(job_id: str = "T0001", sheets: int = 1000, first: int = 1,
        media: Media = Media.BON) -> PerforationJob:
    return PerforationJob.of(job_id, media, "BON-2025", first, first + sheets - 1)


def finished(driver: SerialPerforator) -> PerforationResult:
    result = driver.wait(10)
    assert result is not None
    return result


# --- the bytes on the wire -------------------------------------------------------------------


def test_the_wire_carries_the_documented_lines(sim: PerforatorSimulator) -> None:
    """A plain pyserial port, no Loket driver: the exchanges of docs/devices.md."""
    port = serial.serial_for_url(sim.url, baudrate=9600, timeout=2)
    try:
        def ask(line: bytes) -> bytes:
            port.write(line)
            return port.read_until(b"\r\n")

        assert ask(b"HELLO\r\n") == b"HELLO LOKET-PERF 1.0 SIM-PERF 1.0\r\n"
        assert ask(b"STATUS\r\n") == b"STATUS IDLE - 0 0 -\r\n"
        assert ask(b"START T1 bon A 1 10 11\r\n").startswith(b"ERR START BADJOB ")
        assert ask(b"START T1 tiket A 1 10 10\r\n").startswith(b"ERR START BADJOB ")
        assert ask(b"START T1 bon A 1 10\r\n").startswith(b"ERR START SYNTAX ")
        assert ask(b"PUNCH\n").startswith(b"ERR PUNCH UNKNOWN ")  # a bare LF ends a line too
        assert ask(b"RESUME T1\r\n").startswith(b"ERR RESUME NOJOB")
        port.write(b"\r\n")  # an empty line is not answered: the next reply is STATUS's
        assert ask(b"STATUS\r\n") == b"STATUS IDLE - 0 0 -\r\n"
        assert ask(b"START T1 parkir PKR-A 1001 1100 100\r\n") == b"OK START T1 100\r\n"
        lines = []
        while not lines or lines[-1] != b"DONE T1 100\r\n":
            line = port.read_until(b"\r\n")
            assert line.endswith(b"\r\n"), lines
            lines.append(line)
        assert b"PRG T1 50\r\n" in lines
        assert set(lines[:-1]) <= {f"PRG T1 {n}\r\n".encode() for n in range(101)}
        assert ask(b"STATUS\r\n") == b"STATUS IDLE T1 100 100 -\r\n"
    finally:
        port.close()
    assert list(sim.received)[:2] == ["HELLO", "STATUS"]


# --- counting around a jam, over a pty and over TCP ----------------------------------------


def test_jam_in_the_middle_counts_exactly_then_resume_completes(
        sim: PerforatorSimulator, driver: SerialPerforator) -> None:
    sim.inject("jam", at=500)
    seen: list[Progress] = []
    driver.start(job(), on_progress=seen.append)

    stopped = finished(driver)
    assert stopped == PerforationResult("T0001", 499, 1000, fault=Condition.JAMMED,
                                        stopped_at=500)
    assert stopped.resumable and not stopped.finished
    assert sim.snapshot().counted == 499
    assert driver.status() == PerforatorStatus("fault", "T0001", 499, 1000, Condition.JAMMED)
    assert driver.state().condition is Condition.JAMMED
    with pytest.raises(Refused) as refused:  # the jammed job is still open on the machine
        driver.start(job("T0002", 10))
    assert refused.value.code == "BUSY" and refused.value.delivered is False
    assert driver.progress() == Progress("T0001", 499, 1000, Condition.JAMMED)

    driver.resume("T0001")
    done = finished(driver)
    assert done == PerforationResult("T0001", 1000, 1000)
    assert done.finished and sim.snapshot().counted == 1000
    assert driver.status() == PerforatorStatus("idle", "T0001", 1000, 1000)

    counts = [p.counted for p in seen]
    assert counts == sorted(counts)
    assert {*range(50, 451, 50), 499, *range(500, 951, 50), 1000} <= set(counts)
    assert seen[-1] == Progress("T0001", 1000, 1000, Condition.READY)


@pytest.mark.parametrize(("kind", "condition"), [("jam", Condition.JAMMED),
                                                 ("media", Condition.MEDIA_OUT),
                                                 ("cover", Condition.COVER_OPEN)])
def test_each_fault_stops_at_its_sheet_and_resumes(
        sim: PerforatorSimulator, driver: SerialPerforator, kind: str,
        condition: Condition) -> None:
    sim.inject(kind, at=300)
    driver.start(job(sheets=400))
    stopped = finished(driver)
    assert (stopped.fault, stopped.counted, stopped.stopped_at) == (condition, 299, 300)
    assert driver.status().fault is condition
    if kind == "cover":  # the sensor still sees the cover open: the machine refuses
        with pytest.raises(Refused) as refused:
            driver.resume("T0001")
        assert refused.value.condition is Condition.COVER_OPEN
        assert driver.status().state == "fault"
        sim.close_cover()
    driver.resume("T0001")
    assert finished(driver) == PerforationResult("T0001", 400, 400)


def test_cover_opened_while_running_stops_before_the_next_sheet(
        sim: PerforatorSimulator, driver: SerialPerforator) -> None:
    sim.speed = SLOW
    driver.start(job(sheets=1000))
    assert sim.wait_until(lambda s: s.counted >= 3, 5)
    sim.open_cover()
    stopped = finished(driver)
    assert stopped.fault is Condition.COVER_OPEN
    assert 3 <= stopped.counted < 1000 and stopped.stopped_at == stopped.counted + 1
    assert stopped.counted == sim.snapshot().counted


def test_clients_one_after_another_see_the_same_machine(sim: PerforatorSimulator) -> None:
    with SerialPerforator(sim.url, timeout=TIMEOUT) as first:
        first.start(job("T0001", 100))
        assert finished(first).finished
    with SerialPerforator(sim.url, timeout=TIMEOUT) as second:
        assert second.status() == PerforatorStatus("idle", "T0001", 100, 100)
        second.start(job("T0002", 60))
        assert finished(second) == PerforationResult("T0002", 60, 60)
    assert sim.clients == (2 if sim.url.startswith("socket://") else 0)


def test_a_failing_progress_callback_does_not_stop_the_count(
        driver: SerialPerforator, caplog: pytest.LogCaptureFixture) -> None:
    def broken(progress: Progress) -> None:
        raise RuntimeError("UI gone")

    driver.start(job(sheets=200), on_progress=broken)
    assert finished(driver) == PerforationResult("T0001", 200, 200)
    assert "progress callback failed" in caplog.text


def test_wait_without_a_job_is_a_programming_error(driver: SerialPerforator) -> None:
    assert driver.progress() is None
    with pytest.raises(RuntimeError):
        driver.wait(0)


# --- status ----------------------------------------------------------------------------------


def test_status_idle_busy_fault(sim: PerforatorSimulator, driver: SerialPerforator) -> None:
    assert driver.status() == PerforatorStatus("idle", None, 0, 0)
    assert driver.state() == DeviceState(Condition.READY, "idle")

    sim.speed = SLOW
    driver.start(job("T0002", 1000, media=Media.PARKIR))
    busy = driver.status()
    assert (busy.state, busy.job_id, busy.sheets, busy.fault) == ("busy", "T0002", 1000, None)
    assert busy.counted < 1000
    assert driver.state().condition is Condition.BUSY
    assert sim.wait_until(lambda s: s.counted >= 2, 5)
    assert driver.status().counted >= 2
    assert driver.wait(0.05) is None  # still running: no result yet, no error

    aborted = driver.abort("T0002")
    assert aborted.aborted and not aborted.resumable and 2 <= aborted.counted < 1000
    assert driver.wait(0) == aborted
    assert driver.status() == PerforatorStatus("idle", "T0002", aborted.counted, 1000)
    with pytest.raises(Refused) as refused:
        driver.resume("T0002")
    assert refused.value.code == "NOJOB"

    sim.open_cover()
    assert driver.status() == PerforatorStatus("fault", "T0002", aborted.counted, 1000,
                                               Condition.COVER_OPEN)
    assert driver.state().condition is Condition.COVER_OPEN
    with pytest.raises(Refused) as refused:
        driver.start(job("T0003", 10))
    assert refused.value.code == "COVER" and refused.value.condition is Condition.COVER_OPEN
    sim.close_cover()
    assert driver.status().state == "idle"


def test_abort_at_the_panel_ends_the_wait(sim: PerforatorSimulator,
                                          driver: SerialPerforator) -> None:
    sim.speed = SLOW
    driver.start(job())
    assert sim.wait_until(lambda s: s.counted >= 1, 5)
    sim.panel_abort()
    result = finished(driver)
    assert result.aborted and result.counted == sim.snapshot().counted


# --- silence, absence, loss ------------------------------------------------------------------


@pytest.fixture
def quick(sim: PerforatorSimulator) -> Iterator[SerialPerforator]:
    """A driver with a short timeout, for tests that wait for it to pass."""
    with contextlib.closing(SerialPerforator(sim.url, timeout=SHORT)) as perforator:
        yield perforator


def test_silent_machine_is_a_timeout_within_the_timeout(
        sim: PerforatorSimulator, quick: SerialPerforator) -> None:
    sim.set_silent(True)
    began = time.monotonic()
    state = quick.state()
    assert state.condition is Condition.TIMEOUT
    assert time.monotonic() - began < SHORT + 1.0
    began = time.monotonic()
    with pytest.raises(DeviceError) as failed:
        quick.start(job())
    assert failed.value.condition is Condition.TIMEOUT
    assert time.monotonic() - began < SHORT + 1.0
    assert "HELLO" in sim.received  # it heard, it did not answer


def test_machine_falling_silent_mid_job_times_out_then_recovers(
        sim: PerforatorSimulator, quick: SerialPerforator) -> None:
    driver = quick
    sim.inject("silent", at=200)
    seen: list[Progress] = []
    driver.start(job(), on_progress=seen.append)
    began = time.monotonic()
    with pytest.raises(DeviceError) as failed:
        driver.wait(10)
    waited = time.monotonic() - began
    assert failed.value.condition is Condition.TIMEOUT and failed.value.delivered
    assert SHORT * 0.8 <= waited < SHORT + 1.0
    last = driver.progress()
    assert last is not None and last.condition is Condition.TIMEOUT and last.counted < 200
    assert seen[-1].condition is Condition.TIMEOUT

    sim.set_silent(False)  # the cable is back; the machine finished meanwhile
    assert driver.status() == PerforatorStatus("idle", "T0001", 1000, 1000)
    assert finished(driver) == PerforationResult("T0001", 1000, 1000)


def test_machine_disappearing_mid_job_is_offline_not_a_hang(
        sim: PerforatorSimulator, driver: SerialPerforator) -> None:
    sim.speed = SLOW
    driver.start(job())
    sim.stop()
    with pytest.raises(DeviceError) as failed:
        driver.wait(10)
    assert failed.value.condition in (Condition.OFFLINE, Condition.TIMEOUT)
    assert driver.state().condition in (Condition.OFFLINE, Condition.TIMEOUT,
                                        Condition.UNREACHABLE)


@pytest.mark.parametrize("target", ["serial", "tcp"])
def test_missing_machine_is_unreachable(target: str) -> None:
    if target == "serial":
        url = "/dev/no-such-perforator" if sys.platform != "win32" else "COM250"
    else:
        with socket.socket() as probe:  # a port nobody listens on
            probe.bind(("127.0.0.1", 0))
            url = f"socket://127.0.0.1:{probe.getsockname()[1]}"
    with SerialPerforator(url, timeout=TIMEOUT) as driver:
        began = time.monotonic()
        assert driver.state().condition is Condition.UNREACHABLE
        with pytest.raises(DeviceError) as failed:
            driver.start(job())
        assert failed.value.condition is Condition.UNREACHABLE and not failed.value.delivered
        assert time.monotonic() - began < 2 * TIMEOUT + 1.0


# --- bad job data ------------------------------------------------------------------------------


@pytest.mark.parametrize(("fields", "code"), [
    (("T1", "bon", "A", 1, 1000, 999), "sheets"),
    (("T1", "bon", "A", 10, 1, 0), "range"),
    (("T1", "bon", "A B", 1, 10, 10), "series"),
    (("T1", "bon", "", 1, 10, 10), "series"),
    (("T1", "tiket", "A", 1, 10, 10), "media"),
    (("bad id", "bon", "A", 1, 10, 10), "job_id"),
    (("", "bon", "A", 1, 10, 10), "job_id"),
    (("T1", "bon", "A", -1, 8, 10), "serial"),
    (("T1", "bon", "A", 1.0, 10, 10), "first"),
    (("T1", "bon", "A", 1, 200_000, 200_000), "sheets"),
])
def test_bad_job_data_is_refused(fields: tuple, code: str) -> None:
    with pytest.raises(BadJob) as refused:
        PerforationJob(*fields)
    assert refused.value.code == code


def test_media_names_are_the_protocol_words() -> None:
    made = PerforationJob("T1", "hiburan", "H", 5, 9, 5)  # type: ignore[arg-type]
    assert made.media is Media.HIBURAN
    assert made.start_line() == "START T1 hiburan H 5 9 5"
    assert {m.value for m in Media} == {"bon", "parkir", "hiburan", "reklame"}


def test_bad_job_is_refused_before_anything_is_sent(sim: PerforatorSimulator,
                                                    driver: SerialPerforator) -> None:
    tampered = job(sheets=100)
    object.__setattr__(tampered, "sheets", 99)  # as if it had bypassed the constructor
    with pytest.raises(BadJob):
        driver.start(tampered)
    assert list(sim.received) == []  # not even HELLO: the port was never opened
    assert driver.progress() is None


# --- opening from a connection string ------------------------------------------------------------


def test_open_perforator_on_a_simulator_end_to_end() -> None:
    conn = parse("sim://?speed=600000&fault=jam@500&timeout=1", DeviceKind.PERFORATOR)
    perforator = open_perforator(conn)
    try:
        assert isinstance(perforator, Perforator)
        assert perforator.connection == conn.raw
        assert perforator.state() == DeviceState(Condition.READY, "idle")
        perforator.start(job())
        stopped = perforator.wait(10)
        assert stopped is not None and (stopped.fault, stopped.counted) == (Condition.JAMMED, 499)
        perforator.resume("T0001")
        assert perforator.wait(10) == PerforationResult("T0001", 1000, 1000)
    finally:
        perforator.close()
    with pytest.raises(DeviceError):  # closed for good, its simulator gone
        perforator.status()


def test_registry_opens_a_simulated_perforator() -> None:
    perforator = open_device(DeviceKind.PERFORATOR, "sim://?speed=600000&fault=media@10")
    try:
        perforator.start(job(sheets=20))
        result = perforator.wait(10)
        assert result is not None and result.fault is Condition.MEDIA_OUT
        assert result.counted == 9
    finally:
        perforator.close()


@pytest.mark.parametrize("fault", ["smoke", "jam@x", "jam@0"])
def test_bad_simulator_fault_is_a_bad_connection(fault: str) -> None:
    with pytest.raises(BadConnection) as bad:
        open_perforator(parse(f"sim://?fault={fault}", DeviceKind.PERFORATOR))
    assert bad.value.code == "fault"
    with pytest.raises(ValueError):
        parse_faults(fault)


def test_machine_connection_strings_reach_the_machine(sim: PerforatorSimulator) -> None:
    if sim.url.startswith("socket://"):
        raw = f"perforator+tcp://{sim.address}?timeout={TIMEOUT}"
    else:
        raw = f"perforator+serial://{sim.address}?baudrate=9600&timeout={TIMEOUT}"
    perforator = open_perforator(parse(raw, DeviceKind.PERFORATOR))
    try:
        assert isinstance(perforator, SerialPerforator)
        assert perforator.url == sim.url and perforator.timeout == TIMEOUT
        assert perforator.status().state == "idle"
        assert perforator.identity == ("1.0", "SIM-PERF", "1.0")
    finally:
        perforator.close()


def test_tcp_connection_without_port_uses_the_converter_default() -> None:
    perforator = open_perforator(parse("perforator+tcp://10.0.0.9", DeviceKind.PERFORATOR))
    assert isinstance(perforator, SerialPerforator)
    assert perforator.url == "socket://10.0.0.9:4001"
    perforator.close()


# --- serve(), for `loket devices simulate perforator` ---------------------------------------------


@pytest.mark.parametrize("listen", [pytest.param("pty", marks=POSIX_ONLY), "tcp://127.0.0.1:0"])
def test_serve_prints_where_it_listens_until_stopped(listen: str) -> None:
    printed: queue.Queue[str] = queue.Queue()
    stop = threading.Event()
    server = threading.Thread(target=serve, args=(listen, FAST),
                              kwargs={"stop": stop, "echo": printed.put},
                              name="perforator-test-serve", daemon=True)
    server.start()
    try:
        message = printed.get(timeout=5)
        target = message.split("connection: ")[1]
        assert target.startswith("perforator+serial://" if listen == "pty" else "perforator+tcp://")
        perforator = open_perforator(parse(f"{target}?timeout=1", DeviceKind.PERFORATOR))
        try:
            perforator.start(job(sheets=120))
            assert perforator.wait(10) == PerforationResult("T0001", 120, 120)
        finally:
            perforator.close()
    finally:
        stop.set()
        server.join(5)
    assert not server.is_alive()
