"""Name consistency for the desk: one entity spelt several ways in one article (Zelensky / Zelenskyy)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel, Levenshtein

#: Shortest name compared: shorter capitalised words ("Kim", "Ros") are too often unrelated.
MIN_LENGTH = 4
#: Spellings of one name differ by a letter or two; more than this is another name.
MAX_LENGTH_DIFF = 2
#: Shortest name (in letters) for which a single edit of any letter makes a variant (Toretsk /
#: Toletsk); shorter names need the same transliteration key, since one edit turns "Lyman" into
#: "Lymar" (another place) and "Ivan" into "Iran".
MIN_LENGTH_ONE_EDIT = 6
#: Indel similarity (0-100) at which names that do not share their first letter are still variants
#: (Yevgeny / Evgeny 92); "Ivan" / "Evan" (75) stay apart.
MIN_SIMILARITY_OTHER_INITIAL = 90
#: Indel similarity two names with the same transliteration key need: Kharkiv / Kharkov 86 and
#: Serhiy / Sergiy 83 are one name, Michelle / Michael (80), Vladimir / Volodymyr (59, by convention
#: Putin and Zelensky) and Russia / Rousseau (71) are not.
MIN_SIMILARITY_SAME_KEY = 82
#: The same for names of ``SHORT_NAME`` letters, where one letter weighs more (Nyok / Nyuk, Kyiv /
#: Kiev, Oleh / Oleg: 75), if they differ only in vowels or folded letters ("Conn" / "Coon" do not).
MIN_SIMILARITY_SHORT = 75
SHORT_NAME = 4
#: Shortest name in which one inserted consonant is a typo (Schneiderman / Scheiderman); shorter,
#: only a vowel is (Syrsky / Syrskyi), since Ariana / Adriana are two names.
MIN_LENGTH_ANY_EDIT = 8
#: Indel similarity a word seen only at the start of a sentence needs with a name seen mid-sentence:
#: "Zelenskiy said..." (94 with Zelensky) joins; "Well," / Wall and "What" / White (75, 67) do not.
MIN_SIMILARITY_SENTENCE_START = 85
#: Shortest transliteration key (consonants left) compared: one consonant says too little.
MIN_KEY_LENGTH = 2

#: What English adds to a name to derive a word (Russia+n, Ukrain+ian, Biden+s, Israel+i) or what
#: makes another person or place (Ivanov+a, Pokrovsk+e): a pair that differs by one is not a variant.
_SUFFIXES = frozenset(
    {"a", "e", "o", "s", "y", "es", "ns", "n", "an", "ans", "ian", "ians", "ean", "eans", "ese", "ish",
     "i", "is", "ia", "ic", "ite", "ites", "ov", "ova", "ev", "eva", "in", "ina", "sk", "ska", "ske"}
)
#: Capitalised words that are not names, or are parts of titles and institutions whose British and
#: American spellings (Defence / Defense) are a house-style question, not a name's.
_COMMON = frozenset(
    """
    the a an and but or of in on at to for from with by as if it its he she they we you i this that these
    those there then when where while after before during since mr mrs ms dr sir president prime minister
    ministry mayor general colonel captain major lieutenant sergeant commander chief
    spokesman spokeswoman spokesperson secretary deputy head director chairman senator governor
    defence defense foreign interior affairs office staff force forces army navy air guard national
    council committee security service state states department agency government parliament kremlin
    north south east west northern southern eastern western central region regional district city
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december reuters associated press news update updated
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_OPENERS = "\"'“‘«([{—–-*•"
_SENTENCE_ENDS = ".!?…:"
_VOWELS = frozenset("aeiouyj")
#: Letters transliterations swap for one another, folded before vowels are dropped.
_FOLD = str.maketrans({"w": "v", "g": "h", "c": "k", "q": "k", "x": "ks"})


@dataclass(frozen=True)
class NameVariants:
    """One name spelt several ways: its spellings (most used first) and every occurrence.

    ``occurrences`` are (spelling, start, end) in character offsets of the text, in text order.
    """

    variants: tuple[str, ...]
    occurrences: tuple[tuple[str, int, int], ...]

    def count(self, variant: str) -> int:
        """How often ``variant`` is used: the most used spelling is usually the one to keep."""
        return sum(1 for spelling, _, _ in self.occurrences if spelling == variant)


@dataclass
class _Form:
    """Every occurrence of one spelling (compared without case)."""

    spellings: dict[str, int]
    spans: list[tuple[str, int, int]]
    mid_sentence: bool = False

    @property
    def shown(self) -> str:
        return max(self.spellings, key=lambda s: (self.spellings[s], -len(s)))


