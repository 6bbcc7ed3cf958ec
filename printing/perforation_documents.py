"""Perforation documents: the pick-up form (*formulir pengambilan perforasi*) and the stock
book of perforated valuables per taxpayer.

Built with the document toolkit from what the perforation service returns
(:class:`app.perforation.service.RequestInfo`, :class:`~app.perforation.service.StockBook`),
in the order the perforation panel shows it: the request, the count and its reconciliation,
the serial range, then the signatures. Nothing is computed here but formatting.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.money import format_rupiah
from printing.dates import long_date
from printing.document import Document, Letterhead

if TYPE_CHECKING:
    from app.perforation.service import RequestInfo, StockBook

PICKUP_TITLE = "FORMULIR PENGAMBILAN PERFORASI BENDA BERHARGA"
STOCK_TITLE = "BUKU PERSEDIAAN BENDA BERHARGA TERPERFORASI"


def number(value: int | None) -> str:
    """``12.345`` (Indonesian thousands separator); ``-`` for nothing."""
    return "-" if value is None else f"{value:,}".replace(",", ".")


def moment(value: datetime | None) -> str:
    """``5 Desember 2026 09:30 WIB``-like local time (the zone name is added by callers)."""
    return "-" if value is None else f"{long_date(value.date())} {value:%H:%M}"


def _letterhead(office: Any) -> Letterhead:
    if isinstance(office, Letterhead):
        return office
    from app.documents import letterhead

    return letterhead(office)


def pickup_form(info: RequestInfo, office: Any) -> Document:
    """The pick-up form of a reconciled request (``office``: an Office or a Letterhead)."""
    zone = info.zone
    doc = Document(PICKUP_TITLE, letterhead=_letterhead(office), number=info.number,
                   paper="A4", printed_at=info.picked_up_at, zone=zone)
    doc.heading("Data Permohonan")
    doc.fields([
        ("Nomor Permohonan", info.number),
        ("NPWPD", info.npwpd),
        ("Nama Wajib Pajak", info.name),
        ("Jenis Media", info.media_name),
        ("Seri", info.series),
        ("Nomor Seri", f"{number(info.first)} s.d. {number(info.last)}"),
        ("Jumlah Lembar Diajukan", number(info.sheets)),
        ("Nilai Nominal per Lembar", format_rupiah(info.face_value)),
        ("Diterima", f"{moment(info.requested_at)} {zone}"),
    ] + ([("Keterangan Jumlah", info.sheets_note)] if info.sheets_note else []))
    doc.heading("Hasil Penghitungan dan Pencocokan")
    good = info.good if info.good is not None else info.counted
    value = info.good_value if info.good_value is not None else Decimal(0)
    doc.table(
        ["Uraian", "Lembar"],
        [["Diajukan", number(info.sheets)],
         ["Terhitung mesin perforasi", number(info.counted)],
         ["Kurang", number(info.short)],
         ["Lebih", number(info.extra)],
         ["Rusak", number(info.damaged)]],
        align="lr", widths=(3, 1), total=("Terperforasi dan dapat digunakan", number(good)))
    perforated = (f"{number(info.first)} s.d. {number(info.counted_last)}"
                  if info.counted_last is not None else "-")
    doc.fields([
        ("Nomor Seri Terperforasi", perforated),
        ("Nilai Nominal Terperforasi", format_rupiah(value)),
        ("Hasil Pencocokan", info.result.upper() or "-"),
        ("Dicocokkan oleh", f"{info.reconciled_by} ({moment(info.reconciled_at)} {zone})"),
        ("Standar Waktu", info.standard or "-"),
        ("Batas Waktu", f"{moment(info.due_at)} {zone}"
                        + (f" (terlambat {number(info.minutes_over)} menit)"
                           if info.overdue else " (tepat waktu)")),
    ] + ([("Catatan", info.reconcile_note)] if info.reconcile_note else []))
    doc.heading("Pengambilan")
    doc.fields([
        ("Diambil oleh", info.picked_up_by or "-"),
        ("Tanggal Pengambilan", f"{moment(info.picked_up_at)} {zone}"),
        ("Diserahkan oleh", info.handed_over_by or "-"),
    ])
    doc.paragraph("Benda berharga tersebut di atas telah diperforasi dan diterima kembali "
                  "oleh wajib pajak dalam jumlah dan keadaan sebagaimana tercantum.")
    doc.signatures([("Petugas Perforasi", info.handed_over_by or ""),
                    ("Wajib Pajak / Pengambil", info.picked_up_by or info.name)])
    return doc


def pickup_form_pdf(info: RequestInfo, office: Any) -> bytes:
    return pickup_form(info, office).pdf()


def stock_book(book: StockBook, office: Any) -> Document:
    """The stock book of one taxpayer: per media and series, every perforated range."""
    zone = book.printed_at.tzname() or ""
    doc = Document(STOCK_TITLE, letterhead=_letterhead(office), number=book.npwpd,
                   paper="A4", printed_at=book.printed_at, zone=zone)
    doc.heading("Wajib Pajak")
    doc.fields([("NPWPD", book.npwpd), ("Nama Wajib Pajak", book.name),
                ("Per Tanggal", long_date(book.printed_at.date()))])
    for group in book.groups:
        doc.heading(f"{group.media_name} - Seri {group.series}")
        rows = [[e.number, f"{number(e.first)} s.d. {number(e.last)}",
                 number(e.good), number(e.damaged), format_rupiah(e.face_value),
                 format_rupiah(e.value), e.perforated_on.strftime("%d-%m-%Y")]
                for e in group.entries]
        doc.table(["Nomor", "Nomor Seri", "Lembar", "Rusak", "Nominal", "Jumlah Nilai",
                   "Tanggal"], rows, align="llrrrrl", widths=(2.6, 3.2, 1.4, 1.2, 1.8, 2.4, 1.9),
                  total=("", "Jumlah", number(group.sheets), number(group.damaged), "",
                         format_rupiah(group.value), ""))
    doc.heading("Rekapitulasi")
    doc.fields([("Jumlah Lembar Terperforasi", number(book.sheets)),
                ("Jumlah Nilai Nominal", format_rupiah(book.value))])
    return doc


def stock_book_pdf(book: StockBook, office: Any) -> bytes:
    return stock_book(book, office).pdf()
