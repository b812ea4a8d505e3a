"""``attribview export --format claimreview`` and ``verify --url`` on a real library: the publishing
settings from a file or options, and one line (exit 2, nothing written) for what is missing or wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribview.cli.main import main

ARTICLE = ("Flooding closed the coast road near Kessin on Monday.\n\n"
           "The harbour authority said the sea wall had held through the night.\n\n"
           "\"We moved forty families before the tide,\" said Ilse Brandvik, the council's chair.\n")
SITE = "https://factdesk.example.org"


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATTRIBVIEW_SETTINGS", str(tmp_path / "no-settings.toml"))
    (tmp_path / "flood.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    assert main(["import", str(tmp_path / "flood.txt"), "--db", str(db), "--profile", "none"]) == 0
    return db


def _ids(db: Path, capsys: pytest.CaptureFixture[str]) -> list[int]:
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--json"]) == 0
    return [row["id"] for row in json.loads(capsys.readouterr().out)]


def _settings(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("attribview: error: ")
    return captured.err


def test_export_from_the_settings_file(library: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    ids = _ids(library, capsys)
    for quote_id in ids:
        assert main(["verify", str(quote_id), "--status", "verified", "--db", str(library),
                     "--url", f"{SITE}/checks/{quote_id}"]) == 0
    settings = _settings(tmp_path, f"""
[claimreview]
publisher = "Northfield Fact Desk"
publisher_url = "{SITE}/"

[claimreview.scale]
worst = 1
best = 5
false = {{ value = 1, label = "Wrong" }}
disputed = {{ value = 3, label = "Half true" }}
verified = {{ value = 5, label = "Correct" }}
inconclusive = {{ label = "Unproven" }}
""")
    out = tmp_path / "checks.jsonld"
    assert main(["export", "--format", "claimreview", "--db", str(library), "--settings", str(settings),
                 "--out", str(out)]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["url"] for r in reviews] == [f"{SITE}/checks/{i}" for i in ids]
    assert {json.dumps(r["reviewRating"], sort_keys=True) for r in reviews} == {json.dumps(
        {"@type": "Rating", "alternateName": "Correct", "name": "Correct", "ratingValue": 5, "bestRating": 5,
         "worstRating": 1}, sort_keys=True)}
    assert {r["author"]["name"] for r in reviews} == {"Northfield Fact Desk"}
    by_speaker = {r["itemReviewed"]["author"]["name"]: r["itemReviewed"]["author"]["@type"] for r in reviews}
    assert by_speaker == {"harbour authority": "Organization", "Ilse Brandvik": "Person"}
    # the same from the default settings file, which the viewer reads too
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATTRIBVIEW_SETTINGS", str(settings))
        assert main(["export", "--format", "claimreview", "--db", str(library)]) == 0
    assert json.loads(capsys.readouterr().out) == reviews


def test_without_a_publisher_the_export_says_what_is_missing(library: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "checks.jsonld"
    argv = ["export", "--format", "claimreview", "--db", str(library), "--out", str(out)]
    err = _fails(argv, capsys)
    assert "needs the publishing organisation: set publisher and publisher_url in the [claimreview] " \
           "table of " in err and "--publisher NAME --publisher-url URL" in err
    assert "publisher_url (--publisher-url) too" in _fails([*argv, "--publisher", "Desk"], capsys)
    assert not out.exists()


def test_every_checked_quote_needs_its_fact_check_url(library: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    first, second = _ids(library, capsys)
    assert main(["verify", str(first), "--status", "false", "--db", str(library)]) == 0
    assert main(["verify", str(second), "--status", "false", "--db", str(library), "--url",
                 "https://elsewhere.example.com/c"]) == 0
    argv = ["export", "--format", "claimreview", "--db", str(library), "--publisher", "Desk",
            "--publisher-url", SITE]
    assert f"1 checked quote without a fact-check URL ({first})" in _fails(argv, capsys)
    assert main(["verify", str(first), "--status", "false", "--db", str(library), "--url",
                 f"{SITE}/c/1"]) == 0
    assert f"quote {second}'s fact-check URL https://elsewhere.example.com/c is not on the publisher's " \
           f"site {SITE}" in _fails(argv, capsys)


@pytest.mark.parametrize(("settings", "message"), [
    ("[claimreview\npublisher = 1", "line 1"),
    ('[claimreview]\npublisher = "Desk"\npublisher_url = "ftp://desk.example.org"\n',
     "the publisher's url must be an http:// or https:// address"),
    ('[claimreview]\npublisher = "Desk"\npublisher_url = "https://d.example.org"\ncolour = "red"\n',
     "unknown [claimreview] setting 'colour'"),
    ('[claimreview]\npublisher = "Desk"\npublisher_url = "https://d.example.org"\n'
     '[claimreview.scale]\nworst = 1\nbest = 3\nverified = { value = 3, label = "True" }\n'
     'disputed = { value = 2, label = "Half" }\nfalse = { value = 9, label = "False" }\n',
     "false's value must be an integer from 1 to 3"),
    ('[claimreview]\npublisher = "Desk"\npublisher_url = "https://d.example.org"\n'
     '[claimreview.scale]\nworst = 2\nbest = 1\n', "needs integers worst >= 1 and best > worst"),
    ('[claimreview]\npublisher = "Desk"\npublisher_url = "https://d.example.org"\n'
     '[claimreview.scale]\nbest = 2\nfalse = { value = 1, label = "F" }\n', "verified needs a label"),
])
def test_bad_settings_get_one_line(library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   settings: str, message: str) -> None:
    path = _settings(tmp_path, settings)
    err = _fails(["export", "--format", "claimreview", "--db", str(library), "--settings", str(path)], capsys)
    assert message in err


def test_publishing_options_are_for_claimreview_only(library: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    err = _fails(["export", "--format", "csv", "--db", str(library), "--publisher", "Desk"], capsys)
    assert err == "attribview: error: --publisher is for --format claimreview only\n"
    missing = _fails(["export", "--format", "claimreview", "--db", str(library), "--settings",
                      str(library.parent / "nowhere.toml")], capsys)
    assert "nowhere.toml: no such settings file" in missing


def test_a_bad_fact_check_url_is_refused_and_nothing_saved(library: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    [first, _] = _ids(library, capsys)
    before = library.read_bytes()
    err = _fails(["verify", str(first), "--status", "false", "--db", str(library), "--url",
                  "javascript:alert(1)"], capsys)
    assert "the fact-check URL must be an http:// or https:// address, not 'javascript:alert(1)'" in err
    assert library.read_bytes() == before
