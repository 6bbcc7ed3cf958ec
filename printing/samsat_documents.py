"""The Samsat papers: SKPD/notice, payment receipt and the officer's day-end recap.

Built with :mod:`printing.document` from plain data (no database here); the data is laid
out in the order the payment panel shows it: vehicle and owner, then every bill line with
its year and rule, then the total and the payment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from printing.amounts import format_rupiah
from printing.document import Document, Letterhead

BILL_HEADER = ("No", "Uraian", "Tahun", "Dasar perhitungan", "Jumlah")


@dataclass(frozen=True)
class PaperLine:
    description: str
    year: int | None
    rule: str
    amount: Decimal


@dataclass(frozen=True)
class PaymentPaper:
    """What the SKPD and the receipt print (times already in the office's zone)."""

    office_name: str
    zone: str
    ticket: str
    service_name: str
    plate: str
    owner_name: str
    owner_nik: str
    owner_address: str
    vehicle: str  # make and model
    category: str
    year_made: int | None
    color: str
    chassis_no: str
    engine_no: str
    swdkllj_class: str
    lines: tuple[PaperLine, ...]
    total: Decimal
    method: str  # as shown: Tunai, Transfer bank, Kode billing
    reference: str
    tendered: Decimal | None
    change: Decimal | None
    paid_at: datetime
    officer: str
    skpd_number: str
    receipt_number: str
    previous_tax_due_on: date
    tax_due_on: date
    stnk_valid_until: date


def _d(day: date) -> str:
    return f"{day:%d-%m-%Y}"


def bill_rows(lines: Sequence[PaperLine]) -> list[list[str]]:
    """The bill table as both the panel and the papers show it."""
    return [[str(i), ln.description, str(ln.year or ""), ln.rule, format_rupiah(ln.amount)]
            for i, ln in enumerate(lines, 1)]


def vehicle_fields(p: PaymentPaper) -> list[tuple[str, str]]:
    return [("Nomor Polisi", p.plate), ("Nama Pemilik", p.owner_name or "-"),
            ("NIK", p.owner_nik or "-"), ("Alamat", p.owner_address or "-"),
            ("Merek / Tipe", p.vehicle), ("Jenis", p.category),
            ("Tahun Pembuatan", str(p.year_made or "-")), ("Warna", p.color or "-"),
            ("Nomor Rangka", p.chassis_no or "-"), ("Nomor Mesin", p.engine_no or "-"),
            ("Golongan SWDKLLJ", p.swdkllj_class)]


def _payment_fields(p: PaymentPaper) -> list[tuple[str, str]]:
    rows = [("Tanggal Bayar", f"{p.paid_at:%d-%m-%Y %H:%M} {p.zone}"),
            ("Cara Bayar", p.method)]
    if p.reference:
        rows.append(("Referensi", p.reference))
    if p.tendered is not None:
        rows.append(("Uang Diterima", format_rupiah(p.tendered)))
        rows.append(("Kembalian", format_rupiah(p.change or Decimal(0))))
    return rows


def skpd_pdf(p: PaymentPaper, letterhead: Letterhead) -> bytes:
    """The SKPD / notice of the PKB, SWDKLLJ and PNBP paid (A4: every rule in full)."""
    doc = Document("SKPD / NOTICE PAJAK KENDARAAN BERMOTOR", letterhead=letterhead,
                   number=p.skpd_number, paper="A4", subtitle=p.service_name,
                   printed_at=p.paid_at, zone=p.zone)
    doc.fields([("Nomor SKPD", p.skpd_number), ("Nomor Antrian", p.ticket)])
    doc.heading("Data Kendaraan")
    doc.fields(vehicle_fields(p))
    doc.heading("Rincian Pembayaran")
    doc.table(BILL_HEADER, bill_rows(p.lines), align="llclr",
              widths=(0.6, 3.6, 1.1, 6.4, 2.2),
              total=("", "Jumlah", "", "", format_rupiah(p.total)))
    doc.heading("Masa Berlaku")
    doc.fields([("Jatuh Tempo Sebelumnya", _d(p.previous_tax_due_on)),
                ("Pajak Berlaku s.d.", _d(p.tax_due_on)),
                ("STNK Berlaku s.d.", _d(p.stnk_valid_until))])
    doc.heading("Pembayaran")
    doc.fields([*_payment_fields(p), ("Nomor Kuitansi", p.receipt_number)])
    doc.qr(f"SKPD|{p.skpd_number}|{p.plate}|{int(p.total)}",
           caption="Pindai untuk verifikasi")
    doc.signatures([("Petugas", p.officer), ("Wajib Pajak", p.owner_name or "")])
    return doc.pdf()


def receipt_pdf(p: PaymentPaper, letterhead: Letterhead) -> bytes:
    """The receipt of the payment (A5), with every line."""
    doc = Document("TANDA TERIMA PEMBAYARAN", letterhead=letterhead, number=p.receipt_number,
                   paper="A5", printed_at=p.paid_at, zone=p.zone)
    doc.fields([("Nomor Kuitansi", p.receipt_number), ("Nomor SKPD", p.skpd_number),
                ("Nomor Antrian", p.ticket), ("Nomor Polisi", p.plate),
                ("Nama Pemilik", p.owner_name or "-")])
    doc.table(("No", "Uraian", "Tahun", "Jumlah"),
              [[r[0], r[1], r[2], r[4]] for r in bill_rows(p.lines)], align="llcr",
              widths=(0.7, 5, 1.4, 3), total=("", "Jumlah", "", format_rupiah(p.total)))
    doc.fields(_payment_fields(p))
    doc.signatures([("Petugas", p.officer)])
    return doc.pdf()


# --- the day-end recap -----------------------------------------------------------------


@dataclass(frozen=True)
class RecapRow:
    at: datetime  # in the office's zone
    ticket: str
    plate: str
    receipt_number: str
    method: str  # as shown
    reference: str
    amount: Decimal


@dataclass(frozen=True)
class RecapMethod:
    method: str  # as shown
    count: int
    total: Decimal


@dataclass(frozen=True)
class RecapPaper:
    office_name: str
    zone: str
    officer: str
    officer_name: str
    day: date
    rows: tuple[RecapRow, ...]
    methods: tuple[RecapMethod, ...]
    total: Decimal
    printed_at: datetime


def recap_pdf(r: RecapPaper, letterhead: Letterhead) -> bytes:
    """The officer's day-end recap (A4): every payment, then the totals per method."""
    doc = Document("REKAPITULASI PENERIMAAN HARIAN", letterhead=letterhead,
                   number=f"REKAP/{r.day:%Y%m%d}/{r.officer}", paper="A4",
                   printed_at=r.printed_at, zone=r.zone)
    doc.fields([("Kantor", r.office_name), ("Petugas", r.officer_name or r.officer),
                ("Tanggal", _d(r.day)), ("Jumlah Transaksi", str(len(r.rows)))])
    doc.heading("Daftar Pembayaran")
    doc.table(("No", "Jam", "Antrian", "Nomor Polisi", "Kuitansi", "Cara Bayar", "Referensi",
               "Jumlah"),
              [[str(i), f"{row.at:%H:%M}", row.ticket, row.plate, row.receipt_number,
                row.method, row.reference or "-", format_rupiah(row.amount)]
               for i, row in enumerate(r.rows, 1)],
              align="lllllllr", widths=(0.6, 0.9, 1.1, 1.7, 3.8, 1.5, 2.0, 2.2),
              total=("", "", "", "", "", "", "Jumlah", format_rupiah(r.total)))
    doc.heading("Rekap per Cara Bayar")
    doc.table(("Cara Bayar", "Transaksi", "Jumlah"),
              [[m.method, str(m.count), format_rupiah(m.total)] for m in r.methods],
              align="lrr", widths=(4, 2, 3),
              total=("Jumlah", str(sum(m.count for m in r.methods)), format_rupiah(r.total)))
    doc.signatures([("Petugas Loket", r.officer_name or r.officer),
                    ("Bendahara Penerimaan", "")])
    return doc.pdf()
