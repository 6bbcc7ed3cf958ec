"""Perforation machines: the job a clerk hands over, the driver, and how to open one.

A perforation machine punches a mark into tax valuables (bon bills, parking and entertainment
tickets, advertisement stickers) and counts the sheets of one series. There is no standard
protocol, so Loket defines a small line protocol ("Perforation machine line protocol" in
docs/devices.md). :class:`SerialPerforator` speaks it through pyserial, so a serial port, a
pty and a serial-to-network converter (``socket://``) are all the same to it.

The count is what the office books, so the driver never guesses: a jam stops the job with
the sheets punched so far and the job stays open on the machine until it is resumed or
aborted; a machine that falls silent is a :class:`~devices.base.DeviceError` (``TIMEOUT``)
within the connection's timeout, never a hang.

Progress can be polled (:meth:`Perforator.progress`, e.g. from a ``QTimer``) or delivered to
a callback, which runs on the driver's reader thread: emit a Qt signal from it, and do not
call the driver from it (the reader cannot route a reply while it waits in the callback).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

import serial
from serial.urlhandler import protocol_socket

from devices.base import Condition, Device, DeviceError, DeviceState
from devices.connection import BadConnection, Connection

log = logging.getLogger(__name__)

PROTOCOL = "LOKET-PERF"
PROTOCOL_MAJOR = 1
DEFAULT_BAUDRATE = 9600
DEFAULT_TIMEOUT = 2.0  # seconds: a reply, a connect, the silence tolerated during a job
DEFAULT_TCP_PORT = 4001  # the data port of common serial-to-network converters
DEFAULT_SIM_SPEED = 600.0  # sheets per minute
MAX_SHEETS = 99_999
MAX_SERIAL = 999_999_999
_READ_TICK = 0.05  # the reader thread's read timeout: how fast it notices close and silence
_MAX_LINE = 128

_JOB_ID = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
_SERIES = re.compile(r"^[!-~]{1,16}$")  # printable ASCII, no spaces


class Media(StrEnum):
    """What is being perforated; the machine may pick its die or feed by it."""

    BON = "bon"  # bon bills: restaurant and hotel bills
    PARKIR = "parkir"  # parking tickets
    HIBURAN = "hiburan"  # entertainment tickets
    REKLAME = "reklame"  # advertisement stickers


class BadJob(ValueError):
    """Job data the machine must never see; ``code`` is a stable key
    (``device.bad_job.<code>``) for the translated message."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class PerforationJob:
    """One stack of one series, first to last serial, as counted by the clerk.

    ``sheets`` is given separately so that a typo in a serial number or in the count is
    caught here, before the machine punches anything.
    """

    job_id: str
    media: Media
    series: str
    first: int
    last: int
    sheets: int

    def __post_init__(self) -> None:
        if isinstance(self.media, str) and self.media in {m.value for m in Media}:
            object.__setattr__(self, "media", Media(self.media))
        self.validate()

    def validate(self) -> None:
        """Raise :class:`BadJob` unless the job can be sent as it is."""
        if not isinstance(self.job_id, str) or not _JOB_ID.match(self.job_id):
            raise BadJob("job_id", "job id must be 1-32 of A-Z a-z 0-9 . _ -")
        if not isinstance(self.media, Media):
            raise BadJob("media", "media must be one of " + ", ".join(m.value for m in Media))
        if not isinstance(self.series, str) or not _SERIES.match(self.series):
            raise BadJob("series", "series must be 1-16 printable ASCII characters, no spaces")
        for name in ("first", "last", "sheets"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise BadJob(name, f"{name} must be a whole number")
        if not 0 <= self.first <= MAX_SERIAL or not 0 <= self.last <= MAX_SERIAL:
            raise BadJob("serial", f"serial numbers must be between 0 and {MAX_SERIAL}")
        if self.last < self.first:
            raise BadJob("range", "the last serial is before the first")
        if self.sheets != self.last - self.first + 1:
            raise BadJob("sheets", f"{self.sheets} sheets do not match serials "
                                   f"{self.first}-{self.last} ({self.last - self.first + 1})")
        if self.sheets > MAX_SHEETS:
            raise BadJob("sheets", f"at most {MAX_SHEETS} sheets per job")

    @classmethod
    def of(cls, job_id: str, media: Media | str, series: str, first: int,
           last: int) -> PerforationJob:
        """A job whose sheet count follows from its serials."""
        return cls(job_id, media, series, first, last, last - first + 1)  # type: ignore[arg-type]

    def start_line(self) -> str:
        return (f"START {self.job_id} {self.media.value} {self.series} {self.first} {self.last} "
                f"{self.sheets}")


_FAULTS = {"JAM": Condition.JAMMED, "MEDIA": Condition.MEDIA_OUT, "COVER": Condition.COVER_OPEN}


def fault_condition(code: str) -> Condition:
    """The condition of a protocol fault code; codes Loket does not know mean offline."""
    return _FAULTS.get(code, Condition.OFFLINE)


@dataclass(frozen=True)
class PerforationResult:
    """How a job ended (for now): finished, stopped by a fault (resumable), or aborted.

    ``counted`` sheets are punched: serials ``first .. first + counted - 1``.
    ``stopped_at`` is the position (1-based) of the sheet the machine stopped at.
    """

    job_id: str
    counted: int
    sheets: int
    fault: Condition | None = None
    stopped_at: int | None = None
    aborted: bool = False

    @property
    def finished(self) -> bool:
        return self.fault is None and not self.aborted and self.counted == self.sheets

    @property
    def resumable(self) -> bool:
        return self.fault is not None

    @property
    def condition(self) -> Condition:
        return self.fault or Condition.READY


@dataclass(frozen=True)
class Progress:
    """A job's progress as last reported. ``condition`` is ``BUSY`` while it runs, ``READY``
    once it finished or was aborted, the fault when stopped, ``TIMEOUT`` while the machine
    is silent and ``OFFLINE`` when the connection was lost."""

    job_id: str
    counted: int
    sheets: int
    condition: Condition

    @property
    def fraction(self) -> float:
        return self.counted / self.sheets if self.sheets else 0.0


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class PerforatorStatus:
    """The machine's answer to ``STATUS``: idle, busy or fault, and its current (or last) job."""

    state: str  # "idle", "busy" or "fault"
    job_id: str | None
    counted: int
    sheets: int
    fault: Condition | None = None

    @property
    def condition(self) -> Condition:
        if self.state == "busy":
            return Condition.BUSY
        return self.fault or Condition.READY

    @property
    def detail(self) -> str:
        if self.job_id is None:
            return self.state
        return f"{self.state} {self.job_id} {self.counted}/{self.sheets}"


@runtime_checkable
class Perforator(Device, Protocol):
    """A perforation machine. Every call returns or raises DeviceError within the timeout,
    except :meth:`wait`, which waits as long as asked while the machine keeps reporting."""

    def status(self) -> PerforatorStatus:
        """Ask the machine (``STATUS``); raise DeviceError when it does not answer."""
        ...

    def start(self, job: PerforationJob, on_progress: ProgressCallback | None = None) -> None:
        """Validate ``job`` and start it; raise BadJob before sending anything when invalid.
        ``on_progress`` is called from the driver's thread on every report."""
        ...

    def progress(self) -> Progress | None:
        """The current job's last known progress (cheap, for polling); None before any job."""
        ...

    def wait(self, timeout: float | None = None) -> PerforationResult | None:
        """Wait up to ``timeout`` seconds (None: as long as it takes) for the current job to
        finish, stop on a fault or be aborted; None when it is still running. Raises
        DeviceError(TIMEOUT) when the machine stays silent for the connection's timeout."""
        ...

    def resume(self, job_id: str) -> None:
        """Continue a job stopped by a fault, once the operator has cleared it."""
        ...

    def abort(self, job_id: str) -> PerforationResult:
        """End a running or stopped job for good; the result has the final count."""
        ...


class Refused(DeviceError):
    """The machine answered ``ERR``: it did nothing (``delivered`` is False); ``code`` is the
    protocol's error code (BUSY, NOJOB, BADJOB, JAM, MEDIA, COVER, ...)."""

    def __init__(self, code: str, detail: str) -> None:
        condition = {"BUSY": Condition.BUSY, **_FAULTS}.get(code, Condition.UNKNOWN)
        super().__init__(condition, f"{code} {detail}".strip())
        self.code = code


class _SocketPort(protocol_socket.Serial):
    """pyserial's ``socket://`` port, but connecting within our timeout (pyserial waits a
    fixed 5 s) and without its 0.3 s pause on close."""

    connect_timeout = DEFAULT_TIMEOUT
    # pyserial ships no type hints: its attributes this class sets, said here
    _socket: socket.socket | None
    is_open: bool

    def open(self) -> None:
        self.logger = None
        if self.is_open:
            raise serial.SerialException("Port is already open.")
        try:
            self._socket = socket.create_connection(self.from_url(self.portstr),
                                                    timeout=self.connect_timeout)
        except OSError as exc:
            self._socket = None
            raise serial.SerialException(f"could not open {self.portstr}: {exc}") from exc
        self._socket.setblocking(False)
        self.is_open = True

    def close(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
            self._socket.close()
            self._socket = None
        self.is_open = False


@dataclass
class _Run:
    """The driver's record of one job."""

    job_id: str
    sheets: int
    counted: int = 0
    result: PerforationResult | None = None
    on_progress: ProgressCallback | None = None
    silent: bool = False

    def progress(self, lost: bool = False) -> Progress:
        if self.result is not None:
            condition = self.result.condition
        elif lost:
            condition = Condition.OFFLINE
        elif self.silent:
            condition = Condition.TIMEOUT
        else:
            condition = Condition.BUSY
        return Progress(self.job_id, self.counted, self.sheets, condition)


class SerialPerforator:
    """The line protocol over a pyserial port (device name, pty path or ``socket://``).

    The port is opened on first use and again after it was lost. A reader thread routes the
    machine's lines: replies to the command waiting for them, reports to the job records.
    """

    def __init__(self, url: str, *, connection: str = "", baudrate: int = DEFAULT_BAUDRATE,
                 timeout: float = DEFAULT_TIMEOUT,
                 on_close: Callable[[], None] | None = None) -> None:
        self.connection = connection or url
        self.url = url
        self.timeout = timeout
        self.baudrate = baudrate
        self.identity: tuple[str, ...] = ()  # version, model, firmware from HELLO
        self._on_close = on_close
        self._io = threading.Lock()  # one command on the wire at a time; guards the port
        self._cv = threading.Condition()  # guards the job records and the fields below
        self._replies: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._port: serial.SerialBase | None = None
        self._reader: threading.Thread | None = None
        self._stop_reader = threading.Event()
        self._greeted = False
        self._lost: DeviceError | None = None
        self._closed = False
        self._runs: dict[str, _Run] = {}
        self._current: str | None = None
        self._last_line = time.monotonic()

    def __enter__(self) -> SerialPerforator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the Perforator interface ------------------------------------------------------

    def state(self) -> DeviceState:
        try:
            status = self.status()
        except DeviceError as exc:
            return DeviceState(exc.condition, exc.detail)
        return DeviceState(status.condition, status.detail)

    def status(self) -> PerforatorStatus:
        tokens = self._command("STATUS")
        try:
            state, job_id, counted, sheets, code = tokens[1:6]
            status = PerforatorStatus(
                state=state.lower(), job_id=None if job_id == "-" else job_id,
                counted=int(counted), sheets=int(sheets),
                fault=None if code == "-" else fault_condition(code))
        except ValueError:
            raise DeviceError(Condition.UNKNOWN, f"bad STATUS reply: {' '.join(tokens)}") from None
        self._learn(status)
        return status

    def start(self, job: PerforationJob, on_progress: ProgressCallback | None = None) -> None:
        if not isinstance(job, PerforationJob):
            raise BadJob("type", "not a PerforationJob")
        job.validate()
        with self._wire() as deadline:
            with self._cv:
                previous = (self._runs.get(job.job_id), self._current)
                self._runs[job.job_id] = _Run(job.job_id, job.sheets, on_progress=on_progress)
                self._current = job.job_id
                self._last_line = time.monotonic()
            try:
                self._exchange(job.start_line(), deadline, delivered=True)
            except Refused:
                with self._cv:
                    self._restore(job.job_id, *previous)
                raise
            with self._cv:
                self._last_line = time.monotonic()
                self._cv.notify_all()

    def progress(self) -> Progress | None:
        with self._cv:
            run = self._runs.get(self._current) if self._current else None
            return run.progress(self._lost is not None) if run else None

    def wait(self, timeout: float | None = None) -> PerforationResult | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cv:
            while True:
                if self._closed:
                    raise DeviceError(Condition.OFFLINE, "the perforator was closed")
                run = self._runs.get(self._current) if self._current else None
                if run is None:
                    raise RuntimeError("no perforation job was started")
                if run.result is not None:
                    return run.result
                if self._lost is not None:
                    raise DeviceError(self._lost.condition, self._lost.detail, delivered=True)
                now = time.monotonic()
                quiet = now - self._last_line
                if quiet >= self.timeout:
                    note = self._mark_silent(run)
                    break
                wake = self.timeout - quiet
                if deadline is not None:
                    if deadline <= now:
                        return None
                    wake = min(wake, deadline - now)
                self._cv.wait(wake)
        if note is not None:
            self._notify(*note)
        raise DeviceError(Condition.TIMEOUT, f"no report for {quiet:.1f} s during job "
                          f"{run.job_id} at {run.counted}/{run.sheets}", delivered=True)

    def resume(self, job_id: str) -> None:
        with self._wire() as deadline:
            with self._cv:
                previous = (self._runs.get(job_id), self._current)
                old = previous[0]
                self._runs[job_id] = _Run(job_id, old.sheets if old else 0,
                                          old.counted if old else 0,
                                          on_progress=old.on_progress if old else None)
                self._current = job_id
                self._last_line = time.monotonic()
            try:
                tokens = self._exchange(f"RESUME {job_id}", deadline, delivered=True)
            except Refused:
                with self._cv:
                    self._restore(job_id, *previous)
                raise
            with self._cv:
                run = self._runs[job_id]
                with contextlib.suppress(ValueError, IndexError):  # OK RESUME <job> <n> <sheets>
                    run.counted, run.sheets = int(tokens[3]), int(tokens[4])
                self._last_line = time.monotonic()
                self._cv.notify_all()

    def abort(self, job_id: str) -> PerforationResult:
        tokens = self._command(f"ABORT {job_id}")
        try:
            counted, sheets = int(tokens[3]), int(tokens[4])
        except (ValueError, IndexError):
            raise DeviceError(Condition.UNKNOWN, f"bad ABORT reply: {' '.join(tokens)}") from None
        result = PerforationResult(job_id, counted, sheets, aborted=True)
        with self._cv:
            run = self._runs.setdefault(job_id, _Run(job_id, sheets))
            run.counted, run.result = counted, result
            self._cv.notify_all()
        return result

    def close(self) -> None:
        with self._io:
            if self._closed:
                return
            self._closed = True
            self._shutdown_port()
        with self._cv:
            self._cv.notify_all()
        if self._on_close is not None:
            self._on_close()

    # --- the wire ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _wire(self) -> Iterator[float]:
        """Hold the port for one exchange, opened and greeted, within one timeout."""
        deadline = time.monotonic() + self.timeout
        if not self._io.acquire(timeout=self.timeout):
            raise DeviceError(Condition.TIMEOUT, "another command is still waiting")
        try:
            self._open(deadline)
            yield deadline
        finally:
            self._io.release()

    def _command(self, line: str) -> list[str]:
        with self._wire() as deadline:
            return self._exchange(line, deadline, delivered=False)

    def _open(self, deadline: float) -> None:
        if self._closed:
            raise DeviceError(Condition.OFFLINE, "the perforator was closed")
        if self._port is None or self._lost is not None:
            self._shutdown_port()
            try:
                port = self._make_port(max(deadline - time.monotonic(), 0.05))
                port.reset_input_buffer()
            except (serial.SerialException, OSError, ValueError) as exc:
                raise DeviceError(Condition.UNREACHABLE, f"cannot open {self.url}: {exc}") from None
            self._port, self._lost, self._greeted = port, None, False
            self._stop_reader = threading.Event()
            self._reader = threading.Thread(target=self._read_loop, args=(port, self._stop_reader),
                                            name=f"perforator-reader {self.url}", daemon=True)
            self._reader.start()
            self._write(b"\r\n", delivered=False)  # ends any half line left in the machine
        if not self._greeted:
            tokens = self._exchange("HELLO", deadline, delivered=False)
            if len(tokens) < 3 or tokens[1] != PROTOCOL or tokens[2].split(".")[0] != str(
                    PROTOCOL_MAJOR):
                self._shutdown_port()
                raise DeviceError(Condition.OFFLINE, "not a LOKET-PERF 1.x machine: "
                                  + " ".join(tokens))
            self.identity = tuple(tokens[2:5])
            self._greeted = True

    def _make_port(self, connect_timeout: float) -> serial.SerialBase:
        if self.url.startswith("socket://"):
            port = _SocketPort(None, timeout=_READ_TICK, write_timeout=self.timeout)
            port.connect_timeout = connect_timeout
            port.port = self.url
            port.open()
            return port
        return serial.serial_for_url(self.url, baudrate=self.baudrate, timeout=_READ_TICK,
                                     write_timeout=self.timeout)

    def _shutdown_port(self) -> None:
        port, reader = self._port, self._reader
        self._port = self._reader = None
        self._greeted = False
        self._stop_reader.set()
        if port is not None and hasattr(port, "cancel_read"):
            with contextlib.suppress(Exception):
                port.cancel_read()
        if reader is not None and reader is not threading.current_thread():
            reader.join(timeout=2)
        if port is not None:
            with contextlib.suppress(Exception):
                port.close()

    def _write(self, data: bytes, *, delivered: bool) -> None:
        assert self._port is not None
        try:
            self._port.write(data)
        except serial.SerialTimeoutException:
            raise DeviceError(Condition.TIMEOUT, "the port did not take the command",
                              delivered=delivered) from None
        except (serial.SerialException, OSError) as exc:
            self._connection_lost(exc)
            raise DeviceError(Condition.OFFLINE, f"write failed: {exc}",
                              delivered=delivered) from None

    def _exchange(self, line: str, deadline: float, *, delivered: bool) -> list[str]:
        """Send one command and return its reply's fields; raise Refused on ``ERR``."""
        word = line.split()[0]
        while True:  # replies that came too late for an earlier command
            try:
                self._replies.get_nowait()
            except queue.Empty:
                break
        self._write(f"{line}\r\n".encode("ascii"), delivered=False)
        while True:
            try:
                reply = self._replies.get(timeout=max(deadline - time.monotonic(), 0.001))
            except queue.Empty:
                raise DeviceError(Condition.TIMEOUT, f"no answer to {word} within "
                                  f"{self.timeout:g} s", delivered=delivered) from None
            if reply is None:
                lost = self._lost or DeviceError(Condition.OFFLINE, "connection lost")
                raise DeviceError(lost.condition, lost.detail, delivered=delivered)
            tokens = reply.split()
            if tokens[0] == "ERR" and len(tokens) >= 3 and tokens[1] == word:
                raise Refused(tokens[2], " ".join(tokens[3:]))
            if (tokens[0] == "OK" and len(tokens) >= 2 and tokens[1] == word) or tokens[0] == word:
                return tokens

    # --- the reader thread -------------------------------------------------------------

    def _read_loop(self, port: serial.SerialBase, stop: threading.Event) -> None:
        buffer = bytearray()
        while not stop.is_set():
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
                if not stop.is_set():
                    self._connection_lost(exc)
                return
            if data:
                buffer += data
                while (end := buffer.find(b"\n")) >= 0:
                    raw = bytes(buffer[:end]).strip()
                    del buffer[:end + 1]
                    if raw:
                        self._on_line(raw.decode("ascii", "replace"))
                if len(buffer) > _MAX_LINE:
                    buffer.clear()
            self._check_silence()

    def _on_line(self, line: str) -> None:
        tokens = line.split()
        note: tuple[ProgressCallback, Progress] | None = None
        with self._cv:
            self._last_line = time.monotonic()
            current = self._runs.get(self._current) if self._current else None
            if current is not None:
                current.silent = False  # any line is a sign of life
            if tokens[0] in ("PRG", "DONE", "FAULT", "ABORTED"):
                note = self._apply_report(tokens)
            self._cv.notify_all()
        if tokens[0] in ("OK", "ERR", "HELLO", "STATUS"):
            self._replies.put(line)
        elif note is not None:
            self._notify(*note)

    def _apply_report(self, tokens: list[str]) -> tuple[ProgressCallback, Progress] | None:
        run = self._runs.get(tokens[1]) if len(tokens) > 2 else None
        if run is None or run.result is not None:
            return None  # a job of another host or of an earlier session
        try:
            if tokens[0] == "PRG":
                run.counted = int(tokens[2])
            elif tokens[0] == "DONE":
                run.counted = int(tokens[2])
                run.result = PerforationResult(run.job_id, run.counted, run.sheets)
            elif tokens[0] == "ABORTED":
                run.counted = int(tokens[2])
                run.result = PerforationResult(run.job_id, run.counted, run.sheets, aborted=True)
            else:  # FAULT <job> <code> <at> <counted>
                run.counted = int(tokens[4])
                run.result = PerforationResult(run.job_id, run.counted, run.sheets,
                                               fault=fault_condition(tokens[2]),
                                               stopped_at=int(tokens[3]))
        except (ValueError, IndexError):
            log.warning("perforator %s: bad report %r", self.url, " ".join(tokens))
            return None
        run.silent = False
        return (run.on_progress, run.progress()) if run.on_progress else None

    def _check_silence(self) -> None:
        with self._cv:
            run = self._runs.get(self._current) if self._current else None
            if (run is None or run.result is not None
                    or time.monotonic() - self._last_line < self.timeout):
                return
            note = self._mark_silent(run)
        if note is not None:
            self._notify(*note)

    def _mark_silent(self, run: _Run) -> tuple[ProgressCallback, Progress] | None:
        """Flag the running job's machine as silent (caller holds the lock); the callback
        to call, once, outside the lock."""
        if run.silent:
            return None
        run.silent = True
        self._cv.notify_all()
        return (run.on_progress, run.progress()) if run.on_progress else None

    def _connection_lost(self, exc: BaseException) -> None:
        with self._cv:
            self._lost = DeviceError(Condition.OFFLINE, f"connection lost: {exc}", delivered=True)
            run = self._runs.get(self._current) if self._current else None
            note = (run.on_progress, run.progress(True)) if run and run.on_progress else None
            self._cv.notify_all()
        self._replies.put(None)
        if note is not None and run is not None and run.result is None:
            self._notify(*note)

    def _notify(self, callback: ProgressCallback, progress: Progress) -> None:
        try:
            callback(progress)
        except Exception:
            log.exception("perforator %s: progress callback failed", self.url)

    # --- bookkeeping ---------------------------------------------------------------------

    def _restore(self, job_id: str, run: _Run | None, current: str | None) -> None:
        if run is None:
            self._runs.pop(job_id, None)
        else:
            self._runs[job_id] = run
        self._current = current

    def _learn(self, status: PerforatorStatus) -> None:
        """Catch up on reports that were missed (a silent spell, a reconnect)."""
        with self._cv:
            run = self._runs.get(status.job_id) if status.job_id else None
            if run is None or run.result is not None:
                return
            run.counted = max(run.counted, status.counted)  # a report may have overtaken it
            if status.state == "fault" and status.fault is not None:
                run.result = PerforationResult(run.job_id, run.counted, run.sheets,
                                               fault=status.fault, stopped_at=run.counted + 1)
            elif status.state == "idle":
                run.result = PerforationResult(run.job_id, run.counted, run.sheets,
                                               aborted=status.counted != run.sheets)
            self._cv.notify_all()


def open_perforator(conn: Connection) -> Perforator:
    """The perforator behind ``conn``: a machine on a serial port or behind a converter, or
    for ``sim://`` the same driver talking to an in-process simulator (on a pty, or on a
    loopback TCP port on Windows) that is stopped when the driver is closed."""
    timeout = conn.option_float("timeout", DEFAULT_TIMEOUT)
    given_baudrate = conn.option_int("baudrate")
    baudrate = DEFAULT_BAUDRATE if given_baudrate is None else given_baudrate
    if conn.transport == "serial":
        return SerialPerforator(conn.target, connection=conn.raw, baudrate=baudrate,
                                timeout=timeout)
    if conn.transport == "tcp":
        host, port = conn.host_port(DEFAULT_TCP_PORT)
        return SerialPerforator(f"socket://{host}:{port}", connection=conn.raw,
                                baudrate=baudrate, timeout=timeout)
    if conn.is_simulator:
        from devices.perforator_sim import PerforatorSimulator, parse_faults

        try:
            faults = parse_faults(str(conn.option("fault", "")))
        except ValueError as exc:
            raise BadConnection(conn.raw, "fault", str(exc)) from None
        speed = conn.option_float("speed", DEFAULT_SIM_SPEED)
        if speed <= 0:
            raise BadConnection(conn.raw, "speed", "speed must be above 0 sheets per minute")
        sim = PerforatorSimulator(speed, faults=faults)
        url = sim.start_tcp() if sys.platform == "win32" else sim.start_pty()
        return SerialPerforator(url, connection=conn.raw, baudrate=baudrate, timeout=timeout,
                                on_close=sim.stop)
    raise BadConnection(conn.raw, "kind", f"{conn.scheme} cannot drive a perforator")
