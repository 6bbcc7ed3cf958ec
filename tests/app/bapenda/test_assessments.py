"""Assessments, the bill with interest on arrears, payment once, the SSPD (both databases)."""

from __future__ import annotations

import contextlib
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from app.access import Actor
from app.bapenda import assessments as asm
from app.bapenda import taxpayers as tp
from app.errors import LoketError
from app.store import Store
from app.tariffs.interest import InterestRule
from db.models import AuditEntry, Document, Payment, PaymentLine
from db.models_bapenda import TaxAssessment
from tests.app.bapenda.conftest import BATU, MALANG, MALANG_ALL, MONDAY_9, personal
from tests.helpers import snapshot


def _taxpayer(store: Store, office: str = BATU, **kw) -> str:
    reg = personal(**kw) if office == BATU else personal(requirements=MALANG_ALL, **kw)
    with store.uow() as uow:
        return tp.register(uow, reg, office_code=office, actor=Actor("petugas"), now=MONDAY_9).npwpd


def _assess(store: Store, npwpd: str, office: str = BATU, **kw) -> asm.AssessmentInfo:
    values = {"principal": Decimal(1_000_000), "period": "2026-08", "issued_on": "2026-08-10",
              "due_on": "2026-09-10"}
    values.update(kw)
    with store.uow() as uow:
        return asm.assess(uow, npwpd, office_code=office, actor=Actor("petugas"), now=MONDAY_9,
                          **values)


