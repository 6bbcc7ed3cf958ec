"""One type scale for the stations an officer or a supervisor reads at a desk: the base
point size from the height of the window (or page) it shows in, so that a 1366 x 768
laptop and a 1920 x 1080 monitor both read well. The counter console and the log-in and
lock pages (:mod:`ui.lock`) follow it."""

from __future__ import annotations


def base_point_size(height: int) -> int:
    """The base type size for a window ``height`` pixels tall: 10 points at 768 (a
    1366 x 768 laptop), 14 at 1080 (a full-HD monitor), never below 9 or above 16."""
    return max(9, min(16, round(height / 76)))
