"""The legend: each group's colour with its counts, and a checkbox that shows or hides its highlights."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from attribview.core.highlight import TINT_NOTE
from attribview.gui.document import Document
from attribview.gui.highlights import blend, readable_on
from attribview.gui.plain import plain_label, tooltip

SWATCH = QSize(22, 16)


def swatch_icon(colour: str, base: QColor) -> QIcon:
    """The colour as the article shows it (blended over the page), framed by the pure group colour."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(colour))
    painter.setBrush(blend(QColor(colour), base))
    painter.drawRoundedRect(1, 1, SWATCH.width() - 3, SWATCH.height() - 3, 3, 3)
    painter.end()
    return QIcon(pixmap)


def badge_pixmap(colour: str, badge: str, base: QColor, font: QFont) -> QPixmap:
    """The group's badge as the article's margin shows it: its mark on its tint, framed in its colour."""
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    small.setBold(True)
    metrics = QFontMetrics(small)
    pixmap = QPixmap(max(metrics.horizontalAdvance(badge) + 10, SWATCH.width()), metrics.height() + 4)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = blend(QColor(colour), base)
    painter.setPen(QColor(colour))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(0.5, 0.5, pixmap.width() - 1, pixmap.height() - 1), 3, 3)
    painter.setFont(small)
    painter.setPen(readable_on(fill))
    painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), badge)
    painter.end()
    return pixmap


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class LegendPanel(QWidget):
    """Groups of the open article in profile order; groups the article never quotes are greyed out.

    Signals:
        visibility_changed: the set of group ids whose highlights are shown
    """

    visibility_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._boxes: dict[str, QCheckBox] = {}
        self._article: Document | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self._title = plain_label("Speaker groups")  # the profile's label follows
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._title.setWordWrap(True)  # a long profile name wraps rather than widen the side column
        outer.addWidget(self._title)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        outer.addWidget(self._grid_host)
        self._summary = plain_label()
        self._summary.setWordWrap(True)
        self._summary.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        outer.addWidget(self._summary)
        outer.addStretch(1)

    def set_article(self, article: Document | None) -> None:
        self._article = article
        for box in self._boxes.values():
            box.deleteLater()
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._boxes.clear()
        if article is None:
            self._summary.clear()
            return
        self._title.setText(f"Speaker groups — {article.profile_label}" if article.profile_label
                            else "Speakers (no profile matched)")
        base = self.palette().color(QPalette.ColorRole.Base)
        heading = QLabel("sentences · quotes")
        heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._grid.addWidget(heading, 0, 0, 1, 2)  # over both columns: the counts' column stays narrow
        for row, style in enumerate(article.groups):
            box = QCheckBox(style.label)
            badge = badge_pixmap(style.colour, style.badge, base, box.font())
            box.setIcon(QIcon(badge))
            box.setIconSize(badge.size())
            box.setChecked(True)
            box.setEnabled(style.quotes > 0)
            box.setToolTip(tooltip(f"Show or hide the highlights of {style.label}"))
            box.toggled.connect(self._on_box_toggled)
            counts = plain_label(f"{style.sentences} · {style.quotes}" if style.quotes else "not quoted")
            counts.setToolTip(f"{plural(style.sentences, 'sentence')}, {plural(style.quotes, 'quote')}")
            counts.setEnabled(style.quotes > 0)
            counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(box, row + 1, 0)
            self._grid.addWidget(counts, row + 1, 1)
            self._boxes[style.id] = box
        self._grid.setColumnStretch(0, 1)
        sentences = article.analysis.sentences
        narration = sum(1 for s in sentences if not s.groups)
        hedged = sum(1 for s in sentences if "unattributed" in s.flags)
        anonymous = sum(1 for q in article.analysis.quotes if "anonymous" in q.flags)
        share = round(100 * narration / len(sentences)) if sentences else 0
        self._summary.setText(
            f"Narration (the reporter's own words): {plural(narration, 'sentence')} ({share}%). "
            f"Anonymous sources: {plural(anonymous, 'quote')} (source in italics). "
            f"Hedged claims nobody signs: {plural(hedged, 'sentence')} (wavy underline). "
            "Tinted: what a source said. Cues underlined, sources in bold."
        )
        self._summary.setToolTip(tooltip(f"{TINT_NOTE} Cues are underlined, sources in bold."))

    def update_article(self, article: Document) -> None:
        """The article's new counts (after a correction), keeping the groups the user hid hidden."""
        hidden = {group for group, box in self._boxes.items() if not box.isChecked()}
        self.set_article(article)
        for group in hidden & set(self._boxes):
            self._boxes[group].setChecked(False)

    def visible_groups(self) -> set[str]:
        return {group for group, box in self._boxes.items() if box.isChecked()}

    def set_group_visible(self, group: str, visible: bool) -> None:
        self._boxes[group].setChecked(visible)

    def _on_box_toggled(self, _checked: bool) -> None:
        self.visibility_changed.emit(self.visible_groups())
