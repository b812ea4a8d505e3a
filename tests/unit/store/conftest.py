"""Store fixtures: a fresh library file in tmp_path for each test."""

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
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened
