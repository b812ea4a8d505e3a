"""The sourcing summary: whose words carry the article, as a chart a trainer can project to a class."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from attribview.gui.document import Document
from attribview.gui.highlights import readable_on
from attribview.gui.plain import plain_label, rich

NARRATION = "Narration (the reporter)"
NARRATION_COLOUR = "#D9D9D9"
#: Category labels wrap at this many characters, so a narrow dock does not cut group names short.
LABEL_WIDTH = 20


@dataclass(frozen=True)
class Sourcing:
    """The numbers behind the chart: sentences per group (label, colour, count), narration and flags."""

    groups: tuple[tuple[str, str, int], ...]
    sentences: int
    narration: int
    anonymous: int
    hedged: int

    @property
    def narration_share(self) -> int:
        return round(100 * self.narration / self.sentences) if self.sentences else 0


def sourcing(article: Document) -> Sourcing:
    """Every group with at least one sentence, the most quoted first; anonymous quotes, hedged sentences."""
    sentences = article.analysis.sentences
    groups = sorted(((g.label, g.colour, g.sentences) for g in article.groups if g.sentences),
                    key=lambda entry: -entry[2])
    return Sourcing(
        groups=tuple(groups), sentences=len(sentences),
        narration=sum(1 for s in sentences if not s.groups),
        anonymous=sum(1 for q in article.analysis.quotes if "anonymous" in q.flags),
        hedged=sum(1 for s in sentences if "unattributed" in s.flags),
    )


def category_label(label: str) -> str:
    """A group label as the chart's axis shows it: escaped (the axis reads HTML), wrapped in lines."""
    return "<br>".join(rich(line) for line in textwrap.wrap(label, LABEL_WIDTH)) or " "


def _key_number(grid: QGridLayout, row: int, caption: str) -> QLabel:
    """A big number with its meaning beside it: readable from the back of a classroom."""
    number = plain_label()
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 1.7)
    font.setBold(True)
    number.setFont(font)
    number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    text = QLabel(caption)
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(number, row, 0)
    grid.addWidget(text, row, 1)
    return number


class SummaryPanel(QWidget):
    """A bar of sentences for each speaker group and one for narration, with three key numbers below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        tiles = QGridLayout()
        tiles.setContentsMargins(8, 4, 8, 4)
        tiles.setHorizontalSpacing(10)
        tiles.setColumnStretch(1, 1)
        self.narration_number = _key_number(tiles, 0, "of the sentences are the reporter's own words")
        self.anonymous_number = _key_number(tiles, 1, "quotes from anonymous sources")
        self.hedged_number = _key_number(tiles, 2, "hedged claims nobody signs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(tiles)
        self._numbers: Sourcing | None = None
        self.set_article(None)

    @property
    def numbers(self) -> Sourcing | None:
        return self._numbers

    def bars(self) -> dict[str, int]:
        """The chart's bars as drawn: group label (unescaped) -> sentences (for tests)."""
        result: dict[str, int] = {}
        for series in self.chart.series():
            if isinstance(series, QHorizontalStackedBarSeries):
                for bar_set in series.barSets():
                    count = sum(bar_set.at(i) for i in range(bar_set.count()))
                    result[html.unescape(bar_set.label())] = int(count)
        return result

    def set_article(self, article: Document | None) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self.chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart.setTitleBrush(text)
        if article is None:
            self._numbers = None
            self.chart.setTitle("")
            for number in (self.narration_number, self.anonymous_number, self.hedged_number):
                number.setText("–")
            return
        numbers = sourcing(article)
        self._numbers = numbers
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.chart.setTitleFont(title_font)
        self.chart.setTitle("Whose words carry the story")
        bars = [*numbers.groups, (NARRATION, NARRATION_COLOUR, numbers.narration)]
        bars.reverse()  # a horizontal chart draws its first category at the bottom
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.7)
        # One set per bar, each with a value in its own category only, so each bar has its group's colour.
        for position, (label, colour, count) in enumerate(bars):
            bar_set = QBarSet(rich(label))  # the chart reads it as rich text, even with its legend hidden
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour).darker(140))
            bar_set.setLabelColor(readable_on(QColor(colour)))
            bar_set.append([float(count) if i == position else 0.0 for i in range(len(bars))])
            series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideEnd)
        self.chart.addSeries(series)
        self._add_axes(series, bars, numbers, text)
        self.narration_number.setText(f"{numbers.narration_share}%")
        self.anonymous_number.setText(str(numbers.anonymous))
        self.hedged_number.setText(str(numbers.hedged))

    def _add_axes(self, series: QHorizontalStackedBarSeries, bars: list[tuple[str, str, int]],
                  numbers: Sourcing, text: QColor) -> None:
        categories = QBarCategoryAxis()
        categories.append([category_label(label) for label, _, _ in bars])
        categories.setLabelsBrush(text)
        categories.setGridLineVisible(False)
        values = QValueAxis()
        longest = max(count for _, _, count in bars)
        values.setRange(0, longest + max(1, longest // 10))  # room after the longest bar
        values.setLabelFormat("%d")
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickInterval(max(1, round(longest / 5)))
        values.setLabelsBrush(text)
        values.setTitleText(f"sentences ({numbers.sentences} in all)")
        values.setTitleBrush(text)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
