"""Store fixtures: a fresh library for each test, in a file and in a PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from attribview.store.db import open_store
from attribview.store.library import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def store(library_location: str | Path) -> Iterator[Store]:
    with open_store(library_location) as opened:
        yield opened
