"""Fit the confidence calibration on the calibration split (trained on by nobody, held aside by nobody).

Every candidate of both engines (the rules' and the tagger's, each with how the other engine reads its
content) and of the learned engine alone is scored by the tagger and checked against the gold with the
scorer's matching; an isotonic regression per origin maps score to the share that is right. The
threshold under which the combination leaves a candidate out is the one with the best F1 on that split,
choosing as the combination does (surest first, none overlapping one of the other engine taken).

A learned scorer of candidates is fitted too (``candidate_scorer``): each candidate's features are
recorded as the combination reads them, a logistic regression per engine and counting (the rules'
statements apart) weighs them, and an isotonic curve over each one's out-of-fold output gives the
confidence; counting relations, the threshold is chosen on it. The curves by origin stay (a file
without the scorer's weights of an engine falls back on them). The scorer lowers the calibration
error of statements too (validation: 0.043 to 0.032).

Counting statements, the rules' candidates are kept (all of them while fitting, then all but those under
``blend.STATEMENT_FLOOR``) and only their confidence is the tagger's: a
second set of curves (``statements:rules-agree``, ...) is fitted on the same articles counted as
statements, a fragment of a split quotation right where it matches a fragment of the gold's with the
right speaker. Jaccard agreement, as for relations, fits them better than the share of the fragment
the tagger covers, and one curve per kind of quote does not lower the calibration error on validation.
"""

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy

from attribview.atomic import write_text
from attribview.core.analysis import Analyzer
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.core.types import Quote
from attribview.nlp.attribution import COMBINED, LEARNED, RULES, Attribution
from attribview.nlp.blend import (
    CALIBRATION_FILE,
    SCORED,
    STATEMENTS,
    Calibration,
    Curve,
    agreement,
    counted,
    origin,
)
from attribview.nlp.candidate_features import Scorer
from attribview.nlp.learned import add_learned_tagger
from attribview.nlp.model import load_pipeline
from attribview.textio import SourceText
from attribview.training.candidate_scorer import Row, fit_scorer
from attribview.training.convert import split_ids
from attribview.training.scoring import articles, correct_quotes, load_scorer, prediction, sources

#: The thresholds tried.
GRID = tuple(round(0.05 * i, 2) for i in range(21))
#: How far under the best F1 on the calibration split a lower threshold may be and still be chosen: a
#: quote or two of its 80 articles.
F1_TOLERANCE = 0.002


