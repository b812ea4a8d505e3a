"""Fit the confidence calibration on the calibration split (trained on by nobody, held aside by nobody).

Every candidate of the combined engine (all rule candidates, every learned one the rules missed) and of
the learned engine is scored by the tagger and checked against the gold with the scorer's matching; an
isotonic regression per origin maps score to the share that is right. The thresholds under which the
combination drops a rule candidate or adds a learned one are the pair with the best F1 on that split.
"""

import json
from collections.abc import Sequence
from pathlib import Path

import numpy

from attribview.atomic import write_text
from attribview.core.analysis import Analyzer
from attribview.core.profiles import NAMED_CONVENTIONS
from attribview.nlp.attribution import COMBINED, LEARNED, RULES
from attribview.nlp.blend import ADDED, CALIBRATION_FILE, Calibration, Curve
from attribview.nlp.learned import add_learned_tagger
from attribview.nlp.model import load_pipeline
from attribview.training.convert import split_ids
from attribview.training.scoring import articles, correct_quotes, load_scorer, prediction, sources

#: Every candidate, its raw learned score as its confidence: what the fit needs to see.
RAW = Calibration(curves={}, drop_below=0.0, add_above=0.0)
#: The thresholds tried for dropping and adding.
GRID = tuple(round(0.05 * i, 2) for i in range(21))


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


def best_thresholds(rules: list[tuple[float, bool]], added: list[tuple[float, bool]],
                    n_gold: int) -> tuple[float, float]:
    """The (drop_below, add_above) pair of ``GRID`` with the best F1 over the calibrated candidates."""
    best = (-1.0, 0.0, 1.01)
    for drop in GRID:
        kept = [r for c, r in rules if c >= drop]
        for add in (*GRID, 1.01):
            extra = [r for c, r in added if c >= add]
            right = sum(kept) + sum(extra)
            f1 = 2 * right / (len(kept) + len(extra) + n_gold) if n_gold else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, drop, add)
    return best[1], best[2]


def fit_calibration(shared_eval: Path, out: Path) -> Calibration:
    """Fit on the calibration split, write ``calibration.json`` into ``out`` and return it."""
    scorer = load_scorer(shared_eval)
    found = articles(shared_eval / "polnear-train", split_ids(shared_eval / "polnear-train").calibration)
    nlp = load_pipeline(learned=False)
    add_learned_tagger(nlp, out)
    analyzer = Analyzer(calibration=RAW, nlp=nlp)
    seen: dict[str, list[tuple[float, bool]]] = {RULES: [], LEARNED: [], ADDED: []}
    runs = analyzer.analyze_engines(sources(found), engines=(LEARNED, COMBINED),
                                    conventions=NAMED_CONVENTIONS["relations"])
    n_gold = 0
    for article, by_engine in zip(found, runs, strict=True):
        n_gold += len(article.gold["quotes"])
        for engine, analysis in by_engine.items():
            verdicts = correct_quotes(scorer, article.gold, prediction(analysis))
            for quote, right in zip(analysis.quotes, verdicts, strict=True):
                origin = LEARNED if engine == LEARNED else ADDED if "learned" in quote.flags else RULES
                seen[origin].append((quote.confidence, right))
    curves = {origin: isotonic([s for s, _ in pairs], [r for _, r in pairs])
              for origin, pairs in seen.items() if pairs}
    calibrated = {origin: [(curves[origin](s), r) for s, r in pairs] for origin, pairs in seen.items()
                  if pairs}
    drop, add = best_thresholds(calibrated.get(RULES, []), calibrated.get(ADDED, []), n_gold)
    calibration = Calibration(curves, drop_below=drop, add_above=add)
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / CALIBRATION_FILE, json.dumps(calibration.to_json(), indent=1) + "\n")
    counts = ", ".join(f"{origin} {len(pairs)}" for origin, pairs in seen.items())
    print(f"calibration: {len(found)} articles ({counts}); drop below {drop}, add from {add}", flush=True)
    return calibration
