"""A generated day at Samsat Pontianak (WIB) whose report figures are worked out by hand.

Monday 23 November 2026; ``T0`` is 09:00 WIB (02:00 UTC); times below are seconds after
``T0``. Rows are written directly (not through the queue engine), so every timestamp is
exactly what the hand computation in the tests assumes.

=====  ======================  ======  =========================================================
visit  service                 issued  stage records (queued, called, started, finished) status
=====  ======================  ======  =========================================================
A-001  STNK-PERPANJANGAN        0      CF 0,60,60,240 done (budi); L1 240,360,-,600 done (siti);
                                       closed done at 600 (due 1800): within
A-002  STNK-PERPANJANGAN      120      CF 120,240,300,420 done; L1 420,600,600,900 incomplete;
                                       closed incomplete at 900 (due 1920): within
A-003  STNK-PERPANJANGAN      180      CF 180,480,-,600 no-show (budi): excluded
A-004  STNK-PERPANJANGAN      240      priority lansia; CF 240,840,840,1080 done;
                                       L1 1080,1500,1500,2400 done; closed 2400 > due 2040:
                                       outside
A-005  STNK-PERPANJANGAN      300      CF 300,480,480,540 done; L1 540 waiting: open, due 2100
                                       passed at as_of 3000: outside
A-006  STNK-PERPANJANGAN     2000      CF 2000 waiting: open, due 3800: pending
B-001  STNK-HILANG            600      priority disabilitas; CF 600,660,660,1200 cancelled
                                       (budi): excluded
B-002  STNK-HILANG            900      CF 900 never called; closed not served at 2900: outside
(x)    STNK-PERPANJANGAN      22 Nov 23:30 WIB: the day before, left out
=====  ======================  ======  =========================================================
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import users
from app.access import Actor
from app.ikm.survey import load_survey
from app.store import Store
from db.enums import ComplaintStatus, PaymentMethod, VisitStatus
from db.models import (
    Complaint,
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
from db.models_perforation import PerforationRequest

OFFICE = "SAMSAT-PTK1"
DAY = date(2026, 11, 23)
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
AS_OF = T0 + timedelta(seconds=3000)
V = VisitStatus


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def _visit(s: Session, office: Office, service: Service, number: int, issued: datetime,
           status: VisitStatus, *, stages: dict[str, int], closed: float | None = None,
           priority: str | None = None, records=(), users_by_name=None,
           day: date = DAY) -> Visit:
    visit = Visit(office_id=office.id, service_id=service.id, service_date=day,
                  prefix=service.prefix, number=number,
                  ticket=f"{service.prefix}-{number:03d}", status=status,
                  priority_reason=priority, issued_at=issued,
                  due_at=issued + timedelta(minutes=30),
                  closed_at=at(closed) if closed is not None else None,
                  outcome=status.value if closed is not None else None)
    s.add(visit)
    s.flush()
    for seq, (stage, q, c, st, f, rstatus, officer) in enumerate(records, start=1):
        s.add(StageRecord(
            visit_id=visit.id, stage_id=stages[stage], seq=seq, status=rstatus,
            priority=priority is not None, sort_at=at(q), queued_at=at(q),
            called_at=at(c) if c is not None else None,
            started_at=at(st) if st is not None else None,
            finished_at=at(f) if f is not None else None,
            officer_id=users_by_name[officer] if officer else None))
    return visit


def build(store: Store) -> None:
    """Write the day (and a few rows just outside it)."""
    ids = {}
    for name in ("budi", "siti"):
        with store.uow() as uow:
            info = users.add_user(uow, name, "officer", "rahasia-123", actor=Actor("admin"),
                                  office_code=OFFICE, full_name=name.title() + " Santoso")
            ids[name] = info.id
    with store.uow() as uow:
        s = uow.session
        office = s.scalar(select(Office).where(Office.code == OFFICE))
        svc = {x.code: x for x in s.scalars(select(Service).where(
            Service.office_id == office.id))}
        stages = {x.code: x.id for x in s.scalars(select(Stage).where(
            Stage.office_id == office.id))}
        a, b = svc["STNK-PERPANJANGAN"], svc["STNK-HILANG"]
        cf, l1 = "cek-fisik", "loket-1"

        def visit(*args, **kw):
            return _visit(s, office, *args, stages=stages, users_by_name=ids, **kw)

        a1 = visit(a, 1, at(0), V.DONE, closed=600, records=[
            (cf, 0, 60, 60, 240, V.DONE, "budi"), (l1, 240, 360, None, 600, V.DONE, "siti")])
        visit(a, 2, at(120), V.INCOMPLETE, closed=900, records=[
            (cf, 120, 240, 300, 420, V.DONE, "budi"),
            (l1, 420, 600, 600, 900, V.INCOMPLETE, "siti")])
        visit(a, 3, at(180), V.NO_SHOW, closed=600, records=[
            (cf, 180, 480, None, 600, V.NO_SHOW, "budi")])
        visit(a, 4, at(240), V.DONE, closed=2400, priority="lansia", records=[
            (cf, 240, 840, 840, 1080, V.DONE, "budi"),
            (l1, 1080, 1500, 1500, 2400, V.DONE, "siti")])
        visit(a, 5, at(300), V.WAITING, records=[
            (cf, 300, 480, 480, 540, V.DONE, "budi"),
            (l1, 540, None, None, None, V.WAITING, None)])
        visit(a, 6, at(2000), V.WAITING, records=[(cf, 2000, None, None, None, V.WAITING,
                                                    None)])
        visit(b, 1, at(600), V.CANCELLED, closed=1200, priority="disabilitas", records=[
            (cf, 600, 660, 660, 1200, V.CANCELLED, "budi")])
        visit(b, 2, at(900), V.NOT_SERVED, closed=2900, records=[
            (cf, 900, None, None, 2900, V.NOT_SERVED, None)])
        # the day before (23:30 WIB on the 22nd): not in the report
        visit(a, 99, datetime(2026, 11, 22, 16, 30, tzinfo=UTC), V.DONE, closed=-30000,
              day=date(2026, 11, 22), records=[
                  (cf, -34000, -33000, -33000, -32000, V.DONE, "budi")])

        def pay(method, amount, when, lines, voided=False):
            s.add(Payment(office_id=office.id, visit_id=a1.id, method=method,
                          amount=Decimal(amount), received_by=ids["siti"], received_at=when,
                          voided_at=when + timedelta(minutes=5) if voided else None,
                          lines=[PaymentLine(position=i, code=code, description=desc,
                                             amount=Decimal(x))
                                 for i, (code, desc, x) in enumerate(lines)]))

        pay(PaymentMethod.CASH, 250_000, at(500), [("PKB", "PKB", 200_000),
                                                  ("SWDKLLJ", "SWDKLLJ", 35_000),
                                                  ("PNBP-STNK", "PNBP STNK", 15_000)])
        pay(PaymentMethod.TRANSFER, 1_000_000, at(700), [("PKB", "PKB", 900_000),
                                                         ("PNBP-STNK", "PNBP STNK", 100_000)])
        pay(PaymentMethod.CASH, 143_000, at(800), [("SWDKLLJ", "SWDKLLJ", 143_000)],
            voided=True)
        # 00:30 WIB on the 23rd (17:30 UTC on the 22nd): in the day
        pay(PaymentMethod.BILLING, 60_000, datetime(2026, 11, 22, 17, 30, tzinfo=UTC),
            [("PNBP-TNKB", "PNBP TNKB", 60_000)])
        # 00:30 WIB on the 24th: the next day
        pay(PaymentMethod.CASH, 999_000, datetime(2026, 11, 23, 17, 30, tzinfo=UTC),
            [("PKB", "PKB", 999_000)])

        def complaint(received, due, answered=None):
            s.add(Complaint(office_id=office.id, channel="box", text="keluhan",
                            status=(ComplaintStatus.ANSWERED if answered
                                    else ComplaintStatus.RECEIVED),
                            received_at=received, due_at=due, answered_at=answered))

        complaint(at(100), at(86_400))  # received today, due tomorrow
        complaint(datetime(2026, 11, 20, 3, tzinfo=UTC),
                  datetime(2026, 11, 21, 3, tzinfo=UTC))  # overdue, unanswered
        complaint(datetime(2026, 11, 21, 3, tzinfo=UTC), at(1000), at(2000))  # late answer
        complaint(datetime(2026, 11, 22, 3, tzinfo=UTC), at(5000), at(1500))  # in time

        def perforation(n, counted, when, status="counted"):
            s.add(PerforationRequest(
                office_id=office.id, number=f"PRF-{n}", status=status, npwpd="P.1.0000001",
                taxpayer_name="Hotel Kapuas", media="karcis", series="A", first_serial=1,
                last_serial=counted, sheets=counted, face_value=Decimal(5000),
                requested_at=when - timedelta(hours=1), due_at=when + timedelta(days=1),
                counted=counted, counted_at=when))

        perforation(1, 1000, at(1200))
        perforation(2, 500, at(2500), "reconciled")
        perforation(3, 200, at(2600), "cancelled")
        perforation(4, 300, datetime(2026, 11, 22, 3, tzinfo=UTC))

        survey = load_survey()
        for value in (4, 3):
            s.add(SurveyResponse(
                office_id=office.id, survey_code=survey.code, source="paper",
                submitted_at=at(2000), respondent={},
                answers=[SurveyAnswer(element_id=e, value=value) for e in survey.ids]))
        uow.commit()
