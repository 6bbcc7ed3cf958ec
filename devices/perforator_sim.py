"""A perforation machine in a thread, speaking the line protocol byte for byte.

Loket's driver cannot tell it from a machine: it serves a pty (POSIX) or a TCP port, as a
machine on a serial port or behind a serial-to-network converter would. It implements the
protocol on its own (docs/devices.md, not the driver's code), so the tests check the driver
against the document. Sheets advance in real time at ``speed`` sheets per minute in the
simulator's thread; faults are injected at chosen sheets so that counting after a jam and
the host's timeouts can be tested without hardware.

Faults (one-shot, ``at`` = position of the sheet in the job, 1-based; ``kind`` alone = now):
``jam@N`` sheet N jams, ``media@N`` the feeder is empty at sheet N, ``cover@N`` / ``cover``
the cover is opened (until :meth:`PerforatorSimulator.close_cover`), ``silent@N`` /
``silent`` the machine stops answering (until :meth:`PerforatorSimulator.set_silent`).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

PROTOCOL = "LOKET-PERF"
VERSION = "1.0"
MEDIA = frozenset({"bon", "parkir", "hiburan", "reklame"})
FAULT_KINDS = ("jam", "media", "cover", "silent")
_CODES = {"jam": "JAM", "media": "MEDIA", "cover": "COVER"}
_JOB_ID = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
_SERIES = re.compile(r"^[!-~]{1,16}$")
_MAX_LINE = 128
_OUT_LIMIT = 64 * 1024  # like a UART without flow control: what nobody reads is lost


@dataclass(frozen=True)
class Fault:
    kind: str  # jam, media, cover, silent
    at: int | None = None  # position of the sheet in the job (1-based); None: now

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: " + ", ".join(FAULT_KINDS))
        if self.at is not None and self.at < 1:
            raise ValueError("a fault's sheet is counted from 1")


def parse_faults(spec: str) -> list[Fault]:
    """``"jam@500,cover"`` -> faults; raises ValueError naming what is wrong."""
    faults = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        kind, _, at = item.partition("@")
        if at and not at.isdigit():
            raise ValueError(f"bad sheet number in fault {item!r}")
        faults.append(Fault(kind.strip().lower(), int(at) if at else None))
    return faults


@dataclass(frozen=True)
class SimSnapshot:
    """The simulated machine as its operator would see it."""

    state: str  # idle, busy, fault
    job_id: str | None
    counted: int
    sheets: int
    fault: str | None  # JAM, MEDIA, COVER while stopped
    cover_open: bool
    silent: bool


@dataclass
class _Job:
    job_id: str
    media: str
    series: str
    first: int
    last: int
    sheets: int
    counted: int = 0


@dataclass
class _Machine:
    """The protocol and the mechanics, without I/O; the caller holds the simulator's lock."""

    speed: float
    report_every: int = 50
    keepalive: float = 1.0
    model: str = "SIM-PERF"
    firmware: str = "1.0"
    pending: list[Fault] = field(default_factory=list)
    cover_open: bool = False
    silent: bool = False
    state: str = "idle"
    fault: str | None = None
    job: _Job | None = None  # the open job, or the last one when idle
    next_sheet_at: float = 0.0
    last_sent: float = 0.0
    outbox: list[str] = field(default_factory=list)

    @property
    def interval(self) -> float:
        return 60.0 / self.speed

    def inject(self, fault: Fault) -> None:
        if fault.at is None and fault.kind == "cover":
            self.cover_open = True
        elif fault.at is None and fault.kind == "silent":
            self.silent = True
        else:
            self.pending.append(fault)

    def handle(self, line: str, now: float) -> list[str]:
        words = line.split()
        command, args = words[0].upper(), words[1:]
        if command == "HELLO":
            return [f"HELLO {PROTOCOL} {VERSION} {self.model} {self.firmware}"]
        if command == "STATUS":
            return [self._status()]
        if command == "START":
            return [self._start(args, now)]
        if command == "RESUME":
            return [self._resume(args, now)]
        if command == "ABORT":
            return [self._abort(args)]
        return [f"ERR {command} UNKNOWN unknown command"]

    def _status(self) -> str:
        job = self.job
        fields = f"{job.job_id} {job.counted} {job.sheets}" if job else "- 0 0"
        if self.state == "busy":
            return f"STATUS BUSY {fields} -"
        if self.state == "fault":
            return f"STATUS FAULT {fields} {self.fault}"
        if self.cover_open:
            return f"STATUS FAULT {fields} COVER"
        return f"STATUS IDLE {fields} -"

    def _start(self, args: list[str], now: float) -> str:
        if len(args) != 6:
            return "ERR START SYNTAX expected START job media series first last sheets"
        job_id, media, series, first, last, sheets = args
        if not all(v.isdigit() and len(v) <= 9 for v in (first, last, sheets)):
            return "ERR START SYNTAX first, last and sheets must be whole numbers"
        problem = _check_job(job_id, media, series, int(first), int(last), int(sheets))
        if problem:
            return f"ERR START BADJOB {problem}"
        if self.state != "idle":
            assert self.job is not None
            return f"ERR START BUSY job {self.job.job_id} is open"
        if self.cover_open:
            return "ERR START COVER cover open"
        self.job = _Job(job_id, media, series, int(first), int(last), int(sheets))
        self.state, self.fault = "busy", None
        self.next_sheet_at = now + self.interval
        return f"OK START {job_id} {sheets}"

    def _resume(self, args: list[str], now: float) -> str:
        job = self.job
        if len(args) != 1 or self.state != "fault" or job is None or job.job_id != args[0]:
            return f"ERR RESUME NOJOB no stopped job {' '.join(args)}".rstrip()
        if self.cover_open:
            return "ERR RESUME COVER cover open"
        self.state, self.fault = "busy", None
        self.next_sheet_at = now + self.interval
        return f"OK RESUME {job.job_id} {job.counted} {job.sheets}"

    def _abort(self, args: list[str]) -> str:
        job = self.job
        if len(args) != 1 or self.state == "idle" or job is None or job.job_id != args[0]:
            return f"ERR ABORT NOJOB no open job {' '.join(args)}".rstrip()
        self.state, self.fault = "idle", None
        return f"OK ABORT {job.job_id} {job.counted} {job.sheets}"

    def panel_abort(self) -> None:
        if self.state != "idle" and self.job is not None:
            self.state, self.fault = "idle", None
            self.outbox.append(f"ABORTED {self.job.job_id} {self.job.counted}")

    def advance(self, now: float) -> list[str]:
        """Punch the sheets that are due by ``now``; the reports to send."""
        out, self.outbox = self.outbox, []
        while self.state == "busy" and now >= self.next_sheet_at:
            out += self._feed()
            self.next_sheet_at += self.interval
        if self.state == "busy" and not out and now - self.last_sent >= self.keepalive:
            assert self.job is not None
            out.append(f"PRG {self.job.job_id} {self.job.counted}")  # still alive
        return out

    def _feed(self) -> list[str]:
        job = self.job
        assert job is not None
        position = job.counted + 1
        code = "COVER" if self.cover_open else None
        for fault in [f for f in self.pending if f.at is None or f.at <= position]:
            if code is None or fault.kind == "silent":
                self.pending.remove(fault)
                if fault.kind == "silent":
                    self.silent = True
                    continue
                self.cover_open = self.cover_open or fault.kind == "cover"
                code = _CODES[fault.kind]
        if code is not None:
            self.state, self.fault = "fault", code
            return [f"FAULT {job.job_id} {code} {position} {job.counted}"]
        job.counted = position
        if job.counted == job.sheets:
            self.state = "idle"
            return [f"DONE {job.job_id} {job.counted}"]
        if job.counted % self.report_every == 0:
            return [f"PRG {job.job_id} {job.counted}"]
        return []

    def wake_in(self, now: float) -> float | None:
        if self.outbox:
            return 0.0
        if self.state != "busy":
            return None
        return max(0.0, min(self.next_sheet_at - now, self.last_sent + self.keepalive - now))

    def snapshot(self) -> SimSnapshot:
        job = self.job
        return SimSnapshot(self.state, job.job_id if job else None, job.counted if job else 0,
                           job.sheets if job else 0, self.fault, self.cover_open, self.silent)


