"""Opening a library file safely: refuse what is not ours, set the pragmas, migrate to head."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from attribview.store.errors import VERBOSE_ENV, DatabaseTooNewError, StoreError, describe_db_error
from attribview.store.library import BEGIN_MODE, Store
from attribview.store.location import Location, describe, parse_location
from attribview.store.postgres import check_postgres, make_postgres_engine

APP_NAME = "attribview"
DB_FILENAME = "library.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_HEADER_SIZE = 100
WAL_VERSION_OFFSET, WAL_VERSION = 18, 2  # the header's "file format write version": 2 is WAL
#: Tables every attribview library has, whatever its revision: what tells ours from another Alembic user.
LIBRARY_TABLES = frozenset({"article", "speaker", "quote", "verification", "history"})
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


def open_store(location: str | Path, *, create: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """Open the library at ``location`` (a file path or a database URL) and migrate it to head.

    With ``create``, make one where there is none: a missing or empty (0 bytes) file, an SQLite database
    without any schema, a PostgreSQL database without any table. Whether an existing library may be
    written is decided by reading it only (a read-only connection), before anything is written.

    Raises:
        StoreError: the location is not a supported URL, the file is not an SQLite database, is corrupt,
            the database belongs to another program, was written by a newer attribview, stays locked
            longer than the busy timeout, cannot be reached, or (without ``create``) holds no library.
            A refused file is left exactly as it was, without ``-wal`` or ``-shm`` files beside it; a
            refused PostgreSQL database has only been read.
    """
    target = parse_location(location)
    where = describe(target)
    if isinstance(target, URL):
        exists = check_postgres(target, _to_json, _check_revisions, LIBRARY_TABLES)
    else:
        exists = _check_existing(target, busy_timeout_ms)
    if not exists:
        if not create:
            raise StoreError(f"{where}: there is no library here (`attribview import` creates one)")
        if isinstance(target, Path):
            _make_folder(target)
    engine = make_engine(target, busy_timeout_ms)
    try:
        _migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)


def _make_folder(path: Path) -> None:
    """Create the library's folder, saying which part of the path is in the way when that fails."""
    folder = path.parent
    in_the_way = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if in_the_way is not None:
        raise StoreError(f"{path}: cannot create its folder: {in_the_way} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path}: cannot create its folder {folder} ({error.strerror})") from None


