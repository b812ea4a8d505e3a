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
from spacy.tokens import Doc

from attribview.nlp.attribution import Attribution
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


def regions(doc: Doc, probs: numpy.ndarray, high: float = HIGH, low: float = LOW) -> list[Region]:
    """The runs of tokens at least ``low`` likely that hold one at least ``high`` likely, cut at
    paragraph breaks (a space token with a newline) and without spaces at their edges."""
    found: list[Region] = []
    start: int | None = None
    peak = 0.0
    breaks = {t.i for t in doc if t.is_space and "\n" in t.text}
    for i in range(len(doc) + 1):
        inside = i < len(doc) and i not in breaks and probs[i] >= low
        if inside:
            if start is None:
                start, peak = i, 0.0
            peak = max(peak, float(probs[i]))
            continue
        if start is not None and peak >= high:
            region = _trimmed(doc, start, i)
            if region is not None:
                found.append(region)
        start = None
    return found


def _trimmed(doc: Doc, start: int, end: int) -> Region | None:
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return Region(start, end) if start < end else None


class _Nearest:
    """Regions sorted by start, to find the one closest to a stretch without looking at all."""

    def __init__(self, doc: Doc, found: list[Region]) -> None:
        self._doc = doc
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
            between = self._doc[min(region.end, end):max(region.start, start)]
            if not any(t.is_space and "\n" in t.text for t in between):
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


def _by_cue(doc: Doc, roles: numpy.ndarray) -> Iterator[tuple[Region, list[Region]]]:
    """Each cue region with the content regions that are nearest to it, in text order."""
    cues = _Nearest(doc, regions(doc, roles[:, CUE]))
    contents: dict[Region, list[Region]] = {}
    for content in regions(doc, roles[:, CONTENT]):
        cue = cues.to(content.start, content.end, CUE_REACH)
        if cue is not None:
            contents.setdefault(cue, []).append(content)
    yield from sorted(contents.items(), key=lambda item: item[1][0].start)


def decode(doc: Doc, roles: numpy.ndarray) -> list[Attribution]:
    """The tagger's own attributions (speakers not resolved yet); contents without a cue are left out."""
    sources = _Nearest(doc, regions(doc, roles[:, SOURCE]))
    found: list[Attribution] = []
    for cue, near in _by_cue(doc, roles):
        # a fragment that ends before the cue's sentence begins is another statement's, not this one's
        opens = doc[cue.start].sent.start
        contents = [content for content in near if content.end > opens]
        if not contents:
            continue
        first, rest = contents[0], contents[1:]
        source = sources.to(cue.start, cue.end, CUE_REACH) or _subject(doc, cue)
        span = doc[first.start:rest[-1].end if rest else first.end]
        head = doc[first.start:first.end]
        quoted = head.text[:1] in _OPENING or doc[max(first.start - 1, 0)].text in _OPENING
        source_span = doc[source.start:source.end] if source is not None else None
        found.append(Attribution(
            start=head.start_char, end=head.end_char, kind="direct" if quoted else "indirect",
            cue=(doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])),
            source=(source_span.start_char, source_span.end_char) if source_span is not None else None,
            source_head=source_span.root.i if source_span is not None else None,
            tail=(doc[rest[0].start].idx, span.end_char) if rest else None, flags={"learned"},
        ))
    return found
