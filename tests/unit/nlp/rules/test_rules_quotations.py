"""Quotations framed by a cue after them (``rules/quotations.py``). Invented sentences, rules alone."""

from __future__ import annotations

import pytest

from attribview.nlp.rules.index import DocIndex
from attribview.nlp.rules.quotations import place_quotations
from tests.unit.nlp.rules.test_rules_grammar import parse
from tests.unit.nlp.test_patterns import Analyse


def pairs(analyse: Analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text)
    return [(q.text, analysis.text[q.source_start or 0:q.source_end or 0]) for q in analysis.quotes]


@pytest.mark.parametrize(("text", "source"), [
    ("“The plan will fail,” Marsh, a senior fellow at the Harbour Institute who studies ports and "
     "shipping, said on Monday.", "Marsh, a senior fellow at the Harbour Institute"),
    ("“The ferry is safe,” Ivo Marsh, the longest-serving harbour master in the history of the port of "
     "Varn, told reporters.",
     "Ivo Marsh, the longest-serving harbour master in the history of the port of Varn"),
])
def test_a_speaker_right_after_a_quotation_frames_it_however_long_the_description(
        analyse: Analyse, text: str, source: str) -> None:
    quotation = text[:text.index("”") + 1]
    assert pairs(analyse, text) == [(quotation, source)]


def test_a_cue_far_after_a_quotation_without_its_speaker_next_frames_nothing(analyse: Analyse) -> None:
    text = ("The sign read “Closed for repairs” for most of the summer, while the council, after months "
            "of debate about the cost of the work, said nothing.")
    assert not [q for q in analyse(text).quotes if q.kind == "direct"]


@pytest.mark.parametrize(("text", "source"), [
    ("“Why would the ferry wait?” she asked.", "she"),
    ("“Who pays for the new pier?” asked the harbour master.", "the harbour master"),
    ("“Is the quay safe?” Jana Kovar wondered on Monday.", "Jana Kovar"),
])
def test_a_question_framed_by_asking_is_its_askers_quotation(
        analyse: Analyse, text: str, source: str) -> None:
    quotation = text[:text.index("”") + 1]
    assert pairs(analyse, text) == [(quotation, source)]


def test_asking_without_a_quotation_reports_no_statement(analyse: Analyse) -> None:
    assert not analyse("Ivo Marsh asked the board whether the ferry would run in May.").quotes


@pytest.mark.parametrize("text", [
    "“My view, that was wrong,” the mayor's former press secretary said in an interview on Monday.",
    "“My reaction, that was outrageous,” Marsh's former campaign manager said in an interview.",
])
def test_a_quotations_noun_parsed_as_a_second_subject_leaves_the_speaker_after_it(
        analyse: Analyse, text: str) -> None:
    quotation = text[:text.index("”") + 1]
    assert pairs(analyse, text) == [(quotation, text[len(quotation) + 1:text.index(" said")])]


def test_the_words_between_a_quotation_and_a_cue_left_without_subject_are_its_speaker() -> None:
    # "Ovara" misread as a verb, "said" as a second verb of the quotation's clause
    doc = parse("""
        “ `` PUNCT punct 3 “ nospace
        We PRP PRON nsubj 3 we
        will MD AUX aux 3 will
        find VB VERB ROOT 3 find
        it PRP PRON dobj 3 it
        , , PUNCT punct 3 , nospace
        ” '' PUNCT punct 3 ”
        Ovara VB VERB dep 3 ovara
        police NN NOUN compound 9 police
        Chief NNP PROPN dobj 7 chief
        Ivo NNP PROPN compound 11 ivo
        Marsh NNP PROPN appos 9 marsh
        said VBD VERB conj 3 say
        Monday NNP PROPN npadvmod 12 monday
        . . PUNCT punct 3 . nospace
    """)
    ix = DocIndex(doc)
    place_quotations(ix)
    assert [(a.source, a.kind) for a in ix.found] == [((ix.text.index("Ovara"), ix.text.index(" said")),
                                                      "direct")]
