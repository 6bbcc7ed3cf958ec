"""The tax clearance (cek fiskal) panel's desk: the check and its letter, as plain data.

The panel (``ui/panels/fiscal.py``) makes one :class:`FiscalDesk` for its office and asks it
to check a NIK, NPWPD, NOP or plate (:meth:`FiscalDesk.check`, recorded with its result) and
to issue the certificate or the arrears statement of a check (:meth:`FiscalDesk.issue_letter`).
The rules are :mod:`app.fiscal.clearance`'s; each call opens its own short unit of work and
returns its frozen result; a refusal is the service's :class:`LoketError` and a lost database
:class:`LoketError` ``db.unreachable`` (:mod:`app.stations.database`).

The key parser and the results that have a letter are repeated here, so the panel has one
module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.access import Actor
from app.clock import utcnow
from app.fiscal.clearance import LETTER_KINDS, CheckResult, LetterResult, SubjectKey, parse_key
from app.fiscal.clearance import check as check_key
from app.fiscal.clearance import issue_letter as issue
from app.stations.database import unit_of_work
from app.stations.person import as_actor
from app.store import Store

__all__ = ["LETTER_KINDS", "CheckResult", "FiscalDesk", "LetterResult", "SubjectKey",
           "parse_key"]


class FiscalDesk:
    """The cek fiskal desk of one office: every call is one short unit of work of its own."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    def check(self, kind: str, value: str, *, purpose: str, officer: Actor | str,
              visit_id: int | None = None, name: str | None = None) -> CheckResult:
        """Check a subject's arrears and record the check (who, why, what was found)."""
        with unit_of_work(self.store) as uow:
            return check_key(uow, kind, value, purpose=purpose, officer=as_actor(officer),
                             office_code=self.office_code, visit_id=visit_id, name=name,
                             now=self.clock())

    def issue_letter(self, check_id: int, *, actor: Actor | str) -> LetterResult:
        """The letter of a check of today: certificate when clear, arrears statement when
        not; one per check."""
        with unit_of_work(self.store) as uow:
            return issue(uow, check_id, actor=as_actor(actor), now=self.clock())
