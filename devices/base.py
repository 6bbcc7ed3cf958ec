"""What every device adapter promises, whatever is behind it.

A device reports its :class:`DeviceState` without ever blocking longer than its timeout,
and fails with :class:`DeviceError` (never a driver's own exception) so that callers handle
one thing. ``DeviceError.delivered`` tells the print spool whether any byte may have reached
the device: a job that failed before that is safe to retry; one that failed after is not
(it may have printed) and is flagged for a person to check.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable


class Condition(StrEnum):
    """A device's condition as the supervisor board shows it."""

    READY = "ready"
    BUSY = "busy"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    PAPER_LOW = "paper_low"
    COVER_OPEN = "cover_open"
    JAMMED = "jammed"
    MEDIA_OUT = "media_out"
    TIMEOUT = "timeout"  # the device did not answer in time
    UNREACHABLE = "unreachable"  # could not connect at all
    UNKNOWN = "unknown"  # the connection cannot tell (file, OS queue): assumed ready


class DeviceKind(StrEnum):
    """The kinds of device a station drives.

    The hardware layer keeps its own vocabulary so that it stands on nothing of the database;
    ``db.enums.DeviceKind`` stores the same values (tests/test_architecture.py holds them
    equal), and a kind of either is taken here by its value (``DeviceKind(kind)``).
    """

    TICKET_PRINTER = "ticket_printer"
    CARD_PRINTER = "card_printer"
    PERFORATOR = "perforator"
    DOCUMENT_PRINTER = "document_printer"


USABLE = frozenset({Condition.READY, Condition.PAPER_LOW, Condition.UNKNOWN})


@dataclass(frozen=True)
class DeviceState:
    condition: Condition
    detail: str = ""

    @property
    def usable(self) -> bool:
        return self.condition in USABLE

    def to_json(self) -> dict[str, object]:
        return {"condition": self.condition.value, "usable": self.usable,
                "detail": self.detail}


class DeviceError(Exception):
    """A device could not do what was asked; ``condition`` says why."""

    def __init__(self, condition: Condition, detail: str = "", *,
                 delivered: bool = False) -> None:
        super().__init__(f"{condition.value}: {detail}" if detail else condition.value)
        self.condition = condition
        self.detail = detail
        self.delivered = delivered


@runtime_checkable
class Device(Protocol):
    connection: str

    def state(self) -> DeviceState:
        """Ask the device how it is, within its timeout."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class TicketPrinter(Device, Protocol):
    """An ESC/POS receipt printer: takes ready-made ESC/POS bytes."""

    profile: str  # python-escpos capability profile the bytes are made for
    width_mm: int

    def send(self, data: bytes) -> None:
        """Check the printer, send ``data``, check it again; raise DeviceError on trouble."""
        ...


@runtime_checkable
class CardPrinter(Device, Protocol):
    """Prints CR80 cards (and other pages) from a document layout."""

    def print_document(self, document: object, name: str) -> None: ...
