"""Word documents: headings are not analysed (a headline is not a quote), table cells read as paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from attribview.core.analysis import Analyzer
from attribview.errors import InputError
from attribview.textio import read_article

HEADLINE = "“We will rebuild the bridge,” says Mayor Ilse Brandvik"


def _save(document: docx.document.Document, tmp_path: Path) -> Path:
    path = tmp_path / "story.docx"
    document.save(str(path))
    return path


def _story(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph("The council of Velmora met on Monday to discuss the river bridge.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Cost"
    table.cell(0, 1).text = "4 million crowns"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "“The money is there,” said the treasurer, Tomas Oyelaran."
    document.add_heading("Next steps", level=2)
    document.add_paragraph("Work is expected to start in spring.")
    return _save(document, tmp_path)


def test_word_headings_are_left_out_and_table_cells_are_paragraphs(tmp_path: Path) -> None:
    source = read_article(_story(tmp_path))
    assert source.text.splitlines() == [
        "The council of Velmora met on Monday to discuss the river bridge.",
        "Cost",
        "4 million crowns",
        "“The money is there,” said the treasurer, Tomas Oyelaran.",  # a merged cell, read once
        "Work is expected to start in spring.",
    ]
    assert source.meta is not None and source.meta.title == HEADLINE  # the file has no title of its own


def test_word_headline_is_not_a_quote(tmp_path: Path, analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(read_article(_story(tmp_path)), profile="none")
    texts = [quote.text for quote in analysis.quotes]
    assert any("money is there" in text for text in texts)
    assert not any("rebuild the bridge" in text for text in texts)


def test_word_document_of_headings_only_is_refused_in_one_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading(HEADLINE, level=0)
    with pytest.raises(InputError, match="no text to analyse"):
        read_article(_save(document, tmp_path))
