"""Fixtures of the command-line tests."""

from __future__ import annotations

import pytest

from app.store import Store
from db.models import Office
from tests.helpers import login


@pytest.fixture
def url(catalog_db_url: str) -> str:
    """The seed offices with no service hours set, so they are open whenever a test runs;
    and the command line signed in there as the catalogs' administrator (``loket login
    admin``, kept in memory for this test), so commands act as a verified person. Tests of
    who may act (test_cli_access.py) sign in or out themselves."""
    with Store.open(catalog_db_url) as store, store.uow() as uow:
        for office in uow.session.query(Office):
            office.settings = {}
        uow.commit()
    login(catalog_db_url, "admin")
    return catalog_db_url
