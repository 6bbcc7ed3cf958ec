"""The demo's launcher window: the offices, their service catalog and the demo users."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.demo import catalog_rows
from app.i18n import tr
from app.store import Store
from ui.application import make_app


class CatalogWindow(QMainWindow):
    """Per office, the services a visitor can take a number for, with their time standards."""

    def __init__(self, services: list[dict[str, Any]], summary: dict[str, Any]) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Loket — Kantor Demo"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        title = QLabel(self.tr("Loket — Kantor Demo"), central)
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        note = QLabel(
            self.tr("Pengguna demo: {users} — kata sandi: {password}").format(
                users=", ".join(summary["users"]), password=summary["password"]),
            central,
        )
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(note)
        self.tabs = QTabWidget(central)
        layout.addWidget(self.tabs, 1)
        by_office: dict[str, list[dict[str, Any]]] = {}
        for row in services:
            by_office.setdefault(row["office"], []).append(row)
        for office, rows in by_office.items():
            self.tabs.addTab(self._table(rows), office)
        self.setCentralWidget(central)
        self.resize(1200, 700)

    def _table(self, rows: list[dict[str, Any]]) -> QTableWidget:
        headers = [self.tr("Awalan"), self.tr("Layanan"), self.tr("Waktu penyelesaian"),
                   self.tr("Tahapan"), self.tr("Persyaratan")]
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            time = row["time_standard"]["text"] if row["time_standard"] else tr("time.none")
            values = [row["prefix"], row["name"], time, " → ".join(row["stages"]),
                      str(row["requirements"])]
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (0, 2, 3, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        return table


def run_demo(store: Store, summary: dict[str, Any], *, quit_after: float | None = None,
             autopilot: bool = False) -> int:
    """The launcher (catalogs, demo users) and the demo office's stations."""
    from ui.demo_office import open_office

    app = make_app()
    window = CatalogWindow(catalog_rows(store), summary)
    window.show()
    window.stations = open_office(store, autopilot=autopilot)  # type: ignore[attr-defined]
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    return app.exec()
