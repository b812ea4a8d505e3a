"""File > Export writes JSON, CSV (for Excel) and ClaimReview of the open article, through the core."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from attribview.gui.main_window import MainWindow

SLOW = 60_000
ARTICLE = (
    "The harbour council of Velmora voted on Tuesday to close the old ferry pier.\n\n"
    "“We cannot keep sending passengers across rotting boards,” said Ilse Brandvik, the council’s chair.\n\n"
    "“Nobody asked us,” said Tomas Oyelaran, a fisherman.\n"
)


def test_export_menu_writes_each_format_of_the_open_article(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.toml"  # the publishing settings the command line reads too
    settings.write_text('[claimreview]\npublisher = "Velmora Fact Desk"\n'
                        'publisher_url = "https://desk.example.org"\n', encoding="utf-8")
    monkeypatch.setenv("ATTRIBVIEW_SETTINGS", str(settings))
    article = tmp_path / "pier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        window.start(str(article))
    assert window.tasks.wait(SLOW)
    assert window.document is not None and window.document.stored
    labels = [action.text() for action in window.export_menu.actions()]
    assert labels == ["&JSON…", "&CSV (opens in Excel)…", "Claim&Review…"]
    paths = {fmt: tmp_path / f"out.{fmt}" for fmt in ("json", "csv", "claimreview")}
    for fmt, path in paths.items():
        assert window.export_menu.export(fmt, str(path))
        # the window is told once the file is written (the file appears a moment before, on the worker)
        qtbot.waitUntil(lambda p=path: window.status_label.text() == f"Exported to {p.name}.", timeout=SLOW)
        assert path.exists()
    assert window.tasks.wait(SLOW)
    data = paths["csv"].read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert {row["speaker"] for row in rows} >= {"Ilse Brandvik", "Tomas Oyelaran"}
    assert all(row["cue"] == "said" for row in rows)
    library = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert [a["text"] for a in library["articles"]] == [ARTICLE]
    assert json.loads(paths["claimreview"].read_text(encoding="utf-8")) == []  # nothing checked yet
    assert window.status_label.text() == "Exported to out.claimreview."  # nothing came after it


def test_claimreview_without_publishing_settings_says_what_is_missing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, str]]
) -> None:
    monkeypatch.setenv("ATTRIBVIEW_SETTINGS", str(tmp_path / "absent.toml"))
    article = tmp_path / "pier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with qtbot.wait_signal(window.article_shown, timeout=SLOW):
        window.start(str(article))
    assert window.tasks.wait(SLOW)
    out = tmp_path / "out.jsonld"
    assert window.export_menu.export("claimreview", str(out))
    qtbot.waitUntil(lambda: bool(errors), timeout=SLOW)
    [(_, message)] = errors
    assert "needs the publishing organisation" in message and "absent.toml" in message
    assert not out.exists()


def test_export_without_a_library_says_so(window: MainWindow, tmp_path: Path) -> None:
    assert not window.export_menu.export("csv", str(tmp_path / "out.csv"))
    assert "No library" in window.status_label.text()
    assert not (tmp_path / "out.csv").exists()
