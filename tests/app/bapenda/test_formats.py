"""The NPWPD formats file: patterns, placeholders, dated entries, and what is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from app.bapenda.formats import load_formats, parse_area_code, parse_formats, parse_pattern
from app.errors import LoketError

GOOD = {
    "format": "loket-npwpd/1",
    "tax_types": [{"code": "hotel", "digit": 1, "name": "Pajak Hotel"},
                  {"code": "restoran", "digit": 2, "name": "Pajak Restoran"}],
    "defaults": [{"valid_from": date(2000, 1, 1),
                  "npwpd": "{kind}.{type}.{serial:7}.{district:2}.{village:2}",
                  "npwpd_serial": "never", "letter": "L/{serial:5}/{year}",
                  "assessment": "{doc}/{serial:6}/{year}", "sspd": "SSPD/{serial:6}/{year}"}],
}


def test_the_shipped_file_loads_with_the_default_format() -> None:
    formats = load_formats()
    rules = formats.rules("SOME-OFFICE", date(2026, 11, 23))
    number = rules.npwpd.render({"kind": "P", "type": 2, "serial": 1234, "district": "01",
                                 "village": "02", "year": 2026, "yy": "26", "office": "X"})
    assert number == "P.2.0001234.01.02"
    assert formats.tax_type("restoran").digit == 2
    assert formats.tax_type("Pajak Hotel").code == "hotel"
    assert [a.name for a in formats.rules("BAPENDA-BATU", date(2026, 1, 1)).districts] == [
        "Batu", "Junrejo", "Bumiaji"]


def test_an_office_entry_overrides_the_default_from_its_date() -> None:
    formats = load_formats()
    before = formats.rules("BAPENDA-BATU", date(2024, 9, 26)).letter
    after = formats.rules("BAPENDA-BATU", date(2024, 9, 27)).letter
    assert before.text == "SKT-NPWPD/{serial:5}/{year}"
    assert after.text == "973/{serial:5}/422.203/{year}"


@pytest.mark.parametrize(("key", "pattern", "reason"), [
    ("npwpd", "{kind}.{type}.{district:2}", "no {serial:N}"),
    ("npwpd", "{kind}.{serial:7}.{colour}", "unknown placeholder {colour}"),
    ("npwpd", "{kind}.{serial}", "needs a width"),
    ("npwpd", "{kind:2}.{serial:7}", "takes no width"),
    ("npwpd", "{serial:7}.{serial:3}", "appears twice"),
    ("npwpd", "{kind}.{serial:7", "malformed"),
    ("npwpd", "{serial:13}", "width N of 1-12"),
    ("letter", "L/{serial:5}", "restart every year"),
    ("sspd", "SSPD/{serial:6}/{year}/{doc}", "unknown placeholder {doc}"),
    ("npwpd", "{office}.{office}{serial:12}", "appears twice"),
    ("npwpd", "X" * 35 + "{serial:7}", "at most 40"),
])
def test_bad_patterns_are_refused_with_the_reason(key: str, pattern: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("{", r"\{").replace("}", r"\}")
                       .replace("(", r"\(").replace(")", r"\)")):
        parse_pattern(pattern, key)


def _with(**changes) -> dict:
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in GOOD.items()}
    data["defaults"] = [dict(GOOD["defaults"][0])]
    for key, value in changes.items():
        if key.startswith("d_"):
            data["defaults"][0][key[2:]] = value
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(("data", "entry"), [
    (_with(format="loket-npwpd/2"), "format"),
    (_with(d_npwpd="{kind}.{district:2}"), "defaults #1 npwpd"),
    (_with(d_npwpd_serial="monthly"), "defaults #1 npwpd_serial"),
    (_with(d_npwpd_serial="yearly"), "defaults 2000-01-01"),
    (_with(d_valid_from="2020"), "defaults #1"),
    (_with(tax_types=[{"code": "hotel", "digit": 1, "name": "A"},
                      {"code": "spa", "digit": 1, "name": "B"}]), "tax_types #2"),
    (_with(offices={"X": {"districts": [{"code": "01", "name": "A"},
                                        {"code": "1", "name": "B"}]}}), "offices X districts #2"),
    (_with(offices={"X": {"formats": [{"valid_from": date(2020, 1, 1), "letter": "L"}]}}),
     "offices X formats #1 letter"),
])
def test_a_bad_file_names_the_file_and_the_entry(data: dict, entry: str) -> None:
    with pytest.raises(LoketError) as info:
        parse_formats(data, "formats.yaml")
    assert info.value.key == "bapenda.formats_file"
    assert info.value.params["file"] == "formats.yaml"
    assert info.value.params["entry"] == entry


def test_a_broken_yaml_file_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "formats.yaml"
    bad.write_text("format: loket-npwpd/1\ntax_types: [\n", encoding="utf-8")
    with pytest.raises(LoketError) as info:
        load_formats(bad)
    assert info.value.params["file"] == str(bad)
    assert info.value.params["entry"].startswith("line ")


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    file = tmp_path / "formats.yaml"
    data = _with()
    file.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert load_formats(file).rules("X", date(2026, 1, 1)).npwpd.width("serial") == 7
    data["defaults"][0]["npwpd"] = "{kind}{type}-{serial:9}"
    file.write_text(yaml.safe_dump(data), encoding="utf-8")
    import os

    os.utime(file, (1, 1))  # a different modification time, whatever the clock resolution
    assert load_formats(file).rules("X", date(2026, 1, 1)).npwpd.width("serial") == 9


def test_area_codes_are_padded_and_checked_against_the_office_list() -> None:
    choices = (("01", "Batu"), ("02", "Junrejo"))
    assert parse_area_code("1", 2, "bapenda.bad_district", choices) == "01"
    assert parse_area_code(" 02 ", 2, "bapenda.bad_district", choices) == "02"
    for bad in ("03", "0", "", "123", "1a", "١"):
        with pytest.raises(LoketError) as info:
            parse_area_code(bad, 2, "bapenda.bad_district", choices)
        assert info.value.key == "bapenda.bad_district"


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["npwpd", "letter", "sspd", "assessment"]))
def test_any_pattern_text_is_a_pattern_or_a_value_error(text: str, key: str) -> None:
    try:
        pattern = parse_pattern(text, key)
    except ValueError:
        return
    assert pattern.width("serial")


@settings(max_examples=200, deadline=None)
@given(serial=st.integers(1, 9_999_999), district=st.integers(1, 99),
       village=st.integers(1, 99), kind=st.sampled_from("PB"), digit=st.integers(0, 9))
def test_the_default_format_is_fixed_width_and_reads_back(serial: int, district: int,
                                                           village: int, kind: str,
                                                           digit: int) -> None:
    pattern = parse_pattern("{kind}.{type}.{serial:7}.{district:2}.{village:2}", "npwpd")
    number = pattern.render({"kind": kind, "type": digit, "serial": serial,
                             "district": f"{district:02d}", "village": f"{village:02d}"})
    assert len(number) == 17
    k, t, s, d, v = number.split(".")
    assert (k, int(t), int(s), int(d), int(v)) == (kind, digit, serial, district, village)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), st.integers(-5, 200), st.none()))
def test_any_area_code_is_a_code_or_a_refusal(value: object) -> None:
    try:
        code = parse_area_code(value, 2, "bapenda.bad_village")
    except LoketError as exc:
        assert exc.key == "bapenda.bad_village"
        return
    assert len(code) == 2 and code.isdigit() and code != "00"
