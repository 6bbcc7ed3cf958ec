"""Survey answers in the database: a visit answers once, and only once its last stage has
started (an incomplete visit may too; a cancelled, no-show or unserved one may not); quick
ratings apart, paper files all or nothing, and the IKM of a period sliced by service, loket
and officer. Every test runs on SQLite and PostgreSQL (``catalog_store``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.access import Actor
from app.errors import LoketError
from app.i18n import tr
from app.ikm import responses
from app.ikm.responses import (
    check_visit,
    ikm_report,
    import_answers,
    quick_rating,
    submit_survey,
)
from app.ikm.survey import load_survey
from app.queue import engine as q
from app.store import Store
from db.models import AuditEntry, Counter, SurveyAnswer, SurveyResponse, User, Visit
from printing.ticket import qr_payload
from tests.app.ikm.visits import OFFICE, Desk, Ticket, survey_rows
from tests.app.queue.conftest import MONDAY_9

SKM = load_survey()
DAY = date(2026, 11, 23)
ALL_FOUR = dict.fromkeys(SKM.ids, 4)


def _refusal(store: Store, ticket: str) -> str:
    """The key both the station's check and the submission refuse ``ticket`` with."""
    with store.uow(read_only=True) as uow, pytest.raises(LoketError) as checked:
        check_visit(uow, OFFICE, ticket, now=MONDAY_9)
    with store.uow() as uow, pytest.raises(LoketError) as stored:
        submit_survey(uow, OFFICE, ticket, ALL_FOUR, now=MONDAY_9)
    assert checked.value.key == stored.value.key
    assert checked.value.message("id") == stored.value.message("id")
    return stored.value.key


def _counter_of(store: Store, response_id: int) -> str | None:
    with store.uow(read_only=True) as uow:
        response = uow.session.get(SurveyResponse, response_id)
        assert response is not None
        counter = uow.session.get(Counter, response.counter_id) if response.counter_id else None
        return counter.code if counter else None


def test_a_visit_at_loket_1_is_refused_and_answers_once_its_last_stage_started(
        catalog_store: Store) -> None:
    """The issue: A-001 answered while still being served at loket 1."""
    desk = Desk(catalog_store, "petugas1", MONDAY_9)
    a001 = desk.at_loket_1()
    assert a001.ticket == "A-001"
    with catalog_store.uow(read_only=True) as uow, pytest.raises(LoketError) as err:
        check_visit(uow, OFFICE, "a-001", now=MONDAY_9)
    assert err.value.key == "survey.not_finished"
    assert err.value.message("id") == (
        "nomor A-001 belum selesai dilayani (sekarang: Loket 1 Pendaftaran); survei bisa "
        "diisi setelah tahap terakhir, Pengesahan dan Penyerahan STNK, dimulai")
    assert "once its last stage" in err.value.message("en")
    assert _refusal(catalog_store, "A-001") == "survey.not_finished"
    assert survey_rows(catalog_store) == (0, 0, 0)
    # on to loket 3: waiting there is not yet its last stage started
    desk.send("L1", "loket-3")
    with catalog_store.uow(read_only=True) as uow, pytest.raises(LoketError) as err:
        check_visit(uow, OFFICE, "A-001", now=MONDAY_9)
    assert err.value.params["place"] == "Pengesahan dan Penyerahan STNK"
    assert survey_rows(catalog_store) == (0, 0, 0)
    # called at loket 3: the survey is open, credited to loket 3 and its officer
    desk.call("L3", a001)
    with catalog_store.uow(read_only=True) as uow:
        visit = check_visit(uow, OFFICE, "a-001", now=MONDAY_9)
    assert (visit.ticket, visit.service_name) == ("A-001", "Perpanjangan STNK")
    with catalog_store.uow() as uow:
        done = submit_survey(uow, OFFICE, "a-001", ALL_FOUR, respondent={"sex": "Perempuan"},
                             now=MONDAY_9)
    assert (done.ticket, done.service) == ("A-001", "STNK-PERPANJANGAN")
    assert _counter_of(catalog_store, done.response_id) == "L3"
    assert survey_rows(catalog_store) == (1, 9, 1)
    # twice: refused, by typed number and by the QR on the ticket, nothing more stored
    assert _refusal(catalog_store, "A-001") == "survey.already_answered"
    assert _refusal(catalog_store, qr_payload(OFFICE, a001.id, "A-001")) == (
        "survey.already_answered")
    assert survey_rows(catalog_store) == (1, 9, 1)


