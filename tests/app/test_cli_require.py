"""``loket ticket require``: the loket 1 checklist from the command line."""

from __future__ import annotations

from tests.helpers import login, run_json, snapshot

OFFICE = "SAMSAT-PTK1"


def test_tick_untick_and_refuse_an_unknown_requirement(capsys, url: str) -> None:
    code, issued, _ = run_json(capsys, url, "ticket", "issue", "STNK-PERPANJANGAN",
                               "--office", OFFICE)
    assert code == 0
    ticket = issued["ticket"]
    login(url, "petugas")  # an officer of the office's loket 1
    code, data, _ = run_json(capsys, url, "ticket", "require", ticket, "stnk-asli",
                             "identitas-asli", "--office", OFFICE, "--as", "petugas")
    assert code == 0 and data["visit_id"] == issued["id"]
    ticked = {r["code"] for r in data["requirements"] if r["checked"]}
    assert ticked == {"stnk-asli", "identitas-asli"}
    code, data, _ = run_json(capsys, url, "ticket", "require", ticket, "stnk-asli",
                             "--uncheck", "--office", OFFICE)
    assert {r["code"] for r in data["requirements"] if r["checked"]} == {"identitas-asli"}
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "ticket", "require", ticket, "bpkb-asli",
                            "--office", OFFICE)
    assert code == 2 and "bpkb-asli" in err and snapshot(url) == before
