"""``loket perforation ...``: request, count on a simulated machine, reconcile, pick-up with
its PDF, stock book as JSON and PDF; bad input exits 2 having changed nothing."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from app.access import Actor
from devices.perforator_sim import PerforatorSimulator
from tests.helpers import login, run_json, snapshot

OFFICE = ("--office", "BPPD-MALANG")
REQUEST = ("perforation", "request", *OFFICE, "--npwpd", "P.2.0001234.01.02",
           "--name", "Rumah Makan Sederhana", "--media", "bon", "--series", "BON-A",
           "--first", "1", "--last", "500", "--sheets", "500", "--face-value", "5.000")


def _text(path: Path) -> str:
    return " ".join(PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text().split())


def test_the_whole_flow_on_the_command_line(capsys, url: str, tmp_path: Path) -> None:
    code, data, err = run_json(capsys, url, *REQUEST)
    assert code == 0, err
    number = data["number"]
    assert data["status"] == "requested" and data["face_total"] == "2500000"
    sim = PerforatorSimulator(600_000.0, keepalive=0.1)
    sim.start_tcp()
    try:
        code, data, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                                   "--device", f"perforator+tcp://{sim.address}?timeout=0.5")
    finally:
        sim.stop()
    assert code == 0, err
    assert data["state"] == "done" and data["counted"] == 500
    code, data, err = run_json(capsys, url, "perforation", "reconcile", number, *OFFICE,
                               "--damaged", "2")
    assert code == 0, err
    assert (data["short"], data["damaged"], data["good"], data["result"]) == (0, 2, 498,
                                                                            "selisih")
    form = tmp_path / "ambil.pdf"
    code, data, err = run_json(capsys, url, "perforation", "pickup", number, *OFFICE,
                               "--by", "Siti Aminah", "--pdf", str(form))
    assert code == 0, err
    assert data["status"] == "picked_up" and data["pdf"] == str(form)
    text = _text(form)
    assert number in text and "Siti Aminah" in text and "498" in text
    code, data, err = run_json(capsys, url, "perforation", "stock", *OFFICE,
                               "--npwpd", "P.2.0001234.01.02")
    assert code == 0, err
    assert data["sheets"] == 498 and data["value"] == "2490000"
    assert data["groups"][0]["entries"][0]["number"] == number
    book = tmp_path / "buku.pdf"
    code, data, err = run_json(capsys, url, "perforation", "stock", *OFFICE,
                               "--npwpd", "P.2.0001234.01.02", "--pdf", str(book))
    assert code == 0 and "Rp2.490.000" in _text(book)


def test_a_device_failure_exits_1_and_the_request_stays_countable(capsys, url: str) -> None:
    code, data, _ = run_json(capsys, url, *REQUEST)
    number = data["number"]
    code, data, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                               "--device", "perforator+tcp://127.0.0.1:9?timeout=0.3")
    assert code == 1 and data["state"] == "failed" and "mesin perforasi" in err
    code, data, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                               "--manual", "500", "--note", "mesin rusak, dihitung tangan")
    assert code == 0, err
    assert data["request"]["count_source"] == "manual" and data["counted"] == 500


def test_count_end_aborts_the_open_job(capsys, url: str) -> None:
    code, data, _ = run_json(capsys, url, *REQUEST)
    number = data["number"]
    sim = PerforatorSimulator(600_000.0, faults="jam@101", keepalive=0.1)
    sim.start_tcp()
    device = f"perforator+tcp://{sim.address}?timeout=0.5"
    try:
        code, data, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                                   "--device", device)
        assert code == 1 and data["state"] == "stopped" and "macet" in err
        code, data, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                                   "--device", device, "--end")
        assert code == 0, err
        assert data["state"] == "aborted" and data["counted"] == 100
    finally:
        sim.stop()
    code, _, err = run_json(capsys, url, "perforation", "count", number, *OFFICE,
                            "--manual", "5", "--end")
    assert code == 2 and "--device" in err


def test_bad_input_exits_2_and_changes_nothing(capsys, url: str) -> None:
    before = snapshot(url)
    bad = list(REQUEST)
    bad[bad.index("--sheets") + 1] = "499"
    code, data, err = run_json(capsys, url, *bad)
    assert code == 2 and data is None
    assert "jumlah lembar (499) tidak sama" in err and err.count("\n") == 1
    code, _, err = run_json(capsys, url, "perforation", "reconcile", "PRF-2026-00009",
                            *OFFICE)
    assert code == 2 and "tidak ditemukan" in err
    code, _, err = run_json(capsys, url, "perforation", "stock", *OFFICE, "--npwpd", "12")
    assert code == 2 and "NPWPD" in err
    assert snapshot(url) == before


def test_media_list(capsys, url: str) -> None:
    import json

    from app.cli import main

    assert main(["perforation", "media", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == ["bon", "parkir", "hiburan", "reklame"]


def test_a_request_and_its_count_for_a_waiting_visit_are_refused(capsys, url: str) -> None:
    from sqlalchemy import select

    from app import users
    from app.store import Store
    from db.models import AuditEntry

    with Store.open(url) as store:
        for name, role in (("rina", "officer"), ("kepala", "supervisor")):
            with store.uow() as uow:
                users.add_user(uow, name, role, "rahasia-123", actor=Actor("admin"))
    code, ticket, err = run_json(capsys, url, "ticket", "issue", "PERFORASI", *OFFICE)
    assert code == 0, err

    def refused(*argv: str, access: str | None = None) -> str:
        """Exit 2, one line, nothing changed; ``access``: the act app/access.py refused,
        whose ``access.refused`` audit entry is then the one thing kept."""
        before = snapshot(url)
        code, out, err = run_json(capsys, url, *argv)
        assert code == 2 and out is None and len(err.strip().splitlines()) == 1, err
        if access is None:
            assert snapshot(url) == before
        else:
            assert snapshot(url) == {**before, "audit_log": before["audit_log"] + 1}
            with Store.open(url) as store, store.uow(read_only=True) as uow:
                entry = uow.session.scalars(
                    select(AuditEntry).order_by(AuditEntry.id.desc())).first()
                assert (entry.action, entry.after["act"]) == ("access.refused", access)
        return err

    # an officer asking for an override (a supervisor's act) is refused by app/access.py
    not_an_override = "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya"
    request = (*REQUEST, "--ticket", ticket["ticket"], "--as")
    login(url, "rina")
    err = refused(*request, "rina")
    assert f"Perforasi untuk {ticket['ticket']} hanya bisa dilakukan" in err
    assert "sedang menunggu di tahap Loket Perforasi" in err
    assert not_an_override in refused(*request, "rina", "--override", access="override")
    login(url, "kepala")
    code, data, err = run_json(capsys, url, *request, "kepala", "--override")
    assert code == 0 and data["visit_id"] == ticket["id"], err
    count = ("perforation", "count", data["number"], *OFFICE, "--manual", "500", "--note",
             "mesin mati", "--as")
    login(url, "rina")
    assert "sedang menunggu" in refused(*count, "rina")
    assert not_an_override in refused(*count, "rina", "--override", access="override")
    login(url, "kepala")
    code, counted, err = run_json(capsys, url, *count, "kepala", "--override")
    assert code == 0 and counted["counted"] == 500, err
    with Store.open(url) as store, store.uow(read_only=True) as uow:
        actors = uow.session.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "work.override")).all()
    assert actors == ["kepala", "kepala"]
