"""Rules and tagger combined, on invented sentences with hand-set tagger output (the real pipeline
parses them; only the tagger's probabilities are written by the test, so the logic is checked
whatever the trained weights say)."""

from typing import Any

import numpy
import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.attribution import COMBINED, ENGINES, LEARNED, RULES, Attribution
from attribview.nlp.blend import Calibration, Curve, blends, learned_score
from attribview.nlp.learned import ROLES
from attribview.nlp.results import attributions_of, copied
from attribview.nlp.statements import join_split_quotes

TEXT = ("The harbour master said the pier was unsafe. "
        "Later, Ines Calloway warned that the tide would rise.")
#: Identity curves; candidates under 0.5 are left out.
CALIBRATION = Calibration(curves={}, threshold=0.5)


def _tokens(doc: Any, phrase: str) -> range:
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    return range(span.start, span.end)


def _doc(analyzer: Analyzer, roles: dict[str, tuple[int, float]], text: str = TEXT) -> Any:
    """The parsed text with the tagger's output replaced: ``roles`` maps a phrase to (role column,
    probability); everything else is outside."""
    doc = analyzer.nlp(text)
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, (column, p) in roles.items():
        probs[list(_tokens(doc, phrase)), column] = p
    doc._.set(ROLES, probs)
    return doc


def _records(doc: Any, without: str | None = None) -> list[Attribution]:
    """The rules' records of the doc, the one with content ``without`` left out."""
    return [r for r in attributions_of(doc) if doc.text[r.start:r.end] != without]


def _engine(doc: Any, engine: str, calibration: Calibration = CALIBRATION, *, relations: bool = True,
            without: str | None = None) -> list[Attribution]:
    return blends(doc, _records(doc, without), ENGINES, calibration, relations=relations)[engine]


def _texts(doc: Any, found: list[Attribution]) -> list[str]:
    return [doc.text[a.start:a.end] for a in found]


@pytest.fixture(scope="module")
def rejected(analyzer: Analyzer) -> Any:
    """The tagger is sure of the first attribution and reads nothing in the second."""
    return _doc(analyzer, {"The harbour master": (0, 0.9), "said": (1, 0.95),
                           "the pier was unsafe": (2, 0.9)})


def test_the_rules_find_both_attributions(rejected: Any) -> None:
    assert _texts(rejected, copied(_records(rejected))) == [
        "the pier was unsafe", "the tide would rise"]


def test_counting_relations_a_candidate_the_tagger_rejects_is_dropped(rejected: Any) -> None:
    kept = _engine(rejected, COMBINED)
    assert _texts(rejected, kept) == ["the pier was unsafe"]
    assert "learned" not in kept[0].flags  # the rules' own, where the tagger agrees
    assert kept[0].confidence == pytest.approx((2 * 0.9 + 0.95 + 0.9) / 4, abs=1e-6)


#: Identity curves but for the rules' candidates the tagger reads nothing in, right a fifth of the time.
UNSURE = Calibration(curves={"rules-alone": Curve((0.0,), (0.2,))}, threshold=0.5)


def test_counting_statements_a_rule_candidate_the_tagger_doubts_is_kept_with_its_confidence(
        rejected: Any) -> None:
    kept = _engine(rejected, COMBINED, UNSURE, relations=False)
    assert _texts(rejected, kept) == ["the pier was unsafe", "the tide would rise"]
    assert kept[1].confidence == 0.2


def test_counting_statements_a_rule_candidate_never_right_is_left_out(rejected: Any) -> None:
    assert _texts(rejected, _engine(rejected, COMBINED, relations=False)) == ["the pier was unsafe"]
    fitting = Calibration(curves={}, threshold=None)  # the fit sees every candidate
    assert len(_engine(rejected, COMBINED, fitting, relations=False)) == 2


def test_the_score_weighs_content_twice(rejected: Any) -> None:
    first = copied(_records(rejected))[0]
    assert learned_score(rejected, first) == pytest.approx((2 * 0.9 + 0.95 + 0.9) / 4, abs=1e-6)


def test_the_rules_engine_keeps_every_candidate(rejected: Any) -> None:
    assert len(_engine(rejected, RULES)) == 2


