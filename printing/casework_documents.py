"""The receipt (tanda terima) of a long-running application, through the document toolkit.

The data are printed in the order of the registration panel: service, applicant (name,
NIK, contact), subject, amount, who decides; then the reception (when, by whom), the time
standard and the due date; the tracking number as a QR code for the reporter's follow-up.

The service hands over :class:`ReceiptData`, plain values with the times already in the
office's zone, so that printing stays below the services and never imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from printing.amounts import format_rupiah
from printing.dates import day_and_date, long_date
from printing.document import Document, Letterhead


@dataclass(frozen=True)
class ReceiptData:
    """What the receipt of an application shows; times are local to the office (``zone``)."""

    number: str
    zone: str
    service_code: str
    service_name: str
    time_text: str
    applicant_name: str
    applicant_nik: str
    applicant_contact: str
    subject: str
    amount: Decimal | None
    decided_by: str
    received_at: datetime
    received_by: str
    due_on: date


def application_receipt(info: ReceiptData, head: Letterhead, *,
                        printed_at: datetime | None = None, paper: str = "A5") -> bytes:
    """The receipt as PDF; ``printed_at`` is local to the office, like ``info``'s times."""
    received = info.received_at
    doc = Document("TANDA TERIMA PERMOHONAN", letterhead=head, number=info.number,
                   paper=paper, subtitle=info.service_name, printed_at=printed_at,
                   zone=info.zone)
    doc.heading("Data Permohonan")
    rows = [
        ("Nomor Registrasi", info.number),
        ("Layanan", f"{info.service_name} ({info.service_code})"),
        ("Nama Pemohon", info.applicant_name),
        ("NIK", info.applicant_nik or "-"),
        ("Kontak", info.applicant_contact or "-"),
        ("Perihal", info.subject),
    ]
    if info.amount is not None:
        rows.append(("Nilai Ketetapan", format_rupiah(info.amount)))
    if info.decided_by:
        rows.append(("Diputus oleh", info.decided_by))
    doc.fields(rows)
    doc.heading("Penerimaan")
    doc.fields([
        ("Diterima", f"{long_date(received.date())} {received:%H:%M} {info.zone}"),
        ("Petugas Penerima", info.received_by),
        ("Standar Waktu", info.time_text),
        ("Selesai Paling Lambat", day_and_date(info.due_on)),
    ])
    doc.paragraph("Simpan tanda terima ini. Sebutkan nomor registrasi untuk menanyakan "
                  "perkembangan permohonan Anda. Tanggal selesai dihitung dalam hari kerja "
                  "menurut kalender libur nasional, cuti bersama dan hari libur setempat.",
                  size=doc.small)
    doc.qr(info.number, caption="Nomor registrasi")
    doc.signatures([("Petugas Penerima", info.received_by), ("Pemohon", info.applicant_name)])
    return doc.pdf()
