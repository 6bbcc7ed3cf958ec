"""Opening a device from its kind and connection string: the one door to the hardware.

``sim://`` devices are simulators living in this process, one per kind and name
(``sim://?name=kiosk2``), so a station's UI can show what its simulated printer printed.
"""

from __future__ import annotations

import threading
from typing import Any

from devices.base import DeviceKind
from devices.connection import Connection, parse

_lock = threading.Lock()
_simulators: dict[tuple[DeviceKind, str], Any] = {}


def simulator(kind: DeviceKind | str, conn: Connection | None = None) -> Any:
    """The in-process simulator behind ``sim://`` connections of this kind and name."""
    kind = DeviceKind(kind)  # a db.enums kind is taken by its value
    name = str(conn.option("name", "default")) if conn else "default"
    with _lock:
        sim = _simulators.get((kind, name))
        if sim is None:
            sim = _simulators[(kind, name)] = _new_simulator(kind, conn)
        return sim


def _new_simulator(kind: DeviceKind, conn: Connection | None) -> Any:
    if kind is DeviceKind.TICKET_PRINTER:
        from devices.escpos_sim import EscposSimulator, Fault

        fault = conn.option_text("fault") if conn else None
        return EscposSimulator(fault=Fault(fault) if fault else None)
    raise ValueError(f"no shared simulator for {kind.value}")


def forget_simulators() -> None:
    """Drop the in-process simulators (tests)."""
    with _lock:
        _simulators.clear()


def open_device(kind: DeviceKind | str, raw: str) -> Any:
    """The device adapter for ``raw``; raises :class:`~devices.connection.BadConnection`."""
    kind = DeviceKind(kind)  # a db.enums kind is taken by its value
    conn = parse(raw, kind)
    if kind is DeviceKind.TICKET_PRINTER:
        from devices.escpos_printer import EscposPrinter

        if conn.is_simulator:
            _check_fault(conn)
            return EscposPrinter(conn, simulator=simulator(kind, conn))
        return EscposPrinter(conn)
    if kind is DeviceKind.PERFORATOR:
        from devices.perforator import open_perforator

        return open_perforator(conn)
    if kind in (DeviceKind.CARD_PRINTER, DeviceKind.DOCUMENT_PRINTER):
        from devices.card_printer import open_card_printer

        return open_card_printer(conn)
    raise ValueError(kind)


def _check_fault(conn: Connection) -> None:
    from devices.connection import BadConnection
    from devices.escpos_sim import Fault

    fault = conn.option("fault")
    if fault and fault not in {f.value for f in Fault}:
        raise BadConnection(conn.raw, "fault", "fault must be one of "
                            + ", ".join(f.value for f in Fault))
