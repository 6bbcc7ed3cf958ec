"""The demo's launcher window: the offices, their service catalog and the demo users."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
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

FRAMED_MS = 400  # by then a window manager has framed the new windows


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
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setUsesScrollButtons(True)
        by_office: dict[str, list[dict[str, Any]]] = {}
        for row in services:
            by_office.setdefault(row["office"], []).append(row)
        for office, rows in by_office.items():
            name = rows[0].get("office_name") or office
            index = self.tabs.addTab(self._table(rows), name)  # the office by its name
            self.tabs.setTabToolTip(index, name)
            if office == summary.get("office"):  # the office whose stations are open
                self.tabs.setCurrentIndex(self.tabs.count() - 1)
        scroll = QScrollArea(self)  # a tile of the demo's screen may be smaller than this
        scroll.setWidgetResizable(True)
        scroll.setWidget(central)
        self.setCentralWidget(scroll)
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
            values = [row["prefix"], row["name"], time, " → ".join(row["stage_names"]),
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
    """The launcher (catalogs, demo users) and the demo office's stations, tiled over the
    screen."""
    from ui.demo_office import open_office, place

    app = make_app()
    window = CatalogWindow(catalog_rows(store), summary)
    tiles = open_office(store, autopilot=autopilot, first=window)
    window.stations = tiles  # type: ignore[attr-defined]
    # once the window manager has put its frames around them, the windows are placed
    # again with the frames' true size (a guess until then)
    QTimer.singleShot(FRAMED_MS, lambda: place([window, *tiles]))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    return app.exec()
