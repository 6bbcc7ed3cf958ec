"""The perforation desk saves, counts (on a simulated machine), reconciles and hands over
requests in units of work of its own and returns plain frozen data; refusals pass as they
are and a lost database is ``db.unreachable``."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.access import Actor
from app.errors import LoketError
from app.perforation.counting import CountProgress
from app.stations.perforation_desk import PerforationDesk
from app.store import Store
from db.enums import DeviceKind, StationKind
from db.models import Counter, Office, Station, StationDevice
from devices.perforator_sim import PerforatorSimulator
from tests.app.perforation.conftest import MALANG, NOW, request_fields
from tests.app.stations.conftest import assert_frozen
from tests.app.stations.desk_data import assert_desk_plain


@pytest.fixture
def machine() -> Iterator[PerforatorSimulator]:
    sim = PerforatorSimulator(600_000.0, faults="jam@150", keepalive=0.1)
    sim.start_tcp()
    try:
        yield sim
    finally:
        sim.stop()
    assert [t.name for t in threading.enumerate() if t.name.startswith("perforator")] == []


def _conn(sim: PerforatorSimulator) -> str:
    return f"perforator+tcp://{sim.address}?timeout=0.5"


def _desk(store: Store, who: str = "petugas") -> PerforationDesk:
    return PerforationDesk(store, MALANG, "L4", actor=lambda: who, clock=lambda: NOW)


def _save(desk: PerforationDesk, **over: str):
    fields = request_fields(media="parkir", series="PKR-A", first="1", last="400",
                            sheets="400", face_value="2.000")
    fields.update(over)
    return desk.create_request(**fields)


def test_the_counter_machine_is_the_station_perforator(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    assert desk.machine() is None  # the counter's station has no perforator yet
    with catalog_store.uow() as uow:
        s = uow.session
        office = s.scalar(select(Office).where(Office.code == MALANG))
        counter = s.scalar(select(Counter).where(Counter.office_id == office.id,
                                                 Counter.code == "L4"))
        station = Station(office_id=office.id, code="LOKET-4", kind=StationKind.COUNTER,
                          counter_id=counter.id)
        station.devices = [StationDevice(kind=DeviceKind.PERFORATOR,
                                         connection="sim://?speed=6000")]
        s.add(station)
        uow.commit()
    assert desk.machine() == "sim://?speed=6000"
    assert PerforationDesk(catalog_store, MALANG, None).machine() is None


def test_a_request_is_saved_listed_and_refused_twice(catalog_store: Store) -> None:
    desk = _desk(catalog_store)
    info = _save(desk)
    assert_frozen(info)
    assert_desk_plain(info)
    assert info.number == "PRF-2026-00001" and info.status == "requested"
    listed = desk.open_requests()
    assert isinstance(listed, tuple) and [r.number for r in listed] == [info.number]
    assert desk.open_requests(visit_id=12345) == ()
    assert desk.request(info.number) == desk.request(info.id) == info
    with pytest.raises(LoketError) as overlap:  # the same serials again
        _save(desk)
    assert overlap.value.key != "db.unreachable"
    with pytest.raises(LoketError) as unknown:
        desk.request("PRF-2026-99999")
    assert unknown.value.key == "perforation.unknown"


def test_count_end_reconcile_and_pick_up(catalog_store: Store,
                                         machine: PerforatorSimulator) -> None:
    desk = _desk(catalog_store)
    info = _save(desk)
    progress: list[CountProgress] = []
    stopped = desk.count(info.id, _conn(machine), on_progress=progress.append)
    assert_frozen(stopped)
    assert_desk_plain(stopped)
    assert stopped.state == "stopped" and stopped.counted == 149
    ended = desk.end_count(info.id, _conn(machine), actor=Actor("petugas"))
    assert ended.state == "aborted" and ended.request.status == "interrupted"
    with pytest.raises(LoketError) as officer:  # a supervisor's act
        desk.reconcile(info.id, damaged=0, actor=Actor("petugas"))
    assert officer.value.key == "access.role"
    done = desk.reconcile(info.id, damaged=4, note="sobek", actor=Actor("pengawas"))
    assert_desk_plain(done)
    assert (done.status, done.short, done.good, done.reconciled_by) == (
        "reconciled", 251, 145, "pengawas")
    picked = desk.pickup(info.id, by="Budi Santoso")
    assert_frozen(picked)
    assert_desk_plain(picked)
    assert picked.request.status == "picked_up" and picked.form_pdf.startswith(b"%PDF")
    assert desk.open_requests() == ()
    with pytest.raises(LoketError) as twice:
        desk.pickup(info.id, by="Budi Santoso")
    assert twice.value.key == "perforation.bad_state"


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    desk = _desk(lost_store)
    calls = (desk.machine, desk.open_requests, lambda: desk.open_requests(visit_id=1),
             lambda: desk.request("PRF-2026-00001"), lambda: _save(desk),
             lambda: desk.count(1, "sim://"), lambda: desk.end_count(1, "sim://"),
             lambda: desk.reconcile(1, damaged=0, actor=Actor("pengawas")),
             lambda: desk.pickup(1, by="Budi Santoso"))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
