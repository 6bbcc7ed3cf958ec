"""The work panels of a counter come from data, by stage, overridable per office."""

from __future__ import annotations

import pytest

from app.catalog.source import FileProblems
from app.desk.panels import panels_for, parse


def test_panels_by_stage_in_order_without_repeats() -> None:
    assert panels_for(["loket-2"]) == ["samsat-payment"]
    assert panels_for(["pelayanan-pdl", "perforasi", "pelayanan-pbb"]) == [
        "npwpd", "tax-payment", "casework", "perforation"]
    assert panels_for(["no-such-stage"]) == []


def test_an_office_setting_overrides_a_stage() -> None:
    settings = {"work_panels": {"loket-2": ["samsat-payment", "fiscal"]}}
    assert panels_for(["loket-2"], settings) == ["samsat-payment", "fiscal"]


def test_a_broken_file_is_refused_with_its_line() -> None:
    with pytest.raises(FileProblems) as err:
        parse({"format": "loket-panels/1", "stages": {"a": [1, {"x": 1}]}, "extra": 1}, "p.yaml")
    assert {p.key for p in err.value.problems} >= {"catalog.type", "catalog.unknown_field"}
