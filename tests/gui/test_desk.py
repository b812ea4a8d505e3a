"""The verification desk on a real library file: statuses, notes and speakers saved at once, undo, the
library sidebar and the sourcing chart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.gui.article_view import quote_tooltip
from attribview.gui.document import Document
from attribview.gui.highlights import blend
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import QUOTE_ROLE, Column
from attribview.gui.summary import NARRATION
from attribview.paths import sample_article

SLOW = 60_000


def _db_status(path: Path, quote_id: int) -> str:
    """The status as the file holds it, read with plain sqlite3 (no quote checked yet: unverified)."""
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT status FROM verification WHERE quote_id = ?", (quote_id,)).fetchone()
    return str(row[0]) if row else "unverified"


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
    combo = desk.detail.verification.status_combo
    assert combo.currentData() == "unverified"
    verified = combo.findData("verified")
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        combo.setCurrentIndex(verified)
        combo.activated.emit(verified)  # what a user's choice in the list emits
    assert _db_status(library_file, quote_id) == "verified"
    row = desk.table.selectionModel().selectedRows()[0].row()
    assert desk.proxy.index(row, Column.STATUS).data() == "Verified"
    assert any("status: unverified → verified" in line for line in desk.detail.verification.history_texts())

    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()
    assert _db_status(library_file, quote_id) == "unverified"
    assert combo.currentData() == "unverified"
    assert desk.proxy.index(row, Column.STATUS).data() == "Unverified"
    history = desk.detail.verification.history_texts()
    assert "status: verified → unverified" in history[0]  # the undo is recorded, newest first
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
    assert desk.detail.verification.status_combo.currentData() == "disputed"
    desk.status_filter.setCurrentIndex(desk.status_filter.findData("disputed"))
    assert desk.proxy.rowCount() == 1


def test_note_and_evidence_are_saved_with_the_quote(qtbot: QtBot, desk: MainWindow,
                                                    library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    qtbot.keyClicks(desk.detail.verification.note_edit,  # type: ignore[no-untyped-call]
                    "Checked against the Kremlin transcript.")
    desk.detail.verification.evidence_edit.insertPlainText(
        "https://example.org/transcript\n\nhttps://example.org/video ")
    with qtbot.wait_signals([desk.quote_saved, desk.quote_saved], timeout=SLOW):
        desk.detail.commit_pending()
    with Library.open(library_file) as library:
        verification = library.verification(quote_id)
        assert verification.note == "Checked against the Kremlin transcript."
        # each link as typed; the blank line between them is no link
        assert verification.evidence == ("https://example.org/transcript", "https://example.org/video ")
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()  # the evidence
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()  # the note
    assert desk.detail.verification.note_edit.toPlainText() == ""
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
    history = desk.detail.verification.history_texts()
    assert any("speaker: Dmitry Peskov → Volodymyr Zelensky" in t for t in history)
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
        library.verify(quotes[0].id, "verified", note="ok", checker="tester")
        library.verify(quotes[1].id, "in_progress", checker="tester")  # begun, not finished
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


# --- corrections from the article: not an attribution, an attribution added from a selection ----------


def _db_quote(path: Path, quote_id: int) -> tuple[str, int, int, str, bool, bool]:
    """(origin, start, end, text, rejected, speaker_by_hand) as the file holds them."""
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT origin, start, \"end\", text, rejected, speaker_by_hand FROM quote "
                         "WHERE id = ?", (quote_id,)).fetchone()
    assert row is not None, quote_id
    return str(row[0]), int(row[1]), int(row[2]), str(row[3]), bool(row[4]), bool(row[5])


def _background(window: MainWindow, offset: int) -> QColor | None:
    brush = window.article_view.format_at(offset).background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()


def _colour(window: MainWindow, group: str) -> QColor:
    style = window.document.group(group) if window.document is not None else None
    assert style is not None
    return blend(QColor(style.colour), window.article_view.palette().color(QPalette.ColorRole.Base))


def test_not_an_attribution_is_saved_and_undo_brings_it_back(qtbot: QtBot, desk: MainWindow,
                                                             library_file: Path) -> None:
    article = desk.document
    assert article is not None
    quotes = len(article.rows)
    index = next(i for i, q in enumerate(article.analysis.quotes) if q.speaker == "Taras Bilyk")
    quote = article.analysis.quotes[index]
    quote_id = _select(qtbot, desk, "Taras Bilyk")
    assert desk.reject_action.isEnabled()
    assert _background(desk, quote.start + 1) == _colour(desk, "ukrainian_military")
    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.reject_action.trigger()
    assert _db_quote(library_file, quote_id)[4] is True
    assert desk.proxy.rowCount() == quotes - 1
    assert desk.document is not None and quote_id not in [r.id for r in desk.document.rows]
    assert _background(desk, quote.start + 1) is None  # its sentence is narration now
    assert "not an attribution" in desk.status_label.text()

    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.undo_action.trigger()
    assert _db_quote(library_file, quote_id)[4] is False
    assert desk.proxy.rowCount() == quotes
    assert _background(desk, quote.start + 1) == _colour(desk, "ukrainian_military")
    assert desk.detail.quote_id == quote_id  # the quote brought back is the one selected
    with Library.open(library_file) as library:
        assert [(h.field, h.new_value) for h in library.quote_history(quote_id)] == \
            [("rejected", "true"), ("rejected", "false")]
    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.redo_action.trigger()
    assert _db_quote(library_file, quote_id)[4] is True


def test_not_an_attribution_keeps_the_search_and_moves_to_the_next_row(qtbot: QtBot,
                                                                       desk: MainWindow) -> None:
    article = desk.document
    assert article is not None
    speakers = [q.speaker for q in article.analysis.quotes if q.speaker]
    speaker = max(set(speakers), key=speakers.count)  # the speaker quoted most: a search with rows left
    assert speakers.count(speaker) >= 3
    desk.search.setText(speaker)
    shown = desk.proxy.rowCount()
    assert 3 <= shown < len(article.rows)
    with qtbot.wait_signal(desk.details_shown, timeout=SLOW):
        desk.table.selectRow(1)
    rejected = desk.detail.quote_id
    following = desk.proxy.index(2, 0).data(QUOTE_ROLE)
    assert article.row(int(following)) is not None
    following_id = article.row(int(following)).id  # type: ignore[union-attr]
    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.reject_action.trigger()
    assert desk.search.text() == speaker and desk.proxy.rowCount() == shown - 1  # the filter stays
    assert desk.detail.quote_id == following_id != rejected  # the next row under the filter


def test_context_menu_on_a_sentence_selects_its_quote_and_offers_the_corrections(
        qtbot: QtBot, desk: MainWindow) -> None:
    article = desk.document
    assert article is not None
    index = next(i for i, q in enumerate(article.analysis.quotes) if q.speaker == "Dmitry Peskov")
    view = desk.article_view
    view.select_quote(index)
    point = view.cursorRect().center()
    view.setTextCursor(view.cursorForPosition(point))  # a right click, no selection
    menu = view.context_menu(point)
    assert desk.current_quote() == index
    texts = {a.text(): a for a in menu.actions()}
    assert texts["&Not an Attribution"].isEnabled()
    assert view.selected_range() == (article.analysis.quotes[index].start, article.analysis.quotes[index].end)
    assert not texts["&Add Attribution from Selection…"].isEnabled()  # the selection is that quote already


def test_attribution_added_from_a_selection_is_saved_highlighted_and_undone(
        qtbot: QtBot, desk: MainWindow, library_file: Path) -> None:
    article = desk.document
    assert article is not None
    quotes = len(article.rows)
    text = article.analysis.text
    phrase = "Verbivka had about 3,000 residents before the war."
    start = text.index(phrase)
    end = start + len(phrase)
    assert _background(desk, start + 1) is None  # narration
    view = desk.article_view
    cursor = view.textCursor()
    cursor.setPosition(start - 1)  # the space before it: left out of the span
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert desk.add_quote_action.isEnabled()
    desk.add_quote_action.trigger()
    dialog = desk.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.said.text() == phrase
    assert not dialog.ok_button.isEnabled()  # no group yet: it would not be highlighted
    completions = dialog.speaker_edit.completer().model()
    assert "Oleksandr Hrytsenko" in [completions.index(i, 0).data() for i in range(completions.rowCount())]
    dialog.speaker_edit.setText("Oleksandr Hrytsenko")
    assert dialog.group() == "local_officials"  # a known speaker brings his group
    assert dialog.kind() == "indirect"
    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW) as changed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    quote_id = changed.args[0].row.id
    assert _db_quote(library_file, quote_id) == ("manual", start, end, phrase, False, True)
    with Library.open(library_file) as library:
        row = library.quote(quote_id)
        assert (row.speaker, row.group, row.kind) == ("Oleksandr Hrytsenko", "local_officials", "indirect")
    assert desk.proxy.rowCount() == quotes + 1
    assert _background(desk, start + 1) == _colour(desk, "local_officials")
    assert desk.detail.quote_id == quote_id
    shown = desk.document
    assert shown is not None
    assert "added by hand" in quote_tooltip(shown, shown.index_of(quote_id) or 0)

    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.undo_action.trigger()
    assert _db_quote(library_file, quote_id)[4] is True  # rejected: the record stays
    assert desk.proxy.rowCount() == quotes
    assert _background(desk, start + 1) is None
    with qtbot.wait_signal(desk.quotes_changed, timeout=SLOW):
        desk.redo_action.trigger()  # the same quote comes back, no twin
    assert _db_quote(library_file, quote_id)[4] is False
    with sqlite3.connect(library_file) as db:
        assert db.execute("SELECT count(*) FROM quote WHERE origin = 'manual'").fetchone()[0] == 1


def test_undo_of_a_reassignment_gives_the_speaker_back_to_the_engine(qtbot: QtBot, desk: MainWindow,
                                                                     library_file: Path) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    assert _db_quote(library_file, quote_id)[5] is False
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.detail.speaker_edit.setText("Volodymyr Zelensky")
        desk.detail.speaker_edit.editingFinished.emit()
    assert _db_quote(library_file, quote_id)[5] is True
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.undo_action.trigger()
    assert _db_quote(library_file, quote_id)[5] is False
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.redo_action.trigger()
    assert _db_quote(library_file, quote_id)[5] is True


def test_hovering_a_sentence_shows_its_verification_status(qtbot: QtBot, desk: MainWindow) -> None:
    quote_id = _select(qtbot, desk, "Dmitry Peskov")
    article = desk.document
    assert article is not None
    index = article.index_of(quote_id)
    assert index is not None
    tip = quote_tooltip(article, index)
    assert "Dmitry Peskov" in tip and "confidence" in tip and "status: <b>Unverified</b>" in tip
    with qtbot.wait_signal(desk.quote_saved, timeout=SLOW):
        desk.set_status("disputed")
    assert desk.document is not None
    assert "status: <b>Disputed</b>" in quote_tooltip(desk.document, index)
    view = desk.article_view
    view.select_quote(index)
    point = view.cursorRect().center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert "Disputed" in QToolTip.text()


def test_tooltip_of_an_article_not_in_the_library_says_so(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert "status: not in the library" in quote_tooltip(sample, 0)
    assert not window.reject_action.isEnabled()
