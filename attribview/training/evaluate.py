"""The accuracy table: rules-only, learned-only and combined, on the held-aside PolNeAR articles,
PolNeAR dev and the war reports, from one pipeline run per article.

    python -m attribview.training.evaluate SHARED_EVAL_DIR [--corpora held-aside,polnear-dev,war-dev]
        [--weights DIR]

PolNeAR is counted in relations (stances, split quotations joined), the war reports in their profile's
own conventions (statements). A PolNeAR corpus named with ``:statements`` (``validation:statements``)
is counted as statements instead: its F1 is still the scorer's, against the joined gold, but its
calibration error takes a fragment of a split quotation as right (see ``scoring.statement_gold``).
Held-aside articles are for reporting only: choose on ``validation`` (the training's own dev split, see
``convert.split_ids``) and ``polnear-dev``. ``--weights`` scores a tagger and calibration that are not
shipped (a training's ``--out``).
"""

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from attribview.core.analysis import Analyzer
from attribview.core.profiles import NAMED_CONVENTIONS, Conventions
from attribview.nlp.attribution import ENGINES
from attribview.training.convert import HELD_ASIDE, split_ids
from attribview.training.scoring import (
    Article,
    articles,
    correct_quotes,
    expected_calibration_error,
    load_scorer,
    prediction,
    sources,
)

DEFAULT_CORPORA = ("held-aside", "polnear-dev", "war-dev", "gold")
#: The suffix of a corpus counted as statements.
STATEMENTS = ":statements"


@dataclass(frozen=True)
class Corpus:
    name: str
    articles: list[Article]
    conventions: Conventions | None
    statements: bool = False


def corpus(shared: Path, name: str) -> Corpus:
    """A named corpus of the evaluation folder; ``held-aside`` and ``calibration`` are parts of
    ``polnear-train``; ``NAME:statements`` is a PolNeAR corpus counted as statements."""
    if name.endswith(STATEMENTS):
        found = corpus(shared, name.removesuffix(STATEMENTS))
        return Corpus(name, found.articles, NAMED_CONVENTIONS["statements"], statements=True)
    train = shared / "polnear-train"
    if name == "held-aside":
        ids = (train / HELD_ASIDE).read_text(encoding="utf-8").split()
        return Corpus(name, articles(train, ids), NAMED_CONVENTIONS["relations"])
    if name in {"calibration", "validation"}:
        split = split_ids(train)
        ids = split.calibration if name == "calibration" else split.dev
        return Corpus(name, articles(train, ids), NAMED_CONVENTIONS["relations"])
    relations = name.startswith("polnear")
    return Corpus(name, articles(shared / name), NAMED_CONVENTIONS["relations"] if relations else None)


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


@dataclass
class Tally:
    """Sums of the scorer's per-article counts, and each predicted quote's confidence and verdict."""

    counts: dict[str, int]
    confidences: list[float]
    right: list[bool]

    def attribution_f1(self) -> float:
        c = self.counts
        return _f1(c["a_tp"], c["q_tp"] + c["q_fp"] - c["a_tp"], c["n_gold_quotes"] - c["a_tp"])

    def sentence_f1(self) -> float | None:
        c = self.counts
        return _f1(c["s_tp"], c["s_fp"], c["s_fn"]) if c["s_n"] else None

    def ece(self) -> float:
        return expected_calibration_error(self.confidences, self.right)


def score_corpus(analyzer: Analyzer, scorer: ModuleType, found: Corpus) -> dict[str, Tally]:
    """Each engine's tally over one corpus."""
    tallies = {engine: Tally({}, [], []) for engine in ENGINES}
    runs = analyzer.analyze_engines(sources(found.articles), conventions=found.conventions)
    for article, by_engine in zip(found.articles, runs, strict=True):
        for engine, analysis in by_engine.items():
            pred = prediction(analysis)
            tally = tallies[engine]
            for key, value in scorer.score_article(article.gold, pred).items():
                tally.counts[key] = tally.counts.get(key, 0) + value
            tally.confidences.extend(q["confidence"] for q in pred["quotes"])
            tally.right.extend(correct_quotes(scorer, article.gold, pred, statements=found.statements))
    return tallies


def table(results: dict[str, dict[str, Tally]]) -> str:
    """The markdown table: one row per engine, quote+speaker F1 per corpus (sentence groups too where
    the gold has sentences), and the expected calibration error of each corpus."""
    names = list(results)
    header = ["engine"]
    for name in names:
        header.append(f"{name} quote+speaker")
        if results[name][ENGINES[0]].sentence_f1() is not None:
            header.append(f"{name} sentence groups")
    header += [f"ECE ({name})" for name in names]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for engine in ENGINES:
        cells = [engine]
        for name in names:
            tally = results[name][engine]
            cells.append(f"{tally.attribution_f1():.3f}")
            sentence = tally.sentence_f1()
            if sentence is not None:
                cells.append(f"{sentence:.3f}")
        cells += [f"{results[name][engine].ece():.3f}" for name in names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _analyzer(weights: Path | None) -> Analyzer:
    if weights is None:
        return Analyzer()
    from attribview.nlp.blend import Calibration  # noqa: PLC0415 - imports spaCy
    from attribview.nlp.learned import add_learned_tagger  # noqa: PLC0415
    from attribview.nlp.model import load_pipeline  # noqa: PLC0415

    nlp = load_pipeline(learned=False)
    add_learned_tagger(nlp, weights)
    return Analyzer(nlp=nlp, calibration=Calibration.load(weights))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m attribview.training.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared_eval", type=Path)
    parser.add_argument("--corpora", default=",".join(DEFAULT_CORPORA),
                        help="comma-separated: held-aside, validation, calibration, polnear-dev, "
                             "war-dev, gold; a PolNeAR one with :statements counted as statements")
    parser.add_argument("--weights", type=Path, help="a tagger's folder (default: the shipped one)")
    args = parser.parse_args(argv)
    if not (args.shared_eval / "score.py").is_file():
        print(f"attribview: error: {args.shared_eval} has no score.py", file=sys.stderr)
        return 2
    started = time.monotonic()
    scorer = load_scorer(args.shared_eval)
    analyzer = _analyzer(args.weights)
    results: dict[str, Any] = {}
    for name in args.corpora.split(","):
        results[name] = score_corpus(analyzer, scorer, corpus(args.shared_eval, name))
    print(table(results))
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