def test_closed_visits_incomplete_may_answer_cancelled_no_show_unserved_may_not(
        catalog_store: Store) -> None:
    desk = Desk(catalog_store, "petugas1", MONDAY_9)
    incomplete = desk.at_loket_1()
    desk.finish("L1", "incomplete")  # a document missing: served and sent home
    cancelled = desk.at_loket_1()
    desk.finish("L1", "cancelled")
    no_show = desk.issue()
    desk.call("CF", no_show)
    desk.skip("CF")
    cancelled_at_l3 = desk.issue()
    desk.call("CF", cancelled_at_l3)
    desk.send("CF", "loket-3")
    desk.call("L3", cancelled_at_l3)
    desk.finish("L3", "cancelled")
    held_at_l3 = desk.at_last_stage()  # still there when the day is closed
    never_called = desk.issue()
    with catalog_store.uow() as uow:
        q.close_day(uow, office_code=OFFICE, now=MONDAY_9)

    assert _refusal(catalog_store, cancelled.ticket) == "survey.cancelled"
    assert _refusal(catalog_store, no_show.ticket) == "survey.no_show"
    assert _refusal(catalog_store, never_called.ticket) == "survey.not_served"
    assert survey_rows(catalog_store) == (0, 0, 0)
    with catalog_store.uow() as uow:
        late = submit_survey(uow, OFFICE, incomplete.ticket, ALL_FOUR, now=MONDAY_9)
    assert _counter_of(catalog_store, late.response_id) == "L1"
    # reached loket 3, then closed: cancelled there, or held there when the day closed
    for ticket in (cancelled_at_l3, held_at_l3):
        with catalog_store.uow() as uow:
            done = submit_survey(uow, OFFICE, ticket.ticket, ALL_FOUR, now=MONDAY_9)
        assert _counter_of(catalog_store, done.response_id) == "L3"
    assert survey_rows(catalog_store) == (3, 27, 3)


