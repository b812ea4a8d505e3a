"""Rules and tagger combined, on invented sentences with hand-set tagger output (the real pipeline
parses them; only the tagger's probabilities and spans are written by the test, so the logic is
checked whatever the trained weights say)."""

from typing import Any

import numpy
import pytest
from spacy.tokens import Span

from attribview.core.analysis import Analyzer
from attribview.nlp.attribution import COMBINED, LEARNED, RULES, Attribution
from attribview.nlp.blend import Calibration, Curve, blend, learned_score
from attribview.nlp.learned import ROLES, SPANS_KEY
from attribview.nlp.results import attributions_of

TEXT = ("The harbour master said the pier was unsafe. "
        "Later, Ines Calloway warned that the tide would rise.")
#: Identity curves; drop rule candidates under 0.5, add learned ones from 0.6.
CALIBRATION = Calibration(curves={}, drop_below=0.5, add_above=0.6)


def _tokens(doc: Any, phrase: str) -> range:
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    return range(span.start, span.end)


def _doc(analyzer: Analyzer, roles: dict[str, tuple[int, float]],
         spans: list[tuple[str, str]] = ()) -> Any:  # type: ignore[assignment]
    """The parsed text with the tagger's output replaced: ``roles`` maps a phrase to (role column,
    probability); everything else is outside."""
    doc = analyzer.nlp(TEXT)
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, (column, p) in roles.items():
        probs[list(_tokens(doc, phrase)), column] = p
    doc._.set(ROLES, probs)
    doc.spans[SPANS_KEY] = [Span(doc, _tokens(doc, p).start, _tokens(doc, p).stop, label=label)
                            for p, label in spans]
    return doc


def _rules(doc: Any) -> list[Attribution]:
    return attributions_of(doc)


@pytest.fixture(scope="module")
def rejected(analyzer: Analyzer) -> Any:
    """The tagger is sure of the first attribution and reads nothing in the second."""
    return _doc(analyzer, {"The harbour master": (0, 0.9), "said": (1, 0.95),
                           "the pier was unsafe": (2, 0.9)})


def test_the_rules_find_both_attributions(rejected: Any) -> None:
    assert [rejected.text[a.start:a.end] for a in _rules(rejected)] == [
        "the pier was unsafe", "the tide would rise"]


def test_a_candidate_the_tagger_rejects_is_dropped(rejected: Any) -> None:
    kept = blend(rejected, _rules(rejected), COMBINED, CALIBRATION)
    assert [rejected.text[a.start:a.end] for a in kept] == ["the pier was unsafe"]
    assert kept[0].confidence == pytest.approx((2 * 0.9 + 0.95 + 0.9) / 4, abs=1e-6)


def test_the_score_weighs_content_twice(rejected: Any) -> None:
    first = _rules(rejected)[0]
    assert learned_score(rejected, first) == pytest.approx((2 * 0.9 + 0.95 + 0.9) / 4, abs=1e-6)


def test_the_rules_engine_keeps_every_candidate(rejected: Any) -> None:
    assert len(blend(rejected, _rules(rejected), RULES, CALIBRATION)) == 2


def test_the_curve_of_each_origin_sets_the_confidence(rejected: Any) -> None:
    calibration = Calibration(curves={RULES: Curve((0.0, 0.5), (0.1, 0.7))}, drop_below=0.0)
    kept = blend(rejected, _rules(rejected), COMBINED, calibration)
    assert [a.confidence for a in kept] == [0.7, 0.1]


def test_a_sure_learned_attribution_the_rules_missed_is_added(analyzer: Analyzer) -> None:
    phrases = {"The harbour master": (0, 0.9), "said": (1, 0.9), "the pier was unsafe": (2, 0.9),
               "Ines Calloway": (0, 0.9), "warned": (1, 0.9), "the tide would rise": (2, 0.9)}
    spans = [("Ines Calloway", "SOURCE"), ("warned", "CUE"), ("the tide would rise", "CONTENT")]
    doc = _doc(analyzer, phrases, spans)
    rules = [a for a in _rules(doc) if doc.text[a.start:a.end] != "the tide would rise"]
    found = blend(doc, rules, COMBINED, CALIBRATION)
    added = [a for a in found if "learned" in a.flags]
    assert [doc.text[a.start:a.end] for a in added] == ["the tide would rise"]
    assert added[0].speaker == "Ines Calloway"
    assert doc.text[added[0].cue[0]:added[0].cue[1]] == "warned"  # type: ignore[index]
    # where the rules found it already, nothing is added twice
    assert not [a for a in blend(doc, _rules(doc), COMBINED, CALIBRATION) if "learned" in a.flags]


def test_an_unsure_learned_attribution_is_not_added(analyzer: Analyzer) -> None:
    spans = [("Ines Calloway", "SOURCE"), ("warned", "CUE"), ("the tide would rise", "CONTENT")]
    doc = _doc(analyzer, {"warned": (1, 0.3), "the tide would rise": (2, 0.4)}, spans)
    rules = [a for a in _rules(doc) if doc.text[a.start:a.end] != "the tide would rise"]
    assert not [a for a in blend(doc, rules, COMBINED, CALIBRATION) if "learned" in a.flags]
    learned = blend(doc, rules, LEARNED, Calibration(curves={LEARNED: Curve((0.0,), (0.25,))}))
    assert [(doc.text[a.start:a.end], a.confidence) for a in learned] == [("the tide would rise", 0.25)]


def test_a_content_without_a_cue_is_no_learned_attribution(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, {"the tide would rise": (2, 0.9)}, [("the tide would rise", "CONTENT")])
    assert blend(doc, [], LEARNED, CALIBRATION) == []


def test_without_the_tagger_every_engine_is_the_rules(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(TEXT)
    doc._.set(ROLES, None)
    assert len(blend(doc, _rules(doc), COMBINED, CALIBRATION)) == 2
