"""What the verification desk asks of the Library facade, on a real SQLite file and the real model."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.library import (
    STATUSES,
    ArticleMeta,
    Library,
    StoreError,
    default_library_path,
)
from attribview.textio import prepare_text

ARTICLE = ("The bridge will reopen in March, the transport ministry said on Monday.\n"
           "“We are ahead of schedule,” said Harold Venn, the chief engineer. "
           "“The deck is finished,” said Mara Holt, the site manager.\n")


@pytest.fixture
def library(tmp_path: Path, analyzer: Analyzer) -> Iterator[Library]:
    with Library.open(tmp_path / "library.sqlite3", analyzer) as lib:
        yield lib


def _saved(library: Library, analyzer: Analyzer) -> int:
    analysis = analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)
    return library.save_analysis(analysis, ArticleMeta(title="Bridge"))


def test_default_library_is_in_the_user_data_folder() -> None:
    assert default_library_path().name == "library.sqlite3"
    assert STATUSES[0] == "unverified" and "verified" in STATUSES


def test_saved_article_comes_back_with_its_text_and_quotes(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    stored = library.stored_article(article_id)
    assert stored.text == ARTICLE and stored.row.title == "Bridge"
    quotes = library.quotes(article_id)
    assert {q.speaker for q in quotes} >= {"Harold Venn", "Mara Holt"}
    assert all(stored.text[q.start:q.end] == q.text for q in quotes)
    assert _saved(library, analyzer) == article_id  # the same text again is the same article
    with pytest.raises(StoreError):
        library.stored_article(article_id + 1)


def test_progress_counts_finished_checks_only(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quotes = library.quotes(article_id)
    library.verify(quotes[0].id, "false", who="tester")
    library.verify(quotes[1].id, "in_progress", who="tester")
    (progress,) = library.progress()
    assert progress.article.id == article_id and progress.quotes == len(quotes)
    assert progress.checked == 1
    assert progress.statuses["in_progress"] == 1
    assert progress.statuses["unverified"] == len(quotes) - 2


def test_quote_history_has_verification_and_speaker_changes(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quote = next(q for q in library.quotes(article_id) if q.speaker == "Harold Venn")
    library.verify(quote.id, "verified", note="called him", who="ann")
    row = library.reassign_speaker(quote.id, "Mara Holt", "Mara Holt", who="bob")
    assert row.speaker == "Mara Holt" and row.speaker_by_hand
    changes = [(h.field, h.old_value, h.new_value, h.who) for h in library.quote_history(quote.id)]
    assert changes == [("status", "unverified", "verified", "ann"), ("note", None, "called him", "ann"),
                       ("speaker", "Harold Venn", "Mara Holt", "bob"),
                       ("group", "Harold Venn", "Mara Holt", "bob")]
    assert ("Mara Holt", "Mara Holt") in library.speakers()
