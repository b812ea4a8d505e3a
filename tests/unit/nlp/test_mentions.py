"""Names in source mentions: a title the tagger reads as a name does not hide the name after it.
Invented sentences, through the real model."""

from __future__ import annotations

import pytest

from tests.unit.nlp.test_patterns import RELATIONS, Analyse


@pytest.mark.parametrize(("text", "speaker"), [
    # the title opens a line in mid-article, where the tagger takes it for a proper noun
    ('The road was quiet.\nRepresentative of the group "North" Ivo Marsh said that the bridge was open.',
     "Ivo Marsh"),
    ("The town was quiet.\nGovernor of the Lisk region Anton Brel said two houses burned.", "Anton Brel"),
])
def test_a_title_before_a_name_leaves_the_name_the_speaker(analyse: Analyse, text: str, speaker: str) -> None:
    assert [q.speaker for q in analyse(text, conventions=RELATIONS).quotes] == [speaker]
