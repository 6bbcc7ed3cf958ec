"""Per-day summaries of the report (app/reports/summaries.py): a period read from summaries
gives exactly the JSON of the live computation; which days are summarised; invalidation
when a past day's rows change; ``loket report summarize``."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import users
from app.access import Actor
from app.ikm.survey import load_survey
from app.reports.daily import daily_report
from app.reports.summaries import VERSION, summarize
from app.store import Store
from db.enums import PaymentMethod, VisitStatus
from db.models import (
    Office,
    Payment,
    PaymentLine,
    Service,
    Stage,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    Visit,
)
from db.models_reports import ReportDay
from tests.helpers import run_json, snapshot

OFFICE = "SAMSAT-PTK1"  # WIB, UTC+7
FIRST = date(2026, 11, 16)  # Monday
DAYS = [FIRST + timedelta(days=i) for i in range(8)]  # Mon 16 .. Mon 23 November
OPEN_DAY = date(2026, 11, 18)  # a past day with a visit left open
V = VisitStatus
WIB = timedelta(hours=7)


def _local(day: date, hour: float) -> datetime:
    """``hour`` o'clock WIB on ``day``, as aware UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) - WIB + timedelta(hours=hour)


def build(store: Store) -> None:
    """A week of random visits, stage records, payments and survey answers; Saturday has
    none, Sunday only a late payment; one visit of OPEN_DAY is still waiting."""
    rnd = random.Random(20261123)
    officers = []
    for name in ("ani", "eko", "rudi"):
        with store.uow() as uow:
            officers.append(users.add_user(uow, name, "officer", "rahasia-123",
                                           actor=Actor("admin"), office_code=OFFICE,
                                           full_name=name.title()).id)
    elements = load_survey().ids
    with store.uow() as uow:
        s = uow.session
        office = s.scalar(select(Office).where(Office.code == OFFICE))
        services = list(s.scalars(select(Service).where(Service.office_id == office.id)
                                  .order_by(Service.id)))[:3]
        stages = list(s.scalars(select(Stage).where(Stage.office_id == office.id)
                                .order_by(Stage.id)))[:3]
        for day in DAYS:
            if day.weekday() == 5:
                continue
            if day.weekday() == 6:  # a payment at 00:10 WIB: the UTC day before
                s.add(Payment(office_id=office.id, method=PaymentMethod.TRANSFER,
                              amount=Decimal(70_000), received_at=_local(day, 1 / 6),
                              lines=[PaymentLine(position=0, code="PKB", description="PKB",
                                                 amount=Decimal(70_000))]))
                continue
            for number in range(1, 15):
                service = services[number % len(services)]
                issued = _local(day, 8 + number * 0.5 + rnd.random() / 10)
                status = rnd.choice((V.DONE, V.DONE, V.DONE, V.INCOMPLETE, V.NO_SHOW,
                                     V.CANCELLED, V.NOT_SERVED))
                if day == OPEN_DAY and number == 14:
                    status = V.WAITING
                minutes = rnd.choice((None, 20, 45))
                t = issued
                visit = Visit(office_id=office.id, service_id=service.id, service_date=day,
                              prefix=service.prefix, number=number,
                              ticket=f"{service.prefix}-{number:03d}", status=status,
                              priority_reason=rnd.choice((None, None, None, "lansia")),
                              issued_at=issued,
                              due_at=issued + timedelta(minutes=minutes) if minutes else None)
                s.add(visit)
                s.flush()
                for seq in range(1, rnd.choice((1, 2, 3)) + 1):
                    queued = t
                    called = queued + timedelta(seconds=rnd.randrange(0, 1800))
                    started = called + timedelta(seconds=rnd.choice((0, 7, 30)))
                    finished = started + timedelta(seconds=rnd.randrange(30, 900),
                                                   milliseconds=rnd.randrange(1000))
                    never_called = status == V.NOT_SERVED or (status == V.WAITING and seq > 1)
                    s.add(StageRecord(
                        visit_id=visit.id, stage_id=stages[seq - 1].id, seq=seq,
                        status=status if status != V.WAITING or seq > 1 else V.DONE,
                        priority=False, sort_at=queued, queued_at=queued,
                        called_at=None if never_called else called,
                        started_at=None if never_called or rnd.random() < 0.2 else started,
                        finished_at=None if status == V.WAITING and seq > 1 else finished,
                        officer_id=None if never_called else rnd.choice(officers)))
                    t = finished
                if status != V.WAITING:
                    visit.closed_at = t
                if status == V.DONE:
                    when = t if number != 3 else _local(day, 23 + 55 / 60)  # late evening
                    s.add(Payment(
                        office_id=office.id, visit_id=visit.id,
                        method=rnd.choice(list(PaymentMethod)), amount=Decimal(135_000),
                        received_at=when,
                        voided_at=when + timedelta(minutes=1) if number == 5 else None,
                        lines=[PaymentLine(position=0, code="PKB", description="PKB",
                                           amount=Decimal(100_000)),
                               PaymentLine(position=1, code="SWDKLLJ",
                                           description="SWDKLLJ", amount=Decimal(35_000))]))
                    s.add(SurveyResponse(
                        office_id=office.id, survey_code="skm-2017", visit_id=visit.id,
                        service_id=service.id, source="station",
                        submitted_at=t + timedelta(minutes=1), respondent={},
                        answers=[SurveyAnswer(element_id=e, value=rnd.randint(1, 4))
                                 for e in elements]))
        uow.commit()


