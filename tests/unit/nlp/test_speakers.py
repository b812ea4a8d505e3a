"""The speaker resolver (``nlp/speakers.py``): a relative pronoun's source mention and speaker. Invented
sentences; the source mention is checked because the shared scorer pairs sources by their mention when
the annotation names nobody, and annotators mark either the pronoun or the noun it stands for."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse, source_of


@pytest.mark.parametrize(("text", "content", "source", "speaker"), [
    pytest.param("The mayor met Anna Kowal, who said the plan would fail.", "the plan would fail",
                 "Anna Kowal, who", "Anna Kowal", id="who-after-a-name"),
    pytest.param("Investors studied a roster of donors that shows the fund has grown beyond one family.",
                 "the fund has grown beyond one family", "donors that", "donors", id="that-after-a-noun"),
])
def test_a_relative_pronoun_source_runs_from_the_noun_it_stands_for(
        analyse: Analyse, text: str, content: str, source: str, speaker: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    quote, mention = source_of(analysis, content)
    assert mention == source
    assert quote.speaker == speaker


def test_a_body_named_before_its_relative_clause_keeps_its_name(analyse: Analyse) -> None:
    text = "The Harbour Council, which runs the port, said the fees would rise."
    analysis = analyse(text, conventions=RELATIONS)
    found = [q for q in analysis.quotes if q.text == "the fees would rise"]
    assert [q.speaker for q in found] == ["Harbour Council"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    pytest.param("Drones struck a depot overnight, the head of the Vorlask region said on Telegram.",
                 "Drones struck a depot overnight", "head of the Vorlask region", id="head-of-a-region"),
    pytest.param("The governor of the Ostrava region said two people were wounded in the shelling.",
                 "two people were wounded in the shelling", "governor of the Ostrava region",
                 id="governor-of-a-region"),
    pytest.param("Two houses burned after the attack, Vorlask's governor said.",
                 "Two houses burned after the attack", "Vorlask's governor", id="a-place's-governor"),
    pytest.param("The governor of the Ostrava region, Pavel Kerin, said two people were wounded.",
                 "two people were wounded", "Pavel Kerin", id="name-in-apposition"),
    pytest.param("Pavel Kerin, the governor of the Ostrava region, said the power was cut. Later the "
                 "governor of the Ostrava region said a school was hit.", "a school was hit", "Pavel Kerin",
                 id="named-earlier-with-that-role"),
])
def test_a_place_an_office_is_of_is_not_its_holder(analyse: Analyse, text: str, content: str,
                                                   speaker: str) -> None:
    analysis = analyse(text, "war", None)
    found = [q for q in analysis.quotes if q.text == content]
    assert [(q.speaker, q.group) for q in found] == [(speaker, "local_officials")], [
        (q.speaker, q.group, q.text) for q in analysis.quotes]


def test_the_head_of_one_region_is_not_the_governor_of_another(analyse: Analyse) -> None:
    text = ("The governor of the Ostrava region said the power was cut. Later the head of the Vorlask "
            "region said a school was hit.")
    analysis = analyse(text, "war", None)
    assert [(q.speaker, q.text) for q in analysis.quotes] == [
        ("governor of the Ostrava region", "the power was cut"),
        ("head of the Vorlask region", "a school was hit")]


def test_a_group_of_a_place_is_not_named_after_the_place(analyse: Analyse) -> None:
    analysis = analyse("Residents of the Vorlask region said the water was off.")
    assert [(q.speaker, q.text) for q in analysis.quotes] == [
        ("Residents of the Vorlask region", "the water was off")]
