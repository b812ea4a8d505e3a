"""The note field tells what the user typed from what was only shown, character for character."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from attribview.gui.text_field import CommitTextEdit

#: Values Qt's own toPlainText() would give back changed.
STORED = ["a\r\nb", "line\u2028separator", "no\u00a0break", "  spaced  ", "\n\nblank lines\n", "tab\there",
          "lone\rreturn", ""]


@pytest.fixture
def field(qtbot: QtBot) -> CommitTextEdit:
    edit = CommitTextEdit("a note")
    qtbot.addWidget(edit)
    edit.show()
    return edit


@pytest.mark.parametrize("value", STORED)
def test_a_value_only_shown_is_no_edit(field: CommitTextEdit, value: str) -> None:
    field.show_value(value)
    field.setFocus()
    field.clearFocus()
    assert field.edit() is None
    field.show_value(value)  # shown again (the library answered): still no edit
    assert field.edit() is None


def test_typing_is_read_character_for_character(qtbot: QtBot, field: CommitTextEdit) -> None:
    field.show_value("line\u2028separator and\u00a0space")
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, "  two  ")  # type: ignore[no-untyped-call]
    assert field.edit() == "line\u2028separator and\u00a0space  two  "
    field.accept_edit()
    assert field.edit() is None  # reported once


def test_typing_undone_is_no_edit(qtbot: QtBot, field: CommitTextEdit) -> None:
    field.show_value("a\r\nb")
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, "x")  # type: ignore[no-untyped-call]
    field.textCursor().deletePreviousChar()
    assert field.edit() is None  # the field reads as it was shown


def test_what_the_user_is_typing_stays_when_the_value_is_saved_meanwhile(qtbot: QtBot,
                                                                         field: CommitTextEdit) -> None:
    field.show_value("first")
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " more")  # type: ignore[no-untyped-call]
    field.show_value("first", keep_typing=True)  # another field of the quote was saved
    assert field.typed() == "first more" and field.edit() == "first more"
    field.show_value("other quote's note")  # another quote shown: its value replaces the typing
    assert field.typed() == "other quote's note" and field.edit() is None
