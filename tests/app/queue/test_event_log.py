"""The live events kept bounded (issue 18, point 5): events older than the office's catch-up
window are deleted in short batches, by the day close and by ``loket events prune``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, insert, select
from sqlalchemy.exc import DBAPIError

from app.cli import main
from app.cli.events import KEEP_DAYS
from app.errors import LoketError
from app.office_settings import EVENTS_KEEP_BOUNDS, OfficeSettings, parse_settings
from app.queue import engine as q_
from app.queue import event_log
from app.queue.event_log import last_id_before, prune_events
from app.queue.events import publish
from app.queue.feed import EventFeed
from app.store import Store
from db.models import AuditEntry, Event, Office

OFFICE = "SAMSAT-PTK1"
OTHER = "BPS-BANTEN"
# Monday 23 November 2026, 09:00 WIB; before the wall clock of these tests, so the events
# the catalogs' import wrote lie in the future of this clock and are never pruned here
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def office_id(store: Store, code: str) -> int:
    with store.uow(read_only=True) as uow:
        return uow.session.scalar(select(Office.id).where(Office.code == code))


def fill(store: Store, office: int | list[int | None] | None, days_ago: list[float],
         kind: str = "test", *, now: datetime = NOW) -> None:
    """One event per age (days before ``now``) and office, in the order given: the ids in
    time order, as the offices' events are written (the prune's search relies on it)."""
    offices = office if isinstance(office, list) else [office]
    with store.uow() as uow:
        uow.session.execute(insert(Event), [
            {"office_id": o, "kind": kind, "at": now - timedelta(days=d), "payload": {"age": d}}
            for d in days_ago for o in offices])
        uow.commit()


def ages(store: Store, office: int | None, kind: str = "test") -> list[float]:
    where = Event.office_id.is_(None) if office is None else Event.office_id == office
    with store.uow(read_only=True) as uow:
        return [p["age"] for p in uow.session.scalars(
            select(Event.payload).where(where, Event.kind == kind).order_by(Event.id))]


def set_settings(store: Store, code: str, **settings: object) -> None:
    with store.uow() as uow:
        office = uow.session.scalar(select(Office).where(Office.code == code))
        office.settings = {**office.settings, **settings}
        uow.commit()


def audits(store: Store, action: str = "events.pruned") -> list[AuditEntry]:
    with store.uow(read_only=True) as uow:
        return list(uow.session.scalars(select(AuditEntry).where(AuditEntry.action == action)
                                        .order_by(AuditEntry.id)))


@pytest.fixture
def deletes(catalog_store: Store) -> Iterator[list[int]]:
    """The rows each DELETE on events removed, statement by statement."""
    found: list[int] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("DELETE FROM EVENTS"):
            found.append(cursor.rowcount)

    event.listen(catalog_store.engine, "after_cursor_execute", count)
    yield found
    event.remove(catalog_store.engine, "after_cursor_execute", count)


A_MONTH = [30 - d / 2 for d in range(61)]  # every 12 hours from 30 days ago to now


# --- the service ---------------------------------------------------------------------------


def test_old_events_go_and_recent_ones_stay(catalog_store: Store) -> None:
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, A_MONTH)
    result = prune_events(catalog_store, office_code=OFFICE, now=NOW)
    kept = [d for d in A_MONTH if d <= 7]
    assert ages(catalog_store, ptk) == kept
    assert result.deleted == len(A_MONTH) - len(kept) == 46
    assert result.by_office == ((OFFICE, 46),)
    (entry,) = audits(catalog_store)
    assert (entry.entity_id, entry.actor, entry.after["deleted"], entry.after["keep_days"]) == (
        OFFICE, "system", 46, 7)
    # again: nothing more to do
    assert prune_events(catalog_store, office_code=OFFICE, now=NOW).deleted == 0
    assert ages(catalog_store, ptk) == kept


def test_the_window_is_the_office_setting_or_keep_days(catalog_store: Store) -> None:
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, A_MONTH)
    set_settings(catalog_store, OFFICE, events_keep_days=20)
    prune_events(catalog_store, office_code=OFFICE, now=NOW)
    assert ages(catalog_store, ptk) == [d for d in A_MONTH if d <= 20]
    prune_events(catalog_store, office_code=OFFICE, now=NOW, keep_days=2)
    assert ages(catalog_store, ptk) == [d for d in A_MONTH if d <= 2]
    for bad in (0, 366, True):
        with pytest.raises(LoketError) as info:
            prune_events(catalog_store, office_code=OFFICE, now=NOW, keep_days=bad)
        assert info.value.key == "events.keep_days"


def test_another_offices_events_are_untouched(catalog_store: Store) -> None:
    ptk, bps = office_id(catalog_store, OFFICE), office_id(catalog_store, OTHER)
    fill(catalog_store, [None, bps, ptk], A_MONTH)
    prune_events(catalog_store, office_code=OFFICE, now=NOW)
    assert ages(catalog_store, ptk) == [d for d in A_MONTH if d <= 7]
    assert ages(catalog_store, bps) == ages(catalog_store, None) == A_MONTH


def test_every_office_by_its_own_window_and_officeless_by_the_longest(
        catalog_store: Store) -> None:
    ptk, bps = office_id(catalog_store, OFFICE), office_id(catalog_store, OTHER)
    set_settings(catalog_store, OTHER, events_keep_days=3)
    set_settings(catalog_store, OFFICE, events_keep_days=10)
    fill(catalog_store, [bps, None, ptk], A_MONTH)
    result = prune_events(catalog_store, now=NOW)
    assert ages(catalog_store, ptk) == [d for d in A_MONTH if d <= 10]
    assert ages(catalog_store, bps) == [d for d in A_MONTH if d <= 3]
    # the other offices keep the default week: the longest window is 10 days
    assert ages(catalog_store, None) == [d for d in A_MONTH if d <= 10]
    assert dict(result.by_office)[OFFICE] == 40 and dict(result.by_office)[""] == 40
    assert {a.entity_id for a in audits(catalog_store)} >= {OFFICE, OTHER}


def test_batches_are_bounded(catalog_store: Store, deletes: list[int]) -> None:
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, [100 - d / 10 for d in range(500)])  # 50 to 100 days old
    fill(catalog_store, ptk, [1.0])  # the newest, kept
    result = prune_events(catalog_store, office_code=OFFICE, now=NOW, batch=37)
    assert result.deleted == 500 == sum(deletes)
    assert max(deletes) <= 37 and result.batches == len(deletes) == 14  # ceil(500 / 37)
    assert ages(catalog_store, ptk) == [1.0]


def test_an_event_inside_the_window_is_never_deleted_whatever_its_id(
        catalog_store: Store) -> None:
    """Ids are only roughly in time order: a recent event with an id among old ones stays,
    an old one with an id among recent ones goes at the latest when the search reaches it."""
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, [30, 29, 1, 28, 27])
    fill(catalog_store, ptk, [2, 8, 1, 0.5])
    prune_events(catalog_store, office_code=OFFICE, now=NOW)
    left = ages(catalog_store, ptk)
    assert {1, 2, 0.5} <= set(left) and not {30, 29, 28, 27} & set(left)


def test_the_newest_event_is_kept_so_no_id_is_handed_out_twice(catalog_store: Store) -> None:
    """SQLite gives max(id) + 1: deleting the newest event would give a new one an id that a
    station's cursor has passed already."""
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, [40, 30, 20])
    with catalog_store.uow(read_only=True) as uow:
        newest = uow.session.scalar(select(func.max(Event.id)))
    prune_events(catalog_store, office_code=OFFICE, now=NOW)
    assert ages(catalog_store, ptk) == [20]
    with catalog_store.uow() as uow:
        publish(uow.session, ptk, "test.after")
        uow.commit()
    with catalog_store.uow(read_only=True) as uow:
        assert uow.session.scalar(select(Event.id).where(Event.kind == "test.after")) > newest


