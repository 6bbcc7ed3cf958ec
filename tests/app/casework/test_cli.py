"""``loket application|complaint|holiday``: JSON out; bad input exit 2, nothing changed.

The command line acts for the person signed in (app/cli_login.py): applications are counter
work (the officer ``petugas``); the ``url`` fixture signs in the catalogs' admin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import login, run_json, snapshot

MALANG = ("--office", "BPPD-MALANG")
SAMSAT = ("--office", "SAMSAT-PTK1")


def test_application_register_show_forward_finish_overdue(capsys, url: str,
                                                          tmp_path: Path) -> None:
    login(url, "petugas")
    pdf = tmp_path / "tanda-terima.pdf"
    code, data, err = run_json(
        capsys, url, "application", "register", "KEBERATAN", *MALANG, "--as", "petugas",
        "--name", "Budi Santoso", "--nik", "3573010101900001", "--subject", "Keberatan SKPD",
        "--amount", "2.500.000", "--received-at", "2026-11-20T10:00+07:00",
        "--pdf", str(pdf))
    assert code == 0, err
    number = data["number"]
    assert number.startswith("BPPD-MALANG/2026/")
    assert (data["due_on"], data["decided_by"], data["status"]) == \
        ("2026-12-01", "Walikota Malang", "received")  # Friday + 7 working days
    assert "TANDA TERIMA PERMOHONAN" in PdfReader(io.BytesIO(pdf.read_bytes())).pages[0]\
        .extract_text()

    code, data, err = run_json(capsys, url, "application", "forward", number, *MALANG,
                               "--to", "Kasubbid Keberatan", "--note", "telaah",
                               "--as", "petugas")
    assert code == 0, err
    assert data["holder"] == "Kasubbid Keberatan" and data["status"] == "in_progress"

    code, data, err = run_json(capsys, url, "application", "overdue", *MALANG,
                               "--at", "2026-12-02T10:00+07:00", "--soon", "2")
    assert code == 0, err
    assert [x["number"] for x in data["overdue"]] == [number]
    assert data["overdue"][0]["overdue_seconds"] == 10 * 3600

    code, data, err = run_json(capsys, url, "application", "finish", number, *MALANG,
                               "--outcome", "rejected", "--note", "terlambat diajukan")
    assert code == 0, err
    assert data["status_text"] == "ditolak"
    code, data, err = run_json(capsys, url, "application", "show", number, *MALANG)
    assert code == 0, err
    assert [s["status"] for s in data["steps"]] == ["received", "in_progress", "rejected"]


def test_complaint_register_step_answer_close_overdue(capsys, url: str) -> None:
    code, data, err = run_json(
        capsys, url, "complaint", "register", *SAMSAT, "--channel", "whatsapp",
        "--text", "Petugas loket 2 tidak ada", "--reporter", "Andi",
        "--received-at", "2026-11-27T10:00+07:00")
    assert code == 0, err
    number = data["number"]
    assert data["due_at"] == "2026-11-30T10:00:00+07:00"  # Friday -> Monday
    assert len(data["steps"]) == 4
    code, data, err = run_json(capsys, url, "complaint", "overdue", *SAMSAT,
                               "--at", "2026-11-30T11:00+07:00")
    assert code == 0, err
    assert [(x["number"], x["overdue_seconds"]) for x in data["overdue"]] == [(number, 3600)]
    code, data, err = run_json(capsys, url, "complaint", "step", number, "1", *SAMSAT)
    assert code == 0, err
    assert data["status"] == "in_progress" and data["steps"][0]["done_at"]
    code, data, err = run_json(capsys, url, "complaint", "answer", number, *SAMSAT,
                               "--text", "Sudah ditegur")
    assert code == 0, err
    code, data, err = run_json(capsys, url, "complaint", "close", number, *SAMSAT,
                               "--resolution", "Jadwal piket diperbaiki")
    assert code == 0, err
    assert data["status"] == "closed" and data["resolution"] == "Jadwal piket diperbaiki"
    code, data, err = run_json(capsys, url, "complaint", "show", number, *SAMSAT)
    assert code == 0 and data["answer"] == "Sudah ditegur"


def test_holiday_add_and_list(capsys, url: str) -> None:
    code, data, err = run_json(capsys, url, "holiday", "add", "2026-04-01", "HUT Kota Malang",
                               *MALANG)
    assert code == 0, err
    assert data == {"day": "2026-04-01", "weekday": "Wed", "name": "HUT Kota Malang",
                    "source": "local", "office": "BPPD-MALANG"}
    code, data, err = run_json(capsys, url, "holiday", "list", "--year", "2026", *MALANG)
    assert code == 0, err
    days = {(d["day"], d["source"]) for d in data["days"]}
    assert ("2026-04-01", "local") in days
    assert ("2026-03-20", "national") in days  # cuti bersama Idul Fitri
    code, data, err = run_json(capsys, url, "holiday", "list", "--year", "2026",
                               "--office", "BAPENDA-BATU")
    assert ("2026-04-01", "local") not in {(d["day"], d["source"]) for d in data["days"]}


@pytest.mark.parametrize("argv", [
    ("application", "register", "NPWPD", *MALANG, "--name", "A", "--subject", "B"),
    ("application", "register", "KEBERATAN", *MALANG, "--name", "A", "--subject", "B"),
    ("application", "register", "KEBERATAN", *MALANG, "--name", "A", "--subject", "B",
     "--amount", "1000", "--received-at", "2026-12-01 10:00"),
    ("application", "register", "KEBERATAN", "--name", "A", "--subject", "B"),  # no office
    ("application", "forward", "BPPD-MALANG/2026/999999", *MALANG, "--to", "X"),
    ("application", "finish", "X", *MALANG, "--outcome", "maybe"),
    ("complaint", "register", *SAMSAT, "--channel", "fax", "--text", "x"),
    ("complaint", "answer", "SAMSAT-PTK1/ADU/2026/000404", *SAMSAT, "--text", "x"),
    ("holiday", "add", "2026-02-30", "Tidak ada"),
    ("holiday", "add", "2026-04-01", " "),
    ("holiday", "list", "--year", "0"),
])
def test_bad_input_exit_2_nothing_changed(capsys, url: str, argv) -> None:
    before = snapshot(url)
    code, data, err = run_json(capsys, url, *argv)
    assert code == 2 and data is None
    assert err.startswith("loket: ") and len(err.strip().splitlines()) == 1
    assert snapshot(url) == before


def test_duplicate_holiday_refused(capsys, url: str) -> None:
    code, _, err = run_json(capsys, url, "holiday", "add", "2026-04-01", "Satu")
    assert code == 0, err
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "holiday", "add", "2026-04-01", "Dua")
    assert code == 2 and "sudah tercatat" in err
    assert snapshot(url) == before
