"""The stations of one office day at Samsat Pontianak, driven as people drive them.

:class:`OfficeDay` opens the kiosk, the four counter consoles (cek fisik, loket 1, 2, 3),
the waiting-room display and the survey station on one database, all on one simulated clock,
and offers the moves of the day as a person makes them: a tap on the kiosk, F-keys at a
console, numbers typed into a work panel, boxes ticked with the mouse, a supervisor typing
into the real :class:`ui.counter.SupervisorDialog`, an officer picking a counter in the real
:class:`ui.counter.TransferDialog`, a visitor's finger on the survey keypad. Every call is
checked on the display (the number in that counter's box and in no other) and every move-on
empties the box. Services are called only to set the office up (users, the Samsat register)
and to read results.

What was typed is kept in :attr:`OfficeDay.typed`, per ticket, so the test can look for
every value in the database at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QPushButton, QWidget

from app import users
from app.access import Actor
from app.money import format_rupiah
from app.queue import engine as q
from app.samsat import registry
from app.store import Store
from ui.counter import CounterWindow, SupervisorDialog, TransferDialog
from ui.display import DisplayWindow
from ui.kiosk import KioskWindow
from ui.survey import SurveyWindow

OFFICE = "SAMSAT-PTK1"
PASSWORD = "rahasia-123"
WAIT = 10_000
EMPTY = "-"  # an open counter's box with nobody called there
OFFICERS = {"CF": "petugas1", "L1": "petugas2", "L2": "petugas3", "L3": "petugas4"}
NUMBERS = {"CF": 0, "L1": 1, "L2": 2, "L3": 3}  # as the display calls them: loket 1...
SUPERVISOR = "kepala"
PRIORITY = {"lansia": "Lansia", "disabilitas": "Disabilitas", "hamil": "Ibu hamil",
            "anak": "Anak"}
NEXT_STAGE = {"CF": "Pendaftaran Berkas", "L1": "Pembayaran PKB, SWDKLLJ dan PNBP",
              "L2": "Pengesahan dan Penyerahan STNK"}
SERVICE_NAMES = {"STNK-PERPANJANGAN": "Perpanjangan STNK",
                 "STNK-HILANG": "Penggantian STNK Hilang"}


class Clock:
    """The office's wall clock: fixed, moved on by the scenario."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@dataclass
class Visitor:
    """A vehicle owner with the vehicle in the Samsat register."""

    n: int
    name: str
    service: str = "STNK-PERPANJANGAN"
    car: bool = False
    tickets: list[str] = field(default_factory=list)  # a visitor who comes back has two
    priority: str | None = None  # asked for at the kiosk

    @property
    def ticket(self) -> str:
        return self.tickets[-1]

    @property
    def nik(self) -> str:  # Pontianak, born 15-08-1990 (a woman: day + 40), serial n
        return f"6171011508900{self.n:03d}"

    @property
    def plate(self) -> str:
        return f"KB {1100 + self.n} {'AB' if self.car else 'TK'}"

    @property
    def chassis(self) -> str:
        return (f"MHKA4DE3JKJ{500000 + self.n}" if self.car
                else f"MH1JFM110FK{600000 + self.n}")

    @property
    def engine(self) -> str:
        return f"1NRF{700000 + self.n}" if self.car else f"JFM1E1{800000 + self.n}"


