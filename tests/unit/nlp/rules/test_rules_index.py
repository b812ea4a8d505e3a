"""The per-Doc index the rules read (``rules/index.py``), on the real model. Invented sentences."""

from __future__ import annotations

from attribview.core.analysis import Analyzer
from attribview.nlp.rules.index import DocIndex
from tests.unit.nlp.test_finder import parsed


def test_an_unclosed_quotation_ends_before_a_sentence_that_names_a_new_speaker(analyzer: Analyzer) -> None:
    text = ("“The harbour will close for a week. The boats stay in Varn. "
            "Mira Tessel said the ferries would still run.")
    ix = DocIndex(parsed(analyzer, text))
    assert [(text[q.start:q.end], q.balanced) for q in ix.quotations] == [
        ("“The harbour will close for a week. The boats stay in Varn.", False)]
