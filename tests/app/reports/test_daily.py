"""The daily report of a generated day (tests/app/reports/day.py), figure by figure, against
numbers worked out by hand; and the percentile rule on its own."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import LoketError
from app.reports.daily import daily_report, parse_day, percentile
from app.store import Store
from tests.app.reports import day

D = Decimal


@pytest.fixture
def report(catalog_store: Store):
    day.build(catalog_store)
    with catalog_store.uow(read_only=True) as uow:
        return daily_report(uow, day.OFFICE, day.DAY, as_of=day.AS_OF)


def test_visits_per_service_and_the_time_standard(report) -> None:
    a, b = report.services
    assert (a.code, a.visits, a.done, a.incomplete, a.no_show, a.cancelled, a.not_served,
            a.open) == ("STNK-PERPANJANGAN", 6, 2, 1, 1, 0, 0, 2)
    assert (b.code, b.visits, b.cancelled, b.not_served) == ("STNK-HILANG", 2, 1, 1)
    # within; A-004 (closed late) and A-005 (open, due passed) outside;
    # A-006 pending; A-003 no-show excluded
    assert (a.standard.within, a.standard.outside, a.standard.pending,
            a.standard.excluded) == (2, 2, 1, 1)
    assert a.standard.within_pct == D("50.0")
    # B-001 cancelled: excluded; B-002 not served: outside
    assert (b.standard.within, b.standard.outside, b.standard.excluded) == (0, 1, 1)
    assert b.standard.within_pct == D("0.0")
    assert report.visits == 8  # the visit of the 22nd is not counted
    assert report.standard.within_pct == D("40.0")  # 2 of 5
    assert (report.no_show, report.incomplete) == (1, 1)
    assert report.priority == (("disabilitas", 1), ("lansia", 1))


def test_waits_and_service_times_per_stage(report) -> None:
    cf, l1 = report.stages
    # cek fisik waits 60, 60, 120, 180, 300, 600 s: median (120 + 180) / 2 = 150 s = 2.5 min;
    # p90: rank 0.9 * 5 = 4.5 -> 300 + 0.5 * (600 - 300) = 450 s = 7.5 min
    assert (cf.records, cf.not_called, cf.no_show) == (8, 2, 1)
    assert (cf.wait.count, cf.wait.median, cf.wait.p90, cf.wait.total) == (
        6, D("2.5"), D("7.5"), D("22.0"))
    # service 60, 120, 180, 240, 540 s (the cancelled visit was served): median 180 s = 3.0;
    # p90: rank 3.6 -> 240 + 0.6 * 300 = 420 s = 7.0 min
    assert (cf.service.count, cf.service.median, cf.service.p90) == (5, D("3.0"), D("7.0"))
    # loket 1 waits 120, 180, 420: median 3.0; p90 rank 1.8 -> 180 + 0.8 * 240 = 372 s = 6.2
    assert (l1.records, l1.not_called) == (4, 1)
    assert (l1.wait.count, l1.wait.median, l1.wait.p90) == (3, D("3.0"), D("6.2"))
    # service 240 (from the call: never started), 300, 900: p90 300 + 0.8 * 600 = 780 = 13.0
    assert (l1.service.median, l1.service.p90, l1.service.total) == (D("5.0"), D("13.0"),
                                                                     D("24.0"))
    # all nine waits: median 180 s = 3.0; p90 rank 7.2 -> 420 + 0.2 * 180 = 456 s = 7.6
    assert (report.wait_all.count, report.wait_all.median, report.wait_all.p90) == (
        9, D("3.0"), D("7.6"))


def test_officers(report) -> None:
    budi, siti = report.officers
    assert (budi.username, budi.called, budi.served, budi.no_show) == ("budi", 6, 5, 1)
    assert (budi.wait.median, budi.service.median, budi.service.total) == (
        D("2.5"), D("3.0"), D("19.0"))
    assert (siti.username, siti.called, siti.served, siti.no_show) == ("siti", 3, 3, 0)
    assert siti.service.p90 == D("13.0")


def test_payments_perforation_complaints_and_ikm(report) -> None:
    p = report.payments
    assert [(r.key, r.count, r.total) for r in p.by_method] == [
        ("cash", 1, D(250_000)), ("transfer", 1, D(1_000_000)), ("billing", 1, D(60_000))]
    assert (p.count, p.total, p.voided_count, p.voided_total) == (3, D(1_310_000), 1,
                                                                  D(143_000))
    assert [(r.key, r.count, r.total) for r in p.by_line] == [
        ("PKB", 2, D(1_100_000)), ("PNBP-STNK", 2, D(115_000)), ("PNBP-TNKB", 1, D(60_000)),
        ("SWDKLLJ", 1, D(35_000))]
    assert all(isinstance(r.total, Decimal) for r in p.by_method + p.by_line)
    assert (report.perforation.requests, report.perforation.sheets) == (2, 1500)
    c = report.complaints
    assert (c.received, c.answered, c.answered_late, c.overdue) == (1, 2, 1, 1)
    # two questionnaires, all 4 and all 3: NRR 3.5 everywhere, IKM 3.5 x 25 = 87.50 (B)
    assert report.ikm.respondents == 2
    assert report.ikm.value == D("87.50")
    assert report.ikm.report.result.grade == "B"
    assert {report.ikm.nrr(e) for e, _ in report.ikm.elements} == {D("3.500")}
    assert len(report.ikm.elements) == 9


def test_a_range_and_an_empty_day(catalog_store: Store) -> None:
    day.build(catalog_store)
    with catalog_store.uow(read_only=True) as uow:
        both = daily_report(uow, day.OFFICE, date(2026, 11, 22), day.DAY, as_of=day.AS_OF)
        empty = daily_report(uow, day.OFFICE, date(2026, 11, 30), as_of=day.AS_OF)
    assert both.visits == 9 and both.payments.total == D(1_310_000)
    assert both.perforation.sheets == 1800
    assert empty.visits == 0 and empty.services == () and empty.stages == ()
    assert empty.standard.within_pct is None and empty.wait_all.median is None
    assert empty.payments.total == 0 and empty.ikm.value is None
    data = empty.to_json()
    assert data["visits"] == 0 and data["ikm"]["ikm"] is None
    # the complaint of the 20th was never answered: still overdue (as of the 23rd)
    assert data["complaints"]["overdue"] == 1


def test_bad_periods_are_refused(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        with pytest.raises(LoketError) as err:
            daily_report(uow, day.OFFICE, day.DAY, day.DAY - timedelta(days=1))
        assert err.value.key == "report.bad_period"
        with pytest.raises(LoketError) as err:
            daily_report(uow, "NOPE", day.DAY)
        assert err.value.key == "office.unknown"


@pytest.mark.parametrize("text", ["2026-02-30", "23-11-2026", "", "2026-1-1", "kemarin",
                                  "20261123", "2026-W48-1"])
def test_parse_day_refuses_bad_dates(text: str) -> None:
    with pytest.raises(LoketError) as err:
        parse_day(text)
    assert err.value.key == "report.bad_date"


@given(st.text(max_size=20))
def test_parse_day_raises_only_loket_errors(text: str) -> None:
    with contextlib.suppress(LoketError):
        assert isinstance(parse_day(text), date)


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=60),
       st.sampled_from([Fraction(1, 2), Fraction(9, 10), Fraction(0), Fraction(1)]))
def test_percentile_from_a_histogram_equals_sorting_the_values(values, p) -> None:
    hist: dict[int, int] = {}
    for v in values:
        hist[v] = hist.get(v, 0) + 1
    xs = sorted(values)
    h = (len(xs) - 1) * p
    lo = int(h)
    expected = xs[lo] + (h - lo) * (xs[min(lo + 1, len(xs) - 1)] - xs[lo])
    assert percentile(hist, p) == expected
    assert min(xs) <= percentile(hist, p) <= max(xs)


def test_percentile_of_nothing_is_none() -> None:
    assert percentile({}, Fraction(1, 2)) is None
    assert isinstance(datetime.now(), datetime)
