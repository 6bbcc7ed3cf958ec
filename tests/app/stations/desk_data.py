"""The desks' results are plain data with money and zones in them: :func:`assert_plain` of
``conftest`` with :class:`~decimal.Decimal` (rupiah), :class:`~datetime.timedelta` (how late)
and :class:`~zoneinfo.ZoneInfo` (the office's zone) allowed too: values, not ORM objects."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from tests.app.stations.conftest import PLAIN

DESK_PLAIN = (*PLAIN, Decimal, timedelta, ZoneInfo)


def assert_desk_plain(value: object, where: str = "result") -> None:
    """``value`` holds nothing but frozen dataclasses, tuples, dicts and plain values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        assert type(value).__dataclass_params__.frozen, f"{where} is not frozen"  # type: ignore[attr-defined]
        for field in dataclasses.fields(value):
            assert_desk_plain(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, (tuple, list, frozenset)):
        for i, item in enumerate(value):
            assert_desk_plain(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert_desk_plain(key, f"{where} key")
            assert_desk_plain(item, f"{where}[{key!r}]")
    else:
        assert isinstance(value, DESK_PLAIN), f"{where} is a {type(value).__name__}"
