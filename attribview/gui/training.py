"""Training mode: the article without highlights; the trainee marks each sentence, then checks.

The exercise (``core.exercise``) holds the text, the groups and the reference; this module draws the
trainee's answers (an underline in the chosen group's colour, never the reference's), the results
after "Check" (a tick or a cross in the left gutter, a pale green or red tint) and the panel the
trainee answers with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from attribview.core.exercise import (
    NARRATION,
    Exercise,
    Score,
    exercise_from_analysis,
    missed_summary,
    score_attempt,
)
from attribview.gui.document import Document
from attribview.gui.plain import plain_label, rich, tooltip

#: Width of the gutter left of the text where ticks and crosses are drawn.
GUTTER = 30
RIGHT = QColor("#1a7f37")
WRONG = QColor("#cf222e")
RIGHT_TINT = QColor("#dcf3e0")
WRONG_TINT = QColor("#fbdcdc")
CURRENT_TINT = QColor("#e4e8ef")
NARRATION_COLOUR = QColor("#6e6e6e")
SWATCH = QSize(22, 16)


def swatch_icon(colour: str) -> QIcon:
    """The group's colour as an answer button's icon (the legend's swatch, without the legend)."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(colour).darker(130))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, SWATCH.width() - 3, SWATCH.height() - 3, 3, 3)
    painter.end()
    return QIcon(pixmap)


@dataclass
class TrainingSession:
    """One trainee's work on one exercise: the answers so far and, after "Check", the score.

    Args:
        origin: where the exercise came from, shown to the user ("the open article", a file name).
    """

    exercise: Exercise
    origin: str
    answers: dict[int, tuple[str, ...]] = field(default_factory=dict)
    score: Score | None = None
    current: int | None = None

    def answer(self, index: int, group: str) -> None:
        """Answer sentence ``index`` with one group (or narration); a new answer hides the old score."""
        self.answers[index] = (group,)
        self.score = None

    def check(self) -> Score:
        self.score = score_attempt(self.exercise, self.answers)
        return self.score

    def colour(self, group: str) -> QColor:
        info = next((g for g in self.exercise.groups if g.id == group), None)
        return QColor(info.colour) if info is not None else NARRATION_COLOUR

    def label(self, groups: tuple[str, ...]) -> str:
        if not groups or groups == (NARRATION,):
            return "Narration"
        labels = {g.id: g.label for g in self.exercise.groups}
        return " + ".join(labels.get(g, g) for g in groups)


def apply_training(document: QTextDocument, to_qt: Callable[[int], int], session: TrainingSession,
                   *, high_contrast: bool = False) -> None:
    """Draw the answers and (after Check) the results into ``document``; no reference colour shows."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    plain = QTextCharFormat()
    if high_contrast:
        plain.setForeground(QColor(Qt.GlobalColor.black))
    cursor.setCharFormat(plain)
    block = QTextBlockFormat()
    block.setLeftMargin(GUTTER)
    cursor.mergeBlockFormat(block)
    results = session.score.results if session.score is not None else ()
    for index, sentence in enumerate(session.exercise.sentences):
        fmt = QTextCharFormat()
        answer = session.answers.get(index)
        if answer:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if answer == (NARRATION,)
                                  else QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(session.colour(answer[0]))
        if results:
            fmt.setBackground(RIGHT_TINT if results[index].right else WRONG_TINT)
            if high_contrast:
                fmt.setForeground(QColor(Qt.GlobalColor.black))
        elif index == session.current:
            fmt.setBackground(CURRENT_TINT)
        cursor.setPosition(to_qt(sentence.start))
        cursor.setPosition(to_qt(sentence.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def result_tooltip(session: TrainingSession, index: int) -> str | None:
    """After Check: right or wrong, your answer and the reference (escaped rich text)."""
    if session.score is None:
        return None
    result = session.score.results[index]
    mark = "✓ right" if result.right else "✗ wrong"
    lines = [f"<b>{mark}</b>", f"your answer: {rich(session.label(result.answer))}"]
    if not result.right:
        lines.append(f"reference: <b>{rich(session.label(result.sentence.groups))}</b>")
    return "<qt>" + "<br>".join(f"<nobr>{line}</nobr>" for line in lines) + "</qt>"


class TrainingPanel(QWidget):
    """The trainee's side panel: a button per group and Narration, Check, the score and the mistakes.

    Signals:
        answer_chosen: the group id (or "narration") for the current sentence
        check_requested: the trainee asks for the score
        sentence_requested: index of a sentence picked from the list of mistakes
    """

    answer_chosen = Signal(str)
    check_requested = Signal()
    sentence_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = plain_label()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.hint = QLabel("Click a sentence, then say whose words it carries. "
                           "Sentences left unanswered count as narration.")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.current_label = plain_label()
        self.current_label.setWordWrap(True)
        layout.addWidget(self.current_label)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._grid_host)
        self.check_button = QPushButton("Check")
        self.check_button.setToolTip("Reveal right and wrong per sentence, and the score")
        self.check_button.clicked.connect(self.check_requested)
        layout.addWidget(self.check_button)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.mistakes = QListWidget()
        self.mistakes.setWordWrap(True)
        self.mistakes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mistakes.setToolTip("Click a mistake to find its sentence in the article")
        self.mistakes.hide()
        self.mistakes.itemActivated.connect(self._on_mistake)
        self.mistakes.itemClicked.connect(self._on_mistake)
        layout.addWidget(self.mistakes, 1)
        layout.addStretch(0)

    def set_session(self, session: TrainingSession) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        self.title.setText(f"Training: {session.exercise.title} ({session.origin})")
        choices = [(g.id, g.label, swatch_icon(g.colour)) for g in session.exercise.groups]
        choices.append((NARRATION, "Narration", swatch_icon(NARRATION_COLOUR.name())))
        for row, (group, label, icon) in enumerate(choices):
            button = QPushButton(icon, label)
            button.setIconSize(SWATCH)
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            button.clicked.connect(lambda _checked=False, g=group: self.answer_chosen.emit(g))
            self._grid.addWidget(button, row, 0)
            self.buttons[group] = button
        self.show_state(session)

    def show_state(self, session: TrainingSession) -> None:
        current = session.current
        for button in self.buttons.values():
            button.setEnabled(current is not None)
        if current is None:
            self.current_label.setText("No sentence selected.")
        else:
            answer = session.answers.get(current)
            said = f" — your answer: {session.label(answer)}" if answer else ""
            self.current_label.setText(f"Sentence {current + 1} of {len(session.exercise.sentences)}{said}")
        self._show_score(session)

    def _show_score(self, session: TrainingSession) -> None:
        score = session.score
        self.mistakes.clear()
        if score is None:
            self.banner.hide()
            self.mistakes.hide()
            return
        missed = missed_summary(score)
        text = (f"<p style='font-size: large'><b>{score.right} of {score.total} right "
                f"({round(100 * score.share)}%)</b></p>")
        text += f"<p>Missed: {rich(missed)}.</p>" if missed else "<p>Nothing instructive missed.</p>"
        self.banner.setText(text)
        self.banner.show()
        for index, result in enumerate(score.results):
            if result.right:
                continue
            words = session.exercise.text[result.sentence.start:result.sentence.end]
            words = words if len(words) <= 60 else words[:57] + "…"
            item = QListWidgetItem(f"✗ {index + 1}: {session.label(result.sentence.groups)} "
                                   f"(you: {session.label(result.answer)})")
            item.setToolTip(tooltip(words))
            item.setForeground(WRONG)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.mistakes.addItem(item)
        self.mistakes.setVisible(self.mistakes.count() > 0)

    def _on_mistake(self, item: QListWidgetItem) -> None:
        self.sentence_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def exercise_of(article: Document) -> Exercise:
    """The open article as an exercise: its analysis is the reference, with the library's corrections
    when the article is stored (the Document's quotes are then the library's), its groups the legend's."""
    return exercise_from_analysis(article.analysis, title=article.title,
                                  groups={g.id: (g.label, g.colour) for g in article.groups})
