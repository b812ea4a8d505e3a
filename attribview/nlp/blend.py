"""Rules and the learned tagger together: each engine's candidates scored by the tagger, the surest kept.

The learned score of an attribution is how strongly the tagger reads its parts in their roles: the mean
P(content) over its content words (weight 2), P(cue) over its cue and P(source) over its source. A
calibration fitted on held-out training articles (isotonic, one curve per origin: the engine that
proposes the candidate, and whether the other engine agrees on its content, reads it otherwise or not at
all) turns that score into the attribution's confidence: the share of attributions with that score and
origin that the scorer counts right. Agreement is the strongest evidence: a rule candidate the tagger
reads no content in is right far less often than one it agrees on, with the same score.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from attribview.nlp.attribution import COMBINED, LEARNED, RULES, Attribution
from attribview.nlp.learned import ROLES
from attribview.nlp.learned_features import word_indices
from attribview.nlp.learned_spans import CONTENT, CUE, SOURCE, decode
from attribview.nlp.results import copied
from attribview.nlp.speakers import resolve_speakers

CALIBRATION_FILE = "calibration.json"
#: How the other engine reads a candidate's content (see :func:`agreement`).
AGREE, NEAR, ALONE = "agree", "near", "alone"
#: The combined engine's reading when relations are counted (see :func:`variant`).
RELATIONS = "relations"


@dataclass(frozen=True)
class Curve:
    """A non-decreasing step function: ``y[i]`` for scores from ``x[i]`` on (isotonic regression's)."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, score: float) -> float:
        if not self.x:
            return score
        i = int(numpy.searchsorted(numpy.asarray(self.x), score, side="right")) - 1
        return float(self.y[max(i, 0)])


@dataclass(frozen=True)
class Calibration:
    """Curves by origin (see :func:`origin`; ``learned`` for the tagger's engine alone) and the
    confidence under which the combination leaves a candidate out (None: it keeps every candidate of
    both engines, which is what the fit needs to see)."""

    curves: dict[str, Curve] = field(default_factory=dict)
    threshold: float | None = 0.0

    def confidence(self, origin: str, score: float) -> float:
        curve = self.curves.get(origin)
        return curve(score) if curve is not None else score

    def to_json(self) -> dict[str, Any]:
        return {"curves": {k: {"x": list(c.x), "y": list(c.y)} for k, c in self.curves.items()},
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Calibration":
        curves = {k: Curve(tuple(map(float, v["x"])), tuple(map(float, v["y"])))
                  for k, v in data.get("curves", {}).items()}
        return cls(curves, float(data.get("threshold", 0.0)))

    @classmethod
    def load(cls, folder: Path) -> "Calibration":
        path = folder / CALIBRATION_FILE
        if not path.is_file():
            return cls()
        with path.open(encoding="utf-8") as handle:
            return cls.from_json(json.load(handle))


def _tokens(doc: Any, start: int, end: int) -> list[int]:
    """Indices of the words (no spaces, no punctuation) that overlap the characters."""
    return word_indices(doc, start, end, punctuation=False)


def _mean(roles: Any, tokens: list[int], column: int) -> float | None:
    return float(roles[tokens, column].mean()) if tokens else None


def learned_score(doc: Any, attribution: Attribution) -> float | None:
    """The tagger's reading of one attribution's parts, 0 to 1; None without the tagger."""
    roles = doc._.get(ROLES)
    if roles is None:
        return None
    content = _tokens(doc, attribution.start, attribution.end)
    if attribution.tail is not None:
        content += _tokens(doc, *attribution.tail)
    parts = [(2.0, _mean(roles, content, CONTENT))]
    if attribution.cue is not None:
        parts.append((1.0, _mean(roles, _tokens(doc, *attribution.cue), CUE)))
    if attribution.source is not None:
        parts.append((1.0, _mean(roles, _tokens(doc, *attribution.source), SOURCE)))
    known = [(w, v) for w, v in parts if v is not None]
    if not known:
        return 0.0
    return sum(w * v for w, v in known) / sum(w for w, _ in known)


def learned_attributions(doc: Any) -> list[Attribution]:
    """The tagger's own attributions (see ``learned_spans``); none without the tagger."""
    roles = doc._.get(ROLES)
    return decode(doc, roles) if roles is not None else []


def extent(attribution: Attribution) -> tuple[int, int]:
    """The characters an attribution's content covers, its second fragment included."""
    end = max(attribution.end, attribution.tail[1]) if attribution.tail is not None else attribution.end
    return attribution.start, end


def agreement(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> str:
    """How the other engine reads this content: ``agree`` (one of its contents shares at least half
    of the two, the scorer's own bar), ``near`` (one overlaps it less) or ``alone``."""
    best = 0.0
    for start, end in others:
        shared = min(span[1], end) - max(span[0], start)
        if shared > 0:
            best = max(best, shared / (max(span[1], end) - min(span[0], start)))
    return AGREE if best >= 0.5 else NEAR if best > 0 else ALONE


def origin(engine: str, how: str) -> str:
    """The calibration curve of a candidate: its engine and how the other one reads it."""
    return f"{engine}-{how}"


def _scored(doc: Any, found: list[Attribution], engine: str, others: list[Attribution],
            calibration: Calibration) -> None:
    spans = [extent(o) for o in others]
    for attribution in found:
        how = origin(engine, agreement(extent(attribution), spans))
        attribution.confidence = calibration.confidence(how, learned_score(doc, attribution) or 0.0)


def variant(engine: str, relations: bool) -> str:
    """The key of an engine's reading in :func:`blends`: the combined engine reads an article one way
    when relations are counted (what the tagger was trained on) and another for statements."""
    return f"{engine}:{RELATIONS}" if engine == COMBINED and relations else engine


def blends(doc: Any, records: Sequence[Attribution], engines: Iterable[str],
           calibration: Calibration) -> dict[str, list[Attribution]]:
    """Each engine's attributions of one Doc, the combined engine under both counts (see
    :func:`variant`): the rules' as found, the tagger's own, and both combined.

    Without the tagger every engine is the rules'. Combined, every candidate of either engine gets
    its calibrated confidence (the curve of its engine and of how the other engine reads its
    content). Counting statements, the rules' candidates are kept as found: the tagger learned
    PolNeAR's relations, which join quotations and read stances that a desk's statements do not.
    Counting relations, the surest candidates are taken first, and one that overlaps a candidate of
    the other engine already taken, or falls under the threshold, is left out."""
    wanted = set(engines)
    if doc._.get(ROLES) is None:
        return {key: copied(records) for engine in wanted for key in _keys(engine)}
    found: dict[str, list[Attribution]] = {}
    learned = learned_attributions(doc)
    if RULES in wanted:
        found[RULES] = copied(records)
    if LEARNED in wanted:
        alone = learned_attributions(doc) if COMBINED in wanted else learned
        for attribution in alone:
            attribution.confidence = calibration.confidence(LEARNED, learned_score(doc, attribution) or 0.0)
        resolve_speakers(doc, alone)
        found[LEARNED] = alone
    if COMBINED in wanted:
        relations = copied(records)
        rules = copied(records) if RULES in wanted else list(records)  # alone, it scores the Doc's own
        _scored(doc, rules, RULES, learned, calibration)
        found[COMBINED] = rules
        found[variant(COMBINED, True)] = _chosen(doc, relations, learned, calibration)
    return found


def _keys(engine: str) -> tuple[str, ...]:
    return (engine, variant(engine, True)) if engine == COMBINED else (engine,)


def _chosen(doc: Any, rules: list[Attribution], learned: list[Attribution],
            calibration: Calibration) -> list[Attribution]:
    """The combination counting relations (see :func:`blends`)."""
    spans = [extent(r) for r in rules]
    for attribution in learned:  # the tagger tells no stance from a statement: the rules' kind holds
        twin = next((r for r, span in zip(rules, spans, strict=True)
                     if agreement(extent(attribution), [span]) == AGREE), None)
        if twin is not None:
            attribution.kind = twin.kind
    _scored(doc, rules, RULES, learned, calibration)
    _scored(doc, learned, LEARNED, rules, calibration)
    if calibration.threshold is None:  # fitting the calibration: every candidate, as scored
        resolve_speakers(doc, learned)
        return rules + learned
    taken: dict[str, list[tuple[int, int]]] = {RULES: [], LEARNED: []}
    chosen: list[Attribution] = []
    candidates = [(a, RULES) for a in rules] + [(a, LEARNED) for a in learned]
    for attribution, side in sorted(candidates, key=lambda c: -c[0].confidence):
        if attribution.confidence < calibration.threshold:
            break
        other = taken[LEARNED if side == RULES else RULES]
        span = extent(attribution)
        if any(span[0] < end and start < span[1] for start, end in other):
            continue
        taken[side].append(span)
        chosen.append(attribution)
    resolve_speakers(doc, [a for a in chosen if "learned" in a.flags])  # the rules resolved theirs
    return sorted(chosen, key=lambda a: (a.start, a.end))
