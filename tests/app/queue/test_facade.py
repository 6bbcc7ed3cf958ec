"""app.queue.engine is a façade over the queue's parts: the same functions, one name each."""

from __future__ import annotations

import pytest

from app.queue import calls, clock, counters, day, engine, history, lookups, status, tickets

PARTS = (lookups, history, day, tickets, calls, counters, status)


def test_every_public_name_is_the_parts_own() -> None:
    homes = {name: part for part in PARTS for name, thing in vars(part).items()
             if getattr(thing, "__module__", None) == part.__name__}
    for name in engine.__all__:
        thing = getattr(engine, name)
        home = homes.get(name)
        if home is not None:
            assert getattr(home, name) is thing, name


def test_no_part_gives_a_private_function_a_second_public_name() -> None:
    for part in PARTS:
        for name, thing in vars(part).items():
            if callable(thing) and getattr(thing, "__module__", None) == part.__name__:
                assert thing.__name__ == name, f"{part.__name__}.{name} = {thing.__name__}"


def test_a_patch_of_the_clock_through_the_facade_reaches_the_parts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fixed():
        return "fixed"

    monkeypatch.setattr(engine, "utcnow", fixed)
    assert day.utcnow is fixed and counters.utcnow is fixed and calls.utcnow is fixed
    monkeypatch.undo()
    assert day.utcnow is clock.utcnow and engine.utcnow is clock.utcnow


def test_a_patch_of_the_history_writer_reaches_the_parts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise RuntimeError

    monkeypatch.setattr(engine, "_record_change", fail)
    assert history.record_change is fail and tickets.record_change is fail
    monkeypatch.undo()
    assert tickets.record_change is history.record_change is engine._record_change
