"""Exports parse as what they claim to be and carry the stored text unchanged."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_samples import ARTICLE, sample_analysis

from attribview.core.types import Analysis, Quote
from attribview.store.errors import StoreError
from attribview.store.export import checked_quotes
from attribview.store.library import ArticleMeta, Store

META = ArticleMeta(title="Front line", outlet="Wire", url="https://example.org/a")


def _library(store: Store) -> tuple[int, int]:
    article_id = store.save_analysis(META, sample_analysis())
    quote = store.search_quotes(speaker="Ministry")[0]
    store.set_verification(quote.id, "false", note="no", evidence=["https://example.org/e"], who="ana")
    other = store.search_quotes(speaker="Bondar")[0]
    store.set_verification(other.id, "in_progress", who="ana")
    return article_id, quote.id


def test_json_export(store: Store) -> None:
    article_id, quote_id = _library(store)
    data = json.loads(store.export("json"))
    [article] = data["articles"]
    assert (article["id"], article["title"], article["text"]) == (article_id, "Front line", ARTICLE)
    assert len(article["quotes"]) == 3
    checked = next(q for q in article["quotes"] if q["id"] == quote_id)
    assert checked["verification"]["status"] == "false"
    assert checked["verification"]["evidence"] == ["https://example.org/e"]
    assert checked["verification"]["url"] is None
    assert json.loads(store.export("json", article_id)) == data
    with pytest.raises(StoreError, match="no article with id 77"):
        store.export("json", 77)


def test_csv_export(store: Store) -> None:
    _library(store)
    nasty = "a,b \"c\"\nd <script>x</script>"
    text = f"“{nasty}” said someone."
    start = text.index(nasty)
    store.save_analysis(ArticleMeta(title="t"), Analysis(text=text, profile=None, sentences=(), quotes=(
        Quote(start=start, end=start + len(nasty), text=nasty, speaker="X", group=None, kind="direct",
              confidence=0.5),)))
    rows = list(csv.DictReader(io.StringIO(store.export("csv"), newline="")))
    assert len(rows) == 4
    assert {r["status"] for r in rows} == {"false", "in_progress", "unverified"}
    assert rows[-1]["text"] == nasty


def test_checked_quotes_are_what_a_claim_review_is_built_from(store: Store) -> None:
    _, quote_id = _library(store)
    store.set_verification(quote_id, "false", who="ana", url="https://checks.example.org/1")
    [check] = store.read(checked_quotes)  # "in_progress" and unverified quotes are not findings
    assert (check.quote_id, check.status, check.url) == (quote_id, "false", "https://checks.example.org/1")
    assert check.speaker == "Ministry of Defence" and check.text == store.get_quote(quote_id).text
    assert (check.article_title, check.article_url, check.outlet) == ("Front line", "https://example.org/a",
                                                                       "Wire")
    assert check.cue == ""  # the sample quote has no cue span
    store.reject_quote(quote_id, who="ana")
    assert store.read(checked_quotes) == []


def test_the_fact_check_url_is_stored_with_its_history(store: Store) -> None:
    _, quote_id = _library(store)
    row = store.set_verification(quote_id, "false", who="bo", url="https://checks.example.org/1")
    assert row.url == "https://checks.example.org/1" and row.version == 2
    assert store.set_verification(quote_id, "false", who="bo").url == row.url  # None keeps it
    assert store.set_verification(quote_id, "false", who="cy", url="").url is None  # "" takes it back
    changes = [(h.old_value, h.new_value, h.who) for h in store.history("verification", quote_id)
               if h.field == "url"]
    url = "https://checks.example.org/1"
    assert changes == [(None, url, "bo"), (url, None, "cy")]
    with pytest.raises(StoreError, match="unknown export format"):
        store.export("claimreview")  # built by the core, which knows the publishing settings


def test_unknown_export_format(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        store.export("xml")


FORMULAS = ["=HYPERLINK(\"https://example.org/x\",\"open\")", "+1+2", "-3+cmd|' /C calc'!A0", "@SUM(A1:A9)",
            "\tpadded", "\rreturned"]
TEXT_COLUMNS = ("article_title", "outlet", "url", "speaker", "group", "note", "evidence", "checked_by",
                "text")


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_that_begin_like_a_formula_are_text(store: Store, formula: str) -> None:
    text = f"Intro line.\n“{formula} is what we saw,” said someone."
    content = f"{formula} is what we saw,"
    start = text.index(content)
    meta = ArticleMeta(title=formula, outlet=formula, url=formula)
    store.save_analysis(meta, Analysis(text=text, profile=None, sentences=(), quotes=(
        Quote(start=start, end=start + len(content), text=content, speaker=formula, group=formula,
              kind="direct", confidence=0.5),)))
    [quote] = store.search_quotes()
    store.set_verification(quote.id, "disputed", note=formula, evidence=[formula], who=formula)
    exported = store.export("csv")
    [row] = list(csv.DictReader(io.StringIO(exported, newline="")))
    for column in TEXT_COLUMNS:
        assert row[column].startswith("'" + formula[:1]), (column, row[column])
        assert row[column][1:].startswith(formula), column  # the text itself is kept after the quote
    assert row["quote_id"] == str(quote.id)
    lines = exported.splitlines()
    assert all(line.startswith('"') for line in lines[:2])  # every field is quoted


def test_csv_cells_of_ordinary_text_are_unchanged(store: Store) -> None:
    _library(store)
    rows = list(csv.DictReader(io.StringIO(store.export("csv"), newline="")))
    assert {r["text"] for r in rows} == {q.text for q in store.search_quotes()}
    assert not any(value.startswith("'") for r in rows for value in r.values())
