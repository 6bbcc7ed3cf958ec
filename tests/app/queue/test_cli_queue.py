"""``loket ticket ...`` and ``loket queue ...``: the documented JSON, and exit 2 on refusals."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.store import Store
from tests.helpers import run_json, snapshot

OFFICE = ["--office", "SAMSAT-PTK1"]


run = run_json


def test_issue_call_finish_through_the_stages(capsys, url: str) -> None:
    code, issued, _ = run(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN", *OFFICE)
    assert code == 0
    assert {k: issued[k] for k in ("ticket", "service", "stage", "ahead", "eta_minutes")} == {
        "ticket": "A-001", "service": "STNK-PERPANJANGAN", "stage": "cek-fisik", "ahead": 0,
        "eta_minutes": 0}
    _, second, _ = run(capsys, url, "ticket", "issue", "STNK-HILANG", *OFFICE, "--priority", "anak")
    assert (second["ticket"], second["priority"]) == ("B-001", "anak")
    _, call, _ = run(capsys, url, "ticket", "call-next", "--counter", "CF", *OFFICE)
    assert {k: call[k] for k in ("id", "ticket", "stage", "counter")} == {
        "id": second["id"], "ticket": "B-001", "stage": "cek-fisik", "counter": "CF"}
    # cek fisik's rule: the numbers are recorded before the visit moves on
    before = snapshot(url)
    code, _, err = run(capsys, url, "ticket", "finish", "--counter", "CF", *OFFICE)
    assert code == 2 and err.count("\n") == 1 and "cek fisik B-001 belum disimpan" in err
    assert snapshot(url) == before
    code, _, err = run(capsys, url, "samsat", "check", "--ticket", "B-001", "--chassis",
                       "MH1JFM110FK123456", "--engine", "JFM1E1123456", *OFFICE)
    assert code == 0, err
    _, done, _ = run(capsys, url, "ticket", "finish", "--counter", "CF", *OFFICE)
    assert (done["ticket"], done["next_stage"]) == ("B-001", "loket-1")
    _, status, _ = run(capsys, url, "queue", "status", *OFFICE)
    waiting = {s["stage"]: s["waiting"] for s in status["stages"]}
    assert waiting == {"cek-fisik": 1, "loket-1": 1, "loket-2": 0, "loket-3": 0}
    _, nobody, _ = run(capsys, url, "ticket", "call-next", "--counter", "L2", *OFFICE)
    assert nobody == {"ticket": None}


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ticket", "finish", "--counter", "L1", *OFFICE], "tidak sedang melayani"),
        (["ticket", "issue", "NOPE", *OFFICE], "layanan 'NOPE' tidak ada"),
        (["ticket", "call-next", "--counter", "L9", *OFFICE], "loket 'L9' tidak ada"),
        (["ticket", "issue", "STNK-HILANG", *OFFICE, "--priority", "vip"], "alasan prioritas"),
        (["ticket", "issue", "STNK-HILANG"], "sebutkan dengan --office"),
        (["ticket", "finish", "--counter", "CF", "--outcome", "x", *OFFICE], "hasil 'x'"),
        (["appointment", "book", "STNK-HILANG", "--at", "besok", "--code", "K1", *OFFICE],
         "waktu 'besok' tidak valid"),
    ],
)
def test_refusals_exit_2_and_change_nothing(capsys, url: str, argv, needle) -> None:
    before = snapshot(url)
    code, out, err = run(capsys, url, *argv)
    assert code == 2
    assert out is None
    assert err.count("\n") == 1
    assert needle in err
    assert snapshot(url) == before


def test_closed_office_exits_2(capsys, url: str) -> None:
    assert run(capsys, url, "queue", "close-day", *OFFICE)[0] == 0
    code, _, err = run(capsys, url, "ticket", "issue", "STNK-HILANG", *OFFICE)
    assert code == 2
    assert "sedang tutup" in err
    assert run(capsys, url, "queue", "open-day", *OFFICE)[0] == 0
    assert run(capsys, url, "ticket", "issue", "STNK-HILANG", *OFFICE)[0] == 0


def test_watch_recovers_silent_counters_and_prints_events(capsys, url: str) -> None:
    from datetime import timedelta

    from app.clock import utcnow
    from app.queue import engine as q_

    long_ago = utcnow() - timedelta(minutes=30)
    with Store.open(url) as store:
        with store.uow() as uow:
            q_.issue_ticket(uow, "STNK-HILANG", office_code="SAMSAT-PTK1", now=long_ago)
        with store.uow() as uow:
            q_.call_next(uow, "CF", office_code="SAMSAT-PTK1", now=long_ago)
    code = main(["--db", url, "queue", "watch", *OFFICE, "--for", "1.5"])
    out, _ = capsys.readouterr()
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert [(e["kind"], e["ticket"], e["status"]) for e in events] == [
        ("ticket.recovered", "B-001", "waiting")]
