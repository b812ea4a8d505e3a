"""The note and evidence fields of the verification desk: saved when left, and only when the user typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

#: Lines shown of the note and the evidence before they scroll.
NOTE_LINES = 3


class CommitTextEdit(QPlainTextEdit):
    """A plain-text field that reports when it loses focus (an edit is saved at once), and tells what the
    user typed from what was only shown.

    A value is shown as it is stored; reading it back from Qt would not give it back (Qt folds CRLF, turns
    a line separator into a newline and a no-break space into a space), so only a field the user changed
    has an edit, read character for character.

    Signals:
        committed: whenever the field loses focus
    """

    committed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = self.fontMetrics().lineSpacing() * NOTE_LINES
        self.setFixedHeight(lines + 2 * self.frameWidth() + 10)
        self._value = ""  # the value shown, as stored
        self._shown = ""  # the field's text when it was shown or last reported

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()

    def show_value(self, text: str, *, keep_typing: bool = False) -> None:
        """Show a stored value. With ``keep_typing`` (the same quote's value, saved meanwhile), what the
        user is typing stays; a field already showing the value is left alone (cursor and all)."""
        typing = self.document().isModified()
        if typing and keep_typing:
            self._value = text
            return
        shown = self.typed()
        if typing or not (shown == text or (text == self._value and shown == self._shown)):
            self.setPlainText(text)
        self.document().setModified(False)
        self._value, self._shown = text, self.typed()

    def typed(self) -> str:
        """The field's text exactly, every character as typed (``toPlainText`` rewrites some)."""
        block = self.document().begin()
        lines: list[str] = []
        while block.isValid():
            lines.append(block.text())
            block = block.next()
        return "\n".join(lines)

    def edit(self) -> str | None:
        """What the user typed since the value was shown, None when they changed nothing."""
        if not self.document().isModified():
            return None
        text = self.typed()
        return None if text == self._shown else text

    def accept_edit(self) -> None:
        """The edit is reported: the field's text is now the value shown."""
        self.document().setModified(False)
        self._shown = self.typed()
