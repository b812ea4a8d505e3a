"""Fragments of source / cue / content become one BIO tag per token (invented article), stored with
the rules' annotations and read back as training examples."""

import json
from pathlib import Path
from typing import Any

import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.model import load_pipeline
from attribview.training.convert import annotated_corpus, bio_tags, reference_doc, write_docbin

TEXT = "Mayor Odile Varant said the ferry, which sank, would be raised. Rain fell on Tarnby."


def _span(text: str, part: str) -> list[int]:
    start = TEXT.index(part)
    return [start, start + len(part)]


GOLD: dict[str, Any] = {
    "text": TEXT,
    "quotes": [{
        "source_fragments": [_span(TEXT, "Mayor Odile Varant")],
        "cue_fragments": [_span(TEXT, "said")],
        # two fragments: the content skips the relative clause
        "content_fragments": [_span(TEXT, "the ferry"), _span(TEXT, "would be raised")],
    }],
}


@pytest.fixture(scope="module")
def tags(analyzer: Analyzer) -> list[tuple[str, str]]:
    doc = analyzer.nlp.make_doc(TEXT)
    return [(t.text, t.tag_) for t in reference_doc(doc, bio_tags(doc, GOLD["quotes"]))]


def test_each_fragment_starts_with_b_and_carries_on_with_i(tags: list[tuple[str, str]]) -> None:
    assert tags[:6] == [("Mayor", "B-SOURCE"), ("Odile", "I-SOURCE"), ("Varant", "I-SOURCE"),
                        ("said", "B-CUE"), ("the", "B-CONTENT"), ("ferry", "I-CONTENT")]
    assert tags[6:9] == [(",", "O"), ("which", "O"), ("sank", "O")]
    assert [tag for _, tag in tags[10:13]] == ["B-CONTENT", "I-CONTENT", "I-CONTENT"]


def test_tokens_outside_every_fragment_are_outside(tags: list[tuple[str, str]]) -> None:
    assert {tag for text, tag in tags[13:]} == {"O"}


def test_a_token_already_tagged_keeps_its_first_role(analyzer: Analyzer) -> None:
    """PolNeAR is univocal; if two fragments claim one token anyway, the first one wins."""
    doc = analyzer.nlp.make_doc(TEXT)
    quotes = [{"cue_fragments": [_span(TEXT, "said")]}, {"content_fragments": [_span(TEXT, "said the")]}]
    assert bio_tags(doc, quotes)[3:5] == ["B-CUE", "I-CONTENT"]


def test_stored_articles_come_back_as_examples_of_the_rules_reading_and_the_gold(tmp_path: Path) -> None:
    (tmp_path / "mini.json").write_text(json.dumps(GOLD), encoding="utf-8")
    rules = load_pipeline(learned=False)
    assert write_docbin(rules, tmp_path, ["mini"], tmp_path / "mini.spacy") == 1
    [example] = list(annotated_corpus(tmp_path / "mini.spacy")(rules))
    assert [t.tag_ for t in example.reference][:4] == ["B-SOURCE", "I-SOURCE", "I-SOURCE", "B-CUE"]
    assert example.predicted[3].tag_ == "VBD"  # the predicted side keeps the parse the rules read
    [record] = example.predicted._.attributions
    assert record.cue is not None and TEXT[record.cue[0]:record.cue[1]] == "said"
