"""``loket db roles`` on a real PostgreSQL, area by area: every service the stations call
runs with the store of the PC that calls it (the counter, survey and supervisor PCs as the
station role, the kiosk as the kiosk role, the waiting-room TV as the display role), so a
missing grant fails here as InsufficientPrivilege and not on an office's first day.

What only an administrator does (catalogs, users, fiscal imports) is set up as the owner.
One database, its roles made once, is shared by the module: each test works in its own
office or on its own day and finishes its visits, so the order does not matter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from psycopg import errors as pg_errors
from sqlalchemy import Select, select, text, update
from sqlalchemy.exc import DBAPIError

from app import access, sessions, users
from app.access import Act, Actor
from app.bapenda import assessments as asm
from app.bapenda import taxpayers as tp
from app.casework import applications as A
from app.casework import complaints as C
from app.errors import LoketError
from app.fiscal import arrears, clearance
from app.ikm.responses import check_visit, import_answers, quick_rating, submit_survey
from app.ikm.survey import load_survey
from app.output import tickets as ticket_print
from app.perforation import service as perf
from app.perforation.counting import count_request
from app.queue import engine as q_
from app.queue.feed import EventFeed
from app.reports import summaries
from app.reports.daily import daily_report
from app.stations import supervisor as supervision
from app.stations.display import DisplayStation
from app.store import Store
from db.enums import DeviceKind, JobState, VisitStatus
from db.models import (
    Appointment,
    AuditEntry,
    Counter,
    DeviceJob,
    Document,
    Office,
    Payment,
    SurveyResponse,
    User,
    UserSession,
    Visit,
)
from db.models_casework import Application
from db.models_fiscal import FiscalCheck, FiscalLetter
from db.models_reports import ReportDay
from devices.connection import parse
from devices.perforator_sim import PerforatorSimulator
from devices.registry import simulator
from tests import pg_roles
from tests.app.bapenda.conftest import MALANG_ALL, NIK_BUDI, personal
from tests.app.perforation.conftest import request_fields
from tests.conftest import TEST_PASSWORD, PgDatabases, Templates

MALANG, BATU, SAMSAT = "BPPD-MALANG", "BAPENDA-BATU", "SAMSAT-PTK1"
BPS, FO = "BPS-BANTEN", "BAPENDA-BANTEN-FO"
OFFICER, SUPERVISOR = q_.Actor("petugas"), q_.Actor("pengawas")  # of every office


def wib(day: int, hour: int, month: int = 11) -> datetime:
    """``day``-``month``-2026 at ``hour``:00 WIB (every office here keeps WIB), in UTC."""
    return datetime(2026, month, day, hour - 7, 0, tzinfo=UTC)


# each area on its own working day, in office hours
BAPENDA_DAY = wib(23, 9)  # Monday
CASEWORK_DAY = wib(23, 10)
IKM_DAY = wib(23, 11)
SUPERVISOR_DAY = wib(24, 10)  # Tuesday
DISPLAY_DAY = wib(25, 10)  # Wednesday
REPORT_DAY = wib(26, 10)  # Thursday
FISCAL_DAY = wib(1, 10, month=12)  # Tuesday 1 December
PERFORATION_DAY = wib(2, 9, month=12)  # Wednesday
FISCAL_SAMPLE = (Path(__file__).resolve().parents[2] / "resources" / "fiscal"
                 / "pkb-contoh.csv")


@dataclass
class Stations:
    """The stores of each kind of PC on one role-made database, and the owner's."""

    url: str
    owner: Store  # the superuser's connection: the administrator's set-up and checks
    display: Store
    kiosk: Store
    station: Store

    def read(self, query: Select[Any]) -> list[Any]:
        """What ``query`` selects, read as the owner (what the PC's work left behind)."""
        with self.owner.uow(read_only=True) as uow:
            return list(uow.session.scalars(query))

    def issue(self, office: str, service: str, now: datetime) -> q_.TicketInfo:
        """A number taken at the kiosk."""
        with self.kiosk.uow() as uow:
            return q_.issue_ticket(uow, service, office_code=office, now=now)

    def call(self, office: str, counter: str, ticket: str, now: datetime) -> None:
        with self.station.uow() as uow:
            q_.call_ticket(uow, counter, ticket, office_code=office, actor=OFFICER, now=now)

    def finish(self, office: str, counter: str, now: datetime,
               outcome: str = "done") -> q_.FinishInfo:
        with self.station.uow() as uow:
            return q_.finish(uow, counter, outcome=outcome, office_code=office,
                             actor=OFFICER, now=now + timedelta(minutes=5))

    def status(self, visit_id: int) -> VisitStatus:
        [status] = self.read(select(Visit.status).where(Visit.id == visit_id))
        return status


