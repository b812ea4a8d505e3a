"""The speaker resolver (``nlp/speakers.py``): a relative pronoun's source mention and speaker. Invented
sentences; the source mention is checked because the shared scorer pairs sources by their mention when
the annotation names nobody, and annotators mark either the pronoun or the noun it stands for."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse


@pytest.mark.parametrize(("text", "content", "source", "speaker"), [
    pytest.param("The mayor met Anna Kowal, who said the plan would fail.", "the plan would fail",
                 "Anna Kowal, who", "Anna Kowal", id="who-after-a-name"),
    pytest.param("Investors studied a roster of donors that shows the fund has grown beyond one family.",
                 "the fund has grown beyond one family", "donors that", "donors", id="that-after-a-noun"),
])
def test_a_relative_pronoun_source_runs_from_the_noun_it_stands_for(
        analyse: Analyse, text: str, content: str, source: str, speaker: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    found = [q for q in analysis.quotes if q.text == content]
    assert len(found) == 1, [(q.kind, q.text) for q in analysis.quotes]
    quote = found[0]
    assert quote.source_start is not None and quote.source_end is not None
    assert analysis.text[quote.source_start:quote.source_end] == source
    assert quote.speaker == speaker


def test_a_body_named_before_its_relative_clause_keeps_its_name(analyse: Analyse) -> None:
    text = "The Harbour Council, which runs the port, said the fees would rise."
    analysis = analyse(text, conventions=RELATIONS)
    found = [q for q in analysis.quotes if q.text == "the fees would rise"]
    assert [q.speaker for q in found] == ["Harbour Council"]
