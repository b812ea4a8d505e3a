"""The article, read-only, each attributed sentence in its group's colour, cues and sources marked."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from attribview.core.exercise import sentence_at
from attribview.core.types import kind_label
from attribview.gui.document import Document, flag_text
from attribview.gui.plain import InertDocument, rich
from attribview.gui.status import status_label

if TYPE_CHECKING:
    from attribview.gui.training import TrainingSession

#: How much of the group colour is laid over the page: enough to tell groups apart, light enough
#: (over white) or dark enough (over a dark theme's base) to keep the text readable.
ALPHA = 0.4
#: Underline colour of hedged claims nobody signs ("is believed", "reportedly").
HEDGE_UNDERLINE = QColor("#7f7f7f")
#: The blend for a projector (high-contrast presentation): stronger tints under black text.
HIGH_CONTRAST_ALPHA = 0.7


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


def blend(colour: QColor, base: QColor, alpha: float = ALPHA) -> QColor:
    """``colour`` laid over ``base`` at ``alpha``, as an opaque colour (prints and grabs the same)."""
    return QColor.fromRgbF(
        colour.redF() * alpha + base.redF() * (1 - alpha),
        colour.greenF() * alpha + base.greenF() * (1 - alpha),
        colour.blueF() * alpha + base.blueF() * (1 - alpha),
    )


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background`` (WCAG contrast ratio)."""
    lum = _luminance(background)
    return QColor(Qt.GlobalColor.black) if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) \
        else QColor(Qt.GlobalColor.white)


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
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block.setBottomMargin(10)
    cursor.mergeBlockFormat(block)
    return OffsetMap(text)


def apply_highlights(document: QTextDocument, offsets: OffsetMap, article: Document,
                     visible: Collection[str], base: QColor, *, alpha: float = ALPHA,
                     black_text: bool = False) -> None:
    """Colour each attributed sentence by its first visible group; underline cues, embolden sources.

    Narration stays plain. Everything is a character format of ``document``, so the snapshot, which
    draws the document without a widget, shows exactly what the window shows.
    """
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.setCharFormat(QTextCharFormat())
    analysis = article.analysis

    def merge(start: int | None, end: int | None, fmt: QTextCharFormat) -> None:
        if start is None or end is None or end <= start:
            return
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    shown: list[str | None] = [next((g for g in sentence.groups if g in visible), None)
                               for sentence in analysis.sentences]
    for i, sentence in enumerate(analysis.sentences):
        style = article.group(shown[i])
        if style is not None:
            fmt = QTextCharFormat()
            background = blend(QColor(style.colour), base, alpha)
            fmt.setBackground(background)
            fmt.setForeground(QColor(Qt.GlobalColor.black) if black_text else readable_on(background))
            end = sentence.end
            following = analysis.sentences[i + 1] if i + 1 < len(analysis.sentences) else None
            if following is not None and shown[i + 1] == shown[i] \
                    and "\n" not in analysis.text[sentence.end:following.start]:
                end = following.start  # one group's run of sentences reads as one block
            merge(sentence.start, end, fmt)
        elif not sentence.groups and "unattributed" in sentence.flags:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(HEDGE_UNDERLINE)
            merge(sentence.start, sentence.end, fmt)
    for quote in analysis.quotes:
        if quote.group not in visible:
            continue
        cue = QTextCharFormat()
        cue.setFontUnderline(True)
        merge(quote.cue_start, quote.cue_end, cue)
        source = QTextCharFormat()
        source.setFontWeight(QFont.Weight.Bold)
        if "anonymous" in quote.flags:
            source.setFontItalic(True)
        merge(quote.source_start, quote.source_end, source)


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
        if self._training is not None:
            self.refresh_training()
        elif self._article is not None:
            base = self.palette().color(QPalette.ColorRole.Base)
            apply_highlights(self.document(), self._offsets, self._article, self._visible,
                             QColor(Qt.GlobalColor.white) if self._high_contrast else base,
                             alpha=HIGH_CONTRAST_ALPHA if self._high_contrast else ALPHA,
                             black_text=self._high_contrast)

    def sentence_under(self, point: QPoint) -> int | None:
        """In training, the index of the exercise's sentence under a viewport point."""
        if self._training is None:
            return None
        return sentence_at(self._training.exercise, self.offset_at(point))

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
