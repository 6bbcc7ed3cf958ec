"""Who may do the tax clearance desk's work (app/access.py), on both databases: a check, its
letter and a reprint are an officer's; importing the tax office's lists and revoking a
letter are a supervisor's. A refusal changes nothing but the one ``access.refused`` audit
entry and says in Indonesian what was refused; who was allowed is audited by user id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.access import Actor
from app.errors import LoketError
from app.fiscal import arrears, clearance
from app.i18n import tr
from app.store import Store
from db.models_fiscal import FiscalCheck, FiscalImportBatch
from tests.helpers import as_actor, last_entry, only_the_refusal_is_kept, user_id

OFFICE = "BAPENDA-BANTEN-FO"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 WIB
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "fiscal"
CLEAR_NIK = "3671014505900002"  # Dewi Lestari: no arrears in the samples
DATA = tr("access.act.data", "id")
CANCEL = "membatalkan pembayaran, surat, NPWPD atau permohonan"





def denied(err: LoketError, name: str, role: str, act: str) -> None:
    """The refusal names the person, their role and the act, then the least role."""
    said = f"{name} ({role}) tidak boleh {act}: "
    assert err.key == "access.role" and err.message().startswith(said), err.message()
    assert "supervisor" in err.message().removeprefix(said)


def load(store: Store, actor: Actor | str, name: str = "pkb-contoh.csv",
         source: str | None = "pkb") -> arrears.ImportResult:
    with store.uow() as uow:
        return arrears.import_extract(uow, (SAMPLES / name).read_bytes(), file_name=name,
                                      source=source, office_code=OFFICE,
                                      actor=as_actor(actor), now=NOW)


def check(store: Store, officer: Actor | str) -> clearance.CheckResult:
    with store.uow() as uow:
        return clearance.check(uow, "nik", CLEAR_NIK, purpose="Izin usaha (SIPEKA)",
                               officer=as_actor(officer), office_code=OFFICE, now=NOW)


def letter(store: Store, check_id: int, actor: Actor | str) -> clearance.LetterResult:
    with store.uow() as uow:
        return clearance.issue_letter(uow, check_id, actor=as_actor(actor), now=NOW)


def revoke(store: Store, code: str, actor: Actor | str, **kw) -> dict:
    with store.uow() as uow:
        return clearance.revoke(uow, code, reason="data salah", actor=as_actor(actor),
                                now=NOW + timedelta(hours=1), **kw)


def issued(store: Store) -> clearance.LetterResult:
    load(store, "pengawas")
    return letter(store, check(store, "petugas").check_id, "petugas")


def test_an_officer_may_not_import_the_tax_offices_lists(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        err, entry = only_the_refusal_is_kept(store, catalog_db_url,
                                              lambda: load(store, "petugas"))
        denied(err, "petugas", "petugas", DATA)
        assert entry.actor == "petugas" and entry.user_id == user_id(store, "petugas")
        assert entry.after == {"act": "data", "reason": "role", "least": "supervisor",
                               "role": "officer"}
        with store.uow(read_only=True) as uow:
            assert arrears.list_batches(uow, office_code=OFFICE) == []


def test_a_supervisor_imports_under_the_user_id(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        supervisor = user_id(store, "pengawas")
        result = load(store, Actor("pengawas", supervisor))
        assert result.batch.imported_by == "pengawas"
        entry = last_entry(store, "fiscal.import")
        assert (entry.actor, entry.user_id) == ("pengawas", supervisor)
        with store.uow(read_only=True) as uow:
            assert uow.session.scalar(select(FiscalImportBatch.user_id)) == supervisor


def test_an_officer_may_not_revoke_a_letter(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        issued_letter = issued(store)
        err, entry = only_the_refusal_is_kept(
            store, catalog_db_url, lambda: revoke(store, issued_letter.code, "petugas"))
        denied(err, "petugas", "petugas", CANCEL)
        assert entry.after["act"] == "cancel" and entry.user_id == user_id(store, "petugas")
        with store.uow(read_only=True) as uow:
            assert clearance.verify(uow, issued_letter.code)["valid"] is True


def test_a_supervisor_revokes_under_the_user_id(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        issued_letter = issued(store)
        answer = revoke(store, issued_letter.display_code, "pengawas")
        assert answer["valid"] is False and answer["revoked_by"] == "pengawas"
        entry = last_entry(store, "fiscal.revoke")
        assert (entry.actor, entry.user_id) == ("pengawas", user_id(store, "pengawas"))


def test_who_revokes_is_asked_before_the_reason(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        issued_letter = issued(store)

        def without_reason(actor: str) -> None:
            with store.uow() as uow:
                clearance.revoke(uow, issued_letter.code, reason=" ", actor=as_actor(actor))

        err, _ = only_the_refusal_is_kept(store, catalog_db_url,
                                          lambda: without_reason("petugas"))
        denied(err, "petugas", "petugas", CANCEL)
        with pytest.raises(LoketError) as missing:
            without_reason("pengawas")
        assert missing.value.key == "fiscal.reason_missing"


def test_an_unknown_name_may_not_do_the_counter_work(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        issued_letter = issued(store)
        other = check(store, "petugas")

        def reprint() -> object:
            with store.uow(read_only=True) as uow:
                return clearance.letter_pdf_of(uow, issued_letter.code, actor=Actor("kasi"))

        for action in (lambda: check(store, "kasi"),
                       lambda: letter(store, other.check_id, "kasi"),
                       reprint):
            err, entry = only_the_refusal_is_kept(store, catalog_db_url, action)
            assert err.key == "access.unknown"
            assert err.message() == ("'kasi' bukan pengguna Loket; masuk dengan nama "
                                     "pengguna yang terdaftar")
            assert entry.after["act"] == "counter_work" and entry.user_id is None


def test_an_officer_checks_issues_and_reprints_under_the_user_id(catalog_db_url: str) -> None:
    with Store.open(catalog_db_url) as store:
        load(store, "pengawas")
        officer = user_id(store, "petugas")
        result = check(store, "petugas")
        assert result.officer == "petugas"
        entry = last_entry(store, "fiscal.check")
        assert (entry.actor, entry.user_id) == ("petugas", officer)
        with store.uow(read_only=True) as uow:
            assert uow.session.get(FiscalCheck, result.check_id).user_id == officer
        issued_letter = letter(store, result.check_id, "petugas")
        entry = last_entry(store, "fiscal.letter")
        assert (entry.actor, entry.user_id) == ("petugas", officer)
        assert issued_letter.data["issued_by"] == "petugas"
        with store.uow(read_only=True) as uow:
            name, pdf = clearance.letter_pdf_of(uow, issued_letter.display_code,
                                                actor=Actor("petugas"))
        assert pdf == issued_letter.pdf and name.endswith(f"{issued_letter.code}.pdf")
