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


def test_a_second_verb_after_but_is_no_trailing_cue(analyse: Analyse) -> None:
    # the parser makes "signaled" a second verb of the first clause; the "but" joins them
    text = ("In the last vote, Marsh and Lind joined forces against the mayor, but in the weeks before "
            "the next one, Marsh has signaled his wish to beat Lind in Varn.")
    assert not [content for content, _ in pairs(analyse, text) if "joined forces" in content]


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


@pytest.mark.parametrize("text", [
    "The plan, noted by few readers, was dropped in May.",  # no "as": a participle of the noun
    "Voters backed the new ferry, as shown by the harbour council's vote in May.",  # evidence
])
def test_a_participle_that_reports_nobody_is_no_cue(analyse: Analyse, text: str) -> None:
    assert pairs(analyse, text) == []


def test_a_cue_parsed_as_a_participle_of_its_subject_keeps_subject_and_content(analyse: Analyse) -> None:
    # parsed with "minister" as the root and "announced" as its participle
    text = ("Norland's trade minister, Ivo Marsh, announced during a visit to Kessin that Varn would build "
            "two bridges.")
    assert pairs(analyse, text) == [("Varn would build two bridges", "Norland's trade minister, Ivo Marsh")]


@pytest.mark.parametrize(("text", "source"), [
    ("The new pier, said the mayor, will open in May.", "the mayor"),
    ("The ferry, said Ivo Marsh, the harbour master, would not return.", "Ivo Marsh, the harbour master"),
    ("The ferry, said Mayor Ivo Marsh, would not return until June.", "Mayor Ivo Marsh"),
])
def test_an_inverted_cue_between_commas_names_the_speaker_after_it(analyse: Analyse, text: str,
                                                                   source: str) -> None:
    # the parser makes the clause's subject the cue's, and the speaker its object
    assert pairs(analyse, text) == [(text.rstrip("."), source)]


def test_a_speaker_with_an_apposition_before_the_cue_is_no_inverted_cue(analyse: Analyse) -> None:
    text = "Ivo Marsh, the mayor, said the pier, built in 1900, would close."
    assert pairs(analyse, text) == [("the pier, built in 1900, would close", "Ivo Marsh, the mayor")]


def test_a_content_that_is_only_a_time_is_none(analyse: Analyse) -> None:
    text = "The harbour is silting up 40 percent faster than engineers estimated five years ago."
    assert pairs(analyse, text) == []


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Ivo Marsh: Varn Voters Fear for the Ferry's Safety.\n\nThe ferry sailed on.",
     "Varn Voters Fear for the Ferry's Safety", "Ivo Marsh"),
    ("Poll: Varn Voters Abandon the Harbour Party.\n\nThe vote is in May.",
     "Varn Voters Abandon the Harbour Party", "Poll"),
    ("Former Mayor Marsh at Varn: Lind scandal disqualifies her for office.\n\nThe ferry sailed on.",
     "Lind scandal disqualifies her for office", "Former Mayor Marsh at Varn"),  # where the name spoke
])
def test_a_headline_opening_with_a_name_and_a_colon_reports_its_clause(analyse: Analyse, text: str,
                                                                       content: str, source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


@pytest.mark.parametrize("text", [
    "The Latest: Varn Voters Fear for the Ferry's Safety.\n\nThe ferry sailed on.",  # nobody
    "Ivo Marsh: A Life at Sea.\n\nThe ferry sailed on.",  # no clause: a title
    "The mayor spoke: Varn Voters Fear for the Ferry.\n\nThe ferry sailed on.",  # not a name
])
def test_a_headline_colon_after_no_name_or_before_no_clause_reports_nothing(analyse: Analyse,
                                                                            text: str) -> None:
    assert pairs(analyse, text) == []
