"""The desk's edits: undo acts on the article on screen only; the library list follows each save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from attribview.core.library import Library
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow

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


def test_the_library_list_counts_again_from_what_each_desk_action_returns(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text('"The ferry runs again on Monday," said Mayor Ilse Varnholt.\n\n'
                    '"The pier is safe," harbour engineer Petra Quill said.\n', encoding="utf-8")
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):  # the empty library
        window.start()
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):  # the new article listed
        article = _open(qtbot, window, path)
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
