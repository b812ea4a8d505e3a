"""A CSV export that Excel opens right: byte-order mark on request, mention, cue, source and group label."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from attribview.cli.main import main

ARTICLE = (
    "Talks over the river crossing stalled again on Friday, officials in both capitals said.\n\n"
    "\"We are ready to continue the dialogue, but not on these terms,\" Песков told reporters.\n\n"
    "\"There will be no agreement while the shelling goes on,\" Зеленський said in an evening address.\n\n"
    "Лавров said the proposal had been rejected.\n"
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "library.sqlite3"
    assert main(["import", str(folder / "talks.txt"), "--db", str(db), "--profile", "war"]) == 0
    return db


def _export(library: Path, *options: str) -> bytes:
    out = library.parent / "quotes.csv"
    assert main(["export", "--format", "csv", "--db", str(library), "--out", str(out), *options]) == 0
    return out.read_bytes()


def test_csv_bom_option_starts_the_file_with_a_utf8_byte_order_mark(library: Path) -> None:
    assert _export(library, "--bom").startswith(codecs.BOM_UTF8)
    assert not _export(library).startswith(codecs.BOM_UTF8)


def test_csv_has_mention_cue_source_and_group_label(library: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(library, "--bom").decode("utf-8-sig"), newline="")))
    by_mention = {row["mention"]: row for row in rows}
    peskov = by_mention["Песков"]
    assert (peskov["speaker"], peskov["group"]) == ("Dmitry Peskov", "russian_officials")
    assert peskov["group_label"] == "Russian officials / state media"
    assert peskov["cue"] == "told" and peskov["source"] == "Песков"
    assert by_mention["Зеленський"]["group_label"] == "Zelensky"
    assert all(row["cue"] and row["cue"] in ARTICLE for row in rows)


def test_bom_is_refused_for_other_formats(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "--db", str(library), "--bom"]) == 2
    assert capsys.readouterr().err == "attribview: error: --bom is for --format csv only\n"


HARBOUR = """[profile]
id = "harbour"
label = "Harbour desk"
description = "Invented: a harbour town's council and everyone else."
min_mentions = 1

[[groups]]
id = "council"
label = "Harbour council"
colour = "#1F5FA8"
badge = "Council"

[[groups]]
id = "other"
label = "Everyone else"
colour = "#777777"
badge = "Other"

[[speakers]]
name = "Ilse Brandvik"
group = "council"
"""


def test_csv_group_labels_come_from_the_library_not_the_installed_profiles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import stores each group's label (``speaker_group``); the export reads it there, so a file
    exported where the profile is gone, or on another desk, still names the groups."""
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "harbour.toml").write_text(HARBOUR, encoding="utf-8")
    monkeypatch.setenv("ATTRIBVIEW_PROFILES", str(profiles))
    (tmp_path / "pier.txt").write_text(
        "The harbour council voted to close the pier.\n\n"
        "“The boards are rotten,” said Ilse Brandvik, the council’s chair.\n", encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    assert main(["import", str(tmp_path / "pier.txt"), "--db", str(db), "--profile", "harbour"]) == 0
    (profiles / "harbour.toml").unlink()  # this installation no longer has the profile
    rows = list(csv.DictReader(io.StringIO(_export(db).decode("utf-8"), newline="")))
    brandvik = next(row for row in rows if row["speaker"] == "Ilse Brandvik")
    assert (brandvik["group"], brandvik["group_label"]) == ("council", "Harbour council")
