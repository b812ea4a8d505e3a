"""A speaker's side from the article around it (``core/sides.py``): datelines, subjects and answers."""

from __future__ import annotations

import pytest

from attribview.core.profiles import Profile, load_profile
from attribview.core.sides import SideContext, dateline_side
from attribview.paths import resources_dir


@pytest.fixture(scope="module")
def war() -> Profile:
    return load_profile(resources_dir() / "profiles" / "war.toml")


@pytest.mark.parametrize("text, side", [
    ("KYIV, Ukraine (AP) — Drones struck a depot overnight.", "ukraine"),
    ("MOSCOW, Feb 10 (Reuters) - The talks will resume.", "russia"),
    ("Kyiv, Ukraine CNN — The air raid lasted four hours.", "ukraine"),
    ("Headline of the day\n\nKHARKIV (Reuters) - Shelling resumed.", "ukraine"),
    ("BELGOROD, Russia (AP) — A drone hit a farm.", "russia"),
    ("ODESA, Ukraine — The port reopened.", "ukraine"),
    ("LONDON (Reuters) - Britain pledged more aid.", None),
    ("Ukraine - Russia talks resume in Istanbul", None),  # a headline, not a dateline
    ("The Kremlin said on Monday - after a pause - that talks would resume.", None),
    ("Vorona, May 4 /TASS/. Talks resumed.", None),  # a place of no side
    ("MOSCOW, May 4 /TASS/. Talks resumed in the afternoon.", "russia"),
    ("Kyiv, May 4 /Ukrinform/. Power was restored.", "ukraine"),
    ("KYIV: Drones struck a depot overnight.", "ukraine"),
    ("Ukraine: what the new aid package means", None),  # a headline's colon
    ("Strikes on the grid\nBy Anna Smithers\nKYIV — Power was cut overnight.", "ukraine"),
    ("Ukraine - Russia talks resume\nMOSCOW (Reuters) - The talks resumed.", "russia"),
    ("ST. PETERSBURG, Russia — A fire broke out.", "russia"),
])
def test_dateline_side(war: Profile, text: str, side: str | None) -> None:
    assert dateline_side(text, war) == side


def _context(war: Profile, text: str, subjects: list[str], contents: list[str] = ()) -> SideContext:
    def ranges(parts: list[str]) -> list[tuple[int, int]]:
        return [(text.index(p), text.index(p) + len(p)) for p in parts]
    return SideContext.of(war, text, ranges(list(contents)), ranges(subjects))


def test_nearest_side_named_in_a_subject_of_the_paragraph_wins(war: Profile) -> None:
    text = ("Ukrainian troops held the town.\nRussian troops pushed towards Kharkiv. The defence ministry "
            "said its units had advanced.")
    context = _context(war, text, ["Ukrainian troops", "Russian troops", "The defence ministry"])
    assert context.side_at(text.index("The defence ministry")) == "russia"


def test_sides_named_outside_subjects_or_inside_contents_do_not_count(war: Profile) -> None:
    text = "Ukrainian troops held the town. Drones hit Kharkiv, the ministry said, blaming Russian forces."
    context = _context(war, text, ["Ukrainian troops", "Drones", "the ministry"],
                       contents=["Drones hit Kharkiv"])
    assert context.side_at(text.index("the ministry")) == "ukraine"


def test_an_earlier_paragraph_when_its_own_names_no_side(war: Profile) -> None:
    text = "Russian forces shelled the village.\nThe army said it had returned fire."
    context = _context(war, text, ["Russian forces", "The army"])
    assert context.side_at(text.index("The army")) == "russia"


def test_the_dateline_beats_the_subjects(war: Profile) -> None:
    text = "KYIV (Reuters) - Russian drones struck a plant overnight. The ministry said power was cut."
    context = _context(war, text, ["Russian drones", "The ministry"])
    assert context.side_at(text.index("The ministry")) == "ukraine"


def test_a_denial_answers_the_side_that_spoke_last(war: Profile) -> None:
    text = "KYIV (Reuters) - Moscow said Ukraine had shelled the plant. The foreign ministry denied it."
    context = _context(war, text, ["Moscow", "The foreign ministry"])
    context.heard(text.index("Moscow"), "russia")
    position = text.index("The foreign ministry")
    assert context.side_at(position, "denied") == "ukraine"
    assert context.side_at(position, "said") == "russia"  # the side of its paragraph's last speaker
    context.heard(0, "ukraine")
    assert context.side_at(position, "rejected") == "ukraine"  # Moscow spoke last


