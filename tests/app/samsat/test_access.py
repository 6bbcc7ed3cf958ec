"""Who may do the Samsat desks' work (app/access.py), on SQLite and PostgreSQL: cek fisik,
registering a person, a vehicle and a case, the payment and the hand-over are an officer's;
cancelling an unpaid case is a supervisor's. A name that is no user, a deactivated account
or an officer of another office is refused before anything is written: every table is as
it was but for one ``access.refused`` audit entry, and the refusal says why in Indonesian.
Whoever is allowed is written into the records by name and user id."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.desk import visit as desk
from app.errors import LoketError
from app.samsat import flow as f
from app.samsat import registry
from app.store import Store
from db.models import AuditEntry, User, Visit
from db.models_samsat import StnkCase, VehicleCheck
from tests.app.samsat.conftest import (
    CHASSIS,
    ENGINE,
    NIK,
    OFFICE,
    PLATE,
    Flow,
    at,
    motorcycle,
)
from tests.helpers import as_actor, last_entry, only_the_refusal_is_kept, user_id

CANCEL = "membatalkan pembayaran, surat, NPWPD atau permohonan"





def deactivated(store: Store, name: str = "nonaktif") -> str:
    """An officer of the office whose account has been deactivated."""
    with store.uow() as uow:
        users.add_user(uow, name, "officer", "rahasia-123", actor=Actor("admin"),
                       office_code=OFFICE)
    with store.uow() as uow:
        uow.session.scalar(select(User).where(User.username == name)).active = False
        uow.commit()
    return name


def of_another_office(store: Store, name: str = "petugas.batu") -> str:
    with store.uow() as uow:
        users.add_user(uow, name, "officer", "rahasia-123", actor=Actor("admin"),
                       office_code="BAPENDA-BATU")
    return name


def refused_as(who: str, store: Store) -> Callable[[LoketError, AuditEntry], None]:
    """The check of a refusal of counter work to ``who`` (unknown, inactive, elsewhere)."""
    expected = {"kasi": ("access.unknown", "unknown",
                         "'kasi' bukan pengguna Loket; masuk dengan nama pengguna yang "
                         "terdaftar"),
                "nonaktif": ("access.inactive", "inactive", "akun nonaktif dinonaktifkan"),
                "petugas.batu": ("access.office", "office",
                                 "petugas.batu bukan petugas kantor ini")}[who]
    known = who != "kasi"

    def check(err: LoketError, entry: AuditEntry) -> None:
        assert err.key == expected[0]
        assert err.message("id") == expected[2]
        assert entry.actor == who
        assert entry.after["act"] == "counter_work" and entry.after["reason"] == expected[1]
        assert entry.after["least"] == "officer"
        assert entry.user_id == (user_id(store, who) if known else None)

    return check


@pytest.mark.parametrize("who", ["kasi", "nonaktif", "petugas.batu"])
def test_only_an_officer_of_the_office_does_the_stnk_flow(flow: Flow, catalog_db_url: str,
                                                          who: str) -> None:
    """One visit through every desk: at each step the refused person tries first and
    changes nothing, then the office's officer does the step."""
    store, url = flow.store, catalog_db_url
    if who == "nonaktif":
        deactivated(store)
    elif who == "petugas.batu":
        of_another_office(store)
    refused = refused_as(who, store)

    def register_person(actor: Actor | str) -> None:
        with store.uow() as uow:
            registry.register_person(uow, registry.PersonData(NIK, "Budi Santoso"),
                                     actor=as_actor(actor), now=at(0))

    def register_vehicle(actor: Actor | str) -> None:
        with store.uow() as uow:
            registry.register_vehicle(uow, motorcycle(), actor=as_actor(actor), now=at(0))

    # the register is the province's: an officer of any office adds to it, nobody else
    for step in (register_person, register_vehicle):
        if who != "petugas.batu":
            refused(*only_the_refusal_is_kept(store, url,
                                              lambda step=step: step(who)))
        step(flow.officer)

    visit_id = flow.issue()
    assert flow.call("CF", 1) == visit_id

    def check(actor: Actor | str) -> None:
        with store.uow() as uow:
            f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, plate=PLATE,
                           actor=as_actor(actor), now=at(2))

    refused(*only_the_refusal_is_kept(store, url, lambda: check(who)))
    check(flow.officer)
    flow.finish("CF", 3)
    assert flow.call("L1", 4) == visit_id

    def tick(actor: Actor | str) -> None:
        with store.uow() as uow:
            desk.set_requirement(uow, visit_id, "stnk-asli", True, actor=as_actor(actor), now=at(5))

    refused(*only_the_refusal_is_kept(store, url, lambda: tick(who)))
    with store.uow(read_only=True) as uow:
        assert "requirements" not in (uow.session.get(Visit, visit_id).data or {})
    flow.tick(visit_id)

    def register_case(actor: Actor | str) -> None:
        with store.uow() as uow:
            f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=as_actor(actor), now=at(6))

    refused(*only_the_refusal_is_kept(store, url, lambda: register_case(who)))
    register_case(flow.officer)
    flow.finish("L1", 7)
    assert flow.call("L2", 8) == visit_id

    def pay(actor: Actor | str) -> None:
        with store.uow() as uow:
            f.record_payment(uow, visit_id, method="cash", actor=as_actor(actor), now=at(10))

    refused(*only_the_refusal_is_kept(store, url, lambda: pay(who)))
    pay(flow.officer)
    flow.finish("L2", 11)
    assert flow.call("L3", 12) == visit_id

    def hand_over(actor: Actor | str) -> None:
        with store.uow() as uow:
            f.record_handover(uow, visit_id, handed_to="Budi Santoso", endorsed=True,
                              stamped=True, actor=as_actor(actor), now=at(20))

    refused(*only_the_refusal_is_kept(store, url, lambda: hand_over(who)))
    hand_over(flow.officer)

    # every record names the officer who did it, by name and user id
    officer_id = user_id(store, "petugas1")
    with store.uow(read_only=True) as uow:
        s = uow.session
        check_row = s.scalar(select(VehicleCheck).where(VehicleCheck.visit_id == visit_id))
        case = s.scalar(select(StnkCase).where(StnkCase.visit_id == visit_id))
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ["person.registered", "vehicle.registered", "samsat.check", "visit.requirement",
             "samsat.registered", "payment.recorded", "samsat.handover"]))).all()
    assert (check_row.checked_by, check_row.checked_user_id) == ("petugas1", officer_id)
    assert (case.registered_by, case.registered_user_id) == ("petugas1", officer_id)
    assert case.paid_by == "petugas1" and case.status == "handed_over"
    assert (case.handed_over_by, case.handed_over_user_id) == ("petugas1", officer_id)
    assert len(entries) == 11  # 2 registrations, the check, 5 ticks, case, payment, hand-over
    assert {(e.actor, e.user_id) for e in entries} == {("petugas1", officer_id)}


