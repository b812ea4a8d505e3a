"""What the benchmarks share: the default corpus, its articles, and a stopwatch."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from attribview.textio import SourceText

REPO_ROOT = Path(__file__).resolve().parents[2]
#: Corpus folders used when none is given: the bundled samples, plus the shared evaluation sets if present.
DEFAULT_DIRS = (
    REPO_ROOT / "resources" / "samples",
    REPO_ROOT.parent / "shared" / "eval" / "war-dev",
    REPO_ROOT.parent / "shared" / "eval" / "gold",
    REPO_ROOT.parent / "shared" / "eval" / "polnear-dev",
)


@dataclass
class Article:
    path: Path
    source: SourceText
    words: int


def article_paths(targets: Sequence[Path]) -> Iterator[Path]:
    """Every ``*.txt`` of the folders given (sorted), and files given by name."""
    for target in targets:
        if target.is_dir():
            yield from sorted(target.glob("*.txt"))
        else:
            yield target


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
