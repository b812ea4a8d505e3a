"""The core's highlight runs as Qt character formats, and the group badges in the article's margin.

The viewer and the snapshot both draw through here, so that they show exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from attribview.core.highlight import TINT, Run, highlight_runs
from attribview.gui.document import Document, GroupStyle

#: How much of the group colour is laid over the page (the core's tint, over the theme's base).
ALPHA = TINT
#: Underline colour of hedged claims nobody signs ("is believed", "reportedly").
HEDGE_UNDERLINE = QColor("#7f7f7f")
#: The blend for a projector (high-contrast presentation): stronger tints under black text.
HIGH_CONTRAST_ALPHA = 0.7
#: The badge font, relative to the article's: two badges fit in one line of text.
BADGE_SCALE = 0.55
_BADGE_PAD = 4.0
_BADGE_GAP = 8.0


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


def run_format(run: Run, article: Document, base: QColor, *, alpha: float = ALPHA,
               black_text: bool = False) -> QTextCharFormat:
    """The character format of one run: its group's tint, the cue underlined, the source in bold."""
    fmt = QTextCharFormat()
    style = article.group(run.group)
    if style is not None:
        background = blend(QColor(style.colour), base, alpha)
        fmt.setBackground(background)
        fmt.setForeground(QColor(Qt.GlobalColor.black) if black_text else readable_on(background))
    if run.cue:
        fmt.setFontUnderline(True)
    elif run.hedge:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(HEDGE_UNDERLINE)
    if run.source:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontItalic(run.anonymous)
    return fmt


def apply_highlights(document: QTextDocument, to_qt: Callable[[int], int], article: Document,
                     visible: Collection[str], base: QColor, *, alpha: float = ALPHA,
                     black_text: bool = False) -> tuple[Run, ...]:
    """Format ``document`` (the article as plain text) by the core's runs; returns them for the badges.

    Each quote's words take its group's tint, so a sentence where two speakers speak shows both
    colours; the reporter's own words stay plain. ``to_qt`` maps an article offset to a position.
    """
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.setCharFormat(QTextCharFormat())
    runs = highlight_runs(article.analysis, visible)
    for run in runs:
        cursor.setPosition(to_qt(run.start))
        cursor.setPosition(to_qt(run.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(run_format(run, article, base, alpha=alpha, black_text=black_text))
    return runs


@dataclass(frozen=True)
class Badge:
    """One group badge in the margin, in document coordinates."""

    rect: QRectF
    text: str
    colour: str


def badge_font(document: QTextDocument) -> QFont:
    font = QFont(document.defaultFont())
    font.setPointSizeF(font.pointSizeF() * BADGE_SCALE)
    font.setBold(True)
    return font


def badge_margin(document: QTextDocument, article: Document) -> float:
    """The width of the badge column: the widest badge of the article's groups, and a gap."""
    metrics = QFontMetricsF(badge_font(document))
    widest = max((metrics.horizontalAdvance(g.badge) for g in article.groups), default=0.0)
    return widest + 2 * _BADGE_PAD + _BADGE_GAP


def set_left_margin(document: QTextDocument, margin: float) -> None:
    """Room left of the text (the badge column), on top of the document's own margin."""
    frame = document.rootFrame()
    fmt = frame.frameFormat()
    fmt.setLeftMargin(document.documentMargin() + margin)
    frame.setFrameFormat(fmt)


def layout_badges(document: QTextDocument, to_qt: Callable[[int], int], article: Document,
                  runs: tuple[Run, ...]) -> list[Badge]:
    """A badge at the line where a quote's words begin, once per group and line, stacked and centred on
    the line. A line holds two badges; where three or more quotes begin on one line (or lines crowd),
    the stack spills over the lines around it, each badge pushed down just clear of the one above and,
    at the end of the article, up from its bottom: none overlaps another or leaves the page."""
    metrics = QFontMetricsF(badge_font(document))
    height = metrics.height() + 2
    layout = document.documentLayout()
    lines: dict[float, tuple[float, list[GroupStyle]]] = {}  # line top -> its height, its groups
    for run in runs:
        style = article.group(run.group)
        if not run.opens or style is None:
            continue
        position = to_qt(run.start)
        block = document.findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            continue
        top = layout.blockBoundingRect(block).top() + line.y()
        spacing = block.blockFormat()
        proportional = spacing.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        room = line.height() * (spacing.lineHeight() / 100 if proportional else 1.0)
        styles = lines.setdefault(top, (room, []))[1]
        if style not in styles:
            styles.append(style)
    placed: list[tuple[float, GroupStyle]] = []
    for top, (line_height, styles) in sorted(lines.items()):
        y = top + (line_height - len(styles) * height) / 2
        placed += [(y + k * height, style) for k, style in enumerate(styles)]
    tops = _clear([y for y, _ in placed], height, layout.documentSize().height())
    left = document.documentMargin()
    return [Badge(QRectF(left, y, metrics.horizontalAdvance(style.badge) + 2 * _BADGE_PAD, height - 1),
                  style.badge, style.colour) for y, (_, style) in zip(tops, placed, strict=True)]


def _clear(wanted: list[float], height: float, bottom: float) -> list[float]:
    """Tops as near ``wanted`` (ascending) as they can be with ``height`` between them, within 0..bottom."""
    tops: list[float] = []
    for y in wanted:  # down: clear of the badge above
        tops.append(max(y, tops[-1] + height if tops else 0.0))
    limit = bottom
    for i in range(len(tops) - 1, -1, -1):  # up: inside the page, clear of the badge below
        tops[i] = max(min(tops[i], limit - height), 0.0)
        limit = tops[i]
    return tops


def paint_badges(painter: QPainter, document: QTextDocument, badges: list[Badge], base: QColor,
                 dy: float = 0.0) -> None:
    """Draw ``badges`` shifted by ``dy`` (the scroll): the group's tint, framed in its colour."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(badge_font(document))
    for badge in badges:
        rect = badge.rect.translated(0, dy)
        colour = QColor(badge.colour)
        fill = blend(colour, base)
        painter.setPen(colour)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(readable_on(fill))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), badge.text)
    painter.restore()
