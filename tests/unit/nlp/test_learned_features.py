"""The tagger's features besides tok2vec: the rules' reading, the grammar, quotation marks (invented
sentences, the real parse)."""

from typing import Any

import numpy
import pytest

from attribview.nlp.learned_features import N_FEATURES, listener_with_rules, token_features, token_ranges
from attribview.nlp.model import load_pipeline

TEXT = 'Inspector Talia Wren said the lock had been forced. "Nobody heard a thing," she added.\nRain fell.'


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_pipeline(learned=False)


@pytest.fixture(scope="module")
def doc(nlp: Any) -> Any:
    return nlp(TEXT)


@pytest.fixture(scope="module")
def features(doc: Any) -> Any:
    return token_features(doc)


def _row(doc: Any, features: Any, word: str, nth: int = 0) -> list[int]:
    token = [t for t in doc if t.text == word][nth]
    return [int(v) for v in features[token.i]]


def test_one_row_of_features_per_token(doc: Any, features: Any) -> None:
    assert features.shape == (len(doc), N_FEATURES)


def test_the_rules_roles_are_bio_values(doc: Any, features: Any) -> None:
    # roles: source B=1 I=2, cue B=3 I=4, content B=5 I=6, outside 0
    assert _row(doc, features, "Inspector")[0] == 1
    assert _row(doc, features, "Wren")[0] == 2
    assert _row(doc, features, "said")[0] == 3
    assert _row(doc, features, "the")[0] == 5
    assert _row(doc, features, "forced")[0] == 6
    assert _row(doc, features, "Rain")[0] == 0
    assert _row(doc, features, "said")[1] != 0 and _row(doc, features, "Rain")[1] == 0  # the kind


def test_distance_to_a_reporting_verb_up_the_head_chain(doc: Any, features: Any) -> None:
    assert _row(doc, features, "said")[4] == 0
    assert _row(doc, features, "forced")[4] == 1  # "forced" hangs from "said"
    assert _row(doc, features, "fell")[4] == 5  # no reporting verb above: the "none" value


def test_quoted_words_are_marked_until_the_quotation_closes(doc: Any, features: Any) -> None:
    assert _row(doc, features, "Nobody")[5] == 1
    assert _row(doc, features, "she")[5] == 0
    assert _row(doc, features, "lock")[5] == 0


def test_straight_marks_take_turns_and_a_paragraph_closes_an_open_quotation(nlp: Any) -> None:
    doc = nlp('Kel wrote "never" twice and "soon.\nThen “rain” fell.')
    quoted = [t.text for t, row in zip(doc, token_features(doc), strict=True) if row[5]]
    assert quoted == ["never", '"', "soon", ".", "rain", "”"]


def test_character_spans_find_the_tokens_spacys_expanded_char_span_finds(doc: Any) -> None:
    chars = len(doc.text)
    pairs = [(start, end) for start in range(-2, chars + 2) for end in range(start + 1, chars + 3)]
    bounds = doc.to_array(["IDX", "LENGTH", "SPACY"]).astype("int64").T
    found = token_ranges(bounds, numpy.asarray(pairs, dtype="int64"))
    for (start, end), (first, last) in zip(pairs, found.tolist(), strict=True):
        span = doc.char_span(start, end, alignment_mode="expand")
        assert (first, last) == ((span.start, span.end) if span is not None else (0, 0)), (start, end)


def test_the_lemma_and_the_rules_cue_lists_it_is_in(doc: Any, features: Any) -> None:
    said, added = _row(doc, features, "said"), _row(doc, features, "added")
    assert (said[6], added[6]) == (doc.vocab.strings["say"], doc.vocab.strings["add"])  # hashed
    assert said[7] == added[7] == 1  # both speech verbs
    assert _row(doc, features, "lock")[7] == 0 and _row(doc, features, "fell")[7] == 0


def test_the_head_lemma_and_label(doc: Any, features: Any) -> None:
    forced = _row(doc, features, "forced")
    assert forced[8] == doc.vocab.strings["say"]  # "forced" hangs from "said"
    assert forced[9] == _row(doc, features, "said")[2]  # the head's dependency label (the root's)


def test_the_place_in_the_sentence(doc: Any, features: Any) -> None:
    # index 0 -> bucket 0, 1 -> 1, 2-3 -> 2, 4-7 -> 3 (times two), plus one in the last three tokens
    assert _row(doc, features, "Inspector")[10] == 0
    assert _row(doc, features, "Talia")[10] == 2
    assert _row(doc, features, "said")[10] == 4
    assert _row(doc, features, "forced")[10] == 2 * 3 + 1
    assert _row(doc, features, "Rain")[10] == 1  # a sentence of three tokens: first and near its end


def test_each_feature_needs_its_own_table_size() -> None:
    with pytest.raises(ValueError, match="one per feature"):
        listener_with_rules(96, "tok2vec", 16, [1000] * (N_FEATURES - 1))
