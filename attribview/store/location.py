"""Where a library lives: an SQLite file or a PostgreSQL database URL, and what may be shown of it.

A password is never shown or kept: messages render URLs with SQLAlchemy's ``hide_password``, and the
value a viewer keeps in its settings has the password removed (libpq reads it from ``PGPASSWORD`` or
``~/.pgpass``).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from attribview.store.errors import StoreError

POSTGRES_DRIVER = "postgresql+psycopg"
SUPPORTED = f"a file path, sqlite:///FILE or {POSTGRES_DRIVER}://USER@HOST/DATABASE"
DRIVER_HINT = "pip install 'attribview[postgresql]'"
#: What makes a value a URL rather than a file name: a scheme followed by ``://``.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")

Location = Path | URL


def parse_location(value: str | Path) -> Location:
    """The file or database URL named by ``value``; refuse, in one line, a URL we do not support.

    ``sqlite:///FILE`` is the file FILE; ``postgresql+psycopg://...`` a PostgreSQL database; anything
    else with a scheme is refused (it would otherwise become a folder named after its credentials).
    """
    if isinstance(value, Path):
        return value
    scheme = _SCHEME.match(value)
    if scheme is None:
        return Path(value)
    try:
        url = make_url(value)
    except (ArgumentError, ValueError):  # e.g. a port that is not a number
        raise StoreError(f"{scheme.group(1)}://...: is not a valid database URL (use {SUPPORTED})") from None
    if url.drivername == "sqlite":
        if not url.database or url.database == ":memory:" or url.host:
            raise StoreError(f"{describe(url)}: an SQLite URL names a file: sqlite:///FILE")
        return Path(url.database)
    if url.drivername != POSTGRES_DRIVER:
        raise StoreError(f"{describe(url)}: unsupported database URL (use {SUPPORTED})")
    if not url.database:
        raise StoreError(f"{describe(url)}: the URL names no database (…/DATABASE at its end)")
    try:
        import psycopg  # noqa: F401, PLC0415 - only to say plainly that it is missing
    except ImportError:
        raise StoreError(f"{describe(url)}: PostgreSQL needs its driver: {DRIVER_HINT}") from None
    return url


def describe(location: Location) -> str:
    """The location as messages show it: a file's path, or the URL with its password hidden."""
    if isinstance(location, URL):
        return location.render_as_string(hide_password=True)
    return str(location)


def without_password(value: str | Path) -> str:
    """The value to keep in settings: a URL loses its password (libpq finds it in ~/.pgpass)."""
    location = parse_location(value)
    if isinstance(location, URL):
        bare = URL.create(location.drivername, location.username, None, location.host, location.port,
                          location.database, location.query)  # URL.set(password=None) keeps it
        return bare.render_as_string(hide_password=False)
    return str(location)
