"""The viewer draws the core's runs: two speakers in one sentence, two colours; badges in the margin."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.gui.article_view import BADGES_SETTING
from attribview.gui.document import Document, make_document
from attribview.gui.highlights import blend
from attribview.gui.main_window import MainWindow


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
