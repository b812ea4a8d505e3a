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
from attribview.core.exercise import NARRATION, Exercise, GroupInfo, ReferenceSentence, load_exercise
from attribview.core.grading import score_attempt
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.gui.training import TrainingPanel, TrainingSession


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


def test_clicking_a_sentence_selects_it(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    session = window.training
    assert session is not None and session.origin == "the open article"
    view = window.article_view
    sentence = session.exercise.sentences[1]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._offsets.to_qt(sentence.start + 2))  # past the sentence's badge
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


def _badge_before(window: MainWindow, index: int) -> str:
    """The text the view shows between the end of the previous sentence and sentence ``index``."""
    session = window.training
    assert session is not None
    view = window.article_view
    sentence = session.exercise.sentences[index]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._offsets.to_qt(sentence.start))
    start = view._offsets.to_qt(session.exercise.sentences[index - 1].end) if index else 0
    cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u00a0", " ")


def test_keys_answer_with_several_groups_and_move(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    session = window.training
    assert session is not None
    view = window.article_view
    view.setFocus()
    groups = session.group_ids
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert session.current == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert session.current == 1
    qtbot.keyClick(view, Qt.Key.Key_2)  # the desk's "2" (a status) must not take it
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert session.answers[1] == (groups[0], groups[1])  # legend order, whatever the order of the keys
    assert window.training_panel.buttons[groups[0]].isChecked()
    assert not window.training_panel.buttons[NARRATION].isChecked()
    badge = _badge_before(window, 1)
    labels = {g.id: g.label for g in session.exercise.groups}
    assert " 2 " in badge and labels[groups[0]] in badge and labels[groups[1]] in badge
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert session.answers[1] == (groups[0],)
    qtbot.keyClick(view, Qt.Key.Key_0)  # narration replaces the groups and moves on
    assert session.answers[1] == (NARRATION,) and session.current == 2
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert session.current == 1
    qtbot.keyClick(window.library_panel, Qt.Key.Key_1)  # the library keeps its keys
    assert session.answers[1] == (NARRATION,) and session.current == 1


def test_answers_show_as_fill_and_label_and_every_sentence_is_numbered(
        qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    session = window.training
    assert session is not None
    count = len(session.exercise.sentences)
    for index in range(count):
        assert f" {index + 1}" in _badge_before(window, index)
    assert window.article_view.badges() == [], "the margin's group badges would give the answers away"
    yellow = max(session.exercise.groups, key=lambda g: QColor(g.colour).lightness())  # an underline
    # in the palest colour was lost on white
    window.select_sentence(3)
    window.answer_sentence(yellow.id)
    sentence = session.exercise.sentences[3]
    fill = window.article_view.format_at(sentence.start + 1).background()
    assert fill.style() != Qt.BrushStyle.NoBrush and fill.color() != QColor(Qt.GlobalColor.white)
    assert yellow.label in _badge_before(window, 3)
    cursor = QTextCursor(window.article_view.document())
    after = window.article_view._offsets.to_qt(session.exercise.sentences[2].end)  # the badge follows
    label_at = window.article_view.document().toRawText().index(yellow.label.replace(" ", "\u00a0"), after)
    cursor.setPosition(label_at + 1)
    assert cursor.charFormat().background().color() == QColor(yellow.colour)  # the label in the full colour
    # a click on the badge picks its sentence, and the text stays the exercise's
    assert window.article_view._offsets.from_qt(label_at) == sentence.start
    score = window.check_answers()
    assert score is not None
    mark = "✓" if score.results[3].right else "✗"
    assert f"4 {mark}" in _badge_before(window, 3)
    assert (not score.results[3].right) == ("should be:" in _badge_before(window, 3))


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


def test_a_pressed_answer_shows_black_on_a_projector(qtbot: QtBot) -> None:
    mayor = GroupInfo("mayor", "Mayor", "#F0E442")
    exercise = Exercise("Drill", "Tilda Brenn said so. Rain fell.", None, (mayor,),
                        (ReferenceSentence(0, 20), ReferenceSentence(21, 31)))
    session = TrainingSession(exercise, origin="a file", current=0)
    session.toggle(0, "mayor")
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.set_presentation(1.5, True)
    panel.resize(320, 520)
    panel.show()
    pressed, other = (panel.buttons[g].grab().toImage() for g in ("mayor", NARRATION))
    assert panel.buttons["mayor"].isChecked() and not panel.buttons[NARRATION].isChecked()
    assert pressed.pixelColor(pressed.width() - 12, pressed.height() // 2).lightness() < 60
    assert other.pixelColor(other.width() - 12, other.height() // 2).lightness() > 200
