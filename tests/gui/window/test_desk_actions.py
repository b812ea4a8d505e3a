"""The desk's edits: undo acts on the article on screen only."""

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
