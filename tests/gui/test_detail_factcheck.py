"""The detail panel shows where a check is published (its fact-check URL), as plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.gui.main_window import MainWindow
from tests.gui.conftest import open_in_library

SLOW = 60_000
ARTICLE = """Harbour town, Tuesday.

"The ferry runs again on Monday," said Mayor Ilse Varnholt.

"Nobody crosses the bridge before dawn," Colonel Brannick Oduya said.
"""
URL = "https://desk.example.org/checks/<b>ferry</b>"


def test_the_fact_check_url_is_shown_as_text(qtbot: QtBot, window: MainWindow, analyzer: Analyzer,
                                             tmp_path: Path, library_file: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    open_in_library(qtbot, window, path)
    assert window.document is not None and len(window.document.rows) >= 2
    with Library.open(library_file, analyzer) as library:
        library.verify(window.document.rows[0].id, "false", url=URL)
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(0)
    label = window.detail.factcheck_label
    assert label.text() == URL and label.textFormat() == Qt.TextFormat.PlainText  # "<b>" shown, never bold
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(1)
    assert window.detail.factcheck_label.text() == "not published"