def _admin_setup(url: str) -> None:
    """What the administrator does before the stations work: a user who forgets the
    password, and this morning's arrears extract at the clearance desk."""
    with Store.open(url) as store:
        with store.uow() as uow:
            users.add_user(uow, "lupa", "officer", TEST_PASSWORD,
                           actor=access.Actor.system("admin"))
        with store.uow() as uow:
            arrears.import_extract(uow, FISCAL_SAMPLE.read_bytes(), file_name="pkb-contoh.csv",
                                   source="pkb", office_code=FO, actor=Actor("pengawas"),
                                   now=FISCAL_DAY - timedelta(hours=1))


@pytest.fixture(scope="module")
def office(pg_databases: PgDatabases, templates: Templates, pg_admin_url: str,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stations]:
    templates.pg = templates.pg or pg_databases
    url, name = templates.new_database("postgresql", "catalog",
                                       tmp_path_factory.mktemp("roles-areas"))
    assert name is not None
    with contextlib.ExitStack() as stack:
        stack.callback(pg_databases.drop, name)
        _admin_setup(url)
        stack.callback(pg_roles.drop_roles, url, pg_admin_url)
        pg_roles.give_to_owner(url)
        urls = pg_roles.station_urls(url)
        stores = {kind: stack.enter_context(Store.open(u)) for kind, u in urls.items()
                  if kind != "admin"}
        owner = stack.enter_context(Store.open(url))
        for kind, store in stores.items():  # each PC really is its role, not the superuser
            with store.engine.connect() as conn:
                assert conn.scalar(text("SELECT current_user")) == f"{name}_{kind}"
        yield Stations(url, owner, stores["display"], stores["kiosk"], stores["station"])


def refused_for_privilege(action: Callable[[], object]) -> bool:
    """``action`` fails for want of a table privilege (and for nothing else)."""
    try:
        action()
    except DBAPIError as exc:
        return isinstance(exc.orig, pg_errors.InsufficientPrivilege)
    return False


# --- Bapenda ---------------------------------------------------------------------------------


