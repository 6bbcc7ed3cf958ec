"""The supervisor's report as a PDF: A4, the office's letterhead on every page, page numbers,
the tables of :func:`app.reports.tables.report_tables` in their order, and two charts drawn
as vectors (visits per service; waiting time per stage, median and 90th percentile).

Drawn with the document toolkit (:class:`printing.document.Document`, its chart block from
:mod:`printing.charts`). It lives here, beside the workbook (:mod:`app.reports.xlsx`), and
not in printing: it reads the report and its tables, and printing sits below the services.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from app.reports.daily import DailyReport
from app.reports.tables import Table, as_text, report_tables
from db.enums import Zone
from printing.charts import PALETTE, Series
from printing.document import Document, Letterhead

NUMERIC = {"int", "min", "pct", "rp", "nrr", "ikm"}


def _widths(table: Table) -> list[float]:
    out = []
    for header, kind in zip(table.headers, table.kinds, strict=True):
        if kind == "text":
            out.append(3.0 if header in {"Layanan", "Nama", "Tahap", "Unsur pelayanan",
                                         "Uraian", "Keterangan"} else 2.4)
        else:
            out.append(1.9 if kind == "rp" else 1.3)
    if table.key == "Ringkasan":
        return [4.0, 1.6]
    return out


def _align(table: Table) -> str:
    if table.key == "Ringkasan":
        return "lr"
    return "".join("r" if kind in NUMERIC else "l" for kind in table.kinds)


def _table(doc: Document, table: Table) -> None:
    doc.heading(table.title)
    text = as_text(table)
    rows, total = (text[:-1], text[-1]) if table.total is not None else (text, None)
    if not rows:
        doc.paragraph("Tidak ada data pada periode ini.")
        return
    doc.table(list(table.headers), rows, align=_align(table), widths=_widths(table),
              total=total)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def report_pdf(report: DailyReport, letterhead: Letterhead, *,
               printed_at: datetime | None = None) -> bytes:
    """The report as PDF bytes."""
    zone = Zone(report.zone)
    local = printed_at.astimezone(ZoneInfo(zone.tz_name)) if printed_at else None
    one_day = report.start == report.end
    doc = Document(
        "LAPORAN HARIAN PELAYANAN" if one_day else "LAPORAN PELAYANAN",
        letterhead=letterhead, paper="A4",
        subtitle=(f"{report.office_name} · Periode {report.period_text('id')} ({zone.value})"),
        printed_at=local, zone=zone.value)
    tables = report_tables(report)
    for table in tables:
        _table(doc, table)
        if table.key == "Ringkasan" and report.services:
            doc.chart([s.name for s in report.services],
                      [Series("Kunjungan", [s.visits for s in report.services], PALETTE[0]),
                       Series("Selesai", [s.done for s in report.services], PALETTE[2])],
                      title="Grafik: kunjungan per layanan", unit="kunjungan")
        if table.key == "Tahap" and report.stages:
            doc.chart([s.name for s in report.stages],
                      [Series("Tunggu median", [_float(s.wait.median) for s in report.stages],
                              PALETTE[0]),
                       Series("Tunggu P90", [_float(s.wait.p90) for s in report.stages],
                              PALETTE[1]),
                       Series("Layanan median",
                              [_float(s.service.median) for s in report.stages], PALETTE[2])],
                      title="Grafik: waktu tunggu dan layanan per tahap", unit="menit",
                      decimals=1)
    doc.paragraph(
        "Catatan: waktu dalam menit (median dan persentil ke-90, interpolasi linear). "
        "Dalam standar: kunjungan selesai atau dikembalikan sebelum batas waktunya; lewat "
        "standar: selesai sesudahnya, tidak dilayani, atau masih antre melewati batas; "
        "tidak hadir dan batal tidak dihitung. Pembayaran yang dibatalkan tidak dijumlahkan.",
        size=doc.small)
    return doc.pdf()
