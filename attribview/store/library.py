"""Library operations on a Session, and the Store facade that runs each one in its own transaction."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sqlalchemy import Engine, Select, String, cast, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from attribview.store import export
from attribview.store.errors import ConflictError, StoreError, describe_db_error
from attribview.store.groups import GroupLike, group_labels, record_groups
from attribview.store.models import Article, History, Quote, Speaker, Verification
from attribview.store.search import like_pattern, text_condition
from attribview.store.statuses import STATUSES

BEGIN_MODE = "attribview_begin"  # engine execution option: "IMMEDIATE" makes a session start writing at once
STALE_FLAG = "stale"  # an engine quote kept for its manual work although re-analysis no longer finds it
ENGINE_WHO = "engine"

T = TypeVar("T")


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


class AnalysisLike(Protocol):
    """What the store reads from an analysis; a protocol, so the store never imports the core above it."""

    @property
    def text(self) -> str: ...
    @property
    def profile(self) -> str | None: ...
    @property
    def quotes(self) -> Sequence[QuoteLike]: ...


@dataclass(frozen=True)
class ArticleMeta:
    """What the importer knows about an article besides its text."""

    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


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


def _now() -> dt.datetime:
    """UTC without a zone, as SQLite stores it; rows give it back with the zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC)


# --- writing ---------------------------------------------------------------------------------------------


def find_article_id(session: Session, text: str) -> int | None:
    """The id of the article with exactly this text, if it is in the library."""
    return session.scalar(select(Article.id).where(Article.text_sha256 == text_sha256(text)))


def save_analysis(session: Session, meta: ArticleMeta, analysis: AnalysisLike) -> int:
    """Store an analysis and return its article id.

    A text already in the library is re-analysed in place: engine quotes are replaced, while manual
    quotes, rejections, speakers chosen by hand and verifications are kept (old and new engine quotes are
    matched by overlapping spans).
    """
    speakers = _SpeakerCache(session)
    article = session.scalars(
        select(Article).where(Article.text_sha256 == text_sha256(analysis.text))
    ).one_or_none()
    if article is None:
        article = Article(
            title=meta.title, outlet=meta.outlet, url=meta.url, published=meta.published,
            text=analysis.text, text_sha256=text_sha256(analysis.text), profile=analysis.profile,
            imported_at=_now(),
        )
        session.add(article)
        for found in analysis.quotes:
            article.quotes.append(_engine_quote(found, speakers))
        session.flush()
        return article.id
    for name in ("title", "outlet", "url", "published"):
        value = getattr(meta, name)
        if value:
            setattr(article, name, value)
    article.profile = analysis.profile
    _reanalyse(session, article, analysis.quotes, speakers)
    session.flush()
    return article.id


def add_analysis(session: Session, meta: ArticleMeta, analysis: AnalysisLike) -> int | None:
    """Store an analysis of a new text and return its article id; None when the text is already there.

    Run in a write transaction (it holds the write lock from its first statement), a text that a
    concurrent import stored meanwhile is found here and counted once, not re-analysed as new.
    """
    if find_article_id(session, analysis.text) is not None:
        return None
    return save_analysis(session, meta, analysis)


class _SpeakerCache:
    """One row per (name, group) across the library, looked up once per transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[tuple[str, str], Speaker] = {}

    def get(self, name: str | None, group: str | None, mention: str | None = None) -> Speaker | None:
        """The speaker row, with ``mention`` (how the article named it) kept among its aliases."""
        if not name:
            return None
        key = (name, group or "")
        speaker = self._known.get(key)
        if speaker is None:
            # no autoflush: flushing the article's pending quotes at every lookup inserts them one by
            # one and made speaker lookups three quarters of an import's store time
            with self._session.no_autoflush:
                speaker = self._session.scalars(
                    select(Speaker).where(Speaker.name == key[0], Speaker.group == key[1])
                ).one_or_none()
            if speaker is None:
                speaker = Speaker(name=key[0], group=key[1], aliases=[])
                self._session.add(speaker)
            self._known[key] = speaker
        alias = _alias(name, mention)
        if alias is not None and alias not in (speaker.aliases or []):
            speaker.aliases = [*(speaker.aliases or []), alias]  # a new list: JSON columns track assignment
        return speaker


def _alias(name: str, mention: str | None) -> str | None:
    """A mention worth keeping as a speaker's alias: a name ("Russia’s Defence Ministry", "President
    Zelensky"), not a pronoun or a description in lower case ("he", "the ministry")."""
    if not mention:
        return None
    alias = mention.strip()
    alias = alias[4:] if alias.lower().startswith("the ") else alias
    if not any(ch.isupper() for ch in alias) or alias.casefold() == name.casefold() or len(alias) > 80:
        return None
    return alias


