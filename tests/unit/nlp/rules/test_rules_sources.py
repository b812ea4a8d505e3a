"""Who speaks through a participle after a noun: the noun itself ("residents criticizing the plan"), or
the one who issued a document ("issued a statement saying ..."). Invented sentences; the source mention
is checked, as the shared scorer pairs sources by their mention."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse, source_of


@pytest.mark.parametrize(("text", "content", "source"), [
    pytest.param("The harbour board issued a statement saying the ferry would not return.",
                 "the ferry would not return", "The harbour board", id="issued-a-statement-saying"),
    pytest.param("Mayor Helga Strand released a statement condemning the vandalism at the quay.",
                 "the vandalism at the quay", "Mayor Helga Strand", id="released-a-statement-condemning"),
    pytest.param("A petition calling for the closure of the old mine has reached the council.",
                 "the closure of the old mine", "A petition", id="a-petition-calling-for"),
])
def test_a_participle_after_a_noun_speaks_for_its_holder(analyse: Analyse, text: str, content: str,
                                                         source: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    assert source_of(analysis, content)[1] == source



@pytest.mark.parametrize(("text", "source"), [
    ("The head of the dockers union backing Tolle, Jana Kovar, said the strike would go on.", "Jana Kovar"),
    ("The leader of the Varn harbour union, Jana Kovar, said the strike would go on.",
     "The leader of the Varn harbour union, Jana Kovar"),  # no clause in the description: one mention
])
def test_a_name_closing_a_described_subject_is_the_speaker(analyse: Analyse, text: str, source: str) -> None:
    analysis = analyse(text, conventions=RELATIONS)
    quote, mention = source_of(analysis, "the strike would go on")
    assert (mention, quote.speaker) == (source, "Jana Kovar")


def test_a_stance_in_the_description_stops_before_the_closing_name(analyse: Analyse) -> None:
    analysis = analyse("The head of the dockers union backing Tolle, Jana Kovar, said the strike would go "
                       "on.", conventions=RELATIONS)
    assert source_of(analysis, "Tolle")[1] == "the dockers union"
