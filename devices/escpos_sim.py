"""The ESC/POS printer simulator: a first-class stand-in for a thermal ticket printer.

It takes the same bytes a printer takes, in-process or over a pty (serial) or a TCP port
(like a network printer's port 9100), answers the real-time status requests (``DLE EOT``)
as an Epson TM printer does, lays received tickets out as text and PNG, and fails on
command: offline, paper out, paper low, cover open, or silent (no answer: a timeout).
It can also answer slowly: ``status_delay`` seconds before each status answer, as a
printer busy feeding paper or behind a slow network does.

Faults come from :meth:`EscposSimulator.set_fault` (until cleared) or from a *plan*, a
function called at two moments with a running count: ``("status", n)`` when the n-th
status round starts (``DLE EOT 1``) and ``("receipt", n)`` when the n-th receipt starts.
A fault planned at a status round lasts that round; one planned at a receipt swallows the
receipt (nothing printed) and shows in the status round after it, as paper running out
in the middle of a ticket would.
"""

from __future__ import annotations

import contextlib
import io
import os
import select
import socket
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from devices.escpos_parse import Line, Parser, Receipt, ReceiptBuilder

if TYPE_CHECKING:
    from PIL import Image, ImageFont


class Fault(StrEnum):
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    PAPER_LOW = "paper_low"
    COVER_OPEN = "cover_open"
    TIMEOUT = "timeout"  # silent: no status answers, received bytes dropped


FaultPlan = Callable[[str, int], "Fault | None"]

# DLE EOT n answers of an Epson TM printer (fixed bits 0x12)
_FIXED = 0x12


class EscposSimulator:
    """One simulated printer; thread-safe, shared by its transports."""

    def __init__(self, *, fault: Fault | None = None, plan: FaultPlan | None = None,
                 status_delay: float = 0.0) -> None:
        self._lock = threading.Lock()
        self._parser = Parser()
        self._builder = ReceiptBuilder()
        self.fault = fault
        self.plan = plan
        self.status_delay = status_delay
        self._round_fault: Fault | None = None
        self._swallowing = False
        self._rounds = 0
        self._receipt_starts = 0
        self.receipts: list[Receipt] = []
        self.swallowed: list[Receipt] = []
        self.bytes_received = 0
        self.status_requests = 0
        self.printed = threading.Condition(self._lock)

    # --- control ---------------------------------------------------------------------

    def set_fault(self, fault: Fault | None) -> None:
        with self._lock:
            self.fault = fault

    def set_status_delay(self, seconds: float) -> None:
        """Answer each status request ``seconds`` late (0: at once)."""
        with self._lock:
            self.status_delay = seconds

    def wait_for_receipts(self, count: int, timeout: float) -> bool:
        """Block until ``count`` receipts have printed (for tests and the UI)."""
        with self.printed:
            return self.printed.wait_for(lambda: len(self.receipts) >= count, timeout)

    @property
    def current_fault(self) -> Fault | None:
        return self.fault or self._round_fault

    # --- the wire --------------------------------------------------------------------

    def feed(self, data: bytes) -> bytes:
        """Bytes in from the host; returns the bytes the printer answers."""
        answer = bytearray()
        with self._lock:
            delay = self.status_delay
            self.bytes_received += len(data)
            for event in self._parser.feed(data):
                if event.kind == "status":
                    assert isinstance(event.value, int)  # the parser gives the request's byte
                    reply = self._status(event.value)
                    if reply is not None:
                        answer.append(reply)
                    continue
                self._builder.add(event)
                self._collect()  # a receipt the init ended belongs to the job before
                if event.kind == "init":
                    self._receipt_starts += 1
                    planned = self.plan("receipt", self._receipt_starts) if self.plan else None
                    if planned is not None:
                        self._round_fault = planned
                    self._swallowing = self.current_fault not in (None, Fault.PAPER_LOW)
            self.printed.notify_all()
        if delay > 0 and answer:  # slow answers; the lock is free for other transports
            time.sleep(delay * len(answer))
        return bytes(answer)

    def _collect(self, *, end: bool = False) -> None:
        done = self._builder.end() if end else self._builder.flush()
        for receipt in done:
            (self.swallowed if self._swallowing else self.receipts).append(receipt)

    def _status(self, n: int) -> int | None:
        self.status_requests += 1
        if n == 1:
            # a printer without a cutter: the ticket before this status round is complete
            self._collect(end=True)
            self._rounds += 1
            planned = self.plan("status", self._rounds) if self.plan else None
            if planned is not None or not self._swallowing:
                self._round_fault = planned
            self._swallowing = False
        fault = self.current_fault
        if fault is Fault.TIMEOUT:
            return None
        offline = fault in (Fault.OFFLINE, Fault.PAPER_OUT, Fault.COVER_OPEN)
        if n == 1:
            return _FIXED | (0x08 if offline else 0)
        if n == 2:  # offline cause
            return _FIXED | (0x04 if fault is Fault.COVER_OPEN else 0) | (
                0x20 if fault is Fault.PAPER_OUT else 0)
        if n == 4:  # paper roll sensor
            return _FIXED | (0x60 if fault is Fault.PAPER_OUT else 0) | (
                0x0C if fault is Fault.PAPER_LOW else 0)
        return _FIXED  # 3: error cause, none

    # --- transports ------------------------------------------------------------------

    def serve_pty(self) -> SimulatorServer:
        """A serial port: give ``server.address`` (a /dev/pts path) to the driver."""
        return _PtyServer(self)

    def serve_tcp(self, host: str = "127.0.0.1", port: int = 0) -> SimulatorServer:
        """A network printer's raw port; ``server.address`` is ``host:port``."""
        return _TcpServer(self, host, port)


class SimulatorServer:
    address: str

    def __init__(self, sim: EscposSimulator) -> None:
        self.sim = sim
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="escpos-sim", daemon=True)

    def _start(self) -> None:
        self._thread.start()

    def _run(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._close()

    def _close(self) -> None:
        pass

    def __enter__(self) -> SimulatorServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _PtyServer(SimulatorServer):
    def __init__(self, sim: EscposSimulator) -> None:
        import tty

        super().__init__(sim)
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.address = os.ttyname(self._slave)
        self._start()

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(self._master, 4096)
            except OSError:
                return
            answer = self.sim.feed(data)
            if answer:
                os.write(self._master, answer)

    def _close(self) -> None:
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class _TcpServer(SimulatorServer):
    def __init__(self, sim: EscposSimulator, host: str, port: int) -> None:
        super().__init__(sim)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self._sock.listen(8)
        self._sock.settimeout(0.05)
        self.address = "{}:{}".format(*self._sock.getsockname()[:2])
        self._start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._client, args=(conn,), daemon=True).start()

    def _client(self, conn: socket.socket) -> None:
        conn.settimeout(0.05)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not data:
                    return
                answer = self.sim.feed(data)
                if answer:
                    with contextlib.suppress(OSError):
                        conn.sendall(answer)

    def _close(self) -> None:
        self._sock.close()


def render_png(receipt: Receipt, path: Path, *, columns: int = 42) -> Path:
    """A picture of a printed receipt, for people to look at: a PNG file at ``path``."""
    _picture(receipt, columns).save(path, format="PNG")
    return path


def png_bytes(receipt: Receipt, *, columns: int = 42) -> bytes:
    """The same picture as PNG bytes, in memory (the kiosk's preview: no file to leave)."""
    out = io.BytesIO()
    _picture(receipt, columns).save(out, format="PNG")
    return out.getvalue()


def _picture(receipt: Receipt, columns: int) -> Image.Image:
    import qrcode
    from PIL import Image, ImageDraw

    char_w, line_h, margin = 12, 26, 16
    width = columns * char_w + 2 * margin
    pictures = {payload: qrcode.make(payload, box_size=5, border=2).get_image().convert("L")
                for payload in receipt.qr}

    def qr_of(line: Line) -> str | None:
        payload = line.text[4:-1] if line.text.startswith("[QR ") else None
        return payload if payload in pictures else None

    def height_of(line: Line) -> int:
        payload = qr_of(line)
        return pictures[payload].height if payload else line_h * line.height

    height = 2 * margin + sum(height_of(line) for line in receipt.lines)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y = margin
    for line in receipt.lines:
        payload = qr_of(line)
        if payload is not None:
            picture = pictures[payload]
            image.paste(picture, ((width - picture.width) // 2, y))
            y += picture.height
            continue
        font, fake_bold = _font(20 * line.height, line.bold)
        text_w = int(draw.textlength(line.text, font=font))
        x = {"center": (width - text_w) // 2, "right": width - margin - text_w}.get(
            line.align, margin)
        ink = 255 if line.invert else 0
        if line.invert:
            draw.rectangle((x - 4, y, x + text_w + 4, y + line_h * line.height), fill=0)
        draw.text((x, y), line.text, font=font, fill=ink, stroke_width=int(fake_bold),
                  stroke_fill=ink)
        y += line_h * line.height
    return image


# fixed-pitch fonts as a thermal printer's, where the PC has one (Linux, Windows, macOS)
_MONO = {False: ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf", "consola.ttf",
                 "cour.ttf", "Menlo.ttc"),
         True: ("DejaVuSansMono-Bold.ttf", "LiberationMono-Bold.ttf", "consolab.ttf",
                "courbd.ttf")}


def _font(size: int, bold: bool) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A monospaced font of ``size`` px and whether bold must be faked with a stroke."""
    from PIL import ImageFont

    for name in _MONO[bold]:
        try:
            return ImageFont.truetype(name, size), False
        except OSError:
            continue
    return ImageFont.load_default(size=size), bold
