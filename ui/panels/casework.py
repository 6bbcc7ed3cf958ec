"""Casework panel: long-running applications (receipt, disposition, overdue) and complaints
(registration from a catalog channel, SOP steps, answer, resolution).

The registration form is in the order the receipt prints it: service, applicant (name,
NIK, contact), subject, amount; then the due date the service computes as the officer
types. Everything goes through :class:`app.stations.casework_desk.CaseworkDesk` (one short
unit of work per call, over :mod:`app.casework.applications` and
:mod:`app.casework.complaints`); this widget only shows what they answer. A disabled
button says beside it why; a form typed and not saved is reported to the counter window
(:meth:`CaseworkPanel.unsaved`), which saves it before the visit moves on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
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

from app import labels
from app.casework import applications as A
from app.errors import LoketError
from app.i18n import short_date, short_date_time
from app.identifiers import parse_nik
from app.stations.casework_desk import ApplicationInfo, CaseworkDesk, ComplaintInfo
from printing.dates import day_and_date
from ui.panels.base import (
    Panel,
    PanelContext,
    Tracked,
    describe,
    explain,
    field_problem,
    refusal,
    why_label,
)
from ui.validated import ValidatedField

CHOICE_CHARS = 24  # a drop-down shows this many characters, the rest in its tooltip


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    for column in range(len(columns) - 1):  # each heading whole at the console's type size
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _choice(parent: QWidget) -> QComboBox:
    """A drop-down whose width does not follow its longest entry (a catalog's service
    names are long): it shows what fits, the whole entry in its tooltip and in the list."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(CHOICE_CHARS)
    combo.currentIndexChanged.connect(lambda _i: combo.setToolTip(combo.currentText()))
    return combo


