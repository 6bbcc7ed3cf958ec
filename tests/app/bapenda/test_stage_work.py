"""The NPWPD and tax payment desks through the queue (both databases): a visit leaves its
stage as done only with its work recorded, and the work for a visit is done by the counter
calling or serving it (a supervisor may override, audited)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access import Actor
from app.bapenda import assessments as asm
from app.bapenda import taxpayers as tp
from app.casework import applications as A
from app.errors import LoketError
from app.queue import engine as q
from app.store import Store
from db.enums import TimeUnit
from db.models import Service
from tests.app import desk as desks
from tests.app.bapenda.conftest import BATU, MALANG, MALANG_ALL, MONDAY_9, NIK_BUDI, personal
from tests.helpers import as_actor, snapshot

PASSWORD = "rahasia-123"
LATER = MONDAY_9 + timedelta(minutes=5)


class Desk(desks.Desk):
    """The NPWPD and payment desks' tickets (see tests/app/desk.py)."""

    def __init__(self, store: Store, url: str) -> None:
        super().__init__(store, url, MONDAY_9)

    def denied(self, action: Callable[[], object]) -> LoketError:
        """``action`` is refused for the person's role: nothing changes but the one
        ``access.refused`` entry of the audit log (app/access.py)."""
        before = snapshot(self.url)
        with pytest.raises(LoketError) as err:
            action()
        assert snapshot(self.url) == {**before, "audit_log": before["audit_log"] + 1}
        return err.value


@pytest.fixture
def desk(catalog_db_url: str) -> Iterator[Desk]:
    with Store.open(catalog_db_url) as store:
        yield Desk(store, catalog_db_url)


def _register(desk: Desk, office: str = MALANG, visit_id: int | None = None,
              actor: str = "rina", override: bool = False, **kw) -> tp.TaxpayerInfo:
    reg = personal(requirements=MALANG_ALL, **kw) if office == MALANG else personal(**kw)
    with desk.store.uow() as uow:
        return tp.register(uow, reg, office_code=office, actor=as_actor(actor), visit_id=visit_id,
                           now=MONDAY_9, override=override)


def _card(desk: Desk, npwpd: str, to: str, office: str = MALANG, actor: str = "rina",
          override: bool = False):
    return tp.print_card(desk.store, npwpd, to, office_code=office, actor=as_actor(actor),
                         now=MONDAY_9, override=override)


def _deactivate(desk: Desk, npwpd: str, visit_id: int | None = None, actor: str = "kepala",
                override: bool = False, office: str = BATU) -> tp.TaxpayerInfo:
    """Deactivating an NPWPD is a cancellation: a supervisor's (app/access.py)."""
    with desk.store.uow() as uow:
        return tp.deactivate(uow, npwpd, "usaha-tutup", office_code=office, actor=as_actor(actor),
                             requirements=["surat-permohonan", "kartu-npwpd"],
                             visit_id=visit_id, now=MONDAY_9, override=override)


def _assessment(desk: Desk) -> str:
    npwpd = _register(desk).npwpd
    with desk.store.uow() as uow:
        return asm.assess(uow, npwpd, principal=Decimal(1_000_000), period="2026-10",
                          office_code=MALANG, actor=Actor("rina"), now=MONDAY_9).number


def _pay(desk: Desk, number: str, visit_id: int | None, actor: str = "rina",
         override: bool = False) -> asm.PaymentInfo:
    with desk.store.uow() as uow:
        return asm.pay(uow, number, method="cash", office_code=MALANG, actor=as_actor(actor),
                       visit_id=visit_id, now=MONDAY_9, override=override)


# --- leaving the stage -------------------------------------------------------------------


def test_an_npwpd_visit_leaves_only_registered_with_its_card_printed(desk: Desk,
                                                                      tmp_path: Path) -> None:
    visit = desk.issue(MALANG, "NPWPD")  # BPPD Malang: one hour, the card is the product
    desk.call(MALANG, "L1", visit.ticket)
    err = desk.refused_finish(MALANG, "L1")
    assert err.message() == (f"{visit.ticket} belum bisa meninggalkan tahap Loket Pelayanan: "
                             f"belum ada NPWPD yang didaftarkan untuk {visit.ticket} (Daftarkan)")
    assert err.message("en").endswith(
        f"no NPWPD has been registered for {visit.ticket} (Register)")
    info = _register(desk, visit_id=visit.id)
    err = desk.refused_finish(MALANG, "L1")
    assert f"kartu NPWPD {info.npwpd} belum tercetak" in err.message()
    failed = _card(desk, info.npwpd, "sim://?fault=offline")
    assert failed.state == "failed"  # a failed print is not a card
    assert f"kartu NPWPD {info.npwpd} belum tercetak" in desk.refused_finish(
        MALANG, "L1").message()
    assert _card(desk, info.npwpd, f"card+pdf://{tmp_path}").state == "done"
    done = desk.finish(MALANG, "L1")
    assert done.outcome == "done" and done.next_stage is None
    assert desk.status(visit.id) == "done"


