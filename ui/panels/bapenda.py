"""Bapenda panel: NPWPD registration (with the card), deactivation, and tax payment.

Three tabs, each calling :class:`app.stations.bapenda_desk.BapendaDesk` (one short unit of
work per call, over :mod:`app.bapenda.taxpayers` and :mod:`app.bapenda.assessments`):

* **Pendaftaran NPWPD**: kind, NIK (checked as typed), name, business name, NIB, NPWP, tax
  type, address, district, village, telephone, the service's requirement checklist (the
  required ones for the kind are marked), then "Daftarkan"; the NPWPD is shown and the card
  goes to the station's card printer through the spool ("Cetak ulang kartu" after a
  failure). The registration letter is stored with the registration.
* **Penonaktifan**: NPWPD, reason (``lainnya`` needs a note), "Nonaktifkan".
* **Pembayaran**: an assessment number or an NPWPD, the assessments found, the bill of
  the one selected (principal, interest with its rule, total), method and reference, "Bayar".

No SQL and no arithmetic here: the services check and compute; refusals come back as
:attr:`failed` with the Indonesian reason, and are shown under the form too. A disabled
button says beside it what is missing; a form typed and not saved is reported to the
counter window (:meth:`BapendaPanel.unsaved`), which saves it before the visit moves on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.access import Act
from app.bapenda import taxpayers as tp
from app.bapenda.formats import parse_area_code
from app.errors import LoketError
from app.i18n import short_date
from app.identifiers import parse_nik
from app.money import format_rupiah
from app.stations.bapenda_desk import (
    AssessmentInfo,
    BapendaDesk,
    Bill,
    Registration,
    TaxpayerInfo,
)
from ui.panels.base import (
    Panel,
    PanelContext,
    Tracked,
    button_row,
    describe,
    explain,
    note_countersign,
    refusal,
    why_label,
)
from ui.validated import ValidatedField

_OK = "color: #2E7D32; font-weight: bold;"
_BAD = "color: #C62828;"


class BapendaPanel(Panel):
    """NPWPD and regional tax payment at a Bapenda/BPPD counter."""

    registered = Signal(dict)  # the taxpayer as JSON
    card_printed = Signal(dict)  # the spool's result as JSON
    deactivated = Signal(dict)
    billed = Signal(dict)  # the bill as JSON
    paid = Signal(dict)  # the payment as JSON

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.taxpayer: TaxpayerInfo | None = None
        self.bill: Bill | None = None
        self.found: tuple[AssessmentInfo, ...] = ()
        # the actor and the clock are read at each call: the person signed in may change
        self.desk = BapendaDesk(ctx.store, ctx.office_code, ctx.counter_code,
                                actor=lambda: ctx.actor(), clock=lambda: ctx.clock())
        self.options = self.desk.form_options()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._registration_tab(), self.tr("Pendaftaran NPWPD"))
        self.tabs.addTab(self._deactivation_tab(), self.tr("Penonaktifan"))
        self.tabs.addTab(self._payment_tab(), self.tr("Pembayaran Pajak"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.failed.connect(self._show_failure)
        self.notice.connect(self._show_notice)
        self._kind_changed()
        self._tracked = self._trackers()
        self._update_register()
        self._update_deactivate()
        self._update_pay()

    def title(self) -> str:
        return self.tr("NPWPD & Pajak Daerah")

    # --- registration ---------------------------------------------------------------------

    def _registration_tab(self) -> QWidget:
        page = QWidget(self)
        opts = self.options
        self.kind = QComboBox(page)
        self.kind.addItem(self.tr("Pribadi (P)"), "P")
        self.kind.addItem(self.tr("Badan Usaha (B)"), "B")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.nik = ValidatedField(lambda text: parse_nik(text, today=self._today()),
                                  self.tr("16 angka NIK"), parent=page)
        self.name = QLineEdit(page)
        self.name.setPlaceholderText(self.tr("nama wajib pajak / pemilik"))
        self.business_name = QLineEdit(page)
        self.business_name.setPlaceholderText(self.tr("nama badan usaha"))
        self.nib = ValidatedField(tp.parse_nib, self.tr("13 angka (boleh kosong)"),
                                  required=False, parent=page)
        self.npwp = ValidatedField(tp.parse_npwp, self.tr("15/16 angka (boleh kosong)"),
                                   required=False, parent=page)
        self.tax_type = QComboBox(page)
        for code, name in opts.tax_types:
            self.tax_type.addItem(name, code)
        self.address = QLineEdit(page)
        self.address.setPlaceholderText(self.tr("jalan, nomor, RT/RW"))
        self.district = QComboBox(page)
        district_field: QWidget = self.district
        self.district_code: ValidatedField | None = None
        if opts.districts:
            for code, name in opts.districts:
                self.district.addItem(f"{code} {name}", code)
        else:
            width = opts.district_width
            self.district_code = ValidatedField(
                lambda text: parse_area_code(text, width, "bapenda.bad_district"),
                self.tr("kode kecamatan"), parent=page)
            district_field = self.district_code
        village_width = opts.village_width
        self.village = ValidatedField(
            lambda text: parse_area_code(text, village_width, "bapenda.bad_village"),
            self.tr("kode kelurahan/desa"), parent=page)
        self.phone = ValidatedField(tp.parse_phone, self.tr("boleh kosong"), required=False,
                                    parent=page)
        self.requirements = QListWidget(page)
        self.requirements.setMaximumHeight(130)
        self.card_to = QLineEdit(opts.card_printer or "", page)
        self.card_to.setPlaceholderText(self.tr("printer kartu, mis. card+printer://Evolis"))
        self.register_button = QPushButton(self.tr("Daftarkan"), page)
        self.register_button.clicked.connect(self.register_taxpayer)
        self.card_button = QPushButton(self.tr("Cetak kartu"), page)
        self.card_button.clicked.connect(self.print_card)
        self.card_button.setEnabled(False)
        self.card_button.setToolTip(self.tr("Kartu dicetak setelah NPWPD didaftarkan."))
        self.register_why = why_label(page)
        self.result = QLabel(page)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        for field in (self.nik, self.nib, self.npwp, self.village, self.phone,
                      *( [self.district_code] if self.district_code else [])):
            field.validity_changed.connect(self._update_register)
        for edit in (self.name, self.business_name, self.address):
            edit.textChanged.connect(self._update_register)
        self.requirements.itemChanged.connect(self._update_register)

        form = QFormLayout()
        form.addRow(self.tr("Jenis wajib pajak"), self.kind)
        form.addRow(self.tr("NIK"), self.nik)
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("Nama badan usaha"), self.business_name)
        form.addRow(self.tr("NIB"), self.nib)
        form.addRow(self.tr("NPWP"), self.npwp)
        form.addRow(self.tr("Jenis pajak"), self.tax_type)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Kecamatan"), district_field)
        form.addRow(self.tr("Kelurahan/Desa"), self.village)
        form.addRow(self.tr("Telepon"), self.phone)
        form.addRow(self.tr("Persyaratan"), self.requirements)
        form.addRow(self.tr("Printer kartu"), self.card_to)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(button_row(self.register_button, self.card_button,
                                    why=self.register_why))
        layout.addWidget(self.result)
        layout.addStretch(1)
        return page

    def _today(self):
        from app.clock import local_day

        return local_day(self.ctx.clock(), self.options.zone)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.business_name.setEnabled(kind == "B")
        try:
            items = self.desk.registration_checklist(kind)
        except LoketError as exc:
            self.report_error(exc)
            items = ()
        self.requirements.blockSignals(True)
        self.requirements.clear()
        for item in items:
            text = item.text if item.needed else self.tr("%1 (tidak wajib)").replace(
                "%1", item.text)
            row = QListWidgetItem(text, self.requirements)
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.needed)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
        self.requirements.blockSignals(False)
        self._update_register()

    def checked_requirements(self) -> list[str]:
        out = []
        for i in range(self.requirements.count()):
            row = self.requirements.item(i)
            if row.checkState() == Qt.CheckState.Checked:
                out.append(row.data(Qt.ItemDataRole.UserRole))
        return out

    def check_all_requirements(self) -> None:
        for i in range(self.requirements.count()):
            self.requirements.item(i).setCheckState(Qt.CheckState.Checked)

    def _requirements_complete(self) -> bool:
        for i in range(self.requirements.count()):
            row = self.requirements.item(i)
            if row.data(Qt.ItemDataRole.UserRole + 1) and \
                    row.checkState() != Qt.CheckState.Checked:
                return False
        return True

    def _register_blocker(self) -> str | None:
        """What the registration still lacks ("isi NIK, nama; centang persyaratan wajib"),
        or None when "Daftarkan" can be pressed."""
        empty: list[str] = []
        wrong: list[str] = []

        def need(ok: bool, text: str, name: str) -> None:
            if not ok:
                (wrong if text.strip() else empty).append(name)

        need(self.nik.is_valid(), self.nik.text(), self.tr("NIK"))
        need(bool(self.name.text().strip()), "", self.tr("nama"))
        if self.kind.currentData() == "B":
            need(bool(self.business_name.text().strip()), "", self.tr("nama badan usaha"))
        need(self.nib.is_valid(), self.nib.text(), self.tr("NIB"))
        need(self.npwp.is_valid(), self.npwp.text(), self.tr("NPWP"))
        need(bool(self.address.text().strip()), "", self.tr("alamat"))
        if self.district_code is not None:
            need(self.district_code.is_valid(), self.district_code.text(),
                 self.tr("kecamatan"))
        need(self.village.is_valid(), self.village.text(), self.tr("kelurahan/desa"))
        need(self.phone.is_valid(), self.phone.text(), self.tr("telepon"))
        parts = []
        if empty:
            parts.append(self.tr("isi %1").replace("%1", ", ".join(empty)))
        if wrong:
            parts.append(self.tr("perbaiki %1").replace("%1", ", ".join(wrong)))
        if not self._requirements_complete():
            parts.append(self.tr("centang persyaratan wajib"))
        return "; ".join(parts) or None

    def _update_register(self, *_: Any) -> None:
        if not hasattr(self, "register_why"):
            return
        explain(self.register_button, self.register_why, self._register_blocker())

    def registration(self) -> Registration:
        district = self.district_code.text() if self.district_code else \
            str(self.district.currentData() or "")
        return Registration(
            kind=self.kind.currentData(), nik=self.nik.text(), name=self.name.text(),
            business_name=self.business_name.text() if self.kind.currentData() == "B" else "",
            nib=self.nib.text(), npwp=self.npwp.text(), tax_type=self.tax_type.currentData(),
            address=self.address.text(), district=district, village=self.village.text(),
            phone=self.phone.text(), requirements=self.checked_requirements())

    def register_taxpayer(self) -> bool:
        try:
            info = self.desk.register(self.registration(), visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.taxpayer = info
        self._tracked["register"].mark_clean()
        self.result.setText(self.tr("NPWPD %1 terdaftar atas nama %2; surat %3").replace(
            "%1", info.npwpd).replace("%2", info.name).replace("%3", info.letter_number or "-"))
        self.result.setStyleSheet(_OK)
        self.card_button.setEnabled(True)
        self.card_button.setText(self.tr("Cetak kartu"))
        self.registered.emit(info.to_json())
        self.notice.emit(self.tr("NPWPD %1 terdaftar").replace("%1", info.npwpd))
        if self.card_to.text().strip():
            self.print_card()
        return True

    def print_card(self) -> None:
        if self.taxpayer is None:
            return
        reprint = self.card_button.text() != self.tr("Cetak kartu")
        try:
            result = self.desk.print_card(self.taxpayer.npwpd,
                                          self.card_to.text().strip() or None,
                                          reprint=reprint)
        except LoketError as exc:
            self.report_error(exc)
            return
        self.card_button.setText(self.tr("Cetak ulang kartu"))
        self.card_printed.emit(result.to_json())
        if result.state == "done":
            self.notice.emit(self.tr("Kartu NPWPD %1 tercetak").replace(
                "%1", self.taxpayer.npwpd))
        else:
            self.failed.emit(LoketError("bapenda.card_failed", npwpd=self.taxpayer.npwpd,
                                        condition=result.condition, job=result.id).message())

    def clear_registration(self) -> None:
        for field in (self.nik, self.nib, self.npwp, self.village, self.phone):
            field.setText("")
        for edit in (self.name, self.business_name, self.address):
            edit.clear()
        self._kind_changed()

    # --- deactivation ---------------------------------------------------------------------

    def _deactivation_tab(self) -> QWidget:
        page = QWidget(self)
        self.off_npwpd = QLineEdit(page)
        self.off_npwpd.setPlaceholderText(self.tr("mis. P.2.0001234.01.02"))
        self.off_find = QPushButton(self.tr("Cari"), page)
        self.off_find.clicked.connect(self.find_for_deactivation)
        self.off_npwpd.returnPressed.connect(self.find_for_deactivation)
        self.off_info = QLabel(page)
        self.off_info.setWordWrap(True)
        self.reason = QComboBox(page)
        for code, label in self.options.reasons:
            self.reason.addItem(label, code)
        self.note = QLineEdit(page)
        self.note.setPlaceholderText(self.tr("keterangan (wajib untuk 'Lainnya')"))
        self.off_button = QPushButton(self.tr("Nonaktifkan"), page)
        self.off_button.clicked.connect(self.deactivate)
        self.off_button.setEnabled(False)
        self.off_why = why_label(page)
        self.reason.currentIndexChanged.connect(self._update_deactivate)
        self.note.textChanged.connect(self._update_deactivate)
        self.off_npwpd.textChanged.connect(self._off_changed)
        row = QHBoxLayout()
        row.addWidget(self.off_npwpd, 1)
        row.addWidget(self.off_find)
        form = QFormLayout()
        form.addRow(self.tr("NPWPD"), row)
        form.addRow("", self.off_info)
        form.addRow(self.tr("Alasan"), self.reason)
        form.addRow(self.tr("Keterangan"), self.note)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(button_row(self.off_button, why=self.off_why))
        layout.addStretch(1)
        self.off_target: TaxpayerInfo | None = None
        return page

    def _off_changed(self) -> None:
        self.off_target = None
        self.off_info.clear()
        self._update_deactivate()

    def find_for_deactivation(self) -> None:
        try:
            info = self.desk.find_taxpayer(self.off_npwpd.text())
        except LoketError as exc:
            self.off_target = None
            self.off_info.setText(exc.message())
            self.off_info.setStyleSheet(_BAD)
            self._update_deactivate()
            return
        self.off_target = info
        state = self.tr("aktif") if info.status == "active" else self.tr("nonaktif")
        self.off_info.setText(f"{info.npwpd} · {info.name} · {info.tax_type_name} · {state}")
        self.off_info.setStyleSheet("" if info.status == "active" else _BAD)
        self._update_deactivate()

    def _deactivate_blocker(self) -> str | None:
        if self.off_target is None:
            return self.tr("Cari NPWPD yang akan dinonaktifkan dulu (Cari).")
        if self.off_target.status != "active":
            return self.tr("NPWPD ini sudah nonaktif.")
        if self.reason.currentData() == "lainnya" and not self.note.text().strip():
            return self.tr("Isi keterangan untuk alasan \"Lainnya\".")
        return None

    def _update_deactivate(self, *_: Any) -> None:
        if not hasattr(self, "off_why"):
            return
        explain(self.off_button, self.off_why, self._deactivate_blocker())
        note_countersign(self.ctx, Act.CANCEL, self.off_button, self.off_why)

    def deactivate(self) -> bool:
        if self.off_target is None:
            return False
        who = self.ctx.acting_for(Act.CANCEL, self.tr(
            "Penonaktifan NPWPD {0} perlu persetujuan supervisor.").format(self.off_target.npwpd))
        if who is None:
            return False
        try:
            info = self.desk.deactivate(self.off_target.npwpd, self.reason.currentData(),
                                        note=self.note.text(), actor=who,
                                        visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.off_target = info
        self._tracked["deactivate"].mark_clean()
        self.off_info.setText(f"{info.npwpd} · {info.name} · {self.tr('nonaktif')} "
                              f"({info.deactivation_label})")
        self.off_info.setStyleSheet(_BAD)
        self._update_deactivate()
        self.deactivated.emit(info.to_json())
        self.notice.emit(self.tr("NPWPD %1 dinonaktifkan").replace("%1", info.npwpd))
        return True

    # --- payment --------------------------------------------------------------------------

    def _payment_tab(self) -> QWidget:
        page = QWidget(self)
        self.ref = QLineEdit(page)
        self.ref.setPlaceholderText(self.tr("nomor SKPD/STPD atau NPWPD"))
        self.find_button = QPushButton(self.tr("Cari"), page)
        self.find_button.clicked.connect(self.lookup)
        self.ref.returnPressed.connect(self.lookup)
        self.assessments = QTableWidget(0, 6, page)
        self.assessments.setHorizontalHeaderLabels([
            self.tr("Nomor"), self.tr("Jenis"), self.tr("Masa"), self.tr("Pokok"),
            self.tr("Jatuh tempo"), self.tr("Status")])
        self.assessments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assessments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assessments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assessments.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.assessments.itemSelectionChanged.connect(self._selected)
        self.assessments.setMaximumHeight(150)
        self.bill_info = QLabel(page)
        self.bill_info.setWordWrap(True)
        self.lines = QTableWidget(0, 3, page)
        self.lines.setHorizontalHeaderLabels([self.tr("Uraian"), self.tr("Dasar perhitungan"),
                                              self.tr("Jumlah")])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.setWordWrap(True)
        self.total = QLabel(page)
        self.total.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.method = QComboBox(page)
        for code, name in (("cash", self.tr("Tunai")), ("transfer", self.tr("Transfer bank")),
                           ("billing", self.tr("Kode billing"))):
            self.method.addItem(name, code)
        self.reference = QLineEdit(page)
        self.reference.setPlaceholderText(self.tr("kode billing / referensi transfer"))
        self.method.currentIndexChanged.connect(self._update_pay)
        self.reference.textChanged.connect(self._update_pay)
        self.pay_button = QPushButton(self.tr("Bayar"), page)
        self.pay_button.clicked.connect(self.pay)
        self.pay_button.setEnabled(False)
        self.pay_why = why_label(page)
        self.pay_why.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        row = QHBoxLayout()
        row.addWidget(self.ref, 1)
        row.addWidget(self.find_button)
        pay_row = QFormLayout()
        pay_row.addRow(self.tr("Cara bayar"), self.method)
        pay_row.addRow(self.tr("Referensi"), self.reference)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.assessments)
        layout.addWidget(self.bill_info)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.total)
        layout.addLayout(pay_row)
        pay_line = QHBoxLayout()
        pay_line.addWidget(self.pay_why, 1)
        pay_line.addWidget(self.pay_button)
        layout.addLayout(pay_line)
        return page

    def lookup(self) -> None:
        self.bill = None
        self._show_bill()
        try:
            self.found = self.desk.lookup(self.ref.text())
        except LoketError as exc:
            self.found = ()
            self.assessments.setRowCount(0)
            self.report_error(exc)
            return
        self.assessments.blockSignals(True)
        self.assessments.setRowCount(len(self.found))
        for r, a in enumerate(self.found):
            status = self.tr("lunas") if a.paid else self.tr("belum bayar")
            cells = (a.number, a.kind, a.period, format_rupiah(a.principal),
                     short_date(a.due_on), status)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.assessments.setItem(r, c, item)
        self.assessments.blockSignals(False)
        unpaid = [i for i, a in enumerate(self.found) if not a.paid]
        if unpaid:
            self.assessments.selectRow(unpaid[0])
        else:
            self._selected()

    def _selected(self) -> None:
        rows = self.assessments.selectionModel().selectedRows()
        self.bill = None
        if rows and 0 <= rows[0].row() < len(self.found):
            chosen = self.found[rows[0].row()]
            if chosen.paid:
                self.bill_info.setText(self.tr("%1 sudah lunas").replace("%1", chosen.number))
            else:
                try:
                    self.bill = self.desk.bill(chosen.number)
                except LoketError as exc:
                    self.report_error(exc)
        self._show_bill()
        if self.bill is not None:
            self.billed.emit(self.bill.to_json())

    def _show_bill(self) -> None:
        bill = self.bill
        self.lines.setRowCount(len(bill.lines) if bill else 0)
        if bill is None:
            self.total.clear()
            if not self.found:
                self.bill_info.clear()
            self._update_pay()
            return
        a = bill.assessment
        self.bill_info.setText(
            f"{a.kind} {a.number} · {a.npwpd} · {a.name} · {a.tax_type_name} · "
            + self.tr("masa %1, jatuh tempo %2, terlambat %3 bulan").replace("%1", a.period)
            .replace("%2", short_date(a.due_on)).replace("%3", str(bill.months_late)))
        for r, line in enumerate(bill.lines):
            amount = QTableWidgetItem(format_rupiah(line.amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(r, 0, QTableWidgetItem(line.description))
            self.lines.setItem(r, 1, QTableWidgetItem(line.rule))
            self.lines.setItem(r, 2, amount)
        self.lines.resizeRowsToContents()
        self.total.setText(self.tr("Jumlah: %1").replace("%1", format_rupiah(bill.total)))
        self._update_pay()

    def _pay_blocker(self) -> str | None:
        if self.bill is None:
            if any(not a.paid for a in self.found):
                return self.tr("Pilih tagihan yang belum lunas di daftar.")
            if self.found:
                return self.tr("Semua tagihan yang ditemukan sudah lunas.")
            return self.tr("Cari tagihan dulu: nomor SKPD/STPD atau NPWPD.")
        if self.method.currentData() == "billing" and not self.reference.text().strip():
            return self.tr("Isi kode billing.")
        return None

    def _update_pay(self, *_: Any) -> None:
        if not hasattr(self, "pay_why"):
            return
        explain(self.pay_button, self.pay_why, self._pay_blocker())

    def pay(self) -> bool:
        if self.bill is None:
            return False
        try:
            info = self.desk.pay(self.bill.assessment.number,
                                 method=self.method.currentData(),
                                 reference=self.reference.text(), visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.reference.clear()
        self._tracked["pay"].mark_clean()
        self.paid.emit(info.to_json())
        self.notice.emit(self.tr("Pembayaran %1 diterima, SSPD %2").replace(
            "%1", format_rupiah(info.bill.total)).replace("%2", info.sspd_number))
        self.lookup()
        return True

    # --- banner -----------------------------------------------------------------------------

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(_BAD)

    def _show_notice(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(_OK)

    def _on_visit_changed(self) -> None:
        self.status.clear()

    # --- typed but unsaved ----------------------------------------------------------------

    def _trackers(self) -> dict[str, Tracked]:
        register = [(self.tr("NIK"), self.nik), (self.tr("nama"), self.name),
                    (self.tr("nama badan usaha"), self.business_name),
                    (self.tr("NIB"), self.nib), (self.tr("NPWP"), self.npwp),
                    (self.tr("alamat"), self.address)]
        if self.district_code is not None:
            register.append((self.tr("kecamatan"), self.district_code))
        register += [(self.tr("kelurahan/desa"), self.village),
                     (self.tr("telepon"), self.phone),
                     (self.tr("persyaratan"), self.requirements)]
        return {"register": Tracked(register),
                "deactivate": Tracked([(self.tr("keterangan"), self.note)]),
                "pay": Tracked([(self.tr("referensi"), self.reference)])}

    def _pending(self) -> list[tuple[str, str, list[str]]]:
        """(form, its name, the fields typed) of every form holding typed work: the
        registration; a deactivation prepared for a taxpayer found; a payment's reference
        for the bill selected (looking something up is not work)."""
        t = self._tracked
        out = [("register", self.tr("pendaftaran NPWPD"), t["register"].changed())]
        if self.off_target is not None and self.off_target.status == "active":
            out.append(("deactivate", self.tr("penonaktifan"), t["deactivate"].changed()))
        if self.bill is not None:
            out.append(("pay", self.tr("pembayaran"), t["pay"].changed()))
        return [(key, name, labels) for key, name, labels in out if labels]

    def unsaved(self) -> str | None:
        parts = [describe(name, labels) for _key, name, labels in self._pending()]
        return "; ".join(p for p in parts if p) or None

    def save_unsaved(self) -> bool:
        """Each pending form through its own button: "Daftarkan", "Nonaktifkan", "Bayar"."""
        steps = {"register": (self._register_blocker, self.register_taxpayer, 0),
                 "deactivate": (self._deactivate_blocker, self.deactivate, 1),
                 "pay": (self._pay_blocker, self.pay, 2)}
        for key, name, _labels in self._pending():
            blocker, save, tab = steps[key]
            reason = blocker()
            if reason is not None:
                self.tabs.setCurrentIndex(tab)
                self.failed.emit(refusal(self.tr("%1 belum disimpan").replace(
                    "%1", name[:1].upper() + name[1:]), reason))
                return False
            if not save():
                self.tabs.setCurrentIndex(tab)
                return False
        return True

    def discard_unsaved(self) -> None:
        for key, _name, _labels in self._pending():
            self._tracked[key].restore()
