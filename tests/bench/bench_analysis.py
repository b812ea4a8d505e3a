"""Throughput of attribview's analysis against spaCy's bare pipeline, in one run on the same texts.

Measured, in words per second (words = whitespace-separated tokens of the analysed text):

  (a)  ``spacy.load(model).pipe(texts)``: the same spaCy model without attribview's components;
  (a') the same at spaCy's default batch size (256), to document attribview's choice of batch size;
  (b)  ``Analyzer().nlp.pipe(texts)``: the model plus attribview's components, docs only;
  (c)  ``Analyzer().analyze_many(sources)``: components, profile choice and result objects, which is
       what ``attribview analyze`` costs once the model is loaded.

Each pipeline is warmed up on a couple of texts first; model load time is reported apart. Runs are
interleaved (a, a', b, c, a, a', b, c, ...) so that machine noise hits every pipeline alike, and the
best of ``--repeat`` runs is reported. If a pipeline crashes, the benchmark prints the traceback and the
article that fails alone (if one does), marks the pipeline FAILED, measures the others and exits with 1;
with ``--skip-failing`` each article is first analysed alone (with a time limit, to
catch hangs too) and those that fail are reported and left out of every measurement.

``--growth`` measures instead how the cost grows with the text: invented articles of 1k, 10k and 100k
words and floods of quotation marks in one sentence, each analysed whole by the bare pipeline and by
``Analyzer.analyze``, interleaved; the ratio of the two must stay flat (and under 2) as texts grow.
``--peak-mb N`` analyses one invented article of N MB and reports the process's peak memory. ``--bars``
prints the speed ratios and the peak memory of the bars in one run (``ratios.py``). Usage::

    .venv/bin/python tests/bench/bench_analysis.py [DIR_OR_FILE ...] [--batch-size N] [--n-process N]
    .venv/bin/python tests/bench/bench_analysis.py --growth [--growth-sizes 1000,10000] [--flood-marks N]
    .venv/bin/python tests/bench/bench_analysis.py --peak-mb 5
    .venv/bin/python tests/bench/bench_analysis.py --bars [--articles 100] [--bar-sizes 5000,20000]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import ratios  # tests/bench/ratios.py
import spacy
from corpus import (  # tests/bench/corpus.py
    Article,
    article_paths,
    default_dirs,
    invented_article,
    quotation_floods,
    timed,
)

from attribview.core.analysis import AUTO, BATCH_SIZE, Analyzer
from attribview.errors import InputError
from attribview.nlp.model import model_candidates
from attribview.textio import SourceText, prepare_text, read_article

SPACY_DEFAULT_BATCH_SIZE = 256
WARMUP_TEXTS = 2

#: A timed workload: (sources, batch size, number of processes) -> number of items consumed.
Runner = Callable[[Sequence[SourceText], int, int], int]


@dataclass
class Case:
    key: str
    label: str
    batch_size: int
    run: Runner
    times: list[float] = field(default_factory=list)
    #: Set when the pipeline crashed: it is not run again and has no timings.
    error: str | None = None

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def worst(self) -> float:
        return max(self.times)


# ---------------------------------------------------------------------------------------------- corpus


def load_corpus(targets: Sequence[Path]) -> list[Article]:
    articles: list[Article] = []
    for path in article_paths(targets):
        try:
            source = read_article(path)
        except InputError as error:
            print(f"skipped: {error}", file=sys.stderr)
            continue
        articles.append(Article(path, source, len(source.text.split())))
    return articles


class ScreenTimeout(Exception):
    """An article took longer than the screening time limit (the engine may loop forever)."""


def _on_alarm(_signum: int, _frame: object) -> None:
    raise ScreenTimeout("time limit reached")


def screen(analyzer: Analyzer, articles: Sequence[Article], profile: str,
           timeout: int) -> tuple[list[Article], list[dict[str, str]]]:
    """Analyse each article alone; keep those that work, report the others with their traceback."""
    kept: list[Article] = []
    failed: list[dict[str, str]] = []
    use_alarm = timeout > 0 and hasattr(signal, "SIGALRM")
    previous = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
    try:
        for article in articles:
            if use_alarm:
                signal.alarm(timeout)
            try:
                for _analysis in analyzer.analyze_many([article.source], profile=profile):
                    pass
            except Exception as error:
                print(f"engine failure on {article.path} (left out):", file=sys.stderr)
                traceback.print_exc()
                failed.append({"path": str(article.path), "error": f"{type(error).__name__}: {error}"})
            else:
                kept.append(article)
            finally:
                if use_alarm:
                    signal.alarm(0)
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)
    return kept, failed


# ----------------------------------------------------------------------------------------- pipelines


def resolve_model(name: str | None) -> str:
    """The model attribview would load (same rule as ``attribview.nlp.model.load_pipeline``)."""
    for candidate in model_candidates(name):
        if spacy.util.is_package(candidate) or os.path.isdir(candidate):
            return candidate
    raise SystemExit(f"no spaCy model installed (tried {', '.join(model_candidates(name))})")


def pipe_docs(nlp: Any) -> Runner:
    """Run ``nlp.pipe`` over the texts and consume the docs."""

    def run(sources: Sequence[SourceText], batch_size: int, n_process: int) -> int:
        count = 0
        for _doc in nlp.pipe((s.text for s in sources), batch_size=batch_size, n_process=n_process):
            count += 1
        return count

    return run


def analyze_all(analyzer: Analyzer, profile: str) -> Runner:
    """Run ``Analyzer.analyze_many`` over the sources and consume the analyses."""

    def run(sources: Sequence[SourceText], batch_size: int, n_process: int) -> int:
        count = 0
        for _analysis in analyzer.analyze_many(sources, profile=profile, batch_size=batch_size,
                                               n_process=n_process):
            count += 1
        return count

    return run


def run_case(case: Case, articles: Sequence[Article], n_process: int) -> float | None:
    """One timed run of `case` over `articles`, or None if it crashed.

    A crash is reported on stderr with its traceback and the article that fails alone, if one does, and is
    recorded in ``case.error`` so that the other pipelines can still be measured.
    """
    sources = [a.source for a in articles]
    gc.collect()
    failure: Exception | None = None
    try:
        start = time.perf_counter()
        count = case.run(sources, case.batch_size, n_process)
        elapsed = time.perf_counter() - start
    except Exception as error:
        failure = error
    if failure is not None:  # outside the handler, so that the tracebacks below are not chained to it
        print(f"\n{case.key} {case.label} crashed; looking for the article that fails...", file=sys.stderr)
        locate_failure(case, articles)
        print(f"{case.key} traceback of the failing run:", file=sys.stderr)
        traceback.print_exception(failure)
        lines = [line for line in str(failure).splitlines() if line.strip()] or [""]
        case.error = f"{type(failure).__name__}: {lines[-1]}"
        return None
    if count != len(sources):
        raise RuntimeError(f"{case.key}: {count} results for {len(sources)} texts")
    return elapsed


def locate_failure(case: Case, articles: Sequence[Article]) -> None:
    """Re-run `case` one article at a time, in-process, and print the first failure's traceback."""
    for article in articles:
        try:
            case.run([article.source], 1, 1)
        except Exception:
            print(f"{case.key} fails on {article.path}:", file=sys.stderr)
            traceback.print_exc()
            return
    print("no single article fails on its own (the failure needs batching or several processes)",
          file=sys.stderr)


