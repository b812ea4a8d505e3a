"""The article on screen: the table's rows, filters, selection and keyboard, in step with the article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.gui.document import Document, make_document
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import QUOTE_ROLE, Column
from attribview.textio import prepare_text


def test_table_has_a_row_per_quote_with_speakers(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    model = window.proxy
    assert model.rowCount() == len(sample.analysis.quotes)
    speakers = [model.index(row, Column.SPEAKER).data() for row in range(model.rowCount())]
    assert speakers == [q.speaker for q in sample.analysis.quotes]
    assert "Volodymyr Zelensky" in speakers


def test_search_and_group_filter(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    window.search.setText("peskov")
    peskov = sum(1 for q in sample.analysis.quotes if q.speaker == "Dmitry Peskov")
    assert window.proxy.rowCount() == peskov
    window.search.clear()
    window.proxy.set_group("local_officials")
    local = sum(1 for q in sample.analysis.quotes if q.group == "local_officials")
    assert window.proxy.rowCount() == local


def test_selecting_a_row_selects_the_quote_in_the_article(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    row = 12
    window.table.selectRow(row)
    quote_index = window.proxy.index(row, 0).data(QUOTE_ROLE)
    quote = sample.analysis.quotes[quote_index]
    assert window.article_view.selected_range() == (quote.start, quote.end)
    assert window.detail.speaker_edit.text() == quote.speaker


def test_keyboard_steps_through_quotes(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_J)  # type: ignore[no-untyped-call]
    assert window.current_quote() == 0
    qtbot.keyClick(window, Qt.Key.Key_J)  # type: ignore[no-untyped-call]
    assert window.current_quote() == 1
    qtbot.keyClick(window, Qt.Key.Key_K)  # type: ignore[no-untyped-call]
    assert window.current_quote() == 0


def test_clicking_a_sentence_selects_its_row(qtbot: QtBot, window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    view = window.article_view
    quote_index = next(i for i, q in enumerate(sample.analysis.quotes) if q.speaker == "Olena Marchuk")
    quote = sample.analysis.quotes[quote_index]
    cursor = view.textCursor()
    cursor.setPosition(quote.start + 3)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[no-untyped-call]
    assert window.current_quote() == quote_index


def test_stances_are_labelled_and_counted_apart_from_quotes(window: MainWindow, analyzer: Analyzer) -> None:
    text = "“The pier will reopen in May,” Mayor Helga Strand said. The dockers' union wants to delay it.\n"
    relations = NAMED_CONVENTIONS["relations"]  # stances count only where relations are asked for
    article = make_document(analyzer.analyze(prepare_text(text), conventions=relations), analyzer.profiles,
                            title="pier")
    window.show_article(article)
    kinds = [window.proxy.index(row, Column.KIND).data() for row in range(window.proxy.rowCount())]
    assert kinds == ["direct quote", "stance or intention"]
    assert window.counts_label.text() == "1 quote · 2 sentences · 1 stance"
    kind_width = window.table.columnWidth(Column.KIND)
    assert kind_width >= window.table.fontMetrics().horizontalAdvance("stance or intention")
