"""What every table is built on: the declarative base, its naming convention and column
types, and the helpers the table modules share.

At the bottom of :mod:`db`, so that the shared tables (:mod:`db.models_core`) and each area's
tables (``db/models_<area>.py``) build on it and :mod:`db.models`, which gathers them all,
is imported by none of them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum as PyEnum
from typing import Any, ClassVar

from sqlalchemy import JSON, Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

from db.types import Rupiah, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now, aware in UTC: the default of every timestamp column."""
    return datetime.now(UTC)


def stored_enum(cls: type[PyEnum], length: int = 20) -> Enum:
    """Store an enum by value as a plain string column (no native type to migrate)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    """The declarative base of every table: one metadata, one naming convention."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        Decimal: Rupiah,
        dict[str, Any]: JSON,
    }
