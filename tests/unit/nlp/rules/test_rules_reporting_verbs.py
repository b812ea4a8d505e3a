"""Cue shapes the parser misreads: a trailing cue whose speaker the parser hung on the clause before
it, and a fronted "as noted by X". Invented sentences; the source mention is checked, as the shared
scorer pairs sources by their mention."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse


def pairs(analyse: Analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text, conventions=RELATIONS)
    return [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes
            if q.kind != "stance"]


@pytest.mark.parametrize(("text", "content", "source"), [
    # the speaker parsed as the object of the clause's last verb, its name as that object's apposition
    ("The storm has flooded two villages and cut power to 300 homes, the province's mayor, Ivo Marsh, said.",
     "The storm has flooded two villages and cut power to 300 homes", "the province's mayor, Ivo Marsh"),
    # the speaker parsed as an apposition of the town
    ("Rebel units have stepped up their raids on the town of Varn, Norland's army said on Friday.",
     "Rebel units have stepped up their raids on the town of Varn", "Norland's army"),
])
def test_a_trailing_cue_without_a_subject_takes_the_phrase_before_it(analyse: Analyse, text: str,
                                                                     content: str, source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("As noted by the ministry's spokesman, the new bridge will open in May.",
     "the new bridge will open in May", "the ministry's spokesman"),
    ("As stated by Mayor Ivo Marsh, the harbour will reopen next week.",
     "the harbour will reopen next week", "Mayor Ivo Marsh"),
    ("The new bridge will open in May, as stated by the mayor.", "The new bridge will open in May",
     "the mayor"),
])
def test_as_noted_by_names_the_source(analyse: Analyse, text: str, content: str, source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


def test_a_participle_with_an_agent_but_no_as_is_no_cue(analyse: Analyse) -> None:
    assert pairs(analyse, "The plan, noted by few readers, was dropped in May.") == []
