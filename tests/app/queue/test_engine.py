"""The queue engine on SQLite and PostgreSQL, with a fixed clock on a Monday at Samsat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from app.errors import LoketError
from app.queue import engine as q_
from app.store import Store
from db.models import AuditEntry, Event, StageRecord, Visit, VisitTransition
from tests.app.queue.conftest import Clock
from tests.helpers import snapshot

OFFICE = "SAMSAT-PTK1"
STNK = "STNK-PERPANJANGAN"
LOST = "STNK-HILANG"
OFFICER = q_.Actor("pengawas")  # a supervisor: these tests also recover and close the day


def issue(store: Store, clock: Clock, service: str = STNK, minutes: float = 0,
          **kw) -> q_.TicketInfo:
    with store.uow() as uow:
        return q_.issue_ticket(uow, service, office_code=OFFICE, now=clock(minutes), **kw)


def act(store: Store, fn, *args, clock: Clock, minutes: float = 0, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, actor=OFFICER, now=clock(minutes), **kw)


def test_numbers_per_prefix_restart_at_local_midnight(q: Store, clock: Clock) -> None:
    assert [issue(q, clock).ticket for _ in range(3)] == ["A-001", "A-002", "A-003"]
    assert issue(q, clock, LOST).ticket == "B-001"
    # 07:59 next morning WIB is 00:59 UTC: a new local day, numbering starts again
    clock.now = datetime(2026, 11, 24, 0, 59, tzinfo=UTC)
    assert issue(q, clock).ticket == "A-001"


def test_ahead_and_estimated_wait(q: Store, clock: Clock) -> None:
    infos = [issue(q, clock) for _ in range(4)]
    assert [i.ahead for i in infos] == [0, 1, 2, 3]
    # no history yet: 5 minutes per visit, one counter serves cek fisik
    assert [i.eta_minutes for i in infos] == [0, 5, 10, 15]
    assert infos[0].due_at == infos[0].issued_at + timedelta(minutes=30)


def test_priority_is_served_first_and_recorded(q: Store, clock: Clock) -> None:
    issue(q, clock)
    issue(q, clock)
    prio = issue(q, clock, LOST, priority="Lansia")
    assert prio.priority == "lansia"
    assert prio.ahead == 0
    call = act(q, q_.call_next, "CF", clock=clock)
    assert call.ticket == "B-001"
    assert call.priority == "lansia"
    with pytest.raises(LoketError) as info:
        issue(q, clock, priority="vip")
    assert info.value.key == "queue.bad_priority"


def test_a_visit_keeps_its_number_through_every_stage(q: Store, clock: Clock) -> None:
    ticket = issue(q, clock)
    path = []
    for counter in ("CF", "L1", "L2", "L3"):
        call = act(q, q_.call_next, counter, clock=clock, minutes=1)
        assert call.ticket == ticket.ticket
        act(q, q_.start, counter, clock=clock, minutes=1)
        done = act(q, q_.finish, counter, clock=clock, minutes=3)
        path.append((call.stage, done.next_stage))
    assert path == [("cek-fisik", "loket-1"), ("loket-1", "loket-2"),
                    ("loket-2", "loket-3"), ("loket-3", None)]
    assert done.status == "done"
    with q.uow(read_only=True) as uow:
        actions = uow.session.scalars(
            select(VisitTransition.action).where(VisitTransition.visit_id == ticket.id)
            .order_by(VisitTransition.id)).all()
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "visit", AuditEntry.entity_id == str(ticket.id)))
        kinds = uow.session.scalars(select(Event.kind).order_by(Event.id)).all()
    assert actions[:4] == ["issued", "called", "started", "finished.out"]
    assert actions[-1] == "completed"
    assert audits == len([a for a in actions if not a.endswith(".out")])
    assert kinds.count("ticket.called") == 4
    assert kinds[-1] == "ticket.completed"


def test_refusals_change_nothing(q: Store, clock: Clock, catalog_db_url: str) -> None:
    issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    before = snapshot(catalog_db_url)
    for fn, args, key in [
        (q_.call_next, ("CF",), "queue.counter_busy"),
        (q_.finish, ("L1",), "queue.counter_idle"),
        (q_.call_next, ("L9",), "queue.unknown_counter"),
        (q_.transfer, ("CF",), "queue.no_target"),
    ]:
        with pytest.raises(LoketError) as info:
            act(q, fn, *args, clock=clock)
        assert info.value.key == key
    with pytest.raises(LoketError) as info:
        act(q, q_.finish, "CF", clock=clock, outcome="maybe")
    assert info.value.key == "queue.bad_outcome"
    assert snapshot(catalog_db_url) == before


def test_nobody_waiting_returns_none(q: Store, clock: Clock) -> None:
    assert act(q, q_.call_next, "L2", clock=clock) is None


def test_recall_limit_turns_into_no_show(q: Store, clock: Clock) -> None:
    issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    recalls = [act(q, q_.recall, "CF", clock=clock, minutes=1) for _ in range(q_.RECALL_LIMIT)]
    assert [r.recalls for r in recalls] == [1, 2, 3]
    last = act(q, q_.recall, "CF", clock=clock, minutes=1)
    assert last.status == "no_show"
    assert act(q, q_.call_next, "CF", clock=clock) is None  # the counter is free again


def test_hold_resume_and_return_keep_the_place(q: Store, clock: Clock) -> None:
    first, second = issue(q, clock), issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    act(q, q_.hold, "CF", clock=clock)
    call = act(q, q_.call_next, "CF", clock=clock)
    assert call.ticket == second.ticket
    with pytest.raises(LoketError, match="still serving"):
        act(q, q_.resume, "CF", first.ticket, clock=clock)
    back = act(q, q_.return_to_queue, "CF", clock=clock)
    assert back.ahead == 0  # back at the head: it was the oldest waiting
    resumed = act(q, q_.resume, "CF", first.ticket, clock=clock)
    assert resumed.status == "serving"


def test_transfer_to_a_particular_counter(q: Store, clock: Clock) -> None:
    ticket = issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    moved = act(q, q_.transfer, "CF", clock=clock, to_counter="L2")
    assert moved.stage == "loket-2"
    assert act(q, q_.call_next, "L1", clock=clock) is None
    call = act(q, q_.call_next, "L2", clock=clock)
    assert call.ticket == ticket.ticket
    done = act(q, q_.finish, "L2", clock=clock)
    assert done.next_stage == "loket-3"  # the flow goes on from the stage it was sent to


def test_incomplete_documents_close_the_visit(q: Store, clock: Clock) -> None:
    issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    done = act(q, q_.finish, "CF", clock=clock, outcome="incomplete", note="BPKB tidak dibawa")
    assert (done.status, done.next_stage) == ("incomplete", None)


def test_recovery_of_a_vanished_counter(q: Store, clock: Clock) -> None:
    a, b = issue(q, clock), issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    with q.uow() as uow:
        assert q_.recover_stale(uow, office_code=OFFICE, now=clock(5)) == []
    with q.uow() as uow:
        assert q_.recover_stale(uow, office_code=OFFICE, now=clock(20)) == [a.ticket]
    call = act(q, q_.call_next, "CF", clock=clock)
    assert call.ticket == a.ticket  # back in its old place, before b
    # a supervisor moves it to another counter of the same stage... or takes it back
    with q.uow() as uow:
        back = q_.take_back(uow, a.ticket, office_code=OFFICE, now=clock(1))
    assert back.status == "waiting"
    act(q, q_.call_next, "CF", clock=clock)
    with pytest.raises(LoketError, match="still serving"):
        act(q, q_.take_over, b.ticket, "CF", clock=clock)


@pytest.mark.parametrize("setting", [0, -5, "15", 10**9, True, None])
def test_a_bad_recovery_setting_means_the_default(q: Store, clock: Clock, setting) -> None:
    """An office's ``recover_after_minutes`` that is not 1 minute to a week is the default
    15 minutes: never "take back every visit at a counter"."""
    from db.models import Office

    with q.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        office.settings = {**office.settings, "recover_after_minutes": setting}
        uow.commit()
    a = issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    with q.uow() as uow:
        assert q_.recover_stale(uow, office_code=OFFICE, now=clock(14)) == []
    with q.uow() as uow:
        assert q_.recover_stale(uow, office_code=OFFICE, now=clock(2)) == [a.ticket]


def test_day_close_and_closed_office(q: Store, clock: Clock) -> None:
    waiting = issue(q, clock)
    issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    with q.uow() as uow:
        closed = q_.close_day(uow, office_code=OFFICE, now=clock(60))
    assert sorted(closed["not_served"]) == ["A-001", "A-002"]
    with pytest.raises(LoketError) as info:
        issue(q, clock)
    assert info.value.key == "office.closed"
    clock.now = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # Tuesday 08:00 WIB
    assert issue(q, clock).ticket == "A-001"
    with q.uow(read_only=True) as uow:
        count = uow.session.scalar(select(func.count()).select_from(VisitTransition).where(
            VisitTransition.visit_id == waiting.id, VisitTransition.action == "not_served"))
    assert count == 1


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 11, 23, 12, 0, tzinfo=UTC),   # 19:00 WIB, after closing
     datetime(2026, 11, 22, 2, 0, tzinfo=UTC),    # Sunday
     datetime(2026, 12, 25, 2, 0, tzinfo=UTC)],   # Christmas
)
def test_no_tickets_outside_service_hours(q: Store, moment: datetime) -> None:
    with pytest.raises(LoketError) as info, q.uow() as uow:
        q_.issue_ticket(uow, STNK, office_code=OFFICE, now=moment)
    assert info.value.key == "office.closed"
    assert "07:30-15:00" in info.value.message()


def test_appointment_is_placed_by_its_time(q: Store, clock: Clock) -> None:
    with q.uow() as uow:
        q_.book_appointment(uow, STNK, clock.now + timedelta(minutes=10), "BK123",
                            office_code=OFFICE)
    early = issue(q, clock, minutes=0)
    clock(20)
    issue(q, clock)
    with q.uow() as uow:
        booked = q_.check_in(uow, "bk123", office_code=OFFICE, now=clock(5))
    assert booked.ahead == 1  # behind the 09:00 walk-in, before the 09:20 one
    first = act(q, q_.call_next, "CF", clock=clock)
    act(q, q_.finish, "CF", clock=clock)
    second = act(q, q_.call_next, "CF", clock=clock)
    assert (first.ticket, second.ticket) == (early.ticket, booked.ticket)
    with pytest.raises(LoketError) as info, q.uow() as uow:
        q_.check_in(uow, "BK123", office_code=OFFICE, now=clock())
    assert info.value.key == "queue.appointment_unknown"


def test_status_flags_visits_near_and_over_their_standard(q: Store, clock: Clock) -> None:
    a = issue(q, clock)
    clock(10)
    issue(q, clock)
    with q.uow(read_only=True) as uow:
        st = q_.status(uow, office_code=OFFICE, now=clock(15))  # 25 and 15 minutes of 30
    assert st["flagged"] == [{"ticket": a.ticket, "state": "near", "due_at": a.due_at.isoformat()}]
    with q.uow(read_only=True) as uow:
        st = q_.status(uow, office_code=OFFICE, now=clock(10))
    assert [(f["ticket"], f["state"]) for f in st["flagged"]] == [("A-001", "over"),
                                                                  ("A-002", "near")]
    assert st["stages"][0] == {"stage": "cek-fisik", "name": "Cek Fisik Kendaraan", "waiting": 2}


def test_office_must_be_named_when_there_are_several(q: Store, clock: Clock) -> None:
    with pytest.raises(LoketError) as info, q.uow() as uow:
        q_.issue_ticket(uow, STNK, now=clock())
    assert info.value.key == "office.required"
    assert "SAMSAT-PTK1" in info.value.message()


def test_the_database_refuses_a_second_active_visit_at_one_counter(q: Store,
                                                                    clock: Clock) -> None:
    """Even a writer that bypasses the engine's check cannot make a counter serve two."""
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    from db.models import Counter, StageRecord

    issue(q, clock)
    second = issue(q, clock)
    act(q, q_.call_next, "CF", clock=clock)
    with q.uow() as uow:
        cf = uow.session.scalar(select(Counter.id).where(Counter.code == "CF"))
        with pytest.raises(IntegrityError):
            uow.session.execute(
                update(StageRecord).where(StageRecord.visit_id == second.id)
                .values(status="called", counter_id=cf))
            uow.session.flush()