def test_bapenda_registers_prints_the_card_assesses_takes_payment_and_deactivates(
        office: Stations, tmp_path: Path) -> None:
    now = BAPENDA_DAY
    station = office.station
    visit = office.issue(MALANG, "NPWPD", now)
    office.call(MALANG, "L1", visit.ticket, now)
    with station.uow() as uow:
        info = tp.register(uow, personal(requirements=MALANG_ALL), office_code=MALANG,
                           actor=OFFICER, visit_id=visit.id, now=now)
    cards = tmp_path / "cards"
    failed = tp.print_card(station, info.npwpd, f"sim://?dir={cards}&fault=card_out",
                           office_code=MALANG, actor=OFFICER, now=now)
    assert failed.state == "failed"
    card = tp.print_card(station, info.npwpd, f"card+pdf://{cards}", office_code=MALANG,
                         reprint=True, actor=OFFICER, now=now + timedelta(minutes=1))
    assert card.state == "done"
    assert (cards / f"npwpd-{info.npwpd}.pdf").read_bytes().startswith(b"%PDF")
    assert office.finish(MALANG, "L1", now).outcome == "done"
    assert office.status(visit.id) is VisitStatus.DONE

    with station.uow() as uow:  # `loket bapenda assess` at a counter PC
        skpd = asm.assess(uow, info.npwpd, principal=Decimal(1_000_000), period="2026-10",
                          office_code=MALANG, actor=OFFICER, now=now)
    payer = office.issue(MALANG, "PEMBAYARAN", now)
    office.call(MALANG, "L3", payer.ticket, now)
    with station.uow() as uow:
        found = asm.lookup_assessment(uow, info.npwpd, office_code=MALANG)
        paid = asm.pay(uow, skpd.number, method="cash", office_code=MALANG, actor=OFFICER,
                       visit_id=payer.id, now=now)
    assert [a.number for a in found] == [skpd.number]
    assert office.finish(MALANG, "L3", now).outcome == "done"

    with station.uow() as uow:
        other = tp.register(uow, personal(nik=NIK_BUDI, name="Budi Santoso",
                                          requirements=MALANG_ALL),
                            office_code=MALANG, actor=OFFICER, now=now)
    with station.uow() as uow:  # a supervisor's act (countersigned at the counter)
        signed = users.countersign(uow, "pengawas", TEST_PASSWORD, Act.CANCEL,
                                   office_code=MALANG, now=now)
    with station.uow() as uow:
        off = tp.deactivate(uow, other.npwpd, "usaha-tutup", office_code=MALANG,
                            requirements=["surat-permohonan", "kartu-npwpd"], actor=signed,
                            now=now)
    assert off.status == "inactive"
    jobs = office.read(select(DeviceJob.state).where(DeviceJob.job_kind.like("card.npwpd%"))
                       .order_by(DeviceJob.id))
    assert jobs == [JobState.FAILED, JobState.DONE]
    assert office.read(select(Payment.id).where(Payment.id == paid.payment_id))
    assert office.read(select(Document.kind).where(Document.id == paid.document_id))
    assert {e for e in office.read(select(AuditEntry.action).where(
        AuditEntry.action.like("npwpd.%")))} >= {"npwpd.register", "npwpd.deactivate"}


# --- perforation --------------------------------------------------------------------------


def test_perforation_request_count_reconcile_and_pick_up(office: Stations) -> None:
    now = PERFORATION_DAY
    station = office.station
    visit = office.issue(MALANG, "PERFORASI", now)
    office.call(MALANG, "L4", visit.ticket, now)
    with station.uow() as uow:
        req = perf.create_request(uow, office_code=MALANG, actor=OFFICER, now=now,
                                  visit_id=visit.id, **request_fields())
    machine = PerforatorSimulator(600_000.0, faults="jam@500", keepalive=0.1)
    machine.start_tcp()
    try:
        conn = f"perforator+tcp://{machine.address}?timeout=0.5"
        stopped = count_request(station, req.number, conn, actor=OFFICER, now=now)
        assert stopped.state == "stopped"  # a jam: booked on the run, counted on
        done = count_request(station, req.number, conn, actor=OFFICER, now=now)
    finally:
        machine.stop()
    assert done.done and done.counted == 1000
    assert office.finish(MALANG, "L4", now).outcome == "done"
    with station.uow() as uow:
        reconciled = perf.reconcile(uow, req.number, damaged="2", note="2 lembar sobek",
                                    actor=SUPERVISOR, now=now)
    assert reconciled.status == "reconciled"
    with station.uow() as uow:
        picked, pdf = perf.pickup(uow, req.number, by="Andi (karyawan)", actor=OFFICER,
                                  now=now + timedelta(hours=1))
    assert picked.status == "picked_up" and pdf.startswith(b"%PDF")
    with station.uow() as uow:  # a second request, withdrawn: a supervisor's cancellation
        withdrawn = perf.create_request(uow, office_code=MALANG, actor=OFFICER, now=now,
                                        **request_fields(series="BON-B"))
    with station.uow() as uow:
        perf.cancel(uow, withdrawn.number, reason="salah seri", actor=SUPERVISOR, now=now)
    with station.uow(read_only=True) as uow:
        assert perf.get_request(uow, withdrawn.number).status == "cancelled"
        assert [(r.state, r.counted) for r in perf.get_request(uow, req.number).runs] == [
            ("done", 1000)]  # the jammed run, resumed


