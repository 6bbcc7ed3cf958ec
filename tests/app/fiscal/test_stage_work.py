"""The tax clearance desk through the queue (both databases): a visit leaves its stage as
done only with its clearance check logged; a check for a visit is done by the counter
calling or serving it (a supervisor may override, audited)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.access import Actor
from app.errors import LoketError
from app.fiscal import clearance
from app.queue import engine as q
from app.store import Store
from db.models import Visit
from tests.app import desk as desks
from tests.helpers import login, run_json, snapshot

FO, MALANG = "BAPENDA-BANTEN-FO", "BPPD-MALANG"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # Tuesday 10:00 WIB
NIK = "3603011203850001"


class Desk(desks.Desk):
    """The clearance desk FO1 (see tests/app/desk.py)."""

    def __init__(self, store: Store, url: str) -> None:
        super().__init__(store, url, NOW)

    def finish(self, office: str = FO, counter: str = "FO1") -> q.FinishInfo:
        return super().finish(office, counter)

    def check(self, visit_id: int | None, officer: str = "rina", office: str = FO,
              override: bool = False) -> clearance.CheckResult:
        with self.store.uow() as uow:
            return clearance.check(uow, "nik", NIK, purpose="Izin usaha (SIPEKA)",
                                   officer=Actor(officer), office_code=office,
                                   visit_id=visit_id,
                                   now=NOW, override=override)


@pytest.fixture
def desk(catalog_db_url: str) -> Iterator[Desk]:
    with Store.open(catalog_db_url) as store:
        yield Desk(store, catalog_db_url)


def test_a_visit_leaves_only_with_its_check_logged(desk: Desk) -> None:
    visit = desk.issue(FO, "TAX-CLEARANCE")
    desk.call(FO, "FO1", visit.ticket)
    err = desk.refused(desk.finish)
    assert err.key == "work.missing"
    assert err.message() == (
        f"{visit.ticket} belum bisa meninggalkan tahap Meja Front Office Bapenda: "
        f"pemeriksaan tunggakan untuk {visit.ticket} belum dicatat (Periksa)")
    desk.check(None)  # a check for nobody's visit is not this visit's
    assert desk.refused(desk.finish).key == "work.missing"
    result = desk.check(visit.id)
    assert result.result == "no-data"  # nothing imported yet: the check is still the record
    assert desk.finish().outcome == "done"
    with desk.store.uow(read_only=True) as uow:
        assert uow.session.get(Visit, visit.id).status.value == "done"


def test_a_check_for_a_waiting_visit_is_refused_and_a_supervisor_may_override(
        desk: Desk) -> None:
    visit = desk.issue(FO, "TAX-CLEARANCE")
    err = desk.refused(lambda: desk.check(visit.id))
    assert err.key == "work.not_here"
    assert err.message().startswith(f"Pemeriksaan fiskal untuk {visit.ticket} hanya bisa")
    assert err.message().endswith("sedang menunggu di tahap Meja Front Office Bapenda")
    before = snapshot(desk.url)  # an officer may not override: only the refusal is kept
    with pytest.raises(LoketError) as refused:
        desk.check(visit.id, override=True)
    assert snapshot(desk.url) == {**before, "audit_log": before["audit_log"] + 1}
    denied = "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya: "
    assert refused.value.key == "access.role" and refused.value.message().startswith(denied)
    assert "supervisor" in refused.value.message().removeprefix(denied)
    desk.check(visit.id, officer="kepala", override=True)
    (entry,) = desk.overrides()
    assert entry.actor == "kepala" and entry.entity_id == str(visit.id)
    assert entry.before == {"status": "waiting", "stage": "fo-bapenda", "counter": None}


def test_a_check_for_a_visit_at_another_desk_is_refused(desk: Desk) -> None:
    visit = desk.issue(MALANG, "PEMBAYARAN")
    desk.call(MALANG, "L3", visit.ticket)  # the payment desk does no clearance checks
    err = desk.refused(lambda: desk.check(visit.id, office=MALANG))
    assert err.key == "work.not_here" and "sedang dipanggil di Loket 3 Pembayaran" in \
        err.message()


def test_the_command_for_a_waiting_visit_exits_2(capsys, url: str) -> None:
    """At the wrong desk nothing changes; an officer's override is refused for the role and
    only that refusal is kept (app/access.py); a supervisor's override is done."""
    with Store.open(url) as store:
        Desk(store, url)
    code, ticket, err = run_json(capsys, url, "ticket", "issue", "TAX-CLEARANCE",
                                 "--office", FO)
    assert code == 0, err
    argv = ("fiscal", "check", "--office", FO, "--nik", NIK, "--purpose", "Izin usaha",
            "--ticket", ticket["ticket"])
    login(url, "rina")  # the officer signed in on this PC
    for extra, expected, kept in (
            ((), "sedang menunggu", 0),
            (("--override",),
             "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya", 1)):
        before = snapshot(url)
        code, out, err = run_json(capsys, url, *argv, *extra)
        assert code == 2 and out is None and len(err.strip().splitlines()) == 1, err
        assert expected in err
        assert snapshot(url) == {**before, "audit_log": before["audit_log"] + kept}
    login(url, "kepala")
    code, data, err = run_json(capsys, url, *argv, "--override")
    assert code == 0 and data["officer"] == "kepala", err
