"""The supervisor's service, now in :mod:`app.stations.supervisor` (the supervisor station):
the names its callers holding a unit of work use are kept here.

:func:`overview` (the board's live picture) and :func:`set_running_text` (the waiting-room
display's running text) take the caller's unit of work; the board itself goes through
:class:`app.stations.supervisor.SupervisorStation`.
"""

from __future__ import annotations

from app.stations.supervisor import (
    OLDEST,
    RUNNING_TEXT_MAX,
    Serving,
    Waiting,
    overview,
    set_running_text,
)

__all__ = ["OLDEST", "RUNNING_TEXT_MAX", "Serving", "Waiting", "overview", "set_running_text"]
