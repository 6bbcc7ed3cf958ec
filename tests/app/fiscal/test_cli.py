"""``loket fiscal ...``: import, check, letter, verify, revoke from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from app.access import Actor
from app.store import Store
from app.users import add_user
from tests.helpers import login, run_json, snapshot

OFFICE = ("--office", "BAPENDA-BANTEN-FO")
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "fiscal"


def imported(capsys, url: str) -> None:
    for name, extra in (("pkb-contoh.csv", ("--source", "pkb")), ("pbb-contoh.csv", ()),
                        ("pajak-daerah-contoh.csv", ("--source", "pajak-daerah"))):
        code, data, err = run_json(capsys, url, "fiscal", "import", str(SAMPLES / name),
                                   *extra, *OFFICE)
        assert code == 0, err
        assert data["imported"] is True and data["file_name"] == name


def test_import_good_bad_and_duplicate_files(capsys, url: str, tmp_path: Path) -> None:
    code, data, err = run_json(capsys, url, "fiscal", "import", str(SAMPLES / "pkb-contoh.csv"),
                               "--source", "pkb", "--as-of", "30-11-2026", *OFFICE)
    assert code == 0, err
    assert (data["source"], data["rows"], data["total"], data["as_of"]) == (
        "pkb", 4, 5697500, "2026-11-30")
    before = snapshot(url)
    code, data, err = run_json(capsys, url, "fiscal", "import", str(SAMPLES / "pkb-contoh.csv"),
                               "--source", "pkb", *OFFICE)
    assert code == 2 and data is None
    assert "sudah diimpor" in err
    bad = tmp_path / "pkb-rusak.csv"
    bad.write_text("nik;nopol;nama;pajak;masa;jumlah;jatuh_tempo\n"
                   "3604012208850002;A 5678 D;Budi;PKB;2025;685.000;2025-09-30\n"
                   "3604012208850002;A 5678 D;Budi;PKB;2025;1.250.000,5;2025-09-30\n"
                   "3604012208850002;A 56789 D;Budi;PKB;2026;1.250.000;2026-09-30\n",
                   encoding="utf-8")
    code, data, err = run_json(capsys, url, "fiscal", "import", str(bad), "--source", "pkb",
                               *OFFICE)
    assert code == 2
    assert data["imported"] is False
    assert [(e["line"], e["column"]) for e in data["errors"]] == [(3, "jumlah"), (4, "nopol")]
    assert "baris 3: jumlah: jumlah '1.250.000,5' tidak valid" in err
    assert "tidak ada yang disimpan (2 kesalahan)" in err
    code, _, err = run_json(capsys, url, "fiscal", "import", str(tmp_path / "none.csv"),
                            "--source", "pkb", *OFFICE)
    assert code == 2 and "tidak ditemukan" in err
    assert snapshot(url) == before
    code, data, _ = run_json(capsys, url, "fiscal", "batches", *OFFICE)
    assert [(b["source"], b["rows"]) for b in data] == [("pkb", 4)]


def test_check_by_each_key_and_the_log(capsys, url: str) -> None:
    imported(capsys, url)
    for option, value, result, total in (
            ("--nik", "3604012208850002", "not-clear", 5530000),
            ("--npwpd", "B.1.0000077.03.01", "not-clear", 12000000),
            ("--nop", "36.71.020.003.004-0101.0", "not-clear", 1120000),
            ("--plate", "B 4321 XYZ", "not-clear", 2450000),
            ("--plate", "A 9 Z", "clear", 0)):
        code, data, err = run_json(capsys, url, "fiscal", "check", option, value,
                                   "--purpose", "Izin usaha", *OFFICE)
        assert code == 0, err
        assert (data["result"], data["totals"]["amount"]) == (result, total), option
        for arrear in data["arrears"]:
            assert set(arrear) >= {"tax", "period", "amount", "months_late", "source",
                                   "as_of"}
            assert arrear["months_late"] >= 1
    code, _, err = run_json(capsys, url, "fiscal", "check", "--nop", "123", "--purpose", "x",
                            *OFFICE)
    assert code == 2 and "NOP harus 18 angka" in err
    code, log, _ = run_json(capsys, url, "fiscal", "log", *OFFICE)
    assert len(log) == 5 and log[0]["key_value"] == "A 9 Z"
    assert all(r["purpose"] == "Izin usaha" and r["officer"] for r in log)


def test_officer_must_be_a_user(capsys, url: str) -> None:
    """``--officer`` names only the verified person acting (app/cli_login.py): signed in as
    admin, ``--officer siapa`` is refused; signed in as rina, ``--officer rina`` acts."""
    imported(capsys, url)
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "fiscal", "check", "--plate", "A 9 Z", "--purpose",
                            "x", "--officer", "siapa", *OFFICE)
    assert code == 2 and "siapa" in err
    assert snapshot(url) == before
    with Store.open(url) as store, store.uow() as uow:
        add_user(uow, "rina", "officer", "kata-sandi-panjang", actor=Actor("admin"),
                 office_code="BAPENDA-BANTEN-FO")
    login(url, "rina", "kata-sandi-panjang")
    code, data, err = run_json(capsys, url, "fiscal", "check", "--plate", "A 9 Z",
                               "--purpose", "x", "--officer", "rina", *OFFICE)
    assert code == 0, err
    assert data["officer"] == "rina"


def test_certificate_verify_and_revoke(capsys, url: str, tmp_path: Path) -> None:
    imported(capsys, url)
    out = tmp_path / "sk.pdf"
    code, data, err = run_json(capsys, url, "fiscal", "check", "--nik", "3671014505900002",
                               "--purpose", "Izin usaha", "--name", "Dewi", "--out", str(out),
                               *OFFICE)
    assert code == 0, err
    assert data["result"] == "clear" and data["letter"]["kind"] == "certificate"
    code_text = data["letter_code"]
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert code_text in text and "3671014505900002" in text and "Dewi" in text

    code, answer, err = run_json(capsys, url, "fiscal", "verify", code_text)
    assert code == 0, err
    assert answer["valid"] is True and answer["code"] == code_text
    assert answer["result"] == "clear" and answer["office"] == "BAPENDA-BANTEN-FO"
    assert answer["subject"]["value"] == "3671014505900002"
    assert answer["subject"]["name"] == "Dewi"
    assert answer["issued_at"]

    code, answer, err = run_json(capsys, url, "fiscal", "verify", "2222-3333-4444")
    assert code == 2 and answer["valid"] is False
    assert "tidak terdaftar" in answer["reason"] and "tidak terdaftar" in err

    again = tmp_path / "again.pdf"
    code, data, _ = run_json(capsys, url, "fiscal", "reprint", code_text, "--out", str(again),
                             *OFFICE)
    assert code == 0 and again.read_bytes() == out.read_bytes()

    code, data, err = run_json(capsys, url, "fiscal", "revoke", code_text, "--reason",
                               "salah orang", *OFFICE)
    assert code == 0, err
    code, answer, err = run_json(capsys, url, "fiscal", "verify", code_text)
    assert code == 1 and answer["valid"] is False and answer["revoked"] is True
    assert "salah orang" in err


def test_arrears_letter_for_a_check(capsys, url: str, tmp_path: Path) -> None:
    imported(capsys, url)
    code, data, _ = run_json(capsys, url, "fiscal", "check", "--plate", "A 1234 BC",
                             "--purpose", "Izin usaha", *OFFICE)
    assert data["result"] == "not-clear" and data["letter_code"] is None
    out = tmp_path / "tunggakan.pdf"
    code, letter, err = run_json(capsys, url, "fiscal", "letter", str(data["check_id"]),
                                 "--out", str(out), *OFFICE)
    assert code == 0, err
    assert letter["kind"] == "arrears" and letter["document_kind"] == "fiscal-arrears"
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "SURAT KETERANGAN TUNGGAKAN PAJAK" in text and "Rp2.562.500" in text
    code, _, err = run_json(capsys, url, "fiscal", "letter", str(data["check_id"]), *OFFICE)
    assert code == 2 and "sudah diterbitkan" in err
