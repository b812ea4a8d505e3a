"""Opening an article from the library needs no language model: its sentences and flags are kept at
import, and an article an older version stored gets them once, on its first open with the model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy import text

from attribview.core.analysis import Analyzer
from attribview.core.highlight import highlight_runs
from attribview.core.library import ArticleMeta, Library
from attribview.core.types import Analysis
from attribview.store.db import make_engine, migrate
from attribview.textio import prepare_text

ARTICLE = ("The ferry to Lorne Island will run again on Friday, the harbour board said on Tuesday.\n"
           "“The new pier is safe,” said Petra Quill, the board's engineer. "
           "The old pier is believed to have been damaged by the storm.\n"
           "Local fishermen said the crossing was still rough.\n")
ROOT = Path(__file__).resolve().parents[3]
#: Run in a fresh interpreter: open the article, highlight it, and tell whether spaCy was ever imported.
OPEN_WITHOUT_MODEL = """
import json, sys
from dataclasses import asdict
from attribview.core.highlight import highlight_runs
from attribview.core.library import Library
with Library.open(sys.argv[1], create=False) as library:
    stored = library.open_article(int(sys.argv[2]))
print(json.dumps({"spacy": sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")),
                  "runs": [asdict(run) for run in highlight_runs(stored.analysis)],
                  "sentences": [[s.start, s.end, list(s.groups), list(s.flags)]
                                for s in stored.analysis.sentences],
                  "language": stored.language}))
"""


def _open_elsewhere(db: Path, article_id: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", OPEN_WITHOUT_MODEL, str(db), str(article_id)], env=env,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture
def analysed(analyzer: Analyzer) -> Analysis:
    return analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)


def test_a_stored_article_opens_highlighted_without_importing_spacy(tmp_path: Path, analyzer: Analyzer,
                                                                     analysed: Analysis) -> None:
    db = tmp_path / "library.sqlite3"
    with Library.open(db, analyzer) as library:
        article_id = library.save_analysis(analysed, ArticleMeta(title="Ferry")).row.id
    opened = _open_elsewhere(db, article_id)
    assert opened["spacy"] == []
    assert opened["runs"] == [asdict(run) for run in highlight_runs(analysed)]
    kept = [[s.start, s.end, list(s.groups), list(s.flags)] for s in analysed.sentences]
    assert opened["sentences"] == kept
    assert any("unattributed" in s.flags for s in analysed.sentences)  # the hedge line is kept too
    assert opened["language"] == "en"


def _older_library(db: Path, analyzer: Analyzer, analysed: Analysis) -> int:
    """A library with the article in it as an older version (schema 0004) kept it: no sentences."""
    with Library.open(db, analyzer) as library:
        article_id = library.save_analysis(analysed, ArticleMeta(title="Ferry")).row.id
    engine = make_engine(db)
    try:
        migrate(engine, str(db), "0004_groups_views_search", down=True)
    finally:
        engine.dispose()
    return article_id


def test_an_article_of_an_older_library_gets_its_sentences_on_its_first_open(
        tmp_path: Path, analyzer: Analyzer, analysed: Analysis) -> None:
    db = tmp_path / "library.sqlite3"
    article_id = _older_library(db, analyzer, analysed)
    with Library.open(db, analyzer) as library:  # migrated again: the article has no sentences yet
        with library.store.engine.connect() as connection:
            assert connection.scalar(text("SELECT sentences FROM article")) is None
        first = library.open_article(article_id)  # analysed once more, with the model
    assert first.analysis.sentences == analysed.sentences and first.language == "en"
    opened = _open_elsewhere(db, article_id)  # kept: from now on no model
    assert opened["spacy"] == [] and opened["runs"] == [asdict(run) for run in highlight_runs(analysed)]


def test_without_a_model_an_older_article_opens_with_its_quotes(tmp_path: Path, analyzer: Analyzer,
                                                                 analysed: Analysis) -> None:
    db = tmp_path / "library.sqlite3"
    article_id = _older_library(db, analyzer, analysed)
    with Library.open(db, Analyzer(model=str(tmp_path / "no-model-here"))) as library:
        stored = library.open_article(article_id)
        again = library.open_article(article_id)
    assert stored.analysis.quotes == analysed.quotes and stored.analysis.sentences == ()
    assert again == stored  # nothing was kept: the sentences come with the model