# --- casework -----------------------------------------------------------------------------


def test_casework_applications_and_complaints(office: Stations) -> None:
    now = CASEWORK_DAY
    station = office.station
    visit = office.issue(MALANG, "KEBERATAN", now)
    office.call(MALANG, "L2", visit.ticket, now)
    with station.uow() as uow:
        app = A.register_application(
            uow, "KEBERATAN", office_code=MALANG, applicant_name="Siti Aminah",
            subject="Keberatan atas SKPD reklame 2026", amount="1.500.000",
            visit_id=visit.id, actor=OFFICER, now=now)
    assert office.finish(MALANG, "L2", now).outcome == "done"
    with station.uow() as uow:
        A.forward(uow, app.number, to="Kabid Pendataan", note="mohon ditelaah",
                  office_code=MALANG, actor=OFFICER, now=now + timedelta(hours=1))
    with station.uow() as uow:
        decided = A.finish(uow, app.number, outcome="done", note="dikabulkan sebagian",
                           office_code=MALANG, actor=OFFICER, now=now + timedelta(days=2))
    with station.uow(read_only=True) as uow:
        assert A.receipt_pdf(uow, app.number, office_code=MALANG).startswith(b"%PDF")
    assert decided.status == "done"

    with station.uow() as uow:
        complaint = C.register_complaint(uow, channel="room", text="Antrean terlalu lama",
                                         reporter="Andi", office_code=MALANG, actor=OFFICER,
                                         now=now)
    with station.uow() as uow:
        C.complete_step(uow, complaint.number, 1, note="dicatat", office_code=MALANG,
                        actor=OFFICER, now=now + timedelta(minutes=30))
    with station.uow() as uow:
        C.answer(uow, complaint.number, "Loket ditambah pada jam sibuk", office_code=MALANG,
                 actor=OFFICER, now=now + timedelta(hours=2))
    with station.uow() as uow:
        closed = C.close(uow, complaint.number, "Loket 2 dibuka pukul 08.00",
                         office_code=MALANG, actor=SUPERVISOR, now=now + timedelta(hours=3))
    assert closed.status == "closed"
    assert office.read(select(Application.status).where(Application.number == app.number)) \
        == ["done"]


# --- fiscal clearance -------------------------------------------------------------------------


def test_a_fiscal_check_its_letter_a_reprint_and_a_revocation(office: Stations) -> None:
    now = FISCAL_DAY
    station = office.station
    visit = office.issue(FO, "TAX-CLEARANCE", now)
    office.call(FO, "FO1", visit.ticket, now)
    with station.uow() as uow:
        result = clearance.check(uow, "plate", "A 1234 BC", purpose="Izin usaha (SIPEKA)",
                                 officer=OFFICER, office_code=FO, visit_id=visit.id, now=now)
    assert result.result == "not-clear"
    with station.uow() as uow:
        letter = clearance.issue_letter(uow, result.check_id, actor=OFFICER, now=now)
    with station.uow(read_only=True) as uow:
        name, pdf = clearance.letter_pdf_of(uow, letter.code, actor=OFFICER, now=now)
    assert pdf.startswith(b"%PDF") and name.endswith(".pdf")
    assert office.finish(FO, "FO1", now).outcome == "done"
    with station.uow() as uow:  # `loket fiscal revoke` at the supervisor's PC
        revoked = clearance.revoke(uow, letter.code, reason="data salah", actor=SUPERVISOR,
                                   now=now + timedelta(hours=1))
    assert revoked["valid"] is False
    assert office.read(select(FiscalCheck.result).where(
        FiscalCheck.id == result.check_id)) == ["not-clear"]
    assert office.read(select(FiscalLetter.revoke_reason)) == ["data salah"]


