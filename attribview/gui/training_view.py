"""How training mode draws the article: a numbered badge before each sentence, the trainee's answer as
a fill in the group's tint and a label of the group, and after "Check" a tick or a cross in the badge.

The badges are text of their own in the document (never the article's: the offsets map skips them),
so they wrap, scale and print like the article and a yellow group still reads by its label. Keys
for answering from the keyboard are caught here too (``TrainingKeys``), ahead of the window's
shortcuts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractSpinBox, QDockWidget, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from attribview.core.exercise import NARRATION
from attribview.core.grading import group_label
from attribview.gui.article_view import OffsetMap, display_text, fill_document
from attribview.gui.highlights import ALPHA, HIGH_CONTRAST_ALPHA, blend, readable_on

if TYPE_CHECKING:
    from attribview.gui.training import TrainingSession

RIGHT = QColor("#1a7f37")
WRONG = QColor("#cf222e")
NUMBER = QColor("#dde1e6")
CURRENT = QColor("#0b3d91")
CURRENT_TINT = QColor("#e4e8ef")
NARRATION_COLOUR = QColor("#5a5a5a")
WHITE = QColor(Qt.GlobalColor.white)
BLACK = QColor(Qt.GlobalColor.black)
#: Inside a badge, spaces that never break a line: a badge stays whole and before its sentence.
_NBSP = "\u00a0"
_GLUE = "\u202f"  # between the badges and the sentence: a narrow gap that keeps them on one line
_BREAK = "\u200b"  # between two badges: a line may break there (a long label moves down whole)


@dataclass(frozen=True)
class _Piece:
    """One badge: its text and colours."""

    text: str
    background: QColor
    foreground: QColor


class TrainingOffsets(OffsetMap):
    """Article offsets <-> positions in the training document, around the badges inserted before each
    sentence. A position inside a badge maps to the start of its sentence."""

    def __init__(self, shown: str, inserts: Sequence[tuple[int, int]]) -> None:
        super().__init__(shown)
        self._points = [point for point, _ in inserts]  # article offsets, ascending
        self._before: list[int] = []  # characters inserted up to and including each point
        total = 0
        for _, length in inserts:
            total += length
            self._before.append(total)
        self._shown_starts = [p + (self._before[i - 1] if i else 0) for i, p in enumerate(self._points)]

    def shown_offset(self, offset: int) -> int:
        """Where the article's character ``offset`` is in the shown text (after any badge before it)."""
        index = bisect_right(self._points, offset) - 1
        return offset + (self._before[index] if index >= 0 else 0)

    def to_qt(self, offset: int) -> int:
        return super().to_qt(self.shown_offset(offset))

    def from_qt(self, position: int) -> int:
        shown = super().from_qt(position)
        index = bisect_right(self._shown_starts, shown) - 1
        if index < 0:
            return shown
        inside = shown - self._shown_starts[index]
        length = self._before[index] - (self._before[index - 1] if index else 0)
        return self._points[index] if inside < length else shown - self._before[index]


def _badges(session: TrainingSession, index: int, *, high_contrast: bool) -> list[_Piece]:
    exercise = session.exercise
    result = session.score.results[index] if session.score is not None else None
    current = index == session.current
    number = f"{'▶ ' if current else ''}{index + 1}"
    if result is not None:
        pieces = [_Piece(f"{number} {'✓' if result.right else '✗'}", RIGHT if result.right else WRONG, WHITE)]
    elif current:
        pieces = [_Piece(number, CURRENT, WHITE)]
    else:
        pieces = [_Piece(number, BLACK if high_contrast else NUMBER, WHITE if high_contrast else BLACK)]
    answer = session.answers.get(index, ())
    for group in answer:  # each group answered by its badge, as the viewer's margin marks it
        colour = session.colour(group)
        pieces.append(_Piece(session.mark(group), colour, readable_on(colour)))
    if result is not None and not result.right:
        pieces.append(_Piece(f"should be: {group_label(exercise, result.sentence.groups)}", WHITE, WRONG))
    return pieces


