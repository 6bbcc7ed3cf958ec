"""Perforation of valuables (*perforasi benda berharga*): requests, reconciliation, pick-up,
and the stock book of perforated valuables per taxpayer.

The counting on the perforation machine is :mod:`app.perforation.counting`. A request moves
``requested`` -> ``counting`` -> ``counted`` | ``interrupted`` (retry) -> ``reconciled`` ->
``picked_up``. Every change commits with an audit entry in the same transaction; a refused
change raises :class:`~app.errors.LoketError` before anything is written.

Validators (``parse_*``) take what the officer typed and return the clean value or raise
LoketError with the reason in Indonesian; no other exception escapes on any input.

A request for a visit, and the count of a request whose visit is still open, belong to the
counter that has called or is serving that visit (work ``perforation``,
:func:`app.queue.stage_work.require_at_work`; a supervisor may override, audited). The visit
leaves the desk only with its request and, counted while it waits, its sheets counted
(:mod:`app.perforation.rules`). Counting later (a standard of days) asks nothing.

Who may (:mod:`app.access`, asked before anything is written): a request, a count and the
pick-up are counter work (an officer); the reconciliation books the office's stock of
valuables, a supervisor's act (:data:`RECONCILE`); withdrawing a request is a cancellation
(a supervisor). The audit log names the person checked, with their user id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import access, audit
from app.access import Act, Actor
from app.clock import local, local_day, moment, zone_info
from app.document_archive import letterhead, save_document
from app.document_numbers import next_in_series
from app.errors import LoketError
from app.money import parse_rupiah
from app.perforation import (
    config,
    messages,  # noqa: F401  (registers the messages)
)
from app.perforation.rules import COUNTABLE, STATUS_TEXT
from app.queue.engine import resolve_office
from app.queue.stage_work import require_visit_at_work
from app.store import UnitOfWork
from app.workdays import WorkingCalendar
from db.models import Office
from db.models_perforation import PerforationRequest, PerforationRun
from devices.perforator import MAX_SERIAL, MAX_SHEETS
from printing.perforation_documents import (
    PickupData,
    StockBook,
    StockEntry,
    StockGroup,
    pickup_form_pdf,
)

DOCUMENT_KIND = "perforation_pickup"
NUMBER_SERIES = "perforation"
MAX_FACE_VALUE = Decimal(1_000_000_000)
OPEN = ("requested", "counting", "counted", "interrupted")
# COUNTABLE (not all counted yet) and STATUS_TEXT come from app.perforation.rules
RECONCILABLE = ("counted", "interrupted")
DONE = ("reconciled", "picked_up")
WORK = "perforation"  # the work of the desk (resources/panels/work-panels.yaml)
# the reconciliation fixes the counted, damaged and good sheets in the stock book of
# valuables: checked by a supervisor (app/access.py, Act.DATA), not by the counting officer
RECONCILE = Act.DATA

_NPWPD = re.compile(r"^[A-Z0-9][A-Z0-9./-]{4,39}$")
_SERIES = re.compile(r"^[A-Z0-9][A-Z0-9./-]{0,15}$")
_SPACES = re.compile(r"\s+")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")



# --- validators ------------------------------------------------------------------------------


def _text(value: object) -> str:
    return _SPACES.sub(" ", str(value if value is not None else "")).strip()


def parse_npwpd(text: object) -> str:
    """The NPWPD as the office writes it, upper-case, without spaces (no national format:
    letters and digits with dots, hyphens or slashes, at least 5 digits)."""
    value = _text(text).replace(" ", "").upper()
    if not value:
        raise LoketError("perforation.npwpd.empty")
    if (not value.isascii() or not _NPWPD.match(value)
            or sum(c.isdigit() for c in value) < 5):
        raise LoketError("perforation.npwpd.invalid", value=_text(text)[:40])
    return value


def npwpd_key(npwpd: str) -> str:
    """The NPWPD without separators: ``P.2.0001234.01.02`` and ``P200012340102`` match."""
    return re.sub(r"[^A-Z0-9]", "", npwpd.upper())


def _person_name(text: object, key: str) -> str:
    value = _text(text)
    if not value:
        raise LoketError(f"{key}.empty" if key == "perforation.name" else f"{key}.invalid")
    if (len(value) < 2 or len(value) > 200 or not any(c.isalpha() for c in value)
            or not value.isprintable()):
        raise LoketError(f"{key}.invalid")
    return value


def parse_name(text: object) -> str:
    """The taxpayer's (or business's) name: 2-200 printable characters with letters."""
    return _person_name(text, "perforation.name")


def parse_pickup_by(text: object) -> str:
    return _person_name(text, "perforation.pickup_by")


def parse_series(text: object) -> str:
    """A series as printed on the valuables: 1-16 of A-Z 0-9 . - / (upper-cased)."""
    value = _text(text).upper()
    if not value:
        raise LoketError("perforation.series.empty")
    if not value.isascii() or not _SERIES.match(value):
        raise LoketError("perforation.series.invalid", value=_text(text)[:40])
    return value


def _whole(text: object) -> int | None:
    """A whole number typed with or without thousands separators; None when it is not."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text
    value = _text(text).replace(" ", "")
    if _GROUPED.match(value):
        value = value.replace(".", "").replace(",", "")
    if not value or not value.isascii() or not value.isdigit() or len(value) > 12:
        return None
    return int(value)


