"""Survey answers in the database: one per served visit, quick ratings apart, paper files
all or nothing, and the IKM of a period sliced by service, loket and officer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import users
from app.errors import LoketError
from app.ikm.responses import ikm_report, import_answers, quick_rating, submit_survey
from app.ikm.survey import load_survey
from app.queue import engine as q
from app.store import Store
from db.models import AuditEntry, SurveyResponse
from printing.ticket import qr_payload
from tests.app.queue.conftest import MONDAY_9

OFFICE = "SAMSAT-PTK1"
SKM = load_survey()
DAY = date(2026, 11, 23)


def _officer(store: Store, name: str) -> q.Actor:
    with store.uow() as uow:
        info = users.add_user(uow, name, "officer", "rahasia-123", actor="test",
                              office_code=OFFICE)
    return q.Actor(info.username, info.id)


def _served_at_cf(store: Store, actor: q.Actor, n: int) -> list[tuple[int, str]]:
    """``n`` visits issued and served at cek fisik by ``actor``: (visit id, ticket)."""
    out = []
    for i in range(n):
        with store.uow() as uow:
            info = q.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE,
                                  now=MONDAY_9 + timedelta(minutes=i))
        with store.uow() as uow:
            q.call_next(uow, "CF", office_code=OFFICE, actor=actor, now=MONDAY_9)
        with store.uow() as uow:
            q.finish(uow, "CF", office_code=OFFICE, actor=actor, now=MONDAY_9)
        out.append((info.id, info.ticket))
    return out


def test_one_answer_per_served_visit_by_ticket_or_scanned_qr(catalog_store: Store) -> None:
    officer = _officer(catalog_store, "petugas1")
    (visit_id, ticket), (visit2, ticket2) = _served_at_cf(catalog_store, officer, 2)
    answers = dict.fromkeys(SKM.ids, 4)
    with catalog_store.uow() as uow:
        done = submit_survey(uow, OFFICE, ticket.lower(), answers,
                             respondent={"sex": "Perempuan"}, now=MONDAY_9)
    assert done.ticket == ticket and done.service == "STNK-PERPANJANGAN"
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket, answers, now=MONDAY_9)
    assert err.value.key == "survey.already_answered"
    with catalog_store.uow() as uow:  # the QR printed on the ticket
        submit_survey(uow, OFFICE, qr_payload(OFFICE, visit2, ticket2), answers,
                      now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(SurveyResponse)).all()
        assert sorted(r.visit_id for r in rows) == sorted([visit_id, visit2])
        assert all(r.officer_id == officer.user_id for r in rows)
        assert uow.session.scalar(select(func.count()).where(
            AuditEntry.action == "survey.submitted")) == 2


@pytest.mark.parametrize(("change", "key"), [
    ({"waktu": 0}, "ikm.bad_answer"), ({"waktu": None}, "ikm.missing_answer")])
def test_bad_questionnaire_or_unserved_visit_stores_nothing(catalog_store: Store, change,
                                                            key) -> None:
    with catalog_store.uow() as uow:
        waiting = q.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE, now=MONDAY_9)
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, waiting.ticket, dict.fromkeys(SKM.ids, 3), now=MONDAY_9)
    assert err.value.key == "survey.not_served"
    officer = _officer(catalog_store, "petugas1")
    (_, ticket), = _served_at_cf(catalog_store, officer, 1)
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket, dict.fromkeys(SKM.ids, 3) | change, now=MONDAY_9)
    assert err.value.key == key
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        submit_survey(uow, OFFICE, ticket, dict.fromkeys(SKM.ids, 3),
                      respondent={"sex": "X"}, now=MONDAY_9)
    assert err.value.key == "survey.bad_respondent"
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(SurveyResponse)) == 0


def test_quick_ratings_are_kept_apart_from_the_ikm(catalog_store: Store) -> None:
    officer = _officer(catalog_store, "petugas1")
    (_, ticket), = _served_at_cf(catalog_store, officer, 1)
    with catalog_store.uow() as uow:
        quick_rating(uow, OFFICE, "L1", 1, now=MONDAY_9)
    with catalog_store.uow() as uow, pytest.raises(LoketError):
        quick_rating(uow, OFFICE, "L1", 5, now=MONDAY_9)
    with catalog_store.uow() as uow:
        submit_survey(uow, OFFICE, ticket, dict.fromkeys(SKM.ids, 4), now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        report = ikm_report(uow, OFFICE, DAY, DAY)
    assert report.result is not None and report.result.respondents == 1
    assert report.result.converted == 100


def test_report_slices_by_loket_and_officer_and_checks_the_sample(catalog_store: Store) -> None:
    budi = _officer(catalog_store, "budi")
    siti = _officer(catalog_store, "siti")
    by_budi = _served_at_cf(catalog_store, budi, 2)
    by_siti = _served_at_cf(catalog_store, siti, 1)
    for (_, ticket), value in zip([*by_budi, *by_siti], (4, 3, 1), strict=True):
        with catalog_store.uow() as uow:
            submit_survey(uow, OFFICE, ticket, dict.fromkeys(SKM.ids, value), now=MONDAY_9)
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
        import_answers(uow, OFFICE, bad, now=MONDAY_9)
    assert err.value.key == "ikm.unknown_service" and err.value.params["line"] == 2
    with catalog_store.uow() as uow:
        assert import_answers(uow, OFFICE, good, now=MONDAY_9) == 2
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
