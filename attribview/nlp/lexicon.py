"""Word lists the attribution rules share: reporting cues, hedges, titles, pronouns.

The words are data, one table per list in ``resources/lexicon/<language>.toml`` (each with a comment on
what it is for), read once here, so that a rule never grows its own private list and another language
is another file.
"""

import tomllib
from pathlib import Path
from typing import Any, Final

from attribview.paths import resources_dir

#: The language of the word lists the rules read.
LANGUAGE: Final = "en"


def lexicon_path(language: str = LANGUAGE) -> Path:
    """The data file of ``language``'s word lists."""
    return resources_dir() / "lexicon" / f"{language}.toml"


def _load(language: str) -> dict[str, Any]:
    """All tables of the language's file, read once at import: the rules ask for words per token."""
    with lexicon_path(language).open("rb") as handle:
        return tomllib.load(handle)


_TABLES: Final = _load(LANGUAGE)


def _words(name: str) -> frozenset[str]:
    """The words of table ``name``, separated by white space in the file."""
    return frozenset(str(_TABLES[name]["words"]).split())


SPEECH_VERBS: Final = _words("speech_verbs")
THAT_ONLY_VERBS: Final = _words("that_only_verbs")
QUOTE_ONLY_VERBS: Final = _words("quote_only_verbs")
INVERTED_CUES: Final = _words("inverted_cues")
CLAIM_NOUNS: Final = _words("claim_nouns")
COGNITION_VERBS: Final = _words("cognition_verbs")
STANCE_VERBS: Final = _words("stance_verbs")
STANCE_NOUNS: Final = _words("stance_nouns")
HOLDER_NOUNS: Final = _words("holder_nouns")
MEMBERSHIP_PREPS: Final = _words("membership_preps")
STANCE_ADJECTIVES: Final = _words("stance_adjectives")
STANCE_PREP_VERBS: Final = _words("stance_prep_verbs")
INFINITIVE_STANCE_VERBS: Final = _words("infinitive_stance_verbs")
EXPERIENCER_VERBS: Final = _words("experiencer_verbs")
EXPERIENCER_PREPS: Final = _words("experiencer_preps")
QUESTION_VERBS: Final = _words("question_verbs")
QUESTION_MARKS: Final = _words("question_marks")
STANCE_PREPS: Final = _words("stance_preps")
OBJECT_CONTENT_VERBS: Final = _words("object_content_verbs")
CLAUSE_ONLY_VERBS: Final = _words("clause_only_verbs")
DOCUMENT_NOUNS: Final = _words("document_nouns")
TITLES: Final = _words("titles")

PERSON_PRONOUNS: Final[dict[str, str]] = {word: str(gender) for word, gender in
                                          _TABLES["person_pronouns"].items()}
THING_PRONOUNS: Final = _words("thing_pronouns")
PLURAL_PRONOUNS: Final = _words("plural_pronouns")
RELATIVE_PRONOUNS: Final = _words("relative_pronouns")
SPEAKER_PRONOUNS: Final = frozenset(PERSON_PRONOUNS) | THING_PRONOUNS | PLURAL_PRONOUNS

ANONYMOUS_HEADS: Final = _words("anonymous_heads")
HEDGE_ADVERBS: Final = _words("hedge_adverbs")
HEDGE_PASSIVE_LEMMAS: Final = _words("hedge_passive_lemmas")
CONSEQUENCE_VERBS: Final = _words("consequence_verbs")
LEADING_CONNECTIVES: Final = _words("leading_connectives")
ROLE_SYNONYMS: Final[dict[str, set[str]]] = {role: {str(word) for word in words} for role, words in
                                             _TABLES["role_synonyms"].items()}
FEMALE_NAMES: Final = _words("female_names")
MALE_NAMES: Final = _words("male_names")

CHANNEL_PREPS: Final = _words("channel_preps")
TELL_VERBS: Final = _words("tell_verbs")
GLOSS_MARKS: Final = _words("gloss_marks")
CONCESSIVE_MARKS: Final = _words("concessive_marks")
CONTRAST_MARKS: Final = _words("contrast_marks")
GLOSS_PREPS: Final = _words("gloss_preps")
ABSOLUTE_PREPS: Final = _words("absolute_preps")
OWNER_PREPS: Final = _words("owner_preps")
TOLD_OF_VERBS: Final = _words("told_of_verbs")
POINTING_VERBS: Final = _words("pointing_verbs")
REFUSAL_VERBS: Final = _words("refusal_verbs")
CREDIT_VERBS: Final = _words("credit_verbs")
DUMMY_SUBJECTS: Final = _words("dummy_subjects")
POSSESSIVE_PRONOUNS: Final = _words("possessive_pronouns")
LIGHT_VERBS: Final = _words("light_verbs")
RECEPTION_VERBS: Final = _words("reception_verbs")
TIME_PREPS: Final = _words("time_preps")
TIME_OR_TOPIC_PREPS: Final = _words("time_or_topic_preps")
HOLDER_PREPS: Final = _words("holder_preps")
HOLDER_OF_NOUNS: Final = _words("holder_of_nouns")
STANCE_NOUN_PREPS: Final = _words("stance_noun_preps")
TOLD_OF_PREPS: Final = _words("told_of_preps")
POINTING_PREPS: Final = _words("pointing_preps")
CONTENT_OPENERS: Final = _words("content_openers")
SAID_FORMS: Final = _words("said_forms")

BODY_WORDS: Final = _words("body_words")
COLLECTIVE_HEADS: Final = _words("collective_heads")
BODY_ROLE_NOUNS: Final = _words("body_role_nouns")
OFFICES: Final = _words("offices")
BODY_POSSESSIVES: Final = _words("body_possessives")
BODY_NAME_PREPS: Final = _words("body_name_preps")
SOURCE_NOUNS: Final = _words("source_nouns")
DETERMINERS: Final = _words("determiners")
DEFINITE_DETERMINERS: Final = _words("definite_determiners")
GENDERED_TITLES: Final[dict[str, str]] = {word: str(gender) for word, gender in
                                          _TABLES["gendered_titles"].items()}
JOINING_WORDS: Final = _words("joining_words")
PARTY_NOUNS: Final = _words("party_nouns")
COUNTERPART_NOUNS: Final = _words("counterpart_nouns")

HEDGE_COMPLEMENTS: Final = _words("hedge_complements")
HEDGE_NOUNS: Final = _words("hedge_nouns")
HEDGE_NOUN_COMPLEMENTS: Final = _words("hedge_noun_complements")

FINDING_NOUNS: Final = _words("finding_nouns")
LEMMA_FIXES: Final[dict[str, str]] = {form: str(lemma) for form, lemma in _TABLES["lemma_fixes"].items()}
OCCASION_MARKS: Final = _words("occasion_marks")
SETTING_NOUNS: Final = _words("setting_nouns")
CARRIER_VERBS: Final = _words("carrier_verbs")
VENUE_PREPS: Final = _words("venue_preps")