def parse_serial(text: object, field: str = "awal") -> int:
    """A serial number: digits only, 0 to 999,999,999 (leading zeros are not kept)."""
    if _text(text) == "" and not isinstance(text, int):
        raise LoketError("perforation.serial.empty", field=field)
    value = _whole(text)
    if value is None or not 0 <= value <= MAX_SERIAL:
        raise LoketError("perforation.serial.invalid", field=field, value=_text(text)[:40])
    return value


def parse_sheets(text: object) -> int:
    """A number of sheets, 1 to 99,999 (the most the machine takes in one job)."""
    if _text(text) == "" and not isinstance(text, int):
        raise LoketError("perforation.sheets.empty")
    value = _whole(text)
    if value is None or not 1 <= value <= MAX_SHEETS:
        raise LoketError("perforation.sheets.invalid", value=_text(text)[:40], max=MAX_SHEETS)
    return value


def parse_face_value(text: object) -> Decimal:
    """The face value of one sheet in whole rupiah, above 0 and at most Rp1.000.000.000."""
    if isinstance(text, Decimal | int) and not isinstance(text, bool):
        try:
            amount: Decimal | None = Decimal(text)
            if amount is not None and (not amount.is_finite()
                                       or amount != amount.to_integral_value()):
                amount = None
        except (InvalidOperation, ValueError):  # pragma: no cover - Decimal(int) never fails
            amount = None
    else:
        if not _text(text):
            raise LoketError("perforation.face_value.empty")
        amount = parse_rupiah(_text(text))
    if amount is None or not 0 < amount <= MAX_FACE_VALUE:
        raise LoketError("perforation.face_value.invalid", value=_text(text)[:40])
    return amount.quantize(Decimal(1))


def parse_count(text: object, maximum: int, key: str = "perforation.count.bad") -> int:
    """A count of sheets from 0 to ``maximum`` (damaged sheets, a manual count)."""
    value = _whole(text) if _text(text) != "" or isinstance(text, int) else None
    if value is None or not 0 <= value <= maximum:
        raise LoketError(key, value=_text(text)[:40], max=maximum)
    return value


def parse_note(text: object, *, required: bool = False) -> str:
    value = _text(text)
    if not value and not required:
        return ""
    if len(value) < 3 or len(value) > 500 or not value.isprintable():
        raise LoketError("perforation.note.invalid")
    return value


def parse_media(code: object, on: date) -> config.MediaType:
    value = _text(code).lower()
    choices = config.media_choices(on)
    for media in choices:
        if media.code == value:
            return media
    raise LoketError("perforation.media.unknown", value=_text(code)[:40],
                     choices=", ".join(m.code for m in choices))


def face_total(face_value: Decimal, sheets: int) -> Decimal:
    """The face value of a stack: whole rupiah times whole sheets."""
    return face_value * max(sheets, 0)