# --- the supervisor board -----------------------------------------------------------------


def test_the_supervisor_board_acts_and_closes_and_opens_the_day(office: Stations) -> None:
    now = SUPERVISOR_DAY
    station = office.station
    connection = "sim://?name=roles-areas&fault=paper_out"
    first, second, third = (office.issue(BPS, "PENJUALAN-PRODUK", now) for _ in range(3))
    failed = ticket_print.print_ticket(office.kiosk, first.id, connection, retry=False,
                                       now=now)
    assert failed.state == "failed"

    with station.uow() as uow:
        q_.set_counter_open(uow, "PST2", True, office_code=BPS, actor=OFFICER, now=now)
    office.call(BPS, "PST1", first.ticket, now)
    office.call(BPS, "PST2", second.ticket, now)
    with station.uow() as uow:
        q_.heartbeat(uow, "PST2", office_code=BPS, now=now + timedelta(minutes=10))
    with station.uow() as uow:
        q_.take_back(uow, second.ticket, office_code=BPS, actor=SUPERVISOR,
                     now=now + timedelta(minutes=1))
    with station.uow() as uow:  # PST1 went silent: the board's periodic recovery
        recovered = q_.recover_stale(uow, office_code=BPS, actor=SUPERVISOR,
                                     now=now + timedelta(minutes=20))
    assert recovered == [first.ticket]
    with station.uow() as uow:
        q_.grant_priority(uow, third.ticket, "lansia", office_code=BPS, actor=SUPERVISOR,
                          now=now + timedelta(minutes=21))
    with station.uow() as uow:
        text = supervision.set_running_text(uow, BPS, "Selamat datang di PST",
                                            actor=SUPERVISOR)
    with station.uow(read_only=True) as uow:
        seen = supervision.overview(uow, BPS, now=now + timedelta(minutes=22))
    assert text == seen["running_text"] == "Selamat datang di PST"
    [job] = seen["reprints"]
    simulator(DeviceKind.TICKET_PRINTER, parse(connection)).set_fault(None)
    again = ticket_print.reprint_job(station, job["job"], actor=Actor("pengawas"),
                                     now=now + timedelta(minutes=23))
    assert again.state == "done"
    with station.uow() as uow:
        q_.set_counter_open(uow, "PST2", False, office_code=BPS, actor=SUPERVISOR,
                            now=now + timedelta(minutes=24))

    with station.uow() as uow:  # `loket queue close-day` at the supervisor's PC
        closed = q_.close_day(uow, office_code=BPS, actor=SUPERVISOR,
                              now=now + timedelta(hours=6))
    assert set(closed["not_served"]) == {first.ticket, second.ticket, third.ticket}
    with station.uow() as uow:
        q_.open_day(uow, office_code=BPS, actor=SUPERVISOR, now=now + timedelta(hours=6))
    assert office.read(select(DeviceJob.state).where(DeviceJob.id == job["job"])) == [
        JobState.DONE]
    assert office.read(select(Counter.is_open).where(Counter.code.in_(["PST1", "PST2"]),
                                                     Counter.office_id == _office_id(
                                                         office, BPS))) == [False, False]
    [settings] = office.read(select(Office.settings).where(Office.code == BPS))
    assert "closed_on" not in settings


def _office_id(office: Stations, code: str) -> int:
    [found] = office.read(select(Office.id).where(Office.code == code))
    return found


# --- appointments ----------------------------------------------------------------------------


