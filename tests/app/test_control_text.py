"""No path writes a control character into a text column (issue 15): what a screen passes on
from a paste is refused by the store's flush check, in words, with nothing kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.errors import LoketError
from app.queue import engine as q
from app.samsat import registry
from app.store import Store
from db.models import AuditEntry, Office, Person

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
OFFICER = q.Actor("petugas")


def counts(store: Store) -> tuple[int, int]:
    with store.uow(read_only=True) as uow:
        return (uow.session.scalar(select(func.count()).select_from(Person)) or 0,
                uow.session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_a_pasted_control_character_is_refused_in_words(catalog_store: Store,
                                                        char: str) -> None:
    before = counts(catalog_store)
    with pytest.raises(LoketError) as caught, catalog_store.uow() as uow:
        registry.register_person(uow, registry.PersonData(
            "6171015508900001", f"Budi{char}Santoso", "Jl. Gajah Mada 1"),
            actor=OFFICER, now=NOW)
    assert caught.value.key == "input.control_text"
    assert f"U+{ord(char):04X}" in caught.value.message()
    assert "Tidak ada yang disimpan" in caught.value.message()
    assert counts(catalog_store) == before


def test_a_changed_value_is_checked_and_line_breaks_pass_where_text_has_lines(
        catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.scalars(select(Office).order_by(Office.id)).first()
        assert office is not None
        office.address = "Jl. Sutoyo\nPontianak\tKalbar"
        uow.commit()
    with pytest.raises(LoketError) as caught, catalog_store.uow() as uow:
        office = uow.session.scalars(select(Office).order_by(Office.id)).first()
        assert office is not None
        office.name = "Samsat\x00"
        uow.commit()
    assert caught.value.key == "input.control_text"
    with pytest.raises(LoketError), catalog_store.uow() as uow:
        office = uow.session.scalars(select(Office).order_by(Office.id)).first()
        assert office is not None
        office.settings = {**office.settings, "ticket_footer": ["a\x00b"]}
        uow.commit()
    with catalog_store.uow(read_only=True) as uow:
        office = uow.session.scalars(select(Office).order_by(Office.id)).first()
        assert office is not None and "\x00" not in office.name
        assert "\n" in office.address
