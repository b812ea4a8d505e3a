"""Joint sources (``nlp/joint.py``): one attribution per source joined by "and", and none for the
descriptions of one person. Invented sentences, rules alone."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import Analyse


def sources(analyse: Analyse, text: str) -> list[str]:
    analysis = analyse(text)
    return [analysis.text[q.source_start or 0:q.source_end or 0] for q in analysis.quotes]


@pytest.mark.parametrize(("text", "source"), [
    ("Ivo Marsh, a harbour strategist and a former adviser to the mayor, said the plan would fail.",
     "Ivo Marsh, a harbour strategist and a former adviser to the mayor"),
    ("Ivo Marsh, the president of the Harbour Institute and a former mayor, said the plan would fail.",
     "Ivo Marsh, the president of the Harbour Institute and a former mayor"),
])
def test_a_name_described_twice_is_one_source(analyse: Analyse, text: str, source: str) -> None:
    assert sources(analyse, text) == [source]


@pytest.mark.parametrize(("text", "wanted"), [
    ("Ivo Marsh and Anna Lee said the plan would fail.", ["Ivo Marsh", "Anna Lee"]),
    ("The mayor and the governor said the plan would fail.", ["The mayor", "the governor"]),
])
def test_joined_sources_each_speak(analyse: Analyse, text: str, wanted: list[str]) -> None:
    assert sorted(sources(analyse, text)) == sorted(wanted)
