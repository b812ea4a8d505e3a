"""`attribview import` into a log or a pipe: one plain progress line per file, no redrawn bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribview.cli.main import main

ARTICLES = {
    "a-harbour.txt": "“The pier will close in May,” said Ilse Brandvik, the council's chair.",
    "b-bridge.txt": "The treasurer, Tomas Oyelaran, said the money for the bridge was there.",
    "c-school.txt": "“Classes start again on Monday,” the head teacher, Mara Quill, told parents.",
}


def test_import_progress_is_one_plain_line_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["import", str(folder), "--db", str(tmp_path / "library.sqlite3")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err
    progress = [line for line in err.splitlines() if not line.startswith("attribview:")]
    counts, names = zip(*(line.split(" ", 1) for line in progress), strict=True)
    assert counts == ("1/3", "2/3", "3/3")
    assert sorted(names) == sorted(ARTICLES)