@dataclass(frozen=True)
class ValidRequest:
    npwpd: str
    name: str
    media: config.MediaType
    series: str
    first: int
    last: int
    sheets: int
    face_value: Decimal
    note: str

    @property
    def range_sheets(self) -> int:
        return self.last - self.first + 1

    @property
    def face_total(self) -> Decimal:
        return self.face_value * self.sheets


def check_range(first: int, last: int, sheets: int, note: str = "") -> None:
    """The serials and the number of sheets agree, or the difference is explained."""
    if last < first:
        raise LoketError("perforation.range.reversed", first=first, last=last)
    count = last - first + 1
    if count > MAX_SHEETS:
        raise LoketError("perforation.range.too_long", first=first, last=last, count=count,
                         max=MAX_SHEETS)
    if sheets > count:
        raise LoketError("perforation.sheets.over_range", sheets=sheets, first=first,
                         last=last, count=count)
    if sheets != count and not note:
        raise LoketError("perforation.sheets.unexplained", sheets=sheets, first=first,
                         last=last, count=count)


def validate_request(*, npwpd: object, name: object, media: object, series: object,
                     first: object, last: object, sheets: object, face_value: object,
                     note: object = "", on: date) -> ValidRequest:
    """Every field of a request, in the order of the form; the first problem is raised."""
    valid = ValidRequest(
        npwpd=parse_npwpd(npwpd), name=parse_name(name), media=parse_media(media, on),
        series=parse_series(series), first=parse_serial(first, "awal"),
        last=parse_serial(last, "akhir"), sheets=parse_sheets(sheets),
        face_value=parse_face_value(face_value), note=parse_note(note))
    check_range(valid.first, valid.last, valid.sheets, valid.note)
    return valid


# --- what the services return ---------------------------------------------------------------


@dataclass(frozen=True)
class RunInfo:
    attempt: int
    job_id: str
    connection: str
    first_serial: int
    sheets: int
    counted: int
    state: str
    condition: str
    detail: str
    started_at: datetime
    ended_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"attempt": self.attempt, "job_id": self.job_id, "connection": self.connection,
                "first_serial": self.first_serial, "sheets": self.sheets,
                "counted": self.counted, "state": self.state, "condition": self.condition,
                "detail": self.detail, "started_at": self.started_at.isoformat(),
                "ended_at": self.ended_at.isoformat() if self.ended_at else None}


@dataclass(frozen=True)
class RequestInfo:
    """A request as the panel, the command line and the documents show it; times are in
    the office's zone."""

    id: int
    number: str
    office_code: str
    office_name: str
    zone: str
    status: str
    npwpd: str
    name: str
    media: str
    media_name: str
    series: str
    first: int
    last: int
    sheets: int
    sheets_note: str
    face_value: Decimal
    requested_at: datetime
    requested_by: str
    due_at: datetime
    standard: str
    allowed_minutes: int | None
    counted: int
    counted_at: datetime | None
    count_source: str
    last_error: str
    damaged: int | None
    short: int | None
    extra: int | None
    result: str
    reconcile_note: str
    reconciled_at: datetime | None
    reconciled_by: str
    picked_up_at: datetime | None
    picked_up_by: str
    handed_over_by: str
    document_id: int | None
    visit_id: int | None
    overdue: bool
    minutes_over: int
    runs: tuple[RunInfo, ...] = field(default=())

    @property
    def status_text(self) -> str:
        return STATUS_TEXT.get(self.status, self.status)

    @property
    def face_total(self) -> Decimal:
        return self.face_value * self.sheets

    @property
    def good(self) -> int | None:
        """Sheets perforated and usable: counted minus damaged (after reconciliation)."""
        return None if self.damaged is None else self.counted - self.damaged

    @property
    def good_value(self) -> Decimal | None:
        good = self.good
        return None if good is None else self.face_value * good

    @property
    def counted_last(self) -> int | None:
        """The last serial punched so far (None before any sheet)."""
        return self.first + self.counted - 1 if self.counted else None

    @property
    def job_open(self) -> bool:
        """The machine may still hold a job of this request (stopped, or not heard of)."""
        return (self.status in COUNTABLE and bool(self.runs)
                and self.runs[-1].state in ("running", "stopped", "failed"))

    @property
    def resumable(self) -> bool:
        return self.status in COUNTABLE and self.counted < self.last - self.first + 1

    def to_json(self) -> dict[str, Any]:
        def t(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": self.id, "number": self.number, "office": self.office_code,
            "status": self.status, "status_text": self.status_text,
            "npwpd": self.npwpd, "name": self.name, "media": self.media,
            "media_name": self.media_name, "series": self.series, "first": self.first,
            "last": self.last, "sheets": self.sheets, "sheets_note": self.sheets_note,
            "face_value": str(self.face_value), "face_total": str(self.face_total),
            "requested_at": t(self.requested_at), "requested_by": self.requested_by,
            "due_at": t(self.due_at), "standard": self.standard,
            "allowed_minutes": self.allowed_minutes,
            "counted": self.counted, "counted_at": t(self.counted_at),
            "count_source": self.count_source, "last_error": self.last_error,
            "damaged": self.damaged, "short": self.short, "extra": self.extra,
            "good": self.good,
            "good_value": None if self.good_value is None else str(self.good_value),
            "result": self.result, "reconcile_note": self.reconcile_note,
            "reconciled_at": t(self.reconciled_at), "reconciled_by": self.reconciled_by,
            "picked_up_at": t(self.picked_up_at), "picked_up_by": self.picked_up_by,
            "handed_over_by": self.handed_over_by, "document_id": self.document_id,
            "visit_id": self.visit_id, "overdue": self.overdue,
            "minutes_over": self.minutes_over, "job_open": self.job_open,
            "runs": [r.to_json() for r in self.runs],
        }


