"""The war profile knows its main speakers' Cyrillic spellings, as English articles sometimes quote them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attribview.core.types import Analysis

ARTICLE = (
    "Talks over the river crossing stalled again on Friday, officials in both capitals said.\n\n"
    "\"We are ready to continue the dialogue, but not on these terms,\" {ru_aide} told reporters.\n\n"
    "\"There will be no agreement while the shelling goes on,\" {uk_leader} said in an evening address.\n\n"
    "{ru_minister} said the proposal had been rejected.\n\n"
    "Local fishermen said the pause was unlikely to last."
)


@pytest.mark.parametrize(
    ("ru_aide", "uk_leader", "ru_minister"),
    [
        pytest.param("Песков", "Зеленський", "Лавров", id="ukrainian-spelling"),
        pytest.param("Песков", "Зеленский", "Шойгу", id="russian-spelling"),
    ],
)
def test_cyrillic_names_find_the_profile_and_its_speakers(
    analyse: Callable[..., Analysis], ru_aide: str, uk_leader: str, ru_minister: str
) -> None:
    analysis = analyse(ARTICLE.format(ru_aide=ru_aide, uk_leader=uk_leader, ru_minister=ru_minister),
                       profile="auto", conventions=None)
    assert analysis.profile == "war"
    speakers = {quote.mention: (quote.speaker, quote.group) for quote in analysis.quotes}
    assert speakers[ru_aide] == ("Dmitry Peskov", "russian_officials")
    assert speakers[uk_leader] == ("Volodymyr Zelensky", "zelensky")
    assert speakers[ru_minister][1] in {"russian_officials", "russian_mod"}
