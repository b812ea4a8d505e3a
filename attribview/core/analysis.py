"""The analysis facade: article text in, quotes with speakers and groups out.

The CLI and the GUI both call :class:`Analyzer`; it owns the spaCy pipeline (loaded once, lazily, since
loading takes seconds) and the profiles, and maps every offset back to the original text. A long article
goes through the pipeline in pieces (``core.pieces``), so that no length is refused and memory stays
bounded.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from attribview.core.names import SpeakerNames
from attribview.core.pieces import (
    PIECE_CHARS,
    Part,
    batches,
    cut,
    merge,
    sentence_spans,
    subject_spans,
)
from attribview.core.profiles import (
    DEFAULT_CONVENTIONS,
    Conventions,
    Profile,
    available_profiles,
    choose_profile,
    name_key,
)
from attribview.core.sides import SideContext
from attribview.core.types import Analysis, Quote, Sentence
from attribview.errors import ProfileError
from attribview.nlp.attribution import COMBINED, ENGINES, STANCE, Attribution
from attribview.nlp.intervals import SpanLookup
from attribview.nlp.statements import join_split_quotes
from attribview.textio import SourceText

AUTO = "auto"
NO_PROFILE = "none"
#: A sentence carries a quote's group when they share this share of the shorter of the two.
SENTENCE_OVERLAP = 0.3
#: The body a holder speaks for: "a spokesman for the defence ministry, Colonel X".
_BODY_OF = re.compile(r"\b(?:for|of|at|from)\s+(?:the\s+)?([\w'’ -]+?)(?=,|$)")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: Batch size for ``nlp.pipe``: far faster here than spaCy's default of 256 on long articles.
BATCH_SIZE = 16


@dataclass
class _Grouping:
    """Group assignment state within one article: the latest group of each kind, the sides the article
    names (for bodies named without a country) and the names its speakers were given."""

    profile: Profile | None
    latest_by_kind: dict[str, str]
    context: SideContext | None = None
    names: SpeakerNames = field(default_factory=SpeakerNames)
    #: What each body named without its country was placed as, so the resolver's later mentions of
    #: it ("the General Staff also said") stay on its side.
    placed: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, profile: Profile | None, text: str, subjects: list[tuple[int, int]],
           attributions: list[Attribution]) -> "_Grouping":
        """The state for one article: its sides' context, and its speakers' names so far."""
        if profile is None or not profile.sides:
            return cls(profile, {})
        contents = [(a.start, a.end) for a in attributions]
        possessives = {name_key(name) + "'s": side.adjective.lower() for side in profile.sides
                       for name in side.names}
        context = SideContext.of(profile, text, contents, subjects)
        return cls(profile, {}, context, SpeakerNames(possessives))

    def assign(self, attribution: Attribution, content: str) -> tuple[str | None, str | None]:
        """The (canonical speaker, group) of one attribution."""
        speaker, group = self._assign(attribution, content)
        speaker = self.names.canonical(speaker, group)
        found = self.profile.group(group) if self.profile is not None and group is not None else None
        if found is not None and self.context is not None and attribution.source is not None and (
                found.side != "none"):
            self.context.heard(attribution.source[0], found.side)
        return speaker, group

    def _assign(self, attribution: Attribution, content: str) -> tuple[str | None, str | None]:
        speaker, mention = attribution.speaker, attribution.mention or attribution.speaker
        profile = self.profile
        if profile is None:
            return speaker, speaker
        group: str | None
        known = (profile.known(speaker) or profile.known(mention) or profile.known_in(speaker, at_end=True)
                 or profile.known(self.names.adjectival(speaker)))  # "Moscow's defence ministry"
        if known is not None:
            group = known.group
            speaker = known.name
        else:
            group = profile.role_group(mention, content) or profile.role_group(speaker, content)
            if group is None:
                alias = profile.known_in(mention)
                group = alias.group if alias is not None else None
            if group is None and speaker in self.placed:
                speaker, group = self.placed[speaker]
            elif group is None:
                raw = speaker
                speaker, group = self._placed(attribution, speaker, mention, content)
                if group is not None and raw:
                    self.placed[raw] = (speaker, group)
            if group is None:
                kind = profile.kind_of(mention)
                group = self.latest_by_kind.get(kind) if kind else None
        if group is None:
            group = profile.default_group
        found = profile.group(group)
        if found is not None:
            self.latest_by_kind[found.kind] = group
        return speaker, group

    def _placed(self, attribution: Attribution, speaker: str | None, mention: str | None,
                content: str) -> tuple[str | None, str | None]:
        """A body named without its country ("the interior ministry"), qualified by the side the article
        puts it on, and its group as so qualified; (speaker, None) when it is no such body."""
        profile, context = self.profile, self.context
        # "Interior Minister Ihor Savchuk", "a spokesman for the defence ministry": the holder of a
        # body's office takes its side too
        roles = [role.strip() for part in mention.split(speaker) for role in part.split(",")] if (
            speaker and mention and speaker in mention) else []
        holder_of = [*_BODY_OF.findall(mention or ""), *roles]  # the body spoken for before a rank
        names = [speaker, mention, *holder_of]
        pattern = profile.bare_bodies if profile is not None else None
        bare = next((name for name in names if name and pattern is not None
                     and pattern.search(_ARTICLE.sub("", name_key(name)))), None)
        if bare is None or profile is None or context is None or attribution.source is None:
            return speaker, None
        cue = context.text[attribution.cue[0]:attribution.cue[1]] if attribution.cue else ""
        side = profile.side(context.side_at(attribution.source[0], cue) or "")
        if side is None:
            return speaker, None
        qualified = f"{side.adjective} {_ARTICLE.sub('', bare)}"
        named = bare in (speaker, mention) and bare not in holder_of  # not an office's holder
        known = profile.known(qualified)
        if known is not None:
            return (known.name if named else speaker), known.group
        return (qualified if named else speaker), profile.role_group(qualified, content)


class Analyzer:
    """Finds attributions in articles. Thread-compatible: use one instance per worker thread.

    ``piece_chars`` is the most characters the pipeline is given at once (see ``core.pieces``).
    """

    def __init__(self, model: str | None = None, profiles: dict[str, Profile] | None = None, *,
                 piece_chars: int = PIECE_CHARS, calibration: Any = None, nlp: Any = None) -> None:
        """``calibration`` and ``nlp`` replace the shipped calibration and the pipeline loaded on first
        use (the training fits a calibration for weights it has not shipped yet)."""
        self._model_name = model
        self._piece_chars = piece_chars
        self._nlp: Any = nlp
        self._profiles = profiles
        self._calibration = calibration

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            from attribview.nlp.model import load_pipeline  # noqa: PLC0415 - keeps spaCy off startup

            self._nlp = load_pipeline(self._model_name)
        return self._nlp

    @property
    def calibration(self) -> Any:
        """The learned confidence calibration shipped beside the tagger's weights, read on first use."""
        if self._calibration is None:
            from attribview.nlp.blend import Calibration  # noqa: PLC0415 - imports spaCy
            from attribview.nlp.learned import weights_dir  # noqa: PLC0415

            self._calibration = Calibration.load(weights_dir())
        return self._calibration

    @property
    def profiles(self) -> dict[str, Profile]:
        if self._profiles is None:
            self._profiles = available_profiles()
        return self._profiles

    def resolve_profile(self, name: str | None, text: str) -> Profile | None:
        """``auto`` (or None) picks by content, ``none`` disables groups, anything else is a profile id."""
        if name is None or name == AUTO:
            return choose_profile(text, self.profiles)
        if name == NO_PROFILE:
            return None
        try:
            return self.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.profiles)) or "none installed"
            raise ProfileError(f"unknown profile {name!r} (available: {known})") from None

    def analyze(self, source: SourceText, profile: str | None = AUTO, *, readable: bool = False,
                conventions: Conventions | None = None, engine: str = COMBINED) -> Analysis:
        return next(self.analyze_many([source], profile=profile, readable=readable, conventions=conventions,
                                      engine=engine))

    def analyze_many(self, sources: Iterable[SourceText], profile: str | None = AUTO,
                     batch_size: int = BATCH_SIZE, n_process: int = 1, *,
                     readable: bool = False, conventions: Conventions | None = None,
                     engine: str = COMBINED) -> Iterator[Analysis]:
        """Analyse many articles through ``nlp.pipe``, in the order given.

        Offsets point into the file's text as decoded (the evaluation contract), or with ``readable``
        into the readable text (an HTML page reduced to its article), which is what a viewer shows and
        the library keeps. ``conventions`` overrides the chosen profile's (what counts as one
        attribution). ``engine`` picks the rules, the learned tagger or both (the default).
        """
        for analyses in self.analyze_engines(sources, (engine,), profile, readable=readable,
                                             conventions=conventions, batch_size=batch_size,
                                             n_process=n_process):
            yield analyses[engine]

    def analyze_engines(self, sources: Iterable[SourceText], engines: Iterable[str] = ENGINES,
                        profile: str | None = AUTO, *, readable: bool = False,
                        conventions: Conventions | None = None, batch_size: int = BATCH_SIZE,
                        n_process: int = 1) -> Iterator[dict[str, Analysis]]:
        """Each article's analysis by each engine (rules, learned, combined), from one pipeline run:
        what the evaluation compares. The profile, and so what is counted, is chosen from the text
        before its first piece is blended; a long article's pieces are blended one by one (the
        learned scores live on each piece's Doc) and then merged."""
        wanted = tuple(engines)
        parts: dict[str, list[Part]] = {}
        chosen: Profile | None = None
        counting: Conventions | None = None
        for doc, (source, offset, last) in self._pipe(sources, batch_size, n_process):
            if counting is None:
                chosen = self.resolve_profile(profile, source.text)
                counting = conventions or _conventions_of(chosen)
            for engine, part in self._parts(doc, wanted, source.text, offset, counting.stances).items():
                parts.setdefault(engine, []).append(part.shift(offset))
            if not last:
                continue
            analyses: dict[str, Analysis] = {}
            for engine in wanted:
                found = merge(parts[engine])
                attributions = _by_conventions(found.attributions, counting, source.text)
                analyses[engine] = _build(source, found, chosen, attributions, readable, counting.name)
            parts, counting = {}, None
            yield analyses

    def _parts(self, doc: Any, engines: tuple[str, ...], text: str, offset: int,
               relations: bool) -> dict[str, Part]:
        """What the pipeline found in one Doc (the piece of ``text`` from ``offset``), in its own
        offsets, as each engine reads it counting relations or statements; the sentences, subjects
        and hedges are the Doc's own, read once for all engines."""
        from attribview.nlp.blend import blends  # noqa: PLC0415 - imports spaCy
        from attribview.nlp.results import HEDGES, attributions_of  # noqa: PLC0415

        sentences, subjects = sentence_spans(doc, text, offset), subject_spans(doc)
        hedges = list(doc._.get(HEDGES) or [])
        found = blends(doc, attributions_of(doc), engines, self.calibration, relations=relations)
        return {engine: Part(records, list(hedges), list(sentences), list(subjects))
                for engine, records in found.items()}

    def _pipe(self, sources: Iterable[SourceText], batch_size: int,
              n_process: int) -> Iterator[tuple[Any, tuple[SourceText, int, bool]]]:
        """The pieces of ``sources`` through the pipeline, in order, with their context.

        In one process a batch holds at most one piece's worth of characters (or one piece), so that
        the parser's memory stays bounded (16 articles of 5,000 characters took 330 MB over the
        model, at the same speed as batches half as long); worker processes
        (``n_process``) each take spaCy's batches as they come.
        """
        pieces = _pieces(sources, self._piece_chars)
        if n_process > 1:
            yield from self.nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process)
            return
        for batch in batches(pieces, batch_size, self._piece_chars):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _pieces(sources: Iterable[SourceText], limit: int) -> Iterator[tuple[str, tuple[SourceText, int, bool]]]:
    """Each article's pieces for ``nlp.pipe``: (text, (article, offset in its text, whether last))."""
    for source in sources:
        spans = cut(source.text, limit)
        for number, (start, end) in enumerate(spans):
            yield source.text[start:end], (source, start, number == len(spans) - 1)