def _engine_quote(found: QuoteLike, speakers: _SpeakerCache) -> Quote:
    quote = Quote(origin="engine", rejected=False, speaker_by_hand=False)
    _apply_engine(quote, found, speakers)
    return quote


def _engine_fields(quote: Quote) -> tuple[object, ...]:
    return (quote.start, quote.end, quote.text, quote.cue_start, quote.cue_end, quote.source_start,
            quote.source_end, quote.kind, quote.confidence, quote.mention, list(quote.flags or ()),
            quote.speaker, quote.group)


def _apply_engine(quote: Quote, found: QuoteLike, speakers: _SpeakerCache) -> bool:
    """Copy what the engine found (a speaker chosen by hand stays); tell whether anything changed."""
    before = _engine_fields(quote) if quote.id is not None else None
    quote.start, quote.end, quote.text = found.start, found.end, found.text
    quote.cue_start, quote.cue_end = found.cue_start, found.cue_end
    quote.source_start, quote.source_end = found.source_start, found.source_end
    quote.kind, quote.confidence, quote.mention = found.kind, found.confidence, found.mention
    quote.flags = list(found.flags)
    if not quote.speaker_by_hand:
        quote.speaker = speakers.get(found.speaker, found.group, found.mention)
        quote.group = found.group
    return before != _engine_fields(quote)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _has_manual_work(quote: Quote) -> bool:
    return quote.rejected or quote.speaker_by_hand or quote.verification is not None


def _reanalyse(session: Session, article: Article, found: Sequence[QuoteLike],
               speakers: _SpeakerCache) -> None:
    """Replace the engine's quotes of ``article`` with ``found``, keeping every manual correction."""
    manual = [q for q in article.quotes if q.origin == "manual" and not q.rejected]
    # A quote a person added by hand stands for that span; the engine does not add a twin of it.
    fresh = [f for f in found
             if not any(2 * _overlap(m.start, m.end, f.start, f.end) >= min(m.end - m.start, f.end - f.start)
                        for m in manual)]
    old = [q for q in article.quotes if q.origin == "engine"]
    candidates = sorted(
        ((_overlap(q.start, q.end, f.start, f.end), abs(q.start - f.start), i, j)
         for i, q in enumerate(old) for j, f in enumerate(fresh)),
        key=lambda c: (-c[0], c[1], c[2], c[3]),
    )
    old_done: set[int] = set()
    new_done: set[int] = set()
    changed = 0
    for overlap, _distance, i, j in candidates:
        if overlap == 0:
            break
        if i in old_done or j in new_done:
            continue
        old_done.add(i)
        new_done.add(j)
        changed += _apply_engine(old[i], fresh[j], speakers)
    removed = 0
    for i, quote in enumerate(old):
        if i in old_done:
            continue
        if _has_manual_work(quote):
            if STALE_FLAG not in quote.flags:
                quote.flags = [*quote.flags, STALE_FLAG]
        else:
            article.quotes.remove(quote)
            removed += 1
    added = [_engine_quote(f, speakers) for j, f in enumerate(fresh) if j not in new_done]
    article.quotes.extend(added)
    if changed or added or removed:  # importing the same text again is not a change
        _record(session, "article", article.id, "analysis", f"{len(old)} engine quotes",
                f"{changed} changed, {len(added)} added, {removed} removed", ENGINE_WHO)


