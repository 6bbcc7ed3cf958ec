"""The NPWPD card: one layout, drawn the same by the PDF and the Qt renderer, that fits."""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import qrcode
from pypdf import PdfReader
from qrcode.constants import ERROR_CORRECT_M

from printing.card import (
    CR80_HEIGHT_MM,
    CR80_WIDTH_MM,
    ELLIPSIS,
    MARGIN,
    NpwpdCard,
    Page,
    QrCode,
    Text,
    card_file_name,
    card_layout,
    fit_text,
    printable,
    text_width,
)
from printing.pdf_render import render_pdf

PT = 72 / 25.4  # PDF points per mm
PAYLOAD = "https://bapenda.batukota.go.id/npwpd/P.2.0001234.01.02"
LONG_NAME = "PT Sumber Rejeki Makmur Sejahtera Abadi Nusantara Internasio"


def make_card(**changes: object) -> NpwpdCard:
    fields: dict[str, object] = dict(
        office_name="BADAN PENDAPATAN DAERAH KOTA BATU",
        office_address="Jl. Panglima Sudirman No. 507, Pesanggrahan, Kota Batu 65313",
        npwpd="P.2.0001234.01.02", name="Siti Rahmawati",
        address="Jl. Diponegoro No. 12 RT 03 RW 05, Sisir, Batu",
        business_type="Rumah Makan / Restoran", registered=date(2026, 11, 23),
        qr_payload=PAYLOAD, office_phone="(0341) 512345", government="PEMERINTAH KOTA BATU")
    fields.update(changes)
    return NpwpdCard(**fields)  # type: ignore[arg-type]


def long_card() -> NpwpdCard:
    return make_card(
        name=LONG_NAME,
        office_name="BADAN PENGELOLA PAJAK DAN RETRIBUSI DAERAH KABUPATEN KEPULAUAN SANGIHE",
        office_address="Jl. Raya Tahuna - Manganitu Kilometer 3, Kelurahan Bungalawang, "
                       "Kecamatan Tahuna, Kabupaten Kepulauan Sangihe, Sulawesi Utara 95812",
        address="Jalan Raya Ir. Soekarno Kilometer 12 Kompleks Ruko Permata Indah Blok C "
                "No. 17-19 RT 004 RW 011 Kelurahan Sumberejo Kecamatan Junrejo Kota Batu",
        business_type="Hotel, Restoran, Hiburan dan Parkir Kendaraan Bermotor Roda Dua",
        government="PEMERINTAH KABUPATEN KEPULAUAN SANGIHE")


