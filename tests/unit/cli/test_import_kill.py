"""Killing `attribview import` half-way leaves a sound library of whole articles; rerunning finishes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ARTICLES = 200


def _write_articles(folder: Path) -> dict[str, int]:
    """Generated articles with 1 to 4 quotations each; returns the expected quote count per title."""
    folder.mkdir()
    expected: dict[str, int] = {}
    for i in range(ARTICLES):
        count = i % 4 + 1
        title = f"Report number {i} from the Valdane region, day {i % 7}."
        lines = [title, *(f"“Statement {k} of report {i}; <b>'quoted'</b>,” said Speaker Number{k}."
                          for k in range(count))]
        (folder / f"a{i:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected[title] = count
    return expected


def _stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1) as raw:
            return int(raw.execute("SELECT count(*) FROM article").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def _check_whole(db: Path, expected: dict[str, int]) -> int:
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = raw.execute(
            "SELECT a.title, count(q.id) FROM article a LEFT JOIN quote q ON q.article_id = a.id "
            "GROUP BY a.id"
        ).fetchall()
    finally:
        raw.close()
    for title, count in rows:
        assert count == expected[title], f"{title!r} is half-stored: {count} of {expected[title]} quotes"
    return len(rows)


def _import(db: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "attribview", "import", str(folder), "--db", str(db),
                             "--profile", "none"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_import_leaves_whole_articles_and_reruns_to_completion(tmp_path: Path) -> None:
    folder, db = tmp_path / "articles", tmp_path / "library.sqlite3"
    expected = _write_articles(folder)
    process = _import(db, folder)
    try:
        deadline = time.monotonic() + 120
        while _stored_articles(db) < 40:
            assert process.poll() is None, f"the import ended early: {process.communicate()}"
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.communicate()
    assert process.returncode == -signal.SIGKILL
    stored = _check_whole(db, expected)
    assert 40 <= stored < ARTICLES

    rerun = _import(db, folder)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err
    assert out.strip() == f"imported {ARTICLES - stored}, already in the library {stored}, unreadable 0"
    assert _check_whole(db, expected) == ARTICLES
