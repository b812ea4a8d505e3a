"""One highlighting model for every face: the viewer, the snapshot, the HTML report and its PDF.

An analysis becomes ordered, non-overlapping runs over its text. Only what a source is reported to
have said (a quote's content) is tinted, in its speaker's group colour, so a sentence where two
speakers speak shows two colours; the reporter's own words around them ("Ukrainian forces say",
"it remains unclear whether ...") stay untinted, with the cue underlined and the source in bold.
The palette lives here too, so that every face tints alike.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from attribview.core.types import Analysis

#: How much of a group's colour is laid over the white page: enough to tell groups apart, light
#: enough to keep black text readable. The palette below is chosen for this tint (see the tests).
TINT = 0.4
#: Colours for groups a profile does not colour (the speakers of an article without a profile): at
#: the 40% tint every pair is at least 10 apart in CIEDE2000, and 6 under simulated deuteranopia
#: and protanopia.
FALLBACK_PALETTE = ("#2F6CF5", "#FD9F03", "#67468B", "#7EA96A", "#AE3105", "#35D5E6", "#97022E", "#828081")
#: Verification statuses' marker colours, kept apart from every group colour (unverified: none).
STATUS_COLOURS = {
    "in_progress": "#4DA6C7",
    "verified": "#3E7F60",
    "disputed": "#98783A",
    "false": "#A7514C",
    "inconclusive": "#564654",
}
#: What the legend of every face says about the tints and badges.
TINT_NOTE = ("Only what a source is reported to have said is tinted, in the colour of the speaker's group "
             "and after its badge; the reporter's own words around it stay untinted.")
LEGEND_NOTE = TINT_NOTE + (" Cues are underlined, sources in bold (italic: anonymous), hedged claims "
                           "nobody signs have a wavy underline.")
#: The longest badge made up from a label (a profile can set its own ``badge``).
BADGE_LENGTH = 8
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_NEUTRAL = "#828081"


@dataclass(frozen=True)
class Run:
    """Characters ``start:end`` of the text, all marked alike.

    ``group``: the speaker group whose words these are (None: not a source's words). ``quote``: the
    index into ``analysis.quotes`` of the quote these are the words, cue or source of. ``opens``: the
    first run of a quote's words, where its group badge goes.
    """

    start: int
    end: int
    group: str | None = None
    quote: int | None = None
    cue: bool = False
    source: bool = False
    anonymous: bool = False
    hedge: bool = False
    opens: bool = False


def safe_colour(colour: str | None) -> str:
    """A colour from a profile file, only if it is a plain hex colour (faces put it into CSS)."""
    return colour if colour is not None and _HEX.fullmatch(colour) else _NEUTRAL


def tint(colour: str, alpha: float = TINT) -> str:
    """``colour`` laid over white at ``alpha``, as an opaque hex colour (prints and grabs the same)."""
    value = safe_colour(colour).lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    channels = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c * alpha + 255 * (1 - alpha)):02x}" for c in channels)


def assign_colours(groups: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Group id -> colour: the given one, else the fallback palette in order of appearance."""
    colours: dict[str, str] = {}
    spare = 0
    for group_id, given in groups:
        colour = given
        if colour is None:
            colour = FALLBACK_PALETTE[spare % len(FALLBACK_PALETTE)]
            spare += 1
        colours[group_id] = safe_colour(colour)
    return colours


def make_badge(label: str, given: str | None = None) -> str:
    """A group's short mark, so that nothing depends on colour alone: the profile's, else the label's
    last word, cut short ("Petrenko" for "Colonel Ivan Petrenko")."""
    if given:
        return given[:BADGE_LENGTH + 4]  # a profile's own mark, kept short enough for the margin
    words = label.split()
    if not words:
        return "?"
    if len(label) <= BADGE_LENGTH:
        return label
    last = words[-1]
    return last if len(last) <= BADGE_LENGTH else last[:BADGE_LENGTH - 1] + "."


@dataclass
class _Mark:
    start: int
    end: int
    quote: int


def highlight_runs(analysis: Analysis, visible: Collection[str] | None = None) -> tuple[Run, ...]:
    """The runs of ``analysis`` that carry a mark, in text order; unmarked text has no run.

    ``visible``: the groups shown (None: all); a hidden group's words, cues and sources are unmarked.
    Where two quotes' words overlap, the shorter (inner) one colours them.
    """
    contents: list[_Mark] = []
    cues: list[_Mark] = []
    sources: list[_Mark] = []
    for index, quote in enumerate(analysis.quotes):
        if quote.group is None or (visible is not None and quote.group not in visible):
            continue
        if quote.end > quote.start:
            contents.append(_Mark(quote.start, quote.end, index))
        if quote.cue_start is not None and quote.cue_end is not None and quote.cue_end > quote.cue_start:
            cues.append(_Mark(quote.cue_start, quote.cue_end, index))
        if quote.source_start is not None and quote.source_end is not None \
                and quote.source_end > quote.source_start:
            sources.append(_Mark(quote.source_start, quote.source_end, index))
    hedges = [_Mark(s.start, s.end, -1) for s in analysis.sentences
              if not s.groups and "unattributed" in s.flags and s.end > s.start]
    bounds = sorted({b for mark in (*contents, *cues, *sources, *hedges) for b in (mark.start, mark.end)})
    runs: list[Run] = []
    opened: set[int] = set()
    sweeps = [_Sweep(marks) for marks in (contents, cues, sources, hedges)]
    for start, end in pairwise(bounds):
        words, cue, source, hedge = (sweep.at(start) for sweep in sweeps)
        content = min(words, key=lambda m: m.end - m.start, default=None)
        said = analysis.quotes[content.quote] if content is not None else None
        owner = content if content is not None else next(iter(source + cue), None)
        run = Run(start, end, group=said.group if said is not None else None,
                  quote=owner.quote if owner is not None else None,
                  cue=bool(cue), source=bool(source),
                  anonymous=any("anonymous" in analysis.quotes[m.quote].flags for m in source),
                  hedge=bool(hedge) and said is None,
                  opens=content is not None and content.quote not in opened)
        if run.group is None and not (run.cue or run.source or run.hedge):
            continue
        if content is not None:
            opened.add(content.quote)
        previous = runs[-1] if runs else None
        if previous is not None and previous.end == start and not run.opens \
                and _same_marks(previous, run):
            runs[-1] = replace(previous, end=end)
        else:
            runs.append(run)
    return tuple(runs)


def _same_marks(a: Run, b: Run) -> bool:
    return (a.group, a.quote, a.cue, a.source, a.anonymous, a.hedge) == \
        (b.group, b.quote, b.cue, b.source, b.anonymous, b.hedge)


class _Sweep:
    """The marks covering a point, for points visited in increasing order (one pass over the text)."""

    def __init__(self, marks: Sequence[_Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: m.start)
        self._next = 0
        self._active: list[_Mark] = []

    def at(self, pos: int) -> list[_Mark]:
        while self._next < len(self._marks) and self._marks[self._next].start <= pos:
            self._active.append(self._marks[self._next])
            self._next += 1
        self._active = [m for m in self._active if m.end > pos]
        return sorted(self._active, key=lambda m: m.quote)
