"""``loket report daily`` and the three places the numbers go: the JSON, the XLSX cells (read
back with openpyxl) and the PDF text (pypdf) must agree, for the generated day."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from app.reports.tables import report_tables
from app.reports.xlsx import HEADER_ROW
from app.store import Store
from tests.app.reports import day
from tests.helpers import run_json, snapshot


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def _sheet_rows(path: Path, name: str) -> list[list[object]]:
    ws = load_workbook(path)[name]
    return [list(row) for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_json_xlsx_and_pdf_agree(url: str, capsys, tmp_path: Path) -> None:
    with Store.open(url) as store:
        day.build(store)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    code, data, err = run_json(capsys, url, "report", "daily", "--date", "2026-11-23",
                               "--office", day.OFFICE, "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert code == 0, err
    assert data["written"] == [str(pdf), str(xlsx)]
    # the JSON: figures of the day worked out by hand (see tests/app/reports/day.py)
    assert (data["visits"], data["done"], data["incomplete"], data["no_show"]) == (8, 2, 1, 1)
    assert data["payments"]["total"] == 1_310_000
    assert data["perforation"]["sheets"] == 1500
    assert data["ikm"]["ikm"] == 87.5
    cf = data["stages"][0]
    assert (cf["wait"]["median_min"], cf["wait"]["p90_min"]) == (2.5, 7.5)

    # the XLSX: real numbers equal to the JSON
    summary = {row[0]: row[1] for row in _sheet_rows(xlsx, "Ringkasan")}
    assert summary["Kunjungan"] == data["visits"]
    assert summary["Jumlah pembayaran"] == data["payments"]["total"]
    assert isinstance(summary["Jumlah pembayaran"], int)
    assert summary["Lembar diperforasi"] == data["perforation"]["sheets"]
    assert summary["IKM (nilai konversi)"] == data["ikm"]["ikm"]
    # run after the day, A-006 (pending at day.AS_OF) is late too: 2 within of 6
    assert summary["Dalam standar waktu (%)"] == data["standard"]["within_pct"] == 33.3
    assert summary["Pengaduan lewat batas belum dijawab"] == data["complaints"]["overdue"]
    services = _sheet_rows(xlsx, "Layanan")
    for row, s in zip(services, data["services"], strict=False):
        assert row[:8] == [s["name"], s["visits"], s["done"], s["incomplete"],
                           s["no_show"], s["cancelled"], s["not_served"], s["open"]]
        assert row[11] == s["standard"]["within_pct"]
    assert services[-1][:2] == ["Jumlah", data["visits"]]  # the total row
    assert not any(s["code"] in row for s in data["services"] for row in services)
    stages = _sheet_rows(xlsx, "Tahap")
    for row, s in zip(stages, data["stages"], strict=False):
        assert row[5:7] == [s["wait"]["median_min"], s["wait"]["p90_min"]]
        assert row[8:10] == [s["service"]["median_min"], s["service"]["p90_min"]]
        assert all(isinstance(v, int | float) for v in row[1:10])
    officers = _sheet_rows(xlsx, "Petugas")
    assert [(r[0], r[2], r[3], r[6]) for r in officers] == [
        (o["username"], o["called"], o["served"], o["service"]["median_min"])
        for o in data["officers"]]
    methods = _sheet_rows(xlsx, "Pembayaran")
    assert [(r[0], r[2]) for r in methods[:-1]] == [
        (m["name"], m["total"]) for m in data["payments"]["by_method"]]
    assert methods[-1][2] == 1_310_000
    nrr = _sheet_rows(xlsx, "IKM")
    assert [(r[0], r[2]) for r in nrr] == [(e["id"], e["nrr"]) for e in data["ikm"]["elements"]]
    wb = load_workbook(xlsx)
    assert wb.sheetnames == [t.key for t in report_tables_of(url)]
    ws = wb["Layanan"]
    assert ws.cell(HEADER_ROW, 1).font.b and ws.column_dimensions["B"].width > 10

    # the PDF text: the same numbers, written the Indonesian way
    text = _pdf_text(pdf)
    assert "LAPORAN HARIAN PELAYANAN" in text and "Halaman 1 dari" in text
    assert "UPT PPD Pontianak Wilayah I" in text
    for expected in ("Rp1.310.000", "Rp1.100.000", "Rp115.000", "1.500", "87,50", "33,3",
                     "B (Baik)", "3,500"):
        assert expected in text, expected
    # the stage table row of cek fisik: records, not called, no-show, called, wait median,
    # wait p90, served, service median, service p90
    assert re.search(r"Cek Fisik Kendaraan\s+8\s+2\s+1\s+6\s+2,5\s+7,5\s+5\s+3,0\s+7,0", text)
    assert re.search(r"budi\s+Budi Santoso\s+6\s+5\s+1\s+2,5\s+3,0\s+7,0\s+19,0", text)
    assert "Grafik: kunjungan per layanan" in text  # the charts are there


def report_tables_of(url: str):
    from app.reports.daily import daily_report

    with Store.open(url) as store, store.uow(read_only=True) as uow:
        return report_tables(daily_report(uow, day.OFFICE, day.DAY))


def test_an_empty_day(url: str, capsys, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "e.pdf", tmp_path / "e.xlsx"
    code, data, err = run_json(capsys, url, "report", "daily", "--date", "2026-11-30",
                               "--to", "2026-12-01", "--office", day.OFFICE, "--pdf",
                               str(pdf), "--xlsx", str(xlsx))
    assert code == 0, err
    assert (data["from"], data["to"], data["visits"]) == ("2026-11-30", "2026-12-01", 0)
    assert data["services"] == [] and data["ikm"]["respondents"] == 0
    assert "Tidak ada data pada periode ini." in _pdf_text(pdf)
    assert {r[0]: r[1] for r in _sheet_rows(xlsx, "Ringkasan")}["Kunjungan"] == 0


@pytest.mark.parametrize("argv", [
    ["--date", "2026-02-30"], ["--date", "23/11/2026"], ["--date", "2026-11-23", "--to",
                                                         "2026-11-22"],
    ["--date", "2026-11-23", "--office", "NOPE"]])
def test_bad_input_exits_2_and_writes_nothing(url: str, capsys, tmp_path: Path,
                                              argv: list[str]) -> None:
    before = snapshot(url)
    pdf = tmp_path / "x.pdf"
    code, data, err = run_json(capsys, url, "report", "daily", *argv, "--pdf", str(pdf))
    assert code == 2 and data is None
    assert err.startswith("loket: ") and len(err.strip().splitlines()) == 1
    assert not pdf.exists()
    assert snapshot(url) == before


def test_an_output_is_required(url: str, capsys) -> None:
    from app.cli import main

    code = main(["--db", url, "report", "daily", "--date", "2026-11-23", "--office",
                 day.OFFICE])
    assert code == 2
    assert "--json" in capsys.readouterr().err


def test_json_only_and_the_rounded_weight(url: str, capsys) -> None:
    with Store.open(url) as store:
        day.build(store)
    code, data, err = run_json(capsys, url, "report", "daily", "--date", "2026-11-23",
                               "--office", day.OFFICE, "--weight", "rounded")
    assert code == 0, err
    assert "written" not in data
    # NRR 3.5 on nine elements x 0.111 = 3.4965; x 25 = 87.4125 -> 87.41
    assert (data["ikm"]["ikm"], data["ikm"]["weight"]) == (87.41, "0.111")
    code, data, err = run_json(capsys, url, "report", "daily", "--date", "2026-11-23",
                               "--office", day.OFFICE, "--survey", "nope")
    assert code == 2 and data is None and err.startswith("loket: ")