def test_an_skpd_gets_the_office_number_and_is_found_by_number_or_npwpd(
        catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    first = _assess(catalog_store, npwpd)
    second = _assess(catalog_store, npwpd, period="2026-09", due_on=None, issued_on=None)
    assert (first.number, second.number) == ("SKPD/000001/2026", "SKPD/000002/2026")
    assert second.issued_on == date(2026, 11, 23) and second.due_on == date(2026, 12, 23)
    with catalog_store.uow(read_only=True) as uow:
        by_number = asm.lookup_assessment(uow, "SKPD/000002/2026", office_code=BATU)
        by_npwpd = asm.lookup_assessment(uow, npwpd, office_code=BATU)
        with pytest.raises(LoketError) as none:
            asm.lookup_assessment(uow, "SKPD/999/2026", office_code=BATU)
    assert [a.number for a in by_number] == ["SKPD/000002/2026"]
    assert [a.number for a in by_npwpd] == ["SKPD/000001/2026", "SKPD/000002/2026"]
    assert none.value.key == "bapenda.unknown_assessment"


@pytest.mark.parametrize(("changes", "key"), [
    ({"principal": "0"}, "bapenda.bad_amount"),
    ({"principal": "-5000"}, "bapenda.bad_amount"),
    ({"principal": "1.500,50"}, "bapenda.bad_amount"),
    ({"principal": Decimal("10.5")}, "bapenda.bad_amount"),
    ({"period": "2026-13"}, "bapenda.bad_period"),
    ({"due_on": "2026-08-01"}, "bapenda.due_before_issue"),
    ({"due_on": "10/09/2026"}, "bapenda.bad_date"),
    ({"kind": "SPPT"}, "bapenda.bad_assessment_kind"),
    ({"tax_type": "pbb"}, "bapenda.bad_tax_type"),
    ({"number": "SKPD 1 ?"}, "bapenda.bad_number"),
])
def test_a_refused_assessment_changes_nothing(url: str, changes: dict, key: str) -> None:
    with Store.open(url) as store:
        npwpd = _taxpayer(store)
        before = snapshot(url)
        with pytest.raises(LoketError) as info:
            _assess(store, npwpd, **changes)
    assert info.value.key == key
    assert snapshot(url) == before


def test_a_number_is_unique_per_office_and_an_inactive_npwpd_gets_no_assessment(
        catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    _assess(catalog_store, npwpd, number="973/SKPD/0001")
    with pytest.raises(LoketError) as taken:
        _assess(catalog_store, npwpd, number="973/SKPD/0001")
    assert taken.value.key == "bapenda.number_taken"
    malang = _taxpayer(catalog_store, MALANG, district="03", village="07")
    assert _assess(catalog_store, malang, MALANG, number="973/SKPD/0001").office == MALANG
    with catalog_store.uow() as uow:
        tp.deactivate(uow, npwpd, "usaha-tutup", office_code=BATU, actor=Actor("pengawas"))
    with pytest.raises(LoketError) as inactive:
        _assess(catalog_store, npwpd)
    assert inactive.value.key == "bapenda.inactive"


@pytest.mark.parametrize(("on", "months", "interest"), [
    ("2026-09-10", 0, None),       # on the due day: on time
    ("2026-10-10", 1, 10_000),     # one month to the day: the first month
    ("2026-10-11", 2, 20_000),     # the day after starts the second
    ("2028-10-10", 25, 240_000),   # 25 months late: capped at 24 x 1%
])
def test_interest_by_months_late_with_its_cap(catalog_store: Store, on: str, months: int,
                                              interest: int | None) -> None:
    npwpd = _taxpayer(catalog_store)
    skpd = _assess(catalog_store, npwpd)
    with catalog_store.uow(read_only=True) as uow:
        bill = asm.bill(uow, skpd.number, on=on, office_code=BATU)
    assert bill.months_late == months
    codes = [line.code for line in bill.lines]
    if interest is None:
        assert codes == ["pokok"] and bill.total == Decimal(1_000_000)
    else:
        assert codes == ["pokok", "bunga"]
        assert bill.lines[1].amount == Decimal(interest)
        assert bill.total == Decimal(1_000_000 + interest)
        assert "1%" in bill.lines[1].rule and "maks. 24" in bill.lines[1].rule


def test_the_older_rule_of_two_percent_applies_to_older_payments(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    skpd = _assess(catalog_store, npwpd, issued_on="2023-01-05", due_on="2023-02-05",
                   period="2023-01")
    with catalog_store.uow(read_only=True) as uow:
        bill = asm.bill(uow, skpd.number, on="2023-05-06", office_code=BATU)
    assert bill.months_late == 4 and bill.lines[1].amount == Decimal(80_000)  # 2% x 4


def test_an_stpd_bears_no_further_interest(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    stpd = _assess(catalog_store, npwpd, kind="STPD", principal="45.000")
    assert stpd.number == "STPD/000001/2026"
    with catalog_store.uow(read_only=True) as uow:
        bill = asm.bill(uow, stpd.number, on="2027-05-01", office_code=BATU)
    assert [line.code for line in bill.lines] == ["pokok"] and bill.total == Decimal(45_000)


def test_paying_records_the_payment_and_the_sspd_once(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    skpd = _assess(catalog_store, npwpd)
    with catalog_store.uow() as uow:  # 23 November 2026: 3 months late
        paid = asm.pay(uow, skpd.number, method="billing", reference="357901202611230001",
                       office_code=BATU, actor=Actor("petugas"), now=MONDAY_9)
    assert paid.bill.total == Decimal(1_030_000) and paid.sspd_number == "SSPD/000001/2026"
    assert paid.bill.assessment.paid_at == MONDAY_9
    with catalog_store.uow(read_only=True) as uow:
        s = uow.session
        payment = s.get(Payment, paid.payment_id)
        lines = s.scalars(select(PaymentLine).where(PaymentLine.payment_id == payment.id)
                          .order_by(PaymentLine.position)).all()
        row = s.scalar(select(TaxAssessment).where(TaxAssessment.number == skpd.number))
        doc = s.scalar(select(Document).where(Document.kind == asm.SSPD_KIND))
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "tax.pay"))
    assert (payment.method.value, payment.amount, payment.reference) == (
        "billing", Decimal(1_030_000), "357901202611230001")
    assert [(ln.code, ln.amount, ln.year) for ln in lines] == [
        ("pokok-restoran", Decimal(1_000_000), 2026), ("bunga-restoran", Decimal(30_000), 2026)]
    assert sum(ln.amount for ln in lines) == payment.amount
    assert (row.paid_at, row.payment_id) == (MONDAY_9, payment.id)
    assert doc.payment_id == payment.id and entry.after["total"] == 1_030_000
    text = PdfReader(io.BytesIO(doc.content)).pages[0].extract_text()
    for expected in ("SURAT SETORAN PAJAK DAERAH", "SSPD/000001/2026", npwpd, "Siti Rahmawati",
                     "SKPD/000001/2026", "Pajak Restoran", "Rp1.000.000", "Rp30.000",
                     "Rp1.030.000", "satu juta tiga puluh ribu rupiah", "Kode billing",
                     "357901202611230001", "Halaman 1 dari 1"):
        assert expected in text, expected
    assert len(PdfReader(io.BytesIO(doc.content)).pages) == 1
    with pytest.raises(LoketError) as twice, catalog_store.uow() as uow:
        asm.pay(uow, skpd.number, method="cash", office_code=BATU, actor=Actor("petugas"),
                now=MONDAY_9 + timedelta(hours=1))
    assert twice.value.key == "bapenda.already_paid"
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Payment.id))) == 1
        with pytest.raises(LoketError) as billed:
            asm.bill(uow, skpd.number, office_code=BATU)
    assert billed.value.key == "bapenda.already_paid"


