"""From the tagger's per-token role probabilities to attributions: regions, cues, fragments.

The tagger's best label per token breaks a long content wherever one word falls under one half
("... that the bridge | was | intact"), and PolNeAR counts a content from its first fragment to its
last. So a role's region is read with hysteresis: a run of tokens at least ``LOW`` likely in the role,
holding one at least ``HIGH`` likely, never across a paragraph break. Each content region goes to the
nearest cue region in its paragraph; the regions of one cue make one attribution (the first, and the
rest as its ``tail``: "X, she said, Y"), its source the source region nearest that cue.
"""

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from attribview.nlp.attribution import Attribution
from attribview.nlp.learned_features import line_breaks
from attribview.nlp.rules.grammar import mention_range, subject_of

#: Role columns of ``doc._.attribview_roles``.
SOURCE, CUE, CONTENT = 0, 1, 2
#: A region holds a token at least this likely in its role, and runs over tokens at least ``LOW`` likely.
HIGH, LOW = 0.5, 0.3
#: How many tokens a cue may lie from its content (a cue sentence "he told reporters on Monday").
CUE_REACH = 12
#: Cues and sources longer than this many tokens may be missed by the search near a content.
LONGEST_PART = 40
_OPENING = {'"', "“", "«"}


@dataclass(frozen=True)
class Region:
    """Tokens ``start`` to ``end`` (exclusive) of one role."""

    start: int
    end: int


class Layout:
    """One Doc's tokens as arrays, read once: the decoder and the blend ask them per region and per
    attribution, where a ``Token`` object per word (``t.is_space``, ``Token.sent``) would rescan the Doc."""

    def __init__(self, doc: Doc) -> None:
        arrays = doc.to_array([LENGTH, SPACY, IS_SPACE, IS_PUNCT, SENT_START]).astype("int64").reshape(-1, 5)
        length, spacy, space, punct, sent_start = arrays.T
        #: Each token's first character and the character after it (its trailing space excluded).
        bounds = numpy.cumsum(length + spacy)
        self.starts = bounds - length - spacy
        #: The starts and ends as lists: ``bisect`` on a list is several times faster than
        #: ``searchsorted`` on one number, and :meth:`token_at` is asked for every part of every candidate.
        self._start_list: list[int] = self.starts.tolist()
        self._end_list: list[int] = (self.starts + length).tolist()
        self.text_end = int(bounds[-1]) if len(doc) else 0
        orths = doc.to_array(ORTH)
        #: ``doc.text``, which spaCy joins anew from a ``Token`` per word on each read: joined here from
        #: the arrays instead.
        strings = doc.vocab.strings
        self.text = "".join([strings[o] + " " if after else strings[o]
                             for o, after in zip(orths.tolist(), spacy.tolist(), strict=True)])
        self.space = space.astype(bool)
        self.word = ~(self.space | punct.astype(bool))
        #: The paragraph breaks: space tokens with a newline.
        self.breaks = line_breaks(doc, orths, self.space)
        self._breaks_before = numpy.concatenate(([0], numpy.cumsum(self.breaks)))
        self._sent_starts = numpy.flatnonzero(sent_start == 1)

    def broken(self, start: int, end: int) -> bool:
        """Whether a paragraph break lies among tokens ``start`` to ``end`` (none when ``end <= start``)."""
        return end > start and bool(self._breaks_before[end] - self._breaks_before[start])

    def sent_start(self, i: int) -> int:
        """The first token of token ``i``'s sentence (what ``doc[i].sent.start`` gives)."""
        k = int(numpy.searchsorted(self._sent_starts, i, side="right")) - 1
        return int(self._sent_starts[k]) if k >= 0 else 0

    def token_at(self, char: int) -> int:
        """The token that holds character ``char`` (or whose trailing space does); the first before it."""
        return max(bisect.bisect_right(self._start_list, char) - 1, 0)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """The characters of tokens ``start`` to ``end`` (exclusive, at least one): ``doc[start:end]``'s
        ``start_char`` and ``end_char``, without making the span."""
        return self._start_list[start], self._end_list[end - 1]

    def words(self, start: int, end: int) -> numpy.ndarray:
        """The words (no spaces, no punctuation) among the tokens that overlap characters ``start`` to
        ``end``: the tokens ``doc.char_span(start, end, alignment_mode="expand")`` holds."""
        if start >= end or start < 0 or end > self.text_end:
            return numpy.zeros(0, dtype="int64")
        first = self.token_at(start)
        last = self.token_at(end - 1)
        if start == self._end_list[first]:  # in the first token's trailing space
            first += 1
        found: numpy.ndarray = numpy.arange(first, last + 1)[self.word[first:last + 1]]
        return found