@pytest.fixture
def store(catalog_store: Store) -> Store:
    build(catalog_store)
    return catalog_store


def _json(store: Store, start: date, end: date, as_of: datetime, **kw) -> dict:
    with store.uow(read_only=True) as uow:
        return daily_report(uow, OFFICE, start, end, as_of=as_of, **kw).to_json()


def _stored(store: Store) -> list[date]:
    with store.uow(read_only=True) as uow:
        return list(uow.session.scalars(
            select(ReportDay.day).join(Office, Office.id == ReportDay.office_id)
            .where(Office.code == OFFICE).order_by(ReportDay.day)))


AFTER = datetime(2026, 11, 24, 3, tzinfo=UTC)  # Tuesday 10:00 WIB: the week is closed
MIDWEEK = _local(date(2026, 11, 20), 10)  # Friday 10:00 WIB: Friday is today


@pytest.mark.parametrize(("start", "end", "as_of"), [
    (DAYS[0], DAYS[-1], AFTER),
    (DAYS[0], DAYS[-1], MIDWEEK),
    (DAYS[1], DAYS[2], AFTER),
    (DAYS[3], DAYS[3], AFTER),
    (DAYS[2], DAYS[6], MIDWEEK),
])
def test_summaries_give_the_live_report(store: Store, start, end, as_of) -> None:
    live = _json(store, start, end, as_of, summaries=False)
    assert live["visits"] > 0
    cold = _json(store, start, end, as_of)  # computes and stores the closed days
    warm = _json(store, start, end, as_of)  # reads them
    assert cold == live
    assert warm == live
    today = (as_of + WIB).date()  # the office's today
    expected = [d for d in DAYS if start <= d <= end and d < today and d != OPEN_DAY]
    assert _stored(store) == expected


def test_a_longer_period_adds_stored_and_live_days(store: Store) -> None:
    # the middle days summarised first, then a period around them: stored + computed
    _json(store, DAYS[1], DAYS[3], AFTER)
    assert _stored(store) == [DAYS[1], DAYS[3]]
    assert _json(store, DAYS[0], DAYS[-1], AFTER) == _json(
        store, DAYS[0], DAYS[-1], AFTER, summaries=False)
    assert _stored(store) == [d for d in DAYS if d != OPEN_DAY]


def test_today_and_open_days_stay_live(store: Store) -> None:
    _json(store, DAYS[0], DAYS[-1], MIDWEEK)
    stored = _stored(store)
    assert OPEN_DAY not in stored  # a visit is still waiting
    assert max(stored) < date(2026, 11, 20)  # Friday is today at MIDWEEK: never stored
    # a report whose start is today: nothing to read or write
    _json(store, date(2026, 11, 20), DAYS[-1], MIDWEEK)
    assert _stored(store) == stored


