"""Speaker-group profiles: TOML data that says which speaker belongs to which group.

Real-world entities (ministries, people and their aliases) live in profile files, never in code. A
profile is chosen per article, by name or by how clearly the article mentions its speakers and places.
"""

import functools
import logging
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from attribview.core.names import is_common_word, same_name
from attribview.errors import ProfileError
from attribview.nlp.lexicon import TITLES
from attribview.paths import resources_dir, user_profiles_dir

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[\w'-]+")
#: The word before a name, as in "Governor Lunin" or "Petr Lunin".
_LAST_WORD = re.compile(r"([\w'’.-]+)\s+$")
#: The most words a known name or place is looked up with.
_LONGEST_NAME = 6
#: Words in a source description that say "some military", without saying whose.
_DEFENSE = re.compile(r"\bdefense\b")
_KIND_WORDS = {
    "military": re.compile(r"\b(military|army|armed forces|troops|forces|soldiers|commander)\b"),
}


@dataclass(frozen=True)
class Group:
    """A speaker group: shown as one colour in the viewer."""

    id: str
    label: str
    colour: str
    side: str = "none"
    kind: str = "other"
    description: str = ""
    badge: str = ""  # a short mark ("UA mil") beside the colour, so nothing depends on colour alone


@dataclass(frozen=True)
class KnownSpeaker:
    name: str
    group: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    person: bool = True


@dataclass(frozen=True)
class RolePattern:
    """A description that puts its speaker in a group, optionally only for content that matches.

    ``cased`` patterns see the mention as written, so that a capital can tell a place ("Belgorod
    authorities") from a common noun ("prison authorities")."""

    pattern: re.Pattern[str]
    group: str
    content: re.Pattern[str] | None = None
    cased: bool = False


@dataclass(frozen=True)
class Side:
    """A side of the reporting (a country at war): the words that name it and the adjective that
    qualifies one of its bodies ("the defence ministry" of a story datelined in its capital)."""

    id: str
    adjective: str
    names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conventions:
    """What counts as one attribution: desks and research corpora differ, so a profile says.

    ``stances``: beliefs, intentions, support and opposition ("the union endorsed Clinton", "Moscow
    wants talks") count, as in research corpora of attribution (PolNeAR). ``join_split_quotes``:
    "“A,” he said. “B.”" is one statement rather than one quote per quotation. Both are off by default:
    what a journalist calls a quote is a statement, one per quotation.
    """

    stances: bool = False
    join_split_quotes: bool = False

    @property
    def name(self) -> str:
        """"statements", "relations", or the two settings spelt out."""
        return next((name for name, named in NAMED_CONVENTIONS.items() if named == self),
                    f"stances={str(self.stances).lower()}, "
                    f"join_split_quotes={str(self.join_split_quotes).lower()}")


#: The conventions of an article no profile applies to, and of a profile that sets none: statements.
DEFAULT_CONVENTIONS = Conventions()
#: Named conventions a user can ask for instead of the profile's: what a desk counts as statements
#: (said or written, one quote per quotation), and attribution relations as research corpora count them.
NAMED_CONVENTIONS = {
    "statements": Conventions(stances=False, join_split_quotes=False),
    "relations": Conventions(stances=True, join_split_quotes=True),
}


@dataclass(frozen=True)
class Profile:
    """Groups, known speakers, role patterns and places of one kind of reporting."""

    id: str
    label: str
    description: str
    min_mentions: int
    groups: tuple[Group, ...]
    speakers: tuple[KnownSpeaker, ...]
    roles: tuple[RolePattern, ...]
    places: tuple[str, ...]
    path: Path | None = None
    conventions: Conventions = DEFAULT_CONVENTIONS
    sides: tuple[Side, ...] = ()
    #: A description of a body that needs a side to be placed ("the interior ministry").
    bare_bodies: re.Pattern[str] | None = None
    _by_alias: dict[str, KnownSpeaker] = field(init=False, repr=False, compare=False, default_factory=dict)
    _alias_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    #: The words that name a side (its names, places and known speakers), by :func:`name_key`.
    side_words: dict[str, str] = field(init=False, repr=False, compare=False, default_factory=dict)
    side_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        names: dict[str, KnownSpeaker] = {}
        for speaker in self.speakers:
            for alias in (speaker.name, *speaker.aliases):
                names.setdefault(name_key(alias), speaker)
        object.__setattr__(self, "_by_alias", names)
        spellings = {alias.lower() for speaker in self.speakers for alias in (speaker.name, *speaker.aliases)}
        ordered = sorted(spellings, key=len, reverse=True)
        object.__setattr__(self, "_alias_re", word_regex(ordered))
        sided = {side.id for side in self.sides}
        by_word: dict[str, str] = {}
        for side in self.sides:
            for word in (*side.names, *side.places):
                by_word.setdefault(name_key(word), side.id)
        for speaker in self.speakers:
            group = self.group(speaker.group)
            if group is not None and group.side in sided:
                for alias in (speaker.name, *speaker.aliases):
                    by_word.setdefault(name_key(alias), group.side)
        object.__setattr__(self, "side_words", by_word)
        object.__setattr__(self, "side_pattern", word_regex(sorted(by_word, key=len, reverse=True)))

    @property
    def default_group(self) -> str:
        return "other" if any(g.id == "other" for g in self.groups) else self.groups[-1].id

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def known(self, name: str | None) -> KnownSpeaker | None:
        """The known speaker called exactly ``name`` (any alias, any case)."""
        if not name:
            return None
        by_alias: dict[str, KnownSpeaker] = self._by_alias
        return by_alias.get(name_key(name))

    def known_in(self, text: str | None, *, at_end: bool = False) -> KnownSpeaker | None:
        """The known speaker whose alias occurs in ``text``; with ``at_end``, only one that ends it
        ("Ukrainian military" names "the Ukrainian military", not "a Ukrainian military source")."""
        if not text:
            return None
        alias_re: re.Pattern[str] | None = self._alias_re
        if alias_re is None:
            return None
        text = text.strip()
        for match in alias_re.finditer(text):
            if at_end and match.end() != len(text):
                continue
            known = self.known(match.group(0))
            if known is not None and not _another_bearer(text[:match.start()], match.group(0), known):
                return known
        return None

    def side(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)

    def role_group(self, mention: str | None, content: str = "") -> str | None:
        """The group of the first role pattern that matches a source description (and its content)."""
        if not mention:
            return None
        written = mention.replace("’", "'")
        lowered = written.lower()
        said = content.lower()
        for role in self.roles:
            if role.pattern.search(written if role.cased else lowered) and (
                    role.content is None or role.content.search(said)):
                return role.group
        return None

    def kind_of(self, mention: str | None) -> str | None:
        """The group kind ("military") an unqualified description points to, if any."""
        if not mention:
            return None
        lowered = mention.lower()
        return next((kind for kind, rx in _KIND_WORDS.items() if rx.search(lowered)), None)

    def mentions(self, text: str) -> int:
        """How many distinct known speakers and places ``text`` names.

        Looks up every run of one to ``_LONGEST_NAME`` words in sets: one pass over the article, where a
        regular expression of every alias costs more than the rest of the analysis.
        """
        found: set[str] = set()
        places = {p.lower() for p in self.places}
        words = _WORD.findall(_DEFENSE.sub("defence", text.lower().replace("’", "'")))
        # a run can only match a name that starts with its first word: most words start none
        starts = {name.split(" ")[0] for name in (*self._by_alias, *places)}
        for i in range(len(words)):
            if words[i] not in starts:
                continue
            for n in range(1, _LONGEST_NAME + 1):
                if i + n > len(words):
                    break
                phrase = " ".join(words[i:i + n])
                speaker = self._by_alias.get(phrase)
                if speaker is not None:
                    found.add("speaker:" + speaker.name)
                elif phrase in places:
                    found.add("place:" + phrase)
        return len(found)


def _another_bearer(before: str, alias: str, known: KnownSpeaker) -> bool:
    """Whether a known person's surname follows another given name ("Petr Lunin" is not "Dmytro Lunin"):
    a capitalised word before it that is no title ("Governor Lunin"), no common word and no spelling of
    one of the person's own names (Vitaliy / Vitali) or their initial ("D. Lunin")."""
    if not known.person or " " in alias.strip():
        return False
    word = _LAST_WORD.search(before)
    if word is None or not word.group(1)[0].isupper():
        return False
    given = word.group(1).rstrip(".").lower()
    if word.group(1).lower() in TITLES or given in TITLES or is_common_word(given) or given.endswith("'s"):
        return False
    own = {w.lower() for name in (known.name, *known.aliases) for w in name.split() if name != alias}
    if len(given) == 1:
        return not any(w.startswith(given) for w in own)
    return not any(same_name(given, w) for w in own)


def name_key(name: str) -> str:
    """A name as compared: without case, a leading "the", a curly apostrophe or the American spelling of
    "defence" ("Russia’s Defense Ministry" and "Russia's Defence Ministry" are one name)."""
    key = " ".join(name.lower().replace("’", "'").split()).removeprefix("the ")
    return _DEFENSE.sub("defence", key)


def word_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """Any of ``words`` as a whole word, any case; where two match at one place, the first given.

    The alternatives share their first letters (a trie, :func:`_alternation`): Python's regex tries
    every alternative at every character of the text, and a profile's 600 side words over a 20,000-word
    text took 0.21 s, 0.02 s as a trie, with the same matches."""
    listed = [w for w in words if w]
    if not listed:
        return None
    return re.compile(r"(?<![\w-])(?:" + _alternation(listed) + r")(?![\w-])", re.IGNORECASE)


def _alternation(words: list[str]) -> str:
    """An alternation that matches what ``"|".join(words)`` matches, the words grouped by their first
    character, then by their second within a group, and so on. A character of the text then opens at
    most one group, and within it the words keep their order, so the first of ``words`` that matches
    is still the one found; where two first characters match each other (a letter in two cases, the
    apostrophe and its curly form), or a word that ends a group is not its last, the words stay apart."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    firsts = [first for first in groups if first]
    if ("" in groups and words[-1] != "") or not _apart(firsts):
        return "|".join(_escaped(word) for word in words)
    parts = [_escaped(first) + (_escaped(groups[first][0]) if len(groups[first]) == 1
                                else f"(?:{_alternation(groups[first])})") for first in firsts]
    return "|".join([*parts, ""] if "" in groups else parts)


def _apart(characters: list[str]) -> bool:
    """Whether no text character matches two of ``characters`` (as :func:`_escaped`, any case)."""
    return not any(_match(a, b) for i, a in enumerate(characters) for b in characters[i + 1:])


@functools.cache
def _match(a: str, b: str) -> bool:
    """Whether characters ``a`` and ``b`` match each other (as :func:`_escaped`, any case)."""
    return bool(re.fullmatch(_escaped(a), b, re.IGNORECASE) or re.fullmatch(_escaped(b), a, re.IGNORECASE))


def _escaped(word: str) -> str:
    return re.escape(word).replace("\\'", "['’]").replace("’", "['’]")


def load_profile(path: Path) -> Profile:
    """Read one profile file; a malformed one raises ProfileError naming the file and the problem."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ProfileError(f"{path}: cannot read the profile ({error.strerror})") from error
    except UnicodeDecodeError as error:  # TOML is UTF-8; tomllib says so with a bare codec error
        raise ProfileError(
            f"{path}: not UTF-8 text (byte {error.start}); save the profile as UTF-8"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: not valid TOML ({error})") from error
    try:
        meta = data["profile"]
        groups = tuple(
            Group(id=g["id"], label=g.get("label", g["id"]), colour=g.get("colour", "#999999"),
                  side=g.get("side", "none"), kind=g.get("kind", "other"),
                  description=g.get("description", ""), badge=str(g.get("badge", "")))
            for g in data["groups"]
        )
        group_ids = {g.id for g in groups}
        speakers = tuple(
            KnownSpeaker(name=s["name"], group=s["group"], aliases=tuple(s.get("aliases", ())),
                         gender=s.get("gender"), person=s.get("kind", "person") == "person")
            for s in data.get("speakers", ())
        )
        roles = tuple(
            RolePattern(re.compile(r["pattern"]), r["group"],
                        re.compile(r["content"]) if "content" in r else None, bool(r.get("cased", False)))
            for r in data.get("roles", ())
        )
        places = tuple(data.get("places", {}).get("names", ()))
        conventions = _conventions(data.get("conventions", {}))
        sides = tuple(Side(id=d["id"], adjective=d["adjective"], names=tuple(d.get("names", ())),
                           places=tuple(d.get("places", ())))
                      for d in data.get("sides", ()))
        bodies = data.get("context", {}).get("bodies")
        profile = Profile(id=meta["id"], label=meta.get("label", meta["id"]),
                          description=meta.get("description", ""),
                          min_mentions=int(meta.get("min_mentions", 3)), groups=groups,
                          speakers=speakers, roles=roles, places=places, path=path,
                          conventions=conventions, sides=sides,
                          bare_bodies=re.compile(bodies) if bodies else None)
    except KeyError as error:
        raise ProfileError(f"{path}: missing key {error}") from error
    except (TypeError, ValueError, re.error) as error:
        raise ProfileError(f"{path}: {error}") from error
    unknown = {s.group for s in speakers} | {r.group for r in roles}
    if unknown - group_ids:
        raise ProfileError(f"{path}: unknown group(s) {', '.join(sorted(unknown - group_ids))}")
    return profile


def _conventions(table: dict[str, object]) -> Conventions:
    unknown = set(table) - {"stances", "join_split_quotes"}
    if unknown:
        raise ValueError(f"unknown convention(s) {', '.join(sorted(unknown))}")
    values = {key: table.get(key, getattr(DEFAULT_CONVENTIONS, key))
              for key in ("stances", "join_split_quotes")}
    wrong = [key for key, value in values.items() if not isinstance(value, bool)]
    if wrong:
        raise ValueError(f"convention {wrong[0]} must be true or false")
    return Conventions(stances=bool(values["stances"]), join_split_quotes=bool(values["join_split_quotes"]))


def profile_paths() -> list[Path]:
    """Bundled profiles first, then the user's (a user file with the same id wins)."""
    paths: list[Path] = []
    for folder in (resources_dir() / "profiles", user_profiles_dir()):
        if folder.is_dir():
            paths.extend(sorted(folder.glob("*.toml")))
    return paths


def load_profiles(paths: Iterable[Path]) -> tuple[dict[str, Profile], list[ProfileError]]:
    """The profiles of ``paths`` by id (a later file with the same id wins), and the files refused."""
    profiles: dict[str, Profile] = {}
    problems: list[ProfileError] = []
    for path in paths:
        try:
            profile = load_profile(path)
        except ProfileError as error:
            problems.append(error)
            continue
        profiles[profile.id] = profile
    return profiles, problems


def available_profiles() -> dict[str, Profile]:
    """Bundled and user profiles; a broken file is skipped with a warning, so that one bad file in the
    user's folder does not stop every analysis."""
    profiles, problems = load_profiles(profile_paths())
    for problem in problems:
        logger.warning("%s (profile skipped)", problem)
    return profiles


def choose_profile(text: str, profiles: dict[str, Profile]) -> Profile | None:
    """The profile whose speakers and places the article names clearly; None when none applies."""
    best: tuple[int, Profile] | None = None
    for profile in profiles.values():
        count = profile.mentions(text)
        if count >= profile.min_mentions and (best is None or count > best[0]):
            best = (count, profile)
    return best[1] if best else None