def find_name_variants(text: str) -> list[NameVariants]:
    """Proper names of ``text`` spelt in more than one way, in order of first occurrence.

    Candidates are capitalised words (each part of a hyphenated one, without a possessive 's) that are
    not common words, not acronyms and never written in lower case in the text. A word seen only at
    the start of a sentence may join a name found mid-sentence but never starts a pair, since it may
    be an ordinary word. Two spellings are variants when neither derives from the other (see
    ``_SUFFIXES``), their lengths differ by at most ``MAX_LENGTH_DIFF`` and either they share a
    transliteration key (consonants with w/v, g/h, c/k folded, so Kyiv / Kiev, Nyok / Nyuk) and are
    similar enough, or they are one edit apart and at least ``MIN_LENGTH_ONE_EDIT`` long (Toretsk /
    Toletsk). Spellings differing only in case or apostrophe (O'Neill / O’Neill) are one spelling.
    """
    forms = _collect(text)
    names = sorted(forms, key=lambda k: forms[k].spans[0][1])
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for i, first in enumerate(names):
        for second in names[i + 1:]:
            anchored = forms[first].mid_sentence + forms[second].mid_sentence
            if anchored and _variants(first, second, sentence_start=anchored == 1):
                parent[root(second)] = root(first)
    clusters: dict[str, list[str]] = {}
    for name in names:
        clusters.setdefault(root(name), []).append(name)
    found: list[NameVariants] = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        shown = sorted(members, key=lambda m: (-len(forms[m].spans), forms[m].spans[0][1]))
        spans = sorted((sp for m in members for sp in forms[m].spans), key=lambda sp: sp[1])
        found.append(NameVariants(tuple(forms[m].shown for m in shown), tuple(spans)))
    found.sort(key=lambda v: v.occurrences[0][1])
    return found


def same_name(first: str, second: str) -> bool:
    """Whether two words are one name, spelt alike or as variants (Vitali / Vitaliy, Sergei / Serhiy)."""
    return _variants(first.lower(), second.lower())


def is_common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word, an office or a part of a title, not a name."""
    return word.lower().replace("’", "'") in _COMMON


def _collect(text: str) -> dict[str, _Form]:
    """Candidate names by lower-cased spelling, with where each occurs."""
    lowered_words = {m.group(0).lower() for m in _WORD.finditer(text) if m.group(0)[0].islower()}
    forms: dict[str, _Form] = {}
    for match in _WORD.finditer(text):
        for part, start in _parts(match.group(0), match.start()):
            key = part.lower().replace("’", "'")
            if (len(part) < MIN_LENGTH or not part[0].isupper() or part.isupper() or key in _COMMON
                    or key in lowered_words):
                continue
            form = forms.setdefault(key, _Form({}, []))
            form.spellings[part] = form.spellings.get(part, 0) + 1
            form.spans.append((part, start, start + len(part)))
            if not _sentence_initial(text, start):
                form.mid_sentence = True
    return forms


def _parts(word: str, start: int) -> Iterable[tuple[str, int]]:
    """The word without a possessive ending, split at hyphens ("Russian-installed", "Kupiansk-Vuzlovyi")."""
    word = _POSSESSIVE.sub("", word) if len(word) > 2 and word[-2:].lower() in {"'s", "’s"} else word
    offset = 0
    for part in word.split("-"):
        if part:
            yield part, start + offset
        offset += len(part) + 1


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quotation after a colon."""
    pos = start - 1
    while pos >= 0 and (text[pos].isspace() or text[pos] in _OPENERS):
        if text[pos] == "\n":
            return True
        pos -= 1
    return pos < 0 or text[pos] in _SENTENCE_ENDS or (
        text[pos] in "\"”’'»)" and pos > 0 and text[pos - 1] in _SENTENCE_ENDS)


