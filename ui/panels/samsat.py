"""The Samsat STNK panel: one page per stage of the flow (cek fisik, loket 1, 2 and 3).

The page follows the counter's stage (``cek-fisik`` at CF, ``loket-1`` at L1...), or the
``stage`` the counter window passes. Everything it reads and records goes through its desk,
:mod:`app.stations.samsat_desk` (plain data, one unit of work per call; the rules are
:mod:`app.samsat.flow`'s and :mod:`app.samsat.registry`'s); a refusal, a lost database
included, is shown on the page and sent as :attr:`failed`. The
payment page shows the bill line by line with its rule, in the order the SKPD prints it.

Each page's button says beside it why it is disabled; when the visit skipped a step (a
loket 2 visit never registered), it names the counter that does that step
(:mod:`app.desk.hints`). What was typed on the page and not saved is reported to the
counter window (:meth:`SamsatPanel.unsaved`), which saves it before the visit moves on.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.errors import LoketError
from app.identifiers import parse_nik, parse_plate
from app.money import format_rupiah
from app.stations import samsat_desk as sd
from app.stations.samsat_desk import Actor
from ui.panels.base import (
    Panel,
    PanelContext,
    Tracked,
    button_row,
    describe,
    explain,
    field_problem,
    problems,
    refusal,
    why_label,
)
from ui.validated import ValidatedField

STAGES = ("cek-fisik", "loket-1", "loket-2", "loket-3")
# the work (``resources/panels/work-panels.yaml``) a visit must have had done elsewhere
REGISTRATION, PAYMENT, CHECK = "samsat-registration", "samsat-payment", "samsat-check"
DONE_REGISTERING = ("registered", "paid", "handed_over")
_RED, _GREEN, _GREY = "#C62828", "#2E7D32", "#555555"


def _bold(label: QLabel, size: int = 0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if size:
        font.setPointSize(size)
    label.setFont(font)
    return label


class _BillTable(QTableWidget):
    """The rules wrap: row heights follow the width the rule column gets."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()