def test_a_registration_of_days_leaves_with_the_taxpayer_registered(desk: Desk) -> None:
    visit = desk.issue(BATU, "NPWPD-DAFTAR")  # Batu: three days, the card after approval
    desk.call(BATU, "L3", visit.ticket)
    err = desk.refused_finish(BATU, "L3")
    assert f"belum ada NPWPD yang didaftarkan untuk {visit.ticket}" in err.message()
    _register(desk, BATU, visit_id=visit.id)
    assert desk.finish(BATU, "L3").outcome == "done" and desk.status(visit.id) == "done"


def test_a_deactivation_visit_leaves_with_its_npwpd_deactivated(desk: Desk) -> None:
    walk_in = _register(desk, BATU).npwpd
    other = _register(desk, BATU, nik=NIK_BUDI, name="Budi Santoso").npwpd
    with desk.store.uow() as uow:  # a deactivation while the visitor waits
        service = uow.session.scalar(select(Service).where(Service.code == "NPWPD-NONAKTIF"))
        service.time_value, service.time_unit = 30, TimeUnit.MINUTES
        uow.commit()
    visit = desk.issue(BATU, "NPWPD-NONAKTIF")
    desk.call(BATU, "L3", visit.ticket)
    err = desk.refused_finish(BATU, "L3")
    assert err.message().endswith(
        f"belum ada NPWPD yang dinonaktifkan untuk {visit.ticket} (Nonaktifkan)")
    _deactivate(desk, walk_in)  # without the visit: not this visit's work
    desk.refused_finish(BATU, "L3")
    _deactivate(desk, other, visit_id=visit.id)
    assert desk.finish(BATU, "L3").outcome == "done"


def test_a_deactivation_of_days_may_leave_with_its_request_received(desk: Desk) -> None:
    visit = desk.issue(BATU, "NPWPD-NONAKTIF")  # Batu: three days, a field check first
    desk.call(BATU, "L3", visit.ticket)
    err = desk.refused_finish(BATU, "L3")
    assert "permohonan penonaktifannya belum didaftarkan" in err.message()
    with desk.store.uow() as uow:
        A.register_application(uow, "NPWPD-NONAKTIF", office_code=BATU,
                               applicant_name="Siti Rahmawati", subject="Usaha tutup",
                               visit_id=visit.id, actor=Actor("rina"), now=MONDAY_9)
    assert desk.finish(BATU, "L3").outcome == "done"


@pytest.mark.parametrize("service, prefix", [("PEMBAYARAN", "D"), ("TUNGGAKAN", "E")])
def test_a_payment_visit_leaves_only_with_its_payment_recorded(desk: Desk, service: str,
                                                               prefix: str) -> None:
    number = _assessment(desk)
    visit = desk.issue(MALANG, service)
    desk.call(MALANG, "L3", visit.ticket)
    err = desk.refused_finish(MALANG, "L3")
    assert err.message().endswith(f"pembayaran {prefix}-001 belum dicatat (Bayar)")
    _pay(desk, number, visit.id)
    assert desk.finish(MALANG, "L3").outcome == "done" and desk.status(visit.id) == "done"


def test_the_rules_leave_other_services_alone(desk: Desk) -> None:
    # the pelayanan stage does npwpd, casework and fiscal work: an SKPD visit is none of them
    visit = desk.issue(MALANG, "SKPD")
    desk.call(MALANG, "L1", visit.ticket)
    assert desk.finish(MALANG, "L1").outcome == "done"


