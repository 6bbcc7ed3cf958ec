"""The Samsat STNK panel's desk: what the cek fisik, loket 1, 2 and 3 pages read and do.

The panel (``ui/panels/samsat.py``) makes one :class:`SamsatDesk` for its office and asks it
for the stage of its counter (:meth:`SamsatDesk.counter_stages`), the visit's case with its
bill (:meth:`SamsatDesk.case`), what the register holds for a plate and a NIK
(:meth:`SamsatDesk.look_up`), to record the cek fisik, a new owner or vehicle, the
registration, the payment and the hand-over, and where a kind of work is done in the office
(:meth:`SamsatDesk.place_of`, to send a visit back). The rules are :mod:`app.samsat.flow`'s
and :mod:`app.samsat.registry`'s; each call opens its own short unit of work and returns
frozen dataclasses (or the register's JSON), never an ORM object; a refusal is the service's
:class:`LoketError` and a lost database :class:`LoketError` ``db.unreachable``
(:mod:`app.stations.database`).

The parsers and tables the panel's fields use (plate, chassis, engine number, tendered cash,
the payment methods, categories and SWDKLLJ classes) are repeated here, so the panel has one
module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.access import Actor
from app.clock import utcnow
from app.desk import hints as desk_hints
from app.desk import visit as desk
from app.samsat import flow, registry
from app.samsat.flow import (
    METHOD_NAMES,
    BillLineView,
    BillView,
    CaseView,
    CheckResult,
    HandoverResult,
    PaymentResult,
    Timing,
    cash_change,
    parse_tendered,
)
from app.samsat.registry import (
    CATEGORIES,
    PersonData,
    VehicleData,
    parse_chassis,
    parse_engine_no,
    swdkllj_classes,
)
from app.stations.database import unit_of_work
from app.store import Store

__all__ = [
    "CATEGORIES", "METHOD_NAMES", "Actor", "BillLineView", "BillView", "CaseView",
    "CheckResult", "HandoverResult", "Owner", "PaymentResult", "PersonData", "Register",
    "SamsatCase", "SamsatDesk", "Timing", "VehicleData", "cash_change", "parse_chassis",
    "parse_engine_no", "parse_tendered", "swdkllj_classes",
]


@dataclass(frozen=True)
class SamsatCase:
    """A visit's STNK case, and its bill when the payment page shows one."""

    view: CaseView
    bill: BillView | None  # to pay (registered) or as paid; None elsewhere


@dataclass(frozen=True)
class Owner:
    """A person of the register (a vehicle's owner)."""

    nik: str
    name: str
    address: str


@dataclass(frozen=True)
class Register:
    """What the register holds for a typed plate and NIK (None: not asked, or unknown)."""

    vehicle: dict[str, Any] | None  # :func:`app.samsat.registry.vehicle_json`
    owner: Owner | None


class SamsatDesk:
    """The STNK pages of one office: every call is one short unit of work of its own."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    # --- reading ---------------------------------------------------------------------

    def counter_stages(self, counter_code: str) -> tuple[str, ...]:
        """The codes of the stages the counter serves, in order."""
        with unit_of_work(self.store, read_only=True) as uow:
            info = desk.desk_info(uow, counter_code, office_code=self.office_code)
        return tuple(st.code for st in info.stages)

    def case(self, visit_id: int, stage: str) -> SamsatCase:
        """The visit's case; at loket 2 with its bill: to pay once registered, or as paid."""
        now = self.clock()
        with unit_of_work(self.store, read_only=True) as uow:
            view = flow.case_view(uow, visit_id, now=now)
            bill = None
            if stage == "loket-2" and view.status == "registered":
                bill = flow.bill_for_visit(uow, visit_id, now=now)
            elif stage == "loket-2" and view.payment_id is not None:
                bill = flow.paid_bill(uow, visit_id)
        return SamsatCase(view, bill)

    def look_up(self, plate: object | None, nik: object | None) -> Register:
        """The registered vehicle of ``plate`` and person of ``nik`` (each only when given)."""
        vehicle = owner = None
        with unit_of_work(self.store, read_only=True) as uow:
            if plate is not None:
                found = registry.find_vehicle(uow.session, str(plate))
                vehicle = registry.vehicle_json(found) if found else None
            if nik is not None:
                person = registry.find_person(uow.session, nik,
                                              today=self.clock().date())
                owner = (Owner(person.nik, person.name, person.address or "")
                         if person else None)
        return Register(vehicle, owner)

    def place_of(self, work: str) -> str | None:
        """The counter(s) doing ``work`` (e.g. ``samsat-registration``) by name, or None
        when no stage of the office does it."""
        with unit_of_work(self.store, read_only=True) as uow:
            place = desk_hints.place_of(uow, work, office_code=self.office_code)
        return place.counter_names() if place else None

    # --- recording -------------------------------------------------------------------

    def record_check(self, visit_id: int, *, chassis: str, engine: str,
                     plate: str | None, actor: Actor) -> CheckResult:
        """Cek fisik: the numbers read on the vehicle (a mismatch is recorded too)."""
        with unit_of_work(self.store) as uow:
            return flow.record_check(uow, visit_id, chassis=chassis, engine=engine,
                                     plate=plate, actor=actor, now=self.clock())

    def register_owner(self, data: PersonData, actor: Actor) -> Owner:
        """A new person in the register."""
        with unit_of_work(self.store) as uow:
            person = registry.register_person(uow, data, actor=actor, now=self.clock())
            return Owner(person.nik, person.name, person.address or "")

    def register_vehicle(self, data: VehicleData, actor: Actor) -> dict[str, Any]:
        """A new vehicle in the register, as :func:`app.samsat.registry.vehicle_json`."""
        with unit_of_work(self.store) as uow:
            vehicle = registry.register_vehicle(uow, data, actor=actor, now=self.clock())
            return registry.vehicle_json(vehicle)

    def register(self, visit_id: int, *, plate: str, nik: str,
                 actor: Actor) -> CaseView:
        """Loket 1: the visit's case registered for the vehicle and its owner."""
        with unit_of_work(self.store) as uow:
            return flow.register_case(uow, visit_id, plate=plate, nik=nik, actor=actor,
                                      now=self.clock())

    def pay(self, visit_id: int, *, method: str, reference: str, tendered: str,
            expected_total: Decimal, actor: Actor) -> PaymentResult:
        """Loket 2: the bill paid (refused if it is no longer ``expected_total``)."""
        with unit_of_work(self.store) as uow:
            return flow.record_payment(uow, visit_id, method=method, reference=reference,
                                       amount_tendered=tendered,
                                       expected_total=expected_total, actor=actor,
                                       now=self.clock())

    def hand_over(self, visit_id: int, *, handed_to: str, endorsed: bool, stamped: bool,
                  actor: Actor) -> HandoverResult:
        """Loket 3: the endorsed and stamped STNK handed over."""
        with unit_of_work(self.store) as uow:
            return flow.record_handover(uow, visit_id, handed_to=handed_to,
                                        endorsed=endorsed, stamped=stamped, actor=actor,
                                        now=self.clock())