def test_an_officer_may_not_cancel_a_case(flow: Flow, catalog_db_url: str) -> None:
    from tests.app.samsat.test_flow import _registered_at_l2

    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    for officer in (flow.officer, "petugas", "test"):
        def cancel(actor: Actor | str = officer) -> None:
            with flow.store.uow() as uow:
                f.cancel_case(uow, visit_id, reason="salah input", actor=as_actor(actor), now=at(9))

        err, entry = only_the_refusal_is_kept(flow.store, catalog_db_url, cancel)
        name = officer if isinstance(officer, str) else officer.name
        assert err.key == "access.role"
        refused = f"{name} (petugas) tidak boleh {CANCEL}: "
        assert err.message("id").startswith(refused)
        assert "supervisor" in err.message("id").removeprefix(refused)  # the least role
        assert entry.actor == name and entry.user_id == user_id(flow.store, name)
        assert entry.after == {"act": "cancel", "reason": "role", "least": "supervisor",
                               "role": "officer"}
    with flow.store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(StnkCase.status)) == "registered"
        office_id = uow.session.get(Visit, visit_id).office_id
    assert entry.office_id == office_id
    # the office's supervisor may, and is audited by user id; so is one of no office
    with flow.store.uow() as uow:
        view = f.cancel_case(uow, visit_id, reason="salah input", actor=Actor("pengawas"),
                             now=at(9))
    assert view.status == "cancelled"
    entry = last_entry(flow.store, "samsat.cancelled")
    assert (entry.actor, entry.user_id) == ("pengawas", user_id(flow.store, "pengawas"))


def test_an_officers_password_at_the_counter_cancels_nothing(flow: Flow) -> None:
    """"Batalkan" with an unpaid bill: the officer signs in as who they are, and their role
    is refused (audited); the bill and the visit stay as they were."""
    from tests.app.samsat.test_flow import _registered_at_l2

    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    with pytest.raises(LoketError) as err, flow.store.uow() as uow:
        desk.cancel_visit(uow, "L2", actor=flow.officer, office_code=OFFICE,
                          reason="batal bayar", supervisor=("petugas", "rahasia-123"),
                          now=at(9))
    assert err.value.key == "access.role" and CANCEL in err.value.message("id")
    entry = last_entry(flow.store, "access.refused")
    assert entry.actor == "petugas" and entry.after["act"] == "cancel"
    with flow.store.uow(read_only=True) as uow:
        assert uow.session.get(Visit, visit_id).status.value == "called"
        assert uow.session.scalar(select(StnkCase.status)) == "registered"


@pytest.mark.parametrize("who", ["kasi", "nonaktif"])
def test_the_counter_officer_is_checked_before_a_supervisor_signs_in(
        flow: Flow, catalog_db_url: str, who: str) -> None:
    """A cancellation at the counter by a name that is no officer is refused before the
    supervisor's log-in is even tried (no log-in recorded, no bill cancelled)."""
    from tests.app.samsat.test_flow import _registered_at_l2

    flow.register_owner_and_vehicle()
    _registered_at_l2(flow)
    if who == "nonaktif":
        deactivated(flow.store)

    def cancel() -> None:
        with flow.store.uow() as uow:
            desk.cancel_visit(uow, "L2", actor=as_actor(who), office_code=OFFICE, reason="batal",
                              supervisor=("kepala", "rahasia-123"), now=at(9))

    err, entry = only_the_refusal_is_kept(flow.store, catalog_db_url, cancel)
    assert err.key in ("access.unknown", "access.inactive")
    assert entry.after["act"] == "counter_work" and entry.actor == who
