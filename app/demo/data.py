"""Front-office data for the demo: vehicles to pay for, taxpayers with arrears, extracts to
check, so every work panel has something real to show. Loaded through the services, like
an officer would, and only once (each item is skipped when it is already there).

The demo acts as :data:`DEMO`, a system actor of the program (:meth:`app.access.Actor.system`):
its data is the program's own, loaded before (or without) anyone signing in, and no typed
name becomes one.

Dates are relative to the day the demo is prepared, so the bills always look like today's:
a motorcycle a month late, a car whose five-year STNK is due, a second motorcycle two years
late (progressive rate), an SKPD overdue at Bapenda Batu.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

import resources
from app.access import Actor
from app.store import Store
from db.models import Person, Vehicle

DEMO = Actor.system("demo")
PEOPLE = (
    ("6171011508900001", "Budi Santoso", "Jl. Gajah Mada No. 12, Pontianak"),
    ("6171015507920002", "Siti Aminah", "Jl. Tanjungpura No. 8, Pontianak"),
)


def _vehicles(today: date) -> list[dict[str, Any]]:
    return [
        {"plate": "KB 1234 AB", "category": "R2", "swdkllj_class": "motor-250",
         "njkb": "15000000", "tax_due_on": today - timedelta(days=40),
         "stnk_valid_until": today + timedelta(days=700), "chassis_no": "MH1JFM110FK123456",
         "engine_no": "JFM1E1123456", "owner_nik": PEOPLE[0][0], "make": "Honda",
         "model": "Vario 125", "year_made": 2019, "engine_cc": 125, "color": "Hitam"},
        {"plate": "KB 1717 QA", "category": "R4", "swdkllj_class": "car-private",
         "njkb": "180000000", "bobot": "1.05", "tax_due_on": today - timedelta(days=5),
         "stnk_valid_until": today - timedelta(days=5), "chassis_no": "MHKM1BA3JFK000777",
         "engine_no": "1NRF123456", "owner_nik": PEOPLE[1][0], "make": "Toyota",
         "model": "Avanza 1.3 G", "year_made": 2021, "engine_cc": 1329, "color": "Putih"},
        {"plate": "KB 4321 CD", "category": "R2", "swdkllj_class": "motor-250",
         "njkb": "22000000", "ownership_order": 2, "tax_due_on": today - timedelta(days=400),
         "stnk_valid_until": today + timedelta(days=1000), "chassis_no": "MH3SG3130JK000321",
         "engine_no": "G3E4E0321321", "owner_nik": PEOPLE[0][0], "make": "Yamaha",
         "model": "NMAX 155", "year_made": 2018, "engine_cc": 155, "color": "Biru"},
    ]


def _samsat(store: Store, actor: Actor, today: date) -> list[str]:
    from app.samsat.registry import PersonData, VehicleData, register_person, register_vehicle

    added = []
    for nik, name, address in PEOPLE:
        with store.uow() as uow:
            if uow.session.scalar(select(Person.id).where(Person.nik == nik)) is None:
                register_person(uow, PersonData(nik, name, address), actor=actor)
                added.append(nik)
    for data in _vehicles(today):
        with store.uow() as uow:
            if uow.session.scalar(select(Vehicle.id).where(
                    Vehicle.plate == data["plate"])) is None:
                register_vehicle(uow, VehicleData(**data), actor=actor)
                added.append(data["plate"])
    return added


def _bapenda(store: Store, actor: Actor, today: date) -> list[str]:
    from app.bapenda.assessments import assess
    from app.bapenda.taxpayers import Registration, register
    from db.models_bapenda import Taxpayer

    with store.uow(read_only=True) as uow:
        if uow.session.scalar(select(Taxpayer.id).limit(1)) is not None:
            return []
    with store.uow() as uow:
        info = register(uow, Registration(
            kind="P", nik="3579014507900002", name="Siti Rahmawati", tax_type="restoran",
            address="Jl. Bromo 3, Sisir", district="1", village="2",
            requirements=["form-pendaftaran", "ktp", "kk", "izin-usaha", "pas-foto"]),
            office_code="BAPENDA-BATU", actor=actor)
    issued = today - timedelta(days=100)
    with store.uow() as uow:
        skpd = assess(uow, info.npwpd, principal=Decimal(2_500_000),
                      period=f"{issued:%Y-%m}", issued_on=issued,
                      due_on=issued + timedelta(days=30), office_code="BAPENDA-BATU",
                      actor=actor)
    return [info.npwpd, skpd.number]


def _fiscal(store: Store, actor: Actor) -> list[str]:
    from app.errors import LoketError
    from app.fiscal.arrears import import_extract

    loaded = []
    for name, source in (("pkb-contoh.csv", "pkb"), ("pbb-contoh.csv", None),
                         ("pajak-daerah-contoh.csv", "pajak-daerah")):
        path = resources.path("fiscal", name)
        try:
            with store.uow() as uow:
                import_extract(uow, path.read_bytes(), file_name=name, source=source,
                               office_code="BAPENDA-BANTEN-FO", actor=actor)
            loaded.append(name)
        except LoketError:  # already imported (the same file, by its checksum)
            continue
    return loaded


def seed(store: Store, *, actor: Actor = DEMO, today: date | None = None
         ) -> dict[str, list[str]]:
    """Load the demo's front-office data; what was added, per area."""
    today = today or datetime.now(UTC).date()
    return {"samsat": _samsat(store, actor, today), "bapenda": _bapenda(store, actor, today),
            "fiscal": _fiscal(store, actor)}


def visitor_vehicle(store: Store, n: int, *, actor: Actor = DEMO, today: date) -> str:
    """The plate of demo visitor ``n``'s motorcycle, registered (with an owner of
    :data:`PEOPLE`) if it is not yet: each autopilot visitor brings a vehicle whose tax is
    due, as visitors of a real Samsat bring theirs, so its bill is never empty."""
    from app.samsat.registry import VehicleData, register_vehicle

    serial = 1000 + n % 9000
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    suffix = "Z" + letters[(n // 9000) % len(letters)]
    plate = f"KB {serial} {suffix}"
    with store.uow() as uow:
        if uow.session.scalar(select(Vehicle.id).where(Vehicle.plate == plate)) is None:
            register_vehicle(uow, VehicleData(
                plate=plate, category="R2", swdkllj_class="motor-250", njkb="17000000",
                tax_due_on=today - timedelta(days=3 + n % 60),
                stnk_valid_until=today + timedelta(days=365 + n % 700),
                chassis_no=f"MH1DEMO{n:010d}", engine_no=f"DEMO{n:08d}",
                owner_nik=PEOPLE[n % len(PEOPLE)][0], make="Honda", model="Beat",
                year_made=2018 + n % 6, engine_cc=110, color="Merah"), actor=actor)
    return plate
