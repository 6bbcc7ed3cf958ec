"""The document toolkit: text comes back out of the PDF in order, pages are numbered, a long
table continues on the next page under its repeated header, and nothing leaves the paper."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader

from printing.card import Text
from printing.document import Document, Letterhead

HEAD = Letterhead("UPT PPD Pontianak Wilayah I", parent="Badan Pendapatan Daerah Kalbar",
                  address="Jl. Sutoyo, Pontianak", contact="(0561) 731115")


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_blocks_come_back_in_the_order_they_were_added() -> None:
    doc = Document("TANDA TERIMA", letterhead=HEAD, number="TT/2026/000007", paper="A5",
                   printed_at=datetime(2026, 12, 1, 9, 5), zone="WIB")
    doc.heading("Pemohon")
    doc.fields([("Nama", "Siti Aminah"), ("NIK", "6171015507900001")])
    doc.table(["No", "Uraian", "Jumlah"], [["1", "PKB 2026", "Rp1.800.000"]],
              align="llr", total=("", "Jumlah", "Rp1.800.000"))
    doc.checklist([("STNK Asli", True), ("Fotokopi BPKB", False)])
    doc.signatures([("Petugas", "Budi")])
    (text,) = _texts(doc.pdf())
    order = ["BADAN PENDAPATAN DAERAH KALBAR", "UPT PPD Pontianak Wilayah I", "TANDA TERIMA",
             "Nomor: TT/2026/000007", "Pemohon", "Siti Aminah", "6171015507900001",
             "PKB 2026", "Rp1.800.000", "STNK Asli [ada]", "Fotokopi BPKB [belum]", "Budi",
             "Dicetak 01-12-2026 09:05 WIB", "Halaman 1 dari 1"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i < 0]
    assert positions == sorted(positions)


def test_a_long_table_breaks_between_rows_and_repeats_its_header() -> None:
    doc = Document("REKAP", letterhead=HEAD, number="R-1", paper="A6")
    rows = [[str(n), f"Pembayaran nomor {n}", f"Rp{n}.000"] for n in range(1, 61)]
    doc.table(["No", "Uraian", "Jumlah"], rows, align="llr", widths=(1, 5, 3))
    pages = doc.pages()
    texts = _texts(doc.pdf())
    assert len(pages) == len(texts) > 2
    for n, text in enumerate(texts, start=1):
        assert f"Halaman {n} dari {len(texts)}" in text
        assert "Uraian" in text  # the header on every page
    joined = "\n".join(texts)
    for n in range(1, 61):  # every row printed exactly once, whole
        assert joined.count(f"Pembayaran nomor {n}\n") + joined.count(
            f"Pembayaran nomor {n} ") >= 1
        assert f"Rp{n}.000" in joined


@pytest.mark.parametrize("paper", ["A4", "A5", "A6"])
def test_every_text_stays_on_the_paper(paper: str) -> None:
    doc = Document("SURAT KETERANGAN FISKAL DENGAN JUDUL YANG SANGAT PANJANG SEKALI",
                   letterhead=HEAD, number="SKF/2026/000001", paper=paper)
    doc.fields([("Alamat", "Jl. Gajah Mada No. 12 RT 003 RW 004 Kelurahan Benua Melayu Darat "
                 "Kecamatan Pontianak Selatan Kota Pontianak Kalimantan Barat")])
    doc.table(["No", "Jenis pajak", "Masa", "Jumlah"],
              [["1", "Pajak Kendaraan Bermotor", "2024", "Rp123.456.789"]], align="lllr")
    doc.items(["Satu", "Dua"])
    doc.qr("LOKET|X|1", caption="Pindai untuk verifikasi")
    doc.signatures([("Petugas", "Nama Petugas Yang Panjang Sekali"), ("Pemohon", "Siti")])
    for page in doc.pages():
        for item in page.items:
            if isinstance(item, Text):
                left, top, right, bottom = item.bbox()
                assert left >= 0 and right <= page.width + 0.01, item.text
                assert top >= 0 and bottom <= page.height, item.text


def test_unknown_paper_and_bad_table_are_refused() -> None:
    with pytest.raises(ValueError):
        Document("X", letterhead=HEAD, paper="Letter")
    doc = Document("X", letterhead=HEAD)
    with pytest.raises(ValueError):
        doc.table(["a", "b"], [], align="lx")
    with pytest.raises(ValueError):
        doc.table(["a", "b"], [], widths=(1,))
