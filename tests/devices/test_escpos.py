"""The ticket printer driver and python-escpos itself against the simulator, over a pty
(serial) and over TCP (network printer), with each injected fault."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from db.enums import DeviceKind
from devices.base import Condition, DeviceError
from devices.connection import BadConnection, parse
from devices.escpos_printer import EscposPrinter
from devices.escpos_sim import (
    EscposSimulator,
    Fault,
    SimulatorServer,
    png_bytes,
    render_png,
)
from devices.registry import forget_simulators, open_device, simulator
from printing.escpos_env import escpos_modules
from printing.ticket import TicketContent, qr_payload, render_ticket

TIMEOUT = 0.3
TRANSPORTS = ["tcp"] if sys.platform == "win32" else ["pty", "tcp"]


def ticket_bytes(printer: EscposPrinter, n: int = 1) -> bytes:
    content = TicketContent(
        office_name="Bapenda Kota Batu", ticket=f"A-{n:03d}", service_name="Pembayaran PBB",
        issued_local=datetime(2026, 11, 23, 9, 0), zone_label="WIB", ahead=0, eta_minutes=0,
        qr=qr_payload("BAPENDA-BATU", n, f"A-{n:03d}"))
    return render_ticket(content, printer.paper)


@pytest.fixture
def sim() -> EscposSimulator:
    return EscposSimulator()


@pytest.fixture(params=TRANSPORTS)
def served(request, sim: EscposSimulator) -> Iterator[tuple[SimulatorServer, str]]:
    server = sim.serve_pty() if request.param == "pty" else sim.serve_tcp()
    url = (f"escpos+serial://{server.address}?baudrate=9600&timeout={TIMEOUT}"
           if request.param == "pty" else f"escpos+tcp://{server.address}?timeout={TIMEOUT}")
    try:
        yield server, url
    finally:
        server.stop()


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_python_escpos_status_calls_understand_the_simulator(sim: EscposSimulator,
                                                             transport: str) -> None:
    """python-escpos's own Serial and Network classes, unchanged, read the simulator's
    answers correctly and print to it."""
    printer, _, _ = escpos_modules()
    server = sim.serve_pty() if transport == "pty" else sim.serve_tcp()
    if transport == "pty":
        p = printer.Serial(devfile=server.address, baudrate=9600, timeout=0.2)
    else:
        host, port = server.address.split(":")
        p = printer.Network(host=host, port=int(port), timeout=2)
    p.open()
    try:
        assert p.is_online() is True
        assert p.paper_status() == 2
        sim.set_fault(Fault.PAPER_LOW)
        assert p.paper_status() == 1
        sim.set_fault(Fault.PAPER_OUT)
        assert p.paper_status() == 0
        sim.set_fault(Fault.OFFLINE)
        assert p.is_online() is False
        sim.set_fault(None)
        p.textln("Halo dari python-escpos")
        p.cut()
        assert sim.wait_for_receipts(1, 5)
    finally:
        p.close()
        server.stop()
    assert sim.receipts[0].text == "Halo dari python-escpos"


def test_a_ticket_prints_and_is_read_back(served, sim: EscposSimulator) -> None:
    _, url = served
    printer = EscposPrinter(parse(url, DeviceKind.TICKET_PRINTER))
    assert printer.state().condition is Condition.READY
    data = ticket_bytes(printer, 7)
    printer.send(data)
    assert sim.wait_for_receipts(1, 5)
    assert sim.receipts[0].qr == ["LOKET1|BAPENDA-BATU|7|A-007"]
    assert sim.bytes_received >= len(data)


@pytest.mark.parametrize(("fault", "condition"), [
    (Fault.OFFLINE, Condition.OFFLINE),
    (Fault.PAPER_OUT, Condition.PAPER_OUT),
    (Fault.COVER_OPEN, Condition.COVER_OPEN),
    (Fault.TIMEOUT, Condition.TIMEOUT),
])
def test_a_fault_before_printing_sends_nothing(served, sim: EscposSimulator, fault: Fault,
                                               condition: Condition) -> None:
    _, url = served
    printer = EscposPrinter(parse(url, DeviceKind.TICKET_PRINTER))
    sim.set_fault(fault)
    assert printer.state().condition is condition
    with pytest.raises(DeviceError) as info:
        printer.send(ticket_bytes(printer))
    assert info.value.condition is condition
    assert info.value.delivered is False
    sim.set_fault(None)
    assert sim.receipts == [] and sim.swallowed == []


def test_paper_low_still_prints(served, sim: EscposSimulator) -> None:
    _, url = served
    printer = EscposPrinter(parse(url, DeviceKind.TICKET_PRINTER))
    sim.set_fault(Fault.PAPER_LOW)
    assert printer.state().condition is Condition.PAPER_LOW
    printer.send(ticket_bytes(printer))
    assert sim.wait_for_receipts(1, 5)


def test_paper_running_out_during_a_ticket_is_reported_as_delivered(served,
                                                                   sim: EscposSimulator) -> None:
    _, url = served
    sim.plan = lambda moment, n: Fault.PAPER_OUT if moment == "receipt" else None
    printer = EscposPrinter(parse(url, DeviceKind.TICKET_PRINTER))
    with pytest.raises(DeviceError) as info:
        printer.send(ticket_bytes(printer))
    assert (info.value.condition, info.value.delivered) == (Condition.PAPER_OUT, True)
    assert sim.receipts == [] and len(sim.swallowed) == 1


def test_a_printer_that_answers_status_slowly(served, sim: EscposSimulator) -> None:
    """Each status answer comes ``status_delay`` late: within the driver's timeout the
    ticket still prints, only later; beyond it the printer does not answer."""
    _, url = served
    printer = EscposPrinter(parse(url, DeviceKind.TICKET_PRINTER))
    sim.set_status_delay(TIMEOUT / 3)
    started = time.monotonic()
    assert printer.state().condition is Condition.READY
    assert time.monotonic() - started >= 2 * TIMEOUT / 3  # online, then paper: two answers
    started = time.monotonic()
    printer.send(ticket_bytes(printer))
    assert time.monotonic() - started >= 4 * TIMEOUT / 3  # two answers before, two after
    assert sim.wait_for_receipts(1, 5)
    assert sim.status_requests == 6
    sim.set_status_delay(2 * TIMEOUT)
    assert printer.state().condition is Condition.TIMEOUT
    sim.set_status_delay(0)
    assert EscposSimulator().status_delay == 0  # answers at once unless told

def test_a_missing_printer_is_reported_quickly() -> None:
    printer = EscposPrinter(parse(f"escpos+tcp://127.0.0.1:9?timeout={TIMEOUT}"))
    assert printer.state().condition is Condition.UNREACHABLE
    with pytest.raises(DeviceError) as info:
        printer.send(b"\x1b@x")
    assert (info.value.condition, info.value.delivered) == (Condition.UNREACHABLE, False)


def test_a_usb_printer_that_is_not_plugged_in_is_unreachable() -> None:
    printer = open_device(DeviceKind.TICKET_PRINTER, "escpos+usb://04b8:0e99?timeout=0.5")
    state = printer.state()
    assert state.condition is Condition.UNREACHABLE and state.detail


def test_file_connection_writes_the_exact_bytes_and_cannot_tell_status(tmp_path) -> None:
    target = tmp_path / "ticket.bin"
    printer = open_device(DeviceKind.TICKET_PRINTER, f"escpos+file://{target}?width=58")
    assert printer.state().condition is Condition.UNKNOWN
    data = ticket_bytes(printer)
    printer.send(data)
    assert target.read_bytes() == data
    assert printer.paper.columns == 32


def test_in_process_simulator_behind_sim_url(tmp_path) -> None:
    forget_simulators()
    printer = open_device(DeviceKind.TICKET_PRINTER, "sim://?name=kiosk9&profile=TM-T20II")
    printer.send(ticket_bytes(printer, 3))
    sim = simulator(DeviceKind.TICKET_PRINTER, parse("sim://?name=kiosk9"))
    assert [r.qr for r in sim.receipts] == [["LOKET1|BAPENDA-BATU|3|A-003"]]
    png = render_png(sim.receipts[0], tmp_path / "t.png", columns=printer.paper.columns)
    from PIL import Image

    with Image.open(png) as image:
        assert image.width > 400 and image.height > 300
        assert image.getextrema()[0] == 0  # something black was drawn
    # the same picture in memory (the kiosk's preview leaves no file behind)
    assert png_bytes(sim.receipts[0], columns=printer.paper.columns) == png.read_bytes()
    broken = open_device(DeviceKind.TICKET_PRINTER, "sim://?name=kiosk8&fault=paper_out")
    assert broken.state().condition is Condition.PAPER_OUT
    forget_simulators()


@pytest.mark.parametrize("raw", [
    "", "tcp://x", "lpt://x", "escpos+usb://epson", "escpos+tcp://h:99999",
    "escpos+tcp://h?colour=red", "escpos+tcp://h?width=70", "escpos+tcp://h?timeout=0",
    "escpos+serial://", "perforator+serial:///dev/ttyS0",
])
def test_bad_connection_strings_are_refused(raw: str) -> None:
    with pytest.raises(BadConnection):
        open_device(DeviceKind.TICKET_PRINTER, raw)


def test_good_connection_strings_parse() -> None:
    usb = parse("escpos+usb://04b8:0202?profile=TM-T88V", DeviceKind.TICKET_PRINTER)
    assert usb.usb_ids() == (0x04B8, 0x0202) and usb.option("profile") == "TM-T88V"
    assert parse("escpos+tcp://10.0.0.5").host_port(9100) == ("10.0.0.5", 9100)
    assert parse("escpos+serial://COM3?baudrate=19200").target == "COM3"
    assert parse("escpos+serial:///dev/ttyUSB0").target == "/dev/ttyUSB0"
    assert parse("escpos+win32://EPSON TM-T82").target == "EPSON TM-T82"
