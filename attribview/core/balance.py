"""Balance figures for the desk: who gets the sentences and quotes, and what rests on one anonymous source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from attribview.core.profiles import Profile
from attribview.core.types import Analysis, Quote, Sentence

#: Side of groups that belong to neither side of a conflict (profiles mark the others).
NO_SIDE = "none"


@dataclass(frozen=True)
class GroupCount:
    """Sentences and quotes of one speaker group (or one side)."""

    id: str
    label: str
    sentences: int
    quotes: int


@dataclass(frozen=True)
class Balance:
    """How an article's sourcing is spread.

    ``sentences`` counts real sentences only (a stray closing quotation mark that the parser made a
    sentence of would inflate the group that spoke before it). A sentence carrying two groups counts
    for both, so group counts may add up to more than ``attributed``.
    """

    sentences: int
    attributed: int
    narration: int
    unattributed: tuple[Sentence, ...]
    groups: tuple[GroupCount, ...]
    sides: tuple[GroupCount, ...]
    anonymous: tuple[Quote, ...]
    single_anonymous: tuple[Quote, ...]

    @property
    def narration_share(self) -> float:
        """Share of sentences in the reporter's own voice: 0.0 for an empty article."""
        return self.narration / self.sentences if self.sentences else 0.0


def is_real_sentence(text: str, sentence: Sentence) -> bool:
    """Whether the sentence holds a word or number, not only punctuation."""
    return any(ch.isalnum() for ch in text[sentence.start:sentence.end])


def group_order(analysis: Analysis, profile: Profile | None) -> list[tuple[str, str]]:
    """(id, label) of every group: the profile's in its order (so absent voices show as 0), then
    any other group the analysis used, in order of first quote."""
    ordered: dict[str, str] = {}
    if profile is not None:
        ordered.update((g.id, g.label) for g in profile.groups)
    for quote in analysis.quotes:
        if quote.group is not None and quote.group not in ordered:
            ordered[quote.group] = analysis.groups.get(quote.group, quote.group)
    for sentence in analysis.sentences:
        for group in sentence.groups:
            ordered.setdefault(group, analysis.groups.get(group, group))
    return list(ordered.items())


def side_label(side: str) -> str:
    return "Neither side" if side == NO_SIDE else side.replace("_", " ").capitalize()


def compute_balance(analysis: Analysis, profile: Profile | None) -> Balance:
    """The figures of one analysis; sides only when the profile gives its groups a side."""
    sentences = [s for s in analysis.sentences if is_real_sentence(analysis.text, s)]
    per_group = Counter(g for s in sentences for g in set(s.groups))
    quotes_per_group = Counter(q.group for q in analysis.quotes if q.group is not None)
    groups = tuple(GroupCount(gid, label, per_group[gid], quotes_per_group[gid])
                   for gid, label in group_order(analysis, profile))
    sides: tuple[GroupCount, ...] = ()
    if profile is not None and any(g.side != NO_SIDE for g in profile.groups):
        side_of = {g.id: g.side for g in profile.groups}
        names = list(dict.fromkeys([*(g.side for g in profile.groups if g.side != NO_SIDE), NO_SIDE]))
        per_side = Counter(side for s in sentences for side in {side_of.get(g, NO_SIDE) for g in s.groups})
        quotes_per_side = Counter(side_of.get(q.group or "", NO_SIDE) for q in analysis.quotes)
        sides = tuple(GroupCount(side, side_label(side), per_side[side], quotes_per_side[side])
                      for side in names)
    anonymous = tuple(q for q in analysis.quotes if "anonymous" in q.flags)
    return Balance(
        sentences=len(sentences),
        attributed=sum(1 for s in sentences if s.groups),
        narration=sum(1 for s in sentences if not s.groups),
        unattributed=tuple(s for s in sentences if not s.groups and "unattributed" in s.flags),
        groups=groups,
        sides=sides,
        anonymous=anonymous,
        single_anonymous=single_anonymous_claims(analysis.quotes),
    )


def single_anonymous_claims(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """Anonymous quotes whose speaker says nothing else in the article: claims nobody else backs.

    A speaker-less anonymous quote always counts: nothing ties it to another.
    """
    said = Counter(_speaker_key(q) for q in quotes if q.speaker)
    return tuple(q for q in quotes
                 if "anonymous" in q.flags and (not q.speaker or said[_speaker_key(q)] == 1))


def _speaker_key(quote: Quote) -> str:
    return " ".join((quote.speaker or "").lower().removeprefix("the ").split())
