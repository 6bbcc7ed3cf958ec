"""The Samsat STNK flow through the queue: cek fisik, loket 1, loket 2, loket 3."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.desk import visit as desk
from app.errors import LoketError
from app.money import format_rupiah
from app.samsat import flow as f
from app.samsat import registry
from app.tariffs import stnk
from db.models import AuditEntry, Document, Payment, PaymentLine, Vehicle, Visit
from db.models_samsat import StnkCase, VehicleCheck
from tests.app.samsat.conftest import CHASSIS, ENGINE, NIK, OFFICE, PLATE, Flow, at


def _text(pdf: bytes) -> str:
    """The PDF's text with every run of white space (wrapped lines) as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(
        io.BytesIO(pdf)).pages).split())


def _in_order(text: str, parts: list[str]) -> bool:
    """Every part appears in ``text``, each after the one before."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _count(flow: Flow, model: type) -> int:
    with flow.store.uow(read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _checked_at_l1(flow: Flow, *, engine: str = ENGINE, ticks: bool = True,
                   service: str = "STNK-PERPANJANGAN", minutes: float = 0) -> int:
    """A visit through cek fisik (with these numbers), called at loket 1."""
    visit_id = flow.issue(service, minutes)
    assert flow.call("CF", minutes + 1) == visit_id
    with flow.store.uow() as uow:
        f.record_check(uow, visit_id, chassis=CHASSIS, engine=engine, plate=PLATE,
                       actor=flow.officer, now=at(minutes + 2))
    flow.finish("CF", minutes + 3)
    assert flow.call("L1", minutes + 4) == visit_id
    if ticks:
        flow.tick(visit_id, minutes=minutes + 5)
    return visit_id


def _registered_at_l2(flow: Flow, minutes: float = 0) -> int:
    visit_id = _checked_at_l1(flow, minutes=minutes)
    with flow.store.uow() as uow:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer,
                        now=at(minutes + 6))
    flow.finish("L1", minutes + 7)
    assert flow.call("L2", minutes + 8) == visit_id
    return visit_id


def test_the_whole_flow_through_the_queue(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = flow.issue()
    assert flow.call("CF", 1) == visit_id
    with flow.store.uow() as uow:
        check = f.record_check(uow, visit_id, chassis=CHASSIS.lower(),
                               engine="jfm1e-1123456", actor=flow.officer, now=at(2))
    # no plate typed: the register entry is found by its chassis number
    assert check.plate == PLATE and check.chassis_match and check.engine_match
    assert check.passed is True and check.problems == ()
    flow.finish("CF", 3)
    assert flow.call("L1", 4) == visit_id
    with flow.store.uow(read_only=True) as uow:
        assert f.case_view(uow, visit_id, now=at(4)).status == "checked"
    assert flow.missing(visit_id, "loket-1") == [
        "persyaratan belum dicentang: Cek Fisik Kendaraan, Fotokopi BPKB, STNK Asli, "
        "SKPD / Notice Pajak Asli, Identitas Diri Asli (jika memang tidak ada, pilih Berkas "
        "tidak lengkap)",
        "A-001 belum didaftarkan di loket 1 (Daftarkan)"]
    flow.tick(visit_id)
    assert flow.missing(visit_id, "loket-1") == ["A-001 belum didaftarkan di loket 1 (Daftarkan)"]
    with flow.store.uow() as uow:
        view = f.register_case(uow, visit_id, plate="kb1234ab", nik=NIK, actor=flow.officer,
                               now=at(6))
    assert view.status == "registered" and view.kind == "renewal"
    assert view.vehicle["plate"] == PLATE and view.owner["name"] == "Budi Santoso"
    assert flow.missing(visit_id, "loket-1") == []
    flow.finish("L1", 7)
    assert flow.call("L2", 8) == visit_id

    # loket 2: the bill is the tariff module's, line for line
    with flow.store.uow(read_only=True) as uow:
        bill = f.bill_for_visit(uow, visit_id, now=at(9))
        expected = stnk.bill_for_plate(uow.session, PLATE, on=date(2026, 11, 23))
        settled = stnk.settle(expected)
    assert [(ln.code, ln.description, ln.rule, ln.amount, ln.year) for ln in bill.lines] == [
        (ln.code, ln.description, ln.rule, ln.amount, ln.year) for ln in expected.lines]
    assert bill.total == expected.total > 0
    with flow.store.uow() as uow:
        paid = f.record_payment(uow, visit_id, method="cash", amount_tendered="Rp500.000",
                                expected_total=bill.total, actor=flow.officer, now=at(10))
    assert paid.total == bill.total and paid.change == Decimal(500000) - bill.total
    assert paid.skpd_number == "000001/SKPD/SAMSAT-PTK1/2026"
    assert paid.receipt_number == "000001/KW/SAMSAT-PTK1/2026"
    with flow.store.uow(read_only=True) as uow:
        s = uow.session
        payment = s.get(Payment, paid.payment_id)
        lines = s.scalars(select(PaymentLine).where(PaymentLine.payment_id == payment.id)
                          .order_by(PaymentLine.position)).all()
        vehicle = s.scalar(select(Vehicle).where(Vehicle.plate == PLATE))
        documents = s.scalars(select(Document).where(Document.payment_id == payment.id)
                              .order_by(Document.id)).all()
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert payment.amount == bill.total == sum(ln.amount for ln in lines)
    assert payment.method.value == "cash" and payment.received_by == flow.officer.user_id
    assert payment.visit_id == visit_id
    assert [(ln.code, ln.description, ln.rule, ln.year, ln.amount) for ln in lines] == [
        (ln.code, ln.description, ln.rule, ln.year, ln.amount) for ln in bill.lines]
    assert (vehicle.tax_due_on, vehicle.stnk_valid_until) == (
        settled.tax_due_on, settled.stnk_valid_until) == (date(2027, 11, 1),
                                                           date(2029, 11, 1))
    assert [(d.kind, d.number) for d in documents] == [
        (f.SKPD_KIND, paid.skpd_number), (f.RECEIPT_KIND, paid.receipt_number)]
    assert documents[0].content == paid.skpd_pdf and documents[1].content == paid.receipt_pdf
    assert "payment.recorded" in actions and "vehicle.settled" in actions

    # the papers read back: plate, every line in screen order, the total
    descriptions = [ln.description for ln in bill.lines]
    for pdf in (paid.skpd_pdf, paid.receipt_pdf):
        text = _text(pdf)
        assert PLATE in text and format_rupiah(bill.total) in text
        assert _in_order(text, descriptions)
    skpd = _text(paid.skpd_pdf)
    assert "SKPD / NOTICE PAJAK KENDARAAN BERMOTOR" in skpd and "01-11-2027" in skpd
    assert _in_order(skpd, ["Data Kendaraan", PLATE, "Budi Santoso", CHASSIS,
                            "Rincian Pembayaran", descriptions[0], "Jumlah",
                            format_rupiah(bill.total), "Pembayaran", "Tunai"])
    assert "Rp500.000" in _text(paid.receipt_pdf)

    flow.finish("L2", 11)
    assert flow.call("L3", 12) == visit_id
    with flow.store.uow() as uow:
        handed = f.record_handover(uow, visit_id, handed_to="Budi Santoso", endorsed=True,
                                   stamped=True, actor=flow.officer, now=at(21))
    assert handed.timing.minutes == 21 and handed.timing.standard_minutes == 30
    assert handed.timing.within is True and handed.timing.verdict == "within"
    assert flow.missing(visit_id, "loket-3") == []
    flow.finish("L3", 22)
    with flow.store.uow(read_only=True) as uow:
        view = f.case_view(uow, visit_id)
        visit = uow.session.get(Visit, visit_id)
    assert visit.status.value == "done"
    assert view.status == "handed_over" and view.handed_to == "Budi Santoso"
    assert view.receipt_number == paid.receipt_number and view.paid_total == bill.total
    assert view.timing.minutes == 21 and view.timing.verdict == "within"


def test_a_mismatch_stops_the_visit_at_loket_1(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _checked_at_l1(flow, engine="JFM1E9999999")
    with flow.store.uow(read_only=True) as uow:
        view = f.case_view(uow, visit_id)
    assert view.check is not None and view.check.passed is False
    assert view.check.chassis_match is True and view.check.engine_match is False
    assert view.stop_reason is not None and "nomor mesin JFM1E9999999" in view.stop_reason
    assert "berhenti di loket 1" in view.stop_reason
    assert flow.missing(visit_id, "loket-1") == ["A-001 belum didaftarkan di loket 1 (Daftarkan)"]
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    assert err.value.key == "samsat.check.mismatch"
    assert "JFM1E9999999" in err.value.message() and ENGINE in err.value.message()
    assert _count(flow, StnkCase) == 0
    # a new check belongs to cek fisik, not loket 1: loket 1 sends the visit back there
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, plate=PLATE,
                       actor=flow.officer, now=at(7))
    assert err.value.key == "work.not_here" and "Loket 1 Pendaftaran" in err.value.message()
    flow.transfer("L1", "cek-fisik", 7)
    assert flow.call("CF", 7) == visit_id
    # the officer corrects a misread number: a new check replaces the old one
    with flow.store.uow() as uow:
        again = f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, plate=PLATE,
                               actor=flow.officer, now=at(7))
    assert again.passed is True
    flow.finish("CF", 7)
    assert flow.call("L1", 8) == visit_id
    with flow.store.uow() as uow:
        view = f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer,
                               now=at(8))
    assert view.status == "registered" and view.stop_reason is None
    # even a supervisor's override cannot change the check once the case is registered
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, actor=flow.supervisor,
                       override=True)
    assert err.value.key == "samsat.check.after_registration"
    assert _count(flow, VehicleCheck) == 2


def test_an_unknown_vehicle_is_compared_at_loket_1(flow: Flow) -> None:
    """Cek fisik of a vehicle not found in the register keeps the numbers; loket 1 compares
    them with the entry it finds by plate."""
    visit_id = flow.issue()
    flow.call("CF", 1)
    with flow.store.uow() as uow:
        check = f.record_check(uow, visit_id, chassis="MH1JFM110FK000000", engine=ENGINE,
                               actor=flow.officer, now=at(2))
    assert check.plate is None and check.passed is None and check.chassis_match is None
    flow.register_owner_and_vehicle()
    flow.finish("CF", 3)
    flow.call("L1", 4)
    flow.tick(visit_id)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    assert err.value.key == "samsat.check.mismatch"
    assert "nomor rangka MH1JFM110FK000000" in err.value.message()


def test_a_check_typed_for_another_plate_stops_the_visit(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = flow.issue()
    flow.call("CF", 1)
    with flow.store.uow() as uow:
        check = f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, plate="KB 9 Z",
                               actor=flow.officer, now=at(2))
    assert check.plate == "KB 9 Z" and check.passed is None  # not in the register
    flow.finish("CF", 3)
    flow.call("L1", 4)
    flow.tick(visit_id)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    assert err.value.key == "samsat.check.mismatch"
    assert "kendaraan KB 9 Z, bukan KB 1234 AB" in err.value.message()


def test_an_incomplete_file_changes_nothing(flow: Flow, tmp_path: Path) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _checked_at_l1(flow, ticks=False)
    flow.tick(visit_id, ("cek-fisik", "stnk-asli"))
    before = {m.__name__: _count(flow, m) for m in (StnkCase, Payment, Document, AuditEntry)}
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    assert err.value.key == "samsat.requirements.missing"
    assert err.value.message() == ("persyaratan belum lengkap: Fotokopi BPKB; "
                                   "SKPD / Notice Pajak Asli; Identitas Diri Asli")
    assert {m.__name__: _count(flow, m) for m in (StnkCase, Payment, Document,
                                                   AuditEntry)} == before
    # the existing path: the slip of what is missing, the visit returned
    with flow.store.uow() as uow:
        slip = desk.finish_incomplete(uow, "L1", office_code=OFFICE, actor=flow.officer,
                                      now=at(7), folder=tmp_path)
    assert slip.missing == ("Fotokopi BPKB", "SKPD / Notice Pajak Asli", "Identitas Diri Asli")
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(8))
    assert err.value.key == "samsat.visit.closed"
    assert _count(flow, StnkCase) == 0


def test_lost_stnk_has_its_own_requirements(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _checked_at_l1(flow, ticks=False, service="STNK-HILANG")
    with pytest.raises(LoketError) as err:  # a renewal requirement, not one of these
        flow.tick(visit_id, ("bpkb-fotokopi",))
    assert err.value.key == "desk.unknown_requirement"
    flow.tick(visit_id, ("cek-fisik", "bpkb-asli-fotokopi", "identitas-asli",
                         "surat-kehilangan"))
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    assert err.value.message() == (
        "persyaratan belum lengkap: Surat Keterangan Pajak dari SAMSAT")
    flow.tick(visit_id, ("surat-keterangan-pajak",))
    with flow.store.uow() as uow:
        view = f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer,
                               now=at(6))
    assert view.kind == "lost" and view.ticket == "B-001"


def test_registration_refusals(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    with flow.store.uow() as uow:
        registry.register_person(uow, registry.PersonData("6171014107850002", "Siti Aminah"),
                                 actor=flow.officer, now=at(0))
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, 999, plate=PLATE, nik=NIK, actor=flow.officer)
    assert err.value.key == "samsat.visit.unknown"
    visit_id = flow.issue()
    flow.call("CF", 1)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(2))
    assert err.value.key == "work.not_here"  # registration is loket 1's work
    flow.transfer("CF", "loket-1", 1)  # sent on without a check: loket 1 finds it missing
    flow.call("L1", 1)
    cases = [
        ({"plate": PLATE, "nik": NIK}, "samsat.check.missing"),
        ({"plate": "KB 12345 AB", "nik": NIK}, "id.plate.format"),
        ({"plate": "KB 9 Z", "nik": NIK}, "samsat.vehicle.unknown"),
        ({"plate": PLATE, "nik": "6171011508900009"}, "samsat.person.unknown"),
        ({"plate": PLATE, "nik": "123"}, "id.nik.length"),
        ({"plate": PLATE, "nik": "6171014107850002"}, "samsat.owner.mismatch"),
    ]
    for kwargs, key in cases:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            f.register_case(uow, visit_id, actor=flow.officer, now=at(2), **kwargs)
        assert err.value.key == key, kwargs
    assert _count(flow, StnkCase) == 0
    flow.transfer("L1", "cek-fisik", 2)
    flow.call("CF", 2)
    with flow.store.uow() as uow:
        f.record_check(uow, visit_id, chassis=CHASSIS, engine=ENGINE, actor=flow.officer,
                       now=at(2))
    flow.finish("CF", 2)
    flow.call("L1", 2)
    flow.tick(visit_id)
    with flow.store.uow() as uow:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(6))
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer, now=at(7))
    assert err.value.key == "samsat.case.exists"
    assert _count(flow, StnkCase) == 1


def test_a_vehicle_without_owner_gets_the_registering_owner(flow: Flow) -> None:
    flow.register_owner_and_vehicle(owner_nik=None)
    visit_id = _checked_at_l1(flow)
    with flow.store.uow() as uow:
        view = f.register_case(uow, visit_id, plate=PLATE, nik=NIK, actor=flow.officer,
                               now=at(6))
    assert view.owner["nik"] == NIK and view.vehicle["owner"]["nik"] == NIK


def test_payment_refusals_change_nothing(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    unregistered = flow.issue(minutes=9)
    with flow.store.uow(read_only=True) as uow:
        total = f.bill_for_visit(uow, visit_id, now=at(9)).total
    tables = (Payment, PaymentLine, Document, AuditEntry, StnkCase)
    before = {m.__name__: _count(flow, m) for m in tables}
    cases = [
        (unregistered, {"method": "cash"}, "work.not_here"),  # waiting at cek fisik
        (visit_id, {"method": "cheque"}, "samsat.payment.method"),
        (visit_id, {"method": "transfer"}, "samsat.payment.reference"),
        (visit_id, {"method": "billing", "reference": "  "}, "samsat.payment.reference"),
        (visit_id, {"method": "billing", "reference": "kode billing!"},
         "samsat.payment.reference_format"),
        (visit_id, {"method": "cash", "amount_tendered": "1.000"}, "samsat.payment.tendered"),
        (visit_id, {"method": "cash", "amount_tendered": "12,5"},
         "samsat.payment.tendered_invalid"),
        (visit_id, {"method": "transfer", "reference": "TRX1", "amount_tendered": "900000"},
         "samsat.payment.tendered_cash_only"),
        (visit_id, {"method": "cash", "expected_total": total + 1},
         "samsat.payment.bill_changed"),
    ]
    for target, kwargs, key in cases:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            f.record_payment(uow, target, actor=flow.officer, now=at(10), **kwargs)
        assert err.value.key == key, kwargs
    assert {m.__name__: _count(flow, m) for m in tables} == before
    with flow.store.uow(read_only=True) as uow:
        vehicle = uow.session.scalar(select(Vehicle).where(Vehicle.plate == PLATE))
    assert vehicle.tax_due_on == date(2026, 11, 1)

    with flow.store.uow() as uow:
        paid = f.record_payment(uow, visit_id, method="billing", reference="8201 2026 0001",
                                actor=flow.officer, now=at(10))
    assert paid.reference == "820120260001" and paid.tendered is None and paid.change is None
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_payment(uow, visit_id, method="cash", actor=flow.officer, now=at(11))
    assert err.value.key == "samsat.payment.done"
    assert paid.receipt_number in err.value.message()
    assert _count(flow, Payment) == 1


def test_handover_over_the_standard_and_its_refusals(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_handover(uow, visit_id, handed_to="Budi", endorsed=True, stamped=True,
                          actor=flow.officer, now=at(9))
    assert err.value.key == "work.not_here"  # the hand-over is loket 3's work
    # sent on to loket 3 unpaid: the hand-over refuses, and so does finishing loket 3
    flow.transfer("L2", "loket-3", 9)
    flow.call("L3", 9)
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_handover(uow, visit_id, handed_to="Budi", endorsed=True, stamped=True,
                          actor=flow.officer, now=at(9))
    assert err.value.key == "samsat.handover.unpaid"
    with pytest.raises(LoketError) as err:
        flow.finish("L3", 9)
    assert err.value.key == "work.missing" and "belum dicatat diserahkan" in err.value.message()
    flow.transfer("L3", "loket-2", 9)
    flow.call("L2", 9)
    with flow.store.uow() as uow:
        f.record_payment(uow, visit_id, method="cash", actor=flow.officer, now=at(10))
    flow.finish("L2", 11)
    flow.call("L3", 12)
    for kwargs, key in [
        ({"handed_to": "Budi", "endorsed": True, "stamped": False},
         "samsat.handover.not_endorsed"),
        ({"handed_to": "Budi", "endorsed": False, "stamped": True},
         "samsat.handover.not_endorsed"),
        ({"handed_to": "   ", "endorsed": True, "stamped": True}, "samsat.field.empty"),
    ]:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            f.record_handover(uow, visit_id, actor=flow.officer, now=at(40), **kwargs)
        assert err.value.key == key
    assert flow.missing(visit_id, "loket-3") == [
        "STNK A-001 belum dicatat diserahkan (Serahkan STNK)"]
    with flow.store.uow() as uow:
        handed = f.record_handover(uow, visit_id, handed_to="Andi (kuasa)", endorsed=True,
                                   stamped=True, actor=flow.officer, now=at(45))
    assert handed.timing.minutes == 45 and handed.timing.within is False
    assert handed.timing.verdict == "over"
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_handover(uow, visit_id, handed_to="Budi", endorsed=True, stamped=True,
                          actor=flow.officer, now=at(46))
    assert err.value.key == "samsat.handover.done" and "23-11-2026 09:45" in (
        err.value.message())


def test_a_visit_of_another_service_is_refused(flow: Flow) -> None:
    from app.queue import engine as q

    with flow.store.uow() as uow:
        other = q.issue_ticket(uow, "NPWPD", office_code="BPPD-MALANG", now=at(0)).id
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_check(uow, other, chassis=CHASSIS, engine=ENGINE, actor=flow.officer)
    assert err.value.key == "samsat.visit.not_stnk"


def test_the_office_sets_its_own_number_format(flow: Flow) -> None:
    from db.models import Office

    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)

    def setting(value: dict) -> None:
        with flow.store.uow() as uow:
            office = uow.session.scalar(select(Office).where(Office.code == OFFICE))
            office.settings = {**office.settings, "samsat_numbers": value}
            uow.commit()

    setting({"receipt": "KW-{year}-{n:05d}-{nope}"})
    with flow.store.uow() as uow, pytest.raises(LoketError) as err:
        f.record_payment(uow, visit_id, method="cash", actor=flow.officer, now=at(10))
    assert err.value.key == "samsat.number_format" and "KW-{year}" in err.value.message()
    assert _count(flow, Payment) == 0
    setting({"receipt": "KW-{year}-{n:05d}"})
    with flow.store.uow() as uow:
        paid = f.record_payment(uow, visit_id, method="cash", actor=flow.officer, now=at(10))
    assert paid.receipt_number == "KW-2026-00001"
    assert paid.skpd_number == "000001/SKPD/SAMSAT-PTK1/2026"


def test_an_unpaid_bill_is_cancelled_only_by_a_supervisor_at_the_counter(flow: Flow) -> None:
    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    assert flow.missing(visit_id, "loket-2", "cancelled") == [
        "tagihan A-001 belum dibayar; pembatalan harus dilakukan supervisor dengan alasan "
        "(loket samsat cancel)"]
    with flow.store.uow(read_only=True) as uow:
        assert desk.cancel_needs_supervisor(uow, "L2", office_code=OFFICE)
    for supervisor, key in [(None, "desk.cancel_needs_supervisor"),
                            (("petugas1", "rahasia-123"), "access.role"),
                            (("kepala", "salah-sandi"), "user.bad_login")]:
        with flow.store.uow() as uow, pytest.raises(LoketError) as err:
            desk.cancel_visit(uow, "L2", actor=flow.officer, office_code=OFFICE,
                              reason="batal bayar", supervisor=supervisor, now=at(9))
        assert err.value.key == key
    assert _count(flow, Payment) == 0
    with flow.store.uow(read_only=True) as uow:
        assert uow.session.get(Visit, visit_id).status.value == "called"
        assert uow.session.scalar(select(StnkCase.status)) == "registered"
    with flow.store.uow() as uow:
        done = desk.cancel_visit(uow, "L2", actor=flow.officer, office_code=OFFICE,
                                 reason="batal bayar", supervisor=("kepala", "rahasia-123"),
                                 now=at(10))
    assert done.status == "cancelled"
    with flow.store.uow(read_only=True) as uow:
        assert uow.session.get(Visit, visit_id).status.value == "cancelled"
        assert uow.session.scalar(select(StnkCase.status)) == "cancelled"
        actors = uow.session.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "samsat.cancelled")).all()
    assert actors == ["kepala"]


def test_a_supervisors_take_over_meets_the_same_rule(flow: Flow) -> None:
    """Loket 2's station crashed mid-service: another counter takes the visit over; it may
    not finish it as done unpaid either, and may take the payment as loket 2 would."""
    from app.queue import engine as q

    flow.register_owner_and_vehicle()
    visit_id = _registered_at_l2(flow)
    with flow.store.uow() as uow:
        q.take_over(uow, "A-001", "L3", office_code=OFFICE, actor=flow.supervisor, now=at(12))
    with pytest.raises(LoketError) as err:
        flow.finish("L3", 13)
    assert err.value.key == "work.missing" and "belum dibayar" in err.value.message()
    with flow.store.uow(read_only=True) as uow:
        assert uow.session.get(Visit, visit_id).status.value == "serving"
    with flow.store.uow() as uow:
        f.record_payment(uow, visit_id, method="cash", actor=flow.officer, now=at(14))
    flow.finish("L3", 15)
    assert flow.call("L3", 16) == visit_id  # on to loket 3, as after any payment
