"""A front-office desk for the tests of the stages' rules: tickets moved with the queue
engine by an officer (``rina``), a supervisor (``kepala``), and refusals proven to change
nothing. Each area's ``test_stage_work.py`` adds its own actions to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.errors import LoketError
from app.queue import engine as q
from app.store import Store
from db.models import AuditEntry, Visit
from tests.helpers import snapshot

PASSWORD = "rahasia-123"


class Desk:
    """Tickets moved with the queue engine at ``now``; finishes five minutes later."""

    def __init__(self, store: Store, url: str, now: datetime) -> None:
        self.store, self.url, self.now = store, url, now
        for name, role in (("rina", "officer"), ("kepala", "supervisor")):
            with store.uow() as uow:
                users.add_user(uow, name, role, PASSWORD, actor=Actor("admin"))

    def issue(self, office: str, service: str) -> q.TicketInfo:
        with self.store.uow() as uow:
            return q.issue_ticket(uow, service, office_code=office, now=self.now)

    def call(self, office: str, counter: str, ticket: str) -> None:
        with self.store.uow() as uow:
            q.call_ticket(uow, counter, ticket, office_code=office, actor=q.Actor("rina"),
                          now=self.now)

    def finish(self, office: str, counter: str) -> q.FinishInfo:
        with self.store.uow() as uow:
            return q.finish(uow, counter, office_code=office, actor=q.Actor("rina"),
                            now=self.now + timedelta(minutes=5))

    def refused(self, action: Callable[[], object]) -> LoketError:
        """``action`` is refused and changes nothing in any table."""
        before = snapshot(self.url)
        with pytest.raises(LoketError) as err:
            action()
        assert snapshot(self.url) == before
        return err.value

    def refused_finish(self, office: str, counter: str) -> LoketError:
        err = self.refused(lambda: self.finish(office, counter))
        assert err.key == "work.missing"
        return err

    def overrides(self, visit_id: int | None = None) -> list[AuditEntry]:
        query = select(AuditEntry).where(AuditEntry.action == "work.override")
        if visit_id is not None:
            query = query.where(AuditEntry.entity_id == str(visit_id))
        with self.store.uow(read_only=True) as uow:
            return list(uow.session.scalars(query))

    def status(self, visit_id: int) -> str:
        with self.store.uow(read_only=True) as uow:
            return uow.session.get(Visit, visit_id).status.value
