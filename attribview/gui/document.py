"""An analysed article as the viewer shows it: the analysis plus each group's label and colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from attribview.core.analysis import NO_PROFILE, SENTENCE_OVERLAP, Analyzer
from attribview.core.highlight import assign_colours, make_badge
from attribview.core.profiles import Profile, choose_profile
from attribview.core.titles import article_title
from attribview.core.types import Analysis, Quote, Sentence, flag_labels
from attribview.textio import prepare_text, read_article

if TYPE_CHECKING:
    from attribview.core.library import QuoteRow


@dataclass(frozen=True)
class GroupStyle:
    """One speaker group as the legend and the highlights show it."""

    id: str
    label: str
    colour: str
    sentences: int
    quotes: int
    badge: str = ""  # the short mark beside the colour ("UA mil"), so nothing depends on colour alone


@dataclass(frozen=True)
class Document:
    """What one open article needs on screen; built off the GUI thread, then only read.

    Args:
        title: what the window title and the snapshot heading call the article.
        path: the file it came from, None for pasted text.
        analysis: the engine's result; offsets index ``analysis.text``.
        groups: the groups in display order (the profile's order, else first appearance).
        profile_label: the profile's human name, None without a profile.
        article_id: the article's id in the library, None when it is not stored (no library).
        rows: the stored quotes (ids, verification status), parallel to ``analysis.quotes``; empty
            when the article is not stored.
        profiles: the profiles the groups were styled with (to restyle after a speaker is reassigned).
        automatic: the profile (``none`` for none) the automatic choice gives the text, which the profile
            chooser ticks as "Automatic" when the article is read with it.
    """

    title: str
    path: str | None
    analysis: Analysis
    groups: tuple[GroupStyle, ...]
    profile_label: str | None = None
    article_id: int | None = None
    rows: tuple[QuoteRow, ...] = ()
    profiles: Mapping[str, Profile] = field(default_factory=dict, repr=False, compare=False)
    automatic: str = NO_PROFILE

    @property
    def profile_automatic(self) -> bool:
        """Whether the article is read with the profile its text would be given automatically."""
        return (self.analysis.profile or NO_PROFILE) == self.automatic

    @property
    def stored(self) -> bool:
        """Whether the article is in the library, so its quotes can be checked and corrected."""
        return self.article_id is not None and len(self.rows) == len(self.analysis.quotes)

    def row(self, index: int) -> QuoteRow | None:
        return self.rows[index] if self.stored else None

    def status(self, index: int) -> str | None:
        """The quote's verification status, None when the article is not stored."""
        row = self.row(index)
        return row.status if row is not None else None

    def index_of(self, quote_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == quote_id), None)

    def with_row(self, row: QuoteRow) -> Document:
        """This document with one stored quote replaced by its new state (status, speaker, group)."""
        index = self.index_of(row.id)
        if index is None:
            return self
        rows = (*self.rows[:index], row, *self.rows[index + 1:])
        old = self.rows[index]
        if (old.speaker, old.group) == (row.speaker, row.group):
            return replace(self, rows=rows)
        return make_document(self.analysis, self.profiles, title=self.title, path=self.path,
                             article_id=self.article_id, rows=rows, automatic=self.automatic)

    def with_rows(self, rows: Sequence[QuoteRow]) -> Document:
        """This document with another set of stored quotes (one added, rejected or restored)."""
        return make_document(self.analysis, self.profiles, title=self.title, path=self.path,
                             article_id=self.article_id, rows=rows, automatic=self.automatic)

    def with_sentences(self, found: Analysis) -> Document:
        """This document with the sentences another analysis of its text found (an article stored without
        them): its stored quotes, as the desk last showed them, regroup them."""
        analysis = replace(self.analysis, sentences=found.sentences, counting=found.counting)
        return make_document(analysis, self.profiles, title=self.title, path=self.path,
                             article_id=self.article_id, rows=self.rows, automatic=self.automatic)

    def known_speakers(self, extra: Sequence[tuple[str, str | None]] = ()) -> dict[str, str | None]:
        """Speaker name -> group: the profile's known speakers, this article's, then ``extra``."""
        known: dict[str, str | None] = {}
        for name, group in extra:
            known.setdefault(name, group)
        for quote in self.analysis.quotes:
            if quote.speaker:
                known[quote.speaker] = quote.group
        profile = self.profiles.get(self.analysis.profile) if self.analysis.profile else None
        if profile is not None:
            for speaker in profile.speakers:
                known[speaker.name] = speaker.group
        return known

    def group(self, group_id: str | None) -> GroupStyle | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def label(self, group_id: str | None) -> str:
        """The group's label, or its id when the article has no profile (the speaker is the group)."""
        style = self.group(group_id)
        return style.label if style is not None else (group_id or "")

    def quote_at(self, position: int) -> int | None:
        """The index of the quote whose content, cue or source mention covers ``position``."""
        for index, quote in enumerate(self.analysis.quotes):
            if quote.start <= position < quote.end or _covers(quote.cue_start, quote.cue_end, position) \
                    or _covers(quote.source_start, quote.source_end, position):
                return index
        for sentence in self.analysis.sentences:
            if sentence.start <= position < sentence.end and sentence.groups:
                return next((i for i, q in enumerate(self.analysis.quotes)
                             if q.start < sentence.end and sentence.start < q.end), None)
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.analysis.quotes if q.start < end and start < q.end]


