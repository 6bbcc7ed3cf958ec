"""The queue engine's public face: every queue operation, each one transaction with its
history, audit and event, re-exported from the module that holds it.

* :mod:`app.queue.tickets`: issuing tickets, the priority lane, appointments, what a ticket
  shows (people ahead, estimated wait);
* :mod:`app.queue.calls`: the counter actions (call next, recall, no-show, hold, transfer,
  start, finish);
* :mod:`app.queue.counters`: opening and closing counters, their sign of life, and the visits
  left at a vanished counter (take back, take over, recover);
* :mod:`app.queue.day`: service hours, whether the office is open, closing the day;
* :mod:`app.queue.status`: the office at a glance, with the time-standard warnings;
* shared by them: :mod:`app.queue.lookups` and :mod:`app.queue.history`.

Callers may keep importing from here; new code may import from the parts directly.
"""

from __future__ import annotations

from app.access import SYSTEM, Actor
from app.clock import utcnow
from app.office_settings import MAX_RECOVER_AFTER_MINUTES, RECALL_LIMIT
from app.queue.calls import (
    CLOSED_AS,
    OUTCOMES,
    CallInfo,
    FinishInfo,
    call_next,
    call_ticket,
    finish,
    hold,
    recall,
    resume,
    return_to_queue,
    skip,
    start,
    transfer,
)
from app.queue.config import resolve_office
from app.queue.counters import (
    heartbeat,
    recover_stale,
    set_counter_open,
    take_back,
    take_over,
)
from app.queue.day import close_day, ensure_open, office_hours, open_day
from app.queue.lookups import ACTIVE, OfficeState, find_counter, find_visit, today_start
from app.queue.status import status
from app.queue.tickets import (
    KIOSK,
    PRIORITY_REASONS,
    TicketInfo,
    book_appointment,
    check_in,
    check_priority,
    grant_priority,
    issue_ticket,
    position,
)

__all__ = [
    "ACTIVE",
    "CLOSED_AS",
    "KIOSK",
    "MAX_RECOVER_AFTER_MINUTES",
    "OUTCOMES",
    "PRIORITY_REASONS",
    "RECALL_LIMIT",
    "SYSTEM",
    "Actor",
    "CallInfo",
    "FinishInfo",
    "OfficeState",
    "TicketInfo",
    "book_appointment",
    "call_next",
    "call_ticket",
    "check_in",
    "check_priority",
    "close_day",
    "ensure_open",
    "find_counter",
    "find_visit",
    "finish",
    "grant_priority",
    "heartbeat",
    "hold",
    "issue_ticket",
    "office_hours",
    "open_day",
    "position",
    "recall",
    "recover_stale",
    "resolve_office",
    "resume",
    "return_to_queue",
    "set_counter_open",
    "skip",
    "start",
    "status",
    "take_back",
    "take_over",
    "today_start",
    "transfer",
    "utcnow",
]
