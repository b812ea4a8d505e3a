"""The library as JSON or CSV, and the checked quotes a ClaimReview export is built from (in the core)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from attribview.store.errors import StoreError
from attribview.store.models import Article, Quote, SpeakerGroup

#: Statuses a fact-checker publishes; "unverified" and "in_progress" are work, not findings.
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
            "url": verification.url,
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


def _group_labels(session: Session) -> dict[tuple[str, str], str]:
    """Each stored group's label by (profile, group id), as the import recorded it in ``speaker_group``."""
    rows = session.execute(select(SpeakerGroup.profile, SpeakerGroup.group, SpeakerGroup.label))
    return {(profile, group): label for profile, group, label in rows.tuples()}


def export_csv(session: Session, article_id: int | None = None, *, bom: bool = False) -> str:
    """One row per quote, with its mention, cue and source text; flags joined by ";", evidence by spaces.

    A group's label is the one stored with the library's groups (``speaker_group``), so the file
    names the groups as the import saw them, whatever profiles this installation has; `bom`
    starts the text with a UTF-8 byte-order mark, so that Excel opens it right. Every field is quoted
    and passes through :func:`spreadsheet_cell`, so article or user text that begins like a formula
    (``=HYPERLINK(...)``) reaches the spreadsheet as text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    labels = _group_labels(session)
    for article in _articles(session, article_id):
        for quote in _sorted_quotes(article):
            v = quote.verification
            writer.writerow(spreadsheet_cell(cell) for cell in [
                quote.id, article.id, article.title, article.outlet or "", article.url or "",
                _iso(article.published) or "", quote.start, quote.end,
                quote.speaker.name if quote.speaker is not None else "", quote.mention or "",
                quote.group or "", labels.get((article.profile or "", quote.group or ""), ""), quote.kind,
                quote.confidence, quote.origin, str(quote.rejected).lower(), ";".join(quote.flags),
                v.status if v is not None else "unverified", (v.note or "") if v is not None else "",
                " ".join(v.evidence) if v is not None else "", (v.checked_by or "") if v is not None else "",
                (_iso(v.checked_at) or "") if v is not None else "", quote.text,
                _span(article.text, quote.cue_start, quote.cue_end),
                _span(article.text, quote.source_start, quote.source_end),
            ])
    return (BOM if bom else "") + buffer.getvalue()


@dataclass(frozen=True)
class CheckedQuote:
    """A quote with a published finding and the article it appeared in: what a ClaimReview is built from."""

    quote_id: int
    text: str
    kind: str
    speaker: str | None
    group: str | None
    mention: str | None
    cue: str
    status: str
    note: str | None
    evidence: tuple[str, ...]
    checked_by: str | None
    checked_at: dt.datetime | None  # UTC, without a zone
    url: str | None
    profile: str | None
    article_title: str
    article_url: str | None
    outlet: str | None
    published: dt.date | None


def checked_quotes(session: Session, article_id: int | None = None) -> list[CheckedQuote]:
    """Every quote (not rejected) whose verification is a published finding, in article order."""
    return [
        CheckedQuote(
            quote_id=quote.id, text=quote.text, kind=quote.kind,
            speaker=quote.speaker.name if quote.speaker is not None else None, group=quote.group,
            mention=quote.mention, cue=_span(article.text, quote.cue_start, quote.cue_end),
            status=v.status, note=v.note, evidence=tuple(v.evidence), checked_by=v.checked_by,
            checked_at=v.checked_at, url=v.url, profile=article.profile, article_title=article.title,
            article_url=article.url, outlet=article.outlet, published=article.published,
        )
        for article in _articles(session, article_id)
        for quote in _sorted_quotes(article)
        if (v := quote.verification) is not None and not quote.rejected and v.status in PUBLISHED_STATUSES
    ]
