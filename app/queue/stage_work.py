"""The work of a stage: who may do it, and what it must have recorded before a visit leaves.

Two invariants, for every entry point (counter console, command line, autopilot, a
supervisor's take-over), because the queue and the services ask here and nowhere else:

- **Leaving.** A visit leaves a stage as ``done`` only when the work of that stage is
  recorded (Samsat: cek fisik recorded, the file complete and registered, the bill paid, the
  STNK handed over; NPWPD registered and its card issued; sheets counted; clearance checked;
  ...). :func:`check_leaving` is asked by :func:`app.queue.engine.finish` before it writes
  anything; a refusal names the missing steps and changes nothing. A rule may also govern
  another outcome (Samsat: an unpaid bill is cancelled only by a supervisor, with a reason).
- **Acting.** A front-office action on a visit (register, pay, hand over, count, check)
  belongs to the visit a counter of that stage has called or is serving:
  :func:`require_at_work` refuses it otherwise, unless a supervisor overrides, which is
  audited.

Which work a stage does is data: ``resources/panels/work-panels.yaml`` names it per stage
(an office may override per stage in its settings), the same names the counter console
uses for its panels. The rule for each kind of work is declared by the area that does the
work, as a ``RULES`` table in its ``rules`` module, which registers it here when imported
(:func:`register_leaving_rules`). This module imports no area: :mod:`app.queue.areas` imports every
area's rules once, and the queue engine, which asks before a visit leaves, imports that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Actor
from app.desk.panels import panels_for
from app.errors import LoketError
from app.i18n import Text
from db.enums import VisitStatus
from db.models import Counter, Office, Stage, StageRecord, Visit

ACTIVE = (VisitStatus.CALLED, VisitStatus.SERVING)


@dataclass(frozen=True)
class Leaving:
    """A visit about to leave ``stage`` with ``outcome``: what a rule is asked about."""

    session: Session
    visit: Visit
    office: Office
    stage: Stage
    outcome: str  # done | incomplete | cancelled


# A rule answers the steps still missing (messages, rendered in the reader's language), or
# nothing when the visit may leave (or the rule does not concern this visit's service).
Rule = Callable[[Leaving], list[Text]]

# work name -> the rules the areas registered for it, in the order they registered
_RULES: dict[str, list[Rule]] = {}


def register_leaving_rule(work: str, rule: Rule) -> None:
    """Declare ``rule`` for every stage doing ``work``. Each area's ``rules`` module calls
    this for its ``RULES`` when it is imported (once; a second call adds nothing), so this
    module knows the areas only through what they registered."""
    registered = _RULES.setdefault(work, [])
    if rule not in registered:
        registered.append(rule)


def register_leaving_rules(table: Mapping[str, Rule]) -> None:
    """:func:`register_leaving_rule` for each entry of an area's ``RULES`` table."""
    for work, rule in table.items():
        register_leaving_rule(work, rule)


def rules() -> dict[str, list[Rule]]:
    """Work name -> the rules registered for it.

    Refuses when no area registered any: a visit would then leave every stage unchecked,
    which is a program that forgot ``import app.queue.areas``, never an office's choice."""
    if not _RULES:
        raise RuntimeError("no stage-leaving rule is registered: import app.queue.areas first")
    return {work: list(registered) for work, registered in _RULES.items()}


def works_of(office: Office, stage_code: str) -> list[str]:
    """The kinds of work done at ``stage_code`` in this office."""
    return panels_for([stage_code], office.settings or {})


def governed(settings: Mapping[str, Any], stage_codes: list[str]) -> bool:
    """Whether a rule concerns any of these stages (an office's settings): a stage without
    recorded work (a plain queue stage) is left as fast as it was called."""
    table = rules()
    return any(work in table for work in panels_for(stage_codes, settings))


def missing_steps(session: Session, visit: Visit, stage: Stage, outcome: str) -> list[Text]:
    """Every step still missing before ``visit`` may leave ``stage`` with ``outcome``."""
    office = session.get_one(Office, visit.office_id)
    leaving = Leaving(session, visit, office, stage, outcome)
    table = rules()
    out: list[Text] = []
    for work in works_of(office, stage.code):
        for rule in table.get(work, ()):
            for step in rule(leaving):
                if step not in out:
                    out.append(step)
    return out


