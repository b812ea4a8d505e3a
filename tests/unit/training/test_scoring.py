"""The scorer's matching as statements count it: a split quotation's fragment is right too, against a
scorer written here as the evaluation folder's ``score.py`` is (the real one is not in the repository)."""

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from attribview.training.calibrate import statement_candidates
from attribview.training.scoring import correct_quotes, load_scorer, statement_gold

SCORER = '''
def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def same_speaker(gold_q, pred_q):
    return pred_q.get("group") == gold_q["group"]
'''
#: One split quotation, 0-20 and 40-60, of the harbour office.
GOLD: dict[str, Any] = {"quotes": [{"content": [0, 60], "content_fragments": [[0, 20], [40, 60]],
                                    "group": "harbour", "speaker": None}]}


@pytest.fixture
def scorer(tmp_path: Path) -> ModuleType:
    (tmp_path / "score.py").write_text(SCORER, encoding="utf-8")
    return load_scorer(tmp_path)


def _quote(start: int, end: int, group: str = "harbour", confidence: float = 0.5) -> dict[str, Any]:
    return {"start": start, "end": end, "group": group, "speaker": None, "confidence": confidence}


def test_a_split_quotation_also_stands_as_each_fragment() -> None:
    assert [q["content"] for q in statement_gold(GOLD)["quotes"]] == [[0, 60], [0, 20], [40, 60]]
    whole = {"quotes": [{"content": [0, 10], "content_fragments": [[0, 10]], "group": None}]}
    assert statement_gold(whole) == whole


def test_counting_statements_each_fragment_with_its_speaker_is_right(scorer: ModuleType) -> None:
    fragments = {"quotes": [_quote(0, 20), _quote(40, 60, group="port")]}
    assert correct_quotes(scorer, GOLD, fragments) == [False, False]  # relations: under half of 0-60
    assert correct_quotes(scorer, GOLD, fragments, statements=True) == [True, False]  # wrong speaker
    joined = {"quotes": [_quote(0, 60)]}
    assert correct_quotes(scorer, GOLD, joined, statements=True) == [True]


def test_a_statement_s_curve_is_how_the_tagger_reads_it(scorer: ModuleType) -> None:
    quotes = [_quote(0, 20, confidence=0.8), _quote(40, 60, confidence=0.3), _quote(70, 90)]
    # the tagger reads the fragments apart (the first), joined (the second: under half), or not at all
    found = statement_candidates(scorer, GOLD, quotes, [(0, 18), (20, 65)])
    assert found == [("statements:rules-agree", 0.8, True), ("statements:rules-near", 0.3, True),
                     ("statements:rules-alone", 0.5, False)]
