"""Reading quotes: one by id (with what the desk shows beside it), and the search over the library."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, String, cast, or_, select
from sqlalchemy.orm import Session, joinedload

from attribview.store.errors import StoreError
from attribview.store.history import quote_history
from attribview.store.models import Article, Quote, Speaker, Verification
from attribview.store.rows import QuoteDetails, QuoteRow, VerificationRow, utc
from attribview.store.search import like_pattern, text_condition
from attribview.store.statuses import STATUSES


def quote_select() -> Select[tuple[Quote, str, str, str]]:
    """Quotes with their speaker, status and article title (outer joins: the first two may be NULL)."""
    return (
        select(Quote, Speaker.name, Verification.status, Article.title)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
        .outerjoin(Verification, Verification.quote_id == Quote.id)
    )


def quote_row(quote: Quote, speaker: str | None, status: str | None, title: str) -> QuoteRow:
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
    row = session.execute(quote_select().where(Quote.id == quote_id)).one_or_none()
    if row is None:
        raise StoreError(f"there is no quote with id {quote_id}")
    return quote_row(*row)


def search_quotes(session: Session, *, speaker: str | None = None, group: str | Sequence[str] | None = None,
                  status: str | None = None, text: str | None = None, article_id: int | None = None,
                  include_rejected: bool = False, limit: int | None = None) -> list[QuoteRow]:
    """Quotes matching every filter given, in article then text order.

    ``speaker`` and ``text`` match anywhere, ignoring ASCII case (the speaker's aliases too); ``group``
    (one id or several) and ``status`` match exactly, and ``unverified`` includes quotes never checked.
    """
    query = quote_select()
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
        query = query.where(text_condition(session, text, paged=limit is not None))
    if article_id is not None:
        query = query.where(Quote.article_id == article_id)
    if not include_rejected:
        query = query.where(Quote.rejected.is_(False))
    query = query.order_by(Quote.article_id, Quote.start, Quote.id)
    if limit is not None:
        query = query.limit(limit)
    return [quote_row(*row) for row in session.execute(query)]


def load_quote(session: Session, quote_id: int) -> tuple[Quote, str]:
    """The quote to change, with its speaker and verification loaded in the same query, and its
    article's title (not the article, whose text can be large)."""
    found = session.execute(
        select(Quote, Article.title).join(Article, Quote.article_id == Article.id)
        .options(joinedload(Quote.speaker), joinedload(Quote.verification))
        .where(Quote.id == quote_id)
    ).one_or_none()
    if found is None:
        raise StoreError(f"there is no quote with id {quote_id}")
    return found[0], found[1]


def row_of(quote: Quote, title: str) -> QuoteRow:
    """The row of a quote loaded by :func:`load_quote` (after a change: no query)."""
    speaker = quote.speaker.name if quote.speaker is not None else None
    status = quote.verification.status if quote.verification is not None else None
    return quote_row(quote, speaker, status, title)


def verification_row(quote_id: int, verification: Verification | None) -> VerificationRow:
    if verification is None:
        return VerificationRow(quote_id, "unverified", None, (), None, None)
    return VerificationRow(
        quote_id=quote_id, status=verification.status, note=verification.note,
        evidence=tuple(verification.evidence), checked_by=verification.checked_by,
        checked_at=utc(verification.checked_at) if verification.checked_at is not None else None,
        version=verification.version, url=verification.url,
    )


def get_verification(session: Session, quote_id: int) -> VerificationRow:
    """A quote's verification (``unverified`` if it was never checked)."""
    quote, _title = load_quote(session, quote_id)
    return verification_row(quote_id, quote.verification)


def quote_details(session: Session, quote_id: int, loaded: tuple[Quote, str] | None = None) -> QuoteDetails:
    """A quote, its verification and its history; ``loaded`` (from :func:`load_quote`, in this
    transaction) saves reading the quote again."""
    quote, title = loaded if loaded is not None else load_quote(session, quote_id)
    session.flush()  # the changes of this transaction before the quote's state and history are read
    return QuoteDetails(row_of(quote, title), verification_row(quote_id, quote.verification),
                        tuple(quote_history(session, quote_id)))
