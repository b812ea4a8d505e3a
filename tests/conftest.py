"""Shared fixtures: one spaCy-backed analyzer for the whole session (loading the model takes seconds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.textio import prepare_text


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The real analyzer with the installed spaCy model, loaded once and reused by every test."""
    return Analyzer()


@pytest.fixture(scope="session")
def analyse(analyzer: Analyzer) -> Callable[..., Analysis]:
    """``analyse(text, profile="none")``: the analysis of a string, cached per (text, profile).

    Several table rows share one mini-article (one row per attribution in it); the cache keeps each
    article to a single pass through the pipeline.
    """
    cache: dict[tuple[str, str], Analysis] = {}

    def run(text: str, profile: str = "none") -> Analysis:
        key = (text, profile)
        if key not in cache:
            cache[key] = analyzer.analyze(prepare_text(text), profile=profile)
        return cache[key]

    return run
