"""Library files for the end-to-end cases: a real attribview library, and the ways one goes wrong.

Each builder writes one file at ``path`` with the real store (or the sqlite3 module for another
program's database) and closes every connection, so no ``-wal`` or ``-shm`` file is left beside it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from attribview.core.types import Analysis, Quote
from attribview.store.db import open_store
from attribview.store.library import ArticleMeta, save_analysis

Builder = Callable[[Path], None]


def invented_analysis(number: int, *, quotes: int = 3) -> Analysis:
    """An engine-shaped analysis of an invented article (no spaCy needed to fill a library)."""
    lines = [f"Report {number} from the Orvane valley."]
    spans = []
    for k in range(quotes):
        content = f"Statement {k} of report {number} is about the dam at Kessel"
        line = f"“{content},” said Mayor Ilsa Brandt{k}."
        offset = sum(len(x) + 1 for x in lines) + 1
        spans.append(Quote(start=offset, end=offset + len(content), text=content,
                           speaker=f"Ilsa Brandt{k}", group=None, kind="direct", confidence=0.9))
        lines.append(line)
    return Analysis(text="\n".join(lines) + "\n", profile=None, sentences=(), quotes=tuple(spans))


def library(path: Path, articles: int = 1) -> None:
    """A real attribview library with ``articles`` articles (saved in one transaction: it is quicker)."""
    def fill(session: Session) -> None:
        for number in range(articles):
            save_analysis(session, ArticleMeta(title=f"Report {number}"), invented_analysis(number))

    with open_store(path) as store:
        store.write(fill)


def _run(path: Path, *statements: str) -> None:
    raw = sqlite3.connect(path)
    try:
        for statement in statements:
            raw.execute(statement)
        raw.commit()
    finally:
        raw.close()


def library_without_revision(path: Path) -> None:
    """Our tables, but an empty ``alembic_version``: not provably ours, so not touched."""
    library(path)
    _run(path, "DELETE FROM alembic_version")


def bare_empty_alembic(path: Path) -> None:
    """Nothing but an empty ``alembic_version`` table."""
    _run(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")


def other_alembic_program(path: Path) -> None:
    """Another program that also migrates with Alembic: its own tables and revision."""
    _run(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
         "INSERT INTO alembic_version VALUES ('3f1c0de2a9b7')",
         "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)",
         "INSERT INTO invoice (total) VALUES (12.5)")


def other_alembic_program_with_our_revision(path: Path) -> None:
    """Another Alembic program whose revision id happens to be one of ours."""
    _run(path, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
         "INSERT INTO alembic_version VALUES ('0001_initial')",
         "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")


def newer_library(path: Path) -> None:
    """A library a newer attribview migrated to a revision this one does not know."""
    library(path)
    _run(path, "UPDATE alembic_version SET version_num = 'f00dfeed9999'")


def two_revisions(path: Path) -> None:
    library(path)
    _run(path, "INSERT INTO alembic_version VALUES ('f00dfeed9999')")


def foreign(path: Path) -> None:
    """A plain SQLite database of another program (rollback journal)."""
    _run(path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Petra Lindqvist')")


def foreign_wal(path: Path) -> None:
    """Another program's database in WAL mode, closed cleanly (no -wal or -shm beside it)."""
    _run(path, "PRAGMA journal_mode = WAL", "CREATE TABLE contacts (name TEXT)",
         "INSERT INTO contacts VALUES ('Petra Lindqvist')")


def claimed_by_application_id(path: Path) -> None:
    """An empty database another program has stamped with its SQLite application id."""
    _run(path, "PRAGMA application_id = 1234567")


def corrupt_library(path: Path) -> None:
    """A library whose table pages are damaged so that SQLite's quick_check lists many problems."""
    library(path, articles=60)
    good = path.read_bytes()
    page_size = int.from_bytes(good[16:18], "big")
    for page in range(2, len(good) // page_size):
        damaged = bytearray(good)
        start = page * page_size + 8  # the cells' pointers, after a leaf page's 8-byte header
        damaged[start:start + 16] = b"\x07" * 16
        path.write_bytes(bytes(damaged))
        if len(_quick_check(path)) > 3:
            return
    raise AssertionError("no page damage gave a multi-line quick_check report")


def _quick_check(path: Path) -> list[str]:
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return [line for row in raw.execute("PRAGMA quick_check") for line in str(row[0]).splitlines()]
    except sqlite3.DatabaseError:
        return []
    finally:
        raw.close()


def truncated_library(path: Path) -> None:
    """The first two pages of a library: a valid header over missing pages."""
    library(path, articles=20)
    path.write_bytes(path.read_bytes()[:8192])


def header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Minutes of the Orvane council, not a database.\n" * 20)
