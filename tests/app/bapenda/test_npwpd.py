"""NPWPD registration, its letter and card, and deactivation (both databases)."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from app.access import Actor
from app.bapenda import taxpayers as tp
from app.errors import LoketError
from app.spool import Spool, failed_jobs
from app.store import Store
from db.models import AuditEntry, DeviceJob, Document, NumberSequence, Person
from db.models_bapenda import Taxpayer
from tests.app.bapenda.conftest import (
    BATU,
    MALANG,
    MALANG_ALL,
    MONDAY_9,
    NIK_BUDI,
    NIK_SITI,
    business,
    personal,
)
from tests.helpers import last_entry, snapshot, user_id


def _register(store: Store, reg=None, office: str = BATU, **kw) -> tp.TaxpayerInfo:
    with store.uow() as uow:
        return tp.register(uow, reg or personal(), office_code=office, actor=Actor("petugas"),
                           now=kw.pop("now", MONDAY_9), **kw)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_personal_taxpayer_gets_the_default_format_and_a_letter(catalog_store: Store) -> None:
    info = _register(catalog_store)
    assert info.npwpd == "P.2.0000001.01.02"  # restoran = 2, district 1 -> 01, village 2 -> 02
    assert (info.kind, info.name, info.nik, info.status) == ("P", "Siti Rahmawati", NIK_SITI,
                                                             "active")
    assert info.district_name == "Batu" and info.registered_local == "2026-11-23 09:00 WIB"
    with catalog_store.uow(read_only=True) as uow:
        s = uow.session
        row = s.scalar(select(Taxpayer))
        assert row.registered_by == "petugas" and row.registered_at == MONDAY_9
        assert s.scalar(select(Person.name).where(Person.nik == NIK_SITI)) == "Siti Rahmawati"
        letter = s.scalar(select(Document).where(Document.kind == tp.LETTER_KIND))
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "npwpd.register"))
    assert letter.number == info.letter_number == "973/00001/422.203/2026"
    assert entry.after["npwpd"] == info.npwpd and entry.actor == "petugas"
    text = _pdf_text(letter.content)
    for expected in ("SURAT KETERANGAN TERDAFTAR", info.npwpd, "Siti Rahmawati", NIK_SITI,
                     "Pajak Restoran", "Jl. Bromo 3, Sisir", "01 Batu", "23 November 2026",
                     "Halaman 1 dari 1", "973/00001/422.203/2026"):
        assert expected in text, expected
    # the data in the order of the form: NPWPD, kind, NIK, name, tax type, address ...
    positions = [text.index(x) for x in ("NPWPD", "Pribadi", NIK_SITI, "Siti Rahmawati",
                                         "Pajak Restoran", "Jl. Bromo")]
    assert positions == sorted(positions)


def test_a_business_taxpayer_has_its_owner_and_numbers(catalog_store: Store) -> None:
    info = _register(catalog_store, business())
    assert info.npwpd == "B.1.0000001.01.05"
    assert (info.name, info.owner_name) == ("Hotel Kusuma Agrowisata", "Budi Santoso")
    assert (info.nib, info.npwp) == ("9120001234567", "012345678901000")
    with catalog_store.uow(read_only=True) as uow:
        letter = uow.session.scalar(select(Document.content).where(
            Document.kind == tp.LETTER_KIND))
    text = _pdf_text(letter)
    for expected in ("Badan Usaha", "Nama Pemilik", "Budi Santoso", "Hotel Kusuma Agrowisata",
                     "9120001234567", "Pajak Hotel"):
        assert expected in text


def test_serials_run_on_per_office_and_two_registrations_never_share_a_number(
        catalog_store: Store) -> None:
    first = _register(catalog_store)
    second = _register(catalog_store, personal(tax_type="hotel"))
    third = _register(catalog_store, business())
    other_office = _register(catalog_store, personal(district="05", village="11",
                                                     requirements=MALANG_ALL), office=MALANG)
    assert [first.npwpd, second.npwpd, third.npwpd] == [
        "P.2.0000001.01.02", "P.1.0000002.01.02", "B.1.0000003.01.05"]
    assert other_office.npwpd == "P.2.0000001.05.11"  # Malang counts its own
    assert other_office.letter_number == "973/00001/35.73.405/2026"
    with catalog_store.uow(read_only=True) as uow:
        numbers = uow.session.scalars(select(Taxpayer.npwpd)).all()
    assert len(numbers) == len(set(numbers)) == 4


def test_the_same_nik_and_tax_type_twice_is_refused(catalog_store: Store) -> None:
    first = _register(catalog_store)
    with pytest.raises(LoketError) as info:
        _register(catalog_store)
    assert info.value.key == "bapenda.nik_registered"
    assert first.npwpd in info.value.message()


@pytest.mark.parametrize(("changes", "key"), [
    ({"kind": "X"}, "bapenda.bad_kind"),
    ({"nik": "123"}, "id.nik.length"),
    ({"nik": "3579019999900002"}, "id.nik.birth_date"),
    ({"name": "  "}, "bapenda.name_required"),
    ({"tax_type": "pbb"}, "bapenda.bad_tax_type"),
    ({"address": ""}, "bapenda.address_required"),
    ({"district": "7"}, "bapenda.bad_district"),  # Kota Batu has districts 01-03
    ({"village": "abc"}, "bapenda.bad_village"),
    ({"npwp": "12345"}, "bapenda.bad_npwp"),
    ({"nib": "12"}, "bapenda.bad_nib"),
    ({"phone": "call me"}, "bapenda.bad_phone"),
    ({"requirements": ["ktp", "kk"]}, "bapenda.requirements_missing"),
    ({"requirements": ["paspor"]}, "bapenda.unknown_requirement"),
    ({"kind": "B"}, "bapenda.business_name_required"),
])
def test_refused_input_changes_nothing(url: str, changes: dict, key: str) -> None:
    before = snapshot(url)
    with Store.open(url) as store, pytest.raises(LoketError) as info:
        _register(store, personal(**changes))
    assert info.value.key == key
    assert info.value.message()  # an Indonesian reason
    assert snapshot(url) == before


def test_missing_requirements_are_named_and_depend_on_the_kind(catalog_store: Store) -> None:
    with pytest.raises(LoketError) as info:
        _register(catalog_store, business(requirements=["form-pendaftaran", "ktp", "kk",
                                                        "izin-usaha"]))
    assert "akte pendirian" in info.value.message()
    with catalog_store.uow(read_only=True) as uow:
        personal_list = tp.registration_checklist(uow, "P", office_code=BATU)
        business_list = tp.registration_checklist(uow, "B", office_code=BATU)
    assert {i.code for i in personal_list if i.needed} == {
        "form-pendaftaran", "ktp", "kk", "izin-usaha", "pas-foto"}
    assert {i.code for i in business_list if i.needed} == {
        "form-pendaftaran", "ktp", "kk", "izin-usaha", "akte-pendirian"}


def test_a_serial_that_outgrows_its_width_is_refused_and_not_used(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office_id = uow.session.scalar(select(Taxpayer.office_id).limit(1))  # none yet
        assert office_id is None
        from db.models import Office

        batu = uow.session.scalar(select(Office.id).where(Office.code == BATU))
        uow.session.add(NumberSequence(office_id=batu, series="npwpd", period="",
                                       last_no=9_999_999))
        uow.commit()
    with pytest.raises(LoketError) as info:
        _register(catalog_store)
    assert info.value.key == "bapenda.serial_exhausted"
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(Taxpayer.id))) == 0
        assert uow.session.scalar(select(NumberSequence.last_no).where(
            NumberSequence.series == "npwpd")) == 9_999_999


# --- deactivation ------------------------------------------------------------------------------


def test_deactivation_with_its_reason_is_audited_and_happens_once(catalog_store: Store) -> None:
    info = _register(catalog_store)
    later = MONDAY_9 + timedelta(days=3)
    with catalog_store.uow() as uow:
        done = tp.deactivate(uow, info.npwpd, "usaha tutup", office_code=BATU,
                             actor=Actor("pengawas"), now=later)
    assert (done.status, done.deactivation_reason, done.deactivation_label) == (
        "inactive", "usaha-tutup", "Usaha tutup")
    assert done.deactivated_at == later
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "npwpd.deactivate"))
    assert entry.before == {"status": "active"} and entry.after["reason"] == "usaha-tutup"
    with pytest.raises(LoketError) as again, catalog_store.uow() as uow:
        tp.deactivate(uow, info.npwpd, "ganda", office_code=BATU, actor=Actor("pengawas"),
                      now=later)
    assert again.value.key == "bapenda.already_inactive"
    assert "2026-11-26" in again.value.message()


@pytest.mark.parametrize(("reason", "note", "key"), [
    ("bangkrut", "", "bapenda.bad_reason"),
    ("lainnya", "  ", "bapenda.reason_note_required"),
])
def test_a_bad_reason_is_refused(catalog_store: Store, reason: str, note: str,
                                 key: str) -> None:
    info = _register(catalog_store)
    with pytest.raises(LoketError) as exc, catalog_store.uow() as uow:
        tp.deactivate(uow, info.npwpd, reason, note=note, office_code=BATU,
                      actor=Actor("pengawas"))
    assert exc.value.key == key
    with catalog_store.uow(read_only=True) as uow:
        assert tp.show(uow, info.npwpd, office_code=BATU).status == "active"


def test_lainnya_keeps_its_note_and_the_death_certificate_is_required(
        catalog_store: Store) -> None:
    a = _register(catalog_store)
    b = _register(catalog_store, personal(nik=NIK_BUDI, name="Budi"))
    with catalog_store.uow() as uow:
        info = tp.deactivate(uow, a.npwpd, "lainnya", note="salah input jenis pajak",
                             office_code=BATU, actor=Actor("pengawas"))
    assert info.deactivation_note == "salah input jenis pajak"
    with pytest.raises(LoketError) as exc, catalog_store.uow() as uow:
        tp.deactivate(uow, b.npwpd, "meninggal", requirements=["surat-permohonan",
                                                               "kartu-npwpd"],
                      office_code=BATU, actor=Actor("pengawas"))
    assert exc.value.key == "bapenda.requirements_missing"
    assert "kematian" in exc.value.message()


# --- the card ---------------------------------------------------------------------------


def test_the_card_goes_through_the_spool_to_a_pdf_folder(catalog_store: Store,
                                                         tmp_path: Path) -> None:
    info = _register(catalog_store)
    folder = tmp_path / "kartu"
    result = tp.print_card(catalog_store, info.npwpd, f"card+pdf://{folder}",
                           office_code=BATU, actor=Actor("petugas"), now=MONDAY_9)
    assert result.state == "done"
    pdf = folder / f"npwpd-{info.npwpd}.pdf"
    text = PdfReader(pdf).pages[0].extract_text()
    assert "KARTU NPWPD" in text and info.npwpd in text and "Siti Rahmawati" in text
    with catalog_store.uow(read_only=True) as uow:
        job = uow.session.scalar(select(DeviceJob))
    assert (job.job_kind, job.state.value) == ("card.npwpd", "done")
    assert json.loads(job.payload)["npwpd"] == info.npwpd
    queued = last_entry(catalog_store, "print.queued")  # who asked, by user id too
    assert (queued.actor, queued.user_id) == ("petugas", user_id(catalog_store, "petugas"))


def test_a_failed_card_print_is_kept_and_can_be_printed_again(catalog_store: Store,
                                                              tmp_path: Path) -> None:
    info = _register(catalog_store)
    cards = tmp_path / "sim"
    failed = tp.print_card(catalog_store, info.npwpd, f"sim://?dir={cards}&fault=card_out",
                           office_code=BATU, actor=Actor("petugas"), now=MONDAY_9)
    assert (failed.state, failed.condition) == ("failed", "media_out")
    assert not cards.exists() or not list(cards.glob("*.pdf"))
    with catalog_store.uow(read_only=True) as uow:
        kept = failed_jobs(uow, job_kind="card.npwpd")
        assert [j.id for j in kept] == [failed.id]
        assert [j.id for j in tp.card_jobs(uow, info.npwpd, office_code=BATU)] == [failed.id]
    again = tp.print_card(catalog_store, info.npwpd, f"sim://?dir={cards}", office_code=BATU,
                          reprint=True, actor=Actor("petugas"), now=MONDAY_9 + timedelta(minutes=5))
    assert again.state == "done"
    assert (cards / f"npwpd-{info.npwpd}.pdf").read_bytes().startswith(b"%PDF")
    with catalog_store.uow(read_only=True) as uow:
        kinds = uow.session.scalars(select(DeviceJob.job_kind).order_by(DeviceJob.id)).all()
    assert kinds == ["card.npwpd", "card.npwpd.reprint"]


def test_a_queued_card_can_wait_for_the_spool(catalog_store: Store, tmp_path: Path) -> None:
    info = _register(catalog_store)
    job = tp.queue_card(catalog_store, info.npwpd, f"card+pdf://{tmp_path}", office_code=BATU,
                        actor=Actor("petugas"), now=MONDAY_9)
    [result] = Spool(catalog_store).run_due(MONDAY_9)
    assert (result.id, result.state) == (job, "done")


def test_no_card_printer_and_an_inactive_taxpayer_are_refused(catalog_store: Store) -> None:
    info = _register(catalog_store)
    with pytest.raises(LoketError) as none:
        tp.queue_card(catalog_store, info.npwpd, office_code=BATU, actor=Actor("petugas"))
    assert none.value.key == "bapenda.no_card_printer"
    with pytest.raises(LoketError) as bad:
        tp.queue_card(catalog_store, info.npwpd, "card+fax://x", office_code=BATU,
                      actor=Actor("petugas"))
    assert bad.value.key == "device.bad_connection"
    with catalog_store.uow() as uow:
        tp.deactivate(uow, info.npwpd, "ganda", office_code=BATU, actor=Actor("pengawas"))
    with pytest.raises(LoketError) as inactive:
        tp.queue_card(catalog_store, info.npwpd, "sim://", office_code=BATU, actor=Actor("petugas"))
    assert inactive.value.key == "bapenda.already_inactive"
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count(DeviceJob.id))) == 0


def test_find_by_npwpd_without_dots(catalog_store: Store) -> None:
    info = _register(catalog_store)
    with catalog_store.uow(read_only=True) as uow:
        assert tp.show(uow, "p200000010102", office_code=BATU).npwpd == info.npwpd
        with pytest.raises(LoketError) as exc:
            tp.show(uow, "P.2.0000009.01.02", office_code=BATU)
    assert exc.value.key == "bapenda.unknown_npwpd"


# --- properties ---------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_the_form_validators_never_raise_anything_but_loket_error(a: str, b: str,
                                                                  c: str) -> None:
    for parse, value in ((tp.parse_kind, a), (tp.parse_nib, b), (tp.parse_npwp, c),
                         (tp.parse_phone, a + b)):
        try:
            parse(value)
        except LoketError as exc:
            assert exc.message()


def test_the_visit_ticks_at_the_counter_are_the_checklist(catalog_store: Store) -> None:
    from app.desk import visit as desk
    from app.queue import engine as q

    with catalog_store.uow() as uow:
        visit = q.issue_ticket(uow, "NPWPD-DAFTAR", office_code=BATU, now=MONDAY_9).id
    with catalog_store.uow() as uow:  # loket 3 (pelayanan-pdl) serves it: the NPWPD desk
        q.call_ticket(uow, "L3", "C-001", office_code=BATU, actor=q.Actor("petugas"),
                      now=MONDAY_9)
    for code in ("form-pendaftaran", "ktp", "kk", "izin-usaha"):
        with catalog_store.uow() as uow:
            desk.set_requirement(uow, visit, code, True, actor=q.Actor("petugas"), now=MONDAY_9)
    with pytest.raises(LoketError) as missing:
        _register(catalog_store, personal(requirements=None), visit_id=visit)
    assert "Pas foto" in missing.value.message()
    with catalog_store.uow() as uow:
        desk.set_requirement(uow, visit, "pas-foto", True, actor=q.Actor("petugas"), now=MONDAY_9)
    info = _register(catalog_store, personal(requirements=None), visit_id=visit)
    assert set(info.requirements) == {"form-pendaftaran", "ktp", "kk", "izin-usaha", "pas-foto"}
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(Taxpayer.visit_id)) == visit
        assert uow.session.scalar(select(Document.visit_id).where(
            Document.kind == tp.LETTER_KIND)) == visit


def test_a_dated_yearly_format_restarts_its_serial_each_year(catalog_store: Store) -> None:
    from datetime import date

    from app.bapenda.formats import load_formats, parse_formats

    shipped = load_formats()
    formats = parse_formats({
        "format": "loket-npwpd/1",
        "tax_types": [{"code": t.code, "digit": t.digit, "name": t.name}
                      for t in shipped.tax_types],
        "defaults": [{"valid_from": date(2000, 1, 1), "npwpd": "{kind}.{serial:7}",
                      "npwpd_serial": "never", "letter": "L/{serial:4}/{year}",
                      "assessment": "{doc}/{serial:6}/{year}", "sspd": "S/{serial:6}/{yy}"},
                     {"valid_from": date(2027, 1, 1), "npwpd_serial": "yearly",
                      "npwpd": "{kind}{type}/{serial:5}/{district:2}{village:2}/{yy}"}],
    }, "test")
    old = _register(catalog_store, formats=formats)
    jan = MONDAY_9.replace(year=2027, month=1, day=4)
    first = _register(catalog_store, personal(tax_type="hotel"), formats=formats, now=jan)
    second = _register(catalog_store, personal(tax_type="parkir"), formats=formats, now=jan)
    assert old.npwpd == "P.0000001" and old.letter_number == "L/0001/2026"
    assert (first.npwpd, second.npwpd) == ("P1/00001/0102/27", "P6/00002/0102/27")
    assert first.letter_number == "L/0001/2027"


def test_registrations_at_the_same_moment_never_share_a_number(catalog_store: Store) -> None:
    import threading

    numbers: list[str] = []
    errors: list[BaseException] = []

    def counter(start: int) -> None:
        for i in range(start, start + 3):
            try:
                info = _register(catalog_store, personal(nik=f"357901450790{i:04d}",
                                                         name=f"WP {i}"))
                numbers.append(info.npwpd)
            except BaseException as exc:  # reported below
                errors.append(exc)

    threads = [threading.Thread(target=counter, args=(1 + 3 * k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(numbers) == len(set(numbers)) == 12
    assert sorted(int(n.split(".")[2]) for n in numbers) == list(range(1, 13))
