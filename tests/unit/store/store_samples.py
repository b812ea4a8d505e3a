"""Analyses built by hand for the store tests: engine-shaped results without loading spaCy."""

from __future__ import annotations

from attribview.core.types import Analysis, Quote

ARTICLE = (
    "KYIV, March 3 - The defence ministry said \"two villages were taken back\" on Monday.\n"
    "“We will not retreat,” said Olena Bondar, a regional governor.\n"
    "Local sources said the bridge was damaged.\n"
)


def quote_at(text: str, content: str, speaker: str | None, group: str | None, *, kind: str = "direct",
             flags: tuple[str, ...] = ()) -> Quote:
    """An engine-shaped quote of ``content``, located in ``text``."""
    start = text.index(content)
    return Quote(start=start, end=start + len(content), text=content, speaker=speaker, group=group,
                 kind=kind, confidence=0.9, cue_start=None, cue_end=None, mention=speaker, flags=flags)


def sample_analysis(text: str = ARTICLE, *, shift: int = 0) -> Analysis:
    """Three quotes as the engine would give them; ``shift`` widens the spans like an improved engine."""
    quotes: tuple[Quote, ...] = (
        quote_at(text, "two villages were taken back", "Ministry of Defence", "ua_military"),
        quote_at(text, "We will not retreat", "Olena Bondar", "local_officials"),
        quote_at(text, "the bridge was damaged", None, None, kind="indirect", flags=("anonymous",)),
    )
    if shift:
        quotes = tuple(Quote(**{**q.__dict__, "start": q.start - shift, "text": text[q.start - shift:q.end]})
                       for q in quotes)
    return Analysis(text=text, profile="war", quotes=quotes, sentences=())
