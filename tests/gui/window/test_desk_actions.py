"""The desk's edits: undo acts on the article on screen only; the library list follows each save; a save
after another checker's says who and when, shows their state and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from attribview.core.library import Library
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from tests.gui.conftest import CHECKER

#: Loading spaCy and analysing take seconds; a slow CI machine may need far more.
SLOW = 60_000


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> Document:
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        window.open_file(str(path))
    article = shown.args[0]
    assert isinstance(article, Document) and article.stored
    return article


def test_undo_acts_on_the_article_on_screen_only(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                 library_file: Path) -> None:
    """Verify a quote in one article, open another, undo: the first article's quote stays verified."""
    first_path, second_path = tmp_path / "ferry.txt", tmp_path / "bridge.txt"
    first_path.write_text('"The ferry runs again on Monday," said Mayor Ilse Varnholt.\n', encoding="utf-8")
    second_path.write_text('"Nobody crosses before dawn," Colonel Brannick Oduya said.\n', encoding="utf-8")
    with qtbot.wait_signal(window.library_opened, timeout=SLOW):
        window.start()
    first = _open(qtbot, window, first_path)
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.set_status("verified")
    assert window.undo_action.isEnabled()

    second = _open(qtbot, window, second_path)
    window.undo_action.trigger()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    assert window.tasks.wait(SLOW)
    with Library.open(library_file) as library:
        assert library.verification(first.rows[0].id).status == "verified"
        assert library.verification(second.rows[0].id).status == "unverified"
        assert [h.field for h in library.quote_history(first.rows[0].id)] == ["status"]  # no undo recorded
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    _open(qtbot, window, first_path)  # back to the first article: its earlier edit is not undone either
    window.undo_action.trigger()
    assert window.tasks.wait(SLOW)
    with Library.open(library_file) as library:
        assert library.verification(first.rows[0].id).status == "verified"


def _open_two_quotes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Document:
    path = tmp_path / "ferry.txt"
    path.write_text('"The ferry runs again on Monday," said Mayor Ilse Varnholt.\n\n'
                    '"The pier is safe," harbour engineer Petra Quill said.\n', encoding="utf-8")
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()
    return _open(qtbot, window, path)



def _changed_elsewhere(qtbot: QtBot, window: MainWindow, tmp_path: Path, library_file: Path, index: int,
                       change: Callable[[Library, int], object]) -> int:
    """The article open, its quote ``index`` shown, then changed by a second checker through a second
    Library on the same file; the quote's id."""
    article = _open_two_quotes(qtbot, window, tmp_path)
    quote_id = article.rows[index].id
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(index)
    with Library.open(library_file) as other:
        change(other, quote_id)
    return quote_id

def test_the_library_list_counts_again_from_what_each_desk_action_returns(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    article = _open_two_quotes(qtbot, window, tmp_path)
    qtbot.waitUntil(lambda: len(window.library_panel.rows()) == 1, timeout=SLOW)  # the new article listed
    assert len(article.rows) == 2
    assert [row[1:] for row in window.library_panel.rows()] == [(0, 2)]
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    reads: list[int] = []
    progress = window.desk.progress
    window.desk.progress = lambda: reads.append(1) or progress()  # type: ignore[method-assign]
    with qtbot.wait_signals([window.quote_saved, window.library_listed], timeout=SLOW):
        window.set_status("verified")
    assert [row[1:] for row in window.library_panel.rows()] == [(1, 2)]
    with qtbot.wait_signals([window.quotes_changed, window.library_listed], timeout=SLOW):
        window.reject_selected()  # the verified quote leaves the counts
    assert [row[1:] for row in window.library_panel.rows()] == [(0, 1)]
    assert window.tasks.wait(SLOW) and reads == []  # one transaction per action: the list is not read again
    with qtbot.wait_signal(window.library_listed, timeout=SLOW) as listed:
        window.refresh_library()  # what the library itself says agrees
    assert [(a.checked, a.quotes) for a in listed.args[0]] == [(0, 1)]


def test_a_note_saved_over_another_checkers_says_who_and_keeps_what_was_typed(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, library_file: Path) -> None:
    quote_id = _changed_elsewhere(qtbot, window, tmp_path, library_file, 0, lambda other, quote: (
        other.set_verification(quote, status="disputed", note="The ferry office denies it.",
                               checker="Ola Brekke")))
    typed = "Harbour master confirmed by phone."
    qtbot.keyClicks(window.detail.verification.note_edit, typed)  # type: ignore[no-untyped-call]
    with qtbot.wait_signal(window.conflict_shown, timeout=SLOW) as conflict:
        window.detail.commit_pending()
    message = conflict.args[0]
    assert message.startswith("Changed by Ola Brekke at ") and "nothing of yours was saved" in message
    conflict_label = window.detail.verification.conflict_label
    assert conflict_label.isVisible() and message in conflict_label.text()
    assert window.detail.verification.status_combo.currentData() == "disputed"  # their state is shown
    assert window.detail.verification.note_edit.typed() == typed  # and what was typed is kept, unsaved
    assert window.document is not None and window.document.rows[0].status == "disputed"  # and in the table
    with Library.open(library_file) as library:
        assert library.verification(quote_id).note == "The ferry office denies it."
    assert not window.undo_action.isEnabled()  # undoing would overwrite the other checker's work

    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.detail.commit_pending()  # saved again, knowingly, over theirs
    with Library.open(library_file) as library:
        verification = library.verification(quote_id)
    assert (verification.note, verification.status, verification.checked_by) == (typed, "disputed", CHECKER)
    assert not window.detail.verification.conflict_label.isVisible()


def test_a_status_key_after_another_checkers_save_shows_their_status(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, library_file: Path) -> None:
    quote_id = _changed_elsewhere(qtbot, window, tmp_path, library_file, 1, lambda other, quote: (
        other.set_verification(quote, status="false", checker="Ola Brekke")))
    with qtbot.wait_signal(window.conflict_shown, timeout=SLOW):
        window.set_status("verified")
    assert window.detail.verification.status_combo.currentData() == "false"
    assert window.document is not None and window.document.rows[1].status == "false"
    with Library.open(library_file) as library:
        assert library.verification(quote_id).status == "false"
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.set_status("verified")  # the key again: now over what was shown
    with Library.open(library_file) as library:
        assert library.verification(quote_id).status == "verified"


def test_a_speaker_typed_over_another_checkers_reassignment_stays_in_its_field(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, library_file: Path) -> None:
    quote_id = _changed_elsewhere(qtbot, window, tmp_path, library_file, 0, lambda other, quote: (
        other.reassign_speaker(quote, "Tomas Varnholt", "Tomas Varnholt", checker="Ola Brekke")))
    window.detail.speaker_edit.setText("Ilse Varnholt-Brand")
    with qtbot.wait_signal(window.conflict_shown, timeout=SLOW) as conflict:
        window.detail.speaker_edit.editingFinished.emit()  # what Enter or leaving the field emits
    assert conflict.args[0].startswith("Changed by Ola Brekke at ")
    assert window.document is not None and window.document.rows[0].speaker == "Tomas Varnholt"  # theirs
    assert window.detail.speaker_edit.text() == "Ilse Varnholt-Brand"  # and what was typed, to save again
    with Library.open(library_file) as library:
        assert library.quote(quote_id).speaker == "Tomas Varnholt"
    with qtbot.wait_signal(window.quote_saved, timeout=SLOW):
        window.detail.speaker_edit.editingFinished.emit()
    with Library.open(library_file) as library:
        assert library.quote(quote_id).speaker == "Ilse Varnholt-Brand"
