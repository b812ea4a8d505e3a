"""Claims and stances named by a noun: who holds them (the owner, the light verb's subject, a "from"
phrase) and what they are on. Invented sentences; the source mention is checked, not only the speaker,
since a pronoun owner and its antecedent resolve to the same name."""

from __future__ import annotations

import pytest

from attribview.core.types import Analysis, Quote
from attribview.nlp.attribution import STANCE
from tests.unit.nlp.test_patterns import RELATIONS, Analyse


def _source(analysis: Analysis, quote: Quote) -> str | None:
    if quote.source_start is None or quote.source_end is None:
        return None
    return analysis.text[quote.source_start:quote.source_end]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), [
    pytest.param("Mayor Helga Strand made a call for new talks with the dockers.",
                 "Mayor Helga Strand", "call", "new talks with the dockers", STANCE, id="made-a-call-for"),
    pytest.param("Ivo Marsh renewed his calls for a public inquiry into the flood.",
                 "Ivo Marsh", "calls", "a public inquiry into the flood", STANCE, id="plural-light-verb"),
    pytest.param("Councillor Bram Oakes came out in support of the harbour plan.",
                 "Councillor Bram Oakes", "support", "the harbour plan", STANCE, id="in-support-of"),
    pytest.param("Ivo Marsh repeated his claim that the quay was sinking.",
                 "Ivo Marsh", "claim", "the quay was sinking", "indirect", id="repeated-his-claim"),
    pytest.param("The Varn harbour board issued a statement that the ferry would stop in May.",
                 "The Varn harbour board", "statement", "the ferry would stop in May", "indirect",
                 id="issued-a-statement-that"),
    pytest.param("The harbour plan drew sharp criticism from the dockers' union.",
                 "the dockers' union", "criticism", "The harbour plan", STANCE, id="drew-criticism-from"),
])
def test_noun_cues_and_their_holders(analyse: Analyse, text: str, source: str, cue: str, content: str,
                                     kind: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    quote = _quote(analysis, cue, content, kind)
    assert _source(analysis, quote) == source


def _quote(analysis: Analysis, cue: str, content: str, kind: str) -> Quote:
    """The one quote with this content, cue and kind (the speaker is checked by its mention)."""
    found = [q for q in analysis.quotes if q.text == content and q.kind == kind and q.cue_start is not None
             and analysis.text[q.cue_start:q.cue_end] == cue]
    assert len(found) == 1, [(q.kind, q.text, q.cue_start) for q in analysis.quotes]
    return found[0]


@pytest.mark.parametrize("text", [
    "The council rejected calls for a recount of the votes.",  # the calls are somebody else's
    "Nadia Ferrant spoke for an hour on Tuesday.",  # a time, not what she spoke about
    "Ivo Marsh talked at length on Monday.",
])
def test_no_holder_without_a_light_verb_or_a_topic(analyse: Analyse, text: str) -> None:
    assert not [q for q in analyse(text, conventions=RELATIONS).quotes if q.kind == STANCE]



@pytest.mark.parametrize(("text", "content", "source"), [
    ("The mayor's view is that the pier is safe.", "the pier is safe", "The mayor's"),
    ("The position of the council was that the pool should close.", "the pool should close", "the council"),
])
def test_a_claim_noun_before_be_claims_the_that_clause(analyse: Analyse, text: str, content: str,
                                                       source: str) -> None:
    analysis = analyse(text)
    assert [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes] == [
        (content, source)]


def test_a_noun_that_claims_nothing_before_be_is_no_cue(analyse: Analyse) -> None:
    assert not analyse("The problem is that the pier is unsafe.").quotes


def test_a_statement_the_cue_was_made_in_adds_no_second_attribution(analyse: Analyse) -> None:
    analysis = analyse("Mayor Ilse Varga said in a statement that the ferry would stop in May.",
                       conventions=RELATIONS)
    assert [(q.text, analysis.text[q.cue_start or 0:q.cue_end or 0]) for q in analysis.quotes] == [
        ("the ferry would stop in May", "said")]
