"""Rules and the learned tagger together: each engine's candidates scored by the tagger, the surest kept.

The learned score of an attribution is how strongly the tagger reads its parts in their roles: the mean
P(content) over its content words (weight 2), P(cue) over its cue and P(source) over its source. A
calibration fitted on held-out training articles (isotonic, one curve per origin: the engine that
proposes the candidate, and whether the other engine agrees on its content, reads it otherwise or not at
all) turns that score into the attribution's confidence: the share of attributions with that score and
origin that the scorer counts right. Agreement is the strongest evidence: a rule candidate the tagger
reads no content in is right far less often than one it agrees on, with the same score.

A calibration fitted with a learned scorer (see ``candidate_features``) reads more than the score: the
tagger's parts apart, the share the other engine reads, and what the rules know of the candidate's
shape, weighed per engine and counting, with an isotonic curve over each one's output
(``rules-scored``, ``learned-scored``, ``statements:rules-scored``); a file without one (or without
the weights of an engine) keeps the curves by origin.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from attribview.nlp.attribution import COMBINED, LEARNED, RULES, Attribution
from attribview.nlp.candidate_features import (
    AGREE_SHARE,
    Reading,
    Scorer,
    candidate_features,
    read,
    sentence_rivals,
)
from attribview.nlp.learned import ROLES
from attribview.nlp.learned_spans import Layout, decode
from attribview.nlp.results import copied
from attribview.nlp.speakers import resolve_speakers

CALIBRATION_FILE = "calibration.json"
#: How the other engine reads a candidate's content (see :func:`agreement`).
AGREE, NEAR, ALONE = "agree", "near", "alone"
#: How a candidate is read when the calibration has a learned scorer: ``origin(engine, SCORED)``.
SCORED = "scored"
#: The counting whose curves are fitted apart (see :func:`counted`): relations are the bare origins.
STATEMENTS = "statements"
#: Counting statements, the confidence under which a rule candidate is left out: the curves' lowest
#: step, candidates of which the calibration split saw (nearly) none right. Higher floors gain more on
#: PolNeAR counted as statements but leave out war reports' statements that are right (validation:
#: statements 0.504 -> 0.509 at 0.05, 0.514 at 0.10 and 0.516 at 0.25, where war-dev falls from 0.944
#: to 0.938).
STATEMENT_FLOOR = 0.05


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
    both engines, which is what the fit needs to see); ``scorer``: the learned scorer of candidates,
    if fitted; ``record``: while fitting, where each candidate goes with its engine (and counting)
    and features (see :func:`_scored`)."""

    curves: dict[str, Curve] = field(default_factory=dict)
    threshold: float | None = 0.0
    scorer: Scorer | None = None
    record: list[tuple[Attribution, str, numpy.ndarray]] | None = field(default=None, compare=False)

    def confidence(self, origin: str, score: float, fallback: str | None = None) -> float:
        """The curve of ``origin`` at ``score``, else that of ``fallback`` (a file fitted before the
        origin had a curve of its own), else the score itself."""
        curve = self.curves.get(origin)
        if curve is None and fallback is not None:
            curve = self.curves.get(fallback)
        return curve(score) if curve is not None else score

    def to_json(self) -> dict[str, Any]:
        curves = {k: {"x": list(c.x), "y": list(c.y)} for k, c in self.curves.items()}
        data: dict[str, Any] = {"curves": curves, "threshold": self.threshold}
        if self.scorer is not None:
            data["scorer"] = self.scorer.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Calibration":
        """A file fitted before the scorer (or over other features) keeps its curves by origin."""
        curves = {k: Curve(tuple(map(float, v["x"])), tuple(map(float, v["y"])))
                  for k, v in data.get("curves", {}).items()}
        return cls(curves, float(data.get("threshold", 0.0)), Scorer.from_json(data.get("scorer")))

    @classmethod
    def load(cls, folder: Path) -> "Calibration":
        path = folder / CALIBRATION_FILE
        if not path.is_file():
            return cls()
        with path.open(encoding="utf-8") as handle:
            return cls.from_json(json.load(handle))


