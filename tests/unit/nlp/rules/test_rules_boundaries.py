"""Where a content ends: before the cue's own trailing adjuncts (a time, a setting, a participle of the
holder's story) and the reporter's glosses (relative clauses, appositions, a dash). Invented sentences."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from attribview.nlp.attribution import STANCE
from attribview.nlp.rules.boundaries import is_dash
from tests.unit.nlp.test_patterns import RELATIONS, Analyse, check


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), [
    pytest.param("The dockers' union endorsed Ivo Marsh on Tuesday.",
                 "dockers' union", "endorsed", "Ivo Marsh", STANCE, id="stance-before-a-day"),
    pytest.param("Helga Strand backed the harbour plan, putting her at odds with the board.",
                 "Helga Strand", "backed", "the harbour plan", STANCE, id="stance-before-a-participle"),
    pytest.param("Ivo Marsh announced the closure of the quay before the storm.",
                 "Ivo Marsh", "announced", "the closure of the quay", "indirect",
                 id="statement-before-time"),
    pytest.param("Ivo Marsh calls the quay a landmark even though it was built last year.",
                 "Ivo Marsh", "calls", "the quay a landmark", "indirect", id="before-a-concession"),
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
    pytest.param("Most dockers said the quay should close, with a few members abstaining.",
                 "Most dockers", "the quay should close", id="before-a-with-gloss"),
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


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), [
    pytest.param("The union praised the harbour plan as it went through the council.",
                 "union", "praised", "the harbour plan", STANCE, id="stance-before-a-time-clause"),
    pytest.param("Helga Strand praised the harbour plan in an interview published on Sunday.",
                 "Helga Strand", "praised", "the harbour plan", STANCE, id="stance-before-a-setting"),
    pytest.param("Ivo Marsh wants to avoid giving any help to her rivals, recalling how the board used "
                 "her remarks in 2010.", "Ivo Marsh", "wants", "to avoid giving any help to her rivals",
                 STANCE, id="infinitive-before-a-participle"),
    pytest.param("The guild kept applauding the skipper, who now sails for the northern fleet.",
                 "guild", "applauding", "the skipper", STANCE, id="short-object-before-a-relative"),
    pytest.param("The mayor also attacked the ferry company, with whom she clashed at a hearing over "
                 "the fares.", "mayor", "attacked", "the ferry company", STANCE,
                 id="before-a-relative-with-a-preposition"),
    pytest.param("The union praised the harbour plan, an offer the council rejected at a meeting this week.",
                 "union", "praised", "the harbour plan", STANCE, id="before-a-loose-apposition"),
    pytest.param("Ivo Marsh said the quay will be repaired - though it is unclear who will pay for it.",
                 "Ivo Marsh", "said", "the quay will be repaired", "indirect",
                 id="before-a-spaced-hyphen-concession"),
])
def test_content_stops_before_the_reporters_account(analyse: Analyse, text: str, speaker: str, cue: str,
                                                    content: str, kind: str) -> None:
    check(analyse(text, conventions=RELATIONS), speaker, cue, content, kind=kind)


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), [
    pytest.param("Ivo Marsh said the demands - as set out by the board last June - remained the opening bid.",
                 "Ivo Marsh", "said",
                 "the demands - as set out by the board last June - remained the opening bid",
                 id="a-pair-of-dashes-is-a-parenthesis"),
    pytest.param("Ivo Marsh believes there are no easy answers, but that sometimes the cheaper plan will "
                 "have to do.", "Ivo Marsh", "believes",
                 "there are no easy answers, but that sometimes the cheaper plan will have to do",
                 id="a-second-that-clause"),
])
def test_content_keeps_what_the_speaker_said(analyse: Analyse, text: str, speaker: str, cue: str,
                                             content: str) -> None:
    check(analyse(text, conventions=RELATIONS), speaker, cue, content, kind="indirect")


def test_a_hyphen_is_a_dash_only_with_space_on_both_sides() -> None:
    words = ["repaired", "-", "though", "well", "-", "known", "—", "then", "-", "x"]
    spaces = [True, True, True, False, False, True, False, True, False, False]
    doc = Doc(English().vocab, words=words, spaces=spaces)
    assert [t.i for t in doc if is_dash(t)] == [1, 6]


@pytest.mark.parametrize(("text", "content"), [
    pytest.param("Ivo Marsh said his remarks were aimed at the union, but his words were read much "
                 "more widely.",
                 "his remarks were aimed at the union, but his words were read much more widely",
                 id="goes-on-past-but"),
    pytest.param("Ivo Marsh said the ferry was late, but he left the meeting early.",
                 "the ferry was late", id="stops-before-the-speakers-own-story"),
    pytest.param("Ivo Marsh said the quay was safe, but the board was quick to point out that two "
                 "cranes had failed.",
                 "the quay was safe", id="stops-before-another-report"),
])
def test_a_contrast_with_its_own_subject_goes_on_with_the_content(analyse: Analyse, text: str,
                                                                   content: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    said = [q for q in analysis.quotes if q.kind == "indirect" and q.speaker == "Ivo Marsh"]
    assert [q.text for q in said] == [content]
