"""A candidate's features and the learned scorer, on invented sentences with hand-set tagger output
(the real pipeline parses them; only the tagger's probabilities are written by the test)."""

from typing import Any

import numpy
import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.attribution import COMBINED, ENGINES, RULES, Attribution
from attribview.nlp.blend import (
    SCORED,
    STATEMENTS,
    Calibration,
    Curve,
    blends,
    counted,
    learned_score,
    origin,
)
from attribview.nlp.candidate_features import (
    FEATURES,
    Scorer,
    _mean,
    candidate_features,
    read,
    sentence_rivals,
)
from attribview.nlp.learned import ROLES
from attribview.nlp.learned_spans import Layout
from attribview.nlp.results import attributions_of

WARNED = "The treasurer warned that the fund would run dry. Ms Varga said the ferry was late.\n"
ASKED = "“Who will pay for the new bridge?” she said. The mayor said the budget was tight.\n"


def _doc(analyzer: Analyzer, text: str, roles: dict[str, tuple[int, float]]) -> Any:
    """The parsed text with the tagger's output replaced: ``roles`` maps a phrase to (role column,
    probability), its last occurrence; everything else is outside."""
    doc = analyzer.nlp(text)
    probs = numpy.zeros((len(doc), 3), dtype="float32")
    for phrase, (column, p) in roles.items():
        start = text.rindex(phrase)
        span = doc.char_span(start, start + len(phrase))
        probs[span.start:span.end, column] = p
    doc._.set(ROLES, probs)
    return doc


def _named(vector: numpy.ndarray) -> dict[str, float]:
    return dict(zip(FEATURES, vector.tolist(), strict=True))


@pytest.fixture(scope="module")
def asked(analyzer: Analyzer) -> Any:
    """The tagger reads only the mayor's statement."""
    return _doc(analyzer, ASKED, {"The mayor": (0, 0.8), "said": (1, 0.9), "the budget was tight": (2, 0.7)})


def _rule(doc: Any, content: str) -> Attribution:
    return next(a for a in attributions_of(doc) if content in doc.text[a.start:a.end])


def test_a_quoted_question_with_a_pronoun_source(asked: Any) -> None:
    question = _rule(asked, "Who will pay")
    features = _named(candidate_features(asked, question, 0.0, 0.0, Layout(asked), 1))
    assert features["quoted"] == features["asks"] == features["pronoun_source"] == 1.0
    assert features["speech_verb"] == 1.0  # "say" is a main speech verb
    assert features["agree"] == features["near"] == features["content_p"] == 0.0
    assert features["rivals"] == pytest.approx(numpy.log1p(1))


def test_a_plain_statement_read_by_the_tagger(asked: Any) -> None:
    statement = _rule(asked, "the budget was tight")
    score = learned_score(asked, statement) or 0.0
    features = _named(candidate_features(asked, statement, 1.0, score, Layout(asked), 0))
    assert features["quoted"] == features["asks"] == features["pronoun_source"] == 0.0
    assert features["agree"] == 1.0 and features["learned_score"] == pytest.approx(score)
    assert (features["content_p"], features["cue_p"], features["source_p"]) == pytest.approx((0.7, 0.9, 0.8))
    assert features["log_words"] == pytest.approx(numpy.log1p(4))


def test_one_reading_serves_the_score_and_the_features(asked: Any, analyzer: Analyzer) -> None:
    """The blend reads a candidate's words and roles once for its score and its features: the same
    values as each reading them on its own, with the tagger and without it."""
    bare = analyzer.nlp(ASKED)
    bare._.set(ROLES, None)
    for doc in (asked, bare):
        layout = Layout(doc)
        for statement in attributions_of(doc):
            reading = read(doc, statement, layout)
            assert learned_score(doc, statement, layout, reading) == learned_score(doc, statement, layout)
            score = learned_score(doc, statement, layout) or 0.0
            alone = candidate_features(doc, statement, 0.5, score, layout, 1)
            shared = candidate_features(doc, statement, 0.5, score, layout, 1, None, reading)
            assert alone.tolist() == shared.tolist()
    assert read(bare, _rule(bare, "the budget was tight"), Layout(bare)).means == (None, None, None)


def test_the_cue_say_apart_from_the_other_speech_verbs(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, WARNED, {})
    layout = Layout(doc)
    warned, said = (_named(candidate_features(doc, _rule(doc, content), 0.0, 0.0, layout, 0))
                    for content in ("the fund would run dry", "the ferry was late"))
    assert warned["speech_verb"] == said["speech_verb"] == 1.0
    assert (warned["say_cue"], said["say_cue"]) == (0.0, 1.0)


def test_the_learned_score_as_far_as_the_other_engine_shares_the_content(asked: Any) -> None:
    statement = _rule(asked, "the budget was tight")
    layout = Layout(asked)
    products = [_named(candidate_features(asked, statement, share, 0.6, layout, 0))["score_share"]
                for share in (1.0, 0.5, 0.0)]
    assert products == pytest.approx([0.6, 0.3, 0.0])


