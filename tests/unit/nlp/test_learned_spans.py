"""The decoder from role probabilities to attributions, on invented sentences parsed by the real model
with hand-set probabilities (so that the decoding is checked whatever the trained weights say)."""

from typing import Any

import numpy
import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.learned_spans import CONTENT, CUE, SOURCE, Layout, Region, decode, regions

TEXT = "Mayor Ilse Varga said the ferry, which sank in May, would be raised soon."


def _probs(doc: Any, values: dict[str, tuple[int, float]]) -> numpy.ndarray:
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, (column, p) in values.items():
        start = doc.text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        probs[span.start:span.end, column] = p
    return probs


@pytest.fixture(scope="module")
def doc(analyzer: Analyzer) -> Any:
    return analyzer.nlp(TEXT)


def _text(doc: Any, region: Region) -> str:
    return str(doc[region.start:region.end].text)


def test_a_region_runs_over_unsure_words_between_sure_ones(doc: Any) -> None:
    probs = _probs(doc, {"the ferry, which sank in May, would be raised soon": (CONTENT, 0.9),
                         "which sank in May": (CONTENT, 0.35)})[:, CONTENT]
    assert [_text(doc, r) for r in regions(doc, probs)] == [
        "the ferry, which sank in May, would be raised soon"]
    # under the low bar the run breaks; a run with no sure word is no region
    probs[[t.i for t in doc if t.text == "sank"]] = 0.1
    assert len(regions(doc, probs)) == 2
    assert regions(doc, numpy.full(len(doc), 0.4, dtype="float32")) == []


def test_a_region_stops_at_a_paragraph_break(analyzer: Analyzer) -> None:
    two = analyzer.nlp("The pier was unsafe.\n\nThe tide would rise.")
    found = regions(two, numpy.full(len(two), 0.9, dtype="float32"))
    assert [_text(two, r) for r in found] == ["The pier was unsafe.", "The tide would rise."]


def test_a_content_goes_to_its_cue_and_the_cue_to_its_source(doc: Any) -> None:
    probs = _probs(doc, {"Mayor Ilse Varga": (SOURCE, 0.8), "said": (CUE, 0.9),
                         "the ferry, which sank in May, would be raised soon": (CONTENT, 0.8)})
    [found] = decode(doc, probs)
    assert doc.text[found.start:found.end] == "the ferry, which sank in May, would be raised soon"
    assert doc.text[found.source[0]:found.source[1]] == "Mayor Ilse Varga"  # type: ignore[index]
    assert doc.text[found.cue[0]:found.cue[1]] == "said"  # type: ignore[index]
    assert found.kind == "indirect" and "learned" in found.flags and found.tail is None


def test_the_fragments_of_one_cue_make_one_attribution(doc: Any) -> None:
    probs = _probs(doc, {"said": (CUE, 0.9), "the ferry": (CONTENT, 0.8),
                         "would be raised soon": (CONTENT, 0.8)})
    [found] = decode(doc, probs)
    assert doc.text[found.start:found.end] == "the ferry"
    assert doc.text[found.tail[0]:found.tail[1]] == "would be raised soon"  # type: ignore[index]


def test_without_a_source_read_the_cue_s_subject_speaks(doc: Any) -> None:
    probs = _probs(doc, {"said": (CUE, 0.9), "would be raised soon": (CONTENT, 0.8)})
    [found] = decode(doc, probs)
    assert doc.text[found.source[0]:found.source[1]] == "Mayor Ilse Varga"  # type: ignore[index]


def test_a_content_without_a_cue_is_left_out(doc: Any) -> None:
    assert decode(doc, _probs(doc, {"would be raised soon": (CONTENT, 0.9)})) == []


def test_a_fragment_ending_before_the_cue_s_sentence_is_not_its_content(analyzer: Analyzer) -> None:
    two = analyzer.nlp("“The dam will hold.” The engineers want to raise it next spring.")
    probs = _probs(two, {"“The dam will hold.”": (CONTENT, 0.8), "want": (CUE, 0.9),
                         "to raise it next spring": (CONTENT, 0.8)})
    [found] = decode(two, probs)
    assert two.text[found.start:found.end] == "to raise it next spring" and found.tail is None
    # the same fragments inside the cue's sentence stay one attribution
    one = analyzer.nlp("The dam will hold, the engineers said, and it can be raised next spring.")
    probs = _probs(one, {"The dam will hold": (CONTENT, 0.8), "said": (CUE, 0.9),
                         "it can be raised next spring": (CONTENT, 0.8)})
    [found] = decode(one, probs)
    assert one.text[found.start:found.end] == "The dam will hold" and found.tail is not None


LAYOUT_TEXT = "Ilse Varga said:  “The ferry sank.”\n\nTomas Brell, the pilot, disagreed ... strongly."


def test_the_layout_reads_the_words_char_span_would_hold(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(LAYOUT_TEXT)
    layout = Layout(doc)
    assert layout.starts.tolist() == [t.idx for t in doc]
    assert layout.text == LAYOUT_TEXT
    # every stretch of characters, edges in spaces and marks included, and some off the text
    for start in range(-1, len(LAYOUT_TEXT) + 2):
        for end in range(start, min(start + 25, len(LAYOUT_TEXT) + 3)):
            span = doc.char_span(start, end, alignment_mode="expand") if 0 <= start < end else None
            expected = [t.i for t in span if not (t.is_space or t.is_punct)] if span is not None else []
            assert layout.words(start, end).tolist() == expected, (start, end)


def test_the_layout_gives_the_characters_a_span_of_tokens_covers(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(LAYOUT_TEXT)
    layout = Layout(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert layout.chars(start, end) == (doc[start:end].start_char, doc[start:end].end_char)


def test_the_layout_knows_sentences_and_paragraph_breaks(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(LAYOUT_TEXT)
    layout = Layout(doc)
    assert [layout.sent_start(t.i) for t in doc] == [t.sent.start for t in doc]
    assert layout.breaks.tolist() == [t.is_space and "\n" in t.text for t in doc]
    brell = next(t.i for t in doc if t.text == "Tomas")
    assert layout.broken(0, brell) and not layout.broken(brell, len(doc)) and not layout.broken(brell, 0)


def test_the_layout_text_is_the_doc_text(analyzer: Analyzer) -> None:
    text = "Ana Vel said:  “The ferry\n\nis late.”\tIt left at 9 a.m. "
    doc = analyzer.nlp.make_doc(text)
    assert Layout(doc).text == doc.text == text