def test_the_last_speaker_of_its_paragraph_beats_the_dateline(war: Profile) -> None:
    text = ("MOSCOW (Reuters) - Drones hit a depot.\nKyiv's General Staff said it had hit it. The army said "
            "more would come.")
    context = _context(war, text, ["Drones", "Kyiv's General Staff", "The army"])
    assert context.side_at(text.index("The army")) == "russia"  # a side only named: the dateline wins
    context.heard(text.index("Kyiv's"), "ukraine")
    assert context.side_at(text.index("The army")) == "ukraine"  # a speaker of that side in its paragraph


def test_no_side_without_any_evidence(war: Profile) -> None:
    text = "The ministry said the bridge was closed."
    assert _context(war, text, ["The ministry"]).side_at(0) is None


def test_a_place_its_own_sentence_is_set_in_beats_the_dateline(war: Profile) -> None:
    text = "KYIV (Reuters) - Drones hit a depot. In Moscow, the ministry said the strikes were a success."
    context = _context(war, text, ["Drones", "the ministry"])
    assert context.side_at(text.index("the ministry")) == "russia"


def test_a_sides_place_anywhere_before_when_nothing_else_says(war: Profile) -> None:
    text = "Missiles hit Odesa overnight, officials said. A spokesman for the ministry said more were coming."
    context = _context(war, text, ["Missiles", "officials", "A spokesman"], contents=["Missiles hit Odesa"])
    assert context.side_at(text.index("A spokesman")) == "ukraine"


def test_a_place_its_own_sentence_names_outside_what_was_said(war: Profile) -> None:
    text = "Colonel Roman Dub, who leads a unit near Sumy, said the night was calm."
    context = _context(war, text, ["Colonel Roman Dub"], contents=["the night was calm"])
    assert context.side_at(0) == "ukraine"


def test_a_place_after_it_inside_what_was_said_places_nobody(war: Profile) -> None:
    text = "The commander said drones had hit Belgorod and Sumy overnight."
    context = _context(war, text, ["The commander"], contents=["drones had hit Belgorod and Sumy overnight"])
    assert context.side_at(0) is None


def test_the_first_side_named_after_it_when_nothing_before_says(war: Profile) -> None:
    text = "The men have not slept for days, their commander said.\nOfficials in Kyiv say help is coming."
    context = _context(war, text, ["The men", "their commander", "Officials in Kyiv"],
                       contents=["The men have not slept for days", "help is coming"])
    assert context.side_at(text.index("their commander")) == "ukraine"


def test_a_body_named_again_without_its_country_is_the_one_named_before(war: Profile) -> None:
    text = ("KYIV (Reuters) - Russia's Defense Ministry said its units had taken Lozivka.\n"
            "Ukrainian troops held positions near Dobrovka, the General Staff said.\n"
            "The Defence Ministry said 40 drones were downed.")
    context = _context(war, text, ["Russia's Defense Ministry", "Ukrainian troops", "The Defence Ministry"],
                       contents=["its units had taken Lozivka", "Ukrainian troops held positions"])
    assert context.side_at(text.index("The Defence Ministry")) == "russia"  # not the dateline's
    assert context.side_at(text.index("the General Staff")) == "ukraine"  # named before by nobody


def test_a_body_named_with_its_capital_after_it(war: Profile) -> None:
    text = ("KYIV (Reuters) - The interior ministry in Moscow said a plant was hit.\n"
            "The Interior Ministry said two people were hurt.")
    context = _context(war, text, ["The interior ministry in Moscow", "The Interior Ministry"])
    assert context.side_at(text.index("The Interior Ministry")) == "russia"


def test_a_side_named_inside_what_was_said_or_with_a_one_word_body_names_no_body(war: Profile) -> None:
    text = ("KYIV (Reuters) - The army said Russia's Defence Ministry had lied.\n"
            "Russian military bloggers mocked the claim. The military said the front held.\n"
            "The Defence Ministry said the strikes would go on.")
    subjects = ["The army", "Russian military bloggers", "The military", "The Defence Ministry"]
    context = _context(war, text, subjects, contents=["Russia's Defence Ministry had lied", "the front held"])
    assert context.side_at(text.index("The Defence Ministry said")) == "ukraine"  # the dateline
    assert context.side_at(text.index("The military")) == "ukraine"  # not the "Russian military" named
