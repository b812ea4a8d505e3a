"""For data journalists: group labels in the database, the SQL views and the text index, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from store_samples import ARTICLE, sample_analysis

from attribview.core.profiles import Group
from attribview.store.db import make_engine, migrate, open_store
from attribview.store.library import ArticleMeta, Store
from attribview.store.location import parse_location

GROUPS = (Group("ua_military", "Ukrainian military", "#0072B2", side="ukraine", kind="military"),
          Group("local_officials", "Local officials", "#009E73", side="ukraine", kind="official"))


def _rows(store: Store, sql: str) -> list[dict[str, object]]:
    return store.read(lambda s: [dict(row._mapping) for row in s.execute(text(sql))])


def _filled(store: Store) -> list[int]:
    store.record_groups("war", GROUPS)
    store.save_analysis(ArticleMeta(title="Front", outlet="Wire"), sample_analysis())
    return [row.id for row in store.search_quotes()]


def test_groups_are_kept_with_their_labels_and_sides_and_follow_the_profile(store: Store) -> None:
    store.record_groups("war", GROUPS)
    store.record_groups("war", (Group("ua_military", "Armed forces of Ukraine", "#0072B2", side="ukraine"),))
    assert store.group_labels() == [("war", "local_officials", "Local officials", "ukraine"),
                                    ("war", "ua_military", "Armed forces of Ukraine", "ukraine")]


def test_the_quote_view_names_speaker_group_label_side_and_status(store: Store) -> None:
    ids = _filled(store)
    store.set_verification(ids[0], "verified", note="two sources", who="Ana Field")
    store.reject_quote(ids[2], who="Ana Field")
    rows = _rows(store, "SELECT * FROM quote_view ORDER BY quote_id")
    assert [(r["speaker"], r["group_label"], r["side"], r["status"]) for r in rows] == [
        ("Ministry of Defence", "Ukrainian military", "ukraine", "verified"),
        ("Olena Bondar", "Local officials", "ukraine", "unverified")]  # the rejected one is left out
    assert rows[0]["article_title"] == "Front" and rows[0]["note"] == "two sources"


def test_a_speakers_record_and_an_articles_sourcing(store: Store) -> None:
    ids = _filled(store)
    store.set_verification(ids[1], "false", who="Ana Field")
    [bondar] = _rows(store, "SELECT * FROM speaker_record WHERE speaker = 'Olena Bondar'")
    counts = (bondar["quotes"], bondar["articles"], bondar["false_quotes"], bondar["unverified_quotes"])
    assert counts == (1, 1, 1, 0)
    assert bondar["group_label"] == "Local officials"
    [article] = _rows(store, "SELECT * FROM article_sourcing")
    assert (article["quotes"], article["speakers"], article["anonymous"], article["unattributed"],
            article["sides"], article["false_quotes"], article["unverified_quotes"]) == (3, 2, 1, 1, 1, 1, 2)


@pytest.mark.parametrize(("search", "found"), [
    ("villages were", ["two villages were taken back"]),
    ("RETREAT", ["We will not retreat"]),
    ("bri", ["the bridge was damaged"]),
    ("taken back\" OR \"retreat", []),  # the user's text is never query syntax
    ("NEAR(bridge damaged)", []),
    ("%", []),
    ("zz", []),
])
def test_text_search_finds_parts_of_quotes_through_the_index(store: Store, search: str,
                                                             found: list[str]) -> None:
    _filled(store)
    assert [row.text for row in store.search_quotes(text=search)] == found


def test_the_index_follows_new_changed_and_deleted_quotes(store: Store) -> None:
    _filled(store)
    assert store.search_quotes(text='said "two') == []
    store.save_analysis(ArticleMeta(title="Front"), sample_analysis(shift=6))  # the engine widens its spans
    widened = 'said "two villages were taken back'
    assert [row.text for row in store.search_quotes(text='said "two')] == [widened]
    article_id = store.articles()[0].id
    quote = store.add_manual_quote(article_id, ARTICLE.index("Local sources"), ARTICLE.index(" said the"),
                                   speaker=None, group=None, who="Ana Field")
    assert [row.id for row in store.search_quotes(text="Local sources")] == [quote.id]
    store.delete_article(article_id, who="Ana Field")
    assert store.search_quotes(text="retreat") == []
    assert store.search_quotes(text="Local sources") == []


def _sqlite_fts_rows(engine: Engine) -> int | None:
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            return None
        return int(connection.execute(text("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'retreat'")
                                      ).scalar_one())


def test_upgrading_a_library_indexes_the_quotes_already_in_it(library_location: str | Path) -> None:
    with open_store(library_location) as store:
        _filled(store)
    engine = make_engine(parse_location(library_location))
    try:
        migrate(engine, "test", "0003_versions", down=True)
        migrate(engine, "test", "head")
        assert _sqlite_fts_rows(engine) in (None, 1)
    finally:
        engine.dispose()
    with open_store(library_location) as store:
        assert [row.text for row in store.search_quotes(text="retreat")] == ["We will not retreat"]
        assert store.group_labels() == []  # filled again at the next import of the profile's articles
        assert len(_rows(store, "SELECT * FROM quote_view")) == 3