def test_incomplete_is_never_held_back(desk: Desk) -> None:
    visit = desk.issue(MALANG, "NPWPD")
    desk.call(MALANG, "L1", visit.ticket)
    with desk.store.uow() as uow:
        info = q.finish(uow, "L1", outcome="incomplete", office_code=MALANG,
                        actor=q.Actor("rina"), now=LATER)
    assert info.outcome == "incomplete" and desk.status(visit.id) == "incomplete"


# --- acting for a visit ------------------------------------------------------------------


def _setup(desk: Desk, action: str, visit: q.TicketInfo) -> Callable[..., object]:
    """The action for ``visit`` (who, override) and what it needs beforehand."""
    if action == "register":
        return lambda who, override: _register(desk, visit_id=visit.id, actor=who,
                                               override=override)
    if action == "card":
        npwpd = _register(desk, visit_id=visit.id, actor=Actor("kepala"), override=True).npwpd
        return lambda who, override: _card(desk, npwpd, "sim://", actor=who,
                                           override=override)
    if action == "deactivate":
        npwpd = _register(desk).npwpd
        return lambda who, override: _deactivate(desk, npwpd, visit.id, who, override,
                                                 office=MALANG)
    number = _assessment(desk)
    return lambda who, override: _pay(desk, number, visit.id, who, override)


ACTIONS = ["register", "card", "deactivate", "pay"]
WORK_NAMES = {"register": "Pendaftaran NPWPD", "card": "Pendaftaran NPWPD",
              "deactivate": "Pendaftaran NPWPD", "pay": "Pembayaran pajak"}
# who does the action at the visit's counter: deactivating an NPWPD is a supervisor's
DOER = {"register": "rina", "card": "rina", "deactivate": "kepala", "pay": "rina"}
# what an officer overriding is refused, in the words of app/access.py (then: the least role)
DENIED = {action: "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya: "
          for action in ACTIONS} | {
    "deactivate": "rina (petugas) tidak boleh membatalkan pembayaran, surat, NPWPD atau "
                  "permohonan: "}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_waiting_visit_is_refused_and_a_supervisor_may_override(desk: Desk,
                                                                  action: str) -> None:
    visit = desk.issue(MALANG, "NPWPD" if action != "pay" else "PEMBAYARAN")
    act = _setup(desk, action, visit)
    err = desk.refused(lambda: act(DOER[action], False))
    assert err.key == "work.not_here"
    assert err.message().startswith(f"{WORK_NAMES[action]} untuk {visit.ticket} hanya bisa")
    assert err.message().endswith(f"{visit.ticket} sedang menunggu di tahap " + (
        "Loket Pelayanan" if action != "pay" else "Loket Pembayaran"))
    err = desk.denied(lambda: act("rina", True))  # an officer may not override
    assert err.key == "access.role" and err.message().startswith(DENIED[action])
    assert "supervisor" in err.message().removeprefix(DENIED[action])
    before = len(desk.overrides(visit.id))
    act("kepala", True)
    (entry, *_) = desk.overrides(visit.id)[before:]
    assert entry.actor == "kepala" and entry.before["status"] == "waiting"
    assert entry.after == {"work": "npwpd" if action != "pay" else "tax-payment",
                           "ticket": visit.ticket}


@pytest.mark.parametrize("action", ["register", "pay"])
def test_a_visit_at_another_desk_is_refused(desk: Desk, action: str) -> None:
    # an NPWPD visit served at pelayanan cannot pay there; a payment visit at the payment
    # desk cannot register an NPWPD there
    visit = desk.issue(MALANG, "PEMBAYARAN" if action == "register" else "NPWPD")
    desk.call(MALANG, "L3" if action == "register" else "L1", visit.ticket)
    act = _setup(desk, action, visit)
    err = desk.refused(lambda: act("rina", False))
    assert err.key == "work.not_here" and "sedang dipanggil di Loket " in err.message()


def test_at_the_counter_serving_the_visit_nothing_is_asked(desk: Desk) -> None:
    visit = desk.issue(MALANG, "NPWPD")
    desk.call(MALANG, "L1", visit.ticket)
    info = _register(desk, visit_id=visit.id)
    assert info.status == "active" and desk.overrides(visit.id) == []


def test_a_visit_of_another_office_is_refused(desk: Desk) -> None:
    visit = desk.issue(BATU, "NPWPD-DAFTAR")
    desk.call(BATU, "L3", visit.ticket)
    err = desk.refused(lambda: _register(desk, MALANG, visit_id=visit.id))
    assert err.key == "queue.unknown_ticket"
