"""The report as an XLSX workbook (openpyxl): one sheet per table of
:func:`app.reports.tables.report_tables`, numbers stored as numbers (counts as integers,
minutes and percentages as decimals with a number format, rupiah as whole numbers), the
header row bold and frozen, column widths set from the contents.

Above each table: its title, the office and the period, then an empty row; the header row is
row 4, the data start at row 5 (:data:`HEADER_ROW`).
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.reports.daily import DailyReport
from app.reports.tables import Table, Value, format_cell, report_tables

HEADER_ROW = 4
FORMATS = {"int": "#,##0", "min": "0.0", "pct": "0.0", "rp": '"Rp"#,##0', "nrr": "0.000",
           "ikm": "0.00"}


def _value(value: Value) -> int | float | str | None:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent  # an int, or a letter for NaN and infinity
        return int(value) if value == value.to_integral_value() and \
            isinstance(exponent, int) and exponent >= 0 else float(value)
    return value


def _sheet(wb: Workbook, table: Table, report: DailyReport) -> None:
    ws = wb.create_sheet(table.key[:31])
    ws.cell(1, 1, table.title).font = Font(bold=True, size=12)
    ws.cell(2, 1, f"{report.office_name} ({report.office}) · {report.period_text('id')} "
                  f"({report.zone})")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8E8E8")
    for c, header in enumerate(table.headers, start=1):
        cell = ws.cell(HEADER_ROW, c, header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in table.headers]
    rows: list[tuple[int | None, tuple[Value, ...]]] = list(enumerate(table.rows))
    if table.total is not None:
        rows.append((None, table.total))
    for n, (r, row) in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(row, start=1):
            kind = table.kind(r, c - 1)
            cell = ws.cell(n, c, _value(value))
            if kind in FORMATS and not isinstance(value, str):
                cell.number_format = FORMATS[kind]
            if r is None:
                cell.font = bold
            widths[c - 1] = max(widths[c - 1], len(format_cell(value, kind)))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def report_xlsx(report: DailyReport) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for table in report_tables(report):
        _sheet(wb, table, report)
    wb.properties.title = f"Laporan pelayanan {report.office} {report.period_text('id')}"
    wb.properties.creator = "Loket"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
