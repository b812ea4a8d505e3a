"""Library operations on a real file: import, re-analysis, search, verification, history, raw text."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_samples import ARTICLE, quote_at, sample_analysis

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.paths import sample_article
from attribview.store.db import open_store
from attribview.store.errors import StoreError
from attribview.store.library import STALE_FLAG, ArticleMeta, Store
from attribview.textio import read_article

META = ArticleMeta(title="Front line", outlet="Wire", url="https://example.org/a")


def test_saved_quotes_come_back_as_rows(store: Store) -> None:
    article_id = store.save_analysis(META, sample_analysis())
    rows = store.search_quotes()
    assert [(r.text, r.speaker, r.group, r.status) for r in rows] == [
        ("two villages were taken back", "Ministry of Defence", "ua_military", "unverified"),
        ("We will not retreat", "Olena Bondar", "local_officials", "unverified"),
        ("the bridge was damaged", None, None, "unverified"),
    ]
    assert {r.article_id for r in rows} == {article_id}
    assert all(ARTICLE[r.start:r.end] == r.text for r in rows)
    assert rows[2].flags == ("anonymous",)
    [article] = store.articles()
    assert (article.title, article.outlet, article.quote_count) == ("Front line", "Wire", 3)
    assert article.profile == "war"


def test_importing_the_same_text_twice_does_not_duplicate(store: Store) -> None:
    first = store.save_analysis(META, sample_analysis())
    second = store.save_analysis(ArticleMeta(), sample_analysis())
    assert first == second
    assert len(store.articles()) == 1
    assert len(store.search_quotes()) == 3
    assert store.history() == []  # nothing changed, nothing recorded
    assert store.find_article_id(ARTICLE) == first
    assert store.find_article_id(ARTICLE + " ") is None


def test_speakers_are_shared_across_articles(store: Store) -> None:
    store.save_analysis(META, sample_analysis())
    other = ARTICLE.replace("KYIV", "LVIV")
    store.save_analysis(ArticleMeta(title="other"), sample_analysis(other))
    rows = store.search_quotes(speaker="Olena Bondar")
    assert len(rows) == 2
    assert len({r.article_id for r in rows}) == 2


def test_search_by_speaker_group_text_and_status(store: Store) -> None:
    store.save_analysis(META, sample_analysis())
    assert [r.text for r in store.search_quotes(speaker="bondar")] == ["We will not retreat"]
    assert [r.text for r in store.search_quotes(group="ua_military")] == ["two villages were taken back"]
    assert [r.text for r in store.search_quotes(text="BRIDGE")] == ["the bridge was damaged"]
    assert store.search_quotes(text="%") == []  # LIKE wildcards are taken literally
    assert store.search_quotes(text="_") == []
    quote = store.search_quotes(speaker="bondar")[0]
    store.set_verification(quote.id, "disputed", who="checker")
    assert [r.id for r in store.search_quotes(status="disputed")] == [quote.id]
    assert len(store.search_quotes(status="unverified")) == 2
    assert store.search_quotes(speaker="bondar", status="verified") == []
    with pytest.raises(StoreError, match="unknown verification status"):
        store.search_quotes(status="probably")


def test_verification_is_recorded_with_history(store: Store) -> None:
    store.save_analysis(META, sample_analysis())
    quote = store.search_quotes(speaker="Ministry")[0]
    row = store.set_verification(quote.id, "in_progress", who="ana")
    assert (row.status, row.checked_by, row.evidence) == ("in_progress", "ana", ())
    row = store.set_verification(quote.id, "false", note="Satellite images show otherwise",
                                 evidence=["https://example.org/sat"], who="ben")
    assert (row.status, row.note, row.evidence, row.checked_by) == (
        "false", "Satellite images show otherwise", ("https://example.org/sat",), "ben")
    assert row.checked_at is not None and row.checked_at.tzinfo is not None
    assert store.get_verification(quote.id) == row
    changes = [(h.field, h.old_value, h.new_value, h.who) for h in store.history("verification", quote.id)]
    assert changes == [
        ("status", "unverified", "in_progress", "ana"),
        ("status", "in_progress", "false", "ben"),
        ("note", None, "Satellite images show otherwise", "ben"),
        ("evidence", "[]", '["https://example.org/sat"]', "ben"),
    ]
    with pytest.raises(StoreError, match="unknown verification status"):
        store.set_verification(quote.id, "maybe", who="ben")
    with pytest.raises(StoreError, match="no quote with id 9999"):
        store.set_verification(9999, "false", who="ben")
    assert store.get_verification(quote.id).status == "false"  # the failed calls changed nothing


def test_manual_edits_are_recorded(store: Store) -> None:
    article_id = store.save_analysis(META, sample_analysis())
    anonymous = store.search_quotes(text="bridge")[0]
    moved = store.reassign_speaker(anonymous.id, "Olena Bondar", "local_officials", who="ana")
    assert (moved.speaker, moved.group, moved.speaker_by_hand) == ("Olena Bondar", "local_officials", True)
    rejected = store.reject_quote(store.search_quotes(speaker="Ministry")[0].id, who="ana")
    assert rejected.rejected
    assert [r.id for r in store.search_quotes(include_rejected=True) if r.rejected] == [rejected.id]
    assert rejected.id not in [r.id for r in store.search_quotes()]
    start = ARTICLE.index("Local sources")
    added = store.add_manual_quote(article_id, start, start + len("Local sources"), speaker=None,
                                   group="anonymous", who="ana", kind="source")
    assert (added.origin, added.text, added.group) == ("manual", "Local sources", "anonymous")
    fields = [(h.entity, h.entity_id, h.field, h.old_value, h.new_value) for h in store.history()]
    assert fields == [
        ("quote", anonymous.id, "speaker", None, "Olena Bondar"),
        ("quote", anonymous.id, "group", None, "local_officials"),
        ("quote", rejected.id, "rejected", "false", "true"),
        ("quote", added.id, "created", None, "Local sources"),
    ]
    with pytest.raises(StoreError, match="outside article"):
        store.add_manual_quote(article_id, 10, 10_000, speaker=None, group=None, who="ana")


def test_a_reassignment_taken_back_gives_the_speaker_back_to_the_engine(store: Store) -> None:
    store.save_analysis(META, sample_analysis())
    quote = store.search_quotes(text="bridge")[0]
    moved = store.reassign_speaker(quote.id, "Olena Bondar", "local_officials", who="ana")
    assert moved.speaker_by_hand
    back = store.reassign_speaker(quote.id, quote.speaker, quote.group, who="ana", by_hand=False)
    assert (back.speaker, back.group, back.speaker_by_hand) == (quote.speaker, quote.group, False)
    assert [h.field for h in store.history("quote", quote.id)] == ["speaker", "group", "speaker", "group"]
    # engine-owned again: a re-analysis may set it, as it would have before the reassignment
    store.reassign_speaker(quote.id, "Olena Bondar", "local_officials", who="ana", by_hand=False)
    store.save_analysis(META, sample_analysis())
    again = store.get_quote(quote.id)
    assert (again.speaker, again.group, again.speaker_by_hand) == (quote.speaker, quote.group, False)


def test_reanalysis_keeps_manual_work_and_verifications(store: Store) -> None:
    article_id = store.save_analysis(META, sample_analysis())
    by_text = {r.text: r for r in store.search_quotes()}
    ministry, governor, anonymous = (by_text["two villages were taken back"], by_text["We will not retreat"],
                                     by_text["the bridge was damaged"])
    store.set_verification(ministry.id, "verified", note="confirmed", who="ana")
    store.reassign_speaker(anonymous.id, "Olena Bondar", "local_officials", who="ana")
    store.reject_quote(governor.id, who="ana")
    manual_start = ARTICLE.index("KYIV")
    manual = store.add_manual_quote(article_id, manual_start, manual_start + 4, speaker="Wire", group=None,
                                    who="ana")

    # An improved engine: wider spans, the anonymous quote's speaker unknown, and one new quote.
    improved = sample_analysis(shift=1)
    extra = quote_at(ARTICLE, "on Monday", "Ministry of Defence", "ua_military")
    again = store.save_analysis(ArticleMeta(), Analysis(text=ARTICLE, profile="war",
                                                        quotes=(*improved.quotes, extra), sentences=()))
    assert again == article_id
    rows = {r.id: r for r in store.search_quotes(include_rejected=True)}
    assert set(rows) == {ministry.id, governor.id, anonymous.id, manual.id, max(rows)}
    assert rows[ministry.id].start == ministry.start - 1  # the engine's new span ...
    assert rows[ministry.id].status == "verified"  # ... keeps its verification
    assert store.get_verification(ministry.id).note == "confirmed"
    assert rows[governor.id].rejected
    assert (rows[anonymous.id].speaker, rows[anonymous.id].group) == ("Olena Bondar", "local_officials")
    assert rows[manual.id].origin == "manual"
    assert rows[max(rows)].text == "on Monday"
    assert store.history("article", article_id)[-1].new_value == "3 changed, 1 added, 0 removed"


def test_reanalysis_drops_engine_quotes_without_manual_work_and_keeps_the_others(store: Store) -> None:
    store.save_analysis(META, sample_analysis())
    kept = store.search_quotes(speaker="Bondar")[0]
    store.set_verification(kept.id, "inconclusive", who="ana")
    store.save_analysis(META, Analysis(text=ARTICLE, profile="war", quotes=(), sentences=()))
    rows = store.search_quotes()
    assert [r.id for r in rows] == [kept.id]
    assert rows[0].flags == (STALE_FLAG,)
    assert rows[0].status == "inconclusive"


def test_sql_and_markup_are_stored_byte_for_byte(store: Store, library_location: str | Path) -> None:
    nul = "\u0000?" if isinstance(library_location, Path) else ""  # PostgreSQL text cannot hold NUL (below)
    nasty = f"Robert'); DROP TABLE article;-- <script>alert(\"x\")</script> 50% _ \\ {nul} \u202e \U0001f600"
    text = f"He said “{nasty}” and left.\r\n"
    quote = quote_at(text, nasty, "O'Brien; DELETE FROM speaker", "<b>group</b>")
    meta = ArticleMeta(title="<h1>'; DROP TABLE quote; --</h1>", outlet="a\"b", url="javascript:alert(1)")
    article_id = store.save_analysis(meta, Analysis(text=text, profile=None, quotes=(quote,), sentences=()))
    store.set_verification(store.search_quotes()[0].id, "false", note=nasty, evidence=[nasty], who=nasty)
    store.close()
    with open_store(library_location) as reopened:
        [row] = reopened.search_quotes(text="DROP TABLE article")
        assert row.text == nasty
        assert row.speaker == "O'Brien; DELETE FROM speaker"
        assert row.group == "<b>group</b>"
        assert reopened.search_quotes(speaker="O'Brien") == [row]
        verification = reopened.get_verification(row.id)
        assert (verification.note, verification.evidence, verification.checked_by) == (nasty, (nasty,), nasty)
        [article] = reopened.articles()
        assert (article.id, article.title, article.url) == (article_id, meta.title, meta.url)
        assert reopened.find_article_id(text) == article_id


@pytest.mark.postgres
def test_a_nul_character_is_refused_in_one_line_by_postgresql(postgres_database: str) -> None:
    with open_store(postgres_database) as store:
        text = "He said “a\u0000b” and left."
        with pytest.raises(StoreError, match="NUL") as caught:
            store.save_analysis(META, Analysis(text=text, profile=None, quotes=(), sentences=()))
        assert "\n" not in str(caught.value)
        assert store.articles() == []


def test_the_real_analysis_of_the_sample_article_is_stored(analyzer: Analyzer, store: Store) -> None:
    source = read_article(sample_article())
    analysis = analyzer.analyze(source)
    assert analysis.quotes, "the sample article has attributions"
    article_id = store.save_analysis(ArticleMeta(title="frontline"), analysis)
    rows = store.search_quotes(article_id=article_id)
    expected = sorted(analysis.quotes, key=lambda q: (q.start, q.end))
    assert [(r.start, r.end, r.text, r.speaker, r.group, r.kind) for r in rows] == [
        (q.start, q.end, q.text, q.speaker, q.group, q.kind) for q in expected]
    assert all(source.original[r.start:r.end] == r.text for r in rows)
    assert store.save_analysis(ArticleMeta(), analysis) == article_id
    assert len(store.search_quotes()) == len(rows)
