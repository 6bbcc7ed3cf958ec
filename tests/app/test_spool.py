"""The print spool against the printer simulator over TCP, with python-escpos underneath:
nothing lost, nothing printed twice unasked, unsent jobs resume after a restart; one owner
per job (its lease), so two spools, the kiosk and people reprinting never send one job
twice."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.access import Actor
from app.errors import LoketError
from app.output import tickets as ticket_print
from app.queue import engine as q_
from app.spool import MAX_ATTEMPTS, Spool, failed_jobs
from app.store import Store
from db.enums import DeviceKind, JobState, VisitStatus
from db.models import AuditEntry, DeviceJob, Visit
from devices.connection import parse
from devices.escpos_sim import EscposSimulator, Fault
from devices.registry import forget_simulators, open_device, simulator
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
    assert actions == ["print.queued", "print.sent", "print.queued", "print.sent", "print.done"]


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


# --- one owner per job ---------------------------------------------------------------------


def _audit_actions(store: Store, job_id: int) -> list[str]:
    with store.uow(read_only=True) as uow:
        return list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "device_job", AuditEntry.entity_id == str(job_id))
            .order_by(AuditEntry.id)))


def _job(store: Store, job_id: int) -> DeviceJob:
    with store.uow(read_only=True) as uow:
        job = uow.session.get(DeviceJob, job_id)
        uow.session.expunge(job)
        return job


def test_a_second_spool_never_touches_a_job_another_sender_holds(batu: Store) -> None:
    """The reported case: a second ``print spool`` flagged a job a live sender was sending,
    and the sender then wrote over it (failed -> queued -> done)."""
    [visit] = issue(batu, 1)
    sim = EscposSimulator()
    with sim.serve_tcp() as server:
        job = ticket_print.queue_ticket(batu, visit, f"escpos+tcp://{server.address}",
                                        now=MONDAY_9)
        first, second = Spool(batu), Spool(batu)
        claim = first.claim(job, MONDAY_9)
        assert claim is not None and _job(batu, job).lease_owner == first.owner
        # while the lease runs: the second spool neither flags nor sends it
        assert second.recover(MONDAY_9 + timedelta(seconds=90)) == []
        assert second.run_due(MONDAY_9 + timedelta(seconds=90)) == []
        assert second.attempt(job, MONDAY_9) is None
        done = first.send(claim, MONDAY_9 + timedelta(seconds=1))
    assert done.state == "done" and len(sim.receipts) == 1
    assert _job(batu, job).lease_owner is None  # a finished job has no owner
    assert _audit_actions(batu, job) == ["print.queued", "print.sent", "print.done"]


def test_a_sender_whose_lease_ran_out_writes_nothing_over_the_flag(batu: Store) -> None:
    [visit] = issue(batu, 1)
    sim = EscposSimulator()
    with sim.serve_tcp() as server:
        job = ticket_print.queue_ticket(batu, visit, f"escpos+tcp://{server.address}",
                                        now=MONDAY_9)
        hung, other = Spool(batu, lease=timedelta(minutes=2)), Spool(batu)
        claim = hung.claim(job, MONDAY_9)
        assert claim is not None
        assert other.recover(MONDAY_9 + timedelta(minutes=3)) == [job]  # presumed gone
        late = hung.send(claim, MONDAY_9 + timedelta(minutes=4))  # it comes back, prints
    assert late.state == "failed" and late.error.startswith("lease lost")
    flagged = _job(batu, job)
    assert (flagged.state, flagged.last_error) == (
        JobState.FAILED, "unconfirmed: the sender stopped while sending")
    assert _audit_actions(batu, job) == [
        "print.queued", "print.sent", "print.failed", "print.lease_lost"]
    with batu.uow(read_only=True) as uow:  # still flagged: a person checks the paper
        assert [j.id for j in failed_jobs(uow)] == [job]


def test_a_ticket_printed_while_a_spool_runs_is_never_the_spools(batu: Store) -> None:
    """``print ticket`` saved its job queued, a running spool could claim it first, and
    ``print ticket`` died on an assert; the job is now born leased to its sender."""
    [visit] = issue(batu, 1)
    sim = EscposSimulator()
    with sim.serve_tcp() as server:
        connection = f"escpos+tcp://{server.address}"
        kiosk, spool = Spool(batu), Spool(batu)
        job = ticket_print.queue_ticket(batu, visit, connection, now=MONDAY_9, sender=kiosk)
        assert spool.due(MONDAY_9 + timedelta(hours=1)) == []  # saved, and not the spool's
        assert spool.attempt(job, MONDAY_9) is None
        claim = kiosk.held(job)
        assert claim is not None
        assert kiosk.send(claim, MONDAY_9).state == "done"
    assert len(sim.receipts) == 1


def test_printing_a_ticket_twice_is_refused_in_words_that_say_why(batu: Store) -> None:
    [visit] = issue(batu, 1)
    sim = EscposSimulator(fault=Fault.PAPER_OUT)
    with sim.serve_tcp() as server:
        connection = f"escpos+tcp://{server.address}"
        first = ticket_print.print_ticket(batu, visit, connection, now=MONDAY_9)
        assert first.state == "queued"  # paper out before a byte left: retried by itself
        with pytest.raises(LoketError) as info:
            ticket_print.print_ticket(batu, visit, connection, now=MONDAY_9)
        assert info.value.key == "print.ticket_queued"
        assert "akan dicoba lagi otomatis" in info.value.message("id")
        assert "will be retried automatically" in info.value.message("en")
        sim.set_fault(None)
        [done] = Spool(batu).run_due(MONDAY_9 + timedelta(minutes=5))
        assert done.state == "done"
        with pytest.raises(LoketError) as info:
            ticket_print.print_ticket(batu, visit, connection, now=MONDAY_9)
        assert info.value.key == "print.ticket_printed"
        with pytest.raises(LoketError) as info:  # the flagged list was stale: one copy
            ticket_print.reprint_job(batu, first.id, actor=Actor("supervisor"), now=MONDAY_9)
        assert info.value.key == "print.already_done"
    assert len(sim.receipts) == 1


def test_a_reprint_takes_over_a_job_waiting_for_its_retry_and_marks_it(batu: Store) -> None:
    """The reported case: the message invited a reprint while the job also waited for its
    retry; following it printed every ticket twice, none marked."""
    [visit] = issue(batu, 1)
    sim = EscposSimulator(fault=Fault.COVER_OPEN)
    with sim.serve_tcp() as server:
        connection = f"escpos+tcp://{server.address}"
        waiting = ticket_print.print_ticket(batu, visit, connection, now=MONDAY_9)
        assert waiting.state == "queued"
        sim.set_fault(None)
        again = ticket_print.print_ticket(batu, visit, connection, reprint=True,
                                          actor=Actor("petugas1"), now=MONDAY_9)
        assert (again.id, again.state) == (waiting.id, "done")  # the same job, taken over
        assert Spool(batu).run_due(MONDAY_9 + timedelta(hours=1)) == []  # no retry left
    [receipt] = sim.receipts
    assert "** CETAK ULANG **" in receipt.text
    assert _audit_actions(batu, waiting.id) == [
        "print.queued", "print.sent", "print.queued", "print.taken_over", "print.done"]


def test_a_reprint_waits_for_a_live_sender(batu: Store) -> None:
    [visit] = issue(batu, 1)
    connection = "escpos+file:///dev/null"
    job = ticket_print.queue_ticket(batu, visit, connection, now=MONDAY_9)
    spool = Spool(batu)
    assert spool.claim(job, MONDAY_9) is not None
    with pytest.raises(LoketError) as info:
        ticket_print.reprint_job(batu, job, actor=Actor("supervisor"),
                                 now=MONDAY_9 + timedelta(seconds=30))
    assert info.value.key == "print.busy"
    assert "tunggu hasilnya" in info.value.message("id")
    assert _job(batu, job).lease_owner == spool.owner  # untouched


# --- the race: two spools, the kiosk and people reprinting, faults cycling ------------------

RACE_TICKETS = 500
RACE_DEADLINE = 50.0  # seconds; the run takes 10-25 s on two shared cores


class CyclingFaults:
    """The simulator's fault plan: every 7th status round fails, by turns offline, paper
    out, cover open, silent; every 11th receipt by turns loses its paper half-way or runs
    low (still prints). A status round before the bytes fails safe (retried); one after
    them, or a lost receipt, leaves the ticket unconfirmed (flagged)."""

    ROUNDS = (Fault.OFFLINE, Fault.PAPER_OUT, Fault.COVER_OPEN, Fault.TIMEOUT)
    RECEIPTS = (Fault.PAPER_OUT, Fault.PAPER_LOW)

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def __call__(self, moment: str, n: int) -> Fault | None:
        if moment == "status" and n % 7 == 0:
            fault = self.ROUNDS[(n // 7) % len(self.ROUNDS)]
        elif moment == "receipt" and n % 11 == 0:
            fault = self.RECEIPTS[(n // 11) % len(self.RECEIPTS)]
        else:
            return None
        self.seen[f"{moment}:{fault.value}"] += 1
        return fault


def one_at_a_time(lock: threading.Lock):
    """A printer serves one connection at a time: a sender holds it for its whole send."""

    def opener(kind: DeviceKind, connection: str):
        device = open_device(kind, connection)

        class Held:
            def send(self, data: bytes) -> None:
                with lock:
                    device.send(data)

            def close(self) -> None:
                device.close()

        return Held()

    return opener


# a job's audited states may only go these ways; a "failed" job moves only by a person
ALLOWED = {None: {"print.queued"}, "print.queued": {"print.sent", "print.taken_over"},
           "print.sent": {"print.queued", "print.failed", "print.done"},
           "print.taken_over": {"print.queued", "print.failed", "print.done"},
           "print.failed": {"print.taken_over"}, "print.done": set()}


def test_race_two_spools_the_kiosk_and_reprints_each_ticket_once_or_reprinted_marked(
        batu: Store) -> None:
    """500 tickets (RACE_TICKETS) printed by the kiosk while two spools retry and two people
    reprint what is flagged, the printer's faults cycling: each ticket prints once unmarked,
    or is flagged and its reprints come out marked "CETAK ULANG" (read back from the ESC/POS
    bytes the simulator received); no job sent by two at once; no exception but refusals."""
    visits = issue(batu, RACE_TICKETS)
    forget_simulators()
    connection = "sim://?name=race"
    sim: EscposSimulator = simulator(DeviceKind.TICKET_PRINTER,
                                     parse(connection, DeviceKind.TICKET_PRINTER))
    faults = CyclingFaults()
    sim.plan = faults
    opener = one_at_a_time(threading.Lock())
    # the spools' clock runs an hour ahead, so every backoff is over at once; leases are long
    # (nobody crashes here: expiry is the test above), so a live send is never flagged
    ahead = lambda: datetime.now(UTC) + timedelta(hours=1)  # noqa: E731
    lease = timedelta(days=1)
    kiosk = Spool(batu, opener=opener, lease=lease)
    spools = [Spool(batu, opener=opener, clock=ahead, lease=lease) for _ in range(2)]
    people = [Spool(batu, opener=opener, clock=ahead, lease=lease) for _ in range(2)]
    kiosk_done, stop, progress = threading.Event(), threading.Event(), threading.Event()
    errors: list[BaseException] = []
    refusals: Counter[str] = Counter()
    kiosk_results: Counter[str] = Counter()

    def guarded(work):
        def run() -> None:
            try:
                work()
            except BaseException as exc:  # reported by the test
                errors.append(exc)
                stop.set()
        return run

    def print_at_kiosk() -> None:
        for i, visit in enumerate(visits):
            # every third as the kiosk (no retry: flagged at once), the rest retried
            result = ticket_print.print_ticket(batu, visit, connection, spool=kiosk,
                                               retry=i % 3 != 0)
            kiosk_results[result.state] += 1
            progress.set()
        kiosk_done.set()

    def settled() -> bool:
        if not kiosk_done.is_set():
            return False
        with batu.uow(read_only=True) as uow:
            return not uow.session.scalar(select(func.count(DeviceJob.id)).where(
                DeviceJob.state != JobState.DONE))

    def spool_loop(spool: Spool):
        def run() -> None:
            while not stop.is_set():
                busy = spool.recover() or spool.run_due()
                if busy:
                    progress.set()
                elif settled():
                    stop.set()
                else:
                    progress.wait(0.02)  # idle: look again when someone moved (or soon)
                    progress.clear()
        return run

    def reprint_loop(person: Spool, name: str):
        def run() -> None:
            while not stop.is_set():
                with batu.uow(read_only=True) as uow:
                    flagged = [j.id for j in failed_jobs(uow)]
                for job_id in flagged:
                    try:
                        ticket_print.reprint_job(batu, job_id, actor=Actor(name), spool=person)
                    except LoketError as exc:  # another person, or the job moved on
                        refusals[exc.key] += 1
                    progress.set()
                if not flagged:
                    progress.wait(0.02)
        return run

    threads = [threading.Thread(target=guarded(print_at_kiosk))]
    threads += [threading.Thread(target=guarded(spool_loop(s))) for s in spools]
    threads += [threading.Thread(target=guarded(reprint_loop(p, f"supervisor{i}")))
                for i, p in enumerate(people)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, RACE_DEADLINE - (time.monotonic() - started)))
    stop.set()
    for t in threads:
        t.join(10)
    assert errors == [], errors  # no assertion error, no exception but the refusals below
    assert set(refusals) <= {"print.busy", "print.already_done"}, refusals
    assert not any(t.is_alive() for t in threads)

    with batu.uow(read_only=True) as uow:
        jobs = {j.id: j.visit_id for j in uow.session.scalars(select(DeviceJob))}
        states = Counter(uow.session.scalars(select(DeviceJob.state)))
        trail: dict[int, list[str]] = defaultdict(list)
        for entity_id, action in uow.session.execute(
                select(AuditEntry.entity_id, AuditEntry.action)
                .where(AuditEntry.entity == "device_job").order_by(AuditEntry.id)):
            trail[int(entity_id)].append(action)
    assert states == {JobState.DONE: RACE_TICKETS}, states  # settled, none lost
    assert sorted(jobs.values()) == sorted(visits)  # one job per ticket, reprints included

    copies: dict[int, Counter[bool]] = defaultdict(Counter)
    for receipt in sim.receipts:
        copies[int(receipt.qr[0].split("|")[2])]["** CETAK ULANG **" in receipt.text] += 1
    flagged = reprinted = 0
    for job_id, visit in jobs.items():
        actions = [a for a in trail[job_id] if a != "print.lease_lost"]
        assert "print.lease_lost" not in trail[job_id]  # nobody lost a lease here
        for before, after in zip([None, *actions], actions, strict=False):
            assert after in ALLOWED[before], (job_id, actions)
        takeovers = actions.count("print.taken_over")
        plain, marked = copies[visit][False], copies[visit][True]
        assert plain <= 1, (visit, actions)  # never two unmarked tickets
        assert plain + marked >= 1, (visit, actions)  # every ticket in a hand
        if "print.failed" in actions:
            flagged += 1
            reprinted += takeovers > 0
            assert takeovers >= 1 and marked <= takeovers, (visit, actions)
            assert marked >= 1 or plain == 1, (visit, actions)
        else:  # printed once, unmarked, nobody touched it
            assert (plain, marked, takeovers) == (1, 0, 0), (visit, actions)
    # the race was run: faults of every kind met, tickets flagged and reprinted
    assert {k.split(":")[1] for k in faults.seen} >= {f.value for f in Fault}
    assert kiosk_results["queued"] and kiosk_results["failed"] and kiosk_results["done"]
    assert flagged == reprinted > 0
