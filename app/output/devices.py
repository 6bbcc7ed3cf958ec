"""The configured devices of an office's stations, and how each of them is right now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import UnitOfWork
from db.enums import DeviceKind, StationKind
from db.models import Office, Station, StationDevice
from devices.base import Condition, DeviceState
from devices.connection import BadConnection
from devices.registry import open_device


@dataclass(frozen=True)
class DeviceReport:
    office: str
    station: str
    kind: str
    connection: str
    state: DeviceState

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, "station": self.station, "kind": self.kind,
                "connection": self.connection} | self.state.to_json()


def configured(uow: UnitOfWork, *, office_code: str | None = None,
               station_code: str | None = None) -> list[tuple[str, str, StationDevice]]:
    query = (select(Office.code, Station.code, StationDevice)
             .join(Station, Station.id == StationDevice.station_id)
             .join(Office, Office.id == Station.office_id)
             .order_by(Office.code, Station.code, StationDevice.kind))
    if office_code:
        query = query.where(Office.code == office_code)
    if station_code:
        query = query.where(Station.code == station_code)
    return [tuple(row) for row in uow.session.execute(query).all()]  # type: ignore[misc]


def station_device(session: Session, kind: DeviceKind, *, station_id: int | None = None,
                   counter_id: int | None = None) -> str | None:
    """The connection of a station's device of ``kind``: the station by its id, or the
    counter station of a counter; ``None`` when it has none."""
    query = (select(StationDevice.connection)
             .join(Station, Station.id == StationDevice.station_id)
             .where(StationDevice.kind == kind))
    if station_id is not None:
        query = query.where(Station.id == station_id)
    if counter_id is not None:
        query = query.where(Station.counter_id == counter_id,
                            Station.kind == StationKind.COUNTER)
    return session.scalar(query.order_by(Station.id).limit(1))


def state_of(kind: Any, connection: str) -> DeviceState:
    """Ask one device, never raising: a bad address is a state too."""
    try:
        device = open_device(kind, connection)
    except BadConnection as exc:
        return DeviceState(Condition.UNREACHABLE, f"bad connection: {exc.reason}")
    try:
        return device.state()
    finally:
        device.close()


def check(uow: UnitOfWork, *, office_code: str | None = None,
          station_code: str | None = None) -> list[DeviceReport]:
    return [DeviceReport(office, station, dev.kind.value, dev.connection,
                         state_of(dev.kind, dev.connection))
            for office, station, dev in configured(uow, office_code=office_code,
                                                   station_code=station_code)]
