"""The report station: what the supervisor's report view (``ui/report_view.py``) reads and
writes, as plain data.

The view makes one :class:`ReportStation` and asks it for the office (its name, zone and
letterhead: :meth:`ReportStation.office`), the report of a day or a period
(:meth:`ReportStation.report`, run in a worker thread by the view: a year of a busy office
takes seconds) and the same report as PDF or workbook bytes (:meth:`ReportStation.pdf`,
:meth:`ReportStation.xlsx`, through :mod:`app.reports`). The report is
:class:`app.reports.daily.DailyReport` (frozen dataclasses); each read opens its own
read-only unit of work and a lost database is :class:`app.errors.LoketError`
``db.unreachable`` (:mod:`app.stations.database`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_day, utcnow
from app.document_archive import letterhead
from app.queue import engine as q_
from app.reports.daily import DailyReport, check_period, daily_report
from app.reports.pdf import report_pdf
from app.reports.xlsx import report_xlsx
from app.stations.database import unit_of_work
from app.store import Store
from printing.document import Letterhead

__all__ = ["DailyReport", "Letterhead", "ReportOffice", "ReportStation", "check_period"]


@dataclass(frozen=True)
class ReportOffice:
    """The office a report is of: what the view heads it with and prints on the PDF."""

    code: str
    name: str
    zone: str  # WIB, WITA, WIT
    letterhead: Letterhead

    def today(self, now: datetime) -> date:
        """The office's local day at ``now``: the view's first period."""
        return local_day(now, self.zone)


class ReportStation:
    """The reports of one office (``as_of`` and the PDF's print time from ``clock``)."""

    def __init__(self, store: Store, office_code: str, *,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self.office_code = office_code
        self.clock = clock

    def office(self) -> ReportOffice:
        """The office: its code, name, zone and letterhead (kop surat)."""
        with unit_of_work(self.store, read_only=True) as uow:
            office = q_.resolve_office(uow.session, self.office_code)
            return ReportOffice(office.code, office.name, office.zone.value, letterhead(office))

    def report(self, start: date, end: date | None = None, *,
               as_of: datetime | None = None) -> DailyReport:
        """The report of ``start``..``end`` (one day when ``end`` is None) as it stands at
        ``as_of`` (default: now); a reversed or too long period is
        :class:`LoketError` from :func:`app.reports.daily.check_period`."""
        with unit_of_work(self.store, read_only=True) as uow:
            return daily_report(uow, self.office_code, start, end,
                                as_of=as_of or self.clock())

    def pdf(self, report: DailyReport, letterhead: Letterhead, *,
            printed_at: datetime | None = None) -> bytes:
        """The report as PDF bytes under ``letterhead``, printed at ``printed_at`` (now)."""
        return report_pdf(report, letterhead, printed_at=printed_at or self.clock())

    def xlsx(self, report: DailyReport) -> bytes:
        """The report as an Excel workbook's bytes."""
        return report_xlsx(report)
