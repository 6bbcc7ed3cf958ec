"""The perforation desk: what the perforation panel reads and does, as plain data.

The widget (``ui/panels/perforation.py``) makes one :class:`PerforationDesk` for its counter
and asks it for the counter's machine (:meth:`PerforationDesk.machine`), the open requests
(of a visit too), a request, and to save a request, count it on the machine (or end the job
the machine holds), reconcile it and hand it over with its form. The rules are
:mod:`app.perforation.service`'s and :mod:`app.perforation.counting`'s; each call here opens
its own short unit of work (a count: one before the machine moves and one per booking, as
:func:`app.perforation.counting.count_request` does) and returns frozen dataclasses (tuples
for lists). Refusals pass as they are; a lost database is :class:`app.errors.LoketError`
``db.unreachable`` (:mod:`app.stations.database`).

The count blocks while the machine works: the panel calls :meth:`PerforationDesk.count` and
:meth:`PerforationDesk.end_count` from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.access import Actor
from app.clock import utcnow
from app.perforation import counting, service
from app.perforation.counting import CountOutcome, CountProgress, Opener
from app.perforation.service import RequestInfo
from app.stations.database import database_errors, unit_of_work
from app.stations.person import as_actor
from app.store import Store

__all__ = ["CountOutcome", "CountProgress", "PerforationDesk", "PickedUp", "RequestInfo"]


def _officer() -> str:
    return "officer"


@dataclass(frozen=True)
class PickedUp:
    """A request handed over, with its pick-up form to print."""

    request: RequestInfo
    form_pdf: bytes


class PerforationDesk:
    """The perforation work of one counter (``counter_code``, for its machine) at one office.
    ``actor`` is asked at each action for the person signed in (the panel's ``ctx.actor``)
    and ``clock`` for now; a reconciliation is done by whoever the panel says (a supervisor
    who signed). ``opener`` opens the machine (tests); by default the device registry's."""

    def __init__(self, store: Store, office_code: str, counter_code: str | None = None, *,
                 actor: Callable[[], Actor | str] = _officer,
                 clock: Callable[[], datetime] = utcnow,
                 opener: Opener | None = None) -> None:
        self.store = store
        self.office_code = office_code
        self.counter_code = counter_code
        self.actor = actor
        self.clock = clock
        self.opener = opener

    def machine(self) -> str | None:
        """The perforation machine configured for the counter's station (its connection),
        or None when it has none."""
        with database_errors(self.store):
            return counting.counter_perforator(self.store, self.office_code, self.counter_code)

    # --- requests -------------------------------------------------------------------------

    def open_requests(self, *, visit_id: int | None = None) -> tuple[RequestInfo, ...]:
        """The office's open requests (of one visit, when given), oldest first."""
        with unit_of_work(self.store, read_only=True) as uow:
            return tuple(service.list_requests(uow, office_code=self.office_code,
                                               open_only=True, visit_id=visit_id,
                                               now=self.clock()))

    def request(self, ref: object) -> RequestInfo:
        """A request by its id or number."""
        with unit_of_work(self.store, read_only=True) as uow:
            return service.get_request(uow, ref, office_code=self.office_code,
                                       now=self.clock())

    def create_request(self, *, npwpd: str, name: str, media: str, series: str, first: str,
                       last: str, sheets: str, face_value: str, note: str = "",
                       visit_id: int | None = None) -> RequestInfo:
        """Save a request as typed (checked again by the service)."""
        with unit_of_work(self.store) as uow:
            return service.create_request(
                uow, npwpd=npwpd, name=name, media=media, series=series, first=first,
                last=last, sheets=sheets, face_value=face_value, note=note,
                office_code=self.office_code, visit_id=visit_id, actor=as_actor(self.actor()),
                now=self.clock())

    # --- the machine (blocking: from a worker thread) -----------------------------------------

    def count(self, request_id: int, connection: str, *, actor: Actor | str | None = None,
              on_progress: Callable[[CountProgress], None] | None = None) -> CountOutcome:
        """Count (or go on counting) a request on the machine at ``connection``, for
        ``actor`` (None: the person signed in; the panel reads them before its worker
        starts)."""
        who = as_actor(self.actor() if actor is None else actor)
        with database_errors(self.store):
            return counting.count_request(self.store, request_id, connection,
                                          actor=who, office_code=self.office_code,
                                          now=self.clock, on_progress=on_progress,
                                          opener=self.opener)

    def end_count(self, request_id: int, connection: str, *,
                  actor: Actor | str | None = None) -> CountOutcome:
        """End the job of a request the machine still holds; its count is booked."""
        who = as_actor(self.actor() if actor is None else actor)
        with database_errors(self.store):
            return counting.end_count(self.store, request_id, connection, actor=who,
                                      office_code=self.office_code, now=self.clock,
                                      opener=self.opener)

    # --- reconciliation and pick-up -------------------------------------------------------

    def reconcile(self, request_id: int, *, damaged: int, note: str = "",
                  actor: Actor | str) -> RequestInfo:
        """Reconcile a counted request, by ``actor`` (the panel asks who: a supervisor)."""
        with unit_of_work(self.store) as uow:
            return service.reconcile(uow, request_id, damaged=damaged, note=note,
                                     actor=as_actor(actor),
                                     office_code=self.office_code, now=self.clock())

    def pickup(self, request_id: int, *, by: str) -> PickedUp:
        """Hand a reconciled request over to ``by``, with the pick-up form."""
        with unit_of_work(self.store) as uow:
            done, pdf = service.pickup(uow, request_id, by=by, actor=as_actor(self.actor()),
                                       office_code=self.office_code, now=self.clock())
        return PickedUp(done, pdf)
