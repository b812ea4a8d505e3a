"""What the combination knows of one candidate beyond its learned score, as numbers, and the learned
scorer that weighs them.

One learned score (the tagger's mean role probabilities) cannot tell a rule candidate the tagger
misses but that is right (a split quotation's continuation, a quotation ending in "?", a quoted
statement with a plain speech verb) from the rules' junk: the tagger misses both alike. Its parts
apart (content, cue, source), how much the other engine shares, and what the rules know of the
candidate's shape (quoted, a continuation, a stance, its cue a main speech verb, its source a
pronoun) do tell them apart; a logistic regression per engine, fitted on the calibration split
(``training.candidate_scorer``), weighs them, and an isotonic curve over its output keeps the
confidence calibrated.

Two features go beyond one fact each. ``score_share``, the learned score times the share: a regression
adds the two, so without their product a candidate the tagger scores high but reads apart from the
other engine weighs as much as one both engines read alike. ``say_cue``, the cue "say" itself: the
plainest reporting verb is a surer cue than the rest of the speech verbs, which include "claim" or
"call" (validation 0.643 -> 0.649, polnear-dev 0.669 -> 0.674 with both).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy

from attribview.nlp.attribution import STANCE, Attribution
from attribview.nlp.learned import ROLES
from attribview.nlp.learned_spans import CONTENT, CUE, SOURCE, Layout
from attribview.nlp.lexicon import SPEAKER_PRONOUNS, SPEECH_VERBS

#: The features, in the order of a candidate's vector (and of the scorer's weights).
FEATURES = (
    "share", "agree", "near", "learned_score", "content_p", "cue_p", "source_p", "has_cue", "has_source",
    "stance", "direct", "mixed", "quoted", "asks", "pronoun_source", "follows", "tail", "log_words",
    "speech_verb", "rivals", "same_source", "speaker_known", "score_share", "say_cue",
)
#: The share of two contents that both must cover to agree (the scorer's own bar).
AGREE_SHARE = 0.5
#: Quotation marks that open or close a quoted content.
QUOTE_MARKS = "\"“”„«»‘’'"
#: The marks after which a quoted content asks or exclaims.
ASKING = "?!"
#: The lemma of the plainest reporting cue.
SAY = "say"
#: No words: a part the candidate lacks.
_NONE = numpy.zeros(0, dtype="int64")


@dataclass(frozen=True)
class Reading:
    """The words of one candidate's parts and the tagger's mean roles over them, read once per
    candidate: its learned score and its features both need them (reading them twice took a fifth
    of the blend)."""

    #: The words of the content's first fragment and of its cue.
    content: numpy.ndarray
    cue: numpy.ndarray
    #: The mean P(content) over the content's words (its second fragment included), P(cue) over the
    #: cue's and P(source) over the source's; None for a part missing or of no word, or without the tagger.
    means: tuple[float | None, float | None, float | None]


def read(doc: Any, attribution: Attribution, layout: Layout) -> Reading:
    """One candidate's :class:`Reading`."""
    first = layout.words(attribution.start, attribution.end)
    cue = layout.words(*attribution.cue) if attribution.cue is not None else _NONE
    roles = doc._.get(ROLES)
    if roles is None:
        return Reading(first, cue, (None, None, None))
    content = first
    if attribution.tail is not None:
        content = numpy.concatenate((content, layout.words(*attribution.tail)))
    source = layout.words(*attribution.source) if attribution.source is not None else _NONE
    return Reading(first, cue, (_mean(roles, content, CONTENT), _mean(roles, cue, CUE),
                                _mean(roles, source, SOURCE)))


