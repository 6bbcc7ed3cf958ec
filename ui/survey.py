"""The survey station: a touch screen near the exit where visitors rate the service.

Full survey (PermenPANRB 14/2017): the visitor scans the QR on the ticket or types its
number, answers each element on its own page with four big buttons (the answer labels of
the survey definition, sad to happy faces), may tell their age group, sex, education and
occupation, and is thanked. One answer per visit, once its service is over: the ticket is
checked before the first question (:func:`app.ikm.responses.check_visit`), so nobody
answers nine questions to be told at the end that the ticket cannot answer; a refusal is
shown in words on the first screen, with the ticket left to correct. Quick mode: four
faces for one loket, one tap. Either way the screen goes back to the start by itself after
a short idle time, so the next visitor never sees the previous one's answers or refusal.

Everything read and stored goes through :class:`app.stations.survey.SurveyStation` (the
rules are :mod:`app.ikm.responses`'); the widget holds no transaction, and a lost database is
a refusal in words like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import LoketError
from app.i18n import language
from app.ikm.responses import VISIT_REFUSALS
from app.ikm.survey import DEFAULT_SURVEY, load_survey
from app.stations.survey import SurveyStation
from app.store import Store

IDLE_SECONDS = 45.0
# the screen the sizes below are for (a 1280 x 800 tablet); another screen, or a tile of
# the demo's, scales every type and button by the share of it that it has
DESIGN = (1280, 800)
SCALE_RANGE = (0.4, 1.6)
THANKS_SECONDS = 5.0
FACE_COLOURS = ("#c62828", "#ef6c00", "#7cb342", "#2e7d32")  # 1 (unhappy) .. 4 (happy)

STYLE = """
QWidget#survey { background: #eef3f9; }
QLabel#title { color: #0b3d73; }
QPushButton { border-radius: 14px; padding: 10px 16px; }
QPushButton#answer { background: white; border: 3px solid #1d5fa8; }
QPushButton#answer:pressed { background: #d5e5f7; }
QPushButton#option { background: white; border: 2px solid #8aa4c0; }
QPushButton#option:checked { background: #1d5fa8; color: white; }
QPushButton#primary { background: #1d5fa8; color: white; }
QPushButton#plain { background: transparent; color: #1d5fa8; border: 2px solid #1d5fa8; }
QLabel#error { color: #c62828; }
"""
# the buttons' corners and padding at another scale (see SurveyWindow.fit)
SCALED = "QPushButton {{ border-radius: {radius}px; padding: {v}px {h}px; }}"


class Face(QWidget):
    """A face from frowning (1) to smiling (4), drawn, so no emoji font is needed."""

    def __init__(self, value: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self.setMinimumSize(64, 64)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: Any) -> None:
        side = min(self.width(), self.height()) - 4
        x0 = (self.width() - side) / 2
        y0 = (self.height() - side) / 2
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(FACE_COLOURS[self.value - 1]))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(x0, y0, side, side))
        p.setBrush(QColor("white"))
        eye = side * 0.09
        for ex in (0.34, 0.66):
            p.drawEllipse(QPointF(x0 + side * ex, y0 + side * 0.38), eye, eye)
        pen = QPen(QColor("white"), side * 0.07)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        curve = (-0.16, -0.06, 0.06, 0.16)[self.value - 1]  # mouth bend: sad .. happy
        mouth = QPainterPath(QPointF(x0 + side * 0.3, y0 + side * 0.68))
        mouth.quadTo(QPointF(x0 + side * 0.5, y0 + side * (0.68 + 2 * curve)),
                     QPointF(x0 + side * 0.7, y0 + side * 0.68))
        p.drawPath(mouth)
        p.end()


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


class AnswerButton(QPushButton):
    """A face over its label, the whole thing one big button."""

    def __init__(self, value: int, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answer")
        self.value = value
        self.setMinimumSize(180, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        self.face = Face(value, self)
        self.face.setMinimumSize(96, 96)
        layout.addWidget(self.face, 1)
        self.caption = QLabel(label, self)
        self.caption.setFont(_font(16, True))
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.caption)


class SurveyWindow(QWidget):
    """The survey station of ``office_code``; ``quick_counter`` turns it into the
    one-tap rating of that loket."""

    submitted = Signal(int)  # the stored response's id
    reset_done = Signal()

    def __init__(self, store: Store, office_code: str, *, survey_code: str = DEFAULT_SURVEY,
                 quick_counter: str | None = None, idle_seconds: float = IDLE_SECONDS,
                 clock: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("survey")
        self.setStyleSheet(STYLE)
        self.scale = 1.0
        self._room: QWidget | None = None  # the widget whose size is the room (see fit)
        self.store = store
        self.office_code = office_code
        self.survey = load_survey(survey_code)
        self.quick_counter = quick_counter
        self.clock = clock or (lambda: datetime.now(UTC))
        self.station = SurveyStation(store, office_code, clock=self.clock)
        self.ticket = ""
        self.answers: dict[str, int] = {}
        self.respondent: dict[str, str] = {}
        self.index = 0
        self.setWindowTitle(self.tr("Survei Kepuasan Masyarakat"))

        self.pages = QStackedWidget(self)
        self._root = root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.addWidget(self.pages)
        self.start_page = self._build_quick() if quick_counter else self._build_start()
        self.pages.addWidget(self.start_page)
        self.question_page = self._build_question()
        self.pages.addWidget(self.question_page)
        self.respondent_page = self._build_respondent()
        self.pages.addWidget(self.respondent_page)
        self.thanks_page = self._build_thanks()
        self.pages.addWidget(self.thanks_page)

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int(idle_seconds * 1000))
        self.idle.timeout.connect(self.reset)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(int(THANKS_SECONDS * 1000))
        self.thanks_timer.timeout.connect(self.reset)
        # each widget's type and least size as designed, for any scale (see fit)
        self._designed = {w: (w.font().pointSizeF(), w.minimumSize())
                          for w in self.findChildren(QWidget)}
        self.installEventFilter(self)
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        self.reset()

    # --- building -----------------------------------------------------------------------

    def _title(self, text: str, size: int = 30) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("title")
        label.setFont(_font(size, True))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _build_start(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._title(self.tr("Bagaimana pelayanan kami hari ini?"), 34))
        hint = QLabel(self.tr("Pindai kode QR pada karcis antrean Anda, atau ketik nomornya "
                              "(contoh A-001)."), page)
        hint.setFont(_font(18))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ticket_edit = QLineEdit(page)
        self.ticket_edit.setFont(_font(30, True))
        self.ticket_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_edit.setMinimumWidth(360)
        self.ticket_edit.setPlaceholderText("A-001")
        self.ticket_edit.returnPressed.connect(self._on_start)
        row.addWidget(self.ticket_edit)
        self.start_button = QPushButton(self.tr("Mulai"), page)
        self.start_button.setObjectName("primary")
        self.start_button.setFont(_font(24, True))
        self.start_button.setMinimumSize(200, 80)
        self.start_button.clicked.connect(self._on_start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.keypad = self._build_keypad(page)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.start_error = QLabel("", page)
        self.start_error.setObjectName("error")
        self.start_error.setFont(_font(18, True))
        self.start_error.setWordWrap(True)
        self.start_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # room for a refusal of three lines, kept empty, so the keypad never moves under
        # the visitor's finger when one appears
        self.start_error.setMinimumHeight(3 * QFontMetrics(self.start_error.font()).lineSpacing())
        layout.addWidget(self.start_error)
        layout.addStretch(1)
        return page

    def _build_keypad(self, parent: QWidget) -> QWidget:
        """Letters of the office's ticket prefixes and digits, for a screen with no keyboard."""
        try:
            prefixes = list(self.station.ticket_prefixes())
        except LoketError:  # unknown office, lost database: digits only
            prefixes = []
        pad = QWidget(parent)
        grid = QGridLayout(pad)
        keys = [*prefixes, "-", *"1234567890", "⌫"]
        for i, key in enumerate(keys):
            button = QPushButton(key, pad)
            button.setObjectName("option")
            button.setFont(_font(22, True))
            button.setMinimumSize(84, 72)
            # the ticket field keeps the focus (and its selection): a QR scanner types there
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._on_key(k))
            grid.addWidget(button, i // 8, i % 8)
        return pad

    def _build_quick(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._title(self.tr("Bagaimana pelayanan di {counter}?").format(
            counter=self.quick_counter), 34))
        row = QHBoxLayout()
        labels = (self.tr("Tidak puas"), self.tr("Kurang puas"), self.tr("Puas"),
                  self.tr("Sangat puas"))
        self.quick_buttons: list[AnswerButton] = []
        for value, label in enumerate(labels, start=1):
            button = AnswerButton(value, label, page)
            button.clicked.connect(lambda _=False, v=value: self._on_quick(v))
            self.quick_buttons.append(button)
            row.addWidget(button)
        layout.addLayout(row, 3)
        self.start_error = QLabel("", page)
        self.start_error.setObjectName("error")
        layout.addWidget(self.start_error)
        layout.addStretch(1)
        return page

    def _build_question(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.progress = QLabel("", page)
        self.progress.setFont(_font(16))
        top.addWidget(self.progress)
        top.addStretch(1)
        self.visit_label = QLabel("", page)  # whose visit is being rated: ticket, service
        self.visit_label.setFont(_font(16, True))
        top.addWidget(self.visit_label)
        layout.addLayout(top)
        self.element_name = self._title("", 22)
        layout.addWidget(self.element_name)
        self.question = QLabel("", page)
        self.question.setFont(_font(24, True))
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.question, 1)
        row = QHBoxLayout()
        self.answer_buttons: list[AnswerButton] = []
        for value in range(1, 5):
            button = AnswerButton(value, "", page)
            button.clicked.connect(lambda _=False, v=value: self._on_answer(v))
            self.answer_buttons.append(button)
            row.addWidget(button)
        layout.addLayout(row, 3)
        bottom = QHBoxLayout()
        self.back_button = QPushButton(self.tr("‹ Kembali"), page)
        self.back_button.setObjectName("plain")
        self.back_button.setFont(_font(18))
        self.back_button.setMinimumHeight(64)
        self.back_button.clicked.connect(self._on_back)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _build_respondent(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self._title(self.tr("Tentang Anda (boleh dilewati)"), 26))
        grid = QGridLayout()
        self.option_groups: dict[str, QButtonGroup] = {}
        for row, field in enumerate(self.survey.respondent):
            label = QLabel(field.name, page)
            label.setFont(_font(18, True))
            grid.addWidget(label, row, 0)
            group = QButtonGroup(page)
            group.setExclusive(True)
            for col, option in enumerate(field.options, start=1):
                button = QPushButton(option, page)
                button.setObjectName("option")
                button.setCheckable(True)
                button.setFont(_font(16))
                button.setMinimumHeight(64)
                group.addButton(button)
                grid.addWidget(button, row, col)
            self.option_groups[field.id] = group
        layout.addLayout(grid, 1)
        bottom = QHBoxLayout()
        skip = QPushButton(self.tr("Lewati"), page)
        skip.setObjectName("plain")
        skip.setFont(_font(20))
        skip.setMinimumSize(220, 72)
        skip.clicked.connect(lambda: self._on_send(with_respondent=False))
        bottom.addWidget(skip)
        bottom.addStretch(1)
        self.send_button = QPushButton(self.tr("Kirim"), page)
        self.send_button.setObjectName("primary")
        self.send_button.setFont(_font(22, True))
        self.send_button.setMinimumSize(260, 72)
        self.send_button.clicked.connect(lambda: self._on_send(with_respondent=True))
        bottom.addWidget(self.send_button)
        layout.addLayout(bottom)
        self.send_error = QLabel("", page)
        self.send_error.setObjectName("error")
        self.send_error.setFont(_font(18, True))
        self.send_error.setWordWrap(True)
        layout.addWidget(self.send_error)
        return page

    def _build_thanks(self) -> QWidget:
        page = QFrame(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._title(self.tr("Terima kasih atas penilaian Anda!"), 40))
        self.thanks_detail = QLabel(
            self.tr("Masukan Anda membantu kami memperbaiki pelayanan."), page)
        self.thanks_detail.setFont(_font(20))
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.thanks_detail)
        layout.addStretch(1)
        return page

    # --- flow ---------------------------------------------------------------------------

    # --- scaling ------------------------------------------------------------------------

    def fit(self, width: int, height: int) -> None:
        """Scale the type and the buttons for a room ``width`` x ``height``: the share of
        the designed screen (:data:`DESIGN`) it has, within :data:`SCALE_RANGE`, in steps
        of 5 %, so the whole survey shows (a tile of the demo's screen, a laptop)."""
        low, high = SCALE_RANGE
        scale = max(low, min(high, width / DESIGN[0], height / DESIGN[1]))
        scale = round(scale * 20) / 20
        if scale == self.scale:
            return
        self.scale = scale
        for widget, (points, least) in self._designed.items():
            font = widget.font()
            font.setPointSizeF(max(6.0, points * scale))
            widget.setFont(font)
            widget.setMinimumSize(int(least.width() * scale), int(least.height() * scale))
        self.setStyleSheet(STYLE + SCALED.format(radius=max(4, round(14 * scale)),
                                                 v=max(2, round(10 * scale)),
                                                 h=max(3, round(16 * scale))))
        margin = int(32 * scale)
        self._root.setContentsMargins(margin, int(24 * scale), margin, int(24 * scale))
        if hasattr(self, "start_error") and self.start_error.wordWrap():
            self.start_error.setMinimumHeight(
                3 * QFontMetrics(self.start_error.font()).lineSpacing())

    def _fit_room(self) -> None:
        if not hasattr(self, "_designed"):
            return  # still building
        room = self._room or self
        self.fit(room.width(), room.height())

    def event(self, event: QEvent) -> bool:
        """In another widget (the demo's scrolled tile) the room is that widget's size,
        followed as it changes; alone, the window's own."""
        if event.type() == QEvent.Type.ParentChange:
            if self._room is not None:
                self._room.removeEventFilter(self)
            self._room = self.parentWidget()
            if self._room is not None:
                self._room.installEventFilter(self)
                self._fit_room()
        return super().event(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._room is None and hasattr(self, "_designed"):
            self._fit_room()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._room and event.type() == QEvent.Type.Resize:
            self._fit_room()
            return False
        # the idle reset runs past the first screen, and on it while a refusal is shown
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress,
                            QEvent.Type.TouchBegin) and (
                self.pages.currentIndex() != 0 or self.idle.isActive()):
            self.idle.start()
        return False

    def reset(self) -> None:
        """Back to the start, forgetting everything the last visitor entered."""
        self.idle.stop()
        self.thanks_timer.stop()
        self.ticket = ""
        self.answers = {}
        self.respondent = {}
        self.index = 0
        if not self.quick_counter:
            self.ticket_edit.clear()
            self.visit_label.setText("")
        self.start_error.setText("")
        for group in getattr(self, "option_groups", {}).values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.pages.setCurrentWidget(self.start_page)
        if not self.quick_counter:
            self.ticket_edit.setFocus()
        self.reset_done.emit()

    def _on_key(self, key: str) -> None:
        if key == "⌫":
            self.ticket_edit.backspace()
        else:
            self.ticket_edit.insert(key)

    def _on_start(self) -> None:
        text = self.ticket_edit.text().strip()
        if not text:
            self.start_error.setText(self.tr("Ketik nomor antrean Anda atau pindai karcisnya."))
            return
        try:
            visit = self.station.check(text)
        except LoketError as exc:
            self._refuse(exc.message(), text)
            return
        self.ticket = text
        name = visit.service_name_en if language() == "en" else visit.service_name
        self.visit_label.setText(f"{visit.ticket} · {name}")
        self.start_error.setText("")
        self.index = 0
        self._show_question()
        self.pages.setCurrentWidget(self.question_page)
        self.idle.start()

    def _show_question(self) -> None:
        element = self.survey.elements[self.index]
        self.progress.setText(self.tr("Pertanyaan {n} dari {total}").format(
            n=self.index + 1, total=len(self.survey.elements)))
        self.element_name.setText(element.name)
        self.question.setText(element.question)
        for button, label in zip(self.answer_buttons, element.answers, strict=True):
            button.caption.setText(label)
        self.back_button.setEnabled(True)

    def _on_answer(self, value: int) -> None:
        element = self.survey.elements[self.index]
        self.answers[element.id] = value
        if self.index + 1 < len(self.survey.elements):
            self.index += 1
            self._show_question()
        elif self.survey.respondent:
            self.send_error.setText("")
            self.pages.setCurrentWidget(self.respondent_page)
        else:
            self._on_send(with_respondent=False)

    def _on_back(self) -> None:
        if self.index == 0:
            self.reset()
            return
        self.index -= 1
        self._show_question()

    def _chosen_respondent(self) -> dict[str, str]:
        out = {}
        for key, group in self.option_groups.items():
            button = group.checkedButton()
            if button is not None:
                out[key] = button.text()
        return out

    def _on_send(self, *, with_respondent: bool) -> None:
        respondent = self._chosen_respondent() if with_respondent else {}
        try:
            done = self.station.submit(self.ticket, self.answers, respondent=respondent,
                                       survey_code=self.survey.code)
        except LoketError as exc:
            if exc.key in VISIT_REFUSALS:  # the ticket, not the answers: they cannot be kept
                ticket = self.ticket
                self.reset()
                self._refuse(exc.message(), ticket)
            else:
                self.send_error.setText(exc.message())
            return
        self._thank()
        self.submitted.emit(done.response_id)

    def _refuse(self, message: str, ticket: str) -> None:
        """The first screen with why ``ticket`` cannot answer, the ticket left there to
        correct (selected, so a new number typed or scanned replaces it); the idle reset
        clears both if the visitor walks away."""
        self.pages.setCurrentWidget(self.start_page)
        self.ticket_edit.setText(ticket)
        self.ticket_edit.selectAll()
        self.start_error.setText(message)
        self.ticket_edit.setFocus()
        self.idle.start()

    def _on_quick(self, value: int) -> None:
        assert self.quick_counter is not None
        try:
            response_id = self.station.rate(self.quick_counter, value)
        except LoketError as exc:
            self.start_error.setText(exc.message())
            return
        self._thank()
        self.submitted.emit(response_id)

    def _thank(self) -> None:
        self.idle.stop()
        self.pages.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()

    def shutdown(self) -> None:
        self.idle.stop()
        self.thanks_timer.stop()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
