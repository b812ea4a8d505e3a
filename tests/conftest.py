"""Shared fixtures: one spaCy-backed analyzer for the whole session (loading the model takes seconds)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.profiles import Conventions
from attribview.core.types import Analysis
from attribview.nlp.attribution import RULES
from attribview.textio import prepare_text

# The PostgreSQL server, and a library location per backend (a file, a database) for the store's tests.
from tests.postgres import library_location, postgres_database, postgres_server  # noqa: F401

#: Statements only, one quote per quotation: the conventions the pattern tables are written in.
PER_QUOTATION = Conventions(stances=False, join_split_quotes=False)


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The real analyzer with the installed spaCy model, loaded once and reused by every test."""
    return Analyzer()


@pytest.fixture(scope="session")
def analyse(analyzer: Analyzer) -> Callable[..., Analysis]:
    """``analyse(text, profile="none", conventions=PER_QUOTATION)``: the analysis of a string, cached.

    Several table rows share one mini-article (one row per attribution in it); the cache keeps each
    article to a single pass through the pipeline. Pattern tables count statements, one quote per
    quotation, unless a test asks for other conventions (``None``: the profile's own). They test the
    rules' patterns, so the rules alone run: the learned tagger's verdicts are measured on corpora
    (``python -m attribview.training.evaluate``), not on single sentences.
    """
    cache: dict[tuple[str, str, Conventions | None], Analysis] = {}

    def run(text: str, profile: str = "none", conventions: Conventions | None = PER_QUOTATION) -> Analysis:
        key = (text, profile, conventions)
        if key not in cache:
            cache[key] = analyzer.analyze(prepare_text(text), profile=profile, conventions=conventions,
                                          engine=RULES)
        return cache[key]

    return run


#: Invented sentences where two speakers of different groups speak in one sentence, with the
#: reporter's own words around them (fictional places and people; the war profile's groups).
TWO_VOICES = (
    "Ukrainian forces say they pushed back an assault near Veldorf overnight, and local sources say "
    "the bridge at Kessin was badly damaged. Whether the garrison has withdrawn remains unclear.\n\n"
    "A Russian general, Colonel-General Arvid Tolle, said the offensive had stalled near Marinsk, "
    "while Putin said the operation was going to plan.\n"
)


@pytest.fixture(scope="session")
def two_voices(analyzer: Analyzer) -> Analysis:
    """``TWO_VOICES`` analysed with the war profile: each sentence carries two groups."""
    return analyzer.analyze(prepare_text(TWO_VOICES), profile="war")


#: Test folders whose every test needs a QApplication (real widgets, offscreen).
GUI_FOLDERS = (Path(__file__).parent / "gui",)
#: Other test files that make a QApplication in this process.
GUI_FILES = (Path(__file__).parent / "e2e" / "test_gui_hostile_text.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The ``gui`` marker on every test that needs Qt: the GUI folder, the files above, any ``qtbot`` user."""
    for item in items:
        path = item.path
        if any(folder in path.parents for folder in GUI_FOLDERS) or path in GUI_FILES \
                or "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A run without the GUI tests (``-m "not gui"``) must never have made a QApplication: fail if it did."""
    if "not gui" not in (session.config.getoption("markexpr") or ""):
        return
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and core.QCoreApplication.instance() is not None:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        sys.stderr.write("\nerror: a QApplication was made in a run without the gui tests; mark the test "
                         "that made it with `gui`\n")
