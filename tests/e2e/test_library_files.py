"""Library files the program must not write: refused in one line and left byte-identical.

A refused file keeps its digest, and its folder gains nothing (no ``-wal``, ``-shm`` or journal beside
it), whether the command only reads (``quotes``) or would write (``import``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e import libraries
from tests.e2e.conftest import Run, digest

Attribview = Callable[..., Run]

REFUSED = [  # (builder, words of the one line)
    (libraries.library_without_revision, "schema revision is missing"),
    (libraries.bare_empty_alembic, "another program"),
    (libraries.other_alembic_program, "another program"),
    (libraries.other_alembic_program_with_our_revision, "another program"),
    (libraries.newer_library, "newer attribview"),
    (libraries.two_revisions, "schema revision is ambiguous"),
    (libraries.foreign, "another program"),
    (libraries.foreign_wal, "another program"),
    (libraries.claimed_by_application_id, "another program"),
    (libraries.corrupt_library, "corrupt"),
    (libraries.truncated_library, "corrupt"),
    (libraries.header_only, "corrupt"),
    (libraries.not_sqlite, "not an SQLite database"),
]
COMMANDS = [  # one that only reads (as export and verify: no library is made) and one that writes
    ("quotes",),
    ("import", "{article}"),
]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Dam report.\n“The dam will hold,” said Mayor Ilsa Brandt.\n", encoding="utf-8")
    return path


def _args(command: tuple[str, ...], article: Path) -> list[str]:
    return [part.format(article=article) for part in command]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(("build", "words"), REFUSED, ids=lambda v: getattr(v, "__name__", ""))
def test_a_refused_library_is_left_byte_identical(attribview: Attribview, tmp_path: Path, article: Path,
                                                  build: libraries.Builder, words: str,
                                                  command: tuple[str, ...]) -> None:
    folder = tmp_path / "libraries"
    folder.mkdir()
    db = folder / "library.sqlite3"
    build(db)
    before = digest(folder)
    run = attribview(*_args(command, article), "--db", db)
    run.assert_one_line_error(str(db), words)
    assert digest(folder) == before, sorted(p.name for p in folder.iterdir())


def test_a_corrupt_library_gives_the_whole_report_on_request(attribview: Attribview, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    libraries.corrupt_library(db)
    short = attribview("quotes", "--db", db)
    short.assert_one_line_error("corrupt", "more problems", "ATTRIBVIEW_VERBOSE=1")
    full = attribview("quotes", "--db", db, env={"ATTRIBVIEW_VERBOSE": "1"})
    assert full.returncode == 2 and "Traceback" not in full.stderr
    first, *details = full.stderr.splitlines()
    assert first.startswith("attribview: error: ") and "corrupt" in first
    assert len(details) > 2 and all("page" in line.lower() for line in details)


MISSING = [  # commands that need a library, on one that is not there: (arguments, words)
    (("quotes", "--json"), "no library"),
    (("export", "--format", "csv", "--out", "out.csv"), "no library"),
    (("verify", "1", "--status", "verified"), "no library"),
]


@pytest.mark.parametrize(("args", "words"), MISSING, ids=[" ".join(args) for args, _ in MISSING])
@pytest.mark.parametrize("where", ["missing", "empty file", "default"])
def test_reading_commands_never_create_a_library(attribview: Attribview, tmp_path: Path,
                                                 args: tuple[str, ...], words: str, where: str) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / "library.sqlite3"
    if where == "empty file":
        db.write_bytes(b"")
    before = digest(folder)
    run = attribview(*args, *(("--db", db) if where != "default" else ()), cwd=folder)
    run.assert_one_line_error(words)
    assert digest(folder) == before
    assert not (tmp_path / "home" / "data").exists()  # nor the default one in the user data folder


def test_the_report_reads_statuses_only_from_an_existing_library(attribview: Attribview, tmp_path: Path,
                                                                 article: Path) -> None:
    run = attribview("report", article, "--out", tmp_path / "r.html", "--db", tmp_path / "none.sqlite3")
    run.assert_one_line_error("no library")
    assert not (tmp_path / "none.sqlite3").exists() and not (tmp_path / "r.html").exists()


def test_writing_commands_make_a_library_of_an_empty_file(attribview: Attribview, tmp_path: Path,
                                                          article: Path) -> None:
    db = tmp_path / "library.sqlite3"
    db.write_bytes(b"")  # e.g. made by `touch`: nothing to lose, and the user named it
    run = attribview("import", article, "--db", db, "--profile", "none")
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM article").fetchone() == (1,)
    raw.close()


UNCREATABLE = [  # --db where no library can be made: (path under tmp_path or absolute, words)
    ("a-file/library.sqlite3", "is a file, not a folder"),
    ("a-file/deeper/library.sqlite3", "is a file, not a folder"),
    ("/proc/attribview-nowhere/library.sqlite3", "cannot create its folder"),
    ("/proc/library.sqlite3", "cannot be opened or created"),
    ("/sys/attribview-nowhere/library.sqlite3", "cannot create its folder"),
]


@pytest.mark.parametrize(("where", "words"), UNCREATABLE, ids=[w for w, _ in UNCREATABLE])
def test_a_db_that_cannot_be_created_is_one_line(attribview: Attribview, tmp_path: Path, article: Path,
                                                 where: str, words: str) -> None:
    (tmp_path / "a-file").write_text("notes", encoding="utf-8")
    db = Path(where) if where.startswith("/") else tmp_path / where
    if not db.parent.parent.exists() and not str(db).startswith(str(tmp_path)):
        pytest.skip(f"{db.parent.parent} does not exist here")
    run = attribview("import", article, "--db", db, "--profile", "none")
    run.assert_one_line_error(words)
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "notes"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder: not reproducible as root")
def test_a_db_in_a_folder_without_write_permission_is_one_line(attribview: Attribview, tmp_path: Path,
                                                               article: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    run = attribview("import", article, "--db", locked / "sub" / "library.sqlite3")
    run.assert_one_line_error("cannot create its folder")
