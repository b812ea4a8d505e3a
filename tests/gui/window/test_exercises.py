"""Exercise files: saved from an article, opened in a fresh window, answered, checked; the trainees'
copy and the class report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.exercise import NARRATION, load_exercise
from attribview.core.grading import score_attempt
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
    shown = fresh.article_view.toPlainText()
    assert exercise.text[:40] in shown and shown.index(exercise.text[:40]) < 8  # after the badge "1"
    groups = [g.id for g in exercise.groups]
    assert groups == [g.id for g in sample.groups], "every group of the profile, in legend order"
    assert len(groups) > len({g for s in exercise.sentences for g in s.groups}), "more than the article uses"
    assert set(fresh.training_panel.buttons) == {*groups, NARRATION}

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


def test_trainees_copy_without_answers_and_the_class_report(
        qtbot: QtBot, window: MainWindow, fresh: MainWindow, sample: Document, tmp_path: Path) -> None:
    window.show_article(sample)
    saved = window.save_exercise_without_answers(str(tmp_path / "drill.exercise.json"))
    assert saved is not None
    copy, key = saved
    assert Path(key).name == "drill.key.json" and "drill.key.json" in window.status_label.text()
    assert not load_exercise(copy).keyed and load_exercise(key).keyed

    assert fresh.open_exercise(copy)
    session = fresh.training
    assert session is not None and not fresh.check_action.isEnabled()
    assert not fresh.training_panel.check_button.isEnabled()
    assert fresh.check_answers() is None and "no answer key" in fresh.status_label.text()
    assert fresh.save_exercise(str(tmp_path / "again.json")) is None  # a copy has no key to give away
    assert fresh.save_exercise_without_answers(str(tmp_path / "again.json")) is None
    assert not (tmp_path / "again.json").exists()
    assert "already the trainees' copy" in fresh.status_label.text()
    reference = load_exercise(key)
    quoted = next(i for i, s in enumerate(reference.sentences) if s.groups)
    fresh.select_sentence(quoted)
    for group in reference.sentences[quoted].groups:
        fresh.answer_sentence(group)
    attempt = fresh.save_attempt(str(tmp_path / "amara.attempt.json"))
    assert attempt is not None

    dialog = window.class_report(key, [attempt])
    assert dialog is not None
    qtbot.addWidget(dialog)
    expected = score_attempt(reference, {quoted: reference.sentences[quoted].groups})
    cells = [dialog.scores.item(0, c).text() for c in range(4)]
    assert cells == ["amara", str(expected.right), str(expected.total), str(expected.percent)]
    assert dialog.mistakes.rowCount() == expected.total - expected.right
    exported = dialog.export_csv(str(tmp_path / "class.csv"))
    assert exported is not None and Path(exported).read_text(encoding="utf-8").startswith('"trainee","right"')
    assert window.class_report(copy, [attempt]) is None  # the copy has no key: one message, no table
