"""PostgreSQL: every inserted event sends NOTIFY loket_events (delivered at COMMIT).

Done by a trigger rather than by the application, so no writer can forget it and a change
costs one round trip less. SQLite has no NOTIFY: its stations poll the events table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION loket_notify_event() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('loket_events', json_build_object(
                'id', NEW.id, 'office_id', NEW.office_id, 'kind', NEW.kind)::text);
            RETURN NEW;
        END
        $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER events_notify AFTER INSERT ON events "
        "FOR EACH ROW EXECUTE FUNCTION loket_notify_event()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS events_notify ON events")
    op.execute("DROP FUNCTION IF EXISTS loket_notify_event()")