class SamsatPanel(Panel):
    """Cek fisik, registration, payment and hand-over of an STNK visit."""

    paid = Signal(dict)  # the payment as JSON
    documents_issued = Signal(list)  # [(title, pdf bytes)]: the SKPD and the receipt
    handed_over = Signal(dict)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None, *,
                 stage: str | None = None) -> None:
        super().__init__(ctx, parent)
        # the desk's clock is the context's, read at each call
        self.desk = sd.SamsatDesk(ctx.store, ctx.office_code, clock=lambda: self.ctx.clock())
        self.view: sd.CaseView | None = None
        self.bill: sd.BillView | None = None
        self.last_payment: sd.PaymentResult | None = None
        self._places: dict[str, str] = {}  # work -> the counters that do it, by name
        self._vehicle_known: bool | None = None  # the register has the typed plate
        self._person_known: bool | None = None  # ... and the typed NIK

        self.header = _bold(QLabel(self), 13)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.stop = QLabel(self)
        self.stop.setWordWrap(True)
        self.stop.setStyleSheet(f"color: {_RED}; font-weight: bold;")
        self.stop.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._register_page())
        self.pages.addWidget(self._pay_page())
        self.pages.addWidget(self._handover_page())

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        layout.addWidget(self.stop)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        self._tracked = self._trackers()
        self.set_stage(stage or self._counter_stage())
        self._on_visit_changed()

    # --- frame -----------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("STNK")

    def _counter_stage(self) -> str:
        if not self.ctx.counter_code:
            return "loket-1"
        try:
            stages = self.desk.counter_stages(self.ctx.counter_code)
        except LoketError:
            return "loket-1"
        return next((code for code in stages if code in STAGES), "loket-1")

    def set_stage(self, stage: str) -> None:
        self.stage = stage if stage in STAGES else "loket-1"
        self.pages.setCurrentIndex(STAGES.index(self.stage))
        self._refresh()

    def _actor(self) -> Actor:
        return Actor(self.ctx.actor())

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {_GREEN if ok else _RED};")
        (self.notice if ok else self.failed).emit(text)

    def _refuse(self, exc: LoketError) -> None:
        self.message.setText(exc.message())
        self.message.setStyleSheet(f"color: {_RED};")
        self.report_error(exc)

    def _on_visit_changed(self) -> None:
        self.message.clear()
        self.last_payment = None
        for field in (self.check_plate, self.chassis, self.engine, self.plate, self.nik,
                      self.reference, self.tendered):
            field.setText("")
        self.method.setCurrentIndex(0)  # each visitor starts at cash, not the last one's way
        self.recipient.clear()
        self.endorsed.setChecked(False)
        self.stamped.setChecked(False)
        for edit in (self.owner_name, self.owner_address, self.v_njkb, self.v_make,
                     self.v_model, self.v_year, self.v_tax_due, self.v_stnk_until):
            edit.clear()
        self._refresh()
        for tracked in self._tracked.values():
            tracked.mark_clean()

    def _refresh(self) -> None:
        """Reload the visit's case and show it on every page."""
        self.view = None
        self.bill = None
        if self.visit_id is not None:
            try:
                case = self.desk.case(self.visit_id, self.stage)
                self.view, self.bill = case.view, case.bill
            except LoketError as exc:
                self._refuse(exc)
        self._show_header()
        self._show_check()
        self._show_register()
        self._show_bill()
        self._show_handover()

    def _show_header(self) -> None:
        v = self.view
        if v is None:
            self.header.setText(self.tr("Tidak ada kunjungan"))
            self.status.setText("")
            self.stop.hide()
            return
        plate = v.vehicle["plate"] if v.vehicle else (v.check.plate if v.check else None)
        self.header.setText(" · ".join(p for p in (v.ticket, v.service_name, plate) if p))
        states = {"new": self.tr("belum cek fisik"), "checked": self.tr("sudah cek fisik"),
                  "registered": self.tr("terdaftar di loket 1"),
                  "paid": self.tr("sudah dibayar"), "handed_over": self.tr("STNK diserahkan")}
        minutes = int(v.timing.minutes)
        standard = v.timing.standard_minutes
        self.status.setText(self.tr("Status: {0} · waktu {1} menit dari {2} menit").format(
            states.get(v.status, v.status), minutes, int(standard) if standard else "-"))
        stop = "\n".join(t for t in (v.stop_reason, self._skipped()) if t)
        self.stop.setText(stop)
        self.stop.setVisible(bool(stop))

    def _skipped(self) -> str | None:
        """The step this visit skipped before reaching this counter's page, said at the top
        (the page's own button says it too, but may be out of sight)."""
        v = self.view
        if v is None or v.status == "cancelled":
            return None
        if self.stage == "loket-1" and v.status == "new":
            return self._send_back(self.tr("Cek fisik belum dicatat"), CHECK)
        if self.stage in ("loket-2", "loket-3") and v.status in ("new", "checked"):
            return self._send_back(self.tr("Belum didaftarkan"), REGISTRATION)
        if self.stage == "loket-3" and v.status == "registered":
            return self._send_back(self.tr("Belum dibayar"), PAYMENT)
        return None

    # --- cek fisik -------------------------------------------------------------------

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.check_plate = ValidatedField(parse_plate, self.tr("mis. KB 1234 AB (boleh kosong)"),
                                          required=False, parent=page)
        self.chassis = ValidatedField(sd.parse_chassis,
                                      self.tr("nomor rangka, mis. MH1JFM110FK123456"),
                                      parent=page)
        self.engine = ValidatedField(sd.parse_engine_no,
                                     self.tr("nomor mesin, mis. JFM1E1123456"), parent=page)
        self.check_button = QPushButton(self.tr("Simpan cek fisik"), page)
        self.check_button.clicked.connect(self.save_check)
        self.check_why = why_label(page)
        for field in (self.check_plate, self.chassis, self.engine):
            field.validity_changed.connect(self._update_buttons)
        self.check_result = QLabel(page)
        self.check_result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nomor polisi"), self.check_plate)
        form.addRow(self.tr("Nomor rangka"), self.chassis)
        form.addRow(self.tr("Nomor mesin"), self.engine)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(button_row(self.check_button, why=self.check_why))
        layout.addWidget(self.check_result)
        layout.addStretch(1)
        return page

    def _show_check(self) -> None:
        check = self.view.check if self.view else None
        if check is None:
            self.check_result.setText(self.tr("Cek fisik belum dicatat."))
            self.check_result.setStyleSheet(f"color: {_GREY};")
        elif check.passed is None:
            self.check_result.setText(self.tr(
                "Dicatat oleh {0}; kendaraan belum ditemukan di register: dibandingkan di "
                "loket 1.").format(check.checked_by))
            self.check_result.setStyleSheet(f"color: {_GREY};")
        elif check.passed:
            self.check_result.setText(self.tr("Nomor rangka dan nomor mesin SESUAI dengan "
                                              "register ({0}).").format(check.plate))
            self.check_result.setStyleSheet(f"color: {_GREEN}; font-weight: bold;")
        else:
            self.check_result.setText(self.tr("TIDAK SESUAI: {0}").format(
                "; ".join(check.problems)))
            self.check_result.setStyleSheet(f"color: {_RED}; font-weight: bold;")
        self._update_buttons()

    def save_check(self) -> bool:
        """Record the cek fisik; True when recorded (a mismatch is recorded too, and said)."""
        if self.visit_id is None:
            return False
        try:
            result = self.desk.record_check(
                self.visit_id, chassis=self.chassis.text(), engine=self.engine.text(),
                plate=self.check_plate.text() or None, actor=self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self._refresh()
        self._tracked["cek-fisik"].mark_clean()
        if result.passed is False:
            self._say(self.tr("Cek fisik tidak sesuai: {0}").format(
                "; ".join(result.problems)), ok=False)
        else:
            self._say(self.tr("Cek fisik {0} dicatat.").format(result.ticket))
        return True

    # --- loket 1 ---------------------------------------------------------------------

    def _register_page(self) -> QWidget:
        page = QWidget(self)
        self.plate = ValidatedField(parse_plate, self.tr("mis. KB 1234 AB"), parent=page)
        self.nik = ValidatedField(lambda text: parse_nik(text, today=self.ctx.clock().date()),
                                  self.tr("16 angka, mis. 6171011508900001"), parent=page)
        self.plate.value_changed.connect(self._look_up)
        self.nik.value_changed.connect(self._look_up)
        self.vehicle_info = QLabel(page)
        self.vehicle_info.setWordWrap(True)
        self.owner_info = QLabel(page)
        self.owner_info.setWordWrap(True)
        for label in (self.vehicle_info, self.owner_info):  # room for two lines, always
            label.setMinimumHeight(2 * label.fontMetrics().lineSpacing() + 4)
        self.register_button = QPushButton(self.tr("Daftarkan"), page)
        self.register_button.clicked.connect(self.register)
        self.register_why = why_label(page)
        for field in (self.plate, self.nik):
            field.validity_changed.connect(self._update_buttons)
            field.edit.returnPressed.connect(self.register)
        form = QFormLayout()
        form.addRow(self.tr("Nomor polisi"), self.plate)
        form.addRow(self.tr("Kendaraan"), self.vehicle_info)
        form.addRow(self.tr("NIK pemilik"), self.nik)
        form.addRow(self.tr("Pemilik"), self.owner_info)

        # a new owner: name and address (the NIK is the one above)
        self.new_owner = QGroupBox(self.tr("Pemilik baru"), page)
        self.owner_name = QLineEdit(self.new_owner)
        self.owner_address = QLineEdit(self.new_owner)
        self.owner_button = QPushButton(self.tr("Daftarkan pemilik"), self.new_owner)
        self.owner_button.clicked.connect(self.register_owner)
        owner_form = QFormLayout(self.new_owner)
        owner_form.addRow(self.tr("Nama"), self.owner_name)
        owner_form.addRow(self.tr("Alamat"), self.owner_address)
        owner_form.addRow(self.owner_button)
        self.new_owner.hide()

        # a new vehicle: what the bill is computed from (the plate is the one above)
        self.new_vehicle = QGroupBox(self.tr("Kendaraan baru"), page)
        self.v_category = QComboBox(self.new_vehicle)
        self.v_category.addItems(list(sd.CATEGORIES))
        self.v_class = QComboBox(self.new_vehicle)
        for code, name in (sd.swdkllj_classes() or {}).items():
            self.v_class.addItem(f"{code} - {name}", code)
        self.v_njkb = QLineEdit(self.new_vehicle)
        self.v_njkb.setPlaceholderText(self.tr("NJKB, mis. 15.000.000"))
        self.v_chassis = QLineEdit(self.new_vehicle)
        self.v_engine = QLineEdit(self.new_vehicle)
        self.v_make = QLineEdit(self.new_vehicle)
        self.v_model = QLineEdit(self.new_vehicle)
        self.v_year = QLineEdit(self.new_vehicle)
        self.v_tax_due = QLineEdit(self.new_vehicle)
        self.v_tax_due.setPlaceholderText(self.tr("HH-BB-TTTT"))
        self.v_stnk_until = QLineEdit(self.new_vehicle)
        self.v_stnk_until.setPlaceholderText(self.tr("HH-BB-TTTT"))
        self.vehicle_button = QPushButton(self.tr("Daftarkan kendaraan"), self.new_vehicle)
        self.vehicle_button.clicked.connect(self.register_vehicle)
        vform = QFormLayout(self.new_vehicle)
        for caption, widget in ((self.tr("Jenis"), self.v_category),
                                (self.tr("Golongan SWDKLLJ"), self.v_class),
                                (self.tr("NJKB"), self.v_njkb),
                                (self.tr("Nomor rangka"), self.v_chassis),
                                (self.tr("Nomor mesin"), self.v_engine),
                                (self.tr("Merek"), self.v_make), (self.tr("Tipe"), self.v_model),
                                (self.tr("Tahun pembuatan"), self.v_year),
                                (self.tr("Jatuh tempo pajak"), self.v_tax_due),
                                (self.tr("STNK berlaku s.d."), self.v_stnk_until)):
            vform.addRow(caption, widget)
        vform.addRow(self.vehicle_button)
        self.new_vehicle.hide()

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(button_row(self.register_button, why=self.register_why))
        row = QHBoxLayout()
        row.addWidget(self.new_owner)
        row.addWidget(self.new_vehicle)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _look_up(self, _value: object = None) -> None:
        """Show what the register holds for the plate and NIK as they become valid."""
        plate, nik = self.plate.value(), self.nik.value()
        try:
            found = self.desk.look_up(None if plate is None else str(plate),
                                      None if nik is None else nik.value)
        except LoketError as exc:
            self._refuse(exc)
            return
        vehicle = found.vehicle
        person = (found.owner.name, found.owner.address) if found.owner else None
        self._vehicle_known = None if plate is None else vehicle is not None
        self._person_known = None if nik is None else person is not None
        if plate is None:
            self.vehicle_info.setText("")
        elif vehicle is None:
            self.vehicle_info.setText(self.tr("{0} belum terdaftar").format(plate))
            self.v_chassis.setText(self.view.check.chassis_no if self.view and self.view.check
                                   else self.v_chassis.text())
            self.v_engine.setText(self.view.check.engine_no if self.view and self.view.check
                                  else self.v_engine.text())
        else:
            owner = vehicle["owner"]["name"] if vehicle["owner"] else self.tr("tanpa pemilik")
            self.vehicle_info.setText(
                f"{vehicle['make']} {vehicle['model']} · {vehicle['category']} · "
                + self.tr("rangka {0} · mesin {1} · pajak s.d. {2} · pemilik {3}").format(
                    vehicle["chassis_no"], vehicle["engine_no"], vehicle["tax_due_on"], owner))
        if nik is None:
            self.owner_info.setText("")
        elif person is None:
            self.owner_info.setText(self.tr("NIK {0} belum terdaftar").format(nik))
        else:
            self.owner_info.setText(f"{person[0]} · {person[1]}")
        self.new_vehicle.setVisible(plate is not None and vehicle is None)
        self.new_owner.setVisible(nik is not None and person is None)
        self._update_buttons()

    def _show_register(self) -> None:
        if self.view is not None and self.view.vehicle and not self.plate.text():
            self.plate.setText(self.view.vehicle["plate"])
        self._update_buttons()

    def register_owner(self) -> bool:
        try:
            person = self.desk.register_owner(
                sd.PersonData(self.nik.text(), self.owner_name.text(),
                              self.owner_address.text()), self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self._look_up()
        self._tracked["owner"].mark_clean()
        self._say(self.tr("Pemilik {0} terdaftar.").format(person.name))
        return True

    def register_vehicle(self) -> bool:
        data = sd.VehicleData(
            plate=self.plate.text(), category=self.v_category.currentText(),
            swdkllj_class=self.v_class.currentData() or "", njkb=self.v_njkb.text(),
            tax_due_on=self.v_tax_due.text(), stnk_valid_until=self.v_stnk_until.text(),
            chassis_no=self.v_chassis.text(), engine_no=self.v_engine.text(),
            owner_nik=self.nik.text() or None, make=self.v_make.text(),
            model=self.v_model.text(), year_made=self.v_year.text())
        try:
            vehicle = self.desk.register_vehicle(data, self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self._look_up()
        self._tracked["vehicle"].mark_clean()
        self._say(self.tr("Kendaraan {0} terdaftar.").format(vehicle["plate"]))
        return True

    def register(self) -> bool:
        if self.visit_id is None or not self.register_button.isEnabled():
            return False
        try:
            view = self.desk.register(self.visit_id, plate=self.plate.text(),
                                      nik=self.nik.text(), actor=self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self._refresh()
        self._tracked["loket-1"].mark_clean()
        self._say(self.tr("{0} terdaftar; lanjut ke {1}.").format(
            view.ticket, self._place(PAYMENT)))
        return True

    # --- loket 2 ---------------------------------------------------------------------

    def _pay_page(self) -> QWidget:
        page = QWidget(self)
        self.bill_table = _BillTable(0, 4, page)
        self.bill_table.setHorizontalHeaderLabels(
            [self.tr("Uraian"), self.tr("Tahun"), self.tr("Dasar perhitungan"),
             self.tr("Jumlah")])
        self.bill_table.verticalHeader().setVisible(False)
        self.bill_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bill_table.setWordWrap(True)
        self.bill_table.setMinimumHeight(220)
        header = self.bill_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.total_label = _bold(QLabel(page), 14)
        self.method = QComboBox(page)
        names = {"cash": self.tr("Tunai"), "transfer": self.tr("Transfer bank"),
                 "billing": self.tr("Kode billing")}  # literal, so lupdate finds them
        for code in sd.METHOD_NAMES:
            self.method.addItem(names.get(code, sd.METHOD_NAMES[code]), code)
        self.method.currentIndexChanged.connect(self._update_buttons)
        self.reference = QLineEdit(page)
        self.reference.setPlaceholderText(self.tr("nomor referensi transfer / kode billing"))
        self.reference.textChanged.connect(self._update_buttons)
        self.tendered = ValidatedField(sd.parse_tendered, self.tr("uang diterima (tunai)"),
                                       required=False, parent=page)
        self.tendered.value_changed.connect(self._show_change)
        self.change_label = QLabel(page)
        self.pay_button = QPushButton(self.tr("Bayar"), page)
        self.pay_button.setMinimumSize(160, 40)
        self.pay_button.setStyleSheet(
            "QPushButton:enabled{background:#2e7d32;color:white;font-weight:bold;}")
        self.pay_button.clicked.connect(self.pay)
        self.pay_why = why_label(page)
        self.paid_label = QLabel(page)
        self.paid_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Cara bayar"), self.method)
        form.addRow(self.tr("Referensi"), self.reference)
        form.addRow(self.tr("Uang diterima"), self.tendered)
        form.addRow(self.tr("Kembalian"), self.change_label)
        layout = QVBoxLayout(page)
        layout.addWidget(self.bill_table, 1)
        layout.addWidget(self.total_label)
        layout.addLayout(form)
        layout.addLayout(button_row(self.pay_button, why=self.pay_why))
        layout.addWidget(self.paid_label)
        layout.addStretch(0)  # takes the room of the bill while there is none
        return page

    def _show_bill(self) -> None:
        lines = self.bill.lines if self.bill else ()
        self.bill_table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (line.description, str(line.year or ""), line.rule,
                     format_rupiah(line.amount))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.bill_table.setItem(row, col, item)
        self.bill_table.resizeRowsToContents()
        self.bill_table.setVisible(self.bill is not None)  # no empty grid pushing "Bayar" away
        self.total_label.setVisible(self.bill is not None)
        self.total_label.setText(self.tr("Jumlah: {0}").format(format_rupiah(self.bill.total))
                                 if self.bill else "")
        v = self.view
        if v is not None and v.status in ("paid", "handed_over"):
            self.paid_label.setText(self.tr("Sudah dibayar {0} · kuitansi {1} · SKPD {2}").format(
                format_rupiah(v.paid_total or Decimal(0)), v.receipt_number, v.skpd_number))
        else:
            self.paid_label.setText("")
        self._show_change()

    def _show_change(self, _value: object = None) -> None:
        tendered = self.tendered.value()
        if self.bill is None or tendered is None:
            self.change_label.setText("")
        elif (change := sd.cash_change(self.bill.total, tendered)) < 0:
            self.change_label.setText(self.tr("kurang {0}").format(format_rupiah(-change)))
        else:
            self.change_label.setText(format_rupiah(change))
        self._update_buttons()

    def pay(self) -> bool:
        if self.visit_id is None or self.bill is None:
            return False
        try:
            result = self.desk.pay(
                self.visit_id, method=self.method.currentData(),
                reference=self.reference.text(), tendered=self.tendered.text(),
                expected_total=self.bill.total, actor=self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self.last_payment = result
        self._refresh()
        self._tracked["loket-2"].mark_clean()
        self.paid.emit(result.to_json())
        self.documents_issued.emit([(result.skpd_number, result.skpd_pdf),
                                    (result.receipt_number, result.receipt_pdf)])
        self._say(self.tr("Pembayaran {0} diterima; kuitansi {1}.").format(
            format_rupiah(result.total), result.receipt_number))
        return True

    # --- loket 3 ---------------------------------------------------------------------

    def _handover_page(self) -> QWidget:
        page = QWidget(self)
        self.handover_info = QLabel(page)
        self.handover_info.setWordWrap(True)
        self.endorsed = QCheckBox(self.tr("STNK sudah disahkan (diparaf dan ditulis waktu "
                                          "pengesahan)"), page)
        self.stamped = QCheckBox(self.tr("STNK sudah dicap"), page)
        self.recipient = QLineEdit(page)
        self.recipient.setPlaceholderText(self.tr("nama penerima"))
        for box in (self.endorsed, self.stamped):
            box.toggled.connect(self._update_buttons)
        self.recipient.textChanged.connect(self._update_buttons)
        self.handover_button = QPushButton(self.tr("Serahkan STNK"), page)
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_why = why_label(page)
        self.timing_label = _bold(QLabel(page))
        form = QFormLayout()
        form.addRow(self.tr("Diterima oleh"), self.recipient)
        layout = QVBoxLayout(page)
        layout.addWidget(self.handover_info)
        layout.addWidget(self.endorsed)
        layout.addWidget(self.stamped)
        layout.addLayout(form)
        layout.addLayout(button_row(self.handover_button, why=self.handover_why))
        layout.addWidget(self.timing_label)
        layout.addStretch(1)
        return page

    def _show_handover(self) -> None:
        v = self.view
        if v is None:
            self.handover_info.setText("")
            self.timing_label.setText("")
            self._update_buttons()
            return
        owner = v.owner["name"] if v.owner else "-"
        self.handover_info.setText(self.tr("Pemilik: {0} · kuitansi {1}").format(
            owner, v.receipt_number or "-"))
        if not self.recipient.text() and v.owner:
            self.recipient.setText(v.owner["name"])
        t = v.timing
        verdict = {"within": self.tr("dalam standar"), "over": self.tr("MELEBIHI standar"),
                   "unknown": self.tr("tanpa standar")}[t.verdict]
        if v.handed_over_at is not None:
            self.timing_label.setText(self.tr(
                "Diserahkan kepada {0} pukul {1} · {2} menit sejak nomor antrian, {3} "
                "({4} menit)").format(v.handed_to, f"{local(v.handed_over_at, v.zone):%H:%M}",
                                      int(t.minutes), verdict, int(t.standard_minutes or 0)))
            self.timing_label.setStyleSheet(
                f"color: {_GREEN if t.verdict == 'within' else _RED};")
        else:
            self.timing_label.setText("")
        self._update_buttons()

    def hand_over(self) -> bool:
        if self.visit_id is None:
            return False
        try:
            result = self.desk.hand_over(
                self.visit_id, handed_to=self.recipient.text(),
                endorsed=self.endorsed.isChecked(), stamped=self.stamped.isChecked(),
                actor=self._actor())
        except LoketError as exc:
            self._refuse(exc)
            return False
        self._refresh()
        self._tracked["loket-3"].mark_clean()
        self.handed_over.emit(result.to_json())
        self._say(self.tr("STNK {0} diserahkan; {1} menit.").format(
            result.plate, int(result.timing.minutes)))
        return True

    # --- why a button is disabled ---------------------------------------------------

    def _place(self, work: str) -> str:
        """The counter(s) doing ``work`` in this office, by name (read once per panel)."""
        if work not in self._places:
            try:
                place = self.desk.place_of(work)
            except LoketError:
                place = None
            self._places[work] = place or self.tr("loket lain")
        return self._places[work]

    def _send_back(self, text: str, work: str) -> str:
        """"<what> di <counter>: kembalikan nomor ini ke <counter> (Alihkan…)"."""
        place = self._place(work)
        return self.tr("{0} di {1}: kembalikan nomor ini ke {1} (Alihkan…).").format(
            text, place)

    def _view(self) -> sd.CaseView:
        """The visit's case, once :meth:`_visit_blocker` found nothing in the way."""
        assert self.view is not None, "_visit_blocker says why when there is no view"
        return self.view

    def _visit_blocker(self) -> str | None:
        if self.visit_id is None:
            return self.tr("Belum ada kunjungan: panggil nomor dulu (F1).")
        if self.view is None:
            return self.tr("Data kunjungan belum terbaca (lihat pesan di bawah).")
        if self.view.status == "cancelled":
            return self.tr("Berkas ini dibatalkan oleh supervisor.")
        return None

    def _check_blocker(self) -> str | None:
        """Why "Simpan cek fisik" is disabled, or None."""
        reason = self._visit_blocker()
        if reason is None and self._view().status in DONE_REGISTERING:
            reason = self.tr("Sudah didaftarkan di {0}: cek fisik tidak bisa diubah lagi.") \
                .format(self._place(REGISTRATION))
        return reason or problems(
            field_problem(self.chassis, self.tr("nomor rangka")),
            field_problem(self.engine, self.tr("nomor mesin")),
            field_problem(self.check_plate, self.tr("nomor polisi")))

    def _register_blocker(self) -> str | None:
        """Why "Daftarkan" is disabled, or None."""
        reason = self._visit_blocker()
        if reason is not None:
            return reason
        v = self._view()
        if v.status in DONE_REGISTERING:
            return self.tr("Sudah terdaftar.")
        if v.status == "new":
            return self._send_back(self.tr("Cek fisik belum dicatat"), CHECK)
        if v.stop_reason:
            return self._send_back(self.tr("Cek fisik tidak sesuai register (lihat di atas); "
                                           "ulangi cek fisik"), CHECK)
        return problems(
            field_problem(self.plate, self.tr("nomor polisi")),
            self.tr("kendaraan belum terdaftar: isi dan simpan \"Kendaraan baru\"")
            if self._vehicle_known is False else None,
            field_problem(self.nik, self.tr("NIK pemilik")),
            self.tr("pemilik belum terdaftar: isi dan simpan \"Pemilik baru\"")
            if self._person_known is False else None)

    def _pay_blocker(self) -> str | None:
        """Why "Bayar" is disabled, or None."""
        reason = self._visit_blocker()
        if reason is not None:
            return reason
        v = self._view()
        if v.status in ("new", "checked"):
            return self._send_back(self.tr("Belum didaftarkan"), REGISTRATION)
        if v.payment_id is not None or v.status in ("paid", "handed_over"):
            return self.tr("Sudah dibayar.")
        if self.bill is None:
            return self.tr("Tagihan belum bisa dihitung (lihat pesan di bawah).")
        method = self.method.currentData()
        if method == "transfer" and not self.reference.text().strip():
            return self.tr("Isi nomor referensi transfer.")
        if method == "billing" and not self.reference.text().strip():
            return self.tr("Isi kode billing.")
        if method == "cash":
            wrong = field_problem(self.tendered, self.tr("uang diterima"))
            if wrong:
                return wrong
            tendered = self.tendered.value()
            if tendered is not None and (
                    change := sd.cash_change(self.bill.total, tendered)) < 0:
                return self.tr("Uang diterima kurang {0}.").format(format_rupiah(-change))
        return None

    def _handover_blocker(self) -> str | None:
        """Why "Serahkan STNK" is disabled, or None."""
        reason = self._visit_blocker()
        if reason is not None:
            return reason
        v = self._view()
        if v.status in ("new", "checked"):
            return self._send_back(self.tr("Belum didaftarkan"), REGISTRATION)
        if v.status == "registered":
            return self._send_back(self.tr("Belum dibayar"), PAYMENT)
        if v.status == "handed_over":
            return self.tr("STNK sudah diserahkan.")
        return problems(
            None if self.endorsed.isChecked() else self.tr("centang \"STNK sudah disahkan\""),
            None if self.stamped.isChecked() else self.tr("centang \"STNK sudah dicap\""),
            None if self.recipient.text().strip() else self.tr("isi nama penerima"))

    def _update_buttons(self, *_args: object) -> None:
        if not hasattr(self, "handover_why"):
            return  # still building the pages
        self.tendered.setEnabled(self.method.currentData() == "cash")
        explain(self.check_button, self.check_why, self._check_blocker())
        explain(self.register_button, self.register_why, self._register_blocker())
        explain(self.pay_button, self.pay_why, self._pay_blocker())
        explain(self.handover_button, self.handover_why, self._handover_blocker())

    # --- typed but unsaved ---------------------------------------------------------------

    def _trackers(self) -> dict[str, Tracked]:
        return {
            "cek-fisik": Tracked([(self.tr("nomor polisi"), self.check_plate),
                                  (self.tr("nomor rangka"), self.chassis),
                                  (self.tr("nomor mesin"), self.engine)]),
            "loket-1": Tracked([(self.tr("nomor polisi"), self.plate),
                                (self.tr("NIK pemilik"), self.nik)]),
            "owner": Tracked([(self.tr("nama pemilik"), self.owner_name),
                              (self.tr("alamat pemilik"), self.owner_address)]),
            "vehicle": Tracked([(self.tr("NJKB"), self.v_njkb), (self.tr("merek"), self.v_make),
                                (self.tr("tipe"), self.v_model),
                                (self.tr("tahun pembuatan"), self.v_year),
                                (self.tr("jatuh tempo pajak"), self.v_tax_due),
                                (self.tr("STNK berlaku s.d."), self.v_stnk_until)]),
            "loket-2": Tracked([(self.tr("referensi"), self.reference),
                                (self.tr("uang diterima"), self.tendered)]),
            "loket-3": Tracked([(self.tr("STNK disahkan"), self.endorsed),
                                (self.tr("STNK dicap"), self.stamped),
                                (self.tr("nama penerima"), self.recipient)]),
        }

    def _page_trackers(self) -> list[tuple[str, Tracked]]:
        """The forms of the counter's page that can hold typed work, with their names."""
        t = self._tracked
        if self.stage == "cek-fisik":
            return [(self.tr("cek fisik"), t["cek-fisik"])]
        if self.stage == "loket-1":
            out = [(self.tr("pendaftaran"), t["loket-1"])]
            if not self.new_owner.isHidden():
                out.append((self.tr("pemilik baru"), t["owner"]))
            if not self.new_vehicle.isHidden():
                out.append((self.tr("kendaraan baru"), t["vehicle"]))
            return out
        if self.stage == "loket-2":
            return [(self.tr("pembayaran"), t["loket-2"])]
        return [(self.tr("penyerahan STNK"), t["loket-3"])]

    def unsaved(self) -> str | None:
        parts = [describe(name, tracked.changed()) for name, tracked in self._page_trackers()]
        found = [p for p in parts if p]
        return "; ".join(found) if found else None

    def save_unsaved(self) -> bool:
        """The page's own save: cek fisik recorded, the new owner/vehicle and then the
        registration, the payment, the hand-over. A disabled button's reason is the
        refusal."""
        if not self.unsaved():
            return True
        if self.stage == "cek-fisik":
            return self._save_with(self.tr("Cek fisik belum disimpan"), self._check_blocker,
                                   self.save_check)
        if self.stage == "loket-1":
            return self._save_registration()
        if self.stage == "loket-2":
            return self._save_with(self.tr("Pembayaran belum dicatat"), self._pay_blocker,
                                   self.pay)
        return self._save_with(self.tr("Penyerahan STNK belum dicatat"),
                               self._handover_blocker, self.hand_over)

    def _save_with(self, what: str, blocker, save) -> bool:
        reason = blocker()
        if reason is not None:
            self._say(refusal(what, reason), ok=False)
            return False
        return bool(save())

    def _save_registration(self) -> bool:
        t = self._tracked
        if not self.new_owner.isHidden() and t["owner"].changed() \
                and not self.register_owner():
            return False
        if not self.new_vehicle.isHidden() and t["vehicle"].changed() \
                and not self.register_vehicle():
            return False
        return self._save_with(self.tr("Pendaftaran belum disimpan"), self._register_blocker,
                               self.register)

    def discard_unsaved(self) -> None:
        for _name, tracked in self._page_trackers():
            tracked.restore()
        self.message.clear()
