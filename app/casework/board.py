"""What the supervisor board shows of casework: everything overdue, in one list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.casework import applications, complaints
from app.labels import catalog_name, channel_label
from db.models import Office, Service

TITLE_MAX = 80


class OverdueEntry(NamedTuple):
    kind: str  # "complaint" | "application"
    number: str  # tracking number
    title: str  # one line: what it is about
    due_at: datetime  # UTC (an application: the end of its due day in the office's zone)
    overdue_by: timedelta  # positive


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


def overdue_summary(session: Session, office_id: int, now: datetime | None = None
                    ) -> list[OverdueEntry]:
    """Overdue complaints (no answer after their due moment) and open applications past
    their due date, most overdue first. Read-only; ``now`` aware (default: the clock)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    office = session.get(Office, office_id)
    if office is None:
        return []
    out = [OverdueEntry("complaint", c.number,
                        _short(f"{channel_label(c.channel)}: "
                               f"{c.reporter + ' - ' if c.reporter else ''}{c.text}"),
                        c.due_at, c.overdue_by)
           for c in complaints.overdue_for(session, office, now)]
    names = {s.code: catalog_name(s.name, s.name_en) for s in session.scalars(
        select(Service).where(Service.office_id == office.id))}
    out += [OverdueEntry("application", a.number,
                         _short(f"{names.get(a.service_code, a.service_code)}: "
                                f"{a.applicant_name} - {a.subject}"),
                         a.due_at, a.overdue_by)
            for a in applications.overdue_for(session, office, now)]
    return sorted(out, key=lambda e: (-e.overdue_by, e.kind, e.number))
