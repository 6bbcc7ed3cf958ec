"""The loket 2 officer's day-end recap: every payment they took that day, per method.

The totals are sums of the recorded payments (voided ones left out), so the printed recap
adds up to what is in ``payments``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select

from app.clock import day_bounds, local
from app.document_archive import letterhead
from app.errors import LoketError
from app.queue.engine import resolve_office
from app.samsat import messages  # noqa: F401  (registers the messages)
from app.samsat.flow import METHOD_NAMES, RECEIPT_KIND
from app.store import UnitOfWork
from db.enums import PaymentMethod
from db.models import Document, Payment, User, Vehicle, Visit
from db.models_samsat import StnkCase
from printing import samsat_documents as docs


@dataclass(frozen=True)
class RecapLine:
    payment_id: int
    at: datetime  # UTC
    local_at: datetime
    ticket: str
    plate: str
    receipt_number: str
    method: str
    reference: str
    amount: Decimal


@dataclass(frozen=True)
class MethodTotal:
    method: str
    count: int
    total: Decimal


@dataclass(frozen=True)
class DayRecap:
    office_code: str
    office_name: str
    zone: str
    officer: str
    officer_name: str
    day: date
    lines: tuple[RecapLine, ...]
    methods: tuple[MethodTotal, ...]  # every method, in a fixed order, zero when unused
    total: Decimal

    @property
    def count(self) -> int:
        return len(self.lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "office": self.office_code, "officer": self.officer,
            "officer_name": self.officer_name, "day": self.day.isoformat(),
            "count": self.count, "total": str(self.total),
            "methods": [{"method": m.method, "count": m.count, "total": str(m.total)}
                        for m in self.methods],
            "payments": [{"payment_id": ln.payment_id, "at": ln.at.isoformat(),
                          "local_time": f"{ln.local_at:%H:%M}", "ticket": ln.ticket,
                          "plate": ln.plate, "receipt": ln.receipt_number,
                          "method": ln.method, "reference": ln.reference,
                          "amount": str(ln.amount)} for ln in self.lines],
        }


def day_recap(uow: UnitOfWork, office_code: str | None, officer: str, day: date
              ) -> DayRecap:
    """The payments ``officer`` (user name) received at the office on its local ``day``."""
    s = uow.session
    office = resolve_office(s, office_code)
    user = s.scalar(select(User).where(User.username == officer))
    taken_by_name = s.scalar(select(StnkCase.id).where(StnkCase.paid_by == officer).limit(1))
    if user is None and taken_by_name is None:
        raise LoketError("samsat.officer.unknown", name=officer)
    start, end = day_bounds(day, office.zone)
    who = [StnkCase.paid_by == officer]
    if user is not None:
        who.append(Payment.received_by == user.id)
    rows = s.execute(
        select(Payment, Visit.ticket, Vehicle.plate, Document.number)
        .outerjoin(StnkCase, StnkCase.payment_id == Payment.id)
        .outerjoin(Vehicle, Vehicle.id == StnkCase.vehicle_id)
        .outerjoin(Visit, Visit.id == Payment.visit_id)
        .outerjoin(Document, (Document.payment_id == Payment.id)
                   & (Document.kind == RECEIPT_KIND))
        .where(Payment.office_id == office.id, Payment.received_at >= start,
               Payment.received_at < end, Payment.voided_at.is_(None), or_(*who))
        .order_by(Payment.received_at, Payment.id)
    ).all()
    lines = tuple(RecapLine(p.id, p.received_at, local(p.received_at, office.zone),
                            ticket or "-", plate or "-", number or "-", p.method.value,
                            p.reference, p.amount) for p, ticket, plate, number in rows)
    methods = tuple(MethodTotal(m.value, sum(1 for ln in lines if ln.method == m.value),
                                sum((ln.amount for ln in lines if ln.method == m.value),
                                    Decimal(0)))
                    for m in PaymentMethod)
    return DayRecap(office.code, office.name, office.zone.value, officer,
                    user.full_name if user else "", day, lines, methods,
                    sum((ln.amount for ln in lines), Decimal(0)))


def recap_pdf(uow: UnitOfWork, recap: DayRecap, *, now: datetime | None = None) -> bytes:
    """The recap as an A4 PDF with the office's letterhead."""
    office = resolve_office(uow.session, recap.office_code)
    now = now or datetime.now(UTC)
    paper = docs.RecapPaper(
        office_name=recap.office_name, zone=recap.zone, officer=recap.officer,
        officer_name=recap.officer_name, day=recap.day,
        rows=tuple(docs.RecapRow(ln.local_at, ln.ticket, ln.plate, ln.receipt_number,
                                 METHOD_NAMES[ln.method], ln.reference, ln.amount)
                   for ln in recap.lines),
        methods=tuple(docs.RecapMethod(METHOD_NAMES[m.method], m.count, m.total)
                      for m in recap.methods),
        total=recap.total, printed_at=local(now, office.zone))
    return docs.recap_pdf(paper, letterhead(office))
