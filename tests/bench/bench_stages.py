"""Where attribview's time goes next to bare spaCy's, stage by stage, in one run on the same texts.

The speed bar (``bench_analysis.py --bars``) gives one ratio; this splits it. Each pipeline (bare
``spacy.load(model)`` and attribview's) runs its components one at a time over the same texts'
``make_doc`` docs, in batches of attribview's size, and then whole through ``nlp.pipe``, and attribview's
``nlp.pipe`` runs again without its own components, so that what the loading, the tokenizer's special
cases and the attribute ruler's extra patterns cost shows apart from what the components cost. Runs are
interleaved, the best of ``--repeat`` counts, in this process's CPU time. Usage::

    .venv/bin/python tests/bench/bench_stages.py [DIR_OR_FILE ...] [--articles 48] [--joined 20000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Sequence
from math import inf
from pathlib import Path
from typing import Any

import spacy
from bench_analysis import load_corpus, resolve_model  # tests/bench/bench_analysis.py
from corpus import default_dirs  # tests/bench/corpus.py
from ratios import joined  # tests/bench/ratios.py

from attribview.core.analysis import BATCH_SIZE, Analyzer
from attribview.core.pieces import cut

#: attribview's own components: what ``nlp.pipe`` runs without, to show the rest of its cost.
OWN_PREFIX = "attribview_"


def cpu(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    action()
    return time.process_time() - start


def stage_times(nlp: Any, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each component over ``texts``, one stage after the other."""
    times: dict[str, float] = {}
    docs: list[Any] = []
    times["make_doc"] = cpu(lambda: docs.extend(nlp.make_doc(text) for text in texts))
    for name, component in nlp.pipeline:
        def run(component: Any = component) -> None:
            if hasattr(component, "pipe"):
                docs[:] = list(component.pipe(docs, batch_size=batch_size))
            else:
                docs[:] = [component(doc) for doc in docs]
        times[name] = cpu(run)
    return times


def pipe_time(nlp: Any, texts: Sequence[str], disable: Sequence[str] = ()) -> float:
    with nlp.select_pipes(disable=list(disable)):
        return cpu(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=BATCH_SIZE)))


def compare(bare: Any, nlp: Any, texts: Sequence[str], repeat: int) -> dict[str, dict[str, float]]:
    """Best CPU seconds of each stage in each pipeline, and of the whole ``nlp.pipe`` runs (rows
    ``pipe``, and ``pipe, own components off`` for attribview's)."""
    own = [name for name in nlp.pipe_names if name.startswith(OWN_PREFIX)]
    best: dict[str, dict[str, float]] = {"bare": {}, "attribview": {}}

    def keep(key: str, times: dict[str, float]) -> None:
        for stage, seconds in times.items():
            best[key][stage] = min(best[key].get(stage, inf), seconds)

    for _ in range(repeat):
        keep("bare", stage_times(bare, texts) | {"pipe": pipe_time(bare, texts)})
        keep("attribview", stage_times(nlp, texts) | {"pipe": pipe_time(nlp, texts),
                                                    "pipe, own components off": pipe_time(nlp, texts, own)})
    return best


def print_comparison(label: str, words: int, best: dict[str, dict[str, float]]) -> None:
    bare, ours = best["bare"], best["attribview"]
    print(f"{label}: {words:,} words")
    print(f"  {'stage':28}{'bare s':>9}{'attribview s':>14}")
    for stage in dict.fromkeys([*ours, *bare]):
        shown = [f"{times[stage]:.2f}" if stage in times else "-" for times in (bare, ours)]
        print(f"  {stage:28}{shown[0]:>9}{shown[1]:>14}")
    for stage in ("pipe", "pipe, own components off"):
        print(f"  bare / attribview {stage}: {bare['pipe'] / ours[stage]:.3f}x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("targets", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--articles", type=int, default=48, help="articles of the corpus (default 48)")
    parser.add_argument("--joined", type=int, default=20000, metavar="WORDS",
                        help="words of the one long file, cut in attribview's pieces (default 20000)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    articles = load_corpus(args.targets or default_dirs())[:args.articles]
    if not articles:
        print("no articles to analyse", file=sys.stderr)
        return 2
    model = resolve_model(args.model)
    nlp, bare = Analyzer(model=model).nlp, spacy.load(model)
    long_text = joined(articles, args.joined)
    sets = {f"{len(articles)} articles": [a.source.text for a in articles],
            f"one file of {len(long_text.split()):,} words, in pieces": [
                long_text[start:end] for start, end in cut(long_text)]}
    for label, texts in sets.items():
        words = sum(len(text.split()) for text in texts)
        print_comparison(label, words, compare(bare, nlp, texts, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
