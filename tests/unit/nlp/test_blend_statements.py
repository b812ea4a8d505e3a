"""Counting statements, the rules' confidences take the curves fitted on statements, and those of
relations where a calibration file has none (the real pipeline parses an invented sentence; only the
tagger's probabilities are set by the test); a statement the tagger agrees on takes its source where
the tagger is the surer."""

from typing import Any

import numpy
import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.attribution import COMBINED
from attribview.nlp.blend import Calibration, Curve, blends, counted
from attribview.nlp.learned import ROLES
from attribview.nlp.results import attributions_of

TEXT = ("The lock keeper said the canal would reopen in May. "
        "Later, Odile Brenner warned that the towpath was closed.")
FLAT = {"rules-agree": Curve((0.0,), (0.3,)), "rules-alone": Curve((0.0,), (0.2,)),
        "learned-agree": Curve((0.0,), (0.1,))}


@pytest.fixture(scope="module")
def doc(analyzer: Analyzer) -> Any:
    """The tagger reads the first attribution and nothing in the second."""
    doc = analyzer.nlp(TEXT)
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, column in (("The lock keeper", 0), ("said", 1), ("the canal would reopen in May", 2)):
        start = doc.text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        probs[span.start:span.end, column] = 0.9
    doc._.set(ROLES, probs)
    return doc


def _confidences(doc: Any, curves: dict[str, Curve], *, relations: bool = False) -> list[float]:
    found = blends(doc, attributions_of(doc), (COMBINED,), Calibration(curves, threshold=0.0),
                   relations=relations)[COMBINED]
    return [a.confidence for a in sorted(found, key=lambda a: a.start)]


def test_statements_take_their_own_curve_and_the_relations_one_without(doc: Any) -> None:
    curves = {**FLAT, counted("rules-agree", "statements"): Curve((0.0,), (0.9,))}
    assert _confidences(doc, curves) == [0.9, 0.2]  # no statements curve for the second's origin
    assert _confidences(doc, FLAT) == [0.3, 0.2]  # an older file: the relations' curves


def test_relations_never_take_the_statements_curves(doc: Any) -> None:
    curves = {**FLAT, counted("rules-agree", "statements"): Curve((0.0,), (0.9,))}
    assert _confidences(doc, curves, relations=True) == [0.3, 0.2]


def test_the_fallback_curve_serves_only_an_origin_without_its_own() -> None:
    calibration = Calibration({"a": Curve((0.0,), (0.4,)), "b": Curve((0.0,), (0.6,))})
    assert calibration.confidence("a", 0.5, "b") == 0.4
    assert calibration.confidence("c", 0.5, "b") == 0.6
    assert calibration.confidence("c", 0.5) == 0.5


SOURCED = ("Mayor Tilda Varnholt spoke after the vote, and her deputy said the old mill would be sold "
           "in spring.")
SOLD = "the old mill would be sold in spring"


def _sourced(analyzer: Analyzer, tagger_sure: float) -> list[tuple[Any, ...]]:
    """The statement of ``SOURCED`` combined, the tagger reading the same content and cue as the rules
    but the mayor as its source, its reading as sure as ``tagger_sure`` (the rules' 0.5)."""
    doc = analyzer.nlp(SOURCED)
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, column in (("Mayor Tilda Varnholt", 0), ("said", 1), (SOLD, 2)):
        start = doc.text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        probs[span.start:span.end, column] = 0.9
    doc._.set(ROLES, probs)
    even = Curve((0.0,), (0.5,))
    curves = {"rules-agree": even, counted("rules-agree", "statements"): even,
              "learned-agree": Curve((0.0,), (tagger_sure,))}
    found = blends(doc, attributions_of(doc), (COMBINED,), Calibration(curves, threshold=0.0),
                   relations=False)[COMBINED]
    return [(SOURCED[a.start:a.end], SOURCED[a.source[0]:a.source[1]] if a.source else None, a.speaker,
             a.confidence) for a in found]


def test_a_statement_takes_the_source_of_the_surer_tagger_and_keeps_its_words(analyzer: Analyzer) -> None:
    assert _sourced(analyzer, 0.9) == [(SOLD, "Mayor Tilda Varnholt", "Tilda Varnholt", 0.5)]
    assert _sourced(analyzer, 0.1) == [(SOLD, "her deputy", "her deputy", 0.5)]
