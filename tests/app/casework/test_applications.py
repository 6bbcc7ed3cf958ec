"""Long-running applications: due dates on the holiday calendar, numbers, disposition,
overdue lists, the receipt PDF and refusals that change nothing."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.access import Actor
from app.casework import applications as A
from app.casework import holidays as H
from app.errors import LoketError
from app.store import Store
from db.models import AuditEntry, Document
from db.models_casework import Application
from tests.helpers import snapshot

MALANG, BATU = "BPPD-MALANG", "BAPENDA-BATU"
NIK = "3573014501900002"


def wib(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    """A WIB wall-clock moment as aware UTC."""
    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Jakarta")).astimezone(UTC)


def register(store: Store, service: str, at: datetime, office: str = MALANG, **kw):
    kw.setdefault("applicant_name", "Siti Aminah")
    kw.setdefault("subject", "Permohonan atas SKPD 2026")
    if service == "KEBERATAN":
        kw.setdefault("amount", "1.500.000")
    with store.uow() as uow:
        return A.register_application(uow, service, office_code=office, actor=Actor("petugas"),
                                      now=at, **kw)


# --- due dates -------------------------------------------------------------------------------


def test_objection_skips_weekend_and_christmas_cuti_bersama(catalog_store: Store) -> None:
    # Friday 18 Dec 2026 + 7 working days: 21, 22, 23, (24 cuti bersama, 25 Natal), 28..31
    info = register(catalog_store, "KEBERATAN", wib(2026, 12, 18))
    assert info.due_on == date(2026, 12, 31)
    assert info.time_text == "7 hari kerja"


def test_received_on_nyepi_counts_after_idul_fitri_cuti_bersama(catalog_store: Store) -> None:
    # 19 Mar 2026 Nyepi; 20, 23, 24 cuti bersama Idul Fitri; 21-22 Idul Fitri (weekend)
    info = register(catalog_store, "PBB-BUKA-BLOKIR", wib(2026, 3, 19), office=BATU)
    assert info.due_on == date(2026, 4, 2)  # 25,26,27,30,31 Mar, 1,2 Apr
    bphtb = register(catalog_store, "BPHTB", wib(2026, 3, 17), office=BATU)
    assert bphtb.due_on == date(2026, 3, 27)  # 25, 26, 27 March


def test_local_holiday_added_by_administrator_moves_the_due_date(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        H.add_holiday(uow, date(2026, 4, 1), "HUT Kota Malang", office_code=MALANG,
                      actor=Actor("admin"))
    malang = register(catalog_store, "KEBERATAN", wib(2026, 3, 19))
    # 25,26,27,30,31 Mar, (1 Apr local day off), 2 Apr, (3 Apr Wafat Yesus Kristus), 6 Apr
    assert malang.due_on == date(2026, 4, 6)
    batu = register(catalog_store, "PBB-BUKA-BLOKIR", wib(2026, 3, 19), office=BATU)
    assert batu.due_on == date(2026, 4, 2)  # Malang's local day is not Batu's


def test_local_holiday_for_all_offices(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        H.add_holiday(uow, date(2026, 12, 30), "Keputusan daerah", actor=Actor("admin"))
    info = register(catalog_store, "PBB-BUKA-BLOKIR", wib(2026, 12, 18), office=BATU)
    assert info.due_on == date(2027, 1, 4)  # 21,22,23,28,29,31 Dec, (1 Jan), 4 Jan


@pytest.mark.parametrize(("service", "received", "due"), [
    # 1 month: 27 May Idul Adha, 28 May cuti bersama -> Friday 29 May
    ("KERINGANAN", (2026, 4, 27), date(2026, 5, 29)),
])
def test_months_move_to_the_next_working_day(catalog_store: Store, service, received,
                                             due) -> None:
    info = register(catalog_store, service, wib(*received))
    assert info.due_on == due
    assert info.decided_by == "Walikota Malang"


def test_months_clamp_to_month_end_and_three_months(catalog_store: Store) -> None:
    # received Saturday 31 Jan 2026 (a letter); 1 month -> 28 Feb (Saturday) -> Monday 2 Mar
    info = register(catalog_store, "PBB-PENGURANGAN", wib(2026, 2, 2),
                    office=BATU, received_at=wib(2026, 1, 31))
    assert info.due_on == date(2026, 3, 2)
    new_object = register(catalog_store, "PBB-OP-BARU", wib(2026, 9, 21), office=BATU)
    assert new_object.due_on == date(2026, 12, 21)
    assert new_object.time_text == "3 bulan"


def test_bps_product_request_ten_working_days(catalog_store: Store) -> None:
    # Monday 10 Aug 2026: 11,12,13,14, (17 Aug Kemerdekaan), 18,19,20,21,24,
    # (25 Aug Maulid Nabi), 26
    info = register(catalog_store, "PENJUALAN-PRODUK", wib(2026, 8, 10), office="BPS-BANTEN")
    assert info.due_on == date(2026, 8, 26)
    assert info.number == "BPS-BANTEN/2026/000001"


def test_due_date_preview_matches_registration(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        preview = A.due_date(uow, "KEBERATAN", office_code=MALANG, received_at=wib(2026, 12, 18))
    assert preview == register(catalog_store, "KEBERATAN", wib(2026, 12, 18)).due_on


def test_only_long_running_services_are_offered(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        malang = [s.code for s in A.long_running_services(uow, office_code=MALANG)]
        batu = [s.code for s in A.long_running_services(uow, office_code=BATU)]
    assert malang == ["KERINGANAN", "KEBERATAN"]
    assert {"PBB-OP-BARU", "PBB-MUTASI", "BPHTB", "PBB-RESTITUSI"} <= set(batu)
    assert "LAPORAN-USAHA" not in batu  # 30 minutes


# --- decider threshold ---------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "decider"), [
    ("2.000.000", "Kepala BPPD Kota Malang"),  # "di atas": the threshold itself is below
    ("Rp 2.000.001", "Walikota Malang"),
    (Decimal("150000"), "Kepala BPPD Kota Malang"),
])
def test_objection_above_two_million_goes_to_the_walikota(catalog_store: Store, amount,
                                                          decider) -> None:
    info = register(catalog_store, "KEBERATAN", wib(2026, 12, 1), amount=amount)
    assert info.decided_by == decider
    assert info.amount == A.parse_amount(amount)


# --- numbers --------------------------------------------------------------------------------


def test_tracking_numbers_unique_and_sequential_per_office_and_year(catalog_store: Store) -> None:
    numbers = [register(catalog_store, "KEBERATAN", wib(2026, 12, 1, 9, n)).number
               for n in range(3)]
    assert numbers == ["BPPD-MALANG/2026/000001", "BPPD-MALANG/2026/000002",
                       "BPPD-MALANG/2026/000003"]
    assert register(catalog_store, "BPHTB", wib(2026, 12, 1), office=BATU).number == \
        "BAPENDA-BATU/2026/000001"
    assert register(catalog_store, "KEBERATAN", wib(2027, 1, 4)).number == \
        "BPPD-MALANG/2027/000001"
    with catalog_store.uow(read_only=True) as uow:
        stored = uow.session.scalars(select(Application.number)).all()
    assert len(stored) == len(set(stored)) == 5


# --- disposition and audit --------------------------------------------------------------------


def test_disposition_trail_status_and_audit(catalog_store: Store) -> None:
    info = register(catalog_store, "KEBERATAN", wib(2026, 12, 1), applicant_nik=NIK)
    assert (info.status, info.holder, info.applicant_nik) == ("received", "petugas", NIK)
    with catalog_store.uow() as uow:
        A.forward(uow, info.number, to="Kasubbid Keberatan", note="mohon telaah",
                  office_code=MALANG, actor=Actor("petugas"), now=wib(2026, 12, 1, 11))
    with catalog_store.uow() as uow:
        A.forward(uow, info.number, to="Tim Peninjau Lapangan", office_code=MALANG,
                  actor=Actor("pengawas"), now=wib(2026, 12, 2, 9))
    with catalog_store.uow() as uow:
        done = A.finish(uow, info.number, outcome="done", note="SKPD dibetulkan",
                        office_code=MALANG, actor=Actor("pengawas"), now=wib(2026, 12, 8, 14))
    assert done.status == "done" and done.status_text == "selesai"
    assert [(s.from_holder, s.to_holder, s.status, s.by) for s in done.steps] == [
        ("", "petugas", "received", "petugas"),
        ("petugas", "Kasubbid Keberatan", "in_progress", "petugas"),
        ("Kasubbid Keberatan", "Tim Peninjau Lapangan", "in_progress", "pengawas"),
        ("Tim Peninjau Lapangan", "Tim Peninjau Lapangan", "done", "pengawas"),
    ]
    assert done.steps[1].note == "mohon telaah" and done.steps[1].at == wib(2026, 12, 1, 11)
    assert done.finished_at == wib(2026, 12, 8, 14) and done.result == "SKPD dibetulkan"
    with catalog_store.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "application", AuditEntry.entity_id == info.number)
            .order_by(AuditEntry.id)).all()
    assert actions == ["application.register", "application.forward", "application.forward",
                       "application.done"]
    # a finished application cannot change any more
    before = snapshot(catalog_store.engine.url.render_as_string(hide_password=False))
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        A.forward(uow, info.number, to="Lagi", office_code=MALANG, actor=Actor("petugas"))
    assert "sudah selesai" in err.value.message("id")
    assert snapshot(catalog_store.engine.url.render_as_string(hide_password=False)) == before


def test_rejection_needs_a_reason(catalog_store: Store) -> None:
    info = register(catalog_store, "KEBERATAN", wib(2026, 12, 1))
    with catalog_store.uow() as uow, pytest.raises(LoketError, match="reason"):
        A.finish(uow, info.number, outcome="rejected", office_code=MALANG, actor=Actor("petugas"))
    with catalog_store.uow() as uow:
        rejected = A.finish(uow, info.number, outcome="rejected", note="lewat 10 hari",
                            office_code=MALANG, actor=Actor("petugas"))
    assert rejected.status_text == "ditolak"


# --- overdue and due soon -----------------------------------------------------------------------


def test_overdue_and_due_soon_at_a_fixed_clock(catalog_store: Store) -> None:
    late = register(catalog_store, "KEBERATAN", wib(2026, 12, 18))  # due Thu 31 Dec
    soon = register(catalog_store, "KEBERATAN", wib(2026, 12, 22))  # due Tue 5 Jan 2027
    finished = register(catalog_store, "KEBERATAN", wib(2026, 12, 17))  # due 30 Dec
    with catalog_store.uow() as uow:
        A.finish(uow, finished.number, office_code=MALANG, actor=Actor("petugas"), now=wib(2026,
                                                                                           12, 21))
    with catalog_store.uow(read_only=True) as uow:
        on_due_day = A.overdue(uow, office_code=MALANG, now=wib(2026, 12, 31, 16))
        after = A.overdue(uow, office_code=MALANG, now=wib(2027, 1, 1, 10))
        upcoming = A.due_soon(uow, office_code=MALANG, now=wib(2026, 12, 30, 9),
                              within_working_days=3)
    assert on_due_day == []  # due on the 31st: on time all that day
    assert [x.number for x in after] == [late.number]
    assert after[0].overdue_by == timedelta(hours=10)  # since 1 Jan 00:00 WIB
    assert after[0].due_at == wib(2026, 12, 31, 17) + timedelta(hours=7)
    # 30 Dec + 3 working days = 5 Jan (31 Dec, (1 Jan), 4, 5 Jan): both due soon, by date
    assert [x.number for x in upcoming] == [late.number, soon.number]
    assert [x.working_days_left for x in upcoming] == [1, 3]


# --- receipt ----------------------------------------------------------------------------------


def test_receipt_pdf_stored_and_read_back(catalog_store: Store) -> None:
    info = register(catalog_store, "KEBERATAN", wib(2026, 12, 18), applicant_nik=NIK,
                    amount="2.500.000", applicant_contact="0812-3456-7890")
    with catalog_store.uow(read_only=True) as uow:
        doc = uow.session.get(Document, info.receipt_document_id)
        pdf = A.receipt_pdf(uow, info.number, office_code=MALANG)
    assert doc is not None and doc.kind == "application_receipt" and doc.number == info.number
    assert doc.data["due_on"] == "2026-12-31"
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for expected in ("TANDA TERIMA PERMOHONAN", "BPPD-MALANG/2026/000001",
                     "Penyelesaian Keberatan Pajak Daerah", "Siti Aminah", NIK,
                     "0812-3456-7890", "Rp2.500.000", "Walikota Malang",
                     "18 Desember 2026 10:00 WIB", "Kamis, 31 Desember 2026", "7 hari kerja",
                     "Halaman 1 dari 1"):
        assert expected in text, expected
    order = [text.index(w) for w in ("Layanan", "Nama Pemohon", "NIK", "Perihal",
                                     "Nilai Ketetapan", "Diputus oleh", "Selesai Paling")]
    assert order == sorted(order)


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("service", "kw", "fragment"), [
    ("NPWPD", {}, "bukan permohonan berjangka"),  # 1 hour: a counter service
    ("TIDAK-ADA", {}, "tidak ada di kantor"),
    ("KEBERATAN", {"amount": None}, "nilai ketetapan wajib"),
    ("KEBERATAN", {"amount": "-5.000"}, "tidak valid"),
    ("KEBERATAN", {"amount": "1.000,50"}, "tidak valid"),
    ("KEBERATAN", {"applicant_nik": "3573019999900002"}, "tanggal lahir"),
    ("KEBERATAN", {"applicant_name": "   "}, "nama pemohon"),
    ("KEBERATAN", {"subject": ""}, "perihal"),
    ("KEBERATAN", {"received_at": datetime(2027, 1, 1, tzinfo=UTC)}, "masa depan"),
])
def test_bad_input_refused_with_nothing_changed(catalog_store: Store, service, kw,
                                                fragment) -> None:
    url = catalog_store.engine.url.render_as_string(hide_password=False)
    before = snapshot(url)
    with pytest.raises(LoketError) as err:
        register(catalog_store, service, wib(2026, 12, 1), **kw)
    assert fragment in err.value.message("id").lower()
    assert snapshot(url) == before
