"""Bad catalog files are refused with the file and the line of every problem."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.catalog.source import FileProblems
from app.catalog.spec import parse_catalog, parse_stations, read_file

GOOD = """\
format: loket-catalog/1
office:
  code: UJI
  name: Kantor Uji
  zone: WITA
stages:
  - {code: loket-1, name: Loket 1}
counters:
  - {code: L1, name: Loket 1, number: 1, stages: [loket-1]}
services:
  - code: LAYANAN
    name: Layanan Uji
    prefix: A
    stages: [loket-1]
    time_standard: {value: 15, unit: minutes}
    fee: {kind: free}
    requirements: [KTP asli]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, text))
    return [(p.line, p.key) for p in info.value.problems]


def test_good_file_loads(tmp_path: Path) -> None:
    spec = read_file(_write(tmp_path, GOOD))
    assert spec.office.zone.value == "WITA"
    assert spec.services[0].requirements[0].code == "r1"
    assert spec.services[0].time.describe("en") == "15 minutes"


@pytest.mark.parametrize(
    ("old", "new", "line", "key"),
    [
        ("unit: minutes", "unit: minutos", 15, "catalog.choice"),
        ("stages: [loket-1]\n    time", "stages: [loket-9]\n    time", 14, "catalog.unknown_stage"),
        ("prefix: A", "prefix: a1", 13, "catalog.prefix"),
        ("prefix: A", "prefixx: A", 13, "catalog.unknown_field"),
        ("    prefix: A\n", "", 11, "catalog.missing"),
        ("value: 15", "value: lima belas", 15, "catalog.type"),
        ("value: 15", "value: 0", 15, "catalog.positive"),
        ("zone: WITA", "zone: UTC", 5, "catalog.choice"),
        ("format: loket-catalog/1", "format: something/2", 1, "catalog.format"),
        ("fee: {kind: free}", "fee: {kind: fixed, amount: 10.5}", 16, "catalog.money"),
    ],
)
def test_each_problem_names_its_line(tmp_path: Path, old: str, new: str, line: int,
                                     key: str) -> None:
    assert old in GOOD
    assert (line, key) in _problems(tmp_path, GOOD.replace(old, new, 1))


def test_duplicates_name_the_first_line(tmp_path: Path) -> None:
    text = GOOD + GOOD[GOOD.index("  - code: LAYANAN"):]
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, text))
    (problem,) = info.value.problems
    assert problem.key == "catalog.duplicate"
    assert problem.line == 18
    assert problem.params["first"] == 11
    assert problem.message("id").startswith(f"{tmp_path / 'catalog.yaml'}:18: ")
    assert "baris 11" in problem.message("id")
    assert "line 11" in problem.message("en")


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD.replace("  name: Kantor Uji", "  name: [Kantor Uji"))
    assert problems[0][1] == "catalog.yaml"
    assert problems[0][0] >= 4


def test_duplicate_key_is_a_syntax_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD.replace("  zone: WITA", "  zone: WITA\n  zone: WIT"))
    assert problems == [(6, "catalog.yaml")]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblems) as info:
        read_file(tmp_path / "nope.yaml")
    assert info.value.problems[0].key == "catalog.file_missing"


def test_summary_counts_the_rest(tmp_path: Path) -> None:
    bad = GOOD.replace("unit: minutes", "unit: x").replace("prefix: A", "prefix: 1")
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, bad))
    assert "(dan 1 kesalahan lain)" in info.value.summary("id")
    assert "(and 1 more errors)" in info.value.summary("en")


