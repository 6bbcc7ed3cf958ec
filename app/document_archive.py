"""Documents handed to visitors: the office's letterhead, and the issued PDFs kept on file.

Every PDF a service issues is stored in ``documents`` (kind, number, data, bytes) in the
same transaction as what it documents, so it can be reprinted as issued and checked later.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Document, Office
from printing.document import Letterhead, office_letterhead


def letterhead(office: Office) -> Letterhead:
    """The office's kop surat (drawn from the office row by printing, which owns letterheads)."""
    return office_letterhead(office)


def save_document(session: Session, *, office_id: int, kind: str, number: str, pdf: bytes,
                  data: dict[str, Any], visit_id: int | None = None,
                  payment_id: int | None = None, issued_by: int | None = None,
                  now: datetime | None = None) -> Document:
    """Keep an issued PDF (flushed, so its id is known; committed with the caller's work)."""
    doc = Document(office_id=office_id, kind=kind, number=number, content=pdf,
                   content_type="application/pdf", data=data, visit_id=visit_id,
                   payment_id=payment_id, issued_by=issued_by,
                   issued_at=now or datetime.now(UTC))
    session.add(doc)
    session.flush()
    return doc


def find_document(session: Session, office_id: int, kind: str, number: str) -> Document | None:
    return session.scalars(select(Document).where(
        Document.office_id == office_id, Document.kind == kind, Document.number == number)
    ).first()
