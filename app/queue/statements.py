"""The queue's hot statements, built once with bound parameters.

Building a SQLAlchemy statement and its cache key costs more than running it on a local
database; "call next" and the history rows written by every change are built here once, on
the Core tables, and executed with parameters only.
"""

from __future__ import annotations

from sqlalchemy import bindparam, exists, insert, or_, select, update

from db.enums import VisitStatus
from db.models import AuditEntry, Counter, Event, Office, StageRecord, Visit, VisitTransition

records = StageRecord.__table__
visits = Visit.__table__
counters = Counter.__table__

ACTIVE = (VisitStatus.CALLED.value, VisitStatus.SERVING.value)

offices = Office.__table__
office_by_code = select(offices.c.id, offices.c.code, offices.c.zone, offices.c.active,
                        offices.c.settings).where(offices.c.code == bindparam("code"))

insert_visit = insert(visits).returning(visits.c.id)
insert_record = insert(records).returning(records.c.id)
insert_transition = insert(VisitTransition.__table__)
insert_audit = insert(AuditEntry.__table__)
insert_event = insert(Event.__table__)

touch_counter = (
    update(counters)
    .where(counters.c.id == bindparam("cid"))
    .values(is_open=True, last_seen_at=bindparam("now"))
)
touch_counter_officer = touch_counter.values(officer_id=bindparam("uid"))

touch_seen = (
    update(counters).where(counters.c.id == bindparam("cid")).values(last_seen_at=bindparam("now"))
)

# the record a counter has called or is serving, with what finishing it needs of its visit
current_of_counter = (
    select(records.c.id, records.c.visit_id, records.c.stage_id, records.c.status,
           records.c.seq, records.c.called_at, records.c.started_at, visits.c.ticket,
           visits.c.service_id, visits.c.stage_position, visits.c.priority_reason)
    .join(visits, visits.c.id == records.c.visit_id)
    .where(records.c.counter_id == bindparam("cid"), records.c.status.in_(ACTIVE))
    .with_for_update(of=records)
)

end_record = (
    update(records)
    .where(records.c.id == bindparam("rid"))
    .values(status=bindparam("status"), outcome=bindparam("outcome"),
            finished_at=bindparam("now"), started_at=bindparam("started"))
)

advance_visit = (
    update(visits)
    .where(visits.c.id == bindparam("vid"))
    .values(stage_position=bindparam("position"), current_stage_id=bindparam("stage_id"),
            status=VisitStatus.WAITING.value)
)

close_visit = (
    update(visits)
    .where(visits.c.id == bindparam("vid"))
    .values(status=bindparam("status"), closed_at=bindparam("now"),
            outcome=bindparam("outcome"))
)

_busy = exists().where(records.c.counter_id == bindparam("cid"), records.c.status.in_(ACTIVE))

busy_visit = (
    select(records.c.visit_id)
    .where(records.c.counter_id == bindparam("cid"), records.c.status.in_(ACTIVE))
    .limit(1)
)


def _claim(with_services: bool):
    conditions = [
        records.c.stage_id.in_(bindparam("stage_ids", expanding=True)),
        records.c.status == VisitStatus.WAITING.value,
        records.c.queued_at >= bindparam("since"),
        or_(records.c.target_counter_id.is_(None),
            records.c.target_counter_id == bindparam("cid")),
    ]
    if with_services:
        conditions.append(records.c.visit_id.in_(
            select(visits.c.id).where(
                visits.c.service_id.in_(bindparam("service_ids", expanding=True)))))
    pick = (
        select(records.c.id)
        .where(*conditions)
        .order_by(records.c.target_counter_id.is_(None), records.c.priority.desc(),
                  records.c.sort_at, records.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    return (
        update(records)
        .where(records.c.id == pick, records.c.status == VisitStatus.WAITING.value, ~_busy)
        .values(status=VisitStatus.CALLED.value, counter_id=bindparam("cid"),
                officer_id=bindparam("uid"), called_at=bindparam("now"))
        .returning(records.c.id, records.c.visit_id, records.c.stage_id)
    )


claim_next = _claim(False)
claim_next_of_services = _claim(True)

mark_visit_called = (
    update(visits)
    .where(visits.c.id == bindparam("vid"))
    .values(status=VisitStatus.CALLED.value)
    .returning(visits.c.ticket, visits.c.service_id, visits.c.priority_reason)
)