def test_the_other_engine_naming_the_same_source(asked: Any) -> None:
    statement = _rule(asked, "the budget was tight")
    assert statement.source is not None
    start, end = statement.source
    twin = Attribution(statement.start, statement.end, "indirect", source=(start + 4, end))  # "mayor"
    elsewhere = Attribution(statement.start, statement.end, "indirect", source=(0, 3))
    layout = Layout(asked)
    same = [_named(candidate_features(asked, statement, 1.0, 0.0, layout, 0, other))["same_source"]
            for other in (twin, elsewhere, None)]
    assert same == [1.0, 0.0, 0.0]
    assert _named(candidate_features(asked, statement, 1.0, 0.0, layout, 0))["speaker_known"] == 1.0


def test_rivals_are_the_other_candidates_of_a_sentence(asked: Any) -> None:
    layout = Layout(asked)
    first, second = (Attribution(asked.text.index(word), asked.text.index(word) + len(word), "indirect")
                     for word in ("pay", "bridge"))
    third = Attribution(asked.text.index("budget"), asked.text.index("budget") + 6, "indirect")
    assert sentence_rivals([first, second, third], layout) == [1, 1, 0]


def _only(feature: str, weight: float, bias: float) -> tuple[float, ...]:
    return (bias, *(weight if name == feature else 0.0 for name in FEATURES))


def test_the_scorer_keeps_what_one_score_would_drop(asked: Any) -> None:
    # the tagger reads nothing in the quoted question: its learned score alone leaves it out, a scorer
    # that weighs a question mark keeps it, with the confidence of the scorer's curve
    curves = {"rules-alone": Curve((0.0,), (0.1,)), "rules-agree": Curve((0.0,), (0.9,))}
    plain = blends(asked, attributions_of(asked), ENGINES, Calibration(curves, threshold=0.5), relations=True)
    assert not [a for a in plain[COMBINED] if "Who will pay" in asked.text[a.start:a.end]]
    scorer = Scorer({RULES: _only("asks", 10.0, -5.0), "learned": _only("asks", 0.0, -5.0)})
    curves[origin(RULES, SCORED)] = Curve((0.0, 0.5), (0.2, 0.8))
    curves[origin("learned", SCORED)] = Curve((0.0,), (0.0,))
    scored = blends(asked, attributions_of(asked), ENGINES, Calibration(curves, threshold=0.5, scorer=scorer),
                    relations=True)
    kept = {asked.text[a.start:a.end]: a.confidence for a in scored[COMBINED]}
    assert kept == {"“Who will pay for the new bridge?”": 0.8}  # the statement's rule, no "?", 0.2


def test_counting_statements_the_scorer_of_statements_weighs(asked: Any) -> None:
    # every rule candidate is kept counting statements; the question is surer by the statements' scorer
    scorer = Scorer({counted(RULES, STATEMENTS): _only("asks", 10.0, -5.0)})
    curves = {counted(origin(RULES, SCORED), STATEMENTS): Curve((0.0, 0.5), (0.2, 0.8))}
    calibration = Calibration(curves, threshold=0.5, scorer=scorer)
    found = blends(asked, attributions_of(asked), (COMBINED,), calibration, relations=False)[COMBINED]
    assert [a.confidence for a in found] == [0.8, 0.2]


def test_fitting_records_every_candidate_of_both_engines(asked: Any) -> None:
    record: list[tuple[Attribution, str, numpy.ndarray]] = []
    found = blends(asked, attributions_of(asked), ENGINES, Calibration({}, threshold=None, record=record),
                   relations=True)
    assert [(a, engine) for a, engine, _ in record] == [
        (a, "learned" if "learned" in a.flags else RULES) for a in found[COMBINED]]
    assert all(len(features) == len(FEATURES) for _, _, features in record)


def test_the_scorer_needs_weights_of_its_features() -> None:
    scorer = Scorer({RULES: _only("asks", 2.0, 0.0)})
    ones = numpy.ones(len(FEATURES))
    assert scorer.score(RULES, ones) == pytest.approx(1 / (1 + numpy.exp(-2.0)))
    assert scorer.score("learned", ones) is None
    assert scorer.score(RULES, numpy.ones(3)) is None
    assert Scorer.from_json(scorer.to_json()) == scorer
    assert Scorer.from_json({"features": ["share"], "weights": {RULES: [0.0, 1.0]}}) is None
    assert Scorer.from_json(None) is None


def test_a_file_without_a_scorer_keeps_its_curves_by_origin() -> None:
    old = Calibration.from_json({"curves": {"rules-agree": {"x": [0.0], "y": [0.6]}}, "threshold": 0.35})
    assert old.scorer is None and old.confidence("rules-agree", 0.9) == 0.6
    scorer = Scorer({RULES: _only("asks", 1.0, 0.0)})
    new = Calibration.from_json(Calibration(old.curves, 0.35, scorer).to_json())
    assert new == Calibration(old.curves, 0.35, scorer)


def test_the_mean_of_a_part_is_numpys_to_the_bit() -> None:
    rng = numpy.random.default_rng(7)
    for dtype in ("float32", "float64"):
        roles = rng.random((400, 3)).astype(dtype)
        for size in (1, 2, 3, 7, 40, 399):
            tokens = rng.integers(0, 400, size)
            assert _mean(roles, tokens, 2) == float(roles[tokens, 2].mean())
    assert _mean(numpy.zeros((3, 3), dtype="float32"), numpy.zeros(0, dtype="int64"), 0) is None
