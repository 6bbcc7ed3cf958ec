"""The survey station: what the screen near the exit reads and stores, as plain data.

The widget (``ui/survey.py``) makes one :class:`SurveyStation` and asks it for the letters of
the office's ticket numbers (its keypad), whether a ticket may answer before the first
question (:meth:`SurveyStation.check`), and to store the answers
(:meth:`SurveyStation.submit`) or a one-tap rating of a loket (:meth:`SurveyStation.rate`).
The rules are :mod:`app.ikm.responses`'; each call here opens its own short unit of work and
a lost database is :class:`app.errors.LoketError` ``db.unreachable``
(:mod:`app.stations.database`), shown by the station like any refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from app.clock import utcnow
from app.ikm.responses import Submitted, SurveyVisit, check_visit, quick_rating, submit_survey
from app.ikm.survey import DEFAULT_SURVEY
from app.stations.database import unit_of_work
from app.stations.kiosk import kiosk_services
from app.store import Store

__all__ = ["Submitted", "SurveyStation", "SurveyVisit"]


class SurveyStation:
    """The survey station of one office (``now`` from ``clock``)."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    def ticket_prefixes(self) -> tuple[str, ...]:
        """The letters the office's ticket numbers start with (its kiosk services'),
        sorted: the keys of the station's keypad."""
        with unit_of_work(self.store, read_only=True) as uow:
            services = kiosk_services(uow, self.office_code)
        return tuple(sorted({s.prefix for s in services}))

    def check(self, ticket: str) -> SurveyVisit:
        """The visit of ``ticket`` (typed or scanned) if it may answer now; else
        :class:`LoketError` with the reason (see :func:`app.ikm.responses.check_visit`)."""
        with unit_of_work(self.store, read_only=True) as uow:
            return check_visit(uow, self.office_code, ticket, now=self.clock())

    def submit(self, ticket: str, answers: Mapping[str, int], *,
               respondent: Mapping[str, str] | None = None,
               survey_code: str = DEFAULT_SURVEY) -> Submitted:
        """Store one visitor's questionnaire (:func:`app.ikm.responses.submit_survey`)."""
        with unit_of_work(self.store) as uow:
            return submit_survey(uow, self.office_code, ticket, answers,
                                 respondent=respondent, survey_code=survey_code,
                                 now=self.clock())

    def rate(self, counter_code: str, value: int) -> int:
        """One tap (1 = very unhappy ... 4 = very happy) for a loket; the response's id."""
        with unit_of_work(self.store) as uow:
            return quick_rating(uow, self.office_code, counter_code, value, now=self.clock())