def _office_of(session: Session, office_id: int) -> Office:
    office = session.get(Office, office_id)
    assert office is not None
    return office


def info(session: Session, req: PerforationRequest, now: datetime | None = None) -> RequestInfo:
    """The request as shown; ``overdue`` compares its completion (or ``now`` while it is
    open) with its due time."""
    office = _office_of(session, req.office_id)
    zone = office.zone

    def loc(value: datetime | None) -> datetime | None:
        return local(value, zone) if value else None

    finished = req.reconciled_at or (None if req.status == "cancelled" else moment(now))
    over = int((finished - req.due_at).total_seconds() // 60) if finished else 0
    media = config.media_named(req.media)
    standard = req.standard or {}
    return RequestInfo(
        id=req.id, number=req.number, office_code=office.code, office_name=office.name,
        zone=zone.value, status=req.status, npwpd=req.npwpd, name=req.taxpayer_name,
        media=req.media, media_name=media.name if media else req.media, series=req.series,
        first=req.first_serial, last=req.last_serial, sheets=req.sheets,
        sheets_note=req.sheets_note, face_value=req.face_value,
        requested_at=loc(req.requested_at), requested_by=req.requested_by,  # type: ignore[arg-type]
        due_at=loc(req.due_at), standard=str(standard.get("text", "")),  # type: ignore[arg-type]
        allowed_minutes=standard.get("allowed_minutes"),
        counted=req.counted, counted_at=loc(req.counted_at), count_source=req.count_source,
        last_error=req.last_error, damaged=req.damaged, short=req.short, extra=req.extra,
        result=req.result, reconcile_note=req.reconcile_note,
        reconciled_at=loc(req.reconciled_at), reconciled_by=req.reconciled_by,
        picked_up_at=loc(req.picked_up_at), picked_up_by=req.picked_up_by,
        handed_over_by=req.handed_over_by, document_id=req.document_id,
        visit_id=req.visit_id, overdue=over > 0, minutes_over=max(over, 0),
        runs=tuple(RunInfo(r.attempt, r.job_id, r.connection, r.first_serial, r.sheets,
                           r.counted, r.state, r.condition, r.detail, loc(r.started_at),  # type: ignore[arg-type]
                           loc(r.ended_at)) for r in req.runs),
    )


def _pickup_data(shown: RequestInfo) -> PickupData:
    """The pick-up form's plain data (printing knows no service), times already local."""
    return PickupData(
        number=shown.number, zone=shown.zone, npwpd=shown.npwpd, name=shown.name,
        media_name=shown.media_name, series=shown.series, first=shown.first, last=shown.last,
        sheets=shown.sheets, sheets_note=shown.sheets_note, face_value=shown.face_value,
        requested_at=shown.requested_at, counted=shown.counted, short=shown.short,
        extra=shown.extra, damaged=shown.damaged, good=shown.good,
        good_value=shown.good_value, counted_last=shown.counted_last, result=shown.result,
        reconcile_note=shown.reconcile_note, reconciled_by=shown.reconciled_by,
        reconciled_at=shown.reconciled_at, standard=shown.standard, due_at=shown.due_at,
        overdue=shown.overdue, minutes_over=shown.minutes_over,
        picked_up_by=shown.picked_up_by, picked_up_at=shown.picked_up_at,
        handed_over_by=shown.handed_over_by)


def _snapshot(req: PerforationRequest) -> dict[str, Any]:
    return {"status": req.status, "counted": req.counted, "damaged": req.damaged,
            "short": req.short, "extra": req.extra, "result": req.result,
            "picked_up_by": req.picked_up_by}


def find(session: Session, ref: object, office_code: str | None = None,
         *, lock: bool = False) -> PerforationRequest:
    """A request by id (digits) or number (``PRF-2026-00001``), optionally in one office."""
    text = _text(ref).upper()
    stmt = select(PerforationRequest)
    if text.isdigit() and text.isascii() and len(text) < 12:
        stmt = stmt.where(PerforationRequest.id == int(text))
    else:
        stmt = stmt.where(PerforationRequest.number == text)
    if office_code:
        office = resolve_office(session, office_code)
        stmt = stmt.where(PerforationRequest.office_id == office.id)
    if lock:
        stmt = stmt.with_for_update()
    req = session.scalars(stmt).first()
    if req is None:
        raise LoketError("perforation.unknown", ref=_text(ref)[:40])
    return req


def visit_at_work(session: Session, office_id: int, visit_id: int | None, *,
                  actor: Actor, override: bool, now: datetime,
                  open_only: bool = False) -> None:
    """Perforation work for visit ``visit_id`` only at the counter serving it
    (:func:`app.queue.stage_work.require_visit_at_work`); ``open_only``: a closed visit asks
    nothing (its valuables are counted after it left)."""
    require_visit_at_work(session, office_id, visit_id, WORK,
                          actor=actor, override=override, now=now, open_only=open_only)


def _covered_last(req: PerforationRequest) -> int:
    """The last serial a request holds: all of its range, except that once it is
    reconciled a short count frees the serials that were never punched."""
    if req.status in DONE and req.counted < req.last_serial - req.first_serial + 1:
        return req.first_serial + req.counted - 1
    return req.last_serial


def _check_overlap(session: Session, office_id: int, valid: ValidRequest) -> None:
    rows = session.scalars(select(PerforationRequest).where(
        PerforationRequest.office_id == office_id,
        PerforationRequest.media == valid.media.code,
        PerforationRequest.series == valid.series,
        PerforationRequest.status != "cancelled",
        PerforationRequest.first_serial <= valid.last,
        PerforationRequest.last_serial >= valid.first,
    ).order_by(PerforationRequest.id)).all()
    key = npwpd_key(valid.npwpd)
    for other in rows:
        if npwpd_key(other.npwpd) == key and valid.first <= _covered_last(other):
            raise LoketError("perforation.overlap", first=valid.first, last=valid.last,
                             series=valid.series, media=valid.media.code, npwpd=valid.npwpd,
                             number=other.number, other_first=other.first_serial,
                             other_last=_covered_last(other))


# --- the services ----------------------------------------------------------------------------


def create_request(uow: UnitOfWork, *, npwpd: object, name: object, media: object,
                   series: object, first: object, last: object, sheets: object,
                   face_value: object, note: object = "", office_code: str | None = None,
                   visit_id: int | None = None, actor: Actor,
                   now: datetime | None = None, override: bool = False) -> RequestInfo:
    """Register a request: validated, refused when its serials overlap a request of the
    same taxpayer, media and series; numbered ``PRF-<year>-<n>``; due time from the
    office's time standard at this moment. For a visit: only at the counter serving it
    (or a supervisor's override)."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=office.id, now=now)
    visit_at_work(s, office.id, visit_id, actor=actor, override=override, now=now)
    today = local_day(now, office.zone)
    valid = validate_request(npwpd=npwpd, name=name, media=media, series=series, first=first,
                             last=last, sheets=sheets, face_value=face_value, note=note,
                             on=today)
    standard = config.standard_for(office.code, today)
    # writers of one office queue here (PostgreSQL; SQLite writers are serialised anyway),
    # so two overlapping requests cannot both pass the check
    s.execute(select(Office.id).where(Office.id == office.id).with_for_update())
    _check_overlap(s, office.id, valid)
    calendar = (WorkingCalendar.for_office(s, office.id)
                if standard.unit == "working_days" else None)
    due = standard.due(now, valid.sheets, zone=zone_info(office.zone), calendar=calendar)
    year = str(today.year)
    number = f"PRF-{year}-{next_in_series(s, office.id, NUMBER_SERIES, year):05d}"
    req = PerforationRequest(
        office_id=office.id, number=number, visit_id=visit_id, status="requested",
        npwpd=valid.npwpd, taxpayer_name=valid.name, media=valid.media.code,
        series=valid.series, first_serial=valid.first, last_serial=valid.last,
        sheets=valid.sheets, sheets_note=valid.note, face_value=valid.face_value,
        requested_at=now, requested_by=who.name, due_at=due,
        standard=standard.to_json() | {"allowed_minutes": standard.allowed_minutes(
            valid.sheets)},
        created_at=now, updated_at=now)
    s.add(req)
    s.flush()
    audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.request",
                 entity="perforation_request", entity_id=req.id, after={
                     "number": number, "npwpd": valid.npwpd, "media": valid.media.code,
                     "series": valid.series, "first": valid.first, "last": valid.last,
                     "sheets": valid.sheets, "face_value": str(valid.face_value),
                     "due_at": due.isoformat()}, office_id=office.id, at=now)
    result = info(s, req, now)
    uow.commit()
    return result


def get_request(uow: UnitOfWork, ref: object, *, office_code: str | None = None,
                now: datetime | None = None) -> RequestInfo:
    req = find(uow.session, ref, office_code)
    return info(uow.session, req, now)


def list_requests(uow: UnitOfWork, *, office_code: str | None = None,
                  status: str | None = None, open_only: bool = False,
                  overdue_only: bool = False, visit_id: int | None = None,
                  now: datetime | None = None) -> list[RequestInfo]:
    """The office's requests, oldest first: by status, the open ones (not yet picked up),
    those over their time standard (finished late, or open past their due time), or those
    of one queue visit."""
    s = uow.session
    office = resolve_office(s, office_code)
    stmt = select(PerforationRequest).where(PerforationRequest.office_id == office.id)
    if status:
        stmt = stmt.where(PerforationRequest.status == status)
    if open_only:
        stmt = stmt.where(PerforationRequest.status.in_((*OPEN, "reconciled")))
    if visit_id is not None:
        stmt = stmt.where(PerforationRequest.visit_id == visit_id)
    if overdue_only:
        stmt = stmt.where(PerforationRequest.due_at < moment(now))
    rows = s.scalars(stmt.options(selectinload(PerforationRequest.runs))
                     .order_by(PerforationRequest.id)).all()
    shown = [info(s, r, now) for r in rows]
    return [r for r in shown if r.overdue] if overdue_only else shown


def record_manual_count(uow: UnitOfWork, ref: object, counted: object, *, note: object,
                        actor: Actor, office_code: str | None = None,
                        now: datetime | None = None, override: bool = False) -> RequestInfo:
    """The count from a person (the machine was switched off and forgot its job): the
    sheets counted by hand, with the reason. While the request's visit is open: only at
    the counter serving it (or a supervisor's override)."""
    s = uow.session
    now = moment(now)
    req = find(s, ref, office_code, lock=True)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=req.office_id, now=now)
    visit_at_work(s, req.office_id, req.visit_id, actor=actor, override=override, now=now,
                  open_only=True)
    if req.status not in COUNTABLE:
        raise LoketError("perforation.bad_state", number=req.number,
                         status=STATUS_TEXT.get(req.status, req.status))
    value = parse_count(counted, req.last_serial - req.first_serial + 1)
    reason = parse_note(note, required=True)
    before = _snapshot(req)
    req.counted, req.counted_at, req.count_source = value, now, "manual"
    req.status, req.last_error, req.updated_at = "counted", "", now
    audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.count_manual",
                 entity="perforation_request", entity_id=req.id, before=before,
                 after=_snapshot(req) | {"note": reason}, office_id=req.office_id, at=now)
    result = info(s, req, now)
    uow.commit()
    return result


