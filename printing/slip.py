"""The "berkas tidak lengkap" slip: what a visitor must still bring, on A6.

Built with the document toolkit (:mod:`printing.document`) like every other PDF, so the
same slip is a PDF (:func:`slip_pdf`), a page list for an OS printer or a PNG preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from printing.card import Page
from printing.document import Document, Letterhead
from printing.pdf_render import render_pdf


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
    letterhead: Letterhead | None = None


def slip_name(slip: MissingSlip) -> str:
    """The job and file name: ``slip-A-001-20261123-0912``."""
    return f"slip-{slip.ticket}-{slip.issued_at:%Y%m%d-%H%M}"


def slip_document(slip: MissingSlip) -> Document:
    doc = Document("BERKAS TIDAK LENGKAP",
                   letterhead=slip.letterhead or Letterhead(slip.office_name), paper="A6",
                   number=slip.ticket, printed_at=slip.issued_at, zone=slip.zone)
    doc.fields([
        ("Nomor antrean", slip.ticket),
        ("Layanan", slip.service_name),
        ("Loket", slip.counter_name),
        ("Petugas", slip.officer),
        ("Waktu", f"{slip.issued_at:%d-%m-%Y %H:%M} {slip.zone}"),
    ])
    doc.heading("Persyaratan yang belum dipenuhi:")
    doc.items(list(slip.missing))
    doc.paragraph("Silakan lengkapi persyaratan di atas, lalu ambil nomor antrean baru.",
                  size=7.5)
    doc.signatures([("Petugas", slip.officer)])
    return doc


def slip_pages(slip: MissingSlip) -> list[Page]:
    return slip_document(slip).pages()


def slip_pdf(slip: MissingSlip) -> bytes:
    return render_pdf(slip_pages(slip), title=slip_name(slip))


def missing_of(requirements: Sequence[tuple[str, str]], checked: Sequence[str]) -> list[str]:
    """The texts of the requirements (``(code, text)``) whose code is not in ``checked``."""
    done = set(checked)
    return [text for code, text in requirements if code not in done]
