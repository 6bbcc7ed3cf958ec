"""What can be plugged into this PC: serial ports and USB printers, as connection strings.

Every list starts with the simulator (``sim://``); detection never raises: a PC without
libusb, or where the ports cannot be listed, just offers fewer choices.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from db.enums import DeviceKind

log = logging.getLogger("loket.setup")

# USB vendors of ESC/POS receipt printers that report a vendor-specific class instead of
# the printer class (7): Epson, Star, Bixolon, SNBC, Custom, and the common POS-58/80 chips
RECEIPT_VENDORS = {0x04B8: "Epson", 0x0519: "Star", 0x1504: "Bixolon", 0x154F: "SNBC",
                   0x0DD4: "Custom", 0x0FE6: "POS", 0x0416: "POS", 0x28E9: "POS",
                   0x1FC9: "POS", 0x6868: "POS"}
USB_PRINTER_CLASS = 7


@dataclass(frozen=True)
class Choice:
    connection: str
    label: str


@dataclass(frozen=True)
class SerialPort:
    device: str  # /dev/ttyUSB0, COM3
    description: str = ""


@dataclass(frozen=True)
class UsbPrinter:
    vendor: int
    product: int
    description: str = ""

    @property
    def ids(self) -> str:
        return f"{self.vendor:04x}:{self.product:04x}"


def serial_ports(lister: Callable[[], Iterable[Any]] | None = None) -> list[SerialPort]:
    """The serial ports pyserial sees (``serial.tools.list_ports``), sorted by name."""
    try:
        if lister is None:
            from serial.tools import list_ports

            lister = list_ports.comports
        found = [SerialPort(device=str(p.device),
                            description=str(getattr(p, "description", "") or ""))
                 for p in lister()]
    except Exception as exc:  # never stop the wizard over a port listing
        log.warning("cannot list serial ports: %s", exc)
        return []
    return sorted({p.device: p for p in found}.values(), key=lambda p: p.device)


def usb_printers(finder: Callable[[], Iterable[Any]] | None = None) -> list[UsbPrinter]:
    """USB devices that look like printers (class 7 or a receipt-printer vendor), via pyusb.
    Empty without libusb."""
    try:
        if finder is None:
            import usb.core

            def finder() -> Iterable[Any]:
                return usb.core.find(find_all=True) or []
        devices = list(finder())
    except Exception as exc:  # no libusb backend, no permission
        log.info("cannot list USB devices: %s", exc)
        return []
    out: dict[str, UsbPrinter] = {}
    for dev in devices:
        try:
            vendor, product = int(dev.idVendor), int(dev.idProduct)
        except Exception:
            continue
        if not (_has_printer_class(dev) or vendor in RECEIPT_VENDORS):
            continue
        printer = UsbPrinter(vendor, product, _usb_description(dev, vendor))
        out.setdefault(printer.ids, printer)
    return sorted(out.values(), key=lambda p: p.ids)


def _has_printer_class(dev: Any) -> bool:
    if getattr(dev, "bDeviceClass", None) == USB_PRINTER_CLASS:
        return True
    try:
        for cfg in dev:
            for intf in cfg:
                if getattr(intf, "bInterfaceClass", None) == USB_PRINTER_CLASS:
                    return True
    except Exception:  # descriptors unreadable
        return False
    return False


def _usb_description(dev: Any, vendor: int) -> str:
    try:
        parts = [dev.manufacturer, dev.product]  # needs permission to open the device
        text = " ".join(p for p in parts if p)
        if text:
            return text
    except Exception:
        pass
    return RECEIPT_VENDORS.get(vendor, "USB printer")


def serial_connection(scheme: str, device: str) -> str:
    """``escpos+serial:///dev/ttyUSB0`` or ``escpos+serial://COM3``."""
    return f"{scheme}://{device}"


def choices(kind: DeviceKind | str, *, ports: list[SerialPort] | None = None,
            printers: list[UsbPrinter] | None = None,
            system_printers: Iterable[str] = ()) -> list[Choice]:
    """The connection strings to offer for a device of ``kind``, simulator first."""
    kind = DeviceKind(kind)
    out = [Choice("sim://", "Simulator")]
    if kind == DeviceKind.TICKET_PRINTER:
        for p in printers if printers is not None else usb_printers():
            out.append(Choice(f"escpos+usb://{p.ids}", f"USB {p.ids} {p.description}".strip()))
        for s in ports if ports is not None else serial_ports():
            out.append(Choice(serial_connection("escpos+serial", s.device),
                              f"{s.device} {s.description}".strip()))
    elif kind == DeviceKind.PERFORATOR:
        for s in ports if ports is not None else serial_ports():
            out.append(Choice(serial_connection("perforator+serial", s.device),
                              f"{s.device} {s.description}".strip()))
    else:  # card and document printers print through the operating system
        out.append(Choice("card+printer://", "Default printer"))
        out += [Choice(f"card+printer://{name}", name) for name in system_printers]
    return out


def detect_all(system_printers: Iterable[str] = ()) -> dict[str, list[Choice]]:
    """Per device kind, what to offer (ports and USB listed once)."""
    ports, printers = serial_ports(), usb_printers()
    names = list(system_printers)
    return {kind.value: choices(kind, ports=ports, printers=printers, system_printers=names)
            for kind in DeviceKind}
