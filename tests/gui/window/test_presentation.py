"""Presentation for a classroom: larger text, high contrast, remembered, on every panel of training."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.exercise import NARRATION
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow


def test_larger_text_and_high_contrast(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    before = window.article_view.document().defaultFont().pointSizeF()
    window.larger_action.trigger()
    after = window.article_view.document().defaultFont().pointSizeF()
    assert after > before * 1.1
    assert float(window.settings.value("presentation/text_scale", type=float)) > 1.0
    window.smaller_action.trigger()
    assert abs(window.article_view.document().defaultFont().pointSizeF() - before) < 0.01
    window.contrast_action.trigger()
    assert window.settings.value("presentation/high_contrast", type=bool)
    quoted = next(s for s in sample.analysis.sentences if s.groups)
    assert window.article_view.format_at(quoted.start).foreground().color() == QColor(Qt.GlobalColor.black)


def test_presentation_settings_persist(qtbot: QtBot, window: MainWindow, analyzer: Analyzer,
                                       sample: Document, tmp_path: Path) -> None:
    window.show_article(sample)
    before = window.article_view.document().defaultFont().pointSizeF()
    window.larger_action.trigger()
    window.contrast_action.trigger()
    window.settings.sync()
    settings = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    again = MainWindow(analyzer=analyzer, settings=settings, library_path=tmp_path / "other.sqlite3")
    qtbot.addWidget(again)
    again.show_article(sample)
    assert again.contrast_action.isChecked()
    assert again.article_view.document().defaultFont().pointSizeF() > before * 1.1
    again.close()


def test_presentation_reaches_every_panel_of_training(qtbot: QtBot, window: MainWindow,
                                                      sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    panel = window.training_panel
    button = next(iter(panel.buttons.values()))
    button.ensurePolished()
    before = button.fontInfo().pointSizeF()
    window.larger_action.trigger()
    window.larger_action.trigger()
    window.contrast_action.trigger()
    for index in range(3):
        window.select_sentence(index)
        window.answer_sentence(NARRATION)
    window.check_answers()
    for widget in (button, panel.check_button, panel.banner, panel.mistakes):
        widget.ensurePolished()
        assert widget.fontInfo().pointSizeF() > before * 1.2, widget
    assert button.palette().color(button.foregroundRole()) == QColor(Qt.GlobalColor.black)
    assert panel.mistakes.count() and all(
        panel.mistakes.item(i).foreground().color() == QColor(Qt.GlobalColor.black)
        for i in range(panel.mistakes.count()))
    sentence = window.training.exercise.sentences[5] if window.training else None
    assert sentence is not None
    assert window.article_view.format_at(sentence.start).foreground().color() == QColor(Qt.GlobalColor.black)
