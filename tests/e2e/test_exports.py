"""The CSV export of a real library never hands a spreadsheet a formula (OWASP's CSV-injection advice)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.conftest import Run

Attribview = Callable[..., Run]
FORMULAS = ['=HYPERLINK("https://example.org/x","open")', "+1+2", "-3+cmd|' /C calc'!A0",
            "@SUM(A1:A9)", "\tpadded", "\rreturned"]
STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("formula", FORMULAS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_article_and_user_text_reach_the_csv_as_text(attribview: Attribview, tmp_path: Path,
                                                     formula: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"{formula} in the valley\n“{formula} is what we counted,” said Mayor Ilsa Brandt.\n",
                       encoding="utf-8", newline="")
    db = tmp_path / "library.sqlite3"
    assert attribview("import", article, "--db", db, "--profile", "none").returncode == 0
    found = attribview("quotes", "--db", db, "--json")
    [quote] = json.loads(found.stdout)
    verified = attribview("verify", str(quote["id"]), "--status", "disputed", "--note", formula,
                          "--evidence", formula, "--db", db, env={"LOGNAME": formula, "USER": formula})
    assert verified.returncode == 0, verified.stderr
    out = tmp_path / "quotes.csv"
    run = attribview("export", "--format", "csv", "--db", db, "--out", out)
    assert run.returncode == 0, run.stderr

    exported = out.read_bytes().decode("utf-8")
    [row] = list(csv.DictReader(io.StringIO(exported, newline="")))
    for column in ("note", "evidence", "checked_by"):
        assert row[column] == "'" + formula, (column, row[column])
    stored = json.loads(attribview("export", "--db", db).stdout)["articles"][0]
    for column, value in (("article_title", stored["title"]), ("text", stored["quotes"][0]["text"])):
        assert row[column] == ("'" + value if value.startswith(STARTS) else value), column
    if not formula[0].isspace():  # the title is the first line, trimmed
        assert row["article_title"].startswith("'" + formula)
    assert not [cell for cell in row.values() if cell.startswith(STARTS)]
    assert row["speaker"] == "Ilsa Brandt" and row["status"] == "disputed"
    header, line = exported.split("\r\n")[:2]
    assert header.startswith('"quote_id","article_id",') and line.startswith('"')  # every field quoted