def test_the_search_finds_the_last_id_before_the_cutoff(catalog_store: Store) -> None:
    ptk = office_id(catalog_store, OFFICE)
    with catalog_store.uow(read_only=True) as uow:
        before = uow.session.scalar(select(func.max(Event.id))) or 0
    fill(catalog_store, ptk, [float(d) for d in range(100, 0, -1)])
    with catalog_store.uow() as uow:
        ids = list(uow.session.scalars(select(Event.id).where(Event.id > before)
                                       .order_by(Event.id)))
        assert last_id_before(uow.session, NOW - timedelta(days=50.5)) == ids[49]
        assert last_id_before(uow.session, NOW - timedelta(days=1000)) is None
        assert last_id_before(uow.session, NOW) == ids[-2]  # never the newest


# --- the feed after a prune ----------------------------------------------------------------


def test_a_feed_behind_the_pruned_range_catches_up_with_what_remains(
        catalog_store: Store) -> None:
    set_settings(catalog_store, OFFICE, hours=None)
    ptk = office_id(catalog_store, OFFICE)
    feed = EventFeed(catalog_store, OFFICE)  # a station started before all of it
    try:
        fill(catalog_store, ptk, [30, 20, 10], kind="test.old")
        fill(catalog_store, ptk, [3, 2, 1], kind="test.new")
        assert prune_events(catalog_store, office_code=OFFICE, now=NOW).deleted == 3
        found = feed.fetch()
        assert [(e.kind, e.payload["age"]) for e in found] == [
            ("test.new", 3), ("test.new", 2), ("test.new", 1)]
        with catalog_store.uow() as uow:
            q_.issue_ticket(uow, "STNK-PERPANJANGAN", office_code=OFFICE)
        assert [e.kind for e in feed.wait(10)] == ["ticket.issued"]
        assert feed.online and feed.fetch() == []
    finally:
        feed.close()


