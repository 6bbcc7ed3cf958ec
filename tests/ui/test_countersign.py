"""An act above the officer's role, pressed at the counter, asks a supervisor to sign there
(issue 15): the officer is told before pressing, an officer's password or a wrong one signs
for nothing, and the supervisor's signature does it in their name, audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.store import Store
from db.models import AuditEntry
from tests.app.bapenda.conftest import BATU, MONDAY_9
from tests.ui.panels.test_bapenda import _fill_personal
from tests.ui.test_counter import shot, shot_dialog
from ui.counter import CounterWindow, SupervisorDialog
from ui.panels.bapenda import BapendaPanel

PASSWORD = "rahasia-123"


@pytest.fixture
def counter(qtbot, catalog_store: Store, tmp_path) -> CounterWindow:
    window = CounterWindow(catalog_store, BATU, "L3", clock=lambda: MONDAY_9,
                           slip_folder=tmp_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.login.username, "petugas")
    qtbot.keyClicks(window.login.password, PASSWORD)
    qtbot.mouseClick(window.login.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.main, window.login.message.text()
    yield window
    window.ask_unsaved = lambda text: "discard"
    window.close()


def test_a_supervisor_signs_for_a_deactivation_at_the_officers_counter(
        qtbot, counter: CounterWindow, catalog_store: Store) -> None:
    panel = next(p for p in counter.panels if isinstance(p, BapendaPanel))
    counter._show_panel(panel)
    _fill_personal(qtbot, panel)
    panel.check_all_requirements()
    panel.card_to.clear()
    with qtbot.waitSignal(panel.registered) as registered:
        panel.register_taxpayer()
    npwpd = registered.args[0]["npwpd"]
    panel.tabs.setCurrentIndex(1)
    qtbot.keyClicks(panel.off_npwpd, npwpd)
    qtbot.keyClick(panel.off_npwpd, Qt.Key.Key_Return)
    panel.reason.setCurrentIndex(panel.reason.findData("lainnya"))
    qtbot.keyClicks(panel.note, "data ganda dari sistem lama")
    assert panel.off_button.isEnabled()
    assert panel.off_why.text() == "Perlu persetujuan supervisor: diminta saat tombol ditekan."

    asked: list[str] = []
    answers = iter([("petugas", PASSWORD), ("pengawas", "salah-sandi"), None,
                    ("pengawas", PASSWORD)])

    def sign(text: str) -> tuple[str, str] | None:
        asked.append(text)
        answer = next(answers)
        dialog = SupervisorDialog(text, counter, with_reason=False)  # what the officer sees
        qtbot.addWidget(dialog)
        assert dialog.reason.isHidden() and not dialog.ok.isEnabled()
        if answer is not None:
            qtbot.keyClicks(dialog.username, answer[0])
            qtbot.keyClicks(dialog.password, answer[1])
            assert dialog.ok.isEnabled() and dialog.ok.text() == "Setujui"
            assert dialog.values()[:2] == answer
            if len(asked) == 1:
                shot_dialog(counter, dialog, "countersign-dialog")
        dialog.close()
        return answer

    counter.authorize = sign
    qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
    assert asked == [f"Penonaktifan NPWPD {npwpd} perlu persetujuan supervisor."]
    assert "petugas (petugas) tidak boleh" in counter.banner.text()
    shot(counter, "countersign-refused", (1366, 768))
    qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
    assert counter.banner.text() == "nama pengguna atau kata sandi salah"
    qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)  # the dialog closed
    assert len(asked) == 3 and panel.off_button.isEnabled()
    assert panel.note.text() == "data ganda dari sistem lama"  # nothing typed was lost
    with catalog_store.uow(read_only=True) as uow:
        assert not uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "taxpayer.deactivated")).all()
    with qtbot.waitSignal(panel.deactivated) as done:
        qtbot.mouseClick(panel.off_button, Qt.MouseButton.LeftButton)
    assert done.args[0]["status"] == "inactive"
    with catalog_store.uow(read_only=True) as uow:
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action.like("%deactivat%"))).one()
        assert entry.actor == "pengawas"
        refused = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action.in_(("access.refused", "user.login_failed")))
            .order_by(AuditEntry.id)).all()
        assert [(e.action, e.actor) for e in refused] == [
            ("access.refused", "petugas"), ("user.login_failed", "pengawas")]
