"""The perforation desk through the queue (both databases): a visit leaves its stage as done
only with its request registered and, counted while it waits, its sheets counted; the work
for a visit is done by the counter calling or serving it (a supervisor may override,
audited); the valuables of a closed visit are counted by anyone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.access import Actor
from app.errors import LoketError
from app.perforation import service
from app.perforation.counting import count_request, end_count
from app.queue import engine as q
from app.store import Store
from db.models import AuditEntry
from devices.perforator_sim import PerforatorSimulator
from tests.app import desk as desks
from tests.app.perforation.conftest import BATU, MALANG, NOW, request_fields
from tests.helpers import as_actor, snapshot

LATER = NOW + timedelta(minutes=5)
FAST = 600_000.0  # sheets per minute
# an officer overriding is refused in the words of app/access.py (then: the least role)
DENIED = "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya: "


class Desk(desks.Desk):
    """The perforation desk: requests and counts for a visit (see tests/app/desk.py)."""

    def __init__(self, store: Store, url: str) -> None:
        super().__init__(store, url, NOW)

    def request(self, visit_id: int | None, office: str = MALANG, actor: str = "rina",
                override: bool = False) -> service.RequestInfo:
        with self.store.uow() as uow:
            return service.create_request(uow, office_code=office, actor=as_actor(actor), now=NOW,
                                          visit_id=visit_id, override=override,
                                          **request_fields())

    def manual(self, number: str, actor: str = "rina",
               override: bool = False) -> service.RequestInfo:
        with self.store.uow() as uow:
            return service.record_manual_count(uow, number, "1000", note="mesin mati",
                                               actor=as_actor(actor), now=NOW, override=override)

    def denied(self, action: Callable[[], object]) -> LoketError:
        """``action`` is refused for the person's role: nothing changes but the one
        ``access.refused`` entry of the audit log (app/access.py)."""
        before = snapshot(self.url)
        with pytest.raises(LoketError) as err:
            action()
        assert snapshot(self.url) == {**before, "audit_log": before["audit_log"] + 1}
        with self.store.uow(read_only=True) as uow:
            last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "access.refused"
        return err.value


@pytest.fixture
def desk(catalog_db_url: str) -> Iterator[Desk]:
    with Store.open(catalog_db_url) as store:
        yield Desk(store, catalog_db_url)


@pytest.fixture
def machine() -> Iterator[PerforatorSimulator]:
    sim = PerforatorSimulator(FAST, faults="jam@500", keepalive=0.1)
    sim.start_tcp()
    try:
        yield sim
    finally:
        sim.stop()


def _conn(sim: PerforatorSimulator) -> str:
    return f"perforator+tcp://{sim.address}?timeout=0.5"


# --- leaving the stage -------------------------------------------------------------------


def test_a_visit_leaves_only_with_its_sheets_counted(desk: Desk) -> None:
    visit = desk.issue(MALANG, "PERFORASI")  # Malang: 15 minutes per 1,000 sheets
    desk.call(MALANG, "L4", visit.ticket)
    err = desk.refused_finish(MALANG, "L4")
    assert err.message().endswith(
        f"belum ada permohonan perforasi untuk {visit.ticket} (Simpan permohonan)")
    withdrawn = desk.request(visit.id)
    with desk.store.uow() as uow:
        # withdrawing a request is a cancellation: a supervisor's (app/access.py)
        service.cancel(uow, withdrawn.number, reason="salah seri", actor=Actor("kepala"), now=NOW)
    desk.refused_finish(MALANG, "L4")  # a withdrawn request is no request
    info = desk.request(visit.id)
    err = desk.refused_finish(MALANG, "L4")
    assert f"lembar permohonan {info.number} belum selesai dihitung (diajukan)" in \
        err.message()
    assert f"the sheets of request {info.number} are not all counted" in err.message("en")
    assert desk.manual(info.number).status == "counted"
    assert desk.finish(MALANG, "L4").outcome == "done" and desk.status(visit.id) == "done"


def test_counted_on_the_machine_the_visit_leaves(desk: Desk,
                                                 machine: PerforatorSimulator) -> None:
    visit = desk.issue(MALANG, "PERFORASI")
    desk.call(MALANG, "L4", visit.ticket)
    info = desk.request(visit.id)
    stopped = count_request(desk.store, info.number, _conn(machine), actor=Actor("rina"), now=NOW)
    assert stopped.state == "stopped"  # the jam at sheet 500
    err = desk.refused_finish(MALANG, "L4")
    assert "(hitungan terhenti)" in err.message()
    done = count_request(desk.store, info.number, _conn(machine), actor=Actor("rina"), now=NOW)
    assert done.done and done.counted == 1000
    assert desk.finish(MALANG, "L4").outcome == "done"


def test_a_request_of_days_leaves_uncounted_and_is_counted_later(desk: Desk) -> None:
    visit = desk.issue(BATU, "PERFORASI")  # Batu: one to three days
    desk.call(BATU, "L3", visit.ticket)
    desk.refused_finish(BATU, "L3")
    info = desk.request(visit.id, BATU)
    assert desk.finish(BATU, "L3").outcome == "done"
    # the visit has left: counting later is back-office work, nothing is asked
    assert desk.manual(info.number).status == "counted"
    assert desk.overrides(visit.id) == []


# --- acting for a visit ------------------------------------------------------------------


def test_a_request_for_a_waiting_visit_is_refused_and_a_supervisor_may_override(
        desk: Desk) -> None:
    visit = desk.issue(MALANG, "PERFORASI")
    err = desk.refused(lambda: desk.request(visit.id))
    assert err.key == "work.not_here"
    assert err.message() == (
        f"Perforasi untuk {visit.ticket} hanya bisa dilakukan oleh loket yang sedang "
        f"memanggil atau melayani nomor itu; {visit.ticket} sedang menunggu di tahap "
        "Loket Perforasi")
    err = desk.denied(lambda: desk.request(visit.id, override=True))
    assert err.key == "access.role" and err.message().startswith(DENIED)
    assert "supervisor" in err.message().removeprefix(DENIED)
    info = desk.request(visit.id, actor=Actor("kepala"), override=True)
    assert info.visit_id == visit.id
    (entry,) = desk.overrides(visit.id)
    assert entry.actor == "kepala" and entry.after == {"work": "perforation",
                                                       "ticket": visit.ticket}


def test_a_request_for_a_visit_at_another_desk_is_refused(desk: Desk) -> None:
    visit = desk.issue(MALANG, "NPWPD")
    desk.call(MALANG, "L1", visit.ticket)  # the pelayanan desk does no perforation
    err = desk.refused(lambda: desk.request(visit.id))
    assert err.key == "work.not_here" and "sedang dipanggil di Loket 1 Pelayanan" in \
        err.message()


def test_counting_for_a_visit_back_in_the_queue_is_refused(desk: Desk,
                                                           machine: PerforatorSimulator) -> None:
    visit = desk.issue(MALANG, "PERFORASI")
    desk.call(MALANG, "L4", visit.ticket)
    info = desk.request(visit.id)
    assert count_request(desk.store, info.number, _conn(machine), actor=Actor("rina"),
                         now=NOW).state == "stopped"
    with desk.store.uow() as uow:
        q.return_to_queue(uow, "L4", office_code=MALANG, actor=q.Actor("rina"), now=NOW)
    received = len(machine.received)
    for act in (lambda **kw: count_request(desk.store, info.number, _conn(machine), now=NOW,
                                           **kw),
                lambda **kw: end_count(desk.store, info.number, _conn(machine), now=NOW,
                                       **kw),
                lambda **kw: desk.manual(info.number, **kw)):
        err = desk.refused(lambda act=act: act(actor=Actor("rina")))
        assert err.key == "work.not_here" and "sedang menunggu" in err.message()
        err = desk.denied(lambda act=act: act(actor=Actor("rina"), override=True))
        assert err.key == "access.role" and err.message().startswith(DENIED)
        assert "supervisor" in err.message().removeprefix(DENIED)
    assert len(machine.received) == received  # the machine was never asked
    ended = end_count(desk.store, info.number, _conn(machine), actor=Actor("kepala"), now=NOW,
                      override=True)
    assert ended.state == "aborted" and ended.counted == 499
    assert [e.actor for e in desk.overrides(visit.id)] == ["kepala"]
