"""Who may do casework (app/access.py), on SQLite and PostgreSQL.

Applications (register, hand on, decide) and complaints (register, a step, the answer, the
resolution) are counter work: an officer or above, never a name that is not a user.
Adding a day off changes the office's settings: an administrator's. A refusal changes
nothing but the one ``access.refused`` row of the audit log and says the act in
Indonesian; what is allowed is audited with the person's user id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.casework import applications as A
from app.casework import complaints as C
from app.casework import holidays as H
from app.errors import LoketError
from app.i18n import tr
from app.store import Store
from db.models import Complaint, Holiday, Office
from db.models_casework import Application
from tests.helpers import as_actor, last_entry, only_the_refusal_is_kept, user_id

MALANG = "BPPD-MALANG"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # Tuesday 10:00 WIB
OFFICER, SUPERVISOR, ADMIN = "petugas", "pengawas", "admin"  # tests/conftest.py



def _office_id(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        found = uow.session.scalar(select(Office.id).where(Office.code == MALANG))
    assert found is not None
    return found



def _refused(store: Store, url: str, action: Callable[[], object], *, actor: str, act: str,
             reason: str, office_id: int | None) -> LoketError:
    """``action`` is refused: nothing changes but one ``access.refused`` audit row naming
    who tried which act, why, and where."""
    err, entry = only_the_refusal_is_kept(store, url, action)
    assert (entry.action, entry.actor, entry.office_id) == ("access.refused", actor, office_id)
    assert entry.after["act"] == act and entry.after["reason"] == reason
    return err


def _register(store: Store, actor: Actor | str = OFFICER) -> A.ApplicationInfo:
    with store.uow() as uow:
        return A.register_application(uow, "KEBERATAN", office_code=MALANG,
                                      applicant_name="Siti Aminah", subject="Keberatan SKPD",
                                      amount="1.500.000", actor=as_actor(actor), now=NOW)


def _complain(store: Store, actor: Actor | str = OFFICER) -> C.ComplaintInfo:
    with store.uow() as uow:
        return C.register_complaint(uow, channel="room", text="Antrean terlalu lama",
                                    office_code=MALANG, actor=as_actor(actor), now=NOW)


# --- a day off: an administrator's --------------------------------------------------------------


@pytest.mark.parametrize("office", [MALANG, None])
def test_an_officer_or_supervisor_may_not_add_a_day_off_an_administrator_may(
        catalog_store: Store, catalog_db_url: str, office: str | None) -> None:
    office_id = _office_id(catalog_store) if office else None

    def add(actor: str) -> H.DayOff:
        with catalog_store.uow() as uow:
            return H.add_holiday(uow, date(2026, 12, 30), "Hari Jadi Kota", office_code=office,
                                 actor=Actor(actor), now=NOW)

    for name, role in ((OFFICER, "petugas"), (SUPERVISOR, "supervisor")):
        err = _refused(catalog_store, catalog_db_url, lambda name=name: add(name), actor=name,
                       act="configure", reason="role", office_id=office_id)
        assert err.key == "access.role"
        message = err.message("id")
        assert message.startswith(f"{name} ({role}) tidak boleh "
                                  f"{tr('access.act.configure', 'id')}")
        assert "mengubah pengaturan kantor" in message and "admin" in message.split(":", 1)[1]
    day = add(ADMIN)
    assert (day.day, day.office) == (date(2026, 12, 30), office)
    entry = last_entry(catalog_store, "holiday.add")
    assert (entry.actor, entry.user_id, entry.office_id) == (
        ADMIN, user_id(catalog_store, ADMIN), office_id)
    with catalog_store.uow(read_only=True) as uow:
        assert len(uow.session.scalars(select(Holiday)).all()) == 1


def test_the_administrator_of_one_office_adds_its_days_off_not_everyones(
        catalog_store: Store, catalog_db_url: str) -> None:
    with catalog_store.uow() as uow:
        users.add_user(uow, "admin.malang", "admin", "rahasia-123", actor=Actor(ADMIN),
                       office_code=MALANG)

    def add(office: str | None) -> H.DayOff:
        with catalog_store.uow() as uow:
            return H.add_holiday(uow, date(2026, 12, 30), "Hari Jadi Kota", office_code=office,
                                 actor=Actor("admin.malang"), now=NOW)

    err = _refused(catalog_store, catalog_db_url, lambda: add(None), actor="admin.malang",
                   act="configure", reason="office", office_id=None)
    assert err.message("id") == ("admin.malang terikat pada satu kantor; tindakan untuk semua "
                                 "kantor hanya oleh pengguna yang tidak terikat pada kantor "
                                 "mana pun")
    assert add(MALANG).office == MALANG


# --- counter work: never a stranger's -------------------------------------------------------


def _stranger_acts(store: Store, what: str) -> Callable[[], object]:
    """``what`` done by ``x``, who is no user, on an application or complaint of the officer."""
    if what == "register_application":
        return lambda: _register(store, "x")
    if what == "register_complaint":
        return lambda: _complain(store, "x")
    if what in ("forward", "finish"):
        number = _register(store).number

        def on_application() -> object:
            with store.uow() as uow:
                if what == "forward":
                    return A.forward(uow, number, to="Kasubbid Keberatan", office_code=MALANG,
                                     actor=Actor("x"), now=NOW)
                return A.finish(uow, number, outcome="done", office_code=MALANG, actor=Actor("x"),
                                now=NOW)

        return on_application
    complaint = _complain(store).number
    if what == "close":
        with store.uow() as uow:
            C.answer(uow, complaint, "Sudah ditangani", office_code=MALANG, actor=Actor(OFFICER),
                     now=NOW)

    def on_complaint() -> object:
        with store.uow() as uow:
            if what == "step":
                return C.complete_step(uow, complaint, 1, office_code=MALANG, actor=Actor("x"),
                                       now=NOW)
            if what == "answer":
                return C.answer(uow, complaint, "Sudah ditangani", office_code=MALANG,
                                actor=Actor("x"), now=NOW)
            return C.close(uow, complaint, "Selesai", office_code=MALANG, actor=Actor("x"), now=NOW)

    return on_complaint


@pytest.mark.parametrize("what", ["register_application", "forward", "finish",
                                  "register_complaint", "step", "answer", "close"])
def test_a_name_that_is_no_user_may_not_do_casework(catalog_store: Store, catalog_db_url: str,
                                                    what: str) -> None:
    act = _stranger_acts(catalog_store, what)
    err = _refused(catalog_store, catalog_db_url, act, actor="x", act="counter_work",
                   reason="unknown", office_id=_office_id(catalog_store))
    assert err.key == "access.unknown"
    assert err.message("id") == ("'x' bukan pengguna Loket; masuk dengan nama pengguna yang "
                                 "terdaftar")


def test_an_officer_registers_and_a_supervisor_decides_under_their_user_ids(
        catalog_store: Store) -> None:
    officer, supervisor = (user_id(catalog_store, OFFICER),
                           user_id(catalog_store, SUPERVISOR))
    info = _register(catalog_store, Actor(OFFICER, officer))
    assert (info.received_by, info.holder) == (OFFICER, OFFICER)
    with catalog_store.uow(read_only=True) as uow:
        row = uow.session.scalars(select(Application)).one()
        assert row.received_user_id == officer
    entry = last_entry(catalog_store, "application.register")
    assert (entry.actor, entry.user_id) == (OFFICER, officer)
    with catalog_store.uow() as uow:
        A.forward(uow, info.number, to="Kasubbid Keberatan", office_code=MALANG,
                  actor=Actor(SUPERVISOR), now=NOW)
    with catalog_store.uow() as uow:
        done = A.finish(uow, info.number, outcome="done", office_code=MALANG,
                        actor=Actor(SUPERVISOR), now=NOW)
    assert [step.by for step in done.steps] == [OFFICER, SUPERVISOR, SUPERVISOR]
    for action in ("application.forward", "application.done"):
        entry = last_entry(catalog_store, action)
        assert (entry.actor, entry.user_id) == (SUPERVISOR, supervisor), action


def test_a_complaint_is_handled_under_the_users_ids(catalog_store: Store) -> None:
    officer, supervisor = (user_id(catalog_store, OFFICER),
                           user_id(catalog_store, SUPERVISOR))
    info = _complain(catalog_store)
    assert info.registered_by == OFFICER
    with catalog_store.uow() as uow:
        C.complete_step(uow, info.number, 1, office_code=MALANG, actor=Actor(OFFICER), now=NOW)
    with catalog_store.uow() as uow:
        C.answer(uow, info.number, "Sudah ditangani", office_code=MALANG, actor=Actor(SUPERVISOR),
                 now=NOW)
    with catalog_store.uow() as uow:
        closed = C.close(uow, info.number, "Selesai", office_code=MALANG, actor=Actor(SUPERVISOR),
                         now=NOW)
    assert (closed.answered_by, closed.resolved_by) == (SUPERVISOR, SUPERVISOR)
    assert closed.steps[0].done_by == OFFICER
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.get(Complaint, info.id).handled_by == supervisor
    for action, name, uid in (("complaint.register", OFFICER, officer),
                              ("complaint.step", OFFICER, officer),
                              ("complaint.answer", SUPERVISOR, supervisor),
                              ("complaint.close", SUPERVISOR, supervisor)):
        entry = last_entry(catalog_store, action)
        assert (entry.actor, entry.user_id) == (name, uid), action
