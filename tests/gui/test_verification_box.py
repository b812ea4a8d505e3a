"""The verification box saves only what the user changed, exactly as typed: a note or evidence only looked at
is never rewritten, nor recorded in the history as an edit; nothing is reported while no edit can be saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtWidgets import QStyle, QStyleOptionFrame
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library, VerificationRow
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.gui.verification_box import FACTCHECK_HINT, Unsaved, VerificationBox
from tests.gui.conftest import open_in_library
from tests.gui.test_layout import SCREENSHOTS

SLOW = 60_000
ARTICLE = """Harbour town, Tuesday.

"The ferry runs again on Monday," said Mayor Ilse Varnholt.

"Nobody crosses the bridge before dawn," Colonel Brannick Oduya said.
"""
#: Stored through the library, as another program or an import could: every character Qt would rewrite.
NOTE = "  Called the harbour office\r\nthey confirmed\u2028twice,\u00a0by phone\r  "
EVIDENCE = ("https://records.example/ferry ", "", " https://records.example/bridge\r\nlog")


@pytest.fixture
def stored(qtbot: QtBot, window: MainWindow, analyzer: Analyzer, tmp_path: Path,
           library_file: Path) -> tuple[int, int]:
    """The article open in the window, its first quote given NOTE and EVIDENCE through the library; the
    ids of its first two quotes."""
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_in_library(qtbot, window, path)
    article = window.document
    assert article is not None and article.stored and len(article.rows) >= 2
    first, second = article.rows[0].id, article.rows[1].id
    with Library.open(library_file, analyzer) as library:
        library.verify(first, "in_progress", note=NOTE, evidence=EVIDENCE)
    return first, second


def _select(qtbot: QtBot, window: MainWindow, index: int) -> None:
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(index)


def _stored(library_file: Path, quote_id: int) -> tuple[VerificationRow, list[tuple[str, str | None]]]:
    with Library.open(library_file) as library:
        history = [(h.field, h.new_value) for h in library.quote_history(quote_id)]
        return library.verification(quote_id), history


def test_a_note_only_looked_at_is_left_as_it_is(qtbot: QtBot, window: MainWindow, stored: tuple[int, int],
                                                library_file: Path) -> None:
    first, _ = stored
    before = _stored(library_file, first)
    assert before[0].note == NOTE and before[0].evidence == EVIDENCE
    for _ in range(2):
        _select(qtbot, window, 0)
        window.detail.verification.note_edit.setFocus()
        window.detail.verification.evidence_edit.setFocus()  # the note loses focus: it reports
        window.table.setFocus()  # and so does the evidence
        _select(qtbot, window, 1)
    window.detail.commit_pending()
    assert window.tasks.wait(SLOW)
    assert _stored(library_file, first) == before  # note, evidence, status and history all unchanged
    assert window.undo_stack.count() == 0  # nothing to undo: nothing was edited


def test_an_edit_is_saved_exactly_as_typed_and_undone_exactly(
        qtbot: QtBot, window: MainWindow, stored: tuple[int, int], library_file: Path) -> None:
    first, _ = stored
    _select(qtbot, window, 0)
    note = window.detail.verification.note_edit
    note.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(note, " and  again ")  # type: ignore[no-untyped-call]
    evidence = window.detail.verification.evidence_edit
    evidence.moveCursor(QTextCursor.MoveOperation.End)
    evidence.insertPlainText("\n https://records.example/tide ")
    typed = note.typed()
    with qtbot.wait_signals([window.quote_saved, window.quote_saved], timeout=SLOW):
        _select(qtbot, window, 1)  # leaving the quote saves what was typed
    verification, history = _stored(library_file, first)
    # The field holds the note as Qt shows it (a CR is a line break there); what was typed is kept whole:
    # spaces, the line separator and the no-break space.
    assert verification.note == typed == \
        "  Called the harbour office\nthey confirmed\u2028twice,\u00a0by phone\n   and  again "
    assert verification.evidence == ("https://records.example/ferry ", " https://records.example/bridge",
                                     "log", " https://records.example/tide ")
    assert [field for field, _ in history].count("note") == 2  # the library's and this one

    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.undo_action.trigger()  # the evidence
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.undo_action.trigger()  # the note
    verification, _ = _stored(library_file, first)
    assert verification.note == NOTE and verification.evidence == EVIDENCE  # back to every character


#: A published check's address, with markup that must stay text.
FACTCHECK_URL = "https://desk.example.org/checks/<b>ferry</b>"


def test_the_fact_check_url_is_shown_as_text_and_edited_in_place(
        qtbot: QtBot, window: MainWindow, analyzer: Analyzer, tmp_path: Path, library_file: Path,
        errors: list[tuple[str, str]]) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_in_library(qtbot, window, path)
    assert window.document is not None and len(window.document.rows) >= 2
    first, second = window.document.rows[0].id, window.document.rows[1].id
    with Library.open(library_file, analyzer) as library:
        library.verify(first, "false", url=FACTCHECK_URL)
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    field = window.detail.verification.factcheck_edit
    assert field.text() == FACTCHECK_URL  # a line edit: "<b>" is text, never bold
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(1)
    assert field.text() == ""
    # typed and left: saved under the checker's name, in the history, undoable
    field.setText("  https://desk.example.org/checks/bridge ")
    field.setModified(True)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        field.editingFinished.emit()
    verification, history = _stored(library_file, second)
    assert verification.url == "https://desk.example.org/checks/bridge"
    assert ("url", "https://desk.example.org/checks/bridge") in history
    field.editingFinished.emit()  # left again unchanged: nothing more is saved
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.undo_action.trigger()
    assert _stored(library_file, second)[0].url is None
    # not a web address: refused in words, the library unchanged
    field.setText("javascript:alert(1)")
    field.setModified(True)
    field.editingFinished.emit()
    qtbot.wait_until(lambda: any("javascript:alert(1)" in text for _title, text in errors), timeout=SLOW)
    assert _stored(library_file, second)[0].url is None


#: A check's address longer than the field, with markup that must stay text in its tooltip.
LONG_URL = ("https://desk.example.org/checks/2026/harbour-town/ferry-timetable-claims-reviewed"
            "?source=<i>mayor</i>&ref=council-minutes-april&page=12")


def test_the_fact_check_tooltip_gives_the_whole_url_as_text(
        qtbot: QtBot, window: MainWindow, analyzer: Analyzer, tmp_path: Path, library_file: Path,
        shown: Callable[..., str]) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_in_library(qtbot, window, path)
    assert window.document is not None and len(window.document.rows) >= 2
    with Library.open(library_file, analyzer) as library:
        library.verify(window.document.rows[0].id, "false", url=LONG_URL)
    _select(qtbot, window, 0)
    field = window.detail.verification.factcheck_edit
    assert field.text() == LONG_URL
    assert field.fontMetrics().horizontalAdvance(LONG_URL) > field.width()  # the field cuts it off
    assert shown(field.toolTip()) == LONG_URL  # whole, and "<i>" is text
    _select(qtbot, window, 1)
    assert shown(field.toolTip()) == FACTCHECK_HINT  # no address: what the field is for
    field.setFocus()
    qtbot.keyClicks(field, "https://desk.example.org/checks/bridge")
    assert shown(field.toolTip()) == "https://desk.example.org/checks/bridge"  # follows what is typed


def test_nothing_is_reported_while_the_panel_says_no_edit_can_be_saved(qtbot: QtBot) -> None:
    editable: list[int | None] = [None]
    box = VerificationBox(lambda: editable[0])
    qtbot.addWidget(box)
    notes: list[tuple[int, str, str]] = []
    box.note_edited.connect(lambda *args: notes.append(args))
    box.note_edit.insertPlainText("Asked the port authority")
    box.commit_pending()
    assert notes == []  # no quote's details loaded yet: the typing stays in the field
    editable[0] = 7
    box.commit_pending()
    box.commit_pending()
    assert notes == [(7, "", "Asked the port authority")]  # reported once


def test_a_conflict_names_every_field_kept_unsaved(qtbot: QtBot) -> None:
    box = VerificationBox(lambda: None)
    qtbot.addWidget(box)
    box.show()
    box.show_conflict("Changed by Ola Brekke.", Unsaved(note="mine", url="https://records.example/x"),
                      also_kept=("speaker",))
    assert box.conflict_label.isVisible()
    assert "Your note and fact-check URL and speaker is kept below" in box.conflict_label.text()
    assert box.note_edit.typed() == "mine" and box.factcheck_edit.isModified()
    box.show_conflict(None)
    assert not box.conflict_label.isVisible()


def test_the_fact_check_field_shows_its_placeholder_whole(qtbot: QtBot, window: MainWindow,
                                                          sample: Document) -> None:
    window.show_article(sample)
    window.select_quote(0)
    total = sum(window.main_splitter.sizes())
    window.main_splitter.setSizes([total - 1, 1])  # the side column as narrow as it goes
    field = window.detail.verification.factcheck_edit
    qtbot.waitUntil(lambda: field.isVisible() and window.main_splitter.sizes()[0] < total - 1, timeout=SLOW)
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    text_rect = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    room = text_rect.marginsRemoved(field.textMargins()).width() - 4  # a line edit's own 2 px each side
    assert room > 0
    assert QFontMetrics(field.font()).horizontalAdvance(field.placeholderText()) <= room, "cut off"
    assert field.text() == "" and FACTCHECK_HINT in field.toolTip()  # what it is for, on hover
    field.grab().save(str(SCREENSHOTS / "factcheck-field.png"))
