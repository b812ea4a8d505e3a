"""Where a content ends: before the cue's own trailing adjuncts, a time or, after a stance's object, a
participle of the holder's story. Invented sentences."""

from __future__ import annotations

import pytest

from attribview.nlp.attribution import STANCE
from tests.unit.test_patterns import RELATIONS, Analyse, check


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), [
    pytest.param("The dockers' union endorsed Ivo Marsh on Tuesday.",
                 "dockers' union", "endorsed", "Ivo Marsh", STANCE, id="stance-before-a-day"),
    pytest.param("Helga Strand backed the harbour plan, putting her at odds with the board.",
                 "Helga Strand", "backed", "the harbour plan", STANCE, id="stance-before-a-participle"),
    pytest.param("Ivo Marsh announced the closure of the quay before the storm.",
                 "Ivo Marsh", "announced", "the closure of the quay", "indirect",
                 id="statement-before-time"),
])
def test_content_stops_before_trailing_adjuncts(analyse: Analyse, text: str, speaker: str, cue: str,
                                                content: str, kind: str) -> None:
    check(analyse(text, conventions=RELATIONS), speaker, cue, content, kind=kind)


def test_a_time_in_the_middle_stays_in_the_content(analyse: Analyse) -> None:
    analysis = analyse("The dockers' union praised Ivo Marsh in June for his work on the quay.",
                       conventions=RELATIONS)
    check(analysis, "dockers' union", "praised", "Ivo Marsh in June for his work on the quay", kind=STANCE)


@pytest.mark.parametrize(("text", "speaker", "content"), [
    pytest.param("Most residents said the plan was too costly and a third said it was unfair to fishermen.",
                 "Most residents", "the plan was too costly", id="before-a-coordinated-statement"),
    pytest.param("Ivo Marsh said the ferry had been late for weeks, according to two witnesses.",
                 "Ivo Marsh", "the ferry had been late for weeks", id="before-according-to"),
])
def test_content_stops_before_another_speakers_statement(analyse: Analyse, text: str, speaker: str,
                                                         content: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    said = [q for q in analysis.quotes if q.kind == "indirect" and q.speaker == speaker]
    assert [q.text for q in said] == [content]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), [
    pytest.param("The report listed three errors, which the council said were minor but needed attention.",
                 "council", "said", "which the council said were minor but needed attention",
                 id="which-said-were"),
    pytest.param("The storm sank two boats, which the coastguard said it had towed to the harbour.",
                 "coastguard", "said", "it had towed to the harbour", id="a-clause-with-its-own-subject"),
])
def test_a_relative_pronoun_lost_to_the_front_is_part_of_the_content(analyse: Analyse, text: str,
                                                                      speaker: str, cue: str,
                                                                      content: str) -> None:
    check(analyse(text, conventions=RELATIONS), speaker, cue, content, kind="indirect")


def test_a_split_quotation_joins_over_a_statement_in_its_cue_sentence(analyse: Analyse) -> None:
    text = ("“The quay is sinking,” Ivo Marsh said, noting that the harbour board had ignored three reports. "
            "“Nobody wants to hear it.”")
    quotes = [q.text for q in analyse(text, conventions=RELATIONS).quotes]
    assert text[:text.index(" “Nobody")] + " “Nobody wants to hear it.”" in quotes
    assert "the harbour board had ignored three reports" in quotes
