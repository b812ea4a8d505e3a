"""One title per article: the page's headline, else the first line, cut at a word; a file name from it."""

from __future__ import annotations

import datetime as dt

import pytest

from attribview.core.titles import FILE_STEM_LENGTH, TITLE_LENGTH, article_title, byline, file_stem
from attribview.textio import prepare_text

PAGE = """<!doctype html><html><head><title>Valley Courier | Dornel bridge</title>
<meta property="og:title" content="Dornel bridge to reopen on Friday, mayor says">
<meta property="og:site_name" content="The Valley Courier"></head>
<body><p>Mayor Halyna Brovko said on Monday that the bridge would reopen.</p></body></html>"""


def test_a_page_is_called_by_its_headline() -> None:
    assert article_title(prepare_text(PAGE, name="page.html"), "page.html") == \
        "Dornel bridge to reopen on Friday, mayor says"


def test_a_text_is_called_by_its_first_line() -> None:
    text = "\n\n  Bridge reopens in Dornel  \nMayor Halyna Brovko said the span was safe.\n"
    assert article_title(prepare_text(text), "notes.txt") == "Bridge reopens in Dornel"


def test_a_long_first_line_is_cut_at_a_word() -> None:
    text = "Mayor Halyna Brovko said " + "the council would meet again " * 10 + "\n"
    title = article_title(prepare_text(text), "x.txt")
    assert len(title) <= TITLE_LENGTH and title.endswith("…")
    assert text.startswith(title[:-1]) and text[len(title) - 1] == " "  # no word cut in half


def test_an_empty_headline_falls_back_to_the_first_line() -> None:
    page = PAGE.replace("Dornel bridge to reopen on Friday, mayor says", "   ").replace(
        "<title>Valley Courier | Dornel bridge</title>", "")
    assert article_title(prepare_text(page, name="p.html"), "p.html").startswith("Mayor Halyna Brovko")


@pytest.mark.parametrize(("title", "stem"), [
    ("Dornel bridge to reopen on Friday, mayor says", "Dornel bridge to reopen on Friday, mayor says"),
    ("../../etc/passwd", "etc passwd"),
    ('War: "what next?" <live>|updates', "War what next live updates"),
    ("...", "article"),
])
def test_a_file_name_from_a_title(title: str, stem: str) -> None:
    assert file_stem(title) == stem


def test_a_long_title_makes_a_short_file_name() -> None:
    stem = file_stem("Mayor Halyna Brovko said " + "the council would meet again " * 10)
    assert len(stem) <= FILE_STEM_LENGTH and not stem.endswith(("…", " "))


def test_byline() -> None:
    assert byline("The Valley Courier", dt.date(2026, 2, 3)) == "The Valley Courier · 2026-02-03"
    assert byline(None, dt.date(2026, 2, 3)) == "2026-02-03" and byline(None, None) == ""