def isotonic(scores: Sequence[float], right: Sequence[bool]) -> Curve:
    """The non-decreasing step function closest (least squares) to the verdicts: pool adjacent
    violators over the candidates sorted by score."""
    order = numpy.argsort(numpy.asarray(scores, dtype=float), kind="stable")
    blocks: list[list[float]] = []  # [first score, sum of verdicts, count]
    for i in order:
        blocks.append([float(scores[i]), float(right[i]), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    return Curve(tuple(b[0] for b in blocks), tuple(round(b[1] / b[2], 4) for b in blocks))


#: One candidate in the fit: (origin, raw score, content start, content end, right).
Candidate = tuple[str, float, int, int, bool]


#: One calibrated candidate: (confidence, content start, content end, right, engine).
Choice = tuple[float, int, int, bool, str]


def _candidates(scorer: Any, gold: dict[str, Any], quotes: list[dict[str, Any]],
                engine: str, others: list[dict[str, Any]]) -> list[Candidate]:
    """One engine's quotes as fit candidates, each checked against the gold among its own engine's."""
    verdicts = correct_quotes(scorer, gold, {"quotes": quotes})
    spans = [(o["start"], o["end"]) for o in others]
    return [(origin(engine, agreement((q["start"], q["end"]), spans)), q["confidence"], q["start"], q["end"],
             right) for q, right in zip(quotes, verdicts, strict=True)]


def statement_candidates(scorer: Any, gold: dict[str, Any], quotes: list[dict[str, Any]],
                         learned: list[tuple[int, int]]) -> list[tuple[str, float, bool]]:
    """The rules' statements of one article as (curve, raw score, right): each statement against the
    tagger's contents as the combination reads it, and against the gold as statements count it."""
    verdicts = correct_quotes(scorer, gold, {"quotes": quotes}, statements=True)
    return [(counted(origin(RULES, agreement((q["start"], q["end"]), learned)), STATEMENTS), q["confidence"],
             right) for q, right in zip(quotes, verdicts, strict=True)]


def featured(text: SourceText, record: list[tuple[Attribution, str, numpy.ndarray]],
             quotes: Sequence[Quote], counting: str | None = None) -> list[numpy.ndarray | None]:
    """The features of each quote of the combination (None for one the record lacks): the recorded
    candidate of its engine (and ``counting``, if not relations) with its span, as the counting
    joined it, in the article's text."""
    by_span: dict[tuple[int, int, str], list[numpy.ndarray]] = {}
    for attribution, engine, features in record:
        start, end = text.to_original(attribution.start, attribution.end)
        by_span.setdefault((start, end, engine), []).append(features)
    found: list[numpy.ndarray | None] = []
    for quote in quotes:
        engine = LEARNED if "learned" in quote.flags else RULES
        same = by_span.get((quote.start, quote.end, counted(engine, counting) if counting else engine))
        found.append(same.pop(0) if same else None)
    return found


def chosen_right(candidates: list[Choice], threshold: float) -> tuple[int, int]:
    """(right, taken) among (confidence, start, end, right, engine) candidates chosen as the
    combination chooses them."""
    taken: dict[str, list[tuple[int, int]]] = {RULES: [], LEARNED: []}
    right = count = 0
    for confidence, start, end, verdict, engine in sorted(candidates, key=lambda c: -c[0]):
        if confidence < threshold:
            break
        other = taken[LEARNED if engine == RULES else RULES]
        if any(start < e and s < end for s, e in other):
            continue
        taken[engine].append((start, end))
        right += verdict
        count += 1
    return right, count


def best_threshold(articles_candidates: list[list[Choice]], n_gold: int) -> float:
    """The lowest threshold of ``GRID`` whose F1 over the calibrated candidates of the articles is
    within :data:`F1_TOLERANCE` of the best.

    The split's F1 is flat over a wide range of thresholds, where its best moved between refits by a
    quote or two, while on the validation split the lower end of that range is the better one (a refit
    of the same rules: 0.30 chosen, validation 0.643 and ``polnear-dev`` 0.674; 0.25 within 0.001 of it
    on the split, 0.650 and 0.677)."""
    scores = []
    for threshold in GRID:
        right = taken = 0
        for candidates in articles_candidates:
            r, t = chosen_right(candidates, threshold)
            right, taken = right + r, taken + t
        scores.append(2 * right / (taken + n_gold) if n_gold else 0.0)
    best = max(scores)
    return next(t for t, f1 in zip(GRID, scores, strict=True) if f1 >= best - F1_TOLERANCE)


def scorer_curves(rows: Sequence[Row]) -> tuple[Scorer, dict[str, Curve], list[float]]:
    """The candidate scorer fitted on ``rows``, the isotonic curve of each of its engines (and
    countings) over its out-of-fold output, and each row's confidence by them."""
    candidate_scorer, predicted = fit_scorer(rows)
    curves: dict[str, Curve] = {}
    for engine in sorted({row[1] for row in rows}):
        mine = [i for i, row in enumerate(rows) if row[1] == engine]
        curves[origin(engine, SCORED)] = isotonic([predicted[i] for i in mine], [rows[i][3] for i in mine])
    return candidate_scorer, curves, [curves[origin(row[1], SCORED)](p) for row, p in zip(rows, predicted,
                                                                                          strict=True)]


def fit_calibration(shared_eval: Path, out: Path) -> Calibration:
    """Fit on the calibration split, write ``calibration.json`` into ``out`` and return it."""
    scorer = load_scorer(shared_eval)
    found = articles(shared_eval / "polnear-train", split_ids(shared_eval / "polnear-train").calibration)
    texts = list(sources(found))
    nlp = load_pipeline(learned=False)
    add_learned_tagger(nlp, out)
    record: list[tuple[Attribution, str, numpy.ndarray]] = []
    # every candidate of both engines, its raw learned score as its confidence: what the fit needs to see
    analyzer = Analyzer(calibration=Calibration(curves={}, threshold=None, record=record), nlp=nlp)
    per_article: list[list[Candidate]] = []
    alone: list[tuple[float, bool]] = []
    runs = analyzer.analyze_engines(texts, engines=(LEARNED, COMBINED),
                                    conventions=NAMED_CONVENTIONS["relations"])
    n_gold = 0
    learned_spans: list[list[tuple[int, int]]] = []  # the tagger's contents, split quotations joined
    rows: list[Row] = []
    places: list[list[tuple[int, int, int, str]]] = []  # each article's (row, start, end, engine)
    for number, (article, text, by_engine) in enumerate(zip(found, texts, runs, strict=True)):
        n_gold += len(article.gold["quotes"])
        learned = prediction(by_engine[LEARNED])["quotes"]
        learned_spans.append([(q["start"], q["end"]) for q in learned])
        alone += [(q["confidence"], r) for q, r in zip(
            learned, correct_quotes(scorer, article.gold, {"quotes": learned}), strict=True)]
        both = prediction(by_engine[COMBINED])["quotes"]
        flags = [quote.flags for quote in by_engine[COMBINED].quotes]
        rules = [q for q, f in zip(both, flags, strict=True) if "learned" not in f]
        tagged = [q for q, f in zip(both, flags, strict=True) if "learned" in f]
        per_article.append(_candidates(scorer, article.gold, rules, RULES, tagged)
                           + _candidates(scorer, article.gold, tagged, LEARNED, rules))
        places.append([])
        quotes = [q for f in (False, True) for q in by_engine[COMBINED].quotes if ("learned" in q.flags) == f]
        for candidate, features, quote in zip(per_article[-1], featured(text, record, quotes), quotes,
                                               strict=True):
            if features is not None:
                engine = LEARNED if "learned" in quote.flags else RULES
                places[-1].append((len(rows), quote.start, quote.end, engine))
                rows.append((number, engine, features, candidate[4]))
        record.clear()
    seen: dict[str, list[tuple[float, bool]]] = {LEARNED: alone}
    for candidate in (c for candidates in per_article for c in candidates):
        seen.setdefault(candidate[0], []).append((candidate[1], candidate[4]))
    statements = analyzer.analyze_engines(texts, engines=(COMBINED,),
                                          conventions=NAMED_CONVENTIONS[STATEMENTS])
    for number, (article, text, spans, by_engine) in enumerate(zip(found, texts, learned_spans, statements,
                                                                  strict=True)):
        rules = prediction(by_engine[COMBINED])["quotes"]
        vectors = featured(text, record, by_engine[COMBINED].quotes, STATEMENTS)
        for (name, score, right), features in zip(statement_candidates(scorer, article.gold, rules, spans),
                                                  vectors, strict=True):
            seen.setdefault(name, []).append((score, right))
            if features is not None:
                rows.append((number, counted(RULES, STATEMENTS), features, right))
        record.clear()
    curves = {name: isotonic([s for s, _ in pairs], [r for _, r in pairs]) for name, pairs in seen.items()}
    candidate_scorer, scored, confidences = scorer_curves(rows)
    curves.update(scored)
    calibrated = [[(confidences[i], start, end, rows[i][3], engine) for i, start, end, engine in chosen]
                  for chosen in places]
    threshold = best_threshold(calibrated, n_gold)
    calibration = Calibration(curves, threshold=threshold, scorer=candidate_scorer)
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / CALIBRATION_FILE, json.dumps(calibration.to_json(), indent=1) + "\n")
    counts = ", ".join(f"{name} {len(pairs)}" for name, pairs in sorted(seen.items()))
    print(f"calibration: {len(found)} articles ({counts}); scorer over {len(rows)} candidates; "
          f"threshold {threshold}", flush=True)
    return calibration