def _conventions_of(profile: Profile | None) -> Conventions:
    return profile.conventions if profile is not None else DEFAULT_CONVENTIONS


def _by_conventions(attributions: list[Attribution], conventions: Conventions,
                    text: str) -> list[Attribution]:
    """Keep and join the finder's attributions as the conventions count them."""
    if not conventions.stances:
        attributions = [a for a in attributions if a.kind != STANCE]
    if conventions.join_split_quotes:  # one relation per cue: joint sources ("X and Y said") are one
        attributions = join_split_quotes([a for a in attributions if "joint" not in a.flags], text)
    return attributions


def _build(source: SourceText, found: Part, profile: Profile | None, attributions: list[Attribution],
           readable: bool, counting: str) -> Analysis:
    shown = source.text if readable else source.original
    place: Callable[[int, int], tuple[int, int]] = (lambda a, b: (a, b)) if readable else source.to_original
    grouping = _Grouping.of(profile, source.text, found.subjects, attributions)
    quotes: list[Quote] = []
    for attribution in sorted(attributions, key=lambda a: a.start):
        speaker, group = grouping.assign(attribution, source.text[attribution.start:attribution.end])
        start, end = place(attribution.start, attribution.end)
        cue = place(*attribution.cue) if attribution.cue else (None, None)
        src = place(*attribution.source) if attribution.source else (None, None)
        quotes.append(Quote(
            start=start, end=end, text=shown[start:end], speaker=speaker, group=group,
            kind=attribution.kind, confidence=round(attribution.confidence, 2), cue_start=cue[0],
            cue_end=cue[1], source_start=src[0], source_end=src[1], mention=attribution.mention,
            flags=tuple(sorted(attribution.flags)),
        ))
    by_start = SpanLookup([(q.start, q.end) for q in quotes])
    hedges = sorted(found.hedges)
    hedge_starts = [start for start, _ in hedges]
    sentences = [_sentence(place, span, quotes, by_start, hedges, hedge_starts) for span in found.sentences]
    groups = {g.id: g.label for g in profile.groups} if profile is not None else {}
    return Analysis(text=shown, profile=profile.id if profile else None, quotes=tuple(quotes),
                    sentences=tuple(sentences), encoding=source.encoding, groups=groups, counting=counting)