# -------------------------------------------------------------------------------------------- report


def results(cases: Sequence[Case], articles: Sequence[Article], setup: dict[str, Any]) -> dict[str, Any]:
    words = sum(a.words for a in articles)
    base = cases[0].best if cases[0].error is None else None
    rows: list[dict[str, Any]] = []
    for case in cases:
        row: dict[str, Any] = {"key": case.key, "pipeline": case.label, "batch_size": case.batch_size,
                               "error": case.error, "runs_s": case.times}
        if case.error is None:
            row |= {"best_s": case.best, "worst_s": case.worst, "words_per_s": words / case.best}
            if base is not None:
                row |= {"overhead_vs_a_pct": (case.best / base - 1) * 100, "ratio_vs_a": case.best / base}
        rows.append(row)
    return {**setup, "articles": len(articles), "words": words, "results": rows}


def print_table(report: dict[str, Any]) -> None:
    load = report["load_s"]
    print(f"model {report['model']} {report['model_version']}  spaCy {report['spacy']}  "
          f"Python {report['python']}  {report['cpus']} CPUs")
    print(f"corpus: {report['articles']} articles, {report['words']:,} words")
    for folder, (count, words) in report["corpus"].items():
        print(f"  {count:4d} articles {words:8,d} words  {folder}")
    for failure in report["left_out"]:
        print(f"  left out (engine failure): {failure['path']}: {failure['error']}")
    print(f"model load: bare {load['bare']:.2f} s, with attribview components {load['attribview']:.2f} s "
          f"(+ profiles {load['profiles']:.2f} s)  [not in the timings below]")
    print(f"n_process {report['n_process']}, best of {report['repeat']} interleaved runs, "
          f"profile {report['profile']!r}")
    print()
    header = f"{'':5}{'pipeline':37}{'batch':>6}{'best s':>9}{'spread':>8}{'words/s':>10}"
    print(f"{header}{'vs (a)':>10}{'ratio':>8}")
    for row in report["results"]:
        if row["error"] is not None:
            print(f"{row['key']:5}{row['pipeline']:37}{row['batch_size']:6d}   FAILED: {row['error']}")
            continue
        if "ratio_vs_a" not in row:
            print(f"{row['key']:5}{row['pipeline']:37}{row['batch_size']:6d}{row['best_s']:9.2f}"
                  f"{row['words_per_s']:18,.0f}")
            continue
        spread = (row["worst_s"] / row["best_s"] - 1) * 100
        overhead = "-" if row["key"] == "(a)" else f"{row['overhead_vs_a_pct']:+.1f}%"
        print(f"{row['key']:5}{row['pipeline']:37}{row['batch_size']:6d}{row['best_s']:9.2f}"
              f"{spread:7.1f}%{row['words_per_s']:10,.0f}{overhead:>10}{row['ratio_vs_a']:7.2f}x")
    print()
    print("vs (a): extra time against the bare pipeline at the same batch size; ratio = time / time of (a);")
    print("spread: slowest run against the best one (noise).")