def render_training(document: QTextDocument, session: TrainingSession, *, scale: float,
                    high_contrast: bool) -> TrainingOffsets:
    """Fill ``document`` with the exercise's text, its sentence badges and the trainee's answers.

    No reference colour shows before "Check"; afterwards only the wrong sentences name the reference.
    """
    text = display_text(session.exercise.text)
    badges = [_badges(session, i, high_contrast=high_contrast)
              for i in range(len(session.exercise.sentences))]
    parts: list[str] = []
    inserts: list[tuple[int, int]] = []
    at = 0
    for sentence, pieces in zip(session.exercise.sentences, badges, strict=True):
        inserted, _spans = _laid_out(pieces)
        parts += [text[at:sentence.start], inserted]
        inserts.append((sentence.start, len(inserted)))
        at = sentence.start
    parts.append(text[at:])
    shown = "".join(parts)
    fill_document(document, shown, scale)
    offsets = TrainingOffsets(shown, inserts)
    cursor = QTextCursor(document)

    def merge(start: int, end: int, fmt: QTextCharFormat) -> None:  # offsets into the shown text
        cursor.setPosition(OffsetMap.to_qt(offsets, start))
        cursor.setPosition(OffsetMap.to_qt(offsets, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    if high_contrast:
        plain = QTextCharFormat()
        plain.setForeground(BLACK)
        merge(0, len(shown), plain)
    for index, (sentence, pieces) in enumerate(zip(session.exercise.sentences, badges, strict=True)):
        position = offsets.shown_offset(sentence.start) - inserts[index][1]
        for start, end, piece in _laid_out(pieces)[1]:
            merge(position + start, position + end, _badge_format(piece))
        fill = _fill(session, index, high_contrast=high_contrast)
        if fill is not None:
            merge(offsets.shown_offset(sentence.start), offsets.shown_offset(sentence.end), fill)
    return offsets


def _laid_out(pieces: Sequence[_Piece]) -> tuple[str, list[tuple[int, int, _Piece]]]:
    """The text inserted before a sentence and where each badge is in it. The number stays with the
    first label; a line may break before each further one (a long label then moves down whole)."""
    text = ""
    spans = []
    for number, piece in enumerate(pieces):
        text += _BREAK if number > 1 else ""
        badge = f"{_NBSP}{piece.text.replace(' ', _NBSP)}{_NBSP}"
        spans.append((len(text), len(text) + len(badge), piece))
        text += badge
    return text + _GLUE, spans


def _badge_format(piece: _Piece) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(piece.background)
    fmt.setForeground(piece.foreground)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontUnderline(False)
    return fmt


def _fill(session: TrainingSession, index: int, *, high_contrast: bool) -> QTextCharFormat | None:
    """The sentence's fill: the tint of the first group answered; the current one, unanswered, greyed."""
    answer = [g for g in session.answers.get(index, ()) if g != NARRATION]
    fmt = QTextCharFormat()
    if answer:
        tint = blend(session.colour(answer[0]), WHITE, HIGH_CONTRAST_ALPHA if high_contrast else ALPHA)
        fmt.setBackground(tint)
        fmt.setForeground(BLACK if high_contrast else readable_on(tint))
    elif index == session.current and not session.answers.get(index):
        fmt.setBackground(CURRENT_TINT)
    else:
        return None
    return fmt


#: Keys that answer (digits) and move (arrows, Tab) in training, whatever the window's shortcuts say.
_DIGITS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_MOVES = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Tab: 1, Qt.Key.Key_Left: -1,
          Qt.Key.Key_Up: -1, Qt.Key.Key_Backtab: -1}
_FREE = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier,
         Qt.KeyboardModifier.ShiftModifier)


class TrainingKeys(QObject):
    """An application event filter while training: in ``window`` (outside text fields), 1-9 toggle the
    groups in legend order, 0 answers narration, arrows and Tab move between sentences.

    Keys are claimed at ShortcutOverride, so the desk's status keys (1-6) never fire under training.
    """

    def __init__(self, window: QWidget, digit: Callable[[int], None], move: Callable[[int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._digit = digit
        self._move = move
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        """Stop catching keys (training left)."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                or not isinstance(event, QKeyEvent) or event.modifiers() not in _FREE:
            return False
        if not self._ours(watched):
            return False
        key = Qt.Key(event.key())
        if key not in _DIGITS and key not in _MOVES:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the widget (we) takes the key: no window shortcut fires
            return True
        if key in _DIGITS:
            self._digit(_DIGITS[key])
        else:
            self._move(_MOVES[key])
        return True

    def _ours(self, watched: QObject) -> bool:
        """A key for training: in the window, not in a text field nor a dock (the library keeps its
        arrow keys). The window itself only sees keys its children passed on: those are not ours."""
        if not isinstance(watched, QWidget) or watched is self._window:
            return False
        if watched.window() is not self._window:
            return False
        excluded = isinstance(watched, (QLineEdit, QAbstractSpinBox)) or (
            isinstance(watched, (QTextEdit, QPlainTextEdit)) and not watched.isReadOnly())
        widget: QWidget | None = watched
        while widget is not None and not excluded:
            excluded = isinstance(widget, QDockWidget)
            widget = widget.parentWidget()
        return not excluded


def digit_group(groups: Sequence[str], digit: int) -> str | None:
    """The answer a number key gives: 0 narration, 1-9 the groups in legend order (None past the last)."""
    if digit == 0:
        return NARRATION
    return groups[digit - 1] if digit <= len(groups) else None


def key_hints(groups: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(group, key) for the answer buttons: "1".."9" for the first nine groups, "0" for narration."""
    for number, group in enumerate(groups[:9], 1):
        yield group, str(number)
    yield NARRATION, "0"
