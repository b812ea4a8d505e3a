"""The word lists of the rules load from their data file, each one used, non-empty and lower-case."""

from __future__ import annotations

import tomllib

import pytest

from attribview.nlp import lexicon

with lexicon.lexicon_path().open("rb") as _handle:
    TABLES = tomllib.load(_handle)


def test_every_table_is_a_name_of_the_lexicon() -> None:
    """A table nobody reads is a list a rule forgot; a name without a table would fail at import."""
    assert TABLES
    missing = [name for name in TABLES if not hasattr(lexicon, name.upper())]
    assert not missing


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_list_is_non_empty_and_lower_case(name: str) -> None:
    """The rules compare lower-cased words and lemmas: a capital in the file would never match."""
    value = getattr(lexicon, name.upper())
    assert value
    words = set(value) | ({w for synonyms in value.values() if isinstance(synonyms, set) for w in synonyms}
                          if isinstance(value, dict) else set())
    assert all(isinstance(word, str) and word and word == word.lower() and not word.isspace()
               and word == word.strip() for word in words)
    if isinstance(value, dict):
        assert all(value.values())


def test_word_lists_are_frozen_sets_of_single_words() -> None:
    """``words`` tables hold one word per white-space-separated item: never a phrase split in two."""
    for name, table in TABLES.items():
        if "words" in table:
            value = getattr(lexicon, name.upper())
            assert isinstance(value, frozenset)
            assert value == frozenset(table["words"].split())
    assert "commander-in-chief" in lexicon.TITLES  # a hyphenated word stays one word


def test_derived_and_mapped_lists() -> None:
    """Pronoun genders and role synonyms are mappings: a gender the resolver knows, a role among its own."""
    assert set(lexicon.PERSON_PRONOUNS.values()) == {"m", "f"}
    assert set(lexicon.GENDERED_TITLES.values()) == {"m", "f"}
    assert all(role in synonyms for role, synonyms in lexicon.ROLE_SYNONYMS.items())
