"""Saved web pages of five outlets' layouts: only the story is analysed, and every offset stays exact.

The pages are built like real news pages (article tag or none, JSON-LD, menus, cookie banners, teaser
lists, inline newsletter and ad boxes whose text has quotation marks and speech verbs); the story and
its people are invented.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.types import Analysis
from attribview.textio import prepare_text

STORY = [
    "The harbour council of Velmora voted on Tuesday to close the old ferry pier for repairs.",
    "“We cannot keep sending passengers across boards that are rotting under their feet,” said "
    "Ilse Brandvik, the council’s chair, after the vote.",
    "Fishermen who moor at the pier were less pleased. “Nobody asked us where our boats should go,” "
    "said Tomas Oyelaran, who has worked from the pier for twenty years.",
    "The repairs are expected to take eight months and cost about 4 million crowns, according to the "
    "council’s own estimate.",
    "“The money is there, and the work starts in spring,” Brandvik told reporters outside the town hall.",
]
# Boilerplate that reads like attribution: none of it may become a quote.
PROMO = "“Editors say you will love it,” said Mara Quill, who writes our morning newsletter."
COOKIE = "“We value your privacy,” says our data team. We use cookies to improve your experience."
TEASERS = [
    "“We will never give up the coast,” Putin says in a late-night address",
    "“Prices will fall by summer,” the central bank’s governor promises shoppers",
    "Ten things to do in Velmora this weekend",
]
BOILERPLATE_WORDS = ("Editors say", "value your privacy", "never give up", "Prices will fall", "Sign up")


def _json_ld() -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Velmora closes its ferry pier for repairs",
            "author": {"@type": "Person", "name": "Kari Lindqvist"}, "datePublished": "2026-11-24T08:15:00Z"}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _paragraphs(escape: bool = True) -> list[str]:
    return [f"<p>{html.escape(p, quote=False) if escape else p}</p>" for p in STORY]


def _head(title: str) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:site_name' content='{title}'>{_json_ld()}</head>")


def _teasers(tag: str = "ol") -> str:
    items = "".join(f"<li><a href='/story/{n}'>{t}</a></li>" for n, t in enumerate(TEASERS))
    return f"<div class='most-read'><h2>Most read</h2><{tag}>{items}</{tag}></div>"


def wire() -> str:
    """An agency layout: <article>, story body div, a newsletter box between paragraphs."""
    body = _paragraphs()
    body.insert(2, f"<aside class='newsletter-signup'><h3>Morning briefing</h3><p>{PROMO}</p>"
                   "<form><input name='email'><button>Sign up</button></form></aside>")
    return (_head("Wire Daily") + "<body><header><nav><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/world'>World</a></li></ul></nav></header><main><article>"
            "<h1>Velmora closes its ferry pier for repairs</h1><div class='byline'>By Kari Lindqvist</div>"
            f"<div class='article-body'>{''.join(body)}</div></article>{_teasers()}</main>"
            "<footer><p>© 2026 Wire Daily</p></footer></body></html>")


def tabloid() -> str:
    """No <article> tag: cookie banner, menu and a "Most read" list around a content div."""
    body = _paragraphs()
    body.insert(3, f"<div class='inline-promo'><p>{PROMO}</p><a href='/newsletter'>Sign up now</a></div>")
    return (_head("The Evening Flash") + "<body><div id='cookie-banner' class='cookie-consent'>"
            f"<p>{COOKIE}</p><button>Accept all</button></div><div class='menu'><a href='/'>News</a> "
            f"<a href='/sport'>Sport</a></div>{_teasers('ul')}<div id='content' class='story-content'>"
            f"<h1>Pier shut in Velmora</h1>{''.join(body)}</div><div class='footer'>Contact us</div>"
            "</body></html>")


def broadsheet() -> str:
    """<main> and a story section, an ad slot and a related-stories box inside the text."""
    body = _paragraphs()
    body.insert(1, "<div class='ad-slot advertisement'><span>Advertisement</span></div>")
    body.insert(4, f"<div class='related-content'><h4>Related</h4><p>{TEASERS[0]}</p></div>")
    return (_head("The Chronicle") + "<body><nav class='site-nav'>Sections Opinion Business</nav><main>"
            f"<section class='story'><h1>Velmora pier to close</h1>{''.join(body)}</section>"
            f"<aside>{_teasers()}</aside></main></body></html>")


def regional() -> str:
    """A blog-engine layout: entry-content div, a figure, a promo paragraph and share buttons."""
    body = _paragraphs()
    body.insert(1, "<figure><img src='pier.jpg' alt='The pier'>"
                   "<figcaption>The old ferry pier.</figcaption></figure>")
    body.insert(3, f"<div class='promo-box newsletter'><p><strong>{PROMO}</strong></p></div>")
    return (_head("Velmora Gazette") + "<body><div id='page'><div class='site-header'>Velmora Gazette</div>"
            "<div class='post'><h1 class='entry-title'>Pier closes</h1>"
            f"<div class='entry-content'>{''.join(body)}"
            "<div class='share-buttons'>Share on social media</div></div></div>"
            f"<div class='sidebar widget-area'>{_teasers()}</div></div></body></html>")


def magazine() -> str:
    """<article> with entities in the text, a teaser grid after it and a cookie notice at the end."""
    body = [f"<p>{html.escape(p, quote=False).replace('’', '&rsquo;').replace('“', '&ldquo;')}</p>"
            for p in STORY]
    body.insert(2, f"<div class='newsletter-box'><p>{PROMO}</p></div>")
    return (_head("Northern Review") + "<body><div class='topbar'>Subscribe | Log in</div><article>"
            f"<header><h1>The pier question</h1><p class='standfirst'>A town decides.</p></header>"
            f"{''.join(body)}</article><section class='teasers'><h2>Read next</h2>{_teasers('ul')}</section>"
            f"<div class='cookie-notice' role='dialog'><p>{COOKIE}</p></div></body></html>")


LAYOUTS: dict[str, Callable[[], str]] = {
    f.__name__: f for f in (wire, tabloid, broadsheet, regional, magazine)
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def page(request: pytest.FixtureRequest, analyzer: Analyzer) -> tuple[str, Analysis]:
    original = LAYOUTS[request.param]()
    return original, analyzer.analyze(prepare_text(original, name=f"{request.param}.html"), profile="none")


def _visible(source_html: str) -> str:
    """What a reader sees of a piece of the source: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", source_html)).split())


