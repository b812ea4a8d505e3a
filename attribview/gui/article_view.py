"""The article, read-only: each quote's words in its group's colour, cues and sources marked, badges."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from attribview.core.exercise import sentence_at
from attribview.core.highlight import Run
from attribview.core.types import kind_label
from attribview.gui.document import Document, flag_text
from attribview.gui.highlights import (
    ALPHA,
    HIGH_CONTRAST_ALPHA,
    Badge,
    apply_highlights,
    badge_margin,
    layout_badges,
    paint_badges,
    set_left_margin,
)
from attribview.gui.plain import InertDocument, rich
from attribview.gui.status import status_label

if TYPE_CHECKING:
    from attribview.gui.training import TrainingSession

#: Where the viewer remembers whether the group badges are shown.
BADGES_SETTING = "view/group_badges"


class OffsetMap:
    """Python character offsets <-> QTextDocument positions.

    Qt counts UTF-16 code units, so a character outside the BMP (an emoji) takes two positions;
    ``display_text`` keeps one position per Python character otherwise.
    """

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qt_astral = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset

    def from_qt(self, position: int) -> int:
        return position - bisect_right(self._qt_astral, position - 2) if self._astral else position


def display_text(text: str) -> str:
    """The text as the view shows it, one character per character: Qt would fold CRLF into one."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def article_font(scale: float = 1.0) -> QFont:
    """The system font a size up (times ``scale``, for a classroom): articles are read, not scanned."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.2 * scale)
    return font


def fill_document(document: QTextDocument, text: str, scale: float = 1.0) -> OffsetMap:
    """Put the article into ``document`` as plain text (never markup), laid out for reading."""
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(article_font(scale))
    document.setDocumentMargin(18)
    document.setPlainText(display_text(text))
    set_left_margin(document, 0)  # no badge column until the highlights ask for one
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block.setBottomMargin(10)
    cursor.mergeBlockFormat(block)
    return OffsetMap(text)


def quote_tooltip(article: Document, index: int) -> str:
    """Rich text, every piece of the article escaped: article text is never interpreted as markup."""
    quote = article.analysis.quotes[index]
    text = article.analysis.text
    lines = [f"<b>{rich(quote.speaker or 'unknown speaker')}</b>"
             f" &middot; {rich(article.label(quote.group))}"]
    if quote.cue_start is not None and quote.cue_end is not None:
        cue = f"cue “{rich(text[quote.cue_start:quote.cue_end])}”"
    else:
        cue = "no cue"
    kind = rich(kind_label(quote.kind))
    lines.append(f"{kind} &middot; {cue} &middot; confidence {quote.confidence:.2f}")
    row = article.row(index)
    if row is None:
        lines.append("status: not in the library")
    else:
        added = " &middot; added by hand" if row.origin == "manual" else ""
        lines.append(f"status: <b>{rich(status_label(row.status))}</b>{added}")
    if quote.flags:
        lines.append(f"<i>{rich(flag_text(quote.flags))}</i>")
    # each line kept whole: Qt wraps a rich-text tooltip at a narrow width, splitting "cue · confidence"
    return "<qt>" + "<br>".join(f"<nobr>{line}</nobr>" for line in lines) + "</qt>"


class ArticleView(QTextEdit):
    """The highlighted article. Clicking an attributed sentence reports its quote.

    Signals:
        quote_clicked: index into ``analysis.quotes`` of the quote the user clicked
    """

    quote_clicked = Signal(int)
    sentence_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(InertDocument(self))  # nothing an article names is ever loaded
        self.setReadOnly(True)
        self.setAcceptDrops(False)  # files dropped here open in the window
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._article: Document | None = None
        self._offsets = OffsetMap("")
        self._visible: set[str] = set()
        self._context_actions: list[QAction] = []
        self._training: TrainingSession | None = None
        self._scale = 1.0
        self._high_contrast = False
        self._show_badges = True
        self._badge_runs: tuple[Run, ...] = ()  # the runs whose badges the margin shows

    @property
    def training(self) -> TrainingSession | None:
        return self._training

    def set_training(self, session: TrainingSession | None) -> None:
        """Show the session's text with the trainee's answers (None: back to the highlighted article)."""
        self._training = session
        if session is None:
            self.set_article(self._article, keep_visible=True)
            return
        self.refresh_training()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def refresh_training(self) -> None:
        """Redraw the sentence badges, answers and results after an answer or a Check; scroll kept."""
        if self._training is not None:
            scrolled = self.verticalScrollBar().value()
            self._offsets = self._training.render(self.document(), self._scale, self._high_contrast)
            self.verticalScrollBar().setValue(scrolled)

    def show_sentence(self, index: int) -> None:
        """Scroll the exercise's sentence ``index`` into view."""
        if self._training is None:
            return
        sentence = self._training.exercise.sentences[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(sentence.end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self._offsets.to_qt(sentence.start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_presentation(self, scale: float, high_contrast: bool) -> None:
        """Classroom settings: the text ``scale`` times its size; stronger colours, black text."""
        self._scale = scale
        self._high_contrast = high_contrast
        if self._training is not None:
            self.set_training(self._training)
        else:
            self.set_article(self._article, keep_visible=True)

    @property
    def badges_shown(self) -> bool:
        return self._show_badges

    def set_badges_shown(self, shown: bool) -> None:
        """Each group's short mark in the margin beside its quotes (on by default), or none."""
        self._show_badges = shown
        if self._training is None:
            self.set_article(self._article, keep_visible=True)

    def badges_action(self, settings: QSettings) -> QAction:
        """View > Group Badges: the switch for the margin's badges, remembered in ``settings``."""
        action = QAction("Group &Badges", self)
        action.setCheckable(True)
        action.setChecked(bool(settings.value(BADGES_SETTING, True, type=bool)))
        action.setToolTip("Each group's short mark beside its quotes, so that nothing depends on colour")
        self.set_badges_shown(action.isChecked())

        def toggled(shown: bool) -> None:
            settings.setValue(BADGES_SETTING, shown)
            self.set_badges_shown(shown)

        action.toggled.connect(toggled)
        return action

    def badges(self) -> list[Badge]:
        """The badges in the margin, in document coordinates, laid out as the text is now (it rewraps
        with the width, so they are placed when drawn)."""
        if self._article is None or self._training is not None:
            return []
        return layout_badges(self.document(), self._offsets.to_qt, self._article, self._badge_runs)

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def article(self) -> Document | None:
        return self._article

    def set_article(self, article: Document | None, *, keep_visible: bool = False) -> None:
        self._article = article
        if self._training is not None:
            return  # the exercise stays on screen; leaving training shows this article
        if article is None:
            self.clear()
            return
        if not keep_visible:
            self._visible = {g.id for g in article.groups}
        self._offsets = fill_document(self.document(), article.analysis.text, self._scale)
        self._rehighlight()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def update_article(self, article: Document) -> None:
        """The same text with changed quotes (a speaker, a status): highlights redrawn, scroll kept."""
        old = self._article
        if self._training is not None:
            self._article = article
            return
        if old is None or old.analysis.text != article.analysis.text:
            self.set_article(article)
            return
        self._article = article  # a status changed: the tooltips tell the new one
        if old.analysis == article.analysis:
            return
        known = {g.id for g in old.groups}
        self._visible |= {g.id for g in article.groups if g.id not in known}
        self._rehighlight()

    def set_visible_groups(self, groups: Collection[str]) -> None:
        self._visible = set(groups)
        self._rehighlight()

    def select_quote(self, index: int) -> None:
        """Select the quote's words and scroll them into view."""
        if self._article is None or self._training is not None:
            return
        quote = self._article.analysis.quotes[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(quote.end))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self._offsets.to_qt(quote.start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_range(self) -> tuple[int, int]:
        """The selection in article offsets (start, end)."""
        cursor = self.textCursor()
        return self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd())

    def format_at(self, offset: int) -> QTextCharFormat:
        """The character format of the article character at ``offset`` (for tests and snapshots)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(offset) + 1)
        return cursor.charFormat()

    def offset_at(self, point: QPoint) -> int:
        """The article offset under a viewport point."""
        return self._offsets.from_qt(self.cursorForPosition(point).position())

    def _rehighlight(self) -> None:
        self._badge_runs = ()
        if self._training is not None:
            self.refresh_training()
        elif self._article is not None:
            document = self.document()
            set_left_margin(document, badge_margin(document, self._article) if self._show_badges else 0)
            runs = apply_highlights(document, self._offsets.to_qt, self._article, self._visible,
                                    self._page(), alpha=HIGH_CONTRAST_ALPHA if self._high_contrast else ALPHA,
                                    black_text=self._high_contrast)
            if self._show_badges:
                self._badge_runs = runs
            self.viewport().update()

    def _page(self) -> QColor:
        base = self.palette().color(QPalette.ColorRole.Base)
        return QColor(Qt.GlobalColor.white) if self._high_contrast else base

    def sentence_under(self, point: QPoint) -> int | None:
        """In training, the index of the exercise's sentence under a viewport point."""
        if self._training is None:
            return None
        return sentence_at(self._training.exercise, self.offset_at(point))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        badges = self.badges() if self._badge_runs else []
        if badges:
            painter = QPainter(self.viewport())
            paint_badges(painter, self.document(), badges, self._page(), -self.verticalScrollBar().value())
            painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) \
                and self._training is not None:
            sentence = self.sentence_under(event.pos())
            tip = self._training.tooltip(sentence) if sentence is not None else None
            if tip is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._quote_under(event.pos())
            if index is None or self._article is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), quote_tooltip(self._article, index), self.viewport())
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._training is not None:
            cursor = self.textCursor()  # a click, or the start of a selection, picks the sentence
            offset = self._offsets.from_qt(cursor.selectionStart()) if cursor.hasSelection() \
                else self.offset_at(event.position().toPoint())
            sentence = sentence_at(self._training.exercise, offset)
            if sentence is not None:
                self.sentence_clicked.emit(sentence)
            return
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self._quote_under(event.position().toPoint())
            if index is not None:
                self.quote_clicked.emit(index)

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """The window's corrections, offered in the context menu after Copy and Select All."""
        self._context_actions = list(actions)

    def context_menu(self, point: QPoint) -> QMenu:
        """The menu for a right click at a viewport ``point``.

        Without a text selection, the quote under the point is selected first (as a click would), so
        "Not an Attribution" applies to what was clicked.
        """
        if not self.textCursor().hasSelection():
            index = self._quote_under(point)
            if index is not None:
                self.quote_clicked.emit(index)
        menu = self.createStandardContextMenu(point)
        if self._context_actions:
            menu.addSeparator()
            menu.addActions(self._context_actions)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._rehighlight()  # a switch between light and dark changes the base we blend over

    def _quote_under(self, point: QPoint) -> int | None:
        if self._article is None or self._training is not None:
            return None
        index = self._article.quote_at(self.offset_at(point))
        visible = index is not None and self._article.analysis.quotes[index].group in self._visible
        return index if visible else None
