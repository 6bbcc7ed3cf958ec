"""Tables of the samsat front-office work (see issue 6)."""

from __future__ import annotations

from db.models import Base  # noqa: F401
