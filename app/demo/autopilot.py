"""The demo's unattended counters: visitors arrive and are served through the same services
and rules as an officer's.

At each step a visitor may take a number; every counter nobody is logged in at moves one
step on: call the next visit, start serving it, or do the work of its stage and finish it.
The work is the officer's work, through the same functions the counter console calls: cek
fisik recorded from the visitor's vehicle, every requirement ticked and the case registered
at loket 1, the bill paid in cash at loket 2, the STNK handed over at loket 3. So the demo
office shows the real flow, and the stages' rules (:mod:`app.queue.stage_work`) hold for it as for
anyone: a step the autopilot cannot do ends the visit as incomplete with the reason, never
as done.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from app.catalog.service import list_services
from app.clock import local_day, utcnow
from app.demo import data as demo_data
from app.desk import visit as desk
from app.errors import LoketError
from app.queue import engine as q
from app.queue import stage_work
from app.samsat import flow as samsat
from app.samsat.registry import find_vehicle
from app.samsat.rules import latest_check
from app.store import Store
from db.models import Person, Vehicle

PILOT = q.Actor.system("autopilot")
# the kinds of work the autopilot can do; a counter with other work is left to officers
WORKS = ("samsat-check", "samsat-registration", "samsat-payment", "samsat-handover")


@dataclass
class Step:
    """What one step did, for the log and the tests: (counter, action, ticket)."""

    issued: str | None = None
    actions: list[tuple[str, str, str]] = field(default_factory=list)


class Autopilot:
    """Unattended counters of ``office`` serve; ``manned(code)`` says a counter has an
    officer (then the autopilot leaves it alone). ``clock`` gives the time (UTC)."""

    def __init__(self, store: Store, office: str, counters: list[str], *, seed: int = 7,
                 clock: Callable[[], datetime] = utcnow,
                 manned: Callable[[str], bool] | None = None,
                 arrival: float = 0.7, calling: float = 0.5) -> None:
        self.store, self.office, self.clock = store, office, clock
        self.manned = manned or (lambda _code: False)
        self.random = random.Random(seed)
        self.arrival, self.calling = arrival, calling
        with store.uow(read_only=True) as uow:
            self.services = [s["code"] for s in list_services(uow, office)]
            info = {code: desk.desk_info(uow, code, office_code=office) for code in counters}
            office_row = q.resolve_office(uow.session, office)
            works = {code: {w for st in info[code].stages
                            for w in stage_work.works_of(office_row, st.code)}
                     for code in counters}
        self.counters = [code for code in counters if works[code] <= set(WORKS)]

    def step(self) -> Step:
        """One round: perhaps a new visitor, then one move at each unattended counter.
        A refusal (closed office, a counter taken meanwhile) is skipped: the next step
        tries again."""
        done = Step()
        if self.random.random() < self.arrival:
            try:
                with self.store.uow() as uow:
                    done.issued = q.issue_ticket(
                        uow, self.random.choice(self.services), office_code=self.office,
                        actor=PILOT, now=self.clock(),
                        priority="lansia" if self.random.random() < 0.1 else None).ticket
            except LoketError:
                pass  # outside service hours, day closed
        for code in self.counters:
            if self.manned(code):
                continue
            try:
                action = self._move(code)
            except LoketError:
                continue
            if action is not None:
                done.actions.append((code, *action))
        return done

    def _move(self, code: str) -> tuple[str, str] | None:
        now = self.clock()
        with self.store.uow(read_only=True) as uow:
            current = desk.current_visit(uow, code, office_code=self.office, now=now)
        if current is None:
            if self.random.random() >= self.calling:
                return None
            with self.store.uow() as uow:
                call = q.call_next(uow, code, office_code=self.office, actor=PILOT, now=now)
            return ("called", call.ticket) if call is not None else None
        if current.status == "called":
            with self.store.uow() as uow:
                q.start(uow, code, office_code=self.office, actor=PILOT, now=now)
            return "started", current.ticket
        try:
            self._work(current, now)
        except LoketError as refused:
            with self.store.uow() as uow:
                q.finish(uow, code, outcome="incomplete", office_code=self.office,
                         actor=PILOT, now=now, note=refused.message())
            return "incomplete", current.ticket
        with self.store.uow() as uow:
            q.finish(uow, code, office_code=self.office, actor=PILOT, now=now)
        return "finished", current.ticket

    def _work(self, current: desk.CurrentVisit, now: datetime) -> None:
        """The stage's work for the visit in front of the counter, as an officer does it."""
        visit_id = current.visit_id
        with self.store.uow(read_only=True) as uow:
            office = q.resolve_office(uow.session, self.office)
            works = stage_work.works_of(office, current.stage_code)
            zone = office.zone
        if "samsat-check" in works:
            plate = demo_data.visitor_vehicle(self.store, visit_id, actor=PILOT,
                                              today=local_day(now, zone))
            with self.store.uow(read_only=True) as uow:
                vehicle = find_vehicle(uow.session, plate)
                assert vehicle is not None  # visitor_vehicle has just registered it
                chassis, engine = vehicle.chassis_no, vehicle.engine_no
            with self.store.uow() as uow:
                samsat.record_check(uow, visit_id, chassis=chassis, engine=engine,
                                    plate=plate, actor=PILOT, now=now)
        if "samsat-registration" in works:
            for item in current.requirements:
                if not item.checked:
                    with self.store.uow() as uow:
                        desk.set_requirement(uow, visit_id, item.code, True, actor=PILOT,
                                             now=now)
            with self.store.uow(read_only=True) as uow:
                check = latest_check(uow.session, visit_id)
                vehicle = uow.session.get(Vehicle, check.vehicle_id) if check and \
                    check.vehicle_id else None
                owner = uow.session.get(Person, vehicle.owner_id) if vehicle and \
                    vehicle.owner_id else None
            if vehicle is None or owner is None:
                raise LoketError("samsat.check.missing", ticket=current.ticket)
            with self.store.uow() as uow:
                samsat.register_case(uow, visit_id, plate=vehicle.plate, nik=owner.nik,
                                     actor=PILOT, now=now)
        if "samsat-payment" in works:
            with self.store.uow() as uow:
                samsat.record_payment(uow, visit_id, method="cash", actor=PILOT, now=now)
        if "samsat-handover" in works:
            with self.store.uow(read_only=True) as uow:
                case = samsat.case_view(uow, visit_id, now=now)
            with self.store.uow() as uow:
                samsat.record_handover(uow, visit_id, handed_to=(case.owner or {}).get("name")
                                       or "-",
                                       endorsed=True, stamped=True, actor=PILOT, now=now)
