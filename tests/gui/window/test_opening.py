"""Opening: a bad file reported, a file's text shown before its analysis, a library article opened
while the engine is busy, and an older one's sentences shown in place when they arrive."""

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
    with qtbot.wait_signal(window.sentences_shown, timeout=SLOW) as shown:
        pass  # the engine's lane finds its sentences
    second = shown.args[0]
    assert isinstance(second, Document) and second.analysis.sentences
    assert [r.id for r in second.rows] == [r.id for r in first.rows]


#: Invented town news, long enough to scroll: one quoted official a paragraph.
TOWN_NEWS = "\n\n".join(
    f'"The {place} reopens on {day}," said {role} {name}. The council had closed it for repairs in {month}.'
    for place, day, role, name, month in zip(
        ["library", "ferry pier", "market hall", "swimming pool", "old bridge", "bus depot", "museum",
         "harbour office", "clinic", "theatre", "post office", "stadium"] * 2,
        ["Monday", "Tuesday", "Friday"] * 8,
        ["Mayor", "Councillor", "Director", "Engineer"] * 6,
        ["Ilse Varnholt", "Brannick Oduya", "Tamsin Oreford", "Kalle Munderby", "Petra Lindqvorn",
         "Oskar Fenwright"] * 4,
        ["March", "April", "June"] * 8, strict=True)) + "\n"


def _older_stored(library_file: Path, analyzer: Analyzer, tmp_path: Path, text: str) -> int:
    """``text`` imported into the test's library as an older version kept it (no sentences); its id."""
    path = tmp_path / "town.txt"
    path.write_text(text, encoding="utf-8")
    with Library.open(library_file, analyzer) as library:
        article_id = library.import_files([path]).imported[0]
    engine = make_engine(library_file)
    try:
        migrate(engine, str(library_file), "0004_groups_views_search", down=True)
    finally:
        engine.dispose()
    return article_id


def test_an_older_articles_sentences_keep_the_selection_the_caret_and_the_scroll(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, analyzer: Analyzer, library_file: Path) -> None:
    article_id = _older_stored(library_file, analyzer, tmp_path, TOWN_NEWS)
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()
    gate = _hold_the_engine(window)
    try:
        with qtbot.wait_signal(window.article_shown, timeout=SLOW):
            window.open_article(article_id)
        first = window.document
        assert first is not None and first.analysis.sentences == () and len(first.rows) > 10
        chosen = len(first.rows) - 3  # near the end: the article scrolled to it
        with qtbot.wait_signal(window.details_shown, timeout=SLOW):
            window.select_quote(chosen)
        with qtbot.wait_signal(window.quote_saved, timeout=SLOW):  # checked while the engine works
            window.set_status("verified")
        view = window.article_view
        bar = view.verticalScrollBar()
        assert bar.maximum() > 0 and bar.value() > 0
        bar.setValue(bar.value() // 2)  # and scrolled up a little to read on
        before = (window.current_quote(), view.selected_range(), bar.value(), window.detail.quote_id)
        assert before[1] == (first.analysis.quotes[chosen].start, first.analysis.quotes[chosen].end)
    finally:
        gate.set()
    with qtbot.assert_not_emitted(window.article_shown), \
            qtbot.wait_signal(window.sentences_shown, timeout=SLOW) as found:
        pass  # the engine's lane finds its sentences: highlighted in place
    second = found.args[0]
    assert isinstance(second, Document) and second is window.document and second.analysis.sentences
    assert (window.current_quote(), view.selected_range(), bar.value(), window.detail.quote_id) == before
    assert second.rows[chosen].status == "verified"  # the check made meanwhile stays on screen
    assert window.detail.verification.status_combo.currentData() == "verified"
    sentence = next(s for s in second.analysis.sentences if s.groups)
    assert second.quotes_in(sentence.start, sentence.end)  # its group comes from the quotes on screen
    with Library.open(library_file) as library:  # another checker saves the shown quote
        library.set_verification(second.rows[chosen].id, status="disputed", checker="Ola Brekke")
    with qtbot.wait_signal(window.conflict_shown, timeout=SLOW):  # still told: the version shown is kept
        window.set_status("false")
