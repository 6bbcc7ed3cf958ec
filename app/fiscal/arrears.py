"""The office's arrears data: imported CSV extracts, one current snapshot per source.

An extract of a source (PKB, PBB-P2, regional taxes) is the list of arrears that system
knew on its as-of date. Importing it replaces the previous extract of that source in one
transaction: the old batch is marked replaced (kept, for the record) and its arrears rows
are deleted; the new rows become what a check sees. A file already imported (same sha256)
or older than the current extract is refused. Everything is validated before anything is
written: a refused file leaves the database as it was.

Importing the tax office's lists is data work (:attr:`app.access.Act.DATA`: a supervisor or
admin of the office), asked first; a refusal is kept in the audit log and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app import access, audit
from app.access import Act, Actor
from app.clock import local, local_day, utcnow
from app.errors import LoketError
from app.fiscal import messages  # noqa: F401  (registers the messages)
from app.fiscal.extract import SOURCE_NAMES, SOURCES, read_extract
from app.queue.engine import resolve_office
from app.store import UnitOfWork
from db.models import Office
from db.models_fiscal import FiscalArrear, FiscalImportBatch


@dataclass(frozen=True)
class BatchInfo:
    id: int
    source: str
    file_name: str
    sha256: str
    rows: int
    total: Decimal
    as_of: date
    imported_by: str
    imported_at: datetime
    replaced_at: datetime | None

    @classmethod
    def of(cls, b: FiscalImportBatch) -> BatchInfo:
        return cls(b.id, b.source, b.file_name, b.sha256, b.rows, b.total, b.as_of,
                   b.imported_by, b.imported_at, b.replaced_at)

    def to_json(self) -> dict[str, Any]:
        return {"batch_id": self.id, "source": self.source,
                "source_name": SOURCE_NAMES[self.source], "file_name": self.file_name,
                "sha256": self.sha256, "rows": self.rows, "total": int(self.total),
                "as_of": self.as_of.isoformat(), "imported_by": self.imported_by,
                "imported_at": self.imported_at.isoformat(),
                "replaced_at": self.replaced_at.isoformat() if self.replaced_at else None}


@dataclass(frozen=True)
class ImportResult:
    office: str
    batch: BatchInfo
    replaced: BatchInfo | None

    def to_json(self) -> dict[str, Any]:
        return {"office": self.office, **self.batch.to_json(),
                "replaced": self.replaced.to_json() if self.replaced else None}


def current_batches(session: Session, office_id: int) -> dict[str, FiscalImportBatch]:
    """The current (not replaced) batch of each source that has one."""
    batches = session.scalars(select(FiscalImportBatch).where(
        FiscalImportBatch.office_id == office_id, FiscalImportBatch.replaced_at.is_(None))
    ).all()
    return {b.source: b for b in batches}


def list_batches(uow: UnitOfWork, *, office_code: str | None = None,
                 include_replaced: bool = False) -> list[BatchInfo]:
    s = uow.session
    office = resolve_office(s, office_code)
    query = select(FiscalImportBatch).where(FiscalImportBatch.office_id == office.id)
    if not include_replaced:
        query = query.where(FiscalImportBatch.replaced_at.is_(None))
    return [BatchInfo.of(b) for b in s.scalars(query.order_by(
        FiscalImportBatch.source, FiscalImportBatch.imported_at.desc()))]


def read_file(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise LoketError("fiscal.file_missing", path=str(path)) from None


def import_extract(uow: UnitOfWork, data: bytes, *, file_name: str,
                   source: str | None = None, as_of: date | None = None,
                   office_code: str | None = None, actor: Actor,
                   now: datetime | None = None) -> ImportResult:
    """Validate ``data`` completely, then replace the source's snapshot with it (commits).

    Only a supervisor (or admin) of the office may. Raises
    :class:`~app.fiscal.extract.ExtractRefused` (every bad line) or another
    :class:`LoketError` before anything is written.
    """
    now = now or utcnow()
    s = uow.session
    office = resolve_office(s, office_code)
    who = access.require(s, actor, Act.DATA, office_id=office.id, now=now)
    today = local_day(now, office.zone)
    as_of = as_of or today
    if as_of > today:
        raise LoketError("fiscal.future_as_of", as_of=as_of,
                         today=today)
    extract = read_extract(data, name=file_name, source=source, today=today)
    # one import at a time per office (PostgreSQL; SQLite serialises writers anyway)
    s.scalar(select(Office.id).where(Office.id == office.id).with_for_update())
    earlier = s.scalars(select(FiscalImportBatch).where(
        FiscalImportBatch.office_id == office.id,
        FiscalImportBatch.sha256 == extract.sha256)).first()
    if earlier is not None:
        raise LoketError("fiscal.duplicate_file", sha=extract.sha256[:12],
                         at=local(earlier.imported_at, office.zone).strftime("%d-%m-%Y %H:%M"),
                         by=earlier.imported_by, name=earlier.file_name)
    current = current_batches(s, office.id).get(extract.source)
    if current is not None and current.as_of > as_of:
        raise LoketError("fiscal.older_extract", source=SOURCE_NAMES[extract.source],
                         as_of=as_of, current=current.as_of.isoformat())
    batch = FiscalImportBatch(
        office_id=office.id, source=extract.source, file_name=file_name[:255],
        sha256=extract.sha256, rows=len(extract.rows), total=extract.total, as_of=as_of,
        imported_by=who.name[:64], user_id=who.user_id, imported_at=now)
    s.add(batch)
    s.flush()
    replaced = None
    if current is not None:
        s.execute(delete(FiscalArrear).where(FiscalArrear.batch_id == current.id))
        current.replaced_at = now
        current.replaced_by_id = batch.id
        s.flush()
        replaced = BatchInfo.of(current)
    s.execute(insert(FiscalArrear), [
        {"batch_id": batch.id, "office_id": office.id, "source": r.source, "line": r.line,
         "nik": r.nik, "npwpd": r.npwpd, "npwpd_key": r.npwpd_key, "nop": r.nop,
         "plate": r.plate, "name": r.name, "tax": r.tax, "period": r.period,
         "amount": r.amount, "due_date": r.due_date} for r in extract.rows])
    info = BatchInfo.of(batch)
    audit.record(s, actor=who.name, user_id=who.user_id, action="fiscal.import",
                 entity="fiscal_import_batch", entity_id=batch.id, office_id=office.id,
                 before=replaced.to_json() if replaced else None, after=info.to_json(), at=now)
    uow.commit()
    return ImportResult(office.code, info, replaced)


__all__ = ["SOURCES", "BatchInfo", "ImportResult", "current_batches", "import_extract",
           "list_batches", "read_file"]
