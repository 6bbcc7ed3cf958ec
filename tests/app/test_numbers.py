"""Series numbers count up per office, series and period, on both databases."""

from __future__ import annotations

from app.document_numbers import next_in_series
from app.store import Store
from db.models import Office


def test_series_count_per_period_and_roll_back_with_the_transaction(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        office = uow.session.query(Office).order_by(Office.id).first()
        assert office is not None
        first = [next_in_series(uow.session, office.id, "receipt", "2026") for _ in range(3)]
        other = next_in_series(uow.session, office.id, "receipt", "2027")
        uow.commit()
    assert first == [1, 2, 3]
    assert other == 1
    with catalog_store.uow() as uow:  # not committed: the number is handed out again
        assert next_in_series(uow.session, office.id, "receipt", "2026") == 4
    with catalog_store.uow() as uow:
        assert next_in_series(uow.session, office.id, "receipt", "2026") == 4
