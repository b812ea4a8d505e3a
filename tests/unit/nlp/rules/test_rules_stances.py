"""Stance verbs that hold a stance only in one construction: an aim with a "to" infinitive. Invented
sentences."""

from __future__ import annotations

import pytest

from attribview.nlp.attribution import STANCE
from tests.unit.nlp.test_patterns import RELATIONS, Analyse, check


def test_an_aim_with_an_infinitive_is_a_stance(analyse: Analyse) -> None:
    check(analyse("Ivo Marsh looks to build on his lead in the harbour district.", conventions=RELATIONS),
          "Ivo Marsh", "looks", "to build on his lead in the harbour district", kind=STANCE)


def test_looking_without_an_infinitive_holds_nothing(analyse: Analyse) -> None:
    quotes = analyse("The old quay looks tired after the winter storms.", conventions=RELATIONS).quotes
    assert not [q for q in quotes if q.kind == STANCE]


# -- cue recall: forms the lemmatizer misreads, attitude words ---------------------------------------


def test_a_hope_is_found_in_every_form(analyse: Analyse) -> None:
    """The small model reads "hopes", "hoped", "hoping" as "hop": the lemma is set before it runs."""
    analysis = analyse("Vera Lind hopes the new ferry will run by May. Ivo Marsh hoped to win the harbour "
                       "seat.", conventions=RELATIONS)
    check(analysis, "Vera Lind", "hopes", "the new ferry will run by May", kind="indirect")
    check(analysis, "Ivo Marsh", "hoped", "to win the harbour seat", kind=STANCE)


def test_lemma_fixes_keep_other_words_alone(analyse: Analyse) -> None:
    quotes = analyse("The rabbit hops across the quay every morning.", conventions=RELATIONS).quotes
    assert not quotes


def test_the_subject_of_be_holds_the_stance_its_noun_names(analyse: Analyse) -> None:
    check(analyse("Vera Lind is a fervent supporter of the harbour plan.", conventions=RELATIONS),
          "Vera Lind", "supporter", "the harbour plan", kind=STANCE)


@pytest.mark.parametrize(("text", "holder", "cue", "content"), [
    ("The dockers were angry about the closure of the quay.", "dockers", "angry", "the closure of the quay"),
    ("Senator Ivo Marsh raised questions about the harbour budget.", "Ivo Marsh", "questions",
     "the harbour budget"),
    ("Ivo Marsh was referring to the old ferry.", "Ivo Marsh", "referring", "the old ferry"),
    ("The voters see the new pier as a waste of money.", "voters", "see", "the new pier as a waste of money"),
    ("Vera Lind mused about the closure of the quay.", "Vera Lind", "mused", "the closure of the quay"),
    ("The harbour council views itself as a leader on ferries.", "harbour council", "views",
     "itself as a leader on ferries"),
    ("The ads came from dockers supporting the harbour candidates.", "dockers", "supporting",
     "the harbour candidates"),
    ("Vera Lind will be challenging the harbour mayor.", "Vera Lind", "challenging", "the harbour mayor"),
    ("The dockers protested the new toll.", "dockers", "protested", "the new toll"),
    ("Ivo Marsh voiced concern about the pier.", "Ivo Marsh", "voiced", "concern about the pier"),
    ("Vera Lind bragged about the new ferry.", "Vera Lind", "bragged", "the new ferry"),
])
def test_attitude_words_hold_a_stance(analyse: Analyse, text: str, holder: str, cue: str,
                                     content: str) -> None:
    check(analyse(text, conventions=RELATIONS), holder, cue, content, kind=STANCE)


def test_a_light_verb_without_a_stance_noun_holds_nothing(analyse: Analyse) -> None:
    """"raised the fares" names no stance: only a stance noun makes the subject a holder."""
    analysis = analyse("The ferry company raised the fares in March.", conventions=RELATIONS)
    assert not [q for q in analysis.quotes if q.kind == STANCE]


