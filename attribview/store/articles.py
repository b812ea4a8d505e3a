"""Articles in the library: importing an analysis (a text already there is re-analysed in place, keeping
every manual correction), its sentences for the viewer, and reading articles back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from attribview.store.errors import StoreError
from attribview.store.history import record
from attribview.store.models import Article, Quote, Verification
from attribview.store.quotes import search_quotes
from attribview.store.rows import (
    AnalysisLike,
    ArticleMeta,
    ArticleRow,
    ArticleText,
    QuoteLike,
    SentenceLike,
    now,
    text_sha256,
    utc,
)
from attribview.store.speakers import SpeakerCache

STALE_FLAG = "stale"  # an engine quote kept for its manual work although re-analysis no longer finds it
ENGINE_WHO = "engine"


def find_article_id(session: Session, text: str) -> int | None:
    """The id of the article with exactly this text, if it is in the library."""
    return session.scalar(select(Article.id).where(Article.text_sha256 == text_sha256(text)))


def save_analysis(session: Session, meta: ArticleMeta, analysis: AnalysisLike) -> int:
    """Store an analysis and return its article id.

    A text already in the library is re-analysed in place: engine quotes are replaced, while manual
    quotes, rejections, speakers chosen by hand and verifications are kept (old and new engine quotes are
    matched by overlapping spans).
    """
    speakers = SpeakerCache(session)
    article = session.scalars(
        select(Article).where(Article.text_sha256 == text_sha256(analysis.text))
    ).one_or_none()
    if article is None:
        article = Article(
            title=meta.title, outlet=meta.outlet, url=meta.url, published=meta.published,
            text=analysis.text, text_sha256=text_sha256(analysis.text), profile=analysis.profile,
            imported_at=now(), sentences=sentence_values(analysis.sentences), language=meta.language,
            counting=analysis.counting,
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
    article.sentences = sentence_values(analysis.sentences)
    article.counting = analysis.counting
    article.language = meta.language or article.language
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


def _engine_quote(found: QuoteLike, speakers: SpeakerCache) -> Quote:
    quote = Quote(origin="engine", rejected=False, speaker_by_hand=False)
    _apply_engine(quote, found, speakers)
    return quote


def _engine_fields(quote: Quote) -> tuple[object, ...]:
    return (quote.start, quote.end, quote.text, quote.cue_start, quote.cue_end, quote.source_start,
            quote.source_end, quote.kind, quote.confidence, quote.mention, list(quote.flags or ()),
            quote.speaker, quote.group)


def _apply_engine(quote: Quote, found: QuoteLike, speakers: SpeakerCache) -> bool:
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
               speakers: SpeakerCache) -> None:
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
        record(session, "article", article.id, "analysis", f"{len(old)} engine quotes",
                f"{changed} changed, {len(added)} added, {removed} removed", ENGINE_WHO)


def sentence_values(sentences: Sequence[SentenceLike]) -> list[Any]:
    """Sentences as the ``sentences`` column keeps them: [start, end, groups, flags] each."""
    return [[s.start, s.end, list(s.groups), list(s.flags)] for s in sentences]


def set_sentences(session: Session, article_id: int, sentences: Sequence[SentenceLike], language: str | None,
                  counting: str | None) -> None:
    """Keep the sentences of an article imported before the library kept them (found by re-analysis)."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"there is no article with id {article_id}")
    article.sentences = sentence_values(sentences)
    article.language, article.counting = language, counting


def delete_article(session: Session, article_id: int, *, who: str) -> None:
    """Remove an article with its quotes and verifications (the history keeps the record)."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"there is no article with id {article_id}")
    record(session, "article", article_id, "deleted", article.title, None, who)
    session.delete(article)


# --- reading ---------------------------------------------------------------------------------------------

#: An article's row without its text and sentences (which can be large), with its number of quotes.
_ROW_COLUMNS = (Article.id, Article.title, Article.outlet, Article.url, Article.published, Article.profile,
                Article.text_sha256, Article.imported_at)


def _quote_count() -> Any:
    return (select(func.count()).select_from(Quote).where(Quote.article_id == Article.id)
            .correlate(Article).scalar_subquery())


def _article_row(values: Sequence[Any]) -> ArticleRow:
    article_id, title, outlet, url, published, profile, sha256, imported_at, quotes = values
    return ArticleRow(article_id, title, outlet, url, published, profile, sha256, utc(imported_at),
                      quotes or 0)


def list_articles(session: Session) -> list[ArticleRow]:
    """Every article, in import order."""
    return [_article_row(row) for row in session.execute(select(*_ROW_COLUMNS, _quote_count())
                                                         .order_by(Article.id))]


def get_article(session: Session, article_id: int) -> tuple[ArticleRow, str]:
    """One article's row and its text."""
    found = session.execute(select(*_ROW_COLUMNS, _quote_count(), Article.text)
                            .where(Article.id == article_id)).one_or_none()
    if found is None:
        raise StoreError(f"there is no article with id {article_id}")
    return _article_row(found[:-1]), found[-1]


def article_text(session: Session, article_id: int) -> ArticleText:
    """An article with its sentences and its quotes (rejected ones left out): what the viewer shows,
    in two queries."""
    found = session.execute(select(*_ROW_COLUMNS, _quote_count(), Article.text, Article.sentences,
                                   Article.language, Article.counting)
                            .where(Article.id == article_id)).one_or_none()
    if found is None:
        raise StoreError(f"there is no article with id {article_id}")
    text, sentences, language, counting = found[-4:]
    kept = None if sentences is None else tuple(
        (start, end, tuple(groups), tuple(flags)) for start, end, groups, flags in sentences)
    return ArticleText(_article_row(found[:-4]), text, kept, language, counting,
                       tuple(search_quotes(session, article_id=article_id)))


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
