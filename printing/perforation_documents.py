"""Perforation documents: the pick-up form (*formulir pengambilan perforasi*) and the stock
book of perforated valuables per taxpayer.

Built with the document toolkit from plain data defined here: :class:`PickupData` (the
service makes it of its request, times in the office's zone) and :class:`StockBook` (the
stock book's own data, which the service returns as it is), in the order the perforation
panel shows it: the request, the count and its reconciliation, the serial range, then the
signatures. Nothing is computed here but formatting. The data live here, not in the service,
so that printing stays below the services and imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from printing.amounts import format_rupiah
from printing.dates import long_date
from printing.document import Document, Letterhead, OfficeRecord, office_letterhead

PICKUP_TITLE = "FORMULIR PENGAMBILAN PERFORASI BENDA BERHARGA"
STOCK_TITLE = "BUKU PERSEDIAAN BENDA BERHARGA TERPERFORASI"


def number(value: int | None) -> str:
    """``12.345`` (Indonesian thousands separator); ``-`` for nothing."""
    return "-" if value is None else f"{value:,}".replace(",", ".")


def moment(value: datetime | None) -> str:
    """``5 Desember 2026 09:30 WIB``-like local time (the zone name is added by callers)."""
    return "-" if value is None else f"{long_date(value.date())} {value:%H:%M}"


@dataclass(frozen=True)
class PickupData:
    """What the pick-up form shows of a reconciled request; times local to ``zone``."""

    number: str
    zone: str
    npwpd: str
    name: str
    media_name: str
    series: str
    first: int
    last: int
    sheets: int
    sheets_note: str
    face_value: Decimal
    requested_at: datetime
    counted: int
    short: int | None
    extra: int | None
    damaged: int | None
    good: int | None
    good_value: Decimal | None
    counted_last: int | None
    result: str
    reconcile_note: str
    reconciled_by: str
    reconciled_at: datetime | None
    standard: str
    due_at: datetime
    overdue: bool
    minutes_over: int
    picked_up_by: str
    picked_up_at: datetime | None
    handed_over_by: str


@dataclass(frozen=True)
class StockEntry:
    """One perforated request in a taxpayer's stock book."""

    number: str
    first: int
    last: int
    perforated_last: int | None  # last serial punched (first..perforated_last)
    requested: int
    counted: int
    damaged: int
    good: int
    face_value: Decimal
    value: Decimal  # good x face value
    perforated_on: date
    picked_up_on: date | None

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "first": self.first, "last": self.last,
                "perforated_last": self.perforated_last, "requested": self.requested,
                "counted": self.counted, "damaged": self.damaged, "good": self.good,
                "face_value": str(self.face_value), "value": str(self.value),
                "perforated_on": self.perforated_on.isoformat(),
                "picked_up_on": self.picked_up_on.isoformat() if self.picked_up_on else None}


@dataclass(frozen=True)
class StockGroup:
    """The entries of one media and series."""

    media: str
    media_name: str
    series: str
    entries: tuple[StockEntry, ...]

    @property
    def sheets(self) -> int:
        return sum(e.good for e in self.entries)

    @property
    def damaged(self) -> int:
        return sum(e.damaged for e in self.entries)

    @property
    def value(self) -> Decimal:
        return sum((e.value for e in self.entries), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {"media": self.media, "media_name": self.media_name, "series": self.series,
                "sheets": self.sheets, "damaged": self.damaged, "value": str(self.value),
                "entries": [e.to_json() for e in self.entries]}


@dataclass(frozen=True)
class StockBook:
    """A taxpayer's stock book; ``printed_at`` is local to the office."""

    office_code: str
    office_name: str
    npwpd: str
    name: str
    groups: tuple[StockGroup, ...]
    printed_at: datetime

    @property
    def sheets(self) -> int:
        return sum(g.sheets for g in self.groups)

    @property
    def value(self) -> Decimal:
        return sum((g.value for g in self.groups), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office_code, "npwpd": self.npwpd, "name": self.name,
                "sheets": self.sheets, "value": str(self.value),
                "value_text": format_rupiah(self.value),
                "printed_at": self.printed_at.isoformat(),
                "groups": [g.to_json() for g in self.groups]}


def _letterhead(office: Letterhead | OfficeRecord) -> Letterhead:
    return office if isinstance(office, Letterhead) else office_letterhead(office)


def pickup_form(info: PickupData, office: Letterhead | OfficeRecord) -> Document:
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


def pickup_form_pdf(info: PickupData, office: Letterhead | OfficeRecord) -> bytes:
    return pickup_form(info, office).pdf()


def stock_book(book: StockBook, office: Letterhead | OfficeRecord) -> Document:
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


def stock_book_pdf(book: StockBook, office: Letterhead | OfficeRecord) -> bytes:
    return stock_book(book, office).pdf()
