"""The queue's hot statements, built once with bound parameters.

Building a SQLAlchemy statement and its cache key costs more than running it on a local
database; "call next" and the history rows written by every change are built here once, on
the Core tables, and executed with parameters only.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Integer, Table, bindparam, exists, insert, or_, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.dml import ReturningUpdate

from db.enums import VisitStatus
from db.models import AuditEntry, Counter, Event, Office, StageRecord, Visit, VisitTransition
from db.types import UTCDateTime


def _table(model: Any) -> Table:
    """A model's Core table (typed as a FromClause by SQLAlchemy; a Table for these)."""
    return cast(Table, model.__table__)


records = _table(StageRecord)
visits = _table(Visit)
counters = _table(Counter)

ACTIVE = (VisitStatus.CALLED.value, VisitStatus.SERVING.value)

offices = _table(Office)
office_by_code = select(offices.c.id, offices.c.code, offices.c.zone, offices.c.active,
                        offices.c.settings).where(offices.c.code == bindparam("code"))

insert_visit = insert(visits).returning(visits.c.id)
insert_record = insert(records).returning(records.c.id)
insert_transition = insert(_table(VisitTransition))
insert_audit = insert(_table(AuditEntry))
insert_event = insert(_table(Event))

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
current_of_counter_read = (
    select(records.c.id, records.c.visit_id, records.c.stage_id, records.c.status,
           records.c.seq, records.c.called_at, records.c.started_at, visits.c.ticket,
           visits.c.service_id, visits.c.stage_position, visits.c.priority_reason)
    .join(visits, visits.c.id == records.c.visit_id)
    .where(records.c.counter_id == bindparam("cid"), records.c.status.in_(ACTIVE))
)
current_of_counter = current_of_counter_read.with_for_update(of=records)

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


def _claim(with_services: bool) -> ReturningUpdate[int, int, int]:
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


# PostgreSQL: the whole of "call next" in one statement, run outside an explicit transaction
# (one round trip instead of eight). Its sub-statements share one snapshot, so the check
# that the counter is free cannot see a press of the same counter committed a moment
# before; the unique index of migration 0004 refuses that second claim instead.
_PG_CALL_NEXT = """
WITH touched AS (
    UPDATE counters SET is_open = true, last_seen_at = :now,
        officer_id = COALESCE(CAST(:uid AS integer), officer_id)
    WHERE id = :cid RETURNING id
), claimed AS (
    UPDATE stage_records SET status = 'called', counter_id = :cid, officer_id = :uid,
        called_at = :now
    WHERE id = (
        SELECT r.id FROM stage_records r
        WHERE r.stage_id = ANY(:stage_ids) AND r.status = 'waiting' AND r.queued_at >= :since
          AND (r.target_counter_id IS NULL OR r.target_counter_id = :cid)
          AND (cardinality(CAST(:service_ids AS integer[])) = 0 OR r.visit_id IN (
              SELECT v.id FROM visits v WHERE v.service_id = ANY(:service_ids)))
        ORDER BY r.target_counter_id IS NULL, r.priority DESC, r.sort_at, r.id
        LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND status = 'waiting'
      AND EXISTS (SELECT 1 FROM touched)
      AND NOT EXISTS (SELECT 1 FROM stage_records b
                      WHERE b.counter_id = :cid AND b.status IN ('called', 'serving'))
    RETURNING id, visit_id, stage_id
), called AS (
    UPDATE visits SET status = 'called' FROM claimed WHERE visits.id = claimed.visit_id
    RETURNING visits.id AS visit_id, visits.ticket, visits.service_id, visits.priority_reason,
        claimed.id AS record_id, claimed.stage_id
), p AS (
    SELECT c.*, st.code AS stage_code, json_build_object(
        'visit_id', c.visit_id, 'ticket', c.ticket, 'service', sv.code, 'stage', st.code,
        'status', 'called', 'priority', c.priority_reason, 'counter', CAST(:code AS text),
        'counter_number', CAST(:number AS integer), 'call_name', CAST(:call_name AS text)
    ) AS payload
    FROM called c JOIN services sv ON sv.id = c.service_id JOIN stages st ON st.id = c.stage_id
), t AS (
    INSERT INTO visit_transitions (visit_id, stage_record_id, action, from_status, to_status,
        at, counter_id, user_id, note, data)
    SELECT visit_id, record_id, 'called', 'waiting', 'called', :now, :cid, :uid, '', '{}'
    FROM p
), a AS (
    INSERT INTO audit_log (at, actor, user_id, office_id, action, entity, entity_id, before,
        after)
    SELECT :now, :actor, :uid, :office_id, 'ticket.called', 'visit', CAST(visit_id AS text),
        '{"status": "waiting"}', json_build_object('status', 'called', 'ticket', ticket,
        'stage', stage_code, 'counter', CAST(:code AS text))
    FROM p
), e AS (
    INSERT INTO events (office_id, at, kind, payload)
    SELECT :office_id, :now, 'ticket.called', payload FROM p
)
SELECT record_id, visit_id, ticket, stage_code, priority_reason FROM p
"""

pg_call_next = text(_PG_CALL_NEXT).bindparams(
    bindparam("now", type_=UTCDateTime()), bindparam("since", type_=UTCDateTime()),
    bindparam("stage_ids", type_=ARRAY(Integer)), bindparam("service_ids", type_=ARRAY(Integer)),
)