# --- the day close -------------------------------------------------------------------------


def test_the_day_close_prunes_its_office_and_audits_the_count(catalog_store: Store) -> None:
    ptk, bps = office_id(catalog_store, OFFICE), office_id(catalog_store, OTHER)
    fill(catalog_store, [bps, ptk], A_MONTH)
    with catalog_store.uow() as uow:
        closed = q_.close_day(uow, office_code=OFFICE, actor=q_.Actor("pengawas"), now=NOW)
    assert closed["office"] == OFFICE
    assert ages(catalog_store, ptk) == [d for d in A_MONTH if d <= 7]
    assert ages(catalog_store, bps) == A_MONTH
    (entry,) = audits(catalog_store)
    assert (entry.actor, entry.entity_id, entry.after["deleted"]) == ("pengawas", OFFICE, 46)
    assert entry.user_id is not None and entry.user_id == audits(
        catalog_store, "day.closed")[-1].user_id
    with catalog_store.uow(read_only=True) as uow:  # the close's own event is kept
        assert uow.session.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "day.closed", Event.office_id == ptk)) == 1


def test_a_day_close_the_database_may_not_prune_still_closes(
        catalog_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL station role made before it could DELETE events: the day is closed, the
    events stay for the nightly prune, nothing is audited as pruned."""
    ptk = office_id(catalog_store, OFFICE)
    fill(catalog_store, ptk, A_MONTH)

    class Refused(Exception):
        sqlstate = "42501"

    def refuse(*args: object, **kwargs: object) -> None:
        raise DBAPIError("DELETE FROM events", {}, Refused())

    monkeypatch.setattr(event_log, "delete_before", refuse)
    with catalog_store.uow() as uow:
        closed = q_.close_day(uow, office_code=OFFICE, now=NOW)
    assert closed["office"] == OFFICE and len(audits(catalog_store, "day.closed")) == 1
    assert ages(catalog_store, ptk) == A_MONTH and audits(catalog_store) == []


# --- the setting ---------------------------------------------------------------------------


def test_the_setting_defaults_to_a_week_and_is_read() -> None:
    assert OfficeSettings().events_keep_days == 7
    assert parse_settings({"events_keep_days": 30}).events_keep_days == 30
    assert parse_settings({"events_keep_days": 1}).events_keep_days == 1
    assert parse_settings({"events_keep_days": 365}).events_keep_days == 365
    assert KEEP_DAYS == EVENTS_KEEP_BOUNDS  # the command line's copy of the bounds


@pytest.mark.parametrize("value", [0, 366, -7, "7", 7.5, True, [7], {"days": 7}])
def test_a_bad_window_is_refused_with_its_key(value: object) -> None:
    with pytest.raises(LoketError) as info:
        parse_settings({"events_keep_days": value})
    assert info.value.key == "office.bad_setting"
    assert info.value.params["key"] == "events_keep_days"
    assert "1 to 365" in info.value.message("en")


@pytest.mark.parametrize("only", [OFFICE, None])
def test_an_office_with_a_bad_window_is_refused_before_anything_goes(
        catalog_store: Store, only: str | None) -> None:
    """Every window is read first: the other offices' events stay too."""
    ptk, bps = office_id(catalog_store, OFFICE), office_id(catalog_store, OTHER)
    fill(catalog_store, [bps, ptk], A_MONTH)
    set_settings(catalog_store, OFFICE, events_keep_days="seminggu")
    with pytest.raises(LoketError) as info:
        prune_events(catalog_store, office_code=only, now=NOW)
    assert info.value.key == "office.bad_setting"
    assert ages(catalog_store, ptk) == ages(catalog_store, bps) == A_MONTH
    with pytest.raises(LoketError) as info, catalog_store.uow() as uow:
        q_.close_day(uow, office_code=OFFICE, now=NOW)  # refused before closing anything
    assert info.value.key == "office.bad_setting"
    with catalog_store.uow(read_only=True) as uow:
        settings = uow.session.scalar(select(Office.settings).where(Office.code == OFFICE))
    assert "closed_on" not in settings and audits(catalog_store, "day.closed") == []


# --- loket events prune --------------------------------------------------------------------


def run(capsys, url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", url, "events", "prune", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _old_events(url: str) -> tuple[int, int]:
    """The command reads the wall clock: events of a year ago and of 12 hours ago."""
    now = datetime.now(UTC)
    with Store.open(url) as store:
        ptk, bps = office_id(store, OFFICE), office_id(store, OTHER)
        fill(store, [bps, ptk], [400, 300], now=now)
        fill(store, ptk, [0.5], now=now)
        fill(store, None, [0.1], kind="newest", now=now)  # the newest event is always kept
    return ptk, bps


def test_the_command_prunes_one_office_or_all(capsys, catalog_db_url: str) -> None:
    ptk, bps = _old_events(catalog_db_url)
    code, out, err = run(capsys, catalog_db_url, "--office", OFFICE, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["deleted"], [o["office"] for o in data["offices"]]) == (2, [OFFICE])
    with Store.open(catalog_db_url) as store:
        assert ages(store, ptk) == [0.5] and ages(store, bps) == [400, 300]
    code, out, err = run(capsys, catalog_db_url, "--keep-days", "30")
    assert (code, err) == (0, "")
    assert f"{OTHER}: " in out and "peristiwa dihapus" in out and "jumlah: " in out
    with Store.open(catalog_db_url) as store:
        assert ages(store, bps) == []
        assert {a.entity_id for a in audits(store)} >= {OFFICE, OTHER}
        assert all(a.actor.startswith("cli") for a in audits(store))


@pytest.mark.parametrize("argv", [["--keep-days", "0"], ["--keep-days", "366"],
                                  ["--keep-days", "tujuh"], ["--office", "TIDAK-ADA"]])
def test_bad_arguments_exit_2_with_one_line_and_delete_nothing(
        capsys, catalog_db_url: str, argv: list[str]) -> None:
    ptk, _ = _old_events(catalog_db_url)
    code, out, err = run(capsys, catalog_db_url, *argv, "--json")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("loket: ")
    with Store.open(catalog_db_url) as store:
        assert ages(store, ptk) == [400, 300, 0.5]
