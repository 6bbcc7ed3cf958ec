"""Reading arrears extracts: every line checked, every problem named with its line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import LoketError
from app.fiscal.extract import (
    COLUMNS,
    ExtractRefused,
    parse_amount,
    parse_date,
    parse_line,
    parse_npwpd,
    parse_period,
    parse_source,
    read_extract,
)

TODAY = date(2026, 12, 1)
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "fiscal"
HEADER = "nik,nopol,nama,pajak,masa,jumlah,jatuh_tempo\n"
GOOD = "3671014505900001,A 1234 BC,Siti Aminah,PKB,2024,1.250.000,2024-06-15\n"


def read(text: str | bytes, source: str | None = "pkb"):
    data = text.encode() if isinstance(text, str) else text
    return read_extract(data, name="x.csv", source=source, today=TODAY)


def refused(text: str | bytes, source: str | None = "pkb") -> ExtractRefused:
    with pytest.raises(ExtractRefused) as info:
        read(text, source)
    return info.value


def test_the_sample_files_read_with_their_sources() -> None:
    pkb = read_extract((SAMPLES / "pkb-contoh.csv").read_bytes(), name="pkb-contoh.csv",
                       source="pkb", today=TODAY)
    assert [r.plate for r in pkb.rows] == ["A 1234 BC", "A 1234 BC", "A 5678 D", "B 4321 XYZ"]
    assert pkb.rows[0].amount == Decimal(1250000)
    assert pkb.rows[1].due_date == date(2025, 6, 15)  # written 15-06-2025
    assert pkb.total == Decimal(5697500)
    pbb = read_extract((SAMPLES / "pbb-contoh.csv").read_bytes(), name="pbb-contoh.csv",
                       today=TODAY)  # BOM, semicolons, the source in a column
    assert pbb.source == "pbb"
    assert pbb.rows[0].nop == "360401000100200340"
    assert pbb.rows[0].line == 2
    pd = read_extract((SAMPLES / "pajak-daerah-contoh.csv").read_bytes(), name="pd.csv",
                      source="pajak-daerah", today=TODAY)
    assert [(r.npwpd, r.npwpd_key, r.period) for r in pd.rows] == [
        ("P.2.0001234.01.02", "P20001234 0102".replace(" ", ""), "2025-08"),
        ("B.1.0000077.03.01", "B10000077 0301".replace(" ", ""), "2025")]
    assert len(pkb.sha256) == 64 and pkb.sha256 != pbb.sha256


def test_bom_semicolons_and_english_headers_read_alike() -> None:
    english = read("nik,plate,name,tax,period,amount,due_date\n"
                   "3671014505900001,A 1234 BC,Siti,PKB,2024,1250000,15-06-2024\n")
    indonesian = read(b"\xef\xbb\xbf" + (
        b"NIK;No Polisi;Nama;Pajak;Masa Pajak;Jumlah;Jatuh Tempo\n"
        b"3671014505900001;a-1234-bc;Siti;PKB;2024;Rp 1.250.000;2024-06-15\n"))
    assert english.rows[0].identity() == indonesian.rows[0].identity()
    assert english.rows[0].amount == indonesian.rows[0].amount == Decimal(1250000)
    assert english.rows[0].due_date == indonesian.rows[0].due_date == date(2024, 6, 15)


def test_every_bad_line_is_reported_with_its_number_and_reason() -> None:
    text = (HEADER + GOOD
            + "3671014505900001,A 1234 BC,Siti,PKB,2025,1.312.500,2025-06-15\n"
            + "123,A 1 B,Budi,PKB,2025,1000,2025-01-01\n"          # line 4: short NIK
            + "3671014505900001,,Budi,PKB,13-2025,-5,2025-02-30\n"  # line 5: four problems
            + "\n"                                                  # blank: skipped
            + "3671014505900001,A 1234 BC,Siti,PKB,2024,9,2024-06-15\n"  # line 7: duplicate
            + "3671014505900001,A 1 B,Budi,PKB,2025,1000\n")        # line 8: a column short
    exc = refused(text)
    by_line = {}
    for p in exc.problems:
        by_line.setdefault(p.line, []).append(p.error.key)
    assert by_line == {
        4: ["id.nik.length"],
        5: ["fiscal.key_for_source", "fiscal.amount", "fiscal.date", "fiscal.period"],
        7: ["fiscal.duplicate_row"],
        8: ["fiscal.columns"],
    }
    message = exc.message("id")
    assert "ditolak, tidak ada yang disimpan (7 kesalahan)" in message
    assert "baris 4: nik: NIK harus 16 angka, bukan 3: '123'" in message
    assert "baris 7: tunggakan yang sama sudah ada di baris 2" in message
    assert "line 8: 6 columns, the header row has 7" in exc.message("en")


def test_a_bad_nop_says_it_needs_18_digits() -> None:
    exc = refused("nop,nama,pajak,tahun,jumlah,jatuh_tempo\n"
                  "36.04.010.001.002-0034,Budi,PBB-P2,2024,345.000,31-08-2024\n", "pbb")
    assert exc.problems[0].message("id") == (
        "baris 2: nop: NOP harus 18 angka, bukan 17: '36.04.010.001.002-0034'")


@pytest.mark.parametrize(("header", "key"), [
    ("nik,nopol,nama,pajak,masa,jumlah,jatuh_tempo,warna\n", "fiscal.header_unknown"),
    ("nik,nik,nama,pajak,masa,jumlah,jatuh_tempo\n", "fiscal.header_twice"),
    ("nik,nopol,nama,pajak,masa,jatuh_tempo\n", "fiscal.header_missing"),
    ("nama,pajak,masa,jumlah,jatuh_tempo\n", "fiscal.header_no_key"),
])
def test_a_bad_header_refuses_the_file_at_line_1(header: str, key: str) -> None:
    exc = refused(header + GOOD)
    assert [(p.line, p.error.key) for p in exc.problems] == [(1, key)]


@pytest.mark.parametrize(("data", "key"), [
    (b"", "fiscal.file_empty"), (b"\xef\xbb\xbf \n\n", "fiscal.file_empty"),
    (HEADER.encode(), "fiscal.file_no_rows"),
    (HEADER.encode() + b"\xff\xfe,,,\n", "fiscal.file_encoding"),
])
def test_whole_file_problems(data: bytes, key: str) -> None:
    with pytest.raises(LoketError) as info:
        read(data)
    assert info.value.key == key


def test_the_source_comes_from_the_option_or_one_column() -> None:
    text = "sumber,nik,nopol,nama,pajak,masa,jumlah,jatuh_tempo\n"
    row = "{},3671014505900001,A 1234 BC,Siti,PKB,{},1000,2024-06-15\n"
    assert read(text + row.format("PKB", 2024), None).source == "pkb"
    exc = refused(text + row.format("pbb", 2024), "pkb")
    assert exc.problems[0].error.key == "fiscal.source_mismatch"
    with pytest.raises(LoketError) as info:
        read(text + row.format("pkb", 2024) + row.format("pajak-daerah", 2025), None)
    assert info.value.key == "fiscal.source_mixed"
    exc = refused(HEADER + GOOD, None)
    assert exc.problems[0].error.key == "fiscal.source_missing"


@pytest.mark.parametrize(("text", "value"), [
    ("1250000", 1250000), ("1.250.000", 1250000), ("Rp 1.250.000", 1250000),
    ("1.250.000,00", 1250000), ("1", 1)])
def test_amounts(text: str, value: int) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["0", "-5", "1,5", "1.25", "12.50.000", "abc", "", "١٢٣",
                                  "1000000000000000"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(LoketError) as info:
        parse_amount(text)
    assert info.value.key == "fiscal.amount"


def test_dates_periods_sources_npwpd() -> None:
    assert parse_date("2025-03-31") == parse_date("31-03-2025") == parse_date("31/03/2025")
    for bad in ("2025-02-30", "31-13-2025", "2025/3", "1899-01-01", "kemarin", "２０２５-01-01"):
        with pytest.raises(LoketError):
            parse_date(bad)
    assert parse_period("2025", today=TODAY) == "2025"
    assert parse_period("03-2025", today=TODAY) == parse_period("2025/3", today=TODAY) == (
        "2025-03")
    for bad in ("2028", "2025-13", "00-2025", "25", "2025-00"):
        with pytest.raises(LoketError):
            parse_period(bad, today=TODAY)
    assert parse_source("PBB-P2") == "pbb" and parse_source("Pajak Daerah") == "pajak-daerah"
    assert parse_npwpd(" p.2.0001234.01.02 ")[1] == "P20001234 0102".replace(" ", "")
    for bad in ("", "P", "--..", "P.2.0001234.01.02!"):
        with pytest.raises(LoketError):
            parse_npwpd(bad)


FIELDS = sorted(COLUMNS)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=40)),
       st.sampled_from([None, "pkb", "pbb", "pajak-daerah"]))
def test_the_line_validator_raises_only_loket_errors(values, source) -> None:
    try:
        row = parse_line(values, line=2, source=source, today=TODAY)
    except LoketError as exc:
        assert exc.message("id") and exc.message("en")
        return
    assert row.amount > 0 and row.amount == row.amount.to_integral_value()
    assert row.nik or row.npwpd or row.nop or row.plate


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_value_parsers_raise_only_loket_errors(text: str) -> None:
    for parse in (parse_amount, parse_date, parse_npwpd, parse_source,
                  lambda t: parse_period(t, today=TODAY)):
        try:
            value = parse(text)
        except LoketError:
            continue
        if parse is parse_amount:
            assert value > 0 and value == value.to_integral_value()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_an_extract_or_a_loket_error(data: bytes) -> None:
    try:
        extract = read_extract(HEADER.encode() + data, name="x.csv", source="pkb",
                               today=TODAY)
    except LoketError:
        return
    assert all(r.amount > 0 for r in extract.rows)


def test_a_control_character_in_any_cell_refuses_its_line() -> None:
    """A NUL (PostgreSQL refuses it mid-import) or an escape is named with line and column,
    and nothing of the file is kept."""
    text = (HEADER + GOOD
            + "3671014505900002,A 1 B,Bu\x00di,PKB,2025,1000,2025-01-01\n"
            + "3671014505900003,A 2 B,Ani,PKB\x1b[2J,2025,1000,2025-01-01\n")
    exc = refused(text)
    assert [(p.line, p.column, p.error.key) for p in exc.problems] == [
        (3, "nama", "fiscal.control"), (4, "pajak", "fiscal.control")]
    message = exc.message("id")
    assert "baris 3: nama: berisi karakter kendali U+0000" in message
    assert "U+001B" in exc.message("en")
