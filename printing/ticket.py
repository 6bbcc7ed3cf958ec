"""The queue ticket as ESC/POS bytes: text and the printer's own QR command, no images.

A whole ticket stays well under 1,024 bytes, so it prints at once even on a 9600-baud
serial line (a raster QR alone would be over 3 KB). The layout adapts to the paper: 58 mm
(32 columns) or 80 mm (42 or more), from the printer's python-escpos capability profile.
Only ASCII is sent: names with other letters are transliterated, so the bytes never depend
on a printer's code pages.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from printing.dates import day_and_date
from printing.escpos_env import escpos_modules, quiet

# the profile used when a connection names only a paper width
PROFILE_FOR_WIDTH = {80: "TM-T88V", 58: "POS-5890"}
MAX_BYTES = 1024
QR_PREFIX = "LOKET1"


def qr_payload(office: str, visit_id: int, ticket: str) -> str:
    """What the ticket's QR carries: ``LOKET1|<office>|<visit id>|<ticket>``.

    The survey station and the status look-up read it back with :func:`parse_qr_payload`.
    """
    return f"{QR_PREFIX}|{office}|{visit_id}|{ticket}"


def parse_qr_payload(text: str) -> tuple[str, int, str] | None:
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0] != QR_PREFIX or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2]), parts[3]


@dataclass(frozen=True)
class TicketContent:
    """Everything printed on a ticket, already in the office's local time."""

    office_name: str
    ticket: str
    service_name: str
    issued_local: datetime
    zone_label: str  # WIB, WITA, WIT
    ahead: int
    eta_minutes: int
    qr: str
    priority: str | None = None  # the reason, e.g. "lansia"
    office_address: str = ""
    footer: tuple[str, ...] = field(default=())
    reprint: bool = False
    # nobody can call the number yet: the ticket says why instead of promising a wait
    not_open_place: str | None = None  # "Tempat Cek Fisik": that counter is not open yet
    opens_at: datetime | None = None  # the office opens later today, at this local time


@dataclass(frozen=True)
class Paper:
    profile: str
    width_mm: int  # 58 or 80: the paper class
    columns: int  # characters per line in font A


def paper_for(profile: str | None = None, width_mm: int | None = None) -> Paper:
    """The paper of a printer from its profile name, or from a width alone."""
    _, caps, _ = escpos_modules()
    name = profile or PROFILE_FOR_WIDTH[width_mm or 80]
    data = caps.get_profile(name).profile_data
    measured = data.get("media", {}).get("width", {}).get("mm")
    if not isinstance(measured, int | float):
        measured = width_mm or 80
    paper_class = 58 if measured < 65 else 80
    columns = int(data.get("fonts", {}).get("0", {}).get("columns") or
                  (32 if paper_class == 58 else 42))
    return Paper(profile=name, width_mm=paper_class, columns=columns)


def ascii_text(text: str) -> str:
    """Printable ASCII only: accents dropped, anything else replaced by ``?``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c if 32 <= ord(c) < 127 else ("" if unicodedata.combining(c) else "?")
                   for c in decomposed)


def _wrap(text: str, columns: int) -> list[str]:
    return textwrap.wrap(ascii_text(text), columns) or [""]


PRIORITY_LABELS = {
    "lansia": "LANSIA", "disabilitas": "DISABILITAS", "hamil": "IBU HAMIL",
    "anak": "ANAK-ANAK",
}


def not_open_notice(content: TicketContent) -> str | None:
    """What the ticket says instead of an estimated wait while nobody can call it yet."""
    if content.opens_at is not None:
        return ("Layanan belum dibuka; nomor Anda akan dipanggil setelah loket dibuka pukul "
                f"{content.opens_at:%H.%M} {content.zone_label}.")
    if content.not_open_place:
        return (f"{content.not_open_place} belum dibuka; nomor Anda akan dipanggil setelah"
                " loket dibuka.")
    return None


def render_ticket(content: TicketContent, paper: Paper) -> bytes:
    """The ticket's ESC/POS bytes for this paper."""
    printer_mod, _, _ = escpos_modules()
    p = printer_mod.Dummy(profile=paper.profile)
    cols = paper.columns
    rule = "-" * cols
    big = 4 if paper.width_mm == 80 else 3
    with quiet():
        p.hw("INIT")
        p.set(align="center", bold=True)
        for line in _wrap(content.office_name.upper(), cols):
            p.textln(line)
        p.set(bold=False)
        if content.office_address:
            for line in _wrap(content.office_address, cols)[:2]:
                p.textln(line)
        p.textln(rule)
        p.textln("NOMOR ANTRIAN")
        p.set(custom_size=True, width=big, height=big, bold=True)
        p.textln(ascii_text(content.ticket))
        p.set(normal_textsize=True, bold=True)
        for line in _wrap(content.service_name, cols):
            p.textln(line)
        p.set(bold=False)
        if content.priority:
            label = PRIORITY_LABELS.get(content.priority, content.priority.upper())
            p.set(invert=True, bold=True)
            p.textln(ascii_text(f" PRIORITAS: {label} ")[:cols])
            p.set(invert=False, bold=False)
        p.textln(rule)
        p.set(align="left")
        local = content.issued_local
        p.textln(ascii_text(day_and_date(local.date()))[:cols])
        p.textln(f"Jam diambil : {local:%H:%M} {content.zone_label}")
        p.textln(f"Di depan    : {content.ahead} orang")
        notice = not_open_notice(content)
        if notice:
            p.set(bold=True)
            for line in _wrap(notice, cols):
                p.textln(line)
            p.set(bold=False)
        else:
            eta = f"+/- {content.eta_minutes} menit" if content.ahead else "segera dipanggil"
            p.textln(f"Perkiraan   : {eta}"[:cols])
        p.set(align="center")
        p.qr(content.qr, native=True, size=5 if paper.width_mm == 80 else 4)
        p.ln()
        for line in content.footer:
            for wrapped in _wrap(line, cols):
                p.textln(wrapped)
        if content.reprint:
            p.set(bold=True)
            p.textln("** CETAK ULANG **")
            p.set(bold=False)
        p.cut()
    return p.output
