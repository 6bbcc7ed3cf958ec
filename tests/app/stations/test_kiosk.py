"""The kiosk station returns plain data from units of work of its own, and says a lost
database as ``db.unreachable``: the widget never holds a transaction or meets SQLAlchemy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

import resources
from app.access import Actor
from app.catalog.service import import_file
from app.errors import LoketError
from app.queue import engine as q_
from app.spool import JobResult
from app.stations import kiosk as ks
from app.store import Store
from db.models import Visit
from devices.escpos_parse import decode
from tests.app.queue.conftest import MONDAY_9
from tests.app.stations.conftest import assert_frozen, assert_plain

OFFICE = "SAMSAT-PTK1"
STNK = "STNK-PERPANJANGAN"
SUNDAY_0627 = datetime(2026, 11, 21, 23, 27, tzinfo=UTC)  # Sunday 22 November, 06:27 WIB


def _open_counter(store: Store, code: str = "CF") -> None:
    with store.uow() as uow:
        q_.set_counter_open(uow, code, True, office_code=OFFICE, now=MONDAY_9)


def _visits(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(func.count(Visit.id))) or 0


def _station(store: Store, now: datetime = MONDAY_9) -> ks.KioskStation:
    return ks.KioskStation(store, OFFICE, clock=lambda: now)


def test_setup_is_the_office_its_services_and_the_station_printer(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, resources.path("demo", "stations.yaml"), actor=Actor("admin"))
    setup = _station(catalog_store).setup("KIOSK-1")
    assert_frozen(setup)
    assert_plain(setup)
    assert setup.office.code == OFFICE and setup.office.zone == "WIB"
    assert STNK in [s.code for s in setup.services]
    assert setup.printer == "sim://" and setup.station_id is not None
    # without a station code: no printer, and the kiosk still issues numbers
    bare = _station(catalog_store).setup()
    assert (bare.station_id, bare.printer) == (None, None)
    assert bare.services == setup.services


def test_state_says_open_counters_and_closed_offices(catalog_store: Store) -> None:
    _open_counter(catalog_store)
    state = _station(catalog_store).state()
    assert_frozen(state)
    assert_plain(state)
    assert state.closed is None
    assert state.services[STNK].counter_open and state.services[STNK].may_issue
    closed = _station(catalog_store, SUNDAY_0627).state()
    assert closed.closed is not None and closed.closed.reason == ks.DAY_OFF
    assert closed.services == {}


def test_a_number_taken_and_printed_through_the_station(catalog_store: Store) -> None:
    _open_counter(catalog_store)
    station = _station(catalog_store)
    taken = station.take_number(STNK, priority="lansia")
    assert_frozen(taken)
    assert_plain(taken)
    assert (taken.info.ticket, taken.info.priority, taken.not_open) == ("A-001", "lansia", None)
    assert taken.info.issued_at == MONDAY_9  # the station's clock
    printer = f"sim://?name=kiosk-{uuid.uuid4().hex[:10]}"
    result = station.print_ticket(taken.info.id, printer)
    assert isinstance(result, JobResult) and result.state == "done"
    receipts = decode(station.printed_bytes(result.id) or b"")
    assert receipts and "A-001" in str(receipts[0])
    assert station.printed_bytes(result.id + 1000) is None
    assert station.ticket_columns(printer) > 20


def test_a_refusal_passes_unchanged_and_writes_nothing(catalog_store: Store) -> None:
    with pytest.raises(LoketError) as refused:  # CF is not open and the office does not allow
        _station(catalog_store).take_number(STNK)
    assert refused.value.key == "kiosk.counter_closed"
    with pytest.raises(LoketError) as closed:
        _station(catalog_store, SUNDAY_0627).take_number(STNK)
    assert closed.value.key == "kiosk.closed"
    assert _visits(catalog_store) == 0


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = ks.KioskStation(lost_store, OFFICE, clock=lambda: MONDAY_9)
    calls = (station.setup, station.state, lambda: station.take_number(STNK),
             lambda: station.printed_bytes(1),
             lambda: station.print_ticket(1, "sim://?name=lost"))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
        assert lost.value.params["reason"]  # the driver's words, for the staff


def test_a_server_lost_while_issuing_takes_no_number(catalog_store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _open_counter(catalog_store)

    def down(*_args: object, **_kw: object) -> None:
        raise OperationalError("INSERT", {}, Exception("server closed the connection\nmore"))

    monkeypatch.setattr(q_, "issue_ticket", down)
    with pytest.raises(LoketError) as lost:
        _station(catalog_store).take_number(STNK)
    assert lost.value.key == "db.unreachable"
    assert lost.value.params["reason"] == "server closed the connection"
    assert _visits(catalog_store) == 0


def test_a_database_that_refuses_is_said_apart_from_a_lost_one(
        catalog_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal by the database (here a constraint; on PostgreSQL a station role without a
    privilege) is no lost server: it is said as such, with the database's words."""
    _open_counter(catalog_store)

    def refuse(*_args: object, **_kw: object) -> None:
        raise IntegrityError("INSERT", {}, Exception("duplicate key value"))

    monkeypatch.setattr(q_, "issue_ticket", refuse)
    with pytest.raises(LoketError) as refused:
        _station(catalog_store).take_number(STNK)
    assert refused.value.key == "station.db_refused"
    assert "duplicate key value" in refused.value.message()
    assert _visits(catalog_store) == 0
