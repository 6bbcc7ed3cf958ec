"""NIK, plate and NOP as officers type them: normalised, or refused with a clear reason."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import LoketError
from app.identifiers import PROVINCES, parse_nik, parse_nop, parse_plate

TODAY = date(2026, 11, 22)


def test_nik_of_a_woman_born_in_1985_in_pontianak() -> None:
    nik = parse_nik("6171 0552 0785 0003", today=TODAY)  # day 52 = 12 + 40
    assert (nik.value, nik.province, nik.birth_date, nik.female) == (
        "6171055207850003", 61, date(1985, 7, 12), True)
    man = parse_nik("6171.01.120585.0001", today=TODAY)
    assert (man.birth_date, man.female) == (date(1985, 5, 12), False)
    child = parse_nik("6171011203200001", today=TODAY)
    assert child.birth_date == date(2020, 3, 12)


@pytest.mark.parametrize(("text", "key"), [
    ("", "id.nik.empty"), ("61710112058500O1", "id.nik.digits"),
    ("617101120585000", "id.nik.length"), ("9971011205850001", "id.nik.province"),
    ("6100011205850001", "id.nik.region"), ("6171013202850001", "id.nik.birth_date"),
    ("6171017202850001", "id.nik.birth_date"), ("6171011213850001", "id.nik.birth_date"),
    ("6171013102850001", "id.nik.birth_date"),  # 31 February
    ("6171011212260001", "id.nik.birth_date"),  # 12 December 2026: after today
    ("6171011205850000", "id.nik.serial"),
])
def test_bad_niks_say_why(text: str, key: str) -> None:
    with pytest.raises(LoketError) as info:
        parse_nik(text, today=TODAY)
    assert info.value.key == key
    assert info.value.message()  # an Indonesian sentence, not a KeyError


@st.composite
def niks(draw) -> tuple[str, date, bool]:
    province = draw(st.sampled_from(sorted(PROVINCES)))
    born = draw(st.dates(min_value=date(1927, 1, 1), max_value=TODAY))
    female = draw(st.booleans())
    text = (f"{province:02d}{draw(st.integers(1, 99)):02d}{draw(st.integers(1, 99)):02d}"
            f"{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}"
            f"{draw(st.integers(1, 9999)):04d}")
    return text, born, female


@given(niks())
def test_every_well_formed_nik_reads_back(case) -> None:
    text, born, female = case
    nik = parse_nik(text, today=TODAY)
    assert (nik.birth_date, nik.female, nik.value) == (born, female, text)


@given(st.text(max_size=30))
def test_no_string_breaks_the_validators(text: str) -> None:
    for parse in (lambda t: parse_nik(t, today=TODAY), parse_plate, parse_nop):
        try:
            parse(text)
        except LoketError as exc:
            assert exc.message()


@pytest.mark.parametrize(("text", "plate"), [
    ("KB 1234 AB", "KB 1234 AB"), ("kb1234ab", "KB 1234 AB"), ("B 1 X", "B 1 X"),
    ("DK-4567", "DK 4567"), ("  n  12  abc ", "N 12 ABC"),
])
def test_plates_are_normalised(text: str, plate: str) -> None:
    assert str(parse_plate(text)) == plate


@pytest.mark.parametrize(("text", "key"), [
    ("", "id.plate.empty"), ("KB 12345 A", "id.plate.format"), ("KB 0123 A", "id.plate.format"),
    ("KB 1234 ABCD", "id.plate.format"), ("KBX 1 A", "id.plate.format"),
    ("RI 1", "id.plate.state"), ("CD 12 34", "id.plate.format"), ("CD 1234", "id.plate.diplomatic"),
    ("1234-00", "id.plate.military"), ("КВ 1234 АВ", "id.plate.format"),  # Cyrillic look-alikes
])
def test_bad_plates_say_why(text: str, key: str) -> None:
    with pytest.raises(LoketError) as info:
        parse_plate(text)
    assert info.value.key == key


def test_nop_is_shown_in_its_usual_form() -> None:
    nop = parse_nop("35.79.010.001.001-0001.0")
    assert (nop.value, str(nop), nop.province) == (
        "357901000100100010", "35.79.010.001.001-0001.0", 35)
    for text, key in (("3579010001001000", "id.nop.length"),
                      ("997901000100100010", "id.nop.province"), ("", "id.nop.empty")):
        with pytest.raises(LoketError) as info:
            parse_nop(text)
        assert info.value.key == key
