"""First-run set-up of a PC: role, database (tested before saving), office, devices.

``loket-station`` (the Start-menu program of the installed bundle, app/cli/launcher.py) and
``loket station`` with no kind open this wizard when the PC has no configuration file yet,
then start the station it names; ``loket setup`` opens it again to change the answers.

The wizard only gathers answers and calls :mod:`app.setup` (no SQL here): the database is
tested with ``Store.open(url, check_schema=False)`` and its schema state; an empty database
is prepared on request (``loket db upgrade``); nothing is written until Finish, and then
the PostgreSQL password goes to the OS key store when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.config import config_path, shared_data_dir
from app.errors import LoketError
from app.setup import configfile, db_roles
from app.setup.configfile import ROLES, DatabaseConfig, Saved
from app.setup.dbcheck import DatabaseCheck, check_database, prepare_database
from app.setup.detect import Choice, detect_all

ROLE_DEVICES: dict[str, tuple[str, ...]] = {
    "kiosk": ("ticket_printer",),
    "counter": ("document_printer", "card_printer", "perforator"),
    "supervisor": ("document_printer",),
    "display": (),
    "survey": (),
}
CONNECT_TIMEOUT = 5  # seconds, for the test only


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    """``widget`` with its object name set (the tests and the style find it by that name)."""
    widget.setObjectName(name)
    return widget


def _error_style(label: QLabel, ok: bool | None) -> None:
    color = {True: "#1b5e20", False: "#b71c1c", None: "#37474f"}[ok]
    label.setStyleSheet(f"color: {color};")


class RolePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Peran PC ini"))
        self.setSubTitle(self.tr("Apa yang dikerjakan PC ini di kantor?"))
        self.role = _named(QComboBox(), "role")
        labels = {
            "kiosk": self.tr("Kiosk: pengunjung mengambil nomor antrian"),
            "counter": self.tr("Loket: petugas memanggil dan melayani"),
            "display": self.tr("Layar antrian (TV ruang tunggu)"),
            "supervisor": self.tr("Supervisor: papan pemantauan kantor"),
            "survey": self.tr("Survei kepuasan (IKM)"),
        }
        for role in ROLES:
            self.role.addItem(labels[role], role)
        form = QFormLayout(self)
        form.addRow(self.tr("Peran"), self.role)

    def value(self) -> str:
        return str(self.role.currentData())


class DatabasePage(QWizardPage):
    """SQLite file or PostgreSQL server; the Next button tests it first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Basis data"))
        self.setSubTitle(self.tr("Satu PC: berkas SQLite di PC ini. Beberapa PC: server "
                                 "PostgreSQL kantor. Koneksi diuji sebelum disimpan."))
        self.check: DatabaseCheck | None = None
        self._checked_url: str | None = None

        self.sqlite = _named(QRadioButton(self.tr("Berkas SQLite di PC ini")), "useSqlite")
        self.postgres = _named(QRadioButton(self.tr("Server PostgreSQL")), "usePostgres")
        self.sqlite.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.sqlite)
        group.addButton(self.postgres)

        self.path = _named(QLineEdit(str(shared_data_dir() / "loket.sqlite3")), "sqlitePath")
        browse = QPushButton(self.tr("Pilih..."))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.sqlite_box = QWidget()
        sqlite_form = QFormLayout(self.sqlite_box)
        sqlite_form.addRow(self.tr("Berkas"), path_row)

        self.host = _named(QLineEdit(), "pgHost")
        self.host.setPlaceholderText("10.0.0.5")
        self.port = _named(QSpinBox(), "pgPort")
        self.port.setRange(1, 65535)
        self.port.setValue(configfile.DEFAULT_PORT)
        self.name = _named(QLineEdit("loket"), "pgName")
        self.user = _named(QLineEdit("loket"), "pgUser")
        self._suggested_user = "loket"  # replaced by the PC's role's name while untouched
        self.user.setToolTip(self.tr("Peran basis data untuk jenis PC ini, dibuat oleh "
                                     "administrator dengan: loket db roles"))
        self.password = _named(QLineEdit(), "pgPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pg_box = QWidget()
        pg_form = QFormLayout(self.pg_box)
        pg_form.addRow(self.tr("Alamat server"), self.host)
        pg_form.addRow(self.tr("Port"), self.port)
        pg_form.addRow(self.tr("Nama basis data"), self.name)
        pg_form.addRow(self.tr("Pengguna"), self.user)
        pg_form.addRow(self.tr("Kata sandi"), self.password)

        self.test_button = _named(QPushButton(self.tr("Uji koneksi")), "testDb")
        self.test_button.clicked.connect(self.run_test)
        self.upgrade_button = _named(QPushButton(self.tr("Siapkan basis data")), "upgradeDb")
        self.upgrade_button.setToolTip("loket db upgrade")
        self.upgrade_button.setEnabled(False)
        self.upgrade_button.clicked.connect(self.run_upgrade)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.upgrade_button)
        buttons.addStretch(1)
        self.status = _named(QLabel(), "dbStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sqlite)
        layout.addWidget(self.sqlite_box)
        layout.addWidget(self.postgres)
        layout.addWidget(self.pg_box)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

        for widget in (self.path, self.host, self.name, self.user, self.password):
            widget.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.name.textChanged.connect(self._suggest_user)
        self.sqlite.toggled.connect(self._changed)
        self._changed()

    def initializePage(self) -> None:
        self._suggest_user()

    def _suggest_user(self, *_: object) -> None:
        """Propose the least-privilege role of this PC's kind (docs/deployment.md, section 4);
        a user name the officer typed is kept."""
        role = getattr(self.wizard(), "role", None)
        if role is None or self.user.text().strip() not in ("", self._suggested_user):
            return
        self._suggested_user = db_roles.suggested_user(role(), self.name.text().strip())
        self.user.setText(self._suggested_user)

    # answers
    def kind(self) -> str:
        return "postgresql" if self.postgres.isChecked() else "sqlite"

    def config(self) -> DatabaseConfig:
        if self.kind() == "sqlite":
            return DatabaseConfig(kind="sqlite", path=self.path.text().strip())
        return DatabaseConfig(kind="postgresql", host=self.host.text().strip(),
                              port=self.port.value(), name=self.name.text().strip(),
                              user=self.user.text().strip())

    def secret(self) -> str | None:
        return (self.password.text() or None) if self.kind() == "postgresql" else None

    def validated_config(self) -> DatabaseConfig:
        """The answers checked as a configuration file would be (LoketError if not)."""
        db = self.config()
        data = {k: v for k, v in vars(db).items() if v not in ("", None)}
        if db.kind == "postgresql" and self.secret():
            data.update(password_store="file", password=self.secret())
        checked = configfile.from_dict(
            {"station": {"role": "display", "office": "X"}, "database": data},
            self.tr("basis data")).database
        return DatabaseConfig(**{**vars(checked), "password": None, "password_store": ""})

    def test_url(self) -> str:
        db = self.validated_config()
        url = db.url(self.secret())
        if db.kind == "postgresql":
            url += f"?connect_timeout={CONNECT_TIMEOUT}"
        return url

    # behaviour
    def _changed(self, *_: object) -> None:
        self.sqlite_box.setEnabled(self.kind() == "sqlite")
        self.pg_box.setEnabled(self.kind() == "postgresql")
        self.check = None
        self.upgrade_button.setEnabled(False)
        self.show_status(self.tr("Belum diuji."), None)

    def _browse(self) -> None:  # pragma: no cover - a native dialog
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Berkas basis data"),
                                                self.path.text(), "SQLite (*.sqlite3)")
        if chosen:
            self.path.setText(chosen)

    def show_status(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        _error_style(self.status, ok)

    def _run(self, action: Callable[[str], DatabaseCheck]) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            url = self.test_url()
            self.check = action(url)
        except LoketError as exc:
            self.check = None
            self.upgrade_button.setEnabled(False)
            self.show_status(self.tr("Gagal:") + "\n" + exc.message(), False)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_check(self.check)
        return self.check.usable

    def run_test(self) -> bool:
        return self._run(check_database)

    def run_upgrade(self) -> bool:
        return self._run(prepare_database)

    def _show_check(self, check: DatabaseCheck) -> None:
        self.upgrade_button.setEnabled(check.can_upgrade)
        if check.usable:
            count = len(check.offices)
            self.show_status(self.tr("Terhubung: {db}\nSkema terkini; {n} kantor.").format(
                db=check.database, n=count), True)
        elif check.status == "newer":
            self.show_status(LoketError("setup.schema_newer", current=check.current).message(),
                             False)
        else:
            status = {"empty": self.tr("kosong"), "outdated": self.tr("versi lama")}.get(
                check.status, check.status)
            head = (self.tr("Terhubung: {db}") if check.exists
                    else self.tr("Berkas belum ada: {db}")).format(db=check.database)
            self.show_status(head + "\n"
                             + LoketError("setup.schema_needed", status=status).message(),
                             None)

    def validatePage(self) -> bool:
        if self.check is None and not self.run_test():
            return False
        return self.check is not None and self.check.usable


class OfficePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Kantor"))
        self.setSubTitle(self.tr("Kantor tempat PC ini bekerja (dari basis data, atau ketik "
                                 "kodenya)."))
        self.office = _named(QComboBox(), "office")
        self.office.setEditable(True)
        self.counter = _named(QComboBox(), "counter")
        self.counter.setEditable(True)
        self.station = _named(QComboBox(), "station")
        self.station.setEditable(True)
        self.hint = _named(QLabel(), "officeHint")
        self.hint.setWordWrap(True)
        self.error = _named(QLabel(), "officeError")
        self.error.setWordWrap(True)
        _error_style(self.error, False)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Kantor"), self.office)
        self.form.addRow(self.tr("Loket"), self.counter)
        self.form.addRow(self.tr("Kode stasiun (boleh kosong)"), self.station)
        self.form.addRow(self.hint)
        self.form.addRow(self.error)
        self.office.currentTextChanged.connect(self._office_changed)
        self.counter.currentTextChanged.connect(lambda _t: self.completeChanged.emit())

    @staticmethod
    def _code(combo: QComboBox) -> str:
        """The chosen item's code, or what was typed (checked when leaving the page)."""
        index = combo.findText(combo.currentText())
        if index >= 0 and combo.itemData(index):
            return str(combo.itemData(index))
        return combo.currentText().strip()

    def office_code(self) -> str:
        return self._code(self.office)

    def counter_code(self) -> str:
        return self._code(self.counter) if self._needs_counter() else ""

    def station_code(self) -> str:
        return self._code(self.station)

    def _needs_counter(self) -> bool:
        return self._wizard.role() in ("counter", "survey")

    def initializePage(self) -> None:
        check = self._wizard.db_page.check
        offices = check.offices if check else []
        self.office.blockSignals(True)
        current = self.office_code()
        self.office.clear()
        for office in offices:
            self.office.addItem(f"{office.code} — {office.name}", office.code)
        if current:
            index = self.office.findData(current)
            self.office.setCurrentIndex(index) if index >= 0 else self.office.setEditText(current)
        self.office.blockSignals(False)
        self.hint.setText("" if offices else self.tr(
            "Basis data belum berisi kantor: ketik kode kantor, lalu muat katalognya dengan "
            "'loket catalog import'."))
        role = self._wizard.role()
        self.form.setRowVisible(self.counter, self._needs_counter())
        self.counter.setToolTip(self.tr("Wajib untuk PC loket; untuk tablet survei: "
                                        "loket yang dinilai (boleh kosong)"))
        self.station.setToolTip(self.tr("Kode PC ini di daftar stasiun kantor ({role})").format(
            role=role))
        self._office_changed()

    def _office_changed(self, *_: object) -> None:
        check = self._wizard.db_page.check
        info = check.office(self.office_code()) if check else None
        role = self._wizard.role()
        for combo, items in (
            (self.counter, [(c, f"{c} — {n}") for c, n in (info.counters if info else [])]),
            (self.station, [(s[0], f"{s[0]} — {s[2]}") for s in (info.stations if info else [])
                            if s[1] == role]),
        ):
            keep = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("", "")
            for code, label in items:
                combo.addItem(label, code)
            index = combo.findText(keep)
            combo.setCurrentIndex(index) if index >= 0 else combo.setEditText(keep)
            combo.blockSignals(False)
        self.error.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if not self.office_code():
            return False
        return bool(self.counter_code()) or self._wizard.role() != "counter"

    def validatePage(self) -> bool:
        station = {"role": self._wizard.role(), "office": self.office_code(),
                   "counter": self.counter_code(), "code": self.station_code()}
        try:
            configfile.from_dict({"station": {k: v for k, v in station.items() if v},
                                  "database": {"kind": "sqlite", "path": "/x"}},
                                 self.tr("kantor"))
        except LoketError as exc:
            self.error.setText(exc.message())
            return False
        return True


class DevicesPage(QWizardPage):
    def __init__(self, wizard: SetupWizard,
                 detector: Callable[[], dict[str, list[Choice]]]) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._detector = detector
        self.setTitle(self.tr("Perangkat"))
        self.setSubTitle(self.tr("Printer dan mesin yang tersambung ke PC ini. 'sim://' adalah "
                                 "simulator; printer jaringan: escpos+tcp://ALAMAT:9100."))
        self.combos: dict[str, QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.box = QWidget()
        self.form = QFormLayout(self.box)
        self.none_label = _named(QLabel(self.tr("Peran ini tidak memakai perangkat.")),
                                 "noDevices")
        redetect = _named(QPushButton(self.tr("Deteksi ulang")), "redetect")
        redetect.clicked.connect(self.detect)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none_label)
        layout.addWidget(self.box)
        layout.addWidget(redetect, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.found: dict[str, list[Choice]] = {}

    def kinds(self) -> tuple[str, ...]:
        return ROLE_DEVICES.get(self._wizard.role(), ())

    def initializePage(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        self.errors.clear()
        names = {"ticket_printer": self.tr("Printer tiket"),
                 "document_printer": self.tr("Printer dokumen"),
                 "card_printer": self.tr("Printer kartu NPWPD"),
                 "perforator": self.tr("Mesin perforasi")}
        for kind in self.kinds():
            combo = _named(QComboBox(), f"device_{kind}")
            combo.setEditable(True)
            combo.setMinimumWidth(380)
            error = _named(QLabel(), f"deviceError_{kind}")
            error.setWordWrap(True)
            _error_style(error, False)
            combo.currentTextChanged.connect(lambda _t, k=kind: self._check(k))
            self.combos[kind] = combo
            self.errors[kind] = error
            self.form.addRow(names.get(kind, kind), combo)
            self.form.addRow("", error)
        self.none_label.setVisible(not self.kinds())
        self.detect()

    def detect(self) -> None:
        self.found = self._detector() if self.kinds() else {}
        for kind, combo in self.combos.items():
            keep = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(tidak ada)"), "")
            for choice in self.found.get(kind, []):
                combo.addItem(f"{choice.connection}", choice.connection)
                combo.setItemData(combo.count() - 1, choice.label, Qt.ItemDataRole.ToolTipRole)
            index = combo.findText(keep) if keep else 0
            combo.setCurrentIndex(index) if index >= 0 else combo.setEditText(keep)
            combo.blockSignals(False)
            self._check(kind)

    def connection(self, kind: str) -> str:
        combo = self.combos[kind]
        if combo.currentIndex() == 0 and combo.currentText() == combo.itemText(0):
            return ""
        return combo.currentText().strip()

    def devices(self) -> dict[str, str]:
        return {k: c for k in self.combos if (c := self.connection(k))}

    def _check(self, kind: str) -> bool:
        raw = self.connection(kind)
        try:
            if raw:
                configfile.check_device(self.tr("perangkat"), kind, raw)
        except LoketError as exc:
            self.errors[kind].setText(str(exc.params.get("reason") or exc.message()))
            return False
        self.errors[kind].setText("")
        return True

    def validatePage(self) -> bool:
        return all([self._check(kind) for kind in self.combos])


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Simpan"))
        self.setSubTitle(self.tr("Periksa lalu tekan Selesai untuk menyimpan."))
        self.summary = _named(QLabel(), "summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.error = _named(QLabel(), "saveError")
        self.error.setWordWrap(True)
        _error_style(self.error, False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        w = self._wizard
        db = w.db_page.config()
        lines = [self.tr("Peran: {v}").format(v=w.role()),
                 self.tr("Kantor: {v}").format(v=w.office_page.office_code())]
        if w.office_page.counter_code():
            lines.append(self.tr("Loket: {v}").format(v=w.office_page.counter_code()))
        if w.office_page.station_code():
            lines.append(self.tr("Kode stasiun: {v}").format(v=w.office_page.station_code()))
        secret = w.db_page.secret()
        shown = DatabaseConfig(**{**vars(db), "password": "***" if secret else None})
        lines.append(self.tr("Basis data: {v}").format(v=shown.masked_url()))
        if secret:
            lines.append(self.tr("Kata sandi: disimpan di penyimpanan kunci sistem bila ada, "
                                 "jika tidak di berkas konfigurasi"))
        for kind, raw in w.devices_page.devices().items():
            lines.append(f"{kind}: {raw}")
        lines.append(self.tr("Berkas: {v}").format(v=w.path))
        self.summary.setText("\n".join(lines))
        self.error.setText("")


class SetupWizard(QWizard):
    """The first-run wizard; ``saved`` holds the result after Finish."""

    def __init__(self, *, path: Path | None = None,
                 keystore: Any = True,
                 detector: Callable[[], dict[str, list[Choice]]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path or config_path()
        self.keystore = keystore
        self.saved: Saved | None = None
        self.setWindowTitle(self.tr("Loket: penyiapan PC"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.role_page = RolePage(self)
        self.db_page = DatabasePage(self)
        self.office_page = OfficePage(self)
        self.devices_page = DevicesPage(self, detector or _system_detector)
        self.summary_page = SummaryPage(self)
        for page in (self.role_page, self.db_page, self.office_page, self.devices_page,
                     self.summary_page):
            self.addPage(page)
        self.resize(720, 540)

    def role(self) -> str:
        return self.role_page.value()

    def answers(self) -> dict[str, Any]:
        db = self.db_page.validated_config()
        station = {"role": self.role(), "office": self.office_page.office_code(),
                   "counter": self.office_page.counter_code(),
                   "code": self.office_page.station_code()}
        return {"station": {k: v for k, v in station.items() if v},
                "database": {k: v for k, v in vars(db).items() if v not in ("", None)},
                "devices": self.devices_page.devices()}

    def save(self) -> Saved:
        cfg = configfile.from_dict(self.answers(), self.path)
        return configfile.save(cfg, self.db_page.secret(), path=self.path,
                               keystore=self.keystore)

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except LoketError as exc:
            self.summary_page.error.setText(exc.message())
            return
        super().accept()


def _system_detector() -> dict[str, list[Choice]]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo

        names = QPrinterInfo.availablePrinterNames()
    except Exception:  # no print support on this PC
        names = []
    return detect_all(system_printers=names)


def run_setup(path: Path | None = None, role: str | None = None) -> Saved | None:
    """Show the wizard (a QApplication must exist); the saved configuration, or None if the
    person cancelled. ``role`` is chosen first (the Start-menu shortcut's)."""
    wizard = SetupWizard(path=path)
    if role in ROLES:
        wizard.role_page.role.setCurrentIndex(ROLES.index(role))
    if wizard.exec() != QWizard.DialogCode.Accepted or wizard.saved is None:
        return None
    if wizard.saved.warning:
        QMessageBox.warning(wizard, "Loket", wizard.saved.warning)
    return wizard.saved


def show_refusal(message: str, close_after: float | None = None) -> None:
    """A refusal in a message box, for a program without a console (``loket-station``:
    app/cli/launcher.py); nothing when no QApplication exists yet. ``close_after`` seconds
    close it unanswered (the launcher's ``--quit-after``, so an unattended run ends)."""
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "Loket", message)
    if close_after is not None:
        QTimer.singleShot(int(close_after * 1000), box.reject)
    box.exec()
