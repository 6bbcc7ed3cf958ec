"""The NPWPD card, laid out once as device-neutral drawing primitives in millimetres.

A layout is a list of :class:`Page` objects holding :class:`Text`, :class:`Rect`,
:class:`Line`, :class:`QrCode` and :class:`Image` items, with the origin at the top left
corner and y growing downwards. ``printing.pdf_render`` (reportlab) and
``printing.qt_render`` (QPainter: OS printers, PNG previews) draw the same list, so a card
looks the same on paper, in a PDF and on screen. The primitives are generic enough for
other small documents.

Text is measured with the metrics of the PDF base-14 font Helvetica (what the PDF shows;
Arial, on the Windows PCs that drive card printers, has the same widths), so the layout
knows where each line ends: long values shrink down to a minimum size, then wrap, then
end in an ellipsis. Every :class:`Text` is guaranteed to fit its ``width``.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing.dates import long_date

# ISO/IEC 7810 ID-1 ("CR80"), in millimetres, landscape
CR80_WIDTH_MM = 85.60
CR80_HEIGHT_MM = 53.98

PT_MM = 25.4 / 72  # one typographic point in millimetres
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
_ASCENT = 0.718  # Helvetica (and Helvetica-Bold) ascent and descent, per unit of size
_DESCENT = 0.207
LEADING = 1.2  # line height, per unit of size
ELLIPSIS = "…"

BLACK = "#000000"
WHITE = "#FFFFFF"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Text:
    """One line of text in a box ``width`` mm wide starting at ``x``; ``baseline`` is the
    y of the baseline. ``size`` is in points."""

    x: float
    baseline: float
    width: float
    text: str
    size: float
    bold: bool = False
    align: Align = Align.LEFT
    color: str = BLACK

    @property
    def font(self) -> str:
        return FONT_BOLD if self.bold else FONT

    @property
    def advance(self) -> float:
        """Width of the text itself, in mm (never more than ``width``)."""
        return text_width(self.text, self.size, self.bold)

    @property
    def left(self) -> float:
        """Where the text starts, after alignment in its box."""
        if self.align is Align.CENTER:
            return self.x + (self.width - self.advance) / 2
        if self.align is Align.RIGHT:
            return self.x + self.width - self.advance
        return self.x

    def bbox(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the inked area, from the font's ascent and descent."""
        left = self.left
        return (left, self.baseline - ascent(self.size), left + self.advance,
                self.baseline + descent(self.size))


@dataclass(frozen=True)
class Rect:
    """A rectangle, filled and/or stroked (``line_width`` in mm), corners rounded by
    ``radius`` mm."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = BLACK
    stroke: str | None = None
    line_width: float = 0.2
    radius: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.2
    color: str = BLACK


@dataclass(frozen=True)
class QrCode:
    """A QR code as its module matrix (row by row, True = dark) in a ``size`` mm square,
    which includes ``quiet`` light modules on each side."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...] = field(repr=False)
    quiet: int = 2
    color: str = BLACK

    @classmethod
    def from_payload(cls, x: float, y: float, size: float, payload: str, *,
                     quiet: int = 2) -> QrCode:
        """The smallest QR code (error correction M) holding ``payload``."""
        return cls(x, y, size, qr_matrix(payload), quiet)

    @property
    def module(self) -> float:
        """Side of one module, in mm."""
        return self.size / (len(self.modules) + 2 * self.quiet)

    def dark_runs(self) -> Iterator[tuple[float, float, float, float]]:
        """(x, y, w, h) in mm of each horizontal run of dark modules: fewer, seamless shapes
        than one square per module."""
        m = self.module
        origin_x = self.x + self.quiet * m
        origin_y = self.y + self.quiet * m
        for row, cells in enumerate(self.modules):
            col = 0
            while col < len(cells):
                if not cells[col]:
                    col += 1
                    continue
                start = col
                while col < len(cells) and cells[col]:
                    col += 1
                yield origin_x + start * m, origin_y + row * m, (col - start) * m, m


@dataclass(frozen=True)
class Image:
    """A raster image (PNG or JPEG bytes), scaled to fit the box and centred in it."""

    x: float
    y: float
    w: float
    h: float
    data: bytes = field(repr=False)


Item = Text | Rect | Line | QrCode | Image


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    items: tuple[Item, ...]


# --- text measuring and fitting ---------------------------------------------------------

