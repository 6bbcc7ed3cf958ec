"""Money as the offices write it: ``Decimal`` whole rupiah, rounded by a named rule.

Every amount rule says how it rounds (regulations differ: some round half up to the rupiah,
some up to the next hundred); :func:`round_rupiah` applies such a rule by name, so a tariff
table can name it and no code has to guess.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

# written on screens as documents write it; printing (below the services) keeps the rule
from printing.amounts import format_rupiah as format_rupiah

ROUNDING_RULES = ("half-up", "up", "down", "half-up-100", "up-100", "down-100",
                  "half-up-1000", "up-1000", "down-1000")

_MODES = {"half-up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}


def round_rupiah(amount: Decimal, rule: str = "half-up") -> Decimal:
    """``amount`` rounded to whole rupiah, or to a multiple of 100/1000, by ``rule``.

    >>> round_rupiah(Decimal("1234.5"))
    Decimal('1235')
    >>> round_rupiah(Decimal("1201"), "up-100")
    Decimal('1300')
    """
    if rule not in ROUNDING_RULES:
        raise ValueError(f"unknown rounding rule {rule!r}; choose one of {ROUNDING_RULES}")
    mode, _, unit = rule.rpartition("-") if rule[-1].isdigit() else (rule, "", "1")
    step = Decimal(unit)
    return ((amount / step).quantize(Decimal(1), rounding=_MODES[mode]) * step).quantize(
        Decimal(1))


_AMOUNT = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,00?)?$", re.IGNORECASE)


def parse_rupiah(text: str) -> Decimal | None:
    """A typed amount (``150000``, ``150.000``, ``Rp 150.000``, ``150.000,00``) or None.

    None for anything else, including fractions of a rupiah and negative amounts: the form
    says why; this function never raises on any string.
    """
    match = _AMOUNT.match(text.strip())
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(".", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None
