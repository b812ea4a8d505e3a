"""Name consistency: transliterations and typos of one name flagged, derivations and other names not."""

from __future__ import annotations

import pytest

from attribview.core.names import (
    SpeakerNames,
    find_name_variants,
    is_common_word,
    same_name,
    transliteration_key,
)
from attribview.paths import resources_dir


def _article(first: str, second: str) -> str:
    """Both spellings mid-sentence, as a wire story would use them."""
    return (f"Officials in the east said on Monday that {first} had been hit again. "
            f"Later in the day the governor told reporters that {second} was still without power.")


@pytest.mark.parametrize(("first", "second"), [
    # real transliteration variants
    ("Zelensky", "Zelenskyy"),
    ("Zelensky", "Zelenskiy"),
    ("Zelenskyy", "Zelenskiy"),
    ("Kharkiv", "Kharkov"),
    ("Syrskyi", "Syrsky"),
    ("Kyiv", "Kiev"),
    ("Lviv", "Lvov"),
    ("Oleh", "Oleg"),
    ("Serhiy", "Sergiy"),
    ("Yevgeny", "Evgeny"),
    ("Dnipro", "Dnipró"),
    # invented names, transliterated or mistyped
    ("Nyok", "Nyuk"),
    ("Toretsk", "Toletsk"),
    ("Brastovka", "Brastivka"),
    ("Quellmoor", "Quelmoor"),
    ("Vostrikhin", "Wostrikhin"),
    ("Samuelson", "Sameuelson"),
])
def test_variants_are_flagged(first: str, second: str) -> None:
    text = _article(first, second)
    found = find_name_variants(text)
    assert len(found) == 1
    assert set(found[0].variants) == {first, second}
    assert [(v, text[s:e]) for v, s, e in found[0].occurrences] == [(first, first), (second, second)]


@pytest.mark.parametrize(("first", "second"), [
    # derivations and inflections
    ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"),
    ("Biden", "Bidens"),
    ("Israel", "Israeli"),
    ("Kyiv", "Kyivan"),
    ("Germany", "German"),
    ("Ivanov", "Ivanova"),
    ("Pokrovsk", "Pokrovske"),
    # different people and places
    ("Vladimir", "Volodymyr"),
    ("Austria", "Australia"),
    ("Iran", "Iraq"),
    ("Lyman", "Lymar"),
    ("Ivan", "Evan"),
    ("Maria", "Mario"),
    ("Michelle", "Michael"),
    ("Ariana", "Adriana"),
    ("Kherson", "Kharkiv"),
    ("Peskov", "Putin"),
    ("Conn", "Coon"),
])
def test_different_names_are_not_flagged(first: str, second: str) -> None:
    assert find_name_variants(_article(first, second)) == []


def test_three_spellings_form_one_group_most_used_first() -> None:
    text = ("President Volodymyr Zelensky spoke on Monday. Aides to Zelenskiy said the talks went well, "
            "and an adviser to Zelensky said more was planned. Officials close to Zelenskyy declined "
            "to comment. Zelensky's office said nothing.")
    (found,) = find_name_variants(text)
    assert found.variants == ("Zelensky", "Zelenskiy", "Zelenskyy")
    assert found.count("Zelensky") == 3
    assert len(found.occurrences) == 5
    assert all(text[start:end] == variant for variant, start, end in found.occurrences)
    assert [start for _, start, _ in found.occurrences] == sorted(start for _, start, _ in found.occurrences)


def test_sentence_start_spelling_joins_only_a_name_seen_mid_sentence() -> None:
    joined = "The envoy met Zelensky in the capital. Zelenskiy said the meeting went well."
    assert find_name_variants(joined)[0].variants == ("Zelensky", "Zelenskiy")
    both_initial = "Zelensky spoke first. Zelenskiy spoke again."
    assert find_name_variants(both_initial) == []
    common_word = "Traders crowded Wall Street on Monday. Well, nobody expected that."
    assert find_name_variants(common_word) == []


def test_words_written_in_lower_case_elsewhere_are_not_names() -> None:
    text = "The Borders office said so. Officials at the borders and the Border guards agreed."
    assert find_name_variants(text) == []