def regions(doc: Doc, probs: numpy.ndarray, high: float = HIGH, low: float = LOW,
            layout: Layout | None = None) -> list[Region]:
    """The runs of tokens at least ``low`` likely that hold one at least ``high`` likely, cut at
    paragraph breaks (a space token with a newline) and without spaces at their edges."""
    layout = layout if layout is not None else Layout(doc)
    inside = numpy.concatenate(([False], (probs >= low) & ~layout.breaks, [False]))
    edges = numpy.flatnonzero(inside[1:] != inside[:-1]).tolist()
    found: list[Region] = []
    for start, end in zip(edges[0::2], edges[1::2], strict=True):
        if float(probs[start:end].max()) >= high:
            region = _trimmed(layout, start, end)
            if region is not None:
                found.append(region)
    return found


def _trimmed(layout: Layout, start: int, end: int) -> Region | None:
    while start < end and layout.space[start]:
        start += 1
    while end > start and layout.space[end - 1]:
        end -= 1
    return Region(start, end) if start < end else None


class _Nearest:
    """Regions sorted by start, to find the one closest to a stretch without looking at all."""

    def __init__(self, layout: Layout, found: list[Region]) -> None:
        self._layout = layout
        self._regions = sorted(found, key=lambda r: r.start)
        self._starts = [r.start for r in self._regions]

    def to(self, start: int, end: int, reach: int) -> Region | None:
        """The region closest to tokens ``start``-``end`` (in tokens), within ``reach``, no paragraph
        break between them."""
        best: tuple[int, Region] | None = None
        low = bisect.bisect_left(self._starts, start - reach - LONGEST_PART)
        high = bisect.bisect_right(self._starts, end + reach)
        for region in self._regions[low:high]:
            gap = max(region.start - end, start - region.end, 0)
            if gap > reach or (best is not None and gap >= best[0]):
                continue
            if not self._layout.broken(min(region.end, end), max(region.start, start)):
                best = (gap, region)
        return best[1] if best is not None else None


def _subject(doc: Doc, cue: Region) -> Region | None:
    """The grammatical subject of the cue's head word, where the tagger read no source near it."""
    head = doc[cue.start:cue.end].root
    subject = subject_of(head) if head.pos_ in {"VERB", "AUX"} else None
    if subject is None:
        return None
    start, end = mention_range(subject)
    return Region(start, end)


def _by_cue(doc: Doc, roles: numpy.ndarray, layout: Layout) -> Iterator[tuple[Region, list[Region]]]:
    """Each cue region with the content regions that are nearest to it, in text order."""
    cues = _Nearest(layout, regions(doc, roles[:, CUE], layout=layout))
    contents: dict[Region, list[Region]] = {}
    for content in regions(doc, roles[:, CONTENT], layout=layout):
        cue = cues.to(content.start, content.end, CUE_REACH)
        if cue is not None:
            contents.setdefault(cue, []).append(content)
    yield from sorted(contents.items(), key=lambda item: item[1][0].start)


def decode(doc: Doc, roles: numpy.ndarray, layout: Layout | None = None) -> list[Attribution]:
    """The tagger's own attributions (speakers not resolved yet); contents without a cue are left out."""
    layout = layout if layout is not None else Layout(doc)
    sources = _Nearest(layout, regions(doc, roles[:, SOURCE], layout=layout))
    found: list[Attribution] = []
    for cue, near in _by_cue(doc, roles, layout):
        # a fragment that ends before the cue's sentence begins is another statement's, not this one's
        opens = layout.sent_start(cue.start)
        contents = [content for content in near if content.end > opens]
        if not contents:
            continue
        first, rest = contents[0], contents[1:]
        source = sources.to(cue.start, cue.end, CUE_REACH) or _subject(doc, cue)
        start, end = layout.chars(first.start, first.end)
        prior = max(first.start - 1, 0)  # the token before the content: its opening mark
        before = layout.chars(prior, prior + 1)
        quoted = layout.text[start:start + 1] in _OPENING or layout.text[before[0]:before[1]] in _OPENING
        found.append(Attribution(
            start=start, end=end, kind="direct" if quoted else "indirect",
            cue=layout.chars(cue.start, cue.end),
            source=layout.chars(source.start, source.end) if source is not None else None,
            source_head=doc[source.start:source.end].root.i if source is not None else None,
            tail=layout.chars(rest[0].start, rest[-1].end) if rest else None, flags={"learned"},
        ))
    return found