def test_two_presses_of_one_counter_at_once_call_one_visit(q: Store, clock: Clock) -> None:
    """Two windows of loket CF press "call next" together, twenty times: each time one gets
    a visit and the other is told the counter is busy with it."""
    import threading

    rounds = 20
    for _ in range(2 * rounds):
        issue(q, clock)
    other = Store.open(q.engine.url.render_as_string(hide_password=False))
    barrier = threading.Barrier(2)

    def press(store: Store, out: list) -> None:
        barrier.wait(10)
        try:
            out.append(act(store, q_.call_next, "CF", clock=clock))
        except LoketError as exc:
            out.append(exc.key)

    try:
        for _ in range(rounds):
            results: list = []
            threads = [threading.Thread(target=press, args=(s, results)) for s in (q, other)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            calls = [r for r in results if isinstance(r, q_.CallInfo)]
            assert len(calls) == 1, results
            assert results.count("queue.counter_busy") == 1, results
            act(q, q_.finish, "CF", clock=clock)
    finally:
        other.close()


def _trail(store: Store, visit_id: int) -> tuple[list, list, list, list, Visit]:
    with store.uow(read_only=True) as uow:
        s = uow.session
        transitions = [
            (t.action, t.stage_record_id, t.from_status, t.to_status, t.note, t.data, t.at)
            for t in s.scalars(select(VisitTransition).where(VisitTransition.visit_id == visit_id)
                               .order_by(VisitTransition.id))]
        audits = [(a.action, a.before, a.after, a.actor) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "visit",
                                     AuditEntry.entity_id == str(visit_id))
            .order_by(AuditEntry.id))]
        events = [(e.kind, e.payload) for e in s.scalars(select(Event).order_by(Event.id))]
        records = [(r.id, r.stage.code, r.seq, r.status.value, r.outcome, r.priority,
                    r.queued_at, r.called_at, r.started_at, r.finished_at, r.stage_id)
                   for r in s.scalars(select(StageRecord).where(StageRecord.visit_id == visit_id)
                                      .order_by(StageRecord.id))]
        visit = s.get(Visit, visit_id)
        return transitions, audits, events, records, visit


