"""Office time: UTC in the database, the office's zone (WIB/WITA/WIT) for days and display."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from db.enums import Zone


def utcnow() -> datetime:
    return datetime.now(UTC)


def zone_info(zone: Zone | str) -> ZoneInfo:
    return ZoneInfo(Zone(zone).tz_name)


def local(moment: datetime, zone: Zone | str) -> datetime:
    return moment.astimezone(zone_info(zone))


def local_day(moment: datetime, zone: Zone | str) -> date:
    """The office's calendar day at ``moment``: numbering restarts at local midnight."""
    return local(moment, zone).date()


def day_bounds(day: date, zone: Zone | str) -> tuple[datetime, datetime]:
    """The UTC instants where the office's local ``day`` starts and ends."""
    tz = zone_info(zone)
    start = datetime.combine(day, time(0), tzinfo=tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def at_local(day: date, clock: time, zone: Zone | str) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone_info(zone)).astimezone(UTC)


def moment(now: datetime | None = None) -> datetime:
    """The moment a service acts at: ``now`` as given (in UTC), or the wall clock's.

    Every service takes ``now=`` so tests and replays set the clock; this is the one place
    that fills it in. A naive datetime is refused: Loket stores UTC and never guesses a zone.
    """
    if now is None:
        return utcnow()
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)
