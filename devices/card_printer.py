"""Card printers: NPWPD cards (and other small documents) from a page layout.

Three devices behind one interface, chosen by the connection string:

* ``card+printer://Name`` / ``card+printer://``: a printer of the operating system (its
  default when no name), through Qt print support; card printers come with a driver.
* ``card+pdf:///folder``: each job becomes ``<name>.pdf`` in the folder.
* ``sim://?dir=/folder&fault=...``: the simulator writes the PDF and a PNG per side, keeps
  the jobs in memory and fails on demand, for tests and demonstrations.

Every job is checked before anything is sent; a failure raises :class:`DeviceError` and,
in the PDF and simulator devices, leaves no file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from devices.base import Condition, DeviceError, DeviceKind, DeviceState
from devices.connection import BadConnection, Connection, parse
from printing.card import (
    CR80_HEIGHT_MM,
    CR80_WIDTH_MM,
    NpwpdCard,
    Page,
    card_file_name,
    card_layout,
)
from printing.pdf_render import render_pdf

if TYPE_CHECKING:  # Qt is imported only where a job goes to Qt: a PDF folder needs none
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

# simulator faults (the ``fault`` option): condition and detail. Condition has no
# "ribbon out": a spent ribbon is reported as PAPER_OUT (the consumable that prints is
# gone), an empty card feeder as MEDIA_OUT.
FAULTS: dict[str, tuple[Condition, str]] = {
    "offline": (Condition.OFFLINE, "printer offline"),
    "card_out": (Condition.MEDIA_OUT, "card feeder empty"),
    "ribbon_out": (Condition.PAPER_OUT, "ribbon finished"),
    "jammed": (Condition.JAMMED, "card jammed"),
    "cover_open": (Condition.COVER_OPEN, "cover open"),
}
SIDE_NAMES = ("front", "back")
PREVIEW_DPI = 300


class CardPrinterDevice(ABC):
    """What Loket calls on a card printer. ``print_document`` fits the ``CardPrinter``
    protocol of :mod:`devices.base`, with a list of pages as the document."""

    connection: str

    @abstractmethod
    def state(self) -> DeviceState:
        """How the printer is, without printing."""

    def print_card(self, card: NpwpdCard) -> None:
        """Lay out ``card`` (front and back) and print it as one job."""
        self._print(card_layout(card), card_file_name(card), card)

    def print_pages(self, pages: Sequence[Page], name: str) -> None:
        """Print ``pages`` as one job called ``name`` (also the file name, where there is
        one); a page's size is the size printed."""
        if not pages:
            raise ValueError("nothing to print: no pages")
        self._print(list(pages), name, None)

    def print_document(self, document: Sequence[Page], name: str) -> None:
        self.print_pages(document, name)

    def close(self) -> None:  # noqa: B027 - nothing is held open between jobs
        """Release the device; the base holds nothing open between jobs."""

    @abstractmethod
    def _print(self, pages: list[Page], name: str, card: NpwpdCard | None) -> None: ...


def open_card_printer(conn: Connection | str) -> CardPrinterDevice:
    """The card printer a connection string names; ``BadConnection`` when it cannot be one."""
    if isinstance(conn, str):
        conn = parse(conn, DeviceKind.CARD_PRINTER)
    if conn.transport == "sim":
        return SimCardPrinter(conn)
    if conn.transport == "pdf":
        return PdfCardPrinter(conn)
    if conn.transport == "printer":
        return OsCardPrinter(conn)
    raise BadConnection(conn.raw, "kind", f"{conn.scheme} cannot drive a card printer")


# --- files ----------------------------------------------------------------------------------

def _folder(target: str) -> Path:
    """``card+pdf:///C:/kartu`` arrives as ``/C:/kartu``: drop the slash before a drive."""
    if re.match(r"^/[A-Za-z]:[/\\]", target):
        target = target[1:]
    return Path(target).expanduser()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "dokumen"


def _folder_state(folder: Path) -> DeviceState:
    """READY if the folder exists or can be made, and is writable."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        return DeviceState(Condition.UNREACHABLE, f"{probe} is not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        return DeviceState(Condition.UNREACHABLE, f"cannot write to {probe}")
    return DeviceState(Condition.READY, str(folder))


def _free_stem(folder: Path, name: str, suffixes: Sequence[str]) -> str:
    """``name``, or ``name-2``, ``name-3``...: the first whose files do not exist yet (a
    reprinted card keeps the earlier file)."""
    stem = _safe_name(name)
    candidate, number = stem, 1
    while any((folder / f"{candidate}{s}").exists() for s in suffixes):
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary name first."""
    done: list[Path] = []
    try:
        for path, data in files.items():
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(data)
            done.append(tmp)
        for path in files:
            os.replace(path.with_name(f".{path.name}.tmp"), path)
    except OSError as exc:
        for path in [*done, *files]:
            path.unlink(missing_ok=True)
        raise DeviceError(Condition.UNREACHABLE, f"cannot write: {exc}") from exc


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeviceError(Condition.UNREACHABLE, f"cannot create {folder}: {exc}") from exc


