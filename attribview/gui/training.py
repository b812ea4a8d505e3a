"""Training mode: the article without highlights; the trainee marks each sentence, then checks.

The exercise (``core.exercise``) holds the text, the groups and the reference; the session here keeps
the trainee's answers (several groups per sentence, or narration); ``training_view`` draws them into
the article; the panel is what the trainee answers with, by mouse or by number key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from attribview.core.exercise import NARRATION, Exercise, exercise_from_analysis
from attribview.core.grading import Score, group_label, missed_summary, score_attempt
from attribview.gui.document import Document
from attribview.gui.legend import badge_pixmap, plural
from attribview.gui.plain import plain_label, rich, tooltip
from attribview.gui.training_view import (
    NARRATION_COLOUR,
    WRONG,
    TrainingOffsets,
    key_hints,
    render_training,
)

#: Narration's mark, on its button and before a sentence answered so.
NARRATION_MARK = "Narration"


def answer_icons(marks: Sequence[tuple[str, str, str]], font: QFont) -> tuple[dict[str, QIcon], QSize]:
    """Each answer's badge as the legend and the article's margin show it (its mark, framed in its
    colour), from (id, colour, mark); all as wide as the widest, so the buttons' labels line up."""
    base = QColor(Qt.GlobalColor.white)
    pixmaps = {gid: badge_pixmap(colour, mark, base, font) for gid, colour, mark in marks}
    size = QSize(max((p.width() for p in pixmaps.values()), default=1),
                 max((p.height() for p in pixmaps.values()), default=1))
    icons = {}
    for gid, pixmap in pixmaps.items():
        padded = QPixmap(size)
        padded.fill(Qt.GlobalColor.transparent)
        painter = QPainter(padded)
        painter.drawPixmap(0, (size.height() - pixmap.height()) // 2, pixmap)
        painter.end()
        icons[gid] = QIcon(padded)
    return icons, size


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
    changed_since_check: bool = False

    @property
    def group_ids(self) -> list[str]:
        return [g.id for g in self.exercise.groups]

    def toggle(self, index: int, group: str) -> None:
        """Add or remove ``group`` from sentence ``index``'s answer; narration replaces every group
        (and a second narration clears the answer). A new answer hides the old score."""
        answer = self.answers.get(index, ())
        if group == NARRATION:
            new: tuple[str, ...] = () if answer == (NARRATION,) else (NARRATION,)
        elif group in answer:
            new = tuple(g for g in answer if g != group)
        else:  # kept in legend order, whatever order they were toggled in
            chosen = {group, *answer} - {NARRATION}
            new = tuple(g for g in self.group_ids if g in chosen)
        if new:
            self.answers[index] = new
        else:
            self.answers.pop(index, None)
        self.changed_since_check = self.changed_since_check or self.score is not None
        self.score = None

    def move(self, delta: int) -> int:
        """Make the next (``delta`` 1) or previous (-1) sentence current; the first when none is."""
        last = len(self.exercise.sentences) - 1
        self.current = 0 if self.current is None else max(0, min(last, self.current + delta))
        return self.current

    def check(self) -> Score:
        self.score = score_attempt(self.exercise, self.answers)
        self.changed_since_check = False
        return self.score

    def progress(self) -> str:
        """How far the trainee is, for the status bar: the score once checked, and a reminder when
        answers changed after a check (the score shown until then is gone)."""
        parts = [plural(len(self.exercise.sentences), "sentence"), f"{len(self.answers)} answered"]
        if self.score is not None:
            parts.append(f"{self.score.right} right")
        line = " · ".join(parts)
        return f"Answers changed: Check again (Ctrl+Enter) · {line}" if self.changed_since_check else line

    def colour(self, group: str) -> QColor:
        info = next((g for g in self.exercise.groups if g.id == group), None)
        return QColor(info.colour) if info is not None else NARRATION_COLOUR

    def mark(self, group: str) -> str:
        """The group's badge, as the answers show it."""
        info = next((g for g in self.exercise.groups if g.id == group), None)
        return info.mark if info is not None else NARRATION_MARK

    def label(self, groups: tuple[str, ...]) -> str:
        return group_label(self.exercise, groups)

    def render(self, document: QTextDocument, scale: float, high_contrast: bool) -> TrainingOffsets:
        """The article view's hook: the exercise with its badges and answers in ``document``."""
        return render_training(document, self, scale=scale, high_contrast=high_contrast)

    def tooltip(self, index: int) -> str | None:
        """The answer in words (its badges named); after Check, right or wrong and the reference
        (escaped rich text)."""
        if self.score is None:
            answer = self.answers.get(index)
            return f"<qt><nobr>{index + 1}: {rich(self.label(answer))}</nobr></qt>" if answer else None
        result = self.score.results[index]
        mark = "✓ right" if result.right else "✗ wrong"
        lines = [f"<b>{index + 1}: {mark}</b>", f"your answer: {rich(self.label(result.answer))}"]
        if not result.right:
            lines.append(f"reference: <b>{rich(self.label(result.sentence.groups))}</b>")
        also = [self.label(groups) for groups in result.sentence.also_ok]
        if also:
            lines.append(f"also accepted: {rich(' or '.join(also))}")
        return "<qt>" + "<br>".join(f"<nobr>{line}</nobr>" for line in lines) + "</qt>"


class TrainingPanel(QWidget):
    """The trainee's side panel: a toggle per group (every group of the profile) and Narration, each
    with its number key, Check, the score and the mistakes.

    Signals:
        answer_chosen: the group id (or "narration") to toggle on the current sentence
        check_requested: the trainee asks for the score
        sentence_requested: index of a sentence picked from the list of mistakes
    """

    answer_chosen = Signal(str)
    check_requested = Signal()
    sentence_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.buttons: dict[str, QPushButton] = {}
        self._base_size = self.font().pointSizeF()
        self._high_contrast = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.title = plain_label()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.hint = QLabel("Click a sentence (or move with the arrow keys or Tab), then say whose words it "
                           "carries: keys 1-9 toggle the groups, several if it carries several; 0 is "
                           "narration. Sentences left unanswered count as narration.")
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
        self.set_presentation(1.0, False)

    def set_presentation(self, scale: float, high_contrast: bool) -> None:
        """The classroom settings of the article, on the panel too: larger text, black on white."""
        self._high_contrast = high_contrast
        size = f"* {{ font-size: {self._base_size * scale:.1f}pt; }}"  # a style sheet's font wins
        self.title.setStyleSheet(f"font-size: {self._base_size * scale * 1.15:.1f}pt; font-weight: bold;")
        self.setAutoFillBackground(high_contrast)
        if high_contrast:
            self.setStyleSheet(
                size + "#trainingPanel, #trainingPanel QWidget { background: white; color: black; }"
                "#trainingPanel QPushButton { border: 2px solid black; padding: 6px 10px; text-align: left; }"
                "#trainingPanel QPushButton:checked { background: black; color: white; }"  # beats the id rule
                "#trainingPanel QPushButton:disabled { color: #505050; border-color: #505050; }"
                "#trainingPanel QListWidget { border: 2px solid black; }")
        else:
            self.setStyleSheet(size + "QPushButton { padding: 4px 8px; text-align: left; }"
                               "QPushButton:checked { background: #0b3d91; color: white; "
                               "border: 1px solid #0b3d91; border-radius: 3px; }")
        for row in range(self.mistakes.count()):
            item = self.mistakes.item(row)
            item.setForeground(self._mistake_colour())

    def set_session(self, session: TrainingSession) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        self.title.setText(f"Training: {session.exercise.title} ({session.origin})")
        keys = dict(key_hints(session.group_ids))
        groups = session.exercise.groups
        icons, size = answer_icons([*((g.id, g.colour, g.mark) for g in groups),
                                    (NARRATION, NARRATION_COLOUR.name(), NARRATION_MARK)], self.font())
        choices = [*((g.id, g.label) for g in groups), (NARRATION, "Narration")]
        for row, (group, label) in enumerate(choices):
            key = keys.get(group)
            button = QPushButton(icons[group], f"{key}   {label}" if key else f"     {label}")
            button.setCheckable(True)
            button.setIconSize(size)
            what = "narration, the reporter's own words" if group == NARRATION else f"toggle {label}"
            button.setToolTip(tooltip(f"Key {key}: {what}" if key else what))
            button.clicked.connect(lambda _checked=False, g=group: self.answer_chosen.emit(g))
            self._grid.addWidget(button, row, 0)
            self.buttons[group] = button
        keyed = session.exercise.keyed
        self.check_button.setText("Check  (Ctrl+Enter)" if keyed else "No answer key in this copy")
        self.check_button.setToolTip("Reveal right and wrong per sentence, and the score" if keyed else
                                     "Save your attempt and hand it in: your trainer scores it")
        self.show_state(session)

    def show_state(self, session: TrainingSession) -> None:
        current = session.current
        answer = session.answers.get(current, ()) if current is not None else ()
        for group, button in self.buttons.items():
            button.setEnabled(current is not None)
            button.setChecked(group in answer)
        self.check_button.setEnabled(session.exercise.keyed)
        if current is None:
            self.current_label.setText("No sentence selected.")
        else:
            said = f" — your answer: {session.label(answer)}" if answer else " — not answered yet"
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
                f"({score.percent}%)</b></p>")
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
            item.setForeground(self._mistake_colour())
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.mistakes.addItem(item)
        self.mistakes.setVisible(self.mistakes.count() > 0)

    def _mistake_colour(self) -> QColor:
        return QColor(Qt.GlobalColor.black) if self._high_contrast else WRONG

    def _on_mistake(self, item: QListWidgetItem) -> None:
        self.sentence_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def exercise_of(article: Document) -> Exercise:
    """The open article as an exercise: its analysis is the reference, with the library's corrections
    when the article is stored (the Document's quotes are then the library's), its groups the legend's."""
    profile = article.profiles.get(article.analysis.profile) if article.analysis.profile else None
    return exercise_from_analysis(article.analysis, title=article.title,
                                  groups={g.id: (g.label, g.colour) for g in article.groups}, profile=profile,
                                  badges={g.id: g.badge for g in article.groups})
