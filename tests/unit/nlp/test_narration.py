"""The named entities the speaker resolver reads, read once per Doc and again only when it changed."""

from typing import Any

from spacy.tokens import Span

from attribview.core.analysis import Analyzer
from attribview.nlp.mentions import introduced_as, name_chain, narration_span
from attribview.nlp.narration import narration_of

TEXT = ("Harbour master Ilse Varga, a former pilot, said the quay would close. "
        "Varga met Tomas Brell of the Dunmere Ferry Company on Monday.")


def _read(analyzer: Analyzer) -> Any:
    return analyzer.nlp(TEXT)


def test_each_entity_is_named_as_the_mention_helpers_name_it(analyzer: Analyzer) -> None:
    doc = _read(analyzer)
    narration = narration_of(doc)
    assert [e.text for e in narration.ents] == [e.text for e in doc.ents]
    for index, ent in enumerate(narration.ents):
        named = narration.named(index)
        chain = name_chain(narration_span(ent))
        if not chain:
            assert named is None
            continue
        assert named is not None
        assert named.span == narration_span(ent) and named.chain == chain
        assert named.called == introduced_as(ent)
        assert {t.lower_ for t in named.span} <= named.descriptors


def test_one_doc_is_read_once(analyzer: Analyzer) -> None:
    doc = _read(analyzer)
    assert narration_of(doc) is narration_of(doc)
    assert narration_of(doc) is not narration_of(_read(analyzer))


def test_a_doc_whose_entities_changed_is_read_again(analyzer: Analyzer) -> None:
    doc = _read(analyzer)
    before = narration_of(doc)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    after = narration_of(doc)
    assert after is not before
    assert [(e.text, e.label_) for e in after.ents] == [("Harbour master", "ORG")]
    assert after.surnames == frozenset()
