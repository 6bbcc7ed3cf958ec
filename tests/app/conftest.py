"""Fixtures of the command-line tests."""

from __future__ import annotations

import pytest

from app.store import Store
from db.models import Office


@pytest.fixture
def url(catalog_db_url: str) -> str:
    """The seed offices with no service hours set, so they are open whenever a test runs."""
    with Store.open(catalog_db_url) as store, store.uow() as uow:
        for office in uow.session.query(Office):
            office.settings = {}
        uow.commit()
    return catalog_db_url
