"""Alembic environment driven from code: the store hands over an open connection, no alembic.ini."""

from alembic import context
from sqlalchemy.engine import Connection

from attribview.store.models import Base


def _run(connection: Connection) -> None:
    """Migrate inside the caller's transaction, so a failed upgrade leaves the file as it was."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise RuntimeError("attribview migrations run only through attribview.store.db (no alembic.ini)")
_run(_connection)
