"""A finding a sentence opens with ("In a poll released Monday, ...") vouches for the rest of it, unless
a cue of the sentence reports it. Invented sentences; the source mention is checked, as the shared
scorer pairs sources by their mention."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse


@pytest.mark.parametrize(("text", "content", "source"), [
    ("In a Harbour Gazette poll released Monday, half of the voters chose Ivo Marsh.",
     "half of the voters chose Ivo Marsh", "a Harbour Gazette poll released Monday"),
    ("But in exit polls, voters said the ferry mattered most.", None, None),
    ("In the latest survey, Vera Lind leads by ten points.", "Vera Lind leads by ten points",
     "the latest survey"),
])
def test_a_finding_that_opens_a_sentence_is_its_source(analyse: Analyse, text: str, content: str | None,
                                                       source: str | None) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    found = [q for q in analysis.quotes if q.kind == "according_to"]
    if content is None:  # "voters said ...": the cue reports it, the poll is no second source
        assert not found
        return
    assert [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in found] == [
        (content, source)]


def test_a_finding_inside_a_sentence_or_a_place_opens_nothing(analyse: Analyse) -> None:
    for text in ("Voters in a poll chose Ivo Marsh.", "In the harbour, the old ferry sank."):
        assert not [q for q in analyse(text, conventions=RELATIONS).quotes if q.kind == "according_to"]



@pytest.mark.parametrize(("text", "content", "source"), [
    ("Ivo Marsh leads in the polls.", "Ivo Marsh leads", "the polls"),
    ("Lind toured Varn, where she trails by six points in the newest polls, to meet dockers.",
     "she trails by six points", "the newest polls"),
    ("Marsh fell to ten percent in the latest Gazette poll, a collapse driven by gaffes.",
     "Marsh fell to ten percent", "the latest Gazette poll"),
])
def test_a_poll_a_clause_closes_with_is_its_source(analyse: Analyse, text: str, content: str,
                                                   source: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    found = [q for q in analysis.quotes if q.kind == "according_to"]
    assert [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in found] == [
        (content, source)]


def test_a_poll_inside_what_a_cue_reports_is_no_second_source(analyse: Analyse) -> None:
    for text in ("Lind said Marsh leads in the polls.", "Marsh leads in the polls, the Gazette said."):
        assert not [q for q in analyse(text, conventions=RELATIONS).quotes if q.kind == "according_to"]
