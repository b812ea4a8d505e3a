"""The attribview spaCy components (``nlp/pipeline.py``): where the paragraph splitter starts sentences."""

from __future__ import annotations

import pytest

from attribview.core.analysis import Analyzer


@pytest.mark.parametrize("text, first", [
    ("MOSCOW, March 4 (Reuters) - Russian air defences destroyed 41 drones, the ministry said.", "Russian"),
    ("Headline\nKYIV, Jan 15 (Reuters) - Ukraine will build missiles, the ministry said.", "Ukraine"),
    ("ODESA, Ukraine (AP) — A drone hit the port, the mayor said.", "A"),
])
def test_a_wire_story_starts_a_sentence_after_its_dateline(analyzer: Analyzer, text: str, first: str) -> None:
    sentences = [s.text for s in analyzer.nlp(text).sents]
    assert any(s.startswith(first + " ") for s in sentences), sentences


@pytest.mark.parametrize("text", [
    "The talks - if they happen - will be in Geneva, the ministry said.",
    "Officials in KYIV said the strike - the third this week - hit a school.",
])
def test_a_dash_later_in_a_line_starts_no_sentence(analyzer: Analyzer, text: str) -> None:
    assert len(list(analyzer.nlp(text).sents)) == 1
