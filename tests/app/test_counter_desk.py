"""The loket console's services: lists, history, requirement ticks and the incomplete slip
(the lists and the history are read by :mod:`app.stations.counter`)."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import users
from app.access import Actor
from app.desk import visit as desk
from app.errors import LoketError
from app.queue import engine as q
from app.samsat.flow import record_check
from app.stations import counter
from app.store import Store
from db.models import AuditEntry, Document, User, Visit
from tests.app.queue.conftest import MONDAY_9
from tests.helpers import snapshot

OFFICE = "SAMSAT-PTK1"


def _officer(store: Store, name: str = "petugas1") -> q.Actor:
    with store.uow() as uow:
        info = users.add_user(uow, name, "officer", "rahasia-123", actor=Actor("admin"),
                              office_code=OFFICE)
    return q.Actor(info.username, info.id)


def _issue(store: Store, service: str = "STNK-PERPANJANGAN", minutes: int = 0, **kw):
    with store.uow() as uow:
        return q.issue_ticket(uow, service, office_code=OFFICE,
                              now=MONDAY_9 + timedelta(minutes=minutes), **kw)


def _check_at_cf(store: Store, actor: q.Actor) -> None:
    """Cek fisik records the numbers of the visit it serves (the stage's rule wants them)."""
    with store.uow(read_only=True) as uow:
        visit_id = desk.current_visit(uow, "CF", office_code=OFFICE, now=MONDAY_9).visit_id
    with store.uow() as uow:
        record_check(uow, visit_id, chassis="MH1JFM110FK123456", engine="JFM1E1123456",
                     actor=actor, now=MONDAY_9)


def _to_l1(store: Store, actor: q.Actor) -> None:
    """The first visit waiting at cek fisik goes through it and is called at loket 1."""
    with store.uow() as uow:
        q.call_next(uow, "CF", office_code=OFFICE, actor=actor, now=MONDAY_9)
    _check_at_cf(store, actor)
    with store.uow() as uow:
        q.finish(uow, "CF", office_code=OFFICE, actor=actor, now=MONDAY_9)
    with store.uow() as uow:
        q.call_next(uow, "L1", office_code=OFFICE, actor=actor, now=MONDAY_9)


def test_desk_info_knows_the_counter_and_the_transfer_targets(catalog_store: Store) -> None:
    with catalog_store.uow(read_only=True) as uow:
        info = desk.desk_info(uow, "L1", office_code=OFFICE)
    assert info.counter_name == "Loket 1 Pendaftaran"
    assert [st.code for st in info.stages] == ["loket-1"]
    assert [st.code for st in info.all_stages] == ["cek-fisik", "loket-1", "loket-2",
                                                   "loket-3"]
    assert [c.code for c in info.counters] == ["CF", "L2", "L3"]
    assert info.zone == "WIB" and info.document_printer is None


def test_waiting_list_priority_first_then_oldest(catalog_store: Store) -> None:
    _issue(catalog_store)
    _issue(catalog_store, "STNK-HILANG", minutes=1)
    _issue(catalog_store, minutes=2, priority="lansia")
    with catalog_store.uow(read_only=True) as uow:
        at_cf = counter.waiting_list(uow, "CF", office_code=OFFICE, now=MONDAY_9)
        at_l1 = counter.waiting_list(uow, "L1", office_code=OFFICE, now=MONDAY_9)
    assert [e.ticket for e in at_cf] == ["A-002", "A-001", "B-001"]
    assert at_cf[0].priority == "lansia"
    assert at_l1 == []


def test_checklist_ticks_history_and_the_incomplete_slip(catalog_store: Store,
                                                         tmp_path: Path) -> None:
    officer = _officer(catalog_store)
    _issue(catalog_store)
    with catalog_store.uow() as uow:
        q.call_next(uow, "CF", office_code=OFFICE, actor=officer, now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        at_cf = desk.current_visit(uow, "CF", office_code=OFFICE, now=MONDAY_9)
    assert at_cf is not None and at_cf.stage_code == "cek-fisik" and not at_cf.checklist
    _check_at_cf(catalog_store, officer)
    with catalog_store.uow() as uow:
        q.finish(uow, "CF", office_code=OFFICE, actor=officer, now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        assert [e.ticket for e in counter.waiting_list(uow, "L1", office_code=OFFICE,
                                                    now=MONDAY_9)] == ["A-001"]
    with catalog_store.uow() as uow:
        q.call_next(uow, "L1", office_code=OFFICE, actor=officer, now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        current = desk.current_visit(uow, "L1", office_code=OFFICE,
                                     now=MONDAY_9 + timedelta(minutes=25))
    assert current is not None and current.checklist
    assert current.sla == "near" and current.status == "called"
    assert [r.code for r in current.requirements] == [
        "cek-fisik", "bpkb-fotokopi", "stnk-asli", "skpd-asli", "identitas-asli"]
    at = MONDAY_9 + timedelta(minutes=3)
    for code in ("cek-fisik", "stnk-asli", "identitas-asli"):
        with catalog_store.uow() as uow:
            desk.set_requirement(uow, current.visit_id, code, True, actor=officer, now=at)
    with catalog_store.uow() as uow:
        states = desk.set_requirement(uow, current.visit_id, "identitas-asli", False,
                                      actor=officer, now=at)
    assert [r.code for r in states if r.checked] == ["cek-fisik", "stnk-asli"]
    assert states[0].by == "petugas1" and states[0].at == at
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.get(Visit, current.visit_id)
        assert visit.data["requirements"]["stnk-asli"]["user_id"] == officer.user_id
        entries = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "visit.requirement")).all()
        history = counter.visit_history(uow, current.visit_id)
    assert len(entries) == 4 and {e.user_id for e in entries} == {officer.user_id}
    assert entries[-1].after["checked"] == ["cek-fisik", "stnk-asli"]
    actions = [h.action for h in history]
    assert actions[:4] == ["issued", "called", "finished.out", "finished"]
    assert actions.count("requirements") == 4
    assert history[1].counter == "CF" and history[1].user == "petugas1"
    assert history[0].local_at.hour == 9  # WIB

    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        desk.set_requirement(uow, current.visit_id, "nope", True, actor=officer)
    assert err.value.key == "desk.unknown_requirement"

    with catalog_store.uow() as uow:
        slip = desk.finish_incomplete(uow, "L1", office_code=OFFICE, actor=officer,
                                      now=at, folder=tmp_path)
    assert slip.missing == ("Fotokopi BPKB", "SKPD / Notice Pajak Asli", "Identitas Diri Asli")
    assert slip.path is not None and slip.path.parent == tmp_path and slip.printed_to is None
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(
        slip.path.read_bytes())).pages)
    for missing in slip.missing:
        assert missing in text
    assert "STNK Asli" not in text and "A-001" in text and "BERKAS TIDAK LENGKAP" in text
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.get(Visit, current.visit_id)
        document = uow.session.scalar(select(Document).where(Document.visit_id == visit.id))
        issued = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "slip.issued"))
        assert desk.current_visit(uow, "L1", office_code=OFFICE, now=at) is None
    assert visit.status.value == "incomplete" and visit.outcome == "incomplete"
    assert document.kind == desk.SLIP_KIND and document.content == slip.pdf
    assert issued.actor == "petugas1" and issued.after["ticket"] == "A-001"

    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        desk.set_requirement(uow, visit.id, "skpd-asli", True, actor=officer)
    assert err.value.key == "desk.visit_closed"


