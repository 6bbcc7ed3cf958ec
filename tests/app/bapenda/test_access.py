"""Who may do the Bapenda desk's work (app/access.py), on both databases: registering,
printing the card, assessing and taking a payment are an officer's; deactivating an NPWPD
is a supervisor's. A refusal changes nothing but the one ``access.refused`` audit entry,
and says in Indonesian what was refused; who was allowed is in the audit log by user id."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.bapenda import assessments as asm
from app.bapenda import taxpayers as tp
from app.queue.engine import resolve_office
from app.store import Store
from db.models import Payment
from db.models_bapenda import Taxpayer
from tests.app.bapenda.conftest import BATU, MALANG, MONDAY_9, personal
from tests.helpers import as_actor, last_entry, only_the_refusal_is_kept, user_id

CANCEL = "membatalkan pembayaran, surat, NPWPD atau permohonan"





def register(store: Store, actor: Actor | str = "petugas", **kw) -> tp.TaxpayerInfo:
    with store.uow() as uow:
        return tp.register(uow, personal(), office_code=BATU, actor=as_actor(actor),
                           now=MONDAY_9, **kw)


def deactivate(store: Store, npwpd: str, actor: Actor | str, **kw) -> tp.TaxpayerInfo:
    with store.uow() as uow:
        return tp.deactivate(uow, npwpd, "usaha-tutup", office_code=BATU,
                             actor=as_actor(actor), now=MONDAY_9, **kw)


def assess(store: Store, npwpd: str, actor: Actor | str = "petugas") -> asm.AssessmentInfo:
    with store.uow() as uow:
        return asm.assess(uow, npwpd, principal=Decimal(1_000_000), period="2026-10",
                          office_code=BATU, actor=as_actor(actor), now=MONDAY_9)


def pay(store: Store, number: str, actor: Actor | str) -> asm.PaymentInfo:
    with store.uow() as uow:
        return asm.pay(uow, number, method="cash", office_code=BATU, actor=as_actor(actor),
                       now=MONDAY_9)


def test_an_officer_may_not_deactivate_an_npwpd(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        info = register(store)
        err, entry = only_the_refusal_is_kept(
            store, catalog_db_url, lambda: deactivate(store, info.npwpd, "petugas"))
        assert err.key == "access.role"
        refused = f"petugas (petugas) tidak boleh {CANCEL}: "
        assert err.message().startswith(refused)
        assert "supervisor" in err.message().removeprefix(refused)  # the least role
        assert entry.actor == "petugas" and entry.user_id == user_id(store, "petugas")
        assert entry.after == {"act": "cancel", "reason": "role", "least": "supervisor",
                               "role": "officer"}
        with store.uow(read_only=True) as uow:
            assert tp.show(uow, info.npwpd, office_code=BATU).status == "active"
            assert entry.office_id == resolve_office(uow.session, BATU).id


def test_a_supervisor_deactivates_and_is_audited_by_user_id(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        info = register(store)
        done = deactivate(store, info.npwpd, "pengawas")
        assert done.status == "inactive"
        entry = last_entry(store, "npwpd.deactivate")
        assert (entry.actor, entry.user_id) == ("pengawas", user_id(store, "pengawas"))
        with store.uow(read_only=True) as uow:
            assert uow.session.scalar(select(Taxpayer.deactivated_by)) == "pengawas"


@pytest.mark.parametrize("who", ["kasi", "x", ""])
def test_an_unknown_name_may_not_register(catalog_db_url: str, who: str) -> None:
    with Store.open(catalog_db_url) as store:
        err, entry = only_the_refusal_is_kept(store, catalog_db_url,
                                              lambda: register(store, who))
        assert err.key == "access.unknown"
        assert err.message() == (f"{(who or '?')!r} bukan pengguna Loket; masuk dengan nama "
                                 "pengguna yang terdaftar")
        assert entry.user_id is None and entry.after["act"] == "counter_work"
        assert entry.after["reason"] == "unknown"


def test_an_unknown_name_may_not_assess_pay_or_print_a_card(catalog_db_url: str,
                                                            tmp_path: Path) -> None:
    with Store.open(catalog_db_url) as store:
        npwpd = register(store).npwpd
        number = assess(store, npwpd).number
        cards = tmp_path / "kartu"
        for action in (lambda: assess(store, npwpd, "kasubbid"),
                       lambda: pay(store, number, "kasubbid"),
                       lambda: tp.print_card(store, npwpd, f"card+pdf://{cards}",
                                             office_code=BATU, actor=Actor("kasubbid"),
                                             now=MONDAY_9)):
            err, entry = only_the_refusal_is_kept(store, catalog_db_url, action)
            assert err.key == "access.unknown" and "'kasubbid' bukan pengguna Loket" in \
                err.message()
            assert entry.after["act"] == "counter_work"
        assert not cards.exists()  # refused before the printer was touched


def test_an_officer_does_the_counter_work_under_the_user_id(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        officer = user_id(store, "petugas")
        info = register(store, Actor("petugas", officer))
        assert last_entry(store, "npwpd.register").user_id == officer
        skpd = assess(store, info.npwpd, "test")
        entry = last_entry(store, "tax.assess")
        assert (entry.actor, entry.user_id) == ("test", user_id(store, "test"))
        paid = pay(store, skpd.number, "petugas")
        entry = last_entry(store, "tax.pay")
        assert (entry.actor, entry.user_id) == ("petugas", officer)
        with store.uow(read_only=True) as uow:
            assert uow.session.get(Payment, paid.payment_id).received_by == officer


def test_a_user_id_given_with_a_name_is_the_person_checked(catalog_db_url: str) -> None:
    """The command line's ``--officer`` resolves a user: its id is checked, and the audit
    log names that user, whatever name came with it."""
    with Store.open(catalog_db_url) as store:
        info = register(store)
        supervisor = user_id(store, "pengawas")
        deactivate(store, info.npwpd, Actor("someone", supervisor))
        entry = last_entry(store, "npwpd.deactivate")
        assert (entry.actor, entry.user_id) == ("pengawas", supervisor)


def test_a_supervisor_of_another_office_may_not_deactivate(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        with store.uow() as uow:
            users.add_user(uow, "kepala-malang", "supervisor", "rahasia-123", actor=Actor("admin"),
                           office_code=MALANG)
        info = register(store)
        err, entry = only_the_refusal_is_kept(
            store, catalog_db_url, lambda: deactivate(store, info.npwpd, "kepala-malang"))
        assert err.key == "access.office"
        assert err.message() == "kepala-malang bukan petugas kantor ini"
        assert entry.after["reason"] == "office"


def test_a_system_actor_passes(catalog_db_url: str) -> None:
    """The demo's autopilot is made by the code, not named: it is not asked."""
    with Store.open(catalog_db_url) as store:
        info = register(store, Actor.system("autopilot"))
        entry = last_entry(store, "npwpd.register")
        assert (info.registered_by, entry.actor, entry.user_id) == (
            "autopilot", "autopilot", None)
