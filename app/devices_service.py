"""The configured devices of an office's stations, and how each of them is right now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.store import UnitOfWork
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
