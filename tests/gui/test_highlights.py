"""The viewer draws the core's runs: two speakers in one sentence, two colours; badges in the margin."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPalette, QTextCursor
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.gui.article_view import BADGES_SETTING
from attribview.gui.document import Document, make_document
from attribview.gui.highlights import badge_font, blend
from attribview.gui.main_window import MainWindow
from attribview.textio import prepare_text


def _document(analysis: Analysis, analyzer: Analyzer) -> Document:
    return make_document(analysis, analyzer.profiles, title="Fighting near Veldorf")


def _tint(article: Document, group: str, base: QColor) -> QColor:
    style = article.group(group)
    assert style is not None
    return blend(QColor(style.colour), base)


def test_a_sentence_with_two_speakers_shows_both_colours_in_the_viewer(
        window: MainWindow, analyzer: Analyzer, two_voices: Analysis) -> None:
    article = _document(two_voices, analyzer)
    window.show_article(article)
    view = window.article_view
    base = view.palette().color(QPalette.ColorRole.Base)
    text = two_voices.text
    for phrase, group in (("they pushed back", "ukrainian_military"), ("the bridge at Kessin", "other"),
                          ("the offensive had stalled", "russian_mod"), ("the operation was", "putin")):
        assert view.format_at(text.index(phrase)).background().color() == _tint(article, group, base), phrase
    for phrase in (", and local", "remains unclear", ", while"):  # the reporter's own words
        assert view.format_at(text.index(phrase)).background().style() == Qt.BrushStyle.NoBrush, phrase


def test_badges_mark_each_quote_and_the_switch_is_remembered(
        window: MainWindow, analyzer: Analyzer, two_voices: Analysis) -> None:
    article = _document(two_voices, analyzer)
    window.show_article(article)
    view = window.article_view
    assert sorted(b.text for b in view.badges()) == ["Other", "Putin", "RU MoD", "UA mil"]
    first = view.badges()[0].rect
    assert first.right() < view.document().rootFrame().frameFormat().leftMargin()  # in the margin
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.text() == "Group &Badges")
    action.setChecked(False)
    assert view.badges() == []
    assert view.document().rootFrame().frameFormat().leftMargin() == view.document().documentMargin()
    settings = window.settings
    assert isinstance(settings, QSettings)
    assert settings.value(BADGES_SETTING, type=bool) is False
    action.setChecked(True)
    assert len(view.badges()) == 4


#: Six groups in three short sentences a line: three or more quotes begin on one line of the article.
CROWDED = ("Kyiv said the dam held. Moscow said the dam broke. President Zelensky said help was coming. "
           "Local officials said roads were shut. Vladimir Putin said talks could wait. "
           "The Russian defence ministry said the drones were downed.")


@pytest.mark.parametrize(("width", "height"), [(1366, 740), (1728, 972)])
def test_badges_of_a_crowded_line_stay_in_the_margin_and_apart(
        qtbot: QtBot, window: MainWindow, analyzer: Analyzer, width: int, height: int) -> None:
    article = _document(analyzer.analyze(prepare_text(CROWDED), profile="war"), analyzer)
    window.resize(width, height)
    window.show_article(article)
    qtbot.wait(50)
    view = window.article_view
    document = view.document()
    starts: Counter[int] = Counter()
    for quote in article.analysis.quotes:
        cursor = QTextCursor(document)
        cursor.setPosition(quote.start)
        starts[view.cursorRect(cursor).top()] += 1
    assert max(starts.values()) >= 3, "no line of the article holds three quotes' beginnings"
    badges = view.badges()
    assert len(badges) == len({q.group for q in article.analysis.quotes}) == 6
    text_left = document.rootFrame().frameFormat().leftMargin()
    bottom = document.documentLayout().documentSize().height()
    for badge in badges:
        rect = badge.rect
        assert document.documentMargin() <= rect.left() and rect.right() < text_left, badge  # the margin
        assert rect.top() >= 0 and rect.bottom() <= bottom, badge  # on the page
        assert rect.width() >= QFontMetricsF(badge_font(document)).horizontalAdvance(badge.text), badge
    for first, second in itertools.combinations(badges, 2):
        assert not first.rect.intersects(second.rect), (first, second)