def _add_choice(combo: QComboBox, text: str, data: str) -> None:
    combo.addItem(text, data)
    combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class _Pair(QWidget):
    """Two boxes side by side when the width holds both, else one above the other: the
    panel never gets wider than the console's work area (a 1366 px laptop)."""

    def __init__(self, first: QWidget, second: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(first, 1)
        self.row.addWidget(second, 1)

    def side_by_side_width(self) -> int:
        """The least width that holds both boxes side by side."""
        return (self.first.minimumSizeHint().width() + self.second.minimumSizeHint().width()
                + self.row.spacing())

    def place(self, width: int) -> None:
        stacked = width < self.side_by_side_width()
        direction = (QBoxLayout.Direction.TopToBottom if stacked
                     else QBoxLayout.Direction.LeftToRight)
        if self.row.direction() != direction:
            self.row.setDirection(direction)

    def stacked(self) -> bool:
        return self.row.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place(event.size().width())


class CaseworkPanel(Panel):
    """Permohonan berjangka dan pengaduan at a Bapenda / BPPD / BPS / Samsat desk."""

    registered = Signal(dict)  # the application as JSON
    receipt_issued = Signal(str, bytes)  # tracking number, the receipt PDF to print
    complaint_saved = Signal(dict)  # the complaint as JSON after any change

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.application: ApplicationInfo | None = None
        self.zone = (ZoneInfo("Asia/Jakarta"), "WIB")
        self.complaint: ComplaintInfo | None = None
        # the actor and the clock are read at each call: the person signed in may change
        self.desk = CaseworkDesk(ctx.store, ctx.office_code, actor=lambda: ctx.actor(),
                                 clock=lambda: ctx.clock())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._applications_tab(), self.tr("Permohonan"))
        self.tabs.addTab(self._complaints_tab(), self.tr("Pengaduan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._tracked = {
            "application": Tracked([(self.tr("nama pemohon"), self.applicant),
                                    (self.tr("NIK"), self.nik), (self.tr("kontak"), self.contact),
                                    (self.tr("perihal"), self.subject),
                                    (self.tr("nilai ketetapan"), self.amount)]),
            "file": Tracked([(self.tr("teruskan kepada"), self.forward_to),
                             (self.tr("catatan"), self.app_note)]),
            "complaint": Tracked([(self.tr("pelapor"), self.reporter),
                                  (self.tr("kontak"), self.reporter_contact),
                                  (self.tr("isi pengaduan"), self.complaint_text)]),
            "answer": Tracked([(self.tr("tanggapan"), self.answer)]),
        }
        self._load_choices()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Permohonan & Pengaduan")

    # --- building ---------------------------------------------------------------------------

    def _applications_tab(self) -> QWidget:
        page = QWidget(self)
        self.service = _choice(page)
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
        self.register_why = why_label(page)
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
        register_row = QHBoxLayout()
        register_row.addWidget(self.register_why, 1)
        register_row.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        box_layout.addLayout(register_row)

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
        self.file_why = why_label(page)
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
        file_layout.addWidget(self.file_why)

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
        self.app_top = _Pair(register_box, late_box, page)
        layout.addWidget(self.app_top)
        layout.addWidget(file_box, 1)
        return page

    def _complaints_tab(self) -> QWidget:
        page = QWidget(self)
        self.channel = _choice(page)
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
        self.complaint_why = why_label(page)
        form = QFormLayout()
        form.addRow(self.tr("Saluran"), self.channel)
        form.addRow(self.tr("Pelapor"), self.reporter)
        form.addRow(self.tr("Kontak"), self.reporter_contact)
        form.addRow(self.tr("Isi"), self.complaint_text)
        new_box = QGroupBox(self.tr("Pengaduan baru"), page)
        new_layout = QVBoxLayout(new_box)
        new_layout.addLayout(form)
        complaint_row = QHBoxLayout()
        complaint_row.addWidget(self.complaint_why, 1)
        complaint_row.addWidget(self.complaint_button, 0, Qt.AlignmentFlag.AlignTop)
        new_layout.addLayout(complaint_row)

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
        self.case_why = why_label(page)
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
        case_layout.addWidget(self.case_why)

        self.complaint_overdue = _table([self.tr("Nomor"), self.tr("Batas waktu"),
                                         self.tr("Saluran"), self.tr("Isi")], page)
        self.complaint_overdue.cellDoubleClicked.connect(self._open_listed_complaint)
        late_box = QGroupBox(self.tr("Pengaduan terlambat"), page)
        late_layout = QVBoxLayout(late_box)
        late_layout.addWidget(self.complaint_overdue)

        layout = QVBoxLayout(page)
        self.complaint_top = _Pair(new_box, late_box, page)
        layout.addWidget(self.complaint_top)
        layout.addWidget(case_box, 1)
        return page

    # --- helpers --------------------------------------------------------------------------------

    def _parse_nik(self, text: str) -> Any:
        return parse_nik(text, today=self.ctx.clock().date())

    def _load_choices(self) -> None:
        try:
            choices = self.desk.choices()
        except LoketError as exc:
            self.report_error(exc)
            return
        self.zone = (choices.tz, choices.zone)
        self.service.clear()
        for s in choices.services:
            _add_choice(self.service, f"{s.name} ({s.time_text})", s.code)
        self.channel.clear()
        for c in choices.channels:  # the kind in words ("Laman web"), never its code
            _add_choice(self.channel, f"{labels.channel_label(c.kind)}: {c.label or c.value}",
                        c.kind)
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
            due = self.desk.due_date(str(code))
        except LoketError as exc:
            self.due.setText(exc.message())
            return
        self.due.setText(day_and_date(due))

    def _register_blocker(self) -> str | None:
        """What the application form still lacks, or None."""
        if self.service.currentData() is None:
            return self.tr("Belum ada layanan berjangka di kantor ini.")
        missing = [self.tr("isi nama pemohon") if not self.applicant.text().strip() else None,
                   self.tr("isi perihal") if not self.subject.text().strip() else None,
                   field_problem(self.nik, self.tr("NIK")),
                   field_problem(self.amount, self.tr("nilai ketetapan"))]
        found = [m for m in missing if m]
        return "; ".join(found) or None

    def _file_blockers(self) -> dict[str, str | None]:
        """Why "Teruskan", "Selesai" and "Tolak" are disabled (None: enabled)."""
        app = self.application
        if app is None or not app.open:
            reason = (self.tr("Buka berkas dulu dengan nomor registrasi.") if app is None
                      else self.tr("Berkas %1 sudah %2.").replace("%1", app.number)
                      .replace("%2", app.status_text))
            return {"forward": reason, "done": reason, "reject": reason}
        return {"forward": None if self.forward_to.text().strip()
                else self.tr("Teruskan: isi kepada siapa."),
                "done": None,
                "reject": None if self.app_note.text().strip()
                else self.tr("Tolak: tulis alasannya di catatan.")}

    def _complaint_blocker(self) -> str | None:
        if self.channel.currentData() is None:
            return self.tr("Belum ada saluran pengaduan di kantor ini.")
        if not self.complaint_text.toPlainText().strip():
            return self.tr("Tulis isi pengaduan dulu.")
        return None

    def _case_blockers(self) -> dict[str, str | None]:
        """Why "Langkah selesai", "Simpan tanggapan" and "Tutup pengaduan" are disabled."""
        c = self.complaint
        if c is None or c.status == "closed":
            reason = (self.tr("Buka pengaduan dulu dengan nomornya.") if c is None
                      else self.tr("Pengaduan %1 sudah ditutup.").replace("%1", c.number))
            return {"step": reason, "answer": reason, "close": reason}
        row = self.steps.currentRow()
        step = None
        if not 0 <= row < len(c.steps):
            step = self.tr("Langkah selesai: pilih langkahnya di tabel.")
        elif c.steps[row].done_at is not None:
            step = self.tr("Langkah itu sudah selesai.")
        has_text = bool(self.answer.toPlainText().strip())
        answer = None if has_text else self.tr("Tulis tanggapan dulu.")
        close = None
        if c.answered_at is None:
            close = self.tr("Tutup: simpan tanggapan dulu.")
        elif not has_text:
            close = self.tr("Tutup: tulis hasil penyelesaian di kotak tanggapan.")
        return {"step": step, "answer": answer, "close": close}

    @staticmethod
    def _explain_group(buttons: dict[str, Any], label: Any,
                       reasons: dict[str, str | None]) -> None:
        """Several buttons, one line: each disabled one's reason, once."""
        for name, button in buttons.items():
            button.setEnabled(reasons[name] is None)
            button.setToolTip(reasons[name] or "")
        said = list(dict.fromkeys(r for r in reasons.values() if r))
        label.setText(" ".join(said))
        label.setVisible(bool(said))

    def _update_buttons(self, *_args: Any) -> None:
        if not hasattr(self, "case_why"):
            return  # still building
        explain(self.register_button, self.register_why, self._register_blocker())
        self._explain_group({"forward": self.forward_button, "done": self.done_button,
                             "reject": self.reject_button}, self.file_why,
                            self._file_blockers())
        explain(self.complaint_button, self.complaint_why, self._complaint_blocker())
        self._explain_group({"step": self.step_button, "answer": self.answer_button,
                             "close": self.close_button}, self.case_why,
                            self._case_blockers())

    def _on_visit_changed(self) -> None:
        """A new visitor: the forms start empty (an opened file stays on screen)."""
        for edit in (self.applicant, self.contact, self.subject, self.reporter,
                     self.reporter_contact):
            edit.clear()
        self.nik.setText("")
        self.amount.setText("")
        self.complaint_text.clear()
        self._refresh_due()
        for key in ("application", "complaint"):
            self._tracked[key].mark_clean()
        self._update_buttons()

    # --- typed but unsaved ----------------------------------------------------------------------

    def _pending(self) -> list[tuple[str, str, list[str]]]:
        """(form, its name, the fields typed): the new application and complaint; the
        disposition of the open file and the answer to the open complaint (a number typed
        to look something up is not work)."""
        t = self._tracked
        out = [("application", self.tr("permohonan baru"), t["application"].changed()),
               ("complaint", self.tr("pengaduan baru"), t["complaint"].changed())]
        if self.application is not None and self.application.open:
            out.append(("file", self.tr("disposisi %1").replace(
                "%1", self.application.number), t["file"].changed()))
        if self.complaint is not None and self.complaint.status != "closed":
            out.append(("answer", self.tr("tanggapan %1").replace(
                "%1", self.complaint.number), t["answer"].changed()))
        return [item for item in out if item[2]]

    def unsaved(self) -> str | None:
        parts = [describe(name, labels) for _key, name, labels in self._pending()]
        return "; ".join(p for p in parts if p) or None

    def _save_file(self) -> str | bool:
        """The disposition typed: "Teruskan" when a recipient is typed; a note alone could
        be for "Teruskan", "Selesai" or "Tolak", so the officer decides."""
        if self.forward_to.text().strip():
            return self._file_blockers()["forward"] or self.forward_application()
        return self.tr("pilih Teruskan, Selesai atau Tolak untuk catatan ini.")

    def save_unsaved(self) -> bool:
        """Each pending form through its own button."""
        steps = {
            "application": (0, lambda: self._register_blocker() or self.register_application()),
            "complaint": (1, lambda: self._complaint_blocker() or self.register_complaint()),
            "file": (0, self._save_file),
            "answer": (1, lambda: self._case_blockers()["answer"] or self.answer_complaint()),
        }
        for key, name, _labels in self._pending():
            tab, save = steps[key]
            outcome = save()
            if outcome is True:
                continue
            self.tabs.setCurrentIndex(tab)
            if isinstance(outcome, str):  # a reason: nothing was tried
                self.failed.emit(refusal(self.tr("%1 belum disimpan").replace(
                    "%1", name[:1].upper() + name[1:]), outcome))
            return False
        return True

    def discard_unsaved(self) -> None:
        for key, _name, _labels in self._pending():
            self._tracked[key].restore()

    # --- applications ---------------------------------------------------------------------------

    def register_application(self) -> bool:
        if not self.register_button.isEnabled():
            return False
        try:
            received = self.desk.register_application(
                str(self.service.currentData()), applicant_name=self.applicant.text(),
                applicant_nik=self.nik.text(), applicant_contact=self.contact.text(),
                subject=self.subject.text(), amount=self.amount.text(),
                visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        info, pdf = received.application, received.receipt_pdf
        self._tracked["application"].mark_clean()
        self._show_application(info)
        self.registered.emit(info.to_json())
        self.receipt_issued.emit(info.number, pdf)
        self.notice.emit(self.tr("Permohonan %1 diterima, selesai paling lambat %2")
                         .replace("%1", info.number).replace("%2", day_and_date(info.due_on)))
        self.refresh_lists()
        return True

    def open_application(self, number: str | None = None) -> None:
        wanted = (number or self.number.text()).strip()
        if not wanted:
            return
        try:
            info = self.desk.application(wanted)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)

    def _open_listed_application(self, row: int, _column: int) -> None:
        item = self.app_overdue.item(row, 0)
        if item is not None:
            self.open_application(item.text().lstrip("! "))

    def _show_application(self, info: ApplicationInfo) -> None:
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
        _fill(self.trail, [[short_date_time(info.local(s.at)), s.from_holder or "-",
                            s.to_holder, A.status_text(s.status), s.note] for s in info.steps])
        self.forward_to.clear()
        self.app_note.clear()
        self._tracked["file"].mark_clean()
        self._update_buttons()

    def forward_application(self) -> bool:
        if self.application is None or not self.forward_button.isEnabled():
            return False
        try:
            info = self.desk.forward(self.application.number, to=self.forward_to.text(),
                                     note=self.app_note.text())
        except LoketError as exc:
            self.report_error(exc)
            return False
        self._show_application(info)
        self.notice.emit(self.tr("Berkas %1 diteruskan kepada %2")
                         .replace("%1", info.number).replace("%2", info.holder))
        self.refresh_lists()
        return True

    def finish_application(self, outcome: str) -> None:
        if self.application is None:
            return
        try:
            info = self.desk.finish(self.application.number, outcome=outcome,
                                    note=self.app_note.text())
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_application(info)
        self.notice.emit(self.tr("Permohonan %1: %2").replace("%1", info.number)
                         .replace("%2", info.status_text))
        self.refresh_lists()

    # --- complaints ---------------------------------------------------------------------------

    def register_complaint(self) -> bool:
        if not self.complaint_button.isEnabled():
            return False
        try:
            info = self.desk.register_complaint(
                channel=str(self.channel.currentData()),
                text=self.complaint_text.toPlainText(), reporter=self.reporter.text(),
                contact=self.reporter_contact.text(), visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.complaint_text.clear()
        self._tracked["complaint"].mark_clean()
        self._show_complaint(info)
        self.notice.emit(self.tr("Pengaduan %1 dicatat").replace("%1", info.number))
        return True

    def open_complaint(self, number: str | None = None) -> None:
        wanted = (number or self.complaint_number.text()).strip()
        if not wanted:
            return
        try:
            info = self.desk.complaint(wanted)
        except LoketError as exc:
            self.report_error(exc)
            return
        self._show_complaint(info)

    def _open_listed_complaint(self, row: int, _column: int) -> None:
        item = self.complaint_overdue.item(row, 0)
        if item is not None:
            self.open_complaint(item.text())

    def _show_complaint(self, info: ComplaintInfo, *, keep_answer: bool = False) -> None:
        """Show ``info``; the answer box starts empty unless ``keep_answer`` (a step of the
        same complaint was ticked while an answer was being written)."""
        self.complaint = info
        self.complaint_number.setText(info.number)
        tz = info.tz
        due = short_date_time(info.due_at.astimezone(tz)) if info.due_at else "-"
        lines = [f"{info.number} · {labels.channel_label(info.channel)} · "
                 f"{info.status_text.upper()}",
                 self.tr("Pelapor: %1").replace("%1", info.reporter or "-"),
                 info.text,
                 self.tr("Tanggapan paling lambat: %1").replace("%1", f"{due} {info.zone}")]
        if info.answer:
            lines.append(self.tr("Tanggapan: %1").replace("%1", info.answer))
        if info.resolution:
            lines.append(self.tr("Penyelesaian: %1").replace("%1", info.resolution))
        self.complaint_summary.setText("\n".join(lines))
        _fill(self.steps, [[str(s.position), short_date_time(s.due_at.astimezone(tz)),
                            f"{short_date_time(s.done_at.astimezone(tz))} {s.done_by}"
                            if s.done_at else "", s.text] for s in info.steps])
        if not keep_answer:
            self.answer.clear()
            self._tracked["answer"].mark_clean()
        self.complaint_saved.emit(info.to_json())
        self.refresh_lists()
        self._update_buttons()

    def select_step(self, position: int) -> None:
        self.steps.selectRow(position - 1)

    def complete_step(self) -> None:
        row = self.steps.currentRow()
        if self.complaint is None or not self.step_button.isEnabled():
            return
        position = self.complaint.steps[row].position
        self._complaint_action(keep_answer=True, action=lambda number: self.desk.complete_step(
            number, position))

    def answer_complaint(self) -> bool:
        if not self.answer_button.isEnabled():
            return False
        text = self.answer.toPlainText()
        return self._complaint_action(lambda number: self.desk.answer(number, text))

    def close_complaint(self) -> None:
        if self.close_button.isEnabled():
            text = self.answer.toPlainText()
            self._complaint_action(lambda number: self.desk.close(number, text))

    def _complaint_action(self, action: Callable[[str], ComplaintInfo], *,
                          keep_answer: bool = False) -> bool:
        assert self.complaint is not None
        try:
            info = action(self.complaint.number)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self._show_complaint(info, keep_answer=keep_answer)
        self.notice.emit(self.tr("Pengaduan %1: %2").replace("%1", info.number)
                         .replace("%2", info.status_text))
        return True

    # --- lists -----------------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        try:
            lists = self.desk.lists()
        except LoketError as exc:
            self.report_error(exc)
            return
        late, soon, complaints = lists.late, lists.soon, lists.complaints
        _fill(self.app_overdue,
              [[f"! {x.number}", short_date(x.due_on), x.holder, x.subject]
               for x in late]
              + [[x.number, short_date(x.due_on), x.holder, x.subject]
                 for x in soon])
        for row in range(len(late)):
            for col in range(self.app_overdue.columnCount()):
                item = self.app_overdue.item(row, col)
                if item is not None:
                    item.setForeground(Qt.GlobalColor.red)
        _fill(self.complaint_overdue,
              [[x.number, f"{short_date_time(x.due_at.astimezone(self.zone[0]))} {self.zone[1]}",
                labels.channel_label(x.channel), x.text] for x in complaints])