def test_stations_file_validates_devices(tmp_path: Path) -> None:
    data = {"format": "loket-stations/1", "offices": [
        {"office": "UJI", "stations": [
            {"code": "K1", "kind": "kiosk", "devices": {"ticket_printer": "COM3"}},
            {"code": "L1", "kind": "counter"},
        ]}]}
    with pytest.raises(FileProblems) as info:
        parse_stations(data, "s.yaml")
    keys = {p.key for p in info.value.problems}
    assert keys == {"catalog.device", "catalog.missing"}


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["format", "office", "code", "name", "stages",
                                       "services", "counters", "prefix", "time_standard",
                                       "value", "unit", "fee", "kind", "zone", "x"]),
                      children, max_size=6),
    max_leaves=25,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_any_structure_is_either_a_catalog_or_a_list_of_problems(data) -> None:
    """Whatever an office types, the validator answers with problems, never a crash."""
    try:
        parse_catalog(data, "x.yaml")
    except FileProblems as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message("id")
            assert problem.message("en")


@pytest.mark.parametrize("hours", ["{open: '8 pagi', close: '15:00'}",
                                   "{open: '08:00', close: '24:00'}"])
def test_office_hours_are_read_by_the_office_settings_parser(tmp_path: Path,
                                                              hours: str) -> None:
    """``loket catalog check`` refuses hours the office could not read, with the line."""
    text = GOOD.replace("  zone: WITA\n", f"  zone: WITA\n  hours: {hours}\n")
    with pytest.raises(FileProblems) as info:
        read_file(_write(tmp_path, text))
    (problem,) = info.value.problems
    assert (problem.line, problem.key) == (6, "office.bad_setting")
    message = problem.message("en")
    assert message.startswith(f"{tmp_path / 'catalog.yaml'}:6: ") and "'hours'" in message


def test_good_office_hours_load(tmp_path: Path) -> None:
    text = GOOD.replace("  zone: WITA\n", "  zone: WITA\n  hours: {open: '08:00', "
                                          "close: '15:30'}\n")
    assert read_file(_write(tmp_path, text)).office.settings["hours"] == {
        "open": "08:00", "close": "15:30"}


SETTINGS = """\
  settings:
    lock_after_minutes: 10
    events_keep_days: {keep}
    voice: {{muted: false, volume: 60}}
"""


def test_an_office_sets_its_settings_in_its_catalog(tmp_path: Path) -> None:
    """The office's IT person sets the lock screen, the voice, the catch-up window... in the
    catalog file (imported, they are the office's settings), read as the office reads them."""
    from app.office_settings import parse_settings

    text = GOOD.replace("  zone: WITA\n", "  zone: WITA\n" + SETTINGS.format(keep=30))
    settings = read_file(_write(tmp_path, text)).office.settings
    typed = parse_settings(settings)
    assert (typed.lock_after_minutes, typed.events_keep_days, typed.voice.volume) == (10, 30, 60)


@pytest.mark.parametrize(("setting", "line", "key"), [
    ("    events_keep_days: 0\n", 8, "office.bad_setting"),
    ("    lock_after_minute: 10\n", 8, "catalog.unknown_field"),  # a typo is not ignored
    ("    closed_on: '2026-12-06'\n", 8, "catalog.unknown_field"),  # the day close's own
])
def test_a_bad_or_unknown_office_setting_is_refused_with_its_line(
        tmp_path: Path, setting: str, line: int, key: str) -> None:
    text = GOOD.replace("  zone: WITA\n", "  zone: WITA\n  settings:\n    recall_limit: 3\n"
                        + setting)
    assert _problems(tmp_path, text) == [(line, key)]


def test_catalog_settings_reach_the_office_on_import(store) -> None:
    import yaml

    from app.access import Actor
    from app.catalog.service import import_catalog
    from app.catalog.spec import parse_catalog
    from app.office_settings import settings_of
    from db.models import Office

    data = yaml.safe_load(GOOD.replace("  zone: WITA\n", "  zone: WITA\n"
                                       + SETTINGS.format(keep=14)))
    with store.uow() as uow:
        import_catalog(uow, parse_catalog(data, "uji"), actor=Actor.system("test"))
    with store.uow(read_only=True) as uow:
        office = uow.session.query(Office).filter_by(code="UJI").one()
        assert settings_of(office).events_keep_days == 14
        assert settings_of(office).lock_after_minutes == 10