def test_incomplete_with_nobody_served_is_refused(catalog_store: Store, tmp_path: Path) -> None:
    with catalog_store.uow() as uow, pytest.raises(LoketError) as err:
        desk.finish_incomplete(uow, "L1", office_code=OFFICE, actor=q.SYSTEM,
                               folder=tmp_path / "slips")
    assert err.value.key == "queue.counter_idle"
    assert not (tmp_path / "slips").exists()


def test_held_list(catalog_store: Store) -> None:
    officer = _officer(catalog_store)
    _issue(catalog_store)
    _to_l1(catalog_store, officer)
    with catalog_store.uow() as uow:
        q.hold(uow, "L1", office_code=OFFICE, actor=officer, now=MONDAY_9)
    with catalog_store.uow(read_only=True) as uow:
        held = counter.held_list(uow, "L1", office_code=OFFICE)
        assert desk.current_visit(uow, "L1", office_code=OFFICE) is None
    assert [h.ticket for h in held] == ["A-001"] and held[0].status == "held"


# --- who may (app/access.py) ---------------------------------------------------------------


def _refused_alone(store: Store, url: str, action) -> tuple[LoketError, AuditEntry]:
    """``action`` is refused; nothing changes but one new ``access.refused`` audit entry."""
    before = snapshot(url)
    with pytest.raises(LoketError) as err:
        action()
    assert snapshot(url) == {**before, "audit_log": before["audit_log"] + 1}
    with store.uow(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "access.refused").order_by(AuditEntry.id.desc())).first()
    return err.value, entry


