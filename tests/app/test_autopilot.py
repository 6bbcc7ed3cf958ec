"""The demo's autopilot serves through the officers' services and rules: every visit it
closes as done was checked, registered, paid and handed over."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app.demo import prepare
from app.demo.autopilot import Autopilot
from app.store import Store
from db.enums import VisitStatus
from db.models import Payment, Visit
from db.models_samsat import StnkCase, VehicleCheck
from tests.app.queue.conftest import MONDAY_9


def test_the_autopilot_serves_the_whole_stnk_flow(catalog_store: Store) -> None:
    prepare(catalog_store)
    ticks = iter(range(10_000))

    def clock():
        return MONDAY_9 + timedelta(seconds=20 * next(ticks))

    pilot = Autopilot(catalog_store, "SAMSAT-PTK1", ["CF", "L1", "L2", "L3"], seed=3,
                      clock=clock, arrival=0.5, calling=1.0)
    moves = [pilot.step() for _ in range(60)]
    actions = [a for step in moves for a in step.actions]
    assert ("L3", "finished") in {(c, what) for c, what, _ in actions}
    assert not [a for a in actions if a[1] == "incomplete"], actions
    with catalog_store.uow(read_only=True) as uow:
        s = uow.session
        done = s.scalars(select(Visit).where(Visit.status == VisitStatus.DONE)).all()
        assert len(done) >= 3
        for visit in done:
            case = s.scalar(select(StnkCase).where(StnkCase.visit_id == visit.id))
            assert case is not None and case.status == "handed_over", visit.ticket
            assert case.payment_id is not None and case.handed_over_at is not None
            assert s.scalar(select(func.count()).select_from(VehicleCheck).where(
                VehicleCheck.visit_id == visit.id)) == 1
            assert visit.data["requirements"], visit.ticket  # every requirement ticked
        paid = s.scalar(select(func.count()).select_from(Payment))
    assert paid >= len(done)


def test_a_counter_with_an_officer_is_left_alone(catalog_store: Store) -> None:
    prepare(catalog_store)
    pilot = Autopilot(catalog_store, "SAMSAT-PTK1", ["CF", "L1"], seed=1, arrival=1.0,
                      calling=1.0, clock=lambda: MONDAY_9, manned=lambda code: code == "CF")
    for _ in range(5):
        step = pilot.step()
        assert all(code != "CF" for code, _what, _ticket in step.actions)
    with catalog_store.uow(read_only=True) as uow:
        waiting = uow.session.scalar(select(func.count()).select_from(Visit).where(
            Visit.status == VisitStatus.WAITING))
    assert waiting == 5  # nobody went past the manned cek fisik