def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (no quiet zone) of the smallest QR code, level M, for ``payload``."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def printable(text: str) -> str:
    """``text`` with what the PDF base-14 fonts cannot show (outside Windows-1252) turned into
    its nearest plain letter, or ``?``: both renderers then show the same characters."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(plain or "?")
    return "".join(out)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` at ``size`` points, in mm."""
    return stringWidth(text, FONT_BOLD if bold else FONT, size) * PT_MM


def ascent(size: float) -> float:
    return _ASCENT * size * PT_MM


def descent(size: float) -> float:
    return _DESCENT * size * PT_MM


def leading(size: float) -> float:
    """Height of one line of text at ``size`` points, in mm."""
    return LEADING * size * PT_MM


@dataclass(frozen=True)
class Fit:
    """Text fitted to a width: the size it got and its lines."""

    size: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return len(self.lines) * leading(self.size)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap; a word wider than the line is cut where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, size, bold) > width:
            cut = max(1, _longest_prefix(word, width, size, bold))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def ellipsize(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` cut short with an ellipsis so that it fits ``width``."""
    if text_width(text, size, bold) <= width:
        return text
    keep = _longest_prefix(text, width - text_width(ELLIPSIS, size, bold), size, bold)
    return text[:keep].rstrip(" ,.;:-") + ELLIPSIS


def _longest_prefix(text: str, width: float, size: float, bold: bool) -> int:
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid], size, bold) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def fit_text(text: str, width: float, max_size: float, min_size: float, *,
             max_lines: int = 1, bold: bool = False, step: float = 0.25) -> Fit:
    """Fit ``text`` into ``width`` mm: one line at the largest size from ``max_size`` down to
    ``min_size``; else wrapped into ``max_lines`` at the largest size that allows it; else
    ``max_lines`` at ``min_size``, the last one ending in an ellipsis."""
    text = " ".join(printable(text).split())
    sizes = [max_size]
    while sizes[-1] - step >= min_size - 1e-9:
        sizes.append(round(sizes[-1] - step, 4))
    for size in sizes:
        if text_width(text, size, bold) <= width:
            return Fit(size, (text,))
    if max_lines > 1:
        for size in sizes:
            lines = wrap(text, width, size, bold)
            if len(lines) <= max_lines:
                return Fit(size, tuple(lines))
    size = sizes[-1]
    lines = wrap(text, width, size, bold)
    kept = lines[:max_lines]
    kept[-1] = ellipsize(" ".join(lines[max_lines - 1:]), width, size, bold)
    return Fit(size, tuple(kept))


def text_block(fit: Fit, x: float, top: float, width: float, *, bold: bool = False,
               align: Align = Align.LEFT, color: str = BLACK) -> tuple[list[Text], float]:
    """The lines of ``fit`` stacked from ``top``, each centred in its line height; returns
    the items and the y below the last line."""
    lead = leading(fit.size)
    offset = (lead - ascent(fit.size) - descent(fit.size)) / 2 + ascent(fit.size)
    items = []
    y = top
    for line in fit.lines:
        items.append(Text(x, y + offset, width, line, fit.size, bold, align, color))
        y += lead
    return items, y


# --- the NPWPD card -----------------------------------------------------------------------

@dataclass(frozen=True)
class NpwpdCard:
    """What is printed on an NPWPD card. ``qr_payload`` is whatever the office wants
    scanned (a verification URL; the NPWPD itself when empty); ``logo`` is PNG or JPEG."""

    office_name: str  # "BADAN PENDAPATAN DAERAH KOTA BATU"
    office_address: str
    npwpd: str  # "P.2.0001234.01.02"
    name: str
    address: str
    business_type: str  # jenis usaha
    registered: date  # tanggal terdaftar
    qr_payload: str
    office_phone: str = ""
    government: str = ""  # "PEMERINTAH KOTA BATU", above the office name when given
    logo: bytes | None = field(default=None, repr=False)

    def to_json(self) -> bytes:
        """The card as a print-spool payload (JSON; the logo in base64)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["registered"] = self.registered.isoformat()
        data["logo"] = base64.b64encode(self.logo).decode("ascii") if self.logo else None
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, payload: bytes) -> NpwpdCard:
        data = json.loads(payload.decode("utf-8"))
        data["registered"] = date.fromisoformat(data["registered"])
        data["logo"] = base64.b64decode(data["logo"]) if data.get("logo") else None
        return cls(**data)


BACK_TITLE = "PERHATIAN"
BACK_NOTES = (
    "Kartu ini adalah bukti pendaftaran sebagai Wajib Pajak Daerah.",
    "Harap dibawa setiap melakukan transaksi perpajakan daerah.",
    "Kartu ini tidak dapat dipindahtangankan. Setiap perubahan data Wajib Pajak "
    "harap segera dilaporkan.",
    "Apabila menemukan kartu ini harap dikembalikan ke {office}.",
)
DEFAULT_ACCENT = "#0B3D91"

MARGIN = 3.0  # safe area: nothing but background bands closer to the edge
HEADER_H = 12.5
BACK_HEADER_H = 7.0
FOOTER_H = 1.5
QR_BOX = 20.0  # QR code with its quiet zone
LABEL_W = 14.5
ROW_GAP = 0.7
MIN_VALUE_SIZE = 5.0  # points: the smallest a taxpayer's data is printed
LABEL_COLOR = "#333333"


def card_layout(card: NpwpdCard, *, accent: str = DEFAULT_ACCENT,
                notes: Sequence[str] = BACK_NOTES) -> list[Page]:
    """Front and back of ``card``. ``accent`` colours the bands (use black for a monochrome
    ribbon); ``notes`` are the back's numbered notes, ``{office}`` standing for the office."""
    return [_front(card, accent), _back(card, accent, notes)]


def card_file_name(card: NpwpdCard) -> str:
    """A file and print-job name for the card, safe on every file system."""
    return "npwpd-" + (re.sub(r"[^A-Za-z0-9._-]+", "_", card.npwpd).strip("._") or "kartu")


def _front(card: NpwpdCard, accent: str) -> Page:
    w, h = CR80_WIDTH_MM, CR80_HEIGHT_MM
    items: list[Item] = [Rect(0, 0, w, HEADER_H, fill=accent),
                         Rect(0, h - FOOTER_H, w, FOOTER_H, fill=accent)]
    items += _header(card)

    qr_x, qr_y = w - 2.0 - QR_BOX, HEADER_H + 1.0
    items.append(QrCode.from_payload(qr_x, qr_y, QR_BOX, card.qr_payload or card.npwpd))
    caption, _ = text_block(Fit(4.5, ("Pindai untuk verifikasi",)), qr_x, qr_y + QR_BOX,
                            QR_BOX, align=Align.CENTER, color=LABEL_COLOR)
    items += caption

    col_w = qr_x - MARGIN - 1.0
    y = HEADER_H + 2.2
    for fit, bold, color in (
        (fit_text("KARTU NPWPD", col_w, 9, 7, bold=True), True, accent),
        (fit_text("Nomor Pokok Wajib Pajak Daerah", col_w, 5, 4), False, LABEL_COLOR),
        (fit_text(card.npwpd, col_w, 12, 8, bold=True), True, BLACK),
    ):
        block, y = text_block(fit, MARGIN, y, col_w, bold=bold, color=color)
        items += block
    y += 0.5
    items.append(Line(MARGIN, y, MARGIN + col_w, y, 0.25, accent))

    rows = (("Nama", card.name, True, 2), ("Alamat", card.address, False, 3),
            ("Jenis Usaha", card.business_type, False, 2),
            ("Tgl. Terdaftar", long_date(card.registered), False, 1))
    limit = h - FOOTER_H - 1.0
    for size in (7.0, 6.5, 6.0, 5.5, MIN_VALUE_SIZE):  # the largest at which all rows fit
        row_items, bottom = _rows(rows, MARGIN, y + 0.8, col_w, size)
        if bottom <= limit:
            break
    items += row_items
    return Page(w, h, tuple(items))


def _header(card: NpwpdCard) -> list[Item]:
    items: list[Item] = []
    text_x = MARGIN
    if card.logo:
        items.append(Image(MARGIN, 1.75, HEADER_H - 3.5, HEADER_H - 3.5, card.logo))
        text_x = MARGIN + HEADER_H - 2.0
    text_w = CR80_WIDTH_MM - MARGIN - text_x
    lines = []
    if card.government:
        lines.append((fit_text(card.government, text_w, 5.5, 4.5, bold=True), True))
    address = (fit_text(card.office_address, text_w, 5, 4), False)
    room = HEADER_H - 2.5 - address[0].height - sum(fit.height for fit, _ in lines)
    # a long office name: two lines if they fit the band, else one line that shrinks
    name = fit_text(card.office_name, text_w, 7.5, 5.5, bold=True)
    for size in (7.5, 7.0, 6.5, 6.0) if ELLIPSIS in name.lines[-1] else ():
        two = fit_text(card.office_name, text_w, size, size, max_lines=2, bold=True)
        if two.height <= room and ELLIPSIS not in two.lines[-1]:
            name = two
            break
    lines += [(name, True), address]
    y = (HEADER_H - sum(fit.height for fit, _ in lines)) / 2
    for fit, bold in lines:
        block, y = text_block(fit, text_x, y, text_w, bold=bold, color=WHITE)
        items += block
    return items


def _rows(rows: Sequence[tuple[str, str, bool, int]], x: float, top: float, width: float,
          size: float) -> tuple[list[Item], float]:
    """Label : value rows; the label sits on the baseline of the value's first line."""
    items: list[Item] = []
    value_x = x + LABEL_W + 1.5
    value_w = width - LABEL_W - 1.5
    y = top
    for label, value, bold, max_lines in rows:
        fit = fit_text(value, value_w, size, MIN_VALUE_SIZE, max_lines=max_lines, bold=bold)
        block, bottom = text_block(fit, value_x, y, value_w, bold=bold)
        baseline = block[0].baseline
        label_fit = fit_text(label, LABEL_W, 5.5, 4.5)
        items.append(Text(x, baseline, LABEL_W, label_fit.lines[0], label_fit.size,
                          color=LABEL_COLOR))
        items.append(Text(x + LABEL_W, baseline, 1.5, ":", label_fit.size,
                          align=Align.CENTER, color=LABEL_COLOR))
        items += block
        y = bottom + ROW_GAP
    return items, y - ROW_GAP


def _back(card: NpwpdCard, accent: str, notes: Sequence[str]) -> Page:
    w, h = CR80_WIDTH_MM, CR80_HEIGHT_MM
    inner_w = w - 2 * MARGIN
    items: list[Item] = [Rect(0, 0, w, BACK_HEADER_H, fill=accent),
                         Rect(0, h - FOOTER_H, w, FOOTER_H, fill=accent)]
    title = fit_text(BACK_TITLE, inner_w / 2, 7, 6, bold=True)
    block, _ = text_block(title, MARGIN, (BACK_HEADER_H - title.height) / 2, inner_w / 2,
                          bold=True, color=WHITE)
    items += block
    number = fit_text(f"NPWPD {card.npwpd}", inner_w / 2 - 2, 6, 4.5, bold=True)
    block, _ = text_block(number, w / 2 + 2, (BACK_HEADER_H - number.height) / 2,
                          inner_w / 2 - 2, bold=True, align=Align.RIGHT, color=WHITE)
    items += block

    contact, contact_top = _contact(card, h - FOOTER_H - 1.2)
    items.append(Line(MARGIN, contact_top - 1.0, w - MARGIN, contact_top - 1.0, 0.2, accent))
    items += contact

    office = " ".join(card.office_name.split())
    texts = [note.replace("{office}", office) for note in notes]
    items += _notes(texts, BACK_HEADER_H + 1.8, contact_top - 2.0)
    return Page(w, h, tuple(items))


def _contact(card: NpwpdCard, bottom: float) -> tuple[list[Item], float]:
    """The office's name, address and phone, ending at ``bottom``; returns items and top."""
    width = CR80_WIDTH_MM - 2 * MARGIN
    lines = [(fit_text(card.office_name, width, 6, 4.5, bold=True), True),
             (fit_text(card.office_address, width, 5, 4, max_lines=2), False)]
    if card.office_phone.strip():
        lines.append((fit_text(f"Telp. {card.office_phone.strip()}", width, 5, 4), False))
    top = bottom - sum(fit.height for fit, _ in lines)
    items: list[Item] = []
    y = top
    for fit, bold in lines:
        block, y = text_block(fit, MARGIN, y, width, bold=bold, align=Align.CENTER)
        items += block
    return items, top


def _notes(texts: Sequence[str], top: float, bottom: float) -> list[Item]:
    """Numbered notes at the largest common size that fits between ``top`` and ``bottom``;
    at the smallest size each note keeps at most three lines."""
    number_w = 3.5
    width = CR80_WIDTH_MM - 2 * MARGIN - number_w
    gap = 0.6
    for size in (7.0, 6.75, 6.5, 6.25, 6.0, 5.75, 5.5, 5.25, 5.0, 4.75, 4.5):
        fits = [fit_text(t, width, size, size, max_lines=3 if size == 4.5 else 99)
                for t in texts]
        if sum(f.height for f in fits) + gap * (len(fits) - 1) <= bottom - top:
            break
    items: list[Item] = []
    y = top
    for index, fit in enumerate(fits, start=1):
        block, after = text_block(fit, MARGIN + number_w, y, width)
        items.append(Text(MARGIN, block[0].baseline, number_w, f"{index}.", fit.size))
        items += block
        y = after + gap
    return items
