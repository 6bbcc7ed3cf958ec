"""Device connection strings: how a station's settings say where a device is.

One string per device, a URL whose scheme names the driver and the transport:

====================================  =====================================================
``sim://``                            the built-in simulator of the device's kind
``sim://?fault=paper_out``            ... starting in a fault (see each simulator)
``escpos+usb://04b8:0202``            ESC/POS printer on USB, vendor:product in hex
``escpos+serial:///dev/ttyUSB0``      ... on a serial port (``escpos+serial://COM3``)
``escpos+tcp://192.168.1.50:9100``    ... on the network (port 9100 when left out)
``escpos+file:///dev/usb/lp0``        ... bytes written to a file or device node
``escpos+win32://EPSON TM-T82``       ... through a Windows printer queue (raw)
``perforator+serial:///dev/ttyUSB1``  perforation machine on a serial port
``perforator+tcp://10.0.0.9:4001``    ... behind a serial-to-network converter
``card+printer://Evolis Primacy``     card printer through the operating system's queue
``card+printer://``                   ... the system's default printer
``card+pdf:///srv/kartu``             cards written as PDF files into a folder
====================================  =====================================================

Options go in the query string: ``profile`` (python-escpos capability profile, e.g.
``TM-T88V``; sets the paper width), ``width`` (58 or 80 mm, when no profile says it),
``baudrate``, ``timeout`` (seconds, status and connect), and per driver more. A string that
cannot be used raises :class:`BadConnection` naming what is wrong; nothing is opened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.base import DeviceKind

# scheme -> (device kinds it can drive, transport)
SCHEMES: dict[str, tuple[frozenset[DeviceKind], str]] = {
    "sim": (frozenset(DeviceKind), "sim"),
    "escpos+usb": (frozenset({DeviceKind.TICKET_PRINTER}), "usb"),
    "escpos+serial": (frozenset({DeviceKind.TICKET_PRINTER}), "serial"),
    "escpos+tcp": (frozenset({DeviceKind.TICKET_PRINTER}), "tcp"),
    "escpos+file": (frozenset({DeviceKind.TICKET_PRINTER}), "file"),
    "escpos+win32": (frozenset({DeviceKind.TICKET_PRINTER}), "win32"),
    "perforator+serial": (frozenset({DeviceKind.PERFORATOR}), "serial"),
    "perforator+tcp": (frozenset({DeviceKind.PERFORATOR}), "tcp"),
    "card+printer": (frozenset({DeviceKind.CARD_PRINTER, DeviceKind.DOCUMENT_PRINTER}),
                     "printer"),
    "card+pdf": (frozenset({DeviceKind.CARD_PRINTER, DeviceKind.DOCUMENT_PRINTER}), "pdf"),
}

# a parsed option: text, a whole number or a number
OptionValue = str | int | float

# options every driver understands, with their parsers
_OPTIONS: dict[str, Callable[[str], OptionValue]] = {
    "profile": str,
    "width": int,
    "baudrate": int,
    "timeout": float,
    "fault": str,
    "speed": float,
    "dir": str,
    "name": str,
    "in_ep": lambda v: int(v, 0),
    "out_ep": lambda v: int(v, 0),
}
WIDTHS = (58, 80)
_USB = re.compile(r"^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$")


class BadConnection(ValueError):
    """A connection string Loket cannot use; ``reason`` is a short English phrase and
    ``code`` a stable key (``device.bad_connection.<code>``) for the translated message."""

    def __init__(self, raw: str, code: str, reason: str) -> None:
        super().__init__(f"{raw!r}: {reason}")
        self.raw = raw
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Connection:
    raw: str
    scheme: str
    transport: str
    target: str  # device path, host:port, usb id, printer name, folder; "" for sim
    options: dict[str, OptionValue] = field(default_factory=dict)

    @property
    def is_simulator(self) -> bool:
        return self.transport == "sim"

    def option(self, name: str, default: object = None) -> object:
        return self.options.get(name, default)

    def option_text(self, name: str) -> str | None:
        """A text option (``profile``, ``fault``, ``dir``, ``name``), or None when not given."""
        value = self.options.get(name)
        return None if value is None else str(value)

    def option_int(self, name: str) -> int | None:
        """A whole-number option (``width``, ``baudrate``, ...), or None when not given."""
        value = self.options.get(name)
        return None if value is None else int(value)

    def option_float(self, name: str, default: float) -> float:
        """A number option (``timeout``, ``speed``), or ``default`` when not given."""
        return float(self.options.get(name, default))

    def host_port(self, default_port: int) -> tuple[str, int]:
        host, _, port = self.target.rpartition(":")
        if not host:
            return self.target, default_port
        return host, int(port)

    def usb_ids(self) -> tuple[int, int]:
        match = _USB.match(self.target)
        assert match is not None  # checked by parse
        return int(match.group(1), 16), int(match.group(2), 16)


def parse(raw: str, kind: DeviceKind | str | None = None) -> Connection:
    """Validate a connection string (for a device of ``kind`` when given: this layer's
    :class:`~devices.base.DeviceKind` or ``db.enums.DeviceKind``, taken by its value)."""
    text = (raw or "").strip()
    if not text:
        raise BadConnection(raw, "empty", "empty connection string")
    if "://" not in text:
        raise BadConnection(raw, "no_scheme", "expected scheme://..., e.g. escpos+tcp://host")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadConnection(raw, "scheme", f"unknown scheme {scheme!r}; known: "
                            + ", ".join(sorted(SCHEMES)))
    kinds, transport = SCHEMES[scheme]
    if kind is not None and kind not in kinds:
        raise BadConnection(raw, "kind", f"{scheme} cannot drive a {kind}")
    # escpos+serial:///dev/ttyUSB0 and escpos+serial://COM3 alike
    target = unquote(parts.netloc + parts.path)
    if re.match(r"^/[A-Za-z]:[/\\]", target):  # escpos+file:///C:/tiket.bin on Windows
        target = target[1:]
    options: dict[str, OptionValue] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in _OPTIONS:
            raise BadConnection(raw, "option", f"unknown option {key!r}; known: "
                                + ", ".join(sorted(_OPTIONS)))
        try:
            options[key] = _OPTIONS[key](value)
        except ValueError:
            raise BadConnection(raw, "option_value", f"bad value {value!r} for {key}") from None
    _check_target(raw, transport, target, options)
    return Connection(raw=text, scheme=scheme, transport=transport, target=target,
                      options=options)


def _check_target(raw: str, transport: str, target: str,
                  options: dict[str, OptionValue]) -> None:
    if "width" in options and options["width"] not in WIDTHS:
        raise BadConnection(raw, "width", "width must be 58 or 80 (mm)")
    if "timeout" in options and not 0 < float(options["timeout"]) <= 60:
        raise BadConnection(raw, "timeout", "timeout must be between 0 and 60 seconds")
    if transport == "usb" and not _USB.match(target):
        raise BadConnection(raw, "usb", "expected vendor:product in hex, e.g. 04b8:0202")
    if transport == "tcp":
        host, _, port = target.rpartition(":")
        if not target or (host and not port.isdigit()) or (host and not 0 < int(port) < 65536):
            raise BadConnection(raw, "tcp", "expected host or host:port")
    if transport in ("serial", "file", "pdf", "win32") and not target:
        raise BadConnection(raw, "target", "the device, file, folder or printer is missing")
