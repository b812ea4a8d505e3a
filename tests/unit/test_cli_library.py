"""The library commands end to end: import, quotes, verify, export, on a real SQLite file."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from attribview.cli.main import main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the three bundled samples imported once for the module."""
    folder = tmp_path_factory.mktemp("articles")
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, folder / sample.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path_factory.mktemp("db") / "library.sqlite3"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    return db


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_import_reports_and_skips_duplicates(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["import", str(SAMPLES / "frontline-report.txt"), "--db", str(library)]) == 0
    out = capsys.readouterr().out
    assert "imported 0, already in the library 1" in out


def test_quotes_by_group_and_text(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["quotes", "--db", str(library), "--group", "russian_officials", "--json"])
    assert isinstance(rows, list) and rows
    assert {row["group"] for row in rows} == {"russian_officials"}
    assert any(row["speaker"] == "Dmitry Peskov" for row in rows)
    found = _json(capsys, ["quotes", "--db", str(library), "--search", "pure terror", "--json"])
    assert isinstance(found, list) and len(found) == 1 and found[0]["speaker"] == "Volodymyr Zelensky"


def test_verify_then_search_by_status_and_export(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["quotes", "--db", str(library), "--speaker", "Peskov", "--json"])
    assert isinstance(rows, list)
    quote_id = rows[0]["id"]
    assert main(["verify", str(quote_id), "--status", "disputed", "--note", "no evidence",
                 "--evidence", "https://example.org/check", "--url", "https://checks.example.org/peskov",
                 "--db", str(library)]) == 0
    assert f"quote {quote_id}: disputed (no evidence) at https://checks.example.org/peskov" in (
        capsys.readouterr().out)
    disputed = _json(capsys, ["quotes", "--db", str(library), "--status", "disputed", "--json"])
    assert isinstance(disputed, list) and [r["id"] for r in disputed] == [quote_id]

    reviews = _json(capsys, ["export", "--format", "claimreview", "--db", str(library), "--publisher",
                             "Desk", "--publisher-url", "https://checks.example.org"])
    assert isinstance(reviews, list) and reviews[0]["@type"] == "ClaimReview"
    assert reviews[0]["reviewRating"]["alternateName"] == "Misleading"  # the default scale's label
    assert reviews[0]["url"] == "https://checks.example.org/peskov"

    capsys.readouterr()
    assert main(["export", "--format", "csv", "--db", str(library)]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(table) > 50


def test_export_to_a_file(library: Path, tmp_path: Path) -> None:
    out = tmp_path / "library.json"
    assert main(["export", "--db", str(library), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 100])
def test_a_bad_db_file_is_refused_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           content: bytes) -> None:
    db = tmp_path / "other.db"
    db.write_bytes(content)
    assert main(["quotes", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("attribview: error:") and err.count("\n") == 1 and "Traceback" not in err
    assert db.read_bytes() == content


def test_unknown_quote_is_a_one_line_error(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["verify", "999999", "--status", "verified", "--db", str(library)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_report_shows_library_statuses(library: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["quotes", "--db", str(library), "--search", "pure terror", "--json"])
    assert isinstance(rows, list)
    assert main(["verify", str(rows[0]["id"]), "--status", "verified", "--db", str(library)]) == 0
    out = tmp_path / "report.html"
    sample = str(SAMPLES / "frontline-report.txt")
    assert main(["report", sample, "--out", str(out), "--db", str(library)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Volodymyr Zelensky" in html and ">verified<" in html
    assert "<script" not in html


def test_init_then_import_quotes_and_verify_at_either_location(
        library_location: str | Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(library_location)
    assert main(["quotes", "--db", db]) == 2  # reading commands never create a library
    assert "no library here" in capsys.readouterr().err
    assert main(["init", "--db", db]) == 0
    assert "library ready (0 articles)" in capsys.readouterr().out
    assert main(["import", str(SAMPLES / "frontline-report.txt"), "--db", db]) == 0
    rows = _json(capsys, ["quotes", "--db", db, "--json"])
    assert isinstance(rows, list) and rows
    first = rows[0]["id"]
    assert main(["verify", str(first), "--status", "verified", "--db", db, "--checker", "Ana Field",
                 "--if-version", "0"]) == 0
    assert "by Ana Field, version 1" in capsys.readouterr().out
    assert main(["verify", str(first), "--status", "false", "--db", db, "--checker", "Ben Ross",
                 "--if-version", "0"]) == 2  # Ana saved since Ben read it
    err = capsys.readouterr().err
    assert err.startswith(f"attribview: error: quote {first} was changed by Ana Field at ")
    assert err.count("\n") == 1
    assert [r["status"] for r in _json(capsys, ["quotes", "--db", db, "--status", "verified", "--json"])
            if r["id"] == first] == ["verified"]
    assert main(["init", "--db", db]) == 0  # again: already at head, nothing changes
    assert "library ready (1 article)" in capsys.readouterr().out
