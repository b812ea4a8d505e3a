"""What the verification desk asks of the Library facade, on a real SQLite file, a real PostgreSQL
database and the real model."""

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
    library_location,
)
from attribview.textio import prepare_text

ARTICLE = ("The bridge will reopen in March, the transport ministry said on Monday.\n"
           "“We are ahead of schedule,” said Harold Venn, the chief engineer. "
           "“The deck is finished,” said Mara Holt, the site manager.\n")


@pytest.fixture
def library(library_location: str | Path, analyzer: Analyzer) -> Iterator[Library]:
    with Library.open(library_location, analyzer) as lib:
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
    library.verify(quotes[0].id, "false", checker="tester")
    library.verify(quotes[1].id, "in_progress", checker="tester")
    (progress,) = library.progress()
    assert progress.article.id == article_id and progress.quotes == len(quotes)
    assert progress.checked == 1
    assert progress.statuses["in_progress"] == 1
    assert progress.statuses["unverified"] == len(quotes) - 2


def test_quote_history_has_verification_and_speaker_changes(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quote = next(q for q in library.quotes(article_id) if q.speaker == "Harold Venn")
    library.verify(quote.id, "verified", note="called him", checker="ann")
    row = library.reassign_speaker(quote.id, "Mara Holt", "Mara Holt", checker="bob")
    assert row.speaker == "Mara Holt" and row.speaker_by_hand
    changes = [(h.field, h.old_value, h.new_value, h.who) for h in library.quote_history(quote.id)]
    assert changes == [("status", "unverified", "verified", "ann"), ("note", None, "called him", "ann"),
                       ("speaker", "Harold Venn", "Mara Holt", "bob"),
                       ("group", "Harold Venn", "Mara Holt", "bob")]
    assert ("Mara Holt", "Mara Holt") in library.speakers()


def test_restore_speaker_puts_back_who_chose_it(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quote = next(q for q in library.quotes(article_id) if q.speaker == "Harold Venn")
    assert not quote.speaker_by_hand
    library.reassign_speaker(quote.id, "Mara Holt", "Mara Holt", checker="bob")
    back = library.restore_speaker(quote.id, quote.speaker, quote.group, by_hand=False, checker="bob")
    assert (back.speaker, back.group, back.speaker_by_hand) == ("Harold Venn", quote.group, False)
    again = library.restore_speaker(quote.id, "Mara Holt", "Mara Holt", by_hand=True)  # a redo
    assert again.speaker_by_hand


def test_rejected_quote_leaves_the_lists_and_comes_back(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quotes = library.quotes(article_id)
    rejected = library.reject_quote(quotes[0].id, checker="ann")
    assert rejected.rejected
    assert [q.id for q in library.quotes(article_id)] == [q.id for q in quotes[1:]]
    assert library.progress()[0].quotes == len(quotes) - 1
    assert not library.reject_quote(quotes[0].id, rejected=False).rejected
    assert [q.id for q in library.quotes(article_id)] == [q.id for q in quotes]
    assert [h.field for h in library.quote_history(quotes[0].id)] == ["rejected", "rejected"]


def test_added_quote_is_the_articles_own_text(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    start = ARTICLE.index("The bridge will reopen")
    end = start + len("The bridge will reopen in March")
    added = library.add_quote(article_id, start, end, speaker="Harold Venn", group="Harold Venn",
                              kind="indirect", checker="ann")
    assert (added.origin, added.text, added.kind, added.speaker) == \
        ("manual", "The bridge will reopen in March", "indirect", "Harold Venn")
    assert added.id in [q.id for q in library.quotes(article_id)]
    with pytest.raises(StoreError):
        library.add_quote(article_id, end, start, speaker=None, group=None)


def test_a_face_keeps_a_library_url_without_its_password(tmp_path: Path) -> None:
    assert library_location(None) == default_library_path()
    assert library_location(str(tmp_path / "lib.sqlite3")) == tmp_path / "lib.sqlite3"
    url = library_location("postgresql+psycopg://ana:s3cret@db.example:5433/newsroom")
    assert url == "postgresql+psycopg://ana@db.example:5433/newsroom"  # its // kept: not made a Path
    assert library_location("mysql://ana@db.example/x") == "mysql://ana@db.example/x"  # opening refuses it
