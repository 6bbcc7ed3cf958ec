"""The IKM of a set of questionnaires (PermenPANRB 14/2017), computed exactly.

- NRR of an element = the sum of its answers / the number of questionnaires.
- IKM = the sum over the elements of NRR x weight; the weight is exactly 1/n for n elements
  (all answers 4 -> 100.00), or the rounded weight of the survey definition (0.111 for
  nine elements -> 99.90) for offices that publish with it.
- Converted IKM = IKM x 25, rounded half up to 2 decimals; the grade is read on that
  rounded value, so 88.305 is 88.31 and an A.

Arithmetic is done in fractions, so no float ever decides a grade at a boundary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from app.errors import LoketError
from app.ikm import messages  # noqa: F401  (registers the messages)
from app.ikm.survey import Survey

WEIGHTS = ("exact", "rounded")


def _round(value: Fraction, places: int) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _to_decimal(value: Fraction, places: int) -> Decimal:
    """Exact enough for display: the fraction rounded half up to ``places``."""
    num = Decimal(value.numerator).scaleb(places)
    return (num / value.denominator).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(
        -places)


@dataclass(frozen=True)
class IkmResult:
    survey: str
    respondents: int
    nrr: dict[str, Fraction]  # per element id, exact
    weight: str  # "1/9" or "0.111"
    unit_value: Fraction  # the IKM on the 1-4 scale
    converted: Decimal  # x 25, 2 decimals
    grade: str
    label: str
    label_en: str

    def nrr_decimal(self, element_id: str, places: int = 3) -> Decimal:
        return _to_decimal(self.nrr[element_id], places)

    def to_json(self) -> dict[str, Any]:
        return {
            "survey": self.survey,
            "respondents": self.respondents,
            "nrr": {k: float(self.nrr_decimal(k)) for k in self.nrr},
            "ikm": float(self.converted),
            "ikm_unit": float(_to_decimal(self.unit_value, 3)),
            "grade": self.grade,
            "label": self.label,
            "weight": self.weight,
        }


def _answer(row: int, element: str, value: object) -> int:
    if isinstance(value, bool):
        raise LoketError("ikm.bad_answer", row=row, element=element, value=value)
    if isinstance(value, int) and 1 <= value <= 4:
        return value
    text = str(value).strip()
    if text in {"1", "2", "3", "4"}:
        return int(text)
    raise LoketError("ikm.bad_answer", row=row, element=element, value=str(value)[:20])


def compute_ikm(survey: Survey, questionnaires: Iterable[Mapping[str, object]], *,
                weight: str = "exact") -> IkmResult:
    """The IKM of complete questionnaires (element id -> answer 1-4). Raises
    :class:`LoketError` naming the respondent (1-based) for a bad or missing answer."""
    if weight not in WEIGHTS:
        raise LoketError("ikm.bad_weight", value=weight)
    ids = survey.ids
    totals = dict.fromkeys(ids, 0)
    count = 0
    for row, answers in enumerate(questionnaires, start=1):
        unknown = sorted(set(answers) - set(ids))
        if unknown:
            raise LoketError("ikm.unknown_element", row=row, element=unknown[0],
                             survey=survey.code)
        for element in ids:
            if element not in answers or answers[element] in (None, ""):
                raise LoketError("ikm.missing_answer", row=row, element=element)
            totals[element] += _answer(row, element, answers[element])
        count += 1
    return ikm_from_totals(survey, totals, count, weight=weight)


def ikm_from_totals(survey: Survey, totals: Mapping[str, int], respondents: int, *,
                    weight: str = "exact") -> IkmResult:
    """The IKM from the sum of each element's answers over ``respondents`` complete
    questionnaires (what a database adds up without sending every answer)."""
    if weight not in WEIGHTS:
        raise LoketError("ikm.bad_weight", value=weight)
    if respondents == 0:
        raise LoketError("ikm.no_answers")
    ids = survey.ids
    nrr = {element: Fraction(int(totals.get(element, 0)), respondents) for element in ids}
    if weight == "exact":
        w = Fraction(1, len(ids))
        label = f"1/{len(ids)}"
    else:
        w = Fraction(survey.rounded_weight)
        label = str(survey.rounded_weight)
    unit = sum((value * w for value in nrr.values()), Fraction(0))
    converted = _round(unit * 25, 2)
    grade = survey.grade_of(converted)
    return IkmResult(survey.code, respondents, nrr, label, unit, converted, grade.grade,
                     grade.label,
                     grade.label_en)


# Krejcie & Morgan (1970): chi-square 3.841 (1 d.f., 95 %), P = 0.5, d = 0.05
_CHI2 = Fraction(3841, 1000)
_P = Fraction(1, 2)
_D = Fraction(5, 100)


def krejcie_morgan(population: int) -> int:
    """Minimum sample for a population: 100 -> 80, 500 -> 217, 1,000 -> 278, 10,000 -> 370,
    and 384 for a very large one (the published table is this formula rounded to the
    nearest whole respondent)."""
    if population <= 0:
        return 0
    n = Fraction(population)
    s = _CHI2 * n * _P * (1 - _P) / (_D * _D * (n - 1) + _CHI2 * _P * (1 - _P))
    return min(population, math.floor(s + Fraction(1, 2)))
