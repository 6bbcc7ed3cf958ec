"""The cek fiskal panel's desk: the check and its letter from units of work of its own, a
refusal unchanged, a lost database as ``db.unreachable``."""

from __future__ import annotations

import pytest

from app.errors import LoketError
from app.stations import fiscal_desk as fd
from app.store import Store
from tests.app.fiscal.test_clearance import NOW, OFFICE, load_samples
from tests.app.stations.conftest import assert_frozen


def _desk(store: Store) -> fd.FiscalDesk:
    return fd.FiscalDesk(store, OFFICE, clock=lambda: NOW)


def test_a_check_and_its_letter_through_the_desk(catalog_store: Store) -> None:
    load_samples(catalog_store)
    desk = _desk(catalog_store)
    result = desk.check("nik", "3671014505900002", purpose="Izin usaha (SIPEKA)",
                        officer="petugas", name="Dewi Lestari")
    assert_frozen(result)
    assert result.result == "clear" and result.result in fd.LETTER_KINDS
    assert result.checked_at_local.tzinfo is not None
    letter = desk.issue_letter(result.check_id, actor="petugas")
    assert_frozen(letter)
    assert letter.kind == "certificate" and letter.pdf.startswith(b"%PDF")
    with pytest.raises(LoketError) as again:  # one letter per check
        desk.issue_letter(result.check_id, actor="petugas")
    assert again.value.key == "fiscal.letter_exists"
    with pytest.raises(LoketError) as bad:
        desk.check("nik", "123", purpose="Izin usaha", officer="petugas")
    assert bad.value.key == "id.nik.length"


def test_a_database_that_cannot_be_reached_is_db_unreachable(lost_store: Store) -> None:
    desk = _desk(lost_store)
    calls = (lambda: desk.check("nik", "3671014505900002", purpose="Izin usaha",
                                officer="petugas"),
             lambda: desk.issue_letter(1, actor="petugas"))
    for call in calls:
        with pytest.raises(LoketError) as lost:
            call()
        assert lost.value.key == "db.unreachable"
