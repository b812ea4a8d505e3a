"""Articles over spaCy's 1,000,000 characters (its error E088) and within the 5 MB limit are analysed.

They go through the pipeline in pieces: every quote is found at its exact offsets in the file, and in
a folder import a file that cannot be read is reported while the others are stored.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.e2e.conftest import digest

SPACY_LIMIT = 1_000_000


def _paragraph(number: int) -> str:
    """An invented paragraph, numbered so that no two are alike."""
    return (f"Mayor Ilse Varga of Dunmere said on Tuesday that ferry {number} would run again. "
            f"“We have waited {number} days for a bridge,” said Tomas Brell, a harbour pilot.")


def _padded(chars: int, newline: str) -> str:
    """Invented paragraphs, each line padded with spaces to 2,000 characters (a fixed-width export):
    over ``chars`` characters in few words, so that the test stays fast."""
    lines = [_paragraph(n).ljust(2000) for n in range(chars // 2000 + 1)]
    return newline.join(lines) + newline


def test_an_article_over_a_million_characters_is_analysed(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = _padded(SPACY_LIMIT, "\n")
    assert len(text) > SPACY_LIMIT
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    before = digest(article)
    run = attribview("analyze", "--json", article)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stderr == ""
    quotes = json.loads(run.stdout)["quotes"]
    paragraphs = text.count("\n")
    assert paragraphs > 400
    direct = [q for q in quotes if q["text"].startswith("“")]
    assert len(direct) == paragraphs
    for number, quote in enumerate(direct):
        assert quote["text"] == f"“We have waited {number} days for a bridge,”"
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert text[quote["source_start"]:quote["source_end"]].startswith("Tomas Brell")
    assert digest(article) == before


def test_a_folder_import_stores_the_long_and_reports_the_bad(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-long.txt").write_bytes(_padded(SPACY_LIMIT, "\r\n").encode("utf-8"))
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02\x7fELF\x00\x00\x00" * 500)
    (folder / "c-short.txt").write_text(_paragraph(7) + "\n", encoding="utf-8")
    before = digest(folder)
    db = tmp_path / "library.db"
    run = attribview("import", "--db", db, folder)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    [skipped] = run.messages
    assert skipped.startswith("attribview: skipped ") and "b-binary.txt" in skipped and "binary" in skipped
    assert "imported 2" in run.stdout
    assert digest(folder) == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM article").fetchone() == (2,)
    listed = attribview("quotes", "--db", db, "--search", "waited 499 days", "--json")
    assert listed.returncode == 0, listed.stderr
    [quote] = json.loads(listed.stdout)
    assert quote["text"] == "“We have waited 499 days for a bridge,”"


def test_a_flood_of_quotation_marks_is_analysed(attribview, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Runs of thousands of marks in one sentence, straight and curly, and thousands of quotations."""
    flood = ('The mayor said ' + '"' * 10_000 + " and " + "“”" * 5_000 + " on Tuesday.\n"
             + " ".join(f"“Yes {n},” she said." for n in range(1000)) + "\n")
    article = tmp_path / "flood.txt"
    article.write_text(flood, encoding="utf-8")
    run = attribview("analyze", "--json", article)
    assert run.returncode == 0, run.stderr[-2000:]
    quotes = json.loads(run.stdout)["quotes"]
    assert all(flood[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert {f"“Yes {n},”" for n in range(1000)} <= {q["text"] for q in quotes}