def _check_job(job_id: str, media: str, series: str, first: int, last: int,
               sheets: int) -> str:
    if not _JOB_ID.match(job_id):
        return "job id must be 1-32 of A-Z a-z 0-9 . _ -"
    if media not in MEDIA:
        return "media must be one of " + ", ".join(sorted(MEDIA))
    if not _SERIES.match(series):
        return "series must be 1-16 printable ASCII characters"
    if last < first:
        return "last serial before first"
    if sheets != last - first + 1 or sheets > 99_999:
        return "sheets must be last - first + 1 and at most 99999"
    return ""


class PerforatorSimulator:
    """One simulated machine on one transport (a pty or a TCP port), in a daemon thread.

    Thread-safe: tests and the UI steer it (:meth:`inject`, :meth:`open_cover`, ...) while
    the driver talks to it, and wait for it with :meth:`wait_until`.
    """

    def __init__(self, speed: float = 600.0, *, faults: str | Iterable[Fault] = (),
                 report_every: int = 50, keepalive: float = 1.0, model: str = "SIM-PERF",
                 firmware: str = "1.0") -> None:
        if speed <= 0 or report_every < 1 or keepalive <= 0:
            raise ValueError("speed, report_every and keepalive must be positive")
        self._changed = threading.Condition()
        self._machine = _Machine(speed, report_every, keepalive, model, firmware)
        for fault in parse_faults(faults) if isinstance(faults, str) else faults:
            self._machine.inject(fault)
        self.received: deque[str] = deque(maxlen=10_000)  # command lines, for tests
        self.sent: deque[str] = deque(maxlen=10_000)  # lines sent (not those lost when silent)
        self.clients = 0  # TCP connections accepted so far
        self.url = ""  # what the driver opens: a pty path or socket://host:port
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._master: int | None = None
        self._slave: int | None = None
        self._listener: socket.socket | None = None
        self._client: socket.socket | None = None
        self._inbuf = bytearray()
        self._outbuf = bytearray()

    def __enter__(self) -> PerforatorSimulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- transports --------------------------------------------------------------------

    def start_pty(self) -> str:
        """Serve on a new pty; returns the device path to give the driver (POSIX only)."""
        import tty

        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        self._master, self._slave = master, slave  # the slave stays open: no EIO between clients
        self.url = os.ttyname(slave)
        self._start_thread()
        return self.url

    def start_tcp(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on a TCP port, one client after another (a second one waits, unanswered,
        until the first leaves, as on a converter taking one connection); returns
        ``socket://host:port``."""
        listener = socket.create_server((host, port))
        listener.setblocking(False)
        self._listener = listener
        bound_host, bound_port = listener.getsockname()[:2]
        shown = "127.0.0.1" if bound_host in ("0.0.0.0", "") else bound_host
        self.url = f"socket://{shown}:{bound_port}"
        self._start_thread()
        return self.url

    @property
    def address(self) -> str:
        """The pty path or host:port, as a connection string's target."""
        return self.url.removeprefix("socket://")

    def stop(self) -> None:
        """Stop the thread and close every descriptor; idempotent."""
        with self._changed:
            self._stopping = True
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for sock in (self._client, self._listener, self._wake_r, self._wake_w):
            if sock is not None:
                sock.close()
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._client = self._listener = self._wake_r = self._wake_w = None
        self._master = self._slave = None

    # --- steering ------------------------------------------------------------------------

    def inject(self, kind: str, at: int | None = None) -> None:
        """A fault now or at the ``at``-th sheet of the job (see the module's docstring)."""
        self._steer(lambda m: m.inject(Fault(kind, at)))

    def open_cover(self) -> None:
        self._steer(lambda m: setattr(m, "cover_open", True))

    def close_cover(self) -> None:
        self._steer(lambda m: setattr(m, "cover_open", False))

    def set_silent(self, silent: bool) -> None:
        self._steer(lambda m: setattr(m, "silent", silent))

    def panel_abort(self) -> None:
        """The operator ends the job at the machine's panel."""
        self._steer(lambda m: m.panel_abort())

    @property
    def speed(self) -> float:
        return self._machine.speed

    @speed.setter
    def speed(self, value: float) -> None:
        if value <= 0:
            raise ValueError("speed must be positive")
        self._steer(lambda m: setattr(m, "speed", value))

    def snapshot(self) -> SimSnapshot:
        with self._changed:
            return self._machine.snapshot()

    def wait_until(self, predicate: Callable[[SimSnapshot], bool], timeout: float) -> bool:
        """Block until ``predicate(snapshot)`` holds (True) or ``timeout`` passes (False)."""
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self._machine.snapshot()), timeout)

    def _steer(self, change: Callable[[_Machine], object]) -> None:
        with self._changed:
            change(self._machine)
            self._changed.notify_all()
        self._wake()

    # --- the thread ----------------------------------------------------------------------

    def _start_thread(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._thread = threading.Thread(target=self._run, name=f"perforator-sim {self.url}",
                                        daemon=True)
        self._thread.start()

    def _wake(self) -> None:
        if self._wake_w is not None:
            with contextlib.suppress(OSError):
                self._wake_w.send(b"\0")

    def _run(self) -> None:
        wake_r = self._wake_r
        assert wake_r is not None  # made before the thread starts, closed after it ends
        while True:
            with self._changed:
                if self._stopping:
                    return
                now = time.monotonic()
                self._send(self._machine.advance(now), now)
                wake = self._machine.wake_in(now)
                self._changed.notify_all()
            readers: list[int | socket.socket] = [wake_r]
            source = self._source()
            if source is not None:
                readers.append(source)
            sink = self._sink() if self._outbuf else None
            writers = [sink] if sink is not None else []
            timeout = 0.5 if wake is None else min(max(wake, 0.0005), 0.5)
            ready, writable, _ = select.select(readers, writers, [], timeout)
            if wake_r in ready:
                with contextlib.suppress(OSError):
                    wake_r.recv(4096)
            if source is not None and source in ready:
                self._take_input(source)
            if writable:
                self._flush()

    def _source(self) -> int | socket.socket | None:
        if self._master is not None:
            return self._master
        return self._client if self._client is not None else self._listener

    def _sink(self) -> int | socket.socket | None:
        return self._master if self._master is not None else self._client

    def _take_input(self, source: int | socket.socket) -> None:
        if source is self._listener:
            assert self._listener is not None
            with contextlib.suppress(BlockingIOError):
                client, _ = self._listener.accept()
                client.setblocking(False)
                self._client = client
                self.clients += 1
                self._inbuf.clear()
                self._outbuf.clear()
            return
        try:
            data = os.read(source, 4096) if isinstance(source, int) else self._client.recv(4096)  # type: ignore[union-attr]
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            if self._client is not None:  # the client left; wait for the next one
                self._client.close()
                self._client = None
            return
        self._inbuf += data
        while (end := self._inbuf.find(b"\n")) >= 0:
            raw = bytes(self._inbuf[:end]).rstrip(b"\r")
            del self._inbuf[:end + 1]
            self._line(raw)
        if len(self._inbuf) > _MAX_LINE:
            self._inbuf.clear()
            self._reply(["ERR - SYNTAX line too long"])

    def _line(self, raw: bytes) -> None:
        if len(raw) > _MAX_LINE - 2:
            self._reply(["ERR - SYNTAX line too long"])
            return
        try:
            line = raw.decode("ascii").strip()
        except UnicodeDecodeError:
            self._reply(["ERR - SYNTAX not ASCII"])
            return
        if not line:
            return  # empty lines resynchronise; no answer
        with self._changed:
            self.received.append(line)
            if self._machine.silent:
                return
            now = time.monotonic()
            self._send(self._machine.handle(line, now), now)
            self._changed.notify_all()

    def _reply(self, lines: list[str]) -> None:
        with self._changed:
            self._send(lines, time.monotonic())

    def _send(self, lines: list[str], now: float) -> None:
        """Queue ``lines`` for the wire (caller holds the lock); lost when silent."""
        if not lines:
            return
        self._machine.last_sent = now
        if self._machine.silent:
            return
        self.sent.extend(lines)
        data = "".join(f"{line}\r\n" for line in lines).encode("ascii")
        if self._sink() is not None and len(self._outbuf) + len(data) <= _OUT_LIMIT:
            self._outbuf += data

    def _flush(self) -> None:
        sink = self._sink()
        try:
            if isinstance(sink, int):
                written = os.write(sink, self._outbuf)
            elif sink is not None:
                written = sink.send(self._outbuf)
            else:
                written = len(self._outbuf)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            written = len(self._outbuf)  # the peer is gone; its input is lost with it
        del self._outbuf[:written]


def serve(listen: str = "pty", speed: float = 600.0, *, faults: str = "",
          report_every: int = 50, stop: threading.Event | None = None,
          echo: Callable[[str], object] = print) -> None:
    """Run a simulator until interrupted (KeyboardInterrupt) or ``stop`` is set, for
    ``loket devices simulate perforator --listen pty|tcp://HOST:PORT``. It prints where it
    listens and the connection string to put in a station's settings."""
    sim = PerforatorSimulator(speed, faults=faults, report_every=report_every)
    if listen == "pty":
        if sys.platform == "win32":
            raise ValueError("no pty on Windows; listen on tcp://127.0.0.1:4001 instead")
        sim.start_pty()
        target = f"perforator+serial://{sim.address}"
    elif listen.startswith("tcp://"):
        parts = urlsplit(listen)
        try:
            port = parts.port or 0
        except ValueError:
            raise ValueError(f"bad port in {listen!r}") from None
        sim.start_tcp(parts.hostname or "127.0.0.1", port)
        target = f"perforator+tcp://{sim.address}"
    else:
        raise ValueError(f"listen must be 'pty' or 'tcp://HOST:PORT', not {listen!r}")
    stop = stop or threading.Event()
    try:
        echo(f"perforator simulator ({speed:g} sheets/min) listening on {sim.address}; "
             f"connection: {target}")
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
