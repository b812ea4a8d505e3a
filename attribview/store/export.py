"""The library as JSON, CSV or schema.org ClaimReview, for readers outside attribview."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from attribview.store.errors import StoreError
from attribview.store.models import Article, Quote, Verification

# Statuses a fact-checker publishes; "unverified" and "in_progress" are work, not findings.
PUBLISHED_STATUSES = ("verified", "disputed", "false", "inconclusive")

#: What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    "quote_id", "article_id", "article_title", "outlet", "url", "published", "start", "end", "speaker",
    "mention", "group", "group_label", "kind", "confidence", "origin", "rejected", "flags", "status", "note",
    "evidence", "checked_by", "checked_at", "text", "cue", "source",
)
#: A UTF-8 byte-order mark: without it Excel reads a CSV file as the local code page and garbles
#: "Зеленський" or "Sánchez"; other programs read the file the same with or without it.
BOM = "\ufeff"


def _articles(session: Session, article_id: int | None) -> Iterator[Article]:
    """Articles with their quotes, speakers and verifications loaded in a few queries."""
    query = (
        select(Article).order_by(Article.id)
        .options(selectinload(Article.quotes).selectinload(Quote.speaker),
                 selectinload(Article.quotes).selectinload(Quote.verification))
    )
    if article_id is not None:
        query = query.where(Article.id == article_id)
    found = False
    for article in session.scalars(query):
        found = True
        yield article
    if article_id is not None and not found:
        raise StoreError(f"there is no article with id {article_id}")


def _sorted_quotes(article: Article) -> list[Quote]:
    return sorted(article.quotes, key=lambda q: (q.start, q.id))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _quote_json(quote: Quote) -> dict[str, Any]:
    verification = quote.verification
    return {
        "id": quote.id, "start": quote.start, "end": quote.end, "text": quote.text,
        "speaker": quote.speaker.name if quote.speaker is not None else None, "group": quote.group,
        "kind": quote.kind, "confidence": quote.confidence, "origin": quote.origin,
        "rejected": quote.rejected, "flags": list(quote.flags), "mention": quote.mention,
        "cue_start": quote.cue_start, "cue_end": quote.cue_end,
        "source_start": quote.source_start, "source_end": quote.source_end,
        "verification": None if verification is None else {
            "status": verification.status, "note": verification.note, "evidence": list(verification.evidence),
            "checked_by": verification.checked_by, "checked_at": _iso(verification.checked_at),
        },
    }


def export_json(session: Session, article_id: int | None = None) -> str:
    """Every article (or one) with its text, quotes and verifications; times are UTC."""
    articles = [
        {
            "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "published": _iso(a.published),
            "profile": a.profile, "text_sha256": a.text_sha256, "imported_at": _iso(a.imported_at),
            "text": a.text, "quotes": [_quote_json(q) for q in _sorted_quotes(a)],
        }
        for a in _articles(session, article_id)
    ]
    return json.dumps({"format": "attribview-library", "version": 1, "articles": articles},
                      ensure_ascii=False, indent=2)


def spreadsheet_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP's CSV-injection advice).

    A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``,
    which spreadsheets read as "this is text"; the writer quotes every field besides.
    """
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _span(text: str, start: int | None, end: int | None) -> str:
    """The article text between two offsets, empty when there is no such span."""
    return text[start:end] if start is not None and end is not None else ""


def export_csv(session: Session, article_id: int | None = None, *,
               group_labels: Mapping[str, Mapping[str, str]] | None = None, bom: bool = False) -> str:
    """One row per quote, with its mention, cue and source text; flags joined by ";", evidence by spaces.

    `group_labels` gives, per profile id, each group's label (the store keeps group ids only); `bom`
    starts the text with a UTF-8 byte-order mark, so that Excel opens it right. Every field is quoted
    and passes through :func:`spreadsheet_cell`, so article or user text that begins like a formula
    (``=HYPERLINK(...)``) reaches the spreadsheet as text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for article in _articles(session, article_id):
        labels = (group_labels or {}).get(article.profile or "", {})
        for quote in _sorted_quotes(article):
            v = quote.verification
            writer.writerow(spreadsheet_cell(cell) for cell in [
                quote.id, article.id, article.title, article.outlet or "", article.url or "",
                _iso(article.published) or "", quote.start, quote.end,
                quote.speaker.name if quote.speaker is not None else "", quote.mention or "",
                quote.group or "", labels.get(quote.group or "", ""), quote.kind,
                quote.confidence, quote.origin, str(quote.rejected).lower(), ";".join(quote.flags),
                v.status if v is not None else "unverified", (v.note or "") if v is not None else "",
                " ".join(v.evidence) if v is not None else "", (v.checked_by or "") if v is not None else "",
                (_iso(v.checked_at) or "") if v is not None else "", quote.text,
                _span(article.text, quote.cue_start, quote.cue_end),
                _span(article.text, quote.source_start, quote.source_end),
            ])
    return (BOM if bom else "") + buffer.getvalue()


def _claim_review(article: Article, quote: Quote, verification: Verification) -> dict[str, Any]:
    """One ClaimReview: the reviewer is its author, the quote's speaker the author of the claim."""
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published is not None:
        appearance["datePublished"] = article.published.isoformat()
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if quote.speaker is not None:
        claim["author"] = {"@type": "Person", "name": quote.speaker.name}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": quote.text,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": verification.status},
    }
    if verification.checked_by:
        review["author"] = {"@type": "Person", "name": verification.checked_by}
    if verification.checked_at is not None:
        review["datePublished"] = verification.checked_at.date().isoformat()
    if verification.note:
        review["reviewBody"] = verification.note
    if verification.evidence:
        review["citation"] = list(verification.evidence)
    return review


def export_claimreview(session: Session, article_id: int | None = None) -> str:
    """A JSON-LD list of ClaimReview objects for the quotes with a published finding (not rejected)."""
    reviews = [
        _claim_review(article, quote, verification)
        for article in _articles(session, article_id)
        for quote in _sorted_quotes(article)
        if (verification := quote.verification) is not None
        and not quote.rejected and verification.status in PUBLISHED_STATUSES
    ]
    return json.dumps(reviews, ensure_ascii=False, indent=2)
