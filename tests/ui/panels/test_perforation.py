"""The perforation panel: the form checked as it is typed, "Hitung" on a simulated machine
in a worker (a jam, then the resume), reconciliation figures and the pick-up form. The
panel acts for the officer ``petugas``; the reconciliation is a supervisor's (``pengawas``,
app/perforation/service.py RECONCILE)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from app.store import Store
from db.engine import make_engine, sqlite_url
from devices.perforator_sim import PerforatorSimulator
from ui.panels.base import PanelContext
from ui.panels.perforation import PerforationPanel

OFFICE = "BPPD-MALANG"
NOW = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def machine() -> Iterator[PerforatorSimulator]:
    sim = PerforatorSimulator(600_000.0, faults="jam@150", keepalive=0.1)
    if sys.platform == "win32":
        sim.start_tcp()
    else:
        sim.start_pty()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def panel(qtbot, catalog_store: Store) -> PerforationPanel:
    ctx = PanelContext(store=catalog_store, office_code=OFFICE, counter_code="L4",
                       actor=lambda: "petugas", clock=lambda: NOW)
    widget = PerforationPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    return widget


def _use_machine(panel: PerforationPanel, connection: str, tmp_path) -> None:
    """The machine set for the counter's station in the office's station settings (a
    stations file imported), then chosen at the panel by its name: the connection is
    never shown, only its tooltip."""
    from app.access import Actor
    from app.catalog.service import import_file

    path = tmp_path / "stations.yaml"
    path.write_text("format: loket-stations/1\noffices:\n  - office: BPPD-MALANG\n"
                    "    stations:\n      - {code: LOKET-4, kind: counter, counter: L4, "
                    f"name: Loket 4, devices: {{perforator: \"{connection}\"}}}}\n",
                    encoding="utf-8")
    with panel.ctx.store.uow() as uow:
        import_file(uow, path, actor=Actor("admin"))
    panel.load_machines()
    assert [panel.machine.itemText(i) for i in range(panel.machine.count())] == [
        "Mesin perforasi loket ini"]
    assert panel.machine.toolTip() == connection == panel.machine_connection()
    assert panel.machine_state.text() == "Keadaan mesin: belum dipakai"


def _as(panel: PerforationPanel, name: str) -> None:
    """The person signed in at the console from now on."""
    panel.ctx.actor = lambda: name


def _fill(qtbot, panel: PerforationPanel, sheets: str = "400") -> None:
    for field, text in ((panel.npwpd, "P.2.0001234.01.02"), (panel.name, "Parkir Sejahtera"),
                        (panel.series, "PKR-A"), (panel.first, "1"), (panel.last, "400"),
                        (panel.sheets, sheets), (panel.face_value, "2.000")):
        qtbot.keyClicks(field.edit, text)
    panel.media.setCurrentIndex(panel.media.findData("parkir"))


def test_the_form_is_checked_as_it_is_typed(qtbot, panel: PerforationPanel) -> None:
    assert not panel.save_button.isEnabled()
    qtbot.keyClicks(panel.npwpd.edit, "P.2")
    assert "NPWPD" in panel.npwpd.reason_text()
    qtbot.keyClicks(panel.npwpd.edit, ".0001234.01.02")
    assert panel.npwpd.reason_text() == ""
    qtbot.keyClicks(panel.face_value.edit, "2.000,5")
    assert "nilai nominal" in panel.face_value.reason_text()
    panel.face_value.setText("")
    panel.npwpd.setText("")
    _fill(qtbot, panel, sheets="398")
    assert "tidak sama" in panel.range_reason.text()
    assert not panel.save_button.isEnabled()
    qtbot.keyClicks(panel.note, "dua lembar hilang")
    assert panel.range_reason.text() == "" and panel.save_button.isEnabled()
    assert panel.total_label.text() == "Rp796.000"
    with qtbot.waitSignal(panel.request_saved) as saved:
        panel.save_button.click()
    info = saved.args[0]
    assert info.number == "PRF-2026-00001" and info.media == "parkir"
    assert panel.current is not None and "PRF-2026-00001" in panel.summary.text()
    assert "15 menit per 1.000 lembar" in panel.due_label.text()
    assert panel.first.text() == "" and not panel.save_button.isEnabled()
    assert panel.requests.count() == 1


def test_count_in_a_worker_then_reconcile_and_pick_up(
        qtbot, panel: PerforationPanel, machine: PerforatorSimulator, tmp_path) -> None:
    _fill(qtbot, panel)
    panel.save_button.click()
    _use_machine(panel, f"perforator+serial://{machine.address}?timeout=0.5"
                 if not machine.url.startswith("socket://")
                 else f"perforator+tcp://{machine.address}?timeout=0.5", tmp_path)
    assert panel.count_button.isEnabled() and not panel.reconcile_button.isEnabled()
    failures: list[str] = []
    panel.failed.connect(failures.append)
    with qtbot.waitSignal(panel.count_finished, timeout=20_000) as first:
        panel.count_button.click()
        assert panel.is_counting() and not panel.count_button.isEnabled()  # UI not blocked
    outcome = first.args[0]
    assert outcome.state == "stopped" and outcome.counted == 149
    assert failures and "macet" in failures[-1]
    assert panel.progress.value() == 149 and "macet" in panel.count_label.text()
    assert panel.machine_state.text() == "Keadaan mesin: Macet"  # in words, not "jammed"
    # the officer clears the jam and presses Hitung again: the job resumes
    with qtbot.waitSignal(panel.count_finished, timeout=20_000) as second:
        panel.count_button.click()
    assert second.args[0].done and panel.progress.value() == 400
    assert panel.machine_state.text() == "Keadaan mesin: Siap"
    assert panel.count_label.text() == "400 lembar terhitung (oleh mesin)"
    assert any(line.startswith("RESUME ") for line in machine.received)
    assert panel.reconcile_button.isEnabled() and not panel.count_button.isEnabled()
    panel.damaged.setValue(3)
    _as(panel, "pengawas")  # the supervisor reconciles
    with qtbot.waitSignal(panel.reconciled):
        panel.reconcile_button.click()
    _as(panel, "petugas")  # the officer hands the valuables over
    figures = {k: v.text() for k, v in panel.figures.items()}
    assert figures == {"sheets": "400", "counted": "400", "short": "0", "extra": "0",
                       "damaged": "3", "good": "397", "result": "SELISIH",
                       "value": "Rp794.000"}
    panel.grab().save(str(__import__("pathlib").Path("/tmp/perforation-panel.png")))
    assert not panel.pickup_button.isEnabled()
    qtbot.keyClicks(panel.pickup_by.edit, "Budi Santoso")
    assert panel.pickup_button.isEnabled()
    with qtbot.waitSignal(panel.form_issued) as issued:
        panel.pickup_button.click()
    number, pdf = issued.args
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert number in text and "Budi Santoso" in text and "397" in text
    assert panel.current.status == "picked_up" and panel.requests.count() == 0


def test_an_unreachable_machine_is_reported_and_the_count_stays_possible(
        qtbot, panel: PerforationPanel, tmp_path) -> None:
    _fill(qtbot, panel)
    panel.save_button.click()
    _use_machine(panel, "perforator+tcp://127.0.0.1:9?timeout=0.3", tmp_path)
    with qtbot.waitSignal(panel.failed, timeout=20_000) as failed:
        panel.count_button.click()
    assert "mesin perforasi" in failed.args[0]
    qtbot.waitUntil(lambda: not panel.is_counting(), timeout=5_000)
    assert panel.count_button.isEnabled() and panel.current.status == "interrupted"
    assert panel.machine_state.text() == "Keadaan mesin: Tidak terjangkau"


def test_ending_a_stopped_job_lets_the_supervisor_reconcile_the_short_count(
        qtbot, panel: PerforationPanel, machine: PerforatorSimulator, tmp_path) -> None:
    _fill(qtbot, panel)
    panel.save_button.click()
    scheme = "perforator+tcp://" if machine.url.startswith("socket://") else \
        "perforator+serial://"
    _use_machine(panel, f"{scheme}{machine.address}?timeout=0.5", tmp_path)
    assert not panel.end_button.isEnabled()
    with qtbot.waitSignal(panel.count_finished, timeout=20_000):
        panel.count_button.click()
    assert panel.end_button.isEnabled() and panel.reconcile_button.isEnabled()
    with qtbot.waitSignal(panel.count_finished, timeout=20_000) as ended:
        panel.end_button.click()
    assert ended.args[0].state == "aborted" and machine.snapshot().state == "idle"
    assert not panel.end_button.isEnabled()
    with qtbot.waitSignal(panel.failed) as refused:  # not the officer's to reconcile
        panel.reconcile_button.click()
    assert refused.args[0].startswith("petugas (petugas) tidak boleh ")
    assert panel.current.status == "interrupted" and panel.reconcile_button.isEnabled()
    asked: list[str] = []  # at a counter: the officer's role is known, a supervisor signs
    panel.ctx.may = lambda act: False
    panel.ctx.countersign = lambda act, question: asked.append(question)  # nobody signs
    panel._update_actions()
    assert panel.reconcile_why.text().startswith("Perlu persetujuan supervisor")
    assert panel.reconcile() is False and len(asked) == 1 and "supervisor" in asked[0]
    assert panel.current.status == "interrupted"
    panel.ctx.may, panel.ctx.countersign = lambda act: True, None
    _as(panel, "pengawas")
    with qtbot.waitSignal(panel.reconciled):
        panel.reconcile_button.click()
    assert panel.current.reconciled_by == "pengawas"
    assert panel.figures["short"].text() == "251" and panel.figures["good"].text() == "149"


def test_the_visit_at_the_counter_brings_its_request(qtbot, panel: PerforationPanel,
                                                     catalog_store: Store) -> None:
    from app.queue import engine as q

    with catalog_store.uow() as uow:
        ticket = q.issue_ticket(uow, "PERFORASI", office_code=OFFICE, now=NOW)
    with catalog_store.uow() as uow:  # the panel's counter calls it: its work is done there
        q.call_ticket(uow, "L4", ticket.ticket, office_code=OFFICE,
                      actor=q.Actor("petugas"), now=NOW)
    panel.set_visit(ticket.id, ticket.ticket)
    _fill(qtbot, panel)
    with qtbot.waitSignal(panel.request_saved) as saved:
        panel.save_button.click()
    assert saved.args[0].visit_id == ticket.id
    panel.current = None
    panel.set_visit(None, None)
    assert panel.current is None
    panel.set_visit(ticket.id, ticket.ticket)
    assert panel.current is not None and panel.current.number == saved.args[0].number


def test_a_typed_request_is_reported_and_saved_or_kept(qtbot, panel: PerforationPanel) -> None:
    assert panel.unsaved() is None and not panel.count_button.isEnabled()
    assert panel.count_why.text() == "Pilih permohonan di daftar, atau simpan permohonan baru."
    _fill(qtbot, panel)
    panel.last.setText("")
    assert panel.unsaved() == ("permohonan perforasi: NPWPD, nama, seri, nomor seri awal, "
                               "jumlah lembar, nilai nominal")
    assert panel.save_why.text() == "Isi nomor seri akhir."
    with qtbot.waitSignal(panel.failed) as refused:
        assert not panel.save_unsaved()
    assert refused.args[0] == "Permohonan perforasi belum disimpan: isi nomor seri akhir"
    assert panel.series.text() == "PKR-A" and panel.current is None
    qtbot.keyClicks(panel.last.edit, "400")
    with qtbot.waitSignal(panel.request_saved):
        assert panel.save_unsaved()
    assert panel.unsaved() is None  # what stays in the form (NPWPD, name) was saved
    assert panel.count_why.isHidden() and panel.count_button.isEnabled()
    assert panel.reconcile_why.text() == "Hitung lembarnya dulu (Hitung)."
    qtbot.keyClicks(panel.pickup_by.edit, "Andi")  # not at the pick-up yet: not work
    assert panel.unsaved() is None


def test_a_lost_database_is_said_and_a_count_is_not_started(
        qtbot, panel: PerforationPanel, tmp_path) -> None:
    """The server gone after a request was saved: the list and the count (in the worker)
    say so in words; the request stays on screen to count again."""
    _fill(qtbot, panel)
    panel.save_button.click()
    saved = panel.current
    assert saved is not None
    panel.desk.store = Store(make_engine(sqlite_url(tmp_path)))  # a folder: no database
    with qtbot.waitSignal(panel.failed) as failed:
        panel.refresh_requests()
    assert failed.args[0].startswith("tidak dapat terhubung ke basis data")
    assert panel.requests.count() == 1  # the last list stays
    # no machine set for the counter: the simulator, by its name
    assert panel.machine.currentText() == "Mesin perforasi simulasi (latihan)"
    assert panel.machine_connection().startswith("sim://")
    messages: list[str] = []
    panel.failed.connect(messages.append)
    with qtbot.waitSignal(panel.count_finished, timeout=20_000) as finished:
        panel.count_button.click()
    assert finished.args[0] is None and not panel.is_counting()
    assert messages and all(m.startswith("tidak dapat terhubung ke basis data")
                            for m in messages)
    assert panel.current == saved and panel.count_button.isEnabled()
    panel.desk.store.close()
