"""Where a content starts after its cue (``rules/contents.py``). Invented sentences, rules alone."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import Analyse


def pairs(analyse: Analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text)
    return [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Tax records show Ivo Marsh has not paid the harbour levy.", "Ivo Marsh has not paid the harbour levy",
     "Tax records"),
    ("The survey found most residents support the new ferry.", "most residents support the new ferry",
     "The survey"),
    ("The figures show unemployment rose in Varn in May.", "unemployment rose in Varn in May", "The figures"),
    ("The judge ruled that the harbour contract was void.", "the harbour contract was void", "The judge"),
])
def test_a_finding_verb_reports_a_finite_clause_without_that(analyse: Analyse, text: str, content: str,
                                                              source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


@pytest.mark.parametrize("text", [
    "A video showed the flag being raised over the town hall.",  # a picture, not a finding
    "The harbour master showed the visitors the new pier.",
    "The court ruled the harbour levy unlawful.",  # a verdict on an object, no clause
])
def test_a_finding_verb_without_a_finite_clause_reports_nothing(analyse: Analyse, text: str) -> None:
    assert pairs(analyse, text) == []


def test_a_clause_a_wh_word_opens_is_a_thing_shown(analyse: Analyse) -> None:
    # "what it said were the plans": the channel shows a thing; only "said" reports
    analysis = analyse("The harbour channel showed what it said were the plans for the new pier.")
    assert [analysis.text[q.cue_start or 0:q.cue_end or 0] for q in analysis.quotes] == ["said"]


@pytest.mark.parametrize(("text", "content"), [
    ("Ivo Marsh told reporters she would resign in May.", "she would resign in May"),
    ("Jana Kovar told dockers on Monday they would be paid.", "they would be paid"),
    ("Jana Kovar told reporters that the quay would close.", "the quay would close"),
])
def test_the_reported_clause_keeps_its_subject_after_the_recipient(analyse: Analyse, text: str,
                                                                   content: str) -> None:
    assert [content for content, _ in pairs(analyse, text)] == [content]


@pytest.mark.parametrize("text", [
    "Jana Kovar asked what the mayor had promised the dockers.",
    "Ivo Marsh wondered whether the council had approved the levy.",
])
def test_a_cue_in_a_clause_a_wh_word_or_whether_opens_reports_nothing_before_it(analyse: Analyse,
                                                                                text: str) -> None:
    # the question is the asker's: the verb inside it is no trailing cue with the asker as content
    assert not [(content, source) for content, source in pairs(analyse, text)
                if source.endswith(("mayor", "council"))]
