"""Fixtures of the perforation tests: a request maker and the office clock."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.access import Actor
from app.perforation import service
from app.store import Store

MALANG = "BPPD-MALANG"
BATU = "BAPENDA-BATU"
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # Wednesday 09:00 WIB
NPWPD = "P.2.0001234.01.02"


def request_fields(**over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "npwpd": NPWPD, "name": "Rumah Makan Sederhana", "media": "bon", "series": "BON-A",
        "first": "1001", "last": "2000", "sheets": "1000", "face_value": "5.000"}
    fields.update(over)
    return fields


def make_request(store: Store, office: str = MALANG, now: datetime = NOW,
                 **over: Any) -> service.RequestInfo:
    with store.uow() as uow:
        return service.create_request(uow, office_code=office, actor=Actor("petugas"), now=now,
                                      **request_fields(**over))


@pytest.fixture
def make(catalog_store: Store):
    def _make(**over: Any) -> service.RequestInfo:
        return make_request(catalog_store, **over)

    return _make
