"""Importing saved web pages: the page's own title, outlet, address and date reach the library."""

import datetime as dt
from pathlib import Path

from attribview.core.analysis import Analyzer
from attribview.core.library import Library
from attribview.errors import InputError
from attribview.paths import sample_article
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


def test_imported_page_keeps_its_metadata(tmp_path: Path, library_location: str | Path,
                                          analyzer: Analyzer) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    with Library.open(library_location, analyzer) as library:
        report = library.import_files([tmp_path])
        assert len(report.imported) == 1 and not report.failed
        (article,) = library.store.articles()
        quotes = library.search(speaker="Harold Venn")
    assert (article.title, article.outlet, article.url) == (
        "Ministry says bridge will reopen", "Valdane Post", "https://valdane.example/bridge")
    assert article.published == dt.date(2025, 7, 26)
    assert [q.text for q in quotes] == ["“We are ahead of schedule,”"]  # the readable text, not the HTML


def test_a_page_imported_twice_is_skipped(tmp_path: Path, library_location: str | Path,
                                          analyzer: Analyzer) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    with Library.open(library_location, analyzer) as library:
        first = library.import_files([page])
        again = library.import_files([page])
    assert len(first.imported) == 1
    assert (again.imported, again.skipped) == ([], [str(page)])


def test_word_documents_are_read_and_imported(tmp_path: Path, library_location: str | Path,
                                              analyzer: Analyzer) -> None:
    import docx  # noqa: PLC0415 - only this test writes Word files

    document = docx.Document()
    document.core_properties.title = "Harbour vote"
    document.add_paragraph("The council approved the harbour lease on Monday.")
    document.add_paragraph("")
    document.add_paragraph("“This is a good day for the port,” said Mayor Helen Fairlie.")
    path = tmp_path / "harbour.docx"
    document.save(str(path))
    source = read_article(path)
    assert source.text == ("The council approved the harbour lease on Monday.\n"
                           "“This is a good day for the port,” said Mayor Helen Fairlie.")
    with Library.open(library_location, analyzer) as library:
        assert len(library.import_files([tmp_path]).imported) == 1
        (article,) = library.store.articles()
        (quote,) = library.search(speaker="Fairlie")
    assert article.title == "Harbour vote"
    assert quote.text == "“This is a good day for the port,”"


def test_a_broken_word_file_is_reported_not_fatal(tmp_path: Path, library_location: str | Path,
                                                  analyzer: Analyzer) -> None:
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "fine.txt").write_text("“The road is open,” said Ivo Marsh.", encoding="utf-8")
    with Library.open(library_location, analyzer) as library:
        report = library.import_files([tmp_path])
    assert len(report.imported) == 1
    assert [(Path(p).name, "Word" in m) for p, m in report.failed] == [("broken.docx", True)]


def test_a_page_with_an_article_element_keeps_only_the_story(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><p>Subscribe for 1 euro, officials said.</p><article><h1>Bridge to reopen</h1>"
        "<p>The bridge will reopen in March, the ministry said.</p></article>"
        "<div>Most read: mayor resigns</div></body></html>", encoding="utf-8")
    source = read_article(page)
    assert source.text == "Bridge to reopen\nThe bridge will reopen in March, the ministry said."
    start, end = source.to_original(0, 6)
    assert source.original[start:end] == "Bridge"


def _two_articles(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    first.write_text("Dam report.\n“The dam will hold,” said Mayor Ilsa Brandt.\n", encoding="utf-8")
    second.write_text("Bridge report.\n“The bridge opens in May,” said Tomas Varek.\n", encoding="utf-8")
    return first, second


def test_a_text_given_twice_in_one_run_is_stored_and_counted_once(
        tmp_path: Path, library_location: str | Path, analyzer: Analyzer) -> None:
    first, _ = _two_articles(tmp_path / "articles")
    twin = tmp_path / "articles" / "c-same-as-a.txt"
    twin.write_bytes(first.read_bytes())
    with Library.open(library_location, analyzer) as library:
        report = library.import_files([tmp_path / "articles", first], profile="none")
        assert len(library.store.articles()) == 2
    assert len(report.imported) == len(set(report.imported)) == 2
    assert report.duplicates == [(str(twin), str(first)), (str(first), str(first))]
    assert (report.skipped, report.failed) == ([], [])


def test_a_text_stored_meanwhile_by_another_import_is_counted_as_already_there(
        tmp_path: Path, library_location: str | Path, analyzer: Analyzer) -> None:
    first, second = _two_articles(tmp_path / "articles")
    db = library_location

    def other_import_lands(done: int, _total: int, name: str) -> None:
        if done == 1:  # between this import's look-up of b.txt and its save: another process saves it
            assert name == "a.txt"
            with Library.open(db, analyzer) as other:
                assert len(other.import_files([second], profile="none").imported) == 1

    with Library.open(db, analyzer) as library:
        report = library.import_files([first, second], profile="none", progress=other_import_lands)
        assert len(library.store.articles()) == 2
    assert len(report.imported) == 1 and report.skipped == [str(second)]


class _RefusesOneText(Analyzer):
    """The real analyzer, refusing (as it may refuse a text it cannot analyse) any text with a marker."""

    def analyze_many(self, sources, *args, **kwargs):  # type: ignore[no-untyped-def]
        for source in sources:  # a refusal in the middle of a batch, after giving the ones before it
            if "UNANALYSABLE" in source.text:
                raise InputError("this text cannot be analysed")
            yield from super().analyze_many([source], *args, **kwargs)


def test_an_article_the_analyzer_refuses_is_reported_and_the_batch_is_stored(tmp_path: Path) -> None:
    _two_articles(tmp_path / "articles")
    bad = tmp_path / "articles" / "aa-bad.txt"
    bad.write_text("UNANALYSABLE.\n“Nothing,” said nobody.\n", encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3", _RefusesOneText()) as library:  # loads its own model
        report = library.import_files([tmp_path / "articles"], profile="none")
        assert len(library.store.articles()) == 2
    assert len(report.imported) == 2
    assert report.failed == [(str(bad), "this text cannot be analysed")]


def test_an_import_stores_the_labels_and_sides_of_its_profile(library_location: str | Path,
                                                              analyzer: Analyzer) -> None:
    with Library.open(library_location, analyzer) as library:
        assert library.import_files([sample_article()]).imported
        stored = {(group, label, side) for profile, group, label, side in library.store.group_labels()
                  if profile == "war"}
    war = analyzer.profiles["war"]
    assert stored == {(g.id, g.label, g.side) for g in war.groups}


def test_a_stopped_import_ends_after_the_file_being_stored_and_a_rerun_completes_it(
        tmp_path: Path, library_location: str | Path, analyzer: Analyzer) -> None:
    for number, town in enumerate(("Dornel", "Kessin", "Veldorf", "Marinsk"), start=1):
        (tmp_path / f"{number}.txt").write_text(f'"The {town} pier is safe," said engineer Petra Quill.\n',
                                                encoding="utf-8")
    seen: list[int] = []
    with Library.open(library_location, analyzer) as library:
        report = library.import_files([tmp_path], progress=lambda done, _total, _name: seen.append(done),
                                      stop=lambda: len(seen) >= 2)  # Cancel pressed as the 2nd is stored
        assert report.cancelled and len(report.imported) == 2 and report.total == 4 and seen == [1, 2]
        assert len(library.progress()) == 2  # what was stored is kept
        rest = library.import_files([tmp_path], stop=lambda: False)
        assert not rest.cancelled and len(rest.imported) == 2 and len(rest.skipped) == 2
