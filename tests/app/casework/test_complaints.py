"""Complaints: channels of the catalog, 24 working hours, SOP steps with their own times,
answer and resolution, the overdue list and the supervisor board's summary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.access import Actor
from app.casework import applications as A
from app.casework import complaints as C
from app.casework import holidays as H
from app.casework.board import OverdueEntry, overdue_summary
from app.errors import LoketError
from app.store import Store
from db.models import AuditEntry, Complaint, Office
from tests.helpers import snapshot

SAMSAT, MALANG = "SAMSAT-PTK1", "BPPD-MALANG"


def wib(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Jakarta")).astimezone(UTC)


def register(store: Store, at: datetime, office: str = SAMSAT, channel: str = "whatsapp",
             **kw):
    kw.setdefault("text", "STNK belum jadi padahal sudah bayar")
    with store.uow() as uow:
        return C.register_complaint(uow, channel=channel, office_code=office,
                                    actor=Actor("petugas"), now=at, **kw)


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_24_hours_on_working_days_cross_the_weekend(catalog_store: Store) -> None:
    info = register(catalog_store, wib(2026, 12, 4, 10), reporter="Andi")  # Friday
    assert info.due_at == wib(2026, 12, 7, 10)  # Monday, same clock time
    assert info.number == "SAMSAT-PTK1/ADU/2026/000001"
    assert info.status == "received" and info.channel == "whatsapp"
    # the Samsat SOP: every step within the 24 working hours
    assert [s.due_at for s in info.steps] == [wib(2026, 12, 7, 10)] * 4
    assert info.steps[0].text.startswith("Pelapor menyampaikan")


def test_24_hours_across_christmas_and_on_a_day_off(catalog_store: Store) -> None:
    # Wednesday 23 Dec 14:00; 24 cuti bersama, 25 Natal, weekend -> Monday 28 Dec 14:00
    assert register(catalog_store, wib(2026, 12, 23, 14)).due_at == wib(2026, 12, 28, 14)
    # received on Saturday: counting starts Monday 00:00, all of Monday -> Tuesday 00:00
    assert register(catalog_store, wib(2026, 12, 5, 11)).due_at == wib(2026, 12, 8, 0)


def test_local_holiday_delays_the_complaint(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        H.add_holiday(uow, date(2026, 12, 7), "Hari jadi daerah", office_code=SAMSAT,
                      actor=Actor("admin"))
    assert register(catalog_store, wib(2026, 12, 4, 10)).due_at == wib(2026, 12, 8, 10)


def test_malang_sop_steps_one_after_another_capped_at_the_standard(catalog_store: Store
                                                                   ) -> None:
    info = register(catalog_store, wib(2026, 12, 7, 9), office=MALANG, channel="phone")
    assert info.due_at == wib(2026, 12, 8, 9)  # 1 working day
    assert [s.due_at for s in info.steps] == [
        wib(2026, 12, 7, 9, 5), wib(2026, 12, 7, 9, 10), wib(2026, 12, 7, 9, 15),
        wib(2026, 12, 8, 9), wib(2026, 12, 8, 9),  # 1 day after 9:15, capped at the due time
    ]
    assert info.number == "BPPD-MALANG/ADU/2026/000001"


def test_office_without_a_response_standard_has_no_due_time(catalog_store: Store) -> None:
    info = register(catalog_store, wib(2026, 12, 7), office="BPS-BANTEN", channel="email")
    assert info.due_at is None and info.steps == ()


def test_steps_answer_close_and_audit(catalog_store: Store) -> None:
    info = register(catalog_store, wib(2026, 12, 4, 10))
    with catalog_store.uow() as uow:
        after_step = C.complete_step(uow, info.number, 2, note="diteruskan ke tim",
                                     office_code=SAMSAT, actor=Actor("petugas"),
                                     now=wib(2026, 12, 4, 10, 30))
    assert after_step.status == "in_progress"
    assert after_step.steps[1].done_at == wib(2026, 12, 4, 10, 30)
    assert after_step.steps[1].done_by == "petugas"
    with catalog_store.uow() as uow, pytest.raises(LoketError, match="already done"):
        C.complete_step(uow, info.number, 2, office_code=SAMSAT, actor=Actor("petugas"))
    with catalog_store.uow() as uow, pytest.raises(LoketError, match="no step 9"):
        C.complete_step(uow, info.number, 9, office_code=SAMSAT, actor=Actor("petugas"))
    with catalog_store.uow() as uow, pytest.raises(LoketError, match="not been answered"):
        C.close(uow, info.number, "selesai", office_code=SAMSAT, actor=Actor("petugas"))
    with catalog_store.uow() as uow:
        answered = C.answer(uow, info.number, "STNK siap diambil di loket 3",
                            office_code=SAMSAT, actor=Actor("pengawas"), now=wib(2026, 12, 7, 9))
    assert answered.status_text == "ditanggapi" and answered.answered_by == "pengawas"
    with catalog_store.uow() as uow:
        closed = C.close(uow, info.number, "STNK sudah diterima pelapor", office_code=SAMSAT,
                         actor=Actor("pengawas"), now=wib(2026, 12, 7, 11))
    assert closed.status == "closed" and closed.resolved_at == wib(2026, 12, 7, 11)
    with catalog_store.uow() as uow, pytest.raises(LoketError, match="already closed"):
        C.answer(uow, info.number, "lagi", office_code=SAMSAT, actor=Actor("petugas"))
    with catalog_store.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "complaint").order_by(AuditEntry.id)).all()
        row = uow.session.get(Complaint, info.id)
    assert actions == ["complaint.register", "complaint.step", "complaint.answer",
                       "complaint.close"]
    assert row is not None and row.answer == "STNK siap diambil di loket 3"


def test_overdue_complaints_at_a_fixed_clock(catalog_store: Store) -> None:
    late = register(catalog_store, wib(2026, 12, 4, 10))  # due Mon 7 Dec 10:00
    answered = register(catalog_store, wib(2026, 12, 4, 9))
    with catalog_store.uow() as uow:
        C.answer(uow, answered.number, "sudah", office_code=SAMSAT, actor=Actor("petugas"),
                 now=wib(2026, 12, 7, 11))  # late, but answered: not on the list
    register(catalog_store, wib(2026, 12, 7, 8))  # due Tue 8 Dec 08:00
    with catalog_store.uow(read_only=True) as uow:
        at_due = C.overdue(uow, office_code=SAMSAT, now=wib(2026, 12, 7, 10))
        later = C.overdue(uow, office_code=SAMSAT, now=wib(2026, 12, 7, 12, 30))
    assert at_due == []
    assert [(x.number, x.overdue_by) for x in later] == [(late.number,
                                                          timedelta(hours=2, minutes=30))]
    assert later[0].late_steps == (1, 2, 3, 4)


def test_overdue_summary_for_the_supervisor_board(catalog_store: Store) -> None:
    with catalog_store.uow() as uow:
        app = A.register_application(uow, "KEBERATAN", office_code=MALANG,
                                     applicant_name="Budi", subject="SKPD reklame",
                                     amount="500000", actor=Actor("petugas"), now=wib(2026, 12, 18))
    complaint = register(catalog_store, wib(2026, 12, 31, 9), office=MALANG, channel="room",
                         reporter="Rina", text="Antrean lama")
    with catalog_store.uow(read_only=True) as uow:
        office_id = uow.session.scalar(select(Office.id).where(Office.code == MALANG))
        assert office_id is not None
        summary = overdue_summary(uow.session, office_id, wib(2027, 1, 4, 10))
        assert overdue_summary(uow.session, office_id, wib(2026, 12, 29, 10)) == []
    # application due 31 Dec (overdue since 1 Jan 00:00); complaint of Thursday 31 Dec 09:00
    # due Monday 4 Jan 09:00 (1 working day: New Year and the weekend skipped)
    assert summary == [
        OverdueEntry("application", app.number,  # the service and channel in words
                     "Penyelesaian Keberatan Pajak Daerah: Budi - SKPD reklame",
                     wib(2027, 1, 1, 0), timedelta(days=3, hours=10)),
        OverdueEntry("complaint", complaint.number, "Ruang pengaduan: Rina - Antrean lama",
                     wib(2027, 1, 4, 9), timedelta(hours=1)),
    ]
    kind, number, title, due_at, overdue_by = summary[0]  # a plain tuple too
    assert (kind, number, title) == ("application", app.number, summary[0].title)
    assert due_at < wib(2027, 1, 4, 10) and overdue_by > timedelta(0)


@pytest.mark.parametrize(("kw", "fragment"), [
    ({"channel": "fax"}, "saluran pengaduan 'fax' tidak ada"),  # not a Samsat channel
    ({"channel": ""}, "saluran pengaduan"),
    ({"text": "   "}, "isi pengaduan belum diisi"),
    ({"reporter": "x" * 201}, "terlalu panjang"),
])
def test_bad_complaint_refused_with_nothing_changed(catalog_store: Store, kw,
                                                    fragment) -> None:
    before = snapshot(_url(catalog_store))
    with pytest.raises(LoketError) as err:
        register(catalog_store, wib(2026, 12, 4), **kw)
    assert fragment in err.value.message("id")
    assert snapshot(_url(catalog_store)) == before


def test_every_catalog_channel_is_accepted(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        kinds = [c.kind for c in C.channels(uow, office_code=SAMSAT)]
    assert kinds[:4] == ["room", "box", "phone", "whatsapp"] and len(kinds) == 9
    numbers = [register(catalog_store, wib(2026, 12, 4), channel=k.upper()).number
               for k in kinds]
    assert numbers[-1] == "SAMSAT-PTK1/ADU/2026/000009"