def test_check_in_is_the_command_lines_not_the_kiosks(office: Stations) -> None:
    """No station offers check-in (only ``loket ticket checkin``): the kiosk's role, which
    only inserts visits, may not mark an appointment checked in; a counter PC may."""
    at = SUPERVISOR_DAY + timedelta(hours=1)
    with office.station.uow() as uow:
        q_.book_appointment(uow, "PENJUALAN-PRODUK", at, "JANJI-01", office_code=BPS,
                            name="Dewi", actor=OFFICER, now=at - timedelta(days=3))

    def kiosk_checks_in() -> None:
        with office.kiosk.uow() as uow:
            q_.check_in(uow, "JANJI-01", office_code=BPS, now=at)

    assert refused_for_privilege(kiosk_checks_in)
    with office.station.uow() as uow:
        ticket = q_.check_in(uow, "JANJI-01", office_code=BPS, now=at)
    assert office.read(select(Appointment.status).where(Appointment.code == "JANJI-01")) == [
        "checked_in"]
    assert office.status(ticket.id) is VisitStatus.WAITING
    with office.station.uow() as uow:
        q_.call_ticket(uow, "PST1", ticket.ticket, office_code=BPS, actor=OFFICER, now=at)
    assert office.finish(BPS, "PST1", at, outcome="incomplete").outcome == "incomplete"


# --- IKM ------------------------------------------------------------------------------------


def test_the_survey_station_stores_answers_and_ratings(office: Stations,
                                                       tmp_path: Path) -> None:
    now = IKM_DAY
    station = office.station
    visit = office.issue(SAMSAT, "STNK-PERPANJANGAN", now)
    office.call(SAMSAT, "CF", visit.ticket, now)
    with station.uow() as uow:  # sent on without stage work: the survey is what is tested
        q_.transfer(uow, "CF", to_stage="loket-3", office_code=SAMSAT, actor=OFFICER, now=now)
    office.call(SAMSAT, "L3", visit.ticket, now)
    survey = load_survey()
    with station.uow(read_only=True) as uow:
        check_visit(uow, SAMSAT, visit.ticket, now=now)
    with station.uow() as uow:
        submitted = submit_survey(uow, SAMSAT, visit.ticket, dict.fromkeys(survey.ids, 4),
                                  now=now)
    with station.uow() as uow:
        rating = quick_rating(uow, SAMSAT, "L3", 3, now=now)
    paper = tmp_path / "kertas.csv"
    paper.write_text("\n".join([",".join(["date", "service", *survey.ids]),
                                ",".join(["23-11-2026", "stnk-perpanjangan",
                                          *["3"] * len(survey.ids)])]) + "\n")
    with station.uow() as uow:  # `loket ikm import` at the supervisor's PC
        assert import_answers(uow, SAMSAT, paper, now=now, actor=Actor("pengawas")) == 1
    assert office.finish(SAMSAT, "L3", now, outcome="incomplete").outcome == "incomplete"
    sources = office.read(select(SurveyResponse.source).where(
        SurveyResponse.id.in_([submitted.response_id, rating])))
    assert sorted(sources) == ["quick", "station"]


# --- the display ----------------------------------------------------------------------------


def test_the_display_reads_the_board_and_hears_the_calls(office: Stations) -> None:
    now = DISPLAY_DAY
    feed = EventFeed(office.display, SAMSAT)
    try:
        visit = office.issue(SAMSAT, "STNK-HILANG", now)
        office.call(SAMSAT, "CF", visit.ticket, now)
        events = feed.fetch()
        assert feed.online
    finally:
        feed.close()
    assert "ticket.called" in [e.kind for e in events]
    display = DisplayStation(office.display, SAMSAT, clock=lambda: now)  # ui/display.py's
    shown, voice = display.board(), display.voice()
    at_cf = shown.counter("CF")
    assert at_cf is not None and at_cf.ticket == visit.ticket
    assert 0 <= voice.volume <= 100
    with office.station.uow() as uow:
        q_.finish(uow, "CF", outcome="incomplete", office_code=SAMSAT, actor=OFFICER, now=now)


