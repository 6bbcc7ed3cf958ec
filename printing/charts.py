"""Charts as vector drawing items of :mod:`printing.card` (Rect, Line, Text), so they sit in
the toolkit's page model: the PDF renderer draws them as vectors, the Qt renderer as well.

:func:`bar_chart` draws grouped vertical bars: one group per category, one bar per series,
a value axis from 0 with "nice" steps and grid lines, the value above each bar, the
category names under the groups and a legend. Coordinates are millimetres, y downwards.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from printing.card import (
    Align,
    Item,
    Line,
    Rect,
    Text,
    ellipsize,
    leading,
    printable,
    text_width,
    wrap,
)

GRID = "#CCCCCC"
AXIS = "#333333"
PALETTE = ("#2F6DB5", "#E08A1E", "#3C9A5F", "#B23A48", "#7A5EA8")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # one per category; None: no bar
    color: str = PALETTE[0]


def nice_step(top: float, ticks: int = 5) -> float:
    """A step of 1, 2 or 5 x 10^k so that about ``ticks`` steps cover ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _label(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def bar_chart(x: float, top: float, width: float, height: float,
              categories: Sequence[str], series: Sequence[Series], *, title: str = "",
              unit: str = "", decimals: int = 0, size: float = 7.5) -> list[Item]:
    """Grouped bars in the box (``x``, ``top``, ``width``, ``height``), in mm."""
    items: list[Item] = []
    line = leading(size)
    y = top
    if title:
        y += line
        items.append(Text(x, y - line * 0.22, width, ellipsize(printable(title), width, size,
                                                                    True), size, True))
    # legend
    y += 1
    lx = x
    for s in series:
        items.append(Rect(lx, y + line * 0.2, 3, 3 * 0.9, fill=s.color))
        name = printable(s.name)
        items.append(Text(lx + 4, y + line * 0.8, width - (lx - x) - 4, name, size - 0.5))
        lx += 4 + _text_w(name, size - 0.5) + 5
    if unit:
        items.append(Text(x, y + line * 0.8, width, printable(f"({unit})"), size - 0.5,
                          align=Align.RIGHT, color=AXIS))
    y += line + 2.5
    values = [v for s in series for v in s.values if v is not None]
    peak = max(values, default=0.0)
    step = nice_step(peak if peak > 0 else 1.0)
    axis_top = step * max(1, math.ceil(peak / step)) if peak > 0 else step * 5
    axis_w = max(_text_w(_label(axis_top, decimals if step < 1 else 0), size - 1) + 2, 8.0)
    # room under the plot for two lines of category names
    names_h = 2 * leading(size - 1) + 1
    plot_x, plot_y = x + axis_w, y + 1
    plot_w, plot_h = width - axis_w, max(height - (y - top) - names_h - 1, 10.0)
    bottom = plot_y + plot_h
    tick = 0.0
    while tick <= axis_top + step / 1000:
        ty = bottom - plot_h * tick / axis_top
        items.append(Line(plot_x, ty, plot_x + plot_w, ty, 0.1, GRID))
        items.append(Text(x, ty + leading(size - 1) * 0.3, axis_w - 1.5,
                          _label(tick, decimals if step < 1 else 0), size - 1,
                          align=Align.RIGHT, color=AXIS))
        tick += step
    items.append(Line(plot_x, plot_y, plot_x, bottom, 0.25, AXIS))
    items.append(Line(plot_x, bottom, plot_x + plot_w, bottom, 0.25, AXIS))
    groups = max(len(categories), 1)
    group_w = plot_w / groups
    bar_w = min(group_w * 0.8 / max(len(series), 1), 18.0)
    for i, name in enumerate(categories):
        gx = plot_x + i * group_w + (group_w - bar_w * len(series)) / 2
        for j, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else None
            if value is None:
                continue
            h = plot_h * max(value, 0.0) / axis_top
            bx = gx + j * bar_w
            items.append(Rect(bx + 0.3, bottom - h, bar_w - 0.6, h, fill=s.color))
            label = _label(value, decimals)
            items.append(Text(bx - 2, bottom - h - 0.8, bar_w + 4,
                              ellipsize(label, bar_w + 4, size - 1.5), size - 1.5,
                              align=Align.CENTER))
        lines = wrap(printable(name), group_w - 1, size - 1) or [""]
        for k, text in enumerate(lines[:2]):
            if k == 1 and len(lines) > 2:
                text = ellipsize(text + " " + " ".join(lines[2:]), group_w - 1, size - 1)
            items.append(Text(plot_x + i * group_w + 0.5,
                              bottom + (k + 1) * leading(size - 1), group_w - 1, text,
                              size - 1, align=Align.CENTER))
    return items


def _text_w(text: str, size: float) -> float:
    return text_width(text, size)
