"""Device detection: nothing plugged in, a serial port (a pty), USB printers."""

from __future__ import annotations

import os
import tty
from types import SimpleNamespace

import serial

from app.setup import detect
from app.setup.detect import Choice, SerialPort, UsbPrinter
from db.enums import DeviceKind
from devices.connection import parse


def test_nothing_plugged_in_offers_the_simulator() -> None:
    ports = detect.serial_ports(lister=lambda: [])
    printers = detect.usb_printers(finder=lambda: [])
    assert ports == [] and printers == []
    for kind in (DeviceKind.TICKET_PRINTER, DeviceKind.PERFORATOR):
        assert detect.choices(kind, ports=ports, printers=printers) == [
            Choice("sim://", "Simulator")]
    assert [c.connection for c in detect.choices(DeviceKind.CARD_PRINTER, ports=[],
                                                 printers=[])] == ["sim://", "card+printer://"]


def test_listing_failures_never_stop_the_wizard() -> None:
    def boom():
        raise OSError("no libusb")

    assert detect.serial_ports(lister=boom) == []
    assert detect.usb_printers(finder=boom) == []


def test_the_real_listers_run_on_this_machine() -> None:
    # whatever is (not) plugged in here: lists, sorted, no exception
    ports = detect.serial_ports()
    assert ports == sorted(ports, key=lambda p: p.device)
    assert all(isinstance(p, UsbPrinter) for p in detect.usb_printers())
    assert set(detect.detect_all()) == {k.value for k in DeviceKind}


def test_a_serial_port_becomes_a_connection_the_driver_can_open() -> None:
    master, slave = os.openpty()
    try:
        tty.setraw(slave)
        name = os.ttyname(slave)
        seen = [p.device for p in detect.serial_ports()]
        # pyserial lists ttyS/ttyUSB/ttyACM devices, not ptys: inject the pty as a port
        lister = (lambda: [SimpleNamespace(device=name, description="pty")]) if (
            name not in seen) else None
        ports = detect.serial_ports(lister=lister)
        assert SerialPort(name, "pty") in ports or name in seen
        ticket = detect.choices(DeviceKind.TICKET_PRINTER, ports=ports, printers=[])
        perforator = detect.choices(DeviceKind.PERFORATOR, ports=ports, printers=[])
        assert f"escpos+serial://{name}" in [c.connection for c in ticket]
        assert f"perforator+serial://{name}" in [c.connection for c in perforator]
        conn = parse(f"escpos+serial://{name}", DeviceKind.TICKET_PRINTER)
        assert conn.target == name
        with serial.Serial(conn.target, timeout=1) as port:
            port.write(b"\x1b@")
            port.flush()
        assert os.read(master, 16) == b"\x1b@"
    finally:
        os.close(master)
        os.close(slave)


def test_windows_com_ports() -> None:
    ports = detect.serial_ports(lister=lambda: [SimpleNamespace(device="COM3", description="")])
    choice = detect.choices(DeviceKind.TICKET_PRINTER, ports=ports, printers=[])[1]
    assert choice.connection == "escpos+serial://COM3"
    assert parse(choice.connection).target == "COM3"


class FakeUsb(SimpleNamespace):
    def __iter__(self):
        return iter(self.configs)


def _usb(vendor: int, product_id: int, device_class: int = 0, interfaces=(),
         **strings: str) -> FakeUsb:
    configs = [[SimpleNamespace(bInterfaceClass=c) for c in interfaces]]
    return FakeUsb(idVendor=vendor, idProduct=product_id, bDeviceClass=device_class,
                   configs=configs, **strings)


def test_usb_printers_by_class_or_receipt_vendor() -> None:
    devices = [
        _usb(0x046D, 0xC077, interfaces=[3]),                  # a mouse
        _usb(0x04B8, 0x0202, interfaces=[0xFF]),               # Epson TM, vendor class
        _usb(0x1234, 0x5678, interfaces=[7], manufacturer="Acme", product="Label"),
        _usb(0x0A5F, 0x0001, device_class=7),                  # printer class on the device
        _usb(0x04B8, 0x0202, interfaces=[0xFF]),               # the same model twice
    ]
    printers = detect.usb_printers(finder=lambda: devices)
    assert [p.ids for p in printers] == ["04b8:0202", "0a5f:0001", "1234:5678"]
    assert printers[0].description == "Epson" and printers[2].description == "Acme Label"
    ticket = detect.choices(DeviceKind.TICKET_PRINTER, ports=[], printers=printers)
    assert [c.connection for c in ticket] == [
        "sim://", "escpos+usb://04b8:0202", "escpos+usb://0a5f:0001", "escpos+usb://1234:5678"]
    for choice in ticket:
        parse(choice.connection, DeviceKind.TICKET_PRINTER)  # every offer is usable


def test_system_printers_are_offered_for_cards_and_documents() -> None:
    names = ["Evolis Primacy", "HP LaserJet"]
    for kind in (DeviceKind.CARD_PRINTER, DeviceKind.DOCUMENT_PRINTER):
        offered = [c.connection for c in detect.choices(kind, ports=[], printers=[],
                                                        system_printers=names)]
        assert offered == ["sim://", "card+printer://", "card+printer://Evolis Primacy",
                           "card+printer://HP LaserJet"]
        for raw in offered:
            parse(raw, kind)
