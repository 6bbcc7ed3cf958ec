"""The "berkas tidak lengkap" slip: what a visitor must still bring, on one A6 page.

Laid out with the device-neutral primitives of :mod:`printing.card`, so the same slip is a
PDF (:func:`slip_pdf`), a page for an OS printer or a PNG preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from printing.card import (
    Align,
    Item,
    Line,
    Page,
    Text,
    ellipsize,
    leading,
    printable,
    wrap,
)
from printing.pdf_render import render_pdf

A6_WIDTH_MM = 105.0
A6_HEIGHT_MM = 148.0
MARGIN = 8.0


@dataclass(frozen=True)
class MissingSlip:
    """What the slip says; ``issued_at`` is already in the office's local time."""

    office_name: str
    ticket: str
    service_name: str
    counter_name: str
    officer: str
    issued_at: datetime
    zone: str
    missing: tuple[str, ...]
    checked: tuple[str, ...] = ()


def slip_name(slip: MissingSlip) -> str:
    """The job and file name: ``slip-A-001-20261123-0912``."""
    return f"slip-{slip.ticket}-{slip.issued_at:%Y%m%d-%H%M}"


def _lines(items: list[Item], text: str, x: float, top: float, width: float, size: float, *,
           bold: bool = False, align: Align = Align.LEFT, bottom: float) -> float:
    """Wrap ``text`` into ``width`` from ``top``; returns the y below the last line."""
    y = top
    for line in wrap(printable(text), width, size, bold):
        if y + leading(size) > bottom:
            break
        y += leading(size)
        items.append(Text(x, y - leading(size) * 0.25, width, line, size, bold, align))
    return y


def slip_pages(slip: MissingSlip) -> list[Page]:
    """The slip's page(s): header, visit, the missing requirements as a list, signature."""
    pages: list[Page] = []
    width = A6_WIDTH_MM - 2 * MARGIN
    bottom = A6_HEIGHT_MM - MARGIN - 14
    items: list[Item] = []
    y = _lines(items, slip.office_name, MARGIN, MARGIN, width, 9, bold=True,
               align=Align.CENTER, bottom=bottom)
    y = _lines(items, "BERKAS TIDAK LENGKAP", MARGIN, y + 2, width, 13, bold=True,
               align=Align.CENTER, bottom=bottom)
    items.append(Line(MARGIN, y + 2, A6_WIDTH_MM - MARGIN, y + 2, 0.3))
    y += 3
    rows = [
        ("Nomor antrean", slip.ticket),
        ("Layanan", slip.service_name),
        ("Loket", slip.counter_name),
        ("Petugas", slip.officer),
        ("Waktu", f"{slip.issued_at:%d-%m-%Y %H:%M} {slip.zone}"),
    ]
    for label, value in rows:
        y += leading(8)
        items.append(Text(MARGIN, y, 26, label, 8))
        items.append(Text(MARGIN + 26, y, width - 26,
                          ellipsize(printable(value), width - 26, 8, True), 8, True))
    y += 3
    y = _lines(items, "Persyaratan yang belum dipenuhi:", MARGIN, y, width, 9, bold=True,
               bottom=bottom)
    for n, text in enumerate(slip.missing, start=1):
        if y + 2 * leading(9) > bottom:  # continue on a new page
            pages.append(Page(A6_WIDTH_MM, A6_HEIGHT_MM, tuple(items)))
            items, y = [], MARGIN
        items.append(Text(MARGIN, y + leading(9) * 0.75, 6, f"{n}.", 9))
        y = _lines(items, text, MARGIN + 6, y, width - 6, 9, bottom=bottom)
        y += 0.8
    y += 2
    _lines(items, "Silakan lengkapi persyaratan di atas, lalu ambil nomor antrean baru.",
           MARGIN, y, width, 7.5, bottom=bottom)
    foot = A6_HEIGHT_MM - MARGIN
    items.append(Line(MARGIN, foot - 5, MARGIN + 40, foot - 5, 0.2))
    items.append(Text(MARGIN, foot, 60, ellipsize(printable(slip.officer), 60, 7), 7))
    pages.append(Page(A6_WIDTH_MM, A6_HEIGHT_MM, tuple(items)))
    return pages


def slip_pdf(slip: MissingSlip) -> bytes:
    return render_pdf(slip_pages(slip), title=slip_name(slip))


def missing_of(requirements: Sequence[tuple[str, str]], checked: Sequence[str]) -> list[str]:
    """The texts of the requirements (``(code, text)``) whose code is not in ``checked``."""
    done = set(checked)
    return [text for code, text in requirements if code not in done]
