"""The document toolkit: every PDF Loket hands out is built here, so all look alike.

A :class:`Document` is a list of blocks (heading, label/value fields, table, paragraph,
numbered items, checklist, QR code, signatures) laid out top to bottom on A4, A5 or A6
under the office's letterhead, with the document number and "Halaman x dari y" in the
footer of every page. The layout is the device-neutral page list of :mod:`printing.card`,
so a document becomes a PDF (:meth:`Document.pdf`), a PNG preview or a page for an OS
printer with the renderers that already draw cards and slips.

Blocks are cut into rows that never split (a table row, a field, a line of a paragraph,
a signature block); a page break falls between rows, and a table's header is repeated on
the next page. Text is measured with Helvetica's metrics, so nothing runs off the paper.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from printing.card import (
    Align,
    Item,
    Line,
    Page,
    QrCode,
    Rect,
    Text,
    ellipsize,
    leading,
    printable,
    text_width,
    wrap,
)
from printing.charts import Series, bar_chart
from printing.pdf_render import render_pdf

# width, height, margin (mm) and base text size (pt) of each paper
PAPERS: dict[str, tuple[float, float, float, float]] = {
    "A4": (210.0, 297.0, 18.0, 10.0),
    "A5": (148.0, 210.0, 12.0, 9.0),
    "A6": (105.0, 148.0, 7.0, 8.0),
}
GREY = "#555555"


@dataclass(frozen=True)
class Letterhead:
    """The office header (kop surat) printed at the top of every page."""

    name: str  # UPT PPD Pontianak Wilayah I (Samsat Pontianak)
    parent: str = ""  # BADAN PENDAPATAN DAERAH PROVINSI KALIMANTAN BARAT
    address: str = ""
    contact: str = ""  # telephone, e-mail, website


class OfficeRecord(Protocol):
    """What a letterhead reads of an office (the ``offices`` row), by its attributes only."""

    @property
    def name(self) -> str: ...
    @property
    def address(self) -> str | None: ...
    @property
    def settings(self) -> Mapping[str, Any] | None: ...
    @property
    def source(self) -> Mapping[str, Any] | None: ...
    @property
    def complaint_channels(self) -> Sequence[Any] | None: ...


_CONTACT_KINDS = ("phone", "whatsapp", "email", "website")


def office_letterhead(office: OfficeRecord) -> Letterhead:
    """The office's kop surat: ``settings.letterhead`` (parent, address, contact) when an
    administrator set it, else what the catalog says about the office.

    Here with :class:`Letterhead`, read from the office's attributes, so that a document
    given an office needs nothing of the services (:func:`app.document_archive.letterhead` is this).
    """
    custom = dict((office.settings or {}).get("letterhead") or {})
    parent = custom.get("parent")
    if parent is None:
        issued_by = str((office.source or {}).get("issued_by") or "")
        parent = issued_by.removeprefix("Kepala ").strip()
    contact = custom.get("contact")
    if contact is None:
        values = {c.get("kind"): str(c.get("value", "")) for c in office.complaint_channels or []
                  if isinstance(c, dict)}
        contact = " · ".join(values[k] for k in _CONTACT_KINDS if values.get(k))
    return Letterhead(name=office.name, parent=str(parent),
                      address=str(custom.get("address") or office.address or ""),
                      contact=str(contact))


Draw = Callable[[list[Item], float, float], None]  # (items, x, top)


@dataclass(frozen=True)
class _Row:
    """An unsplittable piece of a block: its height and how to draw it at (x, top)."""

    height: float
    draw: Draw
    keep_with_next: bool = False
    repeat: _Row | None = None  # a table header to repeat when the next rows break


def _wrapped(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    return wrap(printable(" ".join(str(text).split())), max(width, 1.0), size, bold) or [""]


def _shrink_to_words(text: str, width: float, size: float, bold: bool) -> float:
    """A smaller size (down to 65 %) when one word (an amount, a number) is wider than the
    column: amounts are never cut in two."""
    words = printable(str(text)).split()
    if not words:
        return size
    widest = max(text_width(word, size, bold) for word in words)
    if widest <= width:
        return size
    return max(size * 0.65, size * width / widest - 0.05)


class Document:
    """A document being built; blocks are laid out when :meth:`pages` is called."""

    def __init__(self, title: str, *, letterhead: Letterhead, number: str = "",
                 paper: str = "A4", subtitle: str = "",
                 printed_at: datetime | None = None, zone: str = "") -> None:
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}; choose one of {sorted(PAPERS)}")
        self.title = title
        self.letterhead = letterhead
        self.number = number
        self.paper = paper
        self.subtitle = subtitle
        self.printed_at = printed_at
        self.zone = zone
        self.page_w, self.page_h, self.margin, self.size = PAPERS[paper]
        self.width = self.page_w - 2 * self.margin
        self._rows: list[_Row] = []

    # --- sizes ----------------------------------------------------------------------------

    @property
    def small(self) -> float:
        return self.size - 1.5

    def _line_h(self, size: float | None = None) -> float:
        return leading(size or self.size)

    # --- blocks ---------------------------------------------------------------------------

    def heading(self, text: str) -> None:
        """A section heading, kept on the page of what follows it."""
        size = self.size + 1
        lines = _wrapped(text, self.width, size, True)
        gap = self._line_h() * 0.6

        def draw(items: list[Item], x: float, top: float) -> None:
            y = top + gap
            for line in lines:
                y += leading(size)
                items.append(Text(x, y - leading(size) * 0.22, self.width, line, size, True))

        self._rows.append(_Row(gap + len(lines) * leading(size) + 0.8, draw,
                               keep_with_next=True))

    def fields(self, rows: Sequence[tuple[str, str]]) -> None:
        """Label and value rows (``Nama : Budi``); long values wrap under themselves."""
        if not rows:
            return
        size = self.size
        label_w = min(max(text_width(printable(label), size) for label, _ in rows) + 3,
                      self.width * 0.4)
        value_x = label_w + text_width(": ", size)
        value_w = self.width - value_x
        for label, value in rows:
            label_lines = _wrapped(label, label_w - 1, size)
            value_lines = _wrapped(value, value_w, size, True)
            count = max(len(label_lines), len(value_lines))

            def draw(items: list[Item], x: float, top: float,
                     label_lines: list[str] = label_lines,
                     value_lines: list[str] = value_lines) -> None:
                for i, line in enumerate(label_lines):
                    items.append(Text(x, top + (i + 0.78) * leading(size), label_w, line,
                                      size))
                items.append(Text(x + label_w, top + 0.78 * leading(size), value_x - label_w,
                                  ":", size))
                for i, line in enumerate(value_lines):
                    items.append(Text(x + value_x, top + (i + 0.78) * leading(size), value_w,
                                      line, size, True))

            self._rows.append(_Row(count * leading(size) + 0.5, draw))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], *,
              align: str | None = None, widths: Sequence[float] | None = None,
              total: Sequence[str] | None = None) -> None:
        """A ruled table; ``align`` has one letter per column (``l``, ``c``, ``r``: money
        right-aligned), ``widths`` are relative column widths, ``total`` a bold last row."""
        cols = len(header)
        if cols == 0:
            raise ValueError("a table needs at least one column")
        align = (align or "l" * cols).ljust(cols, "l")[:cols]
        if any(a not in "lcr" for a in align):
            raise ValueError(f"bad alignment {align!r}: use l, c or r per column")
        rel = list(widths) if widths else [1.0] * cols
        if len(rel) != cols or any(w <= 0 for w in rel):
            raise ValueError("widths: one positive number per column")
        scale = self.width / sum(rel)
        col_w = [w * scale for w in rel]
        aligns = [{"l": Align.LEFT, "c": Align.CENTER, "r": Align.RIGHT}[a] for a in align]
        size = self.size - 0.5
        pad = 1.2

        def make_row(cells: Sequence[str], bold: bool, rule_above: float,
                     shade: bool = False) -> _Row:
            cells = [str(c) for c in cells] + [""] * (cols - len(cells))
            sizes = [_shrink_to_words(c, w - 2 * pad, size, bold) for c, w in zip(
                cells, col_w, strict=False)]
            wrapped = [_wrapped(c, w - 2 * pad, s, bold) for c, w, s in zip(
                cells, col_w, sizes, strict=False)]
            height = max(len(lines) * leading(s) for lines, s in zip(
                wrapped, sizes, strict=False)) + 2 * pad

            def draw(items: list[Item], x: float, top: float) -> None:
                if shade:
                    items.append(Rect(x, top, self.width, height, fill="#E8E8E8"))
                if rule_above:
                    items.append(Line(x, top, x + self.width, top, rule_above))
                cx = x
                for lines, w, al, s in zip(wrapped, col_w, aligns, sizes, strict=False):
                    for i, line in enumerate(lines):
                        items.append(Text(cx + pad, top + pad + (i + 0.78) * leading(s),
                                          w - 2 * pad, line, s, bold, al))
                    cx += w
                items.append(Line(x, top + height, x + self.width, top + height, 0.15))

            return _Row(height, draw)

        head = make_row(header, True, 0.4, shade=True)
        head = _Row(head.height, head.draw, keep_with_next=True)
        self._rows.append(head)
        for cells in rows:
            row = make_row(cells, False, 0)
            self._rows.append(_Row(row.height, row.draw, repeat=head))
        if total is not None:
            row = make_row(total, True, 0.4)
            self._rows.append(_Row(row.height, row.draw, repeat=head))
        self.space(1.5)

    def paragraph(self, text: str, *, bold: bool = False, size: float | None = None,
                  align: str = "l") -> None:
        """Running text; may break between its lines."""
        size = size or self.size
        al = {"l": Align.LEFT, "c": Align.CENTER, "r": Align.RIGHT}[align]
        for line in _wrapped(text, self.width, size, bold):
            def draw(items: list[Item], x: float, top: float, line: str = line) -> None:
                items.append(Text(x, top + 0.78 * leading(size), self.width, line, size, bold,
                                  al))

            self._rows.append(_Row(leading(size), draw))
        self.space(1.0)

    def items(self, texts: Sequence[str], *, numbered: bool = True) -> None:
        """A list with hanging indent: ``1.``, ``2.``... (or bullets)."""
        size = self.size
        indent = text_width(f"{len(texts)}. ", size) + 1
        for n, text in enumerate(texts, start=1):
            mark = f"{n}." if numbered else "-"
            lines = _wrapped(text, self.width - indent, size)

            def draw(items: list[Item], x: float, top: float, lines: list[str] = lines,
                     mark: str = mark) -> None:
                items.append(Text(x, top + 0.78 * leading(size), indent, mark, size))
                for i, line in enumerate(lines):
                    items.append(Text(x + indent, top + (i + 0.78) * leading(size),
                                      self.width - indent, line, size))

            self._rows.append(_Row(len(lines) * leading(size) + 0.4, draw))
        self.space(1.0)

    def checklist(self, rows: Sequence[tuple[str, bool]]) -> None:
        """Requirements with a ticked or empty box, and the word for it (for the blind
        reader of the text, and for tests)."""
        size = self.size
        box = leading(size) * 0.7
        for text, checked in rows:
            word = "[ada]" if checked else "[belum]"
            lines = _wrapped(f"{text} {word}", self.width - box - 2, size)

            def draw(items: list[Item], x: float, top: float, lines: list[str] = lines,
                     checked: bool = checked) -> None:
                y = top + (leading(size) - box) / 2
                items.append(Rect(x, y, box, box, fill=None, stroke="#000000",
                                  line_width=0.25))
                if checked:
                    items.append(Line(x + box * 0.18, y + box * 0.55, x + box * 0.42,
                                      y + box * 0.8, 0.35))
                    items.append(Line(x + box * 0.42, y + box * 0.8, x + box * 0.85,
                                      y + box * 0.18, 0.35))
                for i, line in enumerate(lines):
                    items.append(Text(x + box + 2, top + (i + 0.78) * leading(size),
                                      self.width - box - 2, line, size))

            self._rows.append(_Row(len(lines) * leading(size) + 0.6, draw))
        self.space(1.0)

    def qr(self, payload: str, caption: str = "") -> None:
        """A QR code with a caption beside it (e.g. how to verify the document)."""
        side = {"A4": 32.0, "A5": 28.0, "A6": 22.0}[self.paper]
        code = QrCode.from_payload(0, 0, side, payload)
        size = self.small
        lines = _wrapped(caption, self.width - side - 3, size) if caption else []

        def draw(items: list[Item], x: float, top: float) -> None:
            items.append(QrCode(x, top, side, code.modules, code.quiet))
            for i, line in enumerate(lines):
                items.append(Text(x + side + 3, top + 4 + (i + 0.78) * leading(size),
                                  self.width - side - 3, line, size))

        self._rows.append(_Row(max(side, len(lines) * leading(size) + 4) + 1, draw))

    def signatures(self, blocks: Sequence[tuple[str, str]]) -> None:
        """Signature columns: the role above, room to sign, the name under a line."""
        if not blocks:
            return
        size = self.size
        col = self.width / len(blocks)
        room = {"A4": 20.0, "A5": 16.0, "A6": 11.0}[self.paper]

        def draw(items: list[Item], x: float, top: float) -> None:
            for i, (role, name) in enumerate(blocks):
                cx = x + i * col
                items.append(Text(cx, top + leading(size), col, printable(role), size,
                                  align=Align.CENTER))
                base = top + leading(size) + room
                items.append(Line(cx + col * 0.15, base, cx + col * 0.85, base, 0.2))
                items.append(Text(cx, base + leading(size), col,
                                  ellipsize(printable(name), col - 2, size, True), size, True,
                                  Align.CENTER))

        self.space(2)
        self._rows.append(_Row(2 * leading(size) + room + 2, draw))

    def chart(self, categories: Sequence[str], series: Sequence[Series], *, title: str = "",
              unit: str = "", decimals: int = 0, height: float = 62.0) -> None:
        """Grouped bars (:func:`printing.charts.bar_chart`) across the page width,
        ``height`` mm tall, never split."""
        width = self.width

        def draw(items: list[Item], x: float, top: float) -> None:
            items.extend(bar_chart(x, top + 2, width, height - 4, categories, series,
                                   title=title, unit=unit, decimals=decimals,
                                   size=self.size - 1.5))

        self._rows.append(_Row(height, draw))

    def space(self, mm: float = 3.0) -> None:
        self._rows.append(_Row(mm, lambda items, x, top: None))

    # --- layout ---------------------------------------------------------------------------

    def _letterhead(self, items: list[Item]) -> float:
        """Draw the letterhead and title area at the top; return the y below it."""
        x, y, w = self.margin, self.margin, self.width
        lh = self.letterhead
        for text, size, bold, color in (
            (lh.parent, self.size - 0.5, True, "#000000"),
            (lh.name, self.size + 2, True, "#000000"),
            (lh.address, self.small, False, GREY),
            (lh.contact, self.small, False, GREY),
        ):
            if not text:
                continue
            for line in _wrapped(text.upper() if size == self.size - 0.5 else text, w, size,
                                 bold)[:2]:
                y += leading(size)
                items.append(Text(x, y - leading(size) * 0.22, w, line, size, bold,
                                  Align.CENTER, color))
        y += 1.5
        items.append(Line(x, y, x + w, y, 0.6))
        items.append(Line(x, y + 0.8, x + w, y + 0.8, 0.2))
        return y + 2.5

    def _title(self, items: list[Item], y: float) -> float:
        x, w = self.margin, self.width
        size = self.size + 3
        for line in _wrapped(self.title, w, size, True):
            y += leading(size)
            items.append(Text(x, y - leading(size) * 0.22, w, line, size, True, Align.CENTER))
        for extra in (self.subtitle, f"Nomor: {self.number}" if self.number else ""):
            if extra:
                y += leading(self.size)
                items.append(Text(x, y - leading(self.size) * 0.22, w,
                                  ellipsize(printable(extra), w, self.size), self.size,
                                  align=Align.CENTER))
        return y + 3

    def _footer_top(self) -> float:
        return self.page_h - self.margin * 0.6 - leading(self.small) * 1.2

    def pages(self) -> list[Page]:
        """Lay the blocks out: a new page whenever the next unsplittable row would cross
        the footer; headings stay with what follows; table headers repeat."""
        page_items: list[list[Item]] = []
        bottom = self._footer_top() - 2
        items: list[Item] = []
        y = self._title(items, self._letterhead(items))
        page_items.append(items)
        rows = self._rows
        i = 0
        while i < len(rows):
            row = rows[i]
            need = row.height
            j = i
            while rows[j].keep_with_next and j + 1 < len(rows):  # heading + first row
                j += 1
                need += rows[j].height
            if y + need > bottom and y > self._first_y():
                items = []
                y = self._letterhead(items)
                page_items.append(items)
                if row.repeat is not None:
                    row.repeat.draw(items, self.margin, y)
                    y += row.repeat.height
            row.draw(items, self.margin, y)
            y += row.height
            i += 1
        total = len(page_items)
        pages = []
        for n, items in enumerate(page_items, start=1):
            self._footer(items, n, total)
            pages.append(Page(self.page_w, self.page_h, tuple(items)))
        return pages

    def _first_y(self) -> float:
        probe: list[Item] = []
        return self._letterhead(probe)

    def _footer(self, items: list[Item], n: int, total: int) -> None:
        x, w, size = self.margin, self.width, self.small
        top = self._footer_top()
        items.append(Line(x, top, x + w, top, 0.2))
        base = top + leading(size)
        left = self.number
        if self.printed_at is not None:
            stamp = f"Dicetak {self.printed_at:%d-%m-%Y %H:%M} {self.zone}".strip()
            left = f"{left} · {stamp}" if left else stamp
        page = f"Halaman {n} dari {total}"
        page_w = text_width(page, size) + 1
        items.append(Text(x, base, w - page_w - 2,
                          ellipsize(printable(left), w - page_w - 2, size), size,
                          color=GREY))
        items.append(Text(x + w - page_w, base, page_w, page, size, align=Align.RIGHT,
                          color=GREY))

    def pdf(self) -> bytes:
        name = f"{self.title} {self.number}".strip()
        return render_pdf(self.pages(), title=name)
