"""A library at a database URL: what is refused in one line, and a PostgreSQL database checked by reading.

A refused PostgreSQL database is only read (through a read-only session): its tables and rows are the
same afterwards, as a refused SQLite file stays byte-identical.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import URL, Engine, create_engine, inspect, text
from sqlalchemy.exc import InternalError
from store_samples import sample_analysis

from attribview.store.db import LIBRARY_TABLES, head_revisions, open_store
from attribview.store.errors import DatabaseTooNewError, StoreError
from attribview.store.library import ArticleMeta
from attribview.store.location import parse_location, without_password
from attribview.store.postgres import make_postgres_engine

SECRET = "s3cret-Pa55"


@pytest.mark.parametrize("value", [
    f"mysql://ana:{SECRET}@db.example/newsroom",
    f"postgresql://ana:{SECRET}@db.example/newsroom",  # psycopg2's, which attribview does not use
    f"postgres://ana:{SECRET}@db.example/newsroom",
    f"sqlite://ana:{SECRET}@host/x",
    "sqlite://",
    "sqlite:///:memory:",
    f"postgresql+psycopg://ana:{SECRET}@db.example",  # no database
    f"http://ana:{SECRET}@[::1/x",  # not even a URL
])
def test_an_unsupported_url_is_refused_in_one_line_without_its_password(
        value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as caught:
        open_store(value)
    message = str(caught.value)
    assert "\n" not in message and SECRET not in message
    assert list(tmp_path.iterdir()) == []  # no folder named after the credentials


def test_a_sqlite_url_is_the_file_it_names(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    assert parse_location(f"sqlite:///{path}") == path
    with open_store(f"sqlite:///{path}") as store:
        store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    with open_store(path) as store:
        assert len(store.articles()) == 1


def test_settings_keep_a_url_without_its_password() -> None:
    kept = without_password(f"postgresql+psycopg://ana:{SECRET}@db.example:5433/newsroom")
    assert kept == "postgresql+psycopg://ana@db.example:5433/newsroom"
    assert without_password("/tmp/library.sqlite3") == "/tmp/library.sqlite3"


def test_a_server_that_does_not_answer_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        open_store(f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:1/newsroom")
    message = str(caught.value)
    assert "\n" not in message and SECRET not in message
    assert message.startswith("postgresql+psycopg://ana:***@127.0.0.1:1/newsroom: ")


def test_without_the_driver_the_url_names_the_extra_to_install() -> None:
    script = ("import sys; sys.modules['psycopg'] = None\n"
              "from attribview.cli.main import main\n"
              f"sys.exit(main(['quotes', '--db', 'postgresql+psycopg://ana:{SECRET}@db.example/newsroom']))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and SECRET not in done.stderr
    assert "pip install 'attribview[postgresql]'" in done.stderr


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the database with its rows, in a stable order."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            rows = {table: connection.execute(text(f'SELECT * FROM "{table}"')).all() for table in tables}
            return {table: sorted(tuple(map(repr, row)) for row in rows[table])
                    for table in tables}
    finally:
        engine.dispose()


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_empty_database_becomes_a_library_and_reopens(postgres_database: str) -> None:
    with open_store(postgres_database) as store:
        article_id = store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    with open_store(postgres_database, create=False) as store:
        assert [a.id for a in store.articles()] == [article_id]
    versions = {row[0] for row in _snapshot(postgres_database)["alembic_version"]}
    assert versions == {repr(revision) for revision in head_revisions()}


@pytest.mark.postgres
def test_without_create_an_empty_database_is_refused_and_left_empty(postgres_database: str) -> None:
    with pytest.raises(StoreError, match="no library here"):
        open_store(postgres_database, create=False)
    assert _snapshot(postgres_database) == {}


@pytest.mark.postgres
def test_another_programs_database_is_refused_untouched(postgres_database: str) -> None:
    _execute(postgres_database, "CREATE TABLE notes (id integer PRIMARY KEY, body text)",
             "INSERT INTO notes VALUES (1, 'mine')",
             "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
             "INSERT INTO alembic_version VALUES ('abc123')")
    before = _snapshot(postgres_database)
    with pytest.raises(StoreError, match="another program") as caught:
        open_store(postgres_database)
    assert "\n" not in str(caught.value)
    assert _snapshot(postgres_database) == before


@pytest.mark.postgres
@pytest.mark.parametrize(("versions", "error", "match"), [
    (["9999_from_the_future"], DatabaseTooNewError, "newer attribview"),
    ([], StoreError, "revision is missing"),
])
def test_a_library_at_an_unknown_revision_is_refused_untouched(
        postgres_database: str, versions: list[str], error: type[StoreError], match: str) -> None:
    with open_store(postgres_database) as store:
        store.save_analysis(ArticleMeta(title="t"), sample_analysis())
    _execute(postgres_database, "DELETE FROM alembic_version",
             *(f"INSERT INTO alembic_version VALUES ('{version}')" for version in versions))
    before = _snapshot(postgres_database)
    assert set(before) >= LIBRARY_TABLES
    with pytest.raises(error, match=match):
        open_store(postgres_database)
    assert _snapshot(postgres_database) == before


@pytest.mark.postgres
def test_the_checking_session_cannot_write(postgres_database: str) -> None:
    location = parse_location(postgres_database)
    assert isinstance(location, URL)
    engine: Engine = make_postgres_engine(location, str, read_only=True)
    try:
        with pytest.raises(InternalError, match="read-only transaction"), engine.begin() as connection:
            connection.execute(text("CREATE TABLE intruder (id integer)"))
    finally:
        engine.dispose()
    assert _snapshot(postgres_database) == {}
