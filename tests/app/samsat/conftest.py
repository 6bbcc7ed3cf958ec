"""A Samsat Pontianak morning: a registered motorcycle and its owner, visits moved through
the queue with the engine (cek fisik -> loket 1 -> loket 2 -> loket 3)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.desk import visit as desk
from app.queue import engine as q
from app.queue import stage_work
from app.samsat import registry
from app.store import Store
from db.models import Stage, Visit
from tests.app.queue.conftest import MONDAY_9

OFFICE = "SAMSAT-PTK1"
PLATE = "KB 1234 AB"
NIK = "6171011508900001"  # Kalbar, Pontianak; born 15-08-1990
CHASSIS = "MH1JFM110FK123456"
ENGINE = "JFM1E1123456"
# every requirement of STNK-PERPANJANGAN in the catalog
RENEWAL_REQUIREMENTS = ("cek-fisik", "bpkb-fotokopi", "stnk-asli", "skpd-asli",
                        "identitas-asli")


def at(minutes: float) -> datetime:
    return MONDAY_9 + timedelta(minutes=minutes)


def motorcycle(**changes: object) -> registry.VehicleData:
    values: dict[str, object] = dict(
        plate=PLATE, category="R2", swdkllj_class="motor-250", njkb="15.000.000",
        tax_due_on=date(2026, 11, 1), stnk_valid_until=date(2029, 11, 1), chassis_no=CHASSIS,
        engine_no=ENGINE, owner_nik=NIK, make="Honda", model="Vario 125", year_made=2019,
        engine_cc=125, color="Hitam", fuel="Bensin")
    values.update(changes)
    return registry.VehicleData(**values)  # type: ignore[arg-type]


class Flow:
    """Moves visits through the office and registers what the tests need."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store.uow() as uow:
            info = users.add_user(uow, "petugas1", "officer", "rahasia-123", actor=Actor("admin"),
                                  office_code=OFFICE)
        self.officer = q.Actor(info.username, info.id)
        with store.uow() as uow:
            boss = users.add_user(uow, "kepala", "supervisor", "rahasia-123", actor=Actor("admin"),
                                  office_code=OFFICE)
        self.supervisor = q.Actor(boss.username, boss.id)

    def register_owner_and_vehicle(self, **changes: object) -> None:
        with self.store.uow() as uow:
            registry.register_person(uow, registry.PersonData(NIK, "Budi Santoso",
                                                              "Jl. Gajah Mada 1, Pontianak"),
                                     actor=self.officer, now=at(0))
        with self.store.uow() as uow:
            registry.register_vehicle(uow, motorcycle(**changes), actor=self.officer,
                                      now=at(0))

    def issue(self, service: str = "STNK-PERPANJANGAN", minutes: float = 0) -> int:
        with self.store.uow() as uow:
            return q.issue_ticket(uow, service, office_code=OFFICE, now=at(minutes)).id

    def call(self, counter: str, minutes: float) -> int:
        with self.store.uow() as uow:
            info = q.call_next(uow, counter, office_code=OFFICE, actor=self.officer,
                               now=at(minutes))
        assert info is not None
        return info.id

    def finish(self, counter: str, minutes: float) -> None:
        with self.store.uow() as uow:
            q.finish(uow, counter, office_code=OFFICE, actor=self.officer, now=at(minutes))

    def transfer(self, counter: str, stage: str, minutes: float) -> None:
        with self.store.uow() as uow:
            q.transfer(uow, counter, to_stage=stage, office_code=OFFICE, actor=self.officer,
                       now=at(minutes))

    def missing(self, visit_id: int, stage_code: str, outcome: str = "done") -> list[str]:
        """The steps the stage's rule still wants before the visit leaves it."""
        with self.store.uow(read_only=True) as uow:
            s = uow.session
            visit = s.get(Visit, visit_id)
            stage = s.scalar(select(Stage).where(Stage.office_id == visit.office_id,
                                                 Stage.code == stage_code))
            return [str(t) for t in stage_work.missing_steps(s, visit, stage, outcome)]

    def tick(self, visit_id: int, codes: tuple[str, ...] = RENEWAL_REQUIREMENTS,
             minutes: float = 5) -> None:
        for code in codes:
            with self.store.uow() as uow:
                desk.set_requirement(uow, visit_id, code, True, actor=self.officer,
                                     now=at(minutes))


@pytest.fixture
def flow(catalog_store: Store) -> Flow:
    return Flow(catalog_store)
