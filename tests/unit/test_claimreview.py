"""ClaimReview as fact-checkers publish it, on a real library: an invented page imported through the core,
its quotes verified with their fact-check URLs, the export read back by a strict checker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.core.publishing import Publishing, SettingsError, load_publishing
from tests.unit.claimreview_check import NOT_KNOWN, RECOMMENDED, check_claim_review, strict_json

SITE = "https://factdesk.example.org/"
PAGE = """<!doctype html>
<html><head>
<meta property="og:title" content="Fighting near Velmora">
<meta property="og:site_name" content="The Northfield Courier">
<meta property="og:url" content="https://courier.example.com/2026/03/velmora">
<meta property="article:published_time" content="2026-03-04T08:00:00Z">
</head><body><article>
<h1>Fighting near Velmora</h1>
<p>Fighting continued near the river town of Velmora on Tuesday.</p>
<p>Russia's Defence Ministry said it had captured two villages east of the town.</p>
<p>"We are holding every position &lt;script&gt; and more," Zelensky said in an evening address.</p>
<p>The regional administration said that three bridges had been damaged.</p>
</article></body></html>
"""
STATUSES = ("false", "disputed", "verified", "inconclusive")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> Iterator[Library]:
    """A real SQLite library with the page imported and every quote verified, one status each."""
    folder = tmp_path_factory.mktemp("claimreview")
    (folder / "velmora.html").write_text(PAGE, encoding="utf-8")
    library = Library.open(folder / "library.sqlite3", analyzer)
    report = library.import_files([folder / "velmora.html"], profile="war")
    assert report.imported and not report.failed
    quotes = library.search()
    assert len(quotes) == 3
    for quote, status in zip(quotes, STATUSES, strict=False):
        library.verify(quote.id, status, note="Checked against the ministry's own channel.",
                       evidence=["https://archive.example.net/x"], checker="Ana Field",
                       url=f"{SITE}checks/{quote.id}")
    with library:
        yield library


@pytest.fixture
def publishing(tmp_path: Path) -> Publishing:
    settings = tmp_path / "settings.toml"
    settings.write_text(f'[claimreview]\npublisher = "Northfield Fact Desk"\npublisher_url = "{SITE}"\n'
                        'logo = "https://factdesk.example.org/logo.png"\n', encoding="utf-8")
    return load_publishing(settings)


def _reviews(library: Library, publishing: Publishing) -> list[dict[str, object]]:
    text = library.export("claimreview", publishing=publishing)
    assert "<" not in text and ">" not in text  # a quote's "</script>" cannot end a page's script element
    reviews = strict_json(text)
    assert isinstance(reviews, list)
    return reviews


def test_every_required_and_recommended_property_on_a_real_export(checked: Library,
                                                                  publishing: Publishing) -> None:
    reviews = _reviews(checked, publishing)
    assert len(reviews) == 3
    for review in reviews:
        check_claim_review(review, publisher_site=SITE)
        assert RECOMMENDED["ClaimReview"] <= set(review)
        claim = review["itemReviewed"]
        assert isinstance(claim, dict)
        assert RECOMMENDED["Claim"] - NOT_KNOWN["Claim"] <= set(claim)
        assert claim["datePublished"] == "2026-03-04"
        assert claim["appearance"] == {
            "@type": "NewsArticle", "headline": "Fighting near Velmora", "datePublished": "2026-03-04",
            "url": "https://courier.example.com/2026/03/velmora",
            "publisher": {"@type": "Organization", "name": "The Northfield Courier"}}
        assert review["author"] == {"@type": "Organization", "name": "Northfield Fact Desk", "url": SITE,
                                    "logo": "https://factdesk.example.org/logo.png"}
        assert review["datePublished"] == dt.datetime.now(dt.UTC).date().isoformat()
        assert "contributor" not in review  # the checker is named only when the settings say so


def test_bodies_are_organizations_and_claims_name_their_speaker(checked: Library,
                                                                publishing: Publishing) -> None:
    by_author = {r["itemReviewed"]["author"]["name"]: r for r in _reviews(checked, publishing)}
    assert {name: r["itemReviewed"]["author"]["@type"] for name, r in by_author.items()} == {
        "Russian Defence Ministry": "Organization", "Volodymyr Zelensky": "Person",
        "regional administration": "Organization"}
    assert by_author["Russian Defence Ministry"]["claimReviewed"] == (
        "Russian Defence Ministry said that it had captured two villages east of the town")
    assert by_author["Volodymyr Zelensky"]["claimReviewed"] == (
        "Volodymyr Zelensky said: “We are holding every position <script> and more”")
    assert by_author["regional administration"]["claimReviewed"] == (
        "The regional administration said that three bridges had been damaged")


def test_the_rating_follows_the_scale(checked: Library, publishing: Publishing) -> None:
    ratings = {r["url"]: r["reviewRating"] for r in _reviews(checked, publishing)}
    assert sorted(r["alternateName"] for r in ratings.values()) == ["False", "Misleading", "True"]
    assert {r["alternateName"]: r.get("ratingValue") for r in ratings.values()} == {
        "False": 1, "Misleading": 2, "True": 3}


def test_without_a_publisher_or_a_url_nothing_is_written(checked: Library, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTRIBVIEW_SETTINGS", str(tmp_path / "absent.toml"))
    with pytest.raises(SettingsError, match=r"needs the publishing organisation: set publisher and "
                                            r"publisher_url in the \[claimreview\] table of .*absent\.toml"):
        checked.export("claimreview")
    [first, *_] = checked.search()
    off_site = load_publishing(None, publisher="Other Desk", publisher_url="https://other.example.com")
    with pytest.raises(SettingsError, match=rf"quote {first.id}'s fact-check URL .* is not on the publisher"):
        checked.export("claimreview", publishing=off_site)
    row = checked.verify(first.id, "false", url="")  # the URL taken back: no longer publishable
    assert row.url is None
    on_site = load_publishing(None, publisher="Northfield Fact Desk", publisher_url=SITE)
    with pytest.raises(SettingsError, match=rf"1 checked quote without a fact-check URL \({first.id}\)"):
        checked.export("claimreview", publishing=on_site)
    checked.verify(first.id, "false", url=f"{SITE}checks/{first.id}")
    assert len(strict_json(checked.export("claimreview", publishing=on_site))) == 3


def test_the_fact_check_url_is_kept_with_its_history(checked: Library) -> None:
    [first, *_] = checked.search()
    assert checked.store.get_verification(first.id).url == f"{SITE}checks/{first.id}"
    changes = [h for h in checked.quote_history(first.id) if h.field == "url"]
    assert changes and changes[0].new_value == f"{SITE}checks/{first.id}" and changes[0].who == "Ana Field"
    with pytest.raises(SettingsError, match="the fact-check URL must be an http:// or https:// address"):
        checked.verify(first.id, "false", url="javascript:alert(1)")


@pytest.mark.parametrize("spoil", [
    lambda r: r.pop("url"),
    lambda r: r.update(url="https://elsewhere.example.com/check"),
    lambda r: r.update(claimReviewed="it had captured two villages"),
    lambda r: r["author"].update({"@type": "Person"}),
    lambda r: r["reviewRating"].update(ratingValue="2"),
    lambda r: r["reviewRating"].update(ratingValue=9),
    lambda r: r["reviewRating"].pop("alternateName"),
    lambda r: r["itemReviewed"].update(author={"@type": "Thing", "name": "x"}),
    lambda r: r.update(rating="False"),
    lambda r: r.update(datePublished="last Tuesday"),
])
def test_the_checker_refuses_spoilt_markup(checked: Library, publishing: Publishing, spoil: object) -> None:
    [review, *_] = _reviews(checked, publishing)
    check_claim_review(review, publisher_site=SITE)
    assert callable(spoil)
    spoil(review)
    with pytest.raises((AssertionError, ValueError)):
        check_claim_review(review, publisher_site=SITE)


@pytest.mark.parametrize("text", ['{"a": 1, "a": 2}', '[NaN]', '{"a": Infinity}'])
def test_strict_json_refuses_what_some_readers_reject(text: str) -> None:
    with pytest.raises(AssertionError):
        strict_json(text)
