"""The display's read model: each counter's box shows only the visit it calls or serves now.

A Samsat morning driven through the queue engine (cek fisik -> loket 1 -> 2 -> 3), read back
after every step as the TV would read it when switched on at that moment.
"""

from __future__ import annotations

from collections import Counter as Tally
from datetime import timedelta

import pytest

from app.queue import engine as q_
from app.stations.display import Board, board
from app.store import Store
from tests.app.queue.conftest import MONDAY_9, Clock
from tests.helpers import queue_only

OFFICE = "SAMSAT-PTK1"
SERVICE = "STNK-PERPANJANGAN"
COUNTERS = ("CF", "L1", "L2", "L3")


@pytest.fixture
def q(catalog_store: Store) -> Store:
    """The display's tests are about where visitors go, not the work each stage checks."""
    queue_only(catalog_store)
    return catalog_store


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY_9)


def act(store: Store, clock: Clock, fn, *args, **kw):
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=clock(1), **kw)


def read(store: Store, clock: Clock) -> Board:
    with store.uow(read_only=True) as uow:
        return board(uow, OFFICE, now=clock())


def boxes(b: Board) -> dict[str, str | None]:
    """Counter code -> the ticket in its box; no ticket may stand in two boxes."""
    shown = {c.counter: c.ticket for c in b.counters}
    twice = [t for t, n in Tally(t for t in shown.values() if t).items() if n > 1]
    assert not twice, f"{twice} stand in two boxes: {shown}"
    return shown


def empty(**tickets: str) -> dict[str, str | None]:
    return {code: tickets.get(code) for code in COUNTERS}


def past_cek_fisik(q: Store, clock: Clock) -> str:
    """A visitor whose vehicle was checked: now waiting for loket 1."""
    ticket = act(q, clock, q_.issue_ticket, SERVICE).ticket
    act(q, clock, q_.call_ticket, "CF", ticket)
    act(q, clock, q_.finish, "CF")
    return ticket


def test_a_visit_moving_from_loket_1_to_2_stands_only_where_it_is_now(q: Store,
                                                                       clock: Clock) -> None:
    """The bug seen under the autopilot: A-001 stayed in every box that had ever called it."""
    ticket = past_cek_fisik(q, clock)
    assert boxes(read(q, clock)) == empty()  # cek fisik finished: its box empties
    act(q, clock, q_.call_next, "L1")
    b = read(q, clock)
    assert boxes(b) == empty(L1=ticket)
    assert b.counter("L1").status == "called"
    act(q, clock, q_.start, "L1")
    b = read(q, clock)
    assert boxes(b) == empty(L1=ticket) and b.counter("L1").status == "serving"
    act(q, clock, q_.finish, "L1")
    b = read(q, clock)
    assert boxes(b) == empty()  # waiting for loket 2: no box sends the visitor anywhere
    assert b.waiting[SERVICE][1] == 1
    act(q, clock, q_.call_next, "L2")
    b = read(q, clock)
    assert boxes(b) == empty(L2=ticket)
    # the history keeps both calls, newest first
    assert b.recent[:2] == [(ticket, "LOKET 2"), (ticket, "LOKET 1")]


def test_held_returned_skipped_cancelled_and_taken_back_visits_leave_their_box(
        q: Store, clock: Clock) -> None:
    ticket = past_cek_fisik(q, clock)
    act(q, clock, q_.call_next, "L1")
    act(q, clock, q_.hold, "L1")
    assert boxes(read(q, clock)) == empty()  # parked: the visitor waits, goes nowhere
    act(q, clock, q_.resume, "L1", ticket)
    assert boxes(read(q, clock)) == empty(L1=ticket)
    act(q, clock, q_.return_to_queue, "L1")
    assert boxes(read(q, clock)) == empty()
    act(q, clock, q_.call_next, "L1")
    with q.uow() as uow:
        q_.take_back(uow, ticket, office_code=OFFICE, now=clock(1))
    assert boxes(read(q, clock)) == empty()
    act(q, clock, q_.call_next, "L1")
    act(q, clock, q_.skip, "L1")  # did not come: a no-show
    assert boxes(read(q, clock)) == empty()
    other = past_cek_fisik(q, clock)
    act(q, clock, q_.call_next, "L1")
    assert boxes(read(q, clock)) == empty(L1=other)
    act(q, clock, q_.finish, "L1", outcome="cancelled")
    assert boxes(read(q, clock)) == empty()


def test_a_transferred_visit_leaves_its_box_and_a_recall_keeps_it(q: Store,
                                                                  clock: Clock) -> None:
    ticket = past_cek_fisik(q, clock)
    act(q, clock, q_.call_next, "L1")
    act(q, clock, q_.recall, "L1")
    b = read(q, clock)
    assert boxes(b) == empty(L1=ticket)
    assert b.recent[:2] == [(ticket, "LOKET 1"), (ticket, "LOKET 1")]
    act(q, clock, q_.transfer, "L1", to_counter="L3")
    assert boxes(read(q, clock)) == empty()
    act(q, clock, q_.call_next, "L3")
    assert boxes(read(q, clock)) == empty(L3=ticket)


def test_closed_counters_say_so_and_closing_the_day_empties_every_box(q: Store,
                                                                      clock: Clock) -> None:
    """A counter nobody opened, or closed, is not idle: the TV must tell visitors apart."""
    ticket = past_cek_fisik(q, clock)
    b = read(q, clock)
    assert b.counter("L3").is_open is False  # nobody signed in there yet
    act(q, clock, q_.set_counter_open, "L3", True)
    act(q, clock, q_.set_counter_open, "L2", True)
    act(q, clock, q_.call_next, "L1")
    b = read(q, clock)
    assert {c.counter: c.is_open for c in b.counters} == {
        "CF": True, "L1": True, "L2": True, "L3": True}
    act(q, clock, q_.set_counter_open, "L3", False)
    b = read(q, clock)
    assert b.counter("L3").is_open is False and b.counter("L2").is_open is True
    assert boxes(b) == empty(L1=ticket)
    act(q, clock, q_.close_day)
    b = read(q, clock)
    assert boxes(b) == empty()
    assert not any(c.is_open for c in b.counters)


def test_yesterdays_visit_stuck_at_a_counter_is_not_shown_today(q: Store, clock: Clock) -> None:
    """Numbers restart every day: yesterday's A-001 at loket 1 would send today's A-001 there."""
    past_cek_fisik(q, clock)
    act(q, clock, q_.call_next, "L1")
    clock.now += timedelta(days=1)
    b = read(q, clock)
    assert boxes(b) == empty()
    assert b.recent == []


def test_the_recent_calls_are_the_last_six_of_today(q: Store, clock: Clock) -> None:
    tickets = [act(q, clock, q_.issue_ticket, SERVICE).ticket for _ in range(4)]
    for ticket in tickets:
        act(q, clock, q_.call_ticket, "CF", ticket)
        act(q, clock, q_.recall, "CF")
        act(q, clock, q_.finish, "CF")
    b = read(q, clock)
    assert len(b.recent) == 6
    assert b.recent[0] == (tickets[-1], "TEMPAT CEK FISIK")
    assert [t for t, _ in b.recent] == [tickets[3]] * 2 + [tickets[2]] * 2 + [tickets[1]] * 2
