"""``bench_analysis.py --bars``: the speed bars in one run, each ratio measured within that run.

- **articles**: up to ``--articles`` (default 100) articles of the corpus, each on its own, through
  bare spaCy's ``nlp.pipe`` and through ``Analyzer.analyze_many`` (the default engine: rules, learned
  tagger and their blend, profile choice, result objects);
- **one long file**: the corpus's articles joined (blank lines between them) into files of growing
  size up to 20,000 words (``--bar-sizes``), each one text for both;
- **peak memory**: a fresh process loads the analyzer and analyses the same articles (100 of them at
  least, from the first again if the corpus has fewer), keeping every result, and reports its peak
  resident memory (``VmHWM``, where Linux has it).

Both pipelines load the same model; runs are interleaved and the best of ``--repeat`` counts. Words
per second are counted in this process's CPU time, so that the other work of a shared machine does not
land on one pipeline's runs (wall-clock ratios are printed beside them). The speed ratio is attribview's
words per second over bare spaCy's on the same texts (the bar: at least 0.85); the memory bar is 500 MB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from math import inf
from pathlib import Path
from typing import Any

from corpus import Article

from attribview.core.analysis import BATCH_SIZE, Analyzer
from attribview.textio import SourceText, prepare_text

SPEED_BAR = 0.85
MEMORY_BAR_MB = 500
#: Articles the memory bar is measured on (the corpus's, from the first again if it has fewer).
PEAK_ARTICLES = 100


def joined(articles: Sequence[Article], words: int) -> str:
    """Whole articles of the corpus, in order and again from the first when they run out, joined by
    blank lines until the text has at least ``words`` words."""
    parts: list[str] = []
    count = 0
    while count < words:
        article = articles[len(parts) % len(articles)]
        parts.append(article.source.text.strip())
        count += article.words
    return "\n\n".join(parts) + "\n"


def _clocked(action: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one run of ``action``."""
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


def _best(bare: Any, analyzer: Analyzer, sources: Sequence[SourceText],
          repeat: int) -> dict[str, float]:
    """Best CPU and wall times of bare spaCy and the full analysis over ``sources``, interleaved."""
    texts = [s.text for s in sources]
    best = {"bare_cpu_s": inf, "bare_s": inf, "attribview_cpu_s": inf, "attribview_s": inf}
    for _ in range(repeat):
        for name, action in (("bare", lambda: sum(1 for _ in bare.pipe(texts, batch_size=BATCH_SIZE))),
                             ("attribview", lambda: sum(1 for _ in analyzer.analyze_many(sources)))):
            cpu, wall = _clocked(action)
            best[f"{name}_cpu_s"] = min(best[f"{name}_cpu_s"], cpu)
            best[f"{name}_s"] = min(best[f"{name}_s"], wall)
    return best


def peak_mb(paths: Sequence[Path], model: str) -> float:
    """Peak resident memory of a fresh process that analyses ``paths`` (MB)."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over an exec, so a child started from this big
    # process would report this process's memory
    script = ("import json, resource, sys\n"
              "from attribview.core.analysis import Analyzer\n"
              "from attribview.textio import read_article\n"
              "paths = json.loads(sys.argv[1])\n"
              "kept = list(Analyzer(model=sys.argv[2]).analyze_many(read_article(p) for p in paths))\n"
              "try:\n"
              "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
              "    print(int(status) / 1024, len(kept))\n"
              "except (OSError, IndexError):\n"
              "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(kept))\n")
    done = subprocess.run([sys.executable, "-c", script, json.dumps([str(p) for p in paths]), model],
                          capture_output=True, text=True, check=True)
    return float(done.stdout.split()[0])


def bars(analyzer: Analyzer, bare: Any, articles: Sequence[Article], sizes: Sequence[int],
         repeat: int, model: str) -> dict[str, Any]:
    """Every bar's figures, measured in this one run."""
    rows: list[dict[str, Any]] = []
    sets: list[tuple[str, list[SourceText], int]] = [
        (f"{len(articles)} articles ({sum(a.words for a in articles) // len(articles):,} words each on "
         "average)", [a.source for a in articles], sum(a.words for a in articles))]
    for size in sizes:
        text = joined(articles, size)
        sets.append((f"one file of {len(text.split()):,} words", [prepare_text(text)], len(text.split())))
    for label, sources, words in sets:
        best = _best(bare, analyzer, sources, repeat)
        rows.append({"texts": label, "words": words, **best,
                     "bare_words_per_cpu_s": words / best["bare_cpu_s"],
                     "attribview_words_per_cpu_s": words / best["attribview_cpu_s"],
                     "speed_ratio": best["bare_cpu_s"] / best["attribview_cpu_s"],
                     "wall_ratio": best["bare_s"] / best["attribview_s"]})
        print(f"{label}: bare {best['bare_cpu_s']:.2f} s CPU ({best['bare_s']:.2f} s wall), attribview "
              f"{best['attribview_cpu_s']:.2f} s CPU ({best['attribview_s']:.2f} s wall)", file=sys.stderr)
    paths = [articles[i % len(articles)].path for i in range(max(len(articles), PEAK_ARTICLES))]
    memory = peak_mb(paths, model)
    return {"rows": rows, "peak_mb": memory, "peak_articles": len(paths), "repeat": repeat}


def print_bars(report: dict[str, Any]) -> None:
    print(f"{'texts':46}{'words':>8}{'bare w/s':>10}{'attribview w/s':>16}{'ratio':>8}  bar {SPEED_BAR}"
          f"{'wall ratio':>13}")
    for row in report["rows"]:
        verdict = "met" if row["speed_ratio"] >= SPEED_BAR else "MISSED"
        print(f"{row['texts']:46}{row['words']:8,d}{row['bare_words_per_cpu_s']:10,.0f}"
              f"{row['attribview_words_per_cpu_s']:16,.0f}{row['speed_ratio']:7.2f}x  {verdict:8}"
              f"{row['wall_ratio']:9.2f}x")
    verdict = "met" if report["peak_mb"] <= MEMORY_BAR_MB else "MISSED"
    print(f"\npeak memory, {report['peak_articles']} articles analysed in a fresh process: "
          f"{report['peak_mb']:.0f} MB (bar {MEMORY_BAR_MB} MB: {verdict})")
    print(f"w/s = words per second of this process's CPU time (a shared machine's other work does not "
          f"count); ratio = attribview's w/s / bare spaCy's (nlp.pipe, same model, same texts, batch "
          f"{BATCH_SIZE}); wall ratio: the same from wall-clock time; best of {report['repeat']} "
          f"interleaved runs each, all in this run.")