def register_visitors(store: Store, visitors: list[Visitor], at: datetime) -> None:
    """Put the owners and their vehicles in the Samsat register (set-up, not the test)."""
    clerk = q.Actor("petugas")  # a seeded officer of the catalogs
    for v in visitors:
        with store.uow() as uow:
            registry.register_person(uow, registry.PersonData(
                v.nik, v.name, f"Jl. Gajah Mada {v.n}, Pontianak"), actor=clerk, now=at)
        data = registry.VehicleData(
            plate=v.plate, category="R4" if v.car else "R2",
            swdkllj_class="car-private" if v.car else "motor-250",
            njkb="180.000.000" if v.car else f"{14 + v.n % 5}.000.000",
            tax_due_on=date(2026, 10 + v.n % 2, 1 + v.n % 27),
            stnk_valid_until=date(2029, 10 + v.n % 2, 1 + v.n % 27),
            chassis_no=v.chassis, engine_no=v.engine, owner_nik=v.nik,
            make="Toyota" if v.car else "Honda", model="Avanza" if v.car else "Vario 125",
            year_made=2015 + v.n % 9, engine_cc=1300 if v.car else 125, color="Hitam",
            fuel="Bensin")
        with store.uow() as uow:
            registry.register_vehicle(uow, data, actor=clerk, now=at)


def add_staff(store: Store) -> None:
    """The officers of the four counters and the office's supervisor."""
    for name in OFFICERS.values():
        with store.uow() as uow:
            users.add_user(uow, name, "officer", PASSWORD, actor=Actor("admin"), office_code=OFFICE,
                           full_name=name.capitalize())
    with store.uow() as uow:
        users.add_user(uow, SUPERVISOR, "supervisor", PASSWORD, actor=Actor("admin"),
                       office_code=OFFICE, full_name="Kepala UPT")


