"""Which language an article is in, so that a user is told plainly when it is not English.

The pipeline and its rules are English: a Russian or Ukrainian article comes out as all narration,
which looks like an article without quotes rather than one the program cannot read. A dependency-free
check is enough to tell them apart: the share of Cyrillic letters, the letters only one of Russian
and Ukrainian has, and hits on each language's commonest words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

ENGLISH: Final = "en"
UNDETERMINED: Final = "und"  # Latin script, but not English
_NAMES: Final = {"ru": "Russian", "uk": "Ukrainian", UNDETERMINED: "not English"}

#: Fewer letters than this say too little: such a text is taken as English (no notice).
_MIN_LETTERS: Final = 40
#: A text is Cyrillic when at least this share of its letters is.
_CYRILLIC_SHARE: Final = 0.3
#: English news has a quarter to a third of its words among these; other Latin-script text next to none.
_ENGLISH_SHARE: Final = 0.08
_MIN_WORDS: Final = 30

_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ENGLISH_WORDS: Final = frozenset(
    "the of and to in is was that for on with as by at from he she it his her they their said says "
    "has have had be been are were not but this which who will would an a or".split()
)
_RUSSIAN_WORDS: Final = frozenset(
    "и что это как он она они был была было были который которая которые также его её ее их "
    "сказал заявил из за по не на с в к у о от для мы вы".split()
)
_UKRAINIAN_WORDS: Final = frozenset(
    "і й та що це як він вона вони був була було були який яка які також його її їх "
    "сказав заявив із з за по не на в у до від для ми ви".split()
)
_RUSSIAN_LETTERS: Final = frozenset("ыэъё")
_UKRAINIAN_LETTERS: Final = frozenset("іїєґ")


@dataclass(frozen=True)
class Language:
    """An article's language (ISO 639-1 code, "und" for Latin script not English) and what to tell."""

    code: str

    @property
    def is_english(self) -> bool:
        return self.code == ENGLISH

    @property
    def notice(self) -> str | None:
        """One plain sentence for a user, or None for English."""
        if self.is_english:
            return None
        what = _NAMES.get(self.code, self.code)
        looks = f"is in {what}" if self.code != UNDETERMINED else "does not look like English"
        return (f"This article {looks}: attribview analyses English text only, so its quotes and "
                "speakers are missed or wrong.")


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def detect_language(text: str) -> Language:
    """English, Russian, Ukrainian, or "und" (another Latin-script language); short text is English."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return Language(ENGLISH)
    cyrillic = sum(1 for char in letters if _is_cyrillic(char))
    words = [word.lower() for word in _WORD_RE.findall(text)]
    if cyrillic >= _CYRILLIC_SHARE * len(letters):
        lowered = [char.lower() for char in letters]
        russian = sum(char in _RUSSIAN_LETTERS for char in lowered) + sum(w in _RUSSIAN_WORDS for w in words)
        ukrainian = sum(char in _UKRAINIAN_LETTERS for char in lowered) + sum(
            w in _UKRAINIAN_WORDS for w in words
        )
        return Language("uk" if ukrainian > russian else "ru")
    if len(words) < _MIN_WORDS:
        return Language(ENGLISH)
    english = sum(word in _ENGLISH_WORDS for word in words)
    return Language(ENGLISH if english >= _ENGLISH_SHARE * len(words) else UNDETERMINED)
