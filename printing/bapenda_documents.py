"""Bapenda documents: the NPWPD registration letter and the SSPD payment receipt.

Built with the document toolkit (:mod:`printing.document`) from plain data, with the data in
the order the bapenda panel shows it. Amounts arrive formatted by the service layer's
rules (whole rupiah); nothing is computed here but the words of the total (*terbilang*).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from printing.dates import long_date
from printing.document import Document, Letterhead

_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas")


def terbilang(amount: int) -> str:
    """An amount in Indonesian words: 1500 -> "seribu lima ratus"."""
    n = int(amount)
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"

    def words(x: int) -> str:
        if x < 12:
            return _ONES[x]
        if x < 20:
            return f"{_ONES[x - 10]} belas"
        if x < 100:
            return f"{_ONES[x // 10]} puluh {words(x % 10)}".strip()
        if x < 200:
            return f"seratus {words(x - 100)}".strip()
        if x < 1000:
            return f"{_ONES[x // 100]} ratus {words(x % 100)}".strip()
        if x < 2000:
            return f"seribu {words(x - 1000)}".strip()
        for size, name in ((10 ** 12, "triliun"), (10 ** 9, "miliar"), (10 ** 6, "juta"),
                           (1000, "ribu")):
            if x >= size:
                return f"{words(x // size)} {name} {words(x % size)}".strip()
        return ""  # pragma: no cover

    return " ".join(words(n).split())


# --- registration letter ----------------------------------------------------------------------


@dataclass(frozen=True)
class LetterData:
    number: str
    npwpd: str
    kind: str  # "Pribadi" / "Badan Usaha"
    name: str  # the taxpayer, or the business
    owner_name: str
    nik: str
    nib: str
    npwp: str
    tax_type: str
    address: str
    district: str
    village: str
    registered: date
    office_name: str
    city: str
    officer: str
    qr: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["registered"] = self.registered.isoformat()
        return data

    def rows(self) -> list[tuple[str, str]]:
        """The taxpayer's data, in the order of the registration form."""
        business = bool(self.owner_name)
        rows = [("NPWPD", self.npwpd), ("Jenis Wajib Pajak", self.kind),
                ("NIK" + (" Pemilik" if business else ""), self.nik),
                ("Nama Pemilik" if business else "Nama", self.owner_name or self.name)]
        if business:
            rows.append(("Nama Badan Usaha", self.name))
        if self.nib:
            rows.append(("NIB", self.nib))
        if self.npwp:
            rows.append(("NPWP", self.npwp))
        rows += [("Jenis Pajak", self.tax_type), ("Alamat", self.address),
                 ("Kecamatan", self.district), ("Kelurahan/Desa", self.village),
                 ("Tanggal Terdaftar", long_date(self.registered))]
        return rows


def registration_letter(data: LetterData, head: Letterhead, *,
                        printed_at: datetime | None = None, zone: str = "") -> Document:
    doc = Document("SURAT KETERANGAN TERDAFTAR", letterhead=head, number=data.number,
                   subtitle="Nomor Pokok Wajib Pajak Daerah (NPWPD)", printed_at=printed_at,
                   zone=zone)
    doc.paragraph(f"Yang bertanda tangan di bawah ini, petugas {data.office_name}, "
                  "menerangkan bahwa Wajib Pajak berikut telah terdaftar dalam "
                  "administrasi pajak daerah dan diberikan Nomor Pokok Wajib Pajak Daerah:")
    doc.heading("Data Wajib Pajak")
    doc.fields(data.rows())
    doc.space(2)
    doc.paragraph("NPWPD digunakan sebagai identitas Wajib Pajak dalam melaksanakan hak dan "
                  "kewajiban perpajakan daerah. Setiap perubahan data Wajib Pajak harap "
                  "segera dilaporkan; NPWPD dapat dinonaktifkan atas permohonan Wajib Pajak "
                  "atau secara jabatan.")
    doc.qr(data.qr, caption="Pindai untuk verifikasi NPWPD")
    place = f"{data.city}, {long_date(data.registered)}" if data.city else \
        long_date(data.registered)
    doc.signatures([("Wajib Pajak", data.owner_name or data.name),
                    (f"{place} - Petugas", data.officer)])
    return doc


def registration_letter_pdf(data: LetterData, head: Letterhead, *,
                            printed_at: datetime | None = None, zone: str = "") -> bytes:
    return registration_letter(data, head, printed_at=printed_at, zone=zone).pdf()


# --- SSPD --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SspdData:
    number: str
    npwpd: str
    name: str
    address: str
    assessment_kind: str
    assessment_number: str
    tax_type: str
    period: str
    due_on: date
    paid_on: date
    months_late: int
    lines: tuple[tuple[str, str, str], ...]  # (description, rule, amount formatted)
    total: str
    total_value: int
    method: str
    reference: str
    officer: str
    city: str
    qr: str
    note: str = ""  # e.g. the STPD issued for the interest

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["due_on"] = self.due_on.isoformat()
        data["paid_on"] = self.paid_on.isoformat()
        data["lines"] = [list(line) for line in self.lines]
        return data


def sspd(data: SspdData, head: Letterhead, *, printed_at: datetime | None = None,
         zone: str = "") -> Document:
    doc = Document("SURAT SETORAN PAJAK DAERAH (SSPD)", letterhead=head, number=data.number,
                   paper="A4", printed_at=printed_at, zone=zone)
    doc.heading("Wajib Pajak")
    doc.fields([("NPWPD", data.npwpd), ("Nama", data.name), ("Alamat", data.address)])
    doc.heading("Ketetapan")
    doc.fields([(data.assessment_kind, data.assessment_number), ("Jenis Pajak", data.tax_type),
                ("Masa Pajak", data.period), ("Jatuh Tempo", long_date(data.due_on)),
                ("Tanggal Bayar", long_date(data.paid_on)),
                ("Keterlambatan", f"{data.months_late} bulan")])
    doc.heading("Rincian Pembayaran")
    rows = [(str(i), desc, amount) for i, (desc, _rule, amount) in enumerate(data.lines, 1)]
    doc.table(["No", "Uraian", "Jumlah"], rows, align="llr", widths=(1, 7, 3),
              total=("", "Jumlah", data.total))
    doc.paragraph(f"Terbilang: {terbilang(data.total_value)} rupiah".capitalize())
    for i, (_desc, rule, _amount) in enumerate(data.lines, 1):
        if rule:
            doc.paragraph(f"({i}) {rule}", size=doc.small)
    if data.note:
        doc.paragraph(data.note, bold=True)
    doc.fields([("Cara Bayar", data.method), ("Referensi", data.reference or "-")])
    doc.qr(data.qr, caption="Pindai untuk verifikasi setoran")
    place = f"{data.city}, {long_date(data.paid_on)}" if data.city else long_date(data.paid_on)
    doc.signatures([("Penyetor", data.name), (f"{place} - Petugas", data.officer)])
    return doc


def sspd_pdf(data: SspdData, head: Letterhead, *, printed_at: datetime | None = None,
             zone: str = "") -> bytes:
    return sspd(data, head, printed_at=printed_at, zone=zone).pdf()