# --- users and sessions ---------------------------------------------------------------------


def test_failed_log_ins_are_counted_and_lock_and_sessions_open_and_end(
        office: Stations) -> None:
    station = office.station
    now = datetime.now(UTC)
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(LoketError) as err, station.uow() as uow:
            users.authenticate(uow, "lupa", "salah-sandi", now=now)
        assert err.value.key == "user.bad_login"
    [locked_until] = office.read(select(User.locked_until).where(User.username == "lupa"))
    assert locked_until is not None and locked_until > now
    with station.uow() as uow:  # the station's log-in (ui/lock.py, the boards)
        signed = users.authenticate(uow, "petugas", TEST_PASSWORD, now=now,
                                    office_code=MALANG)
    assert signed.username == "petugas"
    with station.uow() as uow:  # `loket login` at a station PC
        token, info = sessions.sign_in(uow, "pengawas", TEST_PASSWORD, label="PC-PENGAWAS",
                                       now=now)
    with station.uow(read_only=True) as uow:
        actor, _ = sessions.acting(uow, token, now=now)
    assert actor.name == info.username == "pengawas"
    with station.uow() as uow:
        assert sessions.sign_out(uow, token, now=now) == "pengawas"
    ended = office.read(select(UserSession.ended_at).where(UserSession.label == "PC-PENGAWAS"))
    assert ended and ended[0] is not None


def test_a_password_hashed_with_older_parameters_still_signs_in_at_a_station(
        office: Stations) -> None:
    older = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(TEST_PASSWORD)
    with office.owner.uow() as uow:  # e.g. a user added before argon2's defaults changed
        users.add_user(uow, "lama", "officer", TEST_PASSWORD,
                       actor=access.Actor.system("admin"))
        uow.session.execute(update(User).where(User.username == "lama")
                            .values(password_hash=older))
        uow.commit()
    with office.station.uow() as uow:  # the station role may not rehash: signs in anyway
        assert users.authenticate(uow, "lama", TEST_PASSWORD).username == "lama"
    with office.owner.uow() as uow:
        kept = uow.session.scalar(select(User).where(User.username == "lama"))
        assert kept is not None and kept.password_hash == older
        assert kept.last_login_at is not None and kept.failed_logins == 0
        assert users.authenticate(uow, "lama", TEST_PASSWORD).username == "lama"
    with office.owner.uow() as uow:  # a PC that may write the hash upgrades it
        kept = uow.session.scalar(select(User).where(User.username == "lama"))
        assert kept is not None and kept.password_hash != older
        assert kept.password_hash.startswith("$argon2")


# --- reports --------------------------------------------------------------------------------


def test_a_report_keeps_its_day_summaries_and_a_change_drops_them(office: Stations) -> None:
    now = REPORT_DAY
    day = now.date()
    station = office.station
    visit = office.issue(BATU, "NPWPD-DAFTAR", now)
    office.call(BATU, "L3", visit.ticket, now)
    office.finish(BATU, "L3", now, outcome="incomplete")
    batu = _office_id(office, BATU)

    def stored() -> list[date]:
        return office.read(select(ReportDay.day).where(ReportDay.office_id == batu,
                                                       ReportDay.day == day))

    assert day < datetime.now(UTC).date()  # a closed day: its summary is kept
    with station.uow(read_only=True) as uow:  # the supervisor board's report tab
        report = daily_report(uow, BATU, day, as_of=now + timedelta(days=1))
    assert sum(row.visits for row in report.services) == 1
    assert stored() == [day]  # written by the report (a failure there is silent)
    [made] = summaries.summarize(station, BATU, day, day, rebuild=True)  # the nightly job
    assert (made.written, stored()) == (1, [day])
    with station.uow() as uow:  # a rating of that day changes it: its summary is dropped
        quick_rating(uow, BATU, "L3", 4, now=now + timedelta(hours=1))
    assert stored() == []
