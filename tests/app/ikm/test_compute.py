"""IKM against cases worked out by hand (PermenPANRB 14/2017), and the sample table."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.catalog.source import FileProblems
from app.errors import LoketError
from app.ikm.compute import compute_ikm, krejcie_morgan
from app.ikm.survey import load_survey, parse_survey

SKM = load_survey("skm-2017")


def with_total(n: int, total: int) -> list[dict[str, int]]:
    """``n`` questionnaires whose 9n answers add up to ``total``: every answer starts at 1
    and the rest is added one point at a time, element after element."""
    ids = SKM.ids
    answers = [[1] * len(ids) for _ in range(n)]
    extra = total - 9 * n
    slot = 0
    while extra:
        row, col = divmod(slot % (9 * n), 9)
        if answers[row][col] < 4:
            answers[row][col] += 1
            extra -= 1
        slot += 1
    return [dict(zip(ids, row, strict=True)) for row in answers]


def test_all_answers_four_is_100_with_the_exact_weight_and_99_90_with_0_111() -> None:
    forms = [dict.fromkeys(SKM.ids, 4)] * 3
    exact = compute_ikm(SKM, forms)
    assert exact.converted == Decimal("100.00") and exact.weight == "1/9"
    assert (exact.grade, exact.label) == ("A", "Sangat Baik")
    rounded = compute_ikm(SKM, forms, weight="rounded")
    # 9 elements x NRR 4 x 0.111 = 3.996; x 25 = 99.90
    assert rounded.converted == Decimal("99.90") and rounded.weight == "0.111"


def test_a_worked_example_element_by_element() -> None:
    # two respondents: waktu answered 2 and 3 -> NRR 2.5; every other element 3 and 4 -> 3.5
    one = dict.fromkeys(SKM.ids, 3) | {"waktu": 2}
    two = dict.fromkeys(SKM.ids, 4) | {"waktu": 3}
    result = compute_ikm(SKM, [one, two])
    assert result.respondents == 2
    assert result.nrr["waktu"] == Fraction(5, 2)
    assert result.nrr["sarana"] == Fraction(7, 2)
    # IKM = (8 x 3.5 + 2.5) / 9 = 30.5 / 9 = 3.3889; x 25 = 84.7222 -> 84.72, B
    assert result.converted == Decimal("84.72")
    assert (result.grade, result.label) == ("B", "Baik")
    assert result.to_json()["nrr"]["waktu"] == 2.5


@pytest.mark.parametrize(("n", "total", "value", "grade"), [
    (38, 889, "64.99", "D"),  # 25 x 889 / 342 = 64.985 -> 64.99
    (5, 117, "65.00", "C"),
    (26, 717, "76.60", "C"),  # 76.6026
    (19, 524, "76.61", "B"),  # 76.6082
    (19, 604, "88.30", "B"),  # 88.3041
    (24, 763, "88.31", "A"),  # 88.3102
])
def test_grade_boundaries_on_each_side(n: int, total: int, value: str, grade: str) -> None:
    result = compute_ikm(SKM, with_total(n, total))
    assert sum(result.nrr.values()) * n == total  # the fixture is what it says
    assert result.converted == Decimal(value)
    assert result.grade == grade


def test_the_older_fourteen_element_survey_has_its_own_weight_and_grades() -> None:
    old = load_survey("ikm-2004")
    assert len(old.ids) == 14
    forms = [dict.fromkeys(old.ids, 3)]
    result = compute_ikm(old, forms)
    assert result.weight == "1/14" and result.converted == Decimal("75.00")
    assert result.grade == "B"  # 62.51-81.25 under KepmenPAN 25/2004


@pytest.mark.parametrize(("form", "key"), [
    ({"waktu": 5}, "ikm.bad_answer"),
    ({"waktu": "tiga"}, "ikm.bad_answer"),
    ({"waktu": True}, "ikm.bad_answer"),
    ({"waktu": ""}, "ikm.missing_answer"),
    ({"kecepatan": 3}, "ikm.unknown_element"),
])
def test_bad_answers_are_refused_naming_the_respondent(form: dict, key: str) -> None:
    good = dict.fromkeys(SKM.ids, 3)
    with pytest.raises(LoketError) as err:
        compute_ikm(SKM, [good, good | form])
    assert err.value.key == key and err.value.params["row"] == 2
    with pytest.raises(LoketError) as err:
        compute_ikm(SKM, [])
    assert err.value.key == "ikm.no_answers"


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1,
                max_size=30))
def test_ikm_stays_between_25_and_100(rows: list[list[int]]) -> None:
    result = compute_ikm(SKM, [dict(zip(SKM.ids, row, strict=True)) for row in rows])
    assert Decimal(25) <= result.converted <= Decimal(100)
    assert result.converted == result.converted.quantize(Decimal("0.01"))
    assert result.grade == SKM.grade_of(result.converted).grade


@pytest.mark.parametrize(("population", "sample"), [
    (10, 10), (100, 80), (500, 217), (1000, 278), (5000, 357), (10000, 370),
    (50000, 381), (75000, 382), (1000000, 384), (10**9, 384)])
def test_krejcie_morgan_table(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


def test_a_broken_definition_says_what_and_where() -> None:
    data = {"format": "loket-survey/1", "code": "x", "name": "X", "rounded_weight": "0,111",
            "grades": [{"grade": "A", "from": "50", "label": "a"},
                       {"grade": "B", "from": "60", "label": "b"}],
            "elements": [{"id": "a", "name": "A", "question": "?", "answers": ["1", "2"]},
                         {"id": "a", "name": "A", "question": "?",
                          "answers": ["1", "2", "3", "4"]}]}
    with pytest.raises(FileProblems) as err:
        parse_survey(data, "x.yaml")
    keys = {p.key for p in err.value.problems}
    assert {"survey.number", "survey.answers_count", "catalog.duplicate",
            "survey.grades"} <= keys
