"""The loket 2 officer's day-end recap adds up to the payments recorded."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import users
from app.access import Actor
from app.errors import LoketError
from app.money import format_rupiah
from app.queue import engine as q
from app.samsat import flow as f
from app.samsat import recap, registry
from db.models import Payment
from tests.app.samsat.conftest import OFFICE, Flow, at, motorcycle

OWNER = "6171011508900001"
VEHICLES = [("KB 1234 AB", "MH1JFM110FK123456", "JFM1E1123456"),
            ("KB 2 C", "MH1JFM110FK222222", "JFM1E2222222"),
            ("KB 33 DE", "MH1JFM110FK333333", "JFM1E3333333")]


def _through_loket_2(flow: Flow, plate: str, chassis: str, engine: str, minutes: float,
                     cashier: q.Actor, method: str, reference: str = "") -> f.PaymentResult:
    visit_id = flow.issue(minutes=minutes)
    flow.call("CF", minutes)
    with flow.store.uow() as uow:
        f.record_check(uow, visit_id, chassis=chassis, engine=engine, actor=flow.officer,
                       now=at(minutes))
    flow.finish("CF", minutes)
    flow.call("L1", minutes)
    flow.tick(visit_id, minutes=minutes)
    with flow.store.uow() as uow:
        f.register_case(uow, visit_id, plate=plate, nik=OWNER, actor=flow.officer,
                        now=at(minutes))
    flow.finish("L1", minutes)
    with flow.store.uow() as uow:
        q.call_next(uow, "L2", office_code=OFFICE, actor=cashier, now=at(minutes + 1))
    with flow.store.uow() as uow:
        paid = f.record_payment(uow, visit_id, method=method, reference=reference,
                                actor=cashier, now=at(minutes + 2))
    with flow.store.uow() as uow:
        q.finish(uow, "L2", office_code=OFFICE, actor=cashier, now=at(minutes + 3))
    return paid


def test_the_recap_adds_up_to_the_payments(flow: Flow) -> None:
    with flow.store.uow() as uow:
        registry.register_person(uow, registry.PersonData(OWNER, "Budi Santoso"),
                                 actor=flow.officer, now=at(0))
    for i, (plate, chassis, engine) in enumerate(VEHICLES):
        with flow.store.uow() as uow:
            registry.register_vehicle(uow, motorcycle(
                plate=plate, chassis_no=chassis, engine_no=engine,
                category="R4" if i == 1 else "R2",
                swdkllj_class="car-private" if i == 1 else "motor-250",
                tax_due_on=date(2026, 3, 1) if i == 2 else date(2026, 11, 1),
                ownership_order=i + 1), actor=flow.officer, now=at(0))
    with flow.store.uow() as uow:
        info = users.add_user(uow, "kasir2", "officer", "rahasia-123", actor=Actor("admin"),
                              office_code=OFFICE, full_name="Siti Kasir")
    cashier = q.Actor(info.username, info.id)
    mine = [_through_loket_2(flow, *VEHICLES[0], 0, flow.officer, "cash"),
            _through_loket_2(flow, *VEHICLES[1], 10, flow.officer, "transfer", "TRF-001")]
    theirs = _through_loket_2(flow, *VEHICLES[2], 20, cashier, "billing", "820126")

    with flow.store.uow(read_only=True) as uow:
        rc = recap.day_recap(uow, OFFICE, "petugas1", date(2026, 11, 23))
        pdf = recap.recap_pdf(uow, rc, now=at(60))
        recorded = uow.session.scalars(select(Payment).where(
            Payment.received_by == flow.officer.user_id)).all()
        other = recap.day_recap(uow, OFFICE, "kasir2", date(2026, 11, 23))
        tomorrow = recap.day_recap(uow, OFFICE, "petugas1", date(2026, 11, 24))
    assert [ln.payment_id for ln in rc.lines] == [p.payment_id for p in mine]
    assert rc.total == sum(p.amount for p in recorded) == sum(p.total for p in mine)
    assert rc.total == sum(m.total for m in rc.methods)
    by_method = {m.method: (m.count, m.total) for m in rc.methods}
    assert by_method == {"cash": (1, mine[0].total), "transfer": (1, mine[1].total),
                         "billing": (0, Decimal(0))}
    assert [ln.ticket for ln in rc.lines] == ["A-001", "A-002"]
    assert rc.lines[1].reference == "TRF-001" and rc.lines[0].local_at.hour == 9
    assert other.total == theirs.total and other.officer_name == "Siti Kasir"
    assert [ln.method for ln in other.lines] == ["billing"]
    assert tomorrow.count == 0 and tomorrow.total == 0

    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "REKAPITULASI PENERIMAAN HARIAN" in text and "23-11-2026" in text
    for paid in mine:
        assert paid.receipt_number in text and format_rupiah(paid.total) in text
    assert theirs.receipt_number not in text
    assert format_rupiah(rc.total) in text and "Transfer bank" in text
    data = rc.to_json()
    assert data["total"] == str(rc.total) and len(data["payments"]) == 2


def test_an_unknown_officer_is_refused(flow: Flow) -> None:
    with flow.store.uow(read_only=True) as uow, pytest.raises(LoketError) as err:
        recap.day_recap(uow, OFFICE, "nobody", date(2026, 11, 23))
    assert err.value.key == "samsat.officer.unknown"
    with flow.store.uow(read_only=True) as uow:
        empty = recap.day_recap(uow, OFFICE, "petugas1", date(2026, 11, 23) - timedelta(1))
    assert empty.count == 0 and [m.count for m in empty.methods] == [0, 0, 0]