def test_possessives_acronyms_and_apostrophes() -> None:
    assert find_name_variants("Kharkiv's mayor said Kharkov had no power.")[0].occurrences == (
        ("Kharkiv", 0, 7), ("Kharkov", 21, 28))
    assert find_name_variants("NATO said so, and NATA denied it.") == []
    assert find_name_variants("Officials told O'Neill and O’Neill the same thing.") == []


def test_transliteration_key_folds_spellings_of_one_name() -> None:
    assert transliteration_key("Zelenskyy") == transliteration_key("Zelenskiy") == "zlnsk"
    assert transliteration_key("Oleh") == transliteration_key("Oleg")


def test_bundled_samples_are_consistent() -> None:
    for path in sorted((resources_dir() / "samples").glob("*.txt")):
        assert find_name_variants(path.read_text(encoding="utf-8")) == [], path.name


def test_empty_text() -> None:
    assert find_name_variants("") == []


# -- one speaker, one name within an article ---------------------------------------------------------


@pytest.mark.parametrize("first, later, group", [
    ("Russian Defence Ministry", "Russian Defense Ministry", "mod"),

    ("Russia’s Defence Ministry", "russia's defence ministry", "mod"),
    ("Ukrainian armed forces", "Ukrainian forces", "military"),
    ("Ukrainian forces", "Ukrainian armed forces", "military"),
    ("the Dorvan Port Authority", "Dorvan Port Authority", "other"),
])
def test_speaker_spellings_fold_into_the_first(first: str, later: str, group: str) -> None:
    names = SpeakerNames()
    assert names.canonical(first, group) == first
    assert names.canonical(later, group) == first


@pytest.mark.parametrize("first, later, group, later_group", [
    ("mayor", "deputy mayor", "local", "local"),  # a rank makes another office
    ("Ukrainian armed forces", "Ukrainian forces", "military", "other"),  # another group
    ("regional governor", "governor", "local", "local"),  # the first words differ
    ("Ukrainian forces", "Ukrainian special operations forces", "military", "military"),  # two words more
])
def test_other_speakers_keep_their_names(first: str, later: str, group: str, later_group: str) -> None:
    names = SpeakerNames()
    names.canonical(first, group)
    assert names.canonical(later, later_group) == later


def test_a_country_possessive_folds_into_its_adjective() -> None:
    names = SpeakerNames({"russia's": "russian"})
    assert names.canonical("Russian General Staff", "mod") == "Russian General Staff"
    assert names.canonical("Russia’s General Staff", "mod") == "Russian General Staff"
    assert names.canonical(None, None) is None


@pytest.mark.parametrize("first, later, group, shown", [
    ("Defence Ministry", "Russian Defence Ministry", "mod", "Defence Ministry"),
    ("Russian General Staff", "General Staff", "mod", "Russian General Staff"),
    ("Russian General Staff", "Russia’s General Staff", "mod", "Russian General Staff"),
    ("Defence Ministry", "Ukrainian Defence Ministry", "officials", "Ukrainian Defence Ministry"),
    ("Port Authority", "Finnish Port Authority", "other", "Finnish Port Authority"),  # not a side
])
def test_one_body_with_and_without_its_side(first: str, later: str, group: str, shown: str) -> None:
    names = SpeakerNames({"russia's": "russian", "ukraine's": "ukrainian"})
    names.canonical(first, "mod")
    assert names.canonical(later, group) == shown


@pytest.mark.parametrize("placed, shown", [
    ("Ukrainian country's top diplomat", "Ukrainian top diplomat"),  # a body placed on a side
    ("Ukrainian nation’s air force", "Ukrainian air force"),
    ("Finnish country's top diplomat", "Finnish country's top diplomat"),  # not a side's adjective
    ("Ukrainian Ostrivne's mayor", "Ukrainian Ostrivne's mayor"),  # a place's own office, capitalised
])
def test_a_side_placed_before_a_possessive_owns_it(placed: str, shown: str) -> None:
    names = SpeakerNames({"ukraine's": "ukrainian"})
    assert names.canonical(placed, "officials") == shown


@pytest.mark.parametrize("first, second, same", [
    ("Vitali", "Vitaliy", True),
    ("Serhiy", "Sergiy", True),
    ("Nils", "Helga", False),
    ("Ivan", "Iran", False),
])
def test_same_name(first: str, second: str, same: bool) -> None:
    assert same_name(first, second) == same


def test_common_words_are_not_names() -> None:
    assert is_common_word("Governor") and is_common_word("Defence")
    assert not is_common_word("Strand")