def learned_score(doc: Any, attribution: Attribution, layout: Layout | None = None,
                  reading: Reading | None = None) -> float | None:
    """The tagger's reading of one attribution's parts, 0 to 1; None without the tagger. ``reading``:
    its words and roles, if read already (see ``candidate_features.read``)."""
    if doc._.get(ROLES) is None:
        return None
    if reading is None:
        reading = read(doc, attribution, layout if layout is not None else Layout(doc))
    content, cue, source = reading.means
    parts = [(2.0, content), (1.0, cue), (1.0, source)]
    known = [(w, v) for w, v in parts if v is not None]
    if not known:
        return 0.0
    return sum(w * v for w, v in known) / sum(w for w, _ in known)


def learned_attributions(doc: Any, layout: Layout | None = None) -> list[Attribution]:
    """The tagger's own attributions (see ``learned_spans``); none without the tagger."""
    roles = doc._.get(ROLES)
    return decode(doc, roles, layout) if roles is not None else []


def extent(attribution: Attribution) -> tuple[int, int]:
    """The characters an attribution's content covers, its second fragment included."""
    end = max(attribution.end, attribution.tail[1]) if attribution.tail is not None else attribution.end
    return attribution.start, end


def agreement(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> str:
    """How the other engine reads this content: ``agree`` (one of its contents shares at least half
    of the two, the scorer's own bar), ``near`` (one overlaps it less) or ``alone``."""
    return _how(float(_shares([span], list(others)).max(initial=0.0)))


def _how(best: float) -> str:
    return AGREE if best >= AGREE_SHARE else NEAR if best > 0 else ALONE


def _shares(spans: Sequence[tuple[int, int]], others: Sequence[tuple[int, int]]) -> numpy.ndarray:
    """The share of each span (rows) and each of the others (columns) that both cover, 0 where they do
    not overlap: every pair at once, not a Python loop over the two engines' candidates."""
    a = numpy.asarray(spans, dtype="int64").reshape(-1, 2)
    b = numpy.asarray(others, dtype="int64").reshape(-1, 2)
    shared = numpy.minimum(a[:, 1:], b[:, 1]) - numpy.maximum(a[:, :1], b[:, 0])
    union = numpy.maximum(a[:, 1:], b[:, 1]) - numpy.minimum(a[:, :1], b[:, 0])
    return numpy.where(shared > 0, shared / numpy.maximum(union, 1), 0.0)


def origin(engine: str, how: str) -> str:
    """The calibration curve of a candidate: its engine and how the other one reads it."""
    return f"{engine}-{how}"


def counted(origin: str, counting: str) -> str:
    """The curve of an origin fitted for a counting other than relations ("statements:rules-agree")."""
    return f"{counting}:{origin}"


def _scored(doc: Any, found: list[Attribution], engine: str, shares: numpy.ndarray,
            calibration: Calibration, layout: Layout, counting: str | None = None,
            others: Sequence[Attribution] = ()) -> None:
    """Each candidate's confidence; ``shares``: its overlap (rows) with each of the other engine's
    candidates (``others``, columns, see :func:`_shares`); ``counting``: the curves fitted for it, if
    any, else the relations' ones. With a learned scorer (or a record to fit one), each candidate's
    features are read too, and the scorer's curve of its engine (and counting) turns the scorer's
    output into its confidence."""
    featured = calibration.scorer is not None or calibration.record is not None
    weighed = counted(engine, counting) if counting is not None else engine
    rivals = sentence_rivals(found, layout) if featured else [0] * len(found)
    twins = shares.argmax(axis=1).tolist() if shares.shape[1] else [0] * len(found)
    for attribution, best, near, twin in zip(found, shares.max(axis=1, initial=0.0).tolist(), rivals, twins,
                                             strict=True):
        how = origin(engine, _how(best))
        curve = counted(how, counting) if counting is not None else how
        reading = read(doc, attribution, layout)
        score = learned_score(doc, attribution, layout, reading) or 0.0
        attribution.confidence = calibration.confidence(curve, score, how)
        if not featured:
            continue
        features = candidate_features(doc, attribution, best, score, layout, near,
                                      others[twin] if best > 0 else None, reading)
        if calibration.record is not None:
            calibration.record.append((attribution, weighed, features))
        scored = calibration.scorer.score(weighed, features) if calibration.scorer is not None else None
        if scored is not None and origin(weighed, SCORED) in calibration.curves:
            attribution.confidence = calibration.confidence(origin(weighed, SCORED), scored)


def _extents(found: list[Attribution]) -> list[tuple[int, int]]:
    return [extent(a) for a in found]


def blends(doc: Any, records: Sequence[Attribution], engines: Iterable[str], calibration: Calibration, *,
           relations: bool) -> dict[str, list[Attribution]]:
    """Each engine's attributions of one Doc, counting relations or statements: the rules' as found,
    the tagger's own, and both combined.

    Without the tagger every engine is the rules'. Combined, every candidate of either engine gets
    its calibrated confidence (the curve of its engine and of how the other engine reads its
    content). Counting statements, the rules' candidates are kept as found, but for the few the
    calibration reads as never right (under ``STATEMENT_FLOOR``): the tagger learned
    PolNeAR's relations, which join quotations and read stances that a desk's statements do not;
    their confidences take the curves fitted on statements (a quotation's fragment shares less than
    half of the tagger's joined quotation, which the relations' curves read as a disagreement).
    Where the tagger agrees on a statement's content and is the surer, the statement takes its source
    (see :func:`_take_sources`). Counting relations, the surest candidates are taken first, and one
    that overlaps a candidate of the other engine already taken, or falls under the threshold, is
    left out. Only the count asked
    for is read (the profile chooses it before the pipeline runs). An engine asked for alone works
    on the Doc's own records; with others, each works on its own copies."""
    wanted = set(engines)
    if doc._.get(ROLES) is None:
        return {engine: copied(records) if len(wanted) > 1 else list(records) for engine in wanted}
    found: dict[str, list[Attribution]] = {}
    layout = Layout(doc)
    learned = learned_attributions(doc, layout)
    if RULES in wanted:
        found[RULES] = copied(records)
    if LEARNED in wanted:
        alone = copied(learned) if COMBINED in wanted else learned
        for attribution in alone:
            attribution.confidence = calibration.confidence(LEARNED, learned_score(doc, attribution, layout)
                                                            or 0.0)
        resolve_speakers(doc, alone)
        found[LEARNED] = alone
    if COMBINED in wanted:
        rules = copied(records) if RULES in wanted else list(records)
        if relations:
            found[COMBINED] = _chosen(doc, rules, learned, calibration, layout)
        else:
            shown = [(a.start, a.end) for a in rules]  # a statement is its first fragment, as shown
            shares = _shares(shown, _extents(learned))
            _scored(doc, rules, RULES, shares, calibration, layout, STATEMENTS, learned)
            fitting = calibration.threshold is None  # the fit needs to see every candidate
            if not fitting and learned and rules:
                _scored(doc, learned, LEARNED, shares.T, calibration, layout, others=rules)
                resolve_speakers(doc, learned)
                _take_sources(rules, learned, shares)
            found[COMBINED] = [a for a in rules if fitting or a.confidence >= STATEMENT_FLOOR]
    return found


def _chosen(doc: Any, rules: list[Attribution], learned: list[Attribution],
            calibration: Calibration, layout: Layout) -> list[Attribution]:
    """The combination counting relations (see :func:`blends`)."""
    shares = _shares(_extents(rules), _extents(learned))
    twins = _twins(shares)
    for column, attribution in enumerate(learned):  # the tagger tells no stance from a statement:
        if twins[column] >= 0:  # the agreeing rule's kind
            attribution.kind = rules[twins[column]].kind
    _scored(doc, rules, RULES, shares, calibration, layout, others=learned)
    _scored(doc, learned, LEARNED, shares.T, calibration, layout, others=rules)
    if calibration.threshold is None:  # fitting the calibration: every candidate, as scored
        resolve_speakers(doc, learned)
        return rules + learned
    taken: dict[str, list[tuple[int, int]]] = {RULES: [], LEARNED: []}
    chosen: list[Attribution] = []
    candidates = [(a, RULES) for a in rules] + [(a, LEARNED) for a in learned]
    for attribution, side in sorted(candidates, key=lambda c: -c[0].confidence):
        if attribution.confidence < calibration.threshold:
            break
        if _overlaps(extent(attribution), taken[LEARNED if side == RULES else RULES]):
            continue
        taken[side].append(extent(attribution))
        chosen.append(attribution)
    _inherit_links(rules, learned, twins, chosen)
    chosen += _continuations(rules, chosen, taken[LEARNED])
    resolve_speakers(doc, [a for a in chosen if "learned" in a.flags])  # the rules resolved theirs
    return sorted(chosen, key=lambda a: (a.start, a.end))


def _twins(shares: numpy.ndarray) -> list[int]:
    """For each of the tagger's candidates (columns) the rule candidate that agrees with it most
    (rows), -1 where none agrees."""
    if not shares.shape[0]:
        return [-1] * shares.shape[1]
    twins: list[int] = numpy.where(shares.max(axis=0) >= AGREE_SHARE, shares.argmax(axis=0), -1).tolist()
    return twins


def _inherit_links(rules: list[Attribution], learned: list[Attribution], twins: list[int],
                   chosen: list[Attribution]) -> None:
    """A tagger's candidate kept in the place of its agreeing rule candidate takes over what the rules
    know of that one's structure, which the tagger's words do not carry: the quotations that carry on
    it (``follows``) carry on the tagger's reading instead, so that counting relations still joins
    them."""
    kept = {id(a) for a in chosen}
    heirs = {id(rules[twin]): attribution for attribution, twin in zip(learned, twins, strict=True)
             if twin >= 0 and id(attribution) in kept and id(rules[twin]) not in kept}
    for attribution in rules:
        if attribution.follows is not None and id(attribution.follows) in heirs:
            attribution.follows = heirs[id(attribution.follows)]


def _overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _continuations(rules: list[Attribution], chosen: list[Attribution],
                   learned_taken: list[tuple[int, int]]) -> list[Attribution]:
    """The rules' quotations left out that carry on one kept (``follows``, in text order, so that a
    chain follows its head): counting relations they are one attribution with it, whatever their own
    score, unless a learned attribution took their words."""
    kept = {id(a) for a in chosen}
    added: list[Attribution] = []
    for attribution in sorted(rules, key=lambda a: (a.start, a.end)):
        follows = attribution.follows
        if id(attribution) in kept or follows is None or id(follows) not in kept:
            continue
        if not _overlaps(extent(attribution), learned_taken):
            kept.add(id(attribution))
            added.append(attribution)
    return added


def _take_sources(rules: list[Attribution], learned: list[Attribution], shares: numpy.ndarray) -> None:
    """Counting statements, a rule candidate whose content the tagger agrees on (``shares``, rows the
    rules', at least ``AGREE_SHARE``) takes the tagger's source and speaker where the tagger's reading
    is the surer: the rules find a statement's words better than the tagger (taking its boundaries
    too loses validation:statements 0.511 -> 0.494), the tagger its speaker more often (0.511 -> 0.517).
    Only a pair that agree with each other most lend and take, so that one reading of the tagger
    never goes to a second statement; the confidence stays the rule candidate's (the tagger's own
    raises the calibration error, 0.022 -> 0.034 on validation:statements)."""
    for column, row in enumerate(_twins(shares)):
        if row < 0 or int(shares[row].argmax()) != column:
            continue
        rule, tagged = rules[row], learned[column]
        if tagged.confidence <= rule.confidence:
            continue
        rule.cue, rule.source, rule.source_head = tagged.cue, tagged.source, tagged.source_head
        rule.speaker, rule.mention = tagged.speaker, tagged.mention
