"""The highlighted article and the legend on the real sample analysis."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from pytestqt.qtbot import QtBot

from attribview.gui.article_view import OffsetMap, display_text
from attribview.gui.document import Document
from attribview.gui.highlights import blend
from attribview.gui.main_window import MainWindow


def _offset(article: Document, phrase: str) -> int:
    offset = article.analysis.text.find(phrase)
    assert offset >= 0, phrase
    return offset


def _expected(window: MainWindow, article: Document, group: str) -> QColor:
    style = article.group(group)
    assert style is not None
    return blend(QColor(style.colour), window.article_view.palette().color(QPalette.ColorRole.Base))


def test_quotes_take_their_groups_colour_and_narration_stays_plain(window: MainWindow,
                                                                   sample: Document) -> None:
    window.show_article(sample)
    view = window.article_view
    mod = view.format_at(_offset(sample, "its forces had struck"))
    assert mod.background().color() == _expected(window, sample, "russian_mod")
    reporter = view.format_at(_offset(sample, "in a statement that its forces"))  # the reporter's words
    assert reporter.background().style() == Qt.BrushStyle.NoBrush
    peskov = view.format_at(_offset(sample, "placing artillery"))
    assert peskov.background().color() == _expected(window, sample, "russian_officials")
    narration = view.format_at(_offset(sample, "Verbivka had about 3,000 residents"))
    assert narration.background().style() == Qt.BrushStyle.NoBrush


def test_cue_is_underlined_and_source_is_bold(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    quote = next(q for q in sample.analysis.quotes if q.speaker == "Dmitry Peskov")
    assert quote.cue_start is not None and quote.source_start is not None
    assert window.article_view.format_at(quote.cue_start).fontUnderline()
    assert window.article_view.format_at(quote.source_start).fontWeight() == QFont.Weight.Bold


def test_article_text_is_plain_text_never_markup(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.article_view.toPlainText() == display_text(sample.analysis.text)


def test_legend_lists_groups_with_counts_and_toggling_hides_highlights(qtbot: QtBot, window: MainWindow,
                                                                       sample: Document) -> None:
    window.show_article(sample)
    zelensky = sample.group("zelensky")
    assert zelensky is not None and zelensky.quotes == 3
    position = _offset(sample, "air defence is not a luxury")
    assert window.article_view.format_at(position).background().style() != Qt.BrushStyle.NoBrush
    with qtbot.wait_signal(window.legend.visibility_changed):
        window.legend.set_group_visible("zelensky", False)
    assert window.article_view.format_at(position).background().style() == Qt.BrushStyle.NoBrush
    other = _offset(sample, "placing artillery")
    assert window.article_view.format_at(other).background().color() == \
        _expected(window, sample, "russian_officials")
    window.legend.set_group_visible("zelensky", True)
    assert window.article_view.format_at(position).background().color() == \
        _expected(window, sample, "zelensky")


def test_offsets_count_characters_not_utf16_units() -> None:
    text = "a😀b c😀d"
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.from_qt(offsets.to_qt(i)) == i
    assert offsets.to_qt(2) == 3
    assert display_text("a\r\nb\rc") == "a \nb\nc"