def check_leaving(session: Session, visit_id: int, stage_id: int, outcome: str) -> None:
    """Refuse (``LoketError``, nothing written) while a step of the stage is missing."""
    visit = session.get(Visit, visit_id)
    stage = session.get(Stage, stage_id)
    if visit is None or stage is None:
        return
    missing = missing_steps(session, visit, stage, outcome)
    if missing:
        raise LoketError("work.missing", ticket=visit.ticket, stage=stage.name,
                         missing=missing)


# --- who may act on a visit's stage work ---------------------------------------------------


@dataclass(frozen=True)
class Where:
    """Where a visit is now, in words and as data."""

    status: str  # waiting | called | serving | held | closed
    stage_code: str | None
    stage_name: str | None
    counter_code: str | None
    counter_name: str | None
    works: tuple[str, ...]

    def describe(self) -> Text:
        if self.status == "closed":
            return Text("work.where.closed")
        key = {"waiting": "work.where.waiting", "called": "work.where.called",
               "serving": "work.where.serving", "held": "work.where.held"}[self.status]
        return Text(key, stage=self.stage_name or "-", counter=self.counter_name or "-")


def where(session: Session, visit: Visit) -> Where:
    """The visit's open stage record: its stage, status and counter."""
    if not visit.status.is_open:
        return Where("closed", None, None, None, None, ())
    record = session.scalar(
        select(StageRecord).where(StageRecord.visit_id == visit.id,
                                  StageRecord.status.in_([VisitStatus.WAITING, *ACTIVE,
                                                          VisitStatus.HELD]))
        .order_by(StageRecord.seq.desc()).limit(1))
    if record is None:
        return Where("closed", None, None, None, None, ())
    office = session.get_one(Office, visit.office_id)
    counter = session.get(Counter, record.counter_id) if record.counter_id else None
    stage = record.stage
    return Where(record.status.value, stage.code, stage.name,
                 counter.code if counter else None, counter.name if counter else None,
                 tuple(works_of(office, stage.code)))


def require_at_work(session: Session, visit: Visit, work: str, *, actor: Actor,
                    override: bool = False, now: datetime) -> None:
    """Refuse ``work`` on ``visit`` unless a counter whose stage does that work has called
    or is serving it. ``override`` lets a supervisor (or admin) act anyway: allowed only
    for such a user, and written to the audit log with where the visit was."""
    place = where(session, visit)
    if place.status in ("called", "serving") and work in place.works:
        return
    if not override:
        raise LoketError("work.not_here", ticket=visit.ticket, where=place.describe(),
                         work=Text(f"work.name.{work}"))
    user = access.require(session, actor, Act.OVERRIDE, office_id=visit.office_id, now=now)
    audit.record(session, actor=user.name, user_id=user.user_id, office_id=visit.office_id,
                 action="work.override", entity="visit", entity_id=visit.id, at=now,
                 before={"status": place.status, "stage": place.stage_code,
                         "counter": place.counter_code},
                 after={"work": work, "ticket": visit.ticket})


def require_visit_at_work(session: Session, office_id: int, visit_id: int | None, work: str,
                          *, actor: Actor, override: bool, now: datetime,
                          open_only: bool = False) -> None:
    """:func:`require_at_work` for an action that names its visit by id, if it has one
    (an action without a visit asks nothing). The visit must be of ``office_id``;
    ``open_only``: a closed visit asks nothing (work that goes on after the visitor left)."""
    if visit_id is None:
        return
    visit = session.get(Visit, visit_id)
    if visit is None or visit.office_id != office_id:
        office = session.get(Office, office_id)
        raise LoketError("queue.unknown_ticket", ticket=str(visit_id),
                         office=office.code if office else "-")
    if open_only and not visit.status.is_open:
        return
    require_at_work(session, visit, work, actor=actor, override=override, now=now)