def carries(start: int, end: int, quote: Quote) -> bool:
    """Whether the sentence ``start``-``end`` carries ``quote``'s words (the scorer's overlap rule)."""
    shared = min(end, quote.end) - max(start, quote.start)
    return shared > 0 and shared >= SENTENCE_OVERLAP * min(end - start, quote.end - quote.start)


def _sentence(place: Callable[[int, int], tuple[int, int]], span: tuple[int, int], quotes: list[Quote],
              by_start: SpanLookup, hedges: list[tuple[int, int]], hedge_starts: list[int]) -> Sentence:
    start_char, end_char = span
    start, end = place(start_char, end_char)
    groups: list[str] = []
    flags: set[str] = set()
    for index in by_start.overlapping(start, end):
        quote = quotes[index]
        if carries(start, end, quote):
            if quote.group is not None and quote.group not in groups:
                groups.append(quote.group)
            if "anonymous" in quote.flags:
                flags.add("anonymous")
    for hedge_start, hedge_end in hedges[bisect_left(hedge_starts, start_char):]:
        if hedge_start >= end_char:
            break
        h0, _ = place(hedge_start, hedge_end)
        if not by_start.any_overlapping(h0, h0):
            flags.add("unattributed")
    return Sentence(start=start, end=end, groups=tuple(groups), flags=tuple(sorted(flags)))
