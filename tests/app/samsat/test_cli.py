"""``loket samsat ...``: the STNK flow from the command line."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from app import users
from app.desk import visit as desk
from app.queue.engine import Actor
from app.store import Store
from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, OFFICE, PLATE, RENEWAL_REQUIREMENTS
from tests.helpers import login, run_json, snapshot

AS = ("--office", OFFICE, "--as", "petugas1")


def _register(capsys, url: str) -> None:
    with Store.open(url) as store, store.uow() as uow:
        users.add_user(uow, "petugas1", "officer", "rahasia-123", actor=Actor("admin"),
                       office_code=OFFICE)
    login(url, "petugas1")
    code, person, err = run_json(capsys, url, "samsat", "person", "add", "--nik", NIK,
                                 "--name", "Budi Santoso", *AS)
    assert code == 0, err
    assert person["nik"] == NIK
    code, vehicle, err = run_json(
        capsys, url, "samsat", "vehicle", "add", "--plate", "kb 1234 ab", "--category", "R2",
        "--swdkllj-class", "motor-250", "--njkb", "15.000.000", "--tax-due-on", "2026-11-01",
        "--stnk-valid-until", "2029-11-01", "--chassis", CHASSIS, "--engine", ENGINE,
        "--owner-nik", NIK, "--make", "Honda", *AS)
    assert code == 0, err
    assert vehicle["plate"] == PLATE


def _queue(capsys, url: str, *argv: str) -> dict:
    code, data, err = run_json(capsys, url, "ticket", *argv, *AS)
    assert code == 0, err
    return data


def test_the_flow_from_the_command_line(capsys, url: str, tmp_path: Path) -> None:
    _register(capsys, url)
    code, shown, _ = run_json(capsys, url, "samsat", "vehicle", "show", "--plate", "KB1234AB",
                              *AS)
    assert code == 0 and shown["owner"]["name"] == "Budi Santoso"
    ticket = _queue(capsys, url, "issue", "STNK-PERPANJANGAN")["ticket"]
    _queue(capsys, url, "call-next", "--counter", "CF")
    code, check, err = run_json(capsys, url, "samsat", "check", "--ticket", ticket,
                                "--chassis", CHASSIS, "--engine", "JFM1E0000000", *AS)
    assert code == 0, err
    assert check["passed"] is False and check["engine_match"] is False
    _queue(capsys, url, "finish", "--counter", "CF")
    _queue(capsys, url, "call-next", "--counter", "L1")
    with Store.open(url) as store:
        with store.uow(read_only=True) as uow:
            from app.samsat.flow import visit_id_for_ticket

            visit_id = visit_id_for_ticket(uow, ticket, office_code=OFFICE)
        for code_ in RENEWAL_REQUIREMENTS:
            with store.uow() as uow:
                desk.set_requirement(uow, visit_id, code_, True, actor=Actor("petugas1"))

    # the mismatch stops loket 1: exit 2, one line, nothing changed
    before = snapshot(url)
    code, out, err = run_json(capsys, url, "samsat", "register", "--ticket", ticket,
                              "--plate", PLATE, "--nik", NIK, *AS)
    assert code == 2 and out is None
    assert err.count("\n") == 1 and "cek fisik tidak sesuai" in err and "JFM1E0000000" in err
    assert snapshot(url) == before
    code, case, _ = run_json(capsys, url, "samsat", "case", "--ticket", ticket, *AS)
    assert code == 0 and "nomor mesin" in case["stop_reason"]

    # a new cek fisik belongs to the cek fisik stage: loket 1 sends the visit back there
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "samsat", "check", "--ticket", str(visit_id),
                            "--chassis", CHASSIS, "--engine", ENGINE, "--plate", PLATE, *AS)
    assert code == 2 and err.count("\n") == 1 and "Loket 1 Pendaftaran" in err
    assert snapshot(url) == before
    _queue(capsys, url, "transfer", "--counter", "L1", "--to-stage", "cek-fisik")
    _queue(capsys, url, "call-next", "--counter", "CF")
    code, _, err = run_json(capsys, url, "samsat", "check", "--ticket", str(visit_id),
                            "--chassis", CHASSIS, "--engine", ENGINE, "--plate", PLATE, *AS)
    assert code == 0, err
    _queue(capsys, url, "finish", "--counter", "CF")
    assert _queue(capsys, url, "call-next", "--counter", "L1")["ticket"] == ticket
    code, case, err = run_json(capsys, url, "samsat", "register", "--ticket", ticket,
                               "--plate", PLATE, "--nik", NIK, *AS)
    assert code == 0, err
    assert case["status"] == "registered" and case["stop_reason"] is None
    _queue(capsys, url, "finish", "--counter", "L1")
    _queue(capsys, url, "call-next", "--counter", "L2")

    before = snapshot(url)
    code, _, err = run_json(capsys, url, "samsat", "pay", "--ticket", ticket, "--method",
                            "transfer", *AS)
    assert code == 2 and "referensi" in err and snapshot(url) == before
    code, paid, err = run_json(capsys, url, "samsat", "pay", "--ticket", ticket, "--method",
                               "transfer", "--reference", "TRF-77", "--pdf-dir",
                               str(tmp_path), *AS)
    assert code == 0, err
    total = Decimal(paid["total"])
    assert total == sum(Decimal(ln["amount"]) for ln in paid["lines"]) > 0
    assert paid["reference"] == "TRF-77" and paid["tax_due_on"] == "2027-11-01"
    text = " ".join(PdfReader(io.BytesIO(Path(paid["skpd_pdf"]).read_bytes())).pages[0]
                    .extract_text().split())
    assert PLATE in text
    code, _, err = run_json(capsys, url, "samsat", "pay", "--ticket", ticket, "--method",
                            "cash", *AS)
    assert code == 2 and "sudah dibayar" in err
    _queue(capsys, url, "finish", "--counter", "L2")
    _queue(capsys, url, "call-next", "--counter", "L3")

    code, _, err = run_json(capsys, url, "samsat", "handover", "--ticket", ticket, "--to",
                            "Budi Santoso", "--endorsed", *AS)
    assert code == 2 and "disahkan dan dicap" in err
    code, handed, err = run_json(capsys, url, "samsat", "handover", "--ticket", ticket,
                                 "--to", "Budi Santoso", "--endorsed", "--stamped", *AS)
    assert code == 0, err
    assert handed["timing"]["standard_minutes"] == 30
    assert handed["timing"]["verdict"] in ("within", "over")

    pdf = tmp_path / "rekap.pdf"
    code, recap, err = run_json(capsys, url, "samsat", "recap", "--officer", "petugas1",
                                "--pdf", str(pdf), *AS)
    assert code == 0, err
    assert Decimal(recap["total"]) == total and recap["count"] == 1
    assert [m["count"] for m in recap["methods"]] == [0, 1, 0]
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run_json(capsys, url, "samsat", "recap", "--officer", "petugas1",
                            "--date", "31-02-2026", *AS)
    assert code == 2 and "tanggal tidak sah" in err


def test_vehicle_show_refusals(capsys, url: str) -> None:
    code, _, err = run_json(capsys, url, "samsat", "vehicle", "show", "--plate", "KB 9 Z", *AS)
    assert code == 2 and "belum terdaftar" in err
    code, _, err = run_json(capsys, url, "samsat", "vehicle", "show", "--plate", "12345", *AS)
    assert code == 2 and err.startswith("loket: ")
