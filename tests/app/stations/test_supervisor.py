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
from app.ikm.responses import submit_survey
from app.ikm.survey import DEFAULT_SURVEY, load_survey
from app.output import tickets as ticket_print
from app.queue import engine as q_
from app.stations.supervisor import (
    SILENT_MINUTES,
    Actor,
    Alert,
    SupervisorStation,
    device_alerts,
    overview,
)
from app.store import Store
from db.enums import JobState, VisitStatus
from db.models import AuditEntry, Counter, DeviceJob, Visit
from resources import path
from tests.app.ikm.visits import Desk
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


def test_today_counters_and_alerts_are_plain_data(catalog_store: Store) -> None:
    """What a kepala UPT asks every hour, read at 09:40 after a morning of four tickets:
    one served to loket 3 (held there) who answered the survey, one no-show, one sent home
    with documents missing, one still waiting."""
    desk = Desk(catalog_store, "budi", MONDAY_9)
    first = desk.at_last_stage()  # A-001, held at L3
    survey = load_survey(DEFAULT_SURVEY)
    with catalog_store.uow() as uow:
        submit_survey(uow, OFFICE, first.ticket, {e.id: 4 for e in survey.elements},
                      now=MONDAY_9)
    desk.call("CF", desk.issue())  # called, never came
    desk.skip("CF")
    desk.call("CF", desk.issue())  # documents missing
    desk.finish("CF", "incomplete")
    desk.issue()  # waiting at the vehicle check
    board = _station(catalog_store).board()
    assert_frozen(board.today)
    assert_plain(board)
    today = board.today
    assert (today.visits, today.waiting, today.done, today.incomplete, today.no_show) == (
        4, 1, 0, 1, 1)
    assert today.longest is not None and (today.longest.ticket, today.longest.minutes) == (
        "A-004", 40)
    # A-003 ended in time; are still open 10 minutes past their 30; the
    # no-show is left out, as in the daily report
    assert (today.within, today.outside, today.within_percent) == (1, 2, 33.3)
    assert (today.ikm, today.ikm_grade, today.respondents) == (100.0, "A", 1)
    assert (today.ikm_label, today.ikm_label_en) == ("Sangat Baik", "Very good")
    assert (today.counters_open, today.counters) == (2, 4)
    first_stage = board.stages[0]
    assert (first_stage.stage, first_stage.name, first_stage.name_en, first_stage.waiting) == (
        "cek-fisik", "Cek Fisik Kendaraan", "Vehicle physical check", 1)

    cf, l3 = board.counter("CF"), board.counter("L3")
    assert cf is not None and l3 is not None
    assert (cf.name, cf.officer, cf.is_open, cf.serving) == ("Tempat Cek Fisik", "budi", True,
                                                            None)
    assert (cf.idle_minutes, cf.silent_minutes, cf.silent) == (40, 40, True)
    assert (l3.name, l3.held, l3.idle_minutes) == ("Loket 3 Penyerahan STNK", ("A-001",), None)
    closed = board.counter("L1")
    assert closed is not None and (closed.is_open, closed.officer, closed.silent) == (
        False, None, False)

    assert board.alerts == (
        Alert("over_standard", "over", "A-001", "Loket 3 Penyerahan STNK", "held", 10,
              "open_report", "A-001"),
        Alert("waiting_over_standard", "over", "A-004", "Cek Fisik Kendaraan", "waiting", 10,
              "open_report", "cek-fisik", count=1, stage="cek-fisik"),  # CF is open
        Alert("silent_counter", "over", "Loket 3 Penyerahan STNK", "", None, 40,
              "close_counter", "L3"),
        Alert("silent_counter", "over", "Tempat Cek Fisik", "", None, 40, "close_counter",
              "CF"),
    )


def test_a_visit_at_a_silent_counter_is_stuck_and_taken_back(catalog_store: Store) -> None:
    _act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    _act(catalog_store, q_.call_next, "CF")  # A-001 called; CF silent since
    station = SupervisorStation(catalog_store, OFFICE,
                                clock=lambda: MONDAY_9 + timedelta(minutes=SILENT_MINUTES - 1))
    card = station.board().counter("CF")
    assert card is not None
    assert (card.serving, card.status, card.serving_minutes, card.silent) == (
        "A-001", "called", SILENT_MINUTES - 1, False)
    assert station.board().alerts == ()  # heard of a minute ago: nothing yet
    board = _station(catalog_store).board()
    card = board.counter("CF")
    assert card is not None and (card.silent, card.sla, card.idle_minutes) == (
        True, "over", None)
    [stuck] = board.alerts  # said once, with the action that frees it
    assert stuck == Alert("stuck", "over", "A-001", "Tempat Cek Fisik", "called", 40,
                          "take_back", "A-001")
    _station(catalog_store).take_back(stuck.target, actor=PENGAWAS)
    after = _station(catalog_store).board()
    assert [a.kind for a in after.alerts] == ["waiting_over_standard", "silent_counter"]
    assert after.alerts[0].status == "waiting"


def test_visits_waiting_past_their_standard_ask_for_a_closed_counter(
        catalog_store: Store) -> None:
    """Two visits wait for loket 1 past their standard while loket 1 is closed: one alert
    for the stage, whose action opens loket 1; once it is open, the report instead."""
    desk = Desk(catalog_store, "budi", MONDAY_9)
    for _ in range(2):
        ticket = desk.issue()
        desk.call("CF", ticket)
        desk.send("CF", "loket-1")
    station = _station(catalog_store)
    [alert] = [a for a in station.board().alerts if a.kind == "waiting_over_standard"]
    assert alert == Alert("waiting_over_standard", "over", "A-001", "Pendaftaran Berkas",
                          "waiting", 10, "open_counter", "L1", count=2, stage="loket-1")
    station.set_counter_open(alert.target, True, actor=PENGAWAS)
    [alert] = [a for a in station.board().alerts if a.kind == "waiting_over_standard"]
    assert (alert.action, alert.target, alert.count) == ("open_report", "loket-1", 2)


def test_a_failing_device_and_a_failed_ticket_are_alerts(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
    info = _act(catalog_store, q_.issue_ticket, "STNK-PERPANJANGAN")
    connection = "sim://?name=supervisor-alerts&fault=paper_out"
    job = ticket_print.queue_ticket(catalog_store, info.id, connection)
    with catalog_store.uow() as uow:
        uow.session.query(DeviceJob).filter_by(id=job).update({"state": JobState.FAILED})
        uow.commit()
    station = _station(catalog_store)
    board = station.board()
    [failed] = [a for a in board.alerts if a.kind == "print_failed"]
    assert (failed.subject, failed.action, failed.target) == ("A-001", "reprint", str(job))
    assert board.reprint_job(job) == board.reprints[0]
    assert board.station_name("KIOSK-1") == "Kiosk pintu masuk"
    assert board.station_name("NO-SUCH") == "NO-SUCH"
    reports = station.devices()
    assert device_alerts(reports, board) == ()  # the demo's simulators are ready
    broken = tuple(type(r)(r.office, r.station, r.kind, r.connection,
                           type(r.state)(type(r.state.condition)("paper_out")))
                   for r in reports if r.station == "KIOSK-1")
    assert device_alerts(broken, board) == (
        Alert("device", "over", "Kiosk pintu masuk", "ticket_printer", "paper_out", None,
              "check_devices", "KIOSK-1"),)


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
        import_file(uow, path("demo", "stations.yaml"), actor=Actor("admin"))
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