# PostgreSQL: the whole of "finish" in one statement (eight round trips before), run like
# "call next" outside an explicit transaction. The counter row is touched first, as the
# serial steps do; a second press of the same counter waits on its current record's lock,
# finds it no longer called or serving, and returns no row (the counter is idle). The next
# stage is the service's stage after the visit's position when the outcome is "done"; then
# the visit keeps its number and waits there, otherwise it is closed with the outcome.
# ``rid`` is the record the stage's rule was checked for (NULL: the counter's stages have
# no rule): if another press finished it meanwhile, nothing is finished.
_PG_FINISH = """
WITH touched AS (
    UPDATE counters SET last_seen_at = :now WHERE id = :cid RETURNING id
), cur AS (
    SELECT r.id, r.visit_id, r.stage_id, r.status AS before, r.seq,
        COALESCE(r.started_at, r.called_at) AS started, v.ticket, v.service_id,
        v.stage_position, v.priority_reason, ns.stage_id AS next_stage_id
    FROM stage_records r
    JOIN visits v ON v.id = r.visit_id
    LEFT JOIN service_stages ns ON CAST(:outcome AS text) = 'done'
        AND ns.service_id = v.service_id AND ns.position = v.stage_position + 1
    WHERE r.counter_id = :cid AND r.status IN ('called', 'serving')
      AND (CAST(:rid AS bigint) IS NULL OR r.id = CAST(:rid AS bigint))
      AND EXISTS (SELECT 1 FROM touched)
    FOR UPDATE OF r
), ended AS (
    UPDATE stage_records SET
        status = CASE WHEN cur.next_stage_id IS NULL THEN :status ELSE 'done' END,
        outcome = CASE WHEN cur.next_stage_id IS NULL THEN :status ELSE 'finished' END,
        finished_at = :now, started_at = cur.started
    FROM cur WHERE stage_records.id = cur.id
    RETURNING stage_records.id
), moved AS (
    UPDATE visits SET
        stage_position = visits.stage_position
            + CASE WHEN cur.next_stage_id IS NULL THEN 0 ELSE 1 END,
        current_stage_id = COALESCE(cur.next_stage_id, visits.current_stage_id),
        status = CASE WHEN cur.next_stage_id IS NULL THEN :status ELSE 'waiting' END,
        closed_at = CASE WHEN cur.next_stage_id IS NULL THEN :now ELSE visits.closed_at END,
        outcome = CASE WHEN cur.next_stage_id IS NULL THEN :status ELSE visits.outcome END
    FROM cur WHERE visits.id = cur.visit_id
    RETURNING visits.id
), queued AS (
    INSERT INTO stage_records (visit_id, stage_id, seq, status, priority, sort_at, queued_at,
        target_counter_id, recalls)
    SELECT visit_id, next_stage_id, seq + 1, 'waiting', priority_reason IS NOT NULL, :now,
        :now, NULL, 0
    FROM cur WHERE next_stage_id IS NOT NULL
    RETURNING id
), p AS (
    SELECT cur.*, sv.code AS service_code, st.code AS stage_code, nst.code AS next_code,
        COALESCE((SELECT id FROM queued), cur.id) AS change_id,
        CASE WHEN cur.next_stage_id IS NULL THEN CAST(:status AS text) ELSE 'waiting' END
            AS new_status,
        CASE WHEN cur.next_stage_id IS NOT NULL THEN 'finished'
             WHEN CAST(:outcome AS text) = 'done' THEN 'completed'
             ELSE CAST(:outcome AS text) END AS action,
        CASE WHEN cur.next_stage_id IS NOT NULL
             THEN json_build_object('outcome', CAST(:outcome AS text), 'from_stage', st.code)
             WHEN CAST(:note AS text) <> '' AND CAST(:outcome AS text) <> 'done'
             THEN json_build_object('outcome', CAST(:outcome AS text),
                                    'note', CAST(:note AS text))
             ELSE json_build_object('outcome', CAST(:outcome AS text)) END AS data
    FROM cur JOIN services sv ON sv.id = cur.service_id JOIN stages st ON st.id = cur.stage_id
        LEFT JOIN stages nst ON nst.id = cur.next_stage_id
), t AS (
    INSERT INTO visit_transitions (visit_id, stage_record_id, action, from_status, to_status,
        at, counter_id, user_id, note, data)
    SELECT visit_id, record_id, action, from_status, to_status, :now, :cid, :uid, note, data
    FROM (
        SELECT 1 AS ord, visit_id, id AS record_id, 'finished.out' AS action,
            before AS from_status, 'done' AS to_status, '' AS note,
            json_build_object('next_stage', next_code) AS data
        FROM p WHERE next_stage_id IS NOT NULL
        UNION ALL
        SELECT 2, visit_id, change_id, action, before, new_status,
            CASE WHEN next_stage_id IS NULL THEN '' ELSE CAST(:note AS text) END, data
        FROM p
    ) rows ORDER BY ord
), a AS (
    INSERT INTO audit_log (at, actor, user_id, office_id, action, entity, entity_id, before,
        after)
    SELECT :now, :actor, :uid, :office_id, 'ticket.' || action, 'visit', CAST(visit_id AS text),
        json_build_object('status', before),
        (jsonb_build_object('status', new_status, 'ticket', ticket,
            'stage', COALESCE(next_code, stage_code), 'counter', CAST(:code AS text))
         || CAST(data AS jsonb))::json
    FROM p
), e AS (
    INSERT INTO events (office_id, at, kind, payload)
    SELECT :office_id, :now, 'ticket.' || action, json_build_object(
        'visit_id', visit_id, 'ticket', ticket, 'service', service_code,
        'stage', COALESCE(next_code, stage_code), 'status', new_status,
        'priority', priority_reason, 'counter', CAST(:code AS text),
        'counter_number', CAST(:number AS integer), 'call_name', CAST(:call_name AS text))
    FROM p
)
SELECT visit_id, ticket, next_code, new_status FROM p
"""

pg_finish = text(_PG_FINISH).bindparams(bindparam("now", type_=UTCDateTime()))
