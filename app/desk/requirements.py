"""A visit's requirements checklist: the service's requirements and the officer's ticks.

Ticks live in ``Visit.data["requirements"]`` as ``{code: {"by", "user_id", "at"}}``. Read
here by the counter console (:mod:`app.desk.visit`), the Samsat registration and the rule
for leaving the registration stage (:mod:`app.samsat.rules`), so all three count the same
items the same way. Nothing here imports the queue engine, which asks the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import labels
from db.models import Service, Visit


@dataclass(frozen=True)
class RequirementState:
    code: str
    text: str
    checked: bool = False
    by: str | None = None
    at: datetime | None = None


def requirements_of(service: Service) -> list[tuple[str, str]]:
    """``(code, text)`` of each requirement; one for a variant only names the variant in
    brackets, by its catalog name (:func:`app.labels.requirement_text`)."""
    out = []
    for item in service.requirements or []:
        if isinstance(item, dict):
            text = labels.requirement_text(item)
            out.append((str(item.get("code", text)), text))
        else:
            out.append((str(item), str(item)))
    return out


def ticks(visit: Visit) -> dict[str, dict[str, Any]]:
    return dict((visit.data or {}).get("requirements") or {})


def requirement_states(visit: Visit) -> tuple[RequirementState, ...]:
    """The visit's checklist in the catalog's order, with who ticked what and when."""
    done = ticks(visit)
    states = []
    for code, text in requirements_of(visit.service):
        tick = done.get(code)
        states.append(RequirementState(
            code, text, tick is not None, tick.get("by") if tick else None,
            datetime.fromisoformat(tick["at"]) if tick and tick.get("at") else None))
    return tuple(states)


def missing_requirements(visit: Visit) -> list[str]:
    """The texts of the requirements not ticked yet."""
    return [r.text for r in requirement_states(visit) if not r.checked]