def test_saved_page_boilerplate_never_becomes_a_quote(page: tuple[str, Analysis]) -> None:
    _, analysis = page
    for quote in analysis.quotes:
        assert not any(words in _visible(quote.text) for words in BOILERPLATE_WORDS), quote.text


def test_saved_page_story_quotes_are_found(page: tuple[str, Analysis]) -> None:
    _, analysis = page
    found = " ".join(_visible(quote.text) for quote in analysis.quotes)
    for words in ("rotting under their feet", "Nobody asked us", "work starts in spring"):
        assert words in found


def test_saved_page_offsets_point_at_the_quote_in_the_source(page: tuple[str, Analysis]) -> None:
    original, analysis = page
    assert analysis.quotes
    story = " ".join(STORY)
    for quote in analysis.quotes:
        assert quote.text == original[quote.start:quote.end]
        assert _visible(quote.text) in story  # whole words of the story, not shifted by markup


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_saved_page_reads_its_json_ld_date_and_keeps_no_teaser(layout: str) -> None:
    source = prepare_text(LAYOUTS[layout](), name="page.html")
    assert source.meta is not None and (source.meta.published or "").startswith("2026-11-24")
    assert not any(teaser in source.text for teaser in TEASERS)
    assert "Accept all" not in source.text and "Sign up" not in source.text
