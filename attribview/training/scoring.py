"""The shared scorer's matching, used by the evaluation table and by the calibration fit.

The scorer (``score.py`` in the evaluation folder) is imported from the path given, never copied.
"""

import importlib.util
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from attribview.core.types import Analysis
from attribview.textio import read_article

#: Bins of the expected calibration error.
ECE_BINS = 10


def load_scorer(shared_eval: Path) -> ModuleType:
    """``score.py`` of the evaluation folder, as a module."""
    path = shared_eval / "score.py"
    spec = importlib.util.spec_from_file_location("attribview_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Article:
    id: str
    gold: dict[str, Any]
    path: Path


def articles(folder: Path, ids: Iterable[str] | None = None) -> list[Article]:
    """The gold articles of a folder (all, or the ids given), in id order."""
    chosen = sorted(ids) if ids is not None else sorted(p.stem for p in folder.glob("*.json"))
    found = []
    for article_id in chosen:
        with (folder / f"{article_id}.json").open(encoding="utf-8") as handle:
            found.append(Article(article_id, json.load(handle), folder / f"{article_id}.txt"))
    return found


def sources(found: Iterable[Article]) -> Iterator[Any]:
    return (read_article(article.path) for article in found)


def prediction(analysis: Analysis) -> dict[str, Any]:
    """The analysis in the output contract the scorer reads."""
    return {"quotes": [
        {"start": q.start, "end": q.end, "speaker": q.speaker, "group": q.group,
         "source_start": q.source_start, "source_end": q.source_end, "confidence": q.confidence}
        for q in analysis.quotes
    ]}


def statement_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold as statements count it: a quote of several ``content_fragments`` (a split quotation,
    joined as relations count it) also stands as each of its fragments, with the same speaker."""
    quotes = []
    for g in gold["quotes"]:
        quotes.append(g)
        fragments = g.get("content_fragments") or []
        if len(fragments) > 1:
            quotes += [{**g, "content": list(fragment)} for fragment in fragments]
    return {**gold, "quotes": quotes}


def correct_quotes(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any], *,
                   statements: bool = False) -> list[bool]:
    """For each predicted quote: paired with a gold quote (one-to-one, best character Jaccard >= 0.5, as
    the scorer pairs) and with the right speaker or group; ``statements``: against
    :func:`statement_gold`, where a fragment of a split quotation is right too."""
    if statements:
        gold = statement_gold(gold)
    quotes = pred["quotes"]
    pairs = []
    for gi, g in enumerate(gold["quotes"]):
        g0, g1 = g["content"]
        for pi, p in enumerate(quotes):
            shared = scorer.overlap(g0, g1, p["start"], p["end"])
            if shared:
                jaccard = shared / (max(g1, p["end"]) - min(g0, p["start"]))
                if jaccard >= 0.5:
                    pairs.append((jaccard, gi, pi))
    used_g: set[int] = set()
    right = [False] * len(quotes)
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        right[pi] = bool(scorer.same_speaker(gold["quotes"][gi], quotes[pi]))
    return right


def expected_calibration_error(confidences: list[float], right: list[bool], bins: int = ECE_BINS) -> float:
    """Sum over equal-width confidence bins of (share of quotes) x |accuracy - mean confidence|."""
    if not confidences:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [i for i, c in enumerate(confidences) if low <= c < high or (b == bins - 1 and c == 1.0)]
        if members:
            accuracy = sum(right[i] for i in members) / len(members)
            mean = sum(confidences[i] for i in members) / len(members)
            total += len(members) / len(confidences) * abs(accuracy - mean)
    return total
