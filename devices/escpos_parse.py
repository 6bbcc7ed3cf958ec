"""Reading ESC/POS bytes back: the simulator's ears, and the tests' proof of what was sent.

An incremental parser (bytes may arrive in pieces over a serial line) for the commands
Loket's layouts use and the common ones around them. It turns the stream into events
(text, formatting, QR codes, cuts, real-time status requests) and assembles them into
:class:`Receipt` objects: the lines as printed, with their style, and the QR payloads.
A receipt ends at a cut, or where the next one starts with ``ESC @``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
LF, CR, HT = 0x0A, 0x0D, 0x09

# ESC x: number of parameter bytes
_ESC_ARGS = {
    ord("@"): 0, ord("E"): 1, ord("a"): 1, ord("t"): 1, ord("!"): 1, ord("-"): 1,
    ord("M"): 1, ord("G"): 1, ord("2"): 0, ord("3"): 1, ord("{"): 1, ord("V"): 1,
    ord("J"): 1, ord("d"): 1, ord(" "): 1, ord("R"): 1, ord("c"): 2, ord("p"): 3,
    ord("i"): 0, ord("m"): 0,
}
# GS x: number of parameter bytes (GS V, GS ( k are special)
_GS_ARGS = {
    ord("!"): 1, ord("B"): 1, ord("L"): 2, ord("W"): 2, ord("h"): 1, ord("w"): 1,
    ord("H"): 1, ord("f"): 1, ord("a"): 1, ord("r"): 1, ord("I"): 1,
}


class ParseError(ValueError):
    pass


@dataclass(frozen=True)
class Event:
    kind: str  # text, command, qr, cut, status, init, unknown
    value: object = None
    args: bytes = b""


@dataclass
class Line:
    text: str
    align: str = "left"
    bold: bool = False
    invert: bool = False
    width: int = 1
    height: int = 1


@dataclass
class Receipt:
    lines: list[Line] = field(default_factory=list)
    qr: list[str] = field(default_factory=list)
    cut: bool = False
    unknown: list[bytes] = field(default_factory=list)
    size: int = 0  # bytes, status requests excluded

    @property
    def text(self) -> str:
        """The receipt as plain text, one printed line per line, QR codes as ``[QR ...]``."""
        return "\n".join(line.text for line in self.lines)

    def has_content(self) -> bool:
        return bool(self.lines or self.qr)


class Parser:
    """Feed bytes, get events; keeps an incomplete command until its bytes arrive."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._qr_data = b""

    def feed(self, data: bytes) -> list[Event]:
        self._buffer += data
        events: list[Event] = []
        while self._buffer:
            used, event = self._next()
            if used == 0:
                break
            del self._buffer[:used]
            if event is not None:
                events.append(event)
        return events

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def _next(self) -> tuple[int, Event | None]:
        b = self._buffer
        first = b[0]
        if first == DLE:
            if len(b) < 3:
                return 0, None
            if b[1] == 0x04:
                return 3, Event("status", b[2])
            return 2, Event("unknown", None, bytes(b[:2]))
        if first == ESC:
            if len(b) < 2:
                return 0, None
            cmd = b[1]
            if cmd not in _ESC_ARGS:
                return 2, Event("unknown", None, bytes(b[:2]))
            n = _ESC_ARGS[cmd]
            if len(b) < 2 + n:
                return 0, None
            if cmd == ord("@"):
                return 2, Event("init")
            return 2 + n, Event("command", "ESC " + chr(cmd), bytes(b[2:2 + n]))
        if first == GS:
            if len(b) < 2:
                return 0, None
            cmd = b[1]
            if cmd == ord("V"):
                if len(b) < 3:
                    return 0, None
                if b[2] in (65, 66):
                    return (4, Event("cut", b[2])) if len(b) >= 4 else (0, None)
                return 3, Event("cut", b[2])
            if cmd == ord("(") :
                if len(b) < 5:
                    return 0, None
                length = b[3] | (b[4] << 8)
                if len(b) < 5 + length:
                    return 0, None
                return 5 + length, self._function(bytes(b[2:3]), bytes(b[5:5 + length]))
            if cmd not in _GS_ARGS:
                return 2, Event("unknown", None, bytes(b[:2]))
            n = _GS_ARGS[cmd]
            if len(b) < 2 + n:
                return 0, None
            return 2 + n, Event("command", "GS " + chr(cmd), bytes(b[2:2 + n]))
        if first in (LF, CR, HT) or 32 <= first < 127 or first >= 128:
            end = 0
            while end < len(b) and b[end] not in (ESC, GS, DLE, FS, LF, CR) and (
                    b[end] >= 32 or b[end] == HT):
                end += 1
            if end == 0:
                if first == LF:
                    return 1, Event("text", "\n")
                return 1, None  # CR: ignored, as printers do by default
            return end, Event("text", bytes(b[:end]).decode("cp437"))
        return 1, Event("unknown", None, bytes(b[:1]))

    def _function(self, fn: bytes, body: bytes) -> Event | None:
        """``GS ( k``: 2D codes. Store then print: the QR appears at the print function."""
        if fn != b"k" or len(body) < 2 or body[0] != ord("1"):
            return Event("command", "GS (" + fn.decode("latin-1"), body)
        function = body[1]
        if function == ord("P"):  # store data: cn fn m data
            self._qr_data = body[3:]
            return Event("command", "QR store", body)
        if function == ord("Q"):  # print the stored symbol
            return Event("qr", self._qr_data.decode("utf-8", "replace"))
        return Event("command", "QR setting", body)


