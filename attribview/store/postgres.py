"""A library in a PostgreSQL database: checked through a read-only session before anything is written.

Writers take one transaction-level advisory lock up front, as SQLite's ``BEGIN IMMEDIATE`` takes the
write lock: an import finds a text a concurrent import stored meanwhile instead of failing on the
unique index, and each write sees the rows the previous one committed.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from attribview.store.errors import StoreError, describe_db_error
from attribview.store.library import BEGIN_MODE
from attribview.store.location import describe

#: The advisory lock every write transaction holds ("attribvw" in ASCII).
WRITE_LOCK_KEY = 0x61747472_69627677
CONNECT_TIMEOUT_S = 10


def make_postgres_engine(url: URL, json_serializer: Callable[[object], str], *,
                         read_only: bool = False) -> Engine:
    """An engine on ``url``; ``read_only`` makes every transaction of it read-only on the server."""
    options = "-c default_transaction_read_only=on" if read_only else ""
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": options},
                           json_serializer=json_serializer, pool_pre_ping=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})

    return engine


def check_postgres(url: URL, json_serializer: Callable[[object], str],
                   check_revisions: Callable[[list[str], str], None], tables_needed: frozenset[str]) -> bool:
    """Whether the database holds a library; refuse one of another program, reading only.

    False when the database has no tables at all (a new, empty database for the team's library).
    """
    where = describe(url)
    engine = make_postgres_engine(url, json_serializer, read_only=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                return False
            if "alembic_version" not in tables or not tables >= tables_needed:
                raise StoreError(f"{where}: is a PostgreSQL database of another program, not an attribview "
                                 "library; refusing to touch it")
            versions = connection.scalars(text("SELECT version_num FROM alembic_version"))
            revisions = sorted(str(version) for version in versions)
            check_revisions(revisions, where)
            return True
    except SQLAlchemyError as error:
        raise StoreError(describe_db_error(where, error)) from None
    finally:
        engine.dispose()
