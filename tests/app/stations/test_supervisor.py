"""The supervisor station reads the board and acts in units of work of its own and returns
plain data (the board equal to what the supervisor's service says); a log-in is checked as
the board does it; refusals pass as they are and a lost database is ``db.unreachable``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError, ProgrammingError

import app.stations.supervisor
from app.catalog.service import import_file
from app.errors import LoketError
from app.output import tickets as ticket_print
from app.queue import engine as q_
from app.stations.supervisor import Actor, SupervisorStation, overview
from app.store import Store
from db.enums import JobState, VisitStatus
from db.models import AuditEntry, Counter, DeviceJob, Visit
from resources import path
from tests.app.queue.conftest import MONDAY_9
from tests.app.stations.conftest import assert_frozen, assert_plain
from tests.conftest import TEST_PASSWORD

OFFICE = "SAMSAT-PTK1"
LATER = MONDAY_9 + timedelta(minutes=40)
PENGAWAS = Actor("pengawas")


def _station(store: Store) -> SupervisorStation:
    return SupervisorStation(store, OFFICE, clock=lambda: LATER)


def _act(store: Store, fn, *args, **kw):  # type: ignore[no-untyped-def]
    with store.uow() as uow:
        return fn(uow, *args, office_code=OFFICE, now=MONDAY_9, **kw)


def test_the_board_is_plain_data_as_the_service_says(catalog_store: Store) -> None:
    _act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    _act(catalog_store, q_.issue_ticket, "STNK-HILANG", priority="lansia")
    _act(catalog_store, q_.call_next, "CF")  # the priority visit: B-001
    shown = _station(catalog_store).board()
    assert_frozen(shown)
    assert_plain(shown)
    assert (shown.office, shown.zone, shown.now, shown.running_text) == (
        OFFICE, "WIB", LATER, "")
    assert [w.ticket for w in shown.oldest] == ["A-001"]
    assert shown.oldest[0].minutes == 40
    [serving] = shown.serving
    assert (serving.ticket, serving.counter, serving.status) == ("B-001", "CF", "called")
    counter = shown.counter("CF")
    assert counter is not None and counter.serving == "B-001"
    assert shown.counter("NO-SUCH") is None
    with catalog_store.uow(read_only=True) as uow:
        data = overview(uow, OFFICE, now=LATER)
    assert [(s.stage, s.name, s.waiting) for s in shown.stages] == [
        (s["stage"], s["name"], s["waiting"]) for s in data["stages"]]
    assert [(c.counter, c.is_open, c.held) for c in shown.counters] == [
        (c["counter"], bool(c.get("open")), tuple(c["held"])) for c in data["counters"]]
    assert list(shown.oldest) == data["oldest"] and list(shown.serving) == data["serving"]
    assert shown.day == data["day"]


def test_only_a_supervisor_signs_in_at_the_board(catalog_store: Store) -> None:
    station = _station(catalog_store)
    access = station.access()
    assert_frozen(access)
    assert access.office_name and access.lock_after_minutes >= 0
    user = station.sign_in("pengawas", TEST_PASSWORD)
    assert_frozen(user)
    assert_plain(user)
    assert (user.username, user.role) == ("pengawas", "supervisor")
    with pytest.raises(LoketError) as officer:  # refusals pass as they are
        station.sign_in("petugas", TEST_PASSWORD)
    assert officer.value.key == "user.role_refused"
    with pytest.raises(LoketError) as wrong:
        station.sign_in("pengawas", "salah-sandi")
    assert wrong.value.key == "user.bad_login"
    with catalog_store.uow(read_only=True) as uow:  # each refusal audited and kept
        reasons = uow.session.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "user.login_failed").order_by(AuditEntry.id)).all()
    assert reasons == ["petugas", "pengawas"]


def test_the_board_acts_as_the_person_signed_in(catalog_store: Store) -> None:
    station = _station(catalog_store)
    _act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    _act(catalog_store, q_.call_next, "CF")
    station.set_counter_open("L2", True, actor=PENGAWAS)
    assert station.board().counter("L2").is_open  # type: ignore[union-attr]
    station.set_counter_open("L2", False, actor=PENGAWAS)
    station.take_back("A-001", actor=PENGAWAS)
    assert station.set_running_text("  Loket   tutup ", actor=PENGAWAS) == "Loket tutup"
    with catalog_store.uow(read_only=True) as uow:
        s = uow.session
        assert s.scalar(select(Counter.is_open).where(Counter.code == "L2")) is False
        assert s.scalar(select(Visit.status).where(Visit.ticket == "A-001")) is (
            VisitStatus.WAITING)
        taken = s.scalar(select(AuditEntry.actor).where(
            AuditEntry.action == "ticket.taken_back"))
    assert taken == "pengawas"
    board = station.board()
    assert board.running_text == "Loket tutup" and board.serving == ()


def test_refusals_pass_unchanged(catalog_store: Store) -> None:
    station = _station(catalog_store)
    with pytest.raises(LoketError) as officer:
        station.set_running_text("Tutup", actor=Actor("petugas"))
    assert officer.value.key == "access.role"
    with pytest.raises(LoketError) as control:
        station.set_running_text("Tutup\x07 pukul 12", actor=PENGAWAS)
    assert control.value.key not in ("db.unreachable", "station.db_refused")
    with pytest.raises(LoketError) as unknown:
        station.take_back("Z-999", actor=PENGAWAS)
    assert unknown.value.key not in ("db.unreachable", "station.db_refused")
    assert station.board().running_text == ""


def test_devices_are_listed_in_a_unit_of_work_and_asked_after_it(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor="admin")
    reports = _station(catalog_store).devices()
    assert_plain(reports)
    assert reports and all(r.office == OFFICE for r in reports)
    assert "ticket_printer" in {r.kind for r in reports}
    assert_frozen(reports[0])


def test_a_reprint_that_does_not_print_is_print_failed(catalog_store: Store) -> None:
    info = _act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    connection = "sim://?name=supervisor-station-test&fault=paper_out"
    job = ticket_print.queue_ticket(catalog_store, info.id, connection)
    with catalog_store.uow() as uow:
        uow.session.query(DeviceJob).filter_by(id=job).update({"state": JobState.FAILED})
        uow.commit()
    station = _station(catalog_store)
    [reprint] = station.board().reprints
    assert (reprint.job, reprint.visit_id, reprint.connection) == (job, info.id, connection)
    with pytest.raises(LoketError) as failed:
        station.reprint(info.id, connection, actor=PENGAWAS)
    assert failed.value.key == "print.failed"


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = SupervisorStation(lost_store, OFFICE, clock=lambda: LATER)
    calls = (station.access, lambda: station.sign_in("pengawas", TEST_PASSWORD),
             station.board, station.devices,
             lambda: station.set_counter_open("L2", True, actor=PENGAWAS),
             lambda: station.take_back("A-001", actor=PENGAWAS),
             lambda: station.reprint(1, "sim://?name=lost", actor=PENGAWAS),
             lambda: station.set_running_text("Tutup", actor=PENGAWAS))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url


@pytest.mark.parametrize(("error", "key"), [
    (OperationalError("SELECT", {}, Exception("server closed the connection")),
     "db.unreachable"),
    (ProgrammingError("SELECT", {}, Exception("permission denied for table visits")),
     "station.db_refused"),
])
def test_a_database_lost_or_refusing_mid_read_is_said_in_words(
        catalog_store: Store, monkeypatch: pytest.MonkeyPatch, error: Exception,
        key: str) -> None:
    def fails(*_args: object, **_kw: object) -> None:
        raise error

    monkeypatch.setattr(app.stations.supervisor, "overview", fails)
    with pytest.raises(LoketError) as raised:
        _station(catalog_store).board()
    assert raised.value.key == key
    assert str(error.orig) in raised.value.message()  # type: ignore[attr-defined]