def _record(session: Session, entity: str, entity_id: int, field: str, old: str | None, new: str | None,
            who: str) -> None:
    session.add(History(entity=entity, entity_id=entity_id, field=field, old_value=old, new_value=new,
                        who=who, at=_now()))


def _get_quote(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise StoreError(f"there is no quote with id {quote_id}")
    return quote


def set_verification(session: Session, quote_id: int, status: str, *, note: str | None = None,
                     evidence: Sequence[str] | None = None, who: str,
                     expected_version: int | None = None, url: str | None = None) -> VerificationRow:
    """Record a fact-check of a quote; ``note``, ``evidence`` or ``url`` (the published fact-check; ""
    removes it) left as None keep their old values.

    With ``expected_version`` (the ``version`` of the verification the checker saw, 0 when none), a
    verification saved since by someone else raises :class:`ConflictError` with the fresh state.
    """
    if status not in STATUSES:
        raise StoreError(f"unknown verification status {status!r} (use one of: {', '.join(STATUSES)})")
    quote = _get_quote(session, quote_id)
    verification = quote.verification
    current = verification.version if verification is not None else 0
    if expected_version is not None and expected_version != current:
        checked_at = verification.checked_at if verification is not None else None
        who_saved = (verification.checked_by if verification else None) or "unknown"
        raise ConflictError(quote_id, who_saved, _utc(checked_at) if checked_at else None,
                            _verification_row(quote_id, verification))
    if verification is None:
        verification = Verification(status="unverified", note=None, evidence=[])
        quote.verification = verification
    changes: list[tuple[str, str | None, str | None]] = []
    if verification.status != status:
        changes.append(("status", verification.status, status))
        verification.status = status
    if note is not None and note != verification.note:
        changes.append(("note", verification.note, note))
        verification.note = note
    if evidence is not None and list(evidence) != verification.evidence:
        changes.append(("evidence", json.dumps(verification.evidence, ensure_ascii=False),
                        json.dumps(list(evidence), ensure_ascii=False)))
        verification.evidence = list(evidence)
    if url is not None and (url or None) != verification.url:
        changes.append(("url", verification.url, url or None))
        verification.url = url or None
    verification.checked_by = who
    verification.checked_at = _now()
    for field, old, new in changes:
        _record(session, "verification", quote_id, field, old, new, who)
    session.flush()
    return _verification_row(quote_id, verification)


def reassign_speaker(session: Session, quote_id: int, speaker: str | None, group: str | None, *,
                     who: str, by_hand: bool = True, expected_version: int | None = None) -> QuoteRow:
    """Give a quote another speaker and group; re-analysis will not undo it.

    ``by_hand=False`` gives the speaker back to the engine (an undo of a reassignment): re-analysis may
    then change it again, as it could before. ``expected_version``: as in :func:`set_verification`, the
    quote's ``version`` the checker saw.
    """
    quote = _get_quote(session, quote_id)
    _check_quote_version(session, quote, expected_version)
    old_speaker = quote.speaker.name if quote.speaker is not None else None
    if old_speaker != speaker:
        _record(session, "quote", quote_id, "speaker", old_speaker, speaker, who)
    if quote.group != group:
        _record(session, "quote", quote_id, "group", quote.group, group, who)
    quote.speaker = _SpeakerCache(session).get(speaker, group)
    quote.group = group
    quote.speaker_by_hand = by_hand
    session.flush()
    return get_quote(session, quote_id)


def reject_quote(session: Session, quote_id: int, *, who: str, rejected: bool = True,
                 expected_version: int | None = None) -> QuoteRow:
    """Mark a quote as wrongly found (or take that back); it stays in the library for the record."""
    quote = _get_quote(session, quote_id)
    _check_quote_version(session, quote, expected_version)
    if quote.rejected != rejected:
        _record(session, "quote", quote_id, "rejected", str(quote.rejected).lower(), str(rejected).lower(),
                who)
        quote.rejected = rejected
        session.flush()
    return get_quote(session, quote_id)


def _check_quote_version(session: Session, quote: Quote, expected: int | None) -> None:
    """Refuse a correction of a quote changed since the checker read it, naming who changed it last."""
    if expected is None or expected == quote.version:
        return
    last = session.scalars(
        select(History)
        .where(or_((History.entity == "quote") & (History.entity_id == quote.id),
                   (History.entity == "article") & (History.entity_id == quote.article_id)))
        .order_by(History.id.desc()).limit(1)
    ).first()
    raise ConflictError(quote.id, last.who if last else "unknown", _utc(last.at) if last else None,
                        get_quote(session, quote.id))


def add_manual_quote(session: Session, article_id: int, start: int, end: int, *, speaker: str | None,
                     group: str | None, who: str, kind: str = "manual") -> QuoteRow:
    """Add an attribution the engine missed; its text is the article's own text at [start, end)."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"there is no article with id {article_id}")
    if not 0 <= start < end <= len(article.text):
        raise StoreError(f"span [{start}, {end}) is outside article {article_id} "
                         f"(length {len(article.text)})")
    quote = Quote(
        start=start, end=end, text=article.text[start:end], kind=kind, confidence=1.0, origin="manual",
        flags=[], rejected=False, speaker_by_hand=True, group=group,
        speaker=_SpeakerCache(session).get(speaker, group),
    )
    article.quotes.append(quote)
    session.flush()
    _record(session, "quote", quote.id, "created", None, quote.text, who)
    return get_quote(session, quote.id)


def delete_article(session: Session, article_id: int, *, who: str) -> None:
    """Remove an article with its quotes and verifications (the history keeps the record)."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"there is no article with id {article_id}")
    _record(session, "article", article_id, "deleted", article.title, None, who)
    session.delete(article)


# --- reading ---------------------------------------------------------------------------------------------


def _quote_select() -> Select[tuple[Quote, str, str, str]]:
    """Quotes with their speaker, status and article title (outer joins: the first two may be NULL)."""
    return (
        select(Quote, Speaker.name, Verification.status, Article.title)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
        .outerjoin(Verification, Verification.quote_id == Quote.id)
    )


def _quote_row(quote: Quote, speaker: str | None, status: str | None, title: str) -> QuoteRow:
    return QuoteRow(
        id=quote.id, article_id=quote.article_id, article_title=title, start=quote.start, end=quote.end,
        text=quote.text, speaker=speaker, group=quote.group, kind=quote.kind, confidence=quote.confidence,
        origin=quote.origin, rejected=quote.rejected, status=status or "unverified", flags=tuple(quote.flags),
        mention=quote.mention, cue_start=quote.cue_start, cue_end=quote.cue_end,
        source_start=quote.source_start, source_end=quote.source_end, speaker_by_hand=quote.speaker_by_hand,
        version=quote.version,
    )


def get_quote(session: Session, quote_id: int) -> QuoteRow:
    """One quote by id."""
    row = session.execute(_quote_select().where(Quote.id == quote_id)).one_or_none()
    if row is None:
        raise StoreError(f"there is no quote with id {quote_id}")
    return _quote_row(*row)


def search_quotes(session: Session, *, speaker: str | None = None, group: str | Sequence[str] | None = None,
                  status: str | None = None, text: str | None = None, article_id: int | None = None,
                  include_rejected: bool = False, limit: int | None = None) -> list[QuoteRow]:
    """Quotes matching every filter given, in article then text order.

    ``speaker`` and ``text`` match anywhere, ignoring ASCII case (the speaker's aliases too); ``group``
    (one id or several) and ``status`` match exactly, and ``unverified`` includes quotes never checked.
    """
    query = _quote_select()
    if speaker:
        # match the small speaker table first: filtering the joined rows scans every quote
        pattern = like_pattern(speaker)
        matching = select(Speaker.id).where(or_(Speaker.name.ilike(pattern, escape="\\"),
                                                cast(Speaker.aliases, String).ilike(pattern, escape="\\")))
        query = query.where(Quote.speaker_id.in_(matching))
    if group:
        query = query.where(Quote.group == group if isinstance(group, str) else Quote.group.in_(group))
    if status:
        if status not in STATUSES:
            raise StoreError(f"unknown verification status {status!r} (use one of: {', '.join(STATUSES)})")
        condition = Verification.status == status
        if status == "unverified":
            condition = or_(condition, Verification.status.is_(None))
        query = query.where(condition)
    if text:
        query = query.where(text_condition(session, text))
    if article_id is not None:
        query = query.where(Quote.article_id == article_id)
    if not include_rejected:
        query = query.where(Quote.rejected.is_(False))
    query = query.order_by(Quote.article_id, Quote.start, Quote.id)
    if limit is not None:
        query = query.limit(limit)
    return [_quote_row(*row) for row in session.execute(query)]


def _verification_row(quote_id: int, verification: Verification | None) -> VerificationRow:
    if verification is None:
        return VerificationRow(quote_id, "unverified", None, (), None, None)
    return VerificationRow(
        quote_id=quote_id, status=verification.status, note=verification.note,
        evidence=tuple(verification.evidence), checked_by=verification.checked_by,
        checked_at=_utc(verification.checked_at) if verification.checked_at is not None else None,
        version=verification.version, url=verification.url,
    )


def get_verification(session: Session, quote_id: int) -> VerificationRow:
    """A quote's verification (``unverified`` if it was never checked)."""
    return _verification_row(quote_id, _get_quote(session, quote_id).verification)


def get_history(session: Session, entity: str | None = None,
                entity_id: int | None = None) -> list[HistoryRow]:
    """Recorded changes, oldest first; verifications are recorded under their quote's id."""
    query = select(History).order_by(History.id)
    if entity is not None:
        query = query.where(History.entity == entity)
    if entity_id is not None:
        query = query.where(History.entity_id == entity_id)
    return [HistoryRow(h.id, h.entity, h.entity_id, h.field, h.old_value, h.new_value, h.who, _utc(h.at))
            for h in session.scalars(query)]


def list_articles(session: Session) -> list[ArticleRow]:
    """Every article, in import order."""
    articles = session.scalars(select(Article).order_by(Article.id)).all()
    counts = _quote_counts(session)
    return [_article_row(a, counts.get(a.id, 0)) for a in articles]


def _article_row(article: Article, quotes: int) -> ArticleRow:
    return ArticleRow(article.id, article.title, article.outlet, article.url, article.published,
                      article.profile, article.text_sha256, _utc(article.imported_at), quotes)


def get_article(session: Session, article_id: int) -> tuple[ArticleRow, str]:
    """One article's row and its text."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"there is no article with id {article_id}")
    quotes = session.scalar(select(func.count()).select_from(Quote).where(Quote.article_id == article_id))
    return _article_row(article, quotes or 0), article.text


def list_speakers(session: Session) -> list[tuple[str, str | None]]:
    """Every (speaker, group) of the library by name; the group is None for speakers without one."""
    rows = session.execute(select(Speaker.name, Speaker.group).order_by(Speaker.name, Speaker.group))
    return [(name, group or None) for name, group in rows]


def status_counts(session: Session) -> list[tuple[ArticleRow, dict[str, int]]]:
    """Every article with its quotes (rejected ones left out) counted by verification status."""
    counts: dict[int, dict[str, int]] = {}
    query = (select(Quote.article_id, Verification.status, func.count())
             .outerjoin(Verification, Verification.quote_id == Quote.id)
             .where(Quote.rejected.is_(False))
             .group_by(Quote.article_id, Verification.status))
    for article_id, status, count in session.execute(query):
        by_status = counts.setdefault(article_id, {})
        key = status or "unverified"
        by_status[key] = by_status.get(key, 0) + count
    return [(row, counts.get(row.id, {})) for row in list_articles(session)]


def _quote_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(Quote.article_id, func.count()).group_by(Quote.article_id)).tuples()
    return dict(rows.all())


# --- the facade ------------------------------------------------------------------------------------------


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

    def close(self) -> None:
        """Close every connection (the last one checkpoints and removes the WAL file)."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self, makers: sessionmaker[Session]) -> Iterator[Session]:
        try:
            with makers.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(describe_db_error(self.where, error)) from None

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
        return self.write(lambda s: add_manual_quote(s, article_id, start, end, speaker=speaker, group=group,
                                                     who=who, kind=kind))

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
