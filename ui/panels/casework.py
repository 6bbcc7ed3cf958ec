"""Casework panel: long-running applications (receipt, disposition, overdue) and complaints
(registration from a catalog channel, SOP steps, answer, resolution).

The registration form is in the order the receipt prints it: service, applicant (name,
NIK, contact), subject, amount; then the due date the service computes as the officer
types. Everything goes through :mod:`app.casework.applications` and
:mod:`app.casework.complaints`; this widget only shows what they answer.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.casework import applications as A
from app.casework import complaints as C
from app.errors import LoketError
from app.identifiers import parse_nik
from printing.dates import day_and_date
from ui.panels.base import Panel, PanelContext
from ui.validated import ValidatedField


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(len(columns) - 1,
                                                  QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class CaseworkPanel(Panel):
    """Permohonan berjangka dan pengaduan at a Bapenda / BPPD / BPS / Samsat desk."""

    registered = Signal(dict)  # the application as JSON
    receipt_issued = Signal(str, bytes)  # tracking number, the receipt PDF to print
    complaint_saved = Signal(dict)  # the complaint as JSON after any change

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.application: A.ApplicationInfo | None = None
        self.zone = (ZoneInfo("Asia/Jakarta"), "WIB")
        self.complaint: C.ComplaintInfo | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._applications_tab(), self.tr("Permohonan"))
        self.tabs.addTab(self._complaints_tab(), self.tr("Pengaduan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._load_choices()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Permohonan & Pengaduan")

    # --- building ---------------------------------------------------------------------------

    def _applications_tab(self) -> QWidget:
        page = QWidget(self)
        self.service = QComboBox(page)
        self.service.currentIndexChanged.connect(self._refresh_due)
        self.applicant = QLineEdit(page)
        self.applicant.setPlaceholderText(self.tr("nama pemohon / wajib pajak"))
        self.applicant.textChanged.connect(self._update_buttons)
        self.nik = ValidatedField(self._parse_nik, self.tr("16 angka (boleh kosong)"),
                                  required=False, parent=page)
        self.nik.validity_changed.connect(self._update_buttons)
        self.contact = QLineEdit(page)
        self.contact.setPlaceholderText(self.tr("telepon atau e-mail"))
        self.subject = QLineEdit(page)
        self.subject.setPlaceholderText(self.tr("mis. keberatan atas SKPD reklame 2026"))
        self.subject.textChanged.connect(self._update_buttons)
        self.amount = ValidatedField(A.parse_amount, self.tr("mis. 2.500.000 (keberatan)"),
                                     required=False, parent=page)
        self.amount.validity_changed.connect(self._update_buttons)
        self.due = QLabel(page)
        self.due.setStyleSheet("font-weight: bold;")
        self.register_button = QPushButton(self.tr("Daftarkan dan cetak tanda terima"), page)
        self.register_button.clicked.connect(self.register_application)
        form = QFormLayout()
        form.addRow(self.tr("Layanan"), self.service)
        form.addRow(self.tr("Nama pemohon"), self.applicant)
        form.addRow(self.tr("NIK"), self.nik)
        form.addRow(self.tr("Kontak"), self.contact)
        form.addRow(self.tr("Perihal"), self.subject)
        form.addRow(self.tr("Nilai ketetapan"), self.amount)
        form.addRow(self.tr("Selesai paling lambat"), self.due)
        register_box = QGroupBox(self.tr("Terima permohonan"), page)
        box_layout = QVBoxLayout(register_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignRight)

        self.number = QLineEdit(page)
        self.number.setPlaceholderText(self.tr("nomor registrasi"))
        self.number.returnPressed.connect(self.open_application)
        self.open_button = QPushButton(self.tr("Buka"), page)
        self.open_button.clicked.connect(self.open_application)
        self.app_summary = QLabel(page)
        self.app_summary.setWordWrap(True)
        self.app_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trail = _table([self.tr("Waktu"), self.tr("Dari"), self.tr("Kepada"),
                             self.tr("Status"), self.tr("Catatan")], page)
        self.forward_to = QLineEdit(page)
        self.forward_to.setPlaceholderText(self.tr("teruskan kepada (nama / bidang)"))
        self.forward_to.textChanged.connect(self._update_buttons)
        self.app_note = QLineEdit(page)
        self.app_note.setPlaceholderText(self.tr("catatan / alasan"))
        self.app_note.textChanged.connect(self._update_buttons)
        self.forward_button = QPushButton(self.tr("Teruskan"), page)
        self.forward_button.clicked.connect(self.forward_application)
        self.done_button = QPushButton(self.tr("Selesai"), page)
        self.done_button.clicked.connect(lambda: self.finish_application("done"))
        self.reject_button = QPushButton(self.tr("Tolak"), page)
        self.reject_button.clicked.connect(lambda: self.finish_application("rejected"))
        find = QHBoxLayout()
        find.addWidget(self.number, 1)
        find.addWidget(self.open_button)
        actions = QHBoxLayout()
        actions.addWidget(self.forward_to, 2)
        actions.addWidget(self.app_note, 2)
        actions.addWidget(self.forward_button)
        actions.addWidget(self.done_button)
        actions.addWidget(self.reject_button)
        file_box = QGroupBox(self.tr("Disposisi berkas"), page)
        file_layout = QVBoxLayout(file_box)
        file_layout.addLayout(find)
        file_layout.addWidget(self.app_summary)
        file_layout.addWidget(self.trail, 1)
        file_layout.addLayout(actions)

        self.app_overdue = _table([self.tr("Nomor"), self.tr("Jatuh tempo"),
                                   self.tr("Pemegang"), self.tr("Perihal")], page)
        self.app_overdue.cellDoubleClicked.connect(self._open_listed_application)
        refresh = QPushButton(self.tr("Muat ulang"), page)
        refresh.clicked.connect(self.refresh_lists)
        late_box = QGroupBox(self.tr("Terlambat dan segera jatuh tempo"), page)
        late_layout = QVBoxLayout(late_box)
        late_layout.addWidget(self.app_overdue)
        late_layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(register_box, 1)
        top.addWidget(late_box, 1)
        layout.addLayout(top)
        layout.addWidget(file_box, 1)
        return page

    def _complaints_tab(self) -> QWidget:
        page = QWidget(self)
        self.channel = QComboBox(page)
        self.reporter = QLineEdit(page)
        self.reporter.setPlaceholderText(self.tr("nama pelapor (boleh kosong)"))
        self.reporter_contact = QLineEdit(page)
        self.reporter_contact.setPlaceholderText(self.tr("telepon atau e-mail"))
        self.complaint_text = QPlainTextEdit(page)
        self.complaint_text.setPlaceholderText(self.tr("isi pengaduan"))
        self.complaint_text.setMaximumHeight(90)
        self.complaint_text.textChanged.connect(self._update_buttons)
        self.complaint_button = QPushButton(self.tr("Catat pengaduan"), page)
        self.complaint_button.clicked.connect(self.register_complaint)
        form = QFormLayout()
        form.addRow(self.tr("Saluran"), self.channel)
        form.addRow(self.tr("Pelapor"), self.reporter)
        form.addRow(self.tr("Kontak"), self.reporter_contact)
        form.addRow(self.tr("Isi"), self.complaint_text)
        new_box = QGroupBox(self.tr("Pengaduan baru"), page)
        new_layout = QVBoxLayout(new_box)
        new_layout.addLayout(form)
        new_layout.addWidget(self.complaint_button, 0, Qt.AlignmentFlag.AlignRight)

        self.complaint_number = QLineEdit(page)
        self.complaint_number.setPlaceholderText(self.tr("nomor pengaduan"))
        self.complaint_number.returnPressed.connect(self.open_complaint)
        open_button = QPushButton(self.tr("Buka"), page)
        open_button.clicked.connect(self.open_complaint)
        self.complaint_summary = QLabel(page)
        self.complaint_summary.setWordWrap(True)
        self.complaint_summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = _table([self.tr("No"), self.tr("Batas waktu"), self.tr("Selesai"),
                             self.tr("Langkah")], page)
        self.steps.itemSelectionChanged.connect(self._update_buttons)
        self.step_button = QPushButton(self.tr("Langkah selesai"), page)
        self.step_button.clicked.connect(self.complete_step)
        self.answer = QPlainTextEdit(page)
        self.answer.setPlaceholderText(self.tr("tanggapan kepada pelapor / hasil penyelesaian"))
        self.answer.setMaximumHeight(70)
        self.answer.textChanged.connect(self._update_buttons)
        self.answer_button = QPushButton(self.tr("Simpan tanggapan"), page)
        self.answer_button.clicked.connect(self.answer_complaint)
        self.close_button = QPushButton(self.tr("Tutup pengaduan"), page)
        self.close_button.clicked.connect(self.close_complaint)
        find = QHBoxLayout()
        find.addWidget(self.complaint_number, 1)
        find.addWidget(open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addStretch(1)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.close_button)
        case_box = QGroupBox(self.tr("Penanganan"), page)
        case_layout = QVBoxLayout(case_box)
        case_layout.addLayout(find)
        case_layout.addWidget(self.complaint_summary)
        case_layout.addWidget(self.steps, 1)
        case_layout.addWidget(self.answer)
        case_layout.addLayout(buttons)

        self.complaint_overdue = _table([self.tr("Nomor"), self.tr("Batas waktu"),
                                         self.tr("Saluran"), self.tr("Isi")], page)
        self.complaint_overdue.cellDoubleClicked.connect(self._open_listed_complaint)
        late_box = QGroupBox(self.tr("Pengaduan terlambat"), page)
        late_layout = QVBoxLayout(late_box)
        late_layout.addWidget(self.complaint_overdue)

        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        top.addWidget(new_box, 1)
        top.addWidget(late_box, 1)
        layout.addLayout(top)
        layout.addWidget(case_box, 1)
        return page

    # --- helpers --------------------------------------------------------------------------------

    def _parse_nik(self, text: str) -> Any:
        return parse_nik(text, today=self.ctx.clock().date())

    def _load_choices(self) -> None:
        try:
            with self.ctx.store.uow(read_only=True) as uow:
                services = A.long_running_services(uow, office_code=self.ctx.office_code)
                channels = C.channels(uow, office_code=self.ctx.office_code)
                self.zone = C.office_zone(
                    uow, office_code=self.ctx.office_code)
        except LoketError as exc:
            self.report_error(exc)
            return
        self.service.clear()
        for s in services:
            self.service.addItem(f"{s.name} ({s.time_text})", s.code)
        self.channel.clear()
        for c in channels:
            self.channel.addItem(f"{c.kind}: {c.label or c.value}", c.kind)
        self._refresh_due()
        self.refresh_lists()

    def set_service(self, code: str) -> None:
        self.service.setCurrentIndex(self.service.findData(code))

    def set_channel(self, kind: str) -> None:
        self.channel.setCurrentIndex(self.channel.findData(kind))

    def _refresh_due(self, *_args: Any) -> None:
        code = self.service.currentData()
        if not code:
            self.due.setText("-")
            return
        try:
            with self.ctx.store.uow(read_only=True) as uow:
                due = A.due_date(uow, str(code), office_code=self.ctx.office_code,
                                 received_at=self.ctx.clock())
        except LoketError as exc:
            self.due.setText(exc.message())
            return
        self.due.setText(day_and_date(due))

    def _update_buttons(self, *_args: Any) -> None:
        self.register_button.setEnabled(
            self.service.currentData() is not None and bool(self.applicant.text().strip())
            and bool(self.subject.text().strip()) and self.nik.is_valid()
            and self.amount.is_valid())
        app_open = self.application is not None and self.application.open
        self.forward_button.setEnabled(app_open and bool(self.forward_to.text().strip()))
        self.done_button.setEnabled(app_open)
        self.reject_button.setEnabled(app_open and bool(self.app_note.text().strip()))
        self.complaint_button.setEnabled(self.channel.currentData() is not None
                                         and bool(self.complaint_text.toPlainText().strip()))
        c = self.complaint
        c_open = c is not None and c.status != "closed"
        row = self.steps.currentRow()
        self.step_button.setEnabled(c_open and c is not None and 0 <= row < len(c.steps)
                                    and c.steps[row].done_at is None)
        has_text = bool(self.answer.toPlainText().strip())
        self.answer_button.setEnabled(c_open and has_text)
        self.close_button.setEnabled(c_open and c is not None and c.answered_at is not None
                                     and has_text)

    def _on_visit_changed(self) -> None:
        """A new visitor: the forms start empty (an opened file stays on screen)."""
        for edit in (self.applicant, self.contact, self.subject, self.reporter,
                     self.reporter_contact):
            edit.clear()
        self.nik.setText("")
        self.amount.setText("")
        self.complaint_text.clear()
        self._refresh_due()
        self._update_buttons()

    # --- applications ---------------------------------------------------------------------------

    def register_application(self) -> None:
        if not self.register_button.isEnabled():
            return
        try:
            with self.ctx.store.uow() as uow:
                info = A.register_application(
                    uow, str(self.service.currentData()), office_code=self.ctx.office_code,
                    applicant_name=self.applicant.text(), applicant_nik=self.nik.text(),
                    applicant_contact=self.contact.text(), subject=self.subject.text(),
                    amount=self.amount.text(), visit_id=self.visit_id,
                    actor=self.ctx.actor(), now=self.ctx.clock())
            with self.ctx.store.uow(read_only=True) as uow:
                pdf = A.receipt_pdf(uow, info.number, office_code=self.ctx.office_code)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)
        self.registered.emit(info.to_json())
        self.receipt_issued.emit(info.number, pdf)
        self.notice.emit(self.tr("Permohonan %1 diterima, selesai paling lambat %2")
                         .replace("%1", info.number).replace("%2", day_and_date(info.due_on)))
        self.refresh_lists()

    def open_application(self, number: str | None = None) -> None:
        wanted = (number or self.number.text()).strip()
        if not wanted:
            return
        try:
            with self.ctx.store.uow(read_only=True) as uow:
                info = A.show(uow, wanted, office_code=self.ctx.office_code)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)

    def _open_listed_application(self, row: int, _column: int) -> None:
        item = self.app_overdue.item(row, 0)
        if item is not None:
            self.open_application(item.text().lstrip("! "))

    def _show_application(self, info: A.ApplicationInfo) -> None:
        self.application = info
        self.number.setText(info.number)
        lines = [
            f"{info.number} · {info.service_name} · {info.status_text.upper()}",
            self.tr("Pemohon: %1").replace("%1", info.applicant_name)
            + (f" ({info.applicant_nik})" if info.applicant_nik else ""),
            self.tr("Perihal: %1").replace("%1", info.subject),
            self.tr("Selesai paling lambat: %1 · pemegang berkas: %2")
            .replace("%1", day_and_date(info.due_on)).replace("%2", info.holder),
        ]
        if info.amount is not None:
            lines.append(self.tr("Nilai ketetapan: %1").replace("%1", A.amount_text(info.amount)))
        if info.decided_by:
            lines.append(self.tr("Diputus oleh: %1").replace("%1", info.decided_by))
        self.app_summary.setText("\n".join(lines))
        _fill(self.trail, [[f"{info.local(s.at):%d-%m-%Y %H:%M}", s.from_holder or "-",
                            s.to_holder, A.status_text(s.status), s.note] for s in info.steps])
        self.forward_to.clear()
        self.app_note.clear()
        self._update_buttons()

    def forward_application(self) -> None:
        if self.application is None or not self.forward_button.isEnabled():
            return
        try:
            with self.ctx.store.uow() as uow:
                info = A.forward(uow, self.application.number, to=self.forward_to.text(),
                                 note=self.app_note.text(), office_code=self.ctx.office_code,
                                 actor=self.ctx.actor(), now=self.ctx.clock())
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)
        self.notice.emit(self.tr("Berkas %1 diteruskan kepada %2")
                         .replace("%1", info.number).replace("%2", info.holder))
        self.refresh_lists()

    def finish_application(self, outcome: str) -> None:
        if self.application is None:
            return
        try:
            with self.ctx.store.uow() as uow:
                info = A.finish(uow, self.application.number, outcome=outcome,
                                note=self.app_note.text(), office_code=self.ctx.office_code,
                                actor=self.ctx.actor(), now=self.ctx.clock())
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)
        self.notice.emit(self.tr("Permohonan %1: %2").replace("%1", info.number)
                         .replace("%2", info.status_text))
        self.refresh_lists()

    # --- complaints ---------------------------------------------------------------------------

    def register_complaint(self) -> None:
        if not self.complaint_button.isEnabled():
            return
        try:
            with self.ctx.store.uow() as uow:
                info = C.register_complaint(
                    uow, channel=str(self.channel.currentData()),
                    text=self.complaint_text.toPlainText(), reporter=self.reporter.text(),
                    contact=self.reporter_contact.text(), office_code=self.ctx.office_code,
                    visit_id=self.visit_id, actor=self.ctx.actor(), now=self.ctx.clock())
        except LoketError as exc:
            self.report_error(exc)
            return
        self.complaint_text.clear()
        self._show_complaint(info)
        self.notice.emit(self.tr("Pengaduan %1 dicatat").replace("%1", info.number))

    def open_complaint(self, number: str | None = None) -> None:
        wanted = (number or self.complaint_number.text()).strip()
        if not wanted:
            return
        try:
            with self.ctx.store.uow(read_only=True) as uow:
                info = C.show(uow, wanted, office_code=self.ctx.office_code)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_complaint(info)

    def _open_listed_complaint(self, row: int, _column: int) -> None:
        item = self.complaint_overdue.item(row, 0)
        if item is not None:
            self.open_complaint(item.text())

    def _show_complaint(self, info: C.ComplaintInfo) -> None:
        self.complaint = info
        self.complaint_number.setText(info.number)
        tz = info.tz
        due = info.due_at.astimezone(tz).strftime("%d-%m-%Y %H:%M") if info.due_at else "-"
        lines = [f"{info.number} · {info.channel} · {info.status_text.upper()}",
                 self.tr("Pelapor: %1").replace("%1", info.reporter or "-"),
                 info.text,
                 self.tr("Tanggapan paling lambat: %1").replace("%1", f"{due} {info.zone}")]
        if info.answer:
            lines.append(self.tr("Tanggapan: %1").replace("%1", info.answer))
        if info.resolution:
            lines.append(self.tr("Penyelesaian: %1").replace("%1", info.resolution))
        self.complaint_summary.setText("\n".join(lines))
        _fill(self.steps, [[str(s.position), f"{s.due_at.astimezone(tz):%d-%m-%Y %H:%M}",
                            f"{s.done_at.astimezone(tz):%d-%m-%Y %H:%M} {s.done_by}"
                            if s.done_at else "", s.text] for s in info.steps])
        self.answer.clear()
        self.complaint_saved.emit(info.to_json())
        self.refresh_lists()
        self._update_buttons()

    def select_step(self, position: int) -> None:
        self.steps.selectRow(position - 1)

    def complete_step(self) -> None:
        row = self.steps.currentRow()
        if self.complaint is None or not self.step_button.isEnabled():
            return
        self._complaint_action(lambda uow, number: C.complete_step(
            uow, number, self.complaint.steps[row].position,  # type: ignore[union-attr]
            office_code=self.ctx.office_code, actor=self.ctx.actor(), now=self.ctx.clock()))

    def answer_complaint(self) -> None:
        if self.answer_button.isEnabled():
            text = self.answer.toPlainText()
            self._complaint_action(lambda uow, number: C.answer(
                uow, number, text, office_code=self.ctx.office_code, actor=self.ctx.actor(),
                now=self.ctx.clock()))

    def close_complaint(self) -> None:
        if self.close_button.isEnabled():
            text = self.answer.toPlainText()
            self._complaint_action(lambda uow, number: C.close(
                uow, number, text, office_code=self.ctx.office_code, actor=self.ctx.actor(),
                now=self.ctx.clock()))

    def _complaint_action(self, action) -> None:
        assert self.complaint is not None
        try:
            with self.ctx.store.uow() as uow:
                info = action(uow, self.complaint.number)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_complaint(info)
        self.notice.emit(self.tr("Pengaduan %1: %2").replace("%1", info.number)
                         .replace("%2", info.status_text))

    # --- lists -----------------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        now = self.ctx.clock()
        try:
            with self.ctx.store.uow(read_only=True) as uow:
                late = A.overdue(uow, office_code=self.ctx.office_code, now=now)
                soon = A.due_soon(uow, office_code=self.ctx.office_code, now=now)
                complaints = C.overdue(uow, office_code=self.ctx.office_code, now=now)
        except LoketError as exc:
            self.report_error(exc)
            return
        _fill(self.app_overdue,
              [[f"! {x.number}", x.due_on.strftime("%d-%m-%Y"), x.holder, x.subject]
               for x in late]
              + [[x.number, x.due_on.strftime("%d-%m-%Y"), x.holder, x.subject]
                 for x in soon])
        for row in range(len(late)):
            for col in range(self.app_overdue.columnCount()):
                item = self.app_overdue.item(row, col)
                if item is not None:
                    item.setForeground(Qt.GlobalColor.red)
        _fill(self.complaint_overdue,
              [[x.number, f"{x.due_at.astimezone(self.zone[0]):%d-%m-%Y %H:%M} {self.zone[1]}",
                x.channel, x.text] for x in complaints])
