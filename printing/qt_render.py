"""Draw a page list from ``printing.card`` with QPainter: OS printers and PNG previews.

Millimetres become device units from the device's own resolution, so the same code paints
a 1200 dpi printer page and a 300 dpi preview. Fonts: Arial (metric twin of the layout's
Helvetica) or the closest sans-serif installed; where the installed font runs wider than
Helvetica the line is condensed to the width the layout measured, so text never leaves
its box and lines up as in the PDF.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
)

from printing.card import Align, Image, Line, Page, QrCode, Rect, Text, text_width

FAMILIES = ["Arial", "Helvetica", "Liberation Sans", "Nimbus Sans", "Nimbus Sans L",
            "DejaVu Sans"]
MM_PER_INCH = 25.4
_app: QGuiApplication | None = None  # the application ensure_qt_app made, kept alive


def ensure_qt_app() -> QGuiApplication:
    """The running Qt application, or a new QApplication when there is none.

    QPainter on a QImage or a QPrinter needs one (fonts come from it). A Loket station
    already has its application (``ui.application.make_app``); a print spool run from the
    command line or a test does not. Call this from the main thread before painting from
    worker threads: Qt objects of the application must be created in the main thread. On
    Linux with no display it selects the ``offscreen`` platform, or Qt would abort.
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    from PySide6.QtWidgets import QApplication  # print support lives with widgets

    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # held in a global: Qt's application dies with its last Python reference
    _app = QApplication([sys.argv[0] if sys.argv else "loket"])
    return _app


def paint_page(painter: QPainter, page: Page, dpi_x: float, dpi_y: float) -> None:
    """Paint ``page`` with its top left corner at the painter's origin, ``dpi_x`` and
    ``dpi_y`` device units per inch."""
    sx, sy = dpi_x / MM_PER_INCH, dpi_y / MM_PER_INCH
    for item in page.items:
        painter.save()
        if isinstance(item, Text):
            _text(painter, item, sx, sy, dpi_y)
        elif isinstance(item, Rect):
            _rect(painter, item, sx, sy)
        elif isinstance(item, Line):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(QColor(item.color))
            pen.setWidthF(item.width * (sx + sy) / 2)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(item.x1 * sx, item.y1 * sy),
                             QPointF(item.x2 * sx, item.y2 * sy))
        elif isinstance(item, QrCode):
            _qr(painter, item, sx, sy)
        elif isinstance(item, Image):
            _image(painter, item, sx, sy)
        else:  # pragma: no cover - a new primitive without a renderer
            raise TypeError(f"cannot draw {type(item).__name__}")
        painter.restore()


def paint_pages(device: QPagedPaintDevice, pages: Sequence[Page]) -> bool:
    """Paint ``pages`` on a paged device (a QPrinter or QPdfWriter whose page size is
    already set), starting a new device page for each. False if the device would not
    open."""
    if not pages:
        raise ValueError("nothing to render: no pages")
    ensure_qt_app()
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        for index, page in enumerate(pages):
            if index:
                device.newPage()
            paint_page(painter, page, device.logicalDpiX(), device.logicalDpiY())
    finally:
        painter.end()
    return True


def render_image(page: Page, dpi: float = 300) -> QImage:
    """``page`` on a white image of ``dpi`` dots per inch (its size rounded to whole pixels);
    the image records its resolution, so a saved PNG prints at the right size."""
    ensure_qt_app()
    width = round(page.width / MM_PER_INCH * dpi)
    height = round(page.height / MM_PER_INCH * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / MM_PER_INCH * 1000))
    image.setDotsPerMeterY(round(dpi / MM_PER_INCH * 1000))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_page(painter, page, dpi, dpi)
    finally:
        painter.end()
    return image


def render_png(pages: Sequence[Page], dpi: float = 300) -> list[bytes]:
    """One PNG per page, for previews."""
    out = []
    for page in pages:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # the stub asks for bytes as the format, but PySide6 refuses bytes and takes str
        if not render_image(page, dpi).save(buffer, "PNG"):  # type: ignore[call-overload]
            raise RuntimeError("Qt could not encode the PNG")
        buffer.close()
        out.append(bytes(data.data()))
    return out


def _font(item: Text, dpi_y: float, painter: QPainter) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setBold(item.bold)
    # point sizes are converted with the device's logical dpi: correct for ours
    device_dpi = painter.device().logicalDpiY() or dpi_y
    font.setPointSizeF(item.size * dpi_y / device_dpi)
    return font


def _text(painter: QPainter, item: Text, sx: float, sy: float, dpi_y: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = _font(item, dpi_y, painter)
    painter.setFont(font)
    painter.setPen(QColor(item.color))
    metrics = QFontMetricsF(font, painter.device())
    # one squeeze for the whole font, so every line of it looks alike; more only for a
    # line that would still leave its box
    squeeze = _squeeze(metrics, item, sx)
    natural = metrics.horizontalAdvance(item.text)
    box_x, box_w = item.x * sx, item.width * sx
    if natural * squeeze > box_w > 0:
        squeeze = box_w / natural
    drawn = natural * squeeze
    if item.align is Align.CENTER:
        left = box_x + (box_w - drawn) / 2
    elif item.align is Align.RIGHT:
        left = box_x + box_w - drawn
    else:
        left = box_x
    painter.translate(left, item.baseline * sy)
    painter.scale(squeeze, 1.0)
    painter.drawText(QPointF(0, 0), item.text)


_REFERENCE = "Kartu Wajib Pajak Daerah NPWPD 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _squeeze(metrics: QFontMetricsF, item: Text, sx: float) -> float:
    """How much narrower the installed font must be drawn to run as wide as Helvetica."""
    natural = metrics.horizontalAdvance(_REFERENCE)
    wanted = text_width(_REFERENCE, item.size, item.bold) * sx
    return min(1.0, wanted / natural) if natural > 0 else 1.0


def _rect(painter: QPainter, item: Rect, sx: float, sy: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, bool(item.radius or item.stroke))
    painter.setBrush(QBrush(QColor(item.fill)) if item.fill else Qt.BrushStyle.NoBrush)
    if item.stroke:
        pen = QPen(QColor(item.stroke))
        pen.setWidthF(item.line_width * (sx + sy) / 2)
        painter.setPen(pen)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
    rect = QRectF(item.x * sx, item.y * sy, item.w * sx, item.h * sy)
    if item.radius:
        painter.drawRoundedRect(rect, item.radius * sx, item.radius * sy)
    else:
        painter.drawRect(rect)


def _qr(painter: QPainter, item: QrCode, sx: float, sy: float) -> None:
    """Module edges snapped to whole device pixels, no antialiasing: crisp and scannable."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    path = QPainterPath()
    for x, y, w, h in item.dark_runs():
        left, top = round(x * sx), round(y * sy)
        path.addRect(QRectF(left, top, round((x + w) * sx) - left, round((y + h) * sy) - top))
    painter.fillPath(path, QColor(item.color))


def _image(painter: QPainter, item: Image, sx: float, sy: float) -> None:
    image = QImage.fromData(item.data)
    if image.isNull():
        return  # an unreadable logo leaves its place empty rather than failing the card
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    box = QRectF(item.x * sx, item.y * sy, item.w * sx, item.h * sy)
    scale = min(box.width() / image.width(), box.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    painter.drawImage(QRectF(box.x() + (box.width() - w) / 2,
                             box.y() + (box.height() - h) / 2, w, h), image)
