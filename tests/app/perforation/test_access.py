"""Who may act on perforation requests (app/access.py), on SQLite and PostgreSQL.

A request, a count (by hand or on the machine) and the pick-up are counter work (an
officer); withdrawing a request is a cancellation and reconciling the count books the stock
of valuables (a supervisor's). A refusal changes nothing but the one ``access.refused``
row of the audit log, says the act in Indonesian, and a refused count never reaches the
machine. What is allowed is audited with the person's user id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.access import Actor
from app.errors import LoketError
from app.i18n import tr
from app.perforation import service
from app.perforation.counting import _default_opener, count_request, end_count
from app.store import Store
from db.models import Office
from db.models_perforation import PerforationRequest
from devices.perforator_sim import PerforatorSimulator
from tests.app.perforation.conftest import MALANG, NOW
from tests.helpers import as_actor, last_entry, only_the_refusal_is_kept, user_id

OFFICER, SUPERVISOR = "petugas", "pengawas"  # the catalogs' users (tests/conftest.py)
LATER = NOW + timedelta(minutes=10)


@pytest.fixture
def machine() -> Iterator[PerforatorSimulator]:
    sim = PerforatorSimulator(600_000.0, keepalive=0.1)
    sim.start_tcp()
    try:
        yield sim
    finally:
        sim.stop()


def _conn(sim: PerforatorSimulator) -> str:
    return f"perforator+tcp://{sim.address}?timeout=0.5"



def _office_id(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        found = uow.session.scalar(select(Office.id).where(Office.code == MALANG))
    assert found is not None
    return found




def _refused(store: Store, url: str, action: Callable[[], object], *, actor: str, act: str,
             reason: str) -> LoketError:
    """``action`` is refused: nothing changes but one ``access.refused`` audit row naming
    who tried which act, why, at the office of the request."""
    err, entry = only_the_refusal_is_kept(store, url, action)
    assert (entry.action, entry.actor, entry.office_id) == ("access.refused", actor,
                                                           _office_id(store))
    assert entry.after["act"] == act and entry.after["reason"] == reason
    return err


def _role_refused(store: Store, url: str, action: Callable[[], object], *, act: str,
                  least: str = "supervisor") -> None:
    """The officer is refused ``act`` in Indonesian words: who, the act, the least role."""
    err = _refused(store, url, action, actor=OFFICER, act=act, reason="role")
    assert err.key == "access.role"
    message = err.message("id")
    assert message.startswith(f"petugas (petugas) tidak boleh {tr(f'access.act.{act}', 'id')}")
    assert least in message.split(":", 1)[1]
    assert last_entry(store).user_id == user_id(store, OFFICER)


def _unknown_refused(store: Store, url: str, action: Callable[[], object]) -> None:
    err = _refused(store, url, action, actor="x", act="counter_work", reason="unknown")
    assert err.key == "access.unknown"
    assert err.message("id") == ("'x' bukan pengguna Loket; masuk dengan nama pengguna yang "
                                 "terdaftar")
    assert last_entry(store).user_id is None


def _counted(store: Store, ref: str) -> service.RequestInfo:
    with store.uow() as uow:
        return service.record_manual_count(uow, ref, "1000", note="dihitung manual",
                                           actor=Actor(OFFICER), now=LATER)


def _reconciled(store: Store, ref: str) -> service.RequestInfo:
    with store.uow() as uow:
        return service.reconcile(uow, ref, damaged=0, actor=Actor(SUPERVISOR), now=LATER)


# --- cancelling and reconciling: a supervisor's ----------------------------------------------


def test_an_officer_may_not_withdraw_a_request_a_supervisor_may(
        catalog_store: Store, catalog_db_url: str, make) -> None:
    info = make()

    def cancel(actor: str) -> service.RequestInfo:
        with catalog_store.uow() as uow:
            return service.cancel(uow, info.number, reason="salah seri", actor=as_actor(actor),
                                  now=NOW)

    _role_refused(catalog_store, catalog_db_url, lambda: cancel(OFFICER), act="cancel")
    assert "membatalkan" in tr("access.act.cancel", "id")
    assert cancel(SUPERVISOR).status == "cancelled"
    entry = last_entry(catalog_store, "perforation.cancel")
    assert (entry.actor, entry.user_id) == (SUPERVISOR, user_id(catalog_store, SUPERVISOR))


def test_an_officer_may_not_reconcile_a_supervisor_may(
        catalog_store: Store, catalog_db_url: str, make) -> None:
    info = make()
    _counted(catalog_store, info.number)

    def reconcile(actor: str) -> service.RequestInfo:
        with catalog_store.uow() as uow:
            return service.reconcile(uow, info.number, damaged=2, actor=as_actor(actor), now=LATER)

    _role_refused(catalog_store, catalog_db_url, lambda: reconcile(OFFICER),
                  act=service.RECONCILE.value)
    done = reconcile(SUPERVISOR)
    assert done.status == "reconciled" and done.reconciled_by == SUPERVISOR
    entry = last_entry(catalog_store, "perforation.reconcile")
    assert (entry.actor, entry.user_id) == (SUPERVISOR, user_id(catalog_store, SUPERVISOR))


# --- counter work: an officer's, never a stranger's --------------------------------------------


def test_an_unknown_name_may_not_request(catalog_store: Store, catalog_db_url: str) -> None:
    from tests.app.perforation.conftest import request_fields

    def request() -> service.RequestInfo:
        with catalog_store.uow() as uow:
            return service.create_request(uow, office_code=MALANG, actor=Actor("x"), now=NOW,
                                          **request_fields())

    _unknown_refused(catalog_store, catalog_db_url, request)
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalars(select(PerforationRequest)).all() == []


def test_an_unknown_name_may_not_count_by_hand_or_hand_over(
        catalog_store: Store, catalog_db_url: str, make) -> None:
    info = make()

    def manual() -> service.RequestInfo:
        with catalog_store.uow() as uow:
            return service.record_manual_count(uow, info.number, "1000", note="mesin mati",
                                               actor=Actor("x"), now=LATER)

    _unknown_refused(catalog_store, catalog_db_url, manual)
    _counted(catalog_store, info.number)
    _reconciled(catalog_store, info.number)

    def pickup() -> object:
        with catalog_store.uow() as uow:
            return service.pickup(uow, info.number, by="Siti Aminah", actor=Actor("x"), now=LATER)

    _unknown_refused(catalog_store, catalog_db_url, pickup)  # and no pick-up form is kept


def test_a_refused_count_sends_the_machine_nothing(
        catalog_store: Store, catalog_db_url: str, make, machine: PerforatorSimulator) -> None:
    info = make()
    opened: list[str] = []

    def opener(raw: str):
        opened.append(raw)
        return _default_opener(raw)

    for act in (count_request, end_count):
        _unknown_refused(catalog_store, catalog_db_url, lambda act=act: act(
            catalog_store, info.number, _conn(machine), actor=Actor("x"), now=LATER, opener=opener))
    assert opened == [] and machine.clients == 0 and list(machine.received) == []
    assert machine.snapshot().state == "idle"


def test_the_officer_counts_and_hands_over_under_their_user_id(
        catalog_store: Store, make, machine: PerforatorSimulator) -> None:
    info = make()
    officer = user_id(catalog_store, OFFICER)
    request = last_entry(catalog_store, "perforation.request")
    assert (request.actor, request.user_id) == (OFFICER, officer)
    done = count_request(catalog_store, info.number, _conn(machine),
                         actor=Actor(OFFICER, officer), now=LATER)
    assert done.done and done.request.runs[-1].state == "done"
    for action in ("perforation.count_start", "perforation.count"):
        entry = last_entry(catalog_store, action)
        assert (entry.actor, entry.user_id) == (OFFICER, officer), action
    with catalog_store.uow(read_only=True) as uow:
        run = uow.session.scalars(select(PerforationRequest)).one().runs[-1]
        assert run.started_by == OFFICER
    _reconciled(catalog_store, info.number)
    with catalog_store.uow() as uow:
        shown, _pdf = service.pickup(uow, info.number, by="Siti Aminah", actor=Actor(OFFICER),
                                     now=LATER)
    assert shown.handed_over_by == OFFICER
    entry = last_entry(catalog_store, "perforation.pickup")
    assert (entry.actor, entry.user_id) == (OFFICER, officer)
