"""A page of a frequent text is scanned for, not collected from the index first, and finds the same."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from attribview.core.types import Analysis, Quote
from attribview.store.library import ArticleMeta, Store
from attribview.store.search import FREQUENT

LINES = ("The harbour pilot said the tide was late.", "The mayor of Velmar said the quay would open.",
         "A ferry captain said the harbour was calm.")


def _library_of(store: Store, lines: int) -> None:
    """One article of ``lines`` sentences, each a quote; every third mentions the mayor of Velmar."""
    text_parts: list[str] = []
    quotes: list[Quote] = []
    offset = 0
    for number in range(lines):
        line = f"{LINES[number % len(LINES)]} ({number})\n"
        quotes.append(Quote(start=offset, end=offset + len(line) - 1, text=line[:-1], speaker=None,
                            group=None, kind="indirect", confidence=0.9))
        text_parts.append(line)
        offset += len(line)
    store.save_analysis(ArticleMeta(title="Quay"), Analysis(text="".join(text_parts), profile=None,
                                                            quotes=tuple(quotes), sentences=()))


def _searched(store: Store, **query: Any) -> tuple[list[str], list[str]]:
    """The quotes found and the SELECTs sent."""
    sent: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        found = [row.text for row in store.search_quotes(**query)]
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return found, [s for s in sent if s.lstrip().upper().startswith("SELECT")]


def test_a_page_of_a_frequent_text_is_the_first_page_of_all_its_quotes(store: Store) -> None:
    _library_of(store, 3 * FREQUENT + 30)
    everything, _ = _searched(store, text="harbour")  # no page: every match, through the index
    assert len(everything) == 2 * FREQUENT + 20
    page, statements = _searched(store, text="HARBOUR", limit=50)
    assert page == everything[:50]
    if store.engine.dialect.name == "sqlite":  # the index gave FREQUENT matches, then the quotes scanned
        assert len(statements) == 2 and "quote_fts" in statements[0]
        assert "quote_fts" not in statements[1] and "quote.id IN" not in statements[1]


def test_a_page_of_a_rare_text_comes_from_the_index(store: Store) -> None:
    _library_of(store, 3 * FREQUENT + 30)
    page, statements = _searched(store, text="(1234)", limit=50)
    assert page == ["The mayor of Velmar said the quay would open. (1234)"]
    if store.engine.dialect.name == "sqlite":  # the index gave its one match, read by id
        assert len(statements) == 2 and "quote_fts" in statements[0] and "quote.id IN" in statements[1]
