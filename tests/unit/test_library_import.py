"""Importing saved web pages: the page's own title, outlet, address and date reach the library."""

import datetime as dt
from pathlib import Path

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.textio import read_article

PAGE = """<!doctype html><html><head><title>Bridge story | Valdane Post</title>
<meta property="og:title" content="Ministry says bridge will reopen">
<meta property="og:site_name" content="Valdane Post">
<meta property="article:published_time" content="2025-07-26T08:00:00Z">
<link rel="canonical" href="https://valdane.example/bridge"><script>alert(1)</script></head>
<body><nav>Home | News</nav><article><h1>Ministry says bridge will reopen</h1>
<p>The bridge will reopen in March, the transport ministry said on Monday.</p>
<p>&ldquo;We are ahead of schedule,&rdquo; said Harold Venn, the chief engineer.</p></article></body></html>
"""


def test_page_metadata_is_read(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    meta = read_article(page).meta
    assert meta is not None
    assert (meta.title, meta.outlet, meta.url) == (
        "Ministry says bridge will reopen", "Valdane Post", "https://valdane.example/bridge")
    assert meta.published == "2025-07-26T08:00:00Z"


def test_imported_page_keeps_its_metadata(tmp_path: Path, analyzer: Analyzer) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3", analyzer) as library:
        report = library.import_files([tmp_path])
        assert len(report.imported) == 1 and not report.failed
        (article,) = library.store.articles()
        quotes = library.search(speaker="Harold Venn")
    assert (article.title, article.outlet, article.url) == (
        "Ministry says bridge will reopen", "Valdane Post", "https://valdane.example/bridge")
    assert article.published == dt.date(2025, 7, 26)
    assert [q.text for q in quotes] == ["“We are ahead of schedule,”"]  # the readable text, not the HTML


def test_a_page_imported_twice_is_skipped(tmp_path: Path, analyzer: Analyzer) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3", analyzer) as library:
        first = library.import_files([page])
        again = library.import_files([page])
    assert len(first.imported) == 1
    assert (again.imported, again.skipped) == ([], [str(page)])
