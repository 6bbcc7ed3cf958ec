"""Survey definitions: data in ``resources/surveys/*.yaml``, validated when loaded.

A definition lists its elements (each with a stable id, its name, its question and the four
answer labels for the values 1-4), the grade bounds on the converted value and the rounded
weight some offices publish with. The 9-element survey of PermenPANRB 14/2017 is the
default; the 14-element KepmenPAN 25/2004 survey is shipped too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from app.catalog.source import Fields, FileProblems, Problem, load_yaml
from app.errors import LoketError
from app.ikm import messages  # noqa: F401  (registers the messages)

SURVEYS = Path(__file__).resolve().parents[2] / "resources" / "surveys"
FORMAT = "loket-survey/1"
DEFAULT_SURVEY = "skm-2017"


@dataclass(frozen=True)
class Element:
    id: str
    name: str
    question: str
    answers: tuple[str, str, str, str]  # labels of the values 1, 2, 3, 4
    name_en: str = ""


@dataclass(frozen=True)
class Grade:
    grade: str  # A-D
    lower: Decimal  # lowest converted value of this grade
    label: str
    label_en: str = ""


@dataclass(frozen=True)
class RespondentField:
    id: str  # age, sex, education, occupation
    name: str
    options: tuple[str, ...]
    name_en: str = ""


@dataclass(frozen=True)
class Survey:
    code: str
    name: str
    elements: tuple[Element, ...]
    grades: tuple[Grade, ...]  # A first
    rounded_weight: Decimal
    name_en: str = ""
    respondent: tuple[RespondentField, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.elements)

    def element(self, element_id: str) -> Element:
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)

    def grade_of(self, converted: Decimal) -> Grade:
        """The grade of a converted value already rounded to 2 decimals."""
        for grade in self.grades:
            if converted >= grade.lower:
                return grade
        return self.grades[-1]


def _decimal(f: Fields, key: str) -> Decimal | None:
    raw = f.text(key)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        f.problem(f.line_of(key), "survey.number", field=f.name(key), value=raw)
        return None
    if not value.is_finite():
        f.problem(f.line_of(key), "survey.number", field=f.name(key), value=raw)
        return None
    return value


def parse_survey(data: Any, file: str) -> Survey:
    sink: list[Problem] = []
    f = Fields(data, "", file, sink, 1)
    if f.ok and f.raw("format") != FORMAT:
        f.problem(f.line_of("format"), "catalog.format", found=f.raw("format"), expected=FORMAT)
    code = f.text("code")
    name = f.text("name")
    name_en = f.text("name_en", required=False)
    rounded = _decimal(f, "rounded_weight")
    elements: list[Element] = []
    seen: list[tuple[str, int]] = []
    for item, line, path in f.items("elements"):
        e = Fields(item, path, file, sink, line)
        element_id = e.text("id")
        answers = e.texts("answers")
        if len(answers) != 4:
            e.problem(e.line_of("answers"), "survey.answers_count", element=element_id,
                      count=len(answers))
        element = Element(element_id, e.text("name"), e.text("question"),
                          tuple([*answers, "", "", "", ""][:4]),  # type: ignore[arg-type]
                          e.text("name_en", required=False))
        e.finish()
        first = next((at for s, at in seen if s == element_id), None)
        if first is not None:
            e.problem(line, "catalog.duplicate", what="id", code=element_id, first=first)
        seen.append((element_id, line))
        elements.append(element)
    grades: list[Grade] = []
    for item, line, path in f.items("grades"):
        g = Fields(item, path, file, sink, line)
        lower = _decimal(g, "from")
        grades.append(Grade(g.text("grade"), lower or Decimal(0), g.text("label"),
                            g.text("label_en", required=False)))
        g.finish()
    respondent: list[RespondentField] = []
    for item, line, path in f.items("respondent", required=False):
        r = Fields(item, path, file, sink, line)
        respondent.append(RespondentField(r.text("id"), r.text("name"),
                                          tuple(r.texts("options")),
                                          r.text("name_en", required=False)))
        r.finish()
    f.finish()
    letters = [g.grade for g in grades]
    bounds = [g.lower for g in grades]
    if grades and (letters != ["A", "B", "C", "D"] or bounds != sorted(bounds, reverse=True)
                   or bounds[-1] != Decimal("25.00")):
        sink.append(Problem(file, f.line_of("grades"), "survey.grades", {}))
    if sink:
        raise FileProblems(sink)
    assert rounded is not None
    return Survey(code, name, tuple(elements), tuple(grades), rounded, name_en,
                  tuple(respondent))


def available() -> list[str]:
    return sorted(p.stem for p in SURVEYS.glob("*.yaml"))


@cache
def load_survey(code: str = DEFAULT_SURVEY) -> Survey:
    """The shipped (or office-edited) definition ``resources/surveys/<code>.yaml``."""
    path = SURVEYS / f"{code}.yaml"
    if not path.is_file():
        raise LoketError("survey.unknown", code=code, choices=", ".join(available()))
    return parse_survey(load_yaml(path), str(path))
