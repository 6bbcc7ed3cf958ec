"""Samsat visits moved along their stages for the survey tests (service and station).

Stages are changed the way an officer sends a visit on with "transfer", which asks for no
stage work (cek fisik, registration, payment): these tests are about when a visit may
answer the survey, not about what each Samsat desk records. STNK renewal runs
cek fisik -> loket 1 -> loket 2 -> loket 3; loket 3 (the STNK hand-over) is its last stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app import users
from app.access import Actor
from app.queue import engine as q
from app.store import Store
from db.models import AuditEntry, SurveyAnswer, SurveyResponse

OFFICE = "SAMSAT-PTK1"
SERVICE = "STNK-PERPANJANGAN"
LAST_STAGE = "loket-3"


@dataclass(frozen=True)
class Ticket:
    id: int
    ticket: str


class Desk:
    """The office's counters, worked by one officer at a fixed time."""

    def __init__(self, store: Store, officer: str, now: datetime) -> None:
        self.store = store
        self.now = now
        with store.uow() as uow:
            info = users.add_user(uow, officer, "officer", "rahasia-123", actor=Actor("admin"),
                                  office_code=OFFICE)
        self.actor = q.Actor(info.username, info.id)

    def issue(self) -> Ticket:
        with self.store.uow() as uow:
            info = q.issue_ticket(uow, SERVICE, office_code=OFFICE, now=self.now)
        return Ticket(info.id, info.ticket)

    def call(self, counter: str, ticket: Ticket) -> None:
        with self.store.uow() as uow:
            q.call_ticket(uow, counter, ticket.ticket, office_code=OFFICE, actor=self.actor,
                          now=self.now)

    def send(self, counter: str, stage: str) -> None:
        """The visit at ``counter`` goes on to ``stage``'s queue."""
        with self.store.uow() as uow:
            q.transfer(uow, counter, to_stage=stage, office_code=OFFICE, actor=self.actor,
                       now=self.now)

    def finish(self, counter: str, outcome: str) -> None:
        with self.store.uow() as uow:
            q.finish(uow, counter, outcome=outcome, office_code=OFFICE, actor=self.actor,
                     now=self.now)

    def hold(self, counter: str) -> None:
        with self.store.uow() as uow:
            q.hold(uow, counter, office_code=OFFICE, actor=self.actor, now=self.now)

    def skip(self, counter: str) -> None:
        with self.store.uow() as uow:
            q.skip(uow, counter, office_code=OFFICE, actor=self.actor, now=self.now)

    def at_loket_1(self) -> Ticket:
        """A visit through cek fisik and being served at loket 1 (L1 is busy after)."""
        ticket = self.issue()
        self.call("CF", ticket)
        self.send("CF", "loket-1")
        self.call("L1", ticket)
        return ticket

    def at_last_stage(self) -> Ticket:
        """A visit through cek fisik, called at loket 3 and parked there while its STNK is
        printed (held), so loket 3 is free for the next one."""
        ticket = self.issue()
        self.call("CF", ticket)
        self.send("CF", LAST_STAGE)
        self.call("L3", ticket)
        self.hold("L3")
        return ticket


def survey_rows(store: Store) -> tuple[int, int, int]:
    """(questionnaires, answers, audit entries of the survey) stored so far."""
    with store.uow(read_only=True) as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(SurveyResponse)) or 0,
                s.scalar(select(func.count()).select_from(SurveyAnswer)) or 0,
                s.scalar(select(func.count()).where(AuditEntry.action.like("survey.%")))
                or 0)
