"""Perforation requests: validation, overlap refusal, time standard, reconciliation,
manual count, pick-up form and the stock book (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.access import Actor
from app.errors import LoketError
from app.perforation import service
from app.queue.engine import resolve_office
from app.store import Store
from db.models import AuditEntry, Document
from db.models_perforation import PerforationRequest
from printing.perforation_documents import stock_book_pdf
from tests.app.perforation.conftest import BATU, NOW, NPWPD, make_request


def _count(store: Store, ref: str, counted: int, minutes: int = 10) -> service.RequestInfo:
    with store.uow() as uow:
        return service.record_manual_count(uow, ref, counted, note="dihitung manual",
                                           actor=Actor("petugas"),
                                           now=NOW + timedelta(minutes=minutes))


def _rows(store: Store) -> int:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(PerforationRequest))


def test_a_request_is_numbered_validated_and_due_by_the_malang_standard(
        catalog_store: Store, make) -> None:
    info = make(sheets="2.500", first="1", last="2500", npwpd=" p.2.0001234.01.02 ",
                name="  Rumah   Makan Sederhana ", series="bon-a", face_value="Rp 5.000")
    assert info.number == "PRF-2026-00001"
    assert (info.npwpd, info.name, info.series) == (NPWPD, "Rumah Makan Sederhana", "BON-A")
    assert info.face_value == Decimal(5000) and info.face_total == Decimal(12_500_000)
    assert info.status == "requested" and info.media_name.startswith("Bon bill")
    # 15 minutes per 1,000 sheets, proportionally: 2,500 sheets -> 37.5 -> 38 minutes
    assert info.allowed_minutes == 38
    assert info.due_at == NOW + timedelta(minutes=38)
    assert info.due_at.utcoffset() == timedelta(hours=7)  # shown in WIB
    assert info.standard == "15 menit per 1.000 lembar"
    second = make(first="2501", last="2600", sheets="100")
    assert second.number == "PRF-2026-00002" and second.allowed_minutes == 2
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "perforation.request")).first()
    assert entry is not None and entry.after["first"] == 1 and entry.actor == "petugas"


def test_batu_counts_its_standard_in_days(catalog_store: Store) -> None:
    info = make_request(catalog_store, office=BATU)
    assert info.standard == "1-3 hari" and info.allowed_minutes is None
    assert info.due_at == NOW + timedelta(days=3)
    assert info.office_code == BATU


@pytest.mark.parametrize(("over", "key"), [
    ({"npwpd": ""}, "perforation.npwpd.empty"),
    ({"npwpd": "ABC"}, "perforation.npwpd.invalid"),
    ({"name": " "}, "perforation.name.empty"),
    ({"media": "koran"}, "perforation.media.unknown"),
    ({"series": "BON A"}, "perforation.series.invalid"),
    ({"first": "12a"}, "perforation.serial.invalid"),
    ({"last": ""}, "perforation.serial.empty"),
    ({"last": "900"}, "perforation.range.reversed"),
    ({"first": "1", "last": "200000", "sheets": "99999"}, "perforation.range.too_long"),
    ({"sheets": "1001"}, "perforation.sheets.over_range"),
    ({"sheets": "998"}, "perforation.sheets.unexplained"),
    ({"sheets": "0"}, "perforation.sheets.invalid"),
    ({"face_value": "5000,50"}, "perforation.face_value.invalid"),
    ({"face_value": "-5000"}, "perforation.face_value.invalid"),
    ({"face_value": ""}, "perforation.face_value.empty"),
])
def test_bad_input_is_refused_with_its_reason_and_nothing_saved(
        catalog_store: Store, make, over: dict, key: str) -> None:
    with pytest.raises(LoketError) as err:
        make(**over)
    assert err.value.key == key
    assert err.value.message("id")  # renders in Indonesian
    assert _rows(catalog_store) == 0


def test_fewer_sheets_than_serials_pass_when_explained(make) -> None:
    info = make(sheets="998", note="nomor 1500 dan 1501 hilang")
    assert info.sheets == 998 and info.sheets_note == "nomor 1500 dan 1501 hilang"


def test_overlapping_serials_of_the_same_taxpayer_media_and_series_are_refused(
        catalog_store: Store, make) -> None:
    first = make()
    with pytest.raises(LoketError) as err:
        make(first="1500", last="2499", sheets="1000", npwpd="P200012340102")
    assert err.value.key == "perforation.overlap"
    assert first.number in err.value.message("id")
    assert _rows(catalog_store) == 1
    # adjacent ranges, another series, another media or another taxpayer are fine
    make(first="2001", last="3000")
    make(series="BON-B")
    make(media="parkir")
    make(npwpd="P.2.0009999.01.02")
    assert _rows(catalog_store) == 5


def test_a_short_reconciled_request_frees_the_serials_never_punched(
        catalog_store: Store, make) -> None:
    info = make()
    _count(catalog_store, info.number, 600)
    with catalog_store.uow() as uow:
        service.reconcile(uow, info.number, damaged=0, actor=Actor("pengawas"), now=NOW)
    with pytest.raises(LoketError):
        make(first="1500", last="1600", sheets="101")  # 1001-1600 were perforated
    again = make(first="1601", last="2000", sheets="400")
    assert again.status == "requested"


def test_a_cancelled_request_frees_its_serials(catalog_store: Store, make) -> None:
    info = make()
    with catalog_store.uow() as uow:
        service.cancel(uow, info.number, reason="salah seri", actor=Actor("pengawas"), now=NOW)
    assert make().status == "requested"


def test_reconciliation_figures(catalog_store: Store, make) -> None:
    info = make()
    _count(catalog_store, info.number, 990, minutes=12)
    with catalog_store.uow() as uow:
        done = service.reconcile(uow, str(info.id), damaged="4", note="4 lembar sobek",
                                 actor=Actor("pengawas"), now=NOW + timedelta(minutes=14))
    assert (done.counted, done.short, done.extra, done.damaged, done.good) == (990, 10, 0, 4, 986)
    assert done.result == "selisih" and done.status == "reconciled"
    assert done.reconciled_by == "pengawas"
    assert done.good_value == Decimal(986 * 5000)
    assert not done.overdue  # 14 minutes of the 15 allowed
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:  # reconciled once
        service.reconcile(uow, info.number, damaged=0, actor=Actor("pengawas"), now=NOW)
    assert err.value.key == "perforation.bad_state"


def test_extra_sheets_and_overdue_are_recorded(catalog_store: Store, make) -> None:
    info = make(sheets="998", note="dua nomor tidak ada")
    _count(catalog_store, info.number, 1000)
    with catalog_store.uow() as uow:
        done = service.reconcile(uow, info.number, actor=Actor("pengawas"),
                                 now=NOW + timedelta(minutes=20))
    assert (done.short, done.extra, done.damaged, done.result) == (0, 2, 0, "selisih")
    assert done.overdue and done.minutes_over == 5


def test_a_perfect_count_matches() -> None:
    figures = service.reconcile_figures(1000, 1000, 0)
    assert figures.result == "sesuai" and figures.good == 1000


def test_damaged_cannot_exceed_the_count(catalog_store: Store, make) -> None:
    info = make()
    _count(catalog_store, info.number, 10)
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
        service.reconcile(uow, info.number, damaged=11, actor=Actor("pengawas"), now=NOW)
    assert err.value.key == "perforation.damaged.invalid"


def test_reconcile_needs_a_count_and_pickup_a_reconciliation(catalog_store: Store,
                                                             make) -> None:
    info = make()
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
        service.reconcile(uow, info.number, actor=Actor("pengawas"), now=NOW)
    assert err.value.key == "perforation.bad_state"
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
        service.pickup(uow, info.number, by="Siti", actor=Actor("petugas"), now=NOW)
    assert err.value.key == "perforation.bad_state"
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
        service.get_request(uow, "PRF-2026-99999")
    assert err.value.key == "perforation.unknown"


def test_pickup_form_is_stored_and_reads_back(catalog_store: Store, make) -> None:
    info = make()
    _count(catalog_store, info.number, 1000)
    with catalog_store.uow() as uow:
        service.reconcile(uow, info.number, damaged=3, actor=Actor("pengawas"),
                          now=NOW + timedelta(minutes=15))
    with pytest.raises(LoketError) as err, catalog_store.uow() as uow:
        service.pickup(uow, info.number, by="  ", actor=Actor("petugas"), now=NOW)
    assert err.value.key == "perforation.pickup_by.invalid"
    with catalog_store.uow() as uow:
        done, pdf = service.pickup(uow, info.number, by="Siti Aminah", actor=Actor("petugas"),
                                   now=NOW + timedelta(hours=2))
    assert done.status == "picked_up" and done.picked_up_by == "Siti Aminah"
    with catalog_store.uow(read_only=True) as uow:
        doc = uow.session.scalars(select(Document).where(
            Document.kind == service.DOCUMENT_KIND)).one()
        assert doc.number == info.number and doc.content == pdf
        assert doc.data["good"] == 997 and done.document_id == doc.id
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "FORMULIR PENGAMBILAN PERFORASI" in text
    for expected in (info.number, NPWPD, "Rumah Makan Sederhana", "BON-A",
                     "1.001 s.d. 2.000", "Rp5.000", "997", "Rp4.985.000", "SELISIH",
                     "Siti Aminah", "Petugas Perforasi", "15 menit per 1.000 lembar",
                     "2 Desember 2026 11:00 WIB"):
        assert expected in text, expected
    # the order on paper follows the panel: request, count, pick-up
    assert text.index("Data Permohonan") < text.index("Hasil Penghitungan") < text.index(
        "Pengambilan")


def test_stock_book_totals_per_media_and_series(catalog_store: Store, make) -> None:
    a = make()  # bon BON-A 1001-2000 @5.000
    b = make(first="2001", last="2500", sheets="500")
    c = make(media="parkir", series="PKR", first="1", last="200", sheets="200",
             face_value="2000")
    pending = make(series="BON-Z")  # not perforated yet: not in the book
    other = make(npwpd="P.2.0009999.01.02")
    for ref, counted, damaged in ((a.number, 1000, 10), (b.number, 500, 0),
                                  (c.number, 190, 0), (other.number, 1000, 0)):
        _count(catalog_store, ref, counted)
        with catalog_store.uow() as uow:
            service.reconcile(uow, ref, damaged=damaged, actor=Actor("pengawas"), now=NOW)
    with catalog_store.uow(read_only=True) as uow:
        book = service.stock_book(uow, "P200012340102", office_code="BPPD-MALANG", now=NOW)
    assert [(g.media, g.series, g.sheets) for g in book.groups] == [
        ("bon", "BON-A", 1490), ("parkir", "PKR", 190)]
    assert [e.number for e in book.groups[0].entries] == [a.number, b.number]
    assert book.groups[0].value == Decimal(1490 * 5000)
    assert book.groups[1].entries[0].perforated_last == 190
    assert book.sheets == 1680 and book.value == Decimal(1490 * 5000 + 190 * 2000)
    assert pending.number not in str(book.to_json())
    with catalog_store.uow(read_only=True) as uow:
        pdf = stock_book_pdf(book, resolve_office(uow.session, "BPPD-MALANG"))
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for expected in ("BUKU PERSEDIAAN", NPWPD, "Seri BON-A", "1.001 s.d. 2.000", "Rp7.450.000",
                     "Rp380.000", "1.680", "Rp7.830.000"):
        assert expected in text, expected
    with pytest.raises(LoketError) as err, catalog_store.uow(read_only=True) as uow:
        service.stock_book(uow, "B.1.0000001.01.01", office_code="BPPD-MALANG")
    assert err.value.key == "perforation.npwpd.none"


def test_overdue_and_visit_lists(catalog_store: Store, make) -> None:
    late = make()  # 15 minutes allowed
    quick = make(first="5001", last="5100", sheets="100")  # 2 minutes
    _count(catalog_store, quick.number, 100, minutes=1)
    with catalog_store.uow() as uow:
        service.reconcile(uow, quick.number, actor=Actor("pengawas"),
                          now=NOW + timedelta(minutes=1))
    with catalog_store.uow(read_only=True) as uow:
        rows = service.list_requests(uow, office_code="BPPD-MALANG", overdue_only=True,
                                     now=NOW + timedelta(minutes=16))
        assert [r.number for r in rows] == [late.number]
        assert rows[0].minutes_over == 1
        assert service.list_requests(uow, office_code="BPPD-MALANG", overdue_only=True,
                                     now=NOW + timedelta(minutes=14)) == []
        assert service.list_requests(uow, office_code="BPPD-MALANG", visit_id=12345) == []
