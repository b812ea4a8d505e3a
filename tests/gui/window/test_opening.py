"""Opening: a bad file reported, a file's text shown before its analysis, a library article opened
while the engine is busy."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.store.db import make_engine, migrate

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


ARTICLE = ('"The ferry runs again on Monday," said Mayor Ilse Varnholt.\n\n'
           "The old pier is believed to have been damaged by the storm.\n")


def _stored(library_file: Path, analyzer: Analyzer, tmp_path: Path) -> int:
    """An invented article imported into the test's library; its id."""
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with Library.open(library_file, analyzer) as library:
        return library.import_files([path]).imported[0]


def _hold_the_engine(window: MainWindow) -> threading.Event:
    """A slow job on the engine's lane until the returned event is set (longer than any wait here)."""
    gate = threading.Event()
    window.tasks.run(lambda: gate.wait(3 * SLOW / 1000), message="Busy…", on_success=lambda _r: None)
    return gate


def test_a_library_article_opens_while_the_engine_is_busy(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                          analyzer: Analyzer, library_file: Path) -> None:
    article_id = _stored(library_file, analyzer, tmp_path)
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()
    gate = _hold_the_engine(window)
    try:
        with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
            window.open_article(article_id)
        assert not gate.is_set()  # shown while the engine's lane is still held
        article = shown.args[0]
        assert isinstance(article, Document) and article.article_id == article_id and article.stored
        assert article.analysis.sentences and article.analysis.quotes
    finally:
        gate.set()


def test_an_older_article_shows_its_quotes_at_once_and_its_sentences_after(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, analyzer: Analyzer, library_file: Path) -> None:
    article_id = _stored(library_file, analyzer, tmp_path)
    engine = make_engine(library_file)
    try:  # as an older version kept it: no sentences
        migrate(engine, str(library_file), "0004_groups_views_search", down=True)
    finally:
        engine.dispose()
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()  # migrated again: the article still has no sentences
    gate = _hold_the_engine(window)
    try:
        with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
            window.open_article(article_id)
        first = shown.args[0]
        assert isinstance(first, Document) and first.analysis.quotes and first.analysis.sentences == ()
    finally:
        gate.set()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        pass  # the engine's lane finds its sentences
    second = shown.args[0]
    assert isinstance(second, Document) and second.analysis.sentences
    assert [r.id for r in second.rows] == [r.id for r in first.rows]
