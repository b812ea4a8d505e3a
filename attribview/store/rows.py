"""What the store reads from the engine (protocols) and gives back (frozen rows, safe to hand to another
thread), with the small helpers every store module uses."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class QuoteLike(Protocol):
    """What the store reads from a quote of the engine (``attribview.core.types.Quote`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def group(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def cue_start(self) -> int | None: ...
    @property
    def cue_end(self) -> int | None: ...
    @property
    def source_start(self) -> int | None: ...
    @property
    def source_end(self) -> int | None: ...
    @property
    def mention(self) -> str | None: ...
    @property
    def flags(self) -> Sequence[str]: ...


class SentenceLike(Protocol):
    """What the store keeps of a sentence (``attribview.core.types.Sentence`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def groups(self) -> Sequence[str]: ...
    @property
    def flags(self) -> Sequence[str]: ...


class AnalysisLike(Protocol):
    """What the store reads from an analysis; a protocol, so the store never imports the core above it."""

    @property
    def text(self) -> str: ...
    @property
    def profile(self) -> str | None: ...
    @property
    def quotes(self) -> Sequence[QuoteLike]: ...
    @property
    def sentences(self) -> Sequence[SentenceLike]: ...
    @property
    def counting(self) -> str: ...


@dataclass(frozen=True)
class ArticleMeta:
    """What the importer knows about an article besides its text."""

    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None  # the text's language code ("en", "ru", "und"), for the viewer's notice


@dataclass(frozen=True)
class ArticleRow:
    """An article as callers see it (without its text, which can be large)."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    profile: str | None
    text_sha256: str
    imported_at: dt.datetime
    quote_count: int


@dataclass(frozen=True)
class QuoteRow:
    """A quote as callers see it: plain values, safe to hand to another thread."""

    id: int
    article_id: int
    article_title: str
    start: int
    end: int
    text: str
    speaker: str | None
    group: str | None
    kind: str
    confidence: float
    origin: str
    rejected: bool
    status: str
    flags: tuple[str, ...] = ()
    mention: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    speaker_by_hand: bool = False
    version: int = 0


@dataclass(frozen=True)
class VerificationRow:
    """A quote's verification; a quote never checked reads as ``unverified`` with no checker."""

    quote_id: int
    status: str
    note: str | None
    evidence: tuple[str, ...]
    checked_by: str | None
    checked_at: dt.datetime | None
    version: int = 0  # 0: never checked
    url: str | None = None  # the published fact-check


@dataclass(frozen=True)
class HistoryRow:
    """One recorded change."""

    id: int
    entity: str
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None
    who: str
    at: dt.datetime


def default_user() -> str:
    """Who is making a change, for the history, when the caller does not say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and services
        return "unknown"


def text_sha256(text: str) -> str:
    """The identity of an article: the same text imported twice is one article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


#: A stored sentence: start, end, the groups whose words it carries, its flags (``unattributed``).
SentenceSpan = tuple[int, int, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class ArticleText:
    """An article with everything the viewer needs to highlight it without the language model.

    ``sentences`` is None for an article imported before the library kept them (schema 0004 and older).
    """

    row: ArticleRow
    text: str
    sentences: tuple[SentenceSpan, ...] | None
    language: str | None
    counting: str | None
    quotes: tuple[QuoteRow, ...]  # its quotes in text order, rejected ones left out


@dataclass(frozen=True)
class QuoteDetails:
    """One stored quote with its verification and history, as the desk's detail panel shows it."""

    row: QuoteRow
    verification: VerificationRow
    history: tuple[HistoryRow, ...]


@dataclass(frozen=True)
class QuotesChanged:
    """A quote added, rejected or restored, and its article's quotes as they now are (rejected left out)."""

    row: QuoteRow
    rows: tuple[QuoteRow, ...]


def now() -> dt.datetime:
    """UTC without a zone, as SQLite stores it; rows give it back with the zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC)

