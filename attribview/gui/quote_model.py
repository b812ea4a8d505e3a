"""The quote table: a model of the open article's quotes and a proxy that sorts, searches and filters."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from attribview.core.types import kind_label
from attribview.gui.document import Document, flag_text
from attribview.gui.legend import swatch_icon
from attribview.gui.plain import rich
from attribview.gui.status import STYLES, status_icon, status_label

ModelIndex = QModelIndex | QPersistentModelIndex
#: The quote's index in ``analysis.quotes``, whatever the proxy's order.
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The value columns sort by (numbers as numbers, article order for the text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    SPEAKER = 0
    GROUP = 1
    KIND = 2
    STATUS = 3
    CONFIDENCE = 4
    TEXT = 5


HEADERS = {Column.SPEAKER: "Speaker", Column.GROUP: "Group", Column.KIND: "Kind", Column.STATUS: "Status",
           Column.CONFIDENCE: "Conf.", Column.TEXT: "What was said"}


class QuoteTableModel(QAbstractTableModel):
    """One row per quote, in article order; the status column is empty for an article not stored."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._article: Document | None = None
        self._icons: dict[str, QIcon] = {}
        self._status_icons: dict[str, QIcon] = {}

    @property
    def article(self) -> Document | None:
        return self._article

    def set_article(self, article: Document | None) -> None:
        self.beginResetModel()
        self._article = article
        self._icons.clear()
        if article is not None:
            app = QApplication.instance()
            base = app.palette().color(QPalette.ColorRole.Base) if isinstance(app, QApplication) \
                else QColor(Qt.GlobalColor.white)
            self._icons = {g.id: swatch_icon(g.colour, base) for g in article.groups}
            text = app.palette().color(QPalette.ColorRole.Text) if isinstance(app, QApplication) \
                else QColor(Qt.GlobalColor.black)
            self._status_icons = {status: status_icon(status, text) for status in STYLES}
        self.endResetModel()

    def update_article(self, article: Document) -> None:
        """The same article with changed quotes (a status, a speaker): rows, sorting, selection stay."""
        old = self._article
        if old is None or old.article_id != article.article_id \
                or len(old.analysis.quotes) != len(article.analysis.quotes):
            self.set_article(article)
            return
        self._article = article
        app = QApplication.instance()
        base = app.palette().color(QPalette.ColorRole.Base) if isinstance(app, QApplication) \
            else QColor(Qt.GlobalColor.white)
        for style in article.groups:
            if style.id not in self._icons:
                self._icons[style.id] = swatch_icon(style.colour, base)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(Column) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._article is None:
            return 0
        return len(self._article.analysis.quotes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        article = self._article
        if article is None or not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        quote = article.analysis.quotes[index.row()]
        column = Column(index.column())
        if role == QUOTE_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.SPEAKER: quote.speaker or "(unknown)",
                Column.GROUP: article.label(quote.group),
                Column.KIND: kind_label(quote.kind),
                Column.STATUS: status_label(article.status(index.row())),
                Column.CONFIDENCE: f"{quote.confidence:.2f}",
                Column.TEXT: " ".join(quote.text.split()),
            }[column]
        if role == SORT_ROLE:
            if column == Column.CONFIDENCE:
                return quote.confidence
            if column == Column.TEXT:
                return quote.start
            if column == Column.STATUS:
                return tuple(STYLES).index(article.status(index.row()) or "unverified")
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column == Column.GROUP and quote.group:
            return self._icons.get(quote.group)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS:
            status = article.status(index.row())
            return self._status_icons.get(status) if status is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            group = f" ({rich(article.label(quote.group))})" if quote.group else ""  # a narrow column cuts it
            tip = f"<b>{rich(quote.speaker or '(unknown)')}</b>{group}: {rich(quote.text)}"
            if quote.flags:
                tip += f"<br><i>{rich(flag_text(quote.flags))}</i>"
            return f"<qt>{tip}</qt>"
        return None


class QuoteFilterModel(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; keeps rows that match the search words, the chosen group and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._search: list[str] = []
        self._group: str | None = None
        self._status: str | None = None

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_search", text.casefold().split()))

    def set_group(self, group: str | None) -> None:
        self._refilter(lambda: setattr(self, "_group", group))

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status))

    def _refilter(self, change: Callable[[], None]) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9+; older Qt invalidates instead
        if begin is None:
            change()
            self.invalidateRowsFilter()
            return
        begin()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def source_row(self, row: int) -> int:
        return int(self.mapToSource(self.index(row, 0)).row())

    def proxy_row(self, quote_index: int) -> int:
        source = self.sourceModel()
        return self.mapFromSource(source.index(quote_index, 0)).row() if source is not None else -1

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        article = model.article if isinstance(model, QuoteTableModel) else None
        if article is None:
            return False
        quote = article.analysis.quotes[source_row]
        if self._group is not None and quote.group != self._group:
            return False
        if self._status is not None and (article.status(source_row) or "unverified") != self._status:
            return False
        if not self._search:
            return True
        haystack = " ".join((quote.speaker or "", quote.mention or "", quote.text,
                             article.label(quote.group), kind_label(quote.kind))).casefold()
        return all(word in haystack for word in self._search)