def test_replies_point_to_what_they_answer(analyse: Analyse) -> None:
    """"responded to the attacks": the object of "to" is what the response is on, not a channel."""
    analysis = analyse("Ivo Marsh responded to the attacks on his record.", conventions=RELATIONS)
    assert [q.text for q in analysis.quotes] == ["the attacks on his record"]


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("A reporter asked Ivo Marsh on Monday if the ferry was safe.", "A reporter", "asked",
     "if the ferry was safe"),
    ("Jana Kovar asked how the council would pay for the new pier.", "Jana Kovar", "asked",
     "how the council would pay for the new pier"),
    ("Jana Kovar wondered why the harbour board had waited so long.", "Jana Kovar", "wondered",
     "why the harbour board had waited so long"),
])
def test_an_indirect_question_is_what_its_subject_asks(analyse: Analyse, text: str, source: str, cue: str,
                                                       content: str) -> None:
    check(analyse(text, conventions=RELATIONS), source, cue, content, kind=STANCE)



def mentions(analyse: Analyse, text: str) -> list[tuple[str, str]]:
    """Each stance's content and its source mention as written (a pronoun resolves to nobody here)."""
    analysis = analyse(text, conventions=RELATIONS)
    return [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes
            if q.kind == STANCE]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("She recalled her opposition to the new pier.", "the new pier", "She"),
    ("The dockers recalled their support for the strike.", "the strike", "The dockers"),
    ("He recalled her opposition to the new pier.", "the new pier", "her"),  # disagrees: her own stance
])
def test_a_stance_noun_owned_by_an_agreeing_pronoun_is_held_by_the_verbs_subject(
        analyse: Analyse, text: str, content: str, source: str) -> None:
    assert mentions(analyse, text) == [(content, source)]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("The new toll angered the ferry workers.", "The new toll", "the ferry workers"),
    ("The council closed the quay. That worries the dockers.", "That", "the dockers"),
    ("The council has lagged on repairs, frustrating the dockers.", "The council has lagged on repairs",
     "the dockers"),
    ("The ferry workers were angered by the new toll.", "the new toll", "The ferry workers"),
    ("The dockers were frustrated that the council closed the quay.", "the council closed the quay",
     "The dockers"),
])
def test_the_one_a_verb_of_feeling_moves_holds_a_stance_on_what_moves_them(
        analyse: Analyse, text: str, content: str, source: str) -> None:
    assert mentions(analyse, text) == [(content, source)]


def test_a_verb_of_feeling_about_a_thing_holds_nothing(analyse: Analyse) -> None:
    """"concerns the budget" says what the report is about: a budget feels nothing."""
    assert mentions(analyse, "The report concerns the harbour budget.") == []


@pytest.mark.parametrize(("text", "content", "source"), [
    ("Ivo Marsh won the endorsement of the dockers union.", "Ivo Marsh", "the dockers union"),
    ("Vera Lind enjoyed strong support from older voters.", "Vera Lind", "older voters"),
])
def test_a_received_stance_is_held_by_whoever_gives_it(analyse: Analyse, text: str, content: str,
                                                       source: str) -> None:
    assert mentions(analyse, text) == [(content, source)]


def test_the_of_phrase_of_a_received_criticism_is_what_it_is_on(analyse: Analyse) -> None:
    """"drew criticism of the toll": the toll is criticised, it criticises nobody."""
    assert [source for _, source in mentions(analyse, "Ivo Marsh drew criticism of the toll.")] == []


@pytest.mark.parametrize(("text", "holder", "cue", "content"), [
    ("Senator Vera Lind, a longtime supporter of the harbour plan, spoke on Monday.", "Vera Lind",
     "supporter", "the harbour plan"),
    ("The dockers were among the earliest supporters of Ivo Marsh.", "dockers", "supporters", "Ivo Marsh"),
])
def test_a_noun_naming_a_holder_stands_for_its_apposition_or_group(analyse: Analyse, text: str, holder: str,
                                                                   cue: str, content: str) -> None:
    check(analyse(text, conventions=RELATIONS), holder, cue, content, kind=STANCE)


def test_an_apposed_plan_is_held_by_nobody_it_stands_beside(analyse: Analyse) -> None:
    """"The toll, a plan of the council,": the toll plans nothing; only nouns naming a holder qualify."""
    assert mentions(analyse, "The toll, a plan of the council, starts in May.") == []
