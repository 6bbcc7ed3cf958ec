"""The report as tables: one list that the PDF, the XLSX workbook and the report view all
draw, so the three show the same numbers in the same order.

A cell holds a real value (``int``, ``Decimal``, ``str`` or None); its column's *kind* says
how it is written: ``text``, ``int`` (a count), ``min`` (minutes, one decimal), ``pct``
(percent, one decimal), ``rp`` (whole rupiah), ``nrr`` (three decimals), ``ikm`` (two
decimals). :func:`format_cell` writes a value for people (Indonesian: ``1.234``, ``2,5``,
``Rp1.310.000``); the workbook keeps the numbers as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.money import format_rupiah
from app.reports.daily import DailyReport, Durations

Value = int | Decimal | str | None
KINDS = ("text", "int", "min", "pct", "rp", "nrr", "ikm")
PLACES = {"min": 1, "pct": 1, "nrr": 3, "ikm": 2}


@dataclass(frozen=True)
class Table:
    key: str  # sheet name (at most 31 characters)
    title: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: tuple[Value, ...] | None = None
    row_kinds: tuple[str, ...] | None = None  # per row, overrides the last column's kind

    def kind(self, row: int | None, col: int) -> str:
        """The kind of a cell (``row`` None: the total row)."""
        if self.row_kinds is not None and row is not None and col == len(self.kinds) - 1:
            return self.row_kinds[row]
        return self.kinds[col]


def _group(digits: str) -> str:
    out: list[str] = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def format_cell(value: Value, kind: str) -> str:
    """A value as people read it in Indonesian."""
    if value is None:
        return "-"
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "rp":
        return format_rupiah(Decimal(value))
    if kind == "int":
        number = int(value)
        return ("-" if number < 0 else "") + _group(str(abs(number)))
    places = PLACES.get(kind, 1)
    fixed = f"{Decimal(value):.{places}f}"
    whole, _, frac = fixed.lstrip("-").partition(".")
    sign = "-" if fixed.startswith("-") else ""
    return f"{sign}{_group(whole)},{frac}" if frac else f"{sign}{_group(whole)}"


def _d(durations: Durations) -> tuple[Value, Value]:
    return durations.median, durations.p90


def summary(report: DailyReport) -> Table:
    ikm = report.ikm
    rows: list[tuple[str, Value, str]] = [
        ("Kunjungan", report.visits, "int"),
        ("Selesai dilayani", report.done, "int"),
        ("Dikembalikan (berkas tidak lengkap)", report.incomplete, "int"),
        ("Tidak hadir saat dipanggil", report.no_show, "int"),
        ("Kunjungan prioritas", report.priority_visits, "int"),
        ("Dalam standar waktu (%)", report.standard.within_pct, "pct"),
        ("Waktu tunggu median, semua tahap (menit)", report.wait_all.median, "min"),
        ("Waktu tunggu P90, semua tahap (menit)", report.wait_all.p90, "min"),
        ("Transaksi pembayaran", report.payments.count, "int"),
        ("Jumlah pembayaran", report.payments.total, "rp"),
        ("Pembayaran dibatalkan", report.payments.voided_count, "int"),
        ("Permohonan perforasi dihitung", report.perforation.requests, "int"),
        ("Lembar diperforasi", report.perforation.sheets, "int"),
        ("Pengaduan diterima", report.complaints.received, "int"),
        ("Pengaduan dijawab", report.complaints.answered, "int"),
        ("Pengaduan dijawab melewati batas", report.complaints.answered_late, "int"),
        ("Pengaduan lewat batas belum dijawab", report.complaints.overdue, "int"),
        ("Responden survei", ikm.respondents, "int"),
        ("Sampel minimal (Krejcie-Morgan)", ikm.report.sample_needed, "int"),
        ("Sampel tercukupi", "ya" if ikm.report.sample_reached else "belum", "text"),
        ("IKM (nilai konversi)", ikm.value, "ikm"),
        ("Mutu pelayanan", f"{ikm.report.result.grade} ({ikm.report.result.label})"
         if ikm.report.result else None, "text"),
    ]
    return Table("Ringkasan", "Ringkasan", ("Uraian", "Nilai"), ("text", "text"),
                 tuple((label, value) for label, value, _ in rows),
                 row_kinds=tuple(kind for _, _, kind in rows))


def services(report: DailyReport) -> Table:
    rows = []
    for s in report.services:
        st = s.standard
        rows.append((s.name, s.visits, s.done, s.incomplete, s.no_show, s.cancelled,
                     s.not_served, s.open, st.within, st.outside, st.pending, st.within_pct))
    st = report.standard
    total = ("Jumlah", report.visits, report.done, report.incomplete, report.no_show,
             sum(s.cancelled for s in report.services),
             sum(s.not_served for s in report.services),
             sum(s.open for s in report.services), st.within, st.outside, st.pending,
             st.within_pct)
    return Table("Layanan", "Kunjungan per layanan dan standar waktu",
                 ("Layanan", "Kunjungan", "Selesai", "Tidak lengkap", "Tidak hadir",
                  "Batal", "Tidak dilayani", "Masih antre", "Dalam standar", "Lewat standar",
                  "Belum jatuh tempo", "Dalam standar (%)"),
                 ("text", "int", "int", "int", "int", "int", "int", "int", "int",
                  "int", "int", "pct"), tuple(rows), total)


def stages(report: DailyReport) -> Table:
    rows = tuple((s.name, s.records, s.not_called, s.no_show, s.wait.count, *_d(s.wait),
                  s.service.count, *_d(s.service)) for s in report.stages)
    return Table("Tahap", "Waktu tunggu dan waktu layanan per tahap (menit)",
                 ("Tahap", "Antrean", "Belum dipanggil", "Tidak hadir", "Dipanggil",
                  "Tunggu median", "Tunggu P90", "Dilayani", "Layanan median",
                  "Layanan P90"),
                 ("text", "int", "int", "int", "int", "min", "min", "int", "min", "min"),
                 rows, ("Semua tahap", sum(s.records for s in report.stages),
                        sum(s.not_called for s in report.stages),
                        sum(s.no_show for s in report.stages), report.wait_all.count,
                        *_d(report.wait_all), report.service_all.count,
                        *_d(report.service_all)))


def officers(report: DailyReport) -> Table:
    rows = tuple((o.username, o.name, o.called, o.served, o.no_show, o.wait.median,
                  o.service.median, o.service.p90, o.service.total) for o in report.officers)
    return Table("Petugas", "Kinerja petugas (menit)",
                 ("Petugas", "Nama", "Dipanggil", "Dilayani", "Tidak hadir", "Tunggu median",
                  "Layanan median", "Layanan P90", "Total layanan"),
                 ("text", "text", "int", "int", "int", "min", "min", "min", "min"), rows)


REASONS = {"lansia": "Lanjut usia", "disabilitas": "Penyandang disabilitas",
           "hamil": "Ibu hamil", "anak": "Anak-anak"}


def priority(report: DailyReport) -> Table:
    return Table("Prioritas", "Kunjungan prioritas menurut alasan",
                 ("Alasan", "Kunjungan"), ("text", "int"),
                 tuple((REASONS.get(r, r), n) for r, n in report.priority),
                 ("Jumlah", report.priority_visits))


def payments(report: DailyReport) -> Table:
    p = report.payments
    return Table("Pembayaran", "Pembayaran menurut cara bayar (tanpa yang dibatalkan)",
                 ("Cara bayar", "Transaksi", "Jumlah"),
                 ("text", "int", "rp"),
                 tuple((r.name, r.count, r.total) for r in p.by_method),
                 ("Jumlah", p.count, p.total))


def payment_lines(report: DailyReport) -> Table:
    lines = report.payments.by_line
    return Table("Jenis pembayaran", "Pembayaran menurut jenis",
                 ("Kode", "Uraian", "Baris", "Jumlah"), ("text", "text", "int", "rp"),
                 tuple((r.key, r.name, r.count, r.total) for r in lines),
                 ("", "Jumlah", sum(r.count for r in lines),
                  sum((r.total for r in lines), Decimal(0))))


def ikm(report: DailyReport) -> Table:
    i = report.ikm
    return Table("IKM", "Indeks Kepuasan Masyarakat: nilai rata-rata per unsur (NRR)",
                 ("Kode", "Unsur pelayanan", "NRR"), ("text", "text", "nrr"),
                 tuple((e, name, i.nrr(e)) for e, name in i.elements))


def report_tables(report: DailyReport) -> list[Table]:
    """Every table of the report, in the order the PDF, the workbook and the view show."""
    return [summary(report), services(report), stages(report), officers(report),
            priority(report), payments(report), payment_lines(report), ikm(report)]


def as_text(table: Table) -> list[list[str]]:
    """Rows (and the total row last) as formatted strings."""
    out = [[format_cell(v, table.kind(r, c)) for c, v in enumerate(row)]
           for r, row in enumerate(table.rows)]
    if table.total is not None:
        out.append([format_cell(v, table.kind(None, c)) for c, v in enumerate(table.total)])
    return out


def cells(table: Table) -> Sequence[Sequence[Any]]:
    return [*table.rows, *([table.total] if table.total is not None else [])]
