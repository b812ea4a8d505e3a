"""The Store facade: an open library that runs each operation of the store's modules in its own transaction.

The operations themselves are functions on a Session, one module per seam: ``articles`` (import,
re-analysis, sentences), ``quotes`` (reading and search), ``checks`` (verifications and corrections),
``speakers``, ``history``, ``groups`` and ``export``. The names callers use are re-exported here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from attribview.store import export
from attribview.store.articles import (
    ENGINE_WHO,
    STALE_FLAG,
    add_analysis,
    delete_article,
    find_article_id,
    get_article,
    list_articles,
    save_analysis,
    status_counts,
)
from attribview.store.checks import add_manual_quote, reassign_speaker, reject_quote, set_verification
from attribview.store.errors import StoreError, describe_db_error
from attribview.store.groups import GroupLike, group_labels, record_groups
from attribview.store.history import get_history
from attribview.store.quotes import get_quote, get_verification, row_of, search_quotes
from attribview.store.rows import (
    AnalysisLike,
    ArticleMeta,
    ArticleRow,
    ArticleText,
    HistoryRow,
    QuoteDetails,
    QuoteLike,
    QuoteRow,
    QuotesChanged,
    SentenceSpan,
    VerificationRow,
    default_user,
    text_sha256,
)
from attribview.store.speakers import list_speakers

BEGIN_MODE = "attribview_begin"  # engine execution option: "IMMEDIATE" makes a session start writing at once

T = TypeVar("T")

__all__ = [
    "BEGIN_MODE", "ENGINE_WHO", "STALE_FLAG", "AnalysisLike", "ArticleMeta", "ArticleRow", "ArticleText",
    "HistoryRow", "QuoteDetails", "QuoteLike", "QuoteRow", "QuotesChanged", "SentenceSpan", "Store",
    "VerificationRow", "add_analysis", "default_user", "reject_quote", "save_analysis", "set_verification",
    "text_sha256",
]


class Store:
    """An open library: owns the engine and the sessions; every method is one transaction.

    Methods return frozen rows, never ORM objects, so their results can cross threads. A Store may be
    shared between threads (each call takes its own connection), but the GUI should call it from one
    worker thread, as Anki does with its collection.
    """

    def __init__(self, engine: Engine, where: str) -> None:
        self.where = where  # the file, or the URL without its password, as messages name it
        self._engine = engine
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"}),
                                    expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for instruments (counting statements) and SQL of the caller's own."""
        return self._engine

    def close(self) -> None:
        """Close every connection (the last one checkpoints and removes the WAL file)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self, makers: sessionmaker[Session]) -> Iterator[Session]:
        began = time.monotonic()
        try:
            with makers.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(describe_db_error(self.where, error, waited=time.monotonic() - began)) from None

    def read(self, operation: Callable[[Session], T]) -> T:
        """Run a reading function of this module (or the exports) in one transaction."""
        with self._session(self._reads) as session:
            return operation(session)

    def write(self, operation: Callable[[Session], T]) -> T:
        """Run a writing function in one transaction that takes the write lock up front."""
        with self._session(self._writes) as session:
            return operation(session)

    def save_analysis(self, meta: ArticleMeta, analysis: AnalysisLike) -> int:
        """See :func:`save_analysis`."""
        return self.write(lambda s: save_analysis(s, meta, analysis))

    def add_analysis(self, meta: ArticleMeta, analysis: AnalysisLike) -> int | None:
        """See :func:`add_analysis`."""
        return self.write(lambda s: add_analysis(s, meta, analysis))

    def find_article_id(self, text: str) -> int | None:
        """See :func:`find_article_id`."""
        return self.read(lambda s: find_article_id(s, text))

    def search_quotes(self, *, speaker: str | None = None, group: str | Sequence[str] | None = None,
                      status: str | None = None, text: str | None = None, article_id: int | None = None,
                      include_rejected: bool = False, limit: int | None = None) -> list[QuoteRow]:
        """See :func:`search_quotes`."""
        return self.read(lambda s: search_quotes(
            s, speaker=speaker, group=group, status=status, text=text, article_id=article_id,
            include_rejected=include_rejected, limit=limit))

    def get_quote(self, quote_id: int) -> QuoteRow:
        """See :func:`get_quote`."""
        return self.read(lambda s: get_quote(s, quote_id))

    def get_verification(self, quote_id: int) -> VerificationRow:
        """See :func:`get_verification`."""
        return self.read(lambda s: get_verification(s, quote_id))

    def history(self, entity: str | None = None, entity_id: int | None = None) -> list[HistoryRow]:
        """See :func:`get_history`."""
        return self.read(lambda s: get_history(s, entity, entity_id))

    def articles(self) -> list[ArticleRow]:
        """See :func:`list_articles`."""
        return self.read(list_articles)

    def article(self, article_id: int) -> tuple[ArticleRow, str]:
        """See :func:`get_article`."""
        return self.read(lambda s: get_article(s, article_id))

    def speakers(self) -> list[tuple[str, str | None]]:
        """See :func:`list_speakers`."""
        return self.read(list_speakers)

    def status_counts(self) -> list[tuple[ArticleRow, dict[str, int]]]:
        """See :func:`status_counts`."""
        return self.read(status_counts)

    def set_verification(self, quote_id: int, status: str, *, note: str | None = None,
                         evidence: Sequence[str] | None = None, who: str,
                         expected_version: int | None = None, url: str | None = None) -> VerificationRow:
        """See :func:`set_verification`."""
        return self.write(lambda s: set_verification(s, quote_id, status, note=note, evidence=evidence,
                                                     who=who, expected_version=expected_version, url=url))

    def reassign_speaker(self, quote_id: int, speaker: str | None, group: str | None, *,
                         who: str, by_hand: bool = True, expected_version: int | None = None) -> QuoteRow:
        """See :func:`reassign_speaker`."""
        return self.write(lambda s: reassign_speaker(s, quote_id, speaker, group, who=who, by_hand=by_hand,
                                                     expected_version=expected_version))

    def reject_quote(self, quote_id: int, *, who: str, rejected: bool = True,
                     expected_version: int | None = None) -> QuoteRow:
        """See :func:`reject_quote`."""
        return self.write(lambda s: reject_quote(s, quote_id, who=who, rejected=rejected,
                                                 expected_version=expected_version))

    def add_manual_quote(self, article_id: int, start: int, end: int, *, speaker: str | None,
                         group: str | None, who: str, kind: str = "manual") -> QuoteRow:
        """See :func:`add_manual_quote`."""
        return self.write(lambda s: row_of(*add_manual_quote(s, article_id, start, end, speaker=speaker,
                                                             group=group, who=who, kind=kind)))

    def delete_article(self, article_id: int, *, who: str) -> None:
        """See :func:`delete_article`."""
        self.write(lambda s: delete_article(s, article_id, who=who))

    def record_groups(self, profile: str, groups: Sequence[GroupLike]) -> None:
        """See :func:`attribview.store.groups.record_groups`."""
        self.write(lambda s: record_groups(s, profile, groups))

    def group_labels(self) -> list[tuple[str, str, str, str]]:
        """See :func:`attribview.store.groups.group_labels`."""
        return self.read(group_labels)

    def export(self, format_name: str, article_id: int | None = None) -> str:
        """The library (or one article) as ``json`` or ``csv`` text (ClaimReview: the core's Library)."""
        exporters: dict[str, Callable[[Session, int | None], str]] = {
            "json": export.export_json, "csv": export.export_csv,
        }
        if format_name not in exporters:
            raise StoreError(f"unknown export format {format_name!r} (use one of: {', '.join(exporters)})")
        return self.read(lambda s: exporters[format_name](s, article_id))
