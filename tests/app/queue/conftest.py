"""A Monday morning at Samsat Pontianak (WIB): the clock is passed to every call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.store import Store
from tests.helpers import queue_only

# Monday 23 November 2026, 09:00 WIB
MONDAY_9 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self, minutes: float = 0) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY_9)


@pytest.fixture
def q(catalog_store: Store) -> Store:
    """The office of the engine's tests: its stages do no recorded work (queue_only)."""
    queue_only(catalog_store)
    return catalog_store
