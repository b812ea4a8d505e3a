"""Sides in whole invented war reports through the real pipeline: bodies named without their country
take the side of the dateline or of the body named before (invented people and towns)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attribview.core.types import Analysis

Analyse = Callable[..., Analysis]

REPORTS = {
    "tass": "Moscow, May 4 /TASS/. Drones hit a depot in Dobrovka overnight, the Interior Ministry said.\n",
    "colon": "KYIV: Russian drones struck the town of Verkhnobrod overnight, the Interior Ministry said.\n",
    "byline": ("Night of drones\nBy Anna Smithers\nKYIV — Russian drones struck a depot in Lozivka, "
               "the Interior Ministry said.\n"),
    "named before": (
        "KYIV, Ukraine (AP) — Russian troops attacked positions near Lozivka overnight.\n\n"
        "The Defence Ministry in Moscow said its units had taken the village.\n\n"
        "Russian soldiers have pressed on near Sirokamen for weeks. The Defense Ministry said the front "
        "was stable.\n"),
}


@pytest.mark.parametrize("report, cue, group", [
    ("tass", "the Interior Ministry", "russian_officials"),
    ("colon", "the Interior Ministry", "ukrainian_officials"),
    ("byline", "the Interior Ministry", "ukrainian_officials"),
    ("named before", "The Defence Ministry in Moscow", "russian_mod"),
    ("named before", "The Defense Ministry said the front", "russian_mod"),
])
def test_a_body_without_its_country_takes_its_side(analyse: Analyse, report: str, cue: str,
                                                   group: str) -> None:
    text = REPORTS[report]
    at = text.index(cue)
    analysis = analyse(text, "war")
    (quote,) = [q for q in analysis.quotes if q.source_start == at]
    assert quote.group == group


LEADERS_PEOPLE = (
    "Putin's envoy Kirill Dmitrenko said the deal was close.\n\n"
    "Zelensky's adviser Mykhailo Ivanchuk said Ukraine would not cede land.\n\n"
    "Putin said the goals would be met.\n"
)


@pytest.mark.parametrize("cue, group", [
    ("Putin's envoy", "russian_officials"),
    ("Zelensky's adviser", "ukrainian_officials"),
    ("Putin said", "putin"),
])
def test_a_leaders_people_speak_for_the_government(analyse: Analyse, cue: str, group: str) -> None:
    at = LEADERS_PEOPLE.index(cue)
    (quote,) = [q for q in analyse(LEADERS_PEOPLE, "war").quotes if q.source_start == at]
    assert quote.group == group