def _plain(name: str) -> str:
    """Lower case without diacritics, so "Dnipró" and "Dnipro" compare letter by letter."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def transliteration_key(name: str) -> str:
    """Consonants of a name, transliteration swaps folded and doubles merged: Zelenskyy -> zlnsk."""
    plain = _plain(name).translate(_FOLD)
    consonants = [ch for ch in plain if ch.isalpha() and ch not in _VOWELS]
    return "".join(ch for i, ch in enumerate(consonants) if i == 0 or ch != consonants[i - 1])


def _derived(first: str, second: str) -> bool:
    """Whether one name is the other plus a derivation or inflection (Russia / Russian)."""
    shorter, longer = sorted((first, second), key=len)
    stems = [shorter]
    if shorter[-1] in _VOWELS:
        stems.append(shorter[:-1])
    for stem in stems:
        rest = longer[len(stem):]
        if not longer.startswith(stem) or rest not in _SUFFIXES:
            continue
        if rest in {"i", "y"} and stem[-1] in "iy":
            continue  # Syrsky / Syrskyi, Zelensky / Zelenskyy: a transliterated ending
        return True
    # Maria / Mario, Olena / Oleno: another person
    return len(first) == len(second) and first[:-1] == second[:-1] and "a" in {first[-1], second[-1]}


def _variants(first: str, second: str, *, sentence_start: bool = False) -> bool:
    """Whether two lower-cased spellings are one name (thresholds at the top of the module).

    With ``sentence_start`` one of them was only seen opening a sentence, where ordinary words are
    capitalised too: only a close spelling of the other counts.
    """
    a, b = _plain(first), _plain(second)
    if a == b:
        return True  # differ only in accents
    if abs(len(a) - len(b)) > MAX_LENGTH_DIFF or _derived(a, b):
        return False
    similarity = Indel.normalized_similarity(a, b) * 100
    if sentence_start and (a[0] != b[0] or similarity < MIN_SIMILARITY_SENTENCE_START):
        return False
    if a[0] != b[0] and similarity < MIN_SIMILARITY_OTHER_INITIAL:
        return False
    key_a, key_b = transliteration_key(a), transliteration_key(b)
    if key_a == key_b and len(key_a) >= MIN_KEY_LENGTH:
        if min(len(a), len(b)) <= SHORT_NAME:
            return similarity >= MIN_SIMILARITY_SHORT and _vowel_swaps_only(a, b)
        return similarity >= MIN_SIMILARITY_SAME_KEY
    return _one_typo(a, b)


def _vowel_swaps_only(a: str, b: str) -> bool:
    """Same length, and every letter that differs is a vowel in both or a transliteration swap."""
    return len(a) == len(b) and all(
        x == y or (x in _VOWELS and y in _VOWELS) or x.translate(_FOLD) == y.translate(_FOLD)
        for x, y in zip(a, b, strict=True)
    )


def _one_typo(a: str, b: str) -> bool:
    """One edit apart, long enough for that to be a slip (Toretsk / Toletsk), not another name."""
    shorter = min(len(a), len(b))
    if shorter < MIN_LENGTH_ONE_EDIT or Levenshtein.distance(a, b) != 1:
        return False
    if shorter >= MIN_LENGTH_ANY_EDIT or len(a) == len(b):
        return True
    longer = max(a, b, key=len)
    (op,) = Levenshtein.editops(a, b)
    added = longer[op.src_pos] if longer == a else longer[op.dest_pos]
    return added in _VOWELS


#: Words that make another office of the same head, never a variant ("deputy mayor" is not the mayor).
_RANKS = frozenset("deputy vice acting former ex first second chief senior junior assistant".split())
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass
class SpeakerNames:
    """One name per speaker within an article: the first spelling of each, which later spellings fold
    into when they differ only in case, apostrophes, "Defence"/"Defense", a country's possessive for its
    adjective (``possessives``: "russia's" -> "russian"), one inner modifier ("Ukrainian armed
    forces" / "Ukrainian forces") or a side's adjective before it ("Defence Ministry" / "Russian Defence
    Ministry") of a speaker in the same group."""

    possessives: dict[str, str] = field(default_factory=dict)
    _seen: dict[str, str] = field(default_factory=dict)
    _words: list[tuple[tuple[str, ...], str | None, str]] = field(default_factory=list)

    def adjectival(self, name: str | None) -> str | None:
        """``name`` with a country's possessive turned into its adjective ("Moscow's defence ministry"
        -> "russian defence ministry"), for looking it up among known speakers."""
        if not name:
            return name
        return " ".join(self.possessives.get(w, w) for w in _speaker_key(name).split())

    def canonical(self, speaker: str | None, group: str | None) -> str | None:
        if not speaker:
            return speaker
        adjective = _SIDED_POSSESSIVE.match(speaker)  # "Ukrainian country's top diplomat": one owner
        if adjective is not None and adjective.group(1).lower() in self.possessives.values():
            speaker = adjective.group(1) + speaker[adjective.end():]
        words = tuple(self.possessives.get(w, w) for w in _speaker_key(speaker).split())
        key = " ".join(words)
        if key in self._seen:
            return self._seen[key]
        sides = set(self.possessives.values())
        shown = next((name for known, known_group, name in self._words if known_group == group and (
            _one_modifier_apart(words, known) or _side_added(words, known, sides))), speaker)
        self._seen[key] = shown
        self._words.append((words, group, shown))
        return shown


#: A side's adjective before a common noun's possessive, as a body placed on a side reads
#: ("Ukrainian" + "country's top diplomat").
_SIDED_POSSESSIVE = re.compile(r"^(\w+) [a-z]+['’]s(?= )")


def _speaker_key(name: str) -> str:
    key = " ".join(name.lower().translate(_APOSTROPHES).split()).removeprefix("the ")
    return re.sub(r"\bdefense\b", "defence", key)


def _side_added(first: tuple[str, ...], second: tuple[str, ...], sides: set[str]) -> bool:
    """One name is the other with a side's adjective before it ("Defence Ministry" / "Russian Defence
    Ministry"): in one group, the same body named with and without its country."""
    shorter, longer = sorted((first, second), key=len)
    return len(longer) == len(shorter) + 1 and longer[0] in sides and longer[1:] == shorter


def _one_modifier_apart(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """The same words with one more inside the longer, its first and last shared ("X armed forces")."""
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) < 2 or len(longer) != len(shorter) + 1 or shorter[0] != longer[0]:
        return False
    return shorter[-1] == longer[-1] and any(
        longer[:i] + longer[i + 1:] == shorter and longer[i] not in _RANKS for i in range(1, len(longer) - 1))