@pytest.mark.parametrize(("method", "reference", "key"), [
    ("cek", "", "bapenda.bad_method"),
    ("billing", "", "bapenda.reference_required"),
    ("transfer", "ref with spaces", "bapenda.bad_reference"),
])
def test_a_refused_payment_changes_nothing(url: str, method: str, reference: str,
                                           key: str) -> None:
    with Store.open(url) as store:
        skpd = _assess(store, _taxpayer(store))
        before = snapshot(url)
        with pytest.raises(LoketError) as info, store.uow() as uow:
            asm.pay(uow, skpd.number, method=method, reference=reference, office_code=BATU,
                    actor=Actor("petugas"), now=MONDAY_9)
    assert info.value.key == key
    assert snapshot(url) == before


def test_paying_on_time_in_cash_has_the_principal_only(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    skpd = _assess(catalog_store, npwpd, issued_on="2026-11-20", due_on="2026-12-20",
                   principal="2.500.000")
    with catalog_store.uow() as uow:
        paid = asm.pay(uow, skpd.number, method="tunai", office_code=BATU, actor=Actor("petugas"),
                       now=MONDAY_9)
    assert paid.bill.months_late == 0 and paid.bill.total == Decimal(2_500_000)
    assert paid.method == "cash" and paid.to_json()["total_text"] == "Rp2.500.000"


# --- properties -------------------------------------------------------------------------------


RULES = [InterestRule(Decimal("0.02"), 24), InterestRule(Decimal("0.01"), 24, "up-100")]


@settings(max_examples=300, deadline=None)
@given(principal=st.integers(1, 10**12), due=st.dates(date(2000, 1, 1), date(2090, 1, 1)),
       late=st.integers(0, 4000), kind=st.sampled_from(["SKPD", "STPD", "SPTPD"]),
       rule=st.sampled_from(RULES))
def test_bills_are_whole_non_negative_and_capped(principal: int, due: date, late: int,
                                                 kind: str, rule: InterestRule) -> None:
    info = asm.AssessmentInfo(1, BATU, kind, "N", "P.1", "A", "B", "active", "hotel",
                              "Pajak Hotel", "2026-01", Decimal(principal), due, due, None, None)
    months, lines = asm.bill_lines(info, due + timedelta(days=late), rule)
    for line in lines:
        assert line.amount >= 0 and line.amount == line.amount.to_integral_value()
    assert lines[0].amount == principal
    if len(lines) == 2:
        assert kind != "STPD" and months > 0
        assert lines[1].amount <= principal * rule.rate_per_month * rule.cap_months + 100


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.integers(-10, 10**14), st.decimals(
    allow_nan=True, allow_infinity=True), st.none()))
def test_the_assessment_validators_never_raise_anything_but_loket_error(value) -> None:
    for parse in (asm.parse_amount, asm.parse_period, asm.parse_day, asm.parse_kind,
                  asm.parse_method):
        try:
            out = parse(value)
        except LoketError as exc:
            assert exc.message()
            continue
        if parse is asm.parse_amount:
            assert out > 0 and out == out.to_integral_value()
    with contextlib.suppress(LoketError):
        asm.parse_reference(value, asm.PaymentMethod.BILLING)


def test_a_late_sptpd_can_be_paid_with_an_stpd_for_the_interest(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    sptpd = _assess(catalog_store, npwpd, kind="SPTPD")  # due 10 Sep, paid 23 Nov: 3 months
    with catalog_store.uow() as uow:
        paid = asm.pay(uow, sptpd.number, method="cash", office_code=BATU, actor=Actor("petugas"),
                       issue_stpd=True, now=MONDAY_9)
    assert [line.code for line in paid.bill.lines] == ["pokok"]
    assert paid.bill.total == Decimal(1_000_000)
    stpd = paid.stpd
    assert stpd is not None and stpd.kind == "STPD" and stpd.parent_number == sptpd.number
    assert stpd.principal == Decimal(30_000) and stpd.due_on == date(2026, 12, 23)
    with catalog_store.uow(read_only=True) as uow:
        doc = uow.session.scalar(select(Document.content).where(
            Document.kind == asm.SSPD_KIND))
        bill = asm.bill(uow, stpd.number, on="2027-03-01", office_code=BATU)
    assert stpd.number in PdfReader(io.BytesIO(doc)).pages[0].extract_text()
    assert bill.total == Decimal(30_000)  # an STPD paid late bears no interest on interest


def test_a_number_typed_by_hand_is_skipped_by_the_generator(catalog_store: Store) -> None:
    npwpd = _taxpayer(catalog_store)
    _assess(catalog_store, npwpd, number="SKPD/000001/2026")
    assert _assess(catalog_store, npwpd).number == "SKPD/000002/2026"
