"""Fixtures of the station modules' tests: a database that cannot be reached, and a check
that what a station returns is plain data."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from app.store import Store
from db.engine import make_engine, sqlite_url
from tests.conftest import BACKENDS

PLAIN = (str, int, float, bool, bytes, type(None), datetime, date, time, enum.Enum)


@pytest.fixture(params=BACKENDS)
def lost_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store whose database cannot be reached: no PostgreSQL server listens on port 1,
    and the SQLite "file" is a folder. Nothing connects until a unit of work begins, as
    with a server lost after the station opened."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path)
    else:
        url = "postgresql://loket@127.0.0.1:1/loket"
    store = Store(make_engine(url))
    yield store
    store.close()


def assert_plain(value: object, where: str = "result") -> None:
    """``value`` holds nothing but frozen dataclasses, tuples, lists, dicts and plain values
    (no ORM object, no session): a widget may keep it after the unit of work ended."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            assert_plain(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, (tuple, list, frozenset, set)):
        for i, item in enumerate(value):
            assert_plain(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert_plain(key, f"{where} key")
            assert_plain(item, f"{where}[{key!r}]")
    else:
        assert isinstance(value, PLAIN), f"{where} is a {type(value).__name__}"


def assert_frozen(value: object) -> None:
    """A frozen dataclass: a widget cannot change what the station read."""
    assert dataclasses.is_dataclass(value) and not isinstance(value, type)
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, getattr(value, field))
