"""The areas of the front office, imported once, here.

Each area's ``rules`` module registers the rules a visit must satisfy to leave a stage of its
work (:func:`app.queue.stage_work.register_leaving_rules`) when it is imported. Importing this
module imports them all, so that :mod:`app.queue.stage_work` imports no area and no area imports
back into the queue: whoever asks whether a visit may leave (the queue engine, the counter
desk) imports this module. A new area adds its ``rules`` module here.
"""

from __future__ import annotations

from app.bapenda import rules as bapenda
from app.casework import rules as casework
from app.fiscal import rules as fiscal
from app.perforation import rules as perforation
from app.samsat import rules as samsat

LEAVING_RULES = (samsat, bapenda, perforation, fiscal, casework)
