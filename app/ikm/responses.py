"""Survey answers in the database: from the survey station, a quick rating, a paper file.

A station answer is tied to a visit (its ticket), so the IKM can later be sliced by
service, by loket and by officer: a visit counts for every counter and officer that served
it. A visit answers only once its service is over (:func:`check_visit` has the rule) and
only once: refused with a clear message first, and enforced by the database too
(``survey_responses.visit_id`` is unique) for two stations racing with the same ticket.
Quick ratings (one tap, four faces) are kept apart (``survey_code = "quick"``) and never
mix into the IKM.

A visitor's own answer (the survey station, a quick rating) needs no signed-in user; loading
a file of paper answers is the office's data (:attr:`app.access.Act.DATA`, a supervisor),
asked before the file is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Actor
from app.clock import moment
from app.errors import LoketError
from app.ikm import messages  # noqa: F401  (registers the messages)
from app.ikm.answers_file import read_answers
from app.ikm.compute import IkmResult, compute_ikm, ikm_from_totals, krejcie_morgan
from app.ikm.survey import DEFAULT_SURVEY, Survey, load_survey
from app.queue import engine as q
from app.store import UnitOfWork
from db.enums import OPEN_STATUSES, VisitStatus
from db.models import (
    Counter,
    Office,
    Service,
    StageRecord,
    SurveyAnswer,
    SurveyResponse,
    User,
    Visit,
)
from printing.ticket import parse_qr_payload

QUICK = "quick"
SURVEY = Actor.system("survey")  # who answers at the survey station: a visitor, unnamed



def visit_from_scan(session: Session, office: Office, text: str, now: datetime) -> Visit:
    """The visit of a scanned ticket QR (``LOKET1|office|id|ticket``) or a typed ticket
    number of today (``A-001``)."""
    parsed = parse_qr_payload(text.strip())
    if parsed is not None:
        _office, visit_id, ticket = parsed
        visit = session.get(Visit, visit_id)
        if visit is None or visit.office_id != office.id or visit.ticket != ticket:
            raise LoketError("queue.unknown_ticket", ticket=ticket, office=office.code)
        return visit
    return q.find_visit(session, office, text, now)


def _served(session: Session, visit: Visit) -> list[StageRecord]:
    """The visit's stage records where the visitor came to the counter: called (officers
    often serve without pressing "start", so the call is when a stage starts) and not
    closed as a no-show. Oldest first."""
    return list(session.scalars(select(StageRecord).where(
        StageRecord.visit_id == visit.id, StageRecord.called_at.is_not(None),
        StageRecord.status != VisitStatus.NO_SHOW).order_by(StageRecord.seq)))


# a visit closed before its last stage, and why it may not answer
_CLOSED_EARLY = {VisitStatus.CANCELLED: "survey.cancelled",
                 VisitStatus.NO_SHOW: "survey.no_show",
                 VisitStatus.NOT_SERVED: "survey.not_served"}

# the refusals that concern the ticket, not the answers: a survey station sends the visitor
# back to the first screen with these
VISIT_REFUSALS = frozenset({"queue.unknown_ticket", "survey.already_answered",
                            "survey.not_finished", "survey.cancelled", "survey.no_show",
                            "survey.not_served"})


def _place(session: Session, visit: Visit) -> str:
    """Where an open visit is now, in words: the loket serving it, else the stage it
    waits for."""
    record = session.scalar(select(StageRecord).where(
        StageRecord.visit_id == visit.id, StageRecord.status.in_(OPEN_STATUSES))
        .order_by(StageRecord.seq.desc()).limit(1))
    if record is None:
        return "-"
    if record.counter_id is not None and record.status is not VisitStatus.WAITING:
        counter = session.get(Counter, record.counter_id)
        if counter is not None:
            return counter.name
    return record.stage.name


def _credited(session: Session, visit: Visit) -> StageRecord | None:
    """The stage record an answer of ``visit`` is credited to (its loket and officer: the
    last one that served it), or the refusal, as a :class:`LoketError`.

    The survey (SKM, PermenPANRB 14/2017) measures a service the visitor received, asked
    when it is over, once per visit. Read as a kepala UPT would:

    - **Accepted once the service's last stage has started**: the visit was called at the
      last stage of its service (Samsat: loket 3, the STNK hand-over), whether it is still
      being served there or was closed there as done, incomplete or cancelled. A visit
      closed as done is accepted too (the office completed it, whatever its stages).
    - **Accepted when it left incomplete at an earlier stage**: loket 1 found a document
      missing and sent the visitor home. That visitor *was* served, and their view of
      *Persyaratan* and *Prosedur* is what the index is for; refusing them would leave the
      IKM to the visitors who got through and flatter it.
    - **Refused while the visit is still under way** before its last stage (waiting, at
      loket 1, on hold): the answer would rate half a service, and the visitor may rate
      again with a worse afternoon behind them. The message says where it is now and which
      stage opens the survey.
    - **Refused when cancelled before the last stage**: a cancelled ticket is mostly a
      wrong service taken at the kiosk; the visitor goes on under another number and
      answers with that one, so one person is not counted twice.
    - **Refused when never served**: a no-show, or still open when the day was closed.
    - **Refused the second time**, whatever the visit's state.
    """
    if session.scalar(select(SurveyResponse.id).where(
            SurveyResponse.visit_id == visit.id)) is not None:
        raise LoketError("survey.already_answered", ticket=visit.ticket)
    records = _served(session, visit)
    links = visit.service.stage_links
    last = links[-1].stage if links else None
    if (visit.status is VisitStatus.DONE
            or (last is not None and any(r.stage_id == last.id for r in records))
            or (visit.status is VisitStatus.INCOMPLETE and records)):
        return records[-1] if records else None
    if visit.status.is_open:
        raise LoketError("survey.not_finished", ticket=visit.ticket,
                         place=_place(session, visit), last=last.name if last else "-")
    raise LoketError(_CLOSED_EARLY.get(visit.status, "survey.not_served"), ticket=visit.ticket)


def _check_answers(survey: Survey, answers: Mapping[str, object]) -> dict[str, int]:
    # compute_ikm validates a questionnaire exactly as it will be counted
    compute_ikm(survey, [answers])
    return {e: int(str(answers[e]).strip()) for e in survey.ids}


def _check_respondent(survey: Survey, respondent: Mapping[str, str]) -> dict[str, str]:
    fields = {f.id: f for f in survey.respondent}
    out: dict[str, str] = {}
    for key, value in respondent.items():
        if value in (None, ""):
            continue
        spec = fields.get(key)
        if spec is None or (spec.options and value not in spec.options):
            raise LoketError("survey.bad_respondent", field=spec.name if spec else key,
                             value=value, choices=", ".join(spec.options) if spec else "-")
        out[key] = value
    return out


@dataclass(frozen=True)
class Submitted:
    response_id: int
    ticket: str | None
    service: str | None


@dataclass(frozen=True)
class SurveyVisit:
    """A visit that may answer the survey now, as a station shows it."""

    visit_id: int
    ticket: str
    service: str  # code
    service_name: str
    service_name_en: str


def check_visit(uow: UnitOfWork, office_code: str | None, ticket: str, *,
                now: datetime | None = None) -> SurveyVisit:
    """May the visit of ``ticket`` (typed or scanned) answer the survey now? Refused with
    the reason otherwise (see :func:`_credited` for the rule). Only reads: the survey
    station asks before the first question, so nobody answers nine questions to be
    refused at the end; :func:`submit_survey` asks again when it stores."""
    now = moment(now)
    s = uow.session
    office = q.resolve_office(s, office_code)
    visit = visit_from_scan(s, office, ticket, now)
    _credited(s, visit)
    return SurveyVisit(visit.id, visit.ticket, visit.service.code, visit.service.name,
                       visit.service.name_en or visit.service.name)


def submit_survey(uow: UnitOfWork, office_code: str | None, ticket: str,
                  answers: Mapping[str, object], *, respondent: Mapping[str, str] | None = None,
                  survey_code: str = DEFAULT_SURVEY, now: datetime | None = None,
                  actor: Actor = SURVEY) -> Submitted:
    """Store one visitor's questionnaire, tied to the visit of ``ticket`` (typed or
    scanned). Refused, with nothing stored, when an answer is missing or out of range,
    when the visit may not answer yet or at all (see :func:`_credited`: its last stage
    has not started, it was cancelled or never served), or when it has already answered.
    """
    now = moment(now)
    s = uow.session
    survey = load_survey(survey_code)
    clean = _check_answers(survey, answers)
    who = _check_respondent(survey, respondent or {})
    office = q.resolve_office(s, office_code)
    visit = visit_from_scan(s, office, ticket, now)
    credited = _credited(s, visit)
    response = SurveyResponse(
        office_id=office.id, survey_code=survey.code, visit_id=visit.id,
        service_id=visit.service_id,
        counter_id=credited.counter_id if credited else None,
        officer_id=credited.officer_id if credited else None,
        source="station", submitted_at=now, respondent=who,
        answers=[SurveyAnswer(element_id=e, value=v) for e, v in clean.items()])
    s.add(response)
    ticket_label = visit.ticket
    try:
        s.flush()
    except IntegrityError:
        # another station stored this visit's answer since the check: the unique index
        # on survey_responses.visit_id keeps the second one out
        s.rollback()
        raise LoketError("survey.already_answered", ticket=ticket_label) from None
    audit.record(s, actor=actor.name, action="survey.submitted", entity="survey_response",
                 entity_id=response.id, office_id=office.id, at=now,
                 after={"visit_id": visit.id, "ticket": visit.ticket, "survey": survey.code})
    result = Submitted(response.id, visit.ticket, visit.service.code)
    uow.commit()
    return result


def quick_rating(uow: UnitOfWork, office_code: str | None, counter_code: str, value: int, *,
                 now: datetime | None = None, actor: Actor = SURVEY) -> int:
    """One tap on one of four faces (1 = very unhappy ... 4 = very happy) for a loket."""
    now = moment(now)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise LoketError("survey.bad_rating", value=value)
    s = uow.session
    office = q.resolve_office(s, office_code)
    counter = q.find_counter(s, office, counter_code)
    response = SurveyResponse(office_id=office.id, survey_code=QUICK, counter_id=counter.id,
                              source="quick", submitted_at=now, respondent={},
                              answers=[SurveyAnswer(element_id=QUICK, value=value)])
    s.add(response)
    s.flush()
    audit.record(s, actor=actor.name, action="survey.quick", entity="survey_response",
                 entity_id=response.id, office_id=office.id, at=now,
                 after={"counter": counter.code, "value": value})
    response_id = response.id
    uow.commit()
    return response_id


def import_answers(uow: UnitOfWork, office_code: str | None, path: Path, *,
                   survey_code: str = DEFAULT_SURVEY, actor: Actor,
                   now: datetime | None = None) -> int:
    """Load a file of paper questionnaires (see :mod:`app.ikm.answers_file`): all rows or
    none. A row's date (else today) dates the answer at noon, office time. A supervisor's
    act (:attr:`~app.access.Act.DATA`), checked before the file is read."""
    now = moment(now)
    s = uow.session
    office = q.resolve_office(s, office_code)
    who = access.require(s, actor, Act.DATA, office_id=office.id, now=now)
    survey = load_survey(survey_code)
    rows = read_answers(path, survey)
    services = {code: sid for code, sid in s.execute(
        select(Service.code, Service.id).where(Service.office_id == office.id))}
    zone = ZoneInfo(office.zone.tz_name)
    for row in rows:
        if row.service and row.service.upper() not in services:
            raise LoketError("ikm.unknown_service", line=row.line, service=row.service,
                             office=office.code)
    for row in rows:
        at = (datetime.combine(row.day, time(12), zone).astimezone(UTC) if row.day else now)
        s.add(SurveyResponse(
            office_id=office.id, survey_code=survey.code, source="paper", submitted_at=at,
            service_id=services.get(row.service.upper()) if row.service else None,
            respondent=dict(row.respondent),
            answers=[SurveyAnswer(element_id=e, value=v) for e, v in row.answers.items()]))
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, action="survey.imported",
                 entity="survey_response", entity_id=path.name, office_id=office.id, at=now,
                 after={"file": path.name, "rows": len(rows), "survey": survey.code})
    uow.commit()
    return len(rows)


# --- the index for a period ----------------------------------------------------------------


@dataclass(frozen=True)
class IkmReport:
    office: str
    start: date
    end: date
    result: IkmResult | None  # None when nobody answered
    visitors: int  # served visits in the period: the population
    sample_needed: int

    @property
    def sample_reached(self) -> bool:
        return self.result is not None and self.result.respondents >= self.sample_needed

    def to_json(self) -> dict[str, Any]:
        base = {"office": self.office, "from": self.start.isoformat(),
                "to": self.end.isoformat(), "visitors": self.visitors,
                "sample_needed": self.sample_needed, "sample_reached": self.sample_reached}
        if self.result is None:
            return base | {"respondents": 0, "nrr": {}, "ikm": None, "grade": None,
                           "label": None}
        return base | self.result.to_json()


def period_bounds(office: Office, start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants of the office's local midnight at ``start`` and after ``end``."""
    if end < start:
        raise LoketError("ikm.bad_period", start=start, end=end)
    zone = ZoneInfo(office.zone.tz_name)
    return (datetime.combine(start, time(), zone).astimezone(UTC),
            datetime.combine(end + timedelta(days=1), time(), zone).astimezone(UTC))


