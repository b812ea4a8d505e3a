"""Rules and the learned tagger together: the tagger scores the rules' candidates and adds what it is sure of.

The learned score of an attribution is how strongly the tagger reads its parts in their roles: the mean
P(content) over its content words (weight 2), P(cue) over its cue and P(source) over its source. A
calibration fitted on held-out training articles (isotonic, one curve per origin) turns that score into
the attribution's confidence: the share of attributions with that score that the scorer counts right.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy

from attribview.nlp.attribution import LEARNED, RULES, Attribution
from attribview.nlp.learned import ROLES
from attribview.nlp.learned_features import word_indices
from attribview.nlp.learned_spans import CONTENT, CUE, SOURCE, decode
from attribview.nlp.speakers import resolve_speakers

CALIBRATION_FILE = "calibration.json"
#: The origin of a learned attribution added to the rules' (its own calibration curve).
ADDED = "added"


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
    """Curves by origin (rules, learned) and the confidences under which the combination drops a rule
    candidate or adds a learned one."""

    curves: dict[str, Curve] = field(default_factory=dict)
    drop_below: float = 0.0
    add_above: float = 1.01

    def confidence(self, origin: str, score: float) -> float:
        curve = self.curves.get(origin)
        return curve(score) if curve is not None else score

    def to_json(self) -> dict[str, Any]:
        return {"curves": {k: {"x": list(c.x), "y": list(c.y)} for k, c in self.curves.items()},
                "drop_below": self.drop_below, "add_above": self.add_above}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Calibration":
        curves = {k: Curve(tuple(map(float, v["x"])), tuple(map(float, v["y"])))
                  for k, v in data.get("curves", {}).items()}
        return cls(curves, float(data.get("drop_below", 0.0)), float(data.get("add_above", 1.01)))

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


def _overlaps(a: Attribution, others: Iterable[Attribution]) -> bool:
    return any(a.start < o.end and o.start < a.end for o in others)


def blend(doc: Any, rules: list[Attribution], engine: str, calibration: Calibration) -> list[Attribution]:
    """The attributions of one engine: the rules' as found, the tagger's own, or both combined (rule
    candidates rescored and the ones the tagger rejects dropped; confident learned ones the rules
    missed added). Without the tagger every engine is the rules'."""
    if doc._.get(ROLES) is None or engine == RULES:
        return rules
    learned = learned_attributions(doc)
    if engine == LEARNED:
        for attribution in learned:
            attribution.confidence = calibration.confidence(LEARNED, learned_score(doc, attribution) or 0.0)
        resolve_speakers(doc, learned)
        return learned
    kept: list[Attribution] = []
    for attribution in rules:
        attribution.confidence = calibration.confidence(RULES, learned_score(doc, attribution) or 0.0)
        if attribution.confidence >= calibration.drop_below:
            kept.append(attribution)
    added = [a for a in learned if not _overlaps(a, rules)]
    for attribution in added:
        attribution.confidence = calibration.confidence(ADDED, learned_score(doc, attribution) or 0.0)
    added = [a for a in added if a.confidence >= calibration.add_above]
    resolve_speakers(doc, added)  # as the rules resolve theirs, for the few that are kept only
    return kept + added
