"""The counter console's station returns plain data from units of work of its own, passes a
refusal unchanged, and says a lost database as ``db.unreachable``: the console never holds
a transaction or meets SQLAlchemy."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app import users
from app.access import Actor
from app.errors import LoketError
from app.queue import engine as q
from app.stations import counter as cs
from app.stations.samsat_desk import SamsatDesk
from app.store import Store
from tests.app.queue.conftest import MONDAY_9
from tests.app.stations.conftest import assert_frozen, assert_plain

OFFICE = "SAMSAT-PTK1"
STNK = "STNK-PERPANJANGAN"
PASSWORD = "rahasia-123"
CHASSIS, ENGINE = "MH1JFM110FK123456", "JFM1E1123456"


def _station(store: Store, counter: str = "CF") -> cs.CounterStation:
    return cs.CounterStation(store, OFFICE, counter, clock=lambda: MONDAY_9)


def _officer(store: Store, name: str = "petugas1") -> cs.Actor:
    with store.uow() as uow:
        info = users.add_user(uow, name, "officer", PASSWORD, actor=Actor("admin"),
                              office_code=OFFICE)
    return cs.Actor(info.username, info.id)


def _issue(store: Store, service: str = STNK) -> str:
    with store.uow() as uow:
        return q.issue_ticket(uow, service, office_code=OFFICE, now=MONDAY_9).ticket


def _checked_at_cf(store: Store, visit_id: int, actor: cs.Actor) -> None:
    """Cek fisik records the numbers (the stage's rule wants them before "Selesai")."""
    SamsatDesk(store, OFFICE, clock=lambda: MONDAY_9).record_check(
        visit_id, chassis=CHASSIS, engine=ENGINE, plate=None, actor=actor)


def test_setup_is_the_counter_its_transfer_targets_and_the_lock(catalog_store: Store) -> None:
    setup = _station(catalog_store, "L1").setup()
    assert_frozen(setup)
    assert_plain(setup)
    assert setup.info.counter_name == "Loket 1 Pendaftaran"
    assert [st.code for st in setup.info.stages] == ["loket-1"]
    assert [c.code for c in setup.info.counters] == ["CF", "L2", "L3"]
    assert setup.info.zone == "WIB" and setup.lock_after_minutes >= 0


def test_an_officer_signs_in_and_serves_a_visit_through_the_station(
        catalog_store: Store) -> None:
    _officer(catalog_store)
    station = _station(catalog_store)
    user = station.sign_in("petugas1", PASSWORD)
    assert_plain(user)
    actor = cs.Actor(user.username, user.id)
    opened = station.set_open(True, actor)
    assert opened
    assert station.call_next(actor) is None  # nobody waiting yet
    ticket = _issue(catalog_store)
    state = station.state()
    assert [e.ticket for e in state.waiting] == [ticket]
    assert (state.current, state.held, state.history) == (None, (), ())

    called = station.call_next(actor)
    assert_frozen(called)
    assert_plain(called)
    assert called is not None and (called.ticket, called.status) == (ticket, "called")
    assert station.recall(actor).recalls == 1
    assert station.start(actor).status == "serving"
    state = station.state()
    assert_frozen(state)
    assert_plain(state)
    assert state.current is not None and state.current.ticket == ticket
    assert state.current.status == "serving" and state.waiting == ()
    assert state.history_visit_id == state.current.visit_id == called.id
    assert [h.action for h in state.history] == ["issued", "called", "recalled", "started"]

    assert station.hold(actor).status == "held"
    state = station.state(state.history_visit_id)
    assert state.current is None and [e.ticket for e in state.held] == [ticket]
    assert state.history[-1].action == "held"  # the visit shown last, still shown
    assert station.resume(ticket, actor).ticket == ticket

    with pytest.raises(LoketError):  # the stage's rule: the cek fisik is not recorded
        station.finish(actor)
    _checked_at_cf(catalog_store, called.id, actor)
    done = station.finish(actor)
    assert_plain(done)
    assert (done.ticket, done.next_stage) == (ticket, "loket-1")
    station.heartbeat()
    station.set_open(False, actor)
    assert station.state().current is None


def test_return_transfer_and_cancel(catalog_store: Store) -> None:
    actor = _officer(catalog_store)
    station = _station(catalog_store)
    ticket = _issue(catalog_store)
    station.call_next(actor)
    back = station.return_to_queue(actor)
    assert_plain(back)
    assert [e.ticket for e in station.state().waiting] == [ticket]
    called = station.call_next(actor)
    assert called is not None
    _checked_at_cf(catalog_store, called.id, actor)
    moved = station.transfer(actor, to_counter="L2")
    assert_plain(moved)
    at_l2 = _station(catalog_store, "L2").state().waiting
    assert [(e.ticket, e.targeted) for e in at_l2] == [(ticket, True)]
    l2 = _station(catalog_store, "L2")
    l2.call_next(actor)
    assert l2.cancel_needs_supervisor() is False  # no STNK bill registered
    cancelled = l2.cancel(actor)
    assert (cancelled.ticket, cancelled.outcome) == (ticket, "cancelled")


def test_requirement_ticks_and_the_incomplete_slip(catalog_store: Store,
                                                   tmp_path: Path) -> None:
    actor = _officer(catalog_store)
    cf, l1 = _station(catalog_store), _station(catalog_store, "L1")
    ticket = _issue(catalog_store)
    called = cf.call_next(actor)
    assert called is not None
    _checked_at_cf(catalog_store, called.id, actor)
    cf.finish(actor)
    l1.call_next(actor)
    current = l1.state().current
    assert current is not None and current.checklist and current.requirements
    first = current.requirements[0]
    states = l1.set_requirement(current.visit_id, first.code, True, actor)
    assert_plain(states)
    assert next(r for r in states if r.code == first.code).checked
    history = l1.state().history
    assert history[-1].action == "requirements"
    assert history[-1].data["requirement_text"] == first.text

    slip = l1.finish_incomplete(actor, folder=tmp_path)
    assert isinstance(slip, cs.SlipResult) and slip.ticket == ticket
    assert first.text not in slip.missing and slip.missing
    assert slip.path is not None and slip.path.parent == tmp_path  # no printer: saved
    assert slip.printed_to is None
    assert PdfReader(slip.path).pages
    assert l1.state().current is None


def test_refusals_pass_unchanged(catalog_store: Store) -> None:
    actor = _officer(catalog_store)
    station = _station(catalog_store)
    with pytest.raises(LoketError) as idle:
        station.finish(actor)
    assert idle.value.key == "queue.counter_idle"
    with pytest.raises(LoketError) as unknown:
        station.set_requirement(999_999, "stnk-asli", True, actor)
    assert unknown.value.key == "desk.unknown_visit"
    with pytest.raises(LoketError) as wrong:
        station.sign_in("petugas1", "salah-sandi")
    assert wrong.value.key == "user.bad_login"
    with pytest.raises(LoketError) as no_boss:
        station.countersign("petugas1", PASSWORD, cs.Act.CANCEL)  # an officer signs nothing
    assert no_boss.value.key == "access.role"


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = cs.CounterStation(lost_store, OFFICE, "CF", clock=lambda: MONDAY_9)
    actor = cs.Actor("petugas1", 1)
    calls = (station.setup, station.state, station.cancel_needs_supervisor,
             lambda: station.sign_in("petugas1", PASSWORD),
             lambda: station.countersign("kepala", PASSWORD, cs.Act.CANCEL),
             lambda: station.set_open(True, actor), station.heartbeat,
             lambda: station.call_next(actor), lambda: station.recall(actor),
             lambda: station.start(actor), lambda: station.skip(actor),
             lambda: station.hold(actor), lambda: station.resume("A-001", actor),
             lambda: station.transfer(actor, to_stage="loket-1"),
             lambda: station.return_to_queue(actor), lambda: station.finish(actor),
             lambda: station.cancel(actor), lambda: station.close_incomplete(actor),
             lambda: station.cancel_by_supervisor(actor, supervisor=("kepala", PASSWORD),
                                                  reason="batal"),
             lambda: station.finish_incomplete(actor),
             lambda: station.set_requirement(1, "stnk-asli", True, actor))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
