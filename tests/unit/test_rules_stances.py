"""Stance verbs that hold a stance only in one construction: an aim with a "to" infinitive. Invented
sentences."""

from __future__ import annotations

from attribview.nlp.attribution import STANCE
from tests.unit.test_patterns import RELATIONS, Analyse, check


def test_an_aim_with_an_infinitive_is_a_stance(analyse: Analyse) -> None:
    check(analyse("Ivo Marsh looks to build on his lead in the harbour district.", conventions=RELATIONS),
          "Ivo Marsh", "looks", "to build on his lead in the harbour district", kind=STANCE)


def test_looking_without_an_infinitive_holds_nothing(analyse: Analyse) -> None:
    quotes = analyse("The old quay looks tired after the winter storms.", conventions=RELATIONS).quotes
    assert not [q for q in quotes if q.kind == STANCE]
