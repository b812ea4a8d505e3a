"""What the pipeline leaves on a Doc: typed records, their span groups, the factories' declarations, and
the records' way through worker processes and DocBins (invented sentences)."""

from typing import Any

import pytest
from spacy.tokens import Doc, DocBin

from attribview.core.analysis import Analyzer
from attribview.nlp.attribution import Attribution
from attribview.nlp.results import (
    CONTENT_KEY,
    CUE_KEY,
    SOURCE_KEY,
    Attributions,
    attributions_of,
    copied,
)

TEXT = ("“The ferry will not run before spring,” said Ilse Varga, the harbour master. “We need a new hull.”\n"
        "Tomas Brell and Mira Okonjo said the council had ignored the dockers.\n")


@pytest.fixture(scope="module")
def doc(analyzer: Analyzer) -> Any:
    return analyzer.nlp(TEXT)


def test_the_pipeline_declares_what_each_component_assigns_and_requires(analyzer: Analyzer) -> None:
    report = analyzer.nlp.analyze_pipes(pretty=False)
    assert report["problems"] == {name: [] for name in analyzer.nlp.pipe_names}
    summary = report["summary"]
    assert "doc._.attributions" in summary["attribview_attributions"]["assigns"]
    assert "doc._.attributions" in summary["attribview_speakers"]["requires"]
    assert "doc.spans" in summary["attribview_speakers"]["assigns"]


def test_the_records_are_typed_attributions_with_their_speakers(doc: Any) -> None:
    found = doc._.attributions
    assert isinstance(found, Attributions)
    assert all(isinstance(a, Attribution) for a in found)
    speakers = {a.speaker for a in found}
    assert {"Ilse Varga", "Tomas Brell", "Mira Okonjo"} <= speakers
    second = next(a for a in found if doc.text[a.start:a.end].startswith("“We need"))
    assert second.follows is not None and second.follows in list(found)


def test_each_role_has_its_span_group_linked_to_its_record(doc: Any) -> None:
    found = attributions_of(doc)
    contents = doc.spans[CONTENT_KEY]
    assert len(contents) >= len(found)
    for span in contents:
        record = span._.attribution
        assert record is found[int(span.id_)]
        assert span.label_ == record.kind
        assert span.start_char <= record.start and record.end <= span.end_char
    cues = {span.text for span in doc.spans[CUE_KEY]}
    assert "said" in cues
    sources = {span._.attribution.speaker: span.text for span in doc.spans[SOURCE_KEY]}
    assert sources["Mira Okonjo"] == "Mira Okonjo"


def _same(first: list[Attribution], second: list[Attribution]) -> None:
    assert first == second
    index = {id(a): i for i, a in enumerate(first)}
    links = [index[id(a.follows)] if a.follows is not None else None for a in first]
    again = {id(a): i for i, a in enumerate(second)}
    assert [again[id(a.follows)] if a.follows is not None else None for a in second] == links


def test_the_records_cross_a_docbin_with_their_links(analyzer: Analyzer, doc: Any) -> None:
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(stored).get_docs(analyzer.nlp.vocab)
    assert isinstance(back._.attributions, Attributions)
    _same(attributions_of(doc), attributions_of(back))
    assert any(a.follows is not None for a in attributions_of(back))


def test_the_records_cross_doc_bytes(analyzer: Analyzer, doc: Any) -> None:
    back = Doc(analyzer.nlp.vocab).from_bytes(doc.to_bytes())
    _same(attributions_of(doc), attributions_of(back))
    assert [s.text for s in back.spans[CUE_KEY]] == [s.text for s in doc.spans[CUE_KEY]]


def test_a_copy_keeps_the_values_and_links_but_not_the_objects(doc: Any) -> None:
    found = attributions_of(doc)
    copies = copied(found)
    _same(found, copies)
    assert not any(a is b for a, b in zip(found, copies, strict=True))
    copies[0].flags.add("changed")
    assert "changed" not in found[0].flags
