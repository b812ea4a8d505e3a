"""Wire, agency and machine-translated copy: an outlet that quotes somebody, "as reported in <body>",
a writer after a quotation's dash, a comma before "that", a quoted unit name in a speaker's title, a
speaker after an opening place phrase. Invented sentences; the source mention is checked, as the
shared scorer pairs sources by their mention."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse


def pairs(analyse: Analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text, conventions=RELATIONS)
    return [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes
            if q.kind != "stance"]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("The Coastal Wire quoted Ivo Marsh as saying that the ferry would stop.", "the ferry would stop",
     "Ivo Marsh"),
    ("The agency cited the port's director as saying the cranes were idle.", "the cranes were idle",
     "the port's director"),
    ("The Harbour Gazette quoted him as saying he would resign.", "he would resign", "him"),
    # passive: the one quoted is the subject already, and the carrier verb reports nothing itself
    ("Vera Lind was cited by the Harbour Gazette as saying the strike had ended.", "the strike had ended",
     "Vera Lind"),
])
def test_the_one_an_outlet_quotes_is_the_speaker(analyse: Analyse, text: str, content: str,
                                                 source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


def test_a_cited_reason_is_no_carried_quote(analyse: Analyse) -> None:
    assert pairs(analyse, "The minister cited rising prices, saying the plan had failed.") == [
        ("the plan had failed", "The minister")]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("As reported in the Ministry of Transport, two bridges were closed overnight.",
     "two bridges were closed overnight", "the Ministry of Transport"),
    ("As reported at the regional council, the school will reopen in May.", "the school will reopen in May",
     "the regional council"),
    ("As reported by the harbour authority, the pier was damaged.", "the pier was damaged",
     "the harbour authority"),
])
def test_as_reported_in_a_body_names_the_source(analyse: Analyse, text: str, content: str,
                                                source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


def test_as_reported_in_a_month_or_a_place_names_nobody(analyse: Analyse) -> None:
    for text in ("As reported in March, the bridge was closed.",
                 "As reported in Veldorf, the pier was shut."):
        assert not [source for _, source in pairs(analyse, text) if source], text


@pytest.mark.parametrize(("text", "quote", "source"), [
    ("\u201cThe ferry is back!\u201d \u2014 wrote the mayor of Veldorf Ivo Marsh.",
     "\u201cThe ferry is back!\u201d", "the mayor of Veldorf Ivo Marsh"),
    ('"We hold the line," - wrote the commander of the garrison.', '"We hold the line,"',
     "the commander of the garrison"),
])
def test_the_writer_after_a_quotation_and_a_dash_speaks(analyse: Analyse, text: str, quote: str,
                                                        source: str) -> None:
    assert pairs(analyse, text) == [(quote, source)]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("The harbour master reported, that two boats sank overnight.", "two boats sank overnight",
     "The harbour master"),
    ("The governor of the province Anton Brel informed, that in the village Lisk burned a barn, nobody "
     "suffered.", "in the village Lisk burned a barn, nobody suffered",
     "The governor of the province Anton Brel"),
])
def test_a_comma_before_that_keeps_the_indirect_quote(analyse: Analyse, text: str, content: str,
                                                      source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]


def test_a_quoted_unit_name_is_part_of_the_speaker(analyse: Analyse) -> None:
    text = 'Representative of the group "North" Ivo Marsh said that the road was open.'
    assert pairs(analyse, text) == [("the road was open", 'Representative of the group "North" Ivo Marsh')]


@pytest.mark.parametrize(("text", "content", "source"), [
    ("In Norland, the head of the Varn regional administration said a drone hit a warehouse.",
     "a drone hit a warehouse", "the head of the Varn regional administration"),
    ("Meanwhile in Norland, the governor of the Lisk region said the port was hit.", "the port was hit",
     "the governor of the Lisk region"),
])
def test_a_speaker_after_an_opening_place_phrase_is_the_subject(analyse: Analyse, text: str, content: str,
                                                                source: str) -> None:
    assert pairs(analyse, text) == [(content, source)]
