"""The loket console at a 1366 x 768 laptop and a 1920 x 1080 monitor: the number and the next
action large, the lists readable, no text clipped or elided, no code or English word shown
to the officer. Idle and serving, driven through the console's own buttons; screenshots go
to LOKET_SHOTS (and, with LOKET_DOC_SHOTS set, to docs/screenshots)."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableWidget,
    QWidget,
)

from app.store import Store
from tests.ui.fit import clipped
from tests.ui.test_counter import (  # noqa: F401  (fixtures)
    OFFICE,
    Clock,
    clock,
    issue,
    login,
    officers,
    pass_cek_fisik,
)
from ui.counter import CounterWindow

SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = [(1366, 768), (1920, 1080)]
# what an officer must never read: stored codes and the engine's English words
CODES = ("called", "serving", "waiting", "no_show", "loket-1", "loket-2", "cek-fisik", "L1",
         "CF", "SAMSAT-PTK1", "STNK-HILANG", "STNK-PERPANJANGAN", "lansia")
# the smallest type at each height: the number, the next action, the lists
MIN_POINTS = {768: (44, 15, 10), 1080: (60, 18, 13)}


def shown_texts(window: CounterWindow) -> list[str]:
    """Every word on the console: labels, buttons, table cells and headers, tabs."""
    texts = [w.text() for w in window.main.findChildren(QLabel) + window.main.findChildren(
        QAbstractButton) if w.isVisibleTo(window)]
    for table in window.main.findChildren(QTableWidget):
        for c in range(table.columnCount()):
            texts.append(table.horizontalHeaderItem(c).text())
            texts += [table.item(r, c).text() for r in range(table.rowCount())]
    texts += [window.panel_tabs.tabText(i) for i in range(window.panel_tabs.count())]
    texts += [window.held.item(i).text() for i in range(window.held.count())]
    return texts


def codes_in(texts: list[str]) -> list[str]:
    return [t for t in texts for code in CODES
            if code in t.replace("—", " ").replace(",", " ").replace(":", " ").split()]


def settle(window: CounterWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    QApplication.processEvents()  # pending layout requests: the screen as it settles
    assert (window.width(), window.height()) == size  # nothing forces the window larger


def check(window: CounterWindow, size: tuple[int, int], primary: str) -> None:
    """The console as it stands at ``size``: the next action ``primary`` big and alone,
    the number big, the lists readable, nothing clipped, no code shown."""
    number, action, lists = MIN_POINTS[size[1]]
    assert window.ticket_label.font().pointSize() >= number
    button = window.buttons[primary]
    assert button.isVisibleTo(window) and button.isEnabled()
    assert button.font().pointSize() >= action and button.font().bold()
    for name in ("call", "start", "finish"):  # one next action at a time
        assert window.buttons[name].isVisibleTo(window) == (name == primary), name
    for name in ("recall", "skip", "hold", "transfer", "return", "incomplete", "cancel"):
        secondary = window.buttons[name]
        assert secondary.isVisibleTo(window), name
        assert secondary.font().pointSize() < button.font().pointSize()
        assert secondary.height() < button.height()
    for table in (window.waiting, window.history, window.held):
        assert table.font().pointSize() >= lists
    assert clipped(window) == []
    assert codes_in(shown_texts(window)) == []


def save(window: CounterWindow, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert (image.width(), image.height()) == (window.width(), window.height())
    assert image.save(str(SHOTS / name))
    if os.environ.get("LOKET_DOC_SHOTS"):
        shutil.copy(SHOTS / name, DOCS / name)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_console_fits_and_reads_at_both_screen_sizes(qtbot, catalog_store: Store,
                                                        officers, clock: Clock,  # noqa: F811
                                                        tmp_path: Path, size) -> None:
    """Loket 1 with visitors waiting and one held: idle, the call is the big button; while
    serving a priority visitor with the checklist and the registration panel, "Selesai"
    is, and the work panel takes most of the height."""
    served = issue(catalog_store, "STNK-HILANG", priority="lansia")
    held = issue(catalog_store)
    waiting = [issue(catalog_store) for _ in range(3)]
    for _ in range(5):
        pass_cek_fisik(catalog_store)
    window = CounterWindow(catalog_store, OFFICE, "L1", clock=clock,
                           slip_folder=tmp_path / "slips")
    qtbot.addWidget(window)
    settle(window, size)
    window.show()
    qtbot.waitExposed(window)
    login(window, "petugas2")
    assert window.pages.currentWidget() is window.main
    settle(window, size)
    assert window.current is None
    check(window, size, "call")
    assert window.waiting.rowCount() == 5
    if catalog_store.backend == "sqlite":  # one set of pictures is enough
        save(window, f"counter-{size[0]}x{size[1]}-idle.png")

    window.buttons["call"].click()  # the priority visitor first
    assert window.current is not None and window.current.ticket == served
    check(window, size, "start")
    window.buttons["hold"].click()
    window.buttons["call"].click()
    assert window.current.ticket == held
    window.buttons["hold"].click()
    window.held.setCurrentRow(0)
    window.buttons["call"].click()
    assert window.current.ticket == waiting[0]
    window.buttons["return"].click()  # back to the queue: the list keeps three
    window.held.setCurrentRow(0)
    window.resume_button.click()
    assert window.current is not None and window.current.ticket == served
    clock.now += timedelta(minutes=7)
    window.buttons["start"].click()
    assert window.current.status == "serving"
    window.checkboxes["cek-fisik"].setChecked(True)
    window.checkboxes["identitas-asli"].setChecked(True)
    clock.now += timedelta(minutes=2, seconds=5)
    window.refresh()
    settle(window, size)
    assert window.ticket_label.text() == served
    assert window.priority_label.isVisibleTo(window)
    assert window.stage_time_label.text().startswith("Di tahap ini: 09:05")
    assert window.held.count() == 1 and window.waiting.rowCount() == 3
    check(window, size, "finish")
    assert window.checklist_box.isVisibleTo(window)
    history = window.history  # the latest event in view, whole
    assert history.item(history.rowCount() - 1, 1).text() == "Centang: Identitas Diri Asli"

    def last_in_view() -> bool:  # rows take their wrapped height as the layout settles
        last = history.visualItemRect(history.item(history.rowCount() - 1, 1))
        return last.top() >= 0 and last.bottom() <= history.viewport().height()

    qtbot.waitUntil(last_in_view, timeout=5000)
    # the work panel: most of the console's height, the width beside the lists
    assert window.work_panel.height() >= 0.4 * window.main.height()
    assert window.work_panel.width() >= 0.6 * window.width()
    if catalog_store.backend == "sqlite":
        save(window, f"counter-{size[0]}x{size[1]}.png")
    window.ask_unsaved = lambda text: "discard"
    window.close()


BATU = "BAPENDA-BATU"


def cut_headings(panel: QWidget) -> list[str]:
    """The column headings of ``panel``'s visible tables narrower than their text."""
    found = []
    for table in panel.findChildren(QTableWidget):
        if not table.isVisibleTo(panel):
            continue
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            if not header.isSectionHidden(c) and \
                    header.sectionSize(c) + 1 < header.sectionSizeHint(c):
                found.append(f"{table.horizontalHeaderItem(c).text()!r} {header.sectionSize(c)}"
                             f" (needs {header.sectionSizeHint(c)})")
    return found


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_bapenda_work_panels_fit_without_scrolling_sideways(qtbot, catalog_store: Store,
                                                               clock: Clock,  # noqa: F811
                                                               tmp_path: Path, size) -> None:
    """Bapenda Kota Batu's lokets (its catalog's long service names): Loket 1's casework
    panel and Loket 3's NPWPD, casework and perforation panels, serving a visitor, each
    tab within the console's width (no sideways scrolling), nothing clipped, the
    complaint channels in words."""
    from app import users
    from app.access import Actor
    from app.queue import engine as q
    from tests.app.queue.conftest import MONDAY_9
    from tests.ui.test_counter import PASSWORD
    from ui.panels.casework import CaseworkPanel

    with catalog_store.uow() as uow:
        users.add_user(uow, "petugas.batu", "officer", PASSWORD, actor=Actor("admin"),
                       office_code=BATU, full_name="Petugas Batu")
    with catalog_store.uow() as uow:
        q.issue_ticket(uow, "PBB-OP-BARU", office_code=BATU, now=MONDAY_9)
    for counter, tabs in (("L1", 1), ("L3", 3)):
        window = CounterWindow(catalog_store, BATU, counter, clock=clock,
                               slip_folder=tmp_path / "slips")
        qtbot.addWidget(window)
        settle(window, size)
        window.show()
        qtbot.waitExposed(window)
        login(window, "petugas.batu")
        settle(window, size)
        if counter == "L1":
            window.buttons["call"].click()
            window.buttons["start"].click()
            assert window.current is not None and window.current.status == "serving"
        assert window.panel_tabs.count() == tabs
        for i in range(tabs):
            window.panel_tabs.setCurrentIndex(i)
            panel = window.panel_tabs.widget(i).widget()
            pages = [panel.tabs.setCurrentIndex] * 2 if isinstance(panel, CaseworkPanel) \
                else [lambda _n: None]
            for n, show in enumerate(pages):
                show(n)
                settle(window, size)
                scroll = window.panel_tabs.widget(i)
                assert panel.minimumSizeHint().width() <= scroll.viewport().width(), (
                    counter, window.panel_tabs.tabText(i), n)
                assert scroll.horizontalScrollBar().maximum() == 0
                assert clipped(window) == [], (counter, window.panel_tabs.tabText(i), n)
                assert cut_headings(panel) == []
                if isinstance(panel, CaseworkPanel):
                    channels = [panel.channel.itemText(k) for k in range(panel.channel.count())]
                    assert "Laman web: Pengaduan, kritik dan saran melalui laman Bapenda" in \
                        channels and not any(t.startswith("website") for t in channels)
                    # the long service names: the drop-down shows what fits, whole in a tip
                    assert panel.service.toolTip() == panel.service.currentText()
                    assert panel.service.currentText().startswith(
                        "Pendaftaran Objek Pajak Baru PBB-P2")
                if catalog_store.backend == "sqlite" and (counter, i, n) == ("L1", 0, 0):
                    save(window, f"counter-bapenda-{size[0]}x{size[1]}.png")
        window.ask_unsaved = lambda text: "discard"
        window.close()
