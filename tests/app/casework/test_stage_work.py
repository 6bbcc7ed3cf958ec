"""Casework desks through the queue (both databases): an application or complaint visit
leaves its stage as done only with its application or complaint registered in it (what
follows takes days and is never asked for); registering for a visit is done by the counter
calling or serving it (a supervisor may override, audited)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.access import Actor
from app.bapenda import taxpayers as tp
from app.casework import applications as A
from app.casework import complaints as C
from app.errors import LoketError
from app.queue import config
from app.store import Store
from db.models import AuditEntry, Office
from tests.app import desk as desks
from tests.helpers import login, run_json, snapshot

MALANG, BATU, BPS = "BPPD-MALANG", "BAPENDA-BATU", "BPS-BANTEN"
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # Monday 10:00 WIB
# an officer overriding is refused in the words of app/access.py (then: the least role)
DENIED = "rina (petugas) tidak boleh bekerja pada kunjungan di luar tahapnya"


class Desk(desks.Desk):
    """The casework desk: applications and complaints for a visit (tests/app/desk.py)."""

    def __init__(self, store: Store, url: str) -> None:
        super().__init__(store, url, NOW)

    def apply(self, service: str, visit_id: int | None, office: str = MALANG,
              actor: str = "rina", override: bool = False) -> A.ApplicationInfo:
        with self.store.uow() as uow:
            return A.register_application(
                uow, service, office_code=office, applicant_name="Siti Aminah",
                subject="Keberatan atas SKPD reklame 2026", amount="1.500.000",
                visit_id=visit_id, actor=Actor(actor), now=NOW, override=override)

    def complain(self, visit_id: int | None, actor: str = "rina",
                 override: bool = False) -> C.ComplaintInfo:
        with self.store.uow() as uow:
            return C.register_complaint(uow, channel="room", text="Antrean terlalu lama",
                                        office_code=MALANG, visit_id=visit_id,
                                        actor=Actor(actor),
                                        now=NOW, override=override)

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

    def settings(self, office: str, **values: object) -> None:
        with self.store.uow() as uow:
            row = uow.session.scalar(select(Office).where(Office.code == office))
            row.settings = {**(row.settings or {}), **values}
            uow.commit()
        config.forget()


@pytest.fixture
def desk(catalog_db_url: str) -> Iterator[Desk]:
    with Store.open(catalog_db_url) as store:
        yield Desk(store, catalog_db_url)


# --- leaving the stage -------------------------------------------------------------------


@pytest.mark.parametrize("office, service, counter", [
    (MALANG, "KEBERATAN", "L1"),  # objections: 7 working days
    (BATU, "PBB-MUTASI", "L1"),  # PBB-P2 mutation: 3 months
    (BPS, "PENJUALAN-PRODUK", "PST1"),  # statistical products: 10 working days
])
def test_an_application_visit_leaves_only_with_its_application_registered(
        desk: Desk, office: str, service: str, counter: str) -> None:
    visit = desk.issue(office, service)
    desk.call(office, counter, visit.ticket)
    err = desk.refused(lambda: desk.finish(office, counter))
    assert err.key == "work.missing" and err.message().endswith(
        f"permohonan {visit.ticket} belum didaftarkan (Daftarkan dan cetak tanda terima)")
    desk.apply(service, None, office)  # received without the visit: not this visit's
    assert desk.refused(lambda: desk.finish(office, counter)).key == "work.missing"
    info = desk.apply(service, visit.id, office)
    assert info.status == "received"  # the decision takes days: never asked for here
    assert desk.finish(office, counter).outcome == "done"
    assert desk.status(visit.id) == "done"


def test_a_complaint_visit_leaves_only_with_its_complaint_recorded(desk: Desk) -> None:
    desk.settings(MALANG, complaint_services=["ETAX"])  # the office names its complaint desk
    visit = desk.issue(MALANG, "ETAX")
    desk.call(MALANG, "L1", visit.ticket)
    err = desk.refused(lambda: desk.finish(MALANG, "L1"))
    assert err.message().endswith(f"pengaduan {visit.ticket} belum dicatat (Catat pengaduan)")
    assert err.message("en").endswith(
        f"the complaint of {visit.ticket} has not been recorded (Record the complaint)")
    desk.complain(visit.id)
    assert desk.finish(MALANG, "L1").outcome == "done"


def test_the_office_names_its_application_services(desk: Desk) -> None:
    desk.settings(MALANG, casework_services=["KERINGANAN"])
    visit = desk.issue(MALANG, "KEBERATAN")  # long-running, but not named: not asked
    desk.call(MALANG, "L1", visit.ticket)
    assert desk.finish(MALANG, "L1").outcome == "done"


def test_a_service_of_another_desk_is_not_asked_for_an_application(desk: Desk) -> None:
    # Batu's NPWPD registration runs three days at a desk that also does casework: its
    # record is the taxpayer registered (app/bapenda/rules.py), not an application
    visit = desk.issue(BATU, "NPWPD-DAFTAR")
    desk.call(BATU, "L3", visit.ticket)
    with desk.store.uow() as uow:
        tp.register(uow, tp.Registration(
            kind="P", nik="3579014507900002", name="Siti Rahmawati", tax_type="restoran",
            address="Jl. Bromo 3", district="1", village="2",
            requirements=["form-pendaftaran", "ktp", "kk", "izin-usaha", "pas-foto"]),
            office_code=BATU, actor=Actor("rina"), visit_id=visit.id, now=NOW)
    assert desk.finish(BATU, "L3").outcome == "done"


# --- acting for a visit ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["application", "complaint"])
def test_registering_for_a_waiting_visit_is_refused_and_a_supervisor_may_override(
        desk: Desk, kind: str) -> None:
    visit = desk.issue(MALANG, "KEBERATAN")
    act = (lambda **kw: desk.apply("KEBERATAN", visit.id, **kw)) if kind == "application" \
        else (lambda **kw: desk.complain(visit.id, **kw))
    err = desk.refused(act)
    assert err.key == "work.not_here"
    assert err.message() == (
        f"Permohonan/pengaduan untuk {visit.ticket} hanya bisa dilakukan oleh loket yang "
        f"sedang memanggil atau melayani nomor itu; {visit.ticket} sedang menunggu di tahap "
        "Loket Pelayanan")
    err = desk.denied(lambda: act(override=True))
    assert err.key == "access.role" and err.message().startswith(DENIED + ": ")
    assert "supervisor" in err.message().removeprefix(DENIED + ": ")
    act(actor="kepala", override=True)
    (entry,) = desk.overrides()
    assert entry.actor == "kepala" and entry.after == {"work": "casework",
                                                       "ticket": visit.ticket}


def test_registering_for_a_visit_at_another_desk_is_refused(desk: Desk) -> None:
    visit = desk.issue(MALANG, "PEMBAYARAN")
    desk.call(MALANG, "L3", visit.ticket)  # the payment desk does no casework
    err = desk.refused(lambda: desk.apply("KEBERATAN", visit.id))
    assert err.key == "work.not_here" and "sedang dipanggil di Loket 3 Pembayaran" in \
        err.message()


def test_without_a_visit_nothing_is_asked(desk: Desk) -> None:
    # a letter or a website complaint is registered with no visit at all
    assert desk.apply("KEBERATAN", None).status == "received"
    assert desk.complain(None).status == "received" and desk.overrides() == []


def test_the_commands_for_a_waiting_visit_exit_2_changing_nothing(capsys, url: str) -> None:
    with Store.open(url) as store:
        Desk(store, url)
    code, ticket, err = run_json(capsys, url, "ticket", "issue", "KEBERATAN",
                                 "--office", MALANG)
    assert code == 0, err
    commands = [
        ("application", "register", "KEBERATAN", "--office", MALANG, "--name", "Siti Aminah",
         "--subject", "Keberatan SKPD", "--amount", "1.500.000"),
        ("complaint", "register", "--office", MALANG, "--channel", "room", "--text",
         "Antrean terlalu lama"),
    ]
    for argv in commands:
        login(url, "rina")  # the command line acts for the person signed in (app/cli_login.py)
        # an officer's override is refused: only the refusal is kept (app/access.py)
        for extra, expected, audited in (((), "sedang menunggu", 0),
                                         (("--override",), DENIED, 1)):
            before = snapshot(url)
            code, out, err = run_json(capsys, url, *argv, "--ticket", ticket["ticket"],
                                      "--as", "rina", *extra)
            assert code == 2 and out is None and len(err.strip().splitlines()) == 1, err
            assert expected in err
            assert snapshot(url) == {**before, "audit_log": before["audit_log"] + audited}
        login(url, "kepala")
        code, data, err = run_json(capsys, url, *argv, "--ticket", ticket["ticket"],
                                   "--as", "kepala", "--override")
        assert code == 0 and data["status"] == "received", err
