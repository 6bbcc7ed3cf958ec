"""Where a piece of stage work is done: read models for the counter console's hints.

When a button is disabled because the visit skipped a step ("Bayar" at loket 2 for a visit
that was never registered), the console says which counter does that step, by name, so the
officer can send the visitor back there. Which work a stage does is data
(``resources/panels/work-panels.yaml``, overridable per office; :mod:`app.desk.panels`), and
which counters serve a stage is the office's configuration: nothing here names a loket.

Only reads; the rules that refuse a finish or an action live with the services
(:mod:`app.queue.stage_work`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.queue import engine as q
from app.queue.stage_work import works_of
from app.store import UnitOfWork
from db.models import Counter, Stage


@dataclass(frozen=True)
class WorkPlace:
    """A stage that does a kind of work, and the active counters serving it."""

    stage_code: str
    stage_name: str
    counters: tuple[str, ...]  # the counters' names, in display order

    def counter_names(self) -> str:
        """"Loket 1 Pendaftaran" or "Loket 1A, Loket 1B"; the stage's name when no
        counter serves it (a configuration gap the officer can still act on)."""
        return ", ".join(self.counters) or self.stage_name


def places_of(uow: UnitOfWork, work: str, *, office_code: str | None = None
              ) -> list[WorkPlace]:
    """Every active stage of the office whose work panels include ``work`` (e.g.
    ``samsat-registration``), in stage order, with the active counters serving it."""
    s = uow.session
    office = q.resolve_office(s, office_code)
    stages = s.scalars(select(Stage).where(Stage.office_id == office.id,
                                           Stage.active.is_(True))
                       .order_by(Stage.position, Stage.id)).all()
    counters = s.scalars(select(Counter).where(Counter.office_id == office.id,
                                               Counter.active.is_(True))
                         .order_by(Counter.display_number, Counter.position,
                                   Counter.id)).all()
    out: list[WorkPlace] = []
    for stage in stages:
        if work not in works_of(office, stage.code):
            continue
        names = tuple(c.name for c in counters if any(st.id == stage.id for st in c.stages))
        out.append(WorkPlace(stage.code, stage.name, names))
    return out


def place_of(uow: UnitOfWork, work: str, *, office_code: str | None = None
             ) -> WorkPlace | None:
    """The first stage doing ``work`` (the one a visit meets first), or None."""
    places = places_of(uow, work, office_code=office_code)
    return places[0] if places else None
