"""app.queue.engine is a façade over the queue's parts: the same functions, one name each."""

from __future__ import annotations

from app.queue import calls, counters, day, engine, history, lookups, status, tickets

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


def test_the_facade_is_a_plain_module() -> None:
    """Nothing clever: a patch goes to the part that holds the function."""
    import types

    assert type(engine) is types.ModuleType
