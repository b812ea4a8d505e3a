"""Training mode in the window: sentences picked and answered with the mouse and the keys, answers shown
as fills and labels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.exercise import NARRATION
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow


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
    marks = {g.id: g.mark for g in session.exercise.groups}  # each answered group by its badge
    assert " 2 " in badge and marks[groups[0]] in badge and marks[groups[1]] in badge
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
    style = sample.group(yellow.id)
    assert style is not None and yellow.mark == style.badge  # the viewer's badge, not colour alone
    assert yellow.mark in _badge_before(window, 3)
    assert session.tooltip(3) is not None and yellow.label in session.tooltip(3)  # in words on hover
    cursor = QTextCursor(window.article_view.document())
    after = window.article_view._offsets.to_qt(session.exercise.sentences[2].end)  # the badge follows
    label_at = window.article_view.document().toRawText().index(yellow.mark.replace(" ", "\u00a0"), after)
    cursor.setPosition(label_at + 1)
    assert cursor.charFormat().background().color() == QColor(yellow.colour)  # the label in the full colour
    # a click on the badge picks its sentence, and the text stays the exercise's
    assert window.article_view._offsets.from_qt(label_at) == sentence.start
    score = window.check_answers()
    assert score is not None
    mark = "✓" if score.results[3].right else "✗"
    assert f"4 {mark}" in _badge_before(window, 3)
    assert (not score.results[3].right) == ("should be:" in _badge_before(window, 3))


def test_the_status_bar_follows_training(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.start_training()
    session = window.training
    assert session is not None
    status = window.status_label.text
    count = len(session.exercise.sentences)
    assert status() == f"Training on {sample.title}: click a sentence, then answer."
    window.select_sentence(0)
    window.answer_sentence(NARRATION)  # and on to the next
    assert status() == f"{count} sentences · 1 answered"
    first = session.group_ids[0]
    window.answer_sentence(first)
    assert status() == f"{count} sentences · 2 answered"
    score = window.check_answers()
    assert score is not None
    assert status().startswith(f"{count} sentences · 2 answered · {score.right} right")
    window.answer_sentence(first)  # taken back: the score shown is no longer the answers'
    assert status() == f"Answers changed: Check again (Ctrl+Enter) · {count} sentences · 1 answered"
    window.answer_sentence(first)
    assert status().startswith("Answers changed: Check again")
    window.check_answers()
    assert status().startswith(f"{count} sentences · 2 answered · ")
    window.leave_training()
    assert status() == f"Training left: {sample.title} is highlighted again."


def test_training_hides_the_library_the_profile_button_and_the_count(qtbot: QtBot, window: MainWindow,
                                                                     sample: Document) -> None:
    window.show_article(sample)
    library = window.library_dock
    library.show()  # a small screen starts without it
    assert library.isVisible() and window.profile_choice.isVisible()
    assert window.start_training()
    assert not library.isVisible() and not window.profile_choice.isVisible()
    assert not window.summary_dock.isVisible()
    assert not window.counts_label.isVisible()  # "29 quotes" would tell how many to find
    assert not library.toggleViewAction().isEnabled()  # Ctrl+L cannot bring it back in training
    window.leave_training()
    assert library.isVisible() and window.profile_choice.isVisible()
    assert window.counts_label.isVisible() and "quote" in window.counts_label.text()
    assert library.toggleViewAction().isEnabled()
    library.hide()  # closed by the user before training: still closed after it
    assert window.start_training()
    window.leave_training()
    assert not library.isVisible() and window.profile_choice.isVisible()


def test_closing_in_training_keeps_the_library_for_the_next_start(
        qtbot: QtBot, window: MainWindow, sample: Document, analyzer: Analyzer) -> None:
    window.show_article(sample)
    window.library_dock.show()
    assert window.start_training()
    window.close()
    again = MainWindow(analyzer=analyzer, settings=window.settings)
    qtbot.addWidget(again)
    again.show()
    assert again.library_dock.isVisible()
    again.close()