def test_the_database_keeps_one_answer_per_visit(catalog_store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Two stations racing with one ticket both pass the check; the unique index on
    ``survey_responses.visit_id`` keeps the second answer out, refused in words."""
    desk = Desk(catalog_store, "petugas1", MONDAY_9)
    ticket = desk.at_last_stage()
    with catalog_store.uow() as uow:
        submit_survey(uow, OFFICE, ticket.ticket, ALL_FOUR, now=MONDAY_9)
    monkeypatch.setattr(responses, "_credited", lambda session, visit: None)  # raced past
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket.ticket, ALL_FOUR, now=MONDAY_9)
    assert err.value.key == "survey.already_answered"
    assert survey_rows(catalog_store) == (1, 9, 1)
    with catalog_store.uow() as uow, pytest.raises(IntegrityError):
        visit = uow.session.get(Visit, ticket.id)
        assert visit is not None
        uow.session.add(SurveyResponse(office_id=visit.office_id, survey_code=SKM.code,
                                       visit_id=visit.id, source="station", respondent={}))
        uow.session.flush()


def _at_last_stage(desk: Desk, n: int) -> list[Ticket]:
    return [desk.at_last_stage() for _ in range(n)]


@pytest.mark.parametrize(("change", "key"), [
    ({"waktu": 0}, "ikm.bad_answer"), ({"waktu": None}, "ikm.missing_answer")])
def test_bad_questionnaire_stores_nothing(catalog_store: Store, change, key) -> None:
    (ticket,) = _at_last_stage(Desk(catalog_store, "petugas1", MONDAY_9), 1)
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket.ticket, dict.fromkeys(SKM.ids, 3) | change,
                      now=MONDAY_9)
    assert err.value.key == key
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket.ticket, dict.fromkeys(SKM.ids, 3),
                      respondent={"sex": "X"}, now=MONDAY_9)
    assert err.value.key == "survey.bad_respondent"
    assert survey_rows(catalog_store) == (0, 0, 0)


def test_quick_ratings_are_kept_apart_from_the_ikm(catalog_store: Store) -> None:
    (ticket,) = _at_last_stage(Desk(catalog_store, "petugas1", MONDAY_9), 1)
    with catalog_store.uow() as uow:
        quick_rating(uow, OFFICE, "L1", 1, now=MONDAY_9)
    with catalog_store.uow() as uow, pytest.raises(LoketError):
        quick_rating(uow, OFFICE, "L1", 5, now=MONDAY_9)
    with catalog_store.uow() as uow:
        submit_survey(uow, OFFICE, ticket.ticket, ALL_FOUR, now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        report = ikm_report(uow, OFFICE, DAY, DAY)
        answers = uow.session.scalars(select(SurveyAnswer)).all()
    assert report.result is not None and report.result.respondents == 1
    assert report.result.converted == 100
    assert len(answers) == 10  # nine of the questionnaire, one quick


def test_report_slices_by_loket_and_officer_and_checks_the_sample(catalog_store: Store) -> None:
    by_budi = _at_last_stage(Desk(catalog_store, "budi", MONDAY_9), 2)
    by_siti = _at_last_stage(Desk(catalog_store, "siti", MONDAY_9), 1)
    for ticket, value in zip([*by_budi, *by_siti], (4, 3, 1), strict=True):
        with catalog_store.uow() as uow:
            submit_survey(uow, OFFICE, ticket.ticket, dict.fromkeys(SKM.ids, value),
                          now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        everyone = ikm_report(uow, OFFICE, DAY, DAY)
        budi_only = ikm_report(uow, OFFICE, DAY, DAY, officer="budi")
        at_cf = ikm_report(uow, OFFICE, DAY, DAY, counter="CF")
        at_l1 = ikm_report(uow, OFFICE, DAY, DAY, counter="L1")
        next_day = ikm_report(uow, OFFICE, DAY + timedelta(days=1), DAY + timedelta(days=1))
    assert everyone.result and everyone.result.respondents == 3
    assert str(everyone.result.converted) == "66.67"  # (4 + 3 + 1) / 3 x 25
    assert budi_only.result and str(budi_only.result.converted) == "87.50"
    assert at_cf.result and at_cf.result.respondents == 3 and at_l1.result is None
    assert (everyone.visitors, everyone.sample_needed, everyone.sample_reached) == (3, 3, True)
    assert next_day.result is None and next_day.to_json()["ikm"] is None


def test_paper_file_is_loaded_whole_or_not_at_all(catalog_store: Store, tmp_path: Path) -> None:
    header = ",".join(["date", "service", *SKM.ids])
    good = tmp_path / "good.csv"
    good.write_text("\n".join([header, ",".join(["23-11-2026", "stnk-perpanjangan",
                                                 *["3"] * 9]),
                               ",".join(["", "", *["4"] * 9])]) + "\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([header, ",".join(["23-11-2026", "BUKAN-LAYANAN",
                                                *["3"] * 9])]) + "\n")
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        import_answers(uow, OFFICE, bad, now=MONDAY_9, actor=Actor("pengawas"))
    assert err.value.key == "ikm.unknown_service" and err.value.params["line"] == 2
    with catalog_store.uow() as uow:
        assert import_answers(uow, OFFICE, good, now=MONDAY_9,
                              actor=Actor("pengawas")) == 2
    with catalog_store.uow(read_only=True) as uow:
        report = ikm_report(uow, OFFICE, DAY, DAY)
        stnk = ikm_report(uow, OFFICE, DAY, DAY, service="STNK-PERPANJANGAN")
    assert report.result and report.result.respondents == 2
    assert str(report.result.converted) == "87.50"
    assert stnk.result and stnk.result.respondents == 1


def test_cli_import_then_report(url: str, capsys, tmp_path: Path) -> None:
    from tests.helpers import run_json, snapshot

    header = ",".join(["date", *SKM.ids])
    good = tmp_path / "kuesioner.csv"
    good.write_text("\n".join([header, ",".join(["2026-11-23", *["4"] * 9]),
                               ",".join(["2026-11-23", *["3"] * 9])]) + "\n")
    bad = tmp_path / "rusak.csv"
    bad.write_text("\n".join([header, ",".join(["2026-11-23", *["9"] * 9])]) + "\n")
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "ikm", "import", str(bad), "--office", OFFICE)
    assert code == 2 and "baris 2" in err and snapshot(url) == before
    code, data, _ = run_json(capsys, url, "ikm", "import", str(good), "--office", OFFICE)
    assert code == 0 and data == {"file": str(good), "imported": 2}
    code, data, _ = run_json(capsys, url, "ikm", "report", "--office", OFFICE,
                             "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 0
    assert data["respondents"] == 2 and data["ikm"] == 87.5 and data["grade"] == "B"
    assert data["nrr"]["waktu"] == 3.5 and data["from"] == "2026-11-01"
    code, _, err = run_json(capsys, url, "ikm", "report", "--office", OFFICE,
                            "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 2 and err.count("\n") == 1


@pytest.mark.parametrize("who", ["petugas", "kasi"])
def test_only_a_supervisor_loads_paper_answers(catalog_store: Store, catalog_db_url: str,
                                               tmp_path: Path, who: str) -> None:
    """Paper answers are the office's data (app/access.py: a supervisor's act), asked
    before the file is even read; the refusal alone is kept. A visitor's own answer at the
    survey station needs nobody (the tests above)."""
    from tests.helpers import snapshot

    header = ",".join(["date", *SKM.ids])
    good = tmp_path / "kuesioner.csv"
    good.write_text("\n".join([header, ",".join(["2026-11-23", *["4"] * 9])]) + "\n")
    for path in (tmp_path / "tidak-ada.csv", good):
        before = snapshot(catalog_db_url)
        with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
            import_answers(uow, OFFICE, path, now=MONDAY_9, actor=Actor(who))
        assert snapshot(catalog_db_url) == {**before, "audit_log": before["audit_log"] + 1}
        if who == "petugas":
            refused = f"petugas (petugas) tidak boleh {tr('access.act.data', 'id')}: "
            assert err.value.key == "access.role"
            assert err.value.message("id").startswith(refused)
            assert "supervisor" in err.value.message("id").removeprefix(refused)
        else:
            assert err.value.key == "access.unknown"
        with catalog_store.uow(read_only=True) as uow:
            entry = uow.session.scalars(select(AuditEntry).where(
                AuditEntry.action == "access.refused").order_by(AuditEntry.id.desc())).first()
        assert entry.actor == who and entry.after["act"] == "data"
    with catalog_store.uow() as uow:
        assert import_answers(uow, OFFICE, good, now=MONDAY_9, actor=Actor("pengawas")) == 1
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "survey.imported"))
        pengawas = uow.session.scalar(select(User.id).where(User.username == "pengawas"))
    assert (entry.actor, entry.user_id) == ("pengawas", pengawas)
