"""A bar above the open article that says plainly when attribview cannot read it well (not English)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from attribview.core.language import Language, detect_language
from attribview.core.types import Analysis
from attribview.gui.plain import plain_label


def article_language(analysis: Analysis) -> Language:
    """The language of the analysed sentences (an HTML page's text, not its tags)."""
    return detect_language("\n".join(analysis.text[s.start:s.end] for s in analysis.sentences))


class NoticeBar(QFrame):
    """Hidden for an English article; otherwise one plain-text sentence (never run as markup)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#noticeBar { background: #FFF4D6; border: 1px solid #E69F00; }"
                           "#noticeBar QLabel { color: #3A2A00; }")
        self.label = plain_label()
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_language(self, analysis: Analysis | None) -> None:
        notice = article_language(analysis).notice if analysis is not None else None
        self.label.setText(notice or "")
        self.setVisible(notice is not None)


def with_notice_bar(bar: NoticeBar, page: QWidget) -> QWidget:
    """`page` with `bar` above it, as one widget for the main window's stack."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    layout.addWidget(page, 1)
    return holder