@dataclass(frozen=True)
class Reconciliation:
    requested: int
    counted: int
    damaged: int
    short: int
    extra: int
    good: int
    result: str  # sesuai | selisih


def reconcile_figures(requested: int, counted: int, damaged: int) -> Reconciliation:
    """Counted against requested: short and extra sheets, usable (good) ones."""
    if damaged < 0 or damaged > counted or requested < 0 or counted < 0:
        raise LoketError("perforation.damaged.invalid", value=str(damaged), max=counted)
    short = max(requested - counted, 0)
    extra = max(counted - requested, 0)
    result = "sesuai" if short == extra == damaged == 0 else "selisih"
    return Reconciliation(requested, counted, damaged, short, extra, counted - damaged, result)


def reconcile(uow: UnitOfWork, ref: object, *, damaged: object = 0, note: object = "",
              actor: Actor, office_code: str | None = None,
              now: datetime | None = None) -> RequestInfo:
    """Record the reconciliation of the count against the request (damaged sheets as the
    officer found them); who and when. A supervisor's act (:data:`RECONCILE`)."""
    s = uow.session
    now = moment(now)
    req = find(s, ref, office_code, lock=True)
    who = access.require(s, actor, RECONCILE, office_id=req.office_id, now=now)
    if req.status not in RECONCILABLE:
        raise LoketError("perforation.bad_state", number=req.number,
                         status=STATUS_TEXT.get(req.status, req.status))
    bad = parse_count(damaged, req.counted, "perforation.damaged.invalid")
    text = parse_note(note)
    figures = reconcile_figures(req.sheets, req.counted, bad)
    before = _snapshot(req)
    req.damaged, req.short, req.extra = figures.damaged, figures.short, figures.extra
    req.result, req.reconcile_note = figures.result, text
    req.reconciled_at, req.reconciled_by = now, who.name
    req.status, req.updated_at = "reconciled", now
    audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.reconcile",
                 entity="perforation_request", entity_id=req.id, before=before,
                 after=_snapshot(req) | {"good": figures.good}, office_id=req.office_id, at=now)
    result = info(s, req, now)
    uow.commit()
    return result


