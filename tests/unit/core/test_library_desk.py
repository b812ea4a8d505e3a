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
    return library.save_analysis(analysis, ArticleMeta(title="Bridge")).row.id


def test_default_library_is_in_the_user_data_folder() -> None:
    assert default_library_path().name == "library.sqlite3"
    assert STATUSES[0] == "unverified" and "verified" in STATUSES


def test_saved_article_comes_back_with_its_text_quotes_and_sentences(library: Library,
                                                                     analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(prepare_text(ARTICLE), profile="none", readable=True)
    saved = library.save_analysis(analysis, ArticleMeta(title="Bridge"))
    stored = library.open_article(saved.row.id)
    assert stored.text == ARTICLE and stored.row.title == "Bridge" and stored.language == "en"
    assert stored.rows == saved.rows and list(stored.rows) == library.quotes(saved.row.id)
    assert {q.speaker for q in stored.rows} >= {"Harold Venn", "Mara Holt"}
    assert all(stored.text[q.start:q.end] == q.text for q in stored.rows)
    # what the viewer highlights, as the engine found it: sentences, their groups and flags, the quotes
    assert stored.analysis.sentences == analysis.sentences and len(analysis.sentences) >= 3
    assert stored.analysis.quotes == analysis.quotes and stored.analysis.counting == analysis.counting
    assert _saved(library, analyzer) == saved.row.id  # the same text again is the same article
    with pytest.raises(StoreError):
        library.open_article(saved.row.id + 1)


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
    details = library.reassign_speaker(quote.id, "Mara Holt", "Mara Holt", checker="bob")
    assert details.row.speaker == "Mara Holt" and details.row.speaker_by_hand
    assert details.row.version == quote.version + 1 and details.verification.note == "called him"
    assert list(details.history) == library.quote_history(quote.id)
    changes = [(h.field, h.old_value, h.new_value, h.who) for h in details.history]
    assert changes == [("status", "unverified", "verified", "ann"), ("note", None, "called him", "ann"),
                       ("speaker", "Harold Venn", "Mara Holt", "bob"),
                       ("group", "Harold Venn", "Mara Holt", "bob")]
    assert ("Mara Holt", "Mara Holt") in library.speakers()


def test_restore_speaker_puts_back_who_chose_it(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quote = next(q for q in library.quotes(article_id) if q.speaker == "Harold Venn")
    assert not quote.speaker_by_hand
    library.reassign_speaker(quote.id, "Mara Holt", "Mara Holt", checker="bob")
    back = library.restore_speaker(quote.id, quote.speaker, quote.group, by_hand=False, checker="bob").row
    assert (back.speaker, back.group, back.speaker_by_hand) == ("Harold Venn", quote.group, False)
    again = library.restore_speaker(quote.id, "Mara Holt", "Mara Holt", by_hand=True)  # a redo
    assert again.row.speaker_by_hand


def test_rejected_quote_leaves_the_lists_and_comes_back(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    quotes = library.quotes(article_id)
    rejected = library.reject_quote(quotes[0].id, checker="ann")
    assert rejected.row.rejected and rejected.row.version == quotes[0].version + 1
    assert [q.id for q in rejected.rows] == [q.id for q in quotes[1:]]  # what the screen shows next
    assert list(rejected.rows) == library.quotes(article_id)
    assert library.progress()[0].quotes == len(quotes) - 1
    restored = library.reject_quote(quotes[0].id, rejected=False)
    assert not restored.row.rejected and restored.row in restored.rows
    assert [q.id for q in library.quotes(article_id)] == [q.id for q in quotes]
    assert [h.field for h in library.quote_history(quotes[0].id)] == ["rejected", "rejected"]


def test_added_quote_is_the_articles_own_text(library: Library, analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    start = ARTICLE.index("The bridge will reopen")
    end = start + len("The bridge will reopen in March")
    changed = library.add_quote(article_id, start, end, speaker="Harold Venn", group="Harold Venn",
                                kind="indirect", checker="ann")
    added = changed.row
    assert (added.origin, added.text, added.kind, added.speaker, added.status) == \
        ("manual", "The bridge will reopen in March", "indirect", "Harold Venn", "unverified")
    assert added in changed.rows and list(changed.rows) == library.quotes(article_id)
    with pytest.raises(StoreError):
        library.add_quote(article_id, end, start, speaker=None, group=None)


def test_a_status_change_gives_back_the_new_history_entry_and_version(library: Library,
                                                                      analyzer: Analyzer) -> None:
    quote = library.quotes(_saved(library, analyzer))[0]
    first = library.set_verification(quote.id, status="in_progress", note="asked the ministry", checker="ann")
    assert (first.row.status, first.verification.status, first.verification.note) == \
        ("in_progress", "in_progress", "asked the ministry")
    assert first.verification.version == 1 and first.verification.checked_by == "ann"
    assert [(h.field, h.new_value, h.who) for h in first.history] == \
        [("status", "in_progress", "ann"), ("note", "asked the ministry", "ann")]
    second = library.set_verification(quote.id, evidence=["https://example.org/statement"], checker="bob")
    assert second.verification.status == "in_progress" and second.verification.version == 2  # status kept
    assert second.history[:2] == first.history and second.history[-1].field == "evidence"
    assert second == library.details(quote.id)


def test_a_face_keeps_a_library_url_without_its_password(tmp_path: Path) -> None:
    assert library_location(None) == default_library_path()
    assert library_location(str(tmp_path / "lib.sqlite3")) == tmp_path / "lib.sqlite3"
    url = library_location("postgresql+psycopg://ana:s3cret@db.example:5433/newsroom")
    assert url == "postgresql+psycopg://ana@db.example:5433/newsroom"  # its // kept: not made a Path
    assert library_location("mysql://ana@db.example/x") == "mysql://ana@db.example/x"  # opening refuses it


def test_an_article_analysed_again_with_another_profile_keeps_its_checks(library: Library,
                                                                         analyzer: Analyzer) -> None:
    article_id = _saved(library, analyzer)
    first = library.quotes(article_id)[0]
    library.verify(first.id, "verified", note="Called the site office.", checker="tester")
    again = library.reanalyse(article_id, "war")
    assert again.row.id == article_id and again.row.profile == "war" and again.analysis.profile == "war"
    assert {q.group for q in again.rows} <= {g.id for g in analyzer.profiles["war"].groups}
    assert library.verification(first.id).note == "Called the site office."  # the check is kept
    assert library.open_article(article_id).analysis.sentences == again.analysis.sentences
    assert library.reanalyse(article_id, "none").row.profile is None