def test_a_report_in_a_writing_unit_of_work_stores_in_its_transaction(store: Store) -> None:
    with store.uow() as uow:  # SQLite: a second writer would wait for this one
        daily_report(uow, OFFICE, DAYS[0], DAYS[1], as_of=AFTER)
        uow.commit()
    assert _stored(store) == [DAYS[0], DAYS[1]]


def test_stored_summary_rows(store: Store) -> None:
    _json(store, DAYS[0], DAYS[-1], AFTER)
    with store.uow(read_only=True) as uow:
        rows = {r.day: r for r in uow.session.scalars(select(ReportDay))}
    assert {r.version for r in rows.values()} == {VERSION}
    assert '"visits":[]' in rows[date(2026, 11, 21)].data  # Saturday: an empty day
    assert '"methods":[["transfer",false,1,70000]]' in rows[date(2026, 11, 22)].data


# --- invalidation ---------------------------------------------------------------------------


def _summarised(store: Store) -> dict:
    live = _json(store, DAYS[0], DAYS[-1], AFTER, summaries=False)
    assert _json(store, DAYS[0], DAYS[-1], AFTER) == live
    assert date(2026, 11, 17) in _stored(store)
    return live


def test_voiding_an_old_payment_invalidates_its_day(store: Store) -> None:
    before = _summarised(store)
    with store.uow() as uow:
        s = uow.session
        payment = s.scalars(select(Payment).where(
            Payment.voided_at.is_(None), Payment.received_at >= _local(date(2026, 11, 17), 0),
            Payment.received_at < _local(date(2026, 11, 18), 0)).order_by(Payment.id)).first()
        payment.voided_at = AFTER
        payment.void_reason = "salah input"
        uow.commit()
    assert date(2026, 11, 17) not in _stored(store)
    assert date(2026, 11, 16) in _stored(store)
    after = _json(store, DAYS[0], DAYS[-1], AFTER)
    assert after == _json(store, DAYS[0], DAYS[-1], AFTER, summaries=False)
    assert after["payments"]["voided_count"] == before["payments"]["voided_count"] + 1
    assert date(2026, 11, 17) in _stored(store)  # summarised again


def test_a_late_paper_questionnaire_invalidates_its_day(store: Store) -> None:
    before = _summarised(store)
    with store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        uow.session.add(SurveyResponse(
            office_id=office.id, survey_code="skm-2017", source="paper",
            submitted_at=_local(date(2026, 11, 19), 12), respondent={},
            answers=[SurveyAnswer(element_id=e, value=4) for e in load_survey().ids]))
        uow.commit()
    assert date(2026, 11, 19) not in _stored(store)
    after = _json(store, DAYS[0], DAYS[-1], AFTER)
    assert after == _json(store, DAYS[0], DAYS[-1], AFTER, summaries=False)
    assert after["ikm"]["respondents"] == before["ikm"]["respondents"] + 1


def test_a_changed_stage_record_invalidates_its_visits_day(store: Store) -> None:
    _summarised(store)
    with store.uow() as uow:
        s = uow.session
        record = s.scalars(select(StageRecord).join(Visit).where(
            Visit.service_date == date(2026, 11, 20), StageRecord.called_at.is_not(None))
            .order_by(StageRecord.id)).first()
        record.called_at = record.queued_at + timedelta(hours=3)
        uow.commit()
    assert date(2026, 11, 20) not in _stored(store)
    assert _json(store, DAYS[0], DAYS[-1], AFTER) == _json(
        store, DAYS[0], DAYS[-1], AFTER, summaries=False)


def test_a_deleted_visit_invalidates_its_day(store: Store) -> None:
    _summarised(store)
    with store.uow() as uow:
        s = uow.session
        visit = s.scalars(select(Visit).where(Visit.service_date == date(2026, 11, 16))
                          .order_by(Visit.id)).first()
        for payment in s.scalars(select(Payment).where(Payment.visit_id == visit.id)):
            payment.visit_id = None
        for response in s.scalars(select(SurveyResponse).where(
                SurveyResponse.visit_id == visit.id)):
            s.delete(response)
        for record in s.scalars(select(StageRecord).where(StageRecord.visit_id == visit.id)):
            s.delete(record)
        s.delete(visit)
        uow.commit()
    assert date(2026, 11, 16) not in _stored(store)
    assert _json(store, DAYS[0], DAYS[-1], AFTER) == _json(
        store, DAYS[0], DAYS[-1], AFTER, summaries=False)


