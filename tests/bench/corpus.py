"""What the benchmarks share: the default corpus, its articles, and a stopwatch."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from attribview.textio import SourceText

REPO_ROOT = Path(__file__).resolve().parents[2]
#: Names the folder of the shared evaluation sets (the one holding ``war-dev``, ``gold``, ...), wherever
#: the checkout is.
SHARED_ENV = "ATTRIBVIEW_SHARED_EVAL"
#: The shared evaluation sets the benchmarks read, if present.
SHARED_SETS = ("war-dev", "gold", "polnear-dev")


def shared_eval_dir(start: Path = REPO_ROOT, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The shared evaluation folder: ``$ATTRIBVIEW_SHARED_EVAL``, else the first ``shared/eval`` beside
    the checkout or beside one of its parents (a worktree sits deeper than the main checkout)."""
    if environ.get(SHARED_ENV):
        return Path(environ[SHARED_ENV])
    for folder in start.parents:
        candidate = folder / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return None


def default_dirs(start: Path = REPO_ROOT, environ: Mapping[str, str] = os.environ) -> list[Path]:
    """Corpus folders used when none is given: the bundled samples, plus the shared evaluation sets
    that exist."""
    shared = shared_eval_dir(start, environ)
    sets = [shared / name for name in SHARED_SETS] if shared is not None else []
    return [d for d in (start / "resources" / "samples", *sets) if d.is_dir()]


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


# ------------------------------------------------------------------------------- invented long texts

_NAMES = ("Ilse Varga", "Tomas Brell", "Mira Okonjo", "the Dunmere council", "a harbour pilot")
_SENTENCES = (
    "{name} said on {day} that the ferry to Kelloway would not run before the spring.",
    "“We have waited long enough for a bridge,” {name} told the Dunmere Courier.",
    "The council voted {n} to 3 to close the old quay, despite protests by the dockers.",
    "According to {name}, the repairs will cost about {n} million crowns.",
    "“It is madness,” said {name}. “Forty lorries a day through streets built for carts?”",
    "Traffic on Quay Lane has doubled since {year}, figures from the transport office show.",
    "{name} accused the mayor of “selling the harbour to the highest bidder”.",
    "The developer is believed to have offered an upfront payment of {n} million crowns.",
)
_DAYS = ("Monday", "Tuesday", "Friday")


def invented_article(words: int) -> str:
    """About ``words`` words of invented news copy, five sentences to a paragraph, all of them varied."""
    sentences: list[str] = []
    count = 0
    number = 0
    while count < words:
        template = _SENTENCES[number % len(_SENTENCES)]
        sentence = template.format(name=_NAMES[number % len(_NAMES)], day=_DAYS[number % len(_DAYS)],
                                   n=number % 97 + 2, year=1990 + number % 30)
        sentences.append(sentence)
        count += len(sentence.split())
        number += 1
    return "\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)) + "\n"


def quotation_floods(marks: int) -> dict[str, str]:
    """Texts of ``marks`` quotation marks in one sentence: a run of straight ones, of curly pairs, and
    short quotations each with a cue."""
    quoted = " ".join("“Yes,” she said," for _ in range(marks // 2))
    straight = '"' * marks
    return {
        f'flood: {marks:,} " in a run': f"The mayor said {straight} on Tuesday.\n",
        f"flood: {marks:,} “” in a run": f"The mayor said {'“”' * (marks // 2)} on Tuesday.\n",
        f"flood: {marks // 2:,} quotations": f"The mayor of Dunmere said {quoted} and left.\n",
    }
