"""Live events reach a Qt station on both databases, within a bounded wait."""

from __future__ import annotations

from app.queue import engine as q_
from app.store import Store
from tests.app.queue.conftest import MONDAY_9
from ui.live import LiveEvents


def test_a_ticket_issued_elsewhere_reaches_the_station(qtbot, catalog_store: Store) -> None:
    live = LiveEvents(catalog_store, "SAMSAT-PTK1")
    try:
        with qtbot.waitSignal(live.received, timeout=5000) as blocker, \
                catalog_store.uow() as uow:
            q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code="SAMSAT-PTK1", now=MONDAY_9)
        event = blocker.args[0]
        assert event.kind == "ticket.issued" and event.payload["ticket"] == "A-001"
    finally:
        live.close()