def test_todays_writes_do_not_touch_summaries(store: Store) -> None:
    _summarised(store)
    n = len(_stored(store))
    with store.uow() as uow:  # a payment received now: today is never summarised
        office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
        uow.session.add(Payment(office_id=office.id, method=PaymentMethod.CASH,
                                amount=Decimal(1000), received_at=datetime.now(UTC)))
        uow.commit()
    assert len(_stored(store)) == n


# --- loket report summarize -------------------------------------------------------------------


def test_summarize_command(url: str, capsys) -> None:
    with Store.open(url) as s:
        build(s)
    args = ("report", "summarize", "--office", OFFICE, "--from", "2026-11-16", "--to",
            "2026-11-23", "--json")
    code, data, _ = run_json(capsys, url, *args)
    assert code == 0
    office, = data["offices"]
    assert (office["written"], office["present"], office["open_days"]) == (
        7, 0, ["2026-11-18"])
    code, data, _ = run_json(capsys, url, *args)
    assert (data["offices"][0]["written"], data["offices"][0]["present"]) == (0, 7)
    code, data, _ = run_json(capsys, url, *args, "--rebuild")
    assert (data["offices"][0]["written"], data["offices"][0]["present"]) == (7, 0)
    with Store.open(url) as s:
        assert _json(s, DAYS[0], DAYS[-1], AFTER) == _json(
            s, DAYS[0], DAYS[-1], AFTER, summaries=False)


def test_summarize_refuses_a_bad_period(url: str, capsys) -> None:
    before = snapshot(url)
    code, _, err = run_json(capsys, url, "report", "summarize", "--from", "2026-11-20",
                            "--to", "2026-11-10", "--json")
    assert code == 2 and "sampai 10-11-2026" in err  # the date as every screen writes it
    code, _, err = run_json(capsys, url, "report", "summarize", "--from", "20-11-2026",
                            "--json")
    assert code == 2 and "20-11-2026" in err
    assert snapshot(url) == before


def test_summarize_defaults_to_yesterday_of_every_office(store: Store) -> None:
    now = _local(date(2026, 11, 20), 6)  # Friday 06:00 WIB
    done = summarize(store, now=now)
    assert {d.office for d in done} >= {OFFICE}
    mine = next(d for d in done if d.office == OFFICE)
    assert (mine.start, mine.end, mine.written) == (date(2026, 11, 19),) * 2 + (1,)
    assert _stored(store) == [date(2026, 11, 19)]


def test_the_report_reads_the_stored_days(store: Store) -> None:
    live = _json(store, DAYS[0], DAYS[-1], AFTER)
    with store.uow() as uow:  # a summary tampered with behind the report's back
        row = uow.session.scalars(select(ReportDay).join(Office).where(
            Office.code == OFFICE, ReportDay.day == date(2026, 11, 16))).one()
        doc = json.loads(row.data)
        gone = sum(r[-1] for r in doc["visits"])
        row.data = json.dumps(doc | {"visits": []})
        uow.commit()
    assert gone > 0
    assert _json(store, DAYS[0], DAYS[-1], AFTER)["visits"] == live["visits"] - gone


def test_the_stores_clock_says_which_day_is_today(store: Store) -> None:
    """Only a past day's summary is deleted, past by the store's clock: a store whose clock
    says 17 November keeps that day's summary (today is counted live), the wall clock's
    store deletes it."""
    _summarised(store)
    on_the_17th = Store(store.engine, clock=lambda: _local(date(2026, 11, 17), 12))

    def void_one(into: Store, reason: str) -> None:
        with into.uow() as uow:
            payment = uow.session.scalars(select(Payment).where(
                Payment.voided_at.is_(None),
                Payment.received_at >= _local(date(2026, 11, 17), 0),
                Payment.received_at < _local(date(2026, 11, 18), 0)).order_by(Payment.id)).first()
            payment.voided_at = AFTER
            payment.void_reason = reason
            uow.commit()

    void_one(on_the_17th, "salah input")
    assert date(2026, 11, 17) in _stored(store)
    void_one(store, "salah input lagi")
    assert date(2026, 11, 17) not in _stored(store)
