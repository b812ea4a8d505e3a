"""How the window shares the screen: sized from the screen it opens on, the article first.

A fixed size overflowed a 1366x768 laptop and left a projector's 1920x1080 half empty. The window takes
90% of a large screen and nearly all of a small one, never more than the screen; the quote table gets a
fifth of the reading column's height (four rows at least), the side column no more than the legend needs
to show its labels whole, and the table's short columns the width of their contents, so that "What was
said" gets the rest (elided, in full on hover), a quarter of the table at least: where the library beside
the article leaves less, the widest short columns are elided instead, not the quotes scrolled out of sight.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStyle, QTableView, QWidget

#: Screens narrower than this are laptops: the window takes (nearly) all of them.
SMALL_SCREEN = 1600
#: The share of a larger screen the window takes.
SCREEN_SHARE = 0.9
#: The share of a small screen's height (the rest leaves room for a title bar).
SMALL_HEIGHT_SHARE = 0.96
#: The quote table's share of the reading column's height.
TABLE_SHARE = 0.2
#: ... but room for this many rows, a short desk's work at a glance ...
TABLE_ROWS = 4
#: ... and never more than this share.
TABLE_MAX = 0.3
#: The side column (legend, selected quote) never takes more than this share of the window's width.
SIDE_SHARE = 0.3
#: ... nor more than this many pixels: on a wide screen the room goes to the article, not the legend.
SIDE_MAX = 400
#: A content-sized column never takes more than this share of the table's width.
COLUMN_SHARE = 0.3
#: "What was said" keeps at least this share of the table's width, in sight without scrolling ...
TEXT_SHARE = 0.25
#: ... and a column narrowed for it keeps this many pixels.
MIN_COLUMN = 80


def is_small(available: QRect) -> bool:
    return available.width() < SMALL_SCREEN


def window_rect(available: QRect) -> QRect:
    """The window's first place: centred on the screen's available area, never larger than it."""
    small = is_small(available)
    width = available.width() if small else round(available.width() * SCREEN_SHARE)
    height = round(available.height() * (SMALL_HEIGHT_SHARE if small else SCREEN_SHARE))
    rect = QRect(0, 0, min(width, available.width()), min(height, available.height()))
    rect.moveCenter(available.center())
    return rect


def within(frame: QRect, available: QRect) -> QRect:
    """``frame`` moved (and shrunk if need be) into ``available``: a restored window never overflows."""
    rect = QRect(frame)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(max(available.left(), min(rect.left(), available.right() - rect.width() + 1)))
    rect.moveTop(max(available.top(), min(rect.top(), available.bottom() - rect.height() + 1)))
    return rect


def share_reading(splitter: QSplitter, table: QTableView) -> None:
    """The article above, the quote table below it with ``TABLE_SHARE`` of the height, or enough for
    ``TABLE_ROWS`` rows if that is more (at most ``TABLE_MAX``)."""
    total = sum(splitter.sizes()) or splitter.height()
    quotes = splitter.widget(1)
    around = quotes.height() - table.viewport().height() if quotes is not None else 0  # filters, header
    rows = around + TABLE_ROWS * table.verticalHeader().defaultSectionSize()
    height = min(max(round(total * TABLE_SHARE), rows), round(total * TABLE_MAX))
    splitter.setSizes([total - height, height])


def share_columns(main: QSplitter, side: QWidget, window_width: int, *, grow_only: bool = False) -> None:
    """The side column as wide as ``side`` (the legend) wants, within ``SIDE_SHARE``; the article the
    rest. ``grow_only``: only widen it, never narrow what the user chose (training's answer buttons)."""
    total = sum(main.sizes()) or main.width()
    scrollbar = side.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    wanted = side.minimumSizeHint().width() + scrollbar + 8  # what shows every label whole, no more
    width = max(min(wanted, round(window_width * SIDE_SHARE), SIDE_MAX), min(300, total // 3))
    if grow_only:
        width = max(width, main.sizes()[-1])
    main.setSizes([total - width, width])


def share_side(splitter: QSplitter, first: QWidget) -> None:
    """The legend as tall as its contents (at most 60% of the column), the selected quote the rest."""
    total = sum(splitter.sizes()) or splitter.height()
    wanted = first.sizeHint().height() + 8
    height = min(wanted, round(total * 0.6))
    sizes = splitter.sizes()
    splitter.setSizes([height, total - height, *([0] * (len(sizes) - 2))])


def fit_columns(table: QTableView, columns: Iterable[int], room: int, yielding: Collection[int] = ()) -> None:
    """Give each of ``columns`` the width of its widest cell or header, so none is cut; at most
    ``COLUMN_SHARE`` of ``room`` (the table's width) each, and together no more than leaves "What was
    said" ``TEXT_SHARE`` of it: the ``yielding`` ones (names, whole on hover) give way for that, widest
    first, before the quotes scroll out of sight."""
    cap = max(round(room * COLUMN_SHARE), 120)
    widths = {}
    for column in columns:
        table.resizeColumnToContents(column)
        widths[column] = min(table.columnWidth(column), cap)
    fixed = sum(width for column, width in widths.items() if column not in yielding)
    names = [width for column, width in widths.items() if column in yielding]
    limit = max(_common_cap(names, round(room * (1 - TEXT_SHARE)) - fixed), MIN_COLUMN)
    for column, width in widths.items():
        table.setColumnWidth(column, min(width, limit) if column in yielding else width)


def _common_cap(widths: list[int], budget: int) -> int:
    """The largest width ``c`` with ``sum(min(w, c))`` within ``budget``: narrowing only the widest."""
    if sum(widths) <= budget:
        return max(widths, default=0)
    ordered = sorted(widths)
    for k, width in enumerate(ordered):  # the k narrowest keep their widths, the rest share what is left
        share = (budget - sum(ordered[:k])) // (len(ordered) - k)
        if share < width:
            return share
    return ordered[-1]


class RefitOnResize(QObject):
    """Calls ``refit`` once the events queued so far are handled, whenever ``table`` changes width (a
    splitter dragged, a dock shown, the window resized): the short columns are fitted to the new room and
    "What was said", the stretching last column, takes what is left instead of scrolling out of sight."""

    def __init__(self, table: QTableView, refit: Callable[[], None]) -> None:
        super().__init__(table)
        self._timer = QTimer(self, singleShot=True, interval=0)  # one refit for a burst of resizes
        self._timer.timeout.connect(refit)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            self._timer.start()
        return False
