"""Alembic migration scripts (run through :mod:`db.schema`, not an alembic.ini)."""
