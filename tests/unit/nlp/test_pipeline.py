"""The attribview spaCy components (``nlp/pipeline.py``): where the paragraph splitter starts sentences."""

from __future__ import annotations

import pytest

from attribview.core.analysis import Analyzer
from attribview.nlp.pipeline import ParagraphSplitter


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


def _starts(analyzer: Analyzer, text: str) -> dict[str, bool | None]:
    doc = ParagraphSplitter()(analyzer.nlp.make_doc(text))
    return {f"{t.i}:{t.text}": t.is_sent_start for t in doc}


def test_a_line_break_starts_a_sentence_and_a_title_ends_none(analyzer: Analyzer) -> None:
    starts = _starts(analyzer, "The ferry stopped\nSgt. Ilse Varga said so . \n\nCol . Brell agreed")
    assert starts["4:Sgt."] is True  # after the line break
    assert starts["5:Ilse"] is False  # after a title's abbreviation
    assert starts["11:Col"] is True  # after the blank line
    assert starts["13:Brell"] is False  # "Col ." split from its period
    assert starts["3:\n"] is False  # a line break's own token starts nothing
    assert starts["10:\n\n"] is False
    assert starts["1:ferry"] is None


def test_a_text_of_one_token_or_none_is_left_alone(analyzer: Analyzer) -> None:
    assert _starts(analyzer, "") == {}
    assert list(_starts(analyzer, "Yes").values()) == [True]  # a Doc's first token starts its first sentence
