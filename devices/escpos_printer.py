"""The ticket printer driver: python-escpos's transports, with status checks that end.

Every transport python-escpos has is used as it is for sending; Loket adds what a kiosk
needs around it: the printer's status asked before and after each ticket (online, cover,
paper) with a short timeout, errors turned into :class:`~devices.base.DeviceError`, and the
connection opened per job so a printer that was switched off and on is found again.

python-escpos's own status calls are not used as they are: its serial read waits for 16
bytes (the whole timeout, for a 1-byte answer) and its network socket waits 60 s by default.
"""

from __future__ import annotations

import contextlib
import socket
from functools import cache
from typing import Any

from devices.base import Condition, DeviceError, DeviceState
from devices.connection import Connection
from printing.escpos_env import escpos_modules, quiet
from printing.ticket import Paper, paper_for

DEFAULT_TIMEOUT = 3.0
_DLE_EOT = b"\x10\x04"


def _transport(conn: Connection, timeout: float, paper: Paper, sim: Any = None) -> Any:
    """A python-escpos printer object for the connection (not yet opened)."""
    printer, _, _ = escpos_modules()
    profile = paper.profile
    if conn.transport == "serial":

        class Serial(printer.Serial):  # type: ignore[name-defined]
            def _read(self) -> bytes:
                return self.device.read(1)

        baudrate = conn.option_int("baudrate")
        return Serial(devfile=conn.target, baudrate=9600 if baudrate is None else baudrate,
                      timeout=timeout, profile=profile)
    if conn.transport == "tcp":
        host, port = conn.host_port(9100)
        return printer.Network(host=host, port=port, timeout=timeout, profile=profile)
    if conn.transport == "usb":
        vendor, product = conn.usb_ids()
        extra = {k: conn.option(k) for k in ("in_ep", "out_ep") if conn.option(k) is not None}
        return printer.Usb(vendor, product, timeout=int(timeout * 1000), profile=profile,
                           **extra)
    if conn.transport == "file":
        return printer.File(devfile=conn.target, profile=profile)
    if conn.transport == "win32":
        return printer.Win32Raw(printer_name=conn.target, profile=profile)
    if conn.transport == "sim":
        return _in_process_class()(sim, profile=profile)
    raise DeviceError(Condition.UNREACHABLE, f"no ticket printer driver for {conn.scheme}")


@cache
def _in_process_class() -> type:
    printer, _, _ = escpos_modules()

    class InProcess(printer.Dummy):  # type: ignore[name-defined]
        """A python-escpos printer whose other end is a simulator in this process."""

        def __init__(self, sim: Any, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.sim = sim
            self._answer = b""

        def open(self, raise_not_found: bool = True) -> None:
            pass

        def _raw(self, msg: bytes) -> None:
            self._answer += self.sim.feed(msg)

        def _read(self) -> bytes:
            answer, self._answer = self._answer[:1], self._answer[1:]
            return answer

    return InProcess


STATUS_TRANSPORTS = ("serial", "tcp", "usb", "sim")


class EscposPrinter:
    """A ticket printer at a connection string (see :mod:`devices.connection`)."""

    def __init__(self, conn: Connection, *, simulator: Any = None) -> None:
        self.connection = conn.raw
        self._conn = conn
        self._sim = simulator
        self._timeout = conn.option_float("timeout", DEFAULT_TIMEOUT)
        self.paper = paper_for(conn.option_text("profile"), conn.option_int("width"))
        self.profile = self.paper.profile
        self.width_mm = self.paper.width_mm

    @property
    def can_answer(self) -> bool:
        """Whether this connection can tell the printer's status (not a file or a queue)."""
        return self._conn.transport in STATUS_TRANSPORTS

    # --- opening -----------------------------------------------------------------------

    def _open(self) -> Any:
        device = _transport(self._conn, self._timeout, self.paper, self._sim)
        try:
            with quiet():
                device.open()
        except Exception as exc:  # every driver has its own errors
            raise DeviceError(Condition.UNREACHABLE, _reason(exc)) from exc
        sock = getattr(device, "device", None)
        if isinstance(sock, socket.socket):
            # a status question right after the ticket must not wait for the ticket's ACK
            # (Nagle's algorithm with delayed ACKs: 40 ms per question)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return device

    @staticmethod
    def _close(device: Any) -> None:
        with contextlib.suppress(Exception), quiet():
            device.close()

    # --- status ------------------------------------------------------------------------

    def _ask(self, device: Any, n: int) -> int:
        inner = getattr(device, "device", None)
        if inner is not None and hasattr(inner, "reset_input_buffer"):
            inner.reset_input_buffer()  # a late answer to an earlier question
        try:
            device._raw(_DLE_EOT + bytes([n]))
            answer = device._read()
        except TimeoutError as exc:
            raise DeviceError(Condition.TIMEOUT, f"no answer in {self._timeout:g} s") from exc
        except Exception as exc:
            raise DeviceError(Condition.OFFLINE, _reason(exc)) from exc
        if not answer:
            raise DeviceError(Condition.TIMEOUT, f"no answer in {self._timeout:g} s")
        return answer[0]

    def _state_of(self, device: Any) -> DeviceState:
        if not self.can_answer:
            return DeviceState(Condition.UNKNOWN, "this connection cannot report status")
        online = self._ask(device, 1)
        if online & 0x08:
            cause = self._ask(device, 2)
            if cause & 0x04:
                return DeviceState(Condition.COVER_OPEN)
            if cause & 0x20:
                return DeviceState(Condition.PAPER_OUT)
            return DeviceState(Condition.OFFLINE)
        paper = self._ask(device, 4)
        if paper & 0x60 == 0x60:
            return DeviceState(Condition.PAPER_OUT)
        if paper & 0x0C == 0x0C:
            return DeviceState(Condition.PAPER_LOW)
        return DeviceState(Condition.READY)

    def state(self) -> DeviceState:
        try:
            device = self._open()
        except DeviceError as exc:
            return DeviceState(exc.condition, exc.detail)
        try:
            return self._state_of(device)
        except DeviceError as exc:
            return DeviceState(exc.condition, exc.detail)
        finally:
            self._close(device)

    # --- printing ----------------------------------------------------------------------

    def send(self, data: bytes) -> None:
        """Status, bytes, status. A failure before the bytes left is ``delivered=False``
        (safe to retry); during or after, ``delivered=True`` (it may have printed)."""
        device = self._open()
        try:
            before = self._state_of(device)
            if not before.usable:
                raise DeviceError(before.condition, before.detail)
            try:
                device._raw(data)
                flush = getattr(device, "flush", None)
                if callable(flush):
                    flush()
            except Exception as exc:
                raise DeviceError(Condition.OFFLINE, _reason(exc), delivered=True) from exc
            try:
                after = self._state_of(device)
            except DeviceError as exc:
                raise DeviceError(exc.condition, exc.detail, delivered=True) from exc
            if not after.usable:
                raise DeviceError(after.condition, after.detail, delivered=True)
        finally:
            self._close(device)

    def close(self) -> None:
        pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