def make_engine(location: Location, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine whose every SQLite connection has foreign keys on, WAL and a busy timeout.

    A PostgreSQL URL gets :func:`make_postgres_engine`. For SQLite the driver's own transaction handling
    is switched off so that we emit BEGIN ourselves: writes use BEGIN IMMEDIATE, which waits for the busy
    timeout up front instead of failing half-way through.
    """
    if isinstance(location, URL):
        return make_postgres_engine(location, _to_json)
    engine = create_engine(
        URL.create("sqlite", database=str(location)),
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


def _to_json(value: object) -> str:
    """JSON columns keep non-ASCII as is, so that searching aliases for Cyrillic names works."""
    return json.dumps(value, ensure_ascii=False)


def _check_existing(path: Path, busy_timeout_ms: int) -> bool:
    """Whether ``path`` holds a library we may open; refuse, reading only, a file we must not write to."""
    try:
        if not path.exists():
            return False
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        with path.open("rb") as handle:
            header = handle.read(SQLITE_HEADER_SIZE)
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({error.strerror})") from None
    if not header:
        return False  # an empty file: no library yet
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path}: is not an SQLite database; refusing to touch it")
    try:
        connection = sqlite3.connect(_read_only_uri(path, header), uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot be opened ({error})") from None
    try:
        return _check_contents(connection, path)
    except sqlite3.OperationalError as error:
        raise StoreError(describe_db_error(path, error)) from None
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: the database is corrupt ({error})") from None
    finally:
        connection.close()


def _read_only_uri(path: Path, header: bytes) -> str:
    """A URI that reads ``path`` without creating anything beside it.

    A read-only connection to a WAL database creates ``-wal`` and ``-shm`` files and cannot remove them;
    when there is no ``-wal`` file (nobody has the database open, nothing is left to replay) the file is
    read as immutable instead, which creates nothing.
    """
    uri = path.resolve().as_uri()
    in_wal_mode = len(header) > WAL_VERSION_OFFSET and header[WAL_VERSION_OFFSET] == WAL_VERSION
    if in_wal_mode and not Path(f"{path}-wal").exists():
        return f"{uri}?immutable=1"
    return f"{uri}?mode=ro"


def _check_contents(connection: sqlite3.Connection, path: Path) -> bool:
    """Integrity, ownership and revision of a database opened read-only; False when it has no schema."""
    problems = [line for row in connection.execute("PRAGMA quick_check") for line in str(row[0]).splitlines()]
    if problems != ["ok"]:
        raise StoreError(_corrupt(path, [p for p in problems if not p.startswith("*** in database")]))
    objects = {name: kind for name, kind in connection.execute("SELECT name, type FROM sqlite_master")}
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if not objects and not application_id:
        return False  # an empty database: no library yet
    tables = {name for name, kind in objects.items() if kind == "table"}
    if application_id or "alembic_version" not in tables or not tables >= LIBRARY_TABLES:
        raise StoreError(f"{path}: is an SQLite database of another program, not an attribview library; "
                         "refusing to touch it")
    revisions = sorted(str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version"))
    _check_revisions(revisions, str(path))
    return True


def _check_revisions(revisions: list[str], where: str) -> None:
    """Refuse a library without one revision we know (a newer attribview's, or a damaged table)."""
    if len(revisions) != 1:
        raise StoreError(f"{where}: an attribview library whose schema revision is "
                         f"{'missing' if not revisions else 'ambiguous'}; refusing to touch it")
    if revisions[0] not in known_revisions():
        raise DatabaseTooNewError(f"{where}: was written by a newer attribview (schema {revisions[0]}); "
                                  "upgrade attribview to open it")


def _corrupt(path: Path, problems: list[str]) -> str:
    """One line for SQLite's integrity report; the whole report when ``ATTRIBVIEW_VERBOSE`` is set."""
    first = problems[0] if problems else "no details"
    line = f"{path}: the database is corrupt ({first}"
    if len(problems) > 1:
        line += f", and {len(problems) - 1} more problems"
    line += ")"
    if len(problems) <= 1:
        return line
    if os.environ.get(VERBOSE_ENV):
        return "\n".join([line, *problems])
    return f"{line}; set {VERBOSE_ENV}=1 for SQLite's full report"


def _migrate(engine: Engine, where: str) -> None:
    """Upgrade to head in one write transaction; a database already at head is left alone."""
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
            connection.rollback()
    except SQLAlchemyError as error:
        raise StoreError(describe_db_error(where, error)) from None
    if current != head_revisions():
        migrate(engine, where, "head")


def migrate(engine: Engine, where: str, revision: str, *, down: bool = False) -> None:
    """Upgrade (or, ``down``, downgrade) to ``revision`` in one write transaction.

    SQLite's foreign keys are off meanwhile, as Alembic advises: its batch mode copies a table and drops
    the original, and the drop would otherwise cascade to the rows that refer to it (verifications).
    The keys are checked before the transaction commits.
    """
    writer = engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
    try:
        with writer.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:  # before BEGIN: inside a transaction SQLite ignores the pragma
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
            try:
                with connection.begin():
                    config = alembic_config()
                    config.attributes["connection"] = connection
                    (command.downgrade if down else command.upgrade)(config, revision)
                    if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise StoreError(f"{where}: the migration would break references; nothing changed")
            finally:
                if sqlite:
                    connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    except SQLAlchemyError as error:
        raise StoreError(describe_db_error(where, error)) from None