# ------------------------------------------------------------------------------ growth and peak memory


def growth(analyzer: Analyzer, bare: Any, sizes: Sequence[int], marks: int,
           repeat: int) -> list[dict[str, Any]]:
    """Bare spaCy and the full analysis on each text whole, best of ``repeat`` interleaved runs."""
    texts = {f"{size:,} words": invented_article(size) for size in sizes} | quotation_floods(marks)
    rows: list[dict[str, Any]] = []
    for label, text in texts.items():
        source = prepare_text(text)
        bare_s = full_s = float("inf")
        for _ in range(repeat):
            # spaCy's tokenizer caches what it has split: a repeated flood would be split only once
            bare.tokenizer._flush_cache()
            bare_s = min(bare_s, timed(lambda text=text: bare(text)))
            analyzer.nlp.tokenizer.tokenizer._flush_cache()
            full_s = min(full_s, timed(lambda source=source: analyzer.analyze(source)))
        words = len(text.split())
        rows.append({"text": label, "chars": len(text), "words": words, "bare_s": bare_s,
                     "attribview_s": full_s, "bare_words_per_s": words / bare_s,
                     "attribview_words_per_s": words / full_s, "ratio": full_s / bare_s})
        print(f"{label}: bare {bare_s:.2f} s, attribview {full_s:.2f} s", file=sys.stderr)
    return rows


