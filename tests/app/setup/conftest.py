"""Every set-up test runs in its own LOKET_HOME, with no LOKET_DB, and a key store in memory
unless it says otherwise (the fixtures are in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated(home, keystore) -> None:
    """Both for every test here."""
