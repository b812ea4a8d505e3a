"""What one key press at the desk costs the database: one transaction and a few statements, counted by
SQLAlchemy's own events on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from attribview.core.library import ArticleMeta, Library, StoredArticle
from tests.unit.store.store_samples import sample_analysis

WRITE_LOCK = "pg_advisory_xact_lock"


@dataclass
class Counter:
    """Transactions begun and committed, and statements sent. How a write transaction begins is left
    out of the statements: SQLite's ``BEGIN IMMEDIATE``, and on PostgreSQL the advisory lock that plays
    its part (``attribview.store.postgres``)."""

    begun: int = 0
    committed: int = 0
    statements: list[str] = field(default_factory=list)

    def attach(self, library: Library) -> None:
        engine = library.store.engine
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "before_cursor_execute", self._statement)

    def _begin(self, _connection: Any) -> None:
        self.begun += 1

    def _commit(self, _connection: Any) -> None:
        self.committed += 1

    def _statement(self, _connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith("BEGIN") and WRITE_LOCK not in statement:
            self.statements.append(statement.split(None, 1)[0])

    def count(self, action: Callable[[], object]) -> tuple[int, int, list[str]]:
        self.begun, self.committed, self.statements = 0, 0, []
        action()
        return self.begun, self.committed, self.statements


@pytest.fixture
def desk(library_location: str | Path) -> Iterator[tuple[Library, StoredArticle, Counter]]:
    with Library.open(library_location) as library:
        stored = library.save_analysis(sample_analysis(), ArticleMeta(title="Harbour"))
        counter = Counter()
        counter.attach(library)
        yield library, stored, counter


def test_one_status_change_is_one_transaction_of_four_statements(
        desk: tuple[Library, StoredArticle, Counter]) -> None:
    library, stored, counter = desk
    quote_id = stored.rows[0].id
    # the quote with its speaker and verification; the history entry; the verification; its history
    first = counter.count(lambda: library.set_verification(quote_id, status="verified", checker="Ana"))
    assert first == (1, 1, ["SELECT", "INSERT", "INSERT", "SELECT"])
    second = counter.count(lambda: library.set_verification(quote_id, status="disputed", checker="Ana"))
    assert second == (1, 1, ["SELECT", "INSERT", "UPDATE", "SELECT"])


def test_every_desk_action_is_one_transaction(desk: tuple[Library, StoredArticle, Counter]) -> None:
    library, stored, counter = desk
    quote_id, article_id = stored.rows[1].id, stored.row.id
    actions: dict[str, tuple[Callable[[], object], int]] = {  # action -> at most this many statements
        "note": (lambda: library.set_verification(quote_id, note="called the office", checker="Ana"), 4),
        "evidence": (lambda: library.set_verification(quote_id, evidence=["https://example.org/a"]), 4),
        # plus the speaker looked up, and added when new; two history entries (speaker and group)
        "reassign": (lambda: library.reassign_speaker(quote_id, "Ivo Marsh", None, checker="Ana"), 7),
        "restore": (lambda: library.restore_speaker(quote_id, "Olena Bondar", "local_officials",
                                                    by_hand=False, checker="Ana"), 6),
        "reject": (lambda: library.reject_quote(quote_id, checker="Ana"), 4),
        "take back": (lambda: library.reject_quote(quote_id, rejected=False, checker="Ana"), 4),
        "add": (lambda: library.add_quote(article_id, 0, 4, speaker="Ivo Marsh", group=None), 5),
        "details": (lambda: library.details(quote_id), 2),
        "open": (lambda: library.open_article(article_id), 2),
    }
    for name, (action, most) in actions.items():
        begun, committed, statements = counter.count(action)
        assert (begun, committed) == (1, 1), name
        assert 0 < len(statements) <= most, (name, statements)