def ikm_report(uow: UnitOfWork, office_code: str | None, start: date, end: date, *,
               survey_code: str = DEFAULT_SURVEY, weight: str = "exact",
               service: str | None = None, counter: str | None = None,
               officer: str | None = None) -> IkmReport:
    """The IKM of the answers given in ``start``..``end`` (office days), optionally of one
    service, one loket or one officer (answers of visits they served)."""
    s = uow.session
    survey = load_survey(survey_code)
    office = q.resolve_office(s, office_code)
    lo, hi = period_bounds(office, start, end)
    query = select(SurveyResponse.id).where(
        SurveyResponse.office_id == office.id, SurveyResponse.survey_code == survey.code,
        SurveyResponse.submitted_at >= lo, SurveyResponse.submitted_at < hi)
    visits = select(Visit.id).where(Visit.office_id == office.id, Visit.issued_at >= lo,
                                    Visit.issued_at < hi, Visit.stage_records.any(
                                        StageRecord.called_at.is_not(None)))
    if service:
        sid = s.scalar(select(Service.id).where(Service.office_id == office.id,
                                                Service.code == service.upper()))
        if sid is None:
            raise LoketError("queue.unknown_service", code=service, office=office.code)
        query = query.where(SurveyResponse.service_id == sid)
        visits = visits.where(Visit.service_id == sid)
    if counter:
        c = q.find_counter(s, office, counter)
        served = select(StageRecord.visit_id).where(StageRecord.counter_id == c.id)
        query = query.where(SurveyResponse.visit_id.in_(served))
        visits = visits.where(Visit.id.in_(served))
    if officer:
        uid = s.scalar(select(User.id).where(User.username == officer))
        if uid is None:
            raise LoketError("user.unknown", name=officer)
        served = select(StageRecord.visit_id).where(StageRecord.officer_id == uid)
        query = query.where(SurveyResponse.visit_id.in_(served))
        visits = visits.where(Visit.id.in_(served))
    # every stored questionnaire is complete (checked when it was stored), so the sums per
    # element over the period are all the IKM needs
    respondents = s.scalar(select(func.count()).select_from(query.subquery())) or 0
    totals = dict(s.execute(
        select(SurveyAnswer.element_id, func.sum(SurveyAnswer.value))
        .where(SurveyAnswer.response_id.in_(query))
        .group_by(SurveyAnswer.element_id)).all())
    population = s.scalar(select(func.count()).select_from(visits.subquery())) or 0
    result = (ikm_from_totals(survey, totals, respondents, weight=weight)
              if respondents else None)
    return IkmReport(office.code, start, end, result, population,
                     krejcie_morgan(population))