@pytest.mark.parametrize("who", ["kasi", "nonaktif"])
def test_no_officer_ticks_nothing_and_prints_no_slip(catalog_store: Store,
                                                      catalog_db_url: str, tmp_path: Path,
                                                      who: str) -> None:
    officer = _officer(catalog_store)
    if who == "nonaktif":
        _officer(catalog_store, who)
        with catalog_store.uow() as uow:
            uow.session.scalar(select(User).where(User.username == who)).active = False
            uow.commit()
    expected = {"kasi": ("access.unknown", "'kasi' bukan pengguna Loket; masuk dengan nama "
                                           "pengguna yang terdaftar"),
                "nonaktif": ("access.inactive", "akun nonaktif dinonaktifkan")}[who]
    _issue(catalog_store)
    _to_l1(catalog_store, officer)
    with catalog_store.uow(read_only=True) as uow:
        visit_id = desk.current_visit(uow, "L1", office_code=OFFICE, now=MONDAY_9).visit_id

    def tick() -> None:
        with catalog_store.uow() as uow:
            desk.set_requirement(uow, visit_id, "stnk-asli", True, actor=Actor(who),
                                 now=MONDAY_9)

    def slip() -> None:
        with catalog_store.uow() as uow:
            desk.finish_incomplete(uow, "L1", office_code=OFFICE, actor=Actor(who), now=MONDAY_9,
                                   folder=tmp_path / "slips")

    def cancel() -> None:
        with catalog_store.uow() as uow:
            desk.cancel_visit(uow, "L1", office_code=OFFICE, actor=Actor(who), reason="salah",
                              now=MONDAY_9)

    for action in (tick, slip, cancel):
        err, entry = _refused_alone(catalog_store, catalog_db_url, action)
        assert (err.key, err.message("id")) == expected
        assert entry.actor == who and entry.after["act"] == "counter_work"
        assert entry.after["reason"] == expected[0].removeprefix("access.")
    assert not (tmp_path / "slips").exists()
    with catalog_store.uow(read_only=True) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit.status.value == "called" and "requirements" not in (visit.data or {})
        assert entry.office_id == visit.office_id
    # the officer's tick is theirs, by name and user id
    with catalog_store.uow() as uow:
        states = desk.set_requirement(uow, visit_id, "stnk-asli", True, actor=Actor("petugas"),
                                      now=MONDAY_9)
    ticked = [s for s in states if s.checked]
    assert [s.by for s in ticked] == ["petugas"]
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "visit.requirement"))
        petugas = uow.session.scalar(select(User.id).where(User.username == "petugas"))
    assert (entry.actor, entry.user_id) == ("petugas", petugas)
