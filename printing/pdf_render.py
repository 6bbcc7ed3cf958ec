"""Draw a page list from ``printing.card`` into a PDF with reportlab.

Text stays real text in the base-14 Helvetica (nothing embedded, selectable, searchable);
QR codes are vector rectangles, so the file prints sharp at any resolution. Each PDF page
has exactly the size of its :class:`~printing.card.Page`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printing.card import Align, Image, Line, Page, QrCode, Rect, Text


def render_pdf(pages: Sequence[Page], *, title: str = "", author: str = "Loket") -> bytes:
    """The PDF of ``pages``, one PDF page each. Output is reproducible (no timestamps)."""
    if not pages:
        raise ValueError("nothing to render: no pages")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(pages[0].width * mm, pages[0].height * mm),
                    invariant=True, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Loket")
    for page in pages:
        canvas.setPageSize((page.width * mm, page.height * mm))
        draw_page(canvas, page)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_page(canvas: Canvas, page: Page) -> None:
    """Draw one page's items on the canvas's current page (y flipped: the layout's y grows
    downwards, PDF's upwards)."""
    for item in page.items:
        if isinstance(item, Text):
            _text(canvas, page, item)
        elif isinstance(item, Rect):
            _rect(canvas, page, item)
        elif isinstance(item, Line):
            canvas.setStrokeColor(HexColor(item.color))
            canvas.setLineWidth(item.width * mm)
            canvas.line(item.x1 * mm, (page.height - item.y1) * mm,
                        item.x2 * mm, (page.height - item.y2) * mm)
        elif isinstance(item, QrCode):
            _qr(canvas, page, item)
        elif isinstance(item, Image):
            canvas.drawImage(ImageReader(io.BytesIO(item.data)), item.x * mm,
                             (page.height - item.y - item.h) * mm, item.w * mm, item.h * mm,
                             preserveAspectRatio=True, anchor="c", mask="auto")
        else:  # pragma: no cover - a new primitive without a renderer
            raise TypeError(f"cannot draw {type(item).__name__}")


def _text(canvas: Canvas, page: Page, item: Text) -> None:
    canvas.setFillColor(HexColor(item.color))
    canvas.setFont(item.font, item.size)
    y = (page.height - item.baseline) * mm
    if item.align is Align.CENTER:
        canvas.drawCentredString((item.x + item.width / 2) * mm, y, item.text)
    elif item.align is Align.RIGHT:
        canvas.drawRightString((item.x + item.width) * mm, y, item.text)
    else:
        canvas.drawString(item.x * mm, y, item.text)


def _rect(canvas: Canvas, page: Page, item: Rect) -> None:
    if item.fill:
        canvas.setFillColor(HexColor(item.fill))
    if item.stroke:
        canvas.setStrokeColor(HexColor(item.stroke))
        canvas.setLineWidth(item.line_width * mm)
    args = (item.x * mm, (page.height - item.y - item.h) * mm, item.w * mm, item.h * mm)
    flags = {"stroke": int(bool(item.stroke)), "fill": int(bool(item.fill))}
    if item.radius:
        canvas.roundRect(*args, item.radius * mm, **flags)
    else:
        canvas.rect(*args, **flags)


def _qr(canvas: Canvas, page: Page, item: QrCode) -> None:
    """All dark runs in one filled path: one PDF object, no seams between shapes."""
    canvas.setFillColor(HexColor(item.color))
    path = canvas.beginPath()
    for x, y, w, h in item.dark_runs():
        path.rect(x * mm, (page.height - y - h) * mm, w * mm, h * mm)
    canvas.drawPath(path, stroke=0, fill=1)