def _mean(roles: Any, tokens: numpy.ndarray, column: int) -> float | None:
    """What ``roles[tokens, column].mean()`` gives (the sum in the roles' type, divided in float64,
    back to that type) without numpy's generic ``mean``, which costs twice the sum on these few words."""
    if not len(tokens):
        return None
    total = roles[tokens, column].sum()
    return float(total.dtype.type(float(total) / len(tokens)))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the content opens or closes at a quotation mark (the mark in it or just outside)."""
    before = text[max(start - 1, 0):start + 1]
    after = text[max(end - 1, 0):end + 1]
    return any(mark in before or mark in after for mark in QUOTE_MARKS)


def _asks(text: str) -> bool:
    """Whether the content ends in a question or exclamation mark (quotation marks aside)."""
    stripped = text.rstrip().rstrip(QUOTE_MARKS).rstrip()
    return stripped[-1:] in ASKING if stripped else False


def candidate_features(doc: Any, attribution: Attribution, share: float, score: float, layout: Layout,
                       rivals: int, twin: Attribution | None = None,
                       reading: Reading | None = None) -> numpy.ndarray:
    """One candidate's vector (see ``FEATURES``): ``share`` is the most of its content one of the other
    engine's candidates shares (see ``blend._shares``), ``twin`` that candidate, ``score`` its learned
    score, ``rivals`` the other candidates of its own engine in its sentence; ``reading`` its words
    and roles, if read already."""
    reading = reading if reading is not None else read(doc, attribution, layout)
    content_p, cue_p, source_p = reading.means
    text = layout.text
    content = text[attribution.start:attribution.end]
    lemmas = {doc[int(i)].lemma_.lower() for i in reading.cue}
    source = text[attribution.source[0]:attribution.source[1]] if attribution.source is not None else ""
    words = len(reading.content)
    values = (
        share, share >= AGREE_SHARE, 0.0 < share < AGREE_SHARE, score,
        content_p or 0.0, cue_p or 0.0, source_p or 0.0, attribution.cue is not None,
        attribution.source is not None, attribution.kind == STANCE, attribution.kind == "direct",
        attribution.kind == "mixed", _quoted(text, attribution.start, attribution.end), _asks(content),
        source.strip().lower() in SPEAKER_PRONOUNS, attribution.follows is not None,
        attribution.tail is not None, math.log1p(words), not lemmas.isdisjoint(SPEECH_VERBS),
        math.log1p(rivals), _same_source(attribution, twin), attribution.speaker is not None, score * share,
        SAY in lemmas,
    )
    return numpy.asarray(values, dtype="float64")


def _same_source(attribution: Attribution, twin: Attribution | None) -> bool:
    """Whether the other engine's reading of the content names its source in the same words."""
    if twin is None or attribution.source is None or twin.source is None:
        return False
    return attribution.source[0] < twin.source[1] and twin.source[0] < attribution.source[1]


def sentence_rivals(found: Sequence[Attribution], layout: Layout) -> list[int]:
    """For each candidate, how many others of the same engine start in its sentence."""
    sentences = [layout.sent_start(layout.token_at(a.start)) for a in found]
    counts: dict[int, int] = {}
    for sentence in sentences:
        counts[sentence] = counts.get(sentence, 0) + 1
    return [counts[sentence] - 1 for sentence in sentences]


@dataclass(frozen=True)
class Scorer:
    """A logistic regression per engine over ``FEATURES``: ``weights[engine]`` is the bias then one
    weight per feature, applied to the raw features (the fit's standardisation is folded in)."""

    weights: dict[str, tuple[float, ...]]

    def score(self, engine: str, features: numpy.ndarray) -> float | None:
        """P(right) of a candidate of ``engine``; None without weights for it (or of another length:
        a file fitted over other features)."""
        weights = self.weights.get(engine)
        if weights is None or len(weights) != len(features) + 1:
            return None
        z = weights[0] + float(numpy.dot(weights[1:], features))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "weights": {k: list(v) for k, v in self.weights.items()}}

    @classmethod
    def from_json(cls, data: Any) -> "Scorer | None":
        """The scorer of a file, None when it has none or one over other features."""
        if not isinstance(data, dict) or data.get("features") != list(FEATURES):
            return None
        return cls({str(k): tuple(map(float, v)) for k, v in data.get("weights", {}).items()})