def test_finish_records_the_same_trail_on_both_databases(q: Store, clock: Clock) -> None:
    """PostgreSQL finishes in one statement, SQLite step by step: the rows must not differ."""
    t0 = clock.now

    def at(minutes: int) -> datetime:
        return t0 + timedelta(minutes=minutes)

    ticket = issue(q, clock, priority="lansia")
    call = act(q, q_.call_next, "CF", clock=clock, minutes=1)
    moved = act(q, q_.finish, "CF", clock=clock, minutes=3)
    assert (moved.ticket, moved.next_stage, moved.status) == (ticket.ticket, "loket-1", "waiting")
    transitions, audits, events, records, visit = _trail(q, ticket.id)
    (old_id, old_stage, *_), (new_id, *_) = records[-2], records[-1]
    assert old_stage == call.stage
    assert records[-2][2:-1] == (1, "done", "finished", True, at(0), at(1), at(1), at(4))
    assert records[-1][1:-1] == ("loket-1", 2, "waiting", None, True, at(4), None, None, None)
    assert transitions[-2:] == [
        ("finished.out", old_id, "called", "done", "", {"next_stage": "loket-1"}, at(4)),
        ("finished", new_id, "called", "waiting", "",
         {"outcome": "done", "from_stage": call.stage}, at(4)),
    ]
    assert audits[-1] == ("ticket.finished", {"status": "called"}, {
        "status": "waiting", "ticket": ticket.ticket, "stage": "loket-1", "counter": "CF",
        "outcome": "done", "from_stage": call.stage}, OFFICER.name)
    assert events[-1] == ("ticket.finished", {
        "visit_id": ticket.id, "ticket": ticket.ticket, "service": STNK, "stage": "loket-1",
        "status": "waiting", "priority": "lansia", "counter": "CF",
        "counter_number": call.counter_number, "call_name": call.call_name})
    assert (visit.stage_position, visit.status.value, visit.closed_at) == (1, "waiting", None)

    act(q, q_.call_next, "L1", clock=clock, minutes=1)
    act(q, q_.start, "L1", clock=clock, minutes=1)
    closed = act(q, q_.finish, "L1", clock=clock, minutes=3, outcome="incomplete",
                 note="BPKB tidak dibawa")
    assert (closed.next_stage, closed.status) == (None, "incomplete")
    transitions, audits, events, records, visit = _trail(q, ticket.id)
    assert records[-1][1:-1] == ("loket-1", 2, "incomplete", "incomplete", True, at(4),
                                 at(5), at(6), at(9))
    data = {"outcome": "incomplete", "note": "BPKB tidak dibawa"}
    assert transitions[-1] == ("incomplete", records[-1][0], "serving", "incomplete", "", data,
                               at(9))
    assert audits[-1] == ("ticket.incomplete", {"status": "serving"}, {
        "status": "incomplete", "ticket": ticket.ticket, "stage": "loket-1", "counter": "L1",
        **data}, OFFICER.name)
    assert events[-1][0] == "ticket.incomplete"
    assert events[-1][1]["status"] == "incomplete" and events[-1][1]["stage"] == "loket-1"
    assert (visit.status.value, visit.outcome, visit.closed_at) == (
        "incomplete", "incomplete", at(9))
    assert visit.current_stage_id == records[-1][-1]


def test_the_hot_statements_stay_prepared_on_postgresql(q: Store, clock: Clock) -> None:
    """Reading ends with COMMIT: a ROLLBACK would make psycopg forget its prepared statements,
    and "call next" would be planned again on every press."""
    if q.backend != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    for _ in range(8):
        issue(q, clock)  # ends with a read (people ahead, estimated wait)
        act(q, q_.call_next, "CF", clock=clock)
        act(q, q_.finish, "CF", clock=clock)
        with q.uow(read_only=True) as uow:
            q_.status(uow, office_code=OFFICE, now=clock())
    with q.uow(read_only=True) as uow:
        prepared = uow.session.execute(text(
            "SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements"
        )).all()
    hot = [count for statement, count in prepared
           if statement.lstrip().startswith("WITH touched")]
    assert len(hot) == 2 and min(hot) > 0  # call next and finish, each run prepared
