"""The person a station acts for, as the services take them: an :class:`~app.access.Actor`.

A counter's work panels name the person signed in by their user name (``ctx.actor()``,
``ui/panels/base.py``); the services take an :class:`~app.access.Actor`, made here once per
call at the station, the way into the services. A name alone is checked by the services as
it always was: the user of that name (:func:`app.access.require`).
"""

from __future__ import annotations

from app.access import Actor


def as_actor(who: Actor | str) -> Actor:
    """``who`` as an :class:`Actor`: the Actor itself, or the signed-in user's name."""
    return who if isinstance(who, Actor) else Actor(who)
