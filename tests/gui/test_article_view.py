"""The highlighted article, the legend and the quote table on the real sample analysis."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from pytestqt.qtbot import QtBot

from attribview.core.analysis import Analyzer
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.gui.article_view import OffsetMap, display_text
from attribview.gui.document import Document, make_document
from attribview.gui.highlights import blend
from attribview.gui.main_window import MainWindow
from attribview.gui.quote_model import QUOTE_ROLE, Column, QuoteFilterModel, QuoteTableModel
from attribview.textio import prepare_text


def _offset(article: Document, phrase: str) -> int:
    offset = article.analysis.text.find(phrase)
    assert offset >= 0, phrase
    return offset


def _expected(window: MainWindow, article: Document, group: str) -> QColor:
    style = article.group(group)
    assert style is not None
    return blend(QColor(style.colour), window.article_view.palette().color(QPalette.ColorRole.Base))


def test_quotes_take_their_groups_colour_and_narration_stays_plain(window: MainWindow,
                                                                   sample: Document) -> None:
    window.show_article(sample)
    view = window.article_view
    mod = view.format_at(_offset(sample, "its forces had struck"))
    assert mod.background().color() == _expected(window, sample, "russian_mod")
    reporter = view.format_at(_offset(sample, "in a statement that its forces"))  # the reporter's words
    assert reporter.background().style() == Qt.BrushStyle.NoBrush
    peskov = view.format_at(_offset(sample, "placing artillery"))
    assert peskov.background().color() == _expected(window, sample, "russian_officials")
    narration = view.format_at(_offset(sample, "Verbivka had about 3,000 residents"))
    assert narration.background().style() == Qt.BrushStyle.NoBrush


def test_cue_is_underlined_and_source_is_bold(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    quote = next(q for q in sample.analysis.quotes if q.speaker == "Dmitry Peskov")
    assert quote.cue_start is not None and quote.source_start is not None
    assert window.article_view.format_at(quote.cue_start).fontUnderline()
    assert window.article_view.format_at(quote.source_start).fontWeight() == QFont.Weight.Bold


def test_article_text_is_plain_text_never_markup(window: MainWindow, sample: Document) -> None:
    window.show_article(sample)
    assert window.article_view.toPlainText() == display_text(sample.analysis.text)


def test_legend_lists_groups_with_counts_and_toggling_hides_highlights(qtbot: QtBot, window: MainWindow,
                                                                       sample: Document) -> None:
    window.show_article(sample)
    zelensky = sample.group("zelensky")
    assert zelensky is not None and zelensky.quotes == 3
    position = _offset(sample, "air defence is not a luxury")
    assert window.article_view.format_at(position).background().style() != Qt.BrushStyle.NoBrush
    with qtbot.wait_signal(window.legend.visibility_changed):
        window.legend.set_group_visible("zelensky", False)
    assert window.article_view.format_at(position).background().style() == Qt.BrushStyle.NoBrush
    other = _offset(sample, "placing artillery")
    assert window.article_view.format_at(other).background().color() == \
        _expected(window, sample, "russian_officials")
    window.legend.set_group_visible("zelensky", True)
    assert window.article_view.format_at(position).background().color() == \
        _expected(window, sample, "zelensky")


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


def test_quote_model_passes_the_model_tester(qtmodeltester: object, sample: Document) -> None:
    model = QuoteTableModel()
    model.set_article(sample)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = QuoteFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search("said")
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]


def test_offsets_count_characters_not_utf16_units() -> None:
    text = "a😀b c😀d"
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.from_qt(offsets.to_qt(i)) == i
    assert offsets.to_qt(2) == 3
    assert display_text("a\r\nb\rc") == "a \nb\nc"


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
