"""The verification desk on a real library file: statuses, notes and speakers saved at once, undo, the
library sidebar and the sourcing chart."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.gui.article_view import blend
from attribview.gui.document import Document
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import Column
from attribview.gui.summary import NARRATION
from attribview.paths import sample_article

SLOW = 60_000


def _db_status(path: Path, quote_id: int) -> str:
    """The status as the file holds it, read with plain sqlite3 (no quote checked yet: unverified)."""
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT status FROM verification WHERE quote_id = ?", (quote_id,)).fetchone()
    return str(row[0]) if row else "unverified"


@pytest.fixture
def desk(qtbot: QtBot, window: MainWindow) -> Iterator[MainWindow]:
    """The window with its library open and the sample article analysed and saved in it."""
    with qtbot.wait_signal(window.library_opened, timeout=SLOW):
        window.start()
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        window.open_sample()
    assert window.document is not None and window.document.stored
    yield window


def _select(qtbot: QtBot, window: MainWindow, speaker: str) -> int:
    """Select the first quote of ``speaker`` and wait for its details; its library id."""
    article = window.document
    assert article is not None
    index = next(i for i, q in enumerate(article.analysis.quotes) if q.speaker == speaker)
    with qtbot.wait_signal(window.details_shown, timeout=SLOW):
        window.select_quote(index)
    row = article.row(index)
    assert row is not None
    return row.id


def test_status_chosen_in_the_panel_reaches_the_database_and_undo_restores_it(
        qtbot: QtBot, desk: MainWindow, library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    combo = desk.detail.status_combo
    assert combo.currentData() == "unverified"
    verified = combo.findData("verified")
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        combo.setCurrentIndex(verified)
        combo.activated.emit(verified)  # what a user's choice in the list emits
    assert _db_status(library_file, quote_id) == "verified"
    row = desk.table.selectionModel().selectedRows()[0].row()
    assert desk.proxy.index(row, Column.STATUS).data() == "Verified"
    assert any("Status: Unverified → Verified" in line for line in desk.detail.history_texts())

    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()
    assert _db_status(library_file, quote_id) == "unverified"
    assert combo.currentData() == "unverified"
    assert desk.proxy.index(row, Column.STATUS).data() == "Unverified"
    history = desk.detail.history_texts()
    assert "Status: Verified → Unverified" in history[0]  # the undo is recorded, newest first
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.redo_action.trigger()
    assert _db_status(library_file, quote_id) == "verified"


def test_keys_set_the_status_of_the_selected_quote(qtbot: QtBot, desk: MainWindow,
                                                   library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Volodymyr Zelensky")
    desk.table.setFocus()
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        qtbot.keyClick(desk.table, Qt.Key.Key_D)  # type: ignore[no-untyped-call]
    assert _db_status(library_file, quote_id) == "disputed"
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        qtbot.keyClick(desk.table, Qt.Key.Key_5)  # type: ignore[no-untyped-call]
    assert _db_status(library_file, quote_id) == "false"
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        qtbot.keyClick(desk.table, Qt.Key.Key_Z,  # type: ignore[no-untyped-call]
                       Qt.KeyboardModifier.ControlModifier)
    assert _db_status(library_file, quote_id) == "disputed"
    assert desk.detail.status_combo.currentData() == "disputed"
    desk.status_filter.setCurrentIndex(desk.status_filter.findData("disputed"))
    assert desk.proxy.rowCount() == 1


def test_note_and_evidence_are_saved_with_the_quote(qtbot: QtBot, desk: MainWindow,
                                                    library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    desk.detail.note_edit.setPlainText("Checked against the Kremlin transcript.")
    desk.detail.evidence_edit.setPlainText("https://example.org/transcript\n\nhttps://example.org/video ")
    with qtbot.wait_signals([desk.quote_saved, desk.quote_saved], timeout=SLOW):
        desk.detail.commit_pending()
    with Library.open(library_file) as library:
        verification = library.verification(quote_id)
        assert verification.note == "Checked against the Kremlin transcript."
        assert verification.evidence == ("https://example.org/transcript", "https://example.org/video")
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()  # the evidence
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()  # the note
    assert desk.detail.note_edit.toPlainText() == ""
    with Library.open(library_file) as library:
        assert not library.verification(quote_id).note


def test_speaker_reassignment_is_saved_recorded_and_recoloured(qtbot: QtBot, desk: MainWindow,
                                                               library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    article = desk.document
    assert article is not None
    quote = next(q for q in article.analysis.quotes if q.speaker == "Dmitry Peskov")
    edit = desk.detail.speaker_edit
    completions = edit.completer().model()
    assert "Volodymyr Zelensky" in [completions.index(i, 0).data() for i in range(completions.rowCount())]
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        edit.setText("Volodymyr Zelensky")
        edit.editingFinished.emit()
    with Library.open(library_file) as library:
        changes = {(h.field, h.old_value, h.new_value) for h in library.quote_history(quote_id)}
        assert library.quote(quote_id).speaker == "Volodymyr Zelensky"
    assert ("speaker", "Dmitry Peskov", "Volodymyr Zelensky") in changes
    assert ("group", "russian_officials", "zelensky") in changes  # the known speaker's group follows
    assert desk.detail.group_combo.currentData() == "zelensky"
    assert any("Speaker: Dmitry Peskov → Volodymyr Zelensky" in t for t in desk.detail.history_texts())
    style = desk.document.group("zelensky") if desk.document is not None else None
    assert style is not None
    base = desk.article_view.palette().color(QPalette.ColorRole.Base)
    assert desk.article_view.format_at(quote.start + 1).background().color() == \
        blend(QColor(style.colour), base)

    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()
    with Library.open(library_file) as library:
        assert library.quote(quote_id).speaker == "Dmitry Peskov"
    assert desk.detail.speaker_edit.text() == "Dmitry Peskov"


def test_library_sidebar_lists_articles_with_progress_and_opens_them(
        qtbot: QtBot, window: MainWindow, analyzer: Analyzer, library_file: Path) -> None:
    with Library.open(library_file, analyzer) as library:
        report = library.import_files([sample_article()])
        article_id = report.imported[0]
        quotes = library.quotes(article_id)
        library.verify(quotes[0].id, "verified", note="ok", who="tester")
        library.verify(quotes[1].id, "in_progress", who="tester")  # begun, not finished
    with qtbot.wait_signal(window.library_listed, timeout=SLOW):
        window.start()
    title, checked, total = window.library_panel.rows()[0]
    assert title.startswith("Russian drones and missiles")  # the article's first line
    assert (checked, total) == (1, len(quotes))

    item = window.library_panel.tree.topLevelItem(0)
    assert item is not None
    with qtbot.wait_signal(window.article_shown, timeout=SLOW) as shown:
        window.library_panel.tree.itemClicked.emit(item, 0)
    article = shown.args[0]
    assert isinstance(article, Document) and article.article_id == article_id
    assert [r.id for r in article.rows] == [q.id for q in quotes]
    assert window.proxy.index(0, Column.STATUS).data() == "Verified"
    assert window.proxy.index(1, Column.STATUS).data() == "In progress"


def test_chart_has_a_bar_per_group_with_a_sentence_and_one_for_narration(window: MainWindow,
                                                                        sample: Document) -> None:
    window.show_article(sample)
    expected = {g.label: g.sentences for g in sample.groups if g.sentences}
    narration = sum(1 for s in sample.analysis.sentences if not s.groups)
    assert window.summary.bars() == {**expected, NARRATION: narration}
    numbers = window.summary.numbers
    assert numbers is not None
    assert window.summary.narration_number.text() == f"{numbers.narration_share}%"
    assert window.summary.anonymous_number.text() == \
        str(sum(1 for q in sample.analysis.quotes if "anonymous" in q.flags))
