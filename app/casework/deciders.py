"""Who decides a long-running application: ``resources/casework/deciders.yaml``.

A dated table an administrator edits (format ``loket-casework-deciders/1``): per office and
service, from ``valid_from``, either one ``decider`` or a ``threshold`` in whole rupiah with
``above`` (strictly above it) and ``otherwise``. The file is checked entry by entry when
loaded; a bad file is refused with every problem, naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import resources
from app.casework import messages  # noqa: F401  (registers the messages)
from app.catalog.source import Fields, FileProblems, Problem, load_yaml
from app.errors import LoketError
from app.money import format_rupiah

FORMAT = "loket-casework-deciders/1"


@dataclass(frozen=True)
class DeciderRule:
    office: str
    service: str
    valid_from: date
    decider: str = ""
    threshold: Decimal | None = None
    above: str = ""
    otherwise: str = ""

    def decide(self, amount: Decimal | None) -> str:
        if self.threshold is None:
            return self.decider
        if amount is None:
            raise LoketError("casework.amount_required", service=self.service,
                             threshold=format_rupiah(self.threshold), above=self.above)
        return self.above if amount > self.threshold else self.otherwise


def default_path() -> Path:
    return Path(resources.path("casework", "deciders.yaml"))


def _amount(f: Fields, key: str) -> Decimal | None:
    raw = f.raw(key)
    if raw is None:
        return None
    text = str(raw).replace(".", "").replace("_", "") if isinstance(raw, str) else raw
    if isinstance(text, bool) or not (isinstance(text, int) or str(text).isdigit()):
        f.problem(f.line_of(key), "catalog.money", field=f.name(key), value=raw)
        return None
    return Decimal(int(text))


def parse_deciders(data: object, file: str) -> tuple[DeciderRule, ...]:
    sink: list[Problem] = []
    f = Fields(data, "", file, sink, 1)
    rules: list[DeciderRule] = []
    if f.ok:
        if f.raw("format") != FORMAT:
            f.problem(f.line_of("format"), "catalog.format", found=f.data.get("format"),
                      expected=FORMAT)
        for item, line, path in f.items("deciders"):
            e = Fields(item, path, file, sink, line)
            if not e.ok:
                continue
            office, service = e.text("office"), e.text("service")
            valid_from = e.date("valid_from")
            if valid_from is None:
                e.problem(e.line_of("valid_from"), "catalog.missing", field=e.name("valid_from"))
            threshold = _amount(e, "threshold")
            decider = e.text("decider", required=threshold is None and not e.has("threshold"))
            above = e.text("above", required=e.has("threshold"))
            otherwise = e.text("otherwise", required=e.has("threshold"))
            e.finish()
            if valid_from is not None:
                rules.append(DeciderRule(office, service, valid_from, decider, threshold,
                                         above, otherwise))
        f.finish()
    if sink:
        raise FileProblems(sink)
    return tuple(rules)


def load_deciders(path: Path | None = None) -> tuple[DeciderRule, ...]:
    path = path or default_path()
    return parse_deciders(load_yaml(path), str(path))


def decider_for(office: str, service: str, on: date, amount: Decimal | None,
                rules: tuple[DeciderRule, ...] | None = None) -> str:
    """Who decides; "" when the table names nobody for this service."""
    if rules is None:
        try:
            rules = load_deciders()
        except FileProblems as exc:
            raise LoketError("casework.deciders_bad", summary=exc.summary()) from None
    dated = [r for r in rules if r.office == office and r.service == service
             and r.valid_from <= on]
    if not dated:
        return ""
    return max(dated, key=lambda r: r.valid_from).decide(amount)
