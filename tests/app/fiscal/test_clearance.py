"""Tax clearance over the office database: imports as snapshots, checks, letters, verify."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.access import Actor
from app.errors import LoketError
from app.fiscal import arrears, clearance
from app.fiscal.extract import ExtractRefused
from app.store import Store
from db.models import AuditEntry, Document, Person, Vehicle
from db.models_fiscal import FiscalArrear, FiscalCheck, FiscalImportBatch, FiscalLetter

OFFICE = "BAPENDA-BANTEN-FO"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 WIB
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "fiscal"
HEADER = "nik,nopol,nama,pajak,masa,jumlah,jatuh_tempo\n"


def load(store: Store, data: bytes | str, *, name: str = "x.csv", source: str | None = "pkb",
         as_of: date | None = None, now: datetime = NOW) -> arrears.ImportResult:
    if isinstance(data, str):
        data = data.encode()
    with store.uow() as uow:
        return arrears.import_extract(uow, data, file_name=name, source=source, as_of=as_of,
                                      office_code=OFFICE, actor=Actor("pengawas"), now=now)


def load_samples(store: Store) -> None:
    for name, source in (("pkb-contoh.csv", "pkb"), ("pbb-contoh.csv", None),
                         ("pajak-daerah-contoh.csv", "pajak-daerah")):
        load(store, (SAMPLES / name).read_bytes(), name=name, source=source)


def do_check(store: Store, kind: str, value: str, *, purpose: str = "Izin usaha (SIPEKA)",
             now: datetime = NOW, **kw) -> clearance.CheckResult:
    with store.uow() as uow:
        return clearance.check(uow, kind, value, purpose=purpose, officer=Actor("petugas"),
                               office_code=OFFICE, now=now, **kw)


def count(store: Store, model) -> int:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_import_stores_a_batch_and_its_rows(catalog_store: Store) -> None:
    result = load(catalog_store, (SAMPLES / "pkb-contoh.csv").read_bytes(),
                  name="pkb-contoh.csv", as_of=date(2026, 11, 30))
    assert (result.batch.source, result.batch.rows, result.batch.total) == (
        "pkb", 4, Decimal(5697500))
    assert result.batch.as_of == date(2026, 11, 30) and result.replaced is None
    with catalog_store.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(FiscalArrear).order_by(FiscalArrear.line)).all()
        assert [(r.line, r.plate, r.amount) for r in rows][:2] == [
            (2, "A 1234 BC", Decimal(1250000)), (3, "A 1234 BC", Decimal(1312500))]
        audit = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "fiscal.import")).all()
        assert len(audit) == 1 and audit[0].after["rows"] == 4


def test_a_bad_file_stores_nothing_and_lists_every_line(catalog_store: Store) -> None:
    load(catalog_store, HEADER + "3671014505900001,A 1234 BC,Siti,PKB,2024,1000,2024-06-15\n")
    before = (count(catalog_store, FiscalImportBatch), count(catalog_store, FiscalArrear),
              count(catalog_store, AuditEntry))
    bad = (HEADER + "3604012208850002,A 5678 D,Budi,PKB,2025,685.000,2025-09-30\n"
           + "3604012208850002,A 5678 D,Budi,PKB,2026,1.250.000,31-02-2026\n"
           + "360401220885000,A 5678 D,Budi,PKB,2024,abc,2024-09-30\n")
    with pytest.raises(ExtractRefused) as info:
        load(catalog_store, bad)
    assert [(p.line, p.column) for p in info.value.problems] == [
        (3, "jatuh_tempo"), (4, "nik"), (4, "jumlah")]
    after = (count(catalog_store, FiscalImportBatch), count(catalog_store, FiscalArrear),
             count(catalog_store, AuditEntry))
    assert after == before
    assert do_check(catalog_store, "plate", "A 5678 D").result == "clear"  # old snapshot


def test_a_new_extract_replaces_the_snapshot_of_its_source_only(catalog_store: Store) -> None:
    load_samples(catalog_store)
    assert do_check(catalog_store, "plate", "A 1234 BC").result == "not-clear"
    newer = HEADER + "3604012208850002,A 5678 D,Budi Santoso,PKB,2025,685.000,2025-09-30\n"
    later = NOW + timedelta(hours=1)
    result = load(catalog_store, newer, name="pkb-2.csv", now=later)
    assert result.replaced is not None and result.replaced.rows == 4
    assert result.replaced.replaced_at == later
    # Siti paid: no longer in the PKB extract; PBB and regional data untouched
    assert do_check(catalog_store, "plate", "A 1234 BC", now=later).result == "clear"
    budi = do_check(catalog_store, "nik", "3604012208850002", now=later)
    assert sorted(a.source for a in budi.arrears) == ["pajak-daerah", "pbb", "pkb"]
    with catalog_store.uow(read_only=True) as uow:
        current = arrears.current_batches(uow.session, office_id(uow))
        assert current["pkb"].file_name == "pkb-2.csv"
        assert uow.session.scalar(select(func.count()).select_from(FiscalArrear).where(
            FiscalArrear.source == "pkb")) == 1
        history = arrears.list_batches(uow, office_code=OFFICE, include_replaced=True)
        assert [b.file_name for b in history if b.source == "pkb"] == [
            "pkb-2.csv", "pkb-contoh.csv"]


def office_id(uow) -> int:
    from app.queue.engine import resolve_office

    return resolve_office(uow.session, OFFICE).id


def test_the_same_file_twice_and_an_older_extract_are_refused(catalog_store: Store) -> None:
    data = (SAMPLES / "pkb-contoh.csv").read_bytes()
    load(catalog_store, data, name="pkb-contoh.csv", as_of=date(2026, 11, 30))
    with pytest.raises(LoketError) as info:
        load(catalog_store, data, name="lagi.csv")
    assert info.value.key == "fiscal.duplicate_file"
    assert "sudah diimpor pada 01-12-2026 10:00 oleh pengawas sebagai pkb-contoh.csv" in (
        info.value.message("id"))
    with pytest.raises(LoketError) as info:
        load(catalog_store, data + b"\n", as_of=date(2026, 11, 1))
    assert info.value.key == "fiscal.older_extract"
    with pytest.raises(LoketError) as info:
        load(catalog_store, data + b"\n", as_of=date(2026, 12, 2))
    assert info.value.key == "fiscal.future_as_of"
    assert count(catalog_store, FiscalImportBatch) == 1


@pytest.mark.parametrize(("kind", "value", "sources", "amount"), [
    ("nik", "3604 0122 0885 0002", ["pkb", "pbb", "pajak-daerah"], 5530000),
    ("npwpd", "p2-0001234-0102", ["pajak-daerah"], 4500000),
    ("nop", "36.04.010.001.002-0034.0", ["pbb"], 345000),
    ("plate", "a5678d", ["pkb"], 685000),
])
def test_check_by_each_key_kind(catalog_store: Store, kind: str, value: str,
                                sources: list[str], amount: int) -> None:
    load_samples(catalog_store)
    result = do_check(catalog_store, kind, value)
    assert result.result == "not-clear" and not result.clear
    assert [a.source for a in result.arrears] == sources
    assert result.total == Decimal(amount)
    assert result.subject_name == "Budi Santoso"
    data = result.to_json()
    assert data["totals"]["amount"] == amount
    assert all(a["as_of"] == "2026-12-01" for a in data["arrears"])


def test_months_late_and_not_yet_due(catalog_store: Store) -> None:
    load(catalog_store, HEADER
         + "3671014505900001,A 1234 BC,Siti,PKB,2025,100.000,2025-11-30\n"
         + "3671014505900001,A 1234 BC,Siti,PKB,2026,120.000,2026-12-01\n")
    result = do_check(catalog_store, "plate", "A 1234 BC")
    assert [(a.period, a.months_late) for a in result.arrears] == [("2025", 13)]
    assert [a.period for a in result.not_due] == ["2026"]  # due today: not yet late
    assert result.total == Decimal(100000)
    assert clearance.months_late(date(2025, 3, 31), date(2025, 4, 1)) == 1
    assert clearance.months_late(date(2025, 1, 31), date(2025, 2, 28)) == 1
    assert clearance.months_late(date(2025, 1, 31), date(2025, 3, 1)) == 2
    assert clearance.months_late(date(2025, 1, 15), date(2025, 1, 15)) == 0
    load(catalog_store, HEADER
         + "3671014505900001,A 1234 BC,Siti,PKB,2026,120.000,2026-12-01\n", name="y.csv")
    assert do_check(catalog_store, "plate", "A 1234 BC").result == "clear"


def test_no_data_clear_and_a_nik_sees_its_vehicles(catalog_store: Store) -> None:
    first = do_check(catalog_store, "nik", "3671014505900001")
    assert first.result == "no-data" and first.missing_sources == (
        "pkb", "pbb", "pajak-daerah")
    load(catalog_store, HEADER.replace("nik,", "")
         + "A 1234 BC,Siti,PKB,2025,100.000,2025-06-30\n", source="pkb")
    assert do_check(catalog_store, "nop", "367101000100100010").result == "no-data"
    assert do_check(catalog_store, "nik", "3671014505900001").result == "clear"
    with catalog_store.uow() as uow:  # the office register says the car is hers
        person = Person(nik="3671014505900001", name="Siti Aminah")
        uow.session.add(person)
        uow.session.flush()
        uow.session.add(Vehicle(plate="A 1234 BC", owner_id=person.id, category="R4",
                                swdkllj_class="sedan", njkb=Decimal(150000000),
                                tax_due_on=date(2026, 6, 30),
                                stnk_valid_until=date(2028, 6, 30)))
        uow.commit()
    via = do_check(catalog_store, "nik", "3671014505900001")
    assert via.result == "not-clear" and via.arrears[0].plate == "A 1234 BC"


def test_every_check_is_logged_with_officer_purpose_key_and_result(
        catalog_store: Store) -> None:
    load_samples(catalog_store)
    do_check(catalog_store, "plate", "A 5678 D", purpose="Izin reklame")
    do_check(catalog_store, "nop", "367102000300401010", purpose="  Izin   usaha  ")
    with pytest.raises(LoketError) as info:
        do_check(catalog_store, "nop", "3671", purpose="x")
    assert info.value.key == "id.nop.length"
    with pytest.raises(LoketError) as info:
        do_check(catalog_store, "plate", "A 5678 D", purpose="   ")
    assert info.value.key == "fiscal.purpose_missing"
    with catalog_store.uow(read_only=True) as uow:
        log = clearance.check_log(uow, office_code=OFFICE)
        checks = uow.session.scalars(select(FiscalCheck).order_by(FiscalCheck.id)).all()
        assert [(c.officer, c.purpose, c.key_kind, c.key_value, c.result, c.total)
                for c in checks] == [
            ("petugas", "Izin reklame", "plate", "A 5678 D", "not-clear", Decimal(685000)),
            ("petugas", "Izin usaha", "nop", "367102000300401010", "not-clear",
             Decimal(1120000))]
        assert checks[0].checked_at == NOW
        assert checks[0].detail["arrears"][0]["amount"] == 685000
        assert [r["check_id"] for r in log] == [checks[1].id, checks[0].id]
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "fiscal.check")) == 2


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def decode_qr(pdf: bytes, tmp: Path) -> str:
    (tmp / "letter.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1",
                    str(tmp / "letter.pdf"), str(tmp / "page")], check=True)
    png = sorted(tmp.glob("page*.png"))[0]
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def test_a_clear_check_gets_a_certificate_with_code_and_qr(catalog_store: Store,
                                                           tmp_path: Path) -> None:
    load_samples(catalog_store)
    result = do_check(catalog_store, "nik", "3671014505900002", name="Dewi Lestari")
    assert result.result == "clear"
    with catalog_store.uow() as uow:
        letter = clearance.issue_letter(uow, result.check_id, actor=Actor("petugas"), now=NOW)
    assert letter.kind == "certificate" and letter.document_kind == "fiscal-certificate"
    code = letter.display_code
    assert len(letter.code) == 12 and code.count("-") == 2
    assert set(letter.code) <= set(clearance.CODE_ALPHABET)
    text = pdf_text(letter.pdf)
    for expected in ("SURAT KETERANGAN FISKAL", code, "3671014505900002", "Dewi Lestari",
                     "BEBAS TUNGGAKAN", "Izin usaha (SIPEKA)", "TIDAK MEMPUNYAI TUNGGAKAN",
                     "Halaman 1 dari 1"):
        assert expected in text, expected
    # the data in the order the panel shows it
    assert text.index("NIK") < text.index("Dewi Lestari") < text.index("Keperluan") < (
        text.index("Hasil pemeriksaan")) < text.index("Data yang Diperiksa")
    assert decode_qr(letter.pdf, tmp_path) == f"LOKETFISKAL|{OFFICE}|{code}"
    with catalog_store.uow(read_only=True) as uow:
        doc = uow.session.get(Document, letter.document_id)
        assert (doc.kind, doc.number, doc.content) == ("fiscal-certificate", code, letter.pdf)
        assert doc.data["subject_name"] == "Dewi Lestari"
        answer = clearance.verify(uow, code.lower().replace("-", " "))
    assert answer["valid"] is True and answer["result"] == "clear"
    assert answer["office"] == OFFICE and answer["code"] == code
    assert answer["subject"]["value"] == "3671014505900002"
    assert answer["subject"]["name"] == "Dewi Lestari"
    assert answer["issued_at"] == NOW.isoformat()


def test_a_not_clear_check_prints_the_list_of_arrears(catalog_store: Store) -> None:
    load_samples(catalog_store)
    result = do_check(catalog_store, "nik", "3604012208850002")
    with catalog_store.uow() as uow:
        letter = clearance.issue_letter(uow, result.check_id, actor=Actor("petugas"), now=NOW)
    assert letter.kind == "arrears" and letter.document_kind == "fiscal-arrears"
    text = pdf_text(letter.pdf)
    for expected in ("SURAT KETERANGAN TUNGGAKAN PAJAK", "Budi Santoso", "Pajak Restoran",
                     "Rp4.500.000", "Rp345.000", "Rp685.000", "Rp5.530.000",
                     letter.display_code):
        assert expected in text, expected
    assert text.index("Pajak Restoran") > text.index("PBB-P2")  # PKB, PBB-P2, regional
    with catalog_store.uow(read_only=True) as uow:
        assert clearance.verify(uow, letter.code)["result"] == "not-clear"


def test_letters_are_refused_for_no_data_twice_or_a_stale_check(catalog_store: Store) -> None:
    nothing = do_check(catalog_store, "plate", "A 1 B")
    load_samples(catalog_store)
    clear = do_check(catalog_store, "plate", "A 1 B")
    with catalog_store.uow() as uow:
        with pytest.raises(LoketError) as info:
            clearance.issue_letter(uow, nothing.check_id, actor=Actor("petugas"), now=NOW)
        assert info.value.key == "fiscal.no_data"
        with pytest.raises(LoketError) as info:
            clearance.issue_letter(uow, clear.check_id, actor=Actor("petugas"),
                                   now=NOW + timedelta(days=1))
        assert info.value.key == "fiscal.check_stale"
        with pytest.raises(LoketError) as info:
            clearance.issue_letter(uow, 99999, actor=Actor("petugas"), now=NOW)
        assert info.value.key == "fiscal.unknown_check"
    with catalog_store.uow() as uow:
        first = clearance.issue_letter(uow, clear.check_id, actor=Actor("petugas"), now=NOW)
    with catalog_store.uow() as uow, pytest.raises(LoketError) as info:
        clearance.issue_letter(uow, clear.check_id, actor=Actor("petugas"), now=NOW)
    assert info.value.key == "fiscal.letter_exists"
    assert first.display_code in info.value.message("id")
    assert count(catalog_store, FiscalLetter) == 1


def test_verify_unknown_and_revoked_codes(catalog_store: Store) -> None:
    load_samples(catalog_store)
    clear = do_check(catalog_store, "plate", "A 1 B")
    with catalog_store.uow() as uow:
        letter = clearance.issue_letter(uow, clear.check_id, actor=Actor("petugas"), now=NOW)
    with catalog_store.uow(read_only=True) as uow:
        for bad, key in (("ABCD", "fiscal.code_format"), ("ABCD-EFGH-JKMU", "fiscal.code_format"),
                         ("0000-0000-0000", "fiscal.code_unknown")):
            with pytest.raises(LoketError) as info:
                clearance.verify(uow, bad)
            assert info.value.key == key
        scanned = clearance.verify(uow, clearance.qr_payload(OFFICE, letter.code))
        assert scanned["valid"] is True
    with catalog_store.uow() as uow:
        revoked = clearance.revoke(uow, letter.display_code, reason="data salah",
                                   actor=Actor("pengawas"), now=NOW + timedelta(hours=1))
    assert revoked["valid"] is False and revoked["revoke_reason"] == "data salah"
    assert "dicabut" in revoked["reason"]
    with catalog_store.uow() as uow, pytest.raises(LoketError) as info:
        clearance.revoke(uow, letter.code, reason="lagi", actor=Actor("pengawas"))
    assert info.value.key == "fiscal.already_revoked"


def test_codes_are_random_and_read_forgivingly() -> None:
    codes = {clearance.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert clearance.parse_code("abcd-efgh-jkmo") == "ABCDEFGHJKM0"  # O read as 0
    assert clearance.parse_code("LOKETFISKAL|X|1234-5678-9ABC") == "123456789ABC"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["nik", "npwpd", "nop", "plate", "nopol", "x", ""]), st.text(max_size=30))
def test_key_code_and_purpose_parsers_raise_only_loket_errors(kind: str, text: str) -> None:
    for parse in (lambda t: clearance.parse_key(kind, t, today=date(2026, 12, 1)),
                  clearance.parse_code, clearance.parse_purpose):
        try:
            value = parse(text)
        except LoketError as exc:
            assert exc.message("id")
            continue
        assert value
