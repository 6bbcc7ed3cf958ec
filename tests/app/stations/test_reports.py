"""The report station reads the office and the report of a day or a period in units of work
of its own and returns plain data (the report what :func:`daily_report` says) and the same
report as PDF and workbook bytes; a reversed period is refused as it is and a lost database
is ``db.unreachable``."""

from __future__ import annotations

import io
from datetime import timedelta

import pypdf
import pytest
from openpyxl import load_workbook

from app.errors import LoketError
from app.reports.daily import daily_report
from app.stations.reports import ReportStation
from app.store import Store
from tests.app.reports import day
from tests.app.stations.conftest import assert_frozen, assert_plain


def _station(store: Store) -> ReportStation:
    return ReportStation(store, day.OFFICE, clock=lambda: day.AS_OF)


def test_the_office_is_plain_data(catalog_store: Store) -> None:
    office = _station(catalog_store).office()
    assert_frozen(office)
    assert_plain(office)
    assert (office.code, office.zone) == (day.OFFICE, "WIB")
    assert office.letterhead.name
    assert office.today(day.AS_OF) == day.DAY
    assert office.today(day.AS_OF + timedelta(hours=15)) == day.DAY + timedelta(days=1)


def test_the_report_of_a_day_and_its_files(catalog_store: Store) -> None:
    day.build(catalog_store)
    station = _station(catalog_store)
    report = station.report(day.DAY)
    assert_frozen(report)
    assert report.to_json()["visits"] == 8
    with catalog_store.uow(read_only=True) as uow:
        assert daily_report(uow, day.OFFICE, day.DAY, as_of=day.AS_OF) == report
    period = station.report(day.DAY - timedelta(days=1), day.DAY)
    assert (period.start, period.end) == (day.DAY - timedelta(days=1), day.DAY)
    office = station.office()
    pdf = station.pdf(report, office.letterhead)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "LAPORAN HARIAN PELAYANAN" in text and office.letterhead.name in text
    workbook = load_workbook(io.BytesIO(station.xlsx(report)))
    assert workbook.sheetnames


def test_a_reversed_period_is_refused_as_it_is(catalog_store: Store) -> None:
    with pytest.raises(LoketError) as reversed_:
        _station(catalog_store).report(day.DAY, day.DAY - timedelta(days=1))
    assert reversed_.value.key not in ("db.unreachable", "station.db_refused")


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    station = ReportStation(lost_store, day.OFFICE, clock=lambda: day.AS_OF)
    for call in (station.office, lambda: station.report(day.DAY)):
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
        assert lost.value.params["url"] == lost_store.safe_url
