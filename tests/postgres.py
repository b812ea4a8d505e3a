"""A throw-away PostgreSQL cluster for the store's tests: a real server on a free local port.

The test run starts it itself (``initdb`` and ``pg_ctl`` from the installed PostgreSQL), so the
README's one test command exercises PostgreSQL wherever the server is installed; CI installs Debian's
``postgresql`` and sets ``ATTRIBVIEW_REQUIRE_POSTGRES=1`` so that a missing server fails the run
instead of skipping its tests. ``ATTRIBVIEW_TEST_POSTGRES_URL`` points the tests at a server of the
developer's own instead.
"""

from __future__ import annotations

import glob
import importlib.util
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

#: Debian and Ubuntu keep the server's programs here, outside the PATH.
_DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
#: The server refuses to run as root; as root the cluster belongs to this account.
_SERVER_ACCOUNT = "postgres"
_USER = "attribview"


def server_binaries() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on the PATH, else the newest Debian installation."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob(_DEBIAN_BINARIES), key=lambda p: int(Path(p).parent.name))
    return Path(versions[-1]) if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", _SERVER_ACCOUNT, "--", *command]


@contextmanager
def throwaway_cluster(binaries: Path) -> Iterator[str]:
    """A new cluster in a temporary folder, trusted on 127.0.0.1 only; yields its SQLAlchemy URL."""
    folder = Path(tempfile.mkdtemp(prefix="attribview-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        account = pwd.getpwnam(_SERVER_ACCOUNT)
        for path in (folder, sockets):
            os.chown(path, account.pw_uid, account.pw_gid)
    port = _free_port()
    log = folder / "server.log"
    try:
        subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", _USER,
                                        "--auth=trust", "-E", "UTF8", "--no-sync"]),
                       check=True, capture_output=True)
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
                                        "-l", str(log), "-w", "start"]),
                       check=True, capture_output=True)
        try:
            yield f"postgresql+psycopg://{_USER}@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                            "-w", "stop"]), check=False, capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


REQUIRE_ENV = "ATTRIBVIEW_REQUIRE_POSTGRES"
URL_ENV = "ATTRIBVIEW_TEST_POSTGRES_URL"
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for the whole run: the developer's own, or a throw-away cluster.

    Skipped with its reason when PostgreSQL (or its driver) is not installed; with
    ``ATTRIBVIEW_REQUIRE_POSTGRES=1`` (CI) that is a failure instead.
    """
    own = os.environ.get(URL_ENV)
    if own:
        yield own
        return
    binaries = server_binaries()
    missing = ("PostgreSQL is not installed (no initdb on the PATH or in /usr/lib/postgresql)"
               if binaries is None else None)
    if importlib.util.find_spec("psycopg") is None:
        missing = "the PostgreSQL driver is not installed (pip install 'attribview[postgresql]')"
    if missing is not None or binaries is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {missing}")
        pytest.skip(missing or "")
    with throwaway_cluster(binaries) as url:
        yield url


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the server for one test; dropped after it (with its connections)."""
    name = f"attribview_test_{os.getpid()}_{next(_databases)}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql",
                                                               marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def library_location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's library lives, once per backend: a file in tmp_path, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "library.sqlite3"
    location: str = request.getfixturevalue("postgres_database")
    return location
