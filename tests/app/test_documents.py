"""An office's letterhead and the issued-documents file."""

from __future__ import annotations

from app.document_archive import find_document, letterhead, save_document
from app.store import Store
from db.models import Office


def test_letterhead_from_the_catalog_and_overridden_by_settings(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code="SAMSAT-PTK1").one()
        head = letterhead(office)
        assert head.name == office.name
        assert "Badan Pendapatan Daerah" in head.parent
        assert "(0561) 731115" in head.contact
        office.settings = {"letterhead": {"parent": "PEMERINTAH PROVINSI KALBAR",
                                          "address": "Jl. Sutoyo 1"}}
        head = letterhead(office)
        assert (head.parent, head.address) == ("PEMERINTAH PROVINSI KALBAR", "Jl. Sutoyo 1")


def test_saved_document_is_found_by_kind_and_number(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).filter_by(code="SAMSAT-PTK1").one()
        doc = save_document(uow.session, office_id=office.id, kind="receipt", number="K-1",
                            pdf=b"%PDF-1.4 test", data={"total": "1000"})
        uow.commit()
        doc_id = doc.id
    with catalog_store.uow(read_only=True) as uow:
        found = find_document(uow.session, office.id, "receipt", "K-1")
        assert found is not None and found.id == doc_id
        assert found.content == b"%PDF-1.4 test" and found.data == {"total": "1000"}
        assert find_document(uow.session, office.id, "receipt", "K-2") is None