def qrcode_matrix(payload: str) -> list[list[bool]]:
    """The matrix straight from the qrcode package, as a scanner-side reference."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(c) for c in row] for row in code.get_matrix()]


def the_qr(page: Page) -> QrCode:
    (qr,) = [item for item in page.items if isinstance(item, QrCode)]
    return qr


# --- the PDF -------------------------------------------------------------------------------

def test_pdf_has_two_pages_of_exactly_cr80() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(card_layout(make_card()))))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) / PT == pytest.approx(85.60, abs=0.1)
        assert float(page.mediabox.height) / PT == pytest.approx(53.98, abs=0.1)


def test_front_text_is_real_text_with_number_name_and_date() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(card_layout(make_card()))))
    front = reader.pages[0].extract_text()
    for expected in ("KARTU NPWPD", "P.2.0001234.01.02", "Siti Rahmawati", "23 November 2026",
                     "BADAN PENDAPATAN DAERAH KOTA BATU"):
        assert expected in front
    back = " ".join(reader.pages[1].extract_text().split())
    assert "Kartu ini adalah bukti pendaftaran sebagai Wajib Pajak Daerah" in back
    assert "Harap dibawa setiap melakukan transaksi perpajakan daerah" in back
    assert "dikembalikan ke BADAN PENDAPATAN DAERAH KOTA BATU" in back
    assert "Telp. (0341) 512345" in back


def test_pdf_uses_only_base14_helvetica_unembedded() -> None:
    reader = PdfReader(io.BytesIO(render_pdf(card_layout(make_card()))))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert set(fonts) == {"/Helvetica", "/Helvetica-Bold"}
    assert not any("/FontDescriptor" in f for f in fonts.values())  # nothing embedded


def test_pdf_is_reproducible() -> None:
    pages = card_layout(make_card())
    assert render_pdf(pages) == render_pdf(pages)


# --- the QR code ----------------------------------------------------------------------------

def test_qr_primitive_is_the_qrcode_matrix_of_the_payload() -> None:
    qr = the_qr(card_layout(make_card())[0])
    assert [list(row) for row in qr.modules] == qrcode_matrix(PAYLOAD)
    # quiet zone included in the box, the whole box on the card, clear of the edges
    assert qr.quiet >= 2
    assert qr.x + qr.size <= CR80_WIDTH_MM and qr.y + qr.size <= CR80_HEIGHT_MM
    runs = list(qr.dark_runs())
    dark = sum(row.count(True) for row in qrcode_matrix(PAYLOAD))
    assert sum(w for _, _, w, _ in runs) == pytest.approx(dark * qr.module)


def sample_modules(pixel, qr: QrCode, dpi: float) -> list[list[bool]]:
    """Read the QR back from a raster: dark or light at the centre of each module."""
    scale = dpi / 25.4
    size = len(qr.modules)
    out = []
    for row in range(size):
        cells = []
        for col in range(size):
            x = (qr.x + (qr.quiet + col + 0.5) * qr.module) * scale
            y = (qr.y + (qr.quiet + row + 0.5) * qr.module) * scale
            cells.append(pixel(int(x), int(y)) < 128)
        out.append(cells)
    return out


def test_png_preview_is_300_dpi_and_its_qr_reads_back(qapp) -> None:
    from PySide6.QtGui import QImage

    from printing.qt_render import render_png

    pages = card_layout(make_card())
    pngs = render_png(pages, dpi=300)
    assert len(pngs) == 2
    front = QImage.fromData(pngs[0])
    assert (front.width(), front.height()) == (1011, 638)
    assert QImage.fromData(pngs[1]).size() == front.size()
    qr = the_qr(pages[0])
    read = sample_modules(lambda x, y: front.pixelColor(x, y).lightness(), qr, 300)
    assert read == qrcode_matrix(PAYLOAD)
    # the header band is in the accent colour, the body white
    assert front.pixelColor(2, 2).name() == "#0b3d91"
    assert front.pixelColor(500, 560).name() == "#ffffff"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm not installed")
def test_pdf_qr_reads_back_from_a_300_dpi_rendering(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    pages = card_layout(make_card())
    (tmp_path / "card.pdf").write_bytes(render_pdf(pages))
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1",
                    str(tmp_path / "card.pdf"), str(tmp_path / "front")], check=True)
    (png,) = tmp_path.glob("front*.png")
    image = QImage(str(png))
    assert abs(image.width() - 1011) <= 1 and abs(image.height() - 638) <= 1
    read = sample_modules(lambda x, y: image.pixelColor(x, y).lightness(), the_qr(pages[0]),
                          300)
    assert read == qrcode_matrix(PAYLOAD)


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools not installed")
def test_qr_on_the_preview_decodes_to_the_payload(qapp, tmp_path: Path) -> None:
    from printing.qt_render import render_png

    (tmp_path / "front.png").write_bytes(render_png(card_layout(make_card()))[0])
    out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "front.png")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == PAYLOAD


# --- fitting --------------------------------------------------------------------------------

def text_items(page: Page) -> list[Text]:
    return [item for item in page.items if isinstance(item, Text)]


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    eps = 0.01
    return (a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps
            and b[1] < a[3] - eps)


@pytest.mark.parametrize("card", [make_card(), long_card()], ids=["usual", "long"])
def test_every_text_fits_its_box_the_card_and_nothing_overlaps(card: NpwpdCard) -> None:
    for page in card_layout(card):
        assert (page.width, page.height) == (CR80_WIDTH_MM, CR80_HEIGHT_MM)
        texts = text_items(page)
        for text in texts:
            assert text.advance <= text.width + 1e-6, text
            left, top, right, bottom = text.bbox()
            assert left >= MARGIN - 1e-6 and right <= page.width - MARGIN + 1e-6, text
            assert top > 0 and bottom < page.height, text
            assert text.size >= 4.0, text  # still legible on a card
        boxes = [t.bbox() for t in texts]
        qrs = [q for q in page.items if isinstance(q, QrCode)]
        boxes += [(q.x, q.y, q.x + q.size, q.y + q.size) for q in qrs]
        for a, b in itertools.combinations(boxes, 2):
            assert not overlap(a, b), (a, b)


def test_a_60_character_name_is_shown_whole_on_the_front() -> None:
    assert len(LONG_NAME) == 60
    front = card_layout(long_card())[0]
    words = [t.text for t in text_items(front) if t.bold and t.text.split()[0] in LONG_NAME]
    shown = " ".join(words)
    assert LONG_NAME in shown
    assert text_width(LONG_NAME, 7, bold=True) > 43  # it really needed wrapping


def test_fit_text_shrinks_then_wraps_then_ellipsizes() -> None:
    short = fit_text("Siti Rahmawati", 40, 7, 5)
    assert short == type(short)(7, ("Siti Rahmawati",))
    shrunk = fit_text("Siti Rahmawati binti Abdullah", 30, 7, 5)
    assert len(shrunk.lines) == 1 and 5 <= shrunk.size < 7
    assert text_width(shrunk.lines[0], shrunk.size) <= 30
    wrapped = fit_text(LONG_NAME, 43, 7, 5, max_lines=2, bold=True)
    assert len(wrapped.lines) == 2 and " ".join(wrapped.lines) == LONG_NAME
    cut = fit_text(LONG_NAME * 3, 43, 7, 5, max_lines=2)
    assert len(cut.lines) == 2 and cut.size == 5 and cut.lines[-1].endswith(ELLIPSIS)
    assert all(text_width(line, 5) <= 43 for line in cut.lines)
    word = fit_text("X" * 80, 20, 6, 5, max_lines=3)  # one word wider than the line
    assert all(text_width(line, word.size) <= 20 for line in word.lines)


def test_text_outside_windows_1252_is_made_printable() -> None:
    assert printable("Nūr Ḥasan") == "Nur Hasan"
    assert printable("Café “Kopi” – Rp5.000") == "Café “Kopi” – Rp5.000"
    assert printable("Toko 😀") == "Toko ?"


def test_file_name_is_safe() -> None:
    assert card_file_name(make_card()) == "npwpd-P.2.0001234.01.02"
    assert card_file_name(make_card(npwpd="B/1 0001:2")) == "npwpd-B_1_0001_2"


def test_logo_is_drawn_by_both_renderers(qapp) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from printing.card import Image
    from printing.qt_render import render_png

    logo = QImage(40, 40, QImage.Format.Format_RGB32)
    logo.fill(QColor("#ff0000"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    logo.save(buffer, "PNG")
    pages = card_layout(make_card(logo=bytes(data.data())))
    (box,) = [item for item in pages[0].items if isinstance(item, Image)]
    front = QImage.fromData(render_png(pages[:1])[0])
    centre = front.pixelColor(int((box.x + box.w / 2) * 300 / 25.4),
                              int((box.y + box.h / 2) * 300 / 25.4))
    assert centre.name() == "#ff0000"
    reader = PdfReader(io.BytesIO(render_pdf(pages)))
    assert len(reader.pages[0].images) == 1
    # the office text moved right of the logo
    office = [t for t in text_items(pages[0]) if t.text == "BADAN PENDAPATAN DAERAH KOTA BATU"]
    assert office and office[0].x >= box.x + box.w
