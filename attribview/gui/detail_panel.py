"""The selected quote in full: speaker, group, kind, cue, source mention, confidence and flags.

Read-only for now. Verification status, notes, evidence links and history join this panel with the
store (issue 3); until then there is nothing to save them to, so no field pretends to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from attribview.gui.document import Document, flag_labels, kind_label
from attribview.gui.legend import SWATCH, swatch_icon

FIELDS = ("Speaker", "Group", "Kind", "Cue", "Source", "Confidence", "Flags", "Said")


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never interpreted as markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPanel(QWidget):
    """Shows one quote; a hint when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Document | None = None
        self._stack = QStackedWidget()
        hint = QLabel("Select a quote in the table, or click a highlighted sentence, to see its details.")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint.setContentsMargins(0, 4, 0, 0)
        self._stack.addWidget(hint)
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.values: dict[str, QLabel] = {}
        self._swatch = QLabel()
        for name in FIELDS:
            self.values[name] = _value_label()
            caption = QLabel(name)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            field: QWidget = self.values[name]
            if name == "Group":
                field = QWidget()
                row = QHBoxLayout(field)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(self._swatch)
                row.addWidget(self.values[name], 1)
            form.addRow(caption, field)
        self._stack.addWidget(form_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel("Selected quote")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(self._stack)
        layout.addStretch(1)

    def set_article(self, article: Document | None) -> None:
        self._article = article
        self.show_quote(None)

    def show_quote(self, index: int | None) -> None:
        article = self._article
        if article is None or index is None:
            self._stack.setCurrentIndex(0)
            return
        quote = article.analysis.quotes[index]
        text = article.analysis.text

        def span(start: int | None, end: int | None) -> str:
            return " ".join(text[start:end].split()) if start is not None and end is not None else "—"

        style = article.group(quote.group)
        self.values["Speaker"].setText(quote.speaker or "(unknown)")
        self.values["Group"].setText(article.label(quote.group))
        if style is not None:
            base = self.palette().color(QPalette.ColorRole.Base)
            self._swatch.setPixmap(swatch_icon(style.colour, base).pixmap(SWATCH))
        else:
            self._swatch.clear()
        self.values["Kind"].setText(kind_label(quote.kind))
        self.values["Cue"].setText(span(quote.cue_start, quote.cue_end))
        self.values["Source"].setText(span(quote.source_start, quote.source_end))
        self.values["Confidence"].setText(f"{quote.confidence:.2f}")
        self.values["Flags"].setText(flag_labels(quote.flags) or "—")
        self.values["Said"].setText(" ".join(quote.text.split()))
        self._stack.setCurrentIndex(1)
