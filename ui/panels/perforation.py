"""Perforation panel: the request form (checked as it is typed), the count on the
perforation machine ("Hitung", in a worker thread so the console never freezes), the
reconciliation and the pick-up with its form.

Left, the form in the order of the printed request; right, the request being worked on:
its data and time standard, the count with a progress bar, the reconciliation figures and
the pick-up. Every action goes through :class:`app.stations.perforation_desk.PerforationDesk`
(short units of work of its own, over :mod:`app.perforation.service` and
:mod:`app.perforation.counting`); this widget only shows what they answer. A disabled
button says beside it why; a form typed and not saved is reported to the counter window
(:meth:`PerforationPanel.unsaved`), which saves it before the visit moves on.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.errors import LoketError
from app.i18n import short_date_time
from app.money import format_rupiah
from app.perforation import config, service
from app.stations.perforation_desk import (
    CountOutcome,
    CountProgress,
    PerforationDesk,
    RequestInfo,
)
from ui.panels.base import (
    Panel,
    PanelContext,
    Tracked,
    button_row,
    describe,
    explain,
    field_problem,
    note_countersign,
    refusal,
    why_label,
)
from ui.validated import ValidatedField

DEFAULT_DEVICE = "sim://?speed=6000"


class _CountJob(QObject, QRunnable):
    """Runs one count in a worker thread; ``progress`` and ``done`` reach the UI queued."""

    progress = Signal(object)  # CountProgress
    done = Signal(object)  # itself, with .outcome or .error

    def __init__(self, call: Callable[[Callable[[CountProgress], None]], CountOutcome]) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._call = call
        self.outcome: CountOutcome | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.outcome = self._call(self.progress.emit)
        except Exception as exc:  # shown by the UI
            self.error = exc
        self.done.emit(self)


def _number(value: int | None) -> str:
    return "-" if value is None else f"{value:,}".replace(",", ".")


class PerforationPanel(Panel):
    """Perforasi benda berharga at the perforation counter."""

    request_saved = Signal(object)  # RequestInfo
    count_finished = Signal(object)  # CountOutcome, or None when refused
    reconciled = Signal(object)  # RequestInfo
    form_issued = Signal(str, bytes)  # request number, the pick-up form PDF

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: RequestInfo | None = None
        # the actor and the clock are read at each call: the person signed in may change
        self.desk = PerforationDesk(ctx.store, ctx.office_code, ctx.counter_code,
                                    actor=lambda: ctx.actor(), clock=lambda: ctx.clock())
        self._job: _CountJob | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        # --- the request form -------------------------------------------------------------
        self.npwpd = ValidatedField(service.parse_npwpd, self.tr("mis. P.2.0001234.01.02"),
                                    parent=self)
        self.name = ValidatedField(service.parse_name, self.tr("nama wajib pajak / usaha"),
                                   parent=self)
        self.media = QComboBox(self)
        for media in config.media_choices(self.ctx.clock().date()):
            self.media.addItem(media.name, media.code)
        self.series = ValidatedField(service.parse_series, self.tr("mis. BON-A"), parent=self)
        self.first = ValidatedField(lambda t: service.parse_serial(t, "awal"),
                                    self.tr("nomor seri awal"), parent=self)
        self.last = ValidatedField(lambda t: service.parse_serial(t, "akhir"),
                                   self.tr("nomor seri akhir"), parent=self)
        self.sheets = ValidatedField(service.parse_sheets, self.tr("jumlah lembar"),
                                     parent=self)
        self.face_value = ValidatedField(service.parse_face_value, self.tr("mis. 5.000"),
                                         parent=self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("keterangan bila jumlah lembar berbeda"))
        self.range_reason = QLabel(self)
        self.range_reason.setStyleSheet("color: #C62828;")
        self.range_reason.setWordWrap(True)
        self.total_label = QLabel("-", self)
        self.save_button = QPushButton(self.tr("Simpan permohonan"), self)
        self.save_button.clicked.connect(self.save_request)
        self.save_why = why_label(self)
        self._fields = (self.npwpd, self.name, self.series, self.first, self.last, self.sheets,
                        self.face_value)
        for f in self._fields:
            f.value_changed.connect(self._update_form)
            f.edit.returnPressed.connect(self.save_request)
        self.note.textChanged.connect(self._update_form)

        form = QFormLayout()
        form.addRow(self.tr("NPWPD"), self.npwpd)
        form.addRow(self.tr("Nama wajib pajak"), self.name)
        form.addRow(self.tr("Jenis media"), self.media)
        form.addRow(self.tr("Seri"), self.series)
        form.addRow(self.tr("Nomor seri awal"), self.first)
        form.addRow(self.tr("Nomor seri akhir"), self.last)
        form.addRow(self.tr("Jumlah lembar"), self.sheets)
        form.addRow(self.tr("Nilai nominal per lembar"), self.face_value)
        form.addRow(self.tr("Keterangan"), self.note)
        form.addRow("", self.range_reason)
        form.addRow(self.tr("Jumlah nilai"), self.total_label)
        form_box = QGroupBox(self.tr("Permohonan perforasi"), self)
        form_layout = QVBoxLayout(form_box)
        form_layout.addLayout(form)
        form_layout.addLayout(button_row(self.save_button, why=self.save_why))
        form_layout.addStretch(1)

        # --- the request being worked on ----------------------------------------------------
        self.requests = QComboBox(self)
        self.requests.activated.connect(self._pick_request)
        self.summary = QLabel(self.tr("Belum ada permohonan dipilih."), self)
        self.summary.setWordWrap(True)
        self.due_label = QLabel("", self)
        # the machine by its name and state; its connection (the station's settings) only
        # in the tooltip
        self.machine = QComboBox(self)
        self.machine.currentIndexChanged.connect(self._on_machine)
        self.machine_state = QLabel(self)
        self.machine_state.setWordWrap(True)
        self._machine_condition: str | None = None
        self.count_button = QPushButton(self.tr("Hitung"), self)
        self.count_button.clicked.connect(self.start_count)
        self.end_button = QPushButton(self.tr("Akhiri job"), self)
        self.end_button.setToolTip(self.tr("Hentikan job di mesin, terima jumlah terhitung"))
        self.end_button.clicked.connect(self.end_count)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v / %m")
        self.count_label = QLabel("", self)
        self.count_label.setWordWrap(True)
        self.count_why = why_label(self)

        self.damaged = QSpinBox(self)
        self.damaged.setRange(0, 0)
        self.reconcile_note = QLineEdit(self)
        self.reconcile_note.setPlaceholderText(self.tr("catatan pencocokan (boleh kosong)"))
        self.reconcile_button = QPushButton(self.tr("Cocokkan"), self)
        self.reconcile_button.clicked.connect(self.reconcile)
        self.reconcile_why = why_label(self)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, (key, label) in enumerate((
                ("sheets", self.tr("Diajukan")), ("counted", self.tr("Terhitung")),
                ("short", self.tr("Kurang")), ("extra", self.tr("Lebih")),
                ("damaged", self.tr("Rusak")), ("good", self.tr("Baik")),
                ("result", self.tr("Hasil")), ("value", self.tr("Nilai terperforasi")))):
            grid.addWidget(QLabel(label, self), i // 4 * 2, i % 4)
            value = QLabel("-", self)
            value.setStyleSheet("font-weight: bold;")
            self.figures[key] = value
            grid.addWidget(value, i // 4 * 2 + 1, i % 4)

        self.pickup_by = ValidatedField(service.parse_pickup_by, self.tr("nama pengambil"),
                                        parent=self)
        self.pickup_by.validity_changed.connect(lambda _ok: self._update_actions())
        self.pickup_button = QPushButton(self.tr("Serahkan dan cetak formulir"), self)
        self.pickup_button.clicked.connect(self.pickup)
        self.pickup_why = why_label(self)

        work = QGroupBox(self.tr("Proses"), self)
        w = QVBoxLayout(work)
        w.addWidget(self.requests)
        w.addWidget(self.summary)
        w.addWidget(self.due_label)
        count_row = QHBoxLayout()
        count_row.addWidget(QLabel(self.tr("Mesin"), self))
        count_row.addWidget(self.machine, 1)
        w.addLayout(count_row)
        w.addLayout(button_row(self.count_button, self.end_button, why=self.machine_state))
        w.addWidget(self.count_why)
        w.addWidget(self.progress)
        w.addWidget(self.count_label)
        rec_row = QHBoxLayout()
        rec_row.addWidget(QLabel(self.tr("Rusak"), self))
        rec_row.addWidget(self.damaged)
        rec_row.addWidget(self.reconcile_note, 1)
        rec_row.addWidget(self.reconcile_button)
        w.addLayout(rec_row)
        w.addWidget(self.reconcile_why)
        w.addLayout(grid)
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(self.tr("Diambil oleh"), self))
        pick_row.addWidget(self.pickup_by, 1)
        pick_row.addWidget(self.pickup_button)
        w.addLayout(pick_row)
        w.addWidget(self.pickup_why)
        w.addStretch(1)

        layout = QHBoxLayout(self)
        layout.addWidget(form_box, 1)
        layout.addWidget(work, 1)
        self._tracked = {
            "form": Tracked([(self.tr("NPWPD"), self.npwpd), (self.tr("nama"), self.name),
                             (self.tr("seri"), self.series),
                             (self.tr("nomor seri awal"), self.first),
                             (self.tr("nomor seri akhir"), self.last),
                             (self.tr("jumlah lembar"), self.sheets),
                             (self.tr("nilai nominal"), self.face_value),
                             (self.tr("keterangan"), self.note)]),
            "reconcile": Tracked([(self.tr("rusak"), self.damaged),
                                  (self.tr("catatan pencocokan"), self.reconcile_note)]),
            "pickup": Tracked([(self.tr("nama pengambil"), self.pickup_by)]),
        }
        self.load_machines()
        self._update_form()
        self._update_actions()
        self.refresh_requests()

    def title(self) -> str:
        return self.tr("Perforasi")

    def _on_visit_changed(self) -> None:
        """A visitor at the counter: show the latest open request of their visit."""
        if self.visit_id is None or self._job is not None:
            return
        try:
            rows = self.desk.open_requests(visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return
        if rows:
            self.show_request(rows[-1])
            self.refresh_requests()

    # --- the form -------------------------------------------------------------------------

    def _form_problem(self) -> str | None:
        """None when the form can be saved; else the reason ("" while fields are missing)."""
        if not all(f.is_valid() for f in self._fields):
            return ""
        try:
            service.check_range(self.first.value(), self.last.value(), self.sheets.value(),
                                self.note.text().strip())
        except LoketError as exc:
            return exc.message()
        return None

    def _update_form(self, *_: Any) -> None:
        problem = None
        if all(f.value() is not None for f in (self.first, self.last, self.sheets)):
            problem = self._form_problem()
        self.range_reason.setText(problem or "")
        self.range_reason.setVisible(bool(problem))
        face, sheets = self.face_value.value(), self.sheets.value()
        self.total_label.setText(format_rupiah(service.face_total(face, sheets))
                                 if face is not None and sheets is not None else "-")
        explain(self.save_button, self.save_why, self._save_blocker())

    def _save_blocker(self) -> str | None:
        """What the request form still lacks, or None when it can be saved."""
        if self._job is not None:
            return self.tr("Tunggu sampai penghitungan selesai.")
        names = ((self.npwpd, self.tr("NPWPD")), (self.name, self.tr("nama wajib pajak")),
                 (self.series, self.tr("seri")), (self.first, self.tr("nomor seri awal")),
                 (self.last, self.tr("nomor seri akhir")),
                 (self.sheets, self.tr("jumlah lembar")),
                 (self.face_value, self.tr("nilai nominal")))
        empty = [name for f, name in names if not f.is_valid() and not f.text().strip()]
        wrong = [name for f, name in names if not f.is_valid() and f.text().strip()]
        if empty or wrong:
            parts = ([self.tr("isi {0}").format(", ".join(empty))] if empty else []) + (
                [self.tr("perbaiki {0}").format(", ".join(wrong))] if wrong else [])
            return "; ".join(parts)
        if self._form_problem():
            return self.tr("Nomor seri dan jumlah lembar belum cocok (lihat di atas).")
        return None

    def save_request(self) -> bool:
        if self._form_problem() is not None:
            return False
        try:
            info = self.desk.create_request(
                npwpd=self.npwpd.text(), name=self.name.text(),
                media=self.media.currentData(), series=self.series.text(),
                first=self.first.text(), last=self.last.text(), sheets=self.sheets.text(),
                face_value=self.face_value.text(), note=self.note.text(),
                visit_id=self.visit_id)
        except LoketError as exc:
            self.report_error(exc)
            return False
        for f in (self.series, self.first, self.last, self.sheets):
            f.setText("")
        self.note.clear()
        self._tracked["form"].mark_clean()
        self.show_request(info)
        self.refresh_requests()
        self.request_saved.emit(info)
        self.notice.emit(self.tr("Permohonan {0} disimpan; batas waktu {1}").format(
            info.number, f"{info.due_at:%H:%M} {info.zone}"))
        return True

    # --- the request being worked on --------------------------------------------------------

    def refresh_requests(self) -> None:
        try:
            rows = self.desk.open_requests()
        except LoketError as exc:
            self.report_error(exc)
            return
        self.requests.clear()
        for r in rows:
            self.requests.addItem(f"{r.number} - {r.name} ({r.status_text})", r.id)
        if self.current is not None:
            index = self.requests.findData(self.current.id)
            if index >= 0:
                self.requests.setCurrentIndex(index)

    def _pick_request(self, index: int) -> None:
        request_id = self.requests.itemData(index)
        if request_id is not None:
            self.load(request_id)

    def load(self, ref: object) -> None:
        try:
            info = self.desk.request(ref)
        except LoketError as exc:
            self.report_error(exc)
            return
        self.show_request(info)

    def show_request(self, info: RequestInfo) -> None:
        self.current = info
        self.summary.setText(
            f"<b>{info.number}</b> &middot; {info.status_text}<br>"
            f"{escape(info.npwpd)} &middot; {escape(info.name)}<br>"
            + self.tr("{0} &middot; seri {1} &middot; {2} s.d. {3} ({4} lembar x {5} = {6})")
            .format(escape(info.media_name), escape(info.series), _number(info.first),
                    _number(info.last), _number(info.sheets), format_rupiah(info.face_value),
                    format_rupiah(info.face_total)))
        late = self.tr(" - TERLAMBAT {0} menit").format(info.minutes_over) if info.overdue \
            else ""
        self.due_label.setText(self.tr("Standar waktu {0}; batas {1}{2}").format(
            info.standard, f"{short_date_time(info.due_at)} {info.zone}", late))
        self.due_label.setStyleSheet("color: #C62828;" if info.overdue else "")
        total = info.last - info.first + 1
        self.progress.setRange(0, total)
        self.progress.setValue(min(info.counted, total))
        self.count_label.setText(info.last_error or (self.tr("{0} lembar terhitung ({1})").format(
            _number(info.counted), self._source_text(info.count_source))
            if info.counted else ""))
        self.damaged.setRange(0, info.counted)
        for key in ("sheets", "counted", "short", "extra", "damaged", "good"):
            self.figures[key].setText(_number(getattr(info, key)))
        self.figures["result"].setText(info.result.upper() or "-")
        self.figures["value"].setText(format_rupiah(info.good_value)
                                      if info.good_value is not None else "-")
        self._update_actions()

    def _source_text(self, source: str) -> str:
        """How the sheets were counted, in words (never the stored "machine")."""
        return {"machine": self.tr("oleh mesin"),
                "manual": self.tr("dihitung manual")}.get(source, source)

    def _update_actions(self) -> None:
        if not hasattr(self, "_tracked"):
            return  # still building
        info, busy = self.current, self._job is not None
        status = info.status if info else ""
        explain(self.count_button, self.count_why, self._count_blocker())
        self.machine.setEnabled(not busy)
        self.end_button.setEnabled(not busy and info is not None and info.job_open)
        self.damaged.setEnabled(status in service.RECONCILABLE)
        self.requests.setEnabled(not busy)
        if info is None:  # one reason for the whole box, beside "Hitung"
            for button, why in ((self.reconcile_button, self.reconcile_why),
                                (self.pickup_button, self.pickup_why)):
                explain(button, why, None)
                button.setEnabled(False)
        else:
            explain(self.reconcile_button, self.reconcile_why, self._reconcile_blocker())
            note_countersign(self.ctx, service.RECONCILE, self.reconcile_button,
                             self.reconcile_why)
            explain(self.pickup_button, self.pickup_why, self._pickup_blocker())
        explain(self.save_button, self.save_why, self._save_blocker())

    def _count_blocker(self) -> str | None:
        info = self.current
        if self._job is not None:
            return self.tr("Sedang menghitung…")
        if info is None:
            return self.tr("Pilih permohonan di daftar, atau simpan permohonan baru.")
        if not info.resumable:
            return self.tr("Tidak ada yang perlu dihitung: permohonan {0}.").format(
                info.status_text)
        return None

    def _reconcile_blocker(self) -> str | None:
        info = self.current
        if self._job is not None:
            return self.tr("Sedang menghitung…")
        if info is None or info.status in service.RECONCILABLE:
            return None if info is not None else self._count_blocker()
        if info.status in service.DONE:
            return self.tr("Sudah dicocokkan.")
        return self.tr("Hitung lembarnya dulu (Hitung).")

    def _pickup_blocker(self) -> str | None:
        info = self.current
        if self._job is not None:
            return self.tr("Sedang menghitung…")
        if info is None:
            return self._count_blocker()
        if info.status == "picked_up":
            return self.tr("Sudah diambil oleh {0}.").format(info.picked_up_by)
        if info.status != "reconciled":
            return self.tr("Cocokkan hasil hitungan dulu (Cocokkan).")
        return field_problem(self.pickup_by, self.tr("nama pengambil"))

    # --- counting in a worker -----------------------------------------------------------------

    # --- the machine ------------------------------------------------------------------------

    def load_machines(self) -> None:
        """The machines to count on, by name: the counter's own (the perforator of its
        station in the office's station settings), else the built-in simulator."""
        try:
            configured = self.desk.machine()
        except LoketError as exc:
            self.report_error(exc)
            configured = None
        machines = ([(self.tr("Mesin perforasi loket ini"), configured)] if configured
                    else [(self.tr("Mesin perforasi simulasi (latihan)"), DEFAULT_DEVICE)])
        self.machine.blockSignals(True)
        self.machine.clear()
        for name, connection in machines:
            self.machine.addItem(name, connection)
            self.machine.setItemData(self.machine.count() - 1, connection,
                                     Qt.ItemDataRole.ToolTipRole)
        self.machine.blockSignals(False)
        self._on_machine()

    def machine_connection(self) -> str:
        """The chosen machine's connection (``perforator+serial://...``, ``sim://``)."""
        return str(self.machine.currentData() or "")

    def _on_machine(self, *_args: Any) -> None:
        self.machine.setToolTip(self.machine_connection())
        self._machine_condition = None  # not asked yet
        self._show_machine_state()

    def _show_machine_state(self, condition: str | None = None) -> None:
        """The machine's state in words: as the last count left it, else not asked yet."""
        if condition:
            self._machine_condition = condition
        state = (labels.device_state_label(self._machine_condition)
                 if self._machine_condition else self.tr("belum dipakai"))
        self.machine_state.setText(self.tr("Keadaan mesin: {0}").format(state))

    def is_counting(self) -> bool:
        return self._job is not None

    def start_count(self) -> None:
        self._run_device(end=False)

    def end_count(self) -> None:
        """Abort the request's job still open on the machine; its count is booked."""
        self._run_device(end=True)

    def _run_device(self, *, end: bool) -> None:
        info = self.current
        if info is None or self._job is not None:
            return
        desk, actor = self.desk, self.ctx.actor()  # who counts: read here, not in the worker
        connection = self.machine_connection()

        def call(report: Callable[[CountProgress], None]) -> CountOutcome:
            if end:
                return desk.end_count(info.id, connection, actor=actor)
            return desk.count(info.id, connection, actor=actor, on_progress=report)

        job = _CountJob(call)
        job.progress.connect(self._on_progress)
        job.done.connect(self._on_count_done)
        self._job = job
        self.count_label.setText(self.tr("Menghitung..."))
        self._update_actions()
        self._pool.start(job)

    def _on_progress(self, progress: CountProgress) -> None:
        self._show_machine_state(progress.condition)
        self.progress.setMaximum(progress.sheets)
        self.progress.setValue(min(progress.counted, progress.sheets))

    def _on_count_done(self, job: _CountJob) -> None:
        self._job = None
        if job.error is not None:
            self.report_error(job.error)
            if self.current is not None:
                self.load(self.current.id)
            self._update_actions()  # the buttons are free again even if it cannot be read
            self.count_finished.emit(None)
            return
        outcome = job.outcome
        assert outcome is not None
        self._show_machine_state(outcome.condition)
        self.show_request(outcome.request)
        self.refresh_requests()
        if outcome.done or outcome.state == "aborted":
            self.notice.emit(self.tr("{0}: {1} lembar terhitung").format(
                outcome.request.number, _number(outcome.counted)))
        else:
            self.failed.emit(outcome.message)
        self.count_finished.emit(outcome)

    def wait_for_count(self, msecs: int = 30_000) -> bool:
        """Tests and shutdown: wait for the worker (the UI thread is blocked meanwhile)."""
        return self._pool.waitForDone(msecs)

    # --- reconciliation and pick-up ---------------------------------------------------------

    def reconcile(self) -> bool:
        info = self.current
        if info is None:
            return False
        who = self.ctx.acting_for(service.RECONCILE, self.tr(
            "Pencocokan {0} membukukan stok benda berharga kantor: perlu persetujuan "
            "supervisor.").format(info.number))
        if who is None:
            return False
        try:
            done = self.desk.reconcile(info.id, damaged=self.damaged.value(),
                                       note=self.reconcile_note.text(), actor=who)
        except LoketError as exc:
            self.report_error(exc)
            return False
        self.reconcile_note.clear()
        self._tracked["reconcile"].restore()  # back to none damaged, no note
        self.show_request(done)
        self.refresh_requests()
        self.reconciled.emit(done)
        self.notice.emit(self.tr("{0} dicocokkan: {1}").format(done.number,
                                                              done.result.upper()))
        return True

    def pickup(self) -> bool:
        info = self.current
        if info is None or not self.pickup_by.is_valid():
            return False
        try:
            picked = self.desk.pickup(info.id, by=self.pickup_by.text())
        except LoketError as exc:
            self.report_error(exc)
            return False
        done, pdf = picked.request, picked.form_pdf
        self.pickup_by.setText("")
        self.show_request(done)
        self.refresh_requests()
        self.form_issued.emit(done.number, pdf)
        self.notice.emit(self.tr("{0} diambil oleh {1}").format(done.number,
                                                               done.picked_up_by))
        return True

    # --- typed but unsaved --------------------------------------------------------------------

    def _pending(self) -> list[tuple[str, str, list[str]]]:
        """(form, its name, the fields typed): the request form; the reconciliation and
        the pick-up of the request shown, while it is at that step."""
        t, status = self._tracked, self.current.status if self.current else ""
        out = [("form", self.tr("permohonan perforasi"), t["form"].changed())]
        if status in service.RECONCILABLE:
            out.append(("reconcile", self.tr("pencocokan"), t["reconcile"].changed()))
        if status == "reconciled":
            out.append(("pickup", self.tr("pengambilan"), t["pickup"].changed()))
        return [item for item in out if item[2]]

    def unsaved(self) -> str | None:
        parts = [describe(name, labels) for _key, name, labels in self._pending()]
        return "; ".join(p for p in parts if p) or None

    def save_unsaved(self) -> bool:
        """Each pending form through its own button: "Simpan permohonan", "Cocokkan",
        "Serahkan dan cetak formulir"."""
        steps = {"form": (self._save_blocker, self.save_request),
                 "reconcile": (self._reconcile_blocker, self.reconcile),
                 "pickup": (self._pickup_blocker, self.pickup)}
        for key, name, _labels in self._pending():
            blocker, save = steps[key]
            reason = blocker()
            if reason is not None:
                self.failed.emit(refusal(self.tr("{0} belum disimpan").format(
                    name[:1].upper() + name[1:]), reason))
                return False
            if not save():
                return False
        return True

    def discard_unsaved(self) -> None:
        for key, _name, _labels in self._pending():
            self._tracked[key].restore()


__all__ = ["PanelContext", "PerforationPanel"]
