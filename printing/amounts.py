"""Amounts the Indonesian way, for printed documents and screens (no locale needed).

Here, at the bottom with :mod:`printing.dates`, because documents write amounts and printing
sits below the services; :mod:`app.money` (whole rupiah, rounding, reading typed amounts)
re-exports :func:`format_rupiah`, so every amount on paper and on screen is written alike.
"""

from __future__ import annotations

from decimal import Decimal


def format_rupiah(amount: Decimal | int, *, prefix: str = "Rp") -> str:
    """``Rp1.234.567`` (Indonesian thousands separator); negative amounts as ``-Rp5.000``."""
    value = Decimal(amount)
    if value != value.to_integral_value():
        raise ValueError(f"{value} is not a whole number of rupiah")
    sign = "-" if value < 0 else ""
    return f"{sign}{prefix}{abs(int(value)):,}".replace(",", ".")
