"""The bundled sample articles against their hand-made expected attributions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from attribview.core.types import Analysis, Quote
from attribview.paths import resources_dir

SAMPLES = resources_dir() / "samples"
EXPECTED_FILES = sorted(SAMPLES.glob("*.expected.json"))
#: Share of the expected quotes that must be found (by content span).
MIN_FOUND = 0.85
#: Share of the expected quotes that must be found with the right group (profile) or speaker (none).
MIN_RIGHT_SOURCE = 0.80
#: A predicted quote matches an expected one when their character spans have this Jaccard or more.
MIN_JACCARD = 0.5


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return shared / (max(a[1], b[1]) - min(a[0], b[0]))


def _expected_span(text: str, content: str, after: int) -> tuple[int, int]:
    """Where an expected content is in the article: the first occurrence from ``after`` on (else anywhere)."""
    start = text.find(content, after)
    if start < 0:
        start = text.find(content)
    assert start >= 0, f"expected content not in the article: {content!r}"
    return start, start + len(content)


def _last_word(name: str | None) -> str:
    return name.split()[-1].casefold().removesuffix("'s").removesuffix("’s") if name and name.split() else ""


def _best(quotes: tuple[Quote, ...], span: tuple[int, int]) -> tuple[Quote | None, float]:
    best: Quote | None = None
    best_score = 0.0
    for quote in quotes:
        score = _jaccard(span, (quote.start, quote.end))
        if score > best_score:
            best, best_score = quote, score
    return best, best_score


def _describe(analysis: Analysis, quote: Quote | None) -> str:
    if quote is None:
        return "nothing"
    cue = analysis.text[quote.cue_start:quote.cue_end] if quote.cue_start is not None else None
    return f"[{quote.kind}] speaker={quote.speaker!r} group={quote.group!r} cue={cue!r} text={quote.text!r}"


def _score(analysis: Analysis, expected: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(expected count, found, found with the right group or speaker, lines describing the misses)."""
    use_groups = expected["profile"] is not None
    total = found = right = 0
    misses: list[str] = []
    cursor = 0
    for item in expected["quotes"]:
        total += 1
        span = _expected_span(analysis.text, item["content"], cursor)
        cursor = span[0]
        quote, score = _best(analysis.quotes, span)
        wanted = item["group"] if use_groups else item["speaker"]
        if quote is None or score < MIN_JACCARD:
            misses.append(f"MISSED  {item['content']!r} ({wanted}); best overlap {score:.2f}: "
                          f"{_describe(analysis, quote)}")
            continue
        found += 1
        ok = quote.group == item["group"] if use_groups else _last_word(quote.speaker) == _last_word(
            item["speaker"])
        if ok:
            right += 1
        else:
            what = "group" if use_groups else "speaker"
            misses.append(f"WRONG {what}  {item['content']!r}: expected {wanted!r}, got "
                          f"{_describe(analysis, quote)}")
    return total, found, right, misses


@pytest.fixture(params=EXPECTED_FILES, ids=lambda p: p.name.removesuffix(".expected.json"))
def sample(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    expected = _load(request.param)
    article = (SAMPLES / expected["article"]).read_text(encoding="utf-8")
    return article, expected


def test_there_are_samples() -> None:
    assert len(EXPECTED_FILES) >= 3
    for path in EXPECTED_FILES:
        expected = _load(path)
        assert (SAMPLES / expected["article"]).is_file(), f"{path.name}: article file missing"
        assert expected["quotes"], f"{path.name}: no expected quotes"


def test_sample_attributions(analyse: Callable[..., Analysis], sample: tuple[str, dict[str, Any]]) -> None:
    article, expected = sample
    profile = expected["profile"] or "none"
    analysis = analyse(article, profile, conventions=None)  # as `attribview analyze` counts them
    assert analysis.profile == expected["profile"]
    total, found, right, misses = _score(analysis, expected)
    report = "\n".join(misses)
    what = "group" if expected["profile"] else "speaker"
    assert found >= MIN_FOUND * total and right >= MIN_RIGHT_SOURCE * total, (
        f"{expected['article']}: found {found}/{total} quotes ({found / total:.0%}, need {MIN_FOUND:.0%}), "
        f"{right}/{total} with the right {what} ({right / total:.0%}, need {MIN_RIGHT_SOURCE:.0%})\n{report}"
    )


def test_sample_profile_is_chosen_automatically(
    analyse: Callable[..., Analysis], sample: tuple[str, dict[str, Any]]
) -> None:
    article, expected = sample
    assert analyse(article, "auto").profile == expected["profile"]


def test_sample_hedges_are_flagged_unattributed(
    analyse: Callable[..., Analysis], sample: tuple[str, dict[str, Any]]
) -> None:
    article, expected = sample
    analysis = analyse(article, expected["profile"] or "none")
    missing = []
    for claim in expected.get("unattributed", []):
        start = article.index(claim)
        sentences = [s for s in analysis.sentences if s.start <= start < s.end]
        if not sentences or "unattributed" not in sentences[0].flags:
            missing.append(claim)
    assert not missing, "hedged claims not flagged unattributed:\n" + "\n".join(missing)


def test_sample_anonymous_sources_are_flagged(
    analyse: Callable[..., Analysis], sample: tuple[str, dict[str, Any]]
) -> None:
    article, expected = sample
    analysis = analyse(article, expected["profile"] or "none")
    missing = []
    for content in expected.get("anonymous", []):
        span = _expected_span(article, content, 0)
        quote, score = _best(analysis.quotes, span)
        if quote is None or score < MIN_JACCARD or "anonymous" not in quote.flags:
            missing.append(f"{content!r}: {_describe(analysis, quote)} flags={quote.flags if quote else ()}")
    assert not missing, "anonymous sources not flagged:\n" + "\n".join(missing)
