"""Opening: a bad file reported, a file's text shown before its analysis."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from attribview.gui.main_window import MainWindow

#: Loading spaCy and analysing take seconds; a slow CI machine may need far more.
SLOW = 60_000


def test_bad_file_is_reported_not_raised(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         errors: list[tuple[str, str]]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.open_file(str(empty))
    qtbot.waitUntil(lambda: bool(errors), timeout=SLOW)
    assert "empty.txt" in errors[0][1] and "empty" in errors[0][1]
    assert window.stack.currentWidget() is window.welcome


def test_a_file_shows_as_plain_text_before_its_analysis(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    text = "Mayor Halyna Brovko said the Dornel bridge would reopen.\n\n\"Soon,\" she said.\n"
    path = tmp_path / "bridge.txt"
    path.write_text(text, encoding="utf-8")
    gate = threading.Event()
    window.tasks.run(lambda: gate.wait(SLOW / 1000), message="", on_success=lambda _r: None)  # the engine
    try:
        with qtbot.wait_signal(window.text_shown, timeout=SLOW):  # busy: the text comes all the same
            window.start(str(path))
        assert window.stack.currentWidget() is window.article_page
        assert window.article_view.toPlainText() == text.rstrip("\n") or \
            window.article_view.toPlainText().strip() == text.strip()
        assert window.document is None and window.quote_model.rowCount() == 0
    finally:
        gate.set()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        pass
    assert window.document is not None and window.document.analysis.quotes  # the highlights follow
    assert window.quote_model.rowCount() == len(window.document.analysis.quotes)
