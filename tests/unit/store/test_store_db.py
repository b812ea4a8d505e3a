"""Opening library files: migrations, refusals that leave the file untouched, pragmas, locks."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.orm import Session
from store_samples import ARTICLE, sample_analysis

from attribview.store.db import alembic_config, default_db_path, head_revisions, make_engine, open_store
from attribview.store.errors import DatabaseTooNewError, StoreError
from attribview.store.library import ArticleMeta, Store
from attribview.store.location import parse_location
from attribview.store.models import Base


def _in_the_models(name: str | None, _kind: str, _parent: object) -> bool:
    """All but the text index, which the models leave to the migration: SQLite's FTS5 table (and its
    shadow tables), PostgreSQL's expression index."""
    return not (name or "").startswith(("quote_fts", "ix_quote_text_search"))


def test_migrations_from_base_to_head_match_the_models(library_location: str | Path) -> None:
    engine = make_engine(parse_location(library_location))
    scripts = ScriptDirectory.from_config(alembic_config())
    revisions = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            for revision in revisions:  # one step at a time, from the first schema revision
                command.upgrade(config, revision)
            command.downgrade(config, "base")
            command.upgrade(config, "head")
            context = MigrationContext.configure(connection, opts={"include_name": _in_the_models})
            assert set(context.get_current_heads()) == head_revisions()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_open_creates_migrates_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "library.sqlite3"
    with open_store(path) as store:
        article_id = store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    with open_store(path) as store:
        assert [a.id for a in store.articles()] == [article_id]
    with sqlite3.connect(path) as raw:
        assert {row[0] for row in raw.execute("SELECT version_num FROM alembic_version")} == head_revisions()


