"""The print spool against the printer simulator over TCP, with python-escpos underneath:
nothing lost, nothing printed twice unasked, unsent jobs resume after a restart."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import ticket_print
from app.errors import LoketError
from app.queue import engine as q_
from app.spool import MAX_ATTEMPTS, Spool, failed_jobs
from app.store import Store
from db.enums import DeviceKind, JobState, VisitStatus
from db.models import AuditEntry, DeviceJob, Visit
from devices.escpos_sim import EscposSimulator, Fault
from devices.registry import open_device
from tests.app.queue.conftest import MONDAY_9

OFFICE = "BAPENDA-BATU"
SERVICE = "PBB-OP-BARU"


@pytest.fixture
def batu(catalog_store: Store) -> Store:
    from db.models import Office

    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code=OFFICE).one()
        office.settings = {}  # open whenever the test runs
        uow.commit()
    return catalog_store


def issue(store: Store, n: int) -> list[int]:
    ids = []
    for i in range(n):
        with store.uow() as uow:
            ids.append(q_.issue_ticket(uow, SERVICE, office_code=OFFICE,
                                       now=MONDAY_9 + timedelta(seconds=i)).id)
    return ids


class EveryFifthFails:
    """Opens the real driver; every fifth send meets a fault, by turns before the ticket
    (offline, paper out, cover open, silent) and during it (paper runs out mid-ticket)."""

    TURNS = ("offline", "paper_out", "cover_open", "timeout", "mid_ticket")

    def __init__(self, sim: EscposSimulator) -> None:
        self.sim = sim
        self.sends = 0
        self.faults = Counter()

    def __call__(self, kind: DeviceKind, connection: str):
        device = open_device(kind, connection)
        outer = self

        class Faulty:
            def __init__(self) -> None:
                self.connection = device.connection

            def send(self, data: bytes) -> None:
                outer.sends += 1
                turn = None
                if outer.sends % 5 == 0:
                    turn = outer.TURNS[(outer.sends // 5) % len(outer.TURNS)]
                    outer.faults[turn] += 1
                if turn == "mid_ticket":
                    outer.sim.plan = lambda moment, n: Fault.PAPER_OUT if moment == "receipt" \
                        else None
                elif turn is not None:
                    outer.sim.set_fault(Fault(turn))
                try:
                    device.send(data)
                finally:
                    outer.sim.set_fault(None)
                    outer.sim.plan = None

            def close(self) -> None:
                device.close()

        return Faulty()


def test_500_tickets_one_in_five_failing(batu: Store) -> None:
    visits = issue(batu, 500)
    sim = EscposSimulator()
    with sim.serve_tcp() as server:
        # short, for the silent turns; long enough for a healthy answer on a busy machine
        connection = f"escpos+tcp://{server.address}?timeout=0.5"
        jobs = [ticket_print.queue_ticket(batu, v, connection, now=MONDAY_9) for v in visits]
        opener = EveryFifthFails(sim)
        spool = Spool(batu, opener=opener)
        now = MONDAY_9
        for _ in range(MAX_ATTEMPTS + 2):
            spool.run_due(now)
            now += timedelta(minutes=5)  # past every backoff
        assert spool.due(now) == []
    assert set(opener.faults) == set(EveryFifthFails.TURNS)

    printed = Counter(r.qr[0].split("|")[2] for r in sim.receipts)
    assert max(printed.values()) == 1, "a ticket was printed twice"
    with batu.uow(read_only=True) as uow:
        rows = uow.session.execute(select(DeviceJob.id, DeviceJob.visit_id, DeviceJob.state,
                                          DeviceJob.last_error)
                                   .where(DeviceJob.id.in_(jobs))).all()
        waiting = uow.session.scalar(select(func.count(Visit.id)).where(
            Visit.status == VisitStatus.WAITING))
        flagged = {j.id for j in failed_jobs(uow)}
    assert len(rows) == 500
    states = Counter(row.state for row in rows)
    assert set(states) <= {JobState.DONE, JobState.FAILED}, states  # none lost in between
    for _job, visit_id, state, error in rows:
        if state is JobState.DONE:
            assert printed[str(visit_id)] == 1
        else:  # flagged for a person: only tickets whose paper ran out mid-print
            assert error.startswith("unconfirmed") and printed[str(visit_id)] == 0
    assert states[JobState.FAILED] == opener.faults["mid_ticket"] == len(flagged)
    assert states[JobState.DONE] == len(sim.receipts)
    assert waiting == 500  # a failed print never touches the visit


def test_unsent_jobs_resume_after_a_restart_and_a_crash_mid_send_is_flagged(batu: Store) -> None:
    visits = issue(batu, 3)
    sim = EscposSimulator(fault=Fault.OFFLINE)
    with sim.serve_tcp() as server:
        # short, for the silent turns; long enough for a healthy answer on a busy machine
        connection = f"escpos+tcp://{server.address}?timeout=0.5"
        jobs = [ticket_print.queue_ticket(batu, v, connection, now=MONDAY_9) for v in visits]
        first = Spool(batu)
        assert [r.state for r in first.run_due(MONDAY_9)] == ["queued"] * 3  # to retry
        # a spool crashed while sending the third job: it stays "sent"
        with batu.uow() as uow:
            uow.session.query(DeviceJob).filter_by(id=jobs[2]).update(
                {"state": JobState.SENT})
            uow.commit()
        sim.set_fault(None)
        restarted = Spool(batu)
        assert restarted.recover(MONDAY_9) == [jobs[2]]
        results = restarted.run_due(MONDAY_9 + timedelta(minutes=1))
        assert sorted(r.id for r in results) == jobs[:2]
        assert {r.state for r in results} == {"done"}
    assert sorted(r.qr[0] for r in sim.receipts) == sorted(
        f"LOKET1|{OFFICE}|{v}|A-00{i + 1}" for i, v in enumerate(visits[:2]))
    with batu.uow(read_only=True) as uow:
        assert [j.id for j in failed_jobs(uow)] == [jobs[2]]
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "device_job", AuditEntry.entity_id == str(jobs[0]))))
    assert actions == ["print.queued", "print.queued", "print.done"]


def test_a_printer_that_never_comes_back_is_given_up(batu: Store) -> None:
    [visit] = issue(batu, 1)
    sim = EscposSimulator(fault=Fault.PAPER_OUT)
    now = MONDAY_9 + timedelta(days=1)  # the fixed clock, never the wall clock
    with sim.serve_tcp() as server:
        result = ticket_print.print_ticket(batu, visit, f"escpos+tcp://{server.address}",
                                           now=now)
        assert (result.state, result.condition) == ("queued", "paper_out")
        spool = Spool(batu)
        for _ in range(MAX_ATTEMPTS):
            spool.run_due(now)
            now += timedelta(minutes=5)
    with batu.uow(read_only=True) as uow:
        [job] = failed_jobs(uow)
    assert job.attempts == MAX_ATTEMPTS and job.last_error.startswith("gave up")
    # the reprint comes out marked as such once there is paper
    sim.set_fault(None)
    with sim.serve_tcp() as server:
        again = ticket_print.print_ticket(batu, visit, f"escpos+tcp://{server.address}",
                                          reprint=True)
    assert again.state == "done"
    assert "** CETAK ULANG **" in sim.receipts[-1].text


def test_a_bad_printer_address_is_refused_before_anything_is_saved(batu: Store) -> None:
    [visit] = issue(batu, 1)
    with pytest.raises(LoketError) as info:
        ticket_print.queue_ticket(batu, visit, "escpos+tcp://printer:70000")
    assert info.value.key == "device.bad_connection"
    with batu.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(DeviceJob.id))) == 0


def test_a_card_job_goes_through_the_spool_to_the_card_printer(batu: Store, tmp_path) -> None:
    from datetime import date

    from printing.card import NpwpdCard

    card = NpwpdCard(office_name="BADAN PENDAPATAN DAERAH KOTA BATU",
                     office_address="Jl. Panglima Sudirman 507, Batu", npwpd="P.2.0001234.01.02",
                     name="Siti Aminah", address="Jl. Bromo 3, Batu", business_type="Restoran",
                     registered=date(2026, 11, 23), qr_payload="P.2.0001234.01.02")
    assert NpwpdCard.from_json(card.to_json()) == card
    from app.spool import enqueue

    cards = tmp_path / "cards"
    connection = f"sim://?dir={cards}&fault=card_out"
    with batu.uow() as uow:
        job = enqueue(uow, kind=DeviceKind.CARD_PRINTER, connection=connection,
                      job_kind="card.npwpd", payload=card.to_json(), now=MONDAY_9)
    spool = Spool(batu)
    [first] = spool.run_due(MONDAY_9)
    assert (first.state, first.condition) == ("queued", "media_out")
    assert not cards.exists() or list(cards.iterdir()) == []
    with batu.uow() as uow:  # the officer loads cards and points the job at the fixed printer
        uow.session.query(DeviceJob).filter_by(id=job).update(
            {"connection": f"sim://?dir={cards}"})
        uow.commit()
    [second] = spool.run_due(MONDAY_9 + timedelta(minutes=1))
    assert second.state == "done"
    assert (cards / "npwpd-P.2.0001234.01.02.pdf").read_bytes().startswith(b"%PDF")