class ReceiptBuilder:
    """Assembles events into receipts as a printer would lay them out."""

    def __init__(self) -> None:
        self.finished: list[Receipt] = []
        self._reset_style()
        self.current = Receipt()
        self._line = ""

    def _reset_style(self) -> None:
        self.align, self.bold, self.invert, self.width, self.height = "left", False, False, 1, 1

    def _emit_line(self) -> None:
        self.current.lines.append(Line(self._line, self.align, self.bold, self.invert,
                                       self.width, self.height))
        self._line = ""

    def _finish(self, cut: bool) -> None:
        if self._line:
            self._emit_line()
        if self.current.has_content() or cut:
            self.current.cut = cut
            self.finished.append(self.current)
        self.current = Receipt()

    def add(self, event: Event, raw_size: int = 0) -> None:
        self.current.size += raw_size
        if event.kind == "text":
            if event.value == "\n":
                self._emit_line()
            else:
                self._line += str(event.value)
        elif event.kind == "init":
            if self.current.has_content() or self._line:
                self._finish(cut=False)
            self._reset_style()
        elif event.kind == "cut":
            self._finish(cut=True)
        elif event.kind == "qr":
            if self._line:
                self._emit_line()
            self.current.qr.append(str(event.value))
            self.current.lines.append(Line(f"[QR {event.value}]", self.align))
        elif event.kind == "unknown":
            self.current.unknown.append(event.args)
        elif event.kind == "command":
            self._style(str(event.value), event.args)

    def _style(self, name: str, args: bytes) -> None:
        if name == "ESC a":
            self.align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center",
                          50: "right"}.get(args[0], "left")
        elif name == "ESC E":
            self.bold = bool(args[0] & 1)
        elif name == "GS B":
            self.invert = bool(args[0] & 1)
        elif name == "GS !":
            self.width, self.height = (args[0] >> 4) + 1, (args[0] & 0x0F) + 1
        elif name == "ESC !":
            self.bold = bool(args[0] & 0x08)
            self.width = 2 if args[0] & 0x20 else 1
            self.height = 2 if args[0] & 0x10 else 1
        elif name == "ESC d" and self._line:
            self._emit_line()

    def flush(self) -> list[Receipt]:
        """Receipts completed so far (a receipt without a cut ends at the end of the data)."""
        done, self.finished = self.finished, []
        return done

    def end(self) -> list[Receipt]:
        self._finish(cut=False)
        return self.flush()


def decode(data: bytes) -> list[Receipt]:
    """All receipts in a complete byte string (for tests and ``escpos+file`` output)."""
    parser, builder = Parser(), ReceiptBuilder()
    for event in parser.feed(data):
        builder.add(event)
    if parser.pending:
        raise ParseError(f"{parser.pending} bytes of an incomplete command at the end")
    receipts = builder.end()
    for receipt in receipts:
        receipt.size = 0
    return receipts
