"""Training mode: an exercise saved from the sample, opened in a fresh window, answered, checked,
its attempt saved and opened again; presentation settings for a classroom."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.exercise import NARRATION, load_exercise, score_attempt
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow


@pytest.fixture
def fresh(qtbot: QtBot, analyzer: Analyzer, tmp_path: Path) -> Iterator[MainWindow]:
    """Another window, as a trainee's machine would have: its own settings, no article open."""
    settings = QSettings(str(tmp_path / "trainee.ini"), QSettings.Format.IniFormat)
    win = MainWindow(analyzer=analyzer, settings=settings, library_path=tmp_path / "trainee.sqlite3",
                     report_error=lambda title, message: pytest.fail(f"{title}: {message}"))
    qtbot.addWidget(win)
    win.show()
    yield win
    assert win.tasks.wait(60_000)
    win.close()


def _answer(window: MainWindow, index: int, group: str) -> None:
    window.select_sentence(index)  # what a click on the sentence does
    window.answer_sentence(group)  # what the legend's button does


def test_exercise_round_trip(qtbot: QtBot, window: MainWindow, fresh: MainWindow, sample: Document,
                             tmp_path: Path) -> None:
    window.show_article(sample)
    saved = window.save_exercise(str(tmp_path / "sample.exercise.json"))
    assert saved is not None and "engine's attribution" in window.status_label.text()
    exercise = load_exercise(saved)
    assert exercise.text == sample.analysis.text

    assert fresh.open_exercise(saved)
    session = fresh.training
    assert session is not None and fresh.training_action.isChecked()
    assert fresh.stack.currentWidget() is fresh.article_page
    assert not fresh.quotes_area.isVisible() and not fresh.legend_area.isVisible()
    assert not fresh.detail_area.isVisible() and fresh.training_area.isVisible()
    assert fresh.article_view.toPlainText().startswith(exercise.text[:40])
    groups = {g.id for g in exercise.groups}
    assert set(fresh.training_panel.buttons) == groups | {NARRATION}

    quoted = [i for i, s in enumerate(exercise.sentences) if s.groups]
    lessons = [i for i, s in enumerate(exercise.sentences) if s.lessons]
    assert quoted and lessons, "the sample teaches something"
    # highlights are hidden: a quoted sentence carries no reference colour
    first = exercise.sentences[quoted[0]]
    reference = QColor(next(g.colour for g in exercise.groups if g.id == first.groups[0]))
    background = fresh.article_view.format_at(first.start).background()
    assert background.style() == Qt.BrushStyle.NoBrush or background.color() != reference

    answers: dict[int, tuple[str, ...]] = {}
    right_ones = [i for i in quoted if i not in lessons][:3]
    for index in right_ones:  # right: the reference's (first) group
        _answer(fresh, index, exercise.sentences[index].groups[0])
        answers[index] = (exercise.sentences[index].groups[0],)
    wrong_ones = lessons[:3]
    for index in wrong_ones:  # wrong: narration where the reference has a group, or any group
        sentence = exercise.sentences[index]
        wrong = NARRATION if sentence.groups else exercise.groups[0].id
        _answer(fresh, index, wrong)
        answers[index] = (wrong,)
    assert session.answers == answers

    score = fresh.check_answers()
    expected = score_attempt(exercise, answers)
    assert score is not None and score.right == expected.right and score.missed == expected.missed
    assert score.missed, "the wrong answers were on instructive sentences"
    for index in right_ones:
        assert score.results[index].right
    for index in wrong_ones:
        assert not score.results[index].right
    banner = fresh.training_panel.banner.text()
    assert f"{score.right} of {score.total} right" in banner and "Missed:" in banner
    assert fresh.training_panel.mistakes.count() == score.total - score.right

    attempt = fresh.save_attempt(str(tmp_path / "me.attempt.json"))
    assert attempt is not None
    fresh.leave_training()
    assert fresh.stack.currentWidget() is fresh.welcome  # only an exercise was open

    assert fresh.open_exercise(saved) and fresh.open_attempt(attempt)
    again = fresh.check_answers()
    assert again is not None and (again.right, again.total, again.missed) == \
        (score.right, score.total, score.missed)


def test_clicking_a_sentence_selects_it(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    session = window.training
    assert session is not None and session.origin == "the open article"
    view = window.article_view
    sentence = session.exercise.sentences[1]
    cursor = QTextCursor(view.document())
    cursor.setPosition(sentence.start + 2)
    point = view.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert session.current == 1
    window.training_panel.buttons[NARRATION].click()
    assert session.answers == {1: (NARRATION,)} and session.current == 2
    window.training_action.trigger()  # the toolbar's toggle leaves training
    assert window.training is None and window.quotes_area.isVisible()
    assert window.stack.currentWidget() is window.article_page


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