def _covers(start: int | None, end: int | None, position: int) -> bool:
    return start is not None and end is not None and start <= position < end


def group_styles(analysis: Analysis, profiles: Mapping[str, Profile]) -> tuple[GroupStyle, ...]:
    """Every group of the profile (in its order, with its colours) or, without one, every speaker.

    Groups a profile does not colour get the core's fallback palette in order of first appearance,
    so the same article always looks the same.
    """
    sentence_counts: dict[str, int] = {}
    for sentence in analysis.sentences:
        for group in sentence.groups:
            sentence_counts[group] = sentence_counts.get(group, 0) + 1
    quote_counts: dict[str, int] = {}
    for quote in analysis.quotes:
        if quote.group is not None:
            quote_counts[quote.group] = quote_counts.get(quote.group, 0) + 1
    profile = profiles.get(analysis.profile) if analysis.profile else None
    ordered: list[tuple[str, str, str | None, str]] = []
    if profile is not None:
        ordered = [(g.id, g.label, g.colour, g.badge) for g in profile.groups]
    known = {group_id for group_id, _, _, _ in ordered}
    for group_id in quote_counts:
        if group_id not in known:
            ordered.append((group_id, analysis.groups.get(group_id, group_id), None, ""))
            known.add(group_id)
    colours = assign_colours((group_id, given) for group_id, _, given, _ in ordered)
    return tuple(GroupStyle(group_id, label, colours[group_id], sentence_counts.get(group_id, 0),
                            quote_counts.get(group_id, 0), make_badge(label, badge))
                 for group_id, label, _, badge in ordered)


def regroup(sentence: Sentence, quotes: Sequence[Quote]) -> Sentence:
    """The sentence's groups (and anonymous flag) from ``quotes``, by the engine's overlap rule.

    The hedged-claim flag is the engine's and stays as it was.
    """
    groups: list[str] = []
    anonymous = False
    for quote in quotes:
        shared = min(sentence.end, quote.end) - max(sentence.start, quote.start)
        if shared > 0 and shared >= SENTENCE_OVERLAP * min(sentence.end - sentence.start,
                                                           quote.end - quote.start):
            if quote.group is not None and quote.group not in groups:
                groups.append(quote.group)
            anonymous = anonymous or "anonymous" in quote.flags
    flags = {f for f in sentence.flags if f != "anonymous"} | ({"anonymous"} if anonymous else set())
    return replace(sentence, groups=tuple(groups), flags=tuple(sorted(flags)))


def with_stored_quotes(analysis: Analysis, rows: Sequence[QuoteRow]) -> Analysis:
    """The analysis with the library's quotes (corrections, manual quotes) in place of the engine's."""
    from attribview.core.library import stored_quote  # noqa: PLC0415 - the store loads after first paint

    quotes = tuple(stored_quote(row) for row in rows)
    return replace(analysis, quotes=quotes, sentences=tuple(regroup(s, quotes) for s in analysis.sentences))


def make_document(analysis: Analysis, profiles: Mapping[str, Profile], *, title: str,
                  path: str | None = None, article_id: int | None = None,
                  rows: Sequence[QuoteRow] = (), automatic: str | None = None) -> Document:
    """The document of an analysis; with stored ``rows``, their quotes replace the engine's.

    ``automatic`` is the profile the text is given automatically, when known (one pass over a long
    article is worth sparing on the GUI thread); found by the text's content otherwise.
    """
    if article_id is not None:
        analysis = with_stored_quotes(analysis, rows)
    profile = profiles.get(analysis.profile) if analysis.profile else None
    if automatic is None:  # by content, as an analysis with ``auto`` chooses
        chosen = choose_profile(analysis.text, dict(profiles))
        automatic = chosen.id if chosen is not None else NO_PROFILE
    return Document(title=title, path=path, analysis=analysis, groups=group_styles(analysis, profiles),
                    profile_label=profile.label if profile is not None else None, article_id=article_id,
                    rows=tuple(rows), profiles=profiles, automatic=automatic)


def load_file(analyzer: Analyzer, path: str) -> Document:
    """Read and analyse a file. Slow (spaCy): call it from a worker thread, never the GUI thread."""
    source = read_article(path)
    analysis = analyzer.analyze(source, readable=True)
    return make_document(analysis, analyzer.profiles, title=article_title(source, Path(path).name), path=path)


def load_text(analyzer: Analyzer, text: str, *, title: str = "Pasted article") -> Document:
    """Analyse text from the clipboard. Slow: worker thread only."""
    analysis = analyzer.analyze(prepare_text(text, name=title.lower()), readable=True)
    return make_document(analysis, analyzer.profiles, title=title)


def flag_text(flags: tuple[str, ...]) -> str:
    return ", ".join(flag_labels(flags))
