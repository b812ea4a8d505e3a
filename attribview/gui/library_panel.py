"""The library sidebar: every stored article with its quotes and how far their checking has come."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from attribview.core.titles import byline
from attribview.gui.legend import plural
from attribview.gui.plain import plain_label, tooltip
from attribview.gui.status import STYLES

if TYPE_CHECKING:
    from attribview.core.library import ArticleProgress, QuoteRow

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
#: (checked, total) of the row, drawn as a bar.
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The outlet and date under the headline ("" when the article names neither).
BYLINE_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE, QUOTES, CHECKED = 0, 1, 2
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class ProgressDelegate(QStyledItemDelegate):
    """Draws (checked, total) as a small progress bar reading "checked/total"."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PROGRESS_ROLE)
        if not isinstance(value, tuple):
            super().paint(painter, option, index)
            return
        checked, total = value
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum = 0
        bar.maximum = max(total, 1)
        bar.progress = checked
        bar.text = f"{checked}/{total}"
        bar.textVisible = True
        bar.palette = option.palette
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


def title_lines(metrics: QFontMetrics, title: str, width: int, lines: int = 2) -> tuple[str, str]:
    """``title`` on one line, or broken between words over two, as much of it as fits ``width``: the rest
    elided ("…") at the end of the last line."""
    elide = Qt.TextElideMode.ElideRight
    if lines < 2 or metrics.horizontalAdvance(title) <= width:
        return metrics.elidedText(title, elide, width), ""
    words = title.split()
    fits = 0
    while fits < len(words) and metrics.horizontalAdvance(" ".join(words[:fits + 1])) <= width:
        fits += 1
    if fits == 0:  # one word wider than the column: cut it on the first line
        return metrics.elidedText(title, elide, width), ""
    return " ".join(words[:fits]), metrics.elidedText(" ".join(words[fits:]), elide, width)


class TitleDelegate(QStyledItemDelegate):
    """The headline on the first line and the outlet and date, smaller and greyer, on the second (or the
    headline over both when the article names neither); elided to the column, drawn as plain text."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), 2 * option.fontMetrics.height() + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        title, option.text = option.text, ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(4, 3, -4, -3)
        line = option.fontMetrics.height()
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                            else QPalette.ColorRole.Text))
        source = str(index.data(BYLINE_ROLE) or "")
        first, second = title_lines(option.fontMetrics, title, rect.width(), lines=1 if source else 2)
        painter.drawText(rect.adjusted(0, 0, 0, -line), TOP_LEFT, first)
        if not source:  # no outlet or date to show: the headline takes their line
            painter.drawText(rect.adjusted(0, line, 0, 0), TOP_LEFT, second)
            painter.restore()
            return
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.88, 6.0))
        small.setBold(False)
        painter.setFont(small)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect.adjusted(0, line, 0, 0), TOP_LEFT,
                         QFontMetrics(small).elidedText(source, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class LibraryPanel(QWidget):
    """The articles of the library; activating one opens it.

    Signals:
        article_requested: the id of the article to open
    """

    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: int | None = None
        self._requested: int | None = None
        self._articles: list[ArticleProgress] = []
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["Article", "Quotes", "Checked"])
        self.tree.setItemDelegateForColumn(CHECKED, ProgressDelegate(self.tree))
        self.tree.setItemDelegateForColumn(TITLE, TitleDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QUOTES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECKED, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(CHECKED, 74)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemClicked.connect(self._on_item_activated)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.set_progress([])

    def set_progress(self, articles: Sequence[ArticleProgress]) -> None:
        """Show the library's articles (newest first) with their counts and checking progress."""
        self._articles = list(articles)
        selected = self._current
        self.tree.clear()
        for entry in reversed(articles):
            row = entry.article
            item = QTreeWidgetItem([row.title, str(entry.quotes), ""])
            item.setData(TITLE, ARTICLE_ROLE, row.id)
            item.setData(CHECKED, PROGRESS_ROLE, (entry.checked, entry.quotes))
            item.setTextAlignment(QUOTES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            counts = ", ".join(f"{STYLES[s].label.lower() if s in STYLES else s} {n}"
                               for s, n in entry.statuses.items() if n)
            source = byline(row.outlet, row.published)
            item.setData(TITLE, BYLINE_ROLE, source)
            item.setToolTip(TITLE, tooltip("\n".join(p for p in (row.title, source, row.url) if p)))
            item.setToolTip(CHECKED, tooltip(f"{entry.checked} of {plural(entry.quotes, 'quote')} checked"
                                             + (f" ({counts})" if counts else "")))
            self.tree.addTopLevelItem(item)
        total = sum(a.quotes for a in articles)
        checked = sum(a.checked for a in articles)
        self.summary.setText(
            f"{plural(len(articles), 'article')} · {checked} of {plural(total, 'quote')} checked"
            if articles else "The library is empty. Articles you open are kept here with their checks.")
        self.set_current(selected)

    @property
    def articles(self) -> list[ArticleProgress]:
        """The articles as listed, in import order."""
        return list(self._articles)

    def update_article(self, article_id: int, rows: Sequence[QuoteRow]) -> bool:
        """Count one article again from its quotes as a desk action left them (rejected ones left out),
        without reading the library's list; False when the article is not listed."""
        index = next((i for i, entry in enumerate(self._articles) if entry.article.id == article_id), None)
        if index is None:
            return False
        statuses = Counter(row.status for row in rows)
        entry = self._articles[index]
        self._articles[index] = replace(entry, quotes=len(rows),
                                        statuses={s: statuses[s] for s in STYLES if statuses[s]})
        self.set_progress(self._articles)
        return True

    def set_current(self, article_id: int | None) -> None:
        """Mark the article on screen in bold."""
        self._current = article_id
        self._requested = None
        for item in self._items():
            font = item.font(TITLE)
            font.setBold(item.data(TITLE, ARTICLE_ROLE) == article_id)
            item.setFont(TITLE, font)

    def bylines(self) -> list[str]:
        """The outlet and date line of every listed article, as shown (for tests)."""
        return [str(item.data(TITLE, BYLINE_ROLE) or "") for item in self._items()]

    def rows(self) -> list[tuple[str, int, int]]:
        """(title, checked, quotes) of every listed article, as shown (for tests)."""
        result: list[tuple[str, int, int]] = []
        for item in self._items():
            checked, total = item.data(CHECKED, PROGRESS_ROLE)
            result.append((item.text(TITLE), checked, total))
        return result

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(TITLE, ARTICLE_ROLE)
        if isinstance(article_id, int) and article_id not in (self._current, self._requested):
            self._requested = article_id  # a click can also activate: open it once
            self.article_requested.emit(article_id)
