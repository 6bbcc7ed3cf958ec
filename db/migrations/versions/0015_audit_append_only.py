"""PostgreSQL: the audit log is append-only for every role but its table's owner.

A station's database role may INSERT audit entries (``loket db roles`` grants no UPDATE or
DELETE on ``audit_log`` either); this trigger also stops a role that was given more by hand,
so a history can only be rewritten by the owner (who runs the migrations and could drop the
trigger anyway). Owner means: a role with the owner's privileges (the owner itself, a role
that inherits it, a superuser); foreign-key actions run as the owner, so deleting a user
still clears ``audit_log.user_id``. SQLite has one user per file: nothing to enforce there.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-09
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION loket_audit_append_only() RETURNS trigger AS $$
        BEGIN
            IF pg_has_role(current_user,
                           (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
                IF TG_OP = 'DELETE' THEN
                    RETURN OLD;
                END IF;
                RETURN NEW;
            END IF;
            RAISE EXCEPTION 'audit_log is append-only: % refused for %', TG_OP, current_user
                USING ERRCODE = 'insufficient_privilege';
        END
        $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION loket_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION loket_audit_append_only()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS loket_audit_append_only()")
