"""A speaker's side from the article around it, for bodies named without their country.

"The interior ministry said" names no country: wire copy leaves it to the dateline (a story datelined in
a side's capital speaks of that side's ministries), to the subjects around it (the nearest side named
before it, in its own paragraph first), or to the side it answers (a denial after the other side's
claim). The words that name each side are profile data (:class:`attribview.core.profiles.Side`).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from attribview.core.profiles import Profile, name_key
from attribview.nlp.intervals import SpanLookup

#: How far into the text a dateline may start (after a headline line or two).
_DATELINE_WITHIN = 400
#: A wire dateline: a place (and its country, date, agency) at a line start before a spaced dash
#: ("KYIV, Ukraine (AP) — ", "MOSCOW, Feb 10 (Reuters) - ", "Kyiv, Ukraine CNN — "), an agency between
#: slashes ("Moscow, May 4 /TASS/. ") or, after a capitalised place, a colon ("KYIV: "); all on one line,
#: so that a byline above it ("By Anna Smith") is not its place.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w'’]*(?:[ -][A-Z][\w'’.]*){0,3})(?P<rest>(?:[,.][^\n—–―/]{1,40}?)?"
    r"(?:[ \t]*\([^()\n]{1,30}\)|[ \t]+[A-Z]{2,5})?)(?:[ \t]+[-—–―]+\s|[ \t]*/[A-Z][\w -]{1,20}/\.?\s"
    r"|(?P<colon>:)[ \t])", re.MULTILINE)
_DEFENCE = re.compile(r"defen[cs]e", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")
#: "In Moscow, ...", "in Kyiv": a place a sentence is set in.
_IN_PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")
#: The words at a mention a body may be named in ("The Defence Ministry said ..."), the article apart.
_WORDS_AT = re.compile(r"(?:[Tt]he\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,4})")
#: Cue words of an answer: a denial speaks for the side the claim it answers was made against.
_ANSWER = re.compile(r"^(?:den(?:y|ied|ies|ying|ial)|reject\w*|dismiss\w*|refut\w*|rebu[tf]\w*)$")


def dateline_side(text: str, profile: Profile) -> str | None:
    """The side of the place a story is datelined in, if it has a dateline naming one."""
    for match in _DATELINE.finditer(text[:_DATELINE_WITHIN]):
        place, rest = match.group("place"), match.group("rest")
        # "Ukraine - Russia talks", "Ukraine: what next" are headlines, not datelines
        if place.isupper() or (rest.strip() and not match.group("colon")):
            return _side_of_place(place + rest, profile)
    return None


def _side_of_place(place: str, profile: Profile) -> str | None:
    """The side of the first word or pair of words of a dateline that names one."""
    words = profile.side_words
    for found in re.finditer(r"[\w'’.-]+(?:\s+[\w'’.-]+)?", place):
        for candidate in (found.group(0), found.group(0).split()[0]):
            side = words.get(name_key(candidate))
            if side is not None:
                return side
    return None


@dataclass
class SideContext:
    """Where an article names each side, and which side the bodies it leaves unqualified speak for."""

    profile: Profile
    text: str
    excluded: list[tuple[int, int]]
    dateline: str | None = None
    _mentions: list[tuple[int, str]] = field(default_factory=list)
    _paragraphs: list[int] = field(default_factory=list)
    _speakers: list[tuple[int, str]] = field(default_factory=list)
    _places: list[tuple[int, str]] = field(default_factory=list)
    _excluded: SpanLookup | None = None
    #: Per body of no country, the (end, side) of its mentions with a side's name, outside any content.
    _qualified: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)

    @classmethod
    def of(cls, profile: Profile, text: str, contents: list[tuple[int, int]],
           subjects: list[tuple[int, int]]) -> "SideContext":
        """The context of one article: the sides named in the ``subjects`` of its narration (character
        ranges), since its ``contents`` (what its speakers say) and objects name the other side as
        often as their own ("Russian drones struck Kharkiv, the ministry said")."""
        context = cls(profile, text, sorted(contents), dateline_side(text, profile))
        pattern = profile.side_pattern
        if pattern is not None:
            places = {name_key(place) for side in profile.sides for place in side.places}
            found = list(pattern.finditer(text))  # one pass of the profile's pattern over a long text
            context._places = [(m.start(), profile.side_words[name_key(m.group(0))])
                               for m in found if name_key(m.group(0)) in places]
            in_subject = SpanLookup(subjects)
            context._mentions = [
                (m.start(), profile.side_words[name_key(m.group(0))]) for m in found
                if not context._inside(m.start()) and in_subject.covers(m.start())]
        context._paragraphs = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
        return context

    def _inside(self, position: int) -> bool:
        if self._excluded is None:
            self._excluded = SpanLookup(self.excluded)
        return self._excluded.covers(position)

    def _located(self, position: int) -> str | None:
        """The side of the last "in <side>" before ``position`` in its sentence, outside any content."""
        start = max(self.text.rfind("\n", 0, position), *(m.end() for m in _SENTENCE_END.finditer(
            self.text, max(0, position - 300), position)), 0)
        words = self.profile.side_words
        found = [words[name_key(m.group(1))] for m in _IN_PLACE.finditer(self.text, start, position)
                 if name_key(m.group(1)) in words and not self._inside(m.start())]
        return found[-1] if found else None

    def _named_before(self, position: int) -> str | None:
        """The side of the latest mention before ``position``, outside any content, of the body named there
        with a side's name ("Russia's Defense Ministry said ... The Defence Ministry added"): a body named
        again without its country is the one named before. Only bodies of two words or more
        ("interior ministry", "general staff"), since either side's "military" is named in narration."""
        body = self._body_at(position)
        if body is None:
            return None
        if body not in self._qualified:  # once per body and article, not per mention of it
            self._qualified[body] = self._qualified_mentions(body)
        found = self._qualified[body]
        k = bisect_left(found, (position + 1,)) - 1  # the latest ending by ``position``
        return found[k][1] if k >= 0 else None

    def _qualified_mentions(self, body: str) -> list[tuple[int, str | None]]:
        """Where the text names ``body`` with a side's name, before it or after "in"/"of", outside any
        content: (end, side), in order."""
        names = [name for side in self.profile.sides for name in side.names]
        if not names:
            return []
        words = r"\s+".join(_DEFENCE.sub("defen[cs]e", re.escape(w)) for w in body.split())
        sides = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        qualified = re.compile(rf"(?<![\w-])(?:(?P<owner>{sides})(?:['’]s)?\s+{words}|{words}\s+(?:in|of)\s+"
                               rf"(?:the\s+)?(?P<place>{sides}))(?![\w-])", re.IGNORECASE)
        words_of = self.profile.side_words
        return [(match.end(), words_of.get(name_key(match.group("owner") or match.group("place"))))
                for match in qualified.finditer(self.text) if not self._inside(match.start())]

    def _body_at(self, position: int) -> str | None:
        """The longest run of words at ``position`` (of two or more) that names a body of no country."""
        pattern = self.profile.bare_bodies
        match = _WORDS_AT.match(self.text, position)
        if pattern is None or match is None:
            return None
        words = match.group(1).split()
        return next((" ".join(words[:n]) for n in range(len(words), 1, -1)
                     if pattern.search(name_key(" ".join(words[:n])))), None)

    def heard(self, position: int, side: str) -> None:
        """Record a speaker placed on ``side`` whose source is at ``position``."""
        self._speakers.append((position, side))

    def side_at(self, position: int, cue: str = "") -> str | None:
        """The side of a body without a country whose mention is at ``position``.

        A denial answers the side that spoke last (it speaks for the other side); otherwise a place its
        own sentence puts it in ("In Moscow, the ministry said"), then the side of the last speaker of its
        paragraph, then the dateline, then the nearest
        side named before it in its paragraph, then anywhere before it, then the latest of a side's places
        named before it or in its own sentence's narration, then the first side named after it.
        """
        sides = [side.id for side in self.profile.sides]
        if _ANSWER.match(cue.lower()) and self._speakers and len(sides) == 2:
            last = max((s for s in self._speakers if s[0] < position), default=None)
            if last is not None:
                return sides[1 - sides.index(last[1])] if last[1] in sides else None
        here = self._located(position) or self._named_before(position)
        if here is not None:
            return here
        paragraph = self._paragraphs[bisect_right(self._paragraphs, position) - 1]
        heard = max((s for s in self._speakers if paragraph <= s[0] < position), default=None)
        if heard is not None:  # "Ukraine's General Staff said ... The military said": its paragraph's side
            return heard[1]
        if self.dateline is not None:
            return self.dateline
        before = sorted((m for m in self._mentions + self._speakers if m[0] < position), reverse=True)
        nearest = next((side for at, side in before if at >= paragraph), None)
        if nearest or before:
            return nearest or before[0][1]
        # last, where it happens: the latest place of a side named before it, even in what was said, or
        # one its own sentence names outside what was said ("Colonel X, who commands a unit near Sumy")
        end = _SENTENCE_END.search(self.text, position)
        until = end.start() if end is not None else len(self.text)
        place = max(((at, side) for at, side in self._places
                     if at < position or (at < until and not self._inside(at))), default=(0, None))[1]
        # a feature that opens with "their commander said" names the side later: the first side after it
        return place or min((m for m in self._mentions if m[0] > position), default=(0, None))[1]
