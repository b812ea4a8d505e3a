"""The tagger's features besides tok2vec: the rules' reading, the grammar, quotation marks (invented
sentences, the real parse)."""

from typing import Any

import pytest

from attribview.nlp.learned_features import N_FEATURES, token_features
from attribview.nlp.model import load_pipeline

TEXT = 'Inspector Talia Wren said the lock had been forced. "Nobody heard a thing," she added.\nRain fell.'


@pytest.fixture(scope="module")
def doc() -> Any:
    return load_pipeline(learned=False)(TEXT)


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
