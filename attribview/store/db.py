"""Opening a library file safely: refuse what is not ours, set the pragmas, migrate to head."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from attribview.store.errors import DatabaseTooNewError, StoreError, describe_sqlite_error
from attribview.store.library import BEGIN_MODE, Store

APP_NAME = "attribview"
DB_FILENAME = "library.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def default_db_path() -> Path:
    """The library in the user's data folder (created on first open)."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / DB_FILENAME


def alembic_config() -> Config:
    """Alembic configured from code: the migrations ship inside the package, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", "attribview.store:migrations")
    return config


def known_revisions() -> set[str]:
    """Every revision this program can migrate from."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def head_revisions() -> set[str]:
    """The revisions a database must be at to match the models."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def open_store(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open (or create) the library at ``path`` and migrate it to head.

    Raises:
        StoreError: the file is not an SQLite database, is corrupt, belongs to another program, was
            written by a newer attribview, or stays locked longer than the busy timeout. The file is left
            exactly as it was in each of these cases.
    """
    path = Path(path)
    _check_existing(path, busy_timeout_ms)
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{path}: cannot create its folder ({error.strerror})") from None
    engine = make_engine(path, busy_timeout_ms)
    try:
        _migrate(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, path)


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine whose every connection has foreign keys on, WAL and a busy timeout.

    The driver's own transaction handling is switched off so that we emit BEGIN ourselves: writes use
    BEGIN IMMEDIATE, which waits for the busy timeout up front instead of failing half-way through.
    """
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        connect_args={"timeout": busy_timeout_ms / 1000},
        json_serializer=_to_json,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")

    return engine


def _to_json(value: Any) -> str:
    """JSON columns keep non-ASCII as is, so that searching aliases for Cyrillic names works."""
    return json.dumps(value, ensure_ascii=False)


def _check_existing(path: Path, busy_timeout_ms: int) -> None:
    """Refuse, reading only, any existing file that we must not write to."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({error.strerror})") from None
    if not header:
        return  # an empty file is a new database
    if header != SQLITE_HEADER:
        raise StoreError(f"{path}: is not an SQLite database; refusing to touch it")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot be opened ({error})") from None
    try:
        _check_contents(connection, path)
    except sqlite3.OperationalError as error:
        raise StoreError(describe_sqlite_error(path, error)) from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: the database is corrupt ({error})") from None
    finally:
        connection.close()


def _check_contents(connection: sqlite3.Connection, path: Path) -> None:
    """Integrity, ownership and revision of a database opened read-only."""
    problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise StoreError(f"{path}: the database is corrupt ({problems[0]})")
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return
    if "alembic_version" not in tables:
        raise StoreError(f"{path}: is an SQLite database of another program, not an attribview library")
    revisions = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
    unknown = revisions - known_revisions()
    if unknown:
        raise DatabaseTooNewError(
            f"{path}: was written by a newer attribview (schema {', '.join(sorted(unknown))}); "
            "upgrade attribview to open it"
        )


def _migrate(engine: Engine, path: Path) -> None:
    """Upgrade to head in one write transaction; a database already at head is left alone."""
    heads = head_revisions()
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
            connection.rollback()
        if current == heads:
            return
        if current - known_revisions():
            raise DatabaseTooNewError(
                f"{path}: was written by a newer attribview; upgrade attribview to open it")
        writer = engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
        with writer.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StoreError(describe_sqlite_error(path, error)) from None
