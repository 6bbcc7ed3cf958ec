"""The tax clearance letters: *surat keterangan fiskal* (no arrears) and *surat keterangan
tunggakan* (the list of arrears), with the verification code and its QR code.

Both are built from the data of a logged check (``app.fiscal.clearance``), in the order the
fiscal panel shows it: the subject, the result, the arrears, the data checked, then the
statement, the QR code and the officer's signature.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from printing.dates import long_date
from printing.document import Document, Letterhead

TITLES = {"certificate": "SURAT KETERANGAN FISKAL",
          "arrears": "SURAT KETERANGAN TUNGGAKAN PAJAK"}
SUBTITLES = {"certificate": "Keterangan Bebas Tunggakan Pajak Daerah",
             "arrears": "Daftar Tunggakan Pajak Daerah"}
ARREARS_HEADER = ("No", "Sumber", "Pajak", "Masa", "Jatuh Tempo", "Terlambat", "Jumlah")


def _local(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _stamp(moment: datetime | None, zone: str) -> str:
    return f"{moment:%d-%m-%Y %H:%M} {zone}".strip() if moment else "-"


def _day(iso: str) -> str:
    return "-".join(reversed(iso.split("-")))  # 2025-03-31 -> 31-03-2025


def subject_fields(data: Mapping[str, Any], zone: str) -> list[tuple[str, str]]:
    """The subject block, as on the panel."""
    key = data.get("key") or {}
    return [
        (str(key.get("label", "")), str(key.get("display", ""))),
        ("Nama", str(data.get("subject_name") or "-")),
        ("Keperluan", str(data.get("purpose", ""))),
        ("Hasil pemeriksaan", str(data.get("result_text", ""))),
        ("Diperiksa pada", _stamp(_local(data.get("checked_at_local")), zone)),
        ("Petugas", str(data.get("officer", ""))),
    ]


def arrears_rows(arrears: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    return [[str(i), str(a["source_name"]), str(a["tax"]), str(a["period"]),
             _day(str(a["due_date"])), f"{a['months_late']} bln", str(a["amount_text"])]
            for i, a in enumerate(arrears, start=1)]


def sources_rows(data: Mapping[str, Any]) -> list[list[str]]:
    rows = [[str(s["source_name"]), _day(str(s["as_of"])), str(s["file_name"]),
             str(s["rows"])] for s in data.get("sources") or []]
    names = {"pkb": "PKB", "pbb": "PBB-P2", "pajak-daerah": "Pajak Daerah"}
    rows += [[names.get(m, m), "belum ada data", "-", "-"]
             for m in data.get("missing_sources") or []]
    return rows


def letter_pdf(data: Mapping[str, Any], letterhead: Letterhead) -> bytes:
    """The PDF of a letter; ``data`` is the check's JSON plus ``letter_code``,
    ``letter_kind``, ``issued_at_local``, ``issued_by``, ``qr`` and ``zone``."""
    kind = str(data["letter_kind"])
    zone = str(data.get("zone", ""))
    issued = _local(data.get("issued_at_local"))
    doc = Document(TITLES[kind], letterhead=letterhead, number=str(data["letter_code"]),
                   subtitle=SUBTITLES[kind], printed_at=issued, zone=zone)
    doc.heading("Data Wajib Pajak")
    doc.fields(subject_fields(data, zone))
    totals = data.get("totals") or {}
    arrears = data.get("arrears") or []
    doc.heading("Daftar Tunggakan")
    if not arrears:
        doc.paragraph("Tidak ada tunggakan yang telah jatuh tempo.")
    else:
        doc.table(list(ARREARS_HEADER), arrears_rows(arrears), align="lllllrr",
                  widths=(0.6, 1.6, 2.4, 1.2, 1.6, 1.3, 2.0),
                  total=("", "", "Jumlah", "", "", "", str(totals.get("amount_text", ""))))
    not_due = data.get("not_due") or []
    if not_due:
        doc.heading("Belum Jatuh Tempo (tidak dihitung sebagai tunggakan)")
        doc.table(list(ARREARS_HEADER), arrears_rows(not_due), align="lllllrr",
                  widths=(0.6, 1.6, 2.4, 1.2, 1.6, 1.3, 2.0))
    doc.heading("Data yang Diperiksa")
    doc.table(["Sumber", "Data per", "Berkas", "Baris"], sources_rows(data), align="lllr",
              widths=(2, 2, 5, 1))
    key = data.get("key") or {}
    who = f"{key.get('label', '')} {key.get('display', '')}"
    name = data.get("subject_name")
    if name:
        who = f"{name} ({who})"
    day = long_date(issued.date()) if issued else ""
    office = data.get("office_name", "")
    if kind == "certificate":
        doc.paragraph(
            f"Berdasarkan data tunggakan pajak daerah yang tercatat pada {office} "
            f"sebagaimana tersebut di atas, pada tanggal {day} wajib pajak {who} TIDAK "
            f"MEMPUNYAI TUNGGAKAN PAJAK. Surat keterangan ini dibuat untuk keperluan: "
            f"{data.get('purpose', '')}.")
    else:
        doc.paragraph(
            f"Berdasarkan data tunggakan pajak daerah yang tercatat pada {office}, "
            f"pada tanggal {day} wajib pajak {who} MEMPUNYAI TUNGGAKAN PAJAK sebanyak "
            f"{totals.get('count', 0)} tagihan dengan jumlah {totals.get('amount_text', '')}. "
            f"Tunggakan agar dilunasi sebelum permohonan ({data.get('purpose', '')}) diproses.")
    doc.qr(str(data["qr"]),
           caption=f"Kode verifikasi: {data['letter_code']}. Pindai kode QR ini atau periksa "
                   f"kode di loket untuk memastikan keaslian surat.")
    doc.signatures([("Petugas Front Office", str(data.get("issued_by") or
                                                 data.get("officer", "")))])
    return doc.pdf()