def pickup(uow: UnitOfWork, ref: object, *, by: object, actor: Actor,
           office_code: str | None = None, now: datetime | None = None,
           user_id: int | None = None) -> tuple[RequestInfo, bytes]:
    """The taxpayer (or a representative) collects the perforated valuables: the pick-up
    form PDF is stored as a document (kind ``perforation_pickup``, the request's number).
    ``user_id``: who issued the form when the actor is not a user (a system actor)."""
    s = uow.session
    now = moment(now)
    req = find(s, ref, office_code, lock=True)
    who = access.require(s, actor, Act.COUNTER_WORK, office_id=req.office_id, now=now)
    if req.status != "reconciled":
        raise LoketError("perforation.bad_state", number=req.number,
                         status=STATUS_TEXT.get(req.status, req.status))
    taker = parse_pickup_by(by)
    before = _snapshot(req)
    req.picked_up_at, req.picked_up_by, req.handed_over_by = now, taker, who.name
    req.status, req.updated_at = "picked_up", now
    shown = info(s, req, now)
    office = _office_of(s, req.office_id)
    pdf = pickup_form_pdf(_pickup_data(shown), letterhead(office))
    doc = save_document(s, office_id=req.office_id, kind=DOCUMENT_KIND, number=req.number,
                        pdf=pdf, data=shown.to_json(), visit_id=req.visit_id,
                        issued_by=who.user_id if who.user_id is not None else user_id,
                        now=now)
    req.document_id = doc.id
    audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.pickup",
                 entity="perforation_request", entity_id=req.id, before=before,
                 after=_snapshot(req) | {"document_id": doc.id}, office_id=req.office_id,
                 at=now)
    shown = info(s, req, now)
    uow.commit()
    return shown, pdf