class PdfCardPrinter(CardPrinterDevice):
    """``card+pdf:///folder``: each job is written as ``<name>.pdf``."""

    def __init__(self, conn: Connection) -> None:
        self.connection = conn.raw
        self.folder = _folder(conn.target)
        self.written: list[Path] = []
        self._lock = threading.Lock()

    def state(self) -> DeviceState:
        return _folder_state(self.folder)

    def _print(self, pages: list[Page], name: str, card: NpwpdCard | None) -> None:
        data = render_pdf(pages, title=name)
        with self._lock:  # two jobs of one name must not pick the same file
            _make_folder(self.folder)
            path = self.folder / f"{_free_stem(self.folder, name, ['.pdf'])}.pdf"
            _write_all({path: data})
            self.written.append(path)


# --- simulator ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PrintedJob:
    """A job the simulator printed, with the files it wrote."""

    name: str
    pages: tuple[Page, ...] = field(repr=False)
    card: NpwpdCard | None
    pdf: Path
    previews: tuple[Path, ...]  # one PNG per page


def _fault(value: object, raw: str = "") -> tuple[Condition, str]:
    if value not in FAULTS:
        raise BadConnection(raw or str(value), "fault", f"unknown fault {value!r}; known: "
                            + ", ".join(sorted(FAULTS)))
    return FAULTS[str(value)]


class SimCardPrinter(CardPrinterDevice):
    """``sim://?dir=/folder&fault=card_out``: a card printer that writes what it would print
    (``<name>.pdf``, ``<name>-front.png``, ``<name>-back.png``) and fails when told to.

    ``fault`` in the connection (or :meth:`set_fault`) is a lasting condition that
    :meth:`state` reports; :meth:`inject_fault` makes the next jobs fail while the state
    still looks ready, as a printer that runs out mid-shift does.
    """

    def __init__(self, conn: Connection, *, preview_dpi: float = PREVIEW_DPI) -> None:
        self.connection = conn.raw
        folder = conn.option("dir")
        self.folder = (_folder(str(folder)) if folder
                       else Path(tempfile.gettempdir()) / "loket-card-sim")
        self.preview_dpi = preview_dpi
        self.printed: list[PrintedJob] = []
        self._lock = threading.Lock()
        self._fault: tuple[Condition, str] | None = None
        self._injected: list[tuple[Condition, str]] = []
        if conn.option("fault"):
            self._fault = _fault(conn.option("fault"), conn.raw)

    def set_fault(self, fault: str | None) -> None:
        """Put the printer in a lasting fault (a key of ``FAULTS``), or clear it (None)."""
        with self._lock:
            self._fault = None if fault is None else _fault(fault)

    def inject_fault(self, fault: str, jobs: int = 1) -> None:
        """Make the next ``jobs`` jobs fail with ``fault`` (a key of ``FAULTS``)."""
        condition = _fault(fault)
        with self._lock:
            self._injected.extend([condition] * jobs)

    def state(self) -> DeviceState:
        with self._lock:
            if self._fault:
                return DeviceState(*self._fault)
        return _folder_state(self.folder)

    def _print(self, pages: list[Page], name: str, card: NpwpdCard | None) -> None:
        with self._lock:
            fault = self._fault or (self._injected.pop(0) if self._injected else None)
        if fault:
            raise DeviceError(fault[0], fault[1])
        from printing.qt_render import render_png  # Qt only when a job really prints

        pdf = render_pdf(pages, title=name)
        pngs = render_png(pages, dpi=self.preview_dpi)
        sides = [SIDE_NAMES[i] if len(pages) <= len(SIDE_NAMES) else f"p{i + 1}"
                 for i in range(len(pages))]
        with self._lock:  # two jobs of one name must not pick the same file names
            _make_folder(self.folder)
            stem = _free_stem(self.folder, name, [".pdf", *(f"-{s}.png" for s in sides)])
            pdf_path = self.folder / f"{stem}.pdf"
            previews = tuple(self.folder / f"{stem}-{side}.png" for side in sides)
            _write_all({pdf_path: pdf, **dict(zip(previews, pngs, strict=True))})
            self.printed.append(PrintedJob(name, tuple(pages), card, pdf_path, previews))


