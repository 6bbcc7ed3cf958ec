"""Whether a window's words fit where they are shown: one check for every station's layout
tests (the counter console, the supervisor board, the kiosk)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget


def clipped(window: QWidget, *, labels_may_shrink: bool = False) -> list[str]:
    """Every visible label or button whose text does not fit where it is shown: wider (or,
    word-wrapped, taller) than its place, or outside the scroll area that holds it.
    ``labels_may_shrink``: a label is measured by its minimum size hint (one that elides or
    wraps by design), a button always by its size hint."""
    found = []
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not w.isVisibleTo(window) or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            fits = w.heightForWidth(w.width()) <= w.height() + 1
        else:
            hint = (w.minimumSizeHint() if labels_may_shrink and isinstance(w, QLabel)
                    else w.sizeHint())
            fits = hint.width() <= w.width() + 1 and hint.height() <= w.height() + 1
        if fits:
            area = w.parent()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parent()
            if area is not None:
                view = area.viewport()
                left = w.mapTo(view, w.rect().topLeft()).x()
                fits = left >= 0 and left + w.width() <= view.width() + 1
        if not fits:
            found.append(f"{type(w).__name__} {w.text()!r} {w.width()}x{w.height()} "
                         f"(needs {w.sizeHint().width()}x{w.sizeHint().height()})")
    return found