def cancel(uow: UnitOfWork, ref: object, *, reason: object, actor: Actor,
           office_code: str | None = None, now: datetime | None = None) -> RequestInfo:
    """Withdraw a request that has not been counted yet (its serials are free again); a
    supervisor's act (a cancellation)."""
    s = uow.session
    now = moment(now)
    req = find(s, ref, office_code, lock=True)
    who = access.require(s, actor, Act.CANCEL, office_id=req.office_id, now=now)
    if req.status != "requested":
        raise LoketError("perforation.bad_state", number=req.number,
                         status=STATUS_TEXT.get(req.status, req.status))
    text = parse_note(reason, required=True)
    before = _snapshot(req)
    req.status, req.updated_at, req.reconcile_note = "cancelled", now, text
    audit.record(s, actor=who.name, user_id=who.user_id, action="perforation.cancel",
                 entity="perforation_request", entity_id=req.id, before=before,
                 after=_snapshot(req) | {"reason": text},
                 office_id=req.office_id, at=now)
    result = info(s, req, now)
    uow.commit()
    return result


# --- the stock book --------------------------------------------------------------------------


def stock_book(uow: UnitOfWork, npwpd: object, *, office_code: str | None = None,
               now: datetime | None = None) -> StockBook:
    """Perforated valuables of one taxpayer: per media and series, the ranges, sheets
    (usable: counted minus damaged), face value and dates, with totals."""
    s = uow.session
    now = moment(now)
    office = resolve_office(s, office_code)
    wanted = parse_npwpd(npwpd)
    key = npwpd_key(wanted)
    rows = [r for r in s.scalars(select(PerforationRequest).where(
        PerforationRequest.office_id == office.id,
        PerforationRequest.status.in_(DONE),
    ).order_by(PerforationRequest.media, PerforationRequest.series,
               PerforationRequest.first_serial, PerforationRequest.id)).all()
        if npwpd_key(r.npwpd) == key]
    if not rows:
        raise LoketError("perforation.npwpd.none", npwpd=wanted)
    groups: dict[tuple[str, str], list[StockEntry]] = {}
    for r in rows:
        damaged = r.damaged or 0
        good = r.counted - damaged
        groups.setdefault((r.media, r.series), []).append(StockEntry(
            number=r.number, first=r.first_serial, last=r.last_serial,
            perforated_last=r.first_serial + r.counted - 1 if r.counted else None,
            requested=r.sheets, counted=r.counted, damaged=damaged, good=good,
            face_value=r.face_value, value=r.face_value * good,
            perforated_on=local_day(r.reconciled_at or r.counted_at or r.requested_at,
                                    office.zone),
            picked_up_on=local_day(r.picked_up_at, office.zone) if r.picked_up_at else None))
    latest = max(rows, key=lambda r: (r.requested_at, r.id))
    out = []
    for (media_code, series), entries in groups.items():
        media = config.media_named(media_code)
        out.append(StockGroup(media_code, media.name if media else media_code, series,
                              tuple(entries)))
    return StockBook(office.code, office.name, latest.npwpd, latest.taxpayer_name,
                     tuple(out), local(now, office.zone))


__all__ = [
    "DOCUMENT_KIND",
    "RECONCILE",
    "PerforationRun",
    "Reconciliation",
    "RequestInfo",
    "StockBook",
    "ValidRequest",
    "cancel",
    "check_range",
    "create_request",
    "find",
    "get_request",
    "info",
    "list_requests",
    "parse_count",
    "parse_face_value",
    "parse_media",
    "parse_name",
    "parse_note",
    "parse_npwpd",
    "parse_pickup_by",
    "parse_serial",
    "parse_series",
    "parse_sheets",
    "pickup",
    "reconcile",
    "reconcile_figures",
    "record_manual_count",
    "stock_book",
    "validate_request",
]