# --- the operating system's printers ----------------------------------------------------------

class OsCardPrinter(CardPrinterDevice):
    """``card+printer://Name`` (or the default printer): print through the OS queue with
    Qt. The page size is the layout's (CR80 for cards), or the driver's own paper of that
    size when it has one; no margins; landscape when the page is wider than tall."""

    def __init__(self, conn: Connection) -> None:
        self.connection = conn.raw
        self.printer_name = conn.target

    def _info(self) -> QPrinterInfo | None:
        from PySide6.QtPrintSupport import QPrinterInfo

        from printing.qt_render import ensure_qt_app

        ensure_qt_app()
        info = (QPrinterInfo.printerInfo(self.printer_name) if self.printer_name
                else QPrinterInfo.defaultPrinter())
        return None if info.isNull() else info

    def _missing(self) -> str:
        return (f"printer {self.printer_name!r} not found" if self.printer_name
                else "no default printer")

    def state(self) -> DeviceState:
        info = self._info()
        if info is None:
            return DeviceState(Condition.UNREACHABLE, self._missing())
        return _printer_state(info)

    def _print(self, pages: list[Page], name: str, card: NpwpdCard | None) -> None:
        info = self._info()
        if info is None:
            raise DeviceError(Condition.UNREACHABLE, self._missing())
        state = _printer_state(info)
        if state.condition is Condition.OFFLINE:
            raise DeviceError(state.condition, state.detail)
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        print_on(printer, pages, name, info)


def _printer_state(info: QPrinterInfo) -> DeviceState:
    from PySide6.QtPrintSupport import QPrinter

    states = {
        QPrinter.PrinterState.Idle: (Condition.READY, "idle"),
        QPrinter.PrinterState.Active: (Condition.BUSY, "printing"),
        QPrinter.PrinterState.Error: (Condition.OFFLINE, "the printer reports an error"),
        # the last job was aborted; the queue cannot say more
        QPrinter.PrinterState.Aborted: (Condition.UNKNOWN, "last job aborted"),
    }
    condition, detail = states.get(info.state(), (Condition.UNKNOWN, ""))
    return DeviceState(condition, f"{info.printerName()}: {detail}" if detail
                       else info.printerName())


def print_on(printer: QPrinter, pages: Sequence[Page], name: str,
             info: QPrinterInfo | None = None) -> None:
    """Set ``printer`` (a QPrinter) up for ``pages`` and paint them: the page size of the
    first page (the driver's paper of that size, if ``info`` lists one), zero margins, full
    page, both sides when there are two pages and the printer can. Raises DeviceError if
    the job cannot be started or ends in error. Also works on a QPrinter set to PdfFormat."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    from printing.qt_render import paint_pages

    first = pages[0]
    orientation = (QPageLayout.Orientation.Landscape if first.width > first.height
                   else QPageLayout.Orientation.Portrait)
    layout = QPageLayout(_page_size(first, info), orientation, QMarginsF(0, 0, 0, 0),
                         QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout):
        raise DeviceError(Condition.OFFLINE, f"the printer refuses a {first.width} x "
                          f"{first.height} mm page")
    printer.setFullPage(True)
    printer.setDocName(name)
    if len(pages) > 1 and info is not None:
        modes = info.supportedDuplexModes()
        if QPrinter.DuplexMode.DuplexAuto in modes or QPrinter.DuplexMode.DuplexLongSide in modes:
            printer.setDuplex(QPrinter.DuplexMode.DuplexAuto)
    if not paint_pages(printer, pages):
        raise DeviceError(Condition.OFFLINE, "the print job could not be started")
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise DeviceError(Condition.OFFLINE, "the print job failed", delivered=True)


def _page_size(page: Page, info: QPrinterInfo | None = None) -> QPageSize:
    """The page size in portrait terms (the orientation turns it): the driver's own paper
    within 1 mm of it when there is one, else a custom size."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize

    short, long = sorted((page.width, page.height))
    if info is not None:
        for size in info.supportedPageSizes():
            w, h = sorted(size.size(QPageSize.Unit.Millimeter).toTuple())
            if abs(w - short) <= 1.0 and abs(h - long) <= 1.0:
                return size
    is_cr80 = abs(short - CR80_HEIGHT_MM) <= 1.0 and abs(long - CR80_WIDTH_MM) <= 1.0
    return QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter,
                     "CR80" if is_cr80 else "", QPageSize.SizeMatchPolicy.ExactMatch)