def test_an_empty_file_becomes_a_library(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with open_store(db_path) as store:
        assert store.articles() == []


@pytest.mark.parametrize("content", [
    b"Just some notes, not a database at all.\n" * 10,
    b"short",
    b"\x00" * 4096,
])
def test_a_file_that_is_not_a_database_is_refused_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match="not an SQLite database") as caught:
        open_store(db_path)
    assert str(db_path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def _make_library(path: Path) -> bytes:
    with open_store(path) as store:
        store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    return path.read_bytes()


def test_a_newer_database_is_refused_untouched(db_path: Path) -> None:
    _make_library(db_path)
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer attribview") as caught:
        open_store(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before


def test_another_programs_database_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE contacts (name TEXT)")
        raw.execute("INSERT INTO contacts VALUES ('someone')")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_a_corrupt_database_is_refused_untouched(db_path: Path) -> None:
    data = bytearray(_make_library(db_path))
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page, after the valid 100-byte header
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupt") as caught:
        open_store(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == bytes(data)


def test_a_database_locked_at_open_gives_a_store_error_quickly(db_path: Path) -> None:
    _make_library(db_path)
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA journal_mode = DELETE")  # in rollback mode an exclusive lock blocks readers too
    raw.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        began = time.monotonic()
        with pytest.raises(StoreError, match="locked"):
            open_store(db_path, busy_timeout_ms=200)
        assert time.monotonic() - began < 5
    finally:
        holder.close()


def test_a_locked_write_says_which_step_waited_when_verbose(db_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(db_path, busy_timeout_ms=200)
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0.1)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError) as quiet:
            store.save_analysis(ArticleMeta(title="t"), sample_analysis())
        monkeypatch.setenv("ATTRIBVIEW_VERBOSE", "1")
        with pytest.raises(StoreError) as verbose:
            store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    finally:
        holder.close()
        store.close()
    assert "SQLite" not in str(quiet.value)
    assert str(verbose.value).startswith(str(quiet.value))
    # SQLite's extended code and the wait tell a lock held past the busy timeout from one given up at once
    assert re.search(r"\(SQLite: database is locked \[SQLITE_BUSY\] after 0\.[2-9] s; "
                     r"while running: BEGIN IMMEDIATE\)$", str(verbose.value)), verbose.value


def test_a_write_while_another_program_writes_gives_a_store_error(db_path: Path) -> None:
    store = open_store(db_path, busy_timeout_ms=200)
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0.1)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked"):
            store.save_analysis(ArticleMeta(title="t"), sample_analysis())
        assert time.monotonic() - started < 5
        assert store.articles() == []  # in WAL mode reading goes on while another connection writes
    finally:
        holder.close()
    try:
        store.save_analysis(ArticleMeta(title="t"), sample_analysis())
        assert len(store.articles()) == 1
    finally:
        store.close()


def test_foreign_keys_wal_and_busy_timeout_are_on(db_path: Path) -> None:
    def pragmas(session: Session) -> tuple[int, str, int]:
        return (session.execute(text("PRAGMA foreign_keys")).scalar_one(),
                session.execute(text("PRAGMA journal_mode")).scalar_one(),
                session.execute(text("PRAGMA busy_timeout")).scalar_one())

    with open_store(db_path) as store:
        assert store.read(pragmas) == (1, "wal", 5000)


def test_foreign_keys_are_enforced(store: Store) -> None:
    def orphan(session: Session) -> None:
        session.execute(text("INSERT INTO verification (quote_id, status, evidence) "
                             "VALUES (999, 'false', '[]')"))

    with pytest.raises(StoreError, match=r"(?i)foreign key"):
        store.write(orphan)


def test_default_path_is_in_the_user_data_folder() -> None:
    path = default_db_path()
    assert path.name == "library.sqlite3"
    assert "attribview" in path.parent.name.lower() or "attribview" in str(path.parent).lower()


def test_opening_a_second_store_on_the_same_library_works(store: Store, library_location: str | Path) -> None:
    store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    with open_store(library_location) as second:
        assert len(second.search_quotes()) == 3


def test_too_new_error_is_a_store_error() -> None:
    assert issubclass(DatabaseTooNewError, StoreError)


@pytest.mark.parametrize("content", [None, b""])
def test_without_create_a_missing_or_empty_file_is_refused_and_not_made(db_path: Path,
                                                                      content: bytes | None) -> None:
    if content is not None:
        db_path.write_bytes(content)
    with pytest.raises(StoreError, match="no library here"):
        open_store(db_path, create=False)
    assert sorted(p.name for p in db_path.parent.iterdir()) == ([db_path.name] if content is not None else [])


def test_without_create_an_existing_library_opens(db_path: Path) -> None:
    _make_library(db_path)
    with open_store(db_path, create=False) as store:
        assert len(store.articles()) == 1


def test_a_refused_wal_database_gets_no_files_beside_it(db_path: Path) -> None:
    _make_library(db_path)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # a library is a WAL database
        raw.execute("DELETE FROM alembic_version")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="schema revision is missing"):
        open_store(db_path)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_library_in_use_is_checked_through_its_wal(db_path: Path) -> None:
    with open_store(db_path) as first:  # keeps the -wal file: the check must read it, not skip it
        first.save_analysis(ArticleMeta(title="t"), sample_analysis())
        with open_store(db_path, create=False) as second:
            assert len(second.search_quotes()) == 3


def test_a_corrupt_library_is_one_line_unless_asked(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_path) as store:
        for number in range(40):
            store.save_analysis(ArticleMeta(title="t"), sample_analysis(f"{ARTICLE}Report {number}.\n"))
    good = db_path.read_bytes()
    for page in range(2, len(good) // 4096):  # damage pages until SQLite lists several problems
        damaged = bytearray(good)
        damaged[page * 4096 + 8:page * 4096 + 24] = b"\x07" * 16
        db_path.write_bytes(bytes(damaged))
        message = _refusal(db_path)
        if "more problems" in message:
            break
    else:
        pytest.fail("no damage gave several problems")
    assert "corrupt" in message and "\n" not in message and "ATTRIBVIEW_VERBOSE=1" in message
    monkeypatch.setenv("ATTRIBVIEW_VERBOSE", "1")
    with pytest.raises(StoreError) as detailed:
        open_store(db_path)
    assert len(str(detailed.value).splitlines()) > 2
    assert db_path.read_bytes() == bytes(damaged)


def _refusal(path: Path) -> str:
    try:
        open_store(path).close()
    except StoreError as error:
        return str(error)
    return ""