def test_the_curve_of_each_origin_sets_the_confidence(rejected: Any) -> None:
    curves = {"rules-agree": Curve((0.0, 0.5), (0.1, 0.7)), "rules-alone": Curve((0.0,), (0.2,)),
              "learned-agree": Curve((0.0,), (0.0,))}
    found = _engine(rejected, COMBINED, Calibration(curves=curves, threshold=0.0))
    assert [(a.confidence, "learned" in a.flags) for a in found] == [(0.7, False), (0.2, False)]
    # the tagger's reading of the first content, surer than the rules' there, takes its place
    curves["learned-agree"] = Curve((0.0,), (0.8,))
    found = _engine(rejected, COMBINED, Calibration(curves=curves, threshold=0.0))
    assert [(a.confidence, "learned" in a.flags) for a in found] == [(0.8, True), (0.2, False)]


SPLIT = "“The ferry will sail at noon,” said Marta Oyelaran, the harbour clerk. “Bring your tickets.”\n"


def test_a_quotation_read_by_the_tagger_instead_keeps_its_continuation(analyzer: Analyzer) -> None:
    # the tagger is sure of the first quotation but reads no clerk in its source and nothing in the
    # second quotation: its reading of the first wins, the rules' of the second scores under the threshold
    doc = _doc(analyzer, {"The ferry will sail at noon": (2, 0.95), "said": (1, 0.95),
                          "Marta Oyelaran": (0, 0.95)}, SPLIT)
    assert _texts(doc, _records(doc)) == ["“The ferry will sail at noon,”", "“Bring your tickets.”"]
    first, second = _engine(doc, COMBINED)
    assert "learned" in first.flags and first.confidence > 0.5 > second.confidence  # the threshold
    assert second.follows is first  # it carries on the tagger's reading now
    whole = (first.start, second.end)
    assert [(a.start, a.end) for a in join_split_quotes([first, second], doc.text)] == [whole]


PHRASES = {"The harbour master": (0, 0.9), "said": (1, 0.9), "the pier was unsafe": (2, 0.9),
           "Ines Calloway": (0, 0.9), "warned": (1, 0.9), "the tide would rise": (2, 0.9)}


def test_a_sure_learned_attribution_the_rules_missed_is_added(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, PHRASES)
    found = _engine(doc, COMBINED, without="the tide would rise")
    added = [a for a in found if "learned" in a.flags]
    assert _texts(doc, added) == ["the tide would rise"]
    assert added[0].speaker == "Ines Calloway"
    assert doc.text[added[0].cue[0]:added[0].cue[1]] == "warned"  # type: ignore[index]


def test_where_both_engines_read_a_content_it_is_taken_once(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, PHRASES)
    assert _texts(doc, _engine(doc, COMBINED)) == ["the pier was unsafe", "the tide would rise"]


def test_an_unsure_learned_attribution_is_not_added(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, {"warned": (1, 0.6), "the tide would rise": (2, 0.55)})
    assert not [a for a in _engine(doc, COMBINED, without="the tide would rise") if "learned" in a.flags]
    learned = _engine(doc, LEARNED, Calibration(curves={LEARNED: Curve((0.0,), (0.25,))}))
    assert [(doc.text[a.start:a.end], a.confidence) for a in learned] == [("the tide would rise", 0.25)]


def test_a_content_without_a_cue_is_no_learned_attribution(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, {"the tide would rise": (2, 0.9)})
    assert _engine(doc, LEARNED) == []


def test_without_the_tagger_every_engine_is_the_rules(analyzer: Analyzer) -> None:
    doc = analyzer.nlp(TEXT)
    doc._.set(ROLES, None)
    assert all(len(found) == 2 for found in blends(doc, _records(doc), ENGINES, CALIBRATION,
                                                   relations=True).values())


def test_only_the_count_asked_for_is_read(rejected: Any) -> None:
    both = {relations: blends(rejected, copied(_records(rejected)), (COMBINED,), UNSURE,
                              relations=relations)
            for relations in (False, True)}
    assert [set(found) for found in both.values()] == [{COMBINED}, {COMBINED}]
    assert [len(found[COMBINED]) for found in both.values()] == [2, 1]