class RecordingAnnouncer:
    """Stands in for the speakers: what the display asked to be spoken."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def announce(self, ticket: str, number: int, call_name: str = "") -> None:
        self.calls.append((ticket, number))


def click(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click: on a check box or radio button, on its indicator."""
    if pos is None and not isinstance(widget, QPushButton) and isinstance(widget,
                                                                         QAbstractButton):
        pos = QPoint(10, widget.height() // 2)
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def retype(qtbot: Any, edit: QWidget, text: str) -> None:
    """Select what the field holds (Ctrl+A) and type over it."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def rupiah_digits(amount: Decimal) -> str:
    """``Rp1.234.000`` as the officer types it: ``1.234.000``."""
    return format_rupiah(amount).removeprefix("Rp")


class OfficeDay:
    """The office's stations on one database and one clock (see the module's docstring)."""

    def __init__(self, qtbot: Any, store: Store, clock: Clock, folder: Path,
                 stores: Mapping[str, Store] | None = None) -> None:
        """``stores``: the store each kind of PC uses (``display``, ``kiosk``, ``station``),
        on PostgreSQL each its own least-privileged role; ``store`` by default."""
        self.qtbot, self.store, self.clock, self.folder = qtbot, store, clock, folder
        self.stores = {kind: (stores or {}).get(kind, store)
                       for kind in ("display", "kiosk", "station")}
        self.typed: dict[str, dict[str, str]] = {}
        self.asked: list[str] = []  # what the consoles asked the officers to confirm
        self.announcer = RecordingAnnouncer()
        self.printer = f"sim://?name=office-day-{uuid.uuid4().hex[:10]}"
        self.windows: list[QWidget] = []
        self.counters: dict[str, CounterWindow] = {}

    # --- opening ------------------------------------------------------------------------

    def _show(self, window: QWidget, size: tuple[int, int]) -> None:
        self.qtbot.addWidget(window)
        self.windows.append(window)
        window.resize(*size)
        window.show()
        self.qtbot.waitExposed(window)

    def open_stations(self) -> None:
        """The display first (it must hear every call), then the officers sign in at the
        four counters, then the kiosk and the survey station are switched on."""
        self.display = DisplayWindow(self.stores["display"], OFFICE, announcer=self.announcer,
                                     clock=self.clock)
        self._show(self.display, (1280, 720))
        for code, user in OFFICERS.items():
            window = CounterWindow(self.stores["station"], OFFICE, code, clock=self.clock,
                                   slip_folder=self.folder / "slips")
            self._show(window, (1366, 768))
            self.counters[code] = window
            qtbot = self.qtbot
            qtbot.keyClicks(window.login.username, user)
            qtbot.keyClicks(window.login.password, PASSWORD)
            click(qtbot, window.login.button)
            assert window.pages.currentWidget() is window.main, window.login.message.text()
            window.confirm = self._confirm
            window.ask_unsaved = self._never_asked
            self.wait_box(code, EMPTY)  # open now: "-", no longer "TUTUP"
        self.kiosk = KioskWindow(self.stores["kiosk"], OFFICE, printer=self.printer,
                                 clock=self.clock, idle_seconds=600)
        self._show(self.kiosk, (1280, 800))
        self.survey = SurveyWindow(self.stores["station"], OFFICE, clock=self.clock,
                                   idle_seconds=600)
        self._show(self.survey, (1280, 800))
        self.survey.thanks_timer.setInterval(10)  # the thank-you screen, briefly

    def close_stations(self) -> None:
        for window in self.counters.values():
            window.ask_unsaved = lambda text: "discard"
        for window in reversed(self.windows):
            window.close()

    def _confirm(self, text: str) -> bool:
        self.asked.append(text)
        return True

    @staticmethod
    def _never_asked(text: str) -> str:
        raise AssertionError(f"unexpected question about unsaved input: {text}")

    # --- the display --------------------------------------------------------------------

    def boxes(self) -> dict[str, str]:
        """Each counter's box on the TV, as a visitor reads it."""
        return {code: tile.ticket.text() for code, tile in self.display.tiles.items()}

    def wait_box(self, counter: str, text: str) -> None:
        """Wait until ``counter``'s box says ``text``; a ticket must be in no other box."""
        def shown() -> None:
            boxes = self.boxes()
            assert boxes[counter] == text, boxes
            if text not in (EMPTY, "TUTUP"):
                assert [c for c, t in boxes.items() if t == text] == [counter], boxes
        self.qtbot.waitUntil(shown, timeout=WAIT)

    # --- the kiosk ----------------------------------------------------------------------

    def take_number(self, visitor: Visitor, priority: str | None = None) -> str:
        """The visitor taps the kiosk (the priority button and a reason first, if any),
        reads the number, and taps "Selesai"."""
        kiosk, qtbot = self.kiosk, self.qtbot
        assert kiosk.pages.currentWidget() is kiosk.start_page
        if priority:
            click(qtbot, kiosk.priority_button)
            click(qtbot, kiosk.priority_buttons[priority])
        with qtbot.waitSignal(kiosk.ticket_shown, timeout=WAIT) as shown:
            click(qtbot, kiosk.service_buttons[visitor.service])
        info, result = shown.args
        assert result is not None and result.state == "done"  # printed
        assert kiosk.number.text() == info.ticket
        assert info.service == visitor.service and info.priority == priority
        if priority:
            assert kiosk.ticket_priority.isVisible()
        visitor.tickets.append(info.ticket)
        visitor.priority = priority
        done = next(b for b in kiosk.ticket_page.findChildren(QPushButton)
                    if b.text() == "Selesai")
        click(qtbot, done)
        assert kiosk.pages.currentWidget() is kiosk.start_page
        return info.ticket

    # --- the consoles -------------------------------------------------------------------

    def press(self, counter: str, key: Qt.Key) -> CounterWindow:
        window = self.counters[counter]
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
        self.qtbot.keyClick(window, key)
        return window

    def call(self, counter: str, v: Visitor) -> CounterWindow:
        """F1: the next number is ``v``'s; it stands in this counter's box (and no other),
        is spoken, and a priority visitor is marked so on the console."""
        ticket = v.ticket
        heard = len(self.announcer.calls)
        window = self.press(counter, Qt.Key.Key_F1)
        assert window.current is not None, window.banner.text()
        assert window.current.ticket == ticket, (window.current.ticket, ticket)
        assert window.banner.text() == f"Memanggil {ticket}."
        assert window.service_label.text() == SERVICE_NAMES[v.service]
        assert window.priority_label.isVisibleTo(window) == bool(v.priority)
        if v.priority:
            assert window.priority_label.text() == f"PRIORITAS: {PRIORITY[v.priority]}"
        self.wait_box(counter, ticket)
        self.wait_spoken(heard, ticket, counter)
        self.clock.advance(0.5)  # the visitor walks to the counter
        return window

    def wait_spoken(self, heard: int, ticket: str, counter: str) -> None:
        """The display had ``ticket`` spoken for ``counter`` (after the first ``heard``)."""
        self.qtbot.waitUntil(
            lambda: (ticket, NUMBERS[counter]) in self.announcer.calls[heard:], timeout=WAIT)

    def start(self, counter: str) -> CounterWindow:
        window = self.press(counter, Qt.Key.Key_F3)
        assert window.current is not None and window.current.status == "serving"
        return window

    def finish(self, counter: str, ticket: str) -> CounterWindow:
        """F9: the visit moves on (saving what was typed first); the box empties."""
        window = self.press(counter, Qt.Key.Key_F9)
        assert window.current is None, window.banner.text()
        assert window.banner_kind == "info", window.banner.text()
        if counter in NEXT_STAGE:
            assert (f"{ticket} selesai di sini, lanjut ke {NEXT_STAGE[counter]}."
                    in window.banner.text()), window.banner.text()
        else:
            assert window.banner.text().startswith(f"{ticket} selesai dilayani."), \
                window.banner.text()
        self.wait_box(counter, EMPTY)
        return window

    def note(self, ticket: str, **values: str) -> None:
        self.typed.setdefault(ticket, {}).update(values)

    # --- the stages' work ---------------------------------------------------------------

    def cek_fisik(self, v: Visitor, *, save_button: bool = False) -> None:
        """Tempat cek fisik: the officer types the chassis and engine numbers and presses
        F9, the usual way, which records them before the visit moves on; or presses
        "Simpan cek fisik" first."""
        self.call("CF", v)
        cf = self.start("CF")
        (check,) = cf.panels
        assert check.ticket == v.ticket and check.chassis.text() == ""
        self.qtbot.keyClicks(check.chassis.edit, v.chassis)
        self.qtbot.keyClicks(check.engine.edit, v.engine)
        self.note(v.ticket, chassis=v.chassis, engine=v.engine)
        self.clock.advance(1.5)
        if save_button:
            click(self.qtbot, check.check_button)
            assert "SESUAI" in check.check_result.text() and check.unsaved() is None
        else:  # typed, not saved: F9 saves it
            assert check.unsaved() == "cek fisik: nomor rangka, nomor mesin"
        self.finish("CF", v.ticket)
        if not save_button:
            assert f"Cek fisik {v.ticket} dicatat." in cf.banner.text()

    def tick(self, counter: str, codes: list[str] | None = None) -> None:
        """Tick the requirements the visitor brought (all, or ``codes``) with the mouse."""
        window = self.counters[counter]
        for code, box in window.checkboxes.items():
            if codes is None or code in codes:
                click(self.qtbot, box)
                assert box.isChecked(), code

    def register(self, v: Visitor, *, with_f9: bool = False, finish: bool = True) -> None:
        """Loket 1: the plate is the one cek fisik found; every requirement ticked, the
        owner's NIK typed, "Daftarkan" (or F9, which registers what was typed), F9."""
        l1 = self.counters["L1"]
        (panel,) = l1.panels
        assert panel.plate.text() == v.plate
        self.tick("L1")
        self.qtbot.keyClicks(panel.nik.edit, v.nik)
        self.note(v.ticket, nik=v.nik)
        assert v.name in panel.owner_info.text()
        self.clock.advance(2)
        if with_f9:
            assert panel.unsaved() == "pendaftaran: NIK pemilik"
        else:
            click(self.qtbot, panel.register_button)
            assert panel.view is not None and panel.view.status == "registered"
        if finish:
            self.finish("L1", v.ticket)

    def pay(self, v: Visitor, *, transfer: str | None = None, with_f9: bool = False,
            finish: bool = True) -> Decimal:
        """Loket 2: the bill is read out, cash counted (typed) or the bank reference
        typed, "Bayar" (or F9, which takes the payment typed), F9. The bill's total."""
        l2 = self.counters["L2"]
        (panel,) = l2.panels
        assert panel.bill is not None and panel.bill_table.rowCount() >= 3
        total = panel.bill.total
        self.choose(panel.method, "transfer" if transfer else "cash")
        if transfer:
            self.qtbot.keyClicks(panel.reference, transfer)
            self.note(v.ticket, reference=transfer)
        else:
            tendered = (total // 50_000 + 1) * 50_000  # a round sum of notes
            self.qtbot.keyClicks(panel.tendered.edit, rupiah_digits(tendered))
            assert panel.change_label.text() == format_rupiah(tendered - total)
            self.note(v.ticket, tendered=format_rupiah(tendered))
        self.clock.advance(1.5)
        if with_f9:
            assert panel.unsaved() is not None
        else:
            click(self.qtbot, panel.pay_button)
            assert panel.view is not None and panel.view.status == "paid", l2.banner.text()
            assert len(l2.last_documents) == 2  # the SKPD and the receipt
        if finish:
            self.finish("L2", v.ticket)
        return total

    def hand_over(self, v: Visitor, *, recipient: str | None = None,
                  with_f9: bool = False) -> None:
        """Loket 3: endorsed and stamped ticked, the recipient (the owner, or someone the
        owner sent, typed over), "Serahkan STNK" (or F9, which records it), F9."""
        l3 = self.counters["L3"]
        (panel,) = l3.panels
        assert panel.recipient.text() == v.name  # the owner, filled in
        click(self.qtbot, panel.endorsed)
        click(self.qtbot, panel.stamped)
        if recipient:
            retype(self.qtbot, panel.recipient, recipient)
        self.note(v.ticket, recipient=recipient or v.name)
        self.clock.advance(1)
        if with_f9:
            assert panel.unsaved() is not None
        else:
            click(self.qtbot, panel.handover_button)
            assert panel.view is not None and panel.view.status == "handed_over"
        self.finish("L3", v.ticket)

    def choose(self, combo: Any, code: str) -> None:
        """Pick ``code`` in a combo box with the arrow keys (the method stays as the last
        visitor's until the officer changes it)."""
        step = Qt.Key.Key_Down if combo.findData(code) > combo.currentIndex() else Qt.Key.Key_Up
        for _ in range(combo.count()):
            if combo.currentData() == code:
                break
            self.qtbot.keyClick(combo, step)
        assert combo.currentData() == code

    def through(self, v: Visitor, counter: str, **kw: Any) -> Any:
        """Call ``v`` at ``counter``, start, and do that stage's work (then F9)."""
        if counter == "CF":
            return self.cek_fisik(v, **kw)
        self.call(counter, v)
        self.start(counter)
        work: dict[str, Callable[..., Any]] = {"L1": self.register, "L2": self.pay,
                                               "L3": self.hand_over}
        return work[counter](v, **kw)

    # --- the visits that end otherwise ----------------------------------------------------

    def recall_until_gone(self, counter: str, v: Visitor) -> None:
        """Nobody comes: F2 again and again (the box keeps the number and it is spoken
        again) until the office's recall limit makes it a no-show and the box empties."""
        window = self.call(counter, v)
        for n in range(1, 10):
            heard = len(self.announcer.calls)
            self.clock.advance(1)
            self.press(counter, Qt.Key.Key_F2)
            if window.current is None:
                break
            assert window.banner.text() == f"Memanggil ulang {v.ticket} ({n})."
            assert window.status_label.text().endswith(f"(dipanggil ulang {n}×)")
            self.wait_box(counter, v.ticket)
            self.wait_spoken(heard, v.ticket, counter)
        assert window.banner_kind == "warn"
        assert window.banner.text() == f"{v.ticket} tidak hadir setelah {n} kali panggilan."
        self.wait_box(counter, EMPTY)

    def skip(self, counter: str, v: Visitor) -> None:
        """Called, nobody at the counter: F4 "Tidak hadir", confirmed; the box empties."""
        window = self.call(counter, v)
        self.clock.advance(2)
        asked = len(self.asked)
        self.press(counter, Qt.Key.Key_F4)
        assert self.asked[asked:] == [f"Tandai {v.ticket} tidak hadir? Nomor ini ditutup."]
        assert window.current is None
        assert window.banner.text() == f"{v.ticket} ditandai tidak hadir."
        self.wait_box(counter, EMPTY)

    def incomplete(self, v: Visitor, brought: list[str]) -> Any:
        """Loket 1: only ``brought`` is ticked; "Berkas tidak lengkap", confirmed: the
        number is closed and the slip of what is missing is saved; the box empties."""
        self.call("L1", v)
        l1 = self.start("L1")
        self.tick("L1", brought)
        self.clock.advance(2)
        asked = len(self.asked)
        click(self.qtbot, l1.buttons["incomplete"])
        assert len(self.asked) == asked + 1
        assert self.asked[-1].startswith(f"Berkas {v.ticket} tidak lengkap. Yang belum ada:")
        assert l1.current is None, l1.banner.text()
        slip = l1.last_slip
        assert slip is not None and slip.ticket == v.ticket and slip.path is not None
        assert l1.banner.text() == (f"{v.ticket} ditutup: berkas tidak lengkap. Slip "
                                    f"disimpan: {slip.path}")
        self.wait_box("L1", EMPTY)
        return slip

    def cancel_unpaid(self, v: Visitor, reason: str) -> None:
        """Loket 2: the visitor will not pay; "Batalkan" asks for a supervisor, who signs
        in at the counter in the dialog with the reason; the box empties."""
        self.call("L2", v)
        l2 = self.start("L2")
        (panel,) = l2.panels
        assert panel.bill is not None and panel.bill.total > 0
        self.clock.advance(3)
        l2.authorize_cancel = self.supervisor_signs("L2", reason)
        click(self.qtbot, l2.buttons["cancel"])
        assert self.asked[-1].startswith(f"Tagihan {v.ticket} belum dibayar.")
        assert l2.current is None, l2.banner.text()
        assert l2.banner.text() == (f"{v.ticket} dibatalkan oleh supervisor {SUPERVISOR}: "
                                    f"{reason}")
        self.wait_box("L2", EMPTY)

    def hold_typed(self, counter: str, v: Visitor, answer: str) -> None:
        """The visitor steps away with numbers typed and not saved: F5 "Tahan" asks, in
        the console's real question box, and the officer clicks ``answer``."""
        window = self.counters[counter]
        window.ask_unsaved = self.answer_unsaved(counter, answer)
        try:
            self.press(counter, Qt.Key.Key_F5)
        finally:
            window.ask_unsaved = self._never_asked
        assert window.current is None, window.banner.text()
        held = [window.held.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(window.held.count())]
        assert held == [v.ticket]
        self.wait_box(counter, EMPTY)  # held: nobody is to come to the counter now

    def resume(self, counter: str, v: Visitor) -> CounterWindow:
        """"Lanjutkan": the held visitor is back; the box shows the number again."""
        window = self.counters[counter]
        click(self.qtbot, window.resume_button)
        assert window.current is not None and window.current.ticket == v.ticket
        assert window.current.status == "serving"
        self.wait_box(counter, v.ticket)
        return window

    def answer_unsaved(self, counter: str, answer: str) -> Callable[[str], str]:
        """The ``ask_unsaved`` hook: the console's own question box, the officer clicking
        the button labelled ``answer``."""
        window, qtbot = self.counters[counter], self.qtbot

        def ask(text: str) -> str:
            self.asked.append(text)
            box = window.unsaved_box(text)
            qtbot.addWidget(box)
            box.open()
            button = next(b for b in box.buttons() if b.text() == answer)
            click(qtbot, button)
            assert box.clickedButton() is button
            return str(button.property("answer"))
        return ask

    # --- dialogs, as the officers fill them in -----------------------------------------------

    def supervisor_signs(self, counter: str, reason: str) -> Callable[[str], Any]:
        """The ``authorize_cancel`` hook: the real supervisor dialog, typed into by the
        supervisor who came to the counter, then "Batalkan tagihan"."""
        window, qtbot = self.counters[counter], self.qtbot

        def sign(text: str) -> tuple[str, str, str] | None:
            self.asked.append(text)
            dialog = SupervisorDialog(text, window)
            qtbot.addWidget(dialog)
            dialog.open()
            assert not dialog.ok.isEnabled()
            qtbot.keyClicks(dialog.username, SUPERVISOR)
            qtbot.keyClicks(dialog.password, PASSWORD)
            qtbot.keyClicks(dialog.reason, reason)
            assert dialog.ok.isEnabled()
            click(qtbot, dialog.ok)
            assert dialog.result() == dialog.DialogCode.Accepted
            return dialog.values()
        return sign

    def transfer_to(self, counter: str, target: str) -> Callable[[], Any]:
        """The ``choose_transfer`` hook: the real transfer dialog, "Ke loket tertentu",
        the counter picked with the arrow keys, then "Alihkan"."""
        window, qtbot = self.counters[counter], self.qtbot

        def choose() -> Any:
            dialog = TransferDialog(window.info, window)
            qtbot.addWidget(dialog)
            dialog.open()
            click(qtbot, dialog.to_counter)
            assert dialog.to_counter.isChecked() and dialog.counters.isEnabled()
            self.choose(dialog.counters, target)
            box = dialog.findChild(QDialogButtonBox)
            click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))
            assert dialog.result() == dialog.DialogCode.Accepted
            return dialog.target()
        return choose

    # --- the survey station -------------------------------------------------------------

    def keypad(self, text: str) -> None:
        keys = {b.text(): b for b in self.survey.keypad.findChildren(QPushButton)}
        for key in text:
            click(self.qtbot, keys[key])

    def try_survey(self, ticket: str) -> None:
        """The visitor types the number on the keypad and taps "Mulai"."""
        survey = self.survey
        assert survey.pages.currentWidget() is survey.start_page
        if survey.ticket_edit.text() and not survey.ticket_edit.hasSelectedText():
            for _ in survey.ticket_edit.text():
                self.keypad("⌫")
        self.keypad(ticket)
        assert survey.ticket_edit.text() == ticket
        click(self.qtbot, survey.start_button)

    def answer_survey(self, ticket: str, answers: list[int], sex: int | None = None) -> None:
        """All nine elements answered by tapping faces, then "Kirim" (with the sex chosen)
        or "Lewati"; the station thanks and goes back to the start."""
        survey, qtbot = self.survey, self.qtbot
        self.try_survey(ticket)
        assert survey.pages.currentWidget() is survey.question_page, survey.start_error.text()
        assert survey.visit_label.text().startswith(f"{ticket} · ")
        for value in answers:
            click(qtbot, survey.answer_buttons[value - 1])
        assert survey.pages.currentWidget() is survey.respondent_page
        if sex is not None:
            click(qtbot, survey.option_groups["sex"].buttons()[sex])
            send = survey.send_button
        else:
            send = next(b for b in survey.respondent_page.findChildren(QPushButton)
                        if b.text() == "Lewati")
        with qtbot.waitSignal(survey.submitted, timeout=WAIT):
            click(qtbot, send)
        qtbot.waitUntil(lambda: survey.pages.currentWidget() is survey.start_page,
                        timeout=WAIT)