def print_growth(rows: Sequence[dict[str, Any]]) -> None:
    print(f"{'text':34}{'chars':>11}{'words':>9}{'bare s':>9}{'attribview s':>14}{'bare w/s':>10}"
          f"{'attribview w/s':>16}{'ratio':>8}")
    for row in rows:
        print(f"{row['text']:34}{row['chars']:11,d}{row['words']:9,d}{row['bare_s']:9.2f}"
              f"{row['attribview_s']:14.2f}{row['bare_words_per_s']:10,.0f}"
              f"{row['attribview_words_per_s']:16,.0f}{row['ratio']:7.2f}x")
    print("\nratio = attribview's time / bare spaCy's, on the same text; flat as the texts grow = linear.")


def peak_memory(analyzer: Analyzer, megabytes: float) -> dict[str, Any]:
    """Analyse one invented article of ``megabytes`` MB; peak resident memory before and after."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    text = invented_article(int(megabytes * 1024 * 1024 / 6.4))
    source = prepare_text(text)
    seconds = timed(lambda: analyzer.analyze(source))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": len(text), "mb": len(text.encode()) / 1024 / 1024, "words": len(text.split()),
            "seconds": seconds, "peak_mb_model_loaded": before, "peak_mb_after": after}


# ---------------------------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("targets", nargs="*", type=Path, metavar="DIR",
                        help="folders of *.txt articles, or article files (default: the samples and the "
                             "shared evaluation sets that exist: $ATTRIBVIEW_SHARED_EVAL, else shared/eval "
                             "beside the checkout or one of its parents)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help=f"nlp.pipe batch size (default {BATCH_SIZE}, attribview's)")
    parser.add_argument("--n-process", type=int, default=1, help="nlp.pipe processes (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each pipeline; the best counts")
    parser.add_argument("--profile", default=AUTO, help="profile for analyze_many (default: auto)")
    parser.add_argument("--model", default=None, help="spaCy model (default: the one attribview loads)")
    parser.add_argument("--skip-failing", action="store_true",
                        help="analyse each article alone first and leave out those the engine fails on")
    parser.add_argument("--screen-timeout", type=int, default=120, metavar="SECONDS",
                        help="with --skip-failing: time limit per article, 0 for none (default 120)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--growth", action="store_true",
                        help="measure growth on invented texts and quotation-mark floods instead")
    parser.add_argument("--growth-sizes", default="1000,10000,100000", metavar="WORDS,...",
                        help="with --growth: sizes of the invented articles (default 1000,10000,100000)")
    parser.add_argument("--flood-marks", type=int, default=14000, metavar="N",
                        help="with --growth: quotation marks in each flood (default 14000)")
    parser.add_argument("--bars", action="store_true",
                        help="the speed and memory bars in one run (see tests/bench/ratios.py)")
    parser.add_argument("--articles", type=int, default=100, metavar="N",
                        help="with --bars: articles of the corpus to measure on (default 100)")
    parser.add_argument("--bar-sizes", default="2500,5000,10000,20000", metavar="WORDS,...",
                        help="with --bars: sizes of the one-file texts (default 2500,5000,10000,20000)")
    parser.add_argument("--peak-mb", type=float, default=None, metavar="MB",
                        help="analyse one invented article of MB megabytes and report the peak memory")
    args = parser.parse_args(argv)
    if args.batch_size < 1 or args.n_process < 1 or args.repeat < 1:
        parser.error("--batch-size, --n-process and --repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.growth or args.peak_mb:
        return measure_growth(args)
    targets: list[Path] = args.targets or default_dirs()
    articles = load_corpus(targets)
    if not articles:
        print("no articles to analyse", file=sys.stderr)
        return 2
    if args.bars:
        return measure_bars(args, articles[:args.articles])
    model = resolve_model(args.model)
    bare: Any = None
    analyzer = Analyzer(model=model)

    def load_bare() -> None:
        nonlocal bare
        bare = spacy.load(model)

    load = {"bare": timed(load_bare), "attribview": timed(lambda: analyzer.nlp),
            "profiles": timed(lambda: analyzer.profiles)}
    extra = [name for name in analyzer.nlp.pipe_names if name not in bare.pipe_names]
    if [n for n in analyzer.nlp.pipe_names if n in bare.pipe_names] != bare.pipe_names:
        raise SystemExit(f"pipelines differ beyond attribview's components: {bare.pipe_names} vs "
                         f"{analyzer.nlp.pipe_names}")

    left_out: list[dict[str, str]] = []
    if args.skip_failing:
        articles, left_out = screen(analyzer, articles, args.profile, args.screen_timeout)
        if not articles:
            print("the engine fails on every article", file=sys.stderr)
            return 1
    corpus: dict[str, tuple[int, int]] = {}
    for article in articles:
        count, words = corpus.get(str(article.path.parent), (0, 0))
        corpus[str(article.path.parent)] = (count + 1, words + article.words)

    cases = [Case("(a)", "spaCy bare", args.batch_size, pipe_docs(bare))]
    if args.batch_size != SPACY_DEFAULT_BATCH_SIZE:
        cases.append(Case("(a')", "spaCy bare, spaCy's default batch", SPACY_DEFAULT_BATCH_SIZE,
                          pipe_docs(bare)))
    cases += [
        Case("(b)", "+ attribview components (docs)", args.batch_size, pipe_docs(analyzer.nlp)),
        Case("(c)", "analyze_many (full analysis)", args.batch_size, analyze_all(analyzer, args.profile)),
    ]
    for case in cases:
        run_case(case, articles[:WARMUP_TEXTS], args.n_process)
    for round_ in range(1, args.repeat + 1):
        for case in (c for c in cases if c.error is None):
            elapsed = run_case(case, articles, args.n_process)
            if elapsed is not None:
                case.times.append(elapsed)
                print(f"run {round_}/{args.repeat} {case.key:5} {elapsed:7.2f} s", file=sys.stderr)

    setup = {
        "model": model, "model_version": bare.meta.get("version", "?"), "spacy": metadata.version("spacy"),
        "python": platform.python_version(), "cpus": os.cpu_count(), "n_process": args.n_process,
        "repeat": args.repeat, "profile": args.profile, "load_s": load, "corpus": corpus,
        "left_out": left_out,
        "pipes_bare": bare.pipe_names, "pipes_added": extra,
    }
    report = results(cases, articles, setup)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 1 if any(case.error is not None for case in cases) else 0


def measure_bars(args: argparse.Namespace, articles: list[Article]) -> int:
    """``--bars``: the speed ratios and the peak memory, in one run."""
    model = resolve_model(args.model)
    analyzer = Analyzer(model=model)
    bare = spacy.load(model)
    for _ in analyzer.analyze_many([a.source for a in articles[:WARMUP_TEXTS]]):
        pass
    for _ in bare.pipe([a.source.text for a in articles[:WARMUP_TEXTS]]):
        pass
    sizes = [int(size) for size in args.bar_sizes.split(",") if size]
    report = ratios.bars(analyzer, bare, articles, sizes, args.repeat, model)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        ratios.print_bars(report)
    return 0


def measure_growth(args: argparse.Namespace) -> int:
    """``--growth`` and ``--peak-mb``: invented texts, no corpus."""
    analyzer = Analyzer(model=resolve_model(args.model))
    analyzer.analyze(prepare_text(invented_article(50)))  # loads the model and the profiles
    if args.peak_mb:
        peak = peak_memory(analyzer, args.peak_mb)
        print(json.dumps(peak, indent=2) if args.json else
              f"{peak['mb']:.1f} MB ({peak['words']:,} words) analysed in {peak['seconds']:.0f} s; peak "
              f"resident memory {peak['peak_mb_after']:.0f} MB ({peak['peak_mb_model_loaded']:.0f} MB "
              f"with the model loaded)")
        return 0
    bare = spacy.load(resolve_model(args.model))
    sizes = [int(size) for size in args.growth_sizes.split(",") if size]
    rows = growth(analyzer, bare, sizes, args.flood_marks, args.repeat)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print_growth(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
