"""Tax clearance panel: look up a NIK, NPWPD, NOP or plate, show clear / not clear with the
arrears, print the certificate or the arrears statement.

The data is shown in the order the letter prints it: the subject (key, name, purpose,
result, time, officer), the arrears with their total, what is not yet due, and the
extracts checked with their dates. All lookups and letters go through the panel's desk,
:mod:`app.stations.fiscal_desk` (one unit of work per call; the rules are
:mod:`app.fiscal.clearance`'s); this widget only shows what it answers. A disabled button
says beside it why; a lookup typed and not yet checked is reported to the counter window
(:meth:`FiscalPanel.unsaved`), which runs the check before the visit moves on (the check is
the record the front officer must keep).
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
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import LoketError
from app.i18n import short_date_time
from app.stations import fiscal_desk as fd
from ui.panels.base import (
    Panel,
    PanelContext,
    Tracked,
    describe,
    explain,
    field_problem,
    refusal,
    sentence,
    why_label,
)
from ui.validated import ValidatedField

_COLORS = {"clear": "#2E7D32", "not-clear": "#C62828", "no-data": "#6D6D6D"}


class FiscalPanel(Panel):
    """Cek fiskal / tax clearance at the revenue office's front desk."""

    checked = Signal(dict)  # the check as JSON (what is shown)
    letter_issued = Signal(str, bytes)  # verification code, the PDF to print

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # the desk's clock is the context's, read at each call
        self.desk = fd.FiscalDesk(ctx.store, ctx.office_code, clock=lambda: self.ctx.clock())
        self.result: fd.CheckResult | None = None
        self.letter: fd.LetterResult | None = None

        self.kind = QComboBox(self)
        self.fields: dict[str, ValidatedField] = {}
        self.stack = QStackedWidget(self)
        kinds = (("nik", self.tr("NIK"), self.tr("16 angka, mis. 3671014505900001")),
                 ("npwpd", self.tr("NPWPD"), self.tr("mis. P.2.0001234.01.02")),
                 ("nop", self.tr("NOP PBB-P2"), self.tr("18 angka, mis. 36.71.010.001.001-0001.0")),
                 ("plate", self.tr("Nomor polisi"), self.tr("mis. A 1234 BC")))
        for kind, label, hint in kinds:
            self.kind.addItem(label, kind)
            field = ValidatedField(self._parser(kind), hint, parent=self)
            field.validity_changed.connect(self._update_buttons)
            field.edit.returnPressed.connect(self.run_check)
            self.fields[kind] = field
            self.stack.addWidget(field)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("nama pemohon (boleh kosong)"))
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(self.tr("mis. izin usaha pada SIPEKA"))
        self.purpose.textChanged.connect(self._update_buttons)
        self.purpose.returnPressed.connect(self.run_check)
        self.check_button = QPushButton(self.tr("Periksa"), self)
        self.check_button.clicked.connect(self.run_check)
        self.print_button = QPushButton(self.tr("Cetak surat"), self)
        self.print_button.clicked.connect(self.print_letter)
        self.why = why_label(self)

        form = QFormLayout()
        form.addRow(self.tr("Cari dengan"), self.kind)
        form.addRow(self.tr("Nilai"), self.stack)
        form.addRow(self.tr("Nama"), self.name)
        form.addRow(self.tr("Keperluan"), self.purpose)

        self.banner = QLabel(self)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet("font-size: 18pt; font-weight: bold; padding: 6px;")
        self.subject = QLabel(self)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Sumber"), self.tr("Pajak"), self.tr("Masa"), self.tr("Jatuh tempo"),
            self.tr("Terlambat"), self.tr("Jumlah")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel(self)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setStyleSheet("font-weight: bold;")
        self.not_due = QLabel(self)
        self.not_due.setWordWrap(True)
        self.sources = QLabel(self)
        self.sources.setWordWrap(True)
        self.sources.setStyleSheet("color: #555555;")
        self.code = QLabel(self)
        self.code.setStyleSheet("font-size: 14pt; font-family: monospace;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.why, 1)
        buttons.addWidget(self.code)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.subject)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.not_due)
        layout.addWidget(self.sources)
        self._tracked = Tracked([*((self.kind.itemText(i), self.fields[self.kind.itemData(i)])
                                   for i in range(self.kind.count())),
                                 (self.tr("nama"), self.name),
                                 (self.tr("keperluan"), self.purpose)])
        self._show(None)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Cek Fiskal")

    # --- the form -----------------------------------------------------------------------

    def _parser(self, kind: str):
        def parse(text: str) -> fd.SubjectKey:
            return fd.parse_key(kind, text, today=self.ctx.clock().date())
        return parse

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def current_field(self) -> ValidatedField:
        return self.fields[self.current_kind()]

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self, _index: int) -> None:
        self.stack.setCurrentWidget(self.current_field())
        self._update_buttons()

    def _check_blocker(self) -> str | None:
        """What the lookup still lacks ("NIK belum diisi; isi keperluan"), or None."""
        missing = [field_problem(self.current_field(), self.kind.currentText())]
        if not self.purpose.text().strip():
            missing.append(self.tr("isi keperluan"))
        return "; ".join(m for m in missing if m) or None

    def _print_blocker(self) -> str | None:
        if self.result is None:
            return self.tr("Periksa dulu; surat dicetak dari hasil pemeriksaan.")
        if self.letter is not None:
            return self.tr("Surat untuk pemeriksaan ini sudah diterbitkan.")
        if self.result.result not in fd.LETTER_KINDS:
            return self.tr("Tidak ada surat untuk hasil ini.")
        return None

    def _update_buttons(self, *_args: Any) -> None:
        if not hasattr(self, "why"):
            return  # still building
        check = self._check_blocker()
        printing = self._print_blocker()
        explain(self.check_button, self.why, check)
        self.print_button.setEnabled(printing is None)
        self.print_button.setToolTip(printing or "")
        if check is None and printing is not None:
            self.why.setText(sentence(printing))  # beside the buttons: the next step's
            self.why.show()

    def _on_visit_changed(self) -> None:
        """A new visitor: the form starts empty."""
        for field in self.fields.values():
            field.setText("")
        self.name.clear()
        self.purpose.clear()
        self.result = None
        self.letter = None
        self._show(None)
        self._tracked.mark_clean()
        self._update_buttons()

    # --- typed but not checked ----------------------------------------------------------

    def unsaved(self) -> str | None:
        return describe(self.tr("cek fiskal belum diperiksa"), self._tracked.changed())

    def save_unsaved(self) -> bool:
        """"Periksa": the check is recorded with its result (the letter stays a choice)."""
        if not self.unsaved():
            return True
        reason = self._check_blocker()
        if reason is not None:
            self.failed.emit(refusal(self.tr("Cek fiskal belum diperiksa"), reason))
            return False
        return self.run_check()

    def discard_unsaved(self) -> None:
        self._tracked.restore()

    # --- actions ------------------------------------------------------------------------

    def run_check(self) -> bool:
        if not self.check_button.isEnabled():
            return False
        try:
            result = self.desk.check(
                self.current_kind(), self.current_field().text(),
                purpose=self.purpose.text(), officer=self.ctx.actor(),
                visit_id=self.visit_id, name=self.name.text() or None)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.result = result
        self.letter = None
        self._tracked.mark_clean()
        self._show(result)
        self._update_buttons()
        data = result.to_json()
        self.checked.emit(data)
        self.notice.emit(self.tr("Hasil pemeriksaan: %1").replace("%1", data["result_text"]))
        return True

    def print_letter(self) -> None:
        if self.result is None:
            return
        try:
            letter = self.desk.issue_letter(self.result.check_id, actor=self.ctx.actor())
        except LoketError as exc:
            self.report_error(exc)
            return
        self.letter = letter
        self.code.setText(letter.display_code)
        self._update_buttons()
        self.letter_issued.emit(letter.display_code, letter.pdf)
        self.notice.emit(self.tr("Surat diterbitkan, kode verifikasi %1")
                         .replace("%1", letter.display_code))

    # --- showing ------------------------------------------------------------------------

    def _show(self, result: fd.CheckResult | None) -> None:
        self.code.clear()
        self.table.setRowCount(0)
        if result is None:
            self.banner.clear()
            self.banner.setStyleSheet("font-size: 18pt; font-weight: bold; padding: 6px;")
            for label in (self.subject, self.total, self.not_due, self.sources):
                label.clear()
            return
        data = result.to_json()
        self.banner.setText(data["result_text"])
        self.banner.setStyleSheet(
            "font-size: 18pt; font-weight: bold; padding: 6px; color: white; "
            f"background: {_COLORS[result.result]};")
        key = data["key"]
        rows = [(key["label"], key["display"]),
                (self.tr("Nama"), data["subject_name"] or "-"),
                (self.tr("Keperluan"), data["purpose"]),
                (self.tr("Hasil pemeriksaan"), data["result_text"]),
                (self.tr("Diperiksa pada"),
                 f"{short_date_time(result.checked_at_local)} "
                 f"{result.checked_at_local.tzname()}"),
                (self.tr("Petugas"), data["officer"])]
        self.subject.setText("\n".join(f"{label}: {value}" for label, value in rows))
        for a in data["arrears"]:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (a["source_name"], a["tax"], a["period"],
                     "-".join(reversed(a["due_date"].split("-"))),
                     self.tr("%1 bln").replace("%1", str(a["months_late"])), a["amount_text"])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if data["arrears"]:
            self.total.setText(self.tr("Jumlah %1 tagihan: %2")
                               .replace("%1", str(data["totals"]["count"]))
                               .replace("%2", data["totals"]["amount_text"]))
        else:
            self.total.setText(self.tr("Tidak ada tunggakan yang telah jatuh tempo."))
        not_due = "; ".join(f"{a['source_name']} {a['tax']} {a['period']} {a['amount_text']}"
                            for a in data["not_due"])
        self.not_due.setText(self.tr("Belum jatuh tempo: %1").replace("%1", not_due)
                             if not_due else "")
        checked = [self.tr("%1 per %2").replace("%1", s["source_name"]).replace(
            "%2", "-".join(reversed(s["as_of"].split("-")))) for s in data["sources"]]
        names = {"pkb": "PKB", "pbb": "PBB-P2", "pajak-daerah": "Pajak Daerah"}
        missing = [names.get(m, m) for m in data["missing_sources"]]
        text = self.tr("Data yang diperiksa: %1").replace("%1", ", ".join(checked) or "-")
        if missing:
            text += "; " + self.tr("belum ada data: %1").replace("%1", ", ".join(missing))
        self.sources.setText(text)
